"""Escrow recovery: the office reopens an educator's workspace and sets a new passphrase.

For a workspace whose passphrase and recovery code are both lost. The office, with its own
workspace unlocked (its private exchange key lives inside it), opens the escrow key slot that
the educator's workspace added when it trusted this office, and sets the new passphrase. Both
workspaces record it in their audit log.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pippi_desktop.domain.errors import EscrowUnavailable
from pippi_desktop.domain.workspace_identity import ROLE_OFFICE
from pippi_desktop.services._identity_keys import stored_keys
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.services.trust_service import require_role
from pippi_desktop.services.workspace_service import (
    _kdf_params_from_env,
    _open_store,
    check_workspace_path,
    validate_new_passphrase,
)
from pippi_desktop.storage import keyslots as ks
from pippi_desktop.storage.audit import AuditEvent
from pippi_desktop.storage.layout import WorkspaceLayout
from pippi_desktop.sync.escrow import UnsealFailed, unseal_data_key

log = logging.getLogger(__name__)


def recover_with_escrow(educator_path: Path, *, office: OpenWorkspace, new_passphrase: str) -> str:
    """Set `new_passphrase` on the workspace at `educator_path`; returns its workspace id."""
    require_role(office, ROLE_OFFICE)
    validate_new_passphrase(new_passphrase)
    office_store = store_of(office)
    with office_store.read() as connection:
        keys = stored_keys(connection)
    if keys is None:
        raise EscrowUnavailable()
    check_workspace_path(Path(educator_path))
    slots, _mac = ks.load(WorkspaceLayout(Path(educator_path)).keyslots)
    if not any(slot.kdf.get("office_key_id") == keys.key_id for slot in slots.of_kind(ks.ESCROW)):
        raise EscrowUnavailable()

    def unlock(found: ks.KeySlots) -> bytearray:
        try:
            return ks.unlock_with_escrow(
                found,
                keys.key_id,
                lambda sealed: unseal_data_key(sealed, keys.exchange, found.workspace_id),
            )
        except UnsealFailed:
            raise EscrowUnavailable() from None

    with _open_store(Path(educator_path), unlocker=unlock) as workspace:
        workspace.set_passphrase(new_passphrase, _kdf_params_from_env())
        with workspace.write() as connection:
            workspace.audit(connection, AuditEvent("passphrase_recovered_by_office", "workspace"))
        recovered = workspace.identity.workspace_id
    with office_store.write() as connection:
        office_store.audit(connection, AuditEvent("escrow_recovery", "workspace", recovered))
    log.info("passphrase reset through the office escrow slot")
    return recovered
