"""Files the user asks for (a PDF of the recovery code, later exports): written atomically."""

from __future__ import annotations

from pathlib import Path

from pippi_desktop.domain.errors import InvalidFile
from pippi_desktop.storage.atomic import write_atomic


def save_user_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically and owner-only; replaces a file the user chose."""
    path = Path(path)
    if not path.parent.is_dir() or path.is_dir():
        raise InvalidFile("output_unwritable")
    try:
        write_atomic(path, data)
    except OSError:
        raise InvalidFile("output_unwritable") from None
