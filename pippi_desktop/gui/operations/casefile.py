"""The case-file calls the windows make, run on the worker (Anki's `operations/note.py` idea).

Each function takes the open workspace first, calls the services and returns plain values;
none touches a widget. Writes return the service's `SaveResult` or its "what changed" value,
which is what `session.write(changes=…)` announces.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from pippi_desktop.domain.catalogue import Catalogue
from pippi_desktop.domain.errors import UnknownRecord
from pippi_desktop.domain.records import CaseFile, GroupSession, Person
from pippi_desktop.services import casefile_service, casefile_view, catalogue_service
from pippi_desktop.services.casefile_service import SaveResult
from pippi_desktop.services.changes import DataChanges

if TYPE_CHECKING:
    from pippi_desktop.services.workspace_service import Workspace


@dataclass(frozen=True)
class LoadedCaseFile:
    """One family's case file with the catalogues its views need."""

    case_file: CaseFile
    catalogues: Mapping[tuple[str, str], Catalogue]  # (id, version) -> catalogue
    active_catalogue: Catalogue

    @property
    def family_id(self) -> str:
        return self.case_file.family.id

    def catalogue_of(self, catalogue_id: str, version: str) -> Catalogue:
        return self.catalogues.get((catalogue_id, version), self.active_catalogue)


def load_case_file(ws: Workspace, family_id: str) -> LoadedCaseFile:
    case_file = casefile_view.case_file(ws, family_id)
    active = catalogue_service.active_catalogue(ws)
    catalogues: dict[tuple[str, str], Catalogue] = {active.key: active}
    for assessment in case_file.assessments:
        key = (assessment.catalogue_id, assessment.catalogue_version)
        if key not in catalogues:
            catalogues[key] = catalogue_service.catalogue_for(ws, *key)
    return LoadedCaseFile(case_file, catalogues, active)


def changes_of(result: SaveResult) -> DataChanges:
    return result.changes


# --- writes ---------------------------------------------------------------------------------


def save_record(
    ws: Workspace, kind: str, values: Mapping[str, Any], record_id: str | None
) -> SaveResult:
    return casefile_service.save_record(ws, kind, values, record_id=record_id)


def save_family(
    ws: Workspace, values: Mapping[str, Any], record_id: str | None, phase_date: date | None
) -> SaveResult:
    """A family; a changed phase is recorded as a step of the pathway dated `phase_date`."""
    with casefile_service.unit_of_work(ws) as uow:
        if record_id is None:
            record_id = uow.create("family", values)
        else:
            uow.update("family", record_id, values, phase_date=phase_date)
    return SaveResult(record_id, uow.changes)


@dataclass(frozen=True)
class AttendanceRow:
    person_id: str
    status: str
    notes: str | None = None


def save_group_session(
    ws: Workspace,
    values: Mapping[str, Any],
    attendance: list[AttendanceRow],
    removed: list[str],
    session_id: str | None,
) -> SaveResult:
    """A group session and its attendance (invited people), saved together."""
    with casefile_service.unit_of_work(ws) as uow:
        if session_id is None:
            session_id = uow.create("group_session", values)
        else:
            uow.update("group_session", session_id, values)
        for row in attendance:
            casefile_service.set_attendance(uow, session_id, row.person_id, row.status, row.notes)
        for person_id in removed:
            _delete_if_present(
                uow, "attendance", casefile_service.attendance_id(session_id, person_id)
            )
    return SaveResult(session_id, uow.changes)


def _delete_if_present(uow: casefile_service.UnitOfWork, kind: str, record_id: str) -> None:
    with contextlib.suppress(UnknownRecord):
        uow.delete(kind, record_id)


def delete_record(ws: Workspace, kind: str, record_id: str) -> DataChanges:
    return casefile_service.delete_record(ws, kind, record_id)


def save_assessment(
    ws: Workspace,
    values: Mapping[str, Any],
    entries: Mapping[str, Mapping[str, Any]],
    assessment_id: str | None,
) -> SaveResult:
    return casefile_service.save_assessment(ws, values, entries, assessment_id=assessment_id)


# --- group sessions -------------------------------------------------------------------------


@dataclass(frozen=True)
class InvitedPerson:
    person: Person
    family_code: str


@dataclass(frozen=True)
class LoadedGroupSession:
    session: GroupSession | None
    attendance: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # person -> status
    people: dict[str, InvitedPerson] = field(default_factory=dict)


def load_group_session(ws: Workspace, session_id: str) -> LoadedGroupSession:
    session, attendance, people = casefile_view.group_session(ws, session_id)
    codes: dict[str, str] = {}
    for person in people.values():
        if person.family_id not in codes:
            try:
                codes[person.family_id] = casefile_view.case_file(ws, person.family_id).family.code
            except UnknownRecord:  # a family deleted since: show the person without a code
                codes[person.family_id] = ""
    return LoadedGroupSession(
        session,
        {a.person_id: (a.status, a.notes) for a in attendance},
        {pid: InvitedPerson(p, codes.get(p.family_id, "")) for pid, p in people.items()},
    )


def family_members(ws: Workspace, family_id: str) -> tuple[str, tuple[Person, ...]]:
    """A family's code and members (for inviting them to a group session)."""
    case_file = casefile_view.case_file(ws, family_id)
    return case_file.family.code, case_file.members
