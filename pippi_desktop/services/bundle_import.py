"""Import at the office: every bundle through the pipeline of DESIGN.md, all or nothing.

Per file: size limit (before reading) → decrypt → strict manifest → signature with the
registered, not revoked key of that device (or of the device it is a new incarnation of) and
the recipient is this office → sequence and replay rules → section digests and counts → every
operation and audit entry checked → merge, in ONE transaction with the receipt of the bundle,
the received audit entries, the link of a new incarnation, the Lamport clock and our own audit
entry. Any refusal rolls the transaction back: the office data stays byte for byte the same,
and the file gets one stable reason code and one sentence.

Each file is its own transaction: a refused file does not stop the others. A dry run runs the
same steps for all files in one transaction (each file in a savepoint, so the second file sees
what the first would have done) and rolls it back.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import Connection

from pippi_desktop.domain.errors import BundleRejected
from pippi_desktop.domain.i18n import N_, Lang
from pippi_desktop.domain.sync_records import BundleReceived
from pippi_desktop.domain.workspace_identity import ROLE_OFFICE
from pippi_desktop.services._identity_keys import exchange_key_ring, stored_keys
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.services.reference_data import vocabulary
from pippi_desktop.services.trust_service import require_role
from pippi_desktop.storage import casefile_queries, migrate, sync_queries
from pippi_desktop.storage.atomic import make_private_dir, write_atomic
from pippi_desktop.storage.audit import AuditEvent
from pippi_desktop.storage.merge_queries import MergeQueries
from pippi_desktop.storage.workspace import Workspace
from pippi_desktop.storage.write_errors import remove_quietly
from pippi_desktop.sync import devices, sequence
from pippi_desktop.sync.bundle_reader import OpenedBundle, open_bundle, read_sections
from pippi_desktop.sync.envelope import MAX_BUNDLE_BYTES, MAX_BUNDLE_MIB
from pippi_desktop.sync.identity_keys import IdentityKeys
from pippi_desktop.sync.manifest import Manifest
from pippi_desktop.sync.merge import Merge, MergeResult

log = logging.getLogger(__name__)

APPLIED = "applied"
ALREADY_IMPORTED = "already_imported"
REJECTED = "rejected"
WOULD_APPLY = "would_apply"

MESSAGES = {
    APPLIED: N_(
        "Pacchetto importato: {created} record nuovi, {updated} aggiornati, {deleted} eliminati, "
        "{conflicts} conflitti da rivedere."
    ),
    WOULD_APPLY: N_(
        "Prova: il pacchetto si può importare ({created} record nuovi, {updated} aggiornati, "
        "{deleted} eliminati, {conflicts} conflitti). Nulla è stato cambiato."
    ),
    ALREADY_IMPORTED: N_("Pacchetto già importato: nulla è cambiato."),
}


@dataclass
class FamilyChanges:
    family_id: str | None
    code: str | None
    created: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "family_id": self.family_id,
            "code": self.code,
            "created": self.created,
            "updated": self.updated,
            "deleted": self.deleted,
            "conflicts": self.conflicts,
        }


@dataclass
class ImportOutcome:
    file: str
    status: str
    reason: str | None = None
    message: str = ""
    device_id: str | None = None
    seq: int | None = None
    created: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts: int = 0
    families: list[FamilyChanges] = field(default_factory=list)
    missing_seqs: list[int] = field(default_factory=list)
    operations: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "status": self.status,
            "reason": self.reason,
            "message": self.message,
            "device_id": self.device_id,
            "seq": self.seq,
            "created": self.created,
            "updated": self.updated,
            "deleted": self.deleted,
            "conflicts": self.conflicts,
            "families": [family.as_json() for family in self.families],
            "missing_seqs": self.missing_seqs,
            "operations": self.operations,
        }


class _RollBack(Exception):
    """Ends a dry run: the transaction is rolled back."""


def read_bundle_file(path: Path) -> bytes:
    """The file's bytes, refusing a huge file before reading a byte of it."""
    try:
        stat = path.stat()
    except OSError:
        raise BundleRejected("not_a_bundle") from None
    if not path.is_file():
        raise BundleRejected("not_a_bundle")
    if stat.st_size > MAX_BUNDLE_BYTES + 4096:
        raise BundleRejected("too_large", maximum=MAX_BUNDLE_MIB)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BUNDLE_BYTES + 4097)
    except OSError:
        raise BundleRejected("not_a_bundle") from None
    if len(data) > MAX_BUNDLE_BYTES + 4096:
        raise BundleRejected("too_large", maximum=MAX_BUNDLE_MIB)
    return data


def _message(status: str, lang: Lang, outcome: ImportOutcome) -> str:
    return (
        MESSAGES[status]
        .bind(
            created=outcome.created,
            updated=outcome.updated,
            deleted=outcome.deleted,
            conflicts=outcome.conflicts,
        )
        .translated(lang)
    )


