"""Auto-lock after idle time: an application-wide event filter notes the last input.

The filter only stores a timestamp (it sees every event of every widget, so it must be
cheap); one single-shot timer wakes up at the earliest moment the idle time could be over,
and either emits `idle` or sleeps again for what is left. The clock is injectable so tests
can check the arithmetic without waiting.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from typing import ClassVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    idle = Signal()
    _instances: ClassVar[weakref.WeakSet[IdleWatcher]] = weakref.WeakSet()

    def __init__(
        self,
        app: QApplication,
        *,
        timeout_seconds: float,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._clock = clock
        self._timeout = float(timeout_seconds)
        self._last_input = clock()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self._running = False
        self._filtering = True
        app.installEventFilter(self)
        IdleWatcher._instances.add(self)

    @classmethod
    def live_instances(cls) -> list[IdleWatcher]:
        return [instance for instance in cls._instances if shiboken6.isValid(instance)]

    @property
    def filtering(self) -> bool:
        """True until `dispose()` removed the application-wide event filter."""
        return self._filtering

    @property
    def timeout_seconds(self) -> float:
        return self._timeout

    @property
    def last_input(self) -> float:
        return self._last_input

    @property
    def running(self) -> bool:
        return self._running

    def set_timeout(self, seconds: float) -> None:
        self._timeout = float(seconds)
        if self._running:
            self.check()

    def start(self) -> None:
        self._last_input = self._clock()
        self._running = True
        self._sleep(self._timeout)

    def stop(self) -> None:
        self._running = False
        self._timer.stop()

    def dispose(self) -> None:
        self.stop()
        if self._filtering:
            self._app.removeEventFilter(self)
            self._filtering = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = self._clock()
        return False

    def idle_seconds(self) -> float:
        return max(0.0, self._clock() - self._last_input)

    def check(self) -> None:
        """Emit `idle` if the idle time is over, otherwise sleep for what is left of it."""
        if not self._running:
            return
        left = self._timeout - self.idle_seconds()
        if left <= 0:
            self.stop()
            self.idle.emit()
        else:
            self._sleep(left)

    def _sleep(self, seconds: float) -> None:
        self._timer.start(max(1, int(seconds * 1000) + 1))
