"""Export in the field: the changes since the last bundle (or all, `--full`) into one file.

The bundle holds this workspace's operations (its own device id and the ids of its earlier
incarnations, see `previous_device_ids`) numbered after the last bundle sent to the trusted
office, and the audit entries written since. It is signed with this workspace's key, encrypted
to the office's key, written atomically into `outbox/` (and copied to `-o` when given), read back
and checked, and only then recorded in `bundles_sent`, all in one transaction: a bundle that
was not recorded was never reported as written. The file name carries a date, the sequence
number and random characters, never a name or a family code.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from pippi_desktop.domain.errors import InvalidFile, SyncNotSetUp
from pippi_desktop.domain.sync_records import BundleSent
from pippi_desktop.domain.workspace_identity import ROLE_EDUCATOR
from pippi_desktop.services._identity_keys import ensure_keys
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.services.trust_service import require_role
from pippi_desktop.storage import migrate, sync_queries
from pippi_desktop.storage.atomic import copy_atomic, make_private_dir, write_atomic
from pippi_desktop.storage.audit import AuditEvent
from pippi_desktop.storage.write_errors import remove_quietly
from pippi_desktop.sync.audit_section import encode_audit
from pippi_desktop.sync.bundle_writer import build_bundle
from pippi_desktop.sync.envelope import read_header
from pippi_desktop.sync.manifest import (
    FIELD_TO_OFFICE,
    GENESIS_HASH,
    KIND_CHANGES,
    Manifest,
    OperationRange,
)
from pippi_desktop.sync.operations import encode_operations
from pippi_desktop.version import __version__

log = logging.getLogger(__name__)

MAX_OPERATIONS_PER_BUNDLE = 200_000  # about 70 MB: well inside the 256 MiB limit
BUNDLE_SUFFIX = ".pippi"


@dataclass(frozen=True)
class ExportResult:
    written: bool
    file: Path | None
    seq: int | None
    operations: int
    remaining: int = 0  # operations left for the next bundle (only past the size cap)

    def as_json(self) -> dict[str, Any]:
        return {
            "written": self.written,
            "file": str(self.file) if self.file else None,
            "seq": self.seq,
            "operations": self.operations,
        }


@dataclass(frozen=True)
class _SentSoFar:
    last_seq: int
    last_hash: str
    watermarks: dict[str, int]
    audit_last: int
    last_sent_at: str | None


def _sent_so_far(connection: Connection) -> _SentSoFar:
    """What went to the trusted office so far, under any of its keys (a new office key
    continues the numbering of the old one, see `trust_service._adopt_office_card`)."""
    rows = sync_queries.bundles_sent(connection, sync_queries.office_key_ids(connection))
    watermarks: dict[str, int] = {}
    for row in rows:
        for device_id, _first, last in row.ranges:
            watermarks[device_id] = max(watermarks.get(device_id, 0), last)
    return _SentSoFar(
        last_seq=rows[-1].seq if rows else 0,
        last_hash=rows[-1].bundle_hash if rows else GENESIS_HASH,
        watermarks=watermarks,
        audit_last=max((row.audit_last for row in rows), default=0),
        last_sent_at=rows[-1].created_at if rows else None,
    )


def _chain(workspace: OpenWorkspace, connection: Connection) -> tuple[str, ...]:
    return (workspace.identity.device_id, *sync_queries.previous_device_ids(connection))


def _resolve_output(output: Path | None, name: str) -> Path | None:
    if output is None:
        return None
    output = Path(output)
    target = output / name if output.is_dir() else output
    if target.exists():
        raise InvalidFile("output_exists")
    if not target.parent.is_dir():
        raise InvalidFile("output_unwritable")
    return target


def _verify_written(path: Path, expected: bytes) -> None:
    """Read the file back: same bytes, and a header that parses with the right length."""
    data = path.read_bytes()
    if hashlib.sha256(data).digest() != hashlib.sha256(expected).digest():
        raise OSError("bundle read back differs")
    read_header(data)


def export_bundle(
    workspace: OpenWorkspace, *, output: Path | None = None, full: bool = False
) -> ExportResult:
    require_role(workspace, ROLE_EDUCATOR)
    written: list[Path] = []
    try:
        return _export(workspace, output=output, full=full, written=written)
    except BaseException:
        # not recorded (the transaction did not commit), so never reported: leave no file
        # that could be sent by mistake; on read-only media the removal fails too, and the
        # first error is the one shown
        for path in written:
            remove_quietly(path)
        raise


def _export(
    workspace: OpenWorkspace, *, output: Path | None, full: bool, written: list[Path]
) -> ExportResult:
    store = store_of(workspace)
    identity = workspace.identity
    now = datetime.now(UTC)
    with store.write() as connection:
        office = sync_queries.trusted_office(connection)
        if office is None:
            raise SyncNotSetUp("no_office")
        keys = ensure_keys(connection)
        sent = _sent_so_far(connection)
        seq = sent.last_seq + 1
        name = f"pippi-{now:%Y%m%d}-{seq:04d}-{secrets.token_hex(3)}{BUNDLE_SUFFIX}"
        target = _resolve_output(output, name)
        rows: list[Any] = []
        ranges: list[OperationRange] = []
        budget = MAX_OPERATIONS_PER_BUNDLE
        remaining = 0
        for device_id in _chain(workspace, connection):
            since = 0 if full else sent.watermarks.get(device_id, 0)
            found = sync_queries.operations_after(connection, device_id, since)
            taken = found[: max(budget, 0)]
            remaining += len(found) - len(taken)
            budget -= len(taken)
            if taken:
                rows.extend(taken)
                ranges.append(
                    OperationRange(device_id, int(taken[0]["counter"]), int(taken[-1]["counter"]))
                )
        if not rows:
            return ExportResult(False, None, None, 0)
        audit_since = 0 if full else sent.audit_last
        audit_rows = sync_queries.audit_entries_after(connection, audit_since)
        operations_bytes, operation_count = encode_operations(rows)
        audit_bytes, audit_count = encode_audit(audit_rows)
        revision = migrate.current_revision(connection)
        draft = Manifest(
            bundle_id=str(uuid.uuid4()),
            kind=KIND_CHANGES,
            direction=FIELD_TO_OFFICE,
            sender_device_id=identity.device_id,
            sender_workspace_id=identity.workspace_id,
            previous_device_ids=sync_queries.previous_device_ids(connection),
            recipient_office_id=office.office_id,
            recipient_key_id=office.key_id,
            seq=seq,
            prev_hash=sent.last_hash,
            created_at=now.replace(microsecond=0).isoformat(),
            app_version=__version__[:40],
            schema_version=migrate.schema_number(revision),
            operation_ranges=tuple(ranges),
            audit_range=(
                (int(audit_rows[0]["seq"]), int(audit_rows[-1]["seq"])) if audit_rows else None
            ),
            operation_count=operation_count,
            audit_count=audit_count,
            sections=(),
        )
        built = build_bundle(
            draft,
            sections={"operations": operations_bytes, "audit": audit_bytes},
            keys=keys,
            recipient_key=bytes.fromhex(office.exchange_key),
        )
        outbox_file = store.layout.outbox / name
        make_private_dir(store.layout.outbox)
        written.append(outbox_file)
        write_atomic(outbox_file, built.data)
        _verify_written(outbox_file, built.data)
        if target is not None:
            written.append(target)
            copy_atomic(outbox_file, target)
            _verify_written(target, built.data)
        sync_queries.record_bundle_sent(
            connection,
            BundleSent(
                recipient_key_id=office.key_id,
                seq=seq,
                bundle_id=built.manifest.bundle_id,
                bundle_hash=built.bundle_hash,
                prev_hash=sent.last_hash,
                created_at=draft.created_at,
                file_name=name,
                operations=operation_count,
                ranges=tuple((r.device_id, r.first, r.last) for r in ranges),
                audit_last=max(sent.audit_last, draft.audit_range[1] if draft.audit_range else 0),
            ),
        )
        store.audit(connection, AuditEvent("bundle_exported", "bundle", built.manifest.bundle_id))
    log.info("bundle %s exported: %s operations", seq, operation_count)
    return ExportResult(True, target or outbox_file, seq, operation_count, remaining)


@dataclass(frozen=True)
class OutboxStatus:
    office_name: str | None
    pending_operations: int
    last_seq: int | None
    last_sent_at: str | None


def outbox_status(workspace: OpenWorkspace) -> OutboxStatus:
    """What the status bar shows: changes waiting to be sent, when the last bundle left."""
    with store_of(workspace).read() as connection:
        office = sync_queries.trusted_office(connection)
        sent = _sent_so_far(connection)
        pending = sum(
            sync_queries.count_operations_after(
                connection, device_id, sent.watermarks.get(device_id, 0)
            )
            for device_id in _chain(workspace, connection)
        )
    return OutboxStatus(
        office_name=office.name if office else None,
        pending_operations=pending,
        last_seq=sent.last_seq or None,
        last_sent_at=sent.last_sent_at,
    )
