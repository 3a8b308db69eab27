"""An exclusive, process-wide lock on a workspace, released by the OS if the process dies.

The operating-system lock comes from `filelock` (`flock` on POSIX, `LockFileEx` on Windows),
a library tested on Windows, macOS and Linux: no platform branch is written here. A second
process (or a second window of the same process) asking for the same workspace gets
`WorkspaceInUse` at once, never a wait.

Options that matter for a workspace:

- `blocking=False`: answer at once instead of waiting for the other program;
- `preserve_lock_file=True`: the `lock` file stays in the folder (as before), and, above all,
  filelock never falls back to its "soft" marker-file lock on a file system without `flock`:
  a marker survives a crash and would lock the educator out of her own workspace;
- `mode=0o600`: created owner-only, like every file of the workspace;
- `thread_local=False`: the GUI takes the lock on one thread and may release it on another.

On read-only media (or a folder this user may not write) the lock file cannot be opened for
writing, so no operating-system lock can be taken: nobody can write through this path either.
`writable` is then False, which opens the workspace read-only; a second opening in this
process is still refused.
"""

from __future__ import annotations

import errno
from pathlib import Path

from filelock import FileLock, Timeout

from pippi_desktop.domain.errors import WorkspaceInUse
from pippi_desktop.storage.atomic import PRIVATE_FILE_MODE

_NOT_WRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}
_READ_ONLY_HELD: set[str] = set()  # read-only openings of this process (no OS lock there)


class WorkspaceLock:
    def __init__(self, path: Path) -> None:
        self._path = Path(path)
        self._lock = FileLock(
            path,
            mode=PRIVATE_FILE_MODE,
            blocking=False,
            thread_local=False,
            preserve_lock_file=True,
        )
        self._read_only_key: str | None = None
        self.writable = True

    @property
    def held(self) -> bool:
        return self._lock.is_locked or self._read_only_key is not None

    def acquire(self) -> None:
        if self.held:  # this object already holds it: a second open is refused too
            raise WorkspaceInUse()
        try:
            self._lock.acquire()
        except Timeout:  # held by another process, or another object in this one
            raise WorkspaceInUse() from None
        except OSError as error:
            if error.errno not in _NOT_WRITABLE:
                raise
            self._hold_read_only()
        else:
            self.writable = True

    def _hold_read_only(self) -> None:
        key = str(self._path.resolve())
        if key in _READ_ONLY_HELD:
            raise WorkspaceInUse()
        _READ_ONLY_HELD.add(key)
        self._read_only_key = key
        self.writable = False

    def release(self) -> None:
        if self._read_only_key is not None:
            _READ_ONLY_HELD.discard(self._read_only_key)
            self._read_only_key = None
        if self._lock.is_locked:
            self._lock.release(force=True)
