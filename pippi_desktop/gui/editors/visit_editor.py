"""A home visit: date, time, place, who was there, what was done, notes, the next appointment."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.domain.record_inputs import VisitInput
from pippi_desktop.gui.editors.record_editor import (
    RecordEditor,
    combo_text,
    fill_combo,
    set_combo_value,
    text_or_none,
)
from pippi_desktop.gui.forms.ui_visit_editor import Ui_VisitEditor
from pippi_desktop.gui.labels import day, person_label, subdimension_label, term, terms
from pippi_desktop.gui.operations.casefile import LoadedCaseFile
from pippi_desktop.gui.session import WorkspaceSession


def equipe_label(name: str, profession: str) -> str:
    return f"{name} ({term('professions', profession).lower()})"


class VisitEditor(RecordEditor[LoadedCaseFile, VisitInput]):
    kind: ClassVar[str] = "visit"
    draft_kind: ClassVar[str] = "visit"
    preferred_size: ClassVar[QSize] = QSize(940, 640)
    ui: Ui_VisitEditor

    def __init__(self, parent: QWidget | None, session: WorkspaceSession) -> None:
        super().__init__(parent, session)
        self.setObjectName("visitEditor")
        self.ui = Ui_VisitEditor()
        self.ui.setupUi(self)
        self.connect_form()

    def field_widgets(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "date": ui.dateEdit,
            "start_time": ui.startTimeEdit,
            "duration_minutes": ui.durationSpin,
            "place": ui.placeCombo,
            "educator": ui.educatorEdit,
            "present_people": ui.presentPeopleList,
            "present_equipe": ui.presentEquipeList,
            "activities": ui.activitiesEdit,
            "notes": ui.notesEdit,
            "objectives": ui.objectivesList,
            "next_date": ui.nextDateEdit,
            "next_time": ui.nextTimeEdit,
            "next_notes": ui.nextNotesEdit,
        }

    def fill_choices(self, data: LoadedCaseFile) -> None:
        case_file = data.case_file
        fill_combo(self.ui.placeCombo, terms("places"))
        self.ui.presentPeopleList.set_items((p.id, person_label(p)) for p in case_file.members)
        self.ui.presentEquipeList.set_items(
            (m.id, equipe_label(m.name, m.profession)) for m in case_file.equipe
        )
        catalogue = data.active_catalogue
        self.ui.objectivesList.set_items(
            (item.id, f"{subdimension_label(catalogue, item.subdimension)}: {item.objective}")
            for item in case_file.micro_project
        )
        self.ui.objectivesGroup.setVisible(bool(case_file.micro_project))

    def default_form(self, data: LoadedCaseFile) -> VisitInput:
        return VisitInput(family_id=data.family_id, date=date.today(), place="casa")

    def stored_form(self, data: LoadedCaseFile, record_id: str) -> VisitInput | None:
        visit = next((v for v in data.case_file.visits if v.id == record_id), None)
        return None if visit is None else VisitInput.of(visit)

    def form(self) -> VisitInput:
        ui = self.ui
        return VisitInput(
            family_id=self.require_family_id(),
            date=ui.dateEdit.day(),
            start_time=text_or_none(ui.startTimeEdit.text().strip()),
            duration_minutes=ui.durationSpin.value() or None,
            place=combo_text(ui.placeCombo),
            educator=text_or_none(ui.educatorEdit.text().strip()),
            present_people=tuple(ui.presentPeopleList.checked_ids()),
            present_equipe=tuple(ui.presentEquipeList.checked_ids()),
            activities=text_or_none(ui.activitiesEdit.toPlainText()),
            notes=text_or_none(ui.notesEdit.toPlainText()),
            objectives=tuple(ui.objectivesList.checked_ids()),
            next_date=ui.nextDateEdit.optional_day(),
            next_time=text_or_none(ui.nextTimeEdit.text().strip()),
            next_notes=text_or_none(ui.nextNotesEdit.text().strip()),
        )

    def set_form(self, value: VisitInput) -> None:
        ui = self.ui
        ui.dateEdit.set_iso(value.date)
        ui.startTimeEdit.setText(value.start_time or "")
        ui.durationSpin.setValue(value.duration_minutes or 0)
        set_combo_value(ui.placeCombo, value.place)
        ui.educatorEdit.setText(value.educator or "")
        ui.presentPeopleList.set_checked(value.present_people)
        ui.presentEquipeList.set_checked(value.present_equipe)
        ui.activitiesEdit.setPlainText(value.activities or "")
        ui.notesEdit.setPlainText(value.notes or "")
        ui.objectivesList.set_checked(value.objectives)
        ui.nextDateEdit.set_iso(value.next_date)
        ui.nextTimeEdit.setText(value.next_time or "")
        ui.nextNotesEdit.setText(value.next_notes or "")

    def title(self) -> str:
        code = self.data.case_file.family.code if self.data is not None else ""
        if self.record_id is None:
            return _("Nuova visita – famiglia {code}").format(code=code)
        return _("Visita del {date} – famiglia {code}").format(
            date=day(self.ui.dateEdit.day()), code=code
        )
