"""One service call run off the GUI thread, with its result or error back on the GUI thread.

    Operation(parent, lambda: service.do(x), runner=runner)
        .busy(self.set_busy)          # called with True now and False when it ends
        .success(self.show_result)    # the value, on the GUI thread
        .failure(self.show_error)     # a PippiError, on the GUI thread (default: a dialog)
        .run()

The call never touches a widget. A typed error (`domain.errors`) reaches `failure` as it is;
any other exception is logged (frames only, no message: `storage.log_files`) and reaches
`failure` as `InternalError`, whose sentence says the details are in the log. When `parent`
has been deleted meanwhile (its window closed), the callbacks are skipped. Without a `failure`
callback the error becomes a dialog, except `WorkspaceLocked`: a call queued just before a
lock runs after it, and the user, who locked on purpose, has nothing to learn from it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtWidgets import QWidget

from pippi_desktop.domain.errors import InternalError, PippiError, WorkspaceLocked
from pippi_desktop.gui.operations.runner import Outcome, TaskRunner

T = TypeVar("T")
log = logging.getLogger("pippi_desktop.gui.operations")


def as_user_error(error: BaseException) -> PippiError:
    """The error to show: typed errors as they are, anything else logged and made generic."""
    if isinstance(error, PippiError):
        return error
    log.error(
        "unexpected error in a background operation",
        exc_info=(type(error), error, error.__traceback__),
    )
    return InternalError()


class Operation(Generic[T]):
    def __init__(
        self, parent: QWidget | None, call: Callable[[], T], *, runner: TaskRunner
    ) -> None:
        self._parent = parent
        self._call = call
        self._runner = runner
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: Callable[[PippiError], object] | None = None
        self._on_busy: Callable[[bool], object] | None = None
        self._after: list[Callable[[], object]] = []
        self._success_hooks: list[Callable[[T], object]] = []
        self._started = False

    def success(self, callback: Callable[[T], object]) -> Operation[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[PippiError], object]) -> Operation[T]:
        self._on_failure = callback
        return self

    def busy(self, callback: Callable[[bool], object]) -> Operation[T]:
        self._on_busy = callback
        return self

    def add_success_hook(self, hook: Callable[[T], object]) -> Operation[T]:
        """Run before `success`, even when the parent is gone (a write announcing its changes)."""
        self._success_hooks.append(hook)
        return self

    def finally_(self, callback: Callable[[], object]) -> Operation[T]:
        """Run after success or failure (on the GUI thread), even if the parent is gone."""
        self._after.append(callback)
        return self

    def run(self) -> None:
        if self._started:
            raise RuntimeError("an operation runs once")
        self._started = True
        if self._on_busy is not None:
            self._on_busy(True)
        self._runner.submit(self._call, self._done)

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _done(self, outcome: Outcome[T]) -> None:
        try:
            if outcome.error is None:
                for hook in self._success_hooks:
                    hook(outcome.value)  # type: ignore[arg-type]
            if not self._parent_alive():
                if outcome.error is not None:
                    as_user_error(outcome.error)  # still logged when unexpected
                return
            if self._on_busy is not None:
                self._on_busy(False)
            if outcome.error is None:
                if self._on_success is not None:
                    self._on_success(outcome.value)  # type: ignore[arg-type]
                return
            error = as_user_error(outcome.error)
            if self._on_failure is not None:
                self._on_failure(error)
            elif isinstance(error, WorkspaceLocked):
                # queued before a lock and run after it (a draft discarded, a list refreshed):
                # the user locked on purpose; there is nothing to tell them
                log.info("operation skipped: the workspace was locked meanwhile")
            else:
                from pippi_desktop.gui.error_dialog import show_error

                show_error(self._parent, error)
        finally:
            for callback in self._after:
                callback()
