"""The Qt binding itself: reference counts stay right across the calls the GUI makes all the time.

PySide6 6.12.0 dropped a reference to `True` on every `Signal.emit()` and on Python overrides
of some bool virtuals called from C++; the interpreter aborted (`bool_dealloc`) after a few
thousand calls, i.e. after some minutes of typing. pyproject.toml excludes that release;
this test refuses any other release with the same fault before it reaches a laptop.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage
from pytestqt.qtbot import QtBot

CALLS = 200


class _Emitter(QObject):
    plain = Signal()
    with_value = Signal(object)


def test_emitting_a_signal_keeps_reference_counts(qapp: QApplication) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.with_value.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(CALLS):
        emitter.plain.emit()
        emitter.with_value.emit(None)
    received.clear()
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert abs(after[0] - before[0]) < CALLS // 2, "Signal.emit() leaks references to True"
    assert abs(after[1] - before[1]) < CALLS // 2, "Signal.emit() leaks references to False"


class _Page(QWizardPage):
    def isComplete(self) -> bool:
        return True


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
    assert abs(sys.getrefcount(True) - before) < CALLS // 2
