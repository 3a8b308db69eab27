"""This workspace's own keys: Ed25519 to sign, X25519 to receive (bundles, escrow).

Both private keys are generated when the workspace is created (or, for a workspace made before
schema 0003, the first time sync needs them) and stored only in `sync_keys`, inside the
encrypted database. A restored workspace keeps them: that is how the office recognises a new
incarnation of a device it registered (see docs/bundle-format.md, "Incarnations").

A *key id* names an exchange (X25519) public key in clear text where the key itself is not
needed: the first 16 bytes of SHA-256 over a label and the key, in hex.
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
from sqlalchemy import Connection, insert, select

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
