"""The draft protocol and the base class of record editors.

An editor subclasses `EditorDialog` and implements:

    draft_kind: ClassVar[str]                 # registered with EditorHost.register_kind
    def draft_key(self) -> str                # what is edited: "visit:<uuid>", "visit:new:<family>"
    def draft_title(self) -> str              # shown when the draft is offered back
    def has_unsaved_changes(self) -> bool
    def draft_state(self) -> dict[str, Any]   # JSON-able; everything needed to rebuild the form
    def restore_draft(self, state: dict[str, Any]) -> None
    def save(self) -> None                    # validate, run a session.write(...), then
                                              # call self.finish_saved() on success

and gets: Ctrl+S saves; Esc, the close button and "Annulla" ask before throwing edits away;
the draft of this editor is deleted once it is saved or discarded; `close_for_lock()` closes
without questions after the host has kept its draft.
"""

from __future__ import annotations

from typing import Any, ClassVar, Protocol, runtime_checkable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.services import draft_service
from pippi_desktop.services.changes import DataChanges


@runtime_checkable
class DraftEditor(Protocol):
    draft_kind: ClassVar[str]

    def draft_key(self) -> str: ...
    def draft_title(self) -> str: ...
    def has_unsaved_changes(self) -> bool: ...
    def draft_state(self) -> dict[str, Any]: ...
    def restore_draft(self, state: dict[str, Any]) -> None: ...


class EditorDialog(QDialog):
    """Base of the record editors (non-modal dialogs over the main window)."""

    draft_kind: ClassVar[str] = ""
    saved = Signal()
    discarded = Signal()

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.discard_question: QMessageBox | None = None
        self._leaving = False
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save)

    # --- the protocol (subclasses) ------------------------------------------------------

    def draft_key(self) -> str:
        raise NotImplementedError

    def draft_title(self) -> str:
        raise NotImplementedError

    def has_unsaved_changes(self) -> bool:
        raise NotImplementedError

    def draft_state(self) -> dict[str, Any]:
        raise NotImplementedError

    def restore_draft(self, state: dict[str, Any]) -> None:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    # --- provided -----------------------------------------------------------------------

    def draft_to_save(self) -> draft_service.DraftToSave:
        """What the host hands to `draft_service` when the workspace locks."""
        return draft_service.DraftToSave(
            kind=self.draft_kind,
            key=self.draft_key(),
            title=self.draft_title(),
            state=self.draft_state(),
        )

    def finish_saved(self) -> None:
        """Call after the save operation succeeded: drop the draft and close."""
        self._forget_draft()
        self._leaving = True
        self.saved.emit()
        self.accept()

    def close_for_lock(self) -> None:
        """Close without asking: the host has already kept this editor's draft."""
        self._leaving = True
        if self.discard_question is not None:
            self.discard_question.close()
        super().reject()

    def reject(self) -> None:
        """Esc, the window's close button or "Annulla": ask before losing edits."""
        if self._leaving or not self.has_unsaved_changes():
            self._leave_without_saving()
            return
        if self.discard_question is not None:
            self.discard_question.raise_()
            return
        box = QMessageBox(self)
        box.setObjectName("discardQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Modifiche non salvate"))
        box.setText(_("Vuoi chiudere senza salvare? Le modifiche fatte andranno perse."))
        discard = box.addButton(
            _("&Chiudi senza salvare"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        keep = box.addButton(
            _("Continua a &modificare"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered() -> None:
            self.discard_question = None
            if box.clickedButton() is discard:
                self._leave_without_saving()

        box.finished.connect(answered)
        self.discard_question = box
        box.open()

    def _leave_without_saving(self) -> None:
        self._forget_draft()
        self._leaving = True
        self.discarded.emit()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._leaving:
            super().closeEvent(event)
            return
        event.ignore()
        self.reject()

    def _forget_draft(self) -> None:
        """Delete the draft of this record, if a lock left one (no-op when locked)."""
        if not self.session.is_open:
            return
        key = self.draft_key()
        self.session.write(
            None,
            lambda ws: draft_service.discard_draft(ws, draft_service.draft_id_for(ws, key)),
            changes=DataChanges(),
        ).run()
