"""Applying checked operations to the office's tables, inside the caller's transaction.

For each record the incoming operations touch, merge either takes the *fast path* (the record
has no open field conflicts, no waiting operations, and every operation saw exactly the version
the office holds and is newer: apply the fields in order) or folds every operation ever received
for that record (`sync.fold`, the reference semantics). Both give the same result; the fold is
what makes any arrival order and any repetition end in the same state.

Also refused here, so that nothing is written: an operation id already received with different
content (`rollback_detected`); an update or delete of a record the office does not have, or a
reference to one, when no missing bundle of the sender can explain it (`invalid_operation`); two
creates of one record that disagree on an immutable field (`invalid_operation`).

All reads and writes are batched (chunks of ids, Core `executemany`), and every lookup goes
through an index, so the cost grows with the bundle, not with the office.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, select, update

from pippi_desktop.domain.batching import IDS_PER_QUERY, batched
from pippi_desktop.domain.errors import BundleRejected
from pippi_desktop.domain.record_types import RECORD_SPECS, RecordSpec
from pippi_desktop.storage.changelog_tables import OperationRow
from pippi_desktop.storage.changes import (
    JSON_COLUMN_TYPES,
    parse_versions,
    row_values,
    table_for,
)
from pippi_desktop.storage.orm import Base
from pippi_desktop.storage.sync_tables import ConflictRow
from pippi_desktop.sync.fold import (
    DUPLICATE_CODE,
    FIELD_CONFLICT_KINDS,
    RecordState,
    conflict_id,
    dump_json,
    family_of,
    fold_record,
    is_disagreement,
    same_state,
    same_values,
)
from pippi_desktop.sync.operations import Operation, operation_from_row, referenced_ids

FAMILY_DERIVED = {
    "search_text": "",
    "summary_members": 0,
    "summary_children": 0,
    "summary_visits": 0,
    "summary_last_visit": None,
    "summary_time_points": "",
    "summary_names": "",
}
_OPS = Base.metadata.tables[OperationRow.__tablename__]
_CONFLICTS = Base.metadata.tables[ConflictRow.__tablename__]


@dataclass
class RecordOutcome:
    kind: str
    record_id: str
    family_id: str | None
    created: bool = False
    updated: bool = False
    deleted: bool = False
    new_conflicts: int = 0


@dataclass
class MergeResult:
    outcomes: list[RecordOutcome] = field(default_factory=list)
    applied: int = 0  # operations stored now
    repeated: int = 0  # operations the office already had
    waiting: int = 0  # operations on records whose create has not arrived yet
    max_lamport: int = 0
    family_ids: set[str] = field(default_factory=set)  # families to refresh (before and after)
    duplicate_codes: int = 0  # new duplicate_code conflicts


@cache
def _select_ids(table_name: str) -> Any:
    table = table_for(RECORD_SPECS[_KIND_OF_TABLE[table_name]])
    return select(table).where(table.c.id.in_(bindparam("ids", expanding=True)))


_KIND_OF_TABLE = {spec.table: kind for kind, spec in RECORD_SPECS.items()}
_OPS_OF_RECORDS = select(_OPS).where(_OPS.c.record_id.in_(bindparam("ids", expanding=True)))
_OPS_RANGE = select(_OPS).where(
    _OPS.c.device_id == bindparam("device"),
    _OPS.c.counter.between(bindparam("first"), bindparam("last")),
)
_CONFLICTS_OF_RECORDS = select(_CONFLICTS).where(
    _CONFLICTS.c.record_id.in_(bindparam("ids", expanding=True))
)


def state_from_row(spec: RecordSpec, row: Any) -> RecordState:
    return RecordState(
        values=row_values(spec, row),
        versions=parse_versions(row["versions"]),
        deleted=bool(row["deleted"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def versions_json(versions: dict[str, tuple[int, str]]) -> str:
    """`storage.changes.dump_versions`, byte for byte, without the generic encoder (field
    names and device ids are plain ASCII, checked on the way in)."""
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


def _row_columns(spec: RecordSpec, record_id: str, state: RecordState) -> dict[str, Any]:
    """`storage.changes.to_column` for every field (lists as JSON text), then bookkeeping."""
    json_columns = _JSON_COLUMNS[spec.kind]
    columns = {
        name: _DUMP_COLUMN(value) if value is not None and name in json_columns else value
        for name, value in state.values.items()
    }
    columns.update(
        id=record_id,
        created_at=state.created_at,
        updated_at=state.updated_at,
        deleted=state.deleted,
        versions=versions_json(state.versions),
    )
    return columns


def insert_rows(connection: Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """Bulk insert straight through the driver's executemany (all rows have the same keys)."""
    if not rows:
        return
    columns = list(rows[0])
    statement = (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    )
    connection.exec_driver_sql(statement, [tuple(row[c] for c in columns) for row in rows])


