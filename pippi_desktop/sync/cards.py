"""Office and device cards: the public keys that are exchanged once, in person.

A card is a small JSON file (format in docs/bundle-format.md, "Cards") with the public signing
and exchange keys, the id (office id = the office workspace id; device id) and a display name,
signed by its own signing key (so a card edited by hand is refused). The *fingerprint* is what
people compare aloud or on paper: SHA-256 over the kind, the id and both public keys, cut to
120 bits and written as 24 Crockford base32 characters in 6 groups of 4. Typed back, case,
spaces and hyphens do not matter (O reads as 0, I and L as 1).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from pippi_desktop.domain.errors import InvalidFile
from pippi_desktop.sync.identity_keys import IdentityKeys, key_id
from pippi_desktop.sync.strict_json import (
    dumps_canonical,
    exact_keys,
    is_hex64,
    is_text,
    is_uuid,
    loads_strict,
    require,
)

OFFICE = "office"
DEVICE = "device"
FORMATS = {OFFICE: "pippi-desktop/office-card", DEVICE: "pippi-desktop/device-card"}
VERSION = 1
MAX_CARD_BYTES = 64 * 1024
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
FINGERPRINT_CHARS = 24
SIGNATURE_CONTEXT = b"pippi-desktop card v1\x00"
KEYS = {
    "format",
    "version",
    "id",
    "workspace_id",
    "name",
    "signing_key",
    "exchange_key",
    "previous_device_ids",
    "app_version",
    "created_at",
    "signature",
}


def fingerprint(kind: str, identity_id: str, signing_key: bytes, exchange_key: bytes) -> str:
    digest = hashlib.sha256(
        b"pippi-desktop fingerprint v1\x00"
        + kind.encode("ascii")
        + b"\x00"
        + identity_id.encode("ascii")
        + b"\x00"
        + signing_key
        + exchange_key
    ).digest()
    value = int.from_bytes(digest[:15], "big")  # 120 bits
    chars = "".join(
        CROCKFORD[(value >> (5 * (FINGERPRINT_CHARS - 1 - i))) & 31]
        for i in range(FINGERPRINT_CHARS)
    )
    return " ".join(chars[i : i + 4] for i in range(0, FINGERPRINT_CHARS, 4))


def normalise_fingerprint(text: str) -> str:
    """What a person typed, reduced to the 24 characters (may be wrong: then it won't match)."""
    cleaned = "".join(text.split()).replace("-", "").upper()
    return cleaned.translate(str.maketrans("OIL", "011"))


@dataclass(frozen=True)
class Card:
    kind: str
    identity_id: str
    workspace_id: str
    name: str
    signing_key: bytes
    exchange_key: bytes
    previous_device_ids: tuple[str, ...]
    app_version: str
    created_at: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.kind, self.identity_id, self.signing_key, self.exchange_key)

    @property
    def key_id(self) -> str:
        return key_id(self.exchange_key)

    def matches(self, typed: str) -> bool:
        return normalise_fingerprint(typed) == normalise_fingerprint(self.fingerprint)

    def body(self) -> dict[str, Any]:
        return {
            "format": FORMATS[self.kind],
            "version": VERSION,
            "id": self.identity_id,
            "workspace_id": self.workspace_id,
            "name": self.name,
            "signing_key": self.signing_key.hex(),
            "exchange_key": self.exchange_key.hex(),
            "previous_device_ids": list(self.previous_device_ids),
            "app_version": self.app_version,
            "created_at": self.created_at,
        }


def make_card(
    kind: str,
    keys: IdentityKeys,
    *,
    identity_id: str,
    workspace_id: str,
    name: str,
    app_version: str,
    previous_device_ids: tuple[str, ...] = (),
) -> tuple[Card, bytes]:
    """The card and its file content (pretty JSON, self-signed)."""
    card = Card(
        kind=kind,
        identity_id=identity_id,
        workspace_id=workspace_id,
        name=name,
        signing_key=keys.signing_public,
        exchange_key=keys.exchange_public,
        previous_device_ids=previous_device_ids,
        app_version=app_version,
        created_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
    )
    body = card.body()
    body["signature"] = keys.signing.sign(SIGNATURE_CONTEXT + dumps_canonical(body)).hex()
    text = json.dumps(body, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return card, text.encode("utf-8")


def parse_card(data: bytes) -> Card:
    """A card read strictly and checked against its own signature; `InvalidFile('card')`."""
    try:
        require(len(data) <= MAX_CARD_BYTES)
        raw = exact_keys(loads_strict(data), KEYS)
        kinds = [kind for kind, name in FORMATS.items() if raw["format"] == name]
        require(len(kinds) == 1 and raw["version"] == VERSION)
        require(is_uuid(raw["id"]) and is_uuid(raw["workspace_id"]))
        require(is_text(raw["name"], 200) and is_text(raw["app_version"], 40))
        require(is_text(raw["created_at"], 32))
        require(is_hex64(raw["signing_key"]) and is_hex64(raw["exchange_key"]))
        previous = raw["previous_device_ids"]
        require(isinstance(previous, list) and len(previous) <= 64)
        require(all(is_uuid(item) for item in previous))
        signature = raw.pop("signature")
        require(isinstance(signature, str) and len(signature) == 128)
        card = Card(
            kind=kinds[0],
            identity_id=raw["id"],
            workspace_id=raw["workspace_id"],
            name=raw["name"],
            signing_key=bytes.fromhex(raw["signing_key"]),
            exchange_key=bytes.fromhex(raw["exchange_key"]),
            previous_device_ids=tuple(previous),
            app_version=raw["app_version"],
            created_at=raw["created_at"],
        )
        Ed25519PublicKey.from_public_bytes(card.signing_key).verify(
            bytes.fromhex(signature), SIGNATURE_CONTEXT + dumps_canonical(raw)
        )
    except (ValueError, InvalidSignature):
        raise InvalidFile("card") from None
    return card
