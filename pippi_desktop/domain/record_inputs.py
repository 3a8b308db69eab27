"""What a caller gives to create or change a record: one typed input per record kind.

The GUI's editors, the command line, the demo data and the self-test build these and hand them
to `services.casefile_service` (`save_record(workspace, VisitInput(…))`); a misspelt field is a
type error, not a record refused at run time. Each input names its spec and declares the spec's
fields, typed as the read models of `domain/records.py` type them: dates `datetime.date`,
references ids (`str`), lists `tuple[str, ...]` (empty `()`), yes/no `bool`, numbers `int`;
times are the text typed ("9.15" is read as 09:15 by validation). Required fields have no
default; the others default to None (or `()`).

Two class attributes say where an input differs from its spec:

- `filled`: fields the service always works out itself (a family's statistical code, the family
  of an attendance or of an assessment entry): not in the input;
- `defaulted`: required fields the service fills when left None (a new family's code and phase,
  an assessment's catalogue, the session of an attendance saved with its session, …).

`tests/domain/test_record_specs.py` compares every input with its spec (names, order, types,
optional or required) and fails on any difference, as it does for the read models. A new record
kind (issues 15, 16) adds its input here beside its read model.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Self

from pippi_desktop.domain import record_types
from pippi_desktop.domain.record_types import RecordSpec
from pippi_desktop.domain.records import Record, field_decoders


@dataclass(frozen=True, kw_only=True)
class RecordInput:
    spec: ClassVar[RecordSpec]
    filled: ClassVar[frozenset[str]] = frozenset()
    defaulted: ClassVar[frozenset[str]] = frozenset()

    def values(self) -> dict[str, Any]:
        """Every field with its value, as validation (`domain.validation.clean_values`) takes
        it."""
        return {name: getattr(self, name) for name in _field_names(type(self))}

    def given_values(self) -> dict[str, Any]:
        """The fields that hold something (what creating a record sends)."""
        return {
            name: value
            for name, value in self.values().items()
            if value is not None and value != () and value != ""
        }

    def changed_from(self, before: Self) -> dict[str, Any]:
        """The fields whose value differs from `before` (what changing a record sends)."""
        return {
            name: value for name, value in self.values().items() if getattr(before, name) != value
        }

    # --- the stored record, and drafts -----------------------------------------------------

    @classmethod
    def of(cls, record: Record) -> Self:
        """The input that would save `record` as it is (to change some of its fields)."""
        return cls(**{item.name: getattr(record, item.name) for item in dataclasses.fields(cls)})

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> Self:
        """From encoded values (ISO dates, lists): a stored row, or the JSON of a draft."""
        return cls(**{name: decode(values.get(name)) for name, decode in field_decoders(cls)})

    def to_json(self) -> dict[str, Any]:
        """The values as JSON (dates ISO, lists), e.g. for a draft."""
        return {name: _json_value(value) for name, value in self.values().items()}

    def updated_from_json(self, data: Mapping[str, Any]) -> Self:
        """This input with the fields present in `data` (JSON, as `to_json` writes) put back;
        a value that no longer decodes (a draft of an older version) is left out."""
        changes: dict[str, Any] = {}
        for name, decode in field_decoders(type(self)):
            if name not in data:
                continue
            try:
                changes[name] = decode(data[name])
            except (TypeError, ValueError):
                continue
        return dataclasses.replace(self, **changes)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type[RecordInput]) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(item.name for item in dataclasses.fields(cls))
    return names


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


@dataclass(frozen=True, kw_only=True)
class FamilyInput(RecordInput):
    spec = record_types.FAMILY
    filled = frozenset({"stats_code"})
    defaulted = frozenset({"code", "phase"})

    code: str | None = None  # given by the application when left empty
    implementation: str | None = None
    phase: str | None = None  # the first phase of the pathway when left empty
    referral_date: dt.date | None = None
    referral_source: str | None = None
    preassessment_outcome: str | None = None
    preassessment_notes: str | None = None
    start_date: dt.date | None = None
    conclusion_date: dt.date | None = None
    conclusion_variant: str | None = None
    child_placed_out: bool | None = None
    conclusion_notes: str | None = None
    notes: str | None = None


@dataclass(frozen=True, kw_only=True)
class PersonInput(RecordInput):
    spec = record_types.PERSON

    family_id: str
    given_name: str
    family_name: str
    role: str
    birth_date: dt.date | None = None
    sex: str | None = None
    school: str | None = None
    school_class: str | None = None
    notes: str | None = None


@dataclass(frozen=True, kw_only=True)
class EquipeMemberInput(RecordInput):
    spec = record_types.EQUIPE_MEMBER

    family_id: str
    name: str
    profession: str
    organisation: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    case_manager: bool | None = None
    notes: str | None = None


@dataclass(frozen=True, kw_only=True)
class DispositivoInput(RecordInput):
    spec = record_types.DISPOSITIVO

    family_id: str
    kind: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    notes: str | None = None


@dataclass(frozen=True, kw_only=True)
class VisitInput(RecordInput):
    spec = record_types.VISIT

    family_id: str
    date: dt.date
    start_time: str | None = None
    duration_minutes: int | None = None
    place: str
    educator: str | None = None
    present_people: tuple[str, ...] = ()
    present_equipe: tuple[str, ...] = ()
    activities: str | None = None
    notes: str | None = None
    objectives: tuple[str, ...] = ()
    next_date: dt.date | None = None
    next_time: str | None = None
    next_notes: str | None = None


@dataclass(frozen=True, kw_only=True)
class GroupSessionInput(RecordInput):
    spec = record_types.GROUP_SESSION

    kind: str
    date: dt.date
    start_time: str | None = None
    duration_minutes: int | None = None
    topic: str
    facilitators: tuple[str, ...] = ()
    place: str | None = None
    notes: str | None = None


@dataclass(frozen=True, kw_only=True)
class AttendanceInput(RecordInput):
    spec = record_types.ATTENDANCE
    filled = frozenset({"family_id"})  # the person's family
    defaulted = frozenset({"session_id"})  # the session it is saved with

    session_id: str | None = None
    person_id: str
    status: str
    notes: str | None = None


@dataclass(frozen=True, kw_only=True)
class AssessmentInput(RecordInput):
    spec = record_types.ASSESSMENT
    defaulted = frozenset({"catalogue_id", "catalogue_version"})  # the active catalogue

    family_id: str
    child_id: str
    time_point: str
    extra_label: str | None = None
    date: dt.date
    participants_people: tuple[str, ...] = ()
    participants_equipe: tuple[str, ...] = ()
    participants_other: str | None = None
    catalogue_id: str | None = None
    catalogue_version: str | None = None
    notes: str | None = None


@dataclass(frozen=True, kw_only=True)
class AssessmentEntryInput(RecordInput):
    spec = record_types.ASSESSMENT_ENTRY
    filled = frozenset({"family_id"})  # the assessment's family
    defaulted = frozenset({"assessment_id"})  # the assessment it is saved with

    assessment_id: str | None = None
    subdimension: str
    score: int | None = None
    not_assessable: bool | None = None
    strengths: str | None = None
    needs: str | None = None
    child_words: str | None = None
    sources: str | None = None

    @property
    def is_empty(self) -> bool:
        """Neither a score nor "not assessable" nor any text: nothing to keep."""
        return not (
            self.score
            or self.not_assessable
            or self.strengths
            or self.needs
            or self.child_words
            or self.sources
        )


@dataclass(frozen=True, kw_only=True)
class MicroProjectItemInput(RecordInput):
    spec = record_types.MICROPROJECT_ITEM
    defaulted = frozenset({"verification_status"})  # "da verificare"

    family_id: str
    child_id: str | None = None
    subdimension: str
    objective: str
    expected_results: str | None = None
    actions: str | None = None
    responsible_people: tuple[str, ...] = ()
    responsible_equipe: tuple[str, ...] = ()
    responsible_other: str | None = None
    deadline: dt.date | None = None
    verification_status: str | None = None
    verification_notes: str | None = None


# Kinds without an input (and why); `tests/domain/test_record_specs.py` checks the rest have one.
WITHOUT_INPUT = {
    "phase_record": "written by the service when a family's phase changes (save_family)",
    "catalogue": "loaded from a catalogue file (catalogue_service.load_catalogue_file)",
}
