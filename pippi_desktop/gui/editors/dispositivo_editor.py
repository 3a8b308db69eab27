"""A dispositivo activated for the family (home education, groups, school partnership, …)."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.domain.record_inputs import DispositivoInput
from pippi_desktop.gui.editors.record_editor import (
    RecordEditor,
    combo_text,
    fill_combo,
    set_combo_value,
    text_or_none,
)
from pippi_desktop.gui.forms.ui_dispositivo_editor import Ui_DispositivoEditor
from pippi_desktop.gui.labels import terms
from pippi_desktop.gui.operations.casefile import LoadedCaseFile
from pippi_desktop.gui.session import WorkspaceSession


class DispositivoEditor(RecordEditor[LoadedCaseFile, DispositivoInput]):
    kind: ClassVar[str] = "dispositivo"
    draft_kind: ClassVar[str] = "dispositivo"
    preferred_size: ClassVar[QSize] = QSize(480, 0)
    ui: Ui_DispositivoEditor

    def __init__(self, parent: QWidget | None, session: WorkspaceSession) -> None:
        super().__init__(parent, session)
        self.setObjectName("dispositivoEditor")
        self.ui = Ui_DispositivoEditor()
        self.ui.setupUi(self)
        self.connect_form()

    def field_widgets(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "kind": ui.kindCombo,
            "start_date": ui.startDateEdit,
            "end_date": ui.endDateEdit,
            "notes": ui.notesEdit,
        }

    def fill_choices(self, data: LoadedCaseFile) -> None:
        fill_combo(self.ui.kindCombo, terms("dispositivi"))

    def default_form(self, data: LoadedCaseFile) -> DispositivoInput:
        used = {d.kind for d in data.case_file.dispositivi}
        free = [code for code, _label in terms("dispositivi") if code not in used]
        return DispositivoInput(
            family_id=data.family_id,
            kind=free[0] if free else "",
            start_date=data.case_file.family.start_date,
        )

    def stored_form(self, data: LoadedCaseFile, record_id: str) -> DispositivoInput | None:
        found = next((d for d in data.case_file.dispositivi if d.id == record_id), None)
        return None if found is None else DispositivoInput.of(found)

    def form(self) -> DispositivoInput:
        ui = self.ui
        return DispositivoInput(
            family_id=self.require_family_id(),
            kind=combo_text(ui.kindCombo),
            start_date=ui.startDateEdit.optional_day(),
            end_date=ui.endDateEdit.optional_day(),
            notes=text_or_none(ui.notesEdit.toPlainText()),
        )

    def set_form(self, value: DispositivoInput) -> None:
        ui = self.ui
        set_combo_value(ui.kindCombo, value.kind or None)
        ui.startDateEdit.set_iso(value.start_date)
        ui.endDateEdit.set_iso(value.end_date)
        ui.notesEdit.setPlainText(value.notes or "")

    def title(self) -> str:
        code = self.data.case_file.family.code if self.data is not None else ""
        if self.record_id is None:
            return _("Nuovo dispositivo – famiglia {code}").format(code=code)
        return _("Dispositivo – famiglia {code}").format(code=code)
