"""The audit log: who did what and when, as a hash chain that `verify` walks.

Each entry stores record ids and field names, never values. Its hash covers its own fields and
the previous entry's hash, so editing or removing an entry breaks the chain from that point;
the newest sequence number and hash are also kept in `workspace_meta` (`audit_head`), in the
same transaction, so removing entries at the end is caught too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, text

from pippi_desktop.storage.audit_hash import entry_hash
from pippi_desktop.storage.meta import write_meta_values
from pippi_desktop.storage.meta_tables import AuditEntryRow

GENESIS = "0" * 64
_INSERT_AUDIT = insert(AuditEntryRow)
AUDIT_HEAD_KEY = "audit_head"


@dataclass(frozen=True)
class AuditEvent:
    action: str
    record_type: str = ""
    record_id: str = ""
    fields: Sequence[str] = field(default_factory=tuple)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def append_audit(
    connection: Connection,
    events: Iterable[AuditEvent],
    *,
    device_id: str,
    actor: str,
    at: str | None = None,
    head: tuple[int, str] | None = None,
) -> tuple[int, str]:
    """Append events to the chain inside the caller's transaction; returns the new head.

    `head` (sequence number and hash of the last entry) may be given by a caller that knows it,
    saving a read.
    """
    if head is None:
        head = read_audit_head(connection)
    seq, prev_hash = head
    stamp = at or _now()
    rows: list[dict[str, object]] = []
    for event in events:
        seq += 1
        entry: dict[str, object] = {
            "seq": seq,
            "at": stamp,
            "device_id": device_id,
            "actor": actor,
            "action": event.action,
            "record_type": event.record_type,
            "record_id": event.record_id,
            "fields": json.dumps(sorted(event.fields), separators=(",", ":")),
            "prev_hash": prev_hash,
        }
        entry["hash"] = prev_hash = entry_hash(entry)
        rows.append(entry)
    if rows:
        connection.execute(_INSERT_AUDIT, rows)
        write_meta_values(connection, {AUDIT_HEAD_KEY: f"{seq}:{prev_hash}"})
    return seq, prev_hash


def read_audit_head(connection: Connection) -> tuple[int, str]:
    last = connection.execute(
        text("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
    ).fetchone()
    return (int(last[0]), str(last[1])) if last else (0, GENESIS)


def verify_audit(connection: Connection) -> list[str]:
    """Problems found in the chain (empty when intact): codes and sequence numbers only."""
    problems: list[str] = []
    prev_hash, expected_seq = GENESIS, 1
    result = connection.execute(
        text(
            "SELECT seq, at, device_id, actor, action, record_type, record_id, fields, "
            "prev_hash, hash FROM audit_log ORDER BY seq"
        )
    )
    for row in result:
        entry = dict(row._mapping)
        stored_hash = entry.pop("hash")
        if entry["seq"] != expected_seq:
            problems.append(f"missing_entry:{expected_seq}")
        if entry["prev_hash"] != prev_hash:
            problems.append(f"broken_link:{entry['seq']}")
        if entry_hash(entry) != stored_hash:
            problems.append(f"edited_entry:{entry['seq']}")
        prev_hash, expected_seq = stored_hash, int(entry["seq"]) + 1
    head = connection.execute(
        text("SELECT value FROM workspace_meta WHERE key = :key"), {"key": AUDIT_HEAD_KEY}
    ).scalar()
    last_seq = expected_seq - 1
    if head is None:
        if last_seq:
            problems.append("missing_head")
    elif str(head) != f"{last_seq}:{prev_hash}":
        problems.append("truncated_tail")
    return problems
