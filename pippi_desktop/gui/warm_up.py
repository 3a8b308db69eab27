"""Importing, on the worker while the passphrase is typed, what unlocking will need.

Starting the application imports only what paints the unlock dialog (`tests/test_launch_imports.py`
lists what it must not import, and why). The rest, the services that open the workspace
(SQLAlchemy, cryptography) and the main window with its views and record editors (ReportLab
for printing), is imported by `ModuleWarmUp.start()` on the worker thread once the dialog is
painted: about half a second of CPU that would otherwise follow the passphrase.

The GUI thread imports some of those modules itself, lazily (the main window, the editors, the
first-run wizard): it calls `wait()` first. Two threads importing the same modules at once can
deadlock on Python's per-module import locks, or hand one of them a half-initialised module.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Sequence

from pippi_desktop.gui.operations import Outcome, TaskRunner, as_user_error

# What unlocking runs: the KDF and the database on the worker (`workspace_service`); the main
# window with its views, built during the KDF, and the record editors it registers for drafts.
UNLOCK_MODULES = (
    "pippi_desktop.services.workspace_service",
    "pippi_desktop.gui.main_window",
    "pippi_desktop.gui.editors.registry",
)


class ModuleWarmUp:
    """Imports `modules` once on `runner`'s worker; `wait()` blocks until it is over."""

    def __init__(self, runner: TaskRunner, modules: Sequence[str] = UNLOCK_MODULES) -> None:
        self.runner = runner
        self.modules = tuple(modules)
        self.started = False
        self._over = threading.Event()
        self._over.set()  # nothing runs until `start()`

    @property
    def done(self) -> bool:
        return self.started and self._over.is_set()

    def start(self) -> None:
        """Queue the imports on the worker; once per application, later calls do nothing."""
        if self.started:
            return
        self.started = True
        self._over.clear()
        self.runner.submit(self._import_all, self._finished)

    def wait(self) -> None:
        """Return once no import of the warm-up runs (at once if none was started)."""
        self._over.wait()

    def _import_all(self) -> None:
        try:
            for name in self.modules:
                importlib.import_module(name)
        finally:
            self._over.set()

    def _finished(self, outcome: Outcome[None]) -> None:
        if outcome.error is not None:  # logged; the import that needs the module says the rest
            as_user_error(outcome.error)
