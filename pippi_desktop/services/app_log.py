"""The application log when no workspace is open (before unlocking, in the first-run wizard).

Same private format as the workspace log (`storage/log_files.py`): no personal data.
"""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs

from pippi_desktop.storage.log_files import LOGGER_NAME, attach_workspace_log

APP_FOLDER = "pippi-desktop"


def user_state_dir() -> Path:
    """The per-user folder for this log, as platformdirs names it (a library tested on Windows,
    macOS and Linux): `%LOCALAPPDATA%\\pippi-desktop` on Windows, `~/Library/Application
    Support/pippi-desktop` on macOS, `$XDG_STATE_HOME` (or `~/.local/state`)`/pippi-desktop`
    on Linux."""
    return Path(platformdirs.user_state_dir(APP_FOLDER, appauthor=False))


def attach_application_log() -> logging.Handler | None:
    """Log to the user's state folder; None when that folder cannot be written."""
    try:
        user_state_dir().parent.mkdir(parents=True, exist_ok=True)
        return attach_workspace_log(user_state_dir())
    except OSError:
        return None


def application_logger() -> logging.Logger:
    return logging.getLogger(LOGGER_NAME)
