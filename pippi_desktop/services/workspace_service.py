"""Use cases of the workspace itself: create, open, info, passphrase, recovery, backup, verify.

Every function here is what the GUI and the command line call; both get typed errors from
`domain.errors` and never a library exception.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text

from pippi_desktop.domain.errors import (
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
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.storage import backup as backup_file
from pippi_desktop.storage import keyslots as ks
from pippi_desktop.storage import migrate
from pippi_desktop.storage.atomic import make_private_dir
from pippi_desktop.storage.audit import AuditEvent, verify_audit
from pippi_desktop.storage.changes import verify_own_operations
from pippi_desktop.storage.engine import connect_raw
from pippi_desktop.storage.key_wrap import (
    DEFAULT_ITERATIONS,
    DEFAULT_MEMORY_KIB,
    DEFAULT_PARALLELISM,
    Argon2Params,
    new_recovery_code,
)
from pippi_desktop.storage.layout import WorkspaceLayout
from pippi_desktop.storage.meta import write_meta_values
from pippi_desktop.storage.workspace import Unlocker, Workspace
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


def _pre_upgrade_backup(workspace: Workspace, pending: tuple[str, ...]) -> None:
    with workspace.read() as connection:
        current = migrate.current_revision(connection)
    if current is None:
        return
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = workspace.layout.backups / f"pre-upgrade-{current}-to-{pending[-1]}-{stamp}.pippibak"
    make_private_dir(workspace.layout.backups)
    backup_file.write_backup(
        workspace.engine,
        target,
        keyslots_bytes=workspace.keyslots_bytes(),
        workspace_id=workspace.keyslots.workspace_id,
        schema_version=migrate.schema_number(current),
        app_version=__version__,
    )
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


def change_passphrase(workspace: OpenWorkspace, new_passphrase: str, *, old: str | None) -> None:
    """Rewrap the data key under a new passphrase; the database is not rewritten."""
    validate_new_passphrase(new_passphrase, old=old)
    store = store_of(workspace)
    store.set_passphrase(new_passphrase, _kdf_params_from_env())
    with store.write() as connection:
        store.audit(connection, AuditEvent("passphrase_changed", "workspace"))
    log.info("passphrase changed")


def recover_with_code(path: Path, recovery_code: str, new_passphrase: str) -> None:
    """Open with the recovery code and set a new passphrase."""
    validate_new_passphrase(new_passphrase)
    with _open_store(path, recovery_code=recovery_code) as workspace:
        workspace.set_passphrase(new_passphrase, _kdf_params_from_env())
        with workspace.write() as connection:
            workspace.audit(connection, AuditEvent("passphrase_recovered", "workspace"))
    log.info("passphrase reset with the recovery code")


@dataclass(frozen=True)
class BackupWritten:
    file: Path
    db_size: int  # bytes of the encrypted database inside


def backup_workspace(workspace: OpenWorkspace, out_path: Path) -> BackupWritten:
    store = store_of(workspace)
    out_path = Path(out_path)
    if out_path.exists():
        raise InvalidFile("output_exists")
    if not out_path.parent.is_dir():
        raise InvalidFile("output_unwritable")
    with store.read() as connection:
        revision = migrate.current_revision(connection)
    try:
        header = backup_file.write_backup(
            store.engine,
            out_path,
            keyslots_bytes=store.keyslots_bytes(),
            workspace_id=store.keyslots.workspace_id,
            schema_version=migrate.schema_number(revision),
            app_version=__version__,
        )
    except PermissionError:
        raise InvalidFile("output_unwritable") from None
    with store.write() as connection:
        store.audit(connection, AuditEvent("backup_written", "workspace"))
    return BackupWritten(out_path, header.db_size)


def restore_workspace(
    backup_path: Path,
    new_path: Path,
    *,
    passphrase: str | None = None,
    recovery_code: str | None = None,
) -> OpenWorkspace:
    """Restore a backup into a new folder as a new incarnation (new device id).

    The operation counter of the old device id may have gone on after the backup was taken;
    a fresh device id guarantees no operation id is ever used twice. The old id is kept in
    `previous_device_ids` so the office can link the two.
    """
    header, offset = backup_file.read_header(Path(backup_path))
    slots, mac = header.keyslots()
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
    ks.check_mac(slots, mac, data_key)

    existed = layout.root.exists()
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=layout.root.parent))
    try:
        os.chmod(staging, 0o700)
        staged = WorkspaceLayout(staging)
        backup_file.extract_database(Path(backup_path), header, offset, staged.db)
        ks.save(staged.keyslots, slots, data_key)
        connection = connect_raw(staged.db, data_key)
        connection.close()
        for sub in ("outbox", "inbox", "backups", "logs"):
            make_private_dir(staging / sub)
        if existed:
            layout.root.rmdir()  # it was checked empty
        os.replace(staging, layout.root)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        for index in range(len(data_key)):
            data_key[index] = 0

    workspace = _open_store(layout.root, passphrase=passphrase, recovery_code=recovery_code)
    try:
        identity = workspace.identity
        new_device = str(uuid.uuid4())
        with workspace.write() as conn:
            previous = conn.execute(
                text("SELECT value FROM workspace_meta WHERE key = 'previous_device_ids'")
            ).scalar()
            chain = [p for p in str(previous or "").split(",") if p] + [identity.device_id]
            write_meta_values(
                conn,
                {
                    "device_id": new_device,
                    "incarnation": str(identity.incarnation + 1),
                    "previous_device_ids": ",".join(chain),
                    "restored_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
                },
            )
            workspace.audit(conn, AuditEvent("restored_from_backup", "workspace"))
        workspace.reload_identity()
    except BaseException:
        workspace.close()
        raise
    return OpenWorkspace(workspace)


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
