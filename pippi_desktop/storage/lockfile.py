"""An exclusive, process-wide lock on a workspace, released by the OS if the process dies.

`flock` on POSIX, `msvcrt.locking` on Windows. A second process (or a second window of the
same process) asking for the same workspace gets `WorkspaceInUse` at once, never a wait.

On read-only media (or a folder this user may not write) the lock file cannot be opened for
writing: it is opened for reading when it exists (POSIX `flock` works on it, so a writer on
another mount of the same folder is still seen), and `writable` is False, which opens the
workspace read-only.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import IO

from pippi_desktop.domain.errors import WorkspaceInUse

_HELD: set[str] = set()  # flock is per open file: guard against a second open in-process
_NOT_WRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}


class WorkspaceLock:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._handle: IO[bytes] | None = None
        self._key: str | None = None
        self.writable = True

    @property
    def held(self) -> bool:
        return self._key is not None

    def acquire(self) -> None:
        key = str(self._path.resolve())
        if key in _HELD:
            raise WorkspaceInUse()
        handle: IO[bytes] | None
        try:
            fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
            handle = os.fdopen(fd, "r+b")
            self.writable = True
        except OSError as error:
            if error.errno not in _NOT_WRITABLE:
                raise
            self.writable = False
            handle = self._open_for_reading()
        if handle is not None:
            try:
                _lock_exclusive(handle)
            except OSError:
                handle.close()
                raise WorkspaceInUse() from None
        self._handle = handle
        self._key = key
        _HELD.add(key)

    def _open_for_reading(self) -> IO[bytes] | None:
        if sys.platform == "win32":  # msvcrt.locking needs a handle open for writing
            return None
        try:
            return os.fdopen(os.open(self._path, os.O_RDONLY), "rb")
        except OSError:
            return None  # no lock file on read-only media: nobody can write through this path

    def release(self) -> None:
        if self._key is None:
            return
        try:
            if self._handle is not None:
                _unlock(self._handle)
        finally:
            if self._handle is not None:
                self._handle.close()
            self._handle = None
            _HELD.discard(self._key)
            self._key = None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _lock_exclusive(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_exclusive(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