class _Importer:
    def __init__(
        self,
        workspace: Workspace,
        keys: IdentityKeys | None,
        lang: Lang,
        ring: dict[str, X25519PrivateKey] | None = None,
    ) -> None:
        self.workspace = workspace  # the storage workspace of the office
        self.keys = keys
        self.ring = ring or {}
        self.lang = lang
        self.vocabulary = vocabulary()
        identity = workspace.identity
        self.own_device_ids = {identity.device_id}

    def open(self, data: bytes) -> OpenedBundle:
        if self.keys is None:  # no office card was ever made: nobody can have encrypted to us
            raise BundleRejected("wrong_recipient")
        return open_bundle(data, self.keys, self.ring)

    def process(self, connection: Connection, opened: OpenedBundle, outcome: ImportOutcome) -> None:
        """Everything after decryption, inside the caller's transaction; raises to refuse."""
        assert self.keys is not None
        manifest = opened.manifest
        unpacked = opened.unpacked
        self.own_device_ids.update(sync_queries.previous_device_ids(connection))
        sender = devices.identify_sender(
            manifest,
            unpacked.manifest_bytes,
            unpacked.signature,
            registrations=sync_queries.devices(connection, devices.ids_to_look_up(manifest)),
            is_revoked=lambda key: bool(sync_queries.revoked_keys(connection, [key])),
            has_operations=lambda device: bool(
                sync_queries.devices_with_operations(connection, [device])
            ),
            own_device_ids=self.own_device_ids,
        )
        if (
            manifest.recipient_key_id != opened.header.recipient_key_id
            or manifest.recipient_key_id not in {self.keys.key_id, *self.ring}
            or manifest.recipient_office_id != self.workspace.identity.workspace_id
        ):
            raise BundleRejected("wrong_recipient")
        if manifest.schema_version > migrate.schema_number(migrate.head_revision()):
            raise BundleRejected("unsupported_version")
        found = sequence.check_sequence(
            manifest,
            opened.bundle_hash,
            hash_of_same_id=sync_queries.received_bundle_hash(connection, manifest.bundle_id),
            around=sync_queries.received_around(
                connection, manifest.sender_device_id, manifest.seq
            ),
        )
        if found == ALREADY_IMPORTED:
            outcome.status = ALREADY_IMPORTED
            return
        chain = sync_queries.registration_ids(connection, sender.registered.signing_key)
        chain.update(manifest.chain_device_ids)
        content = read_sections(opened, self.vocabulary, sender_chain=chain)
        now = datetime.now(UTC).isoformat(timespec="milliseconds")
        merge = Merge(
            MergeQueries(connection),
            explain_missing=lambda: _sender_has_gap(connection, chain, manifest),
            detected_at=now,
        )
        result = merge.apply(content.operations)
        if result.family_ids:
            casefile_queries.refresh_family_summaries(
                connection, result.family_ids, child_roles=self.vocabulary.child_roles()
            )
        self._store_audit(connection, manifest.sender_device_id, manifest.bundle_id, content.audit)
        sync_queries.add_devices(
            connection,
            devices.new_incarnations(
                sender,
                manifest.sender_workspace_id,
                at=datetime.now(UTC).replace(microsecond=0).isoformat(),
            ),
        )
        sync_queries.record_bundle_received(
            connection,
            BundleReceived(
                device_id=manifest.sender_device_id,
                seq=manifest.seq,
                bundle_id=manifest.bundle_id,
                bundle_hash=opened.bundle_hash,
                prev_hash=manifest.prev_hash,
                created_at=manifest.created_at,
                imported_at=now,
                operations=manifest.operation_count,
                audit_entries=manifest.audit_count,
                ranges=tuple((r.device_id, r.first, r.last) for r in manifest.operation_ranges),
                app_version=manifest.app_version,
                schema_version=manifest.schema_version,
            ),
        )
        sync_queries.observe_lamport(
            connection, result.max_lamport, device_id=self.workspace.identity.device_id
        )
        self.workspace.audit(
            connection, AuditEvent("bundle_imported", "bundle", manifest.bundle_id)
        )
        self._summarise(connection, result, outcome)
        outcome.operations = manifest.operation_count
        outcome.missing_seqs = sequence.missing_seqs(
            sync_queries.received_seqs(connection, manifest.sender_device_id)
        )

    @staticmethod
    def _store_audit(
        connection: Connection, sender: str, bundle_id: str, entries: list[dict[str, Any]]
    ) -> None:
        if not entries:
            return
        stored = sync_queries.received_audit_hashes(
            connection, sender, entries[0]["seq"], entries[-1]["seq"]
        )
        fresh = []
        for entry in entries:
            known = stored.get(entry["seq"])
            if known is None:
                fresh.append({**entry, "sender_device_id": sender, "bundle_id": bundle_id})
            elif known != entry["hash"]:
                raise BundleRejected("rollback_detected")
        sync_queries.add_received_audit(connection, fresh)

    @staticmethod
    def _summarise(connection: Connection, result: MergeResult, outcome: ImportOutcome) -> None:
        per_family: dict[str | None, FamilyChanges] = {}
        for item in result.outcomes:
            family = per_family.setdefault(item.family_id, FamilyChanges(item.family_id, None))
            family.created += item.created
            family.updated += item.updated
            family.deleted += item.deleted
            family.conflicts += item.new_conflicts
        codes = casefile_queries.family_codes(connection, [fid for fid in per_family if fid])
        for family_id, family in per_family.items():
            family.code = codes.get(family_id) if family_id else None
        changed = [
            f for f in per_family.values() if f.created or f.updated or f.deleted or f.conflicts
        ]
        outcome.families = sorted(changed, key=lambda f: (f.code or "~", f.family_id or ""))
        outcome.created = sum(f.created for f in changed)
        outcome.updated = sum(f.updated for f in changed)
        outcome.deleted = sum(f.deleted for f in changed)
        outcome.conflicts = sum(f.conflicts for f in changed)


