"""The workspace log (`logs/pippi.log`): rotating, owner-only, no personal data.

What may be logged: event names, record ids, error codes, counts, timings, and stack frames
(file, line, function). What is never logged: values typed by users, exception messages of
foreign libraries (they can quote SQL parameters or paths with names), secrets. The formatter
below enforces the last point for every traceback that goes through it.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from pathlib import Path
from types import TracebackType

from pippi_desktop.domain.errors import PippiError

LOGGER_NAME = "pippi_desktop"
MAX_BYTES = 1 << 20
BACKUP_COUNT = 5

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class PrivateFormatter(logging.Formatter):
    """Tracebacks as exception type and frames only: a message could hold personal data."""

    def formatException(self, ei: ExcInfo | tuple[None, None, None]) -> str:
        kind, error, tb = ei
        if kind is None or error is None:
            return ""
        label = str(error) if isinstance(error, PippiError) else kind.__qualname__
        frames = traceback.extract_tb(tb)
        lines = [f"{kind.__module__}.{label}"]
        lines += [f'  File "{f.filename}", line {f.lineno}, in {f.name}' for f in frames]
        cause = error.__cause__ or error.__context__
        if cause is not None and not error.__suppress_context__:
            lines.append("caused by:")
            lines.append(self.formatException((type(cause), cause, cause.__traceback__)))
        return "\n".join(lines)


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding or "utf-8")

    def handleError(self, record: logging.LogRecord) -> None:
        """A log line that cannot be written (full disk) is dropped: logging's default prints
        a traceback to the terminal, and the error the user must see is another one."""


def attach_workspace_log(logs_dir: Path) -> logging.Handler:
    """Log into `logs_dir/pippi.log`; raises OSError when the folder cannot be written."""
    logs_dir.mkdir(mode=0o700, exist_ok=True)
    handler = PrivateRotatingFileHandler(
        logs_dir / "pippi.log", maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return handler


def detach_workspace_log(handler: logging.Handler) -> None:
    logging.getLogger(LOGGER_NAME).removeHandler(handler)
    handler.close()
