"""The Qt binding itself: reference counts stay right across the calls the GUI makes all the time.

PySide6 6.12.0 dropped a reference to `True` on every `Signal.emit()` and on Python overrides
of some bool virtuals called from C++; the interpreter aborted (`bool_dealloc`) after a few
thousand calls, i.e. after some minutes of typing. pyproject.toml excludes that release;
this test refuses any other release with the same fault before it reaches a laptop.

From Python 3.12 `True`, `False` and `None` are immortal: their reference count never moves,
so counting them proves nothing there (and a dropped reference to them can no longer crash).
What can still crash is a reference dropped or leaked on an ordinary object, so every check
also counts the references of a fresh object that travels the same path (a signal argument,
the value a Python override hands back to C++); the `True`/`False` counts are checked where
they mean something (Python < 3.12).
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage
from pytestqt.qtbot import QtBot

CALLS = 200
BOOLS_ARE_COUNTED = sys.version_info < (3, 12)


class _Payload:
    """An ordinary (mortal) object: its reference count moves with every reference."""


class _Emitter(QObject):
    plain = Signal()
    with_value = Signal(object)


def test_emitting_a_signal_keeps_reference_counts(qapp: QApplication) -> None:
    emitter = _Emitter()
    payload = _Payload()
    received: list[object] = []
    emitter.with_value.connect(received.append)
    before = sys.getrefcount(payload), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(CALLS):
        emitter.plain.emit()
        emitter.with_value.emit(payload)
    assert len(received) == CALLS  # the path was really taken
    received.clear()
    assert sys.getrefcount(payload) == before[0], "Signal.emit() loses or leaks references"
    if BOOLS_ARE_COUNTED:
        assert abs(sys.getrefcount(True) - before[1]) < CALLS // 2, "emit() leaks True"
        assert abs(sys.getrefcount(False) - before[2]) < CALLS // 2, "emit() leaks False"


class _Page(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def isComplete(self) -> bool:
        self.asked += 1
        return True


class _Model(QAbstractListModel):
    """A Python override C++ calls, handing back an ordinary object each time."""

    def __init__(self, value: object) -> None:
        super().__init__()
        self.value = value

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.value if role == Qt.ItemDataRole.UserRole else None


def test_a_bool_virtual_overridden_in_python_keeps_reference_counts(
    qapp: QApplication, qtbot: QtBot
) -> None:
    wizard = QWizard()
    qtbot.addWidget(wizard)
    page = _Page()
    wizard.addPage(page)
    wizard.show()
    before = sys.getrefcount(True)
    for _ in range(CALLS):
        page.completeChanged.emit()  # QWizard asks isComplete() from C++
    assert page.asked >= CALLS  # the override really was called from C++
    if BOOLS_ARE_COUNTED:
        assert abs(sys.getrefcount(True) - before) < CALLS // 2


def test_a_value_returned_by_a_python_override_keeps_its_reference_count(
    qapp: QApplication,
) -> None:
    payload = _Payload()
    model = _Model(payload)
    index = model.index(0, 0)
    before = sys.getrefcount(payload)
    for _ in range(CALLS):
        assert index.data(Qt.ItemDataRole.UserRole) is payload  # C++ calls data() and back
    assert sys.getrefcount(payload) == before, "an override's result loses or leaks references"
