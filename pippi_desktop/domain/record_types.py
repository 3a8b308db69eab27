"""Every kind of synced record, declared once: its table, its fields and how people name them.

A `RecordSpec` is the one declaration of a record kind. Everything else is derived from it or
tied to it by a test that fails on any drift:

- storage builds the table's columns from it (`storage/casefile_tables.py`: name, SQL type,
  length, nullability), and a test upgrades a fresh database through every migration and
  compares the schema with those tables;
- validation checks values against it (types, lengths, vocabularies, ranges) and names the
  field by its `label` in every message; sync checks every incoming operation against it (a
  field not listed here, or a value of the wrong type, makes an operation invalid);
- the read models (`domain/records.py`) are typed dataclasses that a test compares with it
  (field names, types, optional or required);
- the record editors' forms show the same `label` next to each field, checked by a test that
  opens every editor.

Values travel encoded as JSON: dates as ISO strings ("2026-11-23"), times as "HH:MM",
reference lists as lists of UUID strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum

from pippi_desktop.domain.i18n import N_, NC_, Message


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


# The width of values whose encoding fixes it: an ISO date, "HH:MM", a UUID.
ENCODED_LENGTH = {FieldType.DATE: 10, FieldType.TIME: 5, FieldType.REF: 36}
# The longest code of a vocabulary list and sub-dimension id, unless a field says otherwise.
DEFAULT_LENGTH = {FieldType.CODE: 40, FieldType.SUBDIM: 64}
# Types stored as one short string, whose `max_length` is the column's width too.
SHORT_STRING_TYPES = frozenset({FieldType.TEXT, FieldType.CODE, FieldType.SUBDIM})


@dataclass(frozen=True)
class FieldSpec:
    """One field of a record kind.

    `label` is what a person reads: the words the editor form shows next to the field (checked
    by `tests/gui/test_editor_labels.py`), and the name every message uses for it ("Il campo
    «Data di nascita» …"). Labels are marked with the context "field", so that a label never
    shares its translation with another text that happens to have the same Italian words.
    `section` is the form's group box the label belongs to, when the label alone would be
    ambiguous ("Data" under «Prossimo appuntamento»); messages then say «Prossimo appuntamento –
    Data».

    `max_length`: for one-line texts, codes and sub-dimension ids, the longest value and the
    column's width; for notes, JSON and lists of texts, the longest value (or item) accepted.
    Codes and sub-dimension ids have a default; one-line texts must say theirs.
    """

    name: str
    type: FieldType
    label: Message
    required: bool = False
    max_length: int | None = None
    vocab: str | None = None
    ref: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    immutable: bool = False  # set at creation, never changed (the record's parent)
    section: Message | None = None

    def __post_init__(self) -> None:
        if self.max_length is None and self.type in DEFAULT_LENGTH:
            object.__setattr__(self, "max_length", DEFAULT_LENGTH[self.type])
        if self.type is FieldType.TEXT and self.max_length is None:
            raise ValueError(f"{self.name}: a one-line text needs its max_length")
        if (self.type is FieldType.CODE) != (self.vocab is not None):
            raise ValueError(f"{self.name}: a code, and only a code, names its vocabulary")
        if (self.type in (FieldType.REF, FieldType.REFS)) != (self.ref is not None):
            raise ValueError(f"{self.name}: a reference, and only a reference, names its kind")

    @property
    def is_long_text(self) -> bool:
        return self.type is FieldType.LONG_TEXT

    @property
    def stored_length(self) -> int | None:
        """The width of the column holding one encoded value; None for unbounded text."""
        if self.type in SHORT_STRING_TYPES:
            return self.max_length
        return ENCODED_LENGTH.get(self.type)

    @property
    def full_label(self) -> Message:
        """The label as messages show it: with its section, when it has one."""
        if self.section is None:
            return self.label
        return N_("{section} – {label}").bind(section=self.section, label=self.label)


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
        if len(self._by_name) != len(self.fields):
            raise ValueError(f"{self.kind}: a field is declared twice")

    def field(self, name: str) -> FieldSpec:
        return self._by_name[name]


T = FieldType
F = FieldSpec
SHORT = 200
NAME = 80
LONG = 100_000


def _family() -> FieldSpec:
    return F(
        "family_id", T.REF, NC_("field", "Famiglia"), required=True, ref="family", immutable=True
    )


def _notes(label: Message) -> FieldSpec:
    return F("notes", T.LONG_TEXT, label, max_length=LONG)


FAMILY = RecordSpec(
    "family",
    "families",
    (
        F("code", T.TEXT, NC_("field", "Codice"), required=True, max_length=32),
        F(
            "stats_code",
            T.TEXT,
            NC_("field", "Codice statistico"),
            required=True,
            max_length=32,
            immutable=True,
        ),
        F("implementation", T.TEXT, NC_("field", "Implementazione"), max_length=60),
        F("phase", T.CODE, NC_("field", "Fase del percorso"), required=True, vocab="phases"),
        F("referral_date", T.DATE, NC_("field", "Data della segnalazione")),
        F("referral_source", T.TEXT, NC_("field", "Segnalata da"), max_length=SHORT),
        F(
            "preassessment_outcome",
            T.CODE,
            NC_("field", "Esito dell'analisi"),
            vocab="preassessment_outcomes",
        ),
        F(
            "preassessment_notes",
            T.LONG_TEXT,
            NC_("field", "Note dell'analisi"),
            max_length=LONG,
        ),
        F("start_date", T.DATE, NC_("field", "Inizio del programma")),
        F("conclusion_date", T.DATE, NC_("field", "Data di conclusione")),
        F(
            "conclusion_variant",
            T.CODE,
            NC_("field", "Esito della conclusione"),
            max_length=8,
            vocab="conclusion_variants",
        ),
        F("child_placed_out", T.BOOL, NC_("field", "Un figlio è stato allontanato da casa")),
        F(
            "conclusion_notes",
            T.LONG_TEXT,
            NC_("field", "Note della conclusione"),
            max_length=LONG,
        ),
        _notes(NC_("field", "Note sulla famiglia")),
    ),
    family_field=None,
)

PERSON = RecordSpec(
    "person",
    "people",
    (
        _family(),
        F("given_name", T.TEXT, NC_("field", "Nome"), required=True, max_length=NAME),
        F("family_name", T.TEXT, NC_("field", "Cognome"), required=True, max_length=NAME),
        F(
            "role",
            T.CODE,
            NC_("field", "Ruolo nella famiglia"),
            required=True,
            vocab="member_roles",
        ),
        F("birth_date", T.DATE, NC_("field", "Data di nascita")),
        F("sex", T.CODE, NC_("field", "Sesso"), max_length=4, vocab="sexes"),
        F("school", T.TEXT, NC_("field", "Scuola"), max_length=120),
        F("school_class", T.TEXT, NC_("field", "Classe"), max_length=40),
        _notes(NC_("field", "Note")),
    ),
)

EQUIPE_MEMBER = RecordSpec(
    "equipe_member",
    "equipe_members",
    (
        _family(),
        F("name", T.TEXT, NC_("field", "Nome e cognome"), required=True, max_length=120),
        F(
            "profession",
            T.CODE,
            NC_("field", "Professione"),
            required=True,
            vocab="professions",
        ),
        F("organisation", T.TEXT, NC_("field", "Ente"), max_length=160),
        F("start_date", T.DATE, NC_("field", "Nell'équipe dal")),
        F("end_date", T.DATE, NC_("field", "Nell'équipe fino al")),
        F("case_manager", T.BOOL, NC_("field", "Responsabile del caso (case manager)")),
        _notes(NC_("field", "Note")),
    ),
)

DISPOSITIVO = RecordSpec(
    "dispositivo",
    "dispositivi",
    (
        _family(),
        F("kind", T.CODE, NC_("field", "Dispositivo"), required=True, vocab="dispositivi"),
        F("start_date", T.DATE, NC_("field", "Attivo dal")),
        F("end_date", T.DATE, NC_("field", "Attivo fino al")),
        _notes(NC_("field", "Note")),
    ),
)

PHASE_RECORD = RecordSpec(
    "phase_record",
    "phase_records",
    (
        _family(),
        F("phase", T.CODE, NC_("field", "Fase del percorso"), required=True, vocab="phases"),
        # edited in the family's form, as the day the current phase was reached
        F("date", T.DATE, NC_("field", "Fase dal"), required=True),
        _notes(NC_("field", "Note")),
    ),
)

_NEXT_MEETING = NC_("field", "Prossimo appuntamento")

VISIT = RecordSpec(
    "visit",
    "visits",
    (
        _family(),
        F("date", T.DATE, NC_("field", "Data"), required=True),
        F("start_time", T.TIME, NC_("field", "Ora di inizio")),
        F("duration_minutes", T.INT, NC_("field", "Durata"), minimum=5, maximum=720),
        F("place", T.CODE, NC_("field", "Luogo"), required=True, vocab="places"),
        F("educator", T.TEXT, NC_("field", "Educatore/educatrice"), max_length=120),
        F("present_people", T.REFS, NC_("field", "Presenti della famiglia"), ref="person"),
        F(
            "present_equipe",
            T.REFS,
            NC_("field", "Operatori dell'équipe presenti"),
            ref="equipe_member",
        ),
        F("activities", T.LONG_TEXT, NC_("field", "Attività svolte"), max_length=LONG),
        _notes(NC_("field", "Note della visita")),
        F(
            "objectives",
            T.REFS,
            NC_("field", "Obiettivi della micro-progettazione lavorati"),
            ref="microproject_item",
        ),
        F("next_date", T.DATE, NC_("field", "Data"), section=_NEXT_MEETING),
        F("next_time", T.TIME, NC_("field", "Ora"), section=_NEXT_MEETING),
        F(
            "next_notes",
            T.TEXT,
            NC_("field", "Note"),
            max_length=SHORT,
            section=_NEXT_MEETING,
        ),
    ),
)

GROUP_SESSION = RecordSpec(
    "group_session",
    "group_sessions",
    (
        F("kind", T.CODE, NC_("field", "Gruppo"), required=True, vocab="group_kinds"),
        F("date", T.DATE, NC_("field", "Data"), required=True),
        F("start_time", T.TIME, NC_("field", "Ora di inizio")),
        F("duration_minutes", T.INT, NC_("field", "Durata"), minimum=5, maximum=720),
        F("topic", T.TEXT, NC_("field", "Tema"), required=True, max_length=SHORT),
        F("facilitators", T.TEXTS, NC_("field", "Conduttori"), max_length=120),
        F("place", T.TEXT, NC_("field", "Luogo"), max_length=160),
        _notes(NC_("field", "Note")),
    ),
    family_field=None,
)

ATTENDANCE = RecordSpec(
    "attendance",
    "group_attendance",
    (
        F(
            "session_id",
            T.REF,
            NC_("field", "Incontro di gruppo"),
            required=True,
            ref="group_session",
            immutable=True,
        ),
        F(
            "person_id",
            T.REF,
            NC_("field", "Persona"),
            required=True,
            ref="person",
            immutable=True,
        ),
        _family(),
        F("status", T.CODE, NC_("field", "Presenza"), required=True, vocab="attendance"),
        F("notes", T.TEXT, NC_("field", "Note"), max_length=SHORT),
    ),
)

ASSESSMENT = RecordSpec(
    "assessment",
    "assessments",
    (
        _family(),
        F(
            "child_id",
            T.REF,
            NC_("field", "Bambino/a"),
            required=True,
            ref="person",
            immutable=True,
        ),
        F(
            "time_point",
            T.CODE,
            NC_("field", "Momento"),
            required=True,
            max_length=16,
            vocab="time_points",
        ),
        F("extra_label", T.TEXT, NC_("field", "Nome del momento"), max_length=60),
        F("date", T.DATE, NC_("field", "Data"), required=True),
        F("participants_people", T.REFS, NC_("field", "Partecipanti della famiglia"), ref="person"),
        F(
            "participants_equipe",
            T.REFS,
            NC_("field", "Operatori partecipanti"),
            ref="equipe_member",
        ),
        F("participants_other", T.TEXT, NC_("field", "Altri partecipanti"), max_length=SHORT),
        F(
            "catalogue_id",
            T.TEXT,
            NC_("field", "Catalogo"),
            required=True,
            max_length=64,
            immutable=True,
        ),
        F(
            "catalogue_version",
            T.TEXT,
            NC_("field", "Versione del catalogo"),
            required=True,
            max_length=32,
            immutable=True,
        ),
        _notes(NC_("field", "Note sulla valutazione")),
    ),
)

ASSESSMENT_ENTRY = RecordSpec(
    "assessment_entry",
    "assessment_entries",
    (
        F(
            "assessment_id",
            T.REF,
            NC_("field", "Valutazione"),
            required=True,
            ref="assessment",
            immutable=True,
        ),
        _family(),
        F(
            "subdimension",
            T.SUBDIM,
            NC_("field", "Sottodimensione"),
            required=True,
            immutable=True,
        ),
        F("score", T.SCORE, NC_("field", "Punteggio")),
        F("not_assessable", T.BOOL, NC_("field", "Non valutabile")),
        F("strengths", T.LONG_TEXT, NC_("field", "Punti di forza"), max_length=LONG),
        F("needs", T.LONG_TEXT, NC_("field", "Bisogni e preoccupazioni"), max_length=LONG),
        F("child_words", T.LONG_TEXT, NC_("field", "Le parole del bambino"), max_length=LONG),
        F("sources", T.LONG_TEXT, NC_("field", "Fonti"), max_length=LONG),
    ),
)

_WHO_DOES_WHAT = NC_("field", "Chi fa che cosa")
_VERIFICATION = NC_("field", "Verifica")

MICROPROJECT_ITEM = RecordSpec(
    "microproject_item",
    "microproject_items",
    (
        _family(),
        F("child_id", T.REF, NC_("field", "Per"), ref="person"),
        F("subdimension", T.SUBDIM, NC_("field", "Sottodimensione"), required=True),
        F(
            "objective",
            T.LONG_TEXT,
            NC_("field", "Obiettivo"),
            required=True,
            max_length=LONG,
        ),
        F("expected_results", T.LONG_TEXT, NC_("field", "Risultati attesi"), max_length=LONG),
        F("actions", T.LONG_TEXT, NC_("field", "Azioni"), max_length=LONG),
        F(
            "responsible_people",
            T.REFS,
            NC_("field", "Dalla famiglia"),
            ref="person",
            section=_WHO_DOES_WHAT,
        ),
        F(
            "responsible_equipe",
            T.REFS,
            NC_("field", "Dall'équipe"),
            ref="equipe_member",
            section=_WHO_DOES_WHAT,
        ),
        F(
            "responsible_other",
            T.TEXT,
            NC_("field", "Altri"),
            max_length=SHORT,
            section=_WHO_DOES_WHAT,
        ),
        F("deadline", T.DATE, NC_("field", "Scadenza")),
        F(
            "verification_status",
            T.CODE,
            NC_("field", "Esito"),
            required=True,
            vocab="verification_statuses",
            section=_VERIFICATION,
        ),
        F(
            "verification_notes",
            T.LONG_TEXT,
            NC_("field", "Note"),
            max_length=LONG,
            section=_VERIFICATION,
        ),
    ),
)

CATALOGUE = RecordSpec(
    "catalogue",
    "catalogues",
    (
        F(
            "catalogue_id",
            T.TEXT,
            NC_("field", "Catalogo"),
            required=True,
            max_length=64,
            immutable=True,
        ),
        F(
            "version",
            T.TEXT,
            NC_("field", "Versione"),
            required=True,
            max_length=32,
            immutable=True,
        ),
        F(
            "content",
            T.JSON,
            NC_("field", "Contenuto"),
            required=True,
            max_length=512 * 1024,
            immutable=True,
        ),
        F(
            "digest",
            T.TEXT,
            NC_("field", "Impronta"),
            required=True,
            max_length=64,
            immutable=True,
        ),
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


def field_label(kind: str, name: str) -> Message | None:
    """How messages name field `name` of record kind `kind` (None if there is no such field)."""
    spec = RECORD_SPECS.get(kind)
    if spec is None or name not in spec.field_names:
        return None
    return spec.field(name).full_label
