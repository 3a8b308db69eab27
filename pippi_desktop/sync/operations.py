"""Operations on the wire: encoded from `op_log` rows, decoded and checked one by one.

An operation travels as the JSON object of its `op_log` row (`changes` and `seen` as objects).
`check_operation` accepts it only if it could have been written by `storage.changes.ChangeWriter`
of this schema: a known record kind and action, known fields, no immutable field in an update,
every value exactly as `domain.validation.clean_value` encodes it (type, length, vocabulary),
`seen` naming only changed fields with versions older than the operation's own, a `create`
carrying every required field, a `delete` being the tombstone and nothing else, and a
catalogue being a valid catalogue whose id, version and digest are the ones it claims.
Anything else is a `ValueError`, which the import turns into `invalid_operation`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pippi_desktop.domain.catalogue import parse_catalogue_bytes
from pippi_desktop.domain.errors import InvalidFile, InvalidRecord
from pippi_desktop.domain.record_types import RECORD_SPECS, FieldType, RecordSpec
from pippi_desktop.domain.validation import MAX_LIST, clean_value
from pippi_desktop.domain.vocabulary import Vocabulary
from pippi_desktop.sync.strict_json import MAX_SAFE_INT, is_int, is_uuid, require

Version = tuple[int, str]
ACTIONS = ("create", "update", "delete")
KEYS = {
    "device_id",
    "counter",
    "lamport",
    "hlc",
    "at",
    "record_type",
    "record_id",
    "action",
    "changes",
    "seen",
}
# as ChangeWriter dumps them, with one encoder each instead of one per call
_DUMP_CHANGES = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_DUMP_SEEN = json.JSONEncoder(separators=(",", ":")).encode
_HLC = re.compile(r"^\d{13,16}\.\d{5,9}\.([0-9a-f-]{36})$", re.ASCII)


@dataclass(slots=True)
class Operation:
    device_id: str
    counter: int
    lamport: int
    hlc: str
    at: str
    record_type: str
    record_id: str
    action: str
    changes: dict[str, Any]
    seen: dict[str, Version | None]

    @property
    def version(self) -> Version:
        return (self.lamport, self.device_id)

    @property
    def order(self) -> tuple[int, str, int]:
        return (self.lamport, self.device_id, self.counter)

    def row(self) -> dict[str, Any]:
        """The `op_log` row, `changes`/`seen` dumped as `ChangeWriter` dumps them."""
        return {
            "device_id": self.device_id,
            "counter": self.counter,
            "lamport": self.lamport,
            "hlc": self.hlc,
            "at": self.at,
            "record_type": self.record_type,
            "record_id": self.record_id,
            "action": self.action,
            "changes": _DUMP_CHANGES(self.changes),
            "seen": _DUMP_SEEN({k: (list(v) if v else None) for k, v in self.seen.items()}),
        }

    def same_as_row(self, row: Any) -> bool:
        """True when a stored `op_log` row is this very operation (a repeat, not a rollback)."""
        other = operation_from_row(row)
        return (
            self.lamport == other.lamport
            and self.hlc == other.hlc
            and self.at == other.at
            and self.record_type == other.record_type
            and self.record_id == other.record_id
            and self.action == other.action
            and same_value(self.changes, other.changes)
            and self.seen == other.seen
        )


def _version(raw: Any) -> Version | None:
    if raw is None:
        return None
    return (int(raw[0]), str(raw[1]))


def operation_from_row(row: Any) -> Operation:
    """An `op_log` row (ours or already imported) as an operation."""
    return Operation(
        device_id=row["device_id"],
        counter=int(row["counter"]),
        lamport=int(row["lamport"]),
        hlc=row["hlc"],
        at=row["at"],
        record_type=row["record_type"],
        record_id=row["record_id"],
        action=row["action"],
        changes=json.loads(row["changes"]),
        seen={k: _version(v) for k, v in json.loads(row["seen"]).items()},
    )


def encode_operations(rows: Iterable[Any]) -> tuple[bytes, int]:
    """The operations section: a JSON array of `op_log` rows (stored JSON spliced in as is)."""
    dump = json.dumps
    parts = [
        f'{{"action":{dump(r["action"])},"at":{dump(r["at"])},"changes":{r["changes"]},'
        f'"counter":{int(r["counter"])},"device_id":{dump(r["device_id"])},'
        f'"hlc":{dump(r["hlc"])},"lamport":{int(r["lamport"])},'
        f'"record_id":{dump(r["record_id"])},"record_type":{dump(r["record_type"])},'
        f'"seen":{r["seen"]}}}'
        for r in rows
    ]
    return ("[" + ",".join(parts) + "]").encode("utf-8"), len(parts)


def same_value(a: Any, b: Any) -> bool:
    """Equality that does not confuse types (True is not 1, 1 is not "1")."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    return bool(a == b)


