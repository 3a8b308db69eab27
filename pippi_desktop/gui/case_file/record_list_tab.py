"""A tab that lists one kind of record of the family, with "Nuova…", "Modifica…", "Elimina…".

Visits, group sessions and micro-project objectives are shown this way: a table (a
`RecordTableModel` over the loaded case file), a preview of the chosen row underneath, and an
empty state that says what to do next. Enter or a double click edits; Delete asks to delete.
Subclasses give the columns, the records, the texts and the editors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QWidget

from pippi_desktop.gui.case_file.tab import CaseFileTab
from pippi_desktop.gui.forms.ui_record_list_tab import Ui_RecordListTab
from pippi_desktop.gui.models.record_table_model import Column, RecordTableModel

R = TypeVar("R")


class RecordListTab(CaseFileTab, Generic[R]):
    print_requested = Signal()  # "Stampa…": the chosen record's sheet (the main window prints)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RecordListTab()
        self.ui.setupUi(self)
        self.model: RecordTableModel[R] = RecordTableModel(
            self.columns(), record_id=self.record_id, parent=self
        )
        table = self.ui.table
        table.setModel(self.model)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        for column, width in enumerate(self.column_widths()):
            table.setColumnWidth(column, width)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.activated.connect(self._activated)
        table.installEventFilter(self)  # the Delete key asks to delete the chosen row
        self.ui.newButton.clicked.connect(self.new_record)
        self.ui.editButton.clicked.connect(self.edit_selected)
        self.ui.deleteButton.clicked.connect(self.delete_selected)
        self.ui.printButton.clicked.connect(self.print_requested)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)
        self.ui.preview.setVisible(self.has_preview())
        self.retranslate()
        self.refresh()

    # --- for subclasses -----------------------------------------------------------------

    def columns(self) -> list[Column[R]]:
        raise NotImplementedError

    def column_widths(self) -> Sequence[int]:
        return ()

    def records(self) -> Sequence[R]:
        raise NotImplementedError

    def record_id(self, record: R) -> str:
        return str(record.id)  # type: ignore[attr-defined]

    def texts(self) -> dict[str, str]:
        """ "new", "edit", "delete" (and "print", when the record has a sheet) button texts,
        the "empty" state."""
        raise NotImplementedError

    def has_preview(self) -> bool:
        return True

    def preview_html(self, record: R) -> str:
        return ""

    def new_record(self) -> None:
        raise NotImplementedError

    def edit_record(self, record: R) -> None:
        raise NotImplementedError

    def delete_record(self, record: R) -> None:
        raise NotImplementedError

    # --- shared -------------------------------------------------------------------------

    def selected(self) -> R | None:
        rows = self.ui.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_id(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            self.ui.table.selectRow(row)

    def refresh(self) -> None:
        chosen = self.selected()
        chosen_id = self.record_id(chosen) if chosen is not None else None
        records = self.records() if self.data is not None else []
        self.model.set_records(records)
        empty = not records
        self.ui.stack.setCurrentWidget(self.ui.listEmptyPage if empty else self.ui.tablePage)
        if chosen_id is not None and self.model.row_of(chosen_id) >= 0:
            self.select_id(chosen_id)
        elif records:
            self.ui.table.selectRow(0)
        self._update_actions()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        record = self.selected()
        has = record is not None
        self.ui.newButton.setEnabled(self.data is not None)
        self.ui.editButton.setEnabled(has)
        self.ui.deleteButton.setEnabled(has)
        self.ui.printButton.setEnabled(has)
        if self.has_preview():
            self.ui.preview.setHtml(self.preview_html(record) if record is not None else "")
            self.ui.preview.setVisible(self.model.rowCount() != 0)

    def _activated(self, index: QModelIndex) -> None:
        record = self.model.record(index.row())
        if record is not None:
            self.edit_record(record)

    def edit_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self.edit_record(record)

    def delete_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self.delete_record(record)

    def retranslate(self) -> None:
        texts = self.texts()
        self.ui.newButton.setText(texts["new"])
        self.ui.editButton.setText(texts["edit"])
        self.ui.deleteButton.setText(texts["delete"])
        self.ui.printButton.setText(texts.get("print", ""))
        self.ui.printButton.setVisible("print" in texts)
        self.ui.listEmptyLabel.setText(texts["empty"])
        self.ui.table.setAccessibleName(texts["table"])
        self.ui.preview.setAccessibleName(texts["preview"])
        self.model.retranslate()
        self._update_actions()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.ui.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @staticmethod
    def html_rows(rows: Sequence[tuple[str, Any]]) -> str:
        """A small definition list for the preview: bold title, then the text."""
        from html import escape

        parts = []
        for title, value in rows:
            if value in (None, "", ()):
                continue
            text = escape(str(value)).replace("\n", "<br>")
            parts.append(f"<p><b>{escape(title)}</b><br>{text}</p>")
        return "".join(parts)
