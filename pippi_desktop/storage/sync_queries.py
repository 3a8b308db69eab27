"""Queries of synchronisation: keys, trust, devices, bundles sent and received, conflicts.

The repository of the sync tables (`storage/sync_tables.py`), in the style of
`casefile_queries.py`: plain functions over the caller's connection (so a use case reads and
writes in one transaction), returning the values of `domain/sync_records.py` or plain rows.
The rules (sequence, signatures, who may send) are in `sync/`, the use cases in `services/`.
Every lookup goes through a primary key or an index; lists of ids are sent in chunks.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, delete, exists, func, insert, select, update

from pippi_desktop.domain.batching import IDS_PER_QUERY, batched
from pippi_desktop.domain.sync_records import (
    BundleReceived,
    BundleSent,
    DeviceRegistration,
    OfficeTrust,
    OperationRanges,
)
from pippi_desktop.storage.changelog_tables import LocalClockRow, OperationRow
from pippi_desktop.storage.meta import read_meta_values, write_meta_values
from pippi_desktop.storage.meta_tables import AuditEntryRow
from pippi_desktop.storage.orm import Base
from pippi_desktop.storage.sync_tables import (
    BundleReceivedRow,
    BundleSentRow,
    ConflictRow,
    DeviceRow,
    ReceivedAuditRow,
    SyncKeysRow,
    TrustedOfficeRow,
)

_KEYS = Base.metadata.tables[SyncKeysRow.__tablename__]
_OFFICE = Base.metadata.tables[TrustedOfficeRow.__tablename__]
_DEVICES = Base.metadata.tables[DeviceRow.__tablename__]
_SENT = Base.metadata.tables[BundleSentRow.__tablename__]
_RECEIVED = Base.metadata.tables[BundleReceivedRow.__tablename__]
_RECEIVED_AUDIT = Base.metadata.tables[ReceivedAuditRow.__tablename__]
_CONFLICTS = Base.metadata.tables[ConflictRow.__tablename__]
_OPS = Base.metadata.tables[OperationRow.__tablename__]
_CLOCK = Base.metadata.tables[LocalClockRow.__tablename__]
_AUDIT = Base.metadata.tables[AuditEntryRow.__tablename__]


def _ranges_json(ranges: OperationRanges) -> str:
    return json.dumps([[device, first, last] for device, first, last in ranges])


def _ranges(text: str) -> OperationRanges:
    return tuple((str(device), int(first), int(last)) for device, first, last in json.loads(text))


# --- this workspace's own keys ------------------------------------------------------------------


def sync_key_row(connection: Connection) -> tuple[str, str] | None:
    """The private signing and exchange keys (hex), or None before they are made."""
    row = connection.execute(select(_KEYS).where(_KEYS.c.id == 1)).first()
    return None if row is None else (row.signing_private, row.exchange_private)


def ensure_sync_key_row(
    connection: Connection, make: Callable[[], tuple[str, str]], *, created_at: str
) -> tuple[str, str]:
    """The stored keys; made by `make` and stored (in the caller's transaction) if missing."""
    existing = sync_key_row(connection)
    if existing is not None:
        return existing
    signing, exchange = make()
    connection.execute(
        insert(_KEYS).values(
            id=1, signing_private=signing, exchange_private=exchange, created_at=created_at
        )
    )
    return signing, exchange


def exchange_key_rows(connection: Connection) -> list[str]:
    """Every private exchange key (hex), the one in use first, then the retired ones."""
    return [
        str(row[0])
        for row in connection.execute(select(_KEYS.c.exchange_private).order_by(_KEYS.c.id))
    ]


def retire_exchange_key(connection: Connection, new_exchange: str, *, created_at: str) -> None:
    """Keep the exchange key in use in a new row (newest last) and put `new_exchange` (hex) in
    its place; the signing key stays."""
    current = connection.execute(select(_KEYS).where(_KEYS.c.id == 1)).first()
    if current is None:
        raise ValueError("no keys to rotate")
    next_id = int(connection.execute(select(func.max(_KEYS.c.id))).scalar() or 1) + 1
    connection.execute(
        insert(_KEYS).values(
            id=next_id,
            signing_private=current.signing_private,
            exchange_private=current.exchange_private,
            created_at=current.created_at,
        )
    )
    connection.execute(
        update(_KEYS)
        .where(_KEYS.c.id == 1)
        .values(exchange_private=new_exchange, created_at=created_at)
    )


def previous_device_ids(connection: Connection) -> tuple[str, ...]:
    """The device ids of this workspace's earlier incarnations (restores), oldest first."""
    raw = read_meta_values(connection).get("previous_device_ids", "")
    return tuple(item for item in raw.split(",") if item)


# --- the educator: the trusted office, the bundles sent -----------------------------------------


def trusted_office(connection: Connection) -> OfficeTrust | None:
    row = connection.execute(select(_OFFICE).where(_OFFICE.c.id == 1)).first()
    if row is None:
        return None
    return OfficeTrust(
        office_id=row.office_id,
        name=row.name,
        signing_key=row.signing_key,
        exchange_key=row.exchange_key,
        key_id=row.key_id,
        fingerprint=row.fingerprint,
        trusted_at=row.trusted_at,
    )


OFFICE_KEY_IDS = "trusted_office_key_ids"  # every key id the trusted office used, oldest first


def office_key_ids(connection: Connection) -> list[str]:
    """The trusted office's key ids, its current one last: bundle numbers run on across them."""
    office = trusted_office(connection)
    if office is None:
        return []
    kept = json.loads(read_meta_values(connection).get(OFFICE_KEY_IDS) or "[]")
    return [key_id for key_id in kept if key_id != office.key_id] + [office.key_id]


def set_trusted_office(
    connection: Connection, office: OfficeTrust, *, key_ids: Sequence[str]
) -> None:
    """Trust `office` instead of any office trusted before; `key_ids`: every exchange key id
    it has used, its current one last (the same office after `rotate-office-keys`)."""
    write_meta_values(connection, {OFFICE_KEY_IDS: json.dumps(list(key_ids))})
    connection.execute(delete(_OFFICE))
    connection.execute(
        insert(_OFFICE).values(
            id=1,
            office_id=office.office_id,
            name=office.name,
            signing_key=office.signing_key,
            exchange_key=office.exchange_key,
            key_id=office.key_id,
            fingerprint=office.fingerprint,
            trusted_at=office.trusted_at,
        )
    )


def bundles_sent(connection: Connection, recipient_key_ids: Sequence[str]) -> list[BundleSent]:
    """The bundles sent to these keys of the office (its current and earlier ones), in
    sequence order."""
    return [
        BundleSent(
            recipient_key_id=row.recipient_key_id,
            seq=int(row.seq),
            bundle_id=row.bundle_id,
            bundle_hash=row.bundle_hash,
            prev_hash=row.prev_hash,
            created_at=row.created_at,
            file_name=row.file_name,
            operations=int(row.operations),
            ranges=_ranges(row.ranges),
            audit_last=int(row.audit_last),
        )
        for row in connection.execute(
            select(_SENT)
            .where(_SENT.c.recipient_key_id.in_(list(recipient_key_ids)))
            .order_by(_SENT.c.seq)
        )
    ]


def record_bundle_sent(connection: Connection, sent: BundleSent) -> None:
    connection.execute(
        insert(_SENT).values(
            recipient_key_id=sent.recipient_key_id,
            seq=sent.seq,
            bundle_id=sent.bundle_id,
            bundle_hash=sent.bundle_hash,
            prev_hash=sent.prev_hash,
            created_at=sent.created_at,
            file_name=sent.file_name,
            operations=sent.operations,
            ranges=_ranges_json(sent.ranges),
            audit_last=sent.audit_last,
        )
    )


def operations_after(connection: Connection, device_id: str, counter: int) -> list[Any]:
    """`op_log` rows (mappings) of one device numbered after `counter`, in order."""
    return list(
        connection.execute(
            select(_OPS)
            .where(_OPS.c.device_id == device_id, _OPS.c.counter > counter)
            .order_by(_OPS.c.counter)
        )
        .mappings()
        .all()
    )


def count_operations_after(connection: Connection, device_id: str, counter: int) -> int:
    return int(
        connection.execute(
            select(func.count())
            .select_from(_OPS)
            .where(_OPS.c.device_id == device_id, _OPS.c.counter > counter)
        ).scalar()
        or 0
    )


def audit_entries_after(connection: Connection, seq: int) -> list[Any]:
    """`audit_log` rows (mappings) numbered after `seq`, in order."""
    return list(
        connection.execute(select(_AUDIT).where(_AUDIT.c.seq > seq).order_by(_AUDIT.c.seq))
        .mappings()
        .all()
    )


# --- the office: devices ------------------------------------------------------------------------


def _registration(row: Any) -> DeviceRegistration:
    return DeviceRegistration(
        device_id=row.device_id,
        workspace_id=row.workspace_id,
        educator=row.educator,
        workspace_name=row.workspace_name,
        signing_key=row.signing_key,
        exchange_key=row.exchange_key,
        fingerprint=row.fingerprint,
        registered_at=row.registered_at,
        revoked_at=row.revoked_at,
        linked_to=row.linked_to,
    )


def device(connection: Connection, device_id: str) -> DeviceRegistration | None:
    row = connection.execute(select(_DEVICES).where(_DEVICES.c.device_id == device_id)).first()
    return None if row is None else _registration(row)


def devices(connection: Connection, device_ids: Iterable[str]) -> dict[str, DeviceRegistration]:
    """The registrations among `device_ids`, by device id."""
    found: dict[str, DeviceRegistration] = {}
    for chunk in batched(sorted(set(device_ids)), IDS_PER_QUERY):
        for row in connection.execute(select(_DEVICES).where(_DEVICES.c.device_id.in_(chunk))):
            found[row.device_id] = _registration(row)
    return found


def all_devices(connection: Connection) -> list[DeviceRegistration]:
    """Every registration, in the order they were registered."""
    return [
        _registration(row)
        for row in connection.execute(
            select(_DEVICES).order_by(_DEVICES.c.registered_at, _DEVICES.c.device_id)
        )
    ]


def add_devices(connection: Connection, registrations: Sequence[DeviceRegistration]) -> None:
    for item in registrations:
        connection.execute(
            insert(_DEVICES).values(
                device_id=item.device_id,
                workspace_id=item.workspace_id,
                educator=item.educator,
                workspace_name=item.workspace_name,
                signing_key=item.signing_key,
                exchange_key=item.exchange_key,
                fingerprint=item.fingerprint,
                registered_at=item.registered_at,
                revoked_at=item.revoked_at,
                linked_to=item.linked_to,
            )
        )


def revoked_keys(connection: Connection, signing_keys: Iterable[str]) -> set[str]:
    """Those of `signing_keys` that some revoked registration holds."""
    keys = sorted(set(signing_keys))
    if not keys:
        return set()
    return {
        str(row[0])
        for row in connection.execute(
            select(_DEVICES.c.signing_key)
            .where(_DEVICES.c.signing_key.in_(keys), _DEVICES.c.revoked_at.is_not(None))
            .distinct()
        )
    }


def revoke_key(connection: Connection, signing_key: str, at: str) -> int:
    """Revoke every registration holding `signing_key`; returns how many were revoked now."""
    result = connection.execute(
        update(_DEVICES)
        .where(_DEVICES.c.signing_key == signing_key, _DEVICES.c.revoked_at.is_(None))
        .values(revoked_at=at)
    )
    return int(result.rowcount or 0)


def registration_ids(connection: Connection, signing_key: str) -> set[str]:
    """The device ids registered with `signing_key` (a device and its incarnations)."""
    return {
        str(row[0])
        for row in connection.execute(
            select(_DEVICES.c.device_id).where(_DEVICES.c.signing_key == signing_key)
        )
    }


def devices_with_operations(connection: Connection, device_ids: Iterable[str]) -> set[str]:
    """Those of `device_ids` with at least one operation in `op_log`."""
    return {
        device_id
        for device_id in set(device_ids)
        if connection.execute(select(exists().where(_OPS.c.device_id == device_id))).scalar()
    }


# --- the office: bundles received ---------------------------------------------------------------


def _received(row: Any) -> BundleReceived:
    return BundleReceived(
        device_id=row.device_id,
        seq=int(row.seq),
        bundle_id=row.bundle_id,
        bundle_hash=row.bundle_hash,
        prev_hash=row.prev_hash,
        created_at=row.created_at,
        imported_at=row.imported_at,
        operations=int(row.operations),
        audit_entries=int(row.audit_entries),
        ranges=_ranges(row.ranges),
        app_version=row.app_version,
        schema_version=int(row.schema_version),
    )


def received_bundle_hash(connection: Connection, bundle_id: str) -> str | None:
    """The hash of the bundle received with this id, if any."""
    row = connection.execute(
        select(_RECEIVED.c.bundle_hash).where(_RECEIVED.c.bundle_id == bundle_id)
    ).first()
    return None if row is None else str(row[0])


def received_around(connection: Connection, device_id: str, seq: int) -> dict[int, BundleReceived]:
    """The bundles received from `device_id` numbered `seq - 1`, `seq` and `seq + 1`."""
    return {
        int(row.seq): _received(row)
        for row in connection.execute(
            select(_RECEIVED).where(
                _RECEIVED.c.device_id == device_id, _RECEIVED.c.seq.between(seq - 1, seq + 1)
            )
        )
    }


def received_seqs(connection: Connection, device_id: str) -> list[int]:
    return sorted(
        int(row[0])
        for row in connection.execute(
            select(_RECEIVED.c.seq).where(_RECEIVED.c.device_id == device_id)
        )
    )


def receipts_by_device(connection: Connection) -> dict[str, list[tuple[int, str]]]:
    """Per sending device: (sequence number, imported at) of every bundle received."""
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for device_id, seq, imported_at in connection.execute(
        select(_RECEIVED.c.device_id, _RECEIVED.c.seq, _RECEIVED.c.imported_at)
    ):
        found[device_id].append((int(seq), imported_at))
    return dict(found)


def record_bundle_received(connection: Connection, received: BundleReceived) -> None:
    connection.execute(
        insert(_RECEIVED).values(
            device_id=received.device_id,
            seq=received.seq,
            bundle_id=received.bundle_id,
            bundle_hash=received.bundle_hash,
            prev_hash=received.prev_hash,
            created_at=received.created_at,
            imported_at=received.imported_at,
            operations=received.operations,
            audit_entries=received.audit_entries,
            ranges=_ranges_json(received.ranges),
            app_version=received.app_version,
            schema_version=received.schema_version,
        )
    )


def count_operations_before(connection: Connection, device_id: str, counter: int) -> int:
    return int(
        connection.execute(
            select(func.count())
            .select_from(_OPS)
            .where(_OPS.c.device_id == device_id, _OPS.c.counter < counter)
        ).scalar()
        or 0
    )


def received_audit_hashes(
    connection: Connection, sender_device_id: str, first: int, last: int
) -> dict[int, str]:
    """The hashes of the audit entries already received from a device, `first`..`last`."""
    return {
        int(row.seq): row.hash
        for row in connection.execute(
            select(_RECEIVED_AUDIT.c.seq, _RECEIVED_AUDIT.c.hash).where(
                _RECEIVED_AUDIT.c.sender_device_id == sender_device_id,
                _RECEIVED_AUDIT.c.seq.between(first, last),
            )
        )
    }


def add_received_audit(connection: Connection, entries: Sequence[Mapping[str, Any]]) -> None:
    """Store received audit entries (rows of `received_audit`, all with the same keys)."""
    insert_rows(connection, _RECEIVED_AUDIT.name, entries)


def observe_lamport(connection: Connection, value: int, *, device_id: str) -> None:
    """Move this workspace's Lamport clock past `value` (versions received from elsewhere)."""
    current = connection.execute(select(_CLOCK.c.lamport).where(_CLOCK.c.id == 1)).scalar()
    if current is None:
        connection.execute(
            insert(_CLOCK).values(
                id=1, device_id=device_id, counter=0, lamport=value, hlc_wall_ms=0, hlc_logical=0
            )
        )
    elif int(current) < value:
        connection.execute(update(_CLOCK).where(_CLOCK.c.id == 1).values(lamport=value))


# --- the office: conflicts ----------------------------------------------------------------------


def all_conflicts(connection: Connection) -> list[Any]:
    """Every row of `conflicts` (mappings)."""
    return list(connection.execute(select(_CONFLICTS)).mappings().all())


def educators_by_device(connection: Connection) -> dict[str, str]:
    return {
        row.device_id: row.educator
        for row in connection.execute(select(_DEVICES.c.device_id, _DEVICES.c.educator))
    }


# --- bulk writes --------------------------------------------------------------------------------


def insert_rows(connection: Connection, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Bulk insert straight through the driver's executemany (all rows have the same keys):
    the import writes tens of thousands of rows, and Core's per-row work would double its
    cost."""
    if not rows:
        return
    columns = list(rows[0])
    statement = (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    )
    connection.exec_driver_sql(statement, [tuple(row[c] for c in columns) for row in rows])
