"""Small pieces the sync dialogs share: the large fingerprint, messages under fields, sizes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QFontDatabase, QShowEvent
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from pippi_desktop.gui.widgets.fit import fit_to_contents, grow_to_contents

FINGERPRINT_POINTS = 20


def show_fingerprint(label: QLabel, fingerprint: str) -> None:
    """The fingerprint big and in a fixed-width font, so two people can read it aloud."""
    font = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFixedPitch(True)
    font.setPointSize(FINGERPRINT_POINTS)
    font.setBold(True)
    label.setFont(font)
    label.setText(fingerprint)
    label.setAccessibleName(fingerprint)
    label.setVisible(bool(fingerprint))
    window = label.window()
    layout = window.layout()
    if window.isVisible() and layout is not None:
        layout.activate()  # the big text may need a wider window than it had
        needed = window.minimumSizeHint().width()
        if needed > window.width():
            window.resize(needed, window.height())
        grow_to_contents(window)


def show_message(dialog: QDialog, label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
    grow_to_contents(dialog)


class FittedDialog(QDialog):
    """A dialog sized to its texts when first shown, retranslated on a language change.

    Messages shown with `say` are kept as functions, so an error under a field is said again
    in the new language when the language changes while the window is open.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._said: dict[QLabel, Callable[[], str]] = {}

    def say(self, label: QLabel, text_of: Callable[[], str] | None) -> None:
        if text_of is None:
            self._said.pop(label, None)
            show_message(self, label, "")
        else:
            self._said[label] = text_of
            show_message(self, label, text_of())

    def retranslate(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        if not self.property("fitted"):
            self.setProperty("fitted", True)
            fit_to_contents(self)
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for label, text_of in self._said.items():
                label.setText(text_of())
        super().changeEvent(event)
