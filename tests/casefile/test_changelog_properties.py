"""Property tests: whatever sequence of creates, edits and deletes, the change log stays sound.

- exactly one operation per actual change (none for a save that changes nothing),
- the device's counters run 1, 2, 3, … without gaps or repeats,
- Lamport values grow with the counter, and every field's version is the operation that last
  wrote it,
- nothing is ever hard-deleted: every row created is still there (deleted ones as tombstones).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from pippi_desktop.domain.errors import InvalidRecord
from pippi_desktop.domain.record_inputs import FamilyInput, PersonInput, VisitInput
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services.open_workspace import store_of
from pippi_desktop.services.workspace_service import create_workspace
from tests.conftest import PASSPHRASE
from tests.record_changes import change

NAMES = st.sampled_from(["Anna", "Nicolò", "Łukasz", "Nguyễn", "Ólafur", "Zoe", "Maria"])
ACTION = st.one_of(
    st.tuples(st.just("create"), NAMES),
    st.tuples(st.just("rename"), st.integers(0, 20), NAMES),
    st.tuples(st.just("notes"), st.integers(0, 20), st.sampled_from(["", "nota", "altra nota"])),
    st.tuples(st.just("delete"), st.integers(0, 20)),
    st.tuples(st.just("visit"), st.integers(0, 20)),
)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    created = create_workspace(
        Path(tmp_path_factory.mktemp("prop")) / "p.pippiws",
        role="educator",
        name="prop",
        passphrase=PASSPHRASE,
    )
    with created.workspace as ws:
        yield ws


def _op_count(ws) -> int:
    with store_of(ws).read() as connection:
        return int(connection.execute(text("SELECT count(*) FROM op_log")).scalar() or 0)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(actions=st.lists(ACTION, min_size=1, max_size=25))
def test_change_log_invariants(workspace, actions) -> None:
    ws = workspace
    family = cs.save_record(ws, FamilyInput()).record_id
    people: list[str] = []
    alive: dict[str, bool] = {}
    expected_ops = _op_count(ws)
    for action in actions:
        kind = action[0]
        before = _op_count(ws)
        if kind == "create":
            pid = cs.save_record(
                ws,
                PersonInput(
                    family_id=family, given_name=action[1], family_name="Prova", role="altro"
                ),
            ).record_id
            people.append(pid)
            alive[pid] = True
            expected_ops += 1
        elif not people:
            continue
        else:
            pid = people[action[1] % len(people)]
            try:
                if kind == "rename":
                    change(ws, PersonInput, pid, given_name=action[2])
                elif kind == "notes":
                    change(ws, PersonInput, pid, notes=action[2] or None)
                elif kind == "delete":
                    cs.delete_record(ws, "person", pid)
                    alive[pid] = False
                elif kind == "visit":
                    cs.save_record(
                        ws,
                        VisitInput(
                            family_id=family, date="2026-01-10", place="casa", present_people=[pid]
                        ),
                    )
            except InvalidRecord:
                assert not alive[pid]  # only a deleted person refuses changes or references
            expected_ops += _op_count(ws) - before
            assert _op_count(ws) - before <= 1  # one operation per change, at most
    with store_of(ws).read() as connection:
        ops = connection.execute(text("SELECT * FROM op_log ORDER BY counter")).mappings().all()
        rows = {
            r.id: r
            for r in connection.execute(text("SELECT id, deleted, versions FROM people")).all()
        }
    assert len(ops) == expected_ops
    devices = {op["device_id"] for op in ops}
    assert len(devices) == 1
    assert [op["counter"] for op in ops] == list(range(1, len(ops) + 1))
    lamports = [op["lamport"] for op in ops]
    assert lamports == sorted(lamports) and len(set(lamports)) == len(lamports)
    for pid in people:
        assert pid in rows, "a person row disappeared: deletes must be tombstones"
        assert bool(rows[pid].deleted) == (not alive[pid])
        last_write: dict[str, int] = {}
        for op in ops:
            if op["record_id"] == pid:
                for field in json.loads(op["changes"]):
                    last_write[field] = op["lamport"]
        versions = json.loads(rows[pid].versions)
        assert {f: v[0] for f, v in versions.items()} == last_write
