"""What went wrong when a write failed: a full disk, read-only media, no permission.

Every writing command ends with one sentence that names the cause (`CannotWrite`, exit 5),
never with "an unexpected error". The operating system says it with an errno (`ENOSPC`,
`EFBIG` past a file-size limit, `EROFS`, `EACCES`); SQLite says `SQLITE_FULL`,
`SQLITE_READONLY`, or only "disk I/O error" (`SQLITE_IOERR`, which is what a write past a
file-size limit gives): that one is reported as a full disk when the disk is nearly full or
the process has a file-size limit, else as a plain write error.

`remove_quietly` is the clean-up every writer uses: on read-only media the clean-up fails
too, and its error must never hide the first one.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

from pippi_desktop.domain.errors import CannotWrite

log = logging.getLogger(__name__)

SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_FULL = 13
LOW_SPACE_BYTES = 64 << 20

_DISK_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NO_PERMISSION = {errno.EACCES, errno.EPERM}


def _file_size_limited() -> bool:
    try:
        import resource
    except ImportError:  # Windows has no rlimits
        return False
    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    return soft != resource.RLIM_INFINITY


def _space_is_low(folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


def from_os_error(error: OSError) -> CannotWrite | None:
    """The typed error for an OSError of a write, or None when it is not about writing."""
    if error.errno in _DISK_FULL:
        return CannotWrite("disk_full")
    if error.errno == errno.EROFS:
        return CannotWrite("read_only")
    if error.errno in _NO_PERMISSION:
        return CannotWrite("no_permission")
    if error.errno == errno.EIO:
        return CannotWrite()
    return None


def from_sqlite_error(error: BaseException, folder: Path | None = None) -> CannotWrite | None:
    """The typed error for a SQLite error (raw or wrapped by SQLAlchemy), or None."""
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    primary = code & 0xFF
    if primary == SQLITE_FULL:
        return CannotWrite("disk_full")
    if primary == SQLITE_READONLY:
        return CannotWrite("workspace_read_only")
    if primary == SQLITE_IOERR:
        return unexplained_write_failure(folder)
    return None


def unexplained_write_failure(folder: Path | None) -> CannotWrite:
    """A write failed without saying why (SQLite's "disk I/O error", a silent rekey)."""
    if _file_size_limited() or _space_is_low(folder):
        return CannotWrite("disk_full")
    return CannotWrite()


def as_write_failure(error: BaseException, folder: Path | None = None) -> CannotWrite | None:
    if isinstance(error, CannotWrite):
        return error
    if isinstance(error, OSError):
        return from_os_error(error)
    return from_sqlite_error(error, folder)


@contextlib.contextmanager
def reporting_write_errors(folder: Path | None = None) -> Iterator[None]:
    """Turn a failed write (OS or SQLite) into `CannotWrite`; anything else passes through."""
    try:
        yield
    except CannotWrite:
        raise
    except Exception as error:
        mapped = as_write_failure(error, folder)
        if mapped is None:
            raise
        log.warning("write failed: %s", mapped.code + ":" + mapped.variant)
        raise mapped from None


def remove_quietly(path: Path) -> None:
    """Delete a temporary file; a failure here is logged, never raised (the first error wins)."""
    try:
        Path(path).unlink(missing_ok=True)
    except OSError as error:
        log.warning("could not remove a temporary file (errno %s)", error.errno)


def remove_tree_quietly(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
