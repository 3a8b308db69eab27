"""The one way this application writes a file: private, atomic, durable.

Like Electrum's `storage.write`: the data goes to a temporary file beside the target that is
created owner-only (0600) before a byte is written, is flushed and fsynced, then replaces the
target with `os.replace`, and the directory entry is fsynced too. A crash at any moment leaves
either the old file or the new one, never a mix. Used for keyslots.json, bundles, backups,
PDFs, cards and exports.

A write that fails for a cause outside the application (full disk, read-only media, no
permission) raises `CannotWrite` naming the cause; the temporary file is removed, and if that
removal fails too (read-only media) the first error is the one reported.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from pippi_desktop.storage.write_errors import from_os_error, remove_quietly

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def make_private_dir(path: Path) -> None:
    """Create `path` (and missing parents) owner-only; tighten it if it already exists."""
    try:
        path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    except OSError as error:
        mapped = from_os_error(error)
        if mapped is None:
            raise
        raise mapped from None
    with contextlib.suppress(OSError):  # not ours to change (e.g. a USB stick's FAT folder)
        os.chmod(path, PRIVATE_DIR_MODE)


def fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(target: Path, *, mode: int = PRIVATE_FILE_MODE) -> Iterator[BinaryIO]:
    """Yield a binary file; on a clean exit it atomically becomes `target`."""
    target = Path(target)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    except OSError as error:
        mapped = from_os_error(error)
        if mapped is None:
            raise
        raise mapped from None
    handle = os.fdopen(fd, "wb")
    try:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        os.replace(tmp, target)
    except BaseException as error:
        with contextlib.suppress(OSError):  # closing flushes: a full disk fails again here
            handle.close()
        remove_quietly(tmp)
        mapped = from_os_error(error) if isinstance(error, OSError) else None
        if mapped is None:
            raise
        raise mapped from None
    fsync_dir(target.parent)


def write_atomic(target: Path, data: bytes, *, mode: int = PRIVATE_FILE_MODE) -> None:
    with atomic_writer(target, mode=mode) as handle:
        handle.write(data)


def copy_atomic(source: Path, target: Path, *, mode: int = PRIVATE_FILE_MODE) -> None:
    with open(source, "rb") as src, atomic_writer(target, mode=mode) as dst:
        while chunk := src.read(1 << 20):
            dst.write(chunk)
