"""The cryptography of key slots: Argon2id for passphrases, recovery codes, key wrapping.

The data key (32 random bytes) keys the SQLCipher database. It is never stored in clear: each
way to unlock derives a key-encryption key and wraps the data key with ChaCha20-Poly1305,
binding the slot's public fields (kind, id, KDF parameters, workspace id) as associated data,
so that editing a parameter makes the slot fail instead of silently weakening it.

Recovery codes carry 150 random bits in 30 Crockford base32 characters plus Crockford's
mod-37 check symbol (every single mistyped character and every swap of two neighbours is
caught before any key derivation), shown as 7 groups of 4 and one of 3. Codes made before
issue 13 have 2 check characters from a hash instead (32 characters); they keep working,
told apart by their length. With 150 bits a fast KDF (HKDF-SHA256) is enough; the passphrase
needs Argon2id.

The recovery code derives an X25519 key pair (HKDF, salted): the slot keeps the public key and
the data key sealed to it with HPKE, so a new data key can be sealed to the same code without
knowing the code (a key rotation after a passphrase change keeps the code valid).
"""

from __future__ import annotations

import hashlib
import os
import secrets
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

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
CHECK_SYMBOLS = CROCKFORD + "*~$=U"  # Crockford's 37 check symbols (value mod 37)
RECOVERY_RANDOM_CHARS = 30
RECOVERY_CHECK_CHARS = 1
LEGACY_CHECK_CHARS = 2  # codes made before issue 13: two characters of a hash
RECOVERY_GROUP = 4
RECOVERY_SEAL = "hpke-x25519-sha256-chacha20poly1305"
_RECOVERY_SUITE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.CHACHA20_POLY1305)


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


def check_symbol(body: str) -> str:
    """Crockford's check symbol: the code's value (base 32) modulo 37, as one of 37 symbols.

    37 is a prime above 32, so changing one character (a multiple of 32^k with a factor
    below 32) or swapping two neighbours always changes the remainder.
    """
    value = 0
    for char in body:
        value = value * 32 + CROCKFORD.index(char)
    return CHECK_SYMBOLS[value % 37]


def _legacy_check_chars(body: str) -> str:
    digest = hashlib.sha256(b"pippi-desktop recovery code" + body.encode("ascii")).digest()
    value = int.from_bytes(digest[:2], "big") >> (16 - 5 * LEGACY_CHECK_CHARS)
    return "".join(
        CROCKFORD[(value >> (5 * (LEGACY_CHECK_CHARS - 1 - i))) & 31]
        for i in range(LEGACY_CHECK_CHARS)
    )


def new_recovery_code() -> str:
    """A fresh code, formatted for people: `ABCD-EFGH-…-XYZ` (7 groups of 4, one of 3).

    A body whose check symbol would be one of `*~$=U` is drawn again: those are awkward to
    type on an Italian keyboard and to read aloud, and leaving them out costs 0.2 of 150 bits.
    """
    while True:
        body = "".join(secrets.choice(CROCKFORD) for _ in range(RECOVERY_RANDOM_CHARS))
        check = check_symbol(body)
        if check in CROCKFORD:
            return format_recovery_code(body + check)


def new_legacy_recovery_code() -> str:
    """A code in the format made before issue 13 (for tests of old workspaces)."""
    body = "".join(secrets.choice(CROCKFORD) for _ in range(RECOVERY_RANDOM_CHARS))
    return format_recovery_code(body + _legacy_check_chars(body))


def format_recovery_code(chars: str) -> str:
    return "-".join(chars[i : i + RECOVERY_GROUP] for i in range(0, len(chars), RECOVERY_GROUP))


def parse_recovery_code(text: str) -> str:
    """The 30 random characters of a typed code; `WrongRecoveryCode('mistyped')` if it is off.

    Crockford's reading rules: case, spaces and hyphens do not matter; O reads as 0 and I, L
    as 1.
    """
    cleaned = text.strip().upper().replace("-", "").replace(" ", "")
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))
    body, check = cleaned[:RECOVERY_RANDOM_CHARS], cleaned[RECOVERY_RANDOM_CHARS:]
    if len(body) != RECOVERY_RANDOM_CHARS or any(ch not in CROCKFORD for ch in body):
        raise WrongRecoveryCode("mistyped")
    if len(check) == RECOVERY_CHECK_CHARS:
        expected = check_symbol(body)
    elif len(check) == LEGACY_CHECK_CHARS:
        expected = _legacy_check_chars(body)
    else:
        raise WrongRecoveryCode("mistyped")
    if not secrets.compare_digest(expected, check):
        raise WrongRecoveryCode("mistyped")
    return body


def last_group(recovery_code: str) -> str:
    return recovery_code.rsplit("-", 1)[-1]


# --- the recovery slot's key pair ----------------------------------------------------------


def recovery_private_key(code_chars: str, salt: bytes) -> X25519PrivateKey:
    """The X25519 key the 30 random characters of a code derive (with the slot's salt)."""
    seed = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"pippi-desktop recovery key v2"
    ).derive(code_chars.encode("ascii"))
    return X25519PrivateKey.from_private_bytes(seed)


def x25519_public_bytes(key: X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def seal_to_recovery_key(data_key: bytes | bytearray, public_key: bytes, info: bytes) -> bytes:
    return _RECOVERY_SUITE.encrypt(
        bytes(data_key), X25519PublicKey.from_public_bytes(public_key), info=info
    )


def unseal_with_recovery_key(
    sealed: bytes, private_key: X25519PrivateKey, info: bytes
) -> bytearray:
    try:
        key = _RECOVERY_SUITE.decrypt(sealed, private_key, info=info)
    except (InvalidTag, ValueError):
        raise UnwrapFailed() from None
    if len(key) != DATA_KEY_BYTES:
        raise UnwrapFailed()
    return bytearray(key)
