"""The main window: menus, toolbar, status bar, the family list (left) and case file (right).

The left pane (`FamilyListPane`) lists the families; choosing one opens its case file in the
right pane (`CaseFileView`). Editors open over the window through the controller's
`EditorHost` (so their edits become drafts when the workspace locks). When the workspace
locks, the window switches to the "locked" page and every view is cleared; nothing of the
case file stays on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.about_dialog import AboutDialog
from pippi_desktop.gui.editors.base import EditorDialog
from pippi_desktop.gui.editors.host import EditorHost
from pippi_desktop.gui.forms.ui_main_window import Ui_MainWindow
from pippi_desktop.gui.keys.actions import KeyActions
from pippi_desktop.gui.operations.casefile import LoadedCaseFile
from pippi_desktop.gui.printing import Printer, PrintJob, attendance_job, family_job
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.settings import Settings
from pippi_desktop.gui.sync.status_label import SyncStatusLabel
from pippi_desktop.services.changes import DataChanges
from pippi_desktop.services.print_service import DocumentKind

DEFAULT_SIZE = QSize(1280, 720)
LIST_WIDTH = 400  # the family list's share of a new window; the rest is the case file


class MainWindow(QMainWindow):
    lock_requested = Signal()
    unlock_requested = Signal()
    new_workspace_requested = Signal()
    open_workspace_requested = Signal()
    preferences_requested = Signal()
    painted = Signal()  # the first paint after `show()` (benchmarks/gui.py times it)

    def __init__(
        self, session: WorkspaceSession, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.close_handler: Callable[[], bool] | None = None
        self.editor_host: EditorHost | None = None
        self._family_before_lock: str | None = None
        self._painted_once = False
        self.open_sync_dialogs: list[QDialog] = []

        self.workspace_label = QLabel(self)
        self.workspace_label.setObjectName("workspaceStatus")
        self.role_label = QLabel(self)
        self.role_label.setObjectName("roleStatus")
        self.lock_label = QLabel(self)
        self.lock_label.setObjectName("lockStatus")
        self.sync_label = SyncStatusLabel(session, self)
        self.ui.statusBar.addWidget(self.workspace_label, 1)
        self.ui.statusBar.addPermanentWidget(self.sync_label)
        self.ui.statusBar.addPermanentWidget(self.role_label)
        self.ui.statusBar.addPermanentWidget(self.lock_label)
        self.ui.statusBar.setSizeGripEnabled(True)

        self.ui.actionLock.triggered.connect(self.lock_requested)
        self.ui.unlockButton.clicked.connect(self.unlock_requested)
        self.ui.actionNewWorkspace.triggered.connect(self.new_workspace_requested)
        self.ui.actionOpenWorkspace.triggered.connect(self.open_workspace_requested)
        self.ui.actionPreferences.triggered.connect(self.preferences_requested)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionAbout.triggered.connect(self.show_about)
        self.ui.actionNewFamily.triggered.connect(self.new_family)
        self.ui.actionFindFamily.triggered.connect(self.ui.familyList.focus_search)
        self._connect_sync_actions()
        self.key_actions = KeyActions(
            self, self.ui.menuFile, self.ui.actionQuit, session, self.open_sync_dialog
        )
        self.printer = Printer(session, settings, self, self.ui.statusBar)
        self._connect_print_actions()
        self.ui.splitter.setStretchFactor(0, 1)
        self.ui.splitter.setStretchFactor(1, 3)

        self.ui.familyList.attach(session)
        self.ui.familyList.family_selected.connect(self.show_case_file)
        self.ui.familyList.new_family_requested.connect(self.new_family)
        self.ui.caseFile.attach(session, self.open_editor)
        self.ui.caseFile.closed.connect(lambda: self.show_case_file(None))

        session.opened.connect(self.show_workspace)
        session.closed.connect(self.show_locked)
        session.data_changed.connect(self.on_data_changed)
        self._restore_geometry()
        if session.is_open:
            self.show_workspace()
        else:
            self.show_locked()

    # --- states -------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.ui.stack.currentWidget() is self.ui.pageLocked

    def show_workspace(self) -> None:
        self.ui.stack.setCurrentWidget(self.ui.pageWorkspace)
        self.ui.actionLock.setEnabled(True)
        self.ui.actionNewFamily.setEnabled(True)
        self.ui.actionFindFamily.setEnabled(True)
        self._update_status()
        self._update_sync_actions()
        self.key_actions.update()
        self.sync_label.refresh()
        self.update_print_actions()
        family_id, self._family_before_lock = self._family_before_lock, None
        if family_id is not None:  # unlocked again: the family that was open comes back
            self.ui.familyList.select_family(family_id)
            self.show_case_file(family_id)

    def show_locked(self) -> None:
        self._family_before_lock = self.ui.caseFile.family_id or self._family_before_lock
        self.clear_views()
        for dialog in list(self.open_sync_dialogs):  # even while busy: its result is dropped
            dialog.done(QDialog.DialogCode.Rejected)
        self.ui.stack.setCurrentWidget(self.ui.pageLocked)
        self.ui.actionLock.setEnabled(False)
        self.ui.actionNewFamily.setEnabled(False)
        self.ui.actionFindFamily.setEnabled(False)
        self._update_status()
        self._update_sync_actions()
        self.key_actions.update()
        self.update_print_actions()

    def clear_views(self) -> None:
        """Forget every record shown: the family list and the open case file."""
        self.ui.familyList.clear()
        self.ui.caseFile.family_id = None
        self.ui.caseFile.clear()
        self.ui.caseFileStack.setCurrentWidget(self.ui.caseFileEmptyPage)

    def on_data_changed(self, changes: DataChanges) -> None:
        """The panes refresh themselves (each listens to `session.data_changed`)."""

    # --- families -----------------------------------------------------------------------

    def show_case_file(self, family_id: str | None) -> None:
        page = self.ui.caseFilePage if family_id else self.ui.caseFileEmptyPage
        self.ui.caseFileStack.setCurrentWidget(page)
        self.ui.caseFile.show_family(family_id)
        self.update_print_actions()

    def new_family(self) -> EditorDialog | None:
        from pippi_desktop.gui.editors.family_editor import FamilyEditor

        if not self.session.is_open:
            return None
        editor = FamilyEditor(self, self.session)
        editor.start_new(None)
        opened = self.open_editor(editor)
        if opened is editor:
            editor.saved.connect(lambda: self._family_created(editor.record_id))
        return opened

    def _family_created(self, family_id: str | None) -> None:
        if family_id:
            self.ui.familyList.select_family(family_id)
            self.show_case_file(family_id)

    def open_editor(self, editor: EditorDialog) -> EditorDialog:
        """Show an editor (tracked for drafts); the record's editor if one is already open."""
        host = self.editor_host
        if host is None:
            editor.show()
            return editor
        for existing in host.editors():
            if existing is not editor and existing.draft_key() == editor.draft_key():
                editor.deleteLater()
                existing.show()
                existing.raise_()
                existing.activateWindow()
                return existing
        return host.open_editor(editor)

    # --- printing (issue 7) -------------------------------------------------------------

    def _connect_print_actions(self) -> None:
        ui = self.ui
        for action, make in (
            (ui.actionPrintVisit, self._visit_job),
            (ui.actionPrintTriangle, self._triangle_job),
            (ui.actionPrintAttendance, self._attendance_job),
            (ui.actionPrintReport, lambda: self._family_job(DocumentKind.REPORT)),
            (ui.actionPrintBlankTriangle, lambda: self._family_job(DocumentKind.BLANK_TRIANGLE)),
        ):
            action.triggered.connect(lambda _checked=False, make=make: self.print_document(make))
        ui.menuPrint.aboutToShow.connect(self.update_print_actions)
        ui.caseFile.loaded.connect(self.update_print_actions)
        makers = {
            "visit": self._visit_job,
            "assessment": self._triangle_job,
            "attendance": self._attendance_job,
        }
        ui.caseFile.print_requested.connect(lambda kind: self.print_document(makers[kind]))
        ui.caseFile.closed.connect(self.update_print_actions)

    def print_document(self, make: Callable[[], PrintJob | None]) -> bool:
        job = make() if self.session.is_open else None
        return job is not None and self.printer.print_job(job)

    def _loaded_family(self) -> LoadedCaseFile | None:
        view = self.ui.caseFile
        data = view.data
        if not self.session.is_open or data is None or data.family_id != view.family_id:
            return None
        return data

    def _family_job(self, kind: DocumentKind) -> PrintJob | None:
        data = self._loaded_family()
        if data is None:
            return None
        return family_job(kind, data.family_id, data.case_file.family.code)

    def _visit_job(self) -> PrintJob | None:
        data = self._loaded_family()
        if data is None or not data.case_file.visits:
            return None
        chosen = self.ui.caseFile.ui.visitsTabWidget.selected()
        return family_job(
            DocumentKind.SESSION,
            data.family_id,
            data.case_file.family.code,
            visit_id=chosen.id if chosen is not None else None,
        )

    def _triangle_job(self) -> PrintJob | None:
        data = self._loaded_family()
        if data is None or not data.case_file.assessments:
            return None
        chosen = self.ui.caseFile.ui.assessmentsTabWidget.selected()
        return family_job(
            DocumentKind.TRIANGLE,
            data.family_id,
            data.case_file.family.code,
            assessment_id=chosen.id if chosen is not None else None,
        )

    def _attendance_job(self) -> PrintJob | None:
        data = self._loaded_family()
        if data is None or not data.case_file.group_sessions:
            return None
        chosen = self.ui.caseFile.ui.groupsTabWidget.selected()
        group = (chosen or data.case_file.group_sessions[0]).session
        return attendance_job(group.id, group.date.isoformat())

    def update_print_actions(self) -> None:
        data = self._loaded_family()
        case = data.case_file if data is not None else None
        ui = self.ui
        ui.actionPrintReport.setEnabled(case is not None)
        ui.actionPrintBlankTriangle.setEnabled(case is not None)
        ui.actionPrintVisit.setEnabled(case is not None and bool(case.visits))
        ui.actionPrintTriangle.setEnabled(case is not None and bool(case.assessments))
        ui.actionPrintAttendance.setEnabled(case is not None and bool(case.group_sessions))

    # --- sync (issue 6) -------------------------------------------------------------------

    def sync_actions(self) -> dict[str, tuple[QAction, ...]]:
        """The sync actions of each role: the other role's are hidden, all are off when locked."""
        ui = self.ui
        return {
            "educator": (ui.actionSendBundle, ui.actionTrustOffice, ui.actionDeviceCard),
            "office": (
                ui.actionImportBundles,
                ui.actionDevices,
                ui.actionOfficeCard,
                ui.actionRegisterDevice,
            ),
        }

    def _connect_sync_actions(self) -> None:
        from pippi_desktop.gui.sync.card_dialogs import (
            CardDialog,
            register_device_dialog,
            trust_office_dialog,
        )
        from pippi_desktop.gui.sync.devices_dialog import DevicesDialog
        from pippi_desktop.gui.sync.import_dialog import ImportDialog
        from pippi_desktop.gui.sync.send_dialog import SendDialog

        session = self.session
        openers: dict[QAction, Callable[[], QDialog]] = {
            self.ui.actionSendBundle: lambda: SendDialog(session=session, parent=self),
            self.ui.actionImportBundles: lambda: ImportDialog(session=session, parent=self),
            self.ui.actionDevices: lambda: DevicesDialog(session=session, parent=self),
            self.ui.actionTrustOffice: lambda: trust_office_dialog(session, self),
            self.ui.actionRegisterDevice: lambda: register_device_dialog(session, self),
            self.ui.actionDeviceCard: lambda: CardDialog(
                session=session, kind="device", parent=self
            ),
            self.ui.actionOfficeCard: lambda: CardDialog(
                session=session, kind="office", parent=self
            ),
        }
        for action, make in openers.items():
            action.triggered.connect(lambda _checked=False, make=make: self.open_sync_dialog(make))

    def open_sync_dialog(
        self, make: Callable[[], QDialog], *, needs_workspace: bool = True
    ) -> QDialog | None:
        """Open one sync (or key, backup) window (modal to this window; it closes itself when
        the workspace locks, so no card, bundle or device list stays on screen)."""
        if needs_workspace and not self.session.is_open:
            return None
        dialog = make()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.open_sync_dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._sync_dialog_closed(dialog))
        dialog.open()
        return dialog

    def _sync_dialog_closed(self, dialog: QDialog) -> None:
        if dialog in self.open_sync_dialogs:
            self.open_sync_dialogs.remove(dialog)
        self.sync_label.refresh()

    def _update_sync_actions(self) -> None:
        role = self.session.workspace.identity.role if self.session.is_open else None
        for owner, actions in self.sync_actions().items():
            for action in actions:
                action.setVisible(role is None or owner == role)
                action.setEnabled(owner == role)

    # --- texts --------------------------------------------------------------------------

    def role_text(self, role: str) -> str:
        return {
            "educator": _("Educatore/educatrice domiciliare"),
            "office": _("Ufficio d'Ambito"),
        }.get(role, role)

    def _update_status(self) -> None:
        if self.session.is_open:
            identity = self.session.workspace.identity
            self.setWindowTitle(_("{name} – PIPPI Desktop").format(name=identity.name))
            self.workspace_label.setText(_("Area di lavoro: {name}").format(name=identity.name))
            self.role_label.setText(self.role_text(identity.role))
            self.role_label.setVisible(True)
            self.lock_label.setText(_("Sbloccata"))
        else:
            self.setWindowTitle("PIPPI Desktop")
            path = self.session.path
            self.workspace_label.setText(
                _("Area di lavoro bloccata: {folder}").format(folder=path.name)
                if path is not None
                else _("Nessuna area di lavoro aperta")
            )
            self.role_label.setVisible(False)
            self.lock_label.setText(_("Bloccata"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            if hasattr(self, "key_actions"):
                self.key_actions.retranslate()
            self._update_status()
        super().changeEvent(event)

    # --- dialogs ------------------------------------------------------------------------

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self)
        dialog.open()
        return dialog

    # --- geometry -----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.main_window_geometry
        if not (geometry and self.restoreGeometry(geometry)):
            self.resize(DEFAULT_SIZE)
        splitter = self.settings.main_window_splitter
        if not (splitter and self.ui.splitter.restoreState(splitter)):
            self.ui.splitter.setSizes([LIST_WIDTH, self.width() - LIST_WIDTH])

    def save_geometry(self) -> None:
        self.settings.main_window_geometry = bytes(self.saveGeometry().data())
        self.settings.main_window_splitter = bytes(self.ui.splitter.saveState().data())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted_once:
            self._painted_once = True
            self.painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_handler is not None and not self.close_handler():
            event.ignore()
            return
        self.save_geometry()
        super().closeEvent(event)
