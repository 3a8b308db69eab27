"""The sync windows with real workspaces: trust set-up, sending, importing, devices, status.

Every service call runs on the real worker thread; tests wait for its result with
`qtbot.waitUntil`. Native file dialogs are not opened: the paths go into the fields the
"Sfoglia…" buttons fill.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pippi_desktop.domain.i18n import Lang
from pippi_desktop.domain.record_inputs import FamilyInput
from pippi_desktop.gui.i18n import use_language
from pippi_desktop.gui.operations import TaskRunner
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.sync.card_dialogs import (
    CardDialog,
    register_device_dialog,
    trust_office_dialog,
)
from pippi_desktop.gui.sync.common import FINGERPRINT_POINTS
from pippi_desktop.gui.sync.devices_dialog import DevicesDialog
from pippi_desktop.gui.sync.import_dialog import ImportDialog
from pippi_desktop.gui.sync.send_dialog import SendDialog
from pippi_desktop.gui.sync.status_label import SyncStatusLabel
from pippi_desktop.services import casefile_service, casefile_view, trust_service
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.storage.keyslots import ESCROW
from tests.gui.test_languages import (
    SAME_IN_BOTH,
    _not_words,
    clipped_widgets,
    stretched_language,
)
from tests.gui.window_walk import visible_texts


@pytest.fixture
def runner(app: QApplication) -> Iterator[TaskRunner]:
    made = TaskRunner()
    yield made
    made.wait_until_idle()


@pytest.fixture
def sessions(
    runner: TaskRunner, new_workspace: Callable[..., OpenWorkspace]
) -> Iterator[tuple[WorkspaceSession, WorkspaceSession]]:
    office = WorkspaceSession(runner)
    educator = WorkspaceSession(runner)
    office.attach(new_workspace("ufficio", role="office"))
    educator.attach(new_workspace("educatrice"))
    yield office, educator
    runner.wait_until_idle()
    office.detach()
    educator.detach()


def _open(qtbot: QtBot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _trust_through_dialogs(qtbot: QtBot, office, educator, folder: Path) -> None:
    card = _open(qtbot, CardDialog(session=office, kind="office"))
    card.ui.fileEdit.setText(str(folder / "ufficio.pippicard"))
    card.ui.writeButton.click()
    qtbot.waitUntil(lambda: card.written is not None)
    trust = _open(qtbot, trust_office_dialog(educator))
    trust.ui.fileEdit.setText(str(card.written.path))
    trust.load_card()
    qtbot.waitUntil(lambda: trust.card is not None)
    trust.ui.typedEdit.setText(card.written.fingerprint)
    trust.ui.confirmButton.click()
    qtbot.waitUntil(lambda: trust.completed)
    device = _open(qtbot, CardDialog(session=educator, kind="device"))
    device.ui.fileEdit.setText(str(folder / "dispositivo.pippicard"))
    device.ui.writeButton.click()
    qtbot.waitUntil(lambda: device.written is not None)
    register = _open(qtbot, register_device_dialog(office))
    register.ui.fileEdit.setText(str(device.written.path))
    register.load_card()
    qtbot.waitUntil(lambda: register.card is not None)
    register.ui.typedEdit.setText(device.written.fingerprint.lower())
    register.ui.educatorEdit.setText("Anna Bianchi")
    register.ui.confirmButton.click()
    qtbot.waitUntil(lambda: register.completed)


def test_trust_set_up_shows_large_fingerprints_and_refuses_a_wrong_one(
    qtbot: QtBot, sessions, tmp_path: Path
) -> None:
    office, educator = sessions
    card = _open(qtbot, CardDialog(session=office, kind="office"))
    card.ui.writeButton.click()  # no file given: said next to the field
    assert card.ui.errorLabel.isVisible() and card.written is None
    card.ui.fileEdit.setText(str(tmp_path / "ufficio.pippicard"))
    card.ui.writeButton.click()
    qtbot.waitUntil(lambda: card.written is not None)
    shown = card.ui.fingerprintLabel
    assert shown.isVisible() and shown.text() == card.written.fingerprint
    assert shown.font().pointSize() >= FINGERPRINT_POINTS and shown.font().fixedPitch()

    trust = _open(qtbot, trust_office_dialog(educator))
    assert not trust.ui.educatorEdit.isVisible()
    assert not trust.ui.confirmButton.isEnabled()
    trust.ui.fileEdit.setText(str(tmp_path / "nessuna.pippicard"))
    trust.load_card()
    qtbot.waitUntil(lambda: trust.ui.errorLabel.isVisible())
    trust.ui.fileEdit.setText(str(card.written.path))
    trust.load_card()
    qtbot.waitUntil(lambda: trust.card is not None)
    assert trust.ui.nameLabel.text() == "Area ufficio"
    assert trust.ui.fingerprintLabel.text() == card.written.fingerprint
    trust.ui.typedEdit.setText("AAAA BBBB CCCC DDDD EEEE FFFF")
    trust.ui.confirmButton.click()
    qtbot.waitUntil(lambda: trust.ui.errorLabel.isVisible())
    assert "impronta" in trust.ui.errorLabel.text() and not trust.completed
    assert not store_of(educator.workspace).keyslots.of_kind(ESCROW)
    trust.ui.typedEdit.setText(card.written.fingerprint.lower().replace(" ", ""))
    assert not trust.ui.errorLabel.isVisible()
    trust.ui.confirmButton.click()
    qtbot.waitUntil(lambda: trust.completed)
    assert "Area ufficio" in trust.ui.resultLabel.text()
    assert store_of(educator.workspace).keyslots.of_kind(ESCROW)

    device = _open(qtbot, CardDialog(session=educator, kind="device"))
    device.ui.fileEdit.setText(str(tmp_path / "dispositivo.pippicard"))
    device.ui.writeButton.click()
    qtbot.waitUntil(lambda: device.written is not None)
    register = _open(qtbot, register_device_dialog(office))
    assert register.ui.educatorEdit.isVisible()
    register.ui.fileEdit.setText(str(device.written.path))
    register.load_card()
    qtbot.waitUntil(lambda: register.card is not None)
    register.ui.typedEdit.setText(device.written.fingerprint)
    register.ui.confirmButton.click()  # no educator name
    qtbot.waitUntil(lambda: register.ui.errorLabel.isVisible())
    assert not register.completed
    register.ui.educatorEdit.setText("Anna Bianchi")
    register.ui.confirmButton.click()
    qtbot.waitUntil(lambda: register.completed)
    (registered,) = trust_service.list_devices(office.workspace)
    assert registered.educator == "Anna Bianchi"


def test_send_import_and_devices(qtbot: QtBot, sessions, tmp_path: Path) -> None:
    office, educator = sessions
    _trust_through_dialogs(qtbot, office, educator, tmp_path)
    casefile_service.save_record(educator.workspace, FamilyInput(implementation="PIPPI 13"))
    status = SyncStatusLabel(educator)
    qtbot.addWidget(status)
    status.refresh()
    qtbot.waitUntil(lambda: "modifiche da inviare" in status.text())
    assert status.text().startswith(str(status.status.pending_operations))

    stick = tmp_path / "chiavetta"
    stick.mkdir()
    send = _open(qtbot, SendDialog(session=educator))
    qtbot.waitUntil(lambda: send.status is not None)
    assert "Area ufficio" in send.ui.statusLabel.text() and send.ui.sendButton.isEnabled()
    send.ui.folderEdit.setText(str(tmp_path / "non-esiste"))
    send.ui.sendButton.click()
    assert send.ui.errorLabel.isVisible() and send.sent is None
    send.ui.folderEdit.setText(str(stick))
    send.ui.sendButton.click()
    qtbot.waitUntil(lambda: send.sent is not None)
    (bundle,) = stick.iterdir()
    assert str(bundle) in send.ui.resultLabel.text()
    qtbot.waitUntil(lambda: send.status is not None and send.status.pending_operations == 0)
    send.ui.sendButton.click()
    qtbot.waitUntil(lambda: not send.sent.written)
    assert "Nessuna modifica nuova" in send.ui.resultLabel.text()

    garbage = tmp_path / "rovinato.pippi"
    garbage.write_bytes(b"non sono un pacchetto")
    dialog = _open(qtbot, ImportDialog(session=office))
    assert not dialog.ui.previewButton.isEnabled()
    dialog.add_files([bundle, garbage])
    dialog.ui.previewButton.click()
    qtbot.waitUntil(lambda: bool(dialog.outcomes))
    kinds = [dialog.model.row_kind(row) for row in range(dialog.model.rowCount())]
    assert kinds[0] == ("would_apply", None) and kinds[-1] == ("rejected", None)
    assert any(status == "would_apply" and code for status, code in kinds)
    assert "nulla è stato cambiato" in dialog.ui.summaryLabel.text()
    assert casefile_view.count_families(office.workspace) == 0
    dialog.ui.importButton.click()
    qtbot.waitUntil(lambda: not dialog.previewed and dialog.outcomes[0].status == "applied")
    assert dialog.outcomes[1].reason == "not_a_bundle"
    assert casefile_view.count_families(office.workspace) == 1
    assert "importati: 1; rifiutati: 1" in dialog.ui.summaryLabel.text()

    devices = _open(qtbot, DevicesDialog(session=office))
    qtbot.waitUntil(lambda: devices.model.rowCount() == 1)
    assert devices.model.devices[0].last_seq == 1
    assert not devices.ui.revokeButton.isEnabled()
    devices.ui.devicesTable.selectRow(0)
    assert devices.ui.revokeButton.isEnabled()
    devices.ui.revokeButton.click()
    box = devices.confirmation
    assert isinstance(box, QMessageBox) and "Anna Bianchi" in box.text()
    revoke = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    revoke.click()
    qtbot.waitUntil(lambda: devices.model.rowCount() == 1 and devices.model.devices[0].revoked)
    assert devices.model.data(devices.model.index(0, 2)) == "revocato"


def test_the_sync_windows_speak_english_and_switch_while_open(
    qtbot: QtBot, sessions, app: QApplication
) -> None:
    office, educator = sessions
    send = _open(qtbot, SendDialog(session=educator))
    imports = _open(qtbot, ImportDialog(session=office))
    trust = _open(qtbot, trust_office_dialog(educator))
    card = _open(qtbot, CardDialog(session=office, kind="office"))
    devices = _open(qtbot, DevicesDialog(session=office))
    qtbot.waitUntil(lambda: send.status is not None)
    italian = [w.windowTitle() for w in (send, imports, trust, card, devices)]
    assert italian[0] == "Invia all'ufficio"
    try:
        use_language(Lang.EN)
        app.processEvents()
        english = [w.windowTitle() for w in (send, imports, trust, card, devices)]
        assert english == [
            "Send to the office",
            "Import bundles",
            "Trust the office",
            "Office card",
            "Registered devices",
        ]
        assert "trusted office" in send.ui.statusLabel.text()
        assert trust.ui.confirmButton.text() == "&Trust the office"
        horizontal, display = Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
        assert devices.model.headerData(0, horizontal, display) == "Educator"
    finally:
        use_language(Lang.IT)
        app.processEvents()
    assert send.windowTitle() == "Invia all'ufficio"


# --- both languages and room for longer texts (the checks of test_languages.py) -------------

NAMES = {"Area ufficio"}  # the name on a card is data, the same in both languages


def _sync_windows(qtbot: QtBot, office, educator, folder: Path) -> list[tuple[str, QWidget]]:
    """Every sync window in a state that shows most of its texts."""
    _trust_through_dialogs(qtbot, office, educator, folder)
    casefile_service.save_record(educator.workspace, FamilyInput())
    windows: list[tuple[str, QWidget]] = []
    card = _open(qtbot, CardDialog(session=office, kind="office"))
    card.ui.fileEdit.setText(str(folder / "di-nuovo.pippicard"))
    card.ui.writeButton.click()
    qtbot.waitUntil(lambda: card.written is not None)
    windows.append(("office card", card))
    device = _open(qtbot, CardDialog(session=educator, kind="device"))
    device.ui.writeButton.click()  # the error under the field
    windows.append(("device card", device))
    trust = _open(qtbot, trust_office_dialog(educator))
    trust.ui.fileEdit.setText(str(card.written.path))
    trust.load_card()
    qtbot.waitUntil(lambda: trust.card is not None)
    trust.ui.typedEdit.setText("0000")
    trust.ui.confirmButton.click()
    qtbot.waitUntil(lambda: trust.ui.errorLabel.isVisible())
    windows.append(("trust office", trust))
    register = _open(qtbot, register_device_dialog(office))
    windows.append(("register device", register))
    send = _open(qtbot, SendDialog(session=educator))
    send.ui.sendButton.click()
    qtbot.waitUntil(lambda: send.sent is not None and send.status is not None)
    windows.append(("send", send))
    imports = _open(qtbot, ImportDialog(session=office))
    imports.add_files([send.sent.file])
    imports.ui.previewButton.click()
    qtbot.waitUntil(lambda: bool(imports.outcomes))
    windows.append(("import", imports))
    devices = _open(qtbot, DevicesDialog(session=office))
    qtbot.waitUntil(lambda: devices.model.rowCount() == 1)
    windows.append(("devices", devices))
    for _name, window in windows:
        window.show()
    QApplication.processEvents()
    return windows


def test_every_sync_window_is_translated_and_switches_while_open(
    qtbot: QtBot, sessions, tmp_path: Path, app: QApplication
) -> None:
    office, educator = sessions
    windows = _sync_windows(qtbot, office, educator, tmp_path)
    italian = {name: visible_texts(window) for name, window in windows}
    try:
        use_language(Lang.EN)
        app.processEvents()
        english = {name: visible_texts(window) for name, window in windows}
    finally:
        use_language(Lang.IT)
        app.processEvents()
    problems = []
    for name, texts in italian.items():
        assert set(texts) == set(english[name]), name
        for key, text in texts.items():
            other = english[name][key]
            if not text.strip() or not other.strip():
                problems.append(f"{name} {key}: empty")
            elif text == other and text not in SAME_IN_BOTH | NAMES and not _not_words(text):
                problems.append(f"{name} {key}: not translated: {text!r}")
    assert not problems, "\n".join(problems)
    assert {name: visible_texts(window) for name, window in windows} == italian


@pytest.mark.parametrize("scale", [None, 1.3], ids=["as-is", "texts-30%-longer"])
def test_no_sync_window_is_clipped(
    qtbot: QtBot,
    sessions,
    tmp_path: Path,
    app: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    scale: float | None,
) -> None:
    office, educator = sessions
    try:
        if scale:
            stretched_language(tmp_path, monkeypatch)
        windows = _sync_windows(qtbot, office, educator, tmp_path)
        problems = [
            f"{name}: {problem}" for name, window in windows for problem in clipped_widgets(window)
        ]
    finally:
        use_language(Lang.IT)
    assert not problems, "\n".join(problems)
