"""Table models of the sync windows: import results (per bundle and family), devices."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from pippi_desktop.domain.i18n import _, pgettext
from pippi_desktop.services import bundle_import, trust_service

Index = QModelIndex | QPersistentModelIndex
REFUSED = QColor("#b3261e")


class ImportResultsModel(QAbstractTableModel):
    """One row per bundle, then one row per family it touches (created, updated, …)."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[
            tuple[bundle_import.ImportOutcome, bundle_import.FamilyChanges | None]
        ] = []

    def set_outcomes(self, outcomes: list[bundle_import.ImportOutcome]) -> None:
        self.beginResetModel()
        self._rows = []
        for outcome in outcomes:
            self._rows.append((outcome, None))
            self._rows.extend((outcome, family) for family in outcome.families)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [
            _("Pacchetto"),
            _("Esito"),
            _("Famiglia"),
            _("Nuovi"),
            _("Aggiornati"),
            _("Eliminati"),
            _("Conflitti"),
            _("Dettagli"),
        ]

    def status_label(self, status: str) -> str:
        return {
            bundle_import.APPLIED: _("importato"),
            bundle_import.ALREADY_IMPORTED: _("già importato"),
            bundle_import.REJECTED: _("rifiutato"),
            bundle_import.WOULD_APPLY: _("si può importare"),
        }.get(status, status)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        outcome, family = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(outcome, family, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 7:
            return outcome.message
        if role == Qt.ItemDataRole.ForegroundRole and outcome.status == bundle_import.REJECTED:
            return QBrush(REFUSED)
        if role == Qt.ItemDataRole.FontRole and family is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and 3 <= column <= 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(
        self,
        outcome: bundle_import.ImportOutcome,
        family: bundle_import.FamilyChanges | None,
        column: int,
    ) -> str:
        if family is None:
            counts = (outcome.created, outcome.updated, outcome.deleted, outcome.conflicts)
            values = [
                Path(outcome.file).name,
                self.status_label(outcome.status),
                "",
                *(str(n) for n in counts),
                outcome.message,
            ]
        else:
            counts = (family.created, family.updated, family.deleted, family.conflicts)
            values = [
                "",
                "",
                family.code or _("(senza famiglia)"),
                *(str(n) for n in counts),
                "",
            ]
        return values[column]

    def row_kind(self, row: int) -> tuple[str, str | None]:
        """For tests and the status line: (status, family code or None for the bundle row)."""
        outcome, family = self._rows[row]
        return outcome.status, (family.code if family else None)


class DevicesModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.devices: list[trust_service.DeviceStatus] = []

    def set_devices(self, devices: list[trust_service.DeviceStatus]) -> None:
        self.beginResetModel()
        self.devices = list(devices)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [
            _("Educatore"),
            # TRANSLATORS: the educator's computer, not a service of the programme
            pgettext("computer", "Dispositivo"),
            _("Stato"),
            _("Ultimo pacchetto"),
            _("Pacchetti mancanti"),
            _("Ultimo import"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.devices)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        device = self.devices[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(device, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return device.fingerprint
        if role == Qt.ItemDataRole.ForegroundRole and device.revoked:
            return QBrush(REFUSED)
        return None

    def _display(self, device: trust_service.DeviceStatus, column: int) -> str:
        if device.revoked:
            state = _("revocato")
        elif device.linked_to:
            state = _("attivo (ripristinato)")
        else:
            state = _("attivo")
        values = [
            device.educator,
            device.device_id,
            state,
            "" if device.last_seq is None else str(device.last_seq),
            ", ".join(str(n) for n in device.missing_seqs) or "—",
            (device.last_import_at or "")[:16].replace("T", " "),
        ]
        return values[column]
