"""Use cases of the workspace itself: create, open, info, passphrase, recovery, backup, verify.

Every function here is what the GUI and the command line call; both get typed errors from
`domain.errors` and never a library exception.
"""

from __future__ import annotations

import logging
import os
import tempfile
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from pippi_desktop.domain.errors import (
    CannotWrite,
    InvalidFile,
    InvalidRecord,
    PippiError,
    TargetNotEmpty,
    WeakPassphrase,
    WorkspaceDamaged,
    WrongPassphrase,
    WrongRecoveryCode,
)
from pippi_desktop.domain.passphrase_policy import check_passphrase, load_common_passwords
from pippi_desktop.domain.workspace_identity import ROLES
from pippi_desktop.resource_paths import resource
from pippi_desktop.services._identity_keys import ensure_keys
from pippi_desktop.services.casefile_view import count_families
from pippi_desktop.services.catalogue_service import ensure_default_catalogue
from pippi_desktop.services.draft_service import retire_draft_key, rewrite_retired_drafts
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.storage import backup as backup_file
from pippi_desktop.storage import keyslots as ks
from pippi_desktop.storage import migrate, sync_queries
from pippi_desktop.storage.atomic import make_private_dir
from pippi_desktop.storage.audit import AuditEvent, append_audit, verify_audit
from pippi_desktop.storage.changes import verify_own_operations
from pippi_desktop.storage.engine import damage_as_workspace_error, make_engine
from pippi_desktop.storage.key_wrap import (
    DEFAULT_ITERATIONS,
    DEFAULT_MEMORY_KIB,
    DEFAULT_PARALLELISM,
    Argon2Params,
    derive_subkey,
    new_recovery_code,
)
from pippi_desktop.storage.layout import WorkspaceLayout
from pippi_desktop.storage.meta import read_meta, read_meta_values, write_meta_values
from pippi_desktop.storage.workspace import Unlocker, Workspace
from pippi_desktop.storage.write_errors import (
    remove_quietly,
    remove_tree_quietly,
    reporting_write_errors,
)
from pippi_desktop.sync.escrow import CONSTRUCTION, seal_data_key
from pippi_desktop.version import __version__

log = logging.getLogger(__name__)

MAX_NAME_LENGTH = 120


def _kdf_params_from_env() -> Argon2Params:
    """The Argon2id cost for new passphrase slots.

    Defaults: 256 MiB, 3 passes, 4 lanes. `PIPPI_KDF_MEMORY_KIB` / `PIPPI_KDF_ITERATIONS` may
    lower it for an old laptop or the test suite, never below the 64 MiB floor.
    """

    def _int(name: str, default: int) -> int:
        try:
            return int(os.environ.get(name, default))
        except ValueError:
            return default

    return Argon2Params(
        memory_kib=_int("PIPPI_KDF_MEMORY_KIB", DEFAULT_MEMORY_KIB),
        iterations=_int("PIPPI_KDF_ITERATIONS", DEFAULT_ITERATIONS),
        parallelism=_int("PIPPI_KDF_PARALLELISM", DEFAULT_PARALLELISM),
    ).clamped()


def validate_new_passphrase(passphrase: str, *, old: str | None = None) -> None:
    check_passphrase(
        passphrase, common=load_common_passwords(str(resource("common_passwords.txt")))
    )
    if old is not None and passphrase == old:
        raise WeakPassphrase("same_as_old")


@dataclass(frozen=True)
class CreatedWorkspace:
    workspace: OpenWorkspace
    recovery_code: str


def create_workspace(
    path: Path,
    *,
    role: str,
    name: str,
    passphrase: str,
    default_kdf_cost: bool = False,
) -> CreatedWorkspace:
    """Make a new workspace folder; the recovery code is returned once and never stored.

    `default_kdf_cost`: the application's Argon2id cost even where `PIPPI_KDF_*` lowers it
    (the self-test proves the real cost works)."""
    if role not in ROLES:
        raise InvalidRecord("not_in_list", field="role")
    clean_name = " ".join(name.split())
    if not clean_name:
        raise InvalidRecord("required", field="name")
    if len(clean_name) > MAX_NAME_LENGTH:
        raise InvalidRecord("too_long", field="name", maximum=MAX_NAME_LENGTH)
    WorkspaceLayout(Path(path)).check_new()
    validate_new_passphrase(passphrase)
    code = new_recovery_code()
    workspace = Workspace.create(
        Path(path),
        role=role,
        name=clean_name,
        passphrase=passphrase,
        recovery_code=code,
        kdf=Argon2Params() if default_kdf_cost else _kdf_params_from_env(),
        extra_meta={"app_version_created": __version__},
    )
    opened = OpenWorkspace(workspace)
    try:
        ensure_default_catalogue(opened)
        with workspace.write() as connection:
            ensure_keys(connection)
    except BaseException:
        workspace.close()
        raise
    return CreatedWorkspace(workspace=opened, recovery_code=code)


