"""The signed manifest of a bundle: who sends what to whom, in which sequence, with digests.

It is canonical JSON (sorted keys, no spaces, ASCII), parsed strictly: exactly the keys below,
each of its type, nothing else. Its SHA-256 is the *bundle hash*, which the next bundle of the
same device names as `prev_hash` (a hash chain the office checks to catch rollbacks).

    {"format": "pippi-desktop/bundle-manifest", "format_version": 1,
     "bundle_id": uuid, "kind": "changes", "direction": "field_to_office",
     "sender": {"device_id", "workspace_id", "previous_device_ids": [uuid]},
     "recipient": {"office_id", "key_id"},
     "seq": n >= 1, "prev_hash": hex64 (64 zeros for seq 1),
     "created_at": iso, "app_version": str, "schema_version": int,
     "operation_ranges": [{"device_id", "first", "last"}],
     "audit_range": {"first", "last"} | null,
     "counts": {"operations", "audit_entries"},
     "sections": [{"name": "operations", "length", "sha256"},
                  {"name": "audit", "length", "sha256"}]}
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from pippi_desktop.domain.errors import BundleRejected
from pippi_desktop.sync.strict_json import (
    dumps_canonical,
    exact_keys,
    is_hex64,
    is_int,
    is_text,
    is_uuid,
    loads_strict,
    require,
)

FORMAT = "pippi-desktop/bundle-manifest"
FORMAT_VERSION = 1
KIND_CHANGES = "changes"
FIELD_TO_OFFICE = "field_to_office"
OFFICE_TO_FIELD = "office_to_field"
DIRECTIONS = (FIELD_TO_OFFICE, OFFICE_TO_FIELD)
SECTION_NAMES = ("operations", "audit")
GENESIS_HASH = "0" * 64
MAX_MANIFEST_BYTES = 1 << 20
MAX_RANGES = 64
_TOP_KEYS = {
    "format",
    "format_version",
    "bundle_id",
    "kind",
    "direction",
    "sender",
    "recipient",
    "seq",
    "prev_hash",
    "created_at",
    "app_version",
    "schema_version",
    "operation_ranges",
    "audit_range",
    "counts",
    "sections",
}


@dataclass(frozen=True)
class OperationRange:
    device_id: str
    first: int
    last: int

    @property
    def size(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True)
class Section:
    name: str
    length: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    bundle_id: str
    kind: str
    direction: str
    sender_device_id: str
    sender_workspace_id: str
    previous_device_ids: tuple[str, ...]
    recipient_office_id: str
    recipient_key_id: str
    seq: int
    prev_hash: str
    created_at: str
    app_version: str
    schema_version: int
    operation_ranges: tuple[OperationRange, ...]
    audit_range: tuple[int, int] | None
    operation_count: int
    audit_count: int
    sections: tuple[Section, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "bundle_id": self.bundle_id,
            "kind": self.kind,
            "direction": self.direction,
            "sender": {
                "device_id": self.sender_device_id,
                "workspace_id": self.sender_workspace_id,
                "previous_device_ids": list(self.previous_device_ids),
            },
            "recipient": {"office_id": self.recipient_office_id, "key_id": self.recipient_key_id},
            "seq": self.seq,
            "prev_hash": self.prev_hash,
            "created_at": self.created_at,
            "app_version": self.app_version,
            "schema_version": self.schema_version,
            "operation_ranges": [
                {"device_id": r.device_id, "first": r.first, "last": r.last}
                for r in self.operation_ranges
            ],
            "audit_range": (
                None
                if self.audit_range is None
                else {"first": self.audit_range[0], "last": self.audit_range[1]}
            ),
            "counts": {"operations": self.operation_count, "audit_entries": self.audit_count},
            "sections": [
                {"name": s.name, "length": s.length, "sha256": s.sha256} for s in self.sections
            ],
        }

    def encode(self) -> bytes:
        return dumps_canonical(self.to_json())

    @property
    def chain_device_ids(self) -> tuple[str, ...]:
        return (self.sender_device_id, *self.previous_device_ids)


def bundle_hash(manifest_bytes: bytes) -> str:
    return hashlib.sha256(manifest_bytes).hexdigest()


def _range(raw: Any) -> OperationRange:
    item = exact_keys(raw, {"device_id", "first", "last"})
    require(is_uuid(item["device_id"]) and is_int(item["first"], 1) and is_int(item["last"], 1))
    require(item["first"] <= item["last"])
    return OperationRange(item["device_id"], item["first"], item["last"])


def _parse(raw_bytes: bytes) -> Manifest:
    raw = exact_keys(loads_strict(raw_bytes), _TOP_KEYS)
    require(raw["format"] == FORMAT and is_int(raw["format_version"], 1))
    if raw["format_version"] != FORMAT_VERSION:
        raise BundleRejected("unsupported_version")
    require(is_text(raw["kind"], 32) and is_text(raw["direction"], 32))
    if raw["kind"] != KIND_CHANGES or raw["direction"] not in DIRECTIONS:
        raise BundleRejected("unsupported_version")
    require(is_uuid(raw["bundle_id"]))
    sender = exact_keys(raw["sender"], {"device_id", "workspace_id", "previous_device_ids"})
    require(is_uuid(sender["device_id"]) and is_uuid(sender["workspace_id"]))
    previous = sender["previous_device_ids"]
    require(isinstance(previous, list) and len(previous) <= MAX_RANGES)
    require(all(is_uuid(item) for item in previous))
    require(len(set(previous) | {sender["device_id"]}) == len(previous) + 1)
    recipient = exact_keys(raw["recipient"], {"office_id", "key_id"})
    require(is_uuid(recipient["office_id"]))
    require(isinstance(recipient["key_id"], str) and len(recipient["key_id"]) == 32)
    require(all(ch in "0123456789abcdef" for ch in recipient["key_id"]))
    require(is_int(raw["seq"], 1) and is_hex64(raw["prev_hash"]))
    require(is_text(raw["created_at"], 32) and is_text(raw["app_version"], 40))
    require(is_int(raw["schema_version"], 1, 9999))
    ranges_raw = raw["operation_ranges"]
    require(isinstance(ranges_raw, list) and len(ranges_raw) <= MAX_RANGES)
    ranges = tuple(_range(item) for item in ranges_raw)
    require(len({r.device_id for r in ranges}) == len(ranges))
    require(all(r.device_id in (sender["device_id"], *previous) for r in ranges))
    audit_range: tuple[int, int] | None = None
    if raw["audit_range"] is not None:
        audit = exact_keys(raw["audit_range"], {"first", "last"})
        require(is_int(audit["first"], 1) and is_int(audit["last"], 1))
        require(audit["first"] <= audit["last"])
        audit_range = (audit["first"], audit["last"])
    counts = exact_keys(raw["counts"], {"operations", "audit_entries"})
    require(is_int(counts["operations"]) and is_int(counts["audit_entries"]))
    sections_raw = raw["sections"]
    require(isinstance(sections_raw, list) and len(sections_raw) == len(SECTION_NAMES))
    sections = []
    for name, item in zip(SECTION_NAMES, sections_raw, strict=True):
        section = exact_keys(item, {"name", "length", "sha256"})
        require(section["name"] == name and is_int(section["length"]))
        require(is_hex64(section["sha256"]))
        sections.append(Section(name, section["length"], section["sha256"]))
    manifest = Manifest(
        bundle_id=raw["bundle_id"],
        kind=raw["kind"],
        direction=raw["direction"],
        sender_device_id=sender["device_id"],
        sender_workspace_id=sender["workspace_id"],
        previous_device_ids=tuple(previous),
        recipient_office_id=recipient["office_id"],
        recipient_key_id=recipient["key_id"],
        seq=raw["seq"],
        prev_hash=raw["prev_hash"],
        created_at=raw["created_at"],
        app_version=raw["app_version"],
        schema_version=raw["schema_version"],
        operation_ranges=ranges,
        audit_range=audit_range,
        operation_count=counts["operations"],
        audit_count=counts["audit_entries"],
        sections=tuple(sections),
    )
    require(manifest.encode() == raw_bytes)  # canonical form only: one byte string per manifest
    return manifest


def parse_manifest(raw_bytes: bytes) -> Manifest:
    """Strict parse; `BundleRejected('not_a_bundle')` (or `unsupported_version`) otherwise."""
    if len(raw_bytes) > MAX_MANIFEST_BYTES:
        raise BundleRejected("not_a_bundle")
    try:
        return _parse(raw_bytes)
    except ValueError:
        raise BundleRejected("not_a_bundle") from None
