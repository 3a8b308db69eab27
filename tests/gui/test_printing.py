"""The *Stampa* menu on real demo families: every sheet written, read back and handed to a viewer.

The save dialog and the system viewer are the two things a test cannot click: `Printer.ask`
answers with a path in the test folder (and records the name it was offered), `open_file`
records the file instead of opening it. The PDF itself is really built on the worker, written
and read back with pypdf.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pippi_desktop.domain.dates import long_date
from pippi_desktop.domain.errors import InvalidFile
from pippi_desktop.domain.i18n import Lang
from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.main_window import MainWindow
from pippi_desktop.services import casefile_view
from pippi_desktop.services.demo_data import fill_demo_data
from pippi_desktop.services.open_workspace import OpenWorkspace
from tests.gui.casefile_fixtures import open_family, open_window


class Answers:
    """Stands in for the save dialog and the viewer; remembers what it was offered."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.offered: list[Path] = []
        self.opened: list[Path] = []
        self.target: Path | None = None  # None: save under the offered name in `folder`

    def ask(self, _parent: QWidget, _title: str, suggested: Path) -> Path | None:
        self.offered.append(suggested)
        return self.target or self.folder / suggested.name

    def open_file(self, path: Path) -> None:
        self.opened.append(path)


@pytest.fixture
def demo(new_workspace: Callable[..., OpenWorkspace]) -> OpenWorkspace:
    workspace = new_workspace("stampe")
    fill_demo_data(workspace, 3, seed=5)
    return workspace


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _print(window: MainWindow, action: QAction, answers: Answers, qtbot: QtBot) -> Path:
    window.update_print_actions()
    assert action.isEnabled(), action.objectName()
    before = len(answers.opened)
    with qtbot.waitSignal(window.printer.printed, timeout=30_000):
        action.trigger()
    assert len(answers.opened) == before + 1
    return answers.opened[-1]


def test_every_sheet_is_printed_from_the_menu_and_opened(
    controller: AppController, demo: OpenWorkspace, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(controller, demo, qtbot)
    answers = Answers(tmp_path)
    window.printer.ask = answers.ask
    window.printer.open_file = answers.open_file
    ui = window.ui
    actions = [
        ui.actionPrintVisit,
        ui.actionPrintTriangle,
        ui.actionPrintAttendance,
        ui.actionPrintReport,
        ui.actionPrintBlankTriangle,
    ]
    window.update_print_actions()
    assert not any(action.isEnabled() for action in actions)  # no family open yet

    families = casefile_view.list_families(demo)
    family = next(f for f in families if f.visits > 1 and f.assessments)
    case = casefile_view.case_file(demo, family.id)
    assert case.group_sessions
    open_family(window, family.id, qtbot)
    qtbot.waitUntil(lambda: window.ui.caseFile.data is not None)
    surnames = {person.family_name for person in case.members}

    visits = ui.caseFile.ui.visitsTabWidget
    older = sorted(case.visits, key=lambda visit: visit.date)[0]
    visits.select_id(older.id)  # the chosen visit, not the latest
    sheet = _print(window, ui.actionPrintVisit, answers, qtbot)
    assert family.code in _text(sheet) and long_date(older.date) in _text(sheet)

    triangle = _print(window, ui.actionPrintTriangle, answers, qtbot)
    assert family.code in _text(triangle)
    register = _print(window, ui.actionPrintAttendance, answers, qtbot)
    assert "Registro" in _text(register) or "registro" in _text(register).lower()
    report = _print(window, ui.actionPrintReport, answers, qtbot)
    assert family.code in _text(report) and len(PdfReader(report).pages) > 1
    blank = _print(window, ui.actionPrintBlankTriangle, answers, qtbot)
    assert "Salute e crescita" in _text(blank)

    # the same sheets from the "Stampa…" button of their tab, for the record chosen there
    newest = max(case.visits, key=lambda visit: visit.date)
    visits.select_id(newest.id)
    with qtbot.waitSignal(window.printer.printed, timeout=30_000):
        visits.ui.printButton.click()
    assert long_date(newest.date) in _text(answers.opened[-1])
    assessments = ui.caseFile.ui.assessmentsTabWidget
    with qtbot.waitSignal(window.printer.printed, timeout=30_000):
        assessments.ui.printButton.click()
    with qtbot.waitSignal(window.printer.printed, timeout=30_000):
        ui.caseFile.ui.groupsTabWidget.ui.printButton.click()
    assert ui.caseFile.ui.microProjectTabWidget.ui.printButton.isHidden()  # no sheet of its own

    written = [sheet, triangle, register, report, blank]
    assert len(set(written)) == 5 and all(path.parent == tmp_path for path in written)
    for offered in answers.offered:  # names say the kind and the code or the date, never a name
        assert offered.suffix == ".pdf"
        assert not any(surname in offered.name for surname in surnames)
        assert offered.parent.is_dir()
    assert family.code in sheet.name and family.code in report.name
    assert window.settings.last_print_folder == tmp_path  # offered again next time
    assert window.printer.default_folder() == tmp_path
    for path in written:
        assert path.stat().st_mode & 0o077 == 0  # owner-only, like every file we write


def test_a_folder_that_cannot_be_written_is_said_in_a_dialog(
    controller: AppController, demo: OpenWorkspace, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(controller, demo, qtbot)
    answers = Answers(tmp_path)
    answers.target = tmp_path / "non-esiste" / "relazione.pdf"
    window.printer.ask = answers.ask
    window.printer.open_file = answers.open_file
    (family, *_rest) = casefile_view.list_families(demo)
    open_family(window, family.id, qtbot)
    qtbot.waitUntil(lambda: window.ui.caseFile.data is not None)
    window.update_print_actions()
    with qtbot.waitSignal(window.printer.failed, timeout=30_000):
        window.ui.actionPrintReport.trigger()
    box = window.findChild(QMessageBox, "errorDialog")
    assert box is not None and box.isVisible()
    assert box.text() == InvalidFile("output_unwritable").message(Lang.IT)  # the one sentence
    assert "Traceback" not in box.text() and answers.opened == []
    assert not answers.target.parent.exists()
    box.close()
    assert not window.printer.busy


def test_nothing_can_be_printed_while_locked(
    controller: AppController, demo: OpenWorkspace, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(controller, demo, qtbot)
    (family, *_rest) = casefile_view.list_families(demo)
    open_family(window, family.id, qtbot)
    qtbot.waitUntil(lambda: window.ui.caseFile.data is not None)
    window.update_print_actions()
    assert window.ui.actionPrintReport.isEnabled()
    controller.lock()
    qtbot.waitUntil(lambda: not controller.locking)
    window.update_print_actions()
    assert not window.ui.actionPrintReport.isEnabled()
    assert not window.print_document(lambda: None)
