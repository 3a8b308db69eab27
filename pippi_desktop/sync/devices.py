"""Registered devices at the office: who may send, with which key, and their incarnations.

A bundle is accepted from a device id registered with a device card, or from a *new
incarnation* of one: a workspace restored from a backup gets a new device id but keeps its
signing key, and its manifest lists the earlier ids (`previous_device_ids`, signed). When the
sender's id is unknown, the office looks for a registered id among those earlier ones and
verifies the signature with *that* device's registered key; if it holds, the new id is linked
to the registration (same educator, same key) in the same transaction as the import. Revoking
a device revokes its key, so every incarnation of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, exists, insert, select, update

from pippi_desktop.domain.errors import BundleRejected
from pippi_desktop.storage.changelog_tables import OperationRow
from pippi_desktop.storage.orm import Base
from pippi_desktop.storage.sync_tables import DeviceRow
from pippi_desktop.sync.bundle_codec import signature_valid
from pippi_desktop.sync.cards import DEVICE, fingerprint
from pippi_desktop.sync.manifest import Manifest

_DEVICES = Base.metadata.tables[DeviceRow.__tablename__]


@dataclass(frozen=True)
class Sender:
    registered: Any  # the sync_devices row whose key signed the bundle
    unknown_ids: tuple[str, ...]  # ids of the sender's chain to link to that registration

    @property
    def root_id(self) -> str:
        return str(self.registered.linked_to or self.registered.device_id)


def device_row(connection: Connection, device_id: str) -> Any:
    return connection.execute(select(_DEVICES).where(_DEVICES.c.device_id == device_id)).first()


def key_revoked(connection: Connection, signing_key: str) -> bool:
    return (
        connection.execute(
            select(_DEVICES.c.device_id).where(
                _DEVICES.c.signing_key == signing_key, _DEVICES.c.revoked_at.is_not(None)
            )
        ).first()
        is not None
    )


def identify_sender(
    connection: Connection,
    manifest: Manifest,
    manifest_bytes: bytes,
    signature: bytes,
    *,
    own_device_ids: set[str],
) -> Sender:
    """The registration that signed this bundle: `unknown_device`, `bad_signature`,
    `revoked_device` or, for a chain that mixes in someone else's device ids,
    `invalid_operation`."""
    row = device_row(connection, manifest.sender_device_id)
    candidates = (
        [row]
        if row is not None
        else [
            found
            for previous in manifest.previous_device_ids
            if (found := device_row(connection, previous)) is not None
        ]
    )
    if not candidates:
        raise BundleRejected("unknown_device")
    signer = next(
        (
            candidate
            for candidate in candidates
            if signature_valid(bytes.fromhex(candidate.signing_key), manifest_bytes, signature)
        ),
        None,
    )
    if signer is None:
        raise BundleRejected("bad_signature")
    if key_revoked(connection, signer.signing_key):
        raise BundleRejected("revoked_device")
    unknown: list[str] = []
    for device_id in manifest.chain_device_ids:
        if device_id in own_device_ids:
            raise BundleRejected("invalid_operation")
        found = device_row(connection, device_id)
        if found is None:
            has_ops = connection.execute(
                select(exists().where(OperationRow.device_id == device_id))
            ).scalar()
            if has_ops:  # someone else's operations: a chain cannot claim them
                raise BundleRejected("invalid_operation")
            unknown.append(device_id)
        elif found.signing_key != signer.signing_key:
            raise BundleRejected("invalid_operation")
    return Sender(registered=signer, unknown_ids=tuple(unknown))


def link_incarnations(connection: Connection, sender: Sender, workspace_id: str) -> None:
    """Record the sender's new device ids as incarnations of its registration."""
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    registered = sender.registered
    for device_id in sender.unknown_ids:
        connection.execute(
            insert(_DEVICES).values(
                device_id=device_id,
                workspace_id=workspace_id,
                educator=registered.educator,
                workspace_name=registered.workspace_name,
                signing_key=registered.signing_key,
                exchange_key=registered.exchange_key,
                fingerprint=fingerprint(
                    DEVICE,
                    device_id,
                    bytes.fromhex(registered.signing_key),
                    bytes.fromhex(registered.exchange_key),
                ),
                registered_at=now,
                revoked_at=None,
                linked_to=sender.root_id,
            )
        )


def revoke_key(connection: Connection, signing_key: str, at: str) -> int:
    result = connection.execute(
        update(_DEVICES)
        .where(_DEVICES.c.signing_key == signing_key, _DEVICES.c.revoked_at.is_(None))
        .values(revoked_at=at)
    )
    return int(result.rowcount or 0)


def registration_ids(connection: Connection, signing_key: str) -> set[str]:
    return {
        str(row[0])
        for row in connection.execute(
            select(_DEVICES.c.device_id).where(_DEVICES.c.signing_key == signing_key)
        )
    }