def _write_backup(
    workspace: Workspace, target: Path, revision: str | None
) -> backup_file.BackupHeader:
    """The sealed backup file of the open workspace, with the key slots of this moment."""
    return backup_file.write_backup(
        workspace.engine,
        target,
        keyslots_bytes=workspace.keyslots_bytes(),
        workspace_id=workspace.keyslots.workspace_id,
        schema_version=migrate.schema_number(revision),
        app_version=__version__,
        seal_key=workspace.subkey(backup_file.BACKUP_SEAL_PURPOSE),
    )


def _pre_upgrade_backup(workspace: Workspace, pending: tuple[str, ...]) -> None:
    with workspace.read() as connection:
        current = migrate.current_revision(connection)
    if current is None:
        return
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = workspace.layout.backups / f"pre-upgrade-{current}-to-{pending[-1]}-{stamp}.pippibak"
    make_private_dir(workspace.layout.backups)
    _write_backup(workspace, target, current)
    log.info("backup written before upgrading schema %s -> %s", current, pending[-1])


def check_workspace_path(path: Path) -> None:
    """Fail early (before asking for a passphrase) when `path` cannot be a workspace."""
    layout = WorkspaceLayout(Path(path))
    layout.check_existing()
    ks.load(layout.keyslots)


def open_workspace(
    path: Path, *, passphrase: str | None = None, recovery_code: str | None = None
) -> OpenWorkspace:
    """Unlock with the passphrase (or the recovery code) and bring the schema up to date."""
    return OpenWorkspace(_open_store(path, passphrase=passphrase, recovery_code=recovery_code))


def _open_store(
    path: Path,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    unlocker: Unlocker | None = None,
    script_location: Path = migrate.MIGRATIONS_DIR,
) -> Workspace:
    """`open_workspace` for services: also with another `unlocker` (the office's escrow key)."""
    if passphrase is None and recovery_code is None and unlocker is None:
        raise WrongPassphrase()

    def unlock(slots: ks.KeySlots) -> bytearray:
        if unlocker is not None:
            return unlocker(slots)
        if recovery_code is not None:
            return ks.unlock_with_recovery_code(slots, recovery_code)
        assert passphrase is not None
        return ks.unlock_with_passphrase(slots, passphrase)

    try:
        workspace = Workspace.open(
            Path(path),
            unlock,
            script_location=script_location,
            backup_before_upgrade=_pre_upgrade_backup,
        )
    except (WrongPassphrase, WrongRecoveryCode):
        log.info("unlock refused")
        raise
    if workspace.read_only:
        return workspace
    try:
        ensure_default_catalogue(OpenWorkspace(workspace))
    except BaseException:
        workspace.close()
        raise
    return workspace


def workspace_info(workspace: OpenWorkspace) -> dict[str, Any]:
    """What `info` shows: identity, versions and KDF cost; never a secret."""
    store = store_of(workspace)
    identity = workspace.identity
    params = store.keyslots.passphrase_params()
    with store.read() as connection:
        revision = migrate.current_revision(connection)
    return {
        "role": identity.role,
        "name": identity.name,
        "workspace_id": identity.workspace_id,
        "device_id": identity.device_id,
        "incarnation": identity.incarnation,
        "created_at": identity.created_at,
        "schema_version": migrate.schema_number(revision),
        "app_version": __version__,
        "kdf": {
            "algorithm": "argon2id",
            "memory_kib": params.memory_kib,
            "iterations": params.iterations,
            "parallelism": params.parallelism,
        },
        "key_slots": sorted({slot.kind for slot in store.keyslots.slots}),
        "families": count_families(workspace),
    }


@dataclass(frozen=True)
class KeyChange:
    """What a change of the data key leaves: a new recovery code to show once, if one was made.

    A recovery slot written before issue 13 wraps the key under the code itself, so it cannot
    follow a new data key without the code: such a workspace gets a new code (and the old one
    stops working); the caller must show it.
    """

    recovery_code: str | None = None


