"""The office's registered devices: revoked or not, last bundle, missing bundles; revoking."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QMessageBox, QWidget

from pippi_desktop.domain.errors import PippiError
from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.error_dialog import show_error
from pippi_desktop.gui.forms.ui_sync_devices_dialog import Ui_SyncDevicesDialog
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.sync.common import FittedDialog
from pippi_desktop.gui.sync.models import DevicesModel
from pippi_desktop.services import trust_service
from pippi_desktop.services.changes import DataChanges


class DevicesDialog(FittedDialog):
    def __init__(self, *, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.confirmation: QMessageBox | None = None
        self.ui = Ui_SyncDevicesDialog()
        self.ui.setupUi(self)
        self.model = DevicesModel()
        self.ui.devicesTable.setModel(self.model)
        header = self.ui.devicesTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.ui.devicesTable.verticalHeader().setVisible(False)
        self.ui.errorLabel.setVisible(False)
        self.ui.refreshButton.clicked.connect(self.refresh)
        self.ui.revokeButton.clicked.connect(self.ask_to_revoke)
        self.ui.closeButton.clicked.connect(self.accept)
        self.ui.devicesTable.selectionModel().selectionChanged.connect(self._update_buttons)
        session.data_changed.connect(self._data_changed)
        self._update_buttons()
        self.refresh()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.model.headerDataChanged.emit(
            self.ui.devicesTable.horizontalHeader().orientation(), 0, 5
        )

    def _data_changed(self, changes: DataChanges) -> None:
        if changes.touches("sync"):
            self.refresh()

    def refresh(self) -> None:
        self.session.query(self, trust_service.list_devices).success(self._loaded).failure(
            self._failed
        ).run()

    def _loaded(self, devices: list[trust_service.DeviceStatus]) -> None:
        self.model.set_devices(devices)
        self._update_buttons()

    def selected(self) -> trust_service.DeviceStatus | None:
        rows = self.ui.devicesTable.selectionModel().selectedRows()
        return self.model.devices[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        device = self.selected()
        self.ui.revokeButton.setEnabled(device is not None and not device.revoked)

    def ask_to_revoke(self) -> None:
        device = self.selected()
        if device is None or device.revoked:
            return
        box = QMessageBox(self)
        box.setObjectName("revokeConfirmation")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Revoca il dispositivo"))
        box.setText(
            _(
                "Revocare il dispositivo di {name}? I suoi prossimi pacchetti saranno rifiutati; "
                "i dati già importati restano."
            ).format(name=device.educator)
        )
        revoke = box.addButton(_("&Revoca"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("Annulla"), QMessageBox.ButtonRole.RejectRole)
        device_id = device.device_id

        def answered(_result: int) -> None:
            self.confirmation = None
            if box.clickedButton() is revoke:
                self.revoke(device_id)
            box.deleteLater()

        box.finished.connect(answered)
        self.confirmation = box
        box.open()

    def revoke(self, device_id: str) -> None:
        self.session.write(
            self,
            lambda ws: trust_service.revoke_device(ws, device_id),
            changes=DataChanges.of("sync"),
        ).failure(self._failed).run()

    def _failed(self, error: PippiError) -> None:
        show_error(self, error)
