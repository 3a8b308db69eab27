"""Reading the case file: the family list, one family's whole file, group sessions."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from pippi_desktop.domain.errors import UnknownRecord
from pippi_desktop.domain.record_inputs import RecordInput
from pippi_desktop.domain.record_types import spec_for
from pippi_desktop.domain.records import (
    Assessment,
    AssessmentEntry,
    Attendance,
    CaseFile,
    Dispositivo,
    EquipeMember,
    Family,
    FamilySummary,
    GroupParticipation,
    GroupSession,
    HomeVisit,
    MicroProjectItem,
    Person,
    PhaseRecord,
    Record,
)
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.storage import casefile_queries as queries
from pippi_desktop.storage.row_format import row_values


def list_families(
    workspace: OpenWorkspace,
    *,
    search: str | None = None,
    phase: str | None = None,
    implementation: str | None = None,
    sort: str = "code",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[FamilySummary]:
    with store_of(workspace).read(single_statement=True) as connection:
        return queries.family_summaries(
            connection,
            search=search,
            phase=phase,
            implementation=implementation,
            sort=sort,
            descending=descending,
            limit=limit,
            offset=offset,
        )


def count_families(
    workspace: OpenWorkspace,
    *,
    search: str | None = None,
    phase: str | None = None,
    implementation: str | None = None,
) -> int:
    with store_of(workspace).read(single_statement=True) as connection:
        return queries.count_families(
            connection, search=search, phase=phase, implementation=implementation
        )


def implementations(workspace: OpenWorkspace) -> list[str]:
    with store_of(workspace).read() as connection:
        return queries.implementations(connection)


def find_family_id(workspace: OpenWorkspace, code: str) -> str:
    """The id of the family with this code; `UnknownRecord('family')` if there is none."""
    with store_of(workspace).read() as connection:
        ids = queries.families_with_code(connection, code.strip())
        if not ids:
            ids = queries.families_with_code(connection, code.strip().upper())
    if not ids:
        raise UnknownRecord("family")
    return ids[0]


In = TypeVar("In", bound=RecordInput)


def stored_input(workspace: OpenWorkspace, kind: type[In], record_id: str) -> In:
    """A stored record (a deleted one too: saving it is refused) as its input, to change some
    of its fields:

        before = stored_input(ws, VisitInput, visit_id)
        save_record(ws, replace(before, notes="…"), record_id=visit_id, before=before)
    """
    with store_of(workspace).read() as connection:
        row = queries.load_one(connection, kind.spec.kind, record_id, include_deleted=True)
    if row is None:
        raise UnknownRecord(kind.spec.kind if kind.spec.kind in UnknownRecord.texts else "")
    return kind.from_values(row_values(kind.spec, row))


def _load(connection: Any, kind: str, cls: type[Record], **kwargs: Any) -> tuple[Any, ...]:
    return tuple(
        cls.from_row(row) for row in queries.load_rows(connection, spec_for(kind), **kwargs)
    )


def case_file(workspace: OpenWorkspace, family_id: str) -> CaseFile:
    with store_of(workspace).read() as connection:
        family_row = queries.load_one(connection, "family", family_id)
        if family_row is None:
            raise UnknownRecord("family")
        by_family = {"where": {"family_id": family_id}}
        entries = _load(connection, "assessment_entry", AssessmentEntry, **by_family)
        assessments = tuple(
            replace(a, entries=tuple(e for e in entries if e.assessment_id == a.id))
            for a in _load(connection, "assessment", Assessment, **by_family)
        )
        attendance = _load(connection, "attendance", Attendance, **by_family)
        session_ids = sorted({a.session_id for a in attendance})
        sessions = _load(connection, "group_session", GroupSession, ids=session_ids)
        participations = tuple(
            GroupParticipation(session, tuple(a for a in attendance if a.session_id == session.id))
            for session in sorted(sessions, key=lambda s: s.date)
        )
        order = {"T0": 0, "T1": 1, "T2": 2}
        return CaseFile(
            family=Family.from_row(family_row),
            members=_load(connection, "person", Person, **by_family, order_by=("created_at",)),
            equipe=_load(
                connection, "equipe_member", EquipeMember, **by_family, order_by=("created_at",)
            ),
            dispositivi=_load(
                connection, "dispositivo", Dispositivo, **by_family, order_by=("start_date",)
            ),
            phases=_load(
                connection,
                "phase_record",
                PhaseRecord,
                **by_family,
                order_by=("date", "created_at"),
            ),
            visits=_load(
                connection, "visit", HomeVisit, **by_family, order_by=("date", "start_time")
            ),
            group_sessions=participations,
            assessments=tuple(
                sorted(assessments, key=lambda a: (a.child_id, order.get(a.time_point, 9), a.date))
            ),
            micro_project=_load(
                connection,
                "microproject_item",
                MicroProjectItem,
                **by_family,
                order_by=("created_at",),
            ),
        )


def list_group_sessions(workspace: OpenWorkspace) -> list[GroupSession]:
    with store_of(workspace).read() as connection:
        return sorted(
            _load(connection, "group_session", GroupSession), key=lambda s: s.date, reverse=True
        )


def group_session(
    workspace: OpenWorkspace, session_id: str
) -> tuple[GroupSession, tuple[Attendance, ...], dict[str, Person]]:
    """A session, its attendance, and the people invited (by id)."""
    with store_of(workspace).read() as connection:
        row = queries.load_one(connection, "group_session", session_id)
        if row is None:
            raise UnknownRecord("group_session")
        attendance = _load(connection, "attendance", Attendance, where={"session_id": session_id})
        people = _load(
            connection,
            "person",
            Person,
            ids=[a.person_id for a in attendance],
            include_deleted=True,
        )
    return GroupSession.from_row(row), attendance, {p.id: p for p in people}
