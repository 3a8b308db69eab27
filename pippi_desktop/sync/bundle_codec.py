"""The inside of a bundle: manifest, Ed25519 signature, sections.

    magic "PIPPIMAN" (8) | manifest length u32 | manifest (canonical JSON)
    | signature (64): Ed25519 over "pippi-desktop bundle manifest v1\\0" + manifest
    | the sections' bytes, one after the other, in the manifest's order and lengths

Nothing here is a path or a file name: sections are byte ranges named by the manifest, and they
are only ever parsed in memory.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from pippi_desktop.domain.errors import BundleRejected
from pippi_desktop.sync.manifest import MAX_MANIFEST_BYTES, Manifest, parse_manifest

MAGIC = b"PIPPIMAN"
SIGNATURE_BYTES = 64
SIGNATURE_CONTEXT = b"pippi-desktop bundle manifest v1\x00"
_LENGTH = struct.Struct(">I")


@dataclass(frozen=True)
class Unpacked:
    manifest: Manifest
    manifest_bytes: bytes
    signature: bytes
    body: bytes


def sign_manifest(key: Ed25519PrivateKey, manifest_bytes: bytes) -> bytes:
    return key.sign(SIGNATURE_CONTEXT + manifest_bytes)


def signature_valid(public_key: bytes, manifest_bytes: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            signature, SIGNATURE_CONTEXT + manifest_bytes
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def pack_payload(manifest_bytes: bytes, signature: bytes, sections: list[bytes]) -> bytes:
    return b"".join(
        [MAGIC, _LENGTH.pack(len(manifest_bytes)), manifest_bytes, signature, *sections]
    )


def unpack_payload(plaintext: bytes) -> Unpacked:
    """Split the decrypted payload and parse the manifest strictly (signature not yet checked)."""
    if len(plaintext) < len(MAGIC) + _LENGTH.size or plaintext[: len(MAGIC)] != MAGIC:
        raise BundleRejected("not_a_bundle")
    (length,) = _LENGTH.unpack_from(plaintext, len(MAGIC))
    start = len(MAGIC) + _LENGTH.size
    if length > MAX_MANIFEST_BYTES or len(plaintext) < start + length + SIGNATURE_BYTES:
        raise BundleRejected("not_a_bundle")
    manifest_bytes = plaintext[start : start + length]
    manifest = parse_manifest(manifest_bytes)
    signature = plaintext[start + length : start + length + SIGNATURE_BYTES]
    return Unpacked(manifest, manifest_bytes, signature, plaintext[start + length + 64 :])


def split_sections(unpacked: Unpacked) -> dict[str, bytes]:
    """The sections, each checked against its signed length and SHA-256 (`digest_mismatch`)."""
    sections = unpacked.manifest.sections
    if sum(section.length for section in sections) != len(unpacked.body):
        raise BundleRejected("digest_mismatch")
    result: dict[str, bytes] = {}
    position = 0
    for section in sections:
        data = unpacked.body[position : position + section.length]
        position += section.length
        if hashlib.sha256(data).hexdigest() != section.sha256:
            raise BundleRejected("digest_mismatch")
        result[section.name] = data
    return result
