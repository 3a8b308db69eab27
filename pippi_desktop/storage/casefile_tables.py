"""The case-file tables, one per record kind, built from the record specs.

A synced table is derived from its `RecordSpec` (`domain/record_types.py`): one column per
field, typed by the field (`column_type`: a one-line text, code or sub-dimension id is a
`String` of the field's `max_length`; a date, a time, an id a `String` of its encoded width;
notes, JSON and lists `Text`; numbers `Integer`; yes/no `Boolean`), NOT NULL when the field is
required. Every synced table also has the same bookkeeping columns: a UUID `id`, wall-clock
`created_at` and `updated_at` (shown to people, never used to decide anything), `deleted` (a
tombstone instead of a hard delete) and `versions`: JSON `{field: [lamport, device_id]}`, the
logical version of each field, which merge compares field by field.

What a spec does not say is a storage decision, declared below in `_STORAGE_ONLY`: indexes,
and columns that are local and never synced (the family list's derived counts and search
key). Cross-record references are plain columns, not foreign keys: bundles of one device may
arrive out of order, and a visit may land before the family it belongs to.

Migrations create their tables explicitly (never from these objects);
`tests/foundation/test_workspace_storage.py` upgrades a fresh database through all of them and
compares the result with these tables, column by column.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Column, Index, Integer, MetaData, String, Table, Text
from sqlalchemy.schema import SchemaItem
from sqlalchemy.types import TypeEngine

from pippi_desktop.domain.record_types import RECORD_SPECS, FieldSpec, FieldType, RecordSpec
from pippi_desktop.storage.orm import Base

UUID_LEN = 36
BOOKKEEPING_COLUMNS = ("id", "created_at", "updated_at", "deleted", "versions")


def column_type(field: FieldSpec) -> TypeEngine[Any]:
    """The SQL type that holds one encoded value of `field`."""
    if field.type in (FieldType.INT, FieldType.SCORE):
        return Integer()
    if field.type is FieldType.BOOL:
        return Boolean()
    length = field.stored_length
    return String(length) if length is not None else Text()


def _bookkeeping_columns() -> list[Column[Any]]:
    return [
        Column("id", String(UUID_LEN), primary_key=True),
        Column("created_at", String(32), nullable=False),
        Column("updated_at", String(32), nullable=False),
        Column("deleted", Boolean, nullable=False, default=False),
        Column("versions", Text, nullable=False, default="{}"),
    ]


def synced_table(
    spec: RecordSpec, *storage_only: SchemaItem, metadata: MetaData = Base.metadata
) -> Table:
    """The table of a record kind: its spec's fields, the bookkeeping, and `storage_only`."""
    return Table(
        spec.table,
        metadata,
        *(
            Column(field.name, column_type(field), nullable=not field.required)
            for field in spec.fields
        ),
        *_bookkeeping_columns(),
        *storage_only,
    )


def _family_list_columns() -> tuple[SchemaItem, ...]:
    """Derived, local only (never synced), refreshed in the same transaction as any change that
    affects them (`casefile_queries.refresh_family_summaries`): the search key (code and member
    names, lower case without accents) and the counts the family list shows."""
    return (
        Column("search_text", Text, nullable=False, default=""),
        Column("summary_members", Integer, nullable=False, default=0),
        Column("summary_children", Integer, nullable=False, default=0),
        Column("summary_visits", Integer, nullable=False, default=0),
        Column("summary_last_visit", String(10)),
        Column("summary_time_points", String(200), nullable=False, default=""),
        Column("summary_names", String(400), nullable=False, default=""),
    )


def _index(table: str, *columns: str, name: str | None = None) -> Index:
    return Index(name or f"ix_{table}_{columns[0]}", *columns)


# Per kind, what storage adds to the spec's columns. A kind not listed gets a plain table.
_STORAGE_ONLY: dict[str, tuple[SchemaItem, ...]] = {
    "family": (*_family_list_columns(), _index("families", "code")),
    # covering index of the family list's counts (members, children, surnames)
    "person": (
        _index(
            "people", "family_id", "deleted", "role", "family_name", name="ix_people_family_live"
        ),
    ),
    "equipe_member": (_index("equipe_members", "family_id"),),
    "dispositivo": (_index("dispositivi", "family_id"),),
    "phase_record": (_index("phase_records", "family_id"),),
    "visit": (_index("visits", "family_id", "deleted", "date", name="ix_visits_family_live"),),
    "group_session": (_index("group_sessions", "date"),),
    "attendance": (
        _index("group_attendance", "session_id"),
        _index("group_attendance", "family_id"),
    ),
    "assessment": (
        _index(
            "assessments", "family_id", "deleted", "time_point", name="ix_assessments_family_live"
        ),
    ),
    "assessment_entry": (
        _index("assessment_entries", "assessment_id"),
        _index("assessment_entries", "family_id"),
    ),
    "microproject_item": (_index("microproject_items", "family_id"),),
}

# kind -> its table, for every kind of `record_types.RECORD_SPECS`
TABLES: dict[str, Table] = {
    kind: synced_table(spec, *_STORAGE_ONLY.get(kind, ())) for kind, spec in RECORD_SPECS.items()
}
FAMILIES = TABLES["family"]
PEOPLE = TABLES["person"]
CATALOGUES = TABLES["catalogue"]
