"""A list of records to tick (people present, professionals, objectives worked on).

Items are (id, text); `checked_ids()` gives the ticked ids in list order. Space ticks the
current item, as in any Qt list. Ids ticked in a record but no longer offered (a person
deleted since) are kept, so saving never drops them silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

ID_ROLE = Qt.ItemDataRole.UserRole


class CheckList(QListWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hidden_checked: list[str] = []
        self.setWordWrap(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_items(self, items: Iterable[tuple[str, str]], checked: Iterable[str] = ()) -> None:
        wanted = set(checked)
        self.blockSignals(True)
        self.clear()
        offered = []
        for item_id, text in items:
            item = QListWidgetItem(text, self)
            item.setData(ID_ROLE, item_id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(
                Qt.CheckState.Checked if item_id in wanted else Qt.CheckState.Unchecked
            )
            offered.append(item_id)
        self._hidden_checked = [i for i in checked if i not in offered]
        self.blockSignals(False)
        self.changed.emit()

    def relabel(self, labels: dict[str, str]) -> None:
        """New texts for the same items (the language changed)."""
        self.blockSignals(True)
        for row in range(self.count()):
            item = self.item(row)
            text = labels.get(str(item.data(ID_ROLE)))
            if text is not None:
                item.setText(text)
        self.blockSignals(False)

    def checked_ids(self) -> list[str]:
        ticked = [
            str(self.item(row).data(ID_ROLE))
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        ]
        return ticked + self._hidden_checked

    def set_checked(self, ids: Sequence[str]) -> None:
        wanted = set(ids)
        self.blockSignals(True)
        offered = set()
        for row in range(self.count()):
            item = self.item(row)
            item_id = str(item.data(ID_ROLE))
            offered.add(item_id)
            item.setCheckState(
                Qt.CheckState.Checked if item_id in wanted else Qt.CheckState.Unchecked
            )
        self._hidden_checked = [i for i in ids if i not in offered]
        self.blockSignals(False)
        self.changed.emit()

    def item_ids(self) -> list[str]:
        return [str(self.item(row).data(ID_ROLE)) for row in range(self.count())]
