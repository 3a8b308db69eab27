""" "Invia all'ufficio" (educator): what goes in, where it goes, progress, the file written.

The bundle is written by `services.bundle_export.export_bundle` on the worker thread (signed,
encrypted, written atomically, read back and checked); a copy always stays in the workspace's
`outbox/`, and the chosen folder (a USB stick) gets the file too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from pippi_desktop.domain.errors import InvalidFile, PippiError, SyncNotSetUp
from pippi_desktop.domain.i18n import _, ngettext
from pippi_desktop.gui.error_dialog import show_error
from pippi_desktop.gui.forms.ui_sync_send_dialog import Ui_SyncSendDialog
from pippi_desktop.gui.i18n import current_lang
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.sync.common import FittedDialog, show_message
from pippi_desktop.services import bundle_export
from pippi_desktop.services.changes import DataChanges


def status_text(status: bundle_export.OutboxStatus) -> str:
    """One sentence on what waits to be sent (also the status bar's tooltip)."""
    if status.office_name is None:
        return _(
            "Questa area di lavoro non ha ancora un ufficio di fiducia: prima importa la scheda "
            "dell'ufficio e confronta l'impronta.",
        )
    text = _("Ufficio: {office}. Modifiche da inviare: {count}.").format(
        office=status.office_name, count=status.pending_operations
    )
    if status.last_seq is not None:
        text += " " + _("Ultimo pacchetto: n. {seq}, del {when}.").format(
            seq=status.last_seq, when=(status.last_sent_at or "")[:10]
        )
    return text


class SendDialog(FittedDialog):
    def __init__(self, *, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.status: bundle_export.OutboxStatus | None = None
        self.sent: bundle_export.ExportResult | None = None
        self._busy = False
        self.ui = Ui_SyncSendDialog()
        self.ui.setupUi(self)
        for widget in (self.ui.busyLabel, self.ui.busyBar, self.ui.resultLabel, self.ui.errorLabel):
            widget.setVisible(False)
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.sendButton.clicked.connect(self.send)
        self.ui.closeButton.clicked.connect(self.accept)
        self.refresh()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._show_status()
        self._show_result()

    def refresh(self) -> None:
        self.session.query(self, bundle_export.outbox_status).success(self._status).run()

    def _status(self, status: bundle_export.OutboxStatus) -> None:
        self.status = status
        self._show_status()

    def _show_status(self) -> None:
        if self.status is None:
            return
        show_message(self, self.ui.statusLabel, status_text(self.status))
        self.ui.sendButton.setEnabled(self.status.office_name is not None and not self._busy)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Scegli la cartella o la chiavetta"))
        if chosen:
            self.ui.folderEdit.setText(chosen)

    def send(self) -> None:
        if self._busy:
            return
        text = self.ui.folderEdit.text().strip()
        output = Path(text) if text else None
        if output is not None and not output.is_dir():
            show_message(
                self,
                self.ui.errorLabel,
                _("La cartella indicata non esiste o non è raggiungibile."),
            )
            self.ui.folderEdit.setFocus()
            return
        self.say(self.ui.errorLabel, None)
        self.session.write(
            self,
            lambda ws: bundle_export.export_bundle(ws, output=output),
            changes=DataChanges.of("sync"),
        ).busy(self._set_busy).success(self._sent).failure(self._failed).run()

    def _sent(self, result: bundle_export.ExportResult) -> None:
        self.sent = result
        self._show_result()
        self.refresh()

    def _show_result(self) -> None:
        result = self.sent
        if result is None:
            return
        if not result.written:
            text = _("Nessuna modifica nuova da inviare: nessun file è stato scritto.")
        else:
            text = ngettext(
                "Pacchetto n. {seq} scritto ({count} modifica):\n{file}\nÈ cifrato per "
                "l'ufficio: portalo o invialo come allegato.",
                "Pacchetto n. {seq} scritto ({count} modifiche):\n{file}\nÈ cifrato per "
                "l'ufficio: portalo o invialo come allegato.",
                result.operations,
            ).format(seq=result.seq, count=result.operations, file=result.file)
            if result.remaining:
                text += "\n" + ngettext(
                    "Resta {count} modifica per il prossimo pacchetto.",
                    "Restano {count} modifiche per il prossimo pacchetto.",
                    result.remaining,
                ).format(count=result.remaining)
        show_message(self, self.ui.resultLabel, text)

    def _failed(self, error: PippiError) -> None:
        if isinstance(error, InvalidFile | SyncNotSetUp):
            self.say(self.ui.errorLabel, lambda: error.message(current_lang()))
        else:
            show_error(self, error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ui.busyLabel.setVisible(busy)
        self.ui.busyBar.setVisible(busy)
        for widget in (self.ui.sendButton, self.ui.closeButton, self.ui.browseButton):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            super().reject()