def _escrow_offices(workspace: Workspace) -> list[tuple[str, bytes]]:
    """(key id, X25519 public key) of the office each escrow slot is sealed to, if still
    trusted; the slot of an office no longer trusted is not carried to the new key."""
    wanted = {slot.kdf.get("office_key_id") for slot in workspace.keyslots.of_kind(ks.ESCROW)}
    if not wanted:
        return []
    with workspace.read() as connection:
        office = sync_queries.trusted_office(connection)
    if office is None or office.key_id not in wanted:
        log.warning("an escrow slot of an office no longer trusted is dropped with the old key")
        return []
    return [(office.key_id, bytes.fromhex(office.exchange_key))]


def rotate_data_key(
    workspace: OpenWorkspace,
    *,
    passphrase: str,
    recovery_code: str | None = None,
    new_code: bool = False,
) -> KeyChange:
    """Re-encrypt the database under a new data key; every way to unlock follows it.

    The passphrase slot is made for `passphrase`; the recovery slot is sealed to the same code
    (or made for `recovery_code`, or for a fresh code with `new_code`); the escrow slot is
    sealed again to the trusted office. Old key slots (an old backup's) no longer open the
    database; old backups still open with the secrets of their day.
    """
    store = store_of(workspace)
    workspace_id = store.keyslots.workspace_id
    params = _kdf_params_from_env()
    offices = _escrow_offices(store)
    recovery = store.keyslots.of_kind(ks.RECOVERY)
    shown: str | None = None
    if new_code or (
        recovery_code is None and (not recovery or store.keyslots.has_legacy_recovery())
    ):
        recovery_code = shown = new_recovery_code()

    def make_slots(key: bytes) -> ks.KeySlots:
        slots = [ks.make_passphrase_slot(workspace_id, key, passphrase, params)]
        if recovery_code is not None:
            slots.append(ks.make_recovery_slot(workspace_id, key, recovery_code))
        else:
            slots += [ks.reseal_recovery_slot(slot, workspace_id, key) for slot in recovery]
        for office_key_id, exchange_key in offices:
            sealed = seal_data_key(key, exchange_key, workspace_id)
            slots.append(
                ks.make_escrow_slot(
                    office_key_id=office_key_id, sealed_key=sealed, construction=CONSTRUCTION
                )
            )
        return ks.KeySlots(workspace_id, tuple(slots))

    retire_draft_key(workspace)
    store.rotate_data_key(make_slots)
    try:
        rewrite_retired_drafts(workspace)
    except (CannotWrite, OSError, ValueError):
        log.warning("drafts not yet moved to the new key (done at the next listing)")
    return KeyChange(recovery_code=shown)


def _audit_quietly(workspace: OpenWorkspace, action: str) -> None:
    """The audit entry of a key change that is already done: a full disk must not turn it
    into a reported failure (the change happened)."""
    store = store_of(workspace)
    try:
        with store.write() as connection:
            store.audit(connection, AuditEvent(action, "workspace"))
    except CannotWrite:
        log.warning("audit entry %s not written", action)


def check_current_passphrase(workspace: OpenWorkspace, passphrase: str) -> None:
    """`WrongPassphrase` unless `passphrase` opens this workspace's passphrase slot."""
    key = ks.unlock_with_passphrase(store_of(workspace).keyslots, passphrase)
    for index in range(len(key)):
        key[index] = 0


def change_passphrase(
    workspace: OpenWorkspace, new_passphrase: str, *, old: str | None, check_old: bool = False
) -> KeyChange:
    """Set a new passphrase and change the data key (see `rotate_data_key`).

    `check_old` asks for `old` to be proved first (the GUI, where the workspace is already
    open); the command line has just opened the workspace with it.
    """
    validate_new_passphrase(new_passphrase, old=old)
    if check_old:
        check_current_passphrase(workspace, old or "")
    change = rotate_data_key(workspace, passphrase=new_passphrase)
    _audit_quietly(workspace, "passphrase_changed")
    log.info("passphrase changed, data key changed")
    return change


