"""An exclusive, process-wide lock on a workspace, released by the OS if the process dies.

`flock` on POSIX, `msvcrt.locking` on Windows. A second process (or a second window of the
same process) asking for the same workspace gets `WorkspaceInUse` at once, never a wait.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from pippi_desktop.domain.errors import WorkspaceInUse

_HELD: set[str] = set()  # flock is per open file: guard against a second open in-process


class WorkspaceLock:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        key = str(self._path.resolve())
        if key in _HELD:
            raise WorkspaceInUse()
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        handle = os.fdopen(fd, "r+b")
        try:
            _lock_exclusive(handle)
        except OSError:
            handle.close()
            raise WorkspaceInUse() from None
        self._handle = handle
        _HELD.add(key)

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None
            _HELD.discard(str(self._path.resolve()))


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
