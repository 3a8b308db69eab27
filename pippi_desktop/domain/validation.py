"""Checking and encoding record values: types, lengths, lists, dates and the domain rules.

`clean_values` turns what a form or a command gives (Python values, or ISO/Italian strings)
into the encoded JSON values stored and synced, refusing anything off with `InvalidRecord`
naming the field by its label. Every limit comes from the record's spec (`record_types`):
types, `max_length` of texts, codes and sub-dimension ids, `minimum`/`maximum` of numbers,
vocabularies. `check_record` applies the rules that look at several fields of the whole
record (a visit is not in the future, an end date is not before its start, …).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from pippi_desktop.domain.errors import InvalidRecord
from pippi_desktop.domain.record_types import FieldSpec, FieldType, RecordSpec, spec_for
from pippi_desktop.domain.vocabulary import Vocabulary

EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)
MAX_LIST = 50
CHILD_MAX_AGE_YEARS = 25
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
_ITALIAN_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


@dataclass(frozen=True)
class ValidationContext:
    vocabulary: Vocabulary
    today: date


def parse_date(value: Any, field: FieldSpec) -> date:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        parsed = value
    elif isinstance(value, str):
        text = value.strip()
        match = _ITALIAN_DATE.match(text)
        try:
            if match:
                day, month, year = (int(part) for part in match.groups())
                parsed = date(year, month, day)
            else:
                parsed = date.fromisoformat(text)
        except ValueError:
            raise InvalidRecord.of(field, "bad_date") from None
    else:
        raise InvalidRecord.of(field, "bad_date")
    if not EARLIEST <= parsed <= LATEST:
        raise InvalidRecord.of(field, "implausible_date")
    return parsed


def parse_time(value: Any, field: FieldSpec) -> str:
    if isinstance(value, time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, str):
        match = _TIME.match(value.strip())
        if match:
            return f"{int(match.group(1)):02d}:{match.group(2)}"
    raise InvalidRecord.of(field)


def _is_uuid(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _text(spec: FieldSpec, value: Any, *, multiline: bool) -> str | None:
    if not isinstance(value, str):
        raise InvalidRecord.of(spec)
    text = value.strip() if not multiline else value.strip("\n\r\t ")
    if not multiline:
        text = " ".join(text.split())
    if "\x00" in text:
        raise InvalidRecord.of(spec)
    if spec.max_length is not None and len(text) > spec.max_length:
        raise InvalidRecord.of(spec, "too_long", maximum=spec.max_length)
    return text or None


def clean_value(spec: FieldSpec, value: Any, vocabulary: Vocabulary) -> Any:
    """One value, encoded for storage and sync (None means empty)."""
    if value is None or (
        isinstance(value, str) and not value.strip() and spec.type is not FieldType.JSON
    ):
        return None
    kind = spec.type
    if kind in (FieldType.TEXT, FieldType.SUBDIM, FieldType.JSON):
        return _text(spec, value, multiline=kind is FieldType.JSON)
    if kind is FieldType.LONG_TEXT:
        return _text(spec, value, multiline=True)
    if kind is FieldType.DATE:
        return parse_date(value, spec).isoformat()
    if kind is FieldType.TIME:
        return parse_time(value, spec)
    if kind in (FieldType.INT, FieldType.SCORE):
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise InvalidRecord.of(spec)
        try:
            number = int(value)
        except ValueError:
            raise InvalidRecord.of(spec) from None
        low = spec.minimum if spec.minimum is not None else 0
        high = spec.maximum if spec.maximum is not None else 1_000_000
        if not low <= number <= high:
            raise InvalidRecord.of(spec, "out_of_range", minimum=low, maximum=high)
        return number
    if kind is FieldType.BOOL:
        if not isinstance(value, bool):
            raise InvalidRecord.of(spec)
        return value
    if kind is FieldType.CODE:
        assert spec.vocab is not None and spec.max_length is not None
        if (
            not isinstance(value, str)
            or len(value) > spec.max_length  # a code an office added must fit its column
            or not vocabulary.has(spec.vocab, value)
        ):
            raise InvalidRecord.of(spec, "not_in_list")
        return value
    if kind is FieldType.REF:
        if not _is_uuid(value):
            raise InvalidRecord.of(spec)
        return value
    if kind is FieldType.REFS:
        if not isinstance(value, (list, tuple)) or len(value) > MAX_LIST * 4:
            raise InvalidRecord.of(spec)
        if not all(_is_uuid(item) for item in value):
            raise InvalidRecord.of(spec)
        return list(dict.fromkeys(value)) or None
    if kind is FieldType.TEXTS:
        if not isinstance(value, (list, tuple)) or len(value) > MAX_LIST:
            raise InvalidRecord.of(spec)
        items = [_text(spec, item, multiline=False) for item in value]
        return [item for item in items if item] or None
    raise InvalidRecord.of(spec)  # pragma: no cover - every type is handled


def clean_values(
    spec: RecordSpec, values: Mapping[str, Any], vocabulary: Vocabulary, *, creating: bool
) -> dict[str, Any]:
    """Encode and check the given fields; on creation the required ones must be there."""
    cleaned: dict[str, Any] = {}
    for name, value in values.items():
        try:
            field = spec.field(name)
        except KeyError:
            raise InvalidRecord("", field=name) from None  # no such field: named by its key
        cleaned[name] = clean_value(field, value, vocabulary)
    if creating:
        for field in spec.fields:
            if field.required and cleaned.get(field.name) is None:
                raise InvalidRecord.of(field, "required")
    else:
        for name, value in cleaned.items():
            if spec.field(name).required and value is None:
                raise InvalidRecord.of(spec.field(name), "required")
    return cleaned


# --- rules over the whole record -------------------------------------------------------------


def _d(values: Mapping[str, Any], name: str) -> date | None:
    raw = values.get(name)
    return date.fromisoformat(raw) if raw else None


def _not_future(spec: RecordSpec, values: Mapping[str, Any], name: str, today: date) -> None:
    day = _d(values, name)
    if day is not None and day > today:
        raise InvalidRecord.of(spec.field(name), "future_date")


def _ordered(spec: RecordSpec, values: Mapping[str, Any], start: str, end: str) -> None:
    first, last = _d(values, start), _d(values, end)
    if first is not None and last is not None and last < first:
        raise InvalidRecord.of(spec.field(end), "date_order")


def _years_between(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def check_record(kind: str, values: Mapping[str, Any], ctx: ValidationContext) -> None:
    """The domain rules of one record kind, on its full (merged) encoded values."""
    today = ctx.today
    spec = spec_for(kind)
    if kind == "family":
        for name in ("referral_date", "start_date", "conclusion_date"):
            _not_future(spec, values, name, today)
        _ordered(spec, values, "start_date", "conclusion_date")
    elif kind == "person":
        _not_future(spec, values, "birth_date", today)
        born = _d(values, "birth_date")
        if (
            born is not None
            and values.get("role") in ctx.vocabulary.child_roles()
            and _years_between(born, today) > CHILD_MAX_AGE_YEARS
        ):
            raise InvalidRecord.of(spec.field("birth_date"), "implausible_date")
    elif kind in ("equipe_member", "dispositivo"):
        _ordered(spec, values, "start_date", "end_date")
    elif kind in ("phase_record", "group_session", "assessment"):
        _not_future(spec, values, "date", today)
        if (
            kind == "assessment"
            and values.get("time_point") == "extra"
            and not values.get("extra_label")
        ):
            raise InvalidRecord.of(spec.field("extra_label"), "required")
    elif kind == "visit":
        _not_future(spec, values, "date", today)
        _ordered(spec, values, "date", "next_date")
    elif (
        kind == "assessment_entry"
        and values.get("not_assessable")
        and values.get("score") is not None
    ):
        raise InvalidRecord.of(spec.field("score"))
