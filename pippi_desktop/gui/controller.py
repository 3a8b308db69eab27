"""What the application does between windows: first run, unlock, lock, drafts, quitting.

One `AppController` per application. It owns the single worker (`TaskRunner`), the session
(the open workspace), the open editors (`EditorHost`) and the idle watcher, and decides which
window comes next:

    no workspace yet        -> first-run wizard
    a last workspace known  -> unlock dialog -> main window
    idle time / Ctrl+L      -> drafts kept, workspace closed, views cleared -> unlock dialog
    unlocked again          -> drafts offered back

Starting the application imports only what the unlock dialog needs. The main window, the
record editors, the first-run wizard, the preferences and the drafts' service are imported
where they are first used; once the unlock dialog is painted the worker imports what unlocking
will need (`gui/warm_up.py`), and the GUI thread waits for it before importing any of them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from pippi_desktop.domain.errors import PippiError
from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.editors.host import EditorHost
from pippi_desktop.gui.error_dialog import show_error
from pippi_desktop.gui.i18n import use_language
from pippi_desktop.gui.idle_watcher import IdleWatcher
from pippi_desktop.gui.operations import TaskRunner
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.settings import Settings
from pippi_desktop.gui.unlock_dialog import OTHER_WORKSPACE, UnlockDialog
from pippi_desktop.gui.warm_up import ModuleWarmUp
from pippi_desktop.services import workspace_probe
from pippi_desktop.services.changes import DataChanges

if TYPE_CHECKING:
    from pippi_desktop.domain.drafts import Draft
    from pippi_desktop.gui.first_run import FirstRunWizard
    from pippi_desktop.gui.main_window import MainWindow
    from pippi_desktop.gui.preferences_dialog import PreferencesDialog
    from pippi_desktop.services.open_workspace import OpenWorkspace


class AppController(QObject):
    quit_requested = Signal()
    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        app: QApplication,
        settings: Settings,
        *,
        clock: Callable[[], float] = time.time,
        idle_clock: Callable[[], float] = time.monotonic,
        remember_workspace: bool = True,
        default_parent: Path | None = None,
    ) -> None:
        super().__init__()
        self.app = app
        self.settings = settings
        self.clock = clock
        self.remember_workspace = remember_workspace
        self.default_parent = default_parent
        self.runner = TaskRunner(self)
        self.session = WorkspaceSession(self.runner, self)
        self.warm_up = ModuleWarmUp(self.runner)
        self.editors = EditorHost(self.session, self)  # the record editors: with the main window
        self.idle = IdleWatcher(
            app,
            timeout_seconds=settings.idle_lock_minutes * 60,
            clock=idle_clock,
            parent=self,
        )
        self.idle.idle.connect(self.lock)
        self.main_window: MainWindow | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.wizard: FirstRunWizard | None = None
        self.drafts_question: QMessageBox | None = None
        self.preferences_dialog: PreferencesDialog | None = None
        self._workspace_id: str | None = None
        self._locking = False

    # --- start --------------------------------------------------------------------------

    def start(self) -> None:
        """The first window: unlock the last workspace, or the first-run wizard."""
        last = self.settings.last_workspace
        if last is not None and last.exists():
            self.open_existing(last)
        else:
            self.show_first_run()

    def start_with(self, workspace: OpenWorkspace) -> None:
        """Open the main window on an already unlocked workspace (the demo)."""
        self._unlocked(workspace)

    # --- first run ----------------------------------------------------------------------

    def show_first_run(self) -> FirstRunWizard:
        self.warm_up.wait()
        from pippi_desktop.gui.first_run import FirstRunWizard

        wizard = FirstRunWizard(
            self.session, default_parent=self.default_parent, parent=self.shown_window()
        )
        wizard.finished.connect(lambda result: self._wizard_done(wizard, result))
        self.wizard = wizard
        wizard.show()
        return wizard

    def _wizard_done(self, wizard: FirstRunWizard, result: int) -> None:
        self.wizard = None
        created, existing = wizard.created, wizard.existing_path
        wizard.deleteLater()
        if result == QDialog.DialogCode.Accepted and created is not None:
            self._unlocked(created.workspace)
        elif result == QDialog.DialogCode.Accepted and existing is not None:
            self.open_existing(existing)
        elif created is not None:  # left after creating it: unlock it next time
            workspace = created.workspace
            self._remember(workspace.folder)
            self.session.call(None, workspace.close).success(
                lambda _none: self._after_cancel()
            ).run()
        else:
            self._after_cancel()

    def shown_window(self) -> MainWindow | None:
        """The main window if the user can see it (it may exist hidden, built during a KDF)."""
        window = self.main_window
        return window if window is not None and window.isVisible() else None

    def _after_cancel(self) -> None:
        if self.shown_window() is None:
            self.quit_requested.emit()
        elif not self.session.is_open:
            self.show_unlock_again()

    # --- unlock -------------------------------------------------------------------------

    def open_existing(self, path: Path) -> None:
        """Check `path` on the worker, then ask for its passphrase."""
        self.session.call(
            self.shown_window(), lambda: workspace_probe.probe_workspace(path)
        ).success(lambda found: self.show_unlock(found.path, found.workspace_id)).failure(
            self._cannot_open
        ).run()

    def _cannot_open(self, error: PippiError) -> None:
        box = show_error(self.shown_window(), error)
        if self.shown_window() is None:
            box.finished.connect(lambda _result: self.show_first_run())

    def show_unlock(self, path: Path, workspace_id: str) -> UnlockDialog:
        if self.unlock_dialog is not None:
            self.unlock_dialog.raise_()
            return self.unlock_dialog
        dialog = UnlockDialog(
            path,
            workspace_id,
            session=self.session,
            settings=self.settings,
            clock=self.clock,
            parent=self.shown_window(),
        )
        dialog.finished.connect(lambda result: self._unlock_done(dialog, result))
        dialog.first_painted.connect(self.warm_up.start)
        # while the KDF runs on the worker, build the main window (hidden) on the GUI thread:
        # once the passphrase is accepted only showing it is left
        dialog.unlock_started.connect(lambda: QTimer.singleShot(0, self.ensure_main_window))
        self.unlock_dialog = dialog
        dialog.open()
        return dialog

    def show_unlock_again(self) -> None:
        """The "Sblocca…" button of the locked window: the workspace that was open."""
        if self.session.path is not None and self._workspace_id is not None:
            self.show_unlock(self.session.path, self._workspace_id)

    def _unlock_done(self, dialog: UnlockDialog, result: int) -> None:
        self.unlock_dialog = None
        workspace = dialog.workspace
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted and workspace is not None:
            self._unlocked(workspace)
        elif result == OTHER_WORKSPACE:
            self.show_first_run()
        elif self.shown_window() is None:
            self.quit_requested.emit()

    def _unlocked(self, workspace: OpenWorkspace) -> None:
        if self.session.path is not None and self.session.path != workspace.folder:
            self.editors.discard_kept()
        self.session.attach(workspace)
        self._workspace_id = workspace.identity.workspace_id
        self._remember(workspace.folder)
        window = self.ensure_main_window()
        self.editors.editor_parent = window
        window.show()
        window.raise_()
        self.idle.start()
        self.editors.show_kept()
        self.offer_drafts()
        self.unlocked.emit()

    def _remember(self, path: Path) -> None:
        if self.remember_workspace:
            self.settings.last_workspace = path  # QSettings writes it from the event loop

    # --- main window --------------------------------------------------------------------

    def ensure_main_window(self) -> MainWindow:
        if self.main_window is None:
            self.warm_up.wait()
            from pippi_desktop.gui.editors.registry import register_record_editors
            from pippi_desktop.gui.main_window import MainWindow

            register_record_editors(self.editors)  # editors open from the window; drafts after
            window = MainWindow(self.session, self.settings)
            window.lock_requested.connect(self.lock)
            window.unlock_requested.connect(self.show_unlock_again)
            window.new_workspace_requested.connect(self.new_workspace)
            window.open_workspace_requested.connect(self.choose_workspace)
            window.preferences_requested.connect(self.show_preferences)
            window.close_handler = self._main_window_closing
            window.editor_host = self.editors
            self.main_window = window
        return self.main_window

    def new_workspace(self) -> None:
        self.lock(ask_passphrase=False)
        self.show_first_run()

    def choose_workspace(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.main_window, _("Apri un'area di lavoro"), str(self.session.path or "")
        )
        if folder:
            self.lock(ask_passphrase=False)
            self.open_existing(Path(folder))

    def show_preferences(self) -> PreferencesDialog:
        from pippi_desktop.gui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self.main_window)
        dialog.applied.connect(self.apply_settings)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.preferences_dialog = dialog
        dialog.open()
        return dialog

    def apply_settings(self) -> None:
        use_language(self.settings.language)
        self.idle.set_timeout(self.settings.idle_lock_minutes * 60)

    # --- lock ---------------------------------------------------------------------------

    def lock(self, *, ask_passphrase: bool = True) -> None:
        """Keep drafts, close the workspace (on the worker), clear the views, ask again."""
        if not self.session.is_open:
            return
        from pippi_desktop.services import draft_service

        self.idle.stop()
        if self.drafts_question is not None:
            self.drafts_question.close()
        drafts = self.editors.stash()
        workspace = self.session.detach()  # views clear now (session.closed)
        if workspace is None:
            return
        self._locking = True
        self.session.call(
            None, lambda: draft_service.keep_drafts_and_close(workspace, drafts)
        ).success(self._drafts_kept).finally_(self._lock_finished).run()
        self.locked.emit()
        if ask_passphrase:
            self.show_unlock_again()

    def _drafts_kept(self, written: set[str]) -> None:
        self.editors.close_stashed(written)

    def _lock_finished(self) -> None:
        self._locking = False

    @property
    def locking(self) -> bool:
        """True while drafts are written and the workspace closed on the worker."""
        return self._locking

    # --- drafts -------------------------------------------------------------------------

    def offer_drafts(self) -> None:
        from pippi_desktop.services import draft_service

        self.session.query(None, draft_service.list_drafts).success(self._offer).run()

    def _offer(self, drafts: list[Draft]) -> None:
        open_keys = {editor.draft_key() for editor in self.editors.editors()}
        offered = [d for d in drafts if self.editors.knows_kind(d.kind) and d.key not in open_keys]
        if not offered or self.main_window is None:
            return
        box = QMessageBox(self.main_window)
        box.setObjectName("draftsQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Modifiche non salvate"))
        box.setText(
            _(
                "Quando l'area di lavoro si è bloccata c'erano schede aperte con modifiche "
                "non salvate ({count}). Vuoi riaprirle per continuare?"
            ).format(count=len(offered))
        )
        box.setInformativeText("\n".join(f"• {d.title}" for d in offered))
        reopen = box.addButton(_("&Riapri"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(_("&Scarta le modifiche"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("Decidi &più tardi"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reopen)

        def answered() -> None:
            self.drafts_question = None
            if not self.session.is_open:
                return
            if box.clickedButton() is reopen:
                self.editors.restore(offered)
            elif box.clickedButton() is discard:
                ids = [d.draft_id for d in offered]

                def discard_all(ws: OpenWorkspace) -> None:
                    from pippi_desktop.services import draft_service

                    for draft_id in ids:
                        draft_service.discard_draft(ws, draft_id)

                self.session.write(None, discard_all, changes=DataChanges()).run()

        box.finished.connect(answered)
        self.drafts_question = box
        box.open()

    # --- quitting -----------------------------------------------------------------------

    def _main_window_closing(self) -> bool:
        """Closing the main window quits: keep drafts and close the workspace first."""
        self.close_workspace_now()
        self.quit_requested.emit()
        return True

    def close_workspace_now(self) -> None:
        """Keep the drafts and close the workspace, waiting for the worker (quitting)."""
        self.idle.stop()
        drafts = self.editors.stash()
        workspace = self.session.detach()
        self.runner.wait_until_idle()
        if workspace is not None:
            from pippi_desktop.services import draft_service

            draft_service.keep_drafts_and_close(workspace, drafts)
        self.editors.close_all()

    def shutdown(self) -> None:
        """Close every window and the workspace, and stop the worker (end of app or test)."""
        self.idle.dispose()
        self.runner.wait_until_idle()
        self.app.processEvents()  # results still on their way to the GUI thread
        created = self.wizard.created if self.wizard is not None else None
        for dialog in (
            self.unlock_dialog,
            self.wizard,
            self.drafts_question,
            self.preferences_dialog,
        ):
            if dialog is not None and shiboken6.isValid(dialog):
                dialog.blockSignals(True)
                dialog.close()
                dialog.deleteLater()
        self.unlock_dialog = self.wizard = self.drafts_question = self.preferences_dialog = None
        self.close_workspace_now()
        if created is not None and created.workspace.is_open:
            created.workspace.close()
        window, self.main_window = self.main_window, None
        if window is not None:
            window.close_handler = None
            window.close()
            window.deleteLater()
        self.runner.wait_until_idle()
