"""Typed read models of the case file, what services hand to the GUI, reports and exports.

Each `Record` subclass names its spec (`spec: ClassVar[RecordSpec]`) and declares exactly the
spec's fields, typed as the spec encodes them: dates are `datetime.date`, reference and text
lists `tuple[str, ...]`, yes/no `bool`, numbers `int`, everything else `str`; `X | None`
unless the field is required (lists are never None: empty is `()`). Fields a record gets from
elsewhere (an assessment's `entries`) have a default. `tests/domain/test_record_specs.py`
compares every read model with its spec and fails on any difference.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, TypeVar, get_args, get_origin, get_type_hints

from pippi_desktop.domain import record_types
from pippi_desktop.domain.record_types import RecordSpec

R = TypeVar("R", bound="Record")


@dataclass(frozen=True)
class Record:
    spec: ClassVar[RecordSpec]

    id: str
    created_at: str
    updated_at: str

    @classmethod
    def from_row(cls: type[R], row: Mapping[str, Any]) -> R:
        values: dict[str, Any] = {}
        for name, decode in field_decoders(cls):
            raw = row.get(name)
            values[name] = decode(raw)
        return cls(**values)


def _as_date(raw: Any) -> dt.date | None:
    return dt.date.fromisoformat(raw) if isinstance(raw, str) and raw else raw


def _as_tuple(raw: Any) -> tuple[Any, ...]:
    return tuple(raw) if raw else ()


def _as_bool(raw: Any) -> bool | None:
    return None if raw is None else bool(raw)


def _plain(raw: Any) -> Any:
    return raw


Decoder = Callable[[Any], Any]
_DECODERS: dict[type, tuple[tuple[str, Decoder], ...]] = {}


def field_decoders(cls: type) -> tuple[tuple[str, Decoder], ...]:
    """Per field, how to decode the stored value (worked out once per class)."""
    cached = _DECODERS.get(cls)
    if cached is not None:
        return cached
    hints = get_type_hints(cls)
    decoders: list[tuple[str, Decoder]] = []
    for item in fields(cls):
        hint = hints[item.name]
        args = get_args(hint)
        if hint is dt.date or dt.date in args:
            decoders.append((item.name, _as_date))
        elif get_origin(hint) is tuple:
            decoders.append((item.name, _as_tuple))
        elif hint is bool or bool in args:
            decoders.append((item.name, _as_bool))
        else:
            decoders.append((item.name, _plain))
    _DECODERS[cls] = tuple(decoders)
    return _DECODERS[cls]


@dataclass(frozen=True)
class Family(Record):
    spec = record_types.FAMILY

    code: str
    stats_code: str
    implementation: str | None
    phase: str
    referral_date: dt.date | None
    referral_source: str | None
    preassessment_outcome: str | None
    preassessment_notes: str | None
    start_date: dt.date | None
    conclusion_date: dt.date | None
    conclusion_variant: str | None
    child_placed_out: bool | None
    conclusion_notes: str | None
    notes: str | None


@dataclass(frozen=True)
class Person(Record):
    spec = record_types.PERSON

    family_id: str
    given_name: str
    family_name: str
    role: str
    birth_date: dt.date | None
    sex: str | None
    school: str | None
    school_class: str | None
    notes: str | None

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


@dataclass(frozen=True)
class EquipeMember(Record):
    spec = record_types.EQUIPE_MEMBER

    family_id: str
    name: str
    profession: str
    organisation: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    case_manager: bool | None
    notes: str | None


@dataclass(frozen=True)
class Dispositivo(Record):
    spec = record_types.DISPOSITIVO

    family_id: str
    kind: str
    start_date: dt.date | None
    end_date: dt.date | None
    notes: str | None


@dataclass(frozen=True)
class PhaseRecord(Record):
    spec = record_types.PHASE_RECORD

    family_id: str
    phase: str
    date: dt.date
    notes: str | None


@dataclass(frozen=True)
class HomeVisit(Record):
    spec = record_types.VISIT

    family_id: str
    date: dt.date
    start_time: str | None
    duration_minutes: int | None
    place: str
    educator: str | None
    present_people: tuple[str, ...]
    present_equipe: tuple[str, ...]
    activities: str | None
    notes: str | None
    objectives: tuple[str, ...]
    next_date: dt.date | None
    next_time: str | None
    next_notes: str | None


@dataclass(frozen=True)
class GroupSession(Record):
    spec = record_types.GROUP_SESSION

    kind: str
    date: dt.date
    start_time: str | None
    duration_minutes: int | None
    topic: str
    facilitators: tuple[str, ...]
    place: str | None
    notes: str | None


@dataclass(frozen=True)
class Attendance(Record):
    spec = record_types.ATTENDANCE

    session_id: str
    person_id: str
    family_id: str
    status: str
    notes: str | None


@dataclass(frozen=True)
class AssessmentEntry(Record):
    spec = record_types.ASSESSMENT_ENTRY

    assessment_id: str
    family_id: str
    subdimension: str
    score: int | None
    not_assessable: bool | None
    strengths: str | None
    needs: str | None
    child_words: str | None
    sources: str | None


@dataclass(frozen=True)
class Assessment(Record):
    spec = record_types.ASSESSMENT

    family_id: str
    child_id: str
    time_point: str
    extra_label: str | None
    date: dt.date
    participants_people: tuple[str, ...]
    participants_equipe: tuple[str, ...]
    participants_other: str | None
    catalogue_id: str
    catalogue_version: str
    notes: str | None
    entries: tuple[AssessmentEntry, ...] = field(default=())

    def scores(self) -> dict[str, int | None]:
        """sub-dimension id -> score, None for "non valutabile" (entries without either are left out)."""
        return {
            entry.subdimension: entry.score
            for entry in self.entries
            if entry.score is not None or entry.not_assessable
        }

    @property
    def label(self) -> str:
        return (
            self.extra_label if self.time_point == "extra" and self.extra_label else self.time_point
        )


@dataclass(frozen=True)
class MicroProjectItem(Record):
    spec = record_types.MICROPROJECT_ITEM

    family_id: str
    child_id: str | None
    subdimension: str
    objective: str
    expected_results: str | None
    actions: str | None
    responsible_people: tuple[str, ...]
    responsible_equipe: tuple[str, ...]
    responsible_other: str | None
    deadline: dt.date | None
    verification_status: str
    verification_notes: str | None


@dataclass(frozen=True)
class GroupParticipation:
    """A group session seen from one family: the session and that family's attendance."""

    session: GroupSession
    attendance: tuple[Attendance, ...]


@dataclass(frozen=True)
class CaseFile:
    family: Family
    members: tuple[Person, ...]
    equipe: tuple[EquipeMember, ...]
    dispositivi: tuple[Dispositivo, ...]
    phases: tuple[PhaseRecord, ...]
    visits: tuple[HomeVisit, ...]
    group_sessions: tuple[GroupParticipation, ...]
    assessments: tuple[Assessment, ...]
    micro_project: tuple[MicroProjectItem, ...]

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.members if p.id == person_id), None)

    def equipe_member(self, member_id: str) -> EquipeMember | None:
        return next((m for m in self.equipe if m.id == member_id), None)

    def children(self, child_roles: tuple[str, ...]) -> tuple[Person, ...]:
        return tuple(p for p in self.members if p.role in child_roles)


@dataclass(frozen=True)
class FamilySummary:
    """One row of the family list."""

    id: str
    code: str
    phase: str
    implementation: str | None
    members: int
    children: int
    visits: int
    last_visit: dt.date | None
    assessments: tuple[str, ...]
    names: str
