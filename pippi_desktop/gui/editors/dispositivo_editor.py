"""A dispositivo activated for the family (home education, groups, school partnership, …)."""

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
from pippi_desktop.gui.forms.ui_dispositivo_editor import Ui_DispositivoEditor
from pippi_desktop.gui.labels import terms
from pippi_desktop.gui.operations.casefile import LoadedCaseFile
from pippi_desktop.gui.session import WorkspaceSession


class DispositivoEditor(RecordEditor):
    kind: ClassVar[str] = "dispositivo"
    draft_kind: ClassVar[str] = "dispositivo"
    preferred_size: ClassVar[QSize] = QSize(480, 0)

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

    def default_values(self, data: LoadedCaseFile) -> dict[str, Any]:
        used = {d.kind for d in data.case_file.dispositivi}
        free = [code for code, _label in terms("dispositivi") if code not in used]
        start = data.case_file.family.start_date
        return {
            "kind": free[0] if free else None,
            "start_date": start.isoformat() if start else None,
        }

    def values_of(self, data: LoadedCaseFile, record_id: str) -> dict[str, Any] | None:
        found = next((d for d in data.case_file.dispositivi if d.id == record_id), None)
        if found is None:
            return None
        return {
            "kind": found.kind,
            "start_date": found.start_date.isoformat() if found.start_date else None,
            "end_date": found.end_date.isoformat() if found.end_date else None,
            "notes": found.notes,
        }

    def form_values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "kind": combo_value(ui.kindCombo),
            "start_date": ui.startDateEdit.iso(),
            "end_date": ui.endDateEdit.iso(),
            "notes": text_or_none(ui.notesEdit.toPlainText()),
        }

    def set_form_values(self, values: dict[str, Any]) -> None:
        ui = self.ui
        set_combo_value(ui.kindCombo, values.get("kind"))
        ui.startDateEdit.set_iso(values.get("start_date"))
        ui.endDateEdit.set_iso(values.get("end_date"))
        ui.notesEdit.setPlainText(values.get("notes") or "")

    def title(self) -> str:
        code = self.data.case_file.family.code if self.data is not None else ""
        if self.record_id is None:
            return _("Nuovo dispositivo – famiglia {code}").format(code=code)
        return _("Dispositivo – famiglia {code}").format(code=code)
