"""The case-file calls the windows make, run on the worker (Anki's `operations/note.py` idea).

Each function takes the open workspace first, calls the services and returns plain values;
none touches a widget. Writes return the service's `SaveResult` or its "what changed" value
(`DataChanges`), which is what `session.write(changes=…)` announces.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pippi_desktop.domain.catalogue import Catalogue
from pippi_desktop.domain.errors import UnknownRecord
from pippi_desktop.domain.records import CaseFile, GroupSession, Person
from pippi_desktop.services import casefile_service, casefile_view, catalogue_service
from pippi_desktop.services.casefile_service import SaveResult
from pippi_desktop.services.changes import DataChanges

if TYPE_CHECKING:
    from pippi_desktop.services.open_workspace import OpenWorkspace


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


def load_case_file(ws: OpenWorkspace, family_id: str) -> LoadedCaseFile:
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
# The editors call the typed services directly (`casefile_service.save_record(ws, VisitInput(…),
# record_id=…, before=…)`, `save_family`, `save_assessment`, `save_group_session`).


def delete_record(ws: OpenWorkspace, kind: str, record_id: str) -> DataChanges:
    return casefile_service.delete_record(ws, kind, record_id)


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


def load_group_session(ws: OpenWorkspace, session_id: str) -> LoadedGroupSession:
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


def family_members(ws: OpenWorkspace, family_id: str) -> tuple[str, tuple[Person, ...]]:
    """A family's code and members (for inviting them to a group session)."""
    case_file = casefile_view.case_file(ws, family_id)
    return case_file.family.code, case_file.members
