"""Locking: Ctrl+L, the toolbar, the idle timer; an open editor's edits survive as a draft."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.idle_watcher import IdleWatcher
from pippi_desktop.services.changes import DataChanges
from pippi_desktop.services.open_workspace import OpenWorkspace
from pippi_desktop.storage.drafts import DRAFTS_DIR
from tests.conftest import PASSPHRASE
from tests.gui.conftest import FakeClock
from tests.gui.note_editor import NoteEditor

NOTE = "Il papà dice che Luca dorme meglio da quando"


@pytest.fixture
def unlocked(
    controller: AppController, new_workspace: Callable[..., OpenWorkspace], qtbot: QtBot
) -> OpenWorkspace:
    workspace = new_workspace("lavoro")
    controller.start_with(workspace)
    qtbot.waitUntil(
        lambda: controller.main_window is not None and controller.main_window.isVisible()
    )
    return workspace


def _drafts(workspace: OpenWorkspace) -> list[Path]:
    folder = workspace.folder / DRAFTS_DIR
    return sorted(folder.glob("*.draft")) if folder.is_dir() else []


def _unlock_with(controller: AppController, qtbot: QtBot, passphrase: str = PASSPHRASE) -> None:
    qtbot.waitUntil(lambda: controller.unlock_dialog is not None)
    dialog = controller.unlock_dialog
    dialog.ui.passphraseEdit.setText(passphrase)
    dialog.ui.unlockButton.click()
    qtbot.waitUntil(lambda: controller.session.is_open, timeout=30_000)


def _open_note(controller: AppController, qtbot: QtBot) -> NoteEditor:
    editor = NoteEditor(controller.main_window, controller.session)
    controller.editors.open_editor(editor)
    qtbot.keyClicks(editor.title_edit, "Visita di martedi")
    editor.text_edit.setPlainText(NOTE)
    return editor


def test_ctrl_l_locks_closes_the_workspace_and_clears_the_window(
    controller: AppController, unlocked: OpenWorkspace, qtbot: QtBot
) -> None:
    window = controller.main_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not controller.locking)
    assert not controller.session.is_open and not unlocked.is_open
    assert window.locked and window.lock_label.text() == "Bloccata"
    assert not window.role_label.isVisible()
    assert "Demo" not in window.windowTitle() and "Area lavoro" not in window.windowTitle()
    assert controller.unlock_dialog is not None and controller.unlock_dialog.isVisible()
    assert not window.ui.actionLock.isEnabled()

    _unlock_with(controller, qtbot)
    assert not window.locked and window.lock_label.text() == "Sbloccata"
    assert "Area lavoro" in window.workspace_label.text()


def test_the_toolbar_button_locks(
    controller: AppController, unlocked: OpenWorkspace, qtbot: QtBot
) -> None:
    window = controller.main_window
    button = window.ui.mainToolBar.widgetForAction(window.ui.actionLock)
    assert button.text() == "Blocca"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not unlocked.is_open)
    assert window.locked


def test_idle_time_locks_and_the_open_editor_comes_back_from_an_encrypted_draft(
    controller: AppController, unlocked: OpenWorkspace, qtbot: QtBot
) -> None:
    editor = _open_note(controller, qtbot)
    assert editor.has_unsaved_changes()

    controller.idle.set_timeout(0.05)  # the setting is in minutes; the watcher in seconds
    qtbot.waitUntil(lambda: not controller.session.is_open)
    qtbot.waitUntil(lambda: not controller.locking)
    assert not shiboken6.isValid(editor) or not editor.isVisible()
    [draft_file] = _drafts(unlocked)
    raw = draft_file.read_bytes()
    assert NOTE.encode() not in raw and b"martedi" not in raw

    controller.idle.set_timeout(300)
    _unlock_with(controller, qtbot)
    qtbot.waitUntil(lambda: controller.drafts_question is not None)
    box = controller.drafts_question
    assert "Visita di martedi" in box.informativeText()
    [reopen] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    reopen.click()
    qtbot.waitUntil(lambda: len(controller.editors.editors()) == 1)
    [restored] = controller.editors.editors()
    assert isinstance(restored, NoteEditor) and restored is not editor
    assert restored.isVisible()
    assert restored.text_edit.toPlainText() == NOTE
    assert restored.title_edit.text() == "Visita di martedi"
    assert len(_drafts(controller.session.workspace)) == 1  # until saved or discarded

    changes: list[DataChanges] = []
    controller.session.data_changed.connect(changes.append)
    restored.activateWindow()
    qtbot.waitUntil(restored.isActiveWindow)
    restored.text_edit.setFocus()
    qtbot.keyClick(restored.text_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: restored.saved_values == [("Visita di martedi", NOTE)])
    qtbot.waitUntil(lambda: _drafts(controller.session.workspace) == [])
    assert DataChanges.of("notes") in changes
    assert controller.editors.editors() == []


def test_an_editor_without_changes_leaves_no_draft(
    controller: AppController, unlocked: OpenWorkspace, qtbot: QtBot
) -> None:
    editor = NoteEditor(controller.main_window, controller.session)
    controller.editors.open_editor(editor)
    controller.lock()
    qtbot.waitUntil(lambda: not controller.locking)
    assert _drafts(unlocked) == []
    assert not shiboken6.isValid(editor) or not editor.isVisible()


def test_escape_asks_before_discarding_and_discarding_removes_the_draft(
    controller: AppController, unlocked: OpenWorkspace, qtbot: QtBot
) -> None:
    editor = _open_note(controller, qtbot)
    controller.lock()
    _unlock_with(controller, qtbot)
    qtbot.waitUntil(lambda: controller.drafts_question is not None)
    box = controller.drafts_question
    [reopen] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    reopen.click()
    qtbot.waitUntil(lambda: len(controller.editors.editors()) == 1)
    [editor] = controller.editors.editors()

    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Escape)
    question = editor.discard_question
    assert question is not None and question.isVisible() and editor.isVisible()
    [keep] = [
        b for b in question.buttons() if question.buttonRole(b) == QMessageBox.ButtonRole.RejectRole
    ]
    keep.click()
    assert editor.isVisible() and editor.title_edit.text() == "Visita di martedi"

    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Escape)
    question = editor.discard_question
    [discard] = [
        b
        for b in question.buttons()
        if question.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    ]
    discard.click()
    qtbot.waitUntil(lambda: not editor.isVisible())
    qtbot.waitUntil(lambda: _drafts(controller.session.workspace) == [])


def test_drafts_can_be_thrown_away_when_offered(
    controller: AppController, unlocked: OpenWorkspace, qtbot: QtBot
) -> None:
    _open_note(controller, qtbot)
    controller.lock()
    _unlock_with(controller, qtbot)
    qtbot.waitUntil(lambda: controller.drafts_question is not None)
    box = controller.drafts_question
    [discard] = [
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    ]
    discard.click()
    qtbot.waitUntil(lambda: _drafts(controller.session.workspace) == [])
    assert controller.editors.editors() == []


def test_quitting_keeps_the_drafts_too(
    controller: AppController, unlocked: OpenWorkspace, qtbot: QtBot
) -> None:
    _open_note(controller, qtbot)
    quits: list[bool] = []
    controller.quit_requested.connect(lambda: quits.append(True))
    controller.main_window.close()
    assert quits == [True]
    assert not unlocked.is_open
    assert len(_drafts(unlocked)) == 1


class _Sender(QObject):
    pass


def test_the_idle_watcher_sees_input_anywhere_and_only_input(app: QApplication) -> None:
    clock = FakeClock(0.0)
    watcher = IdleWatcher(app, timeout_seconds=60, clock=clock)
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    try:
        watcher.start()
        clock.advance(50)
        target = _Sender()
        QApplication.sendEvent(target, QEvent(QEvent.Type.Timer))  # not input
        assert watcher.idle_seconds() == 50
        QApplication.sendEvent(
            target,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a"),
        )
        assert watcher.idle_seconds() == 0
        clock.advance(59)
        watcher.check()
        assert fired == []
        clock.advance(1)
        watcher.check()
        assert fired == [True] and not watcher.running
    finally:
        watcher.dispose()
        watcher.deleteLater()


def test_changing_the_idle_minutes_applies_at_once(
    controller: AppController, unlocked: OpenWorkspace, qtbot: QtBot
) -> None:
    dialog = controller.show_preferences()
    dialog.ui.idleSpin.setValue(12)
    dialog.ui.saveButton.click()
    assert controller.idle.timeout_seconds == 12 * 60
    assert controller.settings.idle_lock_minutes == 12
