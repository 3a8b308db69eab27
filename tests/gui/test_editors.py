"""The other editors on real workspaces: a group session across families, the phase of the
pathway, a micro-project objective, and the optional date field's keyboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.editors.family_editor import FamilyEditor
from pippi_desktop.gui.editors.group_session_editor import GroupSessionEditor
from pippi_desktop.gui.editors.micro_project_editor import MicroProjectEditor
from pippi_desktop.gui.main_window import MainWindow
from pippi_desktop.gui.widgets.date_fields import OptionalDateField
from pippi_desktop.services import casefile_view
from pippi_desktop.services.open_workspace import OpenWorkspace
from tests.conftest import PASSPHRASE
from tests.gui.casefile_fixtures import SampleFamily, make_family, open_family, open_window


@pytest.fixture
def two_families(
    controller: AppController, new_workspace: Callable[..., OpenWorkspace], qtbot: QtBot
) -> tuple[MainWindow, OpenWorkspace, SampleFamily, SampleFamily]:
    workspace = new_workspace("gruppi")
    first = make_family(workspace)
    second = make_family(workspace, surname="Gallo", child_name="Sofia")
    window = open_window(controller, workspace, qtbot)
    open_family(window, first.family_id, qtbot)
    return window, workspace, first, second


def _only_editor(controller: AppController, kind: type) -> QWidget:
    [editor] = [e for e in controller.editors.editors() if isinstance(e, kind)]
    return editor


def test_a_group_session_with_people_of_two_families(
    controller: AppController,
    two_families: tuple[MainWindow, OpenWorkspace, SampleFamily, SampleFamily],
    qtbot: QtBot,
) -> None:
    window, workspace, first, second = two_families
    view = window.ui.caseFile
    view.ui.tabs.setCurrentWidget(view.ui.groupsTab)
    tab = view.ui.groupsTabWidget
    assert "Premi «Nuovo incontro»" in tab.ui.listEmptyLabel.text()
    qtbot.mouseClick(tab.ui.newButton, Qt.MouseButton.LeftButton)
    editor = _only_editor(controller, GroupSessionEditor)
    qtbot.waitUntil(lambda: editor.is_loaded)
    qtbot.keyClicks(editor.ui.topicEdit, "Le routine della sera")
    editor.ui.facilitatorsEdit.setPlainText("Anna Bianchi\nLuca Verdi")

    invite = editor.open_invite()  # opens on this family's code
    qtbot.waitUntil(lambda: invite.ui.memberList.count() == 2)
    invite.ui.memberList.set_checked([first.mother])
    invite.ui.addButton.click()
    invite.ui.searchEdit.clear()
    qtbot.keyClicks(invite.ui.searchEdit, "gallo")
    invite.search()
    qtbot.waitUntil(
        lambda: (
            invite.ui.familyList.count() == 1
            and invite.ui.memberList.count() == 2
            and second.mother in invite.ui.memberList.item_ids()
        )
    )
    invite.ui.memberList.set_checked([second.mother, second.child])
    invite.ui.addButton.click()
    assert "Invitate 2 persone" in invite.ui.resultLabel.text()
    invite.close()
    assert [pid for pid, _s in editor.attendance()] == [first.mother, second.mother, second.child]
    status: QComboBox = editor.ui.attendanceTable.cellWidget(2, 2)
    status.setCurrentIndex(status.findData("giustificato"))
    editor.save()
    qtbot.waitUntil(lambda: not editor.isVisible())

    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    [participation] = casefile_view.case_file(workspace, first.family_id).group_sessions
    session = participation.session
    assert session.topic == "Le routine della sera"
    assert session.facilitators == ("Anna Bianchi", "Luca Verdi")
    _, attendance, people = casefile_view.group_session(workspace, session.id)
    assert {(a.person_id, a.status) for a in attendance} == {
        (first.mother, "presente"),
        (second.mother, "presente"),
        (second.child, "giustificato"),
    }
    assert {p.family_id for p in people.values()} == {first.family_id, second.family_id}
    assert "Maria: presente" in tab.model.data(tab.model.index(0, 3))

    tab.ui.table.selectRow(0)
    tab.edit_selected()
    editor = _only_editor(controller, GroupSessionEditor)
    qtbot.waitUntil(lambda: editor.is_loaded)
    assert {pid for pid, _s in editor.attendance()} == {first.mother, second.mother, second.child}
    row = [pid for pid, _s in editor.attendance()].index(second.mother)
    editor.ui.attendanceTable.selectRow(row)
    editor.remove_selected()
    editor.save()
    qtbot.waitUntil(lambda: not editor.isVisible())
    _, attendance, _ = casefile_view.group_session(workspace, session.id)
    assert {a.person_id for a in attendance} == {first.mother, second.child}  # a tombstone


def test_changing_the_phase_adds_a_dated_step_to_the_pathway(
    controller: AppController,
    two_families: tuple[MainWindow, OpenWorkspace, SampleFamily, SampleFamily],
    qtbot: QtBot,
) -> None:
    window, workspace, first, _second = two_families
    summary = window.ui.caseFile.ui.summaryTabWidget
    qtbot.mouseClick(summary.ui.changePhaseButton, Qt.MouseButton.LeftButton)
    editor = _only_editor(controller, FamilyEditor)
    qtbot.waitUntil(lambda: editor.is_loaded)
    assert editor.ui.codeEdit.isReadOnly() and editor.ui.codeEdit.text() == first.code
    assert editor.focusWidget() is not editor.ui.codeEdit
    saved = casefile_view.case_file(workspace, first.family_id).phases[-1]
    assert editor.ui.phaseDateEdit.iso() == saved.date.isoformat()  # when it was reached
    editor.ui.phaseCombo.setCurrentIndex(editor.ui.phaseCombo.findData("progetto_quadro"))
    assert editor.ui.phaseDateEdit.iso() == date.today().isoformat()  # a new step: today
    when = date.today() - timedelta(days=3)
    editor.ui.phaseDateEdit.setDate(QDate(when.year, when.month, when.day))
    editor.save()
    qtbot.waitUntil(lambda: not editor.isVisible())
    qtbot.waitUntil(lambda: "Progetto Quadro" in window.ui.caseFile.ui.phaseLabel.text())
    phases = casefile_view.case_file(workspace, first.family_id).phases
    assert (phases[-1].phase, phases[-1].date) == ("progetto_quadro", when)
    reached = summary.ui.timeline.reached()
    assert reached["progetto_quadro"] == when.strftime("%d/%m/%Y")


def test_a_micro_project_objective_needs_its_sub_dimension(
    controller: AppController,
    two_families: tuple[MainWindow, OpenWorkspace, SampleFamily, SampleFamily],
    qtbot: QtBot,
) -> None:
    window, workspace, first, _second = two_families
    view = window.ui.caseFile
    view.ui.tabs.setCurrentWidget(view.ui.microProjectTab)
    tab = view.ui.microProjectTabWidget
    assert tab.model.rowCount() == 1
    qtbot.mouseClick(tab.ui.newButton, Qt.MouseButton.LeftButton)
    editor = _only_editor(controller, MicroProjectEditor)
    qtbot.waitUntil(lambda: editor.is_loaded)
    editor.ui.objectiveEdit.setPlainText("Fa i compiti da solo tre giorni su cinque")
    editor.save()
    qtbot.waitUntil(lambda: "subdimension" in editor.errors.labels)
    assert "«Sottodimensione»" in editor.errors.message("subdimension")
    combo = editor.ui.subdimensionCombo
    combo.setCurrentIndex(combo.findData("bambino.apprendimento"))
    editor.ui.responsiblePeopleList.set_checked([first.mother])
    editor.save()
    qtbot.waitUntil(lambda: not editor.isVisible())
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    items = casefile_view.case_file(workspace, first.family_id).micro_project
    added = next(i for i in items if i.subdimension == "bambino.apprendimento")
    assert added.responsible_people == (first.mother,) and added.child_id == first.child
    assert added.verification_status == "da_verificare"


def test_the_family_open_before_a_lock_comes_back_after_unlocking(
    controller: AppController,
    two_families: tuple[MainWindow, OpenWorkspace, SampleFamily, SampleFamily],
    qtbot: QtBot,
) -> None:
    window, _workspace, first, _second = two_families
    controller.lock()
    qtbot.waitUntil(lambda: not controller.locking)
    assert window.ui.caseFile.data is None and window.ui.familyList.model.rowCount() == 0
    qtbot.waitUntil(lambda: controller.unlock_dialog is not None)
    controller.unlock_dialog.ui.passphraseEdit.setText(PASSPHRASE)
    controller.unlock_dialog.ui.unlockButton.click()
    qtbot.waitUntil(lambda: window.ui.caseFile.data is not None, timeout=30_000)
    assert window.ui.caseFile.family_id == first.family_id
    assert window.ui.caseFileStack.currentWidget() is window.ui.caseFilePage


def test_an_optional_date_starts_from_today_and_can_be_emptied(app: object, qtbot: QtBot) -> None:
    field = OptionalDateField()
    qtbot.addWidget(field)
    field.show()
    assert field.is_empty() and field.iso() is None and field.text() == "—"
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Up)  # the first step goes to today
    assert field.date() == QDate.currentDate()
    field.lineEdit().selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.is_empty()
    qtbot.keyClicks(field, "0")
    assert not field.is_empty() and field.date().year() == QDate.currentDate().year()
    field.set_iso("2026-03-05")
    assert field.text() == "05/03/2026" and field.iso() == "2026-03-05"
