"""The schema the migrations build is the one the record specs describe.

Migrations create their tables explicitly (never from the live models), so nothing but these
tests keeps them and `domain/record_types.py` in step: a fresh workspace is upgraded through
every migration, then its tables are compared with the specs — by Alembic's `compare_metadata`
against the spec-derived tables (`storage/casefile_tables.py`), and column by column against
the specs themselves. A second test proves the comparison sees drift: a missing or extra
column, a different length, a changed nullability.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Boolean, Connection, Index, Integer, MetaData, String, Text, inspect

import pippi_desktop.storage.all_tables  # noqa: F401  (registers every table)
from pippi_desktop.domain.i18n import Message
from pippi_desktop.domain.record_types import RECORD_SPECS, FieldSpec, FieldType, RecordSpec
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.storage.casefile_tables import BOOKKEEPING_COLUMNS, TABLES, synced_table
from pippi_desktop.storage.orm import Base


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Connection]:
    """A workspace created through every migration (the application's own create path)."""
    from pippi_desktop.services import workspace_service
    from tests.conftest import PASSPHRASE

    created = workspace_service.create_workspace(
        tmp_path_factory.mktemp("schema") / "schema.pippiws",
        role="educator",
        name="Schema",
        passphrase=PASSPHRASE,
    )
    workspace: OpenWorkspace = created.workspace
    try:
        with store_of(workspace).read() as connection:
            yield connection
    finally:
        workspace.close()


def _differences(connection: Connection, metadata: MetaData) -> list[tuple[Any, ...]]:
    context = MigrationContext.configure(connection, opts={"render_as_batch": True})
    flat: list[tuple[Any, ...]] = []
    for item in compare_metadata(context, metadata):
        flat.extend(item if isinstance(item, list) else [item])
    return flat


def _about(diff: tuple[Any, ...], table: str) -> bool:
    """True when an Alembic difference concerns `table`."""
    kind = diff[0]
    if kind in ("add_table", "remove_table"):
        return bool(diff[1].name == table)
    if kind in ("add_column", "remove_column"):
        return bool(diff[2] == table)
    if kind in ("add_index", "remove_index"):
        return bool(diff[1].table.name == table)
    return bool(diff[2] == table)  # modify_type, modify_nullable, …: (kind, schema, table, …)


def test_the_migrated_schema_is_the_spec_derived_schema(migrated: Connection) -> None:
    assert _differences(migrated, Base.metadata) == []


def test_every_field_of_every_spec_is_a_column_as_the_spec_says(migrated: Connection) -> None:
    """Column by column, from the specs alone (independent of how storage derives tables)."""
    inspector = inspect(migrated)
    for spec in RECORD_SPECS.values():
        columns = {column["name"]: column for column in inspector.get_columns(spec.table)}
        assert set(BOOKKEEPING_COLUMNS) <= columns.keys(), spec.table
        for field in spec.fields:
            where = f"{spec.table}.{field.name}"
            assert field.name in columns, f"{where}: no such column"
            column = columns[field.name]
            assert column["nullable"] is (not field.required), where
            sql_type = column["type"]
            if field.type in (FieldType.INT, FieldType.SCORE):
                assert isinstance(sql_type, Integer), where
            elif field.type is FieldType.BOOL:
                assert isinstance(sql_type, Boolean), where
            elif field.stored_length is None:
                assert isinstance(sql_type, Text), where
            else:
                assert isinstance(sql_type, String) and not isinstance(sql_type, Text), where
                assert sql_type.length == field.stored_length, where


def _replace_field(spec: RecordSpec, name: str, **changes: Any) -> RecordSpec:
    fields = tuple(dataclasses.replace(f, **changes) if f.name == name else f for f in spec.fields)
    return RecordSpec(spec.kind, spec.table, fields, family_field=spec.family_field)


def _without_field(spec: RecordSpec, name: str) -> RecordSpec:
    fields = tuple(f for f in spec.fields if f.name != name)
    return RecordSpec(spec.kind, spec.table, fields, family_field=spec.family_field)


def _with_field(spec: RecordSpec, field: FieldSpec) -> RecordSpec:
    return RecordSpec(spec.kind, spec.table, (*spec.fields, field), family_field=spec.family_field)


PERSON = RECORD_SPECS["person"]
DRIFTS: dict[str, tuple[Callable[[], RecordSpec], str]] = {
    "a different length": (lambda: _replace_field(PERSON, "school", max_length=121), "modify_type"),
    "a required field made optional": (
        lambda: _replace_field(PERSON, "given_name", required=False),
        "modify_nullable",
    ),
    "an optional field made required": (
        lambda: _replace_field(PERSON, "birth_date", required=True),
        "modify_nullable",
    ),
    "a field without its column": (
        lambda: _with_field(
            PERSON, FieldSpec("school_level", FieldType.CODE, Message("Livello"), vocab="levels")
        ),
        "add_column",
    ),
    "a column without its field": (lambda: _without_field(PERSON, "school"), "remove_column"),
    "another type": (
        lambda: _replace_field(PERSON, "school", type=FieldType.LONG_TEXT),
        "modify_type",
    ),
}


@pytest.mark.parametrize("drift", list(DRIFTS))
def test_the_comparison_sees_drift(migrated: Connection, drift: str) -> None:
    make_spec, expected = DRIFTS[drift]
    metadata = MetaData(naming_convention=Base.metadata.naming_convention)
    table = synced_table(make_spec(), *_storage_only("person"), metadata=metadata)
    found = [d for d in _differences(migrated, metadata) if _about(d, table.name)]
    assert [d[0] for d in found] == [expected], found


def test_an_unchanged_spec_shows_no_drift(migrated: Connection) -> None:
    """The control of the test above: the same construction with the real spec finds nothing."""
    metadata = MetaData(naming_convention=Base.metadata.naming_convention)
    table = synced_table(PERSON, *_storage_only("person"), metadata=metadata)
    assert [d for d in _differences(migrated, metadata) if _about(d, table.name)] == []


def _storage_only(kind: str) -> list[Any]:
    """Copies of the indexes storage adds to a kind's table."""
    real = TABLES[kind]
    spec_columns = {f.name for f in RECORD_SPECS[kind].fields} | set(BOOKKEEPING_COLUMNS)
    assert {c.name for c in real.columns} == spec_columns  # no local columns to copy
    return [Index(index.name, *(c.name for c in index.columns)) for index in real.indexes]
