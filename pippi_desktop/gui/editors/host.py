"""The open editors, their drafts when the workspace locks, and re-opening them afterwards.

Lock:   `stash()` asks every open editor with unsaved changes for its `draft_state()` and
        hides all editors at once; the controller saves the drafts (encrypted, on the worker,
        before the workspace closes) and then calls `close_stashed(saved_keys)`. An editor whose
        draft could not be written stays hidden in memory and comes back after unlocking:
        edits are never lost.
Unlock: `restore(drafts)` re-creates each editor with the factory registered for its kind
        and hands it the state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from pippi_desktop.gui.session import WorkspaceSession

if TYPE_CHECKING:  # the editors bring the services: not imported before one exists
    from pippi_desktop.domain.drafts import Draft
    from pippi_desktop.gui.editors.base import EditorDialog
    from pippi_desktop.services.draft_service import DraftToSave

log = logging.getLogger(__name__)

EditorFactory = Callable[[QWidget | None, WorkspaceSession], "EditorDialog"]


class EditorHost(QObject):
    def __init__(self, session: WorkspaceSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._factories: dict[str, EditorFactory] = {}
        self._open: list[EditorDialog] = []
        self._kept_hidden: list[EditorDialog] = []
        self.editor_parent: QWidget | None = None

    def register_kind(self, kind: str, factory: EditorFactory) -> None:
        self._factories[kind] = factory

    def knows_kind(self, kind: str) -> bool:
        return kind in self._factories

    # --- open editors -------------------------------------------------------------------

    def open_editor(self, editor: EditorDialog) -> EditorDialog:
        """Track `editor` (and show it): it will be drafted on lock."""
        self._open.append(editor)
        editor.finished.connect(lambda _result: self._forget(editor))
        editor.show()
        return editor

    def editors(self) -> list[EditorDialog]:
        self._open = [e for e in self._open if shiboken6.isValid(e)]
        return list(self._open)

    def _forget(self, editor: EditorDialog) -> None:
        if editor in self._open:
            self._open.remove(editor)

    # --- lock ---------------------------------------------------------------------------

    def stash(self) -> list[DraftToSave]:
        """Drafts of every editor with unsaved changes; every editor is hidden now."""
        drafts: list[DraftToSave] = []
        for editor in self.editors():
            if editor.has_unsaved_changes():
                drafts.append(editor.draft_to_save())
            editor.hide()
        return drafts

    def close_stashed(self, saved_keys: set[str]) -> None:
        """Close the editors whose drafts were written (or that had nothing to keep)."""
        for editor in self.editors():
            if editor.has_unsaved_changes() and editor.draft_key() not in saved_keys:
                log.warning("draft not written: the editor stays in memory until unlock")
                self._kept_hidden.append(editor)
                continue
            self._forget(editor)
            editor.close_for_lock()
            editor.deleteLater()

    def show_kept(self) -> None:
        """After unlocking: the editors whose drafts could not be written come back."""
        for editor in self._kept_hidden:
            if shiboken6.isValid(editor):
                editor.show()
        self._kept_hidden.clear()

    def discard_kept(self) -> None:
        """Another workspace was opened: editors of the old one cannot be saved there."""
        for editor in self._kept_hidden:
            if shiboken6.isValid(editor):
                self._forget(editor)
                editor.close_for_lock()
                editor.deleteLater()
        self._kept_hidden.clear()

    # --- unlock -------------------------------------------------------------------------

    def restore(self, drafts: list[Draft]) -> list[EditorDialog]:
        """Re-open an editor for each draft whose kind is known; the others stay on disk."""
        restored: list[EditorDialog] = []
        for draft in drafts:
            factory = self._factories.get(draft.kind)
            if factory is None:
                log.warning("draft of unknown kind %s kept", draft.kind)
                continue
            editor = factory(self.editor_parent, self.session)
            editor.restore_draft(draft.state)
            restored.append(self.open_editor(editor))
        return restored

    def close_all(self) -> None:
        """Quitting after the drafts were kept (or when nothing needed keeping)."""
        for editor in [*self.editors(), *self._kept_hidden]:
            if shiboken6.isValid(editor):
                editor.close_for_lock()
                editor.deleteLater()
        self._open.clear()
        self._kept_hidden.clear()
