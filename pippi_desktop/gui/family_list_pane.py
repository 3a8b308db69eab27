"""The left pane of the main window: search, filters and the family list.

The list is a `FamilyListModel` (ids plus a row cache fed page by page on the worker). The
search box filters as you type: each keystroke restarts a short timer (`SEARCH_DELAY_MS`) so
a burst of typing costs one query, and the model drops the answers of older texts. Phase and
implementation filters apply at once. Empty states say why the list is empty and what to do.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QWidget

from pippi_desktop.domain.errors import PippiError, WorkspaceLocked
from pippi_desktop.domain.i18n import _, ngettext
from pippi_desktop.gui.error_dialog import show_error
from pippi_desktop.gui.forms.ui_family_list_pane import Ui_FamilyListPane
from pippi_desktop.gui.labels import terms
from pippi_desktop.gui.models.family_list_model import FamilyListModel, FamilyQuery
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.services import casefile_view
from pippi_desktop.services.changes import DataChanges

SEARCH_DELAY_MS = 120
# what the list shows comes from these kinds (names, counts, phase, time points)
LIST_KINDS = ("family", "person", "visit", "assessment")
COLUMN_WIDTHS = (128, 118, 180, 90, 80, 50, 50, 90)


class FamilyListPane(QWidget):
    family_selected = Signal(object)  # family id, or None when nothing is selected
    new_family_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FamilyListPane()
        self.ui.setupUi(self)
        self.session: WorkspaceSession | None = None
        self.model: FamilyListModel | None = None
        self._selected: str | None = None
        self._shown_query: FamilyQuery | None = None
        self._implementations: list[str] = []
        self._implementations_wanted = False
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_search)
        self.ui.searchEdit.textEdited.connect(lambda _text: self.search_timer.start())
        self.ui.searchEdit.textChanged.connect(self._search_cleared)
        self.ui.searchEdit.returnPressed.connect(self.apply_search)
        self.ui.phaseFilter.activated.connect(lambda _index: self.apply_filters())
        self.ui.implementationFilter.activated.connect(lambda _index: self.apply_filters())
        self.ui.newFamilyButton.clicked.connect(self.new_family_requested)
        self.ui.clearFiltersButton.clicked.connect(self.clear_filters)
        self.ui.familyTable.activated.connect(self._activated)
        self._fill_phase_filter()
        self._fill_implementation_filter()
        self._show_state()

    def _top_for_a_new_query(self) -> None:
        """A new order or filter starts at the top (a view left at the bottom would fetch
        page after page of the new order); a refresh after an edit keeps its place."""
        if self.model is not None and self.model.query != self._shown_query:
            self._shown_query = self.model.query
            self.ui.familyTable.scrollToTop()

    def attach(self, session: WorkspaceSession) -> None:
        self.session = session
        model = FamilyListModel(session, self)
        self.model = model
        table = self.ui.familyTable
        table.setModel(model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate(COLUMN_WIDTHS):
            table.setColumnWidth(column, width)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        model.loaded.connect(self._loaded)
        model.counted.connect(self._show_state)
        model.modelReset.connect(self._show_state)
        model.modelReset.connect(self._top_for_a_new_query)
        model.failed.connect(self._failed)
        session.opened.connect(self.reload)
        session.closed.connect(self.clear)
        session.data_changed.connect(self.on_data_changed)
        if session.is_open:
            self.reload()

    # --- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        if self.model is None or self.session is None or not self.session.is_open:
            return
        self._implementations_wanted = True  # asked for once the rows are on screen
        self.model.reload()

    def clear(self) -> None:
        """The workspace locked: nothing of it stays on screen."""
        self.search_timer.stop()
        self.ui.searchEdit.clear()
        self.ui.phaseFilter.setCurrentIndex(0)
        self._implementations = []
        self._fill_implementation_filter()
        self._selected = None
        if self.model is not None:
            self.model.blockSignals(True)
            self.model.query = FamilyQuery(
                sort=self.model.query.sort, descending=self.model.query.descending
            )
            self.model.blockSignals(False)
            self.model.clear()
        self._show_state()

    def on_data_changed(self, changes: DataChanges) -> None:
        if self.model is None or self.session is None or not self.session.is_open:
            return
        if changes.everything:
            self.reload()
            return
        if changes.touches(*LIST_KINDS):
            self.model.reload(keep_loaded=True)
        if changes.touches("family"):
            self._implementations_wanted = True

    def _load_implementations(self) -> None:
        assert self.session is not None
        self.session.query(self, casefile_view.implementations).success(
            self._implementations_arrived
        ).failure(self._failed).run()

    def _implementations_arrived(self, names: list[str]) -> None:
        self._implementations = names
        self._fill_implementation_filter()

    def _failed(self, error: PippiError) -> None:
        if not isinstance(error, WorkspaceLocked):
            show_error(self.window(), error)

    # --- search and filters -------------------------------------------------------------

    def query(self) -> FamilyQuery:
        base = self.model.query if self.model is not None else FamilyQuery()
        return replace(
            base,
            search=self.ui.searchEdit.text(),
            phase=self.ui.phaseFilter.currentData(),
            implementation=self.ui.implementationFilter.currentData(),
        )

    def apply_search(self) -> None:
        self.search_timer.stop()
        self.apply_filters()

    def apply_filters(self) -> None:
        if self.model is not None:
            self.model.set_query(self.query())

    def _search_cleared(self, text: str) -> None:
        if not text and self.model is not None and self.model.query.search:
            self.apply_search()  # the clear button: at once

    def clear_filters(self) -> None:
        self.ui.searchEdit.clear()
        self.ui.phaseFilter.setCurrentIndex(0)
        self.ui.implementationFilter.setCurrentIndex(0)
        self.apply_search()

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def _fill_phase_filter(self) -> None:
        self._refill(self.ui.phaseFilter, [(None, _("Tutte le fasi")), *terms("phases")])

    def _fill_implementation_filter(self) -> None:
        self._refill(
            self.ui.implementationFilter,
            [(None, _("Tutte le implementazioni"))]
            + [(name, name) for name in self._implementations],
        )

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str | None, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    # --- selection ----------------------------------------------------------------------

    @property
    def selected_family(self) -> str | None:
        return self._selected

    def select_family(self, family_id: str | None) -> None:
        """Select a family's row if it is loaded (after creating it, or reloading)."""
        self._selected = family_id
        if self.model is None:
            return
        row = self.model.row_of(family_id) if family_id else -1
        table = self.ui.familyTable
        if row < 0:
            return
        table.selectRow(row)
        table.scrollTo(self.model.index(row, 0))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        assert self.model is not None
        rows = self.ui.familyTable.selectionModel().selectedRows()
        family_id = self.model.family_id(rows[0].row()) if rows else None
        if family_id is None and self.model.loading:
            return  # the rows are being replaced: keep the family open
        if family_id != self._selected:
            self._selected = family_id
            self.family_selected.emit(family_id)

    def _activated(self, index: QModelIndex) -> None:
        if self.model is not None:
            family_id = self.model.family_id(index.row())
            if family_id:
                self._selected = family_id
                self.family_selected.emit(family_id)

    def _loaded(self) -> None:
        assert self.model is not None
        if self._implementations_wanted:  # after the first page: the list paints first
            self._implementations_wanted = False
            self._load_implementations()
        if self._selected is not None:
            row = self.model.row_of(self._selected)
            if row >= 0:
                self.ui.familyTable.selectionModel().blockSignals(True)
                self.ui.familyTable.selectRow(row)
                self.ui.familyTable.selectionModel().blockSignals(False)
        self._show_state()

    # --- texts and states ---------------------------------------------------------------

    def _show_state(self) -> None:
        model = self.model
        total = model.total if model is not None else 0
        ready = model is not None and model.loads > 0 and not model.loading
        empty = ready and total == 0
        self.ui.listStack.setCurrentWidget(self.ui.emptyPage if empty else self.ui.listPage)
        first_family = empty and model is not None and model.workspace_empty
        if first_family:
            self.ui.emptyLabel.setText(
                _(
                    "Nessuna famiglia in questa area di lavoro.\n"
                    "Premi «Nuova famiglia» per aggiungere la prima: il codice viene "
                    "assegnato da solo."
                )
            )
        else:
            self.ui.emptyLabel.setText(
                _(
                    "Nessuna famiglia trovata con questa ricerca e questi filtri.\n"
                    "Prova con meno lettere, oppure azzera ricerca e filtri."
                )
            )
        self.ui.newFamilyButton.setVisible(first_family)
        self.ui.clearFiltersButton.setVisible(empty and not first_family)
        counted = ready and model is not None and model.is_counted
        self.ui.countLabel.setText(
            ngettext("{count} famiglia", "{count} famiglie", total).format(count=total)
        )
        self.ui.countLabel.setVisible(counted)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._fill_phase_filter()
            self._fill_implementation_filter()
            if self.model is not None:
                self.model.retranslate()
            self._show_state()
        super().changeEvent(event)
