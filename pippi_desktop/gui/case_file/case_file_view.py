"""The right pane: the open family's case file, a header and five tabs.

`show_family(id)` loads the case file on the worker (with the catalogues its assessments
used) and hands it to the tabs. On `session.data_changed` the view reloads only if the change
touched this family (or group sessions, which belong to no family), and gives the new data
only to the tabs that show a kind the change touched. A family deleted elsewhere closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget

from pippi_desktop.domain.errors import PippiError, UnknownRecord, WorkspaceLocked
from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.case_file.deletion import ask_to_delete
from pippi_desktop.gui.case_file.tab import CaseFileTab, TabContext
from pippi_desktop.gui.editors.base import EditorDialog
from pippi_desktop.gui.error_dialog import show_error
from pippi_desktop.gui.forms.ui_case_file_view import Ui_CaseFileView
from pippi_desktop.gui.labels import term
from pippi_desktop.gui.operations.casefile import LoadedCaseFile, delete_record, load_case_file
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.services.changes import DataChanges

if TYPE_CHECKING:
    from pippi_desktop.services.open_workspace import OpenWorkspace

# kinds without a family id in the change: a reload is needed whatever the family
SHARED_KINDS = ("group_session", "catalogue")


class _Latest:
    """The newest load's number, read by the worker to skip loads nobody waits for."""

    def __init__(self) -> None:
        self.value = 0


class CaseFileView(QWidget):
    closed = Signal()  # the family is gone (deleted) or the workspace locked
    loaded = Signal()
    print_requested = Signal(str)  # "visit", "assessment" or "attendance": the chosen one

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CaseFileView()
        self.ui.setupUi(self)
        self.session: WorkspaceSession | None = None
        self.family_id: str | None = None
        self.data: LoadedCaseFile | None = None
        self.loads = 0
        self._request = 0
        self._latest = _Latest()
        self.ui.editFamilyButton.clicked.connect(self.edit_family)
        self.ui.deleteFamilyButton.clicked.connect(self.delete_family)
        ui = self.ui
        ui.visitsTabWidget.print_requested.connect(lambda: self.print_requested.emit("visit"))
        ui.groupsTabWidget.print_requested.connect(lambda: self.print_requested.emit("attendance"))
        ui.assessmentsTabWidget.print_requested.connect(
            lambda: self.print_requested.emit("assessment")
        )

    @property
    def tabs(self) -> list[CaseFileTab]:
        ui = self.ui
        return [
            ui.summaryTabWidget,
            ui.visitsTabWidget,
            ui.groupsTabWidget,
            ui.assessmentsTabWidget,
            ui.microProjectTabWidget,
        ]

    def attach(
        self,
        session: WorkspaceSession,
        open_editor: Callable[[EditorDialog], EditorDialog],
    ) -> None:
        self.session = session
        context = TabContext(session, open_editor, self.window)
        for tab in self.tabs:
            tab.attach(context)
        session.data_changed.connect(self.on_data_changed)
        session.closed.connect(self.clear)

    # --- loading ------------------------------------------------------------------------

    def show_family(self, family_id: str | None) -> None:
        if family_id == self.family_id and self.data is not None:
            return
        self.family_id = family_id
        if family_id is None:
            self.clear()
            return
        self.reload(None)

    def reload(self, changes: DataChanges | None) -> None:
        if self.session is None or not self.session.is_open or self.family_id is None:
            return
        self._request += 1
        request, family_id, latest = self._request, self.family_id, self._latest
        latest.value = request

        def load(ws: OpenWorkspace) -> LoadedCaseFile | None:
            if latest.value != request:
                return None  # another family was chosen meanwhile (arrowing down the list)
            return load_case_file(ws, family_id)

        self.session.query(self, load).success(
            lambda data: self._arrived(request, data, changes)
        ).failure(lambda error: self._failed(request, error)).run()

    def _arrived(
        self, request: int, data: LoadedCaseFile | None, changes: DataChanges | None
    ) -> None:
        if data is None or request != self._request or data.family_id != self.family_id:
            return
        fresh = self.data is None or self.data.family_id != data.family_id
        self.data = data
        self._update_header()
        for tab in self.tabs:
            if fresh or tab.wants(changes):
                tab.show_data(data)
        self.loads += 1
        self.loaded.emit()

    def _failed(self, request: int, error: PippiError) -> None:
        if request != self._request or isinstance(error, WorkspaceLocked):
            return
        if isinstance(error, UnknownRecord):  # deleted (here or by an import)
            self.family_id = None
            self.clear()
            self.closed.emit()
            return
        show_error(self.window(), error)

    def clear(self) -> None:
        self._request += 1
        self._latest.value = self._request
        self.data = None
        for tab in self.tabs:
            tab.show_data(None)
        self.ui.titleLabel.setText("")
        self.ui.phaseLabel.setText("")

    def on_data_changed(self, changes: DataChanges) -> None:
        if self.family_id is None or self.session is None or not self.session.is_open:
            return
        if changes.touches_family(self.family_id) or changes.touches(*SHARED_KINDS):
            self.reload(changes)

    # --- header -------------------------------------------------------------------------

    def _update_header(self) -> None:
        if self.data is None:
            return
        family = self.data.case_file.family
        surnames = sorted({p.family_name for p in self.data.case_file.members})
        title = family.code + (f" · {', '.join(surnames)}" if surnames else "")
        self.ui.titleLabel.setText(title)
        phase = term("phases", family.phase)
        self.ui.phaseLabel.setText(
            _("Fase: {phase}").format(phase=phase)
            + (f" · {family.implementation}" if family.implementation else "")
        )

    def edit_family(self) -> None:
        from pippi_desktop.gui.editors.family_editor import FamilyEditor

        if self.data is None or self.session is None:
            return
        editor = FamilyEditor(self.window(), self.session)
        editor.start_edit(self.data, self.data.case_file.family)
        self.tabs[0].context.open_editor(editor)  # type: ignore[union-attr]

    def delete_family(self) -> None:
        if self.data is None or self.session is None:
            return
        family = self.data.case_file.family
        session = self.session
        ask_to_delete(
            self.window(),
            question=_(
                "Eliminare la famiglia {code} con tutta la sua cartella (componenti, visite, "
                "valutazioni, micro-progettazione)?"
            ).format(code=family.code),
            on_confirm=lambda: session.write(
                self, lambda ws: delete_record(ws, "family", family.id), changes=lambda c: c
            ).run(),
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._update_header()
        super().changeEvent(event)
