"""`pippi-desktop --screenshot DIR [--lang en]`: one PNG of each window, offscreen.

A fresh demo workspace (temporary folder, synthetic data from `services.demo_data`) and
temporary settings, so the user's own preferences and workspaces are never touched. The main
window is saved at 1366×768, the size of the usual field laptop, on a family whose child has
T0, T1 and T2 (so the triangle shows all three); dialogs at their own size.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pippi_desktop.domain.i18n import Lang

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from pippi_desktop.gui.case_file.case_file_view import CaseFileView
    from pippi_desktop.gui.controller import AppController
    from pippi_desktop.gui.editors.base import EditorDialog
    from pippi_desktop.gui.family_list_pane import FamilyListPane
    from pippi_desktop.gui.main_window import MainWindow
    from pippi_desktop.services.open_workspace import OpenWorkspace

DEMO_FAMILIES = 24

LAPTOP_SCREEN = (
    '{"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, '
    '"logicalDpiX": 96, "logicalDpiY": 96, "logicalBaseDpi": 96, "dpr": 1}]}'
)


def _use_offscreen_laptop_screen(folder: Path) -> None:
    """Offscreen Qt with one 1366×768 screen (its default screen is 800×800)."""
    config = folder / "offscreen-screen.json"
    config.write_text(LAPTOP_SCREEN, encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def _quiet_offscreen_warnings() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "This plugin does not support" in message:
            return
        print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _settle(controller: AppController, done: Callable[[], bool]) -> None:
    """Run the worker and the event loop until `done()` (the screenshots wait for data)."""
    from PySide6.QtWidgets import QApplication

    for _ in range(500):
        if done():
            return
        controller.runner.wait_until_idle()
        QApplication.processEvents()
    raise RuntimeError("the window never showed its data")


def _family_with_three_time_points(workspace: OpenWorkspace) -> str:
    """A demo family one of whose children was assessed at T0, T1 and T2."""
    from pippi_desktop.services import casefile_view

    best = None
    for summary in casefile_view.list_families(workspace):
        if {"T0", "T1", "T2"} <= set(summary.assessments):
            return summary.id
        best = best or summary.id
    if best is None:
        raise RuntimeError("no demo family")
    return best


def _choose_t2(view: CaseFileView) -> None:
    tab = view.ui.assessmentsTabWidget
    for row in range(tab.model.rowCount()):
        record = tab.model.record(row)
        if record is not None and record.time_point == "T2":
            tab.ui.table.selectRow(row)
            return


def _row_of(pane: FamilyListPane, family_id: str) -> int:
    """The family's row in the list (-1 while the list is not there yet)."""
    return pane.model.row_of(family_id) if pane.model is not None else -1


def _editors(controller: AppController, window: MainWindow) -> list[tuple[EditorDialog, str]]:
    """A visit, an assessment (at a sub-dimension with an objective) and the family, open."""
    from pippi_desktop.gui.editors.assessment_editor import AssessmentEditor
    from pippi_desktop.gui.editors.family_editor import FamilyEditor
    from pippi_desktop.gui.editors.visit_editor import VisitEditor

    data = window.ui.caseFile.data
    assert data is not None
    case_file = data.case_file
    session = controller.session
    shots: list[tuple[EditorDialog, str]] = []
    visit = VisitEditor(window, session)
    visit.start_edit(data, max(case_file.visits, key=lambda v: v.date))
    shots.append((visit, "visit-editor"))
    assessment = AssessmentEditor(window, session)
    latest = max(case_file.assessments, key=lambda a: a.date)
    assessment.start_edit(data, latest)
    marked = [i.subdimension for i in case_file.micro_project if i.child_id == latest.child_id]
    assessment.show_subdimension(marked[0] if marked else latest.entries[0].subdimension)
    shots.append((assessment, "assessment-editor"))
    family = FamilyEditor(window, session)
    family.start_edit(data, case_file.family)
    _settle(controller, lambda: family.is_loaded)
    shots.append((family, "family-editor"))
    return shots


