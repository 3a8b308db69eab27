"""A home visit: date, time, place, who was there, what was done, notes, the next appointment."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.editors.record_editor import (
    RecordEditor,
    combo_value,
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


class VisitEditor(RecordEditor):
    kind: ClassVar[str] = "visit"
    draft_kind: ClassVar[str] = "visit"
    preferred_size: ClassVar[QSize] = QSize(940, 640)

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

    def default_values(self, data: LoadedCaseFile) -> dict[str, Any]:
        return {"date": date.today().isoformat(), "place": "casa"}

    def values_of(self, data: LoadedCaseFile, record_id: str) -> dict[str, Any] | None:
        visit = next((v for v in data.case_file.visits if v.id == record_id), None)
        if visit is None:
            return None
        return {
            "date": visit.date.isoformat(),
            "start_time": visit.start_time,
            "duration_minutes": visit.duration_minutes,
            "place": visit.place,
            "educator": visit.educator,
            "present_people": list(visit.present_people),
            "present_equipe": list(visit.present_equipe),
            "activities": visit.activities,
            "notes": visit.notes,
            "objectives": list(visit.objectives),
            "next_date": visit.next_date.isoformat() if visit.next_date else None,
            "next_time": visit.next_time,
            "next_notes": visit.next_notes,
        }

    def form_values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "date": ui.dateEdit.iso(),
            "start_time": text_or_none(ui.startTimeEdit.text().strip()),
            "duration_minutes": ui.durationSpin.value() or None,
            "place": combo_value(ui.placeCombo),
            "educator": text_or_none(ui.educatorEdit.text().strip()),
            "present_people": ui.presentPeopleList.checked_ids(),
            "present_equipe": ui.presentEquipeList.checked_ids(),
            "activities": text_or_none(ui.activitiesEdit.toPlainText()),
            "notes": text_or_none(ui.notesEdit.toPlainText()),
            "objectives": ui.objectivesList.checked_ids(),
            "next_date": ui.nextDateEdit.iso(),
            "next_time": text_or_none(ui.nextTimeEdit.text().strip()),
            "next_notes": text_or_none(ui.nextNotesEdit.text().strip()),
        }

    def set_form_values(self, values: dict[str, Any]) -> None:
        ui = self.ui
        ui.dateEdit.set_iso(values.get("date"))
        ui.startTimeEdit.setText(values.get("start_time") or "")
        ui.durationSpin.setValue(int(values.get("duration_minutes") or 0))
        set_combo_value(ui.placeCombo, values.get("place"))
        ui.educatorEdit.setText(values.get("educator") or "")
        ui.presentPeopleList.set_checked(values.get("present_people") or [])
        ui.presentEquipeList.set_checked(values.get("present_equipe") or [])
        ui.activitiesEdit.setPlainText(values.get("activities") or "")
        ui.notesEdit.setPlainText(values.get("notes") or "")
        ui.objectivesList.set_checked(values.get("objectives") or [])
        ui.nextDateEdit.set_iso(values.get("next_date"))
        ui.nextTimeEdit.setText(values.get("next_time") or "")
        ui.nextNotesEdit.setText(values.get("next_notes") or "")

    def title(self) -> str:
        code = self.data.case_file.family.code if self.data is not None else ""
        if self.record_id is None:
            return _("Nuova visita – famiglia {code}").format(code=code)
        return _("Visita del {date} – famiglia {code}").format(
            date=day(self.ui.dateEdit.date().toPython()), code=code
        )
