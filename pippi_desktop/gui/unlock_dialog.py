"""Unlocking a workspace: passphrase, caps-lock warning, KDF on the worker, backoff.

After `FREE_ATTEMPTS` wrong passphrases in a row each new try waits longer
(`domain/unlock_backoff.py`); the count is kept in the settings under the workspace id, so
closing the application does not reset it, and the wall clock is injectable for tests.
"Ho dimenticato la passphrase" opens the recovery dialog (recovery code + new passphrase).

The dialog is what starting the application paints first: it imports no service module (the
worker imports `workspace_service` when the passphrase is submitted, or before, see
`gui/warm_up.py`) nor the recovery dialog before it is asked for, and says when it is painted
(`first_painted`).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from pippi_desktop.domain.errors import PippiError, WrongPassphrase
from pippi_desktop.domain.i18n import _
from pippi_desktop.domain.unlock_backoff import NO_FAILURES
from pippi_desktop.gui.forms.ui_unlock_dialog import Ui_UnlockDialog
from pippi_desktop.gui.i18n import current_lang
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.settings import Settings
from pippi_desktop.gui.widgets.caps_lock import CapsLockWarning
from pippi_desktop.gui.widgets.fit import fit_to_contents, grow_to_contents

if TYPE_CHECKING:
    from pippi_desktop.gui.recovery_dialog import RecoveryDialog
    from pippi_desktop.services.open_workspace import OpenWorkspace

# `done()` codes besides Accepted/Rejected
OTHER_WORKSPACE = 2


def format_wait(seconds: float) -> str:
    whole = math.ceil(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def unlock_workspace(path: Path, passphrase: str) -> OpenWorkspace:
    """On the worker, which imports the service (SQLAlchemy, the key slots' cryptography)."""
    from pippi_desktop.services import workspace_service

    return workspace_service.open_workspace(path, passphrase=passphrase)


class UnlockDialog(QDialog):
    unlock_started = Signal()  # the KDF is running on the worker
    passphrase_accepted = Signal()  # the workspace is open; the dialog closes next
    first_painted = Signal()  # the first paint pass is over: the dialog is on screen

    def __init__(
        self,
        path: Path,
        workspace_id: str,
        *,
        session: WorkspaceSession,
        settings: Settings,
        clock: Callable[[], float] = time.time,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.workspace_id = workspace_id
        self.session = session
        self.settings = settings
        self.clock = clock
        self.workspace: OpenWorkspace | None = None
        self.recovery_dialog: RecoveryDialog | None = None
        self._busy = False
        self._painted = False
        self.ui = Ui_UnlockDialog()
        self.ui.setupUi(self)
        self.caps_lock = CapsLockWarning(self.ui.capsLockLabel, self.ui.passphraseEdit)
        for widget in (self.ui.errorLabel, self.ui.waitLabel, self.ui.busyBar, self.ui.busyLabel):
            widget.setVisible(False)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self.refresh_backoff)
        self.ui.unlockButton.clicked.connect(self.attempt)
        self.ui.cancelButton.clicked.connect(self.reject)
        self.ui.forgotButton.clicked.connect(self.open_recovery)
        self.ui.otherWorkspaceButton.clicked.connect(lambda: self.done(OTHER_WORKSPACE))
        self.ui.passphraseEdit.textChanged.connect(self._on_typing)
        self._retranslate()
        self.refresh_backoff()

    # --- backoff ------------------------------------------------------------------------

    def remaining_wait(self) -> float:
        return self.settings.unlock_failures(self.workspace_id).remaining_wait(self.clock())

    def refresh_backoff(self) -> None:
        """Show the countdown and hold the unlock button while a wait is running."""
        failures = self.settings.unlock_failures(self.workspace_id)
        left = failures.remaining_wait(self.clock())
        waiting = left > 0
        if waiting:
            self.ui.waitLabel.setText(
                _(
                    "Troppi tentativi sbagliati di seguito ({count}). Per sicurezza puoi "
                    "riprovare tra {time}. Se non ricordi la passphrase usa il codice di "
                    "recupero."
                ).format(count=failures.count, time=format_wait(left))
            )
            if not self._countdown.isActive():
                self._countdown.start()
        else:
            self._countdown.stop()
        self.ui.waitLabel.setVisible(waiting)
        self.ui.unlockButton.setEnabled(not waiting and not self._busy)
        grow_to_contents(self)

    # --- unlocking ----------------------------------------------------------------------

    def attempt(self) -> None:
        if self._busy:
            return
        self.refresh_backoff()
        if self.remaining_wait() > 0:
            return
        passphrase = self.ui.passphraseEdit.text()
        if not passphrase:
            self._show_error(_("Scrivi la passphrase."))
            return
        path = self.path
        self.session.call(self, lambda: unlock_workspace(path, passphrase)).busy(
            self._set_busy
        ).success(self._unlocked).failure(self._failed).run()
        self.unlock_started.emit()

    def _unlocked(self, workspace: OpenWorkspace) -> None:
        self.passphrase_accepted.emit()
        if self.settings.unlock_failures(self.workspace_id).count:
            self.settings.set_unlock_failures(self.workspace_id, NO_FAILURES)
        self.workspace = workspace
        self.ui.passphraseEdit.clear()
        self.accept()

    def _failed(self, error: PippiError) -> None:
        if isinstance(error, WrongPassphrase):
            failures = self.settings.unlock_failures(self.workspace_id).after_failure(self.clock())
            self.settings.set_unlock_failures(self.workspace_id, failures)
        self._show_error(error.message(current_lang()))
        self.ui.passphraseEdit.setFocus()
        self.ui.passphraseEdit.selectAll()
        self.refresh_backoff()

    def _show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))
        grow_to_contents(self)

    def _on_typing(self) -> None:
        if self.ui.errorLabel.isVisible():
            self._show_error("")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (
            self.ui.passphraseEdit,
            self.ui.forgotButton,
            self.ui.otherWorkspaceButton,
            self.ui.cancelButton,
        ):
            widget.setEnabled(not busy)
        self.ui.busyBar.setVisible(busy)
        self.ui.busyLabel.setVisible(busy)
        self.refresh_backoff()

    @property
    def busy(self) -> bool:
        return self._busy

    def reject(self) -> None:
        if self._busy:  # the KDF is running: its result must not land in a closed dialog
            return
        super().reject()

    def done(self, result: int) -> None:
        if self._busy and result != QDialog.DialogCode.Accepted:
            return
        self._countdown.stop()
        super().done(result)

    # --- recovery -----------------------------------------------------------------------

    def open_recovery(self) -> RecoveryDialog:
        from pippi_desktop.gui.recovery_dialog import RecoveryDialog  # its forms: when asked

        dialog = RecoveryDialog(self.path, session=self.session, parent=self)
        dialog.accepted.connect(lambda: self._recovered(dialog))
        self.recovery_dialog = dialog
        dialog.open()
        return dialog

    def _recovered(self, dialog: RecoveryDialog) -> None:
        if dialog.workspace is not None:
            self._unlocked(dialog.workspace)

    # --- texts --------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.ui.workspaceLabel.setText(_("Area di lavoro: {folder}").format(folder=self.path.name))
        self.ui.workspaceLabel.setToolTip(str(self.path))
        if self.ui.waitLabel.isVisible():
            self.refresh_backoff()

    def showEvent(self, event: QShowEvent) -> None:
        if not self.property("fitted"):
            self.setProperty("fitted", True)
            fit_to_contents(self)
        super().showEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # the children paint next in the same pass; a zero timer runs once it is over
            QTimer.singleShot(0, self, self.first_painted.emit)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)
