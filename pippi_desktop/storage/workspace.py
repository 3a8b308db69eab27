"""An open (unlocked) workspace: the lock, the data key, the engine, the identity.

`Workspace.create` makes the folder; `Workspace.open` takes the process lock, opens a key slot,
checks the key-slot MAC, keys the engine, upgrades the schema (after a backup) and reads the
identity. `close()` drops every connection and overwrites the key in memory; the object is
then useless until opened again. Writes go through `write()`, which serialises them: one
writer at a time, one transaction per unit of work.
"""

from __future__ import annotations

import logging
import shutil
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from pippi_desktop.domain.errors import TargetNotEmpty, WorkspaceDamaged, WorkspaceLocked
from pippi_desktop.domain.workspace_identity import WorkspaceIdentity
from pippi_desktop.storage import keyslots as ks
from pippi_desktop.storage import migrate
from pippi_desktop.storage.atomic import make_private_dir
from pippi_desktop.storage.audit import AuditEvent, append_audit
from pippi_desktop.storage.engine import (
    SINGLE_STATEMENT_READ,
    create_database,
    damage_as_workspace_error,
    make_engine,
)
from pippi_desktop.storage.key_wrap import Argon2Params, derive_subkey, new_data_key
from pippi_desktop.storage.layout import SUBDIRS, WorkspaceLayout
from pippi_desktop.storage.lockfile import WorkspaceLock
from pippi_desktop.storage.log_files import attach_workspace_log, detach_workspace_log
from pippi_desktop.storage.meta import read_meta, write_meta_values
from pippi_desktop.storage.write_state import WriteState

log = logging.getLogger(__name__)

Unlocker = Callable[[ks.KeySlots], bytearray]


def _now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _remove_half_made(layout: WorkspaceLayout, *, keep_root: bool) -> None:
    """Undo a creation that failed, so the folder is as the user gave it."""
    if keep_root:
        for child in layout.root.iterdir():
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
    else:
        shutil.rmtree(layout.root, ignore_errors=True)


