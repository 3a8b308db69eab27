"""Starting the Qt application (imported lazily by `cli/launch.py`, which never imports Qt).

run_window(lang=None)          the window: unlock the last workspace or the first run
run_demo_window(demo, lang)    the window on an already unlocked demo workspace
take_screenshots(dir, lang)    offscreen PNGs of every window (gui/screenshots.py)
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication

from pippi_desktop.domain.errors import InternalError
from pippi_desktop.domain.i18n import Lang
from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.error_dialog import show_error
from pippi_desktop.gui.i18n import use_language
from pippi_desktop.gui.settings import Settings
from pippi_desktop.resource_paths import resource

if TYPE_CHECKING:
    from pippi_desktop.services.demo_service import DemoWorkspace

log = logging.getLogger("pippi_desktop.gui")


def style_sheet() -> str:
    path = resource("styles", "app.qss")
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def prepare_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with our names and style (reused if one exists, as in tests)."""
    QCoreApplication.setOrganizationName("PIPPI")
    QCoreApplication.setApplicationName("PIPPI Desktop")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setStyleSheet(style_sheet())
    return app


def install_excepthook() -> Callable[..., None]:
    """Unexpected errors in a slot: logged without messages, one sentence for the user."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error in the window", exc_info=(kind, error, tb))
        if QApplication.instance() is not None:
            show_error(QApplication.activeWindow(), InternalError())

    sys.excepthook = hook
    return previous


class EarlyLog(logging.Handler):
    """Keeps what is logged before the application log opens.

    Opening the log file imports `logging.handlers` and `platformdirs`, which the first window
    does not need: the log opens once the event loop runs (the first window painted) and
    receives these records then, in order."""

    LIMIT = 1000

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < self.LIMIT:
            self.records.append(record)


def open_application_log(early: EarlyLog) -> logging.Handler | None:
    """Attach the application log and hand it what `early` kept; `early` is removed."""
    from pippi_desktop.services import app_log

    logger = logging.getLogger(app_log.application_logger().name)
    handler = app_log.attach_application_log()
    logger.removeHandler(early)
    if handler is not None:
        for record in early.records:
            if record.levelno >= handler.level:
                handler.handle(record)
    early.records.clear()
    return handler


def _run(controller_start: Callable[[AppController], None], lang: Lang | None) -> int:
    app = prepare_application()
    early = EarlyLog()
    logging.getLogger("pippi_desktop").addHandler(early)
    opened: list[logging.Handler | None] = []
    QTimer.singleShot(0, lambda: opened.append(open_application_log(early)))
    settings = Settings()
    use_language(lang or settings.language)
    install_excepthook()
    controller = AppController(app, settings)
    controller.quit_requested.connect(app.quit, Qt.ConnectionType.QueuedConnection)
    controller_start(controller)
    try:
        return app.exec()
    finally:
        controller.shutdown()
        logging.getLogger("pippi_desktop").removeHandler(early)
        for handler in opened:
            if handler is not None:
                logging.getLogger("pippi_desktop").removeHandler(handler)
                handler.close()


def run_window(*, lang: Lang | None = None) -> int:
    return _run(lambda controller: controller.start(), lang)


def run_demo_window(demo: DemoWorkspace, *, lang: Lang | None = None) -> int:
    def start(controller: AppController) -> None:
        controller.remember_workspace = False  # a temporary folder: never the "last" one
        controller.start_with(demo.workspace)

    return _run(start, lang)


def take_screenshots(out_dir: str, *, lang: Lang) -> int:
    from pippi_desktop.gui.screenshots import save_screenshots

    return save_screenshots(out_dir, lang=lang)