def recover_with_code(path: Path, recovery_code: str, new_passphrase: str) -> KeyChange:
    """Open with the recovery code, set a new passphrase and change the data key; the code
    stays valid."""
    validate_new_passphrase(new_passphrase)
    with open_workspace(path, recovery_code=recovery_code) as workspace:
        change = rotate_data_key(workspace, passphrase=new_passphrase, recovery_code=recovery_code)
        _audit_quietly(workspace, "passphrase_recovered")
    log.info("passphrase reset with the recovery code, data key changed")
    return change


def replace_recovery_code(workspace: OpenWorkspace, passphrase: str) -> str:
    """A new recovery code (returned once); the old one stops working, and so does any key
    slot of an older copy, because the data key changes too."""
    check_current_passphrase(workspace, passphrase)
    change = rotate_data_key(workspace, passphrase=passphrase, new_code=True)
    _audit_quietly(workspace, "recovery_code_replaced")
    log.info("recovery code replaced, data key changed")
    assert change.recovery_code is not None
    return change.recovery_code


@dataclass(frozen=True)
class BackupWritten:
    file: Path
    db_size: int  # bytes of the encrypted database inside


def backup_workspace(workspace: OpenWorkspace, out_path: Path) -> BackupWritten:
    """A sealed backup in `out_path`. A workspace on read-only media can be backed up (the
    way to rescue it); its audit log cannot record it there."""
    store = store_of(workspace)
    out_path = Path(out_path)
    if out_path.exists():
        raise InvalidFile("output_exists")
    if not out_path.parent.is_dir():
        raise InvalidFile("output_unwritable")
    with store.read() as connection:
        revision = migrate.current_revision(connection)
    header = _write_backup(store, out_path, revision)
    written = BackupWritten(out_path, header.db_size)
    if store.read_only:
        log.info("backup of a read-only workspace: not recorded in its audit log")
        return written
    try:
        with store.write() as connection:
            store.audit(connection, AuditEvent("backup_written", "workspace"))
    except BaseException:
        remove_quietly(out_path)  # not recorded, so not reported as written
        raise
    return written


def restore_workspace(
    backup_path: Path,
    new_path: Path,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
    accept_old_format: bool = False,
) -> OpenWorkspace:
    """Restore a backup into a new folder as a new incarnation (new device id).

    The operation counter of the old device id may have gone on after the backup was taken;
    a fresh device id guarantees no operation id is ever used twice. The old id is kept in
    `previous_device_ids` so the office can link the two.

    Everything happens in a staging folder beside the target, renamed into place only when
    the backup's seal matched and the new identity is written: a modified backup
    (`InvalidFile('backup_tampered')`, exit 4) or a full disk leaves no folder behind. A
    backup of the format before issue 13 has no seal: refused (`backup_old_format`) unless
    `accept_old_format`, and then kept only if SQLCipher's keyed check of every page,
    `quick_check` and the audit chain all pass.
    """
    header, offset = backup_file.read_header(Path(backup_path))
    slots, mac = header.keyslots()
    if slots.pending is not None or slots.workspace_id != header.workspace_id:
        raise InvalidFile("backup_tampered")
    layout = WorkspaceLayout(Path(new_path))
    layout.check_new()
    if not layout.root.parent.is_dir():
        raise TargetNotEmpty("parent_missing")
    # check the secret against the backup's slots before writing anything
    if recovery_code is not None:
        data_key = ks.unlock_with_recovery_code(slots, recovery_code)
    elif passphrase is not None:
        data_key = ks.unlock_with_passphrase(slots, passphrase)
    else:
        raise WrongPassphrase()
    try:
        ks.check_mac(slots, mac, data_key)
        if not header.sealed and not accept_old_format:
            raise InvalidFile("backup_old_format")
        _restore_into(Path(backup_path), header, offset, layout, slots, data_key)
    finally:
        for index in range(len(data_key)):
            data_key[index] = 0
    return open_workspace(layout.root, passphrase=passphrase, recovery_code=recovery_code)


