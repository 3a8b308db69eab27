"""Merge at the office with real workspaces: concurrent edits, deletes, codes, order, gaps.

Concurrent edits need two devices holding the same records: a restored twin (a new
incarnation of the same educator, with its own device id) is exactly that, and the office
links it to the registered device by its key.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from pippi_desktop.domain.record_inputs import FamilyInput, PersonInput, VisitInput
from pippi_desktop.services import bundle_export, bundle_import, conflict_service, trust_service
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.services.workspace_service import verify_workspace
from tests.conftest import PASSPHRASE, tree_hashes
from tests.record_changes import change
from tests.sync.helpers import (
    copy_workspace,
    data_key,
    office_state,
    open_with_key,
    restored_twin,
)

LONG_A = "La madre racconta la settimana.\n" * 40 + "Versione dell'educatrice A."
LONG_B = "Il padre è presente per la prima volta.\n" * 40 + "Versione del portatile B."


def _send(educator: OpenWorkspace, office: OpenWorkspace, **kwargs) -> bundle_import.ImportOutcome:
    result = bundle_export.export_bundle(educator, **kwargs)
    assert result.written and result.file is not None
    (outcome,) = bundle_import.import_bundles(office, [result.file])
    assert outcome.status == "applied", outcome.reason
    return outcome


def _export(educator: OpenWorkspace) -> Path:
    result = bundle_export.export_bundle(educator)
    assert result.written and result.file is not None
    return result.file


def _import(office: OpenWorkspace, *files: Path) -> list[bundle_import.ImportOutcome]:
    return bundle_import.import_bundles(office, list(files))


def _row(workspace: OpenWorkspace, table: str, record_id: str) -> dict:
    with store_of(workspace).read() as connection:
        row = (
            connection.execute(text(f"SELECT * FROM {table} WHERE id = :id"), {"id": record_id})
            .mappings()
            .first()
        )
    assert row is not None
    return dict(row)


def _family_with_visit(educator: OpenWorkspace) -> tuple[str, str]:
    family = cs.save_record(educator, FamilyInput(implementation="PIPPI 13")).record_id
    visit = cs.save_record(
        educator,
        VisitInput(family_id=family, date="2026-11-02", place="casa", notes="Prima visita."),
    ).record_id
    return family, visit


def test_the_office_holds_exactly_what_the_educator_wrote(trusted) -> None:
    office, (educator,) = trusted(1)
    family, visit = _family_with_visit(educator)
    outcome = _send(educator, office)
    assert outcome.created >= 3 and outcome.conflicts == 0
    assert {f.code for f in outcome.families if f.family_id == family} != {None}
    for table, record_id in (("families", family), ("visits", visit)):
        mine, theirs = _row(educator, table, record_id), _row(office, table, record_id)
        for derived in ("search_text", "summary_names", "summary_members", "summary_visits"):
            mine.pop(derived, None)
            theirs.pop(derived, None)
        assert theirs == {k: v for k, v in mine.items() if k in theirs}
    summary = _row(office, "families", family)
    assert summary["summary_visits"] == 1  # derived columns refreshed in the same transaction
    with store_of(office).read() as connection:
        clock = connection.execute(text("SELECT lamport FROM local_clock")).scalar()
        top = connection.execute(text("SELECT max(lamport) FROM op_log")).scalar()
    assert clock >= top  # the office's next edit is newer than anything it imported


def test_concurrent_long_texts_are_never_lost(trusted, tmp_path: Path) -> None:
    office, (educator,) = trusted(1)
    _family, visit = _family_with_visit(educator)
    _send(educator, office)
    twin = restored_twin(educator, tmp_path / "twin.pippiws")
    try:
        change(educator, VisitInput, visit, notes=LONG_A)
        change(twin, VisitInput, visit, notes=LONG_B)
        change(twin, VisitInput, visit, activities="Gioco libero.")
        first, second = _export(educator), _export(twin)
        outcomes = _import(office, first, second)
    finally:
        twin.close()
    assert [o.status for o in outcomes] == ["applied", "applied"]
    assert sum(o.conflicts for o in outcomes) == 1
    row = _row(office, "visits", visit)
    assert row["activities"] == "Gioco libero."  # a field only one side changed just merges
    conflicts = [c for c in conflict_service.list_conflicts(office) if c.record_id == visit]
    assert len(conflicts) == 1 and conflicts[0].kind == "concurrent_edit"
    assert conflicts[0].field == "notes"
    assert {row["notes"], conflicts[0].other_value} == {LONG_A, LONG_B}
    assert conflicts[0].current_value == row["notes"]
    assert conflicts[0].other_educator == "Educatore 0"  # the twin is linked to the registration
    devices = {d.device_id: d for d in trust_service.list_devices(office)}
    assert len(devices) == 2
    assert {d.linked_to for d in devices.values()} == {None, educator.identity.device_id}


def test_import_order_does_not_matter(trusted, tmp_path: Path) -> None:
    office, (educator,) = trusted(1)
    family, visit = _family_with_visit(educator)
    base = _export(educator)
    twin = restored_twin(educator, tmp_path / "twin.pippiws")
    try:
        change(educator, VisitInput, visit, notes=LONG_A)
        change(twin, VisitInput, visit, notes=LONG_B)
        cs.delete_record(twin, "visit", visit)
        a1, b1 = _export(educator), _export(twin)
        change(educator, FamilyInput, family, notes="Famiglia seguita da marzo.")
        a2 = _export(educator)
    finally:
        twin.close()
    root = office.folder
    office.close()
    key = data_key(root)
    copy = copy_workspace(root, tmp_path / "copy.pippiws")
    with open_with_key(root, key) as first:
        _import(first, base, a1, b1, a2)
        expected = office_state(first)
    with open_with_key(copy, key) as second:
        outcomes = _import(second, a2, b1, b1, base, a1, a2)
        assert [o.status for o in outcomes] == [
            "applied",
            "applied",
            "already_imported",
            "applied",
            "applied",
            "already_imported",
        ]
        assert office_state(second) == expected
    kinds = {row["kind"] for row in expected["conflicts"]}
    assert {"concurrent_edit", "edited_after_delete"} & kinds


def test_an_edit_newer_than_a_concurrent_delete_is_kept_as_a_conflict(trusted, tmp_path) -> None:
    office, (educator,) = trusted(1)
    _family, visit = _family_with_visit(educator)
    _send(educator, office)
    twin = restored_twin(educator, tmp_path / "twin.pippiws")
    try:
        cs.delete_record(educator, "visit", visit)  # one step on A
        for note in ("uno", "due", "tre"):  # three steps on the twin: newer than the delete
            change(twin, VisitInput, visit, notes=f"Nota {note}")
        outcomes = _import(office, _export(educator), _export(twin))
    finally:
        twin.close()
    assert [o.status for o in outcomes] == ["applied", "applied"]
    row = _row(office, "visits", visit)
    assert row["deleted"]  # a tombstone stays
    assert row["notes"] == "Nota tre"  # and the edit is in the row, not thrown away
    kinds = {(c.kind, c.field) for c in conflict_service.list_conflicts(office)}
    assert ("edited_after_delete", "notes") in kinds


def test_a_delete_newer_than_an_edit_simply_wins(trusted, tmp_path) -> None:
    office, (educator,) = trusted(1)
    family, visit = _family_with_visit(educator)
    _send(educator, office)
    twin = restored_twin(educator, tmp_path / "twin.pippiws")
    try:
        change(twin, VisitInput, visit, notes="Nota del gemello")
        for note in ("uno", "due"):
            change(educator, FamilyInput, family, notes=note)
        cs.delete_record(educator, "visit", visit)  # newer than the twin's edit
        _import(office, _export(twin), _export(educator))
    finally:
        twin.close()
    assert _row(office, "visits", visit)["deleted"]
    assert not [c for c in conflict_service.list_conflicts(office) if c.record_id == visit]


def test_family_codes_used_twice_keep_both_families_flagged(trusted) -> None:
    office, (anna, bruno) = trusted(2)
    first = cs.save_record(anna, FamilyInput()).record_id
    code = _row(anna, "families", first)["code"]
    second = cs.save_record(bruno, FamilyInput(code=code)).record_id
    _send(anna, office)
    outcome = _send(bruno, office)
    assert outcome.conflicts == 1
    duplicates = [c for c in conflict_service.list_conflicts(office) if c.kind == "duplicate_code"]
    assert {c.record_id for c in duplicates} == {first, second}
    assert all(c.other_value == code for c in duplicates)
    change(bruno, FamilyInput, second, code=code + "-B")
    _send(bruno, office)
    assert not [c for c in conflict_service.list_conflicts(office) if c.kind == "duplicate_code"]


def test_bundles_out_of_order_are_applied_and_the_gap_reported(trusted, tmp_path) -> None:
    office, (educator,) = trusted(1)
    family, _visit = _family_with_visit(educator)
    one = _export(educator)
    change(educator, FamilyInput, family, notes="Aggiornamento")
    person = cs.save_record(
        educator,
        PersonInput(family_id=family, given_name="Luca", family_name="Bianchi", role="figlio"),
    ).record_id
    two = _export(educator)
    (second,) = _import(office, two)
    assert second.status == "applied" and second.missing_seqs == [1]
    with store_of(office).read() as connection:
        waiting = connection.execute(
            text("SELECT count(*) FROM families WHERE id = :id"), {"id": family}
        ).scalar()
    assert waiting == 0  # the family's update waits for its create, kept in op_log
    assert _row(office, "people", person)["family_id"] == family
    (first,) = _import(office, one)
    assert first.status == "applied" and first.missing_seqs == []
    row = _row(office, "families", family)
    assert row["notes"] == "Aggiornamento" and row["summary_members"] == 1
    (device,) = trust_service.list_devices(office)
    assert device.last_seq == 2 and device.missing_seqs == []


def test_a_repeated_or_full_bundle_changes_nothing(trusted, tmp_path) -> None:
    office, (educator,) = trusted(1)
    _family_with_visit(educator)
    bundle = _export(educator)
    _import(office, bundle)
    before = office_state(office)
    (again,) = _import(office, bundle)
    assert again.status == "already_imported"
    full = bundle_export.export_bundle(educator, full=True)
    assert full.written and full.seq == 2
    (outcome,) = _import(office, full.file)
    assert outcome.status == "applied"
    assert (outcome.created, outcome.updated, outcome.deleted, outcome.conflicts) == (0, 0, 0, 0)
    assert office_state(office) == before
    assert bundle_export.export_bundle(educator).written is False


def test_a_dry_run_reports_the_same_counts_and_changes_nothing(trusted, tmp_path) -> None:
    office, (educator,) = trusted(1)
    _family, _visit = _family_with_visit(educator)
    bundle = _export(educator)
    root = office.folder
    office.close()
    before = tree_hashes(root)
    office_key = data_key(root)
    with open_with_key(root, office_key) as reopened:
        (dry,) = bundle_import.import_bundles(reopened, [bundle, bundle], dry_run=True)[:1]
    assert tree_hashes(root) == before
    assert dry.status == "would_apply" and dry.created >= 3
    with open_with_key(root, office_key) as reopened:
        outcomes = bundle_import.import_bundles(reopened, [bundle], dry_run=True)
        assert outcomes[0].families == dry.families
        (real,) = bundle_import.import_bundles(reopened, [bundle])
    assert (real.created, real.updated, real.deleted, real.conflicts) == (
        dry.created,
        dry.updated,
        dry.deleted,
        dry.conflicts,
    )
    assert [f.as_json() for f in real.families] == [f.as_json() for f in dry.families]
    assert json.dumps(real.as_json()["families"])  # serialisable for --json


def test_the_office_still_verifies_after_imports(trusted, tmp_path) -> None:
    office, (educator,) = trusted(1)
    _family_with_visit(educator)
    _send(educator, office)
    root = office.folder
    office.close()
    report = verify_workspace(root, passphrase=PASSPHRASE)
    assert report.ok, report.checks
