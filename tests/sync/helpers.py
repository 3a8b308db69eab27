"""Helpers of the sync tests: trusted workspaces, restored twins, forged bundles, snapshots.

Everything is real: workspaces are SQLCipher files made by the services; forged bundles are
built with the same writer as real ones, signed with a real key (the device's own, taken from
its database, or a stranger's) and encrypted to the office's real key, so a test can change
exactly one thing and see which check refuses it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import text

from pippi_desktop.services import trust_service
from pippi_desktop.services._identity_keys import stored_keys
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.services.workspace_service import (
    _open_store,
    backup_workspace,
    restore_workspace,
)
from pippi_desktop.storage import keyslots as ks
from pippi_desktop.storage import sync_queries
from pippi_desktop.sync.audit_section import encode_audit
from pippi_desktop.sync.bundle_codec import pack_payload, sign_manifest
from pippi_desktop.sync.bundle_writer import build_bundle
from pippi_desktop.sync.envelope import TO_OFFICE, seal
from pippi_desktop.sync.identity_keys import IdentityKeys
from pippi_desktop.sync.manifest import (
    FIELD_TO_OFFICE,
    GENESIS_HASH,
    KIND_CHANGES,
    Manifest,
    OperationRange,
)
from tests.conftest import PASSPHRASE

SYNCED_TABLES = (
    "families",
    "people",
    "equipe_members",
    "dispositivi",
    "phase_records",
    "visits",
    "group_sessions",
    "group_attendance",
    "assessments",
    "assessment_entries",
    "microproject_items",
    "catalogues",
)


def trust_pair(
    office: OpenWorkspace, educator: OpenWorkspace, tmp: Path, *, name: str = "Educatore"
) -> None:
    """The in-person set-up: the educator trusts the office, the office registers the device."""
    tag = uuid.uuid4().hex[:8]
    office_card = trust_service.export_office_card(office, tmp / f"office-{tag}.card")
    trust_service.trust_office(educator, office_card.path, office_card.fingerprint)
    device_card = trust_service.export_device_card(educator, tmp / f"device-{tag}.card")
    trust_service.register_device(office, device_card.path, device_card.fingerprint, educator=name)


def restored_twin(educator: OpenWorkspace, target: Path) -> OpenWorkspace:
    """A new incarnation of `educator` (new device id, same keys) from a fresh backup."""
    backup = target.with_suffix(".pippibak")
    backup_workspace(educator, backup)
    return restore_workspace(backup, target, passphrase=PASSPHRASE)


def data_key(root: Path) -> bytes:
    slots, _ = ks.load(root / "keyslots.json")
    return bytes(ks.unlock_with_passphrase(slots, PASSPHRASE))


def open_with_key(root: Path, key: bytes) -> OpenWorkspace:
    """Open a copy of a workspace with its known data key (no Argon2 per open)."""
    return OpenWorkspace(_open_store(root, unlocker=lambda _slots: bytearray(key)))


def copy_workspace(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def identity_keys(workspace: OpenWorkspace) -> IdentityKeys:
    with store_of(workspace).read() as connection:
        keys = stored_keys(connection)
    assert keys is not None
    return keys


def stranger_keys() -> IdentityKeys:
    return IdentityKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())


# --- forged bundles ------------------------------------------------------------------------------


@dataclass
class Draft:
    """What a forged bundle will hold; change any part before `write`."""

    educator: OpenWorkspace
    office: OpenWorkspace
    operations: list[dict[str, Any]]
    audit: list[dict[str, Any]]
    manifest: Manifest
    signing: IdentityKeys
    recipient_key: bytes

    def keep_operations(self, operations: list[dict[str, Any]]) -> Draft:
        """The same draft with these operations (ranges and counts follow them)."""
        ranges: dict[str, list[int]] = {}
        for op in operations:
            ranges.setdefault(op["device_id"], []).append(op["counter"])
        self.operations = operations
        self.manifest = replace(
            self.manifest,
            operation_ranges=tuple(
                OperationRange(device, min(c), max(c)) for device, c in ranges.items()
            ),
            operation_count=len(operations),
        )
        return self

    def keep_audit(self, entries: list[dict[str, Any]]) -> Draft:
        self.audit = entries
        self.manifest = replace(
            self.manifest,
            audit_range=(entries[0]["seq"], entries[-1]["seq"]) if entries else None,
            audit_count=len(entries),
        )
        return self

    def write(
        self,
        path: Path,
        *,
        operations_bytes: bytes | None = None,
        audit_bytes: bytes | None = None,
        fix_counts: bool = True,
        sections: Callable[[dict[str, bytes]], dict[str, bytes]] | None = None,
    ) -> Path:
        ops_data = operations_bytes
        if ops_data is None:
            ops_data = json.dumps(
                self.operations, ensure_ascii=False, separators=(",", ":")
            ).encode()
        audit_data = audit_bytes if audit_bytes is not None else encode_audit(self.audit)[0]
        manifest = self.manifest
        if fix_counts:
            manifest = replace(
                manifest, operation_count=len(self.operations), audit_count=len(self.audit)
            )
        parts = {"operations": ops_data, "audit": audit_data}
        built = build_bundle(
            manifest,
            sections=parts,
            keys=self.signing,
            recipient_key=self.recipient_key,
        )
        if sections is not None:  # re-pack with altered sections but the original manifest
            changed = sections(parts)
            payload = pack_payload(
                built.manifest_bytes,
                sign_manifest(self.signing.signing, built.manifest_bytes),
                [changed["operations"], changed["audit"]],
            )
            data = seal(
                payload, X25519PublicKey.from_public_bytes(self.recipient_key), direction=TO_OFFICE
            )
        else:
            data = built.data
        path.write_bytes(data)
        return path


def draft_bundle(
    educator: OpenWorkspace, office: OpenWorkspace, *, seq: int = 1, prev_hash: str = GENESIS_HASH
) -> Draft:
    """Every operation and audit entry of `educator`, as a bundle it could have sent."""
    identity = educator.identity
    with store_of(educator).read() as connection:
        ops = (
            connection.execute(text("SELECT * FROM op_log ORDER BY device_id, counter"))
            .mappings()
            .all()
        )
        audit = connection.execute(text("SELECT * FROM audit_log ORDER BY seq")).mappings().all()
        previous = sync_queries.previous_device_ids(connection)
    office_keys = identity_keys(office)
    operations = [
        {
            "device_id": row["device_id"],
            "counter": row["counter"],
            "lamport": row["lamport"],
            "hlc": row["hlc"],
            "at": row["at"],
            "record_type": row["record_type"],
            "record_id": row["record_id"],
            "action": row["action"],
            "changes": json.loads(row["changes"]),
            "seen": json.loads(row["seen"]),
        }
        for row in ops
    ]
    ranges: dict[str, list[int]] = {}
    for op in operations:
        ranges.setdefault(op["device_id"], []).append(op["counter"])
    manifest = Manifest(
        bundle_id=str(uuid.uuid4()),
        kind=KIND_CHANGES,
        direction=FIELD_TO_OFFICE,
        sender_device_id=identity.device_id,
        sender_workspace_id=identity.workspace_id,
        previous_device_ids=previous,
        recipient_office_id=office.identity.workspace_id,
        recipient_key_id=office_keys.key_id,
        seq=seq,
        prev_hash=prev_hash,
        created_at="2026-11-23T10:00:00+00:00",
        app_version="0.1.0",
        schema_version=3,
        operation_ranges=tuple(
            OperationRange(device, min(counters), max(counters))
            for device, counters in ranges.items()
        ),
        audit_range=(audit[0]["seq"], audit[-1]["seq"]) if audit else None,
        operation_count=len(operations),
        audit_count=len(audit),
        sections=(),
    )
    return Draft(
        educator=educator,
        office=office,
        operations=operations,
        audit=[dict(row) for row in audit],
        manifest=manifest,
        signing=identity_keys(educator),
        recipient_key=office_keys.exchange_public,
    )


# --- snapshots of the office state ------------------------------------------------------------------


def office_state(workspace: OpenWorkspace, *, conflicts: bool = True) -> dict[str, Any]:
    """Every synced row (all columns but the derived family ones), the change log of the
    devices and the conflicts (without the local review timestamps): what must be the same
    whatever the order the bundles came in."""
    state: dict[str, Any] = {}
    with store_of(workspace).read() as connection:
        for table in SYNCED_TABLES:
            rows = connection.execute(text(f"SELECT * FROM {table} ORDER BY id")).mappings().all()
            state[table] = [dict(row) for row in rows]
        own = workspace.identity.device_id
        state["op_log"] = [
            dict(row)
            for row in connection.execute(
                text("SELECT * FROM op_log WHERE device_id != :own ORDER BY device_id, counter"),
                {"own": own},
            ).mappings()
        ]
        if conflicts:
            state["conflicts"] = [
                {k: v for k, v in row.items() if k not in ("detected_at", "reviewed_at")}
                for row in connection.execute(
                    text("SELECT * FROM conflicts ORDER BY id")
                ).mappings()
            ]
    return state


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
