"""A small real editor for the tests: a title and a note, implementing the draft protocol.

The real editors (visit, assessment, …) arrive with the case file; this one proves the
protocol and the lock/draft/unlock cycle with real widgets and a real encrypted workspace.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from pippi_desktop.gui.editors.base import EditorDialog
from pippi_desktop.gui.session import WorkspaceSession


class NoteEditor(EditorDialog):
    draft_kind: ClassVar[str] = "test-note"

    def __init__(self, parent: QWidget | None, session: WorkspaceSession) -> None:
        super().__init__(session, parent)
        self.setObjectName("noteEditor")
        self.setWindowTitle("Nota")
        self.record_id = "nota-1"
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName("Titolo")
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setAccessibleName("Testo")
        layout = QFormLayout(self)
        layout.addRow("Titolo", self.title_edit)
        layout.addRow("Testo", self.text_edit)
        self.saved_values: list[tuple[str, str]] = []
        self._saved_state = self.draft_state()

    def draft_key(self) -> str:
        return f"test-note:{self.record_id}"

    def draft_title(self) -> str:
        return f"Nota «{self.title_edit.text()}»"

    def has_unsaved_changes(self) -> bool:
        return self.draft_state() != self._saved_state

    def draft_state(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "title": self.title_edit.text(),
            "text": self.text_edit.toPlainText(),
        }

    def restore_draft(self, state: dict[str, Any]) -> None:
        self.record_id = str(state["record_id"])
        self.title_edit.setText(str(state["title"]))
        self.text_edit.setPlainText(str(state["text"]))

    def save(self) -> None:
        values = (self.title_edit.text(), self.text_edit.toPlainText())

        def stored(_ws: object) -> tuple[str, str]:
            return values

        self.session.write(self, stored, changes=self.changes()).success(self._stored).run()

    def changes(self):  # type: ignore[no-untyped-def]
        from pippi_desktop.services.changes import DataChanges

        return DataChanges.of("notes")

    def _stored(self, values: tuple[str, str]) -> None:
        self.saved_values.append(values)
        self._saved_state = self.draft_state()
        self.finish_saved()
