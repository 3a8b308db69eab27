"""The case-file services on a real encrypted workspace: rules, search, change log, audit."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from pippi_desktop.domain.errors import InvalidRecord, UnknownRecord
from pippi_desktop.domain.record_inputs import (
    AssessmentEntryInput,
    AssessmentInput,
    AttendanceInput,
    EquipeMemberInput,
    FamilyInput,
    GroupSessionInput,
    PersonInput,
    VisitInput,
)
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services import casefile_view as cv
from pippi_desktop.services.open_workspace import store_of
from pippi_desktop.storage.audit import verify_audit
from tests.record_changes import change


@pytest.fixture
def family(new_workspace):
    workspace = new_workspace("cf")
    with cs.unit_of_work(workspace) as uow:
        family_id = uow.create(FamilyInput(implementation="PIPPI 13", start_date="2026-02-01"))
        mother = uow.create(
            PersonInput(
                family_id=family_id, given_name="Maria", family_name="Esposito", role="madre"
            )
        )
        child = uow.create(
            PersonInput(
                family_id=family_id,
                given_name="Nicolò",
                family_name="Esposito",
                role="figlio",
                birth_date="2015-06-07",
            )
        )
        worker = uow.create(
            EquipeMemberInput(
                family_id=family_id,
                name="Anna Bianchi",
                profession="assistente_sociale",
                case_manager=True,
            )
        )
    return workspace, family_id, mother, child, worker


def _ops(workspace) -> list[dict]:
    with store_of(workspace).read() as connection:
        rows = (
            connection.execute(text("SELECT * FROM op_log ORDER BY device_id, counter"))
            .mappings()
            .all()
        )
    return [dict(row) for row in rows]


def test_created_family_has_a_code_a_stats_code_and_its_first_step(family) -> None:
    workspace, family_id, *_ = family
    case = cv.case_file(workspace, family_id)
    assert case.family.code.startswith(f"F-{date.today().year}-")
    assert (
        case.family.stats_code.startswith("S-") and case.family.code not in case.family.stats_code
    )
    assert [step.phase for step in case.phases] == ["equipe"]
    assert case.phases[0].date == date(2026, 2, 1)
    assert len(case.members) == 2 and case.equipe[0].case_manager is True


def test_search_is_accent_and_case_insensitive(family) -> None:
    workspace, *_ = family
    assert [s.names for s in cv.list_families(workspace, search="nicolo")] == ["Esposito"]
    assert len(cv.list_families(workspace, search="NICOLÒ esposito")) == 1
    assert cv.list_families(workspace, search="nicola") == []
    code = cv.list_families(workspace)[0].code
    assert len(cv.list_families(workspace, search=code.lower())) == 1
    assert cv.list_families(workspace, search="100%_") == []


def test_renaming_a_member_updates_search(family) -> None:
    workspace, _, mother, *_ = family
    change(workspace, PersonInput, mother, given_name="Marià")
    assert len(cv.list_families(workspace, search="maria esposito")) == 1
    cs.delete_record(workspace, "person", mother)
    assert cv.list_families(workspace, search="maria") == []


def test_references_must_belong_to_the_same_family(family) -> None:
    workspace, family_id, mother, child, worker = family
    other = cs.save_record(workspace, FamilyInput()).record_id
    stranger = cs.save_record(
        workspace, PersonInput(family_id=other, given_name="Luca", family_name="Neri", role="padre")
    ).record_id
    visit = VisitInput(family_id=family_id, date=date(2026, 11, 1), place="casa")
    cs.save_record(
        workspace, replace(visit, present_people=(mother, child), present_equipe=(worker,))
    )
    with pytest.raises(InvalidRecord) as caught:
        cs.save_record(workspace, replace(visit, present_people=(stranger,)))
    assert (
        caught.value.variant == "not_in_family" and caught.value.params["field"] == "present_people"
    )
    with pytest.raises(InvalidRecord):
        cs.save_record(workspace, replace(visit, present_equipe=(mother,)))


def test_assessments_are_about_a_child_and_fit_the_catalogue(family) -> None:
    workspace, family_id, mother, child, _ = family
    values = AssessmentInput(
        family_id=family_id, child_id=child, time_point="T0", date=date(2026, 3, 1)
    )
    saved = cs.save_assessment(
        workspace,
        values,
        [
            AssessmentEntryInput(subdimension="bambino.salute", score=4),
            AssessmentEntryInput(subdimension="ambiente.abitazione", not_assessable=True),
        ],
    )
    assessment = cv.case_file(workspace, family_id).assessments[0]
    assert assessment.id == saved.record_id
    assert assessment.scores() == {"bambino.salute": 4, "ambiente.abitazione": None}
    assert (assessment.catalogue_id, assessment.catalogue_version) == (
        "mondo-del-bambino",
        "2026.1",
    )
    with pytest.raises(InvalidRecord) as caught:
        cs.save_assessment(workspace, replace(values, child_id=mother))
    assert caught.value.variant == "not_a_child"
    with pytest.raises(InvalidRecord) as caught:
        cs.save_assessment(
            workspace,
            values,
            [AssessmentEntryInput(subdimension="bambino.salute", score=7)],
            record_id=saved.record_id,
        )
    assert caught.value.variant in ("out_of_scale", "out_of_range")
    with pytest.raises(InvalidRecord) as caught:
        cs.save_assessment(
            workspace,
            values,
            [AssessmentEntryInput(subdimension="bambino.volare", score=3)],
            record_id=saved.record_id,
        )
    assert caught.value.variant == "not_in_list"
    # a refused save leaves the assessment as it was
    assert cv.case_file(workspace, family_id).assessments[0].scores() == {
        "bambino.salute": 4,
        "ambiente.abitazione": None,
    }


def test_family_codes_are_unique_in_the_workspace(family) -> None:
    workspace, family_id, *_ = family
    code = cv.case_file(workspace, family_id).family.code
    with pytest.raises(InvalidRecord) as caught:
        cs.save_record(workspace, FamilyInput(code=code))
    assert caught.value.variant == "duplicate"
    second = cs.save_record(workspace, FamilyInput()).record_id
    assert cv.case_file(workspace, second).family.code.endswith("-002")


def test_changing_the_phase_records_the_step(family) -> None:
    workspace, family_id, *_ = family
    change(workspace, FamilyInput, family_id, phase="progetto_quadro")
    steps = cv.case_file(workspace, family_id).phases
    assert [s.phase for s in steps] == ["equipe", "progetto_quadro"]
    assert steps[-1].date == date.today()
    with pytest.raises(InvalidRecord):
        change(workspace, FamilyInput, family_id, phase="vacanza")


def test_unknown_and_deleted_records(family) -> None:
    workspace, family_id, *_ = family
    with pytest.raises(UnknownRecord):
        cv.find_family_id(workspace, "F-1999-XXXX-001")
    with pytest.raises(UnknownRecord):
        cs.save_record(
            workspace,
            VisitInput(
                family_id="00000000-0000-4000-8000-000000000000", date="2026-01-01", place="casa"
            ),
        )
    cs.delete_record(workspace, "family", family_id)
    with pytest.raises(InvalidRecord) as caught:
        cs.save_record(workspace, FamilyInput(notes="x"), record_id=family_id)
    assert caught.value.variant == "deleted"
    assert cv.list_families(workspace) == []


def test_deleting_a_family_tombstones_everything_it_owns(family) -> None:
    workspace, family_id, _, child, _ = family
    cs.save_record(
        workspace,
        VisitInput(family_id=family_id, date="2026-11-01", place="casa", present_people=[child]),
    )
    cs.delete_record(workspace, "family", family_id)
    with store_of(workspace).read() as connection:
        for table in ("families", "people", "equipe_members", "visits", "phase_records"):
            total, deleted = connection.execute(
                text(f"SELECT count(*), sum(deleted) FROM {table}")
            ).one()
            assert total > 0 and total == deleted, table  # tombstones, never hard deletes


def test_every_change_is_one_operation_with_versions_and_an_audit_entry(family) -> None:
    workspace, _, mother, *_ = family
    before = len(_ops(workspace))
    change(workspace, PersonInput, mother, notes="Lavora di sera.", given_name="Maria")
    ops = _ops(workspace)
    assert len(ops) == before + 1  # given_name did not change: only notes is in the operation
    op = ops[-1]
    assert op["action"] == "update" and json.loads(op["changes"]) == {"notes": "Lavora di sera."}
    assert json.loads(op["seen"]) == {"notes": None}
    with store_of(workspace).read() as connection:
        versions = json.loads(
            connection.execute(
                text("SELECT versions FROM people WHERE id=:i"), {"i": mother}
            ).scalar()
        )
        assert versions["notes"] == [op["lamport"], op["device_id"]]
        assert versions["given_name"][0] < op["lamport"]
        last = connection.execute(
            text("SELECT action, record_id, fields FROM audit_log ORDER BY seq DESC LIMIT 1")
        ).one()
        assert (last.action, last.record_id, json.loads(last.fields)) == (
            "update",
            mother,
            ["notes"],
        )
        assert (
            "Lavora"
            not in connection.execute(text("SELECT group_concat(fields) FROM audit_log")).scalar()
        )
        assert verify_audit(connection) == []
    # saving the same values again writes nothing
    change(workspace, PersonInput, mother, notes="Lavora di sera.")
    assert len(_ops(workspace)) == before + 1


def test_a_refused_change_writes_nothing(family) -> None:
    workspace, family_id, *_ = family
    before = len(_ops(workspace))
    with pytest.raises(InvalidRecord), cs.unit_of_work(workspace) as uow:
        uow.create(VisitInput(family_id=family_id, date="2026-11-01", place="casa"))
        uow.create(
            VisitInput(
                family_id=family_id,
                date=(date.today() + timedelta(days=3)).isoformat(),
                place="casa",
            )
        )
    assert len(_ops(workspace)) == before
    assert cv.case_file(workspace, family_id).visits == ()


def test_group_sessions_and_attendance(family) -> None:
    workspace, family_id, mother, _, _ = family
    with cs.unit_of_work(workspace) as uow:
        session = uow.create(
            GroupSessionInput(
                kind="genitori",
                date="2026-10-10",
                topic="Le routine della sera",
                facilitators=["Anna", "Bruno"],
            )
        )
        uow.set_attendance(AttendanceInput(session_id=session, person_id=mother, status="presente"))
    with cs.unit_of_work(workspace) as uow:
        uow.set_attendance(
            AttendanceInput(session_id=session, person_id=mother, status="giustificato")
        )
    case = cv.case_file(workspace, family_id)
    assert len(case.group_sessions) == 1
    assert [a.status for a in case.group_sessions[0].attendance] == ["giustificato"]
    assert case.group_sessions[0].session.facilitators == ("Anna", "Bruno")


def test_verify_catches_a_removed_operation(family, tmp_path) -> None:
    from pippi_desktop.services.workspace_service import verify_workspace
    from tests.conftest import PASSPHRASE

    workspace, *_ = family
    root = workspace.folder
    with store_of(workspace).write() as connection:
        connection.execute(text("DELETE FROM op_log WHERE counter = 3"))
    workspace.close()
    report = verify_workspace(root, passphrase=PASSPHRASE)
    assert not report.ok
    change_log = next(c for c in report.checks if c["name"] == "change_log")
    assert change_log == {"name": "change_log", "ok": False, "detail": "gap_after:2"}
