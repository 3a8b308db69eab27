"""The File menu's keys and copies (issue 13): change passphrase, new recovery code, backup,
restore — real windows, the real worker, real workspace files; a screenshot of each window.

Screenshots go to `PIPPI_SCREENSHOT_DIR` when set (to look at them), else to the test's folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pippi_desktop.domain.errors import InvalidFile, WrongPassphrase
from pippi_desktop.domain.i18n import Lang
from pippi_desktop.domain.record_inputs import FamilyInput
from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.i18n import use_language
from pippi_desktop.gui.keys.backup_dialogs import BackupDialog, RestoreDialog
from pippi_desktop.gui.keys.passphrase_dialogs import ChangePassphraseDialog, NewRecoveryCodeDialog
from pippi_desktop.gui.main_window import MainWindow
from pippi_desktop.gui.sync.card_dialogs import trust_office_dialog
from pippi_desktop.services import casefile_service, trust_service
from pippi_desktop.services.open_workspace import OpenWorkspace, store_of
from pippi_desktop.storage import key_wrap
from pippi_desktop.storage import keyslots as ks
from pippi_desktop.storage.backup import SEAL_BYTES
from tests.conftest import NEW_PASSPHRASE, PASSPHRASE


def _shot(dialog: QDialog, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PIPPI_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    assert dialog.grab().save(str(path))
    return path


@pytest.fixture
def window(
    controller: AppController, new_workspace: Callable[..., OpenWorkspace], qtbot: QtBot
) -> MainWindow:
    workspace = new_workspace("chiavi")
    casefile_service.save_record(workspace, FamilyInput(implementation="PIPPI 13"))
    controller.start_with(workspace)
    qtbot.waitUntil(
        lambda: controller.main_window is not None and controller.main_window.isVisible()
    )
    assert controller.main_window is not None
    return controller.main_window


def _open(window: MainWindow, action_name: str, kind: type[QDialog]) -> QDialog:
    action = getattr(window.key_actions, action_name)
    assert action.isEnabled()
    action.trigger()
    (dialog,) = [d for d in window.open_sync_dialogs if isinstance(d, kind)]
    return dialog


def _finished(qtbot: QtBot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)


def test_the_file_menu_offers_keys_and_copies(
    window: MainWindow, controller: AppController, qtbot: QtBot
) -> None:
    texts = [action.text() for action in window.ui.menuFile.actions()]
    for text in (
        "Cambia &passphrase…",
        "Nuovo &codice di recupero…",
        "&Backup…",
        "&Ripristina un backup…",
    ):
        assert text in texts
    assert texts.index("&Ripristina un backup…") < texts.index(window.ui.actionQuit.text())
    use_language(Lang.EN)
    try:
        qtbot.waitUntil(
            lambda: window.key_actions.change_passphrase.text() == "Change &passphrase…"
        )
    finally:
        use_language(Lang.IT)
    controller.lock()
    assert not window.key_actions.change_passphrase.isEnabled()
    assert not window.key_actions.backup.isEnabled()
    assert window.key_actions.restore.isEnabled()  # a restore makes a new folder


def test_change_the_passphrase(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _open(window, "change_passphrase", ChangePassphraseDialog)
    assert isinstance(dialog, ChangePassphraseDialog)
    qtbot.waitExposed(dialog)
    _shot(dialog, "cambia-passphrase", tmp_path)
    workspace = window.session.workspace
    before = bytes(ks.unlock_with_passphrase(store_of(workspace).keyslots, PASSPHRASE))

    dialog.current.setText("non è quella giusta")
    dialog.fields.ui.newEdit.setText(NEW_PASSPHRASE)
    dialog.fields.ui.repeatEdit.setText(NEW_PASSPHRASE)
    dialog.action_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=60_000)
    assert dialog.error_label.text() == WrongPassphrase().message(Lang.IT)

    dialog.current.setText(PASSPHRASE)
    dialog.action_button.click()
    qtbot.waitUntil(lambda: dialog.result_label.isVisible(), timeout=60_000)
    assert "chiave dei dati sostituita" in dialog.result_label.text()
    assert "Il codice di recupero resta valido" in dialog.result_label.text()
    assert not dialog.code.isVisible()  # a code of today's kind follows the new key
    _shot(dialog, "cambia-passphrase-fatto", tmp_path)
    slots, _mac = ks.load(store_of(workspace).layout.keyslots)
    with pytest.raises(WrongPassphrase):
        ks.unlock_with_passphrase(slots, PASSPHRASE)
    after = bytes(ks.unlock_with_passphrase(slots, NEW_PASSPHRASE))
    assert after != before
    assert dialog.close_button.text() == "&Chiudi" and not dialog.action_button.isEnabled()
    dialog.close_button.click()


def test_a_new_recovery_code_is_shown_once(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _open(window, "new_recovery_code", NewRecoveryCodeDialog)
    assert isinstance(dialog, NewRecoveryCodeDialog)
    qtbot.waitExposed(dialog)
    _shot(dialog, "nuovo-codice", tmp_path)
    dialog.current.setText(PASSPHRASE)
    dialog.action_button.click()
    qtbot.waitUntil(lambda: dialog.code.isVisible(), timeout=60_000)
    code = dialog.recovery_code
    assert code is not None and key_wrap.parse_recovery_code(code)
    assert dialog.code.code_label.text().replace("\n", "  ").split() == code.split("-")
    _shot(dialog, "nuovo-codice-mostrato", tmp_path)
    slots, _mac = ks.load(store_of(window.session.workspace).layout.keyslots)
    assert ks.unlock_with_recovery_code(slots, code)
    pdf = tmp_path / "codice.pdf"
    dialog.code.save_pdf_to(pdf)
    qtbot.waitUntil(lambda: pdf.exists() and dialog.code.status.isVisible(), timeout=30_000)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_mode & 0o077 == 0
    dialog.close_button.click()


def test_backup_and_restore_from_the_menu(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    backup = _open(window, "backup", BackupDialog)
    assert isinstance(backup, BackupDialog)
    qtbot.waitExposed(backup)
    _shot(backup, "backup", tmp_path)
    target = tmp_path / "copia.pippibak"
    backup.file_edit.setText(str(target))
    backup.action_button.click()
    qtbot.waitUntil(lambda: backup.result_label.isVisible(), timeout=60_000)
    assert target.exists() and str(target) in backup.result_label.text()
    backup.file_edit.setText(str(target))
    backup.close_button.click()

    restore = _open(window, "restore", RestoreDialog)
    assert isinstance(restore, RestoreDialog)
    qtbot.waitExposed(restore)
    _shot(restore, "ripristina", tmp_path)
    restored = tmp_path / "ripristinata.pippiws"
    restore.file_edit.setText(str(target))
    restore.folder_edit.setText(str(restored))
    restore.passphrase.setText("non è quella giusta")
    restore.action_button.click()
    qtbot.waitUntil(lambda: restore.error_label.isVisible(), timeout=60_000)
    assert not restored.exists()
    restore.passphrase.setText(PASSPHRASE)
    restore.action_button.click()
    qtbot.waitUntil(lambda: restore.result_label.isVisible(), timeout=60_000)
    assert (restored / "workspace.db").exists() and "incarnazione 2" in restore.result_label.text()
    restore.close_button.click()


def _tampered(source: Path, target: Path, *, version: int = 2) -> None:
    data = source.read_bytes()
    _magic, _version, length = struct.unpack_from(">8sBI", data)
    header = json.loads(data[13 : 13 + length])
    body = bytearray(data[13 + length : len(data) - SEAL_BYTES])
    body[len(body) // 2] ^= 1
    header["db_sha256"] = hashlib.sha256(body).hexdigest()
    raw = json.dumps(header, sort_keys=True).encode()
    seal = data[-SEAL_BYTES:] if version == 2 else b""
    target.write_bytes(struct.pack(">8sBI", b"PIPPIBAK", version, len(raw)) + raw + body + seal)


def test_a_modified_or_old_backup_is_explained(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    good = tmp_path / "buono.pippibak"
    from pippi_desktop.services.workspace_service import backup_workspace

    backup_workspace(window.session.workspace, good)
    forged = tmp_path / "alterato.pippibak"
    _tampered(good, forged)
    restore = _open(window, "restore", RestoreDialog)
    assert isinstance(restore, RestoreDialog)
    restore.file_edit.setText(str(forged))
    restore.folder_edit.setText(str(tmp_path / "no.pippiws"))
    restore.passphrase.setText(PASSPHRASE)
    restore.action_button.click()
    qtbot.waitUntil(lambda: restore.error_label.isVisible(), timeout=60_000)
    assert restore.error_label.text() == InvalidFile("backup_tampered").message(Lang.IT)
    assert not (tmp_path / "no.pippiws").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".restore-")]

    data = good.read_bytes()
    old = tmp_path / "vecchio.pippibak"
    old.write_bytes(data[:8] + bytes([1]) + data[9:-SEAL_BYTES])
    restore.file_edit.setText(str(old))
    restore.action_button.click()
    qtbot.waitUntil(lambda: restore.old_format.isVisible(), timeout=60_000)
    _shot(restore, "ripristina-vecchio-formato", tmp_path)
    restore.old_format.setChecked(True)
    restore.action_button.click()
    qtbot.waitUntil(lambda: restore.result_label.isVisible(), timeout=60_000)
    assert (tmp_path / "no.pippiws" / "workspace.db").exists()
    restore.close_button.click()


def test_the_trust_dialog_says_plainly_that_the_office_can_reopen_the_data(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = window.open_sync_dialog(lambda: trust_office_dialog(window.session, window))
    assert dialog is not None
    qtbot.waitExposed(dialog)
    notice = dialog.findChild(type(dialog.ui.introLabel), "escrowLabel")
    assert notice is not None and notice.isVisible()
    assert notice.text() == trust_service.ESCROW_NOTICE.translated(Lang.IT)
    assert "in qualsiasi momento" in notice.text()
    _shot(dialog, "fidati-ufficio", tmp_path)
    dialog.reject()


def test_the_windows_close_when_the_workspace_locks(
    window: MainWindow, controller: AppController
) -> None:
    _open(window, "change_passphrase", ChangePassphraseDialog)
    _open(window, "backup", BackupDialog)
    controller.lock()
    assert window.open_sync_dialogs == []
