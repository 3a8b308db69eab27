"""A family: code, implementation, phase of the pathway, referral, pre-assessment, conclusion.

The code is given by the application when left empty and never changes after creation (it
names the family in bundles and printed sheets). Changing the phase records a step of the
pathway dated "Fase dal". The conclusion has its variant (A/B/C) and whether a child was
placed out of home.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.domain.record_inputs import FamilyInput
from pippi_desktop.gui.editors.record_editor import (
    RecordEditor,
    combo_code,
    combo_value,
    fill_combo,
    set_combo_value,
    text_or_none,
)
from pippi_desktop.gui.forms.ui_family_editor import Ui_FamilyEditor
from pippi_desktop.gui.labels import terms
from pippi_desktop.gui.operations.casefile import LoadedCaseFile, load_case_file
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.services import casefile_service, casefile_view
from pippi_desktop.services.casefile_service import SaveResult
from pippi_desktop.services.open_workspace import OpenWorkspace


@dataclass(frozen=True)
class FamilyContext:
    case: LoadedCaseFile | None  # None for a new family
    implementations: list[str]

    @property
    def family_id(self) -> str | None:
        return self.case.family_id if self.case is not None else None


@dataclass(frozen=True)
class FamilyForm:
    """The family's fields and "Fase dal", the date of the phase step a new phase records."""

    value: FamilyInput
    phase_date: date

    def to_json(self) -> dict[str, Any]:
        return {**self.value.to_json(), "phase_date": self.phase_date.isoformat()}

    def updated_from_json(self, data: Mapping[str, Any]) -> FamilyForm:
        phase_date = self.phase_date
        raw = data.get("phase_date")
        if isinstance(raw, str):
            with contextlib.suppress(ValueError):
                phase_date = date.fromisoformat(raw)
        return FamilyForm(self.value.updated_from_json(data), phase_date)


def _load_family_context(ws: OpenWorkspace, family_id: str | None) -> FamilyContext:
    case = load_case_file(ws, family_id) if family_id else None
    return FamilyContext(case, casefile_view.implementations(ws))


