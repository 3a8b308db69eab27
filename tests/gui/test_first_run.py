"""The first-run wizard end to end on a real disk: create, see the code, confirm it, open."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from pippi_desktop.domain.errors import WeakPassphrase
from pippi_desktop.domain.i18n import Lang
from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.first_run.pages import PAGE_CODE, PAGE_CONFIRM, PAGE_DETAILS, PAGE_PASSPHRASE
from pippi_desktop.gui.first_run.wizard import FirstRunWizard
from pippi_desktop.gui.settings import Settings
from pippi_desktop.services.workspace_service import open_workspace
from tests.conftest import PASSPHRASE
from tests.gui.conftest import ClosedWorkspace


def _click(wizard: FirstRunWizard, button: QWizard.WizardButton) -> None:
    wizard.button(button).click()


def _to_passphrase_page(wizard: FirstRunWizard, qtbot: QtBot, folder: Path) -> None:
    _click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == PAGE_DETAILS
    details = wizard.details_page.ui
    qtbot.keyClicks(details.nameEdit, "Educativa domiciliare - Ambito Valle Sud")
    details.folderEdit.setText(str(folder))
    _click(wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_PASSPHRASE)


def _type_passphrase(wizard: FirstRunWizard, qtbot: QtBot, first: str, second: str) -> None:
    fields = wizard.passphrase_page.ui.passphraseFields.ui
    fields.newEdit.clear()
    fields.repeatEdit.clear()
    qtbot.keyClicks(fields.newEdit, first)
    qtbot.keyClicks(fields.repeatEdit, second)


def test_first_run_creates_a_workspace_and_confirms_the_recovery_code(
    controller: AppController, settings: Settings, qtbot: QtBot, tmp_path: Path
) -> None:
    controller.start()  # no last workspace: the wizard
    wizard = controller.wizard
    assert wizard is not None and wizard.isVisible()
    folder = tmp_path / "educatrice.pippiws"
    _to_passphrase_page(wizard, qtbot, folder)
    page = wizard.passphrase_page
    fields = page.ui.passphraseFields

    # a weak passphrase: refused by the service, said next to the field, nothing on disk
    _type_passphrase(wizard, qtbot, "password123", "password123")
    assert fields.strength() == 0
    _click(wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: fields.ui.newErrorLabel.isVisible())
    assert fields.ui.newErrorLabel.text() == WeakPassphrase("common").message(Lang.IT)
    assert wizard.currentId() == PAGE_PASSPHRASE and not folder.exists()

    # two different passphrases: said next to the second field
    _type_passphrase(wizard, qtbot, PASSPHRASE, PASSPHRASE + "x")
    _click(wizard, QWizard.WizardButton.CommitButton)
    assert fields.ui.repeatErrorLabel.isVisible()
    assert wizard.currentId() == PAGE_PASSPHRASE

    # a good one: the KDF runs on the worker, then the code page
    _type_passphrase(wizard, qtbot, PASSPHRASE, PASSPHRASE)
    assert fields.strength() >= 2
    _click(wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_CODE, timeout=30_000)
    assert (folder / "keyslots.json").is_file() and (folder / "workspace.db").is_file()
    code = wizard.created.recovery_code
    shown = wizard.code_page.ui.codeLabel.text()
    assert shown.replace("\n", "  ").split() == code.split("-")

    # the code as a PDF, written atomically by the service
    pdf = tmp_path / "codice.pdf"
    wizard.code_page.save_pdf_to(pdf)
    qtbot.waitUntil(lambda: wizard.code_page.ui.statusLabel.isVisible())
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert all(group in text for group in code.split("-"))
    assert pdf.stat().st_mode & 0o077 == 0

    # confirmation refuses a wrong group and accepts the right one (any case)
    _click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == PAGE_CONFIRM
    confirm = wizard.confirm_page.ui
    wrong = "ZZZZ" if not code.endswith("ZZZZ") else "YYYY"
    qtbot.keyClicks(confirm.groupEdit, wrong)
    _click(wizard, QWizard.WizardButton.FinishButton)
    assert confirm.groupErrorLabel.isVisible()
    assert wizard.currentId() == PAGE_CONFIRM and wizard.isVisible()
    confirm.groupEdit.clear()
    qtbot.keyClicks(confirm.groupEdit, code.rsplit("-", 1)[-1].lower())
    _click(wizard, QWizard.WizardButton.FinishButton)

    qtbot.waitUntil(
        lambda: controller.main_window is not None and controller.main_window.isVisible()
    )
    assert controller.session.is_open
    assert controller.session.workspace.identity.role == "educator"
    assert settings.last_workspace == folder
    window = controller.main_window
    assert window.role_label.text() == "Educatore/educatrice domiciliare"
    assert "Ambito Valle Sud" in window.workspace_label.text()

    # the passphrase typed in the wizard opens the workspace for real
    controller.shutdown()
    with open_workspace(folder, passphrase=PASSPHRASE) as reopened:
        assert reopened.identity.name == "Educativa domiciliare - Ambito Valle Sud"


def test_details_are_checked_next_to_their_fields(
    controller: AppController, qtbot: QtBot, tmp_path: Path
) -> None:
    wizard = controller.show_first_run()
    _click(wizard, QWizard.WizardButton.NextButton)
    details = wizard.details_page.ui
    details.folderEdit.setText(str(tmp_path / "nuova.pippiws"))
    _click(wizard, QWizard.WizardButton.NextButton)
    assert details.nameErrorLabel.isVisible()
    assert "obbligatorio" in details.nameErrorLabel.text()
    assert wizard.currentId() == PAGE_DETAILS

    occupied = tmp_path / "piena.pippiws"
    occupied.mkdir()
    (occupied / "qualcosa.txt").write_text("x")
    qtbot.keyClicks(details.nameEdit, "Prova")
    details.folderEdit.setText(str(occupied))
    _click(wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: details.folderErrorLabel.isVisible())
    assert "non è vuota" in details.folderErrorLabel.text()
    assert wizard.currentId() == PAGE_DETAILS

    details.folderEdit.setText(str(tmp_path / "senza-suffisso"))
    _click(wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_PASSPHRASE)
    assert wizard.details_page.folder() == tmp_path / "senza-suffisso.pippiws"


def test_the_default_folder_is_a_new_pippiws_folder(
    controller: AppController, qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / "PIPPI.pippiws").mkdir()
    wizard = controller.show_first_run()
    _click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.details_page.ui.folderEdit.text() == str(tmp_path / "PIPPI-2.pippiws")


def test_opening_an_existing_workspace_leads_to_the_unlock_dialog(
    controller: AppController, closed_workspace: ClosedWorkspace, qtbot: QtBot, tmp_path: Path
) -> None:
    wizard = controller.show_first_run()
    start = wizard.start_page.ui
    start.openRadio.click()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    start.openPathEdit.setText(str(tmp_path))  # a folder, but not a workspace
    _click(wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: start.openErrorLabel.isVisible())
    assert "non è un'area di lavoro" in start.openErrorLabel.text()

    start.openPathEdit.setText(str(closed_workspace.path))
    _click(wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: controller.unlock_dialog is not None)
    assert controller.unlock_dialog.path == closed_workspace.path
    assert controller.wizard is None


def test_leaving_after_creation_warns_that_the_code_will_not_be_shown_again(
    controller: AppController, settings: Settings, qtbot: QtBot, tmp_path: Path
) -> None:
    quit_signals: list[bool] = []
    controller.quit_requested.connect(lambda: quit_signals.append(True))
    wizard = controller.show_first_run()
    folder = tmp_path / "lasciata.pippiws"
    _to_passphrase_page(wizard, qtbot, folder)
    _type_passphrase(wizard, qtbot, PASSPHRASE, PASSPHRASE)
    _click(wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_CODE, timeout=30_000)
    created = wizard.created.workspace

    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    box = wizard.leave_question
    assert isinstance(box, QMessageBox) and box.isVisible()
    [stay] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole]
    stay.click()
    assert wizard.isVisible() and wizard.currentId() == PAGE_CODE

    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    box = wizard.leave_question
    [leave] = [
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    ]
    leave.click()
    qtbot.waitUntil(lambda: quit_signals == [True])
    assert not created.is_open
    assert settings.last_workspace == folder
