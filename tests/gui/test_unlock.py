"""Unlocking: wrong then right, caps lock, the backoff and its persistence, recovery."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pippi_desktop.domain.errors import WrongPassphrase, WrongRecoveryCode
from pippi_desktop.domain.i18n import Lang
from pippi_desktop.domain.unlock_backoff import FREE_ATTEMPTS, wait_after
from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.settings import Settings
from pippi_desktop.gui.unlock_dialog import UnlockDialog
from pippi_desktop.services.workspace_service import open_workspace
from tests.conftest import NEW_PASSPHRASE, PASSPHRASE
from tests.gui.conftest import ClosedWorkspace, FakeClock


def _start_unlock(
    controller: AppController, settings: Settings, path, qtbot: QtBot
) -> UnlockDialog:  # type: ignore[no-untyped-def]
    settings.last_workspace = path
    controller.start()
    qtbot.waitUntil(lambda: controller.unlock_dialog is not None)
    dialog = controller.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _try(dialog: UnlockDialog, qtbot: QtBot, passphrase: str) -> None:
    dialog.ui.passphraseEdit.setText(passphrase)
    qtbot.mouseClick(dialog.ui.unlockButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)


def test_a_wrong_passphrase_says_so_then_the_right_one_opens_the_main_window(
    controller: AppController, settings: Settings, closed_workspace: ClosedWorkspace, qtbot: QtBot
) -> None:
    dialog = _start_unlock(controller, settings, closed_workspace.path, qtbot)
    _try(dialog, qtbot, "non è questa la passphrase")
    assert dialog.ui.errorLabel.isVisible()
    assert dialog.ui.errorLabel.text() == WrongPassphrase().message(Lang.IT)
    assert settings.unlock_failures(closed_workspace.workspace_id).count == 1
    assert dialog.isVisible() and not controller.session.is_open

    dialog.ui.passphraseEdit.setText(PASSPHRASE)
    qtbot.keyClick(dialog.ui.passphraseEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.session.is_open, timeout=30_000)
    qtbot.waitUntil(
        lambda: controller.main_window is not None and controller.main_window.isVisible()
    )
    assert controller.unlock_dialog is None
    assert settings.unlock_failures(closed_workspace.workspace_id).count == 0
    assert controller.main_window.lock_label.text() == "Sbloccata"


def test_an_empty_passphrase_is_refused_without_running_the_kdf(
    controller: AppController, settings: Settings, closed_workspace: ClosedWorkspace, qtbot: QtBot
) -> None:
    dialog = _start_unlock(controller, settings, closed_workspace.path, qtbot)
    qtbot.mouseClick(dialog.ui.unlockButton, Qt.MouseButton.LeftButton)
    assert not dialog.busy
    assert dialog.ui.errorLabel.text() == "Scrivi la passphrase."
    assert settings.unlock_failures(closed_workspace.workspace_id).count == 0


def test_caps_lock_is_noticed_from_what_is_typed(
    controller: AppController, settings: Settings, closed_workspace: ClosedWorkspace, qtbot: QtBot
) -> None:
    dialog = _start_unlock(controller, settings, closed_workspace.path, qtbot)
    field = dialog.ui.passphraseEdit
    field.setFocus()
    qtbot.keyClick(field, "a")
    assert not dialog.caps_lock.caps_lock_on
    qtbot.keyClick(field, "A")  # upper case without Shift: Caps Lock is on
    assert dialog.caps_lock.caps_lock_on
    assert not dialog.ui.capsLockLabel.isHidden()
    qtbot.keyClick(field, "A", Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(field, "b")
    assert not dialog.caps_lock.caps_lock_on
    assert dialog.ui.capsLockLabel.isHidden()


def test_after_five_failures_each_try_waits_longer_even_in_a_new_dialog(
    controller: AppController,
    settings: Settings,
    closed_workspace: ClosedWorkspace,
    clock: FakeClock,
    qtbot: QtBot,
) -> None:
    dialog = _start_unlock(controller, settings, closed_workspace.path, qtbot)
    for attempt in range(FREE_ATTEMPTS):
        assert dialog.ui.unlockButton.isEnabled(), f"attempt {attempt + 1} should be free"
        _try(dialog, qtbot, f"sbagliata numero {attempt}")
        clock.advance(1)
    assert not dialog.ui.unlockButton.isEnabled()
    assert dialog.ui.waitLabel.isVisible()
    dialog.refresh_backoff()  # what the countdown timer does every second
    assert "0:14" in dialog.ui.waitLabel.text()  # 15 s from the 5th failure, 1 s ago

    # a new dialog (as after restarting the application) keeps the count and the wait
    fresh = UnlockDialog(
        closed_workspace.path,
        closed_workspace.workspace_id,
        session=controller.session,
        settings=Settings(settings.file_name),
        clock=clock,
    )
    qtbot.addWidget(fresh)
    assert not fresh.ui.unlockButton.isEnabled()
    fresh.ui.passphraseEdit.setText(PASSPHRASE)
    fresh.attempt()  # the Enter key while waiting: nothing runs
    assert not fresh.busy and not controller.session.is_open

    clock.advance(wait_after(FREE_ATTEMPTS))
    fresh.refresh_backoff()
    assert fresh.ui.unlockButton.isEnabled() and not fresh.ui.waitLabel.isVisible()

    _try(fresh, qtbot, "ancora sbagliata")  # the 6th failure: the next wait doubles
    assert fresh.remaining_wait() == wait_after(FREE_ATTEMPTS + 1) == 30
    clock.advance(30)
    fresh.refresh_backoff()
    _try(fresh, qtbot, PASSPHRASE)
    qtbot.waitUntil(lambda: fresh.result() == QDialog.DialogCode.Accepted)
    assert settings.unlock_failures(closed_workspace.workspace_id).count == 0
    fresh.workspace.close()


def test_forgotten_passphrase_recovered_with_the_code(
    controller: AppController, settings: Settings, closed_workspace: ClosedWorkspace, qtbot: QtBot
) -> None:
    dialog = _start_unlock(controller, settings, closed_workspace.path, qtbot)
    recovery = dialog.open_recovery()
    ui = recovery.ui
    ui.codeEdit.setText("ABCD-EFGH")  # a typo: said next to the code field
    ui.passphraseFields.ui.newEdit.setText(NEW_PASSPHRASE)
    ui.passphraseFields.ui.repeatEdit.setText(NEW_PASSPHRASE)
    qtbot.mouseClick(ui.recoverButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ui.codeErrorLabel.isVisible(), timeout=30_000)
    assert ui.codeErrorLabel.text() == WrongRecoveryCode("mistyped").message(Lang.IT)

    ui.codeEdit.setText(closed_workspace.recovery_code.lower())
    qtbot.mouseClick(ui.recoverButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.session.is_open, timeout=30_000)
    assert controller.main_window is not None and controller.main_window.isVisible()

    controller.shutdown()
    open_workspace(closed_workspace.path, passphrase=NEW_PASSPHRASE).close()


def test_another_workspace_from_the_unlock_dialog_opens_the_wizard(
    controller: AppController, settings: Settings, closed_workspace: ClosedWorkspace, qtbot: QtBot
) -> None:
    dialog = _start_unlock(controller, settings, closed_workspace.path, qtbot)
    qtbot.mouseClick(dialog.ui.otherWorkspaceButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.wizard is not None and controller.wizard.isVisible())


def test_a_missing_last_workspace_says_why_and_offers_the_first_run(
    controller: AppController, settings: Settings, qtbot: QtBot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    gone = tmp_path / "sparita.pippiws"
    gone.mkdir()
    settings.last_workspace = gone
    controller.start()
    from PySide6.QtWidgets import QApplication, QMessageBox

    qtbot.waitUntil(
        lambda: any(
            isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    [box] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert "non è un'area di lavoro" in box.text()
    box.buttons()[0].click()
    qtbot.waitUntil(lambda: controller.wizard is not None)


def test_cancelling_at_startup_quits_even_after_a_failed_try(
    controller: AppController, settings: Settings, closed_workspace: ClosedWorkspace, qtbot: QtBot
) -> None:
    quits: list[bool] = []
    controller.quit_requested.connect(lambda: quits.append(True))
    dialog = _start_unlock(controller, settings, closed_workspace.path, qtbot)
    _try(dialog, qtbot, "non è questa")  # the main window is built, hidden, during the KDF
    qtbot.waitUntil(lambda: controller.main_window is not None)
    assert not controller.main_window.isVisible()
    qtbot.mouseClick(dialog.ui.cancelButton, Qt.MouseButton.LeftButton)
    assert quits == [True]
