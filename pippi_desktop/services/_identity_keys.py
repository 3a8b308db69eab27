"""This workspace's own sync keys inside a transaction (for the sync services only).

The private keys live as hex in `sync_keys` (`storage.sync_queries`); `sync.identity_keys`
turns them into keys. Made the first time they are needed (a workspace created before schema
0003) or when the workspace is created.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection

from pippi_desktop.storage import sync_queries
from pippi_desktop.sync.identity_keys import IdentityKeys, new_private_hex


def stored_keys(connection: Connection) -> IdentityKeys | None:
    row = sync_queries.sync_key_row(connection)
    return None if row is None else IdentityKeys.from_private_hex(*row)


def ensure_keys(connection: Connection) -> IdentityKeys:
    """The stored keys, made and stored (in the caller's write transaction) if missing."""
    created_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    return IdentityKeys.from_private_hex(
        *sync_queries.ensure_sync_key_row(connection, new_private_hex, created_at=created_at)
    )