class FamilyEditor(RecordEditor[FamilyContext, FamilyForm]):
    kind: ClassVar[str] = "family"
    draft_kind: ClassVar[str] = "family"
    preferred_size: ClassVar[QSize] = QSize(900, 560)
    ui: Ui_FamilyEditor

    def __init__(self, parent: QWidget | None, session: WorkspaceSession) -> None:
        super().__init__(parent, session)
        self.setObjectName("familyEditor")
        self.ui = Ui_FamilyEditor()
        self.ui.setupUi(self)
        self.connect_form()
        self.context: FamilyContext | None = None
        # the phase saved and the date it was reached: "Fase dal" shows that date, and today
        # as soon as another phase is chosen (the date of the new step of the pathway)
        self._saved_phase: tuple[str | None, date | None] = (None, None)
        self.ui.phaseCombo.currentIndexChanged.connect(self._phase_chosen)

    # the family editor always loads its own context (it needs the list of implementations)
    def start_new(self, data: object) -> None:
        self.load(None)

    def start_edit(self, data: object, record: Any) -> None:
        self.load(str(record.id), str(record.id))

    def context_loader(self) -> Callable[[OpenWorkspace], FamilyContext]:
        family_id = self.family_id
        return lambda ws: _load_family_context(ws, family_id)

    def field_widgets(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "code": ui.codeEdit,
            "implementation": ui.implementationCombo,
            "phase": ui.phaseCombo,
            "phase_date": ui.phaseDateEdit,
            "start_date": ui.startDateEdit,
            "notes": ui.notesEdit,
            "referral_date": ui.referralDateEdit,
            "referral_source": ui.referralSourceEdit,
            "preassessment_outcome": ui.preassessmentCombo,
            "preassessment_notes": ui.preassessmentNotesEdit,
            "conclusion_date": ui.conclusionDateEdit,
            "conclusion_variant": ui.conclusionCombo,
            "child_placed_out": ui.placedOutCheck,
            "conclusion_notes": ui.conclusionNotesEdit,
        }

    def fill_choices(self, data: FamilyContext) -> None:
        self.context = data
        self.data = data.case
        ui = self.ui
        typed = ui.implementationCombo.currentText()
        fill_combo(ui.implementationCombo, [(name, name) for name in data.implementations])
        ui.implementationCombo.setEditText(typed)
        fill_combo(ui.phaseCombo, terms("phases"))
        fill_combo(ui.preassessmentCombo, terms("preassessment_outcomes"), empty="—")
        fill_combo(ui.conclusionCombo, terms("conclusion_variants"), empty="—")
        ui.codeEdit.setReadOnly(self.record_id is not None)

    def default_form(self, data: FamilyContext) -> FamilyForm:
        value = FamilyInput(
            phase=terms("phases")[0][0],
            implementation=data.implementations[-1] if data.implementations else None,
        )
        return FamilyForm(value, date.today())

    def stored_form(self, data: FamilyContext, record_id: str) -> FamilyForm | None:
        if data.case is None:
            return None
        family = data.case.case_file.family
        reached = [step.date for step in data.case.case_file.phases if step.phase == family.phase]
        self._saved_phase = (family.phase, max(reached) if reached else None)
        value = replace(FamilyInput.of(family), child_placed_out=bool(family.child_placed_out))
        return FamilyForm(value, self._saved_phase[1] or date.today())

    def _phase_chosen(self, _index: int) -> None:
        phase, reached = self._saved_phase
        if phase is None:
            return
        if combo_value(self.ui.phaseCombo) == phase:
            self.ui.phaseDateEdit.set_iso(reached or date.today())
        else:
            self.ui.phaseDateEdit.set_iso(date.today())

    def form(self) -> FamilyForm:
        ui = self.ui
        value = FamilyInput(
            code=text_or_none(ui.codeEdit.text().strip()),
            implementation=text_or_none(ui.implementationCombo.currentText().strip()),
            phase=combo_code(ui.phaseCombo),
            start_date=ui.startDateEdit.optional_day(),
            notes=text_or_none(ui.notesEdit.toPlainText()),
            referral_date=ui.referralDateEdit.optional_day(),
            referral_source=text_or_none(ui.referralSourceEdit.text().strip()),
            preassessment_outcome=combo_code(ui.preassessmentCombo),
            preassessment_notes=text_or_none(ui.preassessmentNotesEdit.toPlainText()),
            conclusion_date=ui.conclusionDateEdit.optional_day(),
            conclusion_variant=combo_code(ui.conclusionCombo),
            child_placed_out=ui.placedOutCheck.isChecked(),
            conclusion_notes=text_or_none(ui.conclusionNotesEdit.toPlainText()),
        )
        return FamilyForm(value, ui.phaseDateEdit.day())

    def set_form(self, form: FamilyForm) -> None:
        ui, value = self.ui, form.value
        ui.codeEdit.setText(value.code or "")
        ui.implementationCombo.setEditText(value.implementation or "")
        set_combo_value(ui.phaseCombo, value.phase)
        ui.phaseDateEdit.set_iso(form.phase_date)
        ui.startDateEdit.set_iso(value.start_date)
        ui.notesEdit.setPlainText(value.notes or "")
        ui.referralDateEdit.set_iso(value.referral_date)
        ui.referralSourceEdit.setText(value.referral_source or "")
        set_combo_value(ui.preassessmentCombo, value.preassessment_outcome)
        ui.preassessmentNotesEdit.setPlainText(value.preassessment_notes or "")
        ui.conclusionDateEdit.set_iso(value.conclusion_date)
        set_combo_value(ui.conclusionCombo, value.conclusion_variant)
        ui.placedOutCheck.setChecked(bool(value.child_placed_out))
        ui.conclusionNotesEdit.setPlainText(value.conclusion_notes or "")

    def has_changes_to_save(self, value: FamilyForm, before: FamilyForm) -> bool:
        return value.value != before.value  # "Fase dal" alone changes no record

    def write_call(
        self, value: FamilyForm, before: FamilyForm | None
    ) -> Callable[[OpenWorkspace], SaveResult]:
        record_id = self.record_id
        return lambda ws: casefile_service.save_family(
            ws,
            value.value,
            record_id=record_id,
            before=before.value if before is not None else None,
            phase_date=value.phase_date,
        )

    def title(self) -> str:
        if self.record_id is None:
            return _("Nuova famiglia")
        return _("Famiglia {code}").format(code=self.ui.codeEdit.text())
