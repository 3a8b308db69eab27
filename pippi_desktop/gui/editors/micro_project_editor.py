"""An objective of the micro-project: for which sub-dimension of the triangle, what is
expected, the actions, who does what (family members included), by when, and the check."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.domain.record_inputs import MicroProjectItemInput
from pippi_desktop.gui.editors.record_editor import (
    RecordEditor,
    combo_code,
    combo_text,
    fill_combo,
    set_combo_value,
    text_or_none,
)
from pippi_desktop.gui.editors.visit_editor import equipe_label
from pippi_desktop.gui.forms.ui_micro_project_editor import Ui_MicroProjectEditor
from pippi_desktop.gui.i18n import current_lang
from pippi_desktop.gui.labels import is_child, person_label, terms
from pippi_desktop.gui.operations.casefile import LoadedCaseFile
from pippi_desktop.gui.session import WorkspaceSession


class MicroProjectEditor(RecordEditor[LoadedCaseFile, MicroProjectItemInput]):
    kind: ClassVar[str] = "microproject_item"
    draft_kind: ClassVar[str] = "microproject_item"
    preferred_size: ClassVar[QSize] = QSize(920, 600)
    ui: Ui_MicroProjectEditor

    def __init__(self, parent: QWidget | None, session: WorkspaceSession) -> None:
        super().__init__(parent, session)
        self.setObjectName("microProjectEditor")
        self.ui = Ui_MicroProjectEditor()
        self.ui.setupUi(self)
        self.connect_form()

    def field_widgets(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "child_id": ui.childCombo,
            "subdimension": ui.subdimensionCombo,
            "objective": ui.objectiveEdit,
            "expected_results": ui.expectedResultsEdit,
            "actions": ui.actionsEdit,
            "responsible_people": ui.responsiblePeopleList,
            "responsible_equipe": ui.responsibleEquipeList,
            "responsible_other": ui.responsibleOtherEdit,
            "deadline": ui.deadlineEdit,
            "verification_status": ui.verificationCombo,
            "verification_notes": ui.verificationNotesEdit,
        }

    def fill_choices(self, data: LoadedCaseFile) -> None:
        ui, case_file, lang = self.ui, data.case_file, current_lang()
        fill_combo(
            ui.childCombo,
            [(p.id, p.full_name) for p in case_file.members if is_child(p)],
            empty=_("Tutta la famiglia"),
        )
        catalogue = data.active_catalogue
        items: list[tuple[str | None, str]] = []
        for side in catalogue.sides:
            for sub in side.subdimensions:
                items.append((sub.sub_id, f"{side.title.get(lang)} › {sub.label.get(lang)}"))
        fill_combo(ui.subdimensionCombo, items, empty="—")
        ui.responsiblePeopleList.set_items((p.id, person_label(p)) for p in case_file.members)
        ui.responsibleEquipeList.set_items(
            (m.id, equipe_label(m.name, m.profession)) for m in case_file.equipe
        )
        fill_combo(ui.verificationCombo, terms("verification_statuses"))

    def default_form(self, data: LoadedCaseFile) -> MicroProjectItemInput:
        children = [p for p in data.case_file.members if is_child(p)]
        return MicroProjectItemInput(
            family_id=data.family_id,
            child_id=children[0].id if len(children) == 1 else None,
            subdimension="",
            objective="",
            verification_status="da_verificare",
        )

    def stored_form(self, data: LoadedCaseFile, record_id: str) -> MicroProjectItemInput | None:
        item = next((i for i in data.case_file.micro_project if i.id == record_id), None)
        return None if item is None else MicroProjectItemInput.of(item)

    def form(self) -> MicroProjectItemInput:
        ui = self.ui
        return MicroProjectItemInput(
            family_id=self.require_family_id(),
            child_id=combo_code(ui.childCombo),
            subdimension=combo_text(ui.subdimensionCombo),
            objective=ui.objectiveEdit.toPlainText().strip(),
            expected_results=text_or_none(ui.expectedResultsEdit.toPlainText()),
            actions=text_or_none(ui.actionsEdit.toPlainText()),
            responsible_people=tuple(ui.responsiblePeopleList.checked_ids()),
            responsible_equipe=tuple(ui.responsibleEquipeList.checked_ids()),
            responsible_other=text_or_none(ui.responsibleOtherEdit.text().strip()),
            deadline=ui.deadlineEdit.optional_day(),
            verification_status=combo_code(ui.verificationCombo),
            verification_notes=text_or_none(ui.verificationNotesEdit.toPlainText()),
        )

    def set_form(self, value: MicroProjectItemInput) -> None:
        ui = self.ui
        set_combo_value(ui.childCombo, value.child_id)
        set_combo_value(ui.subdimensionCombo, value.subdimension or None)
        ui.objectiveEdit.setPlainText(value.objective)
        ui.expectedResultsEdit.setPlainText(value.expected_results or "")
        ui.actionsEdit.setPlainText(value.actions or "")
        ui.responsiblePeopleList.set_checked(value.responsible_people)
        ui.responsibleEquipeList.set_checked(value.responsible_equipe)
        ui.responsibleOtherEdit.setText(value.responsible_other or "")
        ui.deadlineEdit.set_iso(value.deadline)
        set_combo_value(ui.verificationCombo, value.verification_status)
        ui.verificationNotesEdit.setPlainText(value.verification_notes or "")

    def title(self) -> str:
        code = self.data.case_file.family.code if self.data is not None else ""
        if self.record_id is None:
            return _("Nuovo obiettivo – famiglia {code}").format(code=code)
        return _("Obiettivo della micro-progettazione – famiglia {code}").format(code=code)
