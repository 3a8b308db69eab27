"""Reading a bundle received at the office, one refusal reason per layer.

`open_bundle` decrypts and parses the manifest strictly (no database needed); after the
signature and sequence checks (`sync.devices`, `sync.sequence`), `read_sections` checks the
sections against the signed manifest (`digest_mismatch`: lengths, SHA-256, counts, operation
ranges) and every operation and audit entry (`invalid_operation`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from pippi_desktop.domain.errors import BundleRejected
from pippi_desktop.domain.vocabulary import Vocabulary
from pippi_desktop.sync.audit_section import check_audit, check_audit_senders
from pippi_desktop.sync.bundle_codec import Unpacked, split_sections, unpack_payload
from pippi_desktop.sync.envelope import TO_OFFICE, EnvelopeHeader, open_sealed, read_header
from pippi_desktop.sync.identity_keys import IdentityKeys
from pippi_desktop.sync.manifest import FIELD_TO_OFFICE, Manifest
from pippi_desktop.sync.operations import Operation, ValueChecker, check_operation
from pippi_desktop.sync.strict_json import loads_section


@dataclass(frozen=True)
class OpenedBundle:
    header: EnvelopeHeader
    unpacked: Unpacked

    @property
    def manifest(self) -> Manifest:
        return self.unpacked.manifest

    @property
    def bundle_hash(self) -> str:
        return hashlib.sha256(self.unpacked.manifest_bytes).hexdigest()


@dataclass(frozen=True)
class BundleContent:
    operations: list[Operation]
    audit: list[dict[str, Any]]


def open_bundle(
    data: bytes,
    keys: IdentityKeys,
    retired: Mapping[str, X25519PrivateKey] | None = None,
) -> OpenedBundle:
    """Decrypt with the key the header names: the current exchange key, or a retired one
    (`rotate-office-keys`: bundles of laptops that have not moved to the new key yet)."""
    private = keys.exchange
    if retired:
        private = retired.get(read_header(data).recipient_key_id, private)
    header, plaintext = open_sealed(data, private)
    if header.direction != TO_OFFICE:
        raise BundleRejected("wrong_recipient")
    unpacked = unpack_payload(plaintext)
    if unpacked.manifest.direction != FIELD_TO_OFFICE:
        raise BundleRejected("not_a_bundle")
    return OpenedBundle(header, unpacked)


def read_sections(
    opened: OpenedBundle, vocabulary: Vocabulary, *, sender_chain: set[str] | None = None
) -> BundleContent:
    """The checked sections; `sender_chain` (the device ids the signature vouches for) is
    what every audit entry must name as its device, with the actor of a field device."""
    manifest = opened.manifest
    sections = split_sections(opened.unpacked)
    try:
        raw_ops = loads_section(sections["operations"])
        raw_audit = loads_section(sections["audit"])
    except ValueError:
        raise BundleRejected("invalid_operation") from None
    if not isinstance(raw_ops, list) or not isinstance(raw_audit, list):
        raise BundleRejected("invalid_operation")
    expected = [
        (r.device_id, n) for r in manifest.operation_ranges for n in range(r.first, r.last + 1)
    ]
    audit_expected = (
        0
        if manifest.audit_range is None
        else (manifest.audit_range[1] - manifest.audit_range[0] + 1)
    )
    if (
        len(raw_ops) != manifest.operation_count
        or len(expected) != manifest.operation_count
        or len(raw_audit) != manifest.audit_count
        or audit_expected != manifest.audit_count
    ):
        raise BundleRejected("digest_mismatch")
    for raw, (device_id, counter) in zip(raw_ops, expected, strict=True):
        if not isinstance(raw, dict):
            raise BundleRejected("invalid_operation")
        if raw.get("device_id") != device_id or raw.get("counter") != counter:
            raise BundleRejected("digest_mismatch")
    operations: list[Operation] = []
    last_lamport: dict[str, int] = {}
    checker = ValueChecker(vocabulary)
    try:
        for raw in raw_ops:
            op = check_operation(raw, checker)
            if op.lamport <= last_lamport.get(op.device_id, 0):
                raise ValueError("lamport must grow with the counter")
            last_lamport[op.device_id] = op.lamport
            operations.append(op)
        audit = check_audit(raw_audit, manifest.audit_range)
        if sender_chain is not None:
            check_audit_senders(audit, sender_chain)
    except ValueError:
        raise BundleRejected("invalid_operation") from None
    return BundleContent(operations, audit)
