"""The case file of the open family: its tabs, what a change refreshes, deleting with a question."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from pippi_desktop.domain.record_inputs import DispositivoInput, VisitInput
from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.editors.person_editor import PersonEditor
from pippi_desktop.gui.main_window import MainWindow
from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services import casefile_view
from pippi_desktop.services.changes import DataChanges
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from tests.gui.casefile_fixtures import SampleFamily, make_family, open_family, open_window


@pytest.fixture
def opened(
    controller: AppController, new_workspace: Callable[..., OpenWorkspace], qtbot: QtBot
) -> tuple[MainWindow, OpenWorkspace, SampleFamily]:
    workspace = new_workspace("cartella")
    family = make_family(workspace)
    cs.save_record(
        workspace,
        VisitInput(family_id=family.family_id, date="2026-01-10", place="casa", notes="Prima"),
    )
    window = open_window(controller, workspace, qtbot)
    open_family(window, family.family_id, qtbot)
    return window, workspace, family


def test_the_summary_shows_members_equipe_and_the_pathway(
    opened: tuple[MainWindow, OpenWorkspace, SampleFamily],
) -> None:
    window, _workspace, family = opened
    view = window.ui.caseFile
    assert view.ui.titleLabel.text() == f"{family.code} · Esposito"
    assert "Costituzione dell'équipe" in view.ui.phaseLabel.text()
    summary = view.ui.summaryTabWidget
    members = summary.members.model
    assert [members.data(members.index(r, 0)) for r in range(2)] == [
        "Maria Esposito",
        "Nicolò Esposito",
    ]
    assert members.data(members.index(1, 1)) == "Figlio"
    assert summary.equipe.model.data(summary.equipe.model.index(0, 0)) == (
        "Anna Bianchi (responsabile del caso)"
    )
    assert summary.ui.dispositiviEmptyLabel.isVisible()
    assert "Nessun dispositivo attivato" in summary.ui.dispositiviEmptyLabel.text()
    timeline = summary.ui.timeline
    first_marker, first_name, first_date = timeline.rows[0]
    assert first_marker.text() == "●" and first_date.isVisible() and first_date.text()
    assert first_name.font().bold()  # the current phase
    assert timeline.rows[-1][0].text() == "○" and not timeline.rows[-1][2].isVisible()


def test_a_change_refreshes_only_the_tabs_it_touches(
    opened: tuple[MainWindow, OpenWorkspace, SampleFamily], qtbot: QtBot
) -> None:
    window, workspace, family = opened
    view = window.ui.caseFile
    loads = view.loads
    visits = window.ui.caseFile.ui.visitsTabWidget
    editor = PersonEditor(window, window.session)
    editor.start_new(view.data)
    window.open_editor(editor)
    editor.ui.givenNameEdit.setText("Luca")
    editor.save()
    qtbot.waitUntil(lambda: view.loads > loads)
    now = {tab.objectName(): tab.data for tab in view.tabs}
    # a person appears in the summary, visits (names of those present), groups, assessments
    # and the micro-project; every tab shows people, so all took the new data
    assert all(now[name] is view.data for name in now)
    loads = view.loads
    cs.save_record(workspace, DispositivoInput(family_id=family.family_id, kind="gruppi"))
    # as an import would announce it
    window.session.data_changed.emit(DataChanges.of("dispositivo", family_ids=[family.family_id]))
    qtbot.waitUntil(lambda: view.loads > loads)
    assert view.ui.summaryTabWidget.data is view.data
    assert visits.data is not view.data  # visits show no dispositivi: left alone
    assert view.ui.summaryTabWidget.dispositivi.model.rowCount() == 1


def _confirm(window: MainWindow, qtbot: QtBot, *, delete: bool) -> None:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "deleteQuestion") is not None)
    box = window.findChild(QMessageBox, "deleteQuestion")
    assert box.isVisible()
    button = box.findChild(QPushButton, "confirmDeleteButton")
    if delete:
        button.click()
    else:
        [keep] = [
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole
        ]
        keep.click()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "deleteQuestion") is None)


def test_deleting_asks_first_and_leaves_a_tombstone(
    opened: tuple[MainWindow, OpenWorkspace, SampleFamily], qtbot: QtBot
) -> None:
    window, workspace, family = opened
    view = window.ui.caseFile
    view.ui.tabs.setCurrentWidget(view.ui.visitsTab)
    tab = view.ui.visitsTabWidget
    assert tab.model.rowCount() == 1
    tab.ui.table.selectRow(0)
    qtbot.mouseClick(tab.ui.deleteButton, Qt.MouseButton.LeftButton)
    box = window.findChild(QMessageBox, "deleteQuestion")
    assert box.text() == "Eliminare la visita del 10/01/2026?"
    _confirm(window, qtbot, delete=False)  # "Annulla": nothing happens
    controller_idle = window.session.runner.wait_until_idle
    controller_idle()
    assert len(casefile_view.case_file(workspace, family.family_id).visits) == 1

    tab.ui.table.setFocus()
    qtbot.keyClick(tab.ui.table, Qt.Key.Key_Delete)  # the Delete key asks too
    _confirm(window, qtbot, delete=True)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    assert tab.ui.stack.currentWidget() is tab.ui.listEmptyPage
    assert casefile_view.case_file(workspace, family.family_id).visits == ()
    with store_of(workspace).read() as connection:
        deleted = connection.execute(text("SELECT deleted FROM visits")).scalar_one()
    assert deleted  # a tombstone, not a removed row


def test_deleting_the_family_closes_its_case_file(
    opened: tuple[MainWindow, OpenWorkspace, SampleFamily], qtbot: QtBot
) -> None:
    window, workspace, family = opened
    qtbot.mouseClick(window.ui.caseFile.ui.deleteFamilyButton, Qt.MouseButton.LeftButton)
    assert family.code in window.findChild(QMessageBox, "deleteQuestion").text()
    _confirm(window, qtbot, delete=True)
    qtbot.waitUntil(lambda: window.ui.caseFileStack.currentWidget() is window.ui.caseFileEmptyPage)
    qtbot.waitUntil(lambda: window.ui.familyList.model.total == 0)
    assert casefile_view.list_families(workspace) == []
