"""How a record's row stores its values and versions: plain functions, no database access.

A row of a synced table holds every field of its spec (lists of ids and of texts as JSON text,
everything else as its encoded value), then `id`, `created_at`, `updated_at`, `deleted` and
`versions` (JSON `{field: [lamport, device_id]}`, keys sorted). The change writer
(`storage/changes.py`) and the merge (`sync/merge.py`) both write rows in this format, so it
lives here, apart from the SQL: `sync/` may import this module and stay free of SQLAlchemy.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pippi_desktop.domain.record_types import RECORD_SPECS, FieldType, RecordSpec

Version = tuple[int, str]
JSON_COLUMN_TYPES = (FieldType.REFS, FieldType.TEXTS)

# Local columns of `families` derived from its records (`casefile_queries.
# refresh_family_summaries`), never synced: what a new family row starts with.
FAMILY_DERIVED: dict[str, Any] = {
    "search_text": "",
    "summary_members": 0,
    "summary_children": 0,
    "summary_visits": 0,
    "summary_last_visit": None,
    "summary_time_points": "",
    "summary_names": "",
}


def to_column(spec: RecordSpec, name: str, value: Any) -> Any:
    if value is not None and spec.field(name).type in JSON_COLUMN_TYPES:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def from_column(spec: RecordSpec, name: str, value: Any) -> Any:
    if value is None:
        return None
    kind = spec.field(name).type
    if kind in JSON_COLUMN_TYPES:
        return json.loads(value)
    if kind is FieldType.BOOL:
        return bool(value)
    return value


def row_values(spec: RecordSpec, row: Mapping[str, Any] | Any) -> dict[str, Any]:
    """The encoded field values of a stored row (lists decoded from their JSON columns)."""
    return {name: from_column(spec, name, row.get(name)) for name in spec.field_names}


def parse_versions(text: str | None) -> dict[str, Version]:
    raw = json.loads(text) if text else {}
    return {name: (int(pair[0]), str(pair[1])) for name, pair in raw.items()}


def dump_versions(versions: Mapping[str, Version]) -> str:
    return json.dumps({k: [v[0], v[1]] for k, v in sorted(versions.items())}, separators=(",", ":"))


def versions_json(versions: Mapping[str, Version]) -> str:
    """`dump_versions`, byte for byte, without the generic encoder (field names and device
    ids are plain ASCII, checked on the way in): the merge writes thousands of rows."""
    return (
        "{"
        + ",".join(
            f'"{name}":[{versions[name][0]},"{versions[name][1]}"]' for name in sorted(versions)
        )
        + "}"
    )


_JSON_COLUMNS = {
    kind: frozenset(f.name for f in spec.fields if f.type in JSON_COLUMN_TYPES)
    for kind, spec in RECORD_SPECS.items()
}
_DUMP_COLUMN = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def row_columns(
    spec: RecordSpec,
    record_id: str,
    values: Mapping[str, Any],
    *,
    versions: Mapping[str, Version],
    deleted: bool,
    created_at: str,
    updated_at: str,
) -> dict[str, Any]:
    """A whole row: `to_column` for every value (lists as JSON text), then the bookkeeping."""
    json_columns = _JSON_COLUMNS[spec.kind]
    columns = {
        name: _DUMP_COLUMN(value) if value is not None and name in json_columns else value
        for name, value in values.items()
    }
    columns.update(
        id=record_id,
        created_at=created_at,
        updated_at=updated_at,
        deleted=deleted,
        versions=versions_json(versions),
    )
    return columns
