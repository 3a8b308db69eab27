"""Property tests of sync with real workspaces: any order, any repetition, same office.

Three devices hold the same records: an educator and two restored twins of it (new
incarnations, each with its own device id, registered through the same key). Hypothesis
has them make random edits, deletes and new visits, cutting bundles at random moments; the
bundles are then imported into fresh copies of the office in random orders with repeats.

Checked every time:
- every order gives the same office (records with their versions and derived columns, the
  devices' operations, the conflicts);
- no operation is lost: the office holds every operation of every device;
- every value is accounted for: by an independent reading of the change log, each field holds
  the value of its newest write, and every concurrent write that lost (a head nobody built on)
  is in a conflict record; an edit newer than a delete is reported too.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from pippi_desktop.domain.errors import InvalidRecord
from pippi_desktop.domain.record_inputs import FamilyInput, PersonInput, VisitInput
from pippi_desktop.domain.record_types import RECORD_SPECS
from pippi_desktop.services import bundle_export, bundle_import
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services.open_workspace import store_of
from pippi_desktop.services.workspace_service import create_workspace
from tests.conftest import PASSPHRASE
from tests.record_changes import change
from tests.sync.helpers import (
    copy_workspace,
    data_key,
    office_state,
    open_with_key,
    restored_twin,
    trust_pair,
)

DEVICES = 3
TEXTS = [
    "Nota breve.",
    "La madre racconta la settimana; il bambino disegna.\n" * 30,
    "Il padre partecipa per la prima volta.",
    "",
]
STEP = st.tuples(
    st.integers(0, DEVICES - 1),
    st.sampled_from(
        [
            "visit_notes",
            "visit_notes",
            "person_name",
            "family_notes",
            "delete_visit",
            "delete_person",
            "new_visit",
            "export",
        ]
    ),
    st.integers(0, 7),
    st.integers(0, len(TEXTS) - 1),
)


@pytest.fixture(scope="module")
def templates(tmp_path_factory) -> dict:
    """An office, an educator with two families, and two restored twins of the educator."""
    root = tmp_path_factory.mktemp("prop-sync")
    office = create_workspace(
        root / "office.pippiws", role="office", name="Ufficio", passphrase=PASSPHRASE
    ).workspace
    educator = create_workspace(
        root / "d0.pippiws", role="educator", name="Anna", passphrase=PASSPHRASE
    ).workspace
    trust_pair(office, educator, root)
    records: dict[str, list[str]] = {"family": [], "person": [], "visit": []}
    for index in range(2):
        family = cs.save_record(educator, FamilyInput()).record_id
        records["family"].append(family)
        for name in ("Sara", "Luca"):
            records["person"].append(
                cs.save_record(
                    educator,
                    PersonInput(
                        family_id=family,
                        given_name=name,
                        family_name=f"Rossi{index}",
                        role="figlio",
                    ),
                ).record_id
            )
            records["visit"].append(
                cs.save_record(
                    educator,
                    VisitInput(family_id=family, date="2026-09-1" + str(index), place="casa"),
                ).record_id
            )
    base = bundle_export.export_bundle(educator)
    assert base.file is not None
    base_file = root / "base.pippi"
    shutil.copy(base.file, base_file)
    twins = [restored_twin(educator, root / f"d{n}.pippiws") for n in range(1, DEVICES)]
    roots = [educator.folder, *(twin.folder for twin in twins)]
    for workspace in (office, educator, *twins):
        workspace.close()
    return {
        "office": root / "office.pippiws",
        "office_key": data_key(root / "office.pippiws"),
        "devices": roots,
        "keys": [data_key(path) for path in roots],
        "records": records,
        "base": base_file,
    }


def _apply(step, device, own_visits: list[str], records: dict[str, list[str]]) -> None:
    _index, action, target, text_index = step
    value = TEXTS[text_index] or None
    visits = records["visit"] + own_visits
    try:
        if action == "visit_notes":
            change(device, VisitInput, visits[target % len(visits)], notes=value)
        elif action == "person_name":
            name = ("Giulia", "Marco", "Sofia", "Nicolò")[text_index]
            person = records["person"][target % len(records["person"])]
            change(device, PersonInput, person, given_name=name)
        elif action == "family_notes":
            family = records["family"][target % 2]
            change(device, FamilyInput, family, notes=value)
        elif action == "delete_visit":
            cs.delete_record(device, "visit", visits[target % len(visits)])
        elif action == "delete_person":
            cs.delete_record(device, "person", records["person"][target % len(records["person"])])
        elif action == "new_visit":
            own_visits.append(
                cs.save_record(
                    device,
                    VisitInput(
                        family_id=records["family"][target % 2],
                        date="2026-10-01",
                        place="scuola",
                        notes=value,
                    ),
                ).record_id
            )
    except InvalidRecord:
        pass  # the record was deleted on this device: the form would not allow it either


def _operations(workspace) -> set[tuple]:
    with store_of(workspace).read() as connection:
        return {
            tuple(row)
            for row in connection.execute(
                text(
                    "SELECT device_id, counter, lamport, record_id, action, changes, seen "
                    "FROM op_log WHERE record_type != 'catalogue'"
                )
            )
        }


def _check_every_value_is_accounted_for(office) -> None:
    """An independent reading of the office's change log against its rows and conflicts."""
    with store_of(office).read() as connection:
        ops = connection.execute(text("SELECT * FROM op_log")).mappings().all()
        conflicts = connection.execute(text("SELECT * FROM conflicts")).mappings().all()
        rows = {}
        for kind in ("family", "person", "visit"):
            spec = RECORD_SPECS[kind]
            for row in connection.execute(text(f"SELECT * FROM {spec.table}")).mappings():
                rows[row["id"]] = (spec, dict(row))
    kept = {(c["record_id"], c["field"], c["kind"], c["loser_value"]) for c in conflicts}
    by_record: dict[str, list] = {}
    for op in ops:
        by_record.setdefault(op["record_id"], []).append(op)
    for record_id, (spec, row) in rows.items():
        record_ops = by_record[record_id]
        deletes = [
            (op["lamport"], op["device_id"]) for op in record_ops if op["action"] == "delete"
        ]
        assert bool(row["deleted"]) == bool(deletes)
        for name in spec.field_names:
            writers = [
                (
                    op["lamport"],
                    op["device_id"],
                    json.loads(op["changes"])[name],
                    json.loads(op["seen"]).get(name),
                )
                for op in record_ops
                if name in json.loads(op["changes"])
            ]
            if not writers:
                continue
            winner = max(writers, key=lambda w: (w[0], w[1]))
            stored = row[name]
            assert stored == winner[2], (spec.kind, name)
            seen = {tuple(w[3]) for w in writers if w[3]}
            for lamport, device, value, _ in writers:
                if (lamport, device) in seen or (lamport, device) == winner[:2]:
                    continue
                if value != winner[2]:
                    dumped = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
                    assert (record_id, name, "concurrent_edit", dumped) in kept, (spec.kind, name)
                if deletes and (lamport, device) > min(deletes):
                    dumped = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
                    assert (record_id, name, "edited_after_delete", dumped) in kept
            if deletes and winner[:2] > min(deletes):
                dumped = json.dumps(winner[2], ensure_ascii=False, separators=(",", ":"))
                assert (record_id, name, "edited_after_delete", dumped) in kept


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEP, min_size=4, max_size=18), data=st.data())
def test_any_order_with_repeats_gives_the_same_office(templates, steps, data) -> None:
    with tempfile.TemporaryDirectory() as holder:
        work = Path(holder)
        devices = [
            open_with_key(copy_workspace(root, work / root.name), key)
            for root, key in zip(templates["devices"], templates["keys"], strict=True)
        ]
        bundles: list[Path] = [templates["base"]]
        try:
            own_visits: list[list[str]] = [[] for _ in devices]
            for step in steps:
                device = devices[step[0]]
                if step[1] == "export":
                    result = bundle_export.export_bundle(device)
                    if result.written and result.file:
                        bundles.append(result.file)
                else:
                    _apply(step, device, own_visits[step[0]], templates["records"])
            for device in devices:
                result = bundle_export.export_bundle(device)
                if result.written and result.file:
                    bundles.append(result.file)
            sent = set().union(*(_operations(device) for device in devices))
        finally:
            for device in devices:
                device.close()

        orders = [bundles]
        for _ in range(2):
            order = list(data.draw(st.permutations(bundles)))
            for repeat in data.draw(st.lists(st.sampled_from(bundles), max_size=3)):
                order.insert(data.draw(st.integers(0, len(order))), repeat)
            orders.append(order)
        states = []
        for number, order in enumerate(orders):
            office_root = copy_workspace(templates["office"], work / f"office{number}.pippiws")
            with open_with_key(office_root, templates["office_key"]) as office:
                outcomes = bundle_import.import_bundles(office, order)
                assert {o.status for o in outcomes} <= {"applied", "already_imported"}, [
                    (o.reason, o.seq) for o in outcomes
                ]
                states.append(office_state(office))
                if number == 0:
                    assert _operations(office) >= sent  # no operation lost
                    _check_every_value_is_accounted_for(office)
        assert states[1] == states[0]
        assert states[2] == states[0]
