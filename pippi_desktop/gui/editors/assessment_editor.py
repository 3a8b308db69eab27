"""A triangle assessment of one child: who, when (T0/T1/T2/extra), with whom, and the grid.

The grid lists the sub-dimensions of the assessment's *own* catalogue version (an old
assessment keeps its labels after a new catalogue is loaded), grouped by side. Choosing a row
shows its score (1–6 on the default scale, or "non valutabile") and the four texts the
catalogue asks for: strengths, needs and concerns, the child's words, sources. Entries and the
assessment are saved together (`casefile_service.save_assessment`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QPlainTextEdit, QTableWidgetItem, QWidget

from pippi_desktop.domain.catalogue import Catalogue
from pippi_desktop.domain.i18n import _
from pippi_desktop.domain.record_inputs import AssessmentEntryInput, AssessmentInput
from pippi_desktop.gui.editors.record_editor import (
    RecordEditor,
    combo_text,
    combo_value,
    fill_combo,
    set_combo_value,
    text_or_none,
)
from pippi_desktop.gui.editors.visit_editor import equipe_label
from pippi_desktop.gui.forms.ui_assessment_editor import Ui_AssessmentEditor
from pippi_desktop.gui.i18n import current_lang
from pippi_desktop.gui.labels import day, is_child, person_label, terms
from pippi_desktop.gui.operations.casefile import LoadedCaseFile
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.services import casefile_service
from pippi_desktop.services.casefile_service import SaveResult
from pippi_desktop.services.open_workspace import OpenWorkspace

NOT_ASSESSABLE = "na"
SUB_ROLE = Qt.ItemDataRole.UserRole
ENTRY_VALUES = ("score", "not_assessable", "strengths", "needs", "child_words", "sources")


@dataclass(frozen=True)
class AssessmentForm:
    """The assessment's fields and the grid: the entries that hold something, by
    sub-dimension (a draft keeps them as `entries`: {sub-dimension: {score, …}})."""

    value: AssessmentInput
    entries: Mapping[str, AssessmentEntryInput]

    def to_json(self) -> dict[str, Any]:
        entries = {
            sub: {key: entry.to_json()[key] for key in ENTRY_VALUES}
            for sub, entry in sorted(self.entries.items())
        }
        return {**self.value.to_json(), "entries": entries}

    def updated_from_json(self, data: Mapping[str, Any]) -> AssessmentForm:
        entries = dict(self.entries)
        raw = data.get("entries")
        if isinstance(raw, dict):
            entries = {
                str(sub): AssessmentEntryInput.from_values({**values, "subdimension": str(sub)})
                for sub, values in raw.items()
                if isinstance(values, dict)
            }
        return AssessmentForm(self.value.updated_from_json(data), entries)


class AssessmentEditor(RecordEditor[LoadedCaseFile, AssessmentForm]):
    kind: ClassVar[str] = "assessment"
    draft_kind: ClassVar[str] = "assessment"
    preferred_size: ClassVar[QSize] = QSize(1000, 640)
    ui: Ui_AssessmentEditor

    def __init__(self, parent: QWidget | None, session: WorkspaceSession) -> None:
        super().__init__(parent, session)
        self.setObjectName("assessmentEditor")
        self.ui = Ui_AssessmentEditor()
        self.ui.setupUi(self)
        self.connect_form()
        self.catalogue: Catalogue | None = None
        self.entries: dict[str, AssessmentEntryInput] = {}
        self._catalogue_key: tuple[str | None, str | None] = (None, None)
        self.current_sub: str | None = None
        self._filling = False
        self._wanted_sub: str | None = None
        table = self.ui.entriesTable
        table.setColumnCount(2)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._row_chosen(row))
        self.ui.scoreCombo.currentIndexChanged.connect(lambda _i: self._entry_edited())
        for edit in self._text_edits().values():
            edit.textChanged.connect(self._entry_edited)
        self.ui.timePointCombo.currentIndexChanged.connect(lambda _i: self._update_extra())
        self.loaded.connect(self._after_load)

    def _text_edits(self) -> dict[str, QPlainTextEdit]:
        ui = self.ui
        return {
            "strengths": ui.strengthsEdit,
            "needs": ui.needsEdit,
            "child_words": ui.childWordsEdit,
            "sources": ui.sourcesEdit,
        }

    def _text_labels(self) -> dict[str, QLabel]:
        ui = self.ui
        return {
            "strengths": ui.strengthsLabel,
            "needs": ui.needsLabel,
            "child_words": ui.childWordsLabel,
            "sources": ui.sourcesLabel,
        }

    def field_widgets(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "child_id": ui.childCombo,
            "time_point": ui.timePointCombo,
            "extra_label": ui.extraLabelEdit,
            "date": ui.dateEdit,
            "participants_people": ui.participantsPeopleList,
            "participants_equipe": ui.participantsEquipeList,
            "participants_other": ui.participantsOtherEdit,
            "notes": ui.notesEdit,
            "subdimension": ui.entriesTable,
            "score": ui.scoreCombo,
            "not_assessable": ui.scoreCombo,
            **self._text_edits(),
        }

    # --- choices ------------------------------------------------------------------------

    def _catalogue_for(self, data: LoadedCaseFile) -> Catalogue:
        if self.record_id is not None:
            stored = next((a for a in data.case_file.assessments if a.id == self.record_id), None)
            if stored is not None:
                return data.catalogue_of(stored.catalogue_id, stored.catalogue_version)
        return data.active_catalogue

    def fill_choices(self, data: LoadedCaseFile) -> None:
        ui, case_file, lang = self.ui, data.case_file, current_lang()
        self.catalogue = self._catalogue_for(data)
        fill_combo(ui.childCombo, [(p.id, p.full_name) for p in case_file.members if is_child(p)])
        ui.childCombo.setEnabled(self.record_id is None)  # the child never changes
        fill_combo(ui.timePointCombo, terms("time_points"))
        ui.participantsPeopleList.set_items((p.id, person_label(p)) for p in case_file.members)
        ui.participantsEquipeList.set_items(
            (m.id, equipe_label(m.name, m.profession)) for m in case_file.equipe
        )
        scale = self.catalogue.scale
        fill_combo(
            ui.scoreCombo,
            [
                *((v.value, f"{v.value} – {v.label.get(lang)}") for v in scale.values),
                (NOT_ASSESSABLE, scale.not_assessable_label.get(lang)),
            ],
            empty=_("— non ancora valutata"),
        )
        asked = {key for key, _label in self.catalogue.texts}
        for key, label in self._text_labels().items():
            text = f"{self.catalogue.text_label(key, lang)}:"
            label.setText(text)
            self._text_edits()[key].setAccessibleName(text.rstrip(":"))
            label.setVisible(key in asked)
            self._text_edits()[key].setVisible(key in asked)
        self._fill_grid()

    def _fill_grid(self) -> None:
        assert self.catalogue is not None
        table, lang = self.ui.entriesTable, current_lang()
        current = self.current_sub
        self._filling = True
        table.clearSpans()
        table.setRowCount(0)
        table.setHorizontalHeaderLabels([_("Sottodimensione"), _("Punteggio")])
        bold = QFont(table.font())
        bold.setBold(True)
        for side in self.catalogue.sides:
            row = table.rowCount()
            table.insertRow(row)
            heading = QTableWidgetItem(side.title.get(lang))
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            heading.setFont(bold)
            heading.setForeground(QBrush(table.palette().text().color()))
            table.setItem(row, 0, heading)
            table.setSpan(row, 0, 1, 2)
            for sub in side.subdimensions:
                row = table.rowCount()
                table.insertRow(row)
                name = QTableWidgetItem(sub.label.get(lang))
                name.setData(SUB_ROLE, sub.sub_id)
                name.setToolTip(sub.label.get(lang))
                score = QTableWidgetItem("")
                score.setData(SUB_ROLE, sub.sub_id)
                table.setItem(row, 0, name)
                table.setItem(row, 1, score)
        self._filling = False
        self._refresh_scores()
        self.select_subdimension(current or self.catalogue.subdimensions()[0].sub_id)

    def _score_text(self, entry: AssessmentEntryInput | None) -> str:
        assert self.catalogue is not None
        lang = current_lang()
        if entry is None:
            return "—"
        if entry.not_assessable:
            return self.catalogue.scale.not_assessable_short.get(lang)
        return str(entry.score) if entry.score else "—"

    def _refresh_scores(self) -> None:
        table = self.ui.entriesTable
        for row in range(table.rowCount()):
            item = table.item(row, 1)
            if item is not None and item.data(SUB_ROLE):
                item.setText(self._score_text(self.entries.get(str(item.data(SUB_ROLE)))))

    # --- the grid -----------------------------------------------------------------------

    def row_of(self, sub_id: str) -> int:
        table = self.ui.entriesTable
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            if item is not None and item.data(SUB_ROLE) == sub_id:
                return row
        return -1

    def select_subdimension(self, sub_id: str) -> None:
        row = self.row_of(sub_id)
        if row >= 0:
            self.ui.entriesTable.setCurrentCell(row, 0)
            self._row_chosen(row)

    def show_subdimension(self, sub_id: str) -> None:
        """Open the grid at one sub-dimension (clicked in the triangle)."""
        if not self.is_loaded:
            self._wanted_sub = sub_id
            return
        self.ui.pages.setCurrentWidget(self.ui.entriesPage)
        self.select_subdimension(sub_id)
        self.ui.scoreCombo.setFocus()

    def _after_load(self) -> None:
        if self._wanted_sub is not None:
            sub, self._wanted_sub = self._wanted_sub, None
            self.show_subdimension(sub)

    def _row_chosen(self, row: int) -> None:
        if self._filling or self.catalogue is None:
            return
        item = self.ui.entriesTable.item(row, 0)
        sub_id = item.data(SUB_ROLE) if item is not None else None
        if not sub_id:
            return
        self.current_sub = str(sub_id)
        sub = self.catalogue.subdimension(self.current_sub)
        lang = current_lang()
        side = next(s for s in self.catalogue.sides if s.side_id == sub.side_id) if sub else None
        self.ui.subdimensionTitle.setText(
            f"{side.title.get(lang)} › {sub.label.get(lang)}" if sub and side else self.current_sub
        )
        entry = self.entries.get(self.current_sub) or AssessmentEntryInput(
            subdimension=self.current_sub
        )
        self._filling = True
        if entry.not_assessable:
            set_combo_value(self.ui.scoreCombo, NOT_ASSESSABLE)
        else:
            set_combo_value(self.ui.scoreCombo, entry.score)
        texts = entry.values()
        for key, edit in self._text_edits().items():
            edit.setPlainText(texts[key] or "")
        self._filling = False

    def _entry_edited(self) -> None:
        if self._filling or self.current_sub is None:
            return
        choice = combo_value(self.ui.scoreCombo)
        edits = self._text_edits()
        entry = AssessmentEntryInput(
            subdimension=self.current_sub,
            score=choice if isinstance(choice, int) else None,
            not_assessable=True if choice == NOT_ASSESSABLE else None,
            strengths=text_or_none(edits["strengths"].toPlainText()),
            needs=text_or_none(edits["needs"].toPlainText()),
            child_words=text_or_none(edits["child_words"].toPlainText()),
            sources=text_or_none(edits["sources"].toPlainText()),
        )
        if entry.is_empty:
            self.entries.pop(self.current_sub, None)
        else:
            self.entries[self.current_sub] = entry
        self._refresh_scores()

    def set_score(self, sub_id: str, score: int | None, *, not_assessable: bool = False) -> None:
        """Choose a score in the grid as a person would (select the row, pick the value)."""
        self.select_subdimension(sub_id)
        set_combo_value(self.ui.scoreCombo, NOT_ASSESSABLE if not_assessable else score)

    def _update_extra(self) -> None:
        extra = combo_value(self.ui.timePointCombo) == "extra"
        self.ui.extraLabelEdit.setEnabled(extra)

    # --- values -------------------------------------------------------------------------

    def default_form(self, data: LoadedCaseFile) -> AssessmentForm:
        children = [p for p in data.case_file.members if is_child(p)]
        child = children[0].id if children else ""
        done = {a.time_point for a in data.case_file.assessments if a.child_id == child}
        point = next((p for p in ("T0", "T1", "T2") if p not in done), "extra")
        catalogue = data.active_catalogue
        value = AssessmentInput(
            family_id=data.family_id,
            child_id=child,
            time_point=point,
            date=date.today(),
            catalogue_id=catalogue.catalogue_id,
            catalogue_version=catalogue.version,
        )
        return AssessmentForm(value, {})

    def stored_form(self, data: LoadedCaseFile, record_id: str) -> AssessmentForm | None:
        found = next((a for a in data.case_file.assessments if a.id == record_id), None)
        if found is None:
            return None
        entries = {
            entry.subdimension: replace(
                AssessmentEntryInput.of(entry),
                assessment_id=None,
                not_assessable=True if entry.not_assessable else None,
            )
            for entry in found.entries
        }
        return AssessmentForm(
            AssessmentInput.of(found),
            {sub: entry for sub, entry in entries.items() if not entry.is_empty},
        )

    def form(self) -> AssessmentForm:
        ui = self.ui
        extra = combo_value(ui.timePointCombo) == "extra"
        catalogue_id, catalogue_version = self._catalogue_key
        value = AssessmentInput(
            family_id=self.require_family_id(),
            child_id=combo_text(ui.childCombo),
            time_point=combo_text(ui.timePointCombo),
            extra_label=text_or_none(ui.extraLabelEdit.text().strip()) if extra else None,
            date=ui.dateEdit.day(),
            participants_people=tuple(ui.participantsPeopleList.checked_ids()),
            participants_equipe=tuple(ui.participantsEquipeList.checked_ids()),
            participants_other=text_or_none(ui.participantsOtherEdit.text().strip()),
            catalogue_id=catalogue_id,
            catalogue_version=catalogue_version,
            notes=text_or_none(ui.notesEdit.toPlainText()),
        )
        return AssessmentForm(value, dict(sorted(self.entries.items())))

    def set_form(self, form: AssessmentForm) -> None:
        ui, value = self.ui, form.value
        self._catalogue_key = (value.catalogue_id, value.catalogue_version)
        set_combo_value(ui.childCombo, value.child_id or None)
        set_combo_value(ui.timePointCombo, value.time_point)
        ui.extraLabelEdit.setText(value.extra_label or "")
        ui.dateEdit.set_iso(value.date)
        ui.participantsPeopleList.set_checked(value.participants_people)
        ui.participantsEquipeList.set_checked(value.participants_equipe)
        ui.participantsOtherEdit.setText(value.participants_other or "")
        ui.notesEdit.setPlainText(value.notes or "")
        self.entries = dict(form.entries)
        self._update_extra()
        self._refresh_scores()
        if self.current_sub is not None:
            self._row_chosen(self.row_of(self.current_sub))

    # --- saving -------------------------------------------------------------------------

    def write_call(
        self, value: AssessmentForm, before: AssessmentForm | None
    ) -> Callable[[OpenWorkspace], SaveResult]:
        """The assessment, and the entries that changed: an entry emptied is saved empty."""
        earlier = before.entries if before is not None else {}
        changed = [
            value.entries.get(sub) or AssessmentEntryInput(subdimension=sub)
            for sub in sorted(set(earlier) | set(value.entries))
            if earlier.get(sub) != value.entries.get(sub)
        ]
        record_id = self.record_id
        return lambda ws: casefile_service.save_assessment(
            ws,
            value.value,
            changed,
            record_id=record_id,
            before=before.value if before is not None else None,
        )

    def title(self) -> str:
        child = self.ui.childCombo.currentText()
        point = combo_value(self.ui.timePointCombo) or ""
        if self.record_id is None:
            return _("Nuova valutazione – {child}").format(child=child)
        return _("Valutazione {point} di {child} del {date}").format(
            point=point, child=child, date=day(self.ui.dateEdit.day())
        )

    def retranslate(self) -> None:
        super().retranslate()
        if self.catalogue is not None and self.current_sub is not None:
            self._row_chosen(self.row_of(self.current_sub))
