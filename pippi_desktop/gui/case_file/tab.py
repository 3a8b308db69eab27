"""What every tab of the case file shares: the session, how to open editors, its data.

A tab lists the record kinds it shows (`kinds`); `CaseFileView` hands it the freshly loaded
case file only when a change touched one of them (or everything reloaded).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtWidgets import QWidget

from pippi_desktop.gui.editors.base import EditorDialog
from pippi_desktop.gui.operations.casefile import LoadedCaseFile, delete_record
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.services.changes import DataChanges


@dataclass(frozen=True)
class TabContext:
    session: WorkspaceSession
    open_editor: Callable[[EditorDialog], EditorDialog]
    window: Callable[[], QWidget]  # the parent of editors and questions


class CaseFileTab(QWidget):
    kinds: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: TabContext | None = None
        self.data: LoadedCaseFile | None = None

    def attach(self, context: TabContext) -> None:
        self.context = context

    def wants(self, changes: DataChanges | None) -> bool:
        return changes is None or changes.everything or changes.touches(*self.kinds)

    def show_data(self, data: LoadedCaseFile | None) -> None:
        self.data = data
        self.refresh()

    def refresh(self) -> None:
        """Show `self.data` (None: nothing)."""

    def delete(self, kind: str, record_id: str) -> None:
        assert self.context is not None
        self.context.session.write(
            self,
            lambda ws: delete_record(ws, kind, record_id),
            changes=lambda changes: changes,
        ).run()
