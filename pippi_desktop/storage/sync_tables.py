"""Tables of synchronisation (schema 0003): keys, trust, bundles sent and received, conflicts.

- `sync_keys`: this workspace's own Ed25519 (signing) and X25519 (exchange) private keys, one
  row. They live only here, inside the encrypted database.
- `trusted_office` (educator): the office whose card was checked in person; bundles are
  encrypted to its exchange key and the escrow key slot is sealed to it. One row.
- `sync_devices` (office): the registered devices. A restored workspace (a new incarnation
  with a new device id) appears as another row `linked_to` the registered one; revoking a
  device revokes every row that shares its signing key.
- `bundles_sent` (educator) and `bundles_received` (office): the sequence of bundles per
  recipient / per sending device, with the hash chain that catches replays and rollbacks.
- `received_audit` (office): the audit entries the devices sent (ids and field names only).
- `conflicts` (office): values that lost to a concurrent edit, edits made after a concurrent
  delete, and family codes used twice; the office reviews them.
"""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pippi_desktop.storage.orm import Base

ID_LEN = 36
HEX_KEY_LEN = 64


class SyncKeysRow(Base):
    __tablename__ = "sync_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    signing_private: Mapped[str] = mapped_column(String(HEX_KEY_LEN), nullable=False)
    exchange_private: Mapped[str] = mapped_column(String(HEX_KEY_LEN), nullable=False)
    created_at: Mapped[str] = mapped_column(String(32), nullable=False)


class TrustedOfficeRow(Base):
    __tablename__ = "trusted_office"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_id: Mapped[str] = mapped_column(String(ID_LEN), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    signing_key: Mapped[str] = mapped_column(String(HEX_KEY_LEN), nullable=False)
    exchange_key: Mapped[str] = mapped_column(String(HEX_KEY_LEN), nullable=False)
    key_id: Mapped[str] = mapped_column(String(32), nullable=False)
    fingerprint: Mapped[str] = mapped_column(String(40), nullable=False)
    trusted_at: Mapped[str] = mapped_column(String(32), nullable=False)


class DeviceRow(Base):
    __tablename__ = "sync_devices"

    device_id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    workspace_id: Mapped[str] = mapped_column(String(ID_LEN), nullable=False)
    educator: Mapped[str] = mapped_column(String(120), nullable=False)
    workspace_name: Mapped[str] = mapped_column(String(200), nullable=False)
    signing_key: Mapped[str] = mapped_column(String(HEX_KEY_LEN), nullable=False, index=True)
    exchange_key: Mapped[str] = mapped_column(String(HEX_KEY_LEN), nullable=False)
    fingerprint: Mapped[str] = mapped_column(String(40), nullable=False)
    registered_at: Mapped[str] = mapped_column(String(32), nullable=False)
    revoked_at: Mapped[str | None] = mapped_column(String(32))
    linked_to: Mapped[str | None] = mapped_column(String(ID_LEN))


class BundleSentRow(Base):
    __tablename__ = "bundles_sent"

    recipient_key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(ID_LEN), nullable=False, unique=True)
    bundle_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[str] = mapped_column(String(32), nullable=False)
    file_name: Mapped[str] = mapped_column(String(120), nullable=False)
    operations: Mapped[int] = mapped_column(Integer, nullable=False)
    ranges: Mapped[str] = mapped_column(Text, nullable=False)  # JSON [[device, first, last]]
    audit_last: Mapped[int] = mapped_column(Integer, nullable=False)


class BundleReceivedRow(Base):
    __tablename__ = "bundles_received"

    device_id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(ID_LEN), nullable=False, unique=True)
    bundle_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[str] = mapped_column(String(32), nullable=False)  # sender's clock
    imported_at: Mapped[str] = mapped_column(String(32), nullable=False)
    operations: Mapped[int] = mapped_column(Integer, nullable=False)
    audit_entries: Mapped[int] = mapped_column(Integer, nullable=False)
    ranges: Mapped[str] = mapped_column(Text, nullable=False)
    app_version: Mapped[str] = mapped_column(String(40), nullable=False)
    schema_version: Mapped[int] = mapped_column(Integer, nullable=False)


class ReceivedAuditRow(Base):
    __tablename__ = "received_audit"

    sender_device_id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(32), nullable=False)
    device_id: Mapped[str] = mapped_column(String(ID_LEN), nullable=False)
    actor: Mapped[str] = mapped_column(String(64), nullable=False)
    action: Mapped[str] = mapped_column(String(32), nullable=False)
    record_type: Mapped[str] = mapped_column(String(32), nullable=False)
    record_id: Mapped[str] = mapped_column(String(ID_LEN), nullable=False)
    fields: Mapped[str] = mapped_column(Text, nullable=False)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)
    bundle_id: Mapped[str] = mapped_column(String(ID_LEN), nullable=False)


class ConflictRow(Base):
    __tablename__ = "conflicts"
    __table_args__ = (Index("ix_conflicts_record", "record_id"),)

    id: Mapped[str] = mapped_column(String(ID_LEN), primary_key=True)
    kind: Mapped[str] = mapped_column(String(24), nullable=False)
    record_type: Mapped[str] = mapped_column(String(32), nullable=False)
    record_id: Mapped[str] = mapped_column(String(ID_LEN), nullable=False)
    family_id: Mapped[str | None] = mapped_column(String(ID_LEN))
    field: Mapped[str | None] = mapped_column(String(64))
    winner_version: Mapped[str | None] = mapped_column(String(80))  # JSON [lamport, device]
    winner_value: Mapped[str | None] = mapped_column(Text)  # JSON
    loser_version: Mapped[str | None] = mapped_column(String(80))
    loser_device: Mapped[str | None] = mapped_column(String(ID_LEN))
    loser_value: Mapped[str | None] = mapped_column(Text)  # JSON
    detected_at: Mapped[str] = mapped_column(String(32), nullable=False)
    reviewed_at: Mapped[str | None] = mapped_column(String(32))
