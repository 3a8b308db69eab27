"""Each record kind is declared once, in `domain/record_types.py`; these tests tie the rest to it.

- the labels: every field has one, written as a form writes it, distinct within its kind, and
  every message about a field names it by that label (in both languages);
- the read models (`domain/records.py`): same fields, types compatible with the spec;
- validation: the spec's lengths are the limits, and the shipped vocabularies fit them;
- the code: a record field is never raised by its bare key (it would show as «date»).

The storage side (migrated schema = spec-derived tables) is in
`tests/foundation/test_schema_matches_specs.py`; the forms' labels in
`tests/gui/test_editor_labels.py`.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any, get_type_hints

import pytest

from pippi_desktop.domain import record_inputs, record_types, records
from pippi_desktop.domain.errors import FIELD_LABELS, InvalidRecord
from pippi_desktop.domain.i18n import Lang, Message
from pippi_desktop.domain.record_types import (
    RECORD_SPECS,
    FieldSpec,
    FieldType,
    RecordSpec,
    field_label,
    spec_for,
)
from pippi_desktop.domain.text import LocalText
from pippi_desktop.domain.validation import clean_value
from pippi_desktop.domain.vocabulary import KINDS, Term, Vocabulary
from pippi_desktop.services.reference_data import vocabulary

PACKAGE = Path(__file__).resolve().parents[2] / "pippi_desktop"
ALL_FIELDS = [(spec, field) for spec in RECORD_SPECS.values() for field in spec.fields]
FIELD_IDS = [f"{spec.kind}.{field.name}" for spec, field in ALL_FIELDS]

# Kinds read through another model than a `records.Record` (and why).
WITHOUT_READ_MODEL = {"catalogue": "read as domain.catalogue.Catalogue, parsed from `content`"}


# --- labels --------------------------------------------------------------------------------


@pytest.mark.parametrize(("spec", "field"), ALL_FIELDS, ids=FIELD_IDS)
def test_every_field_has_a_label_written_as_a_form_writes_it(
    spec: RecordSpec, field: FieldSpec
) -> None:
    for label in (field.label, field.section):
        if label is None:
            continue
        assert isinstance(label, Message) and label.context == "field"
        for lang in (Lang.IT, Lang.EN):
            shown = label.translated(lang)
            assert shown and shown == shown.strip(), (lang, shown)
            assert shown[0].isupper(), f"«{shown}» starts in lower case"
            assert "&" not in shown and not shown.endswith(":"), shown


@pytest.mark.parametrize("spec", RECORD_SPECS.values(), ids=list(RECORD_SPECS))
def test_the_fields_of_a_kind_have_distinct_labels(spec: RecordSpec) -> None:
    for lang in (Lang.IT, Lang.EN):
        shown = [field.full_label.translated(lang) for field in spec.fields]
        assert len(set(shown)) == len(shown), sorted(shown)


@pytest.mark.parametrize(("spec", "field"), ALL_FIELDS, ids=FIELD_IDS)
def test_a_message_about_a_field_names_it_by_its_label(spec: RecordSpec, field: FieldSpec) -> None:
    error = InvalidRecord.of(field, "required")
    assert error.params["field"] == field.name  # what code compares
    assert str(error) == "invalid_record:required"  # no label, no value in the code
    italian = field.label.translated(Lang.IT)
    english = field.label.translated(Lang.EN)
    if field.section is None:
        assert error.message(Lang.IT) == f"Il campo «{italian}» è obbligatorio."
        assert error.message(Lang.EN) == f"The field “{english}” is required."
    else:
        section = field.section.translated(Lang.IT)
        assert error.message(Lang.IT) == f"Il campo «{section} – {italian}» è obbligatorio."
        assert field.section.translated(Lang.EN) in error.message(Lang.EN)
        assert english in error.message(Lang.EN)
    assert field_label(spec.kind, field.name) == field.full_label


def test_keys_that_are_no_record_field_keep_their_own_labels() -> None:
    error = InvalidRecord("required", field="name")  # the workspace's name
    assert error.message(Lang.IT) == "Il campo «nome» è obbligatorio."
    assert error.message(Lang.EN) == "The field “name” is required."
    assert field_label("visit", "no_such_field") is None
    assert field_label("no_such_kind", "date") is None


def test_a_field_in_a_section_is_named_with_it() -> None:
    next_date = spec_for("visit").field("next_date")
    assert next_date.label == "Data" and next_date.section == "Prossimo appuntamento"
    assert next_date.full_label.translated(Lang.IT) == "Prossimo appuntamento – Data"
    assert next_date.full_label.translated(Lang.EN) == "Next appointment – Date"


def _raises_by_bare_key(source: str, name: str) -> list[str]:
    """`InvalidRecord(…, field=X)` where X is not a key of FIELD_LABELS (record fields are
    raised with `InvalidRecord.of(field_spec, …)`, which carries the label)."""
    found = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "InvalidRecord"
        ):
            continue
        for keyword in node.keywords:
            if keyword.arg != "field":
                continue
            value = keyword.value
            if isinstance(value, ast.Constant) and value.value in FIELD_LABELS:
                continue
            found.append(f"{name}:{node.lineno}")
    return found


def test_no_record_field_is_raised_by_its_bare_key() -> None:
    # The one exception: a key that names no field of the record (named as it was given).
    allowed = {"pippi_desktop/domain/validation.py": 1}
    offenders: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "forms" in path.parts:
            continue
        name = path.relative_to(PACKAGE.parent).as_posix()
        for place in _raises_by_bare_key(path.read_text(encoding="utf-8"), name):
            offenders.setdefault(place.rsplit(":", 1)[0], []).append(place)
    unexpected = [
        place
        for module, places in offenders.items()
        if len(places) > allowed.get(module, 0)
        for place in places
    ]
    assert unexpected == [], "use InvalidRecord.of(spec.field(name), …)"
    assert offenders.keys() == allowed.keys()  # the exception is still there


def test_the_code_rule_sees_a_bare_key() -> None:
    source = (
        'raise InvalidRecord("required", field="date")\n'
        "raise InvalidRecord(field=name)\n"
        'raise InvalidRecord("required", field="name")\n'  # the workspace's name: allowed
        'raise InvalidRecord.of(spec.field("date"), "required")\n'
    )
    assert _raises_by_bare_key(source, "probe.py") == ["probe.py:1", "probe.py:2"]


# --- read models ---------------------------------------------------------------------------

_ENCODED_AS: dict[FieldType, Any] = {
    FieldType.TEXT: str,
    FieldType.LONG_TEXT: str,
    FieldType.CODE: str,
    FieldType.SUBDIM: str,
    FieldType.REF: str,
    FieldType.TIME: str,
    FieldType.JSON: str,
    FieldType.DATE: dt.date,
    FieldType.INT: int,
    FieldType.SCORE: int,
    FieldType.BOOL: bool,
    FieldType.REFS: tuple[str, ...],
    FieldType.TEXTS: tuple[str, ...],
}


def expected_type(field: FieldSpec) -> Any:
    """The type a read model declares for `field` (lists are never None: empty is `()`)."""
    base = _ENCODED_AS[field.type]
    if field.required or field.type in (FieldType.REFS, FieldType.TEXTS):
        return base
    return base | None


def _subclasses_in(base: type[Any], module: Any) -> list[type[Any]]:
    """Every subclass of `base` defined in `module` (the read models, the inputs)."""
    found: list[type[Any]] = []
    pending = list(base.__subclasses__())
    while pending:
        cls = pending.pop()
        if cls.__module__ == module.__name__:
            found.append(cls)
        pending.extend(cls.__subclasses__())
    return found


def _read_models() -> list[type[records.Record]]:
    """Every `Record` subclass of `domain/records.py`."""
    return _subclasses_in(records.Record, records)


def model_differences(cls: type[records.Record], spec: RecordSpec) -> list[str]:
    hints = get_type_hints(cls)
    base = {f.name for f in dataclasses.fields(records.Record)}
    declared = {f.name: f for f in dataclasses.fields(cls) if f.name not in base}
    problems = [f"{name}: missing" for name in spec.field_names if name not in declared]
    for name, item in declared.items():
        if name not in spec.field_names:
            if item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING:
                problems.append(f"{name}: not in the spec and without a default")
            continue
        wanted = expected_type(spec.field(name))
        if hints[name] != wanted:
            problems.append(f"{name}: {hints[name]} where the spec says {wanted}")
    return problems


def test_every_kind_has_one_read_model_that_matches_its_spec() -> None:
    models = _read_models()
    by_kind: dict[str, list[type[records.Record]]] = {}
    for cls in models:
        by_kind.setdefault(cls.spec.kind, []).append(cls)
    assert set(by_kind) == set(RECORD_SPECS) - set(WITHOUT_READ_MODEL)
    for kind, classes in by_kind.items():
        assert len(classes) == 1, classes
        assert classes[0].spec is RECORD_SPECS[kind]
        assert model_differences(classes[0], RECORD_SPECS[kind]) == [], classes[0].__name__


def test_the_read_model_check_sees_drift() -> None:
    @dataclasses.dataclass(frozen=True)
    class Drifted(records.Record):
        spec = records.Dispositivo.spec
        family_id: str
        kind: str | None  # required in the spec
        start_date: str | None  # a date in the spec
        notes: str | None
        colour: str  # not in the spec, no default
        # end_date missing

    assert sorted(model_differences(Drifted, Drifted.spec)) == [
        "colour: not in the spec and without a default",
        "end_date: missing",
        "kind: str | None where the spec says <class 'str'>",
        "start_date: str | None where the spec says datetime.date | None",
    ]


# --- inputs ---------------------------------------------------------------------------------


def _inputs() -> list[type[record_inputs.RecordInput]]:
    """Every `RecordInput` subclass of `domain/record_inputs.py`."""
    return _subclasses_in(record_inputs.RecordInput, record_inputs)


def input_differences(cls: type[record_inputs.RecordInput], spec: RecordSpec) -> list[str]:
    """How an input differs from its spec: every field but the `filled` ones, in the spec's
    order, typed as the read models type them; required ones without a default unless the
    service fills them when left None (`defaulted`: then optional)."""
    hints = get_type_hints(cls)
    declared = {f.name: f for f in dataclasses.fields(cls)}
    wanted_names = [name for name in spec.field_names if name not in cls.filled]
    problems = []
    if list(declared) != wanted_names:
        problems.append(f"fields {list(declared)} where the spec says {wanted_names}")
    for name in set(cls.filled) | set(cls.defaulted):
        if name not in spec.field_names:
            problems.append(f"{name}: filled or defaulted but not in the spec")
    for name, item in declared.items():
        if name not in spec.field_names:
            continue
        field = spec.field(name)
        base = _ENCODED_AS[field.type]
        listed = field.type in (FieldType.REFS, FieldType.TEXTS)
        required = field.required and name not in cls.defaulted
        wanted = base if required or listed else base | None
        if hints[name] != wanted:
            problems.append(f"{name}: {hints[name]} where the spec says {wanted}")
        has_default = item.default is not dataclasses.MISSING
        if required and has_default:
            problems.append(f"{name}: required, yet it has a default")
        if not required and item.default != (() if listed else None):
            problems.append(f"{name}: optional, so its default is {() if listed else None}")
    return problems


def test_every_kind_has_one_input_that_matches_its_spec() -> None:
    by_kind: dict[str, list[type[record_inputs.RecordInput]]] = {}
    for cls in _inputs():
        by_kind.setdefault(cls.spec.kind, []).append(cls)
    assert set(by_kind) == set(RECORD_SPECS) - set(record_inputs.WITHOUT_INPUT)
    for kind, classes in by_kind.items():
        assert len(classes) == 1, classes
        assert classes[0].spec is RECORD_SPECS[kind]
        assert input_differences(classes[0], RECORD_SPECS[kind]) == [], classes[0].__name__


def test_the_input_check_sees_drift() -> None:
    @dataclasses.dataclass(frozen=True, kw_only=True)
    class Drifted(record_inputs.RecordInput):
        spec = record_types.DISPOSITIVO
        defaulted = frozenset({"colour"})

        kind: str | None = None  # required in the spec
        family_id: str  # out of the spec's order
        start_date: str | None = None  # a date in the spec
        end_date: dt.date | None = dt.date(2026, 1, 1)  # an optional field defaults to None
        notes: str | None = None

    assert sorted(input_differences(Drifted, Drifted.spec)) == [
        "colour: filled or defaulted but not in the spec",
        "end_date: optional, so its default is None",
        "fields ['kind', 'family_id', 'start_date', 'end_date', 'notes'] where the spec says "
        "['family_id', 'kind', 'start_date', 'end_date', 'notes']",
        "kind: required, yet it has a default",
        "kind: str | None where the spec says <class 'str'>",
        "start_date: str | None where the spec says datetime.date | None",
    ]


def test_an_input_sends_what_it_holds_and_what_changed() -> None:
    visit = record_inputs.VisitInput(
        family_id=str(uuid.uuid4()), date=dt.date(2026, 11, 23), place="casa", notes=""
    )
    assert set(visit.given_values()) == {"family_id", "date", "place"}  # no None, "" or ()
    later = dataclasses.replace(visit, notes="Nota", present_people=("p1",))
    assert later.changed_from(visit) == {"notes": "Nota", "present_people": ("p1",)}
    assert later.changed_from(later) == {}


def test_an_input_goes_through_json_and_back() -> None:
    visit = record_inputs.VisitInput(
        family_id="f", date=dt.date(2026, 11, 23), place="casa", present_people=("p1", "p2")
    )
    saved = visit.to_json()
    assert saved["date"] == "2026-11-23" and saved["present_people"] == ["p1", "p2"]
    json.dumps(saved)  # JSON-able, as a draft is
    blank = record_inputs.VisitInput(family_id="f", date=dt.date(2020, 1, 1), place="scuola")
    assert blank.updated_from_json(saved) == visit
    # a field no longer decoding (a draft of an older version) is left as it was
    assert blank.updated_from_json({"date": "31/02/2026", "notes": "n"}) == dataclasses.replace(
        blank, notes="n"
    )


# --- validation and lengths ----------------------------------------------------------------


TEXT_FIELDS = [
    (spec, field)
    for spec, field in ALL_FIELDS
    if field.type in (FieldType.TEXT, FieldType.LONG_TEXT, FieldType.SUBDIM)
]


@pytest.mark.parametrize(
    ("spec", "field"), TEXT_FIELDS, ids=[f"{s.kind}.{f.name}" for s, f in TEXT_FIELDS]
)
def test_texts_are_limited_by_the_spec_length(spec: RecordSpec, field: FieldSpec) -> None:
    assert field.max_length is not None
    vocab = vocabulary()
    assert clean_value(field, "x" * field.max_length, vocab) == "x" * field.max_length
    with pytest.raises(InvalidRecord) as caught:
        clean_value(field, "x" * (field.max_length + 1), vocab)
    assert caught.value.variant == "too_long"
    assert caught.value.params["maximum"] == field.max_length
    assert caught.value.params["field"] == field.name


def test_a_code_longer_than_its_column_is_refused_even_when_listed() -> None:
    shipped = vocabulary()
    field = spec_for("person").field("sex")  # the narrowest column: 4 characters
    assert field.max_length == 4
    long_code = "x" * (field.max_length + 1)
    terms = dict(shipped.terms)
    terms["sexes"] = (*terms["sexes"], Term(long_code, LocalText("Lungo", "Long")))
    widened = Vocabulary(version="test", terms=terms)
    assert widened.has("sexes", long_code)
    with pytest.raises(InvalidRecord) as caught:
        clean_value(field, long_code, widened)
    assert caught.value.variant == "not_in_list"


def test_every_shipped_code_fits_the_fields_that_hold_it() -> None:
    shipped = vocabulary()
    for spec, field in ALL_FIELDS:
        if field.type is not FieldType.CODE:
            continue
        assert field.vocab in KINDS, f"{spec.kind}.{field.name}"
        assert field.max_length is not None
        too_long = [c for c in shipped.codes(field.vocab) if len(c) > field.max_length]
        assert too_long == [], f"{spec.kind}.{field.name}"


def test_every_short_string_has_a_width_and_every_reference_a_known_kind() -> None:
    for spec, field in ALL_FIELDS:
        if field.type in (FieldType.TEXT, FieldType.CODE, FieldType.SUBDIM):
            assert field.stored_length == field.max_length, f"{spec.kind}.{field.name}"
        if field.ref is not None:
            assert field.ref in RECORD_SPECS, f"{spec.kind}.{field.name}"
        if field.type in (FieldType.DATE, FieldType.TIME, FieldType.REF):
            assert field.stored_length in (10, 5, 36)


def test_a_spec_refuses_what_storage_could_not_hold() -> None:
    with pytest.raises(ValueError, match="max_length"):
        FieldSpec("nickname", FieldType.TEXT, Message("Soprannome"))
    with pytest.raises(ValueError, match="vocabulary"):
        FieldSpec("mood", FieldType.CODE, Message("Umore"))
    with pytest.raises(ValueError, match="twice"):
        RecordSpec(
            "probe",
            "probes",
            (
                FieldSpec("date", FieldType.DATE, Message("Data")),
                FieldSpec("date", FieldType.DATE, Message("Data")),
            ),
        )
