"""The application log when no workspace is open (before unlocking, in the first-run wizard).

Same private format as the workspace log (`storage/log_files.py`): no personal data.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pippi_desktop.storage.log_files import LOGGER_NAME, attach_workspace_log


def user_state_dir() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or (
        os.environ.get("LOCALAPPDATA") if os.name == "nt" else None
    )
    root = Path(base) if base else Path.home() / ".local" / "state"
    return root / "pippi-desktop"


def attach_application_log() -> logging.Handler | None:
    """Log to the user's state folder; None when that folder cannot be written."""
    try:
        user_state_dir().parent.mkdir(parents=True, exist_ok=True)
        return attach_workspace_log(user_state_dir())
    except OSError:
        return None


def application_logger() -> logging.Logger:
    return logging.getLogger(LOGGER_NAME)
