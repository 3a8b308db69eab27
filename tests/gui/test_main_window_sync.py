"""The sync windows reached from the main window: the menu of each role, the status bar, locking.

The dialogs themselves are tested in `test_sync_dialogs.py`; here the educator's window and
the office's window open them from their menu, show what waits to be sent, and close them when
the workspace locks (no fingerprint or device list stays on screen).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pippi_desktop.domain.record_inputs import FamilyInput
from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.main_window import MainWindow
from pippi_desktop.gui.operations import TaskRunner
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.settings import Settings
from pippi_desktop.gui.sync.devices_dialog import DevicesDialog
from pippi_desktop.gui.sync.import_dialog import ImportDialog
from pippi_desktop.gui.sync.send_dialog import SendDialog
from pippi_desktop.services import casefile_service
from pippi_desktop.services.open_workspace import OpenWorkspace


@pytest.fixture
def educator_window(
    controller: AppController, new_workspace: Callable[..., OpenWorkspace], qtbot: QtBot
) -> MainWindow:
    controller.start_with(new_workspace("educatrice"))
    qtbot.waitUntil(
        lambda: controller.main_window is not None and controller.main_window.isVisible()
    )
    assert controller.main_window is not None
    return controller.main_window


@pytest.fixture
def office_window(
    app: QApplication,
    settings: Settings,
    new_workspace: Callable[..., OpenWorkspace],
    qtbot: QtBot,
) -> Iterator[MainWindow]:
    runner = TaskRunner()
    session = WorkspaceSession(runner)
    session.attach(new_workspace("ufficio", role="office"))
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    runner.wait_until_idle()
    app.processEvents()
    workspace = session.detach()
    if workspace is not None:
        workspace.close()


def _shown(window: MainWindow) -> dict[str, bool]:
    return {
        action.objectName(): action.isVisible() and action.isEnabled()
        for actions in window.sync_actions().values()
        for action in actions
    }


def test_the_educator_sends_from_the_menu_and_sees_what_waits(
    controller: AppController, educator_window: MainWindow, qtbot: QtBot
) -> None:
    window = educator_window
    shown = _shown(window)
    assert shown == {
        "actionSendBundle": True,
        "actionTrustOffice": True,
        "actionDeviceCard": True,
        "actionImportBundles": False,
        "actionDevices": False,
        "actionOfficeCard": False,
        "actionRegisterDevice": False,
    }
    assert window.ui.menuSync.title() == "&Sincronizzazione"

    casefile_service.save_record(
        controller.session.workspace, FamilyInput(implementation="PIPPI 13")
    )
    window.sync_label.refresh()
    qtbot.waitUntil(lambda: "modifiche da inviare" in window.sync_label.text())
    assert window.sync_label.status is not None
    assert window.sync_label.status.pending_operations > 0
    assert "ufficio di fiducia" in window.sync_label.toolTip()  # no office trusted yet

    window.ui.actionSendBundle.trigger()
    (dialog,) = window.open_sync_dialogs
    assert isinstance(dialog, SendDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.status is not None)
    assert not dialog.ui.sendButton.isEnabled()  # nothing can be sent before the trust set-up

    controller.lock()
    qtbot.waitUntil(lambda: not controller.locking)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # closed and deleted
    assert window.open_sync_dialogs == []
    assert window.sync_label.text() == ""
    assert not any(_shown(window).values())
    window.ui.actionSendBundle.trigger()  # disabled: nothing opens
    assert window.open_sync_dialogs == []


def test_the_office_imports_and_sees_its_devices_from_the_menu(
    office_window: MainWindow, qtbot: QtBot
) -> None:
    window = office_window
    shown = _shown(window)
    assert shown["actionImportBundles"] and shown["actionDevices"]
    assert shown["actionOfficeCard"] and shown["actionRegisterDevice"]
    assert not shown["actionSendBundle"] and not shown["actionTrustOffice"]
    assert window.sync_label.text() == ""  # an office sends nothing

    window.ui.actionImportBundles.trigger()
    (importer,) = window.open_sync_dialogs
    assert isinstance(importer, ImportDialog) and importer.isVisible()
    importer.reject()
    qtbot.waitUntil(lambda: window.open_sync_dialogs == [])

    window.ui.actionDevices.trigger()
    (devices,) = window.open_sync_dialogs
    assert isinstance(devices, DevicesDialog)
    qtbot.waitUntil(lambda: devices.model.rowCount() == 0 and devices.isVisible())
    devices.accept()
    qtbot.waitUntil(lambda: window.open_sync_dialogs == [])
