"""A triangle assessment of one child: who, when (T0/T1/T2/extra), with whom, and the grid.

The grid lists the sub-dimensions of the assessment's *own* catalogue version (an old
assessment keeps its labels after a new catalogue is loaded), grouped by side. Choosing a row
shows its score (1–6 on the default scale, or "non valutabile") and the four texts the
catalogue asks for: strengths, needs and concerns, the child's words, sources. Entries and the
assessment are saved together (`casefile_service.save_assessment`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QPlainTextEdit, QTableWidgetItem, QWidget

from pippi_desktop.domain.catalogue import Catalogue
from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.editors.record_editor import (
    RecordEditor,
    combo_value,
    fill_combo,
    set_combo_value,
    text_or_none,
)
from pippi_desktop.gui.editors.visit_editor import equipe_label
from pippi_desktop.gui.forms.ui_assessment_editor import Ui_AssessmentEditor
from pippi_desktop.gui.i18n import current_lang
from pippi_desktop.gui.labels import day, is_child, person_label, terms
from pippi_desktop.gui.operations.casefile import LoadedCaseFile, save_assessment
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.services.casefile_service import SaveResult

if TYPE_CHECKING:
    from pippi_desktop.services.workspace_service import Workspace

NOT_ASSESSABLE = "na"
TEXTS = ("strengths", "needs", "child_words", "sources")
SUB_ROLE = Qt.ItemDataRole.UserRole
ASSESSMENT_FIELDS = (
    "child_id",
    "time_point",
    "extra_label",
    "date",
    "participants_people",
    "participants_equipe",
    "participants_other",
    "notes",
)


def empty_entry(entry: dict[str, Any]) -> bool:
    return (
        not entry.get("score")
        and not entry.get("not_assessable")
        and not any(entry.get(key) for key in TEXTS)
    )


class AssessmentEditor(RecordEditor):
    kind: ClassVar[str] = "assessment"
    draft_kind: ClassVar[str] = "assessment"
    preferred_size: ClassVar[QSize] = QSize(1000, 640)

    def __init__(self, parent: QWidget | None, session: WorkspaceSession) -> None:
        super().__init__(parent, session)
        self.setObjectName("assessmentEditor")
        self.ui = Ui_AssessmentEditor()
        self.ui.setupUi(self)
        self.connect_form()
        self.catalogue: Catalogue | None = None
        self.entries: dict[str, dict[str, Any]] = {}
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

    def _score_text(self, entry: dict[str, Any] | None) -> str:
        assert self.catalogue is not None
        lang = current_lang()
        if not entry:
            return "—"
        if entry.get("not_assessable"):
            return self.catalogue.scale.not_assessable_short.get(lang)
        score = entry.get("score")
        return str(score) if score else "—"

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
        entry = self.entries.get(self.current_sub, {})
        self._filling = True
        if entry.get("not_assessable"):
            set_combo_value(self.ui.scoreCombo, NOT_ASSESSABLE)
        else:
            set_combo_value(self.ui.scoreCombo, entry.get("score"))
        for key, edit in self._text_edits().items():
            edit.setPlainText(entry.get(key) or "")
        self._filling = False

    def _entry_edited(self) -> None:
        if self._filling or self.current_sub is None:
            return
        choice = combo_value(self.ui.scoreCombo)
        entry: dict[str, Any] = {
            "score": choice if isinstance(choice, int) else None,
            "not_assessable": True if choice == NOT_ASSESSABLE else None,
        }
        for key, edit in self._text_edits().items():
            entry[key] = text_or_none(edit.toPlainText())
        if empty_entry(entry):
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

    def default_values(self, data: LoadedCaseFile) -> dict[str, Any]:
        children = [p for p in data.case_file.members if is_child(p)]
        child = children[0].id if children else None
        done = {a.time_point for a in data.case_file.assessments if a.child_id == child}
        point = next((p for p in ("T0", "T1", "T2") if p not in done), "extra")
        return {"child_id": child, "time_point": point, "date": date.today().isoformat()}

    def values_of(self, data: LoadedCaseFile, record_id: str) -> dict[str, Any] | None:
        found = next((a for a in data.case_file.assessments if a.id == record_id), None)
        if found is None:
            return None
        entries = {}
        for entry in found.entries:
            values = {
                "score": entry.score,
                "not_assessable": True if entry.not_assessable else None,
                **{key: getattr(entry, key) for key in TEXTS},
            }
            if not empty_entry(values):
                entries[entry.subdimension] = values
        return {
            "child_id": found.child_id,
            "time_point": found.time_point,
            "extra_label": found.extra_label,
            "date": found.date.isoformat(),
            "participants_people": list(found.participants_people),
            "participants_equipe": list(found.participants_equipe),
            "participants_other": found.participants_other,
            "notes": found.notes,
            "entries": entries,
        }

    def form_values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "child_id": combo_value(ui.childCombo),
            "time_point": combo_value(ui.timePointCombo),
            "extra_label": text_or_none(ui.extraLabelEdit.text().strip())
            if combo_value(ui.timePointCombo) == "extra"
            else None,
            "date": ui.dateEdit.iso(),
            "participants_people": ui.participantsPeopleList.checked_ids(),
            "participants_equipe": ui.participantsEquipeList.checked_ids(),
            "participants_other": text_or_none(ui.participantsOtherEdit.text().strip()),
            "notes": text_or_none(ui.notesEdit.toPlainText()),
            "entries": {sub: dict(entry) for sub, entry in sorted(self.entries.items())},
        }

    def set_form_values(self, values: dict[str, Any]) -> None:
        ui = self.ui
        set_combo_value(ui.childCombo, values.get("child_id"))
        set_combo_value(ui.timePointCombo, values.get("time_point"))
        ui.extraLabelEdit.setText(values.get("extra_label") or "")
        ui.dateEdit.set_iso(values.get("date"))
        ui.participantsPeopleList.set_checked(values.get("participants_people") or [])
        ui.participantsEquipeList.set_checked(values.get("participants_equipe") or [])
        ui.participantsOtherEdit.setText(values.get("participants_other") or "")
        ui.notesEdit.setPlainText(values.get("notes") or "")
        self.entries = {
            str(sub): dict(entry) for sub, entry in (values.get("entries") or {}).items()
        }
        self._update_extra()
        self._refresh_scores()
        if self.current_sub is not None:
            self._row_chosen(self.row_of(self.current_sub))

    # --- saving -------------------------------------------------------------------------

    def payload(self, values: dict[str, Any]) -> dict[str, Any]:
        fields = {key: values[key] for key in ASSESSMENT_FIELDS}
        if self.record_id is None:
            sent = {k: v for k, v in fields.items() if v not in (None, [], "")}
            sent["family_id"] = self.family_id
            if self.catalogue is not None:
                sent["catalogue_id"] = self.catalogue.catalogue_id
                sent["catalogue_version"] = self.catalogue.version
        else:
            sent = {k: v for k, v in fields.items() if self._initial.get(k) != v}
            sent.pop("child_id", None)  # fixed once created
        before = self._initial.get("entries") or {}
        now = values["entries"]
        changed = {}
        for sub in sorted(set(before) | set(now)):
            if before.get(sub) != now.get(sub):
                entry = now.get(sub) or {}
                changed[sub] = {
                    "score": entry.get("score"),
                    "not_assessable": entry.get("not_assessable"),
                    **{key: entry.get(key) for key in TEXTS},
                }
        if changed:
            sent["_entries"] = changed
        return sent

    def write_call(self, payload: dict[str, Any]) -> Callable[[Workspace], SaveResult]:
        values = {k: v for k, v in payload.items() if k != "_entries"}
        entries = payload.get("_entries", {})
        assessment_id = self.record_id
        return lambda ws: save_assessment(ws, values, entries, assessment_id)

    def title(self) -> str:
        child = self.ui.childCombo.currentText()
        point = combo_value(self.ui.timePointCombo) or ""
        if self.record_id is None:
            return _("Nuova valutazione – {child}").format(child=child)
        return _("Valutazione {point} di {child} del {date}").format(
            point=point, child=child, date=day(self.ui.dateEdit.date().toPython())
        )

    def retranslate(self) -> None:
        super().retranslate()
        if self.catalogue is not None and self.current_sub is not None:
            self._row_chosen(self.row_of(self.current_sub))
