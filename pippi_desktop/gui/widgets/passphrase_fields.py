"""A new passphrase typed twice, with a live strength bar and the policy in plain words.

Used by the first-run wizard and the recovery dialog. The strength comes from
`domain.passphrase_policy.passphrase_strength`; the final word is
`services.workspace_service.validate_new_passphrase`, whose `WeakPassphrase` sentence is
shown under the field by `show_error`.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from pippi_desktop.domain.errors import PippiError, WeakPassphrase
from pippi_desktop.domain.i18n import _
from pippi_desktop.domain.passphrase_policy import load_common_passwords, passphrase_strength
from pippi_desktop.gui.forms.ui_passphrase_fields import Ui_PassphraseFields
from pippi_desktop.gui.i18n import current_lang
from pippi_desktop.gui.widgets.caps_lock import CapsLockWarning
from pippi_desktop.resource_paths import resource


@cache
def _common() -> frozenset[str]:
    return load_common_passwords(str(resource("common_passwords.txt")))


class PassphraseFields(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PassphraseFields()
        self.ui.setupUi(self)
        for label in (self.ui.newErrorLabel, self.ui.repeatErrorLabel):
            label.setVisible(False)
        self.caps_lock = CapsLockWarning(self.ui.capsLockLabel, self.ui.newEdit, self.ui.repeatEdit)
        self.ui.newEdit.textChanged.connect(self._on_edit)
        self.ui.repeatEdit.textChanged.connect(self._on_edit)
        self.ui.showCheck.toggled.connect(self._show_characters)
        self._update_strength()

    # --- values -------------------------------------------------------------------------

    def passphrase(self) -> str:
        return self.ui.newEdit.text()

    def repeated(self) -> str:
        return self.ui.repeatEdit.text()

    def strength(self) -> int:
        return self.ui.strengthBar.value()

    def check_match(self) -> bool:
        """Say next to the second field when the two differ; True when they match."""
        if self.passphrase() != self.repeated():
            self._show(self.ui.repeatErrorLabel, WeakPassphrase("mismatch").message(current_lang()))
            return False
        self._show(self.ui.repeatErrorLabel, "")
        return True

    def show_error(self, error: PippiError) -> None:
        """Put a passphrase error next to the field it is about."""
        if isinstance(error, WeakPassphrase) and error.variant == "mismatch":
            self._show(self.ui.repeatErrorLabel, error.message(current_lang()))
            self.ui.repeatEdit.setFocus()
        else:
            self._show(self.ui.newErrorLabel, error.message(current_lang()))
            self.ui.newEdit.setFocus()
            self.ui.newEdit.selectAll()

    def clear(self) -> None:
        self.ui.newEdit.clear()
        self.ui.repeatEdit.clear()

    def set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.ui.newEdit, self.ui.repeatEdit, self.ui.showCheck):
            widget.setEnabled(enabled)

    def focus_first(self) -> None:
        self.ui.newEdit.setFocus()

    # --- behaviour ----------------------------------------------------------------------

    def _show(self, label: object, text: str) -> None:
        label.setText(text)  # type: ignore[attr-defined]
        label.setVisible(bool(text))  # type: ignore[attr-defined]

    def _on_edit(self) -> None:
        self._show(self.ui.newErrorLabel, "")
        if self.ui.repeatErrorLabel.isVisible() and self.passphrase() == self.repeated():
            self._show(self.ui.repeatErrorLabel, "")
        self._update_strength()
        self.changed.emit()

    def _show_characters(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.ui.newEdit.setEchoMode(mode)
        self.ui.repeatEdit.setEchoMode(mode)

    def _strength_words(self) -> tuple[str, ...]:
        return (
            _("Non accettabile"),
            _("Sufficiente"),
            _("Discreta"),
            _("Buona"),
            _("Ottima"),
        )

    def _update_strength(self) -> None:
        text = self.passphrase()
        score = passphrase_strength(text, common=_common()) if text else 0
        self.ui.strengthBar.setValue(score)
        self.ui.strengthLabel.setText(self._strength_words()[score] if text else _("Ancora vuota"))
        self.ui.strengthBar.setProperty("strength", str(score))
        self.ui.strengthBar.style().unpolish(self.ui.strengthBar)
        self.ui.strengthBar.style().polish(self.ui.strengthBar)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._update_strength()
        super().changeEvent(event)
