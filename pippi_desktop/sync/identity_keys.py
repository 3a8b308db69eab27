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

The keys are kept as hex text by `storage.sync_queries` (`sync_key_row`,
`ensure_sync_key_row`, `exchange_key_rows`, `retire_exchange_key`); `IdentityKeys.
from_private_hex`, `new_private_hex`, `new_exchange_hex` and `key_ring` convert.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

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

    @classmethod
    def from_private_hex(cls, signing: str, exchange: str) -> IdentityKeys:
        """The keys as stored: both private keys in hex."""
        return cls(
            signing=Ed25519PrivateKey.from_private_bytes(bytes.fromhex(signing)),
            exchange=X25519PrivateKey.from_private_bytes(bytes.fromhex(exchange)),
        )

    def private_hex(self) -> tuple[str, str]:
        return _private_bytes(self.signing).hex(), _private_bytes(self.exchange).hex()


def new_private_hex() -> tuple[str, str]:
    """A new pair of private keys (signing, exchange), in hex, for storing."""
    return IdentityKeys(
        signing=Ed25519PrivateKey.generate(), exchange=X25519PrivateKey.generate()
    ).private_hex()


def new_exchange_hex() -> str:
    """A new private exchange key, in hex, for storing."""
    return _private_bytes(X25519PrivateKey.generate()).hex()


def key_ring(exchange_hex: list[str]) -> dict[str, X25519PrivateKey]:
    """The stored exchange keys (hex; the current one first) by key id."""
    ring: dict[str, X25519PrivateKey] = {}
    for text in exchange_hex:
        private = X25519PrivateKey.from_private_bytes(bytes.fromhex(text))
        ring[key_id(public_bytes(private.public_key()))] = private
    return ring
