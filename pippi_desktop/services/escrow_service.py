"""Escrow recovery: the office reopens an educator's workspace and sets a new passphrase.

For a workspace whose passphrase and recovery code are both lost. The office, with its own
workspace unlocked (its private exchange keys live inside it), opens the escrow key slot that
the educator's workspace added when it trusted this office (sealed to the office's current
exchange key or to one `rotate-office-keys` retired), sets the new passphrase and changes the
data key like any passphrase change. Both workspaces record it in their audit log.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from pippi_desktop.domain.errors import CannotWrite, EscrowUnavailable
from pippi_desktop.domain.workspace_identity import ROLE_OFFICE
from pippi_desktop.services._identity_keys import exchange_key_ring
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.services.trust_service import require_role
from pippi_desktop.services.workspace_service import (
    KeyChange,
    _open_store,
    check_workspace_path,
    rotate_data_key,
    validate_new_passphrase,
)
from pippi_desktop.storage import keyslots as ks
from pippi_desktop.storage.audit import AuditEvent
from pippi_desktop.storage.layout import WorkspaceLayout
from pippi_desktop.sync.escrow import UnsealFailed, unseal_data_key

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EscrowRecovery:
    workspace_id: str
    key_change: KeyChange  # a new recovery code to hand over, if the old one could not follow


def _slots_sealed_to(slots: ks.KeySlots, key_ids: set[str]) -> list[str]:
    found = [str(slot.kdf.get("office_key_id")) for slot in slots.of_kind(ks.ESCROW)]
    if slots.pending is not None:
        upcoming, _mac = slots.next()
        found += [str(slot.kdf.get("office_key_id")) for slot in upcoming.of_kind(ks.ESCROW)]
    return [key_id for key_id in found if key_id in key_ids]


def recover_with_escrow(
    educator_path: Path, *, office: OpenWorkspace, new_passphrase: str
) -> EscrowRecovery:
    """Set `new_passphrase` on the workspace at `educator_path` and change its data key."""
    require_role(office, ROLE_OFFICE)
    validate_new_passphrase(new_passphrase)
    office_store = store_of(office)
    with office_store.read() as connection:
        ring = exchange_key_ring(connection)
    if not ring:
        raise EscrowUnavailable()
    check_workspace_path(Path(educator_path))
    slots, _mac = ks.load(WorkspaceLayout(Path(educator_path)).keyslots)
    if not _slots_sealed_to(slots, set(ring)):
        raise EscrowUnavailable()

    def unlock(found: ks.KeySlots) -> bytearray:
        for key_id in _slots_sealed_to(found, set(ring)):
            private = ring[key_id]

            def unseal(sealed: bytes, private: X25519PrivateKey = private) -> bytes:
                return unseal_data_key(sealed, private, found.workspace_id)

            try:
                return ks.unlock_with_escrow(found, key_id, unseal)
            except UnsealFailed:
                continue
        raise EscrowUnavailable()

    with OpenWorkspace(_open_store(Path(educator_path), unlocker=unlock)) as workspace:
        change = rotate_data_key(workspace, passphrase=new_passphrase)
        store = store_of(workspace)
        try:
            with store.write() as connection:
                store.audit(connection, AuditEvent("passphrase_recovered_by_office", "workspace"))
        except CannotWrite:
            log.warning("audit entry of the escrow recovery not written")
        recovered = workspace.identity.workspace_id
    with office_store.write() as connection:
        office_store.audit(connection, AuditEvent("escrow_recovery", "workspace", recovered))
    log.info("passphrase reset through the office escrow slot, data key changed")
    return EscrowRecovery(recovered, change)
