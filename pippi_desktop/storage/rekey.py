"""Changing the data key of the database (SQLCipher `PRAGMA rekey`) and telling keys apart.

`PRAGMA rekey` rewrites every page under the new key in ONE SQLite transaction (through the
WAL): killed at any moment, the database opens with exactly one of the two keys. The WAL is
then checkpointed and truncated, so no page under the old key stays in the folder.

SQLCipher's `PRAGMA rekey` does not report a failed write (a full disk leaves the old key in
place and raises nothing), so the result is checked by opening the database with the new key. The
protocol around it (the key file changes in two steps) is in `storage.workspace` and
docs/workspace-format.md, "Changing the data key".
"""

from __future__ import annotations

import logging
from pathlib import Path

from pippi_desktop.domain.errors import PippiError
from pippi_desktop.storage.engine import connect_raw
from pippi_desktop.storage.write_errors import reporting_write_errors, unexplained_write_failure

log = logging.getLogger(__name__)


def database_opens(db_path: Path, data_key: bytes | bytearray, *, read_only: bool = False) -> bool:
    """True when `data_key` reads the database (False for another key or a damaged file)."""
    try:
        connect_raw(db_path, data_key, read_only=read_only).close()
    except PippiError:
        return False
    return True


def checkpoint(db_path: Path, data_key: bytes | bytearray) -> None:
    """Fold the WAL into the database and truncate it (best effort: logged when it fails)."""
    try:
        connection = connect_raw(db_path, data_key)
    except PippiError:
        return
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except Exception:  # the next checkpoint (SQLite makes them on its own) does it
        log.warning("checkpoint after a key change failed", exc_info=True)
    finally:
        connection.close()


def rekey_database(db_path: Path, old_key: bytes | bytearray, new_key: bytes | bytearray) -> None:
    """Re-encrypt every page of the database under `new_key` (one transaction).

    Raises `CannotWrite` when the database still opens with the old key afterwards.
    """
    with reporting_write_errors(db_path.parent):
        connection = connect_raw(db_path, old_key)
        try:
            connection.execute(f"PRAGMA rekey = \"x'{bytes(new_key).hex()}'\"").fetchall()
        finally:
            connection.close()
    if not database_opens(db_path, new_key):
        log.warning("the database kept its key: the rekey did not complete")
        raise unexplained_write_failure(db_path.parent)
    checkpoint(db_path, new_key)
