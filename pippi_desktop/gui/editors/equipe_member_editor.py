"""A member of the family's équipe multidisciplinare: who, which profession, from when."""

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
from pippi_desktop.gui.forms.ui_equipe_member_editor import Ui_EquipeMemberEditor
from pippi_desktop.gui.labels import terms
from pippi_desktop.gui.operations.casefile import LoadedCaseFile
from pippi_desktop.gui.session import WorkspaceSession


class EquipeMemberEditor(RecordEditor):
    kind: ClassVar[str] = "equipe_member"
    draft_kind: ClassVar[str] = "equipe_member"
    preferred_size: ClassVar[QSize] = QSize(480, 0)

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

    def default_values(self, data: LoadedCaseFile) -> dict[str, Any]:
        has_manager = any(m.case_manager for m in data.case_file.equipe)
        return {"profession": "assistente_sociale", "case_manager": not has_manager}

    def values_of(self, data: LoadedCaseFile, record_id: str) -> dict[str, Any] | None:
        member = data.case_file.equipe_member(record_id)
        if member is None:
            return None
        return {
            "name": member.name,
            "profession": member.profession,
            "organisation": member.organisation,
            "start_date": member.start_date.isoformat() if member.start_date else None,
            "end_date": member.end_date.isoformat() if member.end_date else None,
            "case_manager": bool(member.case_manager),
            "notes": member.notes,
        }

    def form_values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "name": text_or_none(ui.nameEdit.text().strip()),
            "profession": combo_value(ui.professionCombo),
            "organisation": text_or_none(ui.organisationEdit.text().strip()),
            "start_date": ui.startDateEdit.iso(),
            "end_date": ui.endDateEdit.iso(),
            "case_manager": ui.caseManagerCheck.isChecked(),
            "notes": text_or_none(ui.notesEdit.toPlainText()),
        }

    def set_form_values(self, values: dict[str, Any]) -> None:
        ui = self.ui
        ui.nameEdit.setText(values.get("name") or "")
        set_combo_value(ui.professionCombo, values.get("profession"))
        ui.organisationEdit.setText(values.get("organisation") or "")
        ui.startDateEdit.set_iso(values.get("start_date"))
        ui.endDateEdit.set_iso(values.get("end_date"))
        ui.caseManagerCheck.setChecked(bool(values.get("case_manager")))
        ui.notesEdit.setPlainText(values.get("notes") or "")

    def title(self) -> str:
        code = self.data.case_file.family.code if self.data is not None else ""
        if self.record_id is None:
            return _("Nuovo operatore dell'équipe – famiglia {code}").format(code=code)
        return _("{name} – équipe della famiglia {code}").format(
            name=self.ui.nameEdit.text(), code=code
        )