def save_screenshots(out_dir: str | Path, *, lang: Lang) -> int:
    screen_dir = Path(tempfile.mkdtemp(prefix="pippi-screen-"))
    _use_offscreen_laptop_screen(screen_dir)
    _quiet_offscreen_warnings()
    from PySide6.QtCore import QSize

    from pippi_desktop.gui.app import prepare_application
    from pippi_desktop.gui.controller import AppController
    from pippi_desktop.gui.first_run.pages import (
        PAGE_CODE,
        PAGE_CONFIRM,
        PAGE_DETAILS,
        PAGE_PASSPHRASE,
        PAGE_START,
    )
    from pippi_desktop.gui.first_run.wizard import FirstRunWizard
    from pippi_desktop.gui.i18n import use_language
    from pippi_desktop.gui.settings import Settings
    from pippi_desktop.gui.unlock_dialog import UnlockDialog
    from pippi_desktop.services.demo_data import fill_demo_data
    from pippi_desktop.services.demo_service import create_demo_workspace

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = prepare_application()
    use_language(lang)
    saved: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        widget.show()
        app.processEvents()
        target = out / f"{name}-{lang!s}.png"
        widget.grab().save(str(target))
        saved.append(target)

    with tempfile.TemporaryDirectory(prefix="pippi-shots-") as tmp:
        settings = Settings(Path(tmp) / "settings.ini")
        controller = AppController(
            app, settings, remember_workspace=False, default_parent=Path(tmp)
        )
        try:
            demo = create_demo_workspace(Path(tmp))
            fill_demo_data(demo.workspace, DEMO_FAMILIES, seed=7)
            family_id = _family_with_three_time_points(demo.workspace)
            controller.start_with(demo.workspace)
            window = controller.ensure_main_window()
            window.resize(QSize(1366, 768))
            pane = window.ui.familyList
            _settle(controller, lambda: _row_of(pane, family_id) >= 0)
            pane.ui.familyTable.selectRow(_row_of(pane, family_id))
            view = window.ui.caseFile
            _settle(controller, lambda: view.data is not None)
            grab(window, "main-window")
            for tab, name in (
                (view.ui.visitsTab, "case-file-visits"),
                (view.ui.groupsTab, "case-file-groups"),
                (view.ui.assessmentsTab, "case-file-assessments"),
                (view.ui.microProjectTab, "case-file-micro-project"),
            ):
                view.ui.tabs.setCurrentWidget(tab)
                if tab is view.ui.assessmentsTab:
                    _choose_t2(view)
                grab(window, name)
            view.ui.tabs.setCurrentWidget(view.ui.summaryTab)
            for editor, name in _editors(controller, window):
                grab(editor, name)
                editor.close_for_lock()
                editor.deleteLater()
            about = window.show_about()
            grab(about, "about-dialog")
            about.close()
            preferences = controller.show_preferences()
            grab(preferences, "preferences-dialog")
            preferences.close()

            wizard = FirstRunWizard(controller.session, default_parent=Path(tmp))
            for page_id, name in (
                (PAGE_START, "wizard-1-start"),
                (PAGE_DETAILS, "wizard-2-details"),
                (PAGE_PASSPHRASE, "wizard-3-passphrase"),
                (PAGE_CODE, "wizard-4-recovery-code"),
                (PAGE_CONFIRM, "wizard-5-confirm"),
            ):
                wizard.show_page_for_screenshot(page_id)
                if page_id == PAGE_CODE:
                    wizard.code_page.set_code(demo.recovery_code)
                grab(wizard, name)
            wizard.close()
            wizard.deleteLater()

            controller.lock(ask_passphrase=False)
            controller.runner.wait_until_idle()
            app.processEvents()
            grab(window, "main-window-locked")
            unlock = UnlockDialog(
                demo.path,
                "screenshot",
                session=controller.session,
                settings=settings,
                parent=None,
            )
            grab(unlock, "unlock-dialog")
            recovery = unlock.open_recovery()
            grab(recovery, "recovery-dialog")
            recovery.close()
            unlock.close()
            unlock.deleteLater()
        finally:
            controller.shutdown()
            app.processEvents()
    shutil.rmtree(screen_dir, ignore_errors=True)
    for path in saved:
        print(path)
    return 0
