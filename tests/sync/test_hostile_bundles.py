"""Hostile input at the office: every bad bundle refused with its reason, data unchanged.

The office first imports one good bundle (so it holds data); then one real `import-bundle`
subprocess gets every hostile file at once. Each must come back `rejected` with its reason
code (a plain replay: `already_imported`), the command must exit 4, and the office must be
byte for byte the same: every file of the workspace folder (logs aside) and a full
`export-data` before and after.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from pippi_desktop.domain.record_inputs import FamilyInput, VisitInput
from pippi_desktop.services import bundle_export, bundle_import, trust_service
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services.open_workspace import store_of
from pippi_desktop.services.workspace_service import create_workspace
from pippi_desktop.storage.audit import entry_hash
from pippi_desktop.sync.envelope import MAX_BUNDLE_BYTES
from tests.conftest import PASSPHRASE, log_grew_only, log_snapshot, run_cli, tree_hashes
from tests.sync.helpers import draft_bundle, stranger_keys, trust_pair

ENV = {"PIPPI_PASSPHRASE": PASSPHRASE}


def _workspace(root: Path, name: str, role: str = "educator"):
    return create_workspace(root / f"{name}.pippiws", role=role, name=name, passphrase=PASSPHRASE)


def _fill(educator, families: int = 2) -> list[str]:
    ids = []
    for index in range(families):
        family = cs.save_record(educator, FamilyInput(implementation="PIPPI 13")).record_id
        cs.save_record(
            educator, VisitInput(family_id=family, date="2026-10-0" + str(index + 1), place="casa")
        )
        ids.append(family)
    return ids


def _flip(data: bytes, position: int) -> bytes:
    changed = bytearray(data)
    changed[position] ^= 0x10
    return bytes(changed)


@pytest.fixture(scope="module")
def scene(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("hostile")
    cards = root / "cards"
    cards.mkdir()
    office = _workspace(root, "office", "office").workspace
    other_office = _workspace(root, "other-office", "office").workspace
    anna = _workspace(root, "anna").workspace
    carla = _workspace(root, "carla").workspace  # registered with the other office only
    ugo = _workspace(root, "ugo").workspace  # trusts the office, never registered
    rita = _workspace(root, "rita").workspace  # registered, then revoked
    trust_pair(office, anna, cards)
    trust_pair(other_office, carla, cards)
    trust_pair(office, rita, cards)
    card = trust_service.export_office_card(office, cards / "for-ugo.card")
    trust_service.trust_office(ugo, card.path, card.fingerprint)
    for educator in (anna, carla, ugo, rita):
        _fill(educator)
    good = bundle_export.export_bundle(anna)
    assert good.file is not None
    (first,) = bundle_import.import_bundles(office, [good.file])
    assert first.status == "applied"
    rita_bundle = bundle_export.export_bundle(rita).file
    trust_service.revoke_device(office, rita.identity.device_id)

    with store_of(anna).read() as connection:
        sent = connection.execute(text("SELECT bundle_hash FROM bundles_sent")).scalar()
        last_counter = connection.execute(text("SELECT max(counter) FROM op_log")).scalar()
        last_audit = connection.execute(text("SELECT max(seq) FROM audit_log")).scalar()
    families = _fill(anna, 1)
    data = root / "hostile"
    data.mkdir()
    files: dict[str, tuple[Path, str]] = {}

    def add(name: str, content: bytes, reason: str) -> None:
        path = data / f"{name}.pippi"
        path.write_bytes(content)
        files[name] = (path, reason)

    valid = bundle_export.export_bundle(anna, output=data / "valid-not-imported.pippi")
    assert valid.file is not None
    raw = valid.file.read_bytes()
    add("truncated-half", raw[: len(raw) // 2], "not_a_bundle")
    add("truncated-header", raw[:60], "not_a_bundle")
    add("truncated-last-byte", raw[:-1], "not_a_bundle")
    add("empty", b"", "not_a_bundle")
    add("random", os.urandom(4096), "not_a_bundle")
    add("flip-magic", _flip(raw, 0), "not_a_bundle")
    add("flip-version", _flip(raw, 9), "unsupported_version")
    add("flip-recipient", _flip(raw, 14), "wrong_recipient")
    add("flip-sealed-key", _flip(raw, 60), "not_a_bundle")
    add("flip-ciphertext", _flip(raw, len(raw) // 2), "not_a_bundle")
    add("flip-tag", _flip(raw, len(raw) - 1), "not_a_bundle")
    carla_bundle = bundle_export.export_bundle(carla).file
    assert carla_bundle is not None
    add("for-another-office", carla_bundle.read_bytes(), "wrong_recipient")
    ugo_bundle = bundle_export.export_bundle(ugo).file
    assert ugo_bundle is not None
    add("unknown-device", ugo_bundle.read_bytes(), "unknown_device")
    assert rita_bundle is not None
    add("revoked-device", rita_bundle.read_bytes(), "revoked_device")

    def after_first(draft):
        draft.manifest = draft.manifest.__class__(
            **{**draft.manifest.__dict__, "seq": 2, "prev_hash": sent}
        )
        ops = [op for op in draft.operations if op["counter"] > last_counter]
        draft.keep_operations(ops)
        draft.keep_audit([entry for entry in draft.audit if entry["seq"] > last_audit])
        return draft

    forged = data / "forged"
    forged.mkdir()

    def forge(name: str, reason: str, change, **write) -> None:
        draft = after_first(draft_bundle(anna, office))
        change(draft)
        path = draft.write(forged / f"{name}.pippi", **write)
        files[name] = (path, reason)

    forge("forged-but-fine", "", lambda d: None)  # the control: the forger itself works
    forge(
        "re-signed-with-a-wrong-key",
        "bad_signature",
        lambda d: setattr(d, "signing", stranger_keys()),
    )
    forge(
        "names-another-office",
        "wrong_recipient",
        lambda d: setattr(
            d,
            "manifest",
            d.manifest.__class__(
                **{**d.manifest.__dict__, "recipient_office_id": other_office.identity.workspace_id}
            ),
        ),
    )
    forge(
        "seq-1-again-rollback",
        "rollback_detected",
        lambda d: setattr(
            d,
            "manifest",
            d.manifest.__class__(**{**d.manifest.__dict__, "seq": 1, "prev_hash": "0" * 64}),
        ),
    )
    forge(
        "wrong-prev-hash",
        "rollback_detected",
        lambda d: setattr(
            d, "manifest", d.manifest.__class__(**{**d.manifest.__dict__, "prev_hash": "ab" * 32})
        ),
    )
    forge(
        "schema-from-the-future",
        "unsupported_version",
        lambda d: setattr(
            d, "manifest", d.manifest.__class__(**{**d.manifest.__dict__, "schema_version": 99})
        ),
    )

    def lie_about_count(draft) -> None:
        draft.manifest = draft.manifest.__class__(
            **{**draft.manifest.__dict__, "operation_count": len(draft.operations) + 1}
        )

    forge("count-lies", "digest_mismatch", lie_about_count, fix_counts=False)

    def lie_about_audit_count(draft) -> None:
        draft.manifest = draft.manifest.__class__(
            **{**draft.manifest.__dict__, "audit_count": len(draft.audit) - 1}
        )

    forge("audit-count-lies", "digest_mismatch", lie_about_audit_count, fix_counts=False)

    def swap_section(parts: dict[str, bytes]) -> dict[str, bytes]:
        return {**parts, "operations": parts["operations"].replace(b"casa", b"cas\\u0061")}

    forge("digest-lies", "digest_mismatch", lambda d: None, sections=swap_section)

    def drop_an_op(draft) -> None:
        draft.operations = draft.operations[:-1]  # the range still claims it

    forge("range-lies", "digest_mismatch", drop_an_op, fix_counts=False)

    def unknown_record(draft) -> None:
        op = draft.operations[0]
        op.update(
            action="update",
            record_type="visit",
            record_id=str(uuid.uuid4()),
            changes={"notes": "una nota"},
            seen={"notes": None},
        )

    forge("update-of-an-unknown-record", "invalid_operation", unknown_record)

    def unknown_reference(draft) -> None:
        for op in draft.operations:
            if op["record_type"] == "visit" and op["action"] == "create":
                op["changes"]["family_id"] = str(uuid.uuid4())

    forge("visit-of-an-unknown-family", "invalid_operation", unknown_reference)

    def invalid_value(draft) -> None:
        for op in draft.operations:
            if op["record_type"] == "visit":
                op["changes"]["date"] = "2026-02-30"

    forge("impossible-date", "invalid_operation", invalid_value)

    def unknown_code(draft) -> None:
        for op in draft.operations:
            if op["record_type"] == "visit":
                op["changes"]["place"] = "sulla-luna"

    forge("unknown-place", "invalid_operation", unknown_code)

    def immutable(draft) -> None:
        op = draft.operations[-1]
        op.update(
            action="update",
            record_type="visit",
            changes={"family_id": families[0]},
            seen={"family_id": None},
        )

    forge("moves-a-visit-to-another-family", "invalid_operation", immutable)

    def claims_other_device(draft) -> None:
        carla_id = carla.identity.device_id
        draft.manifest = draft.manifest.__class__(
            **{**draft.manifest.__dict__, "previous_device_ids": (office.identity.device_id,)}
        )
        assert carla_id

    forge("claims-the-office-device", "invalid_operation", claims_other_device)

    def rewrite_audit(draft, **claims) -> None:
        """One audit entry claims something else; the chain's hashes are made to match, so
        only the check of who may appear in the entries can refuse it."""
        entries = [dict(entry) for entry in draft.audit]
        entries[0].update(claims)
        previous = entries[0]["prev_hash"]
        for entry in entries:
            entry["prev_hash"] = previous
            entry.pop("hash")
            entry["hash"] = previous = entry_hash(entry)
        draft.audit = entries

    forge(
        "audit-entry-of-another-device",
        "invalid_operation",
        lambda d: rewrite_audit(d, device_id=carla.identity.device_id),
    )
    forge(
        "audit-entry-by-the-office", "invalid_operation", lambda d: rewrite_audit(d, actor="office")
    )
    forge("audit-chain-rehashed-but-honest", "", lambda d: rewrite_audit(d))  # the control
    huge = data / "huge.pippi"
    with open(huge, "wb") as handle:  # sparse: no disk used
        handle.truncate(MAX_BUNDLE_BYTES + 10 * 1024 * 1024)
    files["huge"] = (huge, "too_large")

    office_root = office.folder
    for workspace in (office, other_office, anna, carla, ugo, rita):
        workspace.close()
    return {"office": office_root, "files": files, "replay": good.file}


def _export_data(office: Path, target: Path) -> dict:
    result = run_cli("export-data", office, "-o", target, env=ENV)
    assert result.returncode == 0, result.stderr
    document = json.loads(target.read_text())
    document.pop("exported_at")
    return document


def test_every_hostile_bundle_is_refused_and_nothing_changes(scene, tmp_path: Path) -> None:
    office: Path = scene["office"]
    hostile = {name: item for name, item in scene["files"].items() if item[1]}
    before_data = _export_data(office, tmp_path / "before.json")
    before_files = tree_hashes(office)
    before_log = log_snapshot(office)
    paths = [path for path, _ in hostile.values()] + [scene["replay"]]
    result = run_cli("import-bundle", office, *paths, "--json", env=ENV)
    assert result.returncode == 4, result.stderr
    report = {item["file"]: item for item in json.loads(result.stdout)}
    got = {name: report[str(path)]["reason"] for name, (path, _) in hostile.items()}
    assert got == {name: reason for name, (_, reason) in hostile.items()}
    for name, (path, _) in hostile.items():
        item = report[str(path)]
        assert item["status"] == "rejected" and item["message"], name
        assert (item["created"], item["updated"], item["deleted"]) == (0, 0, 0)
    assert report[str(scene["replay"])]["status"] == "already_imported"
    assert tree_hashes(office) == before_files
    assert _export_data(office, tmp_path / "after.json") == before_data
    assert log_grew_only(office, before_log)
    log = (office / "logs" / "pippi.log").read_text()
    assert "bundle refused: bad_signature" in log
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["forged-but-fine", "audit-chain-rehashed-but-honest"])
def test_the_forger_itself_makes_acceptable_bundles(scene, tmp_path: Path, name: str) -> None:
    """Without this control, every refusal above could come from a broken forger."""
    path, _ = scene["files"][name]
    result = run_cli("import-bundle", scene["office"], path, "--dry-run", "--json", env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    (item,) = json.loads(result.stdout)
    assert item["status"] == "would_apply" and item["created"] >= 3


def test_refusals_speak_english_on_request(scene) -> None:
    path, _ = scene["files"]["re-signed-with-a-wrong-key"]
    result = run_cli("--lang", "en", "import-bundle", scene["office"], path, env=ENV)
    assert result.returncode == 4
    assert "signature is not valid" in result.stdout and "[bad_signature]" in result.stdout
    italian = run_cli("import-bundle", scene["office"], path, env=ENV)
    assert "La firma del pacchetto non è valida" in italian.stdout
