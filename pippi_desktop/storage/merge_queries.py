"""The reads and writes of the merge (`sync/merge.py`), over the caller's connection.

`MergeQueries(connection)` is what `sync.merge.Merge` is given as its store: the synced
tables, `op_log` and `conflicts`, read by lists of ids in chunks through an index or a primary
key, and written in bulk (the driver's `executemany`), so the cost of an import follows the
bundle, not the size of the office. Rows go in and out as mappings in the format of
`storage/row_format.py`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update

from pippi_desktop.domain.batching import IDS_PER_QUERY, batched
from pippi_desktop.domain.record_types import RECORD_SPECS
from pippi_desktop.storage.changelog_tables import OperationRow
from pippi_desktop.storage.changes import table_for
from pippi_desktop.storage.orm import Base
from pippi_desktop.storage.row_format import FAMILY_DERIVED
from pippi_desktop.storage.sync_queries import insert_rows
from pippi_desktop.storage.sync_tables import ConflictRow

_OPS = Base.metadata.tables[OperationRow.__tablename__]
_CONFLICTS = Base.metadata.tables[ConflictRow.__tablename__]
_OPS_OF_RECORDS = select(_OPS).where(_OPS.c.record_id.in_(bindparam("ids", expanding=True)))
_KINDS_OF_RECORDS = select(_OPS.c.record_id, _OPS.c.record_type).where(
    _OPS.c.record_id.in_(bindparam("ids", expanding=True))
)
_OPS_RANGE = select(_OPS).where(
    _OPS.c.device_id == bindparam("device"),
    _OPS.c.counter.between(bindparam("first"), bindparam("last")),
)
_CONFLICTS_OF_RECORDS = select(_CONFLICTS).where(
    _CONFLICTS.c.record_id.in_(bindparam("ids", expanding=True))
)


@cache
def _select_ids(kind: str) -> Any:
    table = table_for(RECORD_SPECS[kind])
    return select(table).where(table.c.id.in_(bindparam("ids", expanding=True)))


@cache
def _update_by_row_id(kind: str, keys: tuple[str, ...]) -> Any:
    table = table_for(RECORD_SPECS[kind])
    return (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values({key: bindparam(key) for key in keys})
    )


class MergeQueries:
    """The merge's store: see `sync.merge.MergeStore` for what each method promises."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    # --- reads ------------------------------------------------------------------------------

    def operations_in_range(self, device_id: str, first: int, last: int) -> dict[int, Any]:
        return {
            int(row["counter"]): row
            for row in self.connection.execute(
                _OPS_RANGE, {"device": device_id, "first": first, "last": last}
            ).mappings()
        }

    def records(self, kind: str, ids: Sequence[str]) -> dict[str, Any]:
        statement = _select_ids(kind)
        found: dict[str, Any] = {}
        for chunk in batched(ids, IDS_PER_QUERY):
            for row in self.connection.execute(statement, {"ids": list(chunk)}).mappings():
                found[row["id"]] = row
        return found

    def operations_of(self, record_ids: Sequence[str]) -> list[Any]:
        found: list[Any] = []
        for chunk in batched(record_ids, IDS_PER_QUERY):
            found.extend(self.connection.execute(_OPS_OF_RECORDS, {"ids": list(chunk)}).mappings())
        return found

    def logged_kinds(self, record_ids: Sequence[str]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = defaultdict(set)
        for chunk in batched(record_ids, IDS_PER_QUERY):
            for record_id, kind in self.connection.execute(_KINDS_OF_RECORDS, {"ids": list(chunk)}):
                found[record_id].add(kind)
        return found

    def conflicts_of(self, record_ids: Sequence[str]) -> list[Any]:
        found: list[Any] = []
        for chunk in batched(record_ids, IDS_PER_QUERY):
            found.extend(
                self.connection.execute(_CONFLICTS_OF_RECORDS, {"ids": list(chunk)}).mappings()
            )
        return found

    def existing_ids(self, kind: str, ids: Iterable[str]) -> set[str]:
        table = table_for(RECORD_SPECS[kind])
        found: set[str] = set()
        for chunk in batched(sorted(ids), IDS_PER_QUERY):
            found.update(
                row[0]
                for row in self.connection.execute(
                    select(table.c.id).where(table.c.id.in_(list(chunk)))
                )
            )
        return found

    def live_families_by_code(self, codes: Iterable[str]) -> dict[str, list[str]]:
        families = table_for(RECORD_SPECS["family"])
        by_code: dict[str, list[str]] = defaultdict(list)
        for chunk in batched(sorted(codes), IDS_PER_QUERY):
            for family_id, code in self.connection.execute(
                select(families.c.id, families.c.code).where(
                    families.c.code.in_(list(chunk)), families.c.deleted.is_(False)
                )
            ):
                by_code[code].append(family_id)
        return by_code

    # --- writes -----------------------------------------------------------------------------

    def insert_records(self, kind: str, rows: list[dict[str, Any]]) -> None:
        """New rows (every field and the bookkeeping); a family gets its derived columns."""
        if kind == "family":
            for row in rows:
                row.update(FAMILY_DERIVED)
        insert_rows(self.connection, RECORD_SPECS[kind].table, rows)

    def update_records(self, kind: str, rows: list[dict[str, Any]]) -> None:
        """Rewrite whole rows; each names its record as `row_id` (the same keys in every row)."""
        if not rows:
            return
        keys = tuple(key for key in rows[0] if key != "row_id")
        self.connection.execute(_update_by_row_id(kind, keys), rows)

    def insert_operations(self, rows: Sequence[Mapping[str, Any]]) -> None:
        insert_rows(self.connection, _OPS.name, rows)

    def replace_conflicts(self, remove: Sequence[str], add: Sequence[Mapping[str, Any]]) -> None:
        for chunk in batched(remove, IDS_PER_QUERY):
            self.connection.execute(delete(_CONFLICTS).where(_CONFLICTS.c.id.in_(list(chunk))))
        insert_rows(self.connection, _CONFLICTS.name, add)
