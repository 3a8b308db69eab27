"""This workspace's own sync keys inside a transaction (for the sync services only).

The private keys live as hex in `sync_keys` (`storage.sync_queries`); `sync.identity_keys`
turns them into keys. Made the first time they are needed (a workspace created before schema
0003) or when the workspace is created.
"""

from __future__ import annotations

from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import Connection

from pippi_desktop.storage import sync_queries
from pippi_desktop.sync.identity_keys import (
    IdentityKeys,
    key_ring,
    new_exchange_hex,
    new_private_hex,
)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def stored_keys(connection: Connection) -> IdentityKeys | None:
    row = sync_queries.sync_key_row(connection)
    return None if row is None else IdentityKeys.from_private_hex(*row)


def ensure_keys(connection: Connection) -> IdentityKeys:
    """The stored keys, made and stored (in the caller's write transaction) if missing."""
    return IdentityKeys.from_private_hex(
        *sync_queries.ensure_sync_key_row(connection, new_private_hex, created_at=_now())
    )


def exchange_key_ring(connection: Connection) -> dict[str, X25519PrivateKey]:
    """Every exchange key of this workspace by key id: the one in use and the retired ones."""
    return key_ring(sync_queries.exchange_key_rows(connection))


def rotate_exchange_key(connection: Connection) -> IdentityKeys:
    """Retire the exchange key in use (kept for opening what was sealed to it) and make a new
    one; the signing key stays, so cards and bundles signed before keep verifying."""
    sync_queries.retire_exchange_key(connection, new_exchange_hex(), created_at=_now())
    keys = stored_keys(connection)
    assert keys is not None
    return keys
