"""Every kind of synced record and its fields, as data the whole application shares.

Storage builds its writes from these specs, validation checks values against them, and sync
checks every incoming operation against them (a field not listed here, or a value of the
wrong type, makes an operation invalid). Values travel encoded as JSON: dates as ISO strings
("2026-11-23"), times as "HH:MM", reference lists as lists of UUID strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum


class FieldType(StrEnum):
    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # notes: never lost to a concurrent edit
    DATE = "date"
    TIME = "time"
    INT = "int"
    BOOL = "bool"
    CODE = "code"  # a code of a vocabulary list
    REF = "ref"  # the id of another record
    REFS = "refs"  # a list of ids
    TEXTS = "texts"  # a list of short texts
    SUBDIM = "subdim"  # a sub-dimension id of the triangle catalogue
    SCORE = "score"  # a score on the catalogue's scale, or null ("non valutabile")
    JSON = "json"  # opaque JSON text (catalogue content)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: FieldType
    required: bool = False
    max_length: int | None = None
    vocab: str | None = None
    ref: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    immutable: bool = False  # set at creation, never changed (the record's parent)

    @property
    def is_long_text(self) -> bool:
        return self.type is FieldType.LONG_TEXT


@dataclass(frozen=True)
class RecordSpec:
    kind: str
    table: str
    fields: tuple[FieldSpec, ...]
    family_field: str | None = "family_id"  # the field naming the family, if any
    field_names: tuple[str, ...] = dataclass_field(init=False)
    _by_name: dict[str, FieldSpec] = dataclass_field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "field_names", tuple(spec.name for spec in self.fields))
        object.__setattr__(self, "_by_name", {spec.name: spec for spec in self.fields})

    def field(self, name: str) -> FieldSpec:
        return self._by_name[name]


T = FieldType
SHORT = 200
NAME = 80
LONG = 100_000


def _family() -> FieldSpec:
    return FieldSpec("family_id", T.REF, required=True, ref="family", immutable=True)


FAMILY = RecordSpec(
    "family",
    "families",
    (
        FieldSpec("code", T.TEXT, required=True, max_length=32),
        FieldSpec("stats_code", T.TEXT, required=True, max_length=32, immutable=True),
        FieldSpec("implementation", T.TEXT, max_length=60),
        FieldSpec("phase", T.CODE, required=True, vocab="phases"),
        FieldSpec("referral_date", T.DATE),
        FieldSpec("referral_source", T.TEXT, max_length=SHORT),
        FieldSpec("preassessment_outcome", T.CODE, vocab="preassessment_outcomes"),
        FieldSpec("preassessment_notes", T.LONG_TEXT, max_length=LONG),
        FieldSpec("start_date", T.DATE),
        FieldSpec("conclusion_date", T.DATE),
        FieldSpec("conclusion_variant", T.CODE, vocab="conclusion_variants"),
        FieldSpec("child_placed_out", T.BOOL),
        FieldSpec("conclusion_notes", T.LONG_TEXT, max_length=LONG),
        FieldSpec("notes", T.LONG_TEXT, max_length=LONG),
    ),
    family_field=None,
)

PERSON = RecordSpec(
    "person",
    "people",
    (
        _family(),
        FieldSpec("given_name", T.TEXT, required=True, max_length=NAME),
        FieldSpec("family_name", T.TEXT, required=True, max_length=NAME),
        FieldSpec("role", T.CODE, required=True, vocab="member_roles"),
        FieldSpec("birth_date", T.DATE),
        FieldSpec("sex", T.CODE, vocab="sexes"),
        FieldSpec("school", T.TEXT, max_length=120),
        FieldSpec("school_class", T.TEXT, max_length=40),
        FieldSpec("notes", T.LONG_TEXT, max_length=LONG),
    ),
)

EQUIPE_MEMBER = RecordSpec(
    "equipe_member",
    "equipe_members",
    (
        _family(),
        FieldSpec("name", T.TEXT, required=True, max_length=120),
        FieldSpec("profession", T.CODE, required=True, vocab="professions"),
        FieldSpec("organisation", T.TEXT, max_length=160),
        FieldSpec("start_date", T.DATE),
        FieldSpec("end_date", T.DATE),
        FieldSpec("case_manager", T.BOOL),
        FieldSpec("notes", T.LONG_TEXT, max_length=LONG),
    ),
)

DISPOSITIVO = RecordSpec(
    "dispositivo",
    "dispositivi",
    (
        _family(),
        FieldSpec("kind", T.CODE, required=True, vocab="dispositivi"),
        FieldSpec("start_date", T.DATE),
        FieldSpec("end_date", T.DATE),
        FieldSpec("notes", T.LONG_TEXT, max_length=LONG),
    ),
)

PHASE_RECORD = RecordSpec(
    "phase_record",
    "phase_records",
    (
        _family(),
        FieldSpec("phase", T.CODE, required=True, vocab="phases"),
        FieldSpec("date", T.DATE, required=True),
        FieldSpec("notes", T.LONG_TEXT, max_length=LONG),
    ),
)

VISIT = RecordSpec(
    "visit",
    "visits",
    (
        _family(),
        FieldSpec("date", T.DATE, required=True),
        FieldSpec("start_time", T.TIME),
        FieldSpec("duration_minutes", T.INT, minimum=5, maximum=720),
        FieldSpec("place", T.CODE, required=True, vocab="places"),
        FieldSpec("educator", T.TEXT, max_length=120),
        FieldSpec("present_people", T.REFS, ref="person"),
        FieldSpec("present_equipe", T.REFS, ref="equipe_member"),
        FieldSpec("activities", T.LONG_TEXT, max_length=LONG),
        FieldSpec("notes", T.LONG_TEXT, max_length=LONG),
        FieldSpec("objectives", T.REFS, ref="microproject_item"),
        FieldSpec("next_date", T.DATE),
        FieldSpec("next_time", T.TIME),
        FieldSpec("next_notes", T.TEXT, max_length=SHORT),
    ),
)

GROUP_SESSION = RecordSpec(
    "group_session",
    "group_sessions",
    (
        FieldSpec("kind", T.CODE, required=True, vocab="group_kinds"),
        FieldSpec("date", T.DATE, required=True),
        FieldSpec("start_time", T.TIME),
        FieldSpec("duration_minutes", T.INT, minimum=5, maximum=720),
        FieldSpec("topic", T.TEXT, required=True, max_length=SHORT),
        FieldSpec("facilitators", T.TEXTS, max_length=120),
        FieldSpec("place", T.TEXT, max_length=160),
        FieldSpec("notes", T.LONG_TEXT, max_length=LONG),
    ),
    family_field=None,
)

ATTENDANCE = RecordSpec(
    "attendance",
    "group_attendance",
    (
        FieldSpec("session_id", T.REF, required=True, ref="group_session", immutable=True),
        FieldSpec("person_id", T.REF, required=True, ref="person", immutable=True),
        _family(),
        FieldSpec("status", T.CODE, required=True, vocab="attendance"),
        FieldSpec("notes", T.TEXT, max_length=SHORT),
    ),
)

ASSESSMENT = RecordSpec(
    "assessment",
    "assessments",
    (
        _family(),
        FieldSpec("child_id", T.REF, required=True, ref="person", immutable=True),
        FieldSpec("time_point", T.CODE, required=True, vocab="time_points"),
        FieldSpec("extra_label", T.TEXT, max_length=60),
        FieldSpec("date", T.DATE, required=True),
        FieldSpec("participants_people", T.REFS, ref="person"),
        FieldSpec("participants_equipe", T.REFS, ref="equipe_member"),
        FieldSpec("participants_other", T.TEXT, max_length=SHORT),
        FieldSpec("catalogue_id", T.TEXT, required=True, max_length=64, immutable=True),
        FieldSpec("catalogue_version", T.TEXT, required=True, max_length=32, immutable=True),
        FieldSpec("notes", T.LONG_TEXT, max_length=LONG),
    ),
)

ASSESSMENT_ENTRY = RecordSpec(
    "assessment_entry",
    "assessment_entries",
    (
        FieldSpec("assessment_id", T.REF, required=True, ref="assessment", immutable=True),
        _family(),
        FieldSpec("subdimension", T.SUBDIM, required=True, immutable=True),
        FieldSpec("score", T.SCORE),
        FieldSpec("not_assessable", T.BOOL),
        FieldSpec("strengths", T.LONG_TEXT, max_length=LONG),
        FieldSpec("needs", T.LONG_TEXT, max_length=LONG),
        FieldSpec("child_words", T.LONG_TEXT, max_length=LONG),
        FieldSpec("sources", T.LONG_TEXT, max_length=LONG),
    ),
)

MICROPROJECT_ITEM = RecordSpec(
    "microproject_item",
    "microproject_items",
    (
        _family(),
        FieldSpec("child_id", T.REF, ref="person"),
        FieldSpec("subdimension", T.SUBDIM, required=True),
        FieldSpec("objective", T.LONG_TEXT, required=True, max_length=LONG),
        FieldSpec("expected_results", T.LONG_TEXT, max_length=LONG),
        FieldSpec("actions", T.LONG_TEXT, max_length=LONG),
        FieldSpec("responsible_people", T.REFS, ref="person"),
        FieldSpec("responsible_equipe", T.REFS, ref="equipe_member"),
        FieldSpec("responsible_other", T.TEXT, max_length=SHORT),
        FieldSpec("deadline", T.DATE),
        FieldSpec("verification_status", T.CODE, required=True, vocab="verification_statuses"),
        FieldSpec("verification_notes", T.LONG_TEXT, max_length=LONG),
    ),
)

CATALOGUE = RecordSpec(
    "catalogue",
    "catalogues",
    (
        FieldSpec("catalogue_id", T.TEXT, required=True, max_length=64, immutable=True),
        FieldSpec("version", T.TEXT, required=True, max_length=32, immutable=True),
        FieldSpec("content", T.JSON, required=True, max_length=512 * 1024, immutable=True),
        FieldSpec("digest", T.TEXT, required=True, max_length=64, immutable=True),
    ),
    family_field=None,
)

RECORD_SPECS: dict[str, RecordSpec] = {
    spec.kind: spec
    for spec in (
        FAMILY,
        PERSON,
        EQUIPE_MEMBER,
        DISPOSITIVO,
        PHASE_RECORD,
        VISIT,
        GROUP_SESSION,
        ATTENDANCE,
        ASSESSMENT,
        ASSESSMENT_ENTRY,
        MICROPROJECT_ITEM,
        CATALOGUE,
    )
}

# Records that belong to one family, removed with it (tombstones) when the family is deleted.
FAMILY_CHILD_KINDS = tuple(
    kind for kind, spec in RECORD_SPECS.items() if spec.family_field == "family_id"
)


def spec_for(kind: str) -> RecordSpec:
    return RECORD_SPECS[kind]
