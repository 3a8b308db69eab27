"""Writing records with their change log: one operation per change, in the same transaction.

`ChangeWriter` is the only way records are created, changed or deleted locally. For each
change it:

- takes the next operation id `(device_id, counter)` from `local_clock` (monotonic, never
  reused, saved in the same transaction),
- stamps the next Lamport value and gives every changed field the version
  `[lamport, device_id]` (stored per row in `versions`), remembering in the operation the
  version each field had before (`seen`), which merge uses to tell concurrent edits apart,
- stamps a hybrid logical clock, used only to sort timelines for display,
- writes an audit entry (record id and field names, never values).

Deleting sets the tombstone `deleted` (a versioned field like the others); rows are never
removed. New rows, operations and audit entries are buffered and written in bulk at `flush()`
(and before any read), so generating a thousand demo families stays fast.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, select, update

from pippi_desktop.domain.errors import InvalidRecord, UnknownRecord
from pippi_desktop.domain.record_types import RecordSpec
from pippi_desktop.storage.audit import AuditEvent, append_audit, read_audit_head
from pippi_desktop.storage.changelog_tables import LocalClockRow, OperationRow
from pippi_desktop.storage.orm import Base
from pippi_desktop.storage.row_format import (
    FAMILY_DERIVED,
    Version,
    dump_versions,
    parse_versions,
    row_values,
    to_column,
)
from pippi_desktop.storage.write_state import WriteState


def table_for(spec: RecordSpec) -> Table:
    return Base.metadata.tables[spec.table]


# Statements built once: constructing them again on every write costs more than running them.


@cache
def _select_by_id(table_name: str) -> Any:
    table = Base.metadata.tables[table_name]
    return select(table).where(table.c.id == bindparam("record_id"))


@cache
def _update_by_id(table_name: str) -> Any:
    """UPDATE … WHERE id = :record_id; the SET columns are those of the parameters given."""
    table = Base.metadata.tables[table_name]
    return update(table).where(table.c.id == bindparam("record_id"))


@cache
def _insert_into(table_name: str) -> Any:
    return insert(Base.metadata.tables[table_name])


_INSERT_OPERATION = insert(OperationRow)
_UPDATE_CLOCK = update(LocalClockRow).where(LocalClockRow.id == 1)


def verify_own_operations(connection: Connection, device_id: str) -> list[str]:
    """Problems in this device's operations: counters must run 1..N with the clock at N."""
    counters = [
        int(row[0])
        for row in connection.execute(
            select(OperationRow.counter)
            .where(OperationRow.device_id == device_id)
            .order_by(OperationRow.counter)
        )
    ]
    problems = [
        f"gap_after:{previous}"
        for previous, current in zip([0, *counters], counters, strict=False)
        if current != previous + 1
    ]
    clock = connection.execute(
        select(LocalClockRow.device_id, LocalClockRow.counter).where(LocalClockRow.id == 1)
    ).first()
    if counters and (
        clock is None or clock.device_id != device_id or int(clock.counter) != counters[-1]
    ):
        problems.append("clock_behind")
    return problems


def utc_now() -> datetime:
    return datetime.now(UTC)


