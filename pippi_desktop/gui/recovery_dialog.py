""" "Ho dimenticato la passphrase": the recovery code and a new passphrase, then unlocked.

`services.workspace_service.recover_with_code` checks the code, sets the new passphrase and
changes the data key (the code stays valid); the workspace is then opened with the new
passphrase, all on the worker thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontDatabase, QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from pippi_desktop.domain.errors import PippiError, WeakPassphrase, WrongRecoveryCode
from pippi_desktop.gui.error_dialog import show_error
from pippi_desktop.gui.forms.ui_recovery_dialog import Ui_RecoveryDialog
from pippi_desktop.gui.i18n import current_lang
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.widgets.fit import fit_to_contents, grow_to_contents

if TYPE_CHECKING:
    from pippi_desktop.services.open_workspace import OpenWorkspace


def recover_and_open(path: Path, code: str, new_passphrase: str) -> OpenWorkspace:
    """On the worker, which imports the service (the dialog is imported with the unlock one)."""
    from pippi_desktop.services import workspace_service

    workspace_service.recover_with_code(path, code, new_passphrase)
    return workspace_service.open_workspace(path, passphrase=new_passphrase)


class RecoveryDialog(QDialog):
    def __init__(
        self, path: Path, *, session: WorkspaceSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.session = session
        self.workspace: OpenWorkspace | None = None
        self._busy = False
        self.ui = Ui_RecoveryDialog()
        self.ui.setupUi(self)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.ui.codeEdit.setFont(font)
        for widget in (self.ui.codeErrorLabel, self.ui.busyBar, self.ui.busyLabel):
            widget.setVisible(False)
        self.ui.recoverButton.clicked.connect(self.recover)
        self.ui.cancelButton.clicked.connect(self.reject)
        self.ui.codeEdit.textChanged.connect(lambda: self._show_code_error(""))

    def recover(self) -> None:
        if self._busy:
            return
        code = self.ui.codeEdit.text().strip()
        fields = self.ui.passphraseFields
        if not code:
            self._show_code_error(WrongRecoveryCode("mistyped").message(current_lang()))
            self.ui.codeEdit.setFocus()
            return
        if not fields.check_match():
            return
        path, passphrase = self.path, fields.passphrase()
        self.session.call(self, lambda: recover_and_open(path, code, passphrase)).busy(
            self._set_busy
        ).success(self._recovered).failure(self._failed).run()

    def _recovered(self, workspace: OpenWorkspace) -> None:
        self.workspace = workspace
        self.accept()

    def _failed(self, error: PippiError) -> None:
        if isinstance(error, WrongRecoveryCode):
            self._show_code_error(error.message(current_lang()))
            self.ui.codeEdit.setFocus()
            self.ui.codeEdit.selectAll()
        elif isinstance(error, WeakPassphrase):
            self.ui.passphraseFields.show_error(error)
        else:
            show_error(self, error)

    def _show_code_error(self, text: str) -> None:
        self.ui.codeErrorLabel.setText(text)
        self.ui.codeErrorLabel.setVisible(bool(text))
        grow_to_contents(self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ui.codeEdit.setEnabled(not busy)
        self.ui.passphraseFields.set_inputs_enabled(not busy)
        self.ui.recoverButton.setEnabled(not busy)
        self.ui.cancelButton.setEnabled(not busy)
        self.ui.busyBar.setVisible(busy)
        self.ui.busyLabel.setVisible(busy)
        grow_to_contents(self)

    def reject(self) -> None:
        if self._busy:
            return
        super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        if not self.property("fitted"):
            self.setProperty("fitted", True)
            fit_to_contents(self)
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)
