"""Caps-lock warning for password fields.

Qt offers no portable way to read the Caps Lock state, so we infer it from what is typed, as
most login screens do: a letter typed in upper case without Shift (or lower case with
Shift) means Caps Lock is on; the opposite means it is off. The warning label shows only
while the field has focus and the last letter said Caps Lock is on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit


def caps_lock_from_key(event: QKeyEvent) -> bool | None:
    """True/False when the key tells the Caps Lock state, None when it cannot tell."""
    text = event.text()
    if len(text) != 1 or not text.isalpha() or text.lower() == text.upper():
        return None
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    return text.isupper() != shift


class CapsLockWarning(QObject):
    """Shows `label` while `fields` are focused and Caps Lock looks active."""

    def __init__(self, label: QLabel, *fields: QLineEdit) -> None:
        super().__init__(label)
        self._label = label
        self._caps_on = False
        label.setVisible(False)
        for field in fields:
            field.installEventFilter(self)

    @property
    def caps_lock_on(self) -> bool:
        return self._caps_on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            state = caps_lock_from_key(event)
            if state is not None:
                self._caps_on = state
                self._label.setVisible(state)
            elif event.key() == Qt.Key.Key_CapsLock:
                self._caps_on = not self._caps_on
                self._label.setVisible(self._caps_on)
        elif event.type() == QEvent.Type.FocusOut:
            self._label.setVisible(False)
        elif event.type() == QEvent.Type.FocusIn:
            self._label.setVisible(self._caps_on)
        return False
