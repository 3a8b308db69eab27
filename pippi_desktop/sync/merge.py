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

The merge runs no SQL itself: it reads and writes through its `MergeStore`
(`storage.merge_queries.MergeQueries` over the import's transaction), which batches every read
by chunks of ids through an index and writes in bulk, so the cost grows with the bundle, not
with the office.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from pippi_desktop.domain.errors import BundleRejected
from pippi_desktop.domain.record_types import RECORD_SPECS, RecordSpec
from pippi_desktop.storage.row_format import parse_versions, row_columns, row_values
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


class MergeStore(Protocol):
    """What the merge reads and writes (`storage.merge_queries.MergeQueries` over the caller's
    transaction). Rows are mappings in the format of `storage/row_format.py`."""

    def operations_in_range(self, device_id: str, first: int, last: int) -> dict[int, Any]:
        """`op_log` rows of one device numbered `first`..`last`, by counter."""
        ...

    def records(self, kind: str, ids: Sequence[str]) -> dict[str, Any]:
        """The stored rows of these records of one kind (deleted ones too), by id."""
        ...

    def operations_of(self, record_ids: Sequence[str]) -> list[Any]:
        """Every `op_log` row about these records."""
        ...

    def logged_kinds(self, record_ids: Sequence[str]) -> dict[str, set[str]]:
        """The record kinds `op_log` names for these record ids (those it names)."""
        ...

    def conflicts_of(self, record_ids: Sequence[str]) -> list[Any]:
        """Every `conflicts` row about these records."""
        ...

    def existing_ids(self, kind: str, ids: Iterable[str]) -> set[str]:
        """Those of `ids` that have a row (deleted or not)."""
        ...

    def live_families_by_code(self, codes: Iterable[str]) -> dict[str, list[str]]:
        """The ids of the families not deleted that use each of these codes."""
        ...

    def insert_records(self, kind: str, rows: list[dict[str, Any]]) -> None:
        """New rows, whole."""
        ...

    def update_records(self, kind: str, rows: list[dict[str, Any]]) -> None:
        """Whole rows, each naming its record as `row_id`."""
        ...

    def insert_operations(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """New `op_log` rows."""
        ...

    def replace_conflicts(self, remove: Sequence[str], add: Sequence[Mapping[str, Any]]) -> None:
        """Delete the conflicts with these ids, then add these rows."""
        ...


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


def state_from_row(spec: RecordSpec, row: Any) -> RecordState:
    return RecordState(
        values=row_values(spec, row),
        versions=parse_versions(row["versions"]),
        deleted=bool(row["deleted"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


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
        store: MergeStore,
        *,
        explain_missing: Callable[[], bool],
        detected_at: str,
    ) -> None:
        self.store = store
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
            stored = self.store.operations_in_range(
                device, min(op.counter for op in ops), max(op.counter for op in ops)
            )
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
            rows.update(self.store.records(kind, ids))
        return rows

    def _stored_ops(self, record_ids: Sequence[str]) -> dict[str, list[Operation]]:
        found: dict[str, list[Operation]] = defaultdict(list)
        for row in self.store.operations_of(record_ids):
            found[row["record_id"]].append(operation_from_row(row))
        return found

    def _waiting_records(self, record_ids: Sequence[str]) -> dict[str, set[str]]:
        """Record ids (without a row) that already have operations in op_log, with their kinds."""
        return self.store.logged_kinds(record_ids)

    def _field_conflicts(self, record_ids: Sequence[str]) -> dict[str, list[Any]]:
        found: dict[str, list[Any]] = defaultdict(list)
        for row in self.store.conflicts_of(record_ids):
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
            found = self.store.existing_ids(kind, ids)
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
        self.store.insert_operations([op.row() for op in fresh])
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
            columns = row_columns(
                spec,
                record_id,
                after.values,
                versions=after.versions,
                deleted=after.deleted,
                created_at=after.created_at,
                updated_at=after.updated_at,
            )
            if before is None:
                inserts[spec.kind].append(columns)
                outcome.created = True
            elif not same_state(before, after):
                columns["row_id"] = columns.pop("id")
                updates[spec.kind].append(columns)
                if after.deleted and not before.deleted:
                    outcome.deleted = True
                elif not same_values(before, after):
                    outcome.updated = True  # (a change of versions alone is not news)
            if spec.kind == "family":
                touched_families.add(record_id)
                for state in (before, after):
                    if state is not None and state.values.get("code"):
                        codes.add(str(state.values["code"]))
        for kind, rows in inserts.items():
            self.store.insert_records(kind, rows)
        for kind, rows in updates.items():
            self.store.update_records(kind, rows)
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
        self.store.replace_conflicts(remove, add)

    def _refresh_duplicate_codes(
        self, codes: set[str], touched: set[str], outcomes: dict[str, RecordOutcome]
    ) -> None:
        """`duplicate_code` conflicts for these codes: one per live family sharing a code."""
        by_code = self.store.live_families_by_code(codes)
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
        existing: dict[str, Any] = {
            row["id"]: row
            for row in self.store.conflicts_of(scope)
            if row["kind"] == DUPLICATE_CODE
        }
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
        self.store.replace_conflicts(remove, add)
