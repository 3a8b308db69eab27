"""What an error no typed handler caught means for the person at the keyboard.

`as_write_failure(error)`: a full disk, read-only media or a missing permission behind it
(`CannotWrite`, which names the cause), or None (`storage/write_errors.py` reads the errno or
SQLite's code).
"""

from __future__ import annotations

from pippi_desktop.storage.write_errors import as_write_failure as as_write_failure

__all__ = ["as_write_failure"]
