"""The open workspace as the GUI sees it: at most one, reached only through operations.

`WorkspaceSession` holds the `OpenWorkspace` the services return, the single `TaskRunner`, and
the "data changed" signal every view listens to. Widgets never call the workspace directly:

    session.query(self, lambda ws: family_service.list_families(ws)).success(...).run()
    session.write(self, lambda ws: visit_service.save(ws, form), changes=DataChanges.of("visits"))

`detach()` (locking) forgets the workspace at once on the GUI thread; the caller then queues
its `close()` on the worker, after whatever write is in flight.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from pippi_desktop.domain.errors import WorkspaceLocked
from pippi_desktop.gui.operations import Operation, TaskRunner
from pippi_desktop.services.changes import DataChanges

if TYPE_CHECKING:
    from pippi_desktop.services.open_workspace import OpenWorkspace

T = TypeVar("T")


class WorkspaceSession(QObject):
    data_changed = Signal(object)  # DataChanges
    opened = Signal()
    closed = Signal()

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._workspace: OpenWorkspace | None = None
        self._path: Path | None = None

    # --- state --------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._workspace is not None

    @property
    def path(self) -> Path | None:
        """The folder of the open (or last locked) workspace."""
        return self._path

    @property
    def workspace(self) -> OpenWorkspace:
        if self._workspace is None:
            raise WorkspaceLocked()
        return self._workspace

    def attach(self, workspace: OpenWorkspace) -> None:
        """Take an unlocked workspace (from unlocking or creating it)."""
        if self._workspace is not None:
            raise RuntimeError("a workspace is already open")
        self._workspace = workspace
        self._path = workspace.folder
        self.opened.emit()
        self.data_changed.emit(DataChanges.all())

    def detach(self) -> OpenWorkspace | None:
        """Forget the workspace (views clear now); the caller closes it on the worker."""
        workspace, self._workspace = self._workspace, None
        if workspace is not None:
            self.closed.emit()
        return workspace

    # --- operations ---------------------------------------------------------------------

    def call(self, parent: QWidget | None, call: Callable[[], T]) -> Operation[T]:
        """Any background call that needs no open workspace (unlock, create, recover)."""
        return Operation(parent, call, runner=self.runner)

    def query(self, parent: QWidget | None, call: Callable[[OpenWorkspace], T]) -> Operation[T]:
        """A read of the open workspace."""
        workspace = self._workspace
        return Operation(parent, lambda: call(_require(workspace)), runner=self.runner)

    def write(
        self,
        parent: QWidget | None,
        call: Callable[[OpenWorkspace], T],
        *,
        changes: DataChanges | Callable[[T], DataChanges],
    ) -> Operation[T]:
        """A change to the open workspace; `data_changed` is emitted after it succeeds."""
        workspace = self._workspace
        operation = Operation(parent, lambda: call(_require(workspace)), runner=self.runner)

        def announce(value: T) -> None:
            what = changes(value) if callable(changes) else changes
            if what and self._workspace is workspace:
                self.data_changed.emit(what)

        return operation.add_success_hook(announce)


def _require(workspace: OpenWorkspace | None) -> OpenWorkspace:
    if workspace is None or not workspace.is_open:
        raise WorkspaceLocked()
    return workspace