def _fast_path(
    spec: RecordSpec, before: RecordState | None, ops: list[Operation]
) -> RecordState | None:
    """The state after `ops` when they simply follow what the office holds, else None."""
    state = (
        None
        if before is None
        else RecordState(
            dict(before.values),
            dict(before.versions),
            before.deleted,
            before.created_at,
            before.updated_at,
        )
    )
    for op in ops:
        if state is None:
            if op.action != "create":
                return None
            values = {name: op.changes.get(name) for name in spec.field_names}
            versions = {name: op.version for name in op.changes}
            state = RecordState(values, versions, False, op.at, op.at)
            continue
        if op.action == "create" or state.deleted:
            return None
        top = state.max_version()
        for name in op.changes:
            current = state.versions.get(name)
            if op.seen.get(name) != current or (current is not None and op.version <= current):
                return None
        if op.action == "delete" and top is not None and op.version <= top:
            return None
        for name, value in op.changes.items():
            if name == "deleted":
                state.deleted = True
            else:
                state.values[name] = value
            state.versions[name] = op.version
        if top is None or op.version > top:
            state.updated_at = op.at
    return state


class Merge:
    """One batch of checked operations applied in the caller's transaction."""

    def __init__(
        self,
        connection: Connection,
        *,
        explain_missing: Callable[[], bool],
        detected_at: str,
    ) -> None:
        self.connection = connection
        self._explain_missing = explain_missing
        self._explained: bool | None = None
        self.detected_at = detected_at
        self.result = MergeResult()

    def _missing_is_explained(self) -> bool:
        if self._explained is None:
            self._explained = self._explain_missing()
        return self._explained

    # --- 1. repeats and rollbacks ---------------------------------------------------------

    def _fresh(self, operations: list[Operation]) -> list[Operation]:
        by_device: dict[str, list[Operation]] = defaultdict(list)
        for op in operations:
            by_device[op.device_id].append(op)
        fresh: list[Operation] = []
        for device, ops in by_device.items():
            stored = {
                int(row["counter"]): row
                for row in self.connection.execute(
                    _OPS_RANGE,
                    {
                        "device": device,
                        "first": min(op.counter for op in ops),
                        "last": max(op.counter for op in ops),
                    },
                ).mappings()
            }
            for op in ops:
                row = stored.get(op.counter)
                if row is None:
                    fresh.append(op)
                elif op.same_as_row(row):
                    self.result.repeated += 1
                else:
                    raise BundleRejected("rollback_detected")
        return fresh

    # --- 2. loading what the office holds -------------------------------------------------

    def _load_rows(self, groups: dict[str, list[Operation]]) -> dict[str, Any]:
        ids_by_kind: dict[str, list[str]] = defaultdict(list)
        for record_id, ops in groups.items():
            ids_by_kind[ops[0].record_type].append(record_id)
        rows: dict[str, Any] = {}
        for kind, ids in ids_by_kind.items():
            statement = _select_ids(RECORD_SPECS[kind].table)
            for chunk in batched(ids, IDS_PER_QUERY):
                for row in self.connection.execute(statement, {"ids": list(chunk)}).mappings():
                    rows[row["id"]] = row
        return rows

    def _stored_ops(self, record_ids: Sequence[str]) -> dict[str, list[Operation]]:
        found: dict[str, list[Operation]] = defaultdict(list)
        for chunk in batched(record_ids, IDS_PER_QUERY):
            for row in self.connection.execute(_OPS_OF_RECORDS, {"ids": list(chunk)}).mappings():
                found[row["record_id"]].append(operation_from_row(row))
        return found

    def _waiting_records(self, record_ids: Sequence[str]) -> dict[str, set[str]]:
        """Record ids (without a row) that already have operations in op_log, with their kinds."""
        found: dict[str, set[str]] = defaultdict(set)
        statement = select(_OPS.c.record_id, _OPS.c.record_type).where(
            _OPS.c.record_id.in_(bindparam("ids", expanding=True))
        )
        for chunk in batched(record_ids, IDS_PER_QUERY):
            for record_id, kind in self.connection.execute(statement, {"ids": list(chunk)}):
                found[record_id].add(kind)
        return found

    def _field_conflicts(self, record_ids: Sequence[str]) -> dict[str, list[Any]]:
        found: dict[str, list[Any]] = defaultdict(list)
        for chunk in batched(record_ids, IDS_PER_QUERY):
            for row in self.connection.execute(
                _CONFLICTS_OF_RECORDS, {"ids": list(chunk)}
            ).mappings():
                if row["kind"] in FIELD_CONFLICT_KINDS:
                    found[row["record_id"]].append(row)
        return found

    # --- 3. references -------------------------------------------------------------------

    def _check_references(self, fresh: list[Operation], created: set[tuple[str, str]]) -> None:
        """Every record pointed to exists (or is created now), unless a gap explains it."""
        wanted: dict[str, set[str]] = defaultdict(set)
        for op in fresh:
            for kind, ref_id in referenced_ids(op):
                if (kind, ref_id) not in created:
                    wanted[kind].add(ref_id)
        for kind, ids in wanted.items():
            table = table_for(RECORD_SPECS[kind])
            found: set[str] = set()
            for chunk in batched(sorted(ids), IDS_PER_QUERY):
                found.update(
                    row[0]
                    for row in self.connection.execute(
                        select(table.c.id).where(table.c.id.in_(list(chunk)))
                    )
                )
            if ids - found and not self._missing_is_explained():
                raise BundleRejected("invalid_operation")

    # --- 4. the merge itself ---------------------------------------------------------------

    def apply(self, operations: list[Operation]) -> MergeResult:
        result = self.result
        if operations:
            result.max_lamport = max(op.lamport for op in operations)
        fresh = self._fresh(operations)
        if not fresh:
            return result
        groups: dict[str, list[Operation]] = {}
        for op in fresh:
            group = groups.setdefault(op.record_id, [])
            if group and group[0].record_type != op.record_type:
                raise BundleRejected("invalid_operation")
            group.append(op)
        rows = self._load_rows(groups)
        without_row = [record_id for record_id in groups if record_id not in rows]
        waiting = self._waiting_records(without_row)
        conflicts = self._field_conflicts(list(groups))
        created = {
            (op.record_type, op.record_id)
            for op in fresh
            if op.action == "create" and op.record_id not in rows
        }
        self._check_references(fresh, created)

        states: dict[str, tuple[RecordSpec, RecordState | None, RecordState | None]] = {}
        slow: list[str] = []
        for record_id, ops in groups.items():
            spec = RECORD_SPECS[ops[0].record_type]
            row = rows.get(record_id)
            before = state_from_row(spec, row) if row is not None else None
            kinds = waiting.get(record_id, set())
            if kinds - {spec.kind}:
                raise BundleRejected("invalid_operation")
            after = None
            if not kinds and not conflicts.get(record_id):
                after = _fast_path(spec, before, ops)
            if after is None:
                slow.append(record_id)
            states[record_id] = (spec, before, after)

        new_conflicts: dict[str, list[dict[str, Any]]] = {}
        stored = self._stored_ops(slow) if slow else {}
        for record_id in slow:
            spec, before, _ = states[record_id]
            history = stored.get(record_id, [])
            if any(op.record_type != spec.kind for op in history):
                raise BundleRejected("invalid_operation")
            everything = history + groups[record_id]
            self._check_creates_agree(spec, everything)
            folded = fold_record(spec, record_id, everything)
            if folded.state is None and before is not None:
                raise BundleRejected("invalid_operation")  # a row whose create was never logged
            if folded.state is None:
                if not self._missing_is_explained():
                    raise BundleRejected("invalid_operation")
                result.waiting += len(groups[record_id])
            new_conflicts[record_id] = folded.conflicts
            states[record_id] = (spec, before, folded.state)

        self._write(states, conflicts, new_conflicts)
        insert_rows(self.connection, "op_log", [op.row() for op in fresh])
        result.applied = len(fresh)
        return result

    @staticmethod
    def _check_creates_agree(spec: RecordSpec, ops: list[Operation]) -> None:
        creates = [op for op in ops if op.action == "create"]
        if len(creates) < 2:
            return
        for field_spec in spec.fields:
            if field_spec.immutable:
                values = {json.dumps(op.changes.get(field_spec.name)) for op in creates}
                if len(values) > 1:
                    raise BundleRejected("invalid_operation")

    # --- 5. writing ------------------------------------------------------------------------

    def _write(
        self,
        states: dict[str, tuple[RecordSpec, RecordState | None, RecordState | None]],
        old_conflicts: dict[str, list[Any]],
        new_conflicts: dict[str, list[dict[str, Any]]],
    ) -> None:
        inserts: dict[str, list[dict[str, Any]]] = defaultdict(list)
        updates: dict[str, list[dict[str, Any]]] = defaultdict(list)
        codes: set[str] = set()
        touched_families: set[str] = set()
        outcomes: dict[str, RecordOutcome] = {}
        for record_id, (spec, before, after) in states.items():
            family_before = family_of(spec, record_id, before.values) if before else None
            family_after = family_of(spec, record_id, after.values) if after else None
            for family in (family_before, family_after):
                if family:
                    self.result.family_ids.add(family)
            outcome = RecordOutcome(spec.kind, record_id, family_after or family_before)
            outcomes[record_id] = outcome
            if after is None:
                continue
            columns = _row_columns(spec, record_id, after)
            if before is None:
                if spec.kind == "family":
                    columns.update(FAMILY_DERIVED)
                inserts[spec.table].append(columns)
                outcome.created = True
            elif not same_state(before, after):
                columns["row_id"] = columns.pop("id")
                updates[spec.table].append(columns)
                if after.deleted and not before.deleted:
                    outcome.deleted = True
                elif not same_values(before, after):
                    outcome.updated = True  # (a change of versions alone is not news)
            if spec.kind == "family":
                touched_families.add(record_id)
                for state in (before, after):
                    if state is not None and state.values.get("code"):
                        codes.add(str(state.values["code"]))
        for table_name, rows in inserts.items():
            insert_rows(self.connection, table_name, rows)
        for table_name, rows in updates.items():
            table = _table(table_name)
            keys = [key for key in rows[0] if key != "row_id"]
            self.connection.execute(
                update(table)
                .where(table.c.id == bindparam("row_id"))
                .values({key: bindparam(key) for key in keys}),
                rows,
            )
        self._write_field_conflicts(old_conflicts, new_conflicts, outcomes)
        if codes:
            self._refresh_duplicate_codes(codes, touched_families, outcomes)
        self.result.outcomes = list(outcomes.values())

    def _write_field_conflicts(
        self,
        old: dict[str, list[Any]],
        new: dict[str, list[dict[str, Any]]],
        outcomes: dict[str, RecordOutcome],
    ) -> None:
        remove: list[str] = []
        add: list[dict[str, Any]] = []
        for record_id, rows in new.items():
            previous = {row["id"]: row for row in old.get(record_id, [])}
            remove.extend(previous)
            for row in rows:
                kept = previous.get(row["id"])
                add.append(
                    {
                        **row,
                        "detected_at": kept["detected_at"] if kept else self.detected_at,
                        "reviewed_at": kept["reviewed_at"] if kept else None,
                    }
                )
                if kept is None and is_disagreement(row):
                    outcomes[record_id].new_conflicts += 1
        self._replace_conflicts(remove, add)

    def _replace_conflicts(self, remove: list[str], add: list[dict[str, Any]]) -> None:
        for chunk in batched(remove, IDS_PER_QUERY):
            self.connection.execute(delete(_CONFLICTS).where(_CONFLICTS.c.id.in_(list(chunk))))
        insert_rows(self.connection, "conflicts", add)

    def _refresh_duplicate_codes(
        self, codes: set[str], touched: set[str], outcomes: dict[str, RecordOutcome]
    ) -> None:
        """`duplicate_code` conflicts for these codes: one per live family sharing a code."""
        families = table_for(RECORD_SPECS["family"])
        by_code: dict[str, list[str]] = defaultdict(list)
        for chunk in batched(sorted(codes), IDS_PER_QUERY):
            for family_id, code in self.connection.execute(
                select(families.c.id, families.c.code).where(
                    families.c.code.in_(list(chunk)), families.c.deleted.is_(False)
                )
            ):
                by_code[code].append(family_id)
        expected: dict[str, dict[str, Any]] = {}
        for code, ids in by_code.items():
            if len(ids) < 2:
                continue
            for family_id in ids:
                others = sorted(other for other in ids if other != family_id)
                row_id = conflict_id(DUPLICATE_CODE, family_id, "code", code)
                expected[row_id] = {
                    "id": row_id,
                    "kind": DUPLICATE_CODE,
                    "record_type": "family",
                    "record_id": family_id,
                    "family_id": family_id,
                    "field": "code",
                    "winner_version": None,
                    "winner_value": dump_json(others),
                    "loser_version": None,
                    "loser_device": None,
                    "loser_value": dump_json(code),
                }
        scope = sorted(touched | {fid for ids in by_code.values() for fid in ids})
        existing: dict[str, Any] = {}
        for chunk in batched(scope, IDS_PER_QUERY):
            for row in self.connection.execute(
                _CONFLICTS_OF_RECORDS, {"ids": list(chunk)}
            ).mappings():
                if row["kind"] == DUPLICATE_CODE:
                    existing[row["id"]] = row
        remove = [row_id for row_id in existing if row_id not in expected]
        add = []
        for row_id, wanted in expected.items():
            kept = existing.get(row_id)
            if kept is not None:
                if kept["winner_value"] == wanted["winner_value"]:
                    continue
                remove.append(row_id)
            add.append(
                {
                    **wanted,
                    "detected_at": kept["detected_at"] if kept else self.detected_at,
                    "reviewed_at": kept["reviewed_at"] if kept else None,
                }
            )
            if kept is None:
                self.result.duplicate_codes += 1
                outcome = outcomes.get(wanted["record_id"])
                if outcome is not None:
                    outcome.new_conflicts += 1
        self._replace_conflicts(remove, add)


def _table(table_name: str) -> Table:
    return table_for(RECORD_SPECS[_KIND_OF_TABLE[table_name]])
