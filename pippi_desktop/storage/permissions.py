"""Owner-only permissions on a workspace folder, restored every time it is opened.

A workspace copied with a file manager or `cp -r` (or unpacked from an archive) may arrive
readable by everyone on the laptop (0755 folders, 0644 files). Opening it puts every folder
back to 0700 and every file to 0600; symbolic links are left alone (never followed). On
Windows the folder's ACL (the user's profile) is what protects it: POSIX modes mean nothing
there and nothing is changed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pippi_desktop.storage.atomic import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE


def _tighten(path: str, wanted: int) -> bool:
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode) or stat.S_IMODE(info.st_mode) == wanted:
        return False
    os.chmod(path, wanted)
    return True


def tighten_permissions(root: Path) -> int:
    """Make `root` and everything in it owner-only; returns how many entries changed."""
    if os.name != "posix":
        return 0
    changed = int(_tighten(str(root), PRIVATE_DIR_MODE))
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs:
            changed += _tighten(os.path.join(folder, name), PRIVATE_DIR_MODE)
        for name in files:
            changed += _tighten(os.path.join(folder, name), PRIVATE_FILE_MODE)
    return changed
