"""A family: code, implementation, phase of the pathway, referral, pre-assessment, conclusion.

The code is given by the application when left empty and never changes after creation (it
names the family in bundles and printed sheets). Changing the phase records a step of the
pathway dated "Fase dal". The conclusion has its variant (A/B/C) and whether a child was
placed out of home.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

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
from pippi_desktop.gui.forms.ui_family_editor import Ui_FamilyEditor
from pippi_desktop.gui.labels import terms
from pippi_desktop.gui.operations.casefile import LoadedCaseFile, load_case_file, save_family
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.services import casefile_view
from pippi_desktop.services.casefile_service import SaveResult

if TYPE_CHECKING:
    from pippi_desktop.services.workspace_service import Workspace


@dataclass(frozen=True)
class FamilyContext:
    case: LoadedCaseFile | None  # None for a new family
    implementations: list[str]

    @property
    def family_id(self) -> str | None:
        return self.case.family_id if self.case is not None else None


def _load_family_context(ws: Workspace, family_id: str | None) -> FamilyContext:
    case = load_case_file(ws, family_id) if family_id else None
    return FamilyContext(case, casefile_view.implementations(ws))


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


class FamilyEditor(RecordEditor):
    kind: ClassVar[str] = "family"
    draft_kind: ClassVar[str] = "family"
    preferred_size: ClassVar[QSize] = QSize(900, 560)

    def __init__(self, parent: QWidget | None, session: WorkspaceSession) -> None:
        super().__init__(parent, session)
        self.setObjectName("familyEditor")
        self.ui = Ui_FamilyEditor()
        self.ui.setupUi(self)
        self.connect_form()
        self.context: FamilyContext | None = None
        # the phase saved and the date it was reached: "Fase dal" shows that date, and today
        # as soon as another phase is chosen (the date of the new step of the pathway)
        self._saved_phase: tuple[str | None, str | None] = (None, None)
        self.ui.phaseCombo.currentIndexChanged.connect(self._phase_chosen)

    # the family editor always loads its own context (it needs the list of implementations)
    def start_new(self, data: Any) -> None:
        self.load(None)

    def start_edit(self, data: Any, record: Any) -> None:
        self.load(str(record.id), str(record.id))

    def context_loader(self) -> Callable[[Workspace], FamilyContext]:
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

    def default_values(self, data: FamilyContext) -> dict[str, Any]:
        return {
            "phase": terms("phases")[0][0],
            "phase_date": date.today().isoformat(),
            "implementation": data.implementations[-1] if data.implementations else None,
        }

    def values_of(self, data: FamilyContext, record_id: str) -> dict[str, Any] | None:
        if data.case is None:
            return None
        family = data.case.case_file.family
        reached = [step.date for step in data.case.case_file.phases if step.phase == family.phase]
        self._saved_phase = (family.phase, _iso(max(reached)) if reached else None)
        return {
            "code": family.code,
            "implementation": family.implementation,
            "phase": family.phase,
            "phase_date": self._saved_phase[1] or date.today().isoformat(),
            "start_date": _iso(family.start_date),
            "notes": family.notes,
            "referral_date": _iso(family.referral_date),
            "referral_source": family.referral_source,
            "preassessment_outcome": family.preassessment_outcome,
            "preassessment_notes": family.preassessment_notes,
            "conclusion_date": _iso(family.conclusion_date),
            "conclusion_variant": family.conclusion_variant,
            "child_placed_out": bool(family.child_placed_out),
            "conclusion_notes": family.conclusion_notes,
        }

    def _phase_chosen(self, _index: int) -> None:
        phase, reached = self._saved_phase
        if phase is None:
            return
        if combo_value(self.ui.phaseCombo) == phase:
            self.ui.phaseDateEdit.set_iso(reached or date.today().isoformat())
        else:
            self.ui.phaseDateEdit.set_iso(date.today().isoformat())

    def form_values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "code": text_or_none(ui.codeEdit.text().strip()),
            "implementation": text_or_none(ui.implementationCombo.currentText().strip()),
            "phase": combo_value(ui.phaseCombo),
            "phase_date": ui.phaseDateEdit.iso(),
            "start_date": ui.startDateEdit.iso(),
            "notes": text_or_none(ui.notesEdit.toPlainText()),
            "referral_date": ui.referralDateEdit.iso(),
            "referral_source": text_or_none(ui.referralSourceEdit.text().strip()),
            "preassessment_outcome": combo_value(ui.preassessmentCombo),
            "preassessment_notes": text_or_none(ui.preassessmentNotesEdit.toPlainText()),
            "conclusion_date": ui.conclusionDateEdit.iso(),
            "conclusion_variant": combo_value(ui.conclusionCombo),
            "child_placed_out": ui.placedOutCheck.isChecked(),
            "conclusion_notes": text_or_none(ui.conclusionNotesEdit.toPlainText()),
        }

    def set_form_values(self, values: dict[str, Any]) -> None:
        ui = self.ui
        ui.codeEdit.setText(values.get("code") or "")
        ui.implementationCombo.setEditText(values.get("implementation") or "")
        set_combo_value(ui.phaseCombo, values.get("phase"))
        ui.phaseDateEdit.set_iso(values.get("phase_date"))
        ui.startDateEdit.set_iso(values.get("start_date"))
        ui.notesEdit.setPlainText(values.get("notes") or "")
        ui.referralDateEdit.set_iso(values.get("referral_date"))
        ui.referralSourceEdit.setText(values.get("referral_source") or "")
        set_combo_value(ui.preassessmentCombo, values.get("preassessment_outcome"))
        ui.preassessmentNotesEdit.setPlainText(values.get("preassessment_notes") or "")
        ui.conclusionDateEdit.set_iso(values.get("conclusion_date"))
        set_combo_value(ui.conclusionCombo, values.get("conclusion_variant"))
        ui.placedOutCheck.setChecked(bool(values.get("child_placed_out")))
        ui.conclusionNotesEdit.setPlainText(values.get("conclusion_notes") or "")

    def payload(self, values: dict[str, Any]) -> dict[str, Any]:
        sent = super().payload(values)
        sent.pop("phase_date", None)
        return sent

    def write_call(self, payload: dict[str, Any]) -> Callable[[Workspace], SaveResult]:
        record_id = self.record_id
        phase_date = date.fromisoformat(self.ui.phaseDateEdit.iso() or date.today().isoformat())
        return lambda ws: save_family(ws, payload, record_id, phase_date)

    def title(self) -> str:
        if self.record_id is None:
            return _("Nuova famiglia")
        return _("Famiglia {code}").format(code=self.ui.codeEdit.text())
