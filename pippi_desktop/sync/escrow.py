"""The escrow key slot: the workspace's data key sealed to the trusted office's X25519 key.

HPKE base mode (RFC 9180), X25519 / HKDF-SHA256 / ChaCha20-Poly1305, single shot, with
`info` binding the workspace id, so a sealed key copied into another workspace's key file
does not open. Only the office, with its own workspace unlocked (its private key lives inside
its encrypted database), can unseal it: `recover-escrow`.
"""

from __future__ import annotations

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite

CONSTRUCTION = "hpke-x25519-sha256-chacha20poly1305"
_SUITE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.CHACHA20_POLY1305)


class UnsealFailed(Exception):
    """The office key did not open the escrow slot."""


def _info(workspace_id: str) -> bytes:
    return b"pippi-desktop escrow v1\x00" + workspace_id.encode("ascii")


def seal_data_key(data_key: bytes, office_key: bytes, workspace_id: str) -> bytes:
    public = X25519PublicKey.from_public_bytes(office_key)
    return _SUITE.encrypt(data_key, public, info=_info(workspace_id))


def unseal_data_key(sealed: bytes, office_key: X25519PrivateKey, workspace_id: str) -> bytes:
    try:
        return _SUITE.decrypt(sealed, office_key, info=_info(workspace_id))
    except (InvalidTag, ValueError):
        raise UnsealFailed() from None
