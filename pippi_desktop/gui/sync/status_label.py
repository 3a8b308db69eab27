"""For the main window's status bar: changes waiting to be sent and when the last bundle left."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from pippi_desktop.domain.i18n import _, ngettext
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.sync.send_dialog import status_text
from pippi_desktop.services import bundle_export
from pippi_desktop.services.changes import DataChanges


class SyncStatusLabel(QLabel):
    """Shows e.g. "12 modifiche da inviare · ultimo pacchetto 23/11/2026"; refreshed after
    every write (any write may add changes to send). Empty for an office workspace."""

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatusLabel")
        self.session = session
        self.status: bundle_export.OutboxStatus | None = None
        session.data_changed.connect(self._data_changed)
        session.closed.connect(self._clear)
        self._clear()

    def _data_changed(self, _changes: DataChanges) -> None:
        self.refresh()

    def refresh(self) -> None:
        if not self.session.is_open or self.session.workspace.identity.role != "educator":
            self._clear()
            return
        self.session.query(self, bundle_export.outbox_status).success(self._show).run()

    def _clear(self) -> None:
        self.status = None
        self.setText("")
        self.setToolTip("")
        self.setVisible(False)  # an empty label in the status bar would be an empty box

    def _show(self, status: bundle_export.OutboxStatus) -> None:
        self.status = status
        self._render()

    def _render(self) -> None:
        status = self.status
        if status is None:
            return
        text = ngettext(
            "{count} modifica da inviare", "{count} modifiche da inviare", status.pending_operations
        ).format(count=status.pending_operations)
        if status.last_sent_at:
            day = status.last_sent_at[:10]
            text += " · " + _("ultimo pacchetto {day}").format(
                day=f"{day[8:10]}/{day[5:7]}/{day[0:4]}"
            )
        self.setText(text)
        self.setToolTip(status_text(status))
        self.setVisible(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
