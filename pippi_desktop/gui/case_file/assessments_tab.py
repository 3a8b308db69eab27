"""*Valutazioni*: the triangle assessments, and the triangle of the chosen one.

The list holds every assessment of the family (per child: T0, T1, T2, extra). The triangle on
the right draws the chosen assessment with the other time points of the same child overlaid,
and marks the sub-dimensions that have objectives in the micro-project. Clicking a
sub-dimension opens the assessment editor at that entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.domain.records import Assessment
from pippi_desktop.gui.case_file.deletion import ask_to_delete
from pippi_desktop.gui.case_file.tab import CaseFileTab
from pippi_desktop.gui.forms.ui_assessments_tab import Ui_AssessmentsTab
from pippi_desktop.gui.labels import day
from pippi_desktop.gui.models.record_table_model import Column, RecordTableModel
from pippi_desktop.gui.widgets.triangle_view import Series

if TYPE_CHECKING:  # the editor is imported when first opened
    from pippi_desktop.gui.editors.assessment_editor import AssessmentEditor

TIME_ORDER = {"T0": 0, "T1": 1, "T2": 2}


class AssessmentsTab(CaseFileTab):
    kinds = ("assessment", "assessment_entry", "person", "microproject_item", "catalogue")
    print_requested = Signal()  # "Stampa il triangolo…": the main window prints the chosen one

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AssessmentsTab()
        self.ui.setupUi(self)
        self.model: RecordTableModel[Assessment] = RecordTableModel(
            [
                Column(lambda: _("Bambino/a"), self._child_name),
                Column(lambda: _("Momento"), lambda a: a.label),
                Column(lambda: _("Data"), lambda a: day(a.date)),
                Column(
                    lambda: _("Valutate"),
                    lambda a: _("{scored} su {total}").format(
                        scored=len(a.scores()), total=self._total(a)
                    ),
                ),
            ],
            record_id=lambda a: a.id,
            parent=self,
        )
        table = self.ui.table
        table.setModel(self.model)
        # four short columns: each as wide as its header or its longest text, in either language
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.activated.connect(self._activated)
        table.installEventFilter(self)  # the Delete key asks to delete the chosen row
        self.ui.newButton.clicked.connect(self.new_assessment)
        self.ui.editButton.clicked.connect(lambda: self.edit_selected())
        self.ui.deleteButton.clicked.connect(self.delete_selected)
        self.ui.printButton.clicked.connect(self.print_requested)
        self.ui.triangle.subdimension_clicked.connect(self.open_subdimension)
        self.ui.splitter.setStretchFactor(0, 2)
        self.ui.splitter.setStretchFactor(1, 3)
        self.ui.splitter.setSizes([340, 550])
        self.retranslate()
        self.refresh()

    # --- showing ------------------------------------------------------------------------

    def _child_name(self, assessment: Assessment) -> str:
        assert self.data is not None
        person = self.data.case_file.person(assessment.child_id)
        return person.given_name if person is not None else "—"

    def _total(self, assessment: Assessment) -> int:
        assert self.data is not None
        catalogue = self.data.catalogue_of(assessment.catalogue_id, assessment.catalogue_version)
        return len(catalogue.subdimensions())

    def records(self) -> Sequence[Assessment]:
        assert self.data is not None
        return sorted(
            self.data.case_file.assessments,
            key=lambda a: (self._child_name(a), TIME_ORDER.get(a.time_point, 9), a.date),
        )

    def selected(self) -> Assessment | None:
        rows = self.ui.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_id(self, assessment_id: str) -> None:
        row = self.model.row_of(assessment_id)
        if row >= 0:
            self.ui.table.selectRow(row)

    def refresh(self) -> None:
        chosen = self.selected()
        records = self.records() if self.data is not None else []
        self.model.set_records(records)
        self.ui.stack.setCurrentWidget(self.ui.tablePage if records else self.ui.listEmptyPage)
        if chosen is not None and self.model.row_of(chosen.id) >= 0:
            self.select_id(chosen.id)
        elif records:
            latest = max(records, key=lambda a: a.date)
            self.select_id(latest.id)
        self._update()

    def _selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self._update()

    def _update(self) -> None:
        chosen = self.selected()
        self.ui.editButton.setEnabled(chosen is not None)
        self.ui.deleteButton.setEnabled(chosen is not None)
        self.ui.printButton.setEnabled(chosen is not None)
        self.ui.newButton.setEnabled(self.data is not None)
        self.ui.triangleHint.setVisible(chosen is not None)
        if chosen is None or self.data is None:
            self.ui.triangle.clear()
            return
        same_child = [a for a in self.data.case_file.assessments if a.child_id == chosen.child_id]
        series = [
            Series(a.id, a.time_point, f"{a.label} · {day(a.date)}", a.scores()) for a in same_child
        ]
        marked = frozenset(
            item.subdimension
            for item in self.data.case_file.micro_project
            if item.child_id in (None, chosen.child_id)
        )
        catalogue = self.data.catalogue_of(chosen.catalogue_id, chosen.catalogue_version)
        self.ui.triangle.set_triangle(catalogue, series, highlight=chosen.id, marked=marked)

    # --- actions ------------------------------------------------------------------------

    def _editor(self) -> AssessmentEditor:
        from pippi_desktop.gui.editors.assessment_editor import AssessmentEditor

        assert self.context is not None
        return AssessmentEditor(self.context.window(), self.context.session)

    def new_assessment(self) -> None:
        if self.context is None or self.data is None:
            return
        editor = self._editor()
        editor.start_new(self.data)
        self.context.open_editor(editor)

    def edit_selected(self, subdimension: str | None = None) -> None:
        chosen = self.selected()
        if chosen is None or self.context is None or self.data is None:
            return
        editor = self._editor()
        editor.start_edit(self.data, chosen)
        opened = self.context.open_editor(editor)
        if subdimension is not None and isinstance(opened, type(editor)):
            opened.show_subdimension(subdimension)

    def open_subdimension(self, sub_id: str) -> None:
        self.edit_selected(sub_id)

    def _activated(self, index: QModelIndex) -> None:
        self.edit_selected()

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        ask_to_delete(
            self.context.window() if self.context else self,
            question=_("Eliminare la valutazione {point} di {child} del {date}?").format(
                point=chosen.label, child=self._child_name(chosen), date=day(chosen.date)
            ),
            on_confirm=lambda: self.delete("assessment", chosen.id),
        )

    # --- texts --------------------------------------------------------------------------

    def retranslate(self) -> None:
        ui = self.ui
        ui.newButton.setText(_("&Nuova valutazione…"))
        ui.editButton.setText(_("&Modifica…"))
        ui.deleteButton.setText(_("&Elimina…"))
        ui.printButton.setText(_("Stam&pa il triangolo…"))
        ui.listEmptyLabel.setText(
            _(
                "Nessuna valutazione registrata.\nPremi «Nuova valutazione» per compilare il "
                "triangolo di un bambino (T0 all'inizio, T1 a metà, T2 alla fine)."
            )
        )
        ui.table.setAccessibleName(_("Valutazioni"))
        ui.triangle.set_empty_text(
            _("Scegli una valutazione nell'elenco per vedere il suo triangolo.")
        )
        self.model.retranslate()
        self._update()

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
            ui = self.ui
            ui.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)
