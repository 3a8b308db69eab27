"""The File menu's entries for keys and copies, added to the main window's menu.

Change passphrase, new recovery code and backup need the workspace open (they are off while
locked); restoring makes a new folder and works either way. The windows open through
`MainWindow.open_sync_dialog`: modal to the window and closed when it locks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.session import WorkspaceSession


class KeyActions:
    def __init__(
        self,
        window: QMainWindow,
        menu: QMenu,
        before: QAction,
        session: WorkspaceSession,
        open_dialog: Callable[..., QDialog | None],
    ) -> None:
        from pippi_desktop.gui.keys.backup_dialogs import BackupDialog, RestoreDialog
        from pippi_desktop.gui.keys.passphrase_dialogs import (
            ChangePassphraseDialog,
            NewRecoveryCodeDialog,
        )

        self.session = session
        self.change_passphrase = QAction(window)
        self.change_passphrase.setObjectName("actionChangePassphrase")
        self.new_recovery_code = QAction(window)
        self.new_recovery_code.setObjectName("actionNewRecoveryCode")
        self.backup = QAction(window)
        self.backup.setObjectName("actionBackup")
        self.restore = QAction(window)
        self.restore.setObjectName("actionRestore")
        openers: dict[QAction, Callable[[], QDialog]] = {
            self.change_passphrase: lambda: ChangePassphraseDialog(session=session, parent=window),
            self.new_recovery_code: lambda: NewRecoveryCodeDialog(session=session, parent=window),
            self.backup: lambda: BackupDialog(session=session, parent=window),
            self.restore: lambda: RestoreDialog(session=session, parent=window),
        }
        for action, make in openers.items():
            needs = action is not self.restore
            action.triggered.connect(
                lambda _checked=False, make=make, needs=needs: open_dialog(
                    make, needs_workspace=needs
                )
            )
        menu.insertAction(before, self.change_passphrase)
        menu.insertAction(before, self.new_recovery_code)
        menu.insertSeparator(before)
        menu.insertAction(before, self.backup)
        menu.insertAction(before, self.restore)
        menu.insertSeparator(before)
        self.retranslate()
        self.update()

    def retranslate(self) -> None:
        self.change_passphrase.setText(_("Cambia &passphrase…"))
        self.new_recovery_code.setText(_("Nuovo &codice di recupero…"))
        self.backup.setText(_("&Backup…"))
        self.restore.setText(_("&Ripristina un backup…"))

    def update(self) -> None:
        unlocked = self.session.is_open
        for action in (self.change_passphrase, self.new_recovery_code, self.backup):
            action.setEnabled(unlocked)
