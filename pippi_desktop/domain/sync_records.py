"""What the workspace remembers of synchronisation: trust, devices and the bundles exchanged.

Plain values read and written by `storage/sync_queries.py` (tables of `storage/sync_tables.py`),
checked by the rules of `sync/` and used by the services. Keys and hashes are hex text; a
bundle's operation ranges are `(device_id, first counter, last counter)`.
"""

from __future__ import annotations

from dataclasses import dataclass

OperationRanges = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class OfficeTrust:
    """The office an educator's workspace trusts (one at a time), checked in person."""

    office_id: str
    name: str
    signing_key: str
    exchange_key: str
    key_id: str
    fingerprint: str
    trusted_at: str


@dataclass(frozen=True)
class DeviceRegistration:
    """A device the office registered, or a new incarnation of one (`linked_to`)."""

    device_id: str
    workspace_id: str
    educator: str
    workspace_name: str
    signing_key: str
    exchange_key: str
    fingerprint: str
    registered_at: str
    revoked_at: str | None = None
    linked_to: str | None = None

    @property
    def root_id(self) -> str:
        """The device id of the registration (the first incarnation)."""
        return self.linked_to or self.device_id


@dataclass(frozen=True)
class BundleSent:
    recipient_key_id: str
    seq: int
    bundle_id: str
    bundle_hash: str
    prev_hash: str
    created_at: str
    file_name: str
    operations: int
    ranges: OperationRanges
    audit_last: int


@dataclass(frozen=True)
class BundleReceived:
    device_id: str
    seq: int
    bundle_id: str
    bundle_hash: str
    prev_hash: str
    created_at: str  # the sender's clock
    imported_at: str
    operations: int
    audit_entries: int
    ranges: OperationRanges
    app_version: str
    schema_version: int
