"""Building a bundle file: sections → signed manifest → encrypted envelope."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from pippi_desktop.sync.bundle_codec import pack_payload, sign_manifest
from pippi_desktop.sync.envelope import CHUNK_SIZE, TO_FIELD, TO_OFFICE, seal
from pippi_desktop.sync.identity_keys import IdentityKeys
from pippi_desktop.sync.manifest import FIELD_TO_OFFICE, SECTION_NAMES, Manifest, Section


@dataclass(frozen=True)
class BuiltBundle:
    manifest: Manifest
    manifest_bytes: bytes
    data: bytes

    @property
    def bundle_hash(self) -> str:
        return hashlib.sha256(self.manifest_bytes).hexdigest()


def build_bundle(
    draft: Manifest,
    *,
    sections: dict[str, bytes],
    keys: IdentityKeys,
    recipient_key: bytes,
    chunk_size: int = CHUNK_SIZE,
) -> BuiltBundle:
    """`draft` is the manifest without its `sections`; they are filled in from the bytes."""
    ordered = [sections[name] for name in SECTION_NAMES]
    manifest = replace(
        draft,
        sections=tuple(
            Section(name, len(data), hashlib.sha256(data).hexdigest())
            for name, data in zip(SECTION_NAMES, ordered, strict=True)
        ),
    )
    manifest_bytes = manifest.encode()
    payload = pack_payload(manifest_bytes, sign_manifest(keys.signing, manifest_bytes), ordered)
    data = seal(
        payload,
        X25519PublicKey.from_public_bytes(recipient_key),
        direction=TO_OFFICE if manifest.direction == FIELD_TO_OFFICE else TO_FIELD,
        chunk_size=chunk_size,
    )
    return BuiltBundle(manifest, manifest_bytes, data)
