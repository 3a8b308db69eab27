"""`keyslots.json`: the data key wrapped once per way to unlock (the LUKS idea).

File layout (version 2; version 1, written before issue 13, is read the same way), all binary
values base64::

    {
      "format": "pippi-desktop/keyslots", "version": 2,
      "workspace_id": "<uuid>",
      "slots": [
        {"kind": "passphrase", "id": "<hex>", "created_at": "<iso>",
         "kdf": {"algorithm": "argon2id", "memory_kib": 262144, "iterations": 3,
                 "parallelism": 4, "salt": "<b64>"},
         "aead": "chacha20-poly1305", "nonce": "<b64>", "wrapped_key": "<b64>"},
        {"kind": "recovery", ..., "kdf": {"algorithm": "x25519-hkdf-sha256", "salt": "<b64>",
                                          "public_key": "<hex>"},
         "aead": "hpke-x25519-sha256-chacha20poly1305", "wrapped_key": "<b64>"},
        {"kind": "escrow", ..., "kdf": {"algorithm": "hpke", "office_key_id": "..."},
         "aead": "hpke-x25519-sha256-chacha20poly1305", "wrapped_key": "<b64>"}
      ],
      "pending": {"slots": [...], "mac": "<hex>"},      (only while the data key changes)
      "mac": "<hex HMAC-SHA256 under a key derived from the data key>",
      "checksum": "<hex SHA-256 of everything above>"
    }

Two integrity layers: `checksum` catches a truncated or hand-edited file before any key
derivation (so it is reported as damaged, not as a wrong passphrase); `mac` proves, once a
slot opened, that the whole file is the one this workspace wrote.

`pending` exists only between the two steps of a key rotation (docs/workspace-format.md,
"Changing the data key"): the slots of the *next* data key and the MAC the file will carry
once they are the only ones. A recovery slot made before issue 13 (`"algorithm":
"hkdf-sha256"`, the data key wrapped under a key derived from the code) still opens.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pippi_desktop.domain.errors import WorkspaceDamaged, WrongPassphrase, WrongRecoveryCode
from pippi_desktop.storage import key_wrap
from pippi_desktop.storage.atomic import write_atomic
from pippi_desktop.storage.key_wrap import Argon2Params, UnwrapFailed
from pippi_desktop.storage.keyslots_envelope import FORMAT, canonical_json, checked_body

VERSION = 2
READABLE_VERSIONS = (1, 2)
AEAD = "chacha20-poly1305"
RECOVERY_KDF = "x25519-hkdf-sha256"
LEGACY_RECOVERY_KDF = "hkdf-sha256"

PASSPHRASE = "passphrase"
RECOVERY = "recovery"
ESCROW = "escrow"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class KeySlot:
    kind: str
    slot_id: str
    created_at: str
    kdf: dict[str, Any]
    aead: str
    nonce: bytes
    wrapped_key: bytes

    def associated_data(self, workspace_id: str) -> bytes:
        return canonical_json(
            {
                "format": FORMAT,
                "workspace_id": workspace_id,
                "kind": self.kind,
                "id": self.slot_id,
                "kdf": self.kdf,
            }
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.slot_id,
            "created_at": self.created_at,
            "kdf": self.kdf,
            "aead": self.aead,
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
        }

    @classmethod
    def from_json(cls, raw: Any) -> KeySlot:
        if not isinstance(raw, dict):
            raise ValueError("slot is not an object")
        slot = cls(
            kind=str(raw["kind"]),
            slot_id=str(raw["id"]),
            created_at=str(raw["created_at"]),
            kdf=dict(raw["kdf"]),
            aead=str(raw["aead"]),
            nonce=_unb64(raw.get("nonce", "")),
            wrapped_key=_unb64(raw["wrapped_key"]),
        )
        if slot.kind not in (PASSPHRASE, RECOVERY, ESCROW):
            raise ValueError("unknown slot kind")
        if slot.kind == PASSPHRASE:
            argon2_params(slot)  # validates the parameters
        if slot.kind == RECOVERY:
            algorithm = slot.kdf.get("algorithm")
            _unb64(slot.kdf["salt"])
            if algorithm == RECOVERY_KDF:
                if len(bytes.fromhex(str(slot.kdf["public_key"]))) != 32:
                    raise ValueError("recovery public key")
            elif algorithm != LEGACY_RECOVERY_KDF:
                raise ValueError("unknown recovery kdf")
        return slot


def argon2_params(slot: KeySlot) -> Argon2Params:
    kdf = slot.kdf
    if kdf.get("algorithm") != "argon2id":
        raise ValueError("passphrase slot without argon2id")
    params = Argon2Params(
        memory_kib=int(kdf["memory_kib"]),
        iterations=int(kdf["iterations"]),
        parallelism=int(kdf["parallelism"]),
    )
    if not (
        key_wrap.MIN_MEMORY_KIB <= params.memory_kib <= key_wrap.MAX_MEMORY_KIB
        and 1 <= params.iterations <= 64
        and 1 <= params.parallelism <= 64
    ):
        raise ValueError("argon2id parameters out of bounds")
    return params


@dataclass(frozen=True)
class PendingSlots:
    """The slots of the next data key, written before the database changes key."""

    slots: tuple[KeySlot, ...]
    mac: str

    def to_json(self) -> dict[str, Any]:
        return {"slots": [slot.to_json() for slot in self.slots], "mac": self.mac}


@dataclass(frozen=True)
class KeySlots:
    workspace_id: str
    slots: tuple[KeySlot, ...] = field(default_factory=tuple)
    pending: PendingSlots | None = None
    version: int = VERSION

    def of_kind(self, kind: str) -> list[KeySlot]:
        return [slot for slot in self.slots if slot.kind == kind]

    def passphrase_params(self) -> Argon2Params:
        return argon2_params(self.of_kind(PASSPHRASE)[0])

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "workspace_id": self.workspace_id,
            "slots": [slot.to_json() for slot in self.slots],
        }
        if self.pending is not None:
            body["pending"] = self.pending.to_json()
        return body

    def replacing(self, kind: str, new_slot: KeySlot) -> KeySlots:
        kept = tuple(slot for slot in self.slots if slot.kind != kind)
        return replace(self, slots=(*kept, new_slot), version=VERSION)

    def current(self) -> KeySlots:
        """The slots that open the database now, without a pending rotation."""
        return replace(self, pending=None)

    def next(self) -> tuple[KeySlots, str]:
        """The slots of a pending rotation as they will be once it is done, and their MAC."""
        if self.pending is None:
            raise ValueError("no rotation pending")
        return KeySlots(self.workspace_id, self.pending.slots), self.pending.mac

    def has_legacy_recovery(self) -> bool:
        return any(is_legacy_recovery(slot) for slot in self.of_kind(RECOVERY))


def with_pending(
    current: KeySlots, upcoming: KeySlots, upcoming_key: bytes | bytearray
) -> KeySlots:
    """`current` plus the slots of the next data key: the file written before a rotation."""
    upcoming = replace(upcoming, pending=None, version=VERSION)
    return replace(
        current,
        version=VERSION,
        pending=PendingSlots(upcoming.slots, _mac(upcoming.body(), upcoming_key)),
    )


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _mac(body: dict[str, Any], data_key: bytes | bytearray) -> str:
    mac_key = key_wrap.derive_subkey(data_key, b"pippi-desktop keyslots mac v1")
    return hmac.new(mac_key, canonical_json(body), hashlib.sha256).hexdigest()


# --- making slots ---------------------------------------------------------------------------


def make_passphrase_slot(
    workspace_id: str, data_key: bytes | bytearray, passphrase: str, params: Argon2Params
) -> KeySlot:
    params = params.clamped()
    salt = key_wrap.new_salt()
    unsealed = KeySlot(
        kind=PASSPHRASE,
        slot_id=secrets.token_hex(8),
        created_at=_now(),
        kdf={
            "algorithm": "argon2id",
            "memory_kib": params.memory_kib,
            "iterations": params.iterations,
            "parallelism": params.parallelism,
            "salt": _b64(salt),
        },
        aead=AEAD,
        nonce=b"",
        wrapped_key=b"",
    )
    kek = key_wrap.derive_passphrase_kek(passphrase, salt, params)
    nonce, wrapped = key_wrap.wrap_key(kek, data_key, unsealed.associated_data(workspace_id))
    return replace(unsealed, nonce=nonce, wrapped_key=wrapped)


def make_recovery_slot(
    workspace_id: str, data_key: bytes | bytearray, recovery_code: str
) -> KeySlot:
    """A recovery slot: the data key sealed to the key pair the code derives."""
    body = key_wrap.parse_recovery_code(recovery_code)
    salt = key_wrap.new_salt()
    public = key_wrap.x25519_public_bytes(key_wrap.recovery_private_key(body, salt))
    unsealed = KeySlot(
        kind=RECOVERY,
        slot_id=secrets.token_hex(8),
        created_at=_now(),
        kdf={"algorithm": RECOVERY_KDF, "salt": _b64(salt), "public_key": public.hex()},
        aead=key_wrap.RECOVERY_SEAL,
        nonce=b"",
        wrapped_key=b"",
    )
    return reseal_recovery_slot(unsealed, workspace_id, data_key, keep_id=True)


def reseal_recovery_slot(
    slot: KeySlot, workspace_id: str, data_key: bytes | bytearray, *, keep_id: bool = False
) -> KeySlot:
    """The same recovery code's slot for another data key (no need to know the code)."""
    if is_legacy_recovery(slot):
        raise ValueError("a recovery slot made before issue 13 cannot be resealed")
    fresh = slot if keep_id else replace(slot, slot_id=secrets.token_hex(8))
    public = bytes.fromhex(str(fresh.kdf["public_key"]))
    sealed = key_wrap.seal_to_recovery_key(data_key, public, fresh.associated_data(workspace_id))
    return replace(fresh, wrapped_key=sealed)