def _refused(outcome: ImportOutcome, error: BundleRejected, lang: Lang) -> ImportOutcome:
    outcome.status = REJECTED
    outcome.reason = error.reason
    outcome.message = error.message(lang)
    outcome.created = outcome.updated = outcome.deleted = outcome.conflicts = 0
    outcome.families = []
    outcome.missing_seqs = []
    log.info("bundle refused: %s", error.reason)
    return outcome


def import_bundles(
    workspace: OpenWorkspace,
    paths: Sequence[Path],
    *,
    dry_run: bool = False,
    lang: Lang = Lang.IT,
) -> list[ImportOutcome]:
    """Import (or, with `dry_run`, try) each file; one outcome per file, in order."""
    require_role(workspace, ROLE_OFFICE)
    store = store_of(workspace)
    with store.read() as connection:
        keys = stored_keys(connection)
        ring = exchange_key_ring(connection)
    importer = _Importer(store, keys, lang, ring)
    outcomes: list[ImportOutcome] = []
    opened: list[tuple[ImportOutcome, OpenedBundle | None, bytes]] = []
    for path in paths:
        outcome = ImportOutcome(file=str(path), status=REJECTED)
        data = b""
        try:
            data = read_bundle_file(Path(path))
            found = importer.open(data)
            outcome.device_id = found.manifest.sender_device_id
            outcome.seq = found.manifest.seq
            opened.append((outcome, found, data))
        except BundleRejected as error:
            opened.append((_refused(outcome, error, lang), None, b""))
    if dry_run:
        try:
            with store.write() as connection:
                for outcome, bundle, _data in opened:
                    outcomes.append(outcome)
                    if bundle is None:
                        continue
                    savepoint = connection.begin_nested()
                    try:
                        importer.process(connection, bundle, outcome)
                    except BundleRejected as error:
                        savepoint.rollback()
                        _refused(outcome, error, lang)
                        continue
                    savepoint.commit()
                    if outcome.status != ALREADY_IMPORTED:
                        outcome.status = WOULD_APPLY
                    outcome.message = _message(outcome.status, lang, outcome)
                raise _RollBack()
        except _RollBack:
            pass
        return outcomes
    for outcome, bundle, data in opened:
        outcomes.append(outcome)
        if bundle is None:
            continue
        copies: list[Path] = []
        try:
            with store.write() as connection:
                importer.process(connection, bundle, outcome)
                if outcome.status != ALREADY_IMPORTED:
                    outcome.status = APPLIED
                    copies.append(_keep_copy(store, data, outcome))
        except BundleRejected as error:
            _refused(outcome, error, lang)
            continue
        except BaseException:
            for path in copies:  # the import did not commit: no copy of it either
                remove_quietly(path)
            raise
        outcome.message = _message(outcome.status, lang, outcome)
        if outcome.status == APPLIED:
            log.info("bundle %s imported: %s operations", outcome.seq, outcome.operations)
    return outcomes


def _keep_copy(workspace: Workspace, data: bytes, outcome: ImportOutcome) -> Path:
    """A copy of the imported file in `inbox/`, named by ids only (before the commit)."""
    make_private_dir(workspace.layout.inbox)
    name = f"in-{(outcome.device_id or 'x')[:8]}-{outcome.seq or 0:05d}.pippi"
    path = workspace.layout.inbox / name
    write_atomic(path, data)
    return path


def _sender_has_gap(connection: Connection, chain: set[str], manifest: Manifest) -> bool:
    return sequence.sender_has_gap(
        manifest,
        chain,
        received_seqs=lambda device: sync_queries.received_seqs(connection, device),
        operations_before=lambda device, counter: sync_queries.count_operations_before(
            connection, device, counter
        ),
    )


def missing_by_device(workspace: OpenWorkspace) -> dict[str, list[int]]:
    with store_of(workspace).read() as connection:
        receipts = sync_queries.receipts_by_device(connection)
    return {
        device: sequence.missing_seqs(sorted(seq for seq, _at in found))
        for device, found in receipts.items()
    }