def _restore_into(
    backup_path: Path,
    header: backup_file.BackupHeader,
    offset: int,
    layout: WorkspaceLayout,
    slots: ks.KeySlots,
    data_key: bytearray,
) -> None:
    existed = layout.root.exists()
    with reporting_write_errors(layout.root.parent):
        staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=layout.root.parent))
    try:
        with reporting_write_errors(staging):
            os.chmod(staging, 0o700)
            staged = WorkspaceLayout(staging)
            seal_key = derive_subkey(data_key, backup_file.BACKUP_SEAL_PURPOSE)
            backup_file.extract_database(backup_path, header, offset, staged.db, seal_key=seal_key)
            ks.save(staged.keyslots, slots, data_key)
            engine = make_engine(staged.db, lambda: data_key)
            try:
                with damage_as_workspace_error(staging):
                    if not header.sealed:
                        try:
                            _check_every_page(engine)
                        except WorkspaceDamaged:  # a page whose keyed HMAC fails
                            raise InvalidFile("backup_tampered") from None
                    with engine.begin() as connection:
                        _new_incarnation(connection)
            finally:
                engine.dispose()
            for sub in ("outbox", "inbox", "backups", "logs"):
                make_private_dir(staging / sub)
            if existed:
                layout.root.rmdir()  # it was checked empty
            os.replace(staging, layout.root)
    except BaseException:
        remove_tree_quietly(staging)
        raise


def _check_every_page(engine: Engine) -> None:
    """An unsealed (old format) backup: every page's keyed HMAC, the b-trees, the audit chain."""
    with damage_as_workspace_error(), engine.connect() as connection:
        cipher = connection.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()
        quick = [str(row[0]) for row in connection.exec_driver_sql("PRAGMA quick_check")]
        problems = verify_audit(connection)
    if cipher or quick != ["ok"] or problems:
        log.info("old-format backup refused: %d pages, audit %s", len(cipher), problems[:3])
        raise InvalidFile("backup_tampered")
    log.info("old-format backup accepted after a full check")


def _new_incarnation(connection: Connection) -> None:
    """The restored copy gets a new device id; the old one joins `previous_device_ids`."""
    identity = read_meta(connection)
    previous = read_meta_values(connection).get("previous_device_ids", "")
    chain = [p for p in previous.split(",") if p] + [identity.device_id]
    new_device = str(uuid.uuid4())
    write_meta_values(
        connection,
        {
            "device_id": new_device,
            "incarnation": str(identity.incarnation + 1),
            "previous_device_ids": ",".join(chain),
            "restored_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        },
    )
    append_audit(
        connection,
        [AuditEvent("restored_from_backup", "workspace")],
        device_id=new_device,
        actor=identity.role,
    )


@dataclass
class VerifyReport:
    ok: bool
    checks: list[dict[str, Any]]

    def as_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "checks": self.checks}


def damaged_report(error: WorkspaceDamaged) -> VerifyReport:
    """The report for a workspace too damaged to open."""
    keyslots_ok = error.variant != "keyslots"
    checks = [{"name": "key_slots", "ok": keyslots_ok, "detail": "" if keyslots_ok else error.code}]
    if keyslots_ok:
        checks.append({"name": "cipher_integrity", "ok": False, "detail": str(error)})
    return VerifyReport(ok=False, checks=checks)


def verify_workspace(path: Path, *, passphrase: str) -> VerifyReport:
    """Key slots, cipher integrity, quick_check, schema and the audit chain.

    Problems with the folder or the credentials raise as usual; problems found inside an
    openable workspace are reported as failed checks.
    """
    checks: list[dict[str, Any]] = []

    def add(name: str, ok: bool, detail: str = "") -> None:
        checks.append({"name": name, "ok": ok, "detail": detail})

    try:
        workspace = _open_store(path, passphrase=passphrase)
    except WorkspaceDamaged as error:
        return damaged_report(error)
    with workspace:
        add("key_slots", True)
        try:
            with workspace.read() as connection:
                cipher = [
                    str(row[0])
                    for row in connection.exec_driver_sql("PRAGMA cipher_integrity_check")
                ]
                add("cipher_integrity", not cipher, f"{len(cipher)} pages" if cipher else "")
                quick = [str(row[0]) for row in connection.exec_driver_sql("PRAGMA quick_check")]
                add("quick_check", quick == ["ok"], "" if quick == ["ok"] else "failed")
                revision = migrate.current_revision(connection)
                head = migrate.head_revision()
                add("schema", revision == head, f"{revision} / {head}")
                problems = verify_audit(connection)
                add("audit_chain", not problems, ", ".join(problems[:10]))
                gaps = verify_own_operations(connection, workspace.identity.device_id)
                add("change_log", not gaps, ", ".join(gaps[:10]))
        except PippiError as error:
            add("database", False, error.code)
    return VerifyReport(ok=all(check["ok"] for check in checks), checks=checks)