def make_legacy_recovery_slot(
    workspace_id: str, data_key: bytes | bytearray, recovery_code: str
) -> KeySlot:
    """A recovery slot as written before issue 13 (kept to test old workspaces)."""
    body = key_wrap.parse_recovery_code(recovery_code)
    salt = key_wrap.new_salt()
    unsealed = KeySlot(
        kind=RECOVERY,
        slot_id=secrets.token_hex(8),
        created_at=_now(),
        kdf={"algorithm": LEGACY_RECOVERY_KDF, "salt": _b64(salt)},
        aead=AEAD,
        nonce=b"",
        wrapped_key=b"",
    )
    kek = key_wrap.derive_recovery_kek(body, salt)
    nonce, wrapped = key_wrap.wrap_key(kek, data_key, unsealed.associated_data(workspace_id))
    return replace(unsealed, nonce=nonce, wrapped_key=wrapped)


def is_legacy_recovery(slot: KeySlot) -> bool:
    return slot.kind == RECOVERY and slot.kdf.get("algorithm") == LEGACY_RECOVERY_KDF


def make_escrow_slot(*, office_key_id: str, sealed_key: bytes, construction: str) -> KeySlot:
    """A slot holding the data key sealed to an office's public key (sealing is sync's job)."""
    return KeySlot(
        kind=ESCROW,
        slot_id=secrets.token_hex(8),
        created_at=_now(),
        kdf={"algorithm": "hpke", "office_key_id": office_key_id},
        aead=construction,
        nonce=b"",
        wrapped_key=sealed_key,
    )


