"""The meaning of a set of operations on one record: values, versions, tombstone, conflicts.

This is the reference semantics of merge; `sync.merge` applies it incrementally (a fast path
for the usual case, this fold whenever something is out of order or concurrent). Because the
result depends only on the *set* of operations, never on their arrival order, importing is
idempotent, commutative and associative.

For every field:

- the writers are the operations that set it (a `create` sets the fields it carries);
- a writer is *superseded* when another writer's `seen` for that field is its version (the
  later author had that value in front of them and replaced it);
- the *heads* are the writers nobody superseded; the *winner* is the writer with the highest
  version (Lamport, then device id, then counter), always a head;
- every other head is a concurrent value: it is kept in a `concurrent_edit` conflict (rows for
  heads whose value equals the winner's are kept too, and hidden from people by the listing).

The tombstone `deleted` is a field like the others, only ever set to true, so once any delete
is known the record stays deleted (no operation revives it). An edit that is a head of its
field and newer than the first delete was made without seeing that delete: it is merged into
the (deleted) row and reported as an `edited_after_delete` conflict, so it is never lost
silently; edits older than the delete just lose to the tombstone.

A record exists once at least one `create` is known; operations on a record whose `create` has
not arrived yet are kept in `op_log` and folded in when it comes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pippi_desktop.domain.record_types import RecordSpec
from pippi_desktop.sync.operations import Operation, Version, same_value

CONCURRENT_EDIT = "concurrent_edit"
EDITED_AFTER_DELETE = "edited_after_delete"
DUPLICATE_CODE = "duplicate_code"
FIELD_CONFLICT_KINDS = (CONCURRENT_EDIT, EDITED_AFTER_DELETE)
NAMESPACE = uuid.UUID("4c1f6a0e-2b7d-4e59-9a3c-8d2e5f7b1a64")


def dump_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def dump_version(version: Version | None) -> str | None:
    return None if version is None else json.dumps([version[0], version[1]], separators=(",", ":"))


def conflict_id(kind: str, record_id: str, field_name: str, detail: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{record_id}:{field_name}:{detail}"))


@dataclass
class RecordState:
    """A record as merge sees it: encoded values plus the bookkeeping columns."""

    values: dict[str, Any]
    versions: dict[str, Version]
    deleted: bool
    created_at: str
    updated_at: str

    def max_version(self) -> Version | None:
        return max(self.versions.values()) if self.versions else None


@dataclass
class Folded:
    state: RecordState | None  # None: no `create` known yet
    conflicts: list[dict[str, Any]] = field(default_factory=list)


def family_of(spec: RecordSpec, record_id: str, values: dict[str, Any]) -> str | None:
    if spec.kind == "family":
        return record_id
    if spec.family_field:
        family = values.get(spec.family_field)
        return str(family) if family else None
    return None


def fold_record(spec: RecordSpec, record_id: str, operations: Iterable[Operation]) -> Folded:
    ops = sorted({(op.device_id, op.counter): op for op in operations}.values(), key=_order)
    creates = [op for op in ops if op.action == "create"]
    if not creates:
        return Folded(None)
    names = (*spec.field_names, "deleted")
    values: dict[str, Any] = {name: None for name in spec.field_names}
    versions: dict[str, Version] = {}
    heads_by_field: dict[str, list[Operation]] = {}
    winners: dict[str, Operation] = {}
    for name in names:
        writers = [op for op in ops if name in op.changes]
        if not writers:
            continue
        superseded = {op.seen.get(name) for op in writers} - {None}
        heads_by_field[name] = [op for op in writers if op.version not in superseded]
        winner = writers[-1]  # ops are sorted by (lamport, device, counter)
        winners[name] = winner
        versions[name] = winner.version
        if name != "deleted":
            values[name] = winner.changes[name]
    deleted = "deleted" in versions
    state = RecordState(
        values=values,
        versions=versions,
        deleted=deleted,
        created_at=creates[0].at,
        updated_at=ops[-1].at,
    )
    family_id = family_of(spec, record_id, values)
    conflicts: list[dict[str, Any]] = []

    def add(
        kind: str, name: str, loser: Operation, winner_version: Version | None, value: Any
    ) -> None:
        conflicts.append(
            {
                "id": conflict_id(kind, record_id, name, f"{loser.lamport}:{loser.device_id}"),
                "kind": kind,
                "record_type": spec.kind,
                "record_id": record_id,
                "family_id": family_id,
                "field": name,
                "winner_version": dump_version(winner_version),
                "winner_value": dump_json(value),
                "loser_version": dump_version(loser.version),
                "loser_device": loser.device_id,
                "loser_value": dump_json(loser.changes[name]),
            }
        )

    for name, heads in heads_by_field.items():
        winner = winners[name]
        for head in heads:
            if head is not winner:
                add(CONCURRENT_EDIT, name, head, winner.version, winner.changes[name])
    if deleted:
        first_delete = min(op.version for op in ops if op.action == "delete")
        for name, heads in heads_by_field.items():
            if name == "deleted":
                continue
            for head in heads:
                if head.version > first_delete:
                    add(EDITED_AFTER_DELETE, name, head, first_delete, None)
    return Folded(state, conflicts)


def _order(op: Operation) -> tuple[int, str, int]:
    return op.order


def same_values(a: RecordState, b: RecordState) -> bool:
    return (
        a.deleted == b.deleted
        and a.values.keys() == b.values.keys()
        and all(same_value(a.values[k], b.values[k]) for k in a.values)
    )


def same_state(a: RecordState, b: RecordState) -> bool:
    return same_values(a, b) and a.versions == b.versions


def is_disagreement(conflict: dict[str, Any]) -> bool:
    """False for a concurrent write of the very value that won (kept, never shown)."""
    return not (
        conflict["kind"] == CONCURRENT_EDIT and conflict["loser_value"] == conflict["winner_value"]
    )
