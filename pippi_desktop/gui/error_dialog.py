"""The dialog for an error: its one sentence from `domain/errors.py`, never a traceback."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from pippi_desktop.domain.errors import PippiError
from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.i18n import current_lang

# Boxes without a parent window: kept alive here until they close (nothing else owns them).
_PARENTLESS: set[QMessageBox] = set()


def show_error(parent: QWidget | None, error: PippiError) -> QMessageBox:
    """Open (without blocking) a message box with the error's sentence; returns the box."""
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("PIPPI Desktop – attenzione"))
    box.setText(error.message(current_lang()))
    box.addButton(_("Chiudi"), QMessageBox.ButtonRole.AcceptRole)
    if parent is None:
        _PARENTLESS.add(box)
        box.finished.connect(lambda _result: _PARENTLESS.discard(box))
    box.open()
    return box
