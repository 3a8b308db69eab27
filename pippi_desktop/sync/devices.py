"""Registered devices at the office: who may send, with which key, and their incarnations.

A bundle is accepted from a device id registered with a device card, or from a *new
incarnation* of one: a workspace restored from a backup gets a new device id but keeps its
signing key, and its manifest lists the earlier ids (`previous_device_ids`, signed). When the
sender's id is unknown, the office looks for a registered id among those earlier ones and
verifies the signature with *that* device's registered key; if it holds, the new id is linked
to the registration (same educator, same key) in the same transaction as the import. Revoking
a device revokes its key, so every incarnation of it.

The rules only: the registrations come from `storage.sync_queries` (the import loads them for
the ids the manifest names) and the new incarnations go back there.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from pippi_desktop.domain.errors import BundleRejected
from pippi_desktop.domain.sync_records import DeviceRegistration
from pippi_desktop.sync.bundle_codec import signature_valid
from pippi_desktop.sync.cards import DEVICE, fingerprint
from pippi_desktop.sync.manifest import Manifest


@dataclass(frozen=True)
class Sender:
    registered: DeviceRegistration  # the registration whose key signed the bundle
    unknown_ids: tuple[str, ...]  # ids of the sender's chain to link to that registration

    @property
    def root_id(self) -> str:
        return self.registered.root_id


def ids_to_look_up(manifest: Manifest) -> set[str]:
    """The device ids whose registrations `identify_sender` needs."""
    return {manifest.sender_device_id, *manifest.previous_device_ids, *manifest.chain_device_ids}


def identify_sender(
    manifest: Manifest,
    manifest_bytes: bytes,
    signature: bytes,
    *,
    registrations: Mapping[str, DeviceRegistration],
    is_revoked: Callable[[str], bool],
    has_operations: Callable[[str], bool],
    own_device_ids: Collection[str],
) -> Sender:
    """The registration that signed this bundle: `unknown_device`, `bad_signature`,
    `revoked_device` or, for a chain that mixes in someone else's device ids,
    `invalid_operation`.

    `registrations`: those of `ids_to_look_up(manifest)` the office holds; `is_revoked(key)`:
    whether any registration of a signing key is revoked; `has_operations(device_id)`: whether
    the office holds operations of a device (a chain cannot claim someone else's)."""
    row = registrations.get(manifest.sender_device_id)
    candidates = (
        [row]
        if row is not None
        else [
            found
            for previous in manifest.previous_device_ids
            if (found := registrations.get(previous)) is not None
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
    if is_revoked(signer.signing_key):
        raise BundleRejected("revoked_device")
    unknown: list[str] = []
    for device_id in manifest.chain_device_ids:
        if device_id in own_device_ids:
            raise BundleRejected("invalid_operation")
        found = registrations.get(device_id)
        if found is None:
            if has_operations(device_id):  # someone else's operations: a chain cannot claim them
                raise BundleRejected("invalid_operation")
            unknown.append(device_id)
        elif found.signing_key != signer.signing_key:
            raise BundleRejected("invalid_operation")
    return Sender(registered=signer, unknown_ids=tuple(unknown))


def new_incarnations(sender: Sender, workspace_id: str, *, at: str) -> list[DeviceRegistration]:
    """The registrations that link the sender's new device ids to its registration."""
    registered = sender.registered
    return [
        DeviceRegistration(
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
            registered_at=at,
            revoked_at=None,
            linked_to=sender.root_id,
        )
        for device_id in sender.unknown_ids
    ]