# --- opening slots --------------------------------------------------------------------------


def unlock_with_passphrase(keyslots: KeySlots, passphrase: str) -> bytearray:
    for slot in keyslots.of_kind(PASSPHRASE):
        salt = _unb64(slot.kdf["salt"])
        kek = key_wrap.derive_passphrase_kek(passphrase, salt, argon2_params(slot))
        try:
            return key_wrap.unwrap_key(
                kek, slot.nonce, slot.wrapped_key, slot.associated_data(keyslots.workspace_id)
            )
        except UnwrapFailed:
            continue
    raise WrongPassphrase()


def unlock_with_recovery_code(keyslots: KeySlots, recovery_code: str) -> bytearray:
    body = key_wrap.parse_recovery_code(recovery_code)
    for slot in keyslots.of_kind(RECOVERY):
        salt = _unb64(slot.kdf["salt"])
        associated = slot.associated_data(keyslots.workspace_id)
        try:
            if is_legacy_recovery(slot):
                kek = key_wrap.derive_recovery_kek(body, salt)
                return key_wrap.unwrap_key(kek, slot.nonce, slot.wrapped_key, associated)
            private = key_wrap.recovery_private_key(body, salt)
            if key_wrap.x25519_public_bytes(private).hex() != slot.kdf.get("public_key"):
                continue  # another code: no need to try the seal
            return key_wrap.unseal_with_recovery_key(slot.wrapped_key, private, associated)
        except UnwrapFailed:
            continue
    raise WrongRecoveryCode()


