"""A member of the family's équipe multidisciplinare: who, which profession, from when."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.domain.record_inputs import EquipeMemberInput
from pippi_desktop.gui.editors.record_editor import (
    RecordEditor,
    combo_text,
    fill_combo,
    set_combo_value,
    text_or_none,
)
from pippi_desktop.gui.forms.ui_equipe_member_editor import Ui_EquipeMemberEditor
from pippi_desktop.gui.labels import terms
from pippi_desktop.gui.operations.casefile import LoadedCaseFile
from pippi_desktop.gui.session import WorkspaceSession


class EquipeMemberEditor(RecordEditor[LoadedCaseFile, EquipeMemberInput]):
    kind: ClassVar[str] = "equipe_member"
    draft_kind: ClassVar[str] = "equipe_member"
    preferred_size: ClassVar[QSize] = QSize(480, 0)
    ui: Ui_EquipeMemberEditor

    def __init__(self, parent: QWidget | None, session: WorkspaceSession) -> None:
        super().__init__(parent, session)
        self.setObjectName("equipeMemberEditor")
        self.ui = Ui_EquipeMemberEditor()
        self.ui.setupUi(self)
        self.connect_form()

    def field_widgets(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "name": ui.nameEdit,
            "profession": ui.professionCombo,
            "organisation": ui.organisationEdit,
            "start_date": ui.startDateEdit,
            "end_date": ui.endDateEdit,
            "case_manager": ui.caseManagerCheck,
            "notes": ui.notesEdit,
        }

    def fill_choices(self, data: LoadedCaseFile) -> None:
        fill_combo(self.ui.professionCombo, terms("professions"))

    def default_form(self, data: LoadedCaseFile) -> EquipeMemberInput:
        has_manager = any(m.case_manager for m in data.case_file.equipe)
        return EquipeMemberInput(
            family_id=data.family_id,
            name="",
            profession="assistente_sociale",
            case_manager=not has_manager,
        )

    def stored_form(self, data: LoadedCaseFile, record_id: str) -> EquipeMemberInput | None:
        member = data.case_file.equipe_member(record_id)
        return None if member is None else EquipeMemberInput.of(member)

    def form(self) -> EquipeMemberInput:
        ui = self.ui
        return EquipeMemberInput(
            family_id=self.require_family_id(),
            name=ui.nameEdit.text().strip(),
            profession=combo_text(ui.professionCombo),
            organisation=text_or_none(ui.organisationEdit.text().strip()),
            start_date=ui.startDateEdit.optional_day(),
            end_date=ui.endDateEdit.optional_day(),
            case_manager=ui.caseManagerCheck.isChecked(),
            notes=text_or_none(ui.notesEdit.toPlainText()),
        )

    def set_form(self, value: EquipeMemberInput) -> None:
        ui = self.ui
        ui.nameEdit.setText(value.name)
        set_combo_value(ui.professionCombo, value.profession)
        ui.organisationEdit.setText(value.organisation or "")
        ui.startDateEdit.set_iso(value.start_date)
        ui.endDateEdit.set_iso(value.end_date)
        ui.caseManagerCheck.setChecked(bool(value.case_manager))
        ui.notesEdit.setPlainText(value.notes or "")

    def title(self) -> str:
        code = self.data.case_file.family.code if self.data is not None else ""
        if self.record_id is None:
            return _("Nuovo operatore dell'équipe – famiglia {code}").format(code=code)
        return _("{name} – équipe della famiglia {code}").format(
            name=self.ui.nameEdit.text(), code=code
        )
