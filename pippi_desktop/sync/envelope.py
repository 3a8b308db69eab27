"""The outside of a bundle file: encrypted to the recipient's X25519 key (HPKE + chunked AEAD).

Layout (all integers big-endian; docs/bundle-format.md has the full description):

    magic "PIPPISYN" (8) | envelope version u16 = 1 | direction u8 | reserved u8 = 0
    | recipient key id (16) | chunk size u32 | plaintext length u64 | sealed key length u16
    | sealed file key: HPKE base mode (RFC 9180) X25519 / HKDF-SHA256 / ChaCha20-Poly1305
      of a random 32-byte file key, info = "pippi-desktop bundle v1" + header bytes so far
    | chunks: ChaCha20-Poly1305 under HKDF-SHA256(file key), nonce = 11-byte chunk counter
      + 1 byte "last chunk" flag (the STREAM construction), associated data = the whole
      header (everything before the first chunk)

Every size is checked against the limits and against the file's length before any decryption,
so a huge or truncated file is refused without work. A changed bit anywhere makes either the
header checks, the HPKE opening or a chunk's tag fail. Truncating at a chunk boundary is caught
by the length and the last-chunk flag.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from pippi_desktop.domain.errors import BundleRejected
from pippi_desktop.sync.identity_keys import key_id, public_bytes

MAGIC = b"PIPPISYN"
ENVELOPE_VERSION = 1
TO_OFFICE = 1
TO_FIELD = 2
DIRECTIONS = (TO_OFFICE, TO_FIELD)
CHUNK_SIZE = 1 << 20
MIN_CHUNK = 1 << 10
MAX_CHUNK = 1 << 24
MAX_BUNDLE_BYTES = 256 * 1024 * 1024
MAX_BUNDLE_MIB = MAX_BUNDLE_BYTES // (1024 * 1024)
TAG_BYTES = 16
FILE_KEY_BYTES = 32
_FIXED = struct.Struct(">8sHBB16sIQH")
HEADER_BYTES = _FIXED.size  # 42
SEALED_KEY_BYTES = 32 + FILE_KEY_BYTES + TAG_BYTES  # HPKE enc + sealed key + tag
INFO = b"pippi-desktop bundle v1"
PAYLOAD_INFO = b"pippi-desktop bundle payload v1"
SUITE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.CHACHA20_POLY1305)


@dataclass(frozen=True)
class EnvelopeHeader:
    version: int
    direction: int
    recipient_key_id: str
    chunk_size: int
    plaintext_length: int
    sealed_key: bytes
    header_bytes: bytes  # everything before the first chunk

    @property
    def chunks(self) -> int:
        return max(1, -(-self.plaintext_length // self.chunk_size))

    @property
    def file_length(self) -> int:
        return len(self.header_bytes) + self.plaintext_length + TAG_BYTES * self.chunks


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _payload_cipher(file_key: bytes) -> ChaCha20Poly1305:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=PAYLOAD_INFO).derive(file_key)
    return ChaCha20Poly1305(key)


def seal(
    plaintext: bytes,
    recipient: X25519PublicKey,
    *,
    direction: int,
    chunk_size: int = CHUNK_SIZE,
) -> bytes:
    """The whole file content for `plaintext`, readable only with the recipient's key."""
    if direction not in DIRECTIONS or not MIN_CHUNK <= chunk_size <= MAX_CHUNK:
        raise ValueError("bad envelope parameters")
    fixed = _FIXED.pack(
        MAGIC,
        ENVELOPE_VERSION,
        direction,
        0,
        bytes.fromhex(key_id(public_bytes(recipient))),
        chunk_size,
        len(plaintext),
        SEALED_KEY_BYTES,
    )
    file_key = os.urandom(FILE_KEY_BYTES)
    sealed_key = SUITE.encrypt(file_key, recipient, info=INFO + fixed)
    header = fixed + sealed_key
    cipher = _payload_cipher(file_key)
    count = max(1, -(-len(plaintext) // chunk_size))
    parts = [header]
    view = memoryview(plaintext)
    for index in range(count):
        chunk = bytes(view[index * chunk_size : (index + 1) * chunk_size])
        parts.append(cipher.encrypt(_nonce(index, index == count - 1), chunk, header))
    return b"".join(parts)


def read_header(data: bytes, *, file_length: int | None = None) -> EnvelopeHeader:
    """Parse and check the clear header (no key needed); refusals are `BundleRejected`."""
    if len(data) < HEADER_BYTES or data[:8] != MAGIC:
        raise BundleRejected("not_a_bundle")
    _magic, version, direction, reserved, recipient, chunk_size, length, sealed_len = (
        _FIXED.unpack_from(data)
    )
    if version != ENVELOPE_VERSION:
        raise BundleRejected("unsupported_version")
    if direction not in DIRECTIONS or reserved != 0 or sealed_len != SEALED_KEY_BYTES:
        raise BundleRejected("not_a_bundle")
    if not MIN_CHUNK <= chunk_size <= MAX_CHUNK:
        raise BundleRejected("not_a_bundle")
    if length > MAX_BUNDLE_BYTES:
        raise BundleRejected("too_large", maximum=MAX_BUNDLE_MIB)
    if len(data) < HEADER_BYTES + sealed_len:
        raise BundleRejected("not_a_bundle")
    header = EnvelopeHeader(
        version=version,
        direction=direction,
        recipient_key_id=recipient.hex(),
        chunk_size=chunk_size,
        plaintext_length=length,
        sealed_key=data[HEADER_BYTES : HEADER_BYTES + sealed_len],
        header_bytes=data[: HEADER_BYTES + sealed_len],
    )
    actual = len(data) if file_length is None else file_length
    if actual != header.file_length:
        raise BundleRejected("not_a_bundle")
    return header


def open_sealed(data: bytes, private_key: X25519PrivateKey) -> tuple[EnvelopeHeader, bytes]:
    """Check the header, that it is addressed to `private_key`, and decrypt every chunk."""
    header = read_header(data)
    if header.recipient_key_id != key_id(public_bytes(private_key.public_key())):
        raise BundleRejected("wrong_recipient")
    fixed = header.header_bytes[:HEADER_BYTES]
    try:
        file_key = SUITE.decrypt(header.sealed_key, private_key, info=INFO + fixed)
        if len(file_key) != FILE_KEY_BYTES:
            raise BundleRejected("not_a_bundle")
        cipher = _payload_cipher(file_key)
        position = len(header.header_bytes)
        parts = []
        for index in range(header.chunks):
            last = index == header.chunks - 1
            size = (
                header.plaintext_length - index * header.chunk_size if last else header.chunk_size
            )
            end = position + size + TAG_BYTES
            parts.append(
                cipher.decrypt(_nonce(index, last), data[position:end], header.header_bytes)
            )
            position = end
    except (InvalidTag, ValueError):
        raise BundleRejected("not_a_bundle") from None
    plaintext = b"".join(parts)
    if len(plaintext) != header.plaintext_length:
        raise BundleRejected("not_a_bundle")
    return header, plaintext
