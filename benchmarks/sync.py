"""Sync speed: export and import of 10,000 operations, each against its floor in the same run.

    python benchmarks/sync.py [--ops 10000] [--office-ops 100000] [--repeat 5] [--keep DIR]

1. Export (`export-bundle --full` of about `--ops` operations: read, encode, sign, encrypt,
   write atomically, read back, record) against its fair floor: the same operations and audit
   entries selected with raw sqlcipher3 from the same file, encoded as JSON, encrypted with one
   ChaCha20-Poly1305 call under a file key sealed with HPKE to the office's key (the bundle's
   construction), written and fsynced. Target: ratio <= 2.
2. Import of that bundle into an office that already holds `--office-ops` operations (the
   whole pipeline: decrypt, manifest, signature, sequence, digests, every operation checked,
   merge, derived columns, receipt, audit, one commit), against raw sqlcipher3
   `executemany` of the rows the import writes (operations, records, received audit entries)
   into a copy of the same office, in one transaction. Target: ratio <= 3.
3. The same import into an office of about `--ops` operations versus the big office.
   Target: ratio <= 1.3 (the cost must follow the bundle, not the office). For context the
   same ratio of the raw inserts is printed: random-key B-tree inserts and the commit touch
   more pages in a bigger database whatever the application does.

Each round runs every side once, the order reversed every other round (benchmarks/_common.py),
after one uncounted round; medians, their spread and the median of the ratios of each pair
are printed. Every timed export and import starts from a fresh copy of its workspace; the
floor reads and writes the same copy as the export it is paired with. Offices are copies of
one office (same keys), filled by other devices' bundles. `--keep DIR` keeps the generated
workspaces (generating 100,000 operations of demo data takes a few minutes).

A new figure is one more side in `_round_sides` and one more `report_pairs`: the floor of a
bundle in any direction is `bundle_floor` with the SELECTs of the rows that bundle carries.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import Pairs, in_turns, load_note, report_pairs

os.environ.setdefault("PIPPI_KDF_MEMORY_KIB", "65536")
os.environ.setdefault("PIPPI_KDF_ITERATIONS", "1")

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite
from sqlalchemy import text

from pippi_desktop.services import bundle_export, bundle_import, trust_service
from pippi_desktop.services.demo_data import fill_demo_data
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.services.workspace_service import _open_store, create_workspace
from pippi_desktop.storage import keyslots as ks
from pippi_desktop.storage.engine import connect_raw

PASSPHRASE = "misura la sincronizzazione"
SYNCED_TABLES = (
    "families",
    "people",
    "equipe_members",
    "dispositivi",
    "phase_records",
    "visits",
    "group_sessions",
    "group_attendance",
    "assessments",
    "assessment_entries",
    "microproject_items",
    "catalogues",
)


def _key(root: Path) -> bytes:
    slots, _ = ks.load(root / "keyslots.json")
    return bytes(ks.unlock_with_passphrase(slots, PASSPHRASE))


def _open(root: Path, key: bytes) -> OpenWorkspace:
    """Open a copy with its known data key (no Argon2 per open)."""
    return OpenWorkspace(_open_store(root, unlocker=lambda _slots: bytearray(key)))


def _operations(workspace) -> int:
    with store_of(workspace).read() as connection:
        return int(connection.execute(text("SELECT count(*) FROM op_log")).scalar() or 0)


def _educator(root: Path, name: str, ops: int, seed: int):
    workspace = create_workspace(
        root / f"{name}.pippiws", role="educator", name=name, passphrase=PASSPHRASE
    ).workspace
    while _operations(workspace) < ops:
        fill_demo_data(workspace, 10, seed=seed)
    return workspace


def _trust(office, educator, root: Path, name: str) -> None:
    card = trust_service.export_office_card(office, root / f"office-for-{name}.card")
    trust_service.trust_office(educator, card.path, card.fingerprint)
    device = trust_service.export_device_card(educator, root / f"{name}.card")
    trust_service.register_device(office, device.path, device.fingerprint, educator=name)


def _prepare(root: Path, ops: int, office_ops: int) -> dict[str, Path]:
    """Office templates (small, big) holding other devices' data, and the measured bundle."""
    done = root / "ready"
    paths = {
        "small": root / "office-small.pippiws",
        "big": root / "office-big.pippiws",
        "bundle": root / "measured.pippi",
        "educator": root / "measured.pippiws",
    }
    if done.exists():
        return paths
    start = time.perf_counter()
    office = create_workspace(
        root / "office.pippiws", role="office", name="Ufficio", passphrase=PASSPHRASE
    ).workspace
    measured = _educator(root, "measured", ops, seed=1)
    small_filler = _educator(root, "small-filler", ops, seed=2)
    big_filler = _educator(root, "big-filler", office_ops, seed=3)
    for name, educator in (
        ("measured", measured),
        ("small-filler", small_filler),
        ("big-filler", big_filler),
    ):
        _trust(office, educator, root, name)
    fills = {}
    for name, educator in (("small", small_filler), ("big", big_filler)):
        result = bundle_export.export_bundle(educator)
        assert result.file is not None
        fills[name] = result.file
    bundle = bundle_export.export_bundle(measured)
    assert bundle.file is not None
    shutil.copy(bundle.file, paths["bundle"])
    office_root = office.folder
    for workspace in (office, measured, small_filler, big_filler):
        workspace.close()
    key = _key(office_root)
    for name in ("small", "big"):
        shutil.copytree(office_root, paths[name])
        with _open(paths[name], key) as filled:
            (outcome,) = bundle_import.import_bundles(filled, [fills[name]])
            assert outcome.status == "applied", outcome.reason
    done.write_text("ok")
    print(f"generated the workspaces in {time.perf_counter() - start:.0f} s")
    return paths


