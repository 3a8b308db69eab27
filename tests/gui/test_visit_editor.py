"""Visits from the window: add, edit, a mistake shown at its field, a draft kept over a lock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFormLayout, QMessageBox
from pytestqt.qtbot import QtBot

from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.editors.visit_editor import VisitEditor
from pippi_desktop.gui.main_window import MainWindow
from pippi_desktop.services import casefile_view
from pippi_desktop.services.open_workspace import OpenWorkspace
from pippi_desktop.storage.drafts import DRAFTS_DIR
from tests.conftest import PASSPHRASE
from tests.gui.casefile_fixtures import SampleFamily, make_family, open_family, open_window

NOTES = "Il papà dice che Nicolò dorme meglio da quando leggono insieme."


@pytest.fixture
def family_window(
    controller: AppController, new_workspace: Callable[..., OpenWorkspace], qtbot: QtBot
) -> tuple[MainWindow, OpenWorkspace, SampleFamily]:
    workspace = new_workspace("visite")
    family = make_family(workspace)
    window = open_window(controller, workspace, qtbot)
    open_family(window, family.family_id, qtbot)
    window.ui.caseFile.ui.tabs.setCurrentWidget(window.ui.caseFile.ui.visitsTab)
    return window, workspace, family


def _new_visit(controller: AppController, window: MainWindow, qtbot: QtBot) -> VisitEditor:
    tab = window.ui.caseFile.ui.visitsTabWidget
    assert tab.ui.stack.currentWidget() is tab.ui.listEmptyPage
    assert "Nessuna visita registrata" in tab.ui.listEmptyLabel.text()
    qtbot.mouseClick(tab.ui.newButton, Qt.MouseButton.LeftButton)
    [editor] = controller.editors.editors()
    assert isinstance(editor, VisitEditor) and editor.isVisible()
    qtbot.waitUntil(lambda: editor.is_loaded)
    return editor


def _ctrl_s(editor: VisitEditor, qtbot: QtBot) -> None:
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.ui.notesEdit.setFocus()
    qtbot.keyClick(editor.ui.notesEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_add_and_edit_a_visit(
    controller: AppController,
    family_window: tuple[MainWindow, OpenWorkspace, SampleFamily],
    qtbot: QtBot,
) -> None:
    window, workspace, family = family_window
    editor = _new_visit(controller, window, qtbot)
    ui = editor.ui
    assert editor.windowTitle() == f"Nuova visita – famiglia {family.code}"
    assert ui.dateEdit.displayFormat() == "dd/MM/yyyy"
    yesterday = date.today() - timedelta(days=1)
    ui.dateEdit.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    qtbot.keyClicks(ui.startTimeEdit, "16:30")
    ui.durationSpin.setValue(90)
    ui.placeCombo.setCurrentIndex(ui.placeCombo.findData("territorio"))
    ui.presentPeopleList.set_checked([family.mother, family.child])
    ui.presentEquipeList.set_checked([family.worker])
    ui.objectivesList.set_checked([family.objective])
    qtbot.keyClicks(ui.activitiesEdit, "Compiti e gioco al parco")
    ui.notesEdit.setPlainText(NOTES)
    assert editor.has_unsaved_changes()
    _ctrl_s(editor, qtbot)
    qtbot.waitUntil(lambda: not editor.isVisible())

    tab = window.ui.caseFile.ui.visitsTabWidget
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    [visit] = casefile_view.case_file(workspace, family.family_id).visits
    assert (visit.date, visit.start_time, visit.duration_minutes, visit.place) == (
        yesterday,
        "16:30",
        90,
        "territorio",
    )
    assert set(visit.present_people) == {family.mother, family.child}
    assert visit.present_equipe == (family.worker,) and visit.objectives == (family.objective,)
    assert visit.notes == NOTES
    assert tab.ui.stack.currentWidget() is tab.ui.tablePage
    assert "Compiti e gioco al parco" in tab.ui.preview.toPlainText()
    assert window.ui.familyList.model.summary(family.family_id).visits == 1  # the list refreshed

    tab.ui.table.selectRow(0)
    qtbot.mouseClick(tab.ui.editButton, Qt.MouseButton.LeftButton)
    [editor] = controller.editors.editors()
    qtbot.waitUntil(lambda: editor.is_loaded)
    assert editor.ui.notesEdit.toPlainText() == NOTES
    assert editor.windowTitle().startswith(f"Visita del {yesterday:%d/%m/%Y}")
    assert not editor.has_unsaved_changes()
    editor.ui.notesEdit.setPlainText(NOTES + " Prossima volta: la biblioteca.")
    editor.ui.presentPeopleList.set_checked([family.mother])
    _ctrl_s(editor, qtbot)
    qtbot.waitUntil(lambda: not editor.isVisible())
    qtbot.waitUntil(lambda: "biblioteca" in tab.ui.preview.toPlainText())
    [visit] = casefile_view.case_file(workspace, family.family_id).visits
    assert visit.present_people == (family.mother,) and visit.notes.endswith("biblioteca.")


def test_a_visit_in_the_future_is_refused_at_the_date_field(
    controller: AppController,
    family_window: tuple[MainWindow, OpenWorkspace, SampleFamily],
    qtbot: QtBot,
) -> None:
    window, workspace, family = family_window
    editor = _new_visit(controller, window, qtbot)
    tomorrow = date.today() + timedelta(days=1)
    editor.ui.dateEdit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    editor.ui.notesEdit.setPlainText("Visita anticipata")
    editor.save()
    qtbot.waitUntil(lambda: "date" in editor.errors.labels)
    label = editor.errors.labels["date"]
    assert label.text() == "La data del campo «Data» non può essere nel futuro."
    assert label.isVisible() and editor.isVisible()
    form: QFormLayout = editor.ui.visitForm
    date_row, _role = form.getWidgetPosition(editor.ui.dateEdit)
    assert form.getWidgetPosition(label)[0] == date_row + 1  # right under the field
    assert editor.ui.dateEdit.property("invalid") is True
    assert editor.ui.dateEdit.accessibleDescription() == label.text()
    assert editor.focusWidget() is editor.ui.dateEdit or editor.ui.dateEdit.isAncestorOf(
        editor.focusWidget()
    )
    assert casefile_view.case_file(workspace, family.family_id).visits == ()
    assert editor.findChild(QMessageBox) is None  # no dialog: the message is at the field

    editor.ui.dateEdit.setDate(QDate.currentDate())
    editor.save()
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert len(casefile_view.case_file(workspace, family.family_id).visits) == 1


def test_a_wrong_time_is_shown_at_its_field_too(
    controller: AppController,
    family_window: tuple[MainWindow, OpenWorkspace, SampleFamily],
    qtbot: QtBot,
) -> None:
    window, _workspace, _family = family_window
    editor = _new_visit(controller, window, qtbot)
    qtbot.keyClicks(editor.ui.startTimeEdit, "25:70")
    editor.save()
    qtbot.waitUntil(lambda: "start_time" in editor.errors.labels)
    assert "«Ora di inizio»" in editor.errors.message("start_time")
    editor.ui.startTimeEdit.setText("9.15")
    editor.save()
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert "start_time" not in editor.errors.labels


def _drafts(workspace: OpenWorkspace) -> list[Path]:
    folder = workspace.folder / DRAFTS_DIR
    return sorted(folder.glob("*.draft")) if folder.is_dir() else []


def test_a_visit_being_written_survives_the_auto_lock(
    controller: AppController,
    family_window: tuple[MainWindow, OpenWorkspace, SampleFamily],
    qtbot: QtBot,
) -> None:
    window, workspace, family = family_window
    editor = _new_visit(controller, window, qtbot)
    editor.ui.presentPeopleList.set_checked([family.child])
    editor.ui.notesEdit.setPlainText(NOTES)
    qtbot.keyClicks(editor.ui.startTimeEdit, "10:00")

    controller.idle.set_timeout(0.05)
    qtbot.waitUntil(lambda: not controller.session.is_open)
    qtbot.waitUntil(lambda: not controller.locking)
    assert window.ui.familyList.model.rowCount() == 0  # nothing of the workspace on screen
    assert window.ui.caseFile.data is None
    [draft] = _drafts(workspace)
    assert b"Nicol" not in draft.read_bytes() and b"dorme" not in draft.read_bytes()

    controller.idle.set_timeout(300)
    qtbot.waitUntil(lambda: controller.unlock_dialog is not None)
    controller.unlock_dialog.ui.passphraseEdit.setText(PASSPHRASE)
    controller.unlock_dialog.ui.unlockButton.click()
    qtbot.waitUntil(lambda: controller.drafts_question is not None, timeout=30_000)
    box = controller.drafts_question
    assert f"Nuova visita – famiglia {family.code}" in box.informativeText()
    [reopen] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    reopen.click()
    qtbot.waitUntil(lambda: len(controller.editors.editors()) == 1)
    [restored] = controller.editors.editors()
    assert isinstance(restored, VisitEditor) and restored is not editor
    qtbot.waitUntil(lambda: restored.is_loaded)
    assert restored.ui.notesEdit.toPlainText() == NOTES
    assert restored.ui.startTimeEdit.text() == "10:00"
    assert restored.ui.presentPeopleList.checked_ids() == [family.child]
    assert restored.has_unsaved_changes()
    restored.save()
    qtbot.waitUntil(lambda: not restored.isVisible())
    qtbot.waitUntil(lambda: _drafts(controller.session.workspace) == [])
    [visit] = casefile_view.case_file(controller.session.workspace, family.family_id).visits
    assert visit.notes == NOTES and visit.start_time == "10:00"