def unlock_with_escrow(
    keyslots: KeySlots, office_key_id: str, unseal: Callable[[bytes], bytes]
) -> bytearray:
    """Open the escrow slot sealed to `office_key_id`; `unseal` raises if it cannot."""
    for slot in keyslots.of_kind(ESCROW):
        if slot.kdf.get("office_key_id") == office_key_id:
            key = bytearray(unseal(slot.wrapped_key))
            if len(key) == key_wrap.DATA_KEY_BYTES:
                return key
    raise WrongPassphrase("office")


# --- the file -------------------------------------------------------------------------------


def serialise(keyslots: KeySlots, data_key: bytes | bytearray) -> bytes:
    """The file, its MAC under `data_key` (the key that opens the database now)."""
    body = keyslots.body()
    body["mac"] = _mac(keyslots.body(), data_key)
    body["checksum"] = hashlib.sha256(canonical_json(body)).hexdigest()
    return json.dumps(body, indent=2, sort_keys=True).encode("utf-8") + b"\n"


def save(path: Path, keyslots: KeySlots, data_key: bytes | bytearray) -> None:
    write_atomic(path, serialise(keyslots, data_key))


def parse(raw_bytes: bytes) -> tuple[KeySlots, str]:
    """Parse and check the checksum; `WorkspaceDamaged('keyslots')` on anything odd."""
    try:
        raw = checked_body(raw_bytes)
        if raw.get("version") not in READABLE_VERSIONS:
            raise ValueError("not a keyslots file of this version")
        mac = str(raw.pop("mac"))
        slots = tuple(KeySlot.from_json(item) for item in raw["slots"])
        pending = None
        if "pending" in raw:
            found = raw["pending"]
            if not isinstance(found, dict) or raw["version"] < 2:
                raise ValueError("pending slots in a version 1 file")
            pending = PendingSlots(
                tuple(KeySlot.from_json(item) for item in found["slots"]), str(found["mac"])
            )
            if not any(slot.kind == PASSPHRASE for slot in pending.slots):
                raise ValueError("no passphrase slot pending")
        keyslots = KeySlots(
            workspace_id=str(raw["workspace_id"]),
            slots=slots,
            pending=pending,
            version=int(raw["version"]),
        )
        if not keyslots.of_kind(PASSPHRASE):
            raise ValueError("no passphrase slot")
        if keyslots.body() != raw:
            raise ValueError("unexpected fields")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, binascii.Error):
        raise WorkspaceDamaged("keyslots") from None
    return keyslots, mac


def load(path: Path) -> tuple[KeySlots, str]:
    try:
        raw_bytes = path.read_bytes()
    except FileNotFoundError:
        raise WorkspaceDamaged("keyslots") from None
    return parse(raw_bytes)


def check_mac(keyslots: KeySlots, mac: str, data_key: bytes | bytearray) -> None:
    if not hmac.compare_digest(_mac(keyslots.body(), data_key), mac):
        raise WorkspaceDamaged("keyslots")


def mac_of(keyslots: KeySlots, data_key: bytes | bytearray) -> str:
    return _mac(keyslots.body(), data_key)