def _copy(template: Path, scratch: Path, label: str) -> Path:
    copy = scratch / f"{label}-{time.monotonic_ns()}.pippiws"
    shutil.copytree(template, copy)
    return copy


def _timed_import(copy: Path, bundle: Path, key: bytes) -> float:
    with _open(copy, key) as office:
        start = time.perf_counter()
        (outcome,) = bundle_import.import_bundles(office, [bundle])
        elapsed = time.perf_counter() - start
        assert outcome.status == "applied", outcome.reason
    return elapsed


def _rows_written(imported: Path, key: bytes) -> list[tuple[str, list[str], list[tuple]]]:
    """The rows the import wrote: the device's operations and audit entries, its records."""
    connection = connect_raw(imported / "workspace.db", key)
    try:
        device = connection.execute(
            "SELECT device_id FROM bundles_received ORDER BY imported_at DESC LIMIT 1"
        ).fetchone()[0]
        tables = []

        def grab(table: str, where: str, *params: object) -> None:
            cursor = connection.execute(f"SELECT * FROM {table} WHERE {where}", params)
            columns = [item[0] for item in cursor.description]
            tables.append((table, columns, cursor.fetchall()))

        grab("op_log", "device_id = ?", device)
        grab("received_audit", "sender_device_id = ?", device)
        for table in SYNCED_TABLES:
            grab(table, "id IN (SELECT record_id FROM op_log WHERE device_id = ?)", device)
        return tables
    finally:
        connection.close()


def _timed_raw(copy: Path, key: bytes, rows) -> float:
    connection = connect_raw(copy / "workspace.db", key)
    try:
        start = time.perf_counter()
        connection.execute("BEGIN")
        for table, columns, values in rows:
            marks = ", ".join("?" for _ in columns)
            connection.executemany(
                f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({marks})", values
            )
        connection.execute("COMMIT")
        elapsed = time.perf_counter() - start
    finally:
        connection.close()
    return elapsed


def _timed_export(copy: Path, key: bytes) -> tuple[float, int, int]:
    """(seconds, operations, file bytes) of `export-bundle --full` on `copy`."""
    with _open(copy, key) as educator:
        start = time.perf_counter()
        result = bundle_export.export_bundle(educator, full=True)
        elapsed = time.perf_counter() - start
        assert result.written and result.file is not None
        size = result.file.stat().st_size
        result.file.unlink()
    return elapsed, result.operations, size


# --- the floor of a bundle ------------------------------------------------------------------

HPKE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.CHACHA20_POLY1305)  # as sync/envelope.py


