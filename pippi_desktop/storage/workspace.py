"""An open (unlocked) workspace: the lock, the data key, the engine, the identity.

`Workspace.create` makes the folder; `Workspace.open` takes the process lock, opens a key slot,
checks the key-slot MAC, keys the engine, upgrades the schema (after a backup) and reads the
identity. `close()` drops every connection and overwrites the key in memory; the object is
then useless until opened again. Writes go through `write()`, which serialises them: one
writer at a time, one transaction per unit of work.

`rotate_data_key` re-encrypts the database under a new random key (a passphrase change, a
recovery, a new recovery code): key file first with both key sets (`pending`), then the
database, then the key file with the new set only. Opening a folder left between two steps
tries both sets, keeps the one whose key opens the database and finishes the key file
(docs/workspace-format.md, "Changing the data key").

A folder that cannot be written (read-only media) opens read-only: reads work, every write
raises `CannotWrite("workspace_read_only")`.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from pippi_desktop.domain.errors import (
    CannotWrite,
    EscrowUnavailable,
    PippiError,
    TargetNotEmpty,
    WorkspaceDamaged,
    WorkspaceLocked,
    WrongPassphrase,
    WrongRecoveryCode,
)
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
from pippi_desktop.storage.permissions import tighten_permissions
from pippi_desktop.storage.rekey import checkpoint, database_opens, rekey_database
from pippi_desktop.storage.write_state import WriteState

log = logging.getLogger(__name__)

Unlocker = Callable[[ks.KeySlots], bytearray]
SlotMaker = Callable[[bytes], ks.KeySlots]
_REFUSALS = (WrongPassphrase, WrongRecoveryCode, EscrowUnavailable)


def _wipe(key: bytearray | None) -> None:
    if key is not None:
        for index in range(len(key)):
            key[index] = 0


def _refusal(unlock: Unlocker, workspace_id: str) -> PippiError:
    """The error `unlock` gives when no slot of it opens (its own words: passphrase, code…)."""
    try:
        _wipe(unlock(ks.KeySlots(workspace_id)))
    except PippiError as error:
        return error
    return WrongPassphrase()


def _unlock_rotating(
    layout: WorkspaceLayout, slots: ks.KeySlots, mac: str, unlock: Unlocker, *, read_only: bool
) -> tuple[bytearray, ks.KeySlots]:
    """Open a key file left in the middle of a rotation: the key set whose key opens the
    database wins (the new one first); a secret of the other set is refused like a wrong one."""
    upcoming, upcoming_mac = slots.next()
    unlocked = 0
    # each key set with the file and MAC that prove it: the new set's own MAC, or the
    # whole file's (pending included) under the current key
    for candidate, signed, signature in (
        (upcoming, upcoming, upcoming_mac),
        (slots.current(), slots, mac),
    ):
        try:
            key = unlock(candidate)
        except _REFUSALS:
            continue
        ks.check_mac(signed, signature, key)
        if database_opens(layout.db, key, read_only=read_only):
            return key, candidate
        unlocked += 1
        _wipe(key)
    if unlocked == 2:  # a secret of both sets (the recovery code), and neither key reads
        raise WorkspaceDamaged("database")
    if unlocked:
        log.info("unlock refused: the secret belongs to the key set a rotation replaced")
    raise _refusal(unlock, slots.workspace_id)


def _refuse_unclean_read_only(layout: WorkspaceLayout) -> None:
    """Read-only media can only be read without the WAL: one with content cannot be folded in."""
    wal = layout.db.with_name(layout.db.name + "-wal")
    try:
        if wal.stat().st_size > 0:
            raise CannotWrite("read_only_unclean")
    except FileNotFoundError:
        return


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


def _writable(layout: WorkspaceLayout, lock: WorkspaceLock) -> bool:
    return (
        lock.writable
        and os.access(layout.root, os.W_OK)
        and os.access(layout.db, os.W_OK)
        and os.access(layout.keyslots, os.W_OK)
    )


class Workspace:
    """An unlocked workspace. Create with `Workspace.create` or `Workspace.open`."""

    def __init__(
        self,
        layout: WorkspaceLayout,
        lock: WorkspaceLock,
        data_key: bytearray,
        keyslots: ks.KeySlots,
        *,
        read_only: bool = False,
    ) -> None:
        self.layout = layout
        self._lock = lock
        self._key: bytearray | None = data_key
        self.keyslots = keyslots
        self.read_only = read_only
        self._opening_note: str | None = None
        self._write_lock = threading.RLock()
        self._engine: Engine | None = make_engine(layout.db, self._require_key, read_only=read_only)
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
            read_only = not _writable(layout, lock)
            if read_only:
                _refuse_unclean_read_only(layout)
            if slots.pending is None:
                data_key = unlock(slots)
                ks.check_mac(slots, mac, data_key)
                found = slots
            else:
                data_key, found = _unlock_rotating(layout, slots, mac, unlock, read_only=read_only)
            workspace = cls(layout, lock, data_key, found, read_only=read_only)
            try:
                if slots.pending is not None and not read_only:
                    workspace._finish_rotation(rolled_forward=found != slots.current())
                with damage_as_workspace_error(layout.root):
                    with workspace.engine.connect() as connection:
                        pending = migrate.pending_revisions(connection, script_location)
                    if pending:
                        workspace._require_writable()
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

    def _finish_rotation(self, *, rolled_forward: bool) -> None:
        """Write the key file of the key set that won (a rotation killed between its steps)."""
        try:
            ks.save(self.layout.keyslots, self.keyslots, self._require_key())
        except CannotWrite:
            log.warning("the key file of an interrupted key change could not be finished")
            return
        if rolled_forward:
            checkpoint(self.layout.db, self._require_key())
        self._opening_note = "key change finished" if rolled_forward else "key change undone"

    def _finish_open(self) -> None:
        with damage_as_workspace_error(), self.engine.connect() as connection:
            self.meta = read_meta(connection)
        if self.meta.workspace_id != self.keyslots.workspace_id:
            raise WorkspaceDamaged("keyslots")
        tightened = 0
        if not self.read_only:
            try:
                tightened = tighten_permissions(self.layout.root)
            except OSError:
                log.warning("permissions of the workspace folder could not be tightened")
            try:
                self._log_handler = attach_workspace_log(self.layout.logs)
            except OSError:
                self._log_handler = None  # a full disk: the log is what we can do without
        log.info(
            "workspace opened (schema %s%s)",
            migrate.head_revision(),
            ", read-only" if self.read_only else "",
        )
        if tightened:
            log.info("permissions tightened to owner-only on %d entries", tightened)
        if self._opening_note:
            log.info("%s at opening", self._opening_note)

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
            _wipe(self._key)
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

    def _require_writable(self) -> None:
        if self.read_only:
            raise CannotWrite("workspace_read_only")

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
        self._require_writable()
        with self._write_lock:
            committed = False
            try:
                with damage_as_workspace_error(self.layout.root), self.engine.begin() as connection:
                    self._pending_state = None
                    yield connection
                committed = True
            finally:
                self.write_state = self._pending_state if committed else None
                self._pending_state = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One ORM unit of work in a serialised write transaction."""
        self._require_writable()
        with (
            self._write_lock,
            damage_as_workspace_error(self.layout.root),
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
        self._require_writable()
        with self._write_lock:
            updated = self.keyslots.replacing(kind, new_slot)
            ks.save(self.layout.keyslots, updated, self._require_key())
            self.keyslots = updated

    def rotate_data_key(self, make_slots: SlotMaker) -> None:
        """Re-encrypt the database under a new random data key, with the slots `make_slots`
        builds for it; crash-safe (docs/workspace-format.md, "Changing the data key").

        1. keyslots.json gets the new slots as `pending` (both key sets on disk);
        2. `PRAGMA rekey` changes the database's key in one transaction;
        3. keyslots.json keeps only the new slots.
        Killed between 1 and 3, the next opening finishes step 3 (or undoes step 1) according
        to the key that opens the database. On a failure before the database changed, the old
        key stays and the error is raised; after it changed, the rotation is done.
        """
        self._require_writable()
        with self._write_lock:
            old_key = self._require_key()
            new_key = new_data_key()
            try:
                upcoming = make_slots(bytes(new_key))
                staged = ks.with_pending(self.keyslots, upcoming, new_key)
                ks.save(self.layout.keyslots, staged, old_key)
            except BaseException:
                _wipe(new_key)
                raise
            self._drop_engine()
            try:
                rekey_database(self.layout.db, old_key, new_key)
            except BaseException:
                if not database_opens(self.layout.db, new_key):
                    if database_opens(self.layout.db, old_key):
                        self._undo_pending()
                    _wipe(new_key)
                    self._engine = make_engine(self.layout.db, self._require_key)
                    raise
                log.warning("the key change completed despite an error after it")
            self._key = new_key
            _wipe(old_key)
            self.keyslots = upcoming
            self._engine = make_engine(self.layout.db, self._require_key)
            try:
                ks.save(self.layout.keyslots, upcoming, new_key)
            except CannotWrite:
                log.warning("key file left with both key sets: finished at the next opening")
            log.info("data key changed")

    def _undo_pending(self) -> None:
        try:
            ks.save(self.layout.keyslots, self.keyslots, self._require_key())
        except CannotWrite:
            log.warning("key file left with both key sets: undone at the next opening")

    def _drop_engine(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def seal_escrow_slot(
        self, *, office_key_id: str, seal: Callable[[bytes], bytes], construction: str
    ) -> None:
        """Replace the escrow slot with the data key sealed by `seal` (to an office's key)."""
        sealed = seal(bytes(self._require_key()))
        slot = ks.make_escrow_slot(
            office_key_id=office_key_id, sealed_key=sealed, construction=construction
        )
        self.replace_slot(ks.ESCROW, slot)

    def keyslots_bytes(self) -> bytes:
        return ks.serialise(self.keyslots, self._require_key())
