"""The cryptography of key slots: Argon2id for passphrases, recovery codes, key wrapping.

The data key (32 random bytes) keys the SQLCipher database. It is never stored in clear: each
way to unlock derives a key-encryption key and wraps the data key with ChaCha20-Poly1305,
binding the slot's public fields (kind, id, KDF parameters, workspace id) as associated data,
so that editing a parameter makes the slot fail instead of silently weakening it.

Recovery codes carry 150 random bits in 30 Crockford base32 characters plus 2 check
characters (typing mistakes are caught before any key derivation), shown as 8 groups of 4.
With that much entropy a fast KDF (HKDF-SHA256) is enough; the passphrase needs Argon2id.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from pippi_desktop.domain.errors import WrongRecoveryCode

DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12

# Argon2id defaults (issue 3): 256 MiB, 3 passes, 4 lanes; never below 64 MiB.
DEFAULT_MEMORY_KIB = 256 * 1024
DEFAULT_ITERATIONS = 3
DEFAULT_PARALLELISM = 4
MIN_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS = 1
MAX_MEMORY_KIB = 4 * 1024 * 1024  # a slot asking for more than 4 GiB is refused as damaged

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_RANDOM_CHARS = 30
RECOVERY_CHECK_CHARS = 2
RECOVERY_GROUP = 4


class UnwrapFailed(Exception):
    """The key-encryption key did not open the slot (wrong secret or edited slot)."""


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int = DEFAULT_MEMORY_KIB
    iterations: int = DEFAULT_ITERATIONS
    parallelism: int = DEFAULT_PARALLELISM

    def clamped(self) -> Argon2Params:
        """The same parameters raised to the floor the application never goes below."""
        return Argon2Params(
            memory_kib=max(self.memory_kib, MIN_MEMORY_KIB),
            iterations=max(self.iterations, MIN_ITERATIONS),
            parallelism=max(self.parallelism, 1),
        )


def new_data_key() -> bytearray:
    return bytearray(secrets.token_bytes(DATA_KEY_BYTES))


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC, so a passphrase typed on macOS (NFD) and on Windows gives the same bytes."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_passphrase_kek(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.parallelism,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(normalise_passphrase(passphrase))


def derive_recovery_kek(code_chars: str, salt: bytes) -> bytes:
    kdf = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=salt,
        info=b"pippi-desktop recovery slot v1",
    )
    return kdf.derive(code_chars.encode("ascii"))


def wrap_key(kek: bytes, data_key: bytes | bytearray, associated: bytes) -> tuple[bytes, bytes]:
    nonce = os.urandom(NONCE_BYTES)
    return nonce, ChaCha20Poly1305(kek).encrypt(nonce, bytes(data_key), associated)


def unwrap_key(kek: bytes, nonce: bytes, wrapped: bytes, associated: bytes) -> bytearray:
    try:
        key = ChaCha20Poly1305(kek).decrypt(nonce, wrapped, associated)
    except (InvalidTag, ValueError):
        raise UnwrapFailed() from None
    if len(key) != DATA_KEY_BYTES:
        raise UnwrapFailed()
    return bytearray(key)


def derive_subkey(data_key: bytes | bytearray, purpose: bytes) -> bytes:
    """A key for one purpose (the key-slot MAC, encrypted drafts…) derived from the data key."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(
        bytes(data_key)
    )


# --- recovery codes ------------------------------------------------------------------------


def _check_chars(body: str) -> str:
    digest = hashlib.sha256(b"pippi-desktop recovery code" + body.encode("ascii")).digest()
    value = int.from_bytes(digest[:2], "big") >> (16 - 5 * RECOVERY_CHECK_CHARS)
    return "".join(
        CROCKFORD[(value >> (5 * (RECOVERY_CHECK_CHARS - 1 - i))) & 31]
        for i in range(RECOVERY_CHECK_CHARS)
    )


def new_recovery_code() -> str:
    """A fresh code, formatted for people: `ABCD-EFGH-…` (8 groups of 4)."""
    body = "".join(secrets.choice(CROCKFORD) for _ in range(RECOVERY_RANDOM_CHARS))
    return format_recovery_code(body + _check_chars(body))


def format_recovery_code(chars: str) -> str:
    return "-".join(chars[i : i + RECOVERY_GROUP] for i in range(0, len(chars), RECOVERY_GROUP))


def parse_recovery_code(text: str) -> str:
    """The 30 random characters of a typed code; `WrongRecoveryCode('mistyped')` if it is off.

    Crockford's reading rules: case, spaces and hyphens do not matter; O reads as 0 and I, L
    as 1.
    """
    cleaned = text.strip().upper().replace("-", "").replace(" ", "")
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))
    if len(cleaned) != RECOVERY_RANDOM_CHARS + RECOVERY_CHECK_CHARS or any(
        ch not in CROCKFORD for ch in cleaned
    ):
        raise WrongRecoveryCode("mistyped")
    body, check = cleaned[:RECOVERY_RANDOM_CHARS], cleaned[RECOVERY_RANDOM_CHARS:]
    if not secrets.compare_digest(_check_chars(body), check):
        raise WrongRecoveryCode("mistyped")
    return body


def last_group(recovery_code: str) -> str:
    return recovery_code.rsplit("-", 1)[-1]
