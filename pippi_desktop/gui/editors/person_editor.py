"""A member of the family: name, role (mother, son, …), birth date, school."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.domain.record_inputs import PersonInput
from pippi_desktop.gui.editors.record_editor import (
    RecordEditor,
    combo_code,
    combo_text,
    fill_combo,
    set_combo_value,
    text_or_none,
)
from pippi_desktop.gui.forms.ui_person_editor import Ui_PersonEditor
from pippi_desktop.gui.labels import terms
from pippi_desktop.gui.operations.casefile import LoadedCaseFile
from pippi_desktop.gui.session import WorkspaceSession


class PersonEditor(RecordEditor[LoadedCaseFile, PersonInput]):
    kind: ClassVar[str] = "person"
    draft_kind: ClassVar[str] = "person"
    preferred_size: ClassVar[QSize] = QSize(480, 0)
    ui: Ui_PersonEditor

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
        fill_combo(self.ui.roleCombo, terms("member_roles"))
        fill_combo(self.ui.sexCombo, terms("sexes"), empty="—")

    def default_form(self, data: LoadedCaseFile) -> PersonInput:
        surnames = [p.family_name for p in data.case_file.members]
        return PersonInput(
            family_id=data.family_id,
            given_name="",
            family_name=max(set(surnames), key=surnames.count) if surnames else "",
            role="figlio" if surnames else "madre",
        )

    def stored_form(self, data: LoadedCaseFile, record_id: str) -> PersonInput | None:
        person = data.case_file.person(record_id)
        return None if person is None else PersonInput.of(person)

    def form(self) -> PersonInput:
        ui = self.ui
        return PersonInput(
            family_id=self.require_family_id(),
            given_name=ui.givenNameEdit.text().strip(),
            family_name=ui.familyNameEdit.text().strip(),
            role=combo_text(ui.roleCombo),
            birth_date=ui.birthDateEdit.optional_day(),
            sex=combo_code(ui.sexCombo),
            school=text_or_none(ui.schoolEdit.text().strip()),
            school_class=text_or_none(ui.schoolClassEdit.text().strip()),
            notes=text_or_none(ui.notesEdit.toPlainText()),
        )

    def set_form(self, value: PersonInput) -> None:
        ui = self.ui
        ui.givenNameEdit.setText(value.given_name)
        ui.familyNameEdit.setText(value.family_name)
        set_combo_value(ui.roleCombo, value.role)
        ui.birthDateEdit.set_iso(value.birth_date)
        set_combo_value(ui.sexCombo, value.sex)
        ui.schoolEdit.setText(value.school or "")
        ui.schoolClassEdit.setText(value.school_class or "")
        ui.notesEdit.setPlainText(value.notes or "")

    def title(self) -> str:
        code = self.data.case_file.family.code if self.data is not None else ""
        if self.record_id is None:
            return _("Nuovo componente – famiglia {code}").format(code=code)
        name = f"{self.ui.givenNameEdit.text()} {self.ui.familyNameEdit.text()}".strip()
        return _("{name} – famiglia {code}").format(name=name, code=code)