def bundle_floor(
    connection,  # a keyed raw sqlcipher3 connection, opened before the clock starts
    selects: Sequence[tuple[str, Sequence[object]]],
    recipient: X25519PublicKey,
    target: Path,
) -> tuple[float, int, int]:
    """The least any bundle writer must do: (seconds, rows, file bytes).

    Run each SELECT, encode every row as a JSON object (column: value), seal a random file
    key to `recipient` with HPKE and encrypt the whole payload with one ChaCha20-Poly1305
    call under it, write the file and fsync it. No signature, no manifest, no chunks, no
    temporary file and rename, no read-back, nothing recorded.
    """
    start = time.perf_counter()
    sections = []
    rows = 0
    for sql, params in selects:
        cursor = connection.execute(sql, tuple(params))
        columns = [item[0] for item in cursor.description]
        found = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        rows += len(found)
        sections.append(found)
    payload = json.dumps(sections, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    file_key = os.urandom(32)
    sealed_key = HPKE.encrypt(file_key, recipient, info=b"floor")
    data = sealed_key + ChaCha20Poly1305(file_key).encrypt(bytes(12), payload, None)
    with open(target, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    elapsed = time.perf_counter() - start
    target.unlink()
    return elapsed, rows, len(data)


def export_selects(connection) -> list[tuple[str, Sequence[object]]]:
    """What a full export of an educator workspace carries: its operations, its audit log."""
    devices = [row[0] for row in connection.execute("SELECT DISTINCT device_id FROM op_log")]
    marks = ", ".join("?" for _ in devices)
    return [
        (
            f"SELECT * FROM op_log WHERE device_id IN ({marks}) ORDER BY device_id, counter",
            devices,
        ),
        ("SELECT * FROM audit_log ORDER BY seq", ()),
    ]


def _timed_export_floor(copy: Path, key: bytes) -> tuple[float, int, int]:
    connection = connect_raw(copy / "workspace.db", key)
    try:
        selects = export_selects(connection)
        (hex_key,) = connection.execute(
            "SELECT exchange_key FROM trusted_office WHERE id = 1"
        ).fetchone()
        recipient = X25519PublicKey.from_public_bytes(bytes.fromhex(hex_key))
        return bundle_floor(connection, selects, recipient, copy / "floor.bin")
    finally:
        connection.close()


# --- one round ------------------------------------------------------------------------------


class _Round:
    """The sides of one round; an export copy is shared by the export and its floor."""

    def __init__(self, paths: dict[str, Path], keys: dict[str, bytes], scratch: Path) -> None:
        self.paths, self.keys, self.scratch = paths, keys, scratch
        self.rows: list[tuple[str, list[str], list[tuple]]] | None = None
        self.sizes: dict[str, tuple[int, int]] = {}
        self._export_copy: Path | None = None
        self._export_users = 0

    def _shared_export_copy(self) -> Path:
        if self._export_copy is None:
            self._export_copy = _copy(self.paths["educator"], self.scratch, "export")
        self._export_users += 1
        return self._export_copy

    def _release_export_copy(self) -> None:
        if self._export_users == 2 and self._export_copy is not None:
            shutil.rmtree(self._export_copy)
            self._export_copy, self._export_users = None, 0

    def export(self) -> float:
        copy = self._shared_export_copy()
        elapsed, operations, size = _timed_export(copy, self.keys["educator"])
        self.sizes["export"] = (operations, size)
        self._release_export_copy()
        return elapsed

    def export_floor(self) -> float:
        copy = self._shared_export_copy()
        elapsed, rows, size = _timed_export_floor(copy, self.keys["educator"])
        self.sizes["floor"] = (rows, size)
        self._release_export_copy()
        return elapsed

    def imported(self, office: str) -> Callable[[], float]:
        def side() -> float:
            copy = _copy(self.paths[office], self.scratch, "import")
            elapsed = _timed_import(copy, self.paths["bundle"], self.keys["office"])
            if self.rows is None:
                self.rows = _rows_written(copy, self.keys["office"])
            shutil.rmtree(copy)
            return elapsed

        return side

    def raw(self, office: str) -> Callable[[], float]:
        def side() -> float:
            if self.rows is None:  # the rows come from one real import
                self.imported(office)()
            assert self.rows is not None
            copy = _copy(self.paths[office], self.scratch, "raw")
            elapsed = _timed_raw(copy, self.keys["office"], self.rows)
            shutil.rmtree(copy)
            return elapsed

        return side


def _round_sides(state: _Round) -> dict[str, Callable[[], float]]:
    return {
        "export": state.export,
        "export floor": state.export_floor,
        "import big": state.imported("big"),
        "raw big": state.raw("big"),
        "import small": state.imported("small"),
        "raw small": state.raw("small"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ops", type=int, default=10_000)
    parser.add_argument("--office-ops", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="counted rounds")
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    holder = None
    if args.keep is None:
        holder = tempfile.TemporaryDirectory()
        root = Path(holder.name)
    else:
        root = args.keep
        root.mkdir(parents=True, exist_ok=True)
    scratch_holder = tempfile.TemporaryDirectory(dir=root)
    scratch = Path(scratch_holder.name)
    try:
        paths = _prepare(root, args.ops, args.office_ops)
        keys = {"office": _key(paths["big"]), "educator": _key(paths["educator"])}
        for name in ("small", "big"):
            with _open(paths[name], keys["office"]) as office:
                print(f"office {name}: {_operations(office)} operations")
        print(load_note())
        state = _Round(paths, keys, scratch)
        samples = in_turns(_round_sides(state), rounds=args.repeat, progress="sync")
        assert state.rows is not None
        written = sum(len(values) for _, _, values in state.rows)
        operations, size = state.sizes["export"]
        floor_rows, floor_size = state.sizes["floor"]
        print(
            f"bundle: {operations} operations, {size / 1e6:.1f} MB; the floor: {floor_rows} rows "
            f"(operations and audit entries), {floor_size / 1e6:.1f} MB; "
            f"the import writes {written} rows"
        )
        ok1 = report_pairs(
            f"export {operations} operations vs its floor (select, JSON, one AEAD, write, fsync)",
            Pairs(samples["export"], samples["export floor"]),
            target=2,
            unit="s",
        )
        ok2 = report_pairs(
            "import into the big office vs raw executemany of the rows",
            Pairs(samples["import big"], samples["raw big"]),
            target=3,
            unit="s",
        )
        ok3 = report_pairs(
            "import into the big office vs into the small one",
            Pairs(samples["import big"], samples["import small"]),
            target=1.3,
            unit="s",
        )
        print(
            "  for context, raw executemany into the big vs the small office: ratio "
            f"{Pairs(samples['raw big'], samples['raw small']).ratio:.2f}"
        )
        print(load_note())
    finally:
        scratch_holder.cleanup()
        if holder is not None:
            holder.cleanup()
    return 0 if ok1 and ok2 and ok3 else 1


if __name__ == "__main__":
    sys.exit(main())