class ValueChecker:
    """`clean_value(value) == value`, strictly; remembered for the short values that repeat
    (ids, dates, codes, numbers), checked directly for long texts (notes) and id lists."""

    MEMO_LIMIT = 200_000

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.valid: set[tuple[str, str, type, Any]] = set()

    def check(self, spec: RecordSpec, name: str, value: Any) -> None:
        try:
            field = spec.field(name)
        except KeyError:
            raise ValueError("unknown field") from None
        value_type = type(value)
        if value_type is str and field.type is FieldType.LONG_TEXT:
            require(
                value == value.strip("\n\r\t ")
                and bool(value)
                and "\x00" not in value
                and (field.max_length is None or len(value) <= field.max_length)
            )
            return
        if value_type is list and field.type is FieldType.REFS:
            require(0 < len(value) <= MAX_LIST * 4 and len(set(value)) == len(value))
            require(all(is_uuid(item) for item in value))
            return
        try:
            cleaned = clean_value(field, value, self.vocabulary)
        except InvalidRecord:
            raise ValueError("invalid value") from None
        require(same_value(cleaned, value))
        if (value_type is str and len(value) <= 64) or value_type is int or value_type is bool:
            if len(self.valid) > self.MEMO_LIMIT:
                self.valid.clear()
            self.valid.add((spec.kind, name, value_type, value))


_REQUIRED = {
    kind: tuple(f.name for f in spec.fields if f.required) for kind, spec in RECORD_SPECS.items()
}


def _check_catalogue(changes: Mapping[str, Any]) -> None:
    try:
        catalogue = parse_catalogue_bytes(str(changes["content"]).encode("utf-8"))
    except InvalidFile:
        raise ValueError("invalid catalogue") from None
    require(
        catalogue.catalogue_id == changes["catalogue_id"]
        and catalogue.version == changes["version"]
        and catalogue.digest == changes["digest"]
    )


def _seen(raw: Any, changes: Mapping[str, Any], own: Version) -> dict[str, Version | None]:
    require(isinstance(raw, dict) and raw.keys() == changes.keys())
    seen: dict[str, Version | None] = {}
    for name, value in raw.items():
        if value is None:
            seen[name] = None
            continue
        require(isinstance(value, list) and len(value) == 2)
        require(is_int(value[0], 1) and is_uuid(value[1]))
        version = (value[0], value[1])
        require(version < own)  # an operation only ever saw older versions
        seen[name] = version
    return seen


def check_operation(raw: Any, checker: ValueChecker) -> Operation:
    """One decoded operation, checked against `record_types`; `ValueError` if anything is off."""
    require(isinstance(raw, dict) and raw.keys() == KEYS)
    device_id, record_id = raw["device_id"], raw["record_id"]
    require(is_uuid(device_id) and is_uuid(record_id))
    require(is_int(raw["counter"], 1) and is_int(raw["lamport"], 1, MAX_SAFE_INT))
    hlc, at = raw["hlc"], raw["at"]
    require(isinstance(hlc, str) and isinstance(at, str) and len(at) <= 32)
    match = _HLC.fullmatch(hlc)
    require(match is not None and match.group(1) == device_id)
    datetime.fromisoformat(at)  # ValueError if it is not a timestamp
    spec = RECORD_SPECS.get(raw["record_type"]) if isinstance(raw["record_type"], str) else None
    require(spec is not None)
    assert spec is not None
    action, changes = raw["action"], raw["changes"]
    require(action in ACTIONS and isinstance(changes, dict) and bool(changes))
    own = (raw["lamport"], device_id)
    if action == "delete":
        require(same_value(changes, {"deleted": True}))
        seen = _seen(raw["seen"], changes, own)
    else:
        valid, kind = checker.valid, spec.kind
        for name, value in changes.items():
            value_type = type(value)
            short = (value_type is str and len(value) <= 64) or value_type in (int, bool)
            if short and (kind, name, value_type, value) in valid:
                continue
            checker.check(spec, name, value)
        if action == "create":
            require(raw["seen"] == {} and all(v is not None for v in changes.values()))
            seen = {}
            require(all(name in changes for name in _REQUIRED[kind]))
            if spec.kind == "catalogue":
                _check_catalogue(changes)
        else:
            for name, value in changes.items():
                field = spec.field(name)
                require(not field.immutable and (value is not None or not field.required))
            seen = _seen(raw["seen"], changes, own)
    return Operation(
        device_id=device_id,
        counter=raw["counter"],
        lamport=raw["lamport"],
        hlc=hlc,
        at=at,
        record_type=spec.kind,
        record_id=record_id,
        action=action,
        changes=changes,
        seen=seen,
    )


def _ref_fields(spec: RecordSpec) -> dict[str, tuple[str, bool]]:
    return {
        f.name: (f.ref, f.type is FieldType.REFS)
        for f in spec.fields
        if f.ref and f.type in (FieldType.REF, FieldType.REFS)
    }


_REF_FIELDS = {kind: _ref_fields(spec) for kind, spec in RECORD_SPECS.items()}


def referenced_ids(operation: Operation) -> list[tuple[str, str]]:
    """(kind, id) of every record an operation's values point to."""
    fields = _REF_FIELDS[operation.record_type]
    refs: list[tuple[str, str]] = []
    for name, value in operation.changes.items():
        found = fields.get(name)
        if found is None or value is None:
            continue
        kind, many = found
        if many:
            refs.extend((kind, item) for item in value)
        else:
            refs.append((kind, value))
    return refs
