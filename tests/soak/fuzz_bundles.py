"""Fuzz the office's import with thousands of mutated bundles; none may be accepted.

    python -m tests.soak.fuzz_bundles [--count 5000] [--seed 1]

Three families of mutations of real, valid bundles of a registered device:

- *file*: bytes of the encrypted file (bit flips, truncation, insertion, deletion, garbage,
  copies of slices), on a one-chunk and a many-chunk bundle;
- *payload*: the same on the decrypted payload, encrypted again to the office, so the
  manifest, signature and section checks are reached;
- *signed*: operations made invalid one way or another (types, vocabularies, unknown
  records and fields, immutable fields, lying counts) and signed with the device's real key,
  so the operation checks and the merge rules are reached.

Every bundle goes through `import_bundles(..., dry_run=True)`. It reports how many were
accepted (status other than `rejected`: must be 0), how many raised anything other than a
refusal (must be 0), the refusal codes seen, and checks that the office's files are the same
at the end. Exit status 0 only when both counts are 0. The unmutated bundles are checked to be
accepted first, so a broken set-up cannot pass for a robust importer.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import sys
import tempfile
import time
import traceback
import uuid
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("PIPPI_KDF_MEMORY_KIB", "65536")
os.environ.setdefault("PIPPI_KDF_ITERATIONS", "1")

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from pippi_desktop.services import bundle_export, bundle_import
from pippi_desktop.services.demo_data import fill_demo_data
from pippi_desktop.services.workspace_service import create_workspace
from pippi_desktop.sync import envelope
from tests.conftest import PASSPHRASE, tree_hashes
from tests.sync.helpers import (
    data_key,
    draft_bundle,
    identity_keys,
    open_with_key,
    trust_pair,
)

Mutator = Callable[[random.Random, bytes], bytes]


def flip_bits(rng: random.Random, data: bytes) -> bytes:
    changed = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        position = rng.randrange(len(changed))
        changed[position] ^= 1 << rng.randrange(8)
    return bytes(changed)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def append(rng: random.Random, data: bytes) -> bytes:
    return data + rng.randbytes(rng.randint(1, 300))


def overwrite(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(len(data))
    size = rng.randint(1, 64)
    return data[:start] + rng.randbytes(size) + data[start + size :]


def delete_slice(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 200) :]


def insert(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + rng.randbytes(rng.randint(1, 200)) + data[start:]


def copy_slice(rng: random.Random, data: bytes) -> bytes:
    start, other = rng.randrange(len(data)), rng.randrange(len(data))
    size = rng.randint(1, 4096)
    return data[:other] + data[start : start + size] + data[other + size :]


def set_byte_values(rng: random.Random, data: bytes) -> bytes:
    changed = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        changed[rng.randrange(len(changed))] = rng.choice((0, 0xFF, 0x7F, 0x80, 0x22, 0x5C))
    return bytes(changed)


def changed(rng: random.Random, mutator: Mutator, data: bytes) -> bytes:
    """A mutation that really changes something (writing a byte over itself is no test)."""
    while True:
        result = mutator(rng, data)
        if result != data:
            return result


BYTE_MUTATORS: list[Mutator] = [
    flip_bits,
    truncate,
    append,
    overwrite,
    delete_slice,
    insert,
    copy_slice,
    set_byte_values,
]


def _signed_mutations() -> list[Callable[[random.Random, dict], None]]:
    """Each makes one operation (or the ranges) invalid in a way no sender may produce."""

    def pick(rng: random.Random, draft) -> dict:
        return rng.choice(draft.operations)

    def wrong_type(rng, draft) -> None:
        op = pick(rng, draft)
        field = rng.choice(list(op["changes"]))
        op["changes"][field] = rng.choice([1.5, True, [], {}, 10**20, "", " x", "\x00"])

    def unknown_field(rng, draft) -> None:
        pick(rng, draft)["changes"][rng.choice(["colore", "deleted_at", "__class__"])] = "x"

    def unknown_kind(rng, draft) -> None:
        pick(rng, draft)["record_type"] = rng.choice(["diario", "", "Family", "visits"])

    def unknown_action(rng, draft) -> None:
        pick(rng, draft)["action"] = rng.choice(["merge", "undelete", "", None])

    def bad_code(rng, draft) -> None:
        ops = [  # codes of a vocabulary (a group session's place is free text)
            op
            for op in draft.operations
            if (op["record_type"] == "visit" and "place" in op["changes"])
            or (op["record_type"] == "person" and "role" in op["changes"])
        ]
        op = rng.choice(ops)
        key = "place" if op["record_type"] == "visit" else "role"
        op["changes"][key] = rng.choice(["luna", "CASA", "casa ", "zio"])

    def bad_date(rng, draft) -> None:
        ops = [op for op in draft.operations if "date" in op["changes"]]
        rng.choice(ops)["changes"]["date"] = rng.choice(
            ["2026-02-30", "1899-12-31", "2101-01-01", "20261101", "01/11/2026", 20261101]
        )

    def unknown_record(rng, draft) -> None:
        op = pick(rng, draft)
        op.update(
            action="update",
            record_type="visit",
            record_id=str(uuid.uuid4()),
            changes={"notes": "x"},
            seen={"notes": None},
        )

    def immutable(rng, draft) -> None:
        ops = [op for op in draft.operations if op["record_type"] == "visit"]
        op = rng.choice(ops)
        op.update(
            action="update",
            changes={"family_id": str(uuid.uuid4())},
            seen={"family_id": None},
        )

    def future_seen(rng, draft) -> None:
        ops = [op for op in draft.operations if op["action"] == "update"] or draft.operations
        op = rng.choice(ops)
        op["action"] = "update"
        op["seen"] = {name: [op["lamport"] + 5, op["device_id"]] for name in op["changes"]}
        op["changes"] = {k: v for k, v in op["changes"].items() if k not in ("family_id",)}

    def lamport_backwards(rng, draft) -> None:
        index = rng.randrange(1, len(draft.operations))
        draft.operations[index]["lamport"] = draft.operations[index - 1]["lamport"]

    def missing_key(rng, draft) -> None:
        op = pick(rng, draft)
        del op[rng.choice(list(op))]

    def reordered(rng, draft) -> None:
        i, j = rng.sample(range(len(draft.operations)), 2)
        draft.operations[i], draft.operations[j] = draft.operations[j], draft.operations[i]

    return [
        wrong_type,
        unknown_field,
        unknown_kind,
        unknown_action,
        bad_code,
        bad_date,
        unknown_record,
        immutable,
        future_seen,
        lamport_backwards,
        missing_key,
        reordered,
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as holder:
        root = Path(holder)
        office = create_workspace(
            root / "office.pippiws", role="office", name="Ufficio", passphrase=PASSPHRASE
        ).workspace
        educator = create_workspace(
            root / "edu.pippiws", role="educator", name="Edu", passphrase=PASSPHRASE
        ).workspace
        trust_pair(office, educator, root)
        fill_demo_data(educator, 2, seed=args.seed)
        result = bundle_export.export_bundle(educator)
        assert result.file is not None
        single = result.file.read_bytes()
        office_keys = identity_keys(office)
        _header, payload = envelope.open_sealed(single, office_keys.exchange)
        recipient = X25519PublicKey.from_public_bytes(office_keys.exchange_public)
        multi = envelope.seal(
            payload, recipient, direction=envelope.TO_OFFICE, chunk_size=envelope.MIN_CHUNK * 8
        )
        office_root = office.folder
        office.close()
        before = tree_hashes(office_root)
        key = data_key(office_root)
        office = open_with_key(office_root, key)
        work = root / "cases"
        work.mkdir()

        def run(data: bytes) -> str:
            path = work / "case.pippi"
            path.write_bytes(data)
            (outcome,) = bundle_import.import_bundles(office, [path], dry_run=True)
            return outcome.reason or outcome.status

        for name, data in (("single", single), ("multi", multi)):
            assert run(data) == "would_apply", f"the unmutated {name} bundle must be accepted"
        control = draft_bundle(educator, office)
        control_path = control.write(work / "control.pippi")
        assert run(control_path.read_bytes()) == "would_apply", "the forger must work"
        educator.close()

        reasons: collections.Counter[str] = collections.Counter()
        accepted: list[str] = []
        errors: list[str] = []
        signed = _signed_mutations()
        start = time.perf_counter()
        for case in range(args.count):
            family = ("file", "payload", "signed")[case % 3]
            try:
                if family == "file":
                    mutator = rng.choice(BYTE_MUTATORS)
                    original = single if rng.random() < 0.5 else multi
                    data = changed(rng, mutator, original)
                elif family == "payload":
                    mutator = rng.choice(BYTE_MUTATORS)
                    if rng.random() < 0.5:  # aim at the manifest and the signature
                        mutated = changed(rng, mutator, payload[:2048]) + payload[2048:]
                    else:
                        mutated = changed(rng, mutator, payload)
                    data = envelope.seal(mutated, recipient, direction=envelope.TO_OFFICE)
                else:
                    mutation = rng.choice(signed)
                    mutator = mutation  # type: ignore[assignment]
                    draft = draft_bundle_from(control, rng, mutation)
                    data = draft.write(work / "signed.pippi", fix_counts=False).read_bytes()
                reason = run(data)
            except Exception:
                errors.append(
                    f"{family}/{getattr(mutator, '__name__', '?')}: {traceback.format_exc(limit=4)}"
                )
                continue
            reasons[f"{family}:{reason}"] += 1
            if reason in ("would_apply", "applied", "already_imported"):
                accepted.append(f"{family}/{mutator.__name__}")
        elapsed = time.perf_counter() - start
        office.close()
        same_files = tree_hashes(office_root) == before

    print(f"mutated bundles: {args.count} in {elapsed:.1f} s (seed {args.seed})")
    print(f"accepted: {len(accepted)}")
    print(f"unexpected exceptions: {len(errors)}")
    print(f"office files unchanged: {same_files}")
    for key_name, count in sorted(reasons.items()):
        print(f"  {key_name:32} {count}")
    for line in (accepted + errors)[:5]:
        print(line)
    return 0 if not accepted and not errors and same_files else 1


def draft_bundle_from(control, rng: random.Random, mutation) -> object:
    """A fresh copy of the control draft with one mutation applied."""
    original = json.dumps(control.operations, sort_keys=True)
    while True:
        draft = control.__class__(
            educator=control.educator,
            office=control.office,
            operations=json.loads(original),
            audit=[dict(entry) for entry in control.audit],
            manifest=control.manifest,
            signing=control.signing,
            recipient_key=control.recipient_key,
        )
        mutation(rng, draft)
        if json.dumps(draft.operations, sort_keys=True) != original:
            return draft  # (a value set to what it was is no test)


if __name__ == "__main__":
    sys.exit(main())
