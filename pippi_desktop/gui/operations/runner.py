"""The one worker thread for workspace work (Anki's `taskman`): calls run in order, never two
at once, so writes stay serialised and a lock (close) queues after the write in flight.

`TaskRunner.submit(call, on_done)` runs `call()` on the worker and then `on_done(outcome)` on
the GUI thread. The call must not touch a widget; it gets everything it needs as arguments.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a background call gave: its value, or the exception it raised."""

    value: T | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class TaskRunner(QObject):
    """A single-thread pool plus the hand-back of results to the GUI thread."""

    _finished = Signal(int)
    _instances: ClassVar[weakref.WeakSet[TaskRunner]] = weakref.WeakSet()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        TaskRunner._instances.add(self)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._guard = threading.Lock()
        self._waiting: dict[int, Callable[[Outcome[Any]], None]] = {}
        self._outcomes: dict[int, Outcome[Any]] = {}
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def submit(self, call: Callable[[], T], on_done: Callable[[Outcome[T]], None]) -> int:
        task_id = next(self._ids)
        with self._guard:
            self._waiting[task_id] = on_done

        def work() -> None:
            try:
                outcome: Outcome[Any] = Outcome(value=call())
            except BaseException as error:  # handed to the GUI thread, never swallowed
                outcome = Outcome(error=error)
            with self._guard:
                self._outcomes[task_id] = outcome
            self._finished.emit(task_id)

        self._pool.start(work)
        return task_id

    @Slot(int)
    def _deliver(self, task_id: int) -> None:
        with self._guard:
            on_done = self._waiting.pop(task_id)
            outcome = self._outcomes.pop(task_id)
        on_done(outcome)

    def pending_count(self) -> int:
        """Calls submitted whose result has not yet been handed to the GUI thread."""
        with self._guard:
            return len(self._waiting)

    def wait_until_idle(self, msecs: int = -1) -> bool:
        """Block until the worker has nothing to do (used when quitting, and by tests)."""
        return self._pool.waitForDone(msecs)

    def active_threads(self) -> int:
        return self._pool.activeThreadCount()

    @classmethod
    def live_instances(cls) -> list[TaskRunner]:
        """Every runner still alive (the test suite checks none is left busy)."""
        return [instance for instance in cls._instances if shiboken6.isValid(instance)]