class Workspace:
    """An unlocked workspace. Create with `Workspace.create` or `Workspace.open`."""

    def __init__(
        self,
        layout: WorkspaceLayout,
        lock: WorkspaceLock,
        data_key: bytearray,
        keyslots: ks.KeySlots,
    ) -> None:
        self.layout = layout
        self._lock = lock
        self._key: bytearray | None = data_key
        self.keyslots = keyslots
        self._write_lock = threading.RLock()
        self._engine: Engine | None = make_engine(layout.db, self._require_key)
        self._log_handler: logging.Handler | None = None
        self.meta: WorkspaceIdentity | None = None
        # Only this process writes (the folder lock), so after a commit the clock and audit
        # head are known without reading them back.
        self.write_state: WriteState | None = None
        self._pending_state: WriteState | None = None

    # --- lifecycle ----------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        root: Path,
        *,
        role: str,
        name: str,
        passphrase: str,
        recovery_code: str,
        kdf: Argon2Params,
        extra_meta: dict[str, str] | None = None,
        script_location: Path = migrate.MIGRATIONS_DIR,
    ) -> Workspace:
        layout = WorkspaceLayout(Path(root))
        layout.check_new()
        if not layout.root.parent.is_dir():
            raise TargetNotEmpty("parent_missing")
        existed = layout.root.exists()
        make_private_dir(layout.root)
        for sub in SUBDIRS:
            make_private_dir(layout.root / sub)
        lock = WorkspaceLock(layout.lock)
        lock.acquire()
        try:
            workspace_id = str(uuid.uuid4())
            data_key = new_data_key()
            slots = ks.KeySlots(
                workspace_id=workspace_id,
                slots=(
                    ks.make_passphrase_slot(workspace_id, data_key, passphrase, kdf),
                    ks.make_recovery_slot(workspace_id, data_key, recovery_code),
                ),
            )
            create_database(layout.db, data_key)
            workspace = cls(layout, lock, data_key, slots)
            migrate.upgrade(workspace.engine, script_location=script_location)
            meta = {
                "workspace_id": workspace_id,
                "device_id": str(uuid.uuid4()),
                "role": role,
                "name": name,
                "incarnation": "1",
                "created_at": _now_iso(),
                **(extra_meta or {}),
            }
            with workspace.engine.begin() as connection:
                write_meta_values(connection, meta)
                append_audit(
                    connection,
                    [AuditEvent("workspace_created", "workspace", workspace_id)],
                    device_id=meta["device_id"],
                    actor=role,
                )
            # keyslots.json last: a folder without it is not yet a workspace
            ks.save(layout.keyslots, slots, data_key)
            workspace._finish_open()
            return workspace
        except BaseException:
            lock.release()
            _remove_half_made(layout, keep_root=existed)
            raise

    @classmethod
    def open(
        cls,
        root: Path,
        unlock: Unlocker,
        *,
        script_location: Path = migrate.MIGRATIONS_DIR,
        backup_before_upgrade: Callable[[Workspace, tuple[str, ...]], None] | None = None,
    ) -> Workspace:
        layout = WorkspaceLayout(Path(root))
        layout.check_existing()
        slots, mac = ks.load(layout.keyslots)
        lock = WorkspaceLock(layout.lock)
        lock.acquire()
        try:
            data_key = unlock(slots)
            ks.check_mac(slots, mac, data_key)
            workspace = cls(layout, lock, data_key, slots)
            try:
                with damage_as_workspace_error():
                    with workspace.engine.connect() as connection:
                        pending = migrate.pending_revisions(connection, script_location)
                    if pending:
                        if backup_before_upgrade is not None:
                            backup_before_upgrade(workspace, pending)
                        migrate.upgrade(workspace.engine, script_location=script_location)
                    workspace._finish_open()
            except BaseException:
                workspace.close()
                raise
            return workspace
        except BaseException:
            lock.release()
            raise

    def _finish_open(self) -> None:
        with damage_as_workspace_error(), self.engine.connect() as connection:
            self.meta = read_meta(connection)
        if self.meta.workspace_id != self.keyslots.workspace_id:
            raise WorkspaceDamaged("keyslots")
        self._log_handler = attach_workspace_log(self.layout.logs)
        log.info("workspace opened (schema %s)", migrate.head_revision())

    def reload_identity(self) -> None:
        with damage_as_workspace_error(), self.engine.connect() as connection:
            self.meta = read_meta(connection)

    @property
    def is_open(self) -> bool:
        return self._key is not None

    def close(self) -> None:
        """Lock: drop every connection, overwrite the key in memory, release the folder."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        if self._key is not None:
            for index in range(len(self._key)):
                self._key[index] = 0
            self._key = None
        if self._log_handler is not None:
            log.info("workspace closed")
            detach_workspace_log(self._log_handler)
            self._log_handler = None
        self._lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- access -------------------------------------------------------------------------

    def _require_key(self) -> bytearray:
        if self._key is None:
            raise WorkspaceLocked()
        return self._key

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise WorkspaceLocked()
        return self._engine

    @property
    def identity(self) -> WorkspaceIdentity:
        if self.meta is None:
            raise WorkspaceLocked()
        return self.meta

    def subkey(self, purpose: bytes) -> bytes:
        """A key derived from the data key for one purpose (drafts, MACs)."""
        return derive_subkey(self._require_key(), purpose)

    @contextmanager
    def read(self, *, single_statement: bool = False) -> Iterator[Connection]:
        """A read connection; several statements share one snapshot (BEGIN … ROLLBACK).

        `single_statement=True` skips the BEGIN for a caller that runs exactly one SELECT.
        """
        with damage_as_workspace_error(), self.engine.connect() as connection:
            if single_statement:
                connection = connection.execution_options(**{SINGLE_STATEMENT_READ: True})
            yield connection

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One serialised write transaction: committed on a clean exit, rolled back otherwise.

        `write_state` (the clock and audit head, see `storage.changes`) is what the last
        committed write left; it is dropped whenever a write does not commit, so the next one
        reads it from the database again.
        """
        with self._write_lock:
            committed = False
            try:
                with damage_as_workspace_error(), self.engine.begin() as connection:
                    self._pending_state = None
                    yield connection
                committed = True
            finally:
                self.write_state = self._pending_state if committed else None
                self._pending_state = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One ORM unit of work in a serialised write transaction."""
        with (
            self._write_lock,
            damage_as_workspace_error(),
            Session(self.engine) as session,
            session.begin(),
        ):
            yield session

    def audit(self, connection: Connection, *events: AuditEvent) -> None:
        identity = self.identity
        append_audit(connection, events, device_id=identity.device_id, actor=identity.role)
        self._pending_state = None  # the audit head moved outside a ChangeWriter

    def remember_write_state(self, state: WriteState) -> None:
        """Called by a ChangeWriter at flush: becomes `write_state` if the write commits."""
        self._pending_state = state

    # --- key slots ----------------------------------------------------------------------

    def replace_slot(self, kind: str, new_slot: ks.KeySlot) -> None:
        """Swap the slot of `kind` for `new_slot` and rewrite keyslots.json atomically."""
        updated = self.keyslots.replacing(kind, new_slot)
        ks.save(self.layout.keyslots, updated, self._require_key())
        self.keyslots = updated

    def add_slot(self, new_slot: ks.KeySlot) -> None:
        updated = ks.KeySlots(self.keyslots.workspace_id, (*self.keyslots.slots, new_slot))
        ks.save(self.layout.keyslots, updated, self._require_key())
        self.keyslots = updated

    def seal_escrow_slot(
        self, *, office_key_id: str, seal: Callable[[bytes], bytes], construction: str
    ) -> None:
        """Replace the escrow slot with the data key sealed by `seal` (to an office's key)."""
        sealed = seal(bytes(self._require_key()))
        slot = ks.make_escrow_slot(
            office_key_id=office_key_id, sealed_key=sealed, construction=construction
        )
        self.replace_slot(ks.ESCROW, slot)

    def set_passphrase(self, passphrase: str, params: Argon2Params) -> None:
        slot = ks.make_passphrase_slot(
            self.keyslots.workspace_id, self._require_key(), passphrase, params
        )
        self.replace_slot(ks.PASSPHRASE, slot)

    def keyslots_bytes(self) -> bytes:
        return ks.serialise(self.keyslots, self._require_key())
