"""This workspace's own keys: Ed25519 to sign, X25519 to receive (bundles, escrow).

Both private keys are generated when the workspace is created (or, for a workspace made before
schema 0003, the first time sync needs them) and stored only in `sync_keys`, inside the
encrypted database. A restored workspace keeps them: that is how the office recognises a new
incarnation of a device it registered (see docs/bundle-format.md, "Incarnations").

A *key id* names an exchange (X25519) public key in clear text where the key itself is not
needed: the first 16 bytes of SHA-256 over a label and the key, in hex.

`sync_keys` is a key ring: row 1 holds the keys in use; `rotate-office-keys` moves the
exchange key to a new row (2, 3, … newest last) and puts a new one in row 1. Retired exchange
keys still open what was sealed to them (bundles written before the laptops moved, escrow
slots); nothing new is sealed to them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from sqlalchemy import Connection, func, insert, select, update

from pippi_desktop.storage.sync_tables import SyncKeysRow

KEY_BYTES = 32


def key_id(exchange_public: bytes) -> str:
    """The 32-hex-character id of an X25519 public key (shown in bundles and escrow slots)."""
    return hashlib.sha256(b"pippi-desktop key id v1\x00" + exchange_public).digest()[:16].hex()


def public_bytes(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _private_bytes(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


@dataclass(frozen=True)
class IdentityKeys:
    signing: Ed25519PrivateKey
    exchange: X25519PrivateKey

    @property
    def signing_public(self) -> bytes:
        return public_bytes(self.signing.public_key())

    @property
    def exchange_public(self) -> bytes:
        return public_bytes(self.exchange.public_key())

    @property
    def key_id(self) -> str:
        return key_id(self.exchange_public)


def load_identity_keys(connection: Connection) -> IdentityKeys | None:
    row = connection.execute(select(SyncKeysRow).where(SyncKeysRow.id == 1)).first()
    if row is None:
        return None
    return IdentityKeys(
        signing=Ed25519PrivateKey.from_private_bytes(bytes.fromhex(row.signing_private)),
        exchange=X25519PrivateKey.from_private_bytes(bytes.fromhex(row.exchange_private)),
    )


def ensure_identity_keys(connection: Connection) -> IdentityKeys:
    """The stored keys, generated and stored (in the caller's write transaction) if missing."""
    existing = load_identity_keys(connection)
    if existing is not None:
        return existing
    keys = IdentityKeys(signing=Ed25519PrivateKey.generate(), exchange=X25519PrivateKey.generate())
    connection.execute(
        insert(SyncKeysRow).values(
            id=1,
            signing_private=_private_bytes(keys.signing).hex(),
            exchange_private=_private_bytes(keys.exchange).hex(),
            created_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
        )
    )
    return keys


def exchange_key_ring(connection: Connection) -> dict[str, X25519PrivateKey]:
    """Every exchange key of this workspace by key id: the current one and the retired ones."""
    ring: dict[str, X25519PrivateKey] = {}
    for row in connection.execute(select(SyncKeysRow).order_by(SyncKeysRow.id)):
        private = X25519PrivateKey.from_private_bytes(bytes.fromhex(row.exchange_private))
        ring[key_id(public_bytes(private.public_key()))] = private
    return ring


def rotate_exchange_key(connection: Connection) -> IdentityKeys:
    """Retire the current exchange key (kept for opening what was sealed to it) and make a new
    one; the signing key stays, so cards and bundles signed before keep verifying."""
    current = connection.execute(select(SyncKeysRow).where(SyncKeysRow.id == 1)).first()
    if current is None:
        raise ValueError("no keys to rotate")
    next_id = int(connection.execute(select(func.max(SyncKeysRow.id))).scalar() or 1) + 1
    connection.execute(
        insert(SyncKeysRow).values(
            id=next_id,
            signing_private=current.signing_private,
            exchange_private=current.exchange_private,
            created_at=current.created_at,
        )
    )
    fresh = X25519PrivateKey.generate()
    connection.execute(
        update(SyncKeysRow)
        .where(SyncKeysRow.id == 1)
        .values(
            exchange_private=_private_bytes(fresh).hex(),
            created_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
        )
    )
    keys = load_identity_keys(connection)
    assert keys is not None
    return keys
