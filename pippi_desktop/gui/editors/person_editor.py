"""A member of the family: name, role (mother, son, …), birth date, school."""

from __future__ import annotations

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
from pippi_desktop.gui.forms.ui_person_editor import Ui_PersonEditor
from pippi_desktop.gui.operations.casefile import LoadedCaseFile
from pippi_desktop.gui.session import WorkspaceSession


class PersonEditor(RecordEditor):
    kind: ClassVar[str] = "person"
    draft_kind: ClassVar[str] = "person"
    preferred_size: ClassVar[QSize] = QSize(480, 0)

    def __init__(self, parent: QWidget | None, session: WorkspaceSession) -> None:
        super().__init__(parent, session)
        self.setObjectName("personEditor")
        self.ui = Ui_PersonEditor()
        self.ui.setupUi(self)
        self.connect_form()

    def field_widgets(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "given_name": ui.givenNameEdit,
            "family_name": ui.familyNameEdit,
            "role": ui.roleCombo,
            "birth_date": ui.birthDateEdit,
            "sex": ui.sexCombo,
            "school": ui.schoolEdit,
            "school_class": ui.schoolClassEdit,
            "notes": ui.notesEdit,
        }

    def fill_choices(self, data: LoadedCaseFile) -> None:
        from pippi_desktop.gui.labels import terms

        fill_combo(self.ui.roleCombo, terms("member_roles"))
        fill_combo(self.ui.sexCombo, terms("sexes"), empty="—")

    def default_values(self, data: LoadedCaseFile) -> dict[str, Any]:
        surnames = [p.family_name for p in data.case_file.members]
        return {
            "family_name": max(set(surnames), key=surnames.count) if surnames else None,
            "role": "figlio" if surnames else "madre",
        }

    def values_of(self, data: LoadedCaseFile, record_id: str) -> dict[str, Any] | None:
        person = data.case_file.person(record_id)
        if person is None:
            return None
        return {
            "given_name": person.given_name,
            "family_name": person.family_name,
            "role": person.role,
            "birth_date": person.birth_date.isoformat() if person.birth_date else None,
            "sex": person.sex,
            "school": person.school,
            "school_class": person.school_class,
            "notes": person.notes,
        }

    def form_values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "given_name": text_or_none(ui.givenNameEdit.text().strip()),
            "family_name": text_or_none(ui.familyNameEdit.text().strip()),
            "role": combo_value(ui.roleCombo),
            "birth_date": ui.birthDateEdit.iso(),
            "sex": combo_value(ui.sexCombo),
            "school": text_or_none(ui.schoolEdit.text().strip()),
            "school_class": text_or_none(ui.schoolClassEdit.text().strip()),
            "notes": text_or_none(ui.notesEdit.toPlainText()),
        }

    def set_form_values(self, values: dict[str, Any]) -> None:
        ui = self.ui
        ui.givenNameEdit.setText(values.get("given_name") or "")
        ui.familyNameEdit.setText(values.get("family_name") or "")
        set_combo_value(ui.roleCombo, values.get("role"))
        ui.birthDateEdit.set_iso(values.get("birth_date"))
        set_combo_value(ui.sexCombo, values.get("sex"))
        ui.schoolEdit.setText(values.get("school") or "")
        ui.schoolClassEdit.setText(values.get("school_class") or "")
        ui.notesEdit.setPlainText(values.get("notes") or "")

    def title(self) -> str:
        code = self.data.case_file.family.code if self.data is not None else ""
        if self.record_id is None:
            return _("Nuovo componente – famiglia {code}").format(code=code)
        name = f"{self.ui.givenNameEdit.text()} {self.ui.familyNameEdit.text()}".strip()
        return _("{name} – famiglia {code}").format(name=name, code=code)