class ChangeWriter:
    """Creates, updates and deletes records inside the caller's transaction."""

    def __init__(
        self,
        connection: Connection,
        *,
        device_id: str,
        actor: str,
        now: Callable[[], datetime] = utc_now,
        state: WriteState | None = None,
        on_flush: Callable[[WriteState], None] | None = None,
    ) -> None:
        """`state` is what the last committed write left (skips reading it back); `on_flush`
        receives the new state, to remember it once the transaction commits."""
        self.connection = connection
        self._on_flush = on_flush
        self.device_id = device_id
        self.actor = actor
        self._now = now
        # what this writer changed: the kinds, records and families (services turn it into
        # their "what changed" value for the views)
        self.kinds: set[str] = set()
        self.record_ids: set[str] = set()
        self.family_ids: set[str] = set()
        self._rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        # every row this transaction wrote or read, by table and id (None: known not to exist);
        # valid for the whole transaction because writes are serialised
        self._cache: dict[str, dict[str, dict[str, Any] | None]] = defaultdict(dict)
        self._ops: list[dict[str, Any]] = []
        self._audit: list[AuditEvent] = []
        if state is None:
            clock = connection.execute(select(LocalClockRow).where(LocalClockRow.id == 1)).first()
            self._audit_head: tuple[int, str] | None = None
            if clock is None:
                self._counter, self._lamport, self._wall, self._logical = 0, 0, 0, 0
                self._clock_exists = False
            else:
                self._clock_exists = True
                self._lamport = int(clock.lamport)
                self._wall, self._logical = int(clock.hlc_wall_ms), int(clock.hlc_logical)
                # a restored workspace is a new incarnation with a new device id: the counter restarts
                self._counter = int(clock.counter) if clock.device_id == device_id else 0
        else:
            self._clock_exists = True
            self._counter = state.counter if state.device_id == device_id else 0
            self._lamport, self._wall, self._logical = (
                state.lamport,
                state.hlc_wall_ms,
                state.hlc_logical,
            )
            self._audit_head = (state.audit_seq, state.audit_hash)

    # --- stamps ---------------------------------------------------------------------------

    def _stamp(self) -> tuple[int, int, str, str]:
        self._counter += 1
        self._lamport += 1
        now = self._now()
        wall = int(now.timestamp() * 1000)
        if wall > self._wall:
            self._wall, self._logical = wall, 0
        else:
            self._logical += 1
        hlc = f"{self._wall:013d}.{self._logical:05d}.{self.device_id}"
        return self._counter, self._lamport, hlc, now.isoformat(timespec="milliseconds")

    def _log(
        self,
        spec: RecordSpec,
        record_id: str,
        action: str,
        changes: Mapping[str, Any],
        seen: Mapping[str, Version | None],
        stamp: tuple[int, int, str, str],
        family_id: str | None,
    ) -> None:
        counter, lamport, hlc, at = stamp
        self._ops.append(
            {
                "device_id": self.device_id,
                "counter": counter,
                "lamport": lamport,
                "hlc": hlc,
                "at": at,
                "record_type": spec.kind,
                "record_id": record_id,
                "action": action,
                "changes": json.dumps(changes, ensure_ascii=False, separators=(",", ":")),
                "seen": json.dumps(
                    {k: (list(v) if v else None) for k, v in seen.items()}, separators=(",", ":")
                ),
            }
        )
        self._audit.append(AuditEvent(action, spec.kind, record_id, tuple(changes)))
        self.kinds.add(spec.kind)
        self.record_ids.add(record_id)
        if family_id:
            self.family_ids.add(family_id)

    @staticmethod
    def _family_of(spec: RecordSpec, record_id: str, values: Mapping[str, Any]) -> str | None:
        if spec.family_field is None:
            return record_id if spec.kind == "family" else None
        family = values.get(spec.family_field)
        return str(family) if family else None

    # --- writes ---------------------------------------------------------------------------

    def create(
        self, spec: RecordSpec, values: Mapping[str, Any], *, record_id: str | None = None
    ) -> str:
        """Insert a record from encoded values (already validated); returns its id."""
        record_id = record_id or str(uuid.uuid4())
        stamp = self._stamp()
        set_values = {name: value for name, value in values.items() if value is not None}
        version = (stamp[1], self.device_id)
        row: dict[str, Any] = {name: None for name in spec.field_names}
        row.update({name: to_column(spec, name, value) for name, value in set_values.items()})
        row.update(
            id=record_id,
            created_at=stamp[3],
            updated_at=stamp[3],
            deleted=False,
            versions=dump_versions({name: version for name in set_values}),
        )
        if spec.kind == "family":  # derived local columns, filled by refresh_family_summaries
            row.update(FAMILY_DERIVED)
        self._rows[spec.table].append(row)
        self._cache[spec.table][record_id] = row
        self._log(
            spec,
            record_id,
            "create",
            set_values,
            {},
            stamp,
            self._family_of(spec, record_id, set_values),
        )
        return record_id

    def read(self, spec: RecordSpec, record_id: str) -> dict[str, Any] | None:
        """The stored row (columns as stored) or None; sees this writer's own pending rows."""
        cache = self._cache[spec.table]
        if record_id in cache:
            cached = cache[record_id]
            return dict(cached) if cached is not None else None
        row = (
            self.connection.execute(_select_by_id(spec.table), {"record_id": record_id})
            .mappings()
            .first()
        )
        cache[record_id] = dict(row) if row else None
        return dict(row) if row else None

    def update(self, spec: RecordSpec, record_id: str, values: Mapping[str, Any]) -> bool:
        """Change some fields (encoded values); returns False when nothing actually changed."""
        self.flush_rows()
        current = self.read(spec, record_id)
        if current is None:
            raise UnknownRecord(spec.kind if spec.kind in UnknownRecord.texts else "")
        if current["deleted"]:
            raise InvalidRecord("deleted", record=spec.kind)
        stored = row_values(spec, current)
        diff = {name: value for name, value in values.items() if stored.get(name) != value}
        if not diff:
            return False
        for name in diff:
            if spec.field(name).immutable:
                raise InvalidRecord.of(spec.field(name))
        versions = parse_versions(current["versions"])
        seen = {name: versions.get(name) for name in diff}
        stamp = self._stamp()
        for name in diff:
            versions[name] = (stamp[1], self.device_id)
        new_columns = {
            **{name: to_column(spec, name, value) for name, value in diff.items()},
            "updated_at": stamp[3],
            "versions": dump_versions(versions),
        }
        self.connection.execute(_update_by_id(spec.table), {"record_id": record_id, **new_columns})
        self._cache[spec.table][record_id] = {**current, **new_columns}
        self._log(
            spec, record_id, "update", diff, seen, stamp, self._family_of(spec, record_id, stored)
        )
        return True

    def delete(self, spec: RecordSpec, record_id: str) -> bool:
        """Tombstone a record; returns False if it already was."""
        self.flush_rows()
        current = self.read(spec, record_id)
        if current is None:
            raise UnknownRecord(spec.kind if spec.kind in UnknownRecord.texts else "")
        if current["deleted"]:
            return False
        versions = parse_versions(current["versions"])
        seen = {"deleted": versions.get("deleted")}
        stamp = self._stamp()
        versions["deleted"] = (stamp[1], self.device_id)
        new_columns = {"deleted": True, "updated_at": stamp[3], "versions": dump_versions(versions)}
        self.connection.execute(_update_by_id(spec.table), {"record_id": record_id, **new_columns})
        self._cache[spec.table][record_id] = {**current, **new_columns}
        stored = row_values(spec, current)
        self._log(
            spec,
            record_id,
            "delete",
            {"deleted": True},
            seen,
            stamp,
            self._family_of(spec, record_id, stored),
        )
        return True

    # --- flushing -------------------------------------------------------------------------

    def flush_rows(self) -> None:
        """Write buffered new rows (call before querying the tables directly)."""
        for table_name, rows in self._rows.items():
            if rows:
                self.connection.execute(_insert_into(table_name), rows)
        self._rows.clear()

    def flush(self) -> None:
        """Write everything buffered: rows, operations, audit entries and the clock."""
        self.flush_rows()
        if self._ops:
            self.connection.execute(_INSERT_OPERATION, self._ops)
            self._ops = []
        if self._audit:
            self._audit_head = append_audit(
                self.connection,
                self._audit,
                device_id=self.device_id,
                actor=self.actor,
                head=self._audit_head,
            )
            self._audit = []
        elif self._audit_head is None:
            self._audit_head = read_audit_head(self.connection)
        clock = {
            "device_id": self.device_id,
            "counter": self._counter,
            "lamport": self._lamport,
            "hlc_wall_ms": self._wall,
            "hlc_logical": self._logical,
        }
        if self._clock_exists:
            self.connection.execute(_UPDATE_CLOCK, clock)
        else:
            self.connection.execute(insert(LocalClockRow).values(id=1, **clock))
            self._clock_exists = True
        if self._on_flush is not None:
            self._on_flush(
                WriteState(
                    device_id=self.device_id,
                    counter=self._counter,
                    lamport=self._lamport,
                    hlc_wall_ms=self._wall,
                    hlc_logical=self._logical,
                    audit_seq=self._audit_head[0],
                    audit_hash=self._audit_head[1],
                )
            )

    def observe_lamport(self, value: int) -> None:
        """Move the Lamport clock past a version seen elsewhere (used by sync on import)."""
        self._lamport = max(self._lamport, value)
