"""The warm-up: what unlocking needs, imported on the worker once the unlock dialog is painted.

Which modules it keeps off the path to the painted dialog is `tests/test_launch_imports.py`;
here, when it starts and what waiting for it means, with the real controller and worker.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.settings import Settings
from pippi_desktop.gui.warm_up import ModuleWarmUp
from tests.conftest import PASSPHRASE
from tests.gui.conftest import ClosedWorkspace


def test_it_starts_when_the_unlock_dialog_is_painted_and_unlocking_follows(
    controller: AppController, settings: Settings, closed_workspace: ClosedWorkspace, qtbot: QtBot
) -> None:
    assert not controller.warm_up.started  # building the controller imports nothing more
    settings.last_workspace = closed_workspace.path
    controller.start()
    qtbot.waitUntil(lambda: controller.unlock_dialog is not None)
    dialog = controller.unlock_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: controller.warm_up.done, timeout=30_000)  # painted, then imported

    dialog.ui.passphraseEdit.setText(PASSPHRASE)
    dialog.ui.unlockButton.click()
    qtbot.waitUntil(lambda: controller.session.is_open, timeout=30_000)
    assert controller.main_window is not None and controller.main_window.isVisible()


def test_it_runs_once_and_waiting_returns_when_it_is_over(
    controller: AppController, qtbot: QtBot
) -> None:
    warm_up = ModuleWarmUp(controller.runner, ["json", "pippi_desktop.gui.warm_up"])
    warm_up.wait()  # nothing started: returns at once
    assert not warm_up.done
    warm_up.start()
    warm_up.start()
    assert warm_up.started
    warm_up.wait()
    assert warm_up.done
    qtbot.waitUntil(lambda: controller.runner.pending_count() == 0)


def test_a_module_that_cannot_be_imported_only_ends_the_warm_up(
    controller: AppController, qtbot: QtBot
) -> None:
    warm_up = ModuleWarmUp(controller.runner, ["pippi_desktop.no_such_module"])
    warm_up.start()
    warm_up.wait()  # over, not hanging: the import that needs the module will say the rest
    assert warm_up.done
    qtbot.waitUntil(lambda: controller.runner.pending_count() == 0)
