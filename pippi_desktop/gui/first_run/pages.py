"""The pages of the first-run wizard, each drawn in its own `ui/wizard_*_page.ui`.

Checks that need a service (is this a workspace? can a workspace be made here? create it)
run on the worker: `validatePage` starts the check and answers "not yet"; when the check
succeeds the page moves the wizard on itself (`_checked` remembers what was checked).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QStandardPaths
from PySide6.QtGui import QFontDatabase
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QLabel, QWizard, QWizardPage

from pippi_desktop.domain.errors import (
    InvalidRecord,
    PippiError,
    TargetNotEmpty,
    WeakPassphrase,
    WorkspaceProblem,
)
from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.error_dialog import show_error
from pippi_desktop.gui.forms.ui_wizard_code_page import Ui_WizardCodePage
from pippi_desktop.gui.forms.ui_wizard_confirm_page import Ui_WizardConfirmPage
from pippi_desktop.gui.forms.ui_wizard_details_page import Ui_WizardDetailsPage
from pippi_desktop.gui.forms.ui_wizard_passphrase_page import Ui_WizardPassphrasePage
from pippi_desktop.gui.forms.ui_wizard_start_page import Ui_WizardStartPage
from pippi_desktop.gui.i18n import current_lang
from pippi_desktop.gui.recovery_sheet import code_lines, print_recovery_sheet, recovery_sheet_pdf
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.services import file_output, workspace_probe, workspace_service

if TYPE_CHECKING:
    from pippi_desktop.services.workspace_service import CreatedWorkspace

PAGE_START, PAGE_DETAILS, PAGE_PASSPHRASE, PAGE_CODE, PAGE_CONFIRM = range(5)


def show_field_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


class PageForm(Protocol):
    """What every compiled page form has (each page declares its own form's class)."""

    def retranslateUi(self, page: QWizardPage) -> None: ...


class _Page(QWizardPage):
    """A page with a form, a session and the "check on the worker, then go on" pattern.

    Pages say `ready()` (may Next/Finish be pressed?) and call `refresh_complete()` when that
    may have changed; a check running on the worker holds the buttons too.
    """

    ui: PageForm

    def __init__(self, session: WorkspaceSession) -> None:
        super().__init__()
        self.session = session
        self._checked: object = None
        self._checking = False

    def ready(self) -> bool:
        """Whether Next/Finish may be pressed (besides a check running)."""
        return True

    def refresh_complete(self) -> None:
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.ready() and not self._checking

    def retranslate(self) -> None:
        """Texts computed in code (besides the form's own)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.retranslate()
        super().changeEvent(event)

    def check_then_continue(
        self,
        what: object,
        call: Callable[[], object],
        *,
        on_error: Callable[[PippiError], None],
        on_value: Callable[[Any], None] | None = None,
        busy: Callable[[bool], None] | None = None,
    ) -> bool:
        """validatePage helper: True when `what` was already checked, else start the check."""
        if self._checked == what:
            return True
        if self._checking:
            return False

        def passed(value: object) -> None:
            if on_value is not None:
                on_value(value)
            self._checked = what
            wizard = self.wizard()
            if wizard.currentPage() is self:
                if self.nextId() == -1:
                    wizard.accept()
                else:
                    wizard.next()

        def set_busy(flag: bool) -> None:
            self._checking = flag
            self.refresh_complete()
            if busy is not None:
                busy(flag)

        self.session.call(self, call).busy(set_busy).success(passed).failure(on_error).run()
        return False

    @property
    def checking(self) -> bool:
        return self._checking


class StartPage(_Page):
    ui: Ui_WizardStartPage

    def __init__(self, session: WorkspaceSession) -> None:
        super().__init__(session)
        self.ui = Ui_WizardStartPage()
        self.ui.setupUi(self)
        show_field_error(self.ui.openErrorLabel, "")
        self.ui.createRadio.toggled.connect(self._mode_changed)
        self.ui.openPathEdit.textChanged.connect(self._path_changed)
        self.ui.openBrowseButton.clicked.connect(self.browse)
        self._mode_changed()

    def wants_existing(self) -> bool:
        return self.ui.openRadio.isChecked()

    def existing_path(self) -> Path:
        return Path(self.ui.openPathEdit.text().strip()).expanduser()

    def _mode_changed(self) -> None:
        opening = self.wants_existing()
        for widget in (self.ui.openPathLabel, self.ui.openPathEdit, self.ui.openBrowseButton):
            widget.setEnabled(opening)
        if not opening:
            show_field_error(self.ui.openErrorLabel, "")
        self.setFinalPage(opening)
        self.refresh_complete()

    def _path_changed(self) -> None:
        show_field_error(self.ui.openErrorLabel, "")
        self.refresh_complete()

    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, _("Scegli la cartella dell'area di lavoro"), str(documents_folder())
        )
        if folder:
            self.ui.openPathEdit.setText(folder)

    def nextId(self) -> int:
        return -1 if self.wants_existing() else PAGE_DETAILS

    def ready(self) -> bool:
        return not (self.wants_existing() and not self.ui.openPathEdit.text().strip())

    def validatePage(self) -> bool:
        if not self.wants_existing():
            return True
        path = self.existing_path()
        return self.check_then_continue(
            path,
            lambda: workspace_probe.probe_workspace(path),
            on_error=lambda error: show_field_error(
                self.ui.openErrorLabel, error.message(current_lang())
            ),
        )


class DetailsPage(_Page):
    ui: Ui_WizardDetailsPage

    def __init__(self, session: WorkspaceSession, *, default_parent: Path | None) -> None:
        super().__init__(session)
        self.ui = Ui_WizardDetailsPage()
        self.ui.setupUi(self)
        self._default_parent = default_parent
        show_field_error(self.ui.nameErrorLabel, "")
        show_field_error(self.ui.folderErrorLabel, "")
        self.ui.folderBrowseButton.clicked.connect(self.browse)
        self.ui.nameEdit.textChanged.connect(lambda: show_field_error(self.ui.nameErrorLabel, ""))
        self.ui.folderEdit.textChanged.connect(
            lambda: show_field_error(self.ui.folderErrorLabel, "")
        )

    def initializePage(self) -> None:
        if not self.ui.folderEdit.text():
            parent = self._default_parent or documents_folder()
            self.ui.folderEdit.setText(str(workspace_probe.suggest_new_workspace_path(parent)))

    def role(self) -> str:
        return "office" if self.ui.officeRadio.isChecked() else "educator"

    def workspace_name(self) -> str:
        return " ".join(self.ui.nameEdit.text().split())

    def folder(self) -> Path:
        typed = Path(self.ui.folderEdit.text().strip()).expanduser()
        return workspace_probe.with_workspace_suffix(typed)

    def browse(self) -> None:
        start = self.folder().parent if self.ui.folderEdit.text() else documents_folder()
        chosen = QFileDialog.getExistingDirectory(
            self, _("Scegli dove creare l'area di lavoro"), str(start)
        )
        if chosen:
            self.ui.folderEdit.setText(
                str(workspace_probe.suggest_new_workspace_path(Path(chosen)))
            )

    def show_error(self, error: PippiError) -> None:
        if isinstance(error, InvalidRecord) and error.params.get("field") == "name":
            show_field_error(self.ui.nameErrorLabel, error.message(current_lang()))
            self.ui.nameEdit.setFocus()
        elif isinstance(error, WorkspaceProblem):
            show_field_error(self.ui.folderErrorLabel, error.message(current_lang()))
            self.ui.folderEdit.setFocus()
        else:
            show_error(self, error)

    def validatePage(self) -> bool:
        if not self.ui.folderEdit.text().strip():
            self.show_error(TargetNotEmpty("parent_missing"))
            return False
        if not self.workspace_name():
            self.show_error(InvalidRecord("required", field="name"))
            return False
        folder = self.folder()
        return self.check_then_continue(
            folder,
            lambda: workspace_probe.check_new_workspace_path(folder),
            on_error=self.show_error,
        )


class PassphrasePage(_Page):
    """Commit page: "Crea l'area di lavoro" runs the KDF and creates it on the worker."""

    ui: Ui_WizardPassphrasePage

    def __init__(self, session: WorkspaceSession, details: DetailsPage) -> None:
        super().__init__(session)
        self.ui = Ui_WizardPassphrasePage()
        self.ui.setupUi(self)
        self.details = details
        self.created: CreatedWorkspace | None = None
        self.setCommitPage(True)
        for widget in (self.ui.busyBar, self.ui.busyLabel, self.ui.createErrorLabel):
            widget.setVisible(False)
        self.ui.passphraseFields.changed.connect(self._changed)

    def initializePage(self) -> None:
        self.ui.passphraseFields.focus_first()

    def _changed(self) -> None:
        show_field_error(self.ui.createErrorLabel, "")
        self.refresh_complete()

    def ready(self) -> bool:
        fields = self.ui.passphraseFields
        return bool(fields.passphrase() and fields.repeated())

    def _set_busy(self, busy: bool) -> None:
        self.ui.busyBar.setVisible(busy)
        self.ui.busyLabel.setVisible(busy)
        self.ui.passphraseFields.set_inputs_enabled(not busy)
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(not busy)
            wizard.button(QWizard.WizardButton.CancelButton).setEnabled(not busy)

    def _failed(self, error: PippiError) -> None:
        if isinstance(error, WeakPassphrase):
            self.ui.passphraseFields.show_error(error)
        else:  # the folder or the name (checked before, but the disk may have changed)
            show_field_error(self.ui.createErrorLabel, error.message(current_lang()))

    def _created(self, created: CreatedWorkspace) -> None:
        self.created = created
        self.ui.passphraseFields.clear()

    def validatePage(self) -> bool:
        if self.created is not None:
            return True
        fields = self.ui.passphraseFields
        if not fields.check_match():
            return False
        path, role, name = self.details.folder(), self.details.role(), self.details.workspace_name()
        passphrase = fields.passphrase()
        return self.check_then_continue(
            (path, role, name),
            lambda: workspace_service.create_workspace(
                path, role=role, name=name, passphrase=passphrase
            ),
            on_error=self._failed,
            on_value=self._created,
            busy=self._set_busy,
        )


class CodePage(_Page):
    """The recovery code, shown once, with "Salva come PDF" and "Stampa"."""

    ui: Ui_WizardCodePage

    def __init__(self, session: WorkspaceSession, passphrase_page: PassphrasePage) -> None:
        super().__init__(session)
        self.ui = Ui_WizardCodePage()
        self.ui.setupUi(self)
        self.passphrase_page = passphrase_page
        self.code = ""
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(20)
        font.setBold(True)
        self.ui.codeLabel.setFont(font)
        show_field_error(self.ui.statusLabel, "")
        self.ui.savePdfButton.clicked.connect(self.ask_pdf_path)
        self.ui.printButton.clicked.connect(self.print_sheet)

    def initializePage(self) -> None:
        created = self.passphrase_page.created
        if created is not None:
            self.set_code(created.recovery_code)

    def set_code(self, code: str) -> None:
        self.code = code
        self.ui.codeLabel.setText("\n".join(code_lines(code)))
        self.ui.codeLabel.setAccessibleDescription(" ".join(code.split("-")))

    def _workspace_name(self) -> str:
        return self.passphrase_page.details.workspace_name()

    def ask_pdf_path(self) -> None:
        default = documents_folder() / _("codice-di-recupero-PIPPI.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Salva il codice di recupero"), str(default), _("PDF (*.pdf)")
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_pdf_to(Path(path))

    def save_pdf_to(self, path: Path) -> None:
        """Draw the sheet (GUI thread), write it atomically (worker)."""
        data = recovery_sheet_pdf(self.code, workspace_name=self._workspace_name())
        self.session.call(self, lambda: file_output.save_user_file(path, data)).success(
            lambda _none: show_field_error(
                self.ui.statusLabel,
                _("PDF salvato in {path}. Stampalo e poi cancella il file dal computer.").format(
                    path=path
                ),
            )
        ).run()

    def print_sheet(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Stampa il codice di recupero"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            print_recovery_sheet(printer, self.code, workspace_name=self._workspace_name())
            show_field_error(self.ui.statusLabel, _("Pagina inviata alla stampante."))


class ConfirmPage(_Page):
    """Type back the last group of the code before going on."""

    ui: Ui_WizardConfirmPage

    def __init__(self, session: WorkspaceSession, code_page: CodePage) -> None:
        super().__init__(session)
        self.ui = Ui_WizardConfirmPage()
        self.ui.setupUi(self)
        self.code_page = code_page
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.ui.groupEdit.setFont(font)
        show_field_error(self.ui.groupErrorLabel, "")
        self.ui.groupEdit.textChanged.connect(self._typed)

    def _typed(self) -> None:
        show_field_error(self.ui.groupErrorLabel, "")
        self.refresh_complete()

    def initializePage(self) -> None:
        self.ui.groupEdit.clear()
        self.ui.groupEdit.setFocus()

    def ready(self) -> bool:
        return bool(self.ui.groupEdit.text().strip())

    def validatePage(self) -> bool:
        expected = normalise_group(self.code_page.code.rsplit("-", 1)[-1])
        if normalise_group(self.ui.groupEdit.text()) == expected:
            return True
        show_field_error(
            self.ui.groupErrorLabel,
            _(
                "Questo non è l'ultimo gruppo del codice. Controlla quello che hai annotato; "
                "puoi tornare indietro per rivederlo."
            ),
        )
        self.ui.groupEdit.setFocus()
        self.ui.groupEdit.selectAll()
        return False


def normalise_group(text: str) -> str:
    """Crockford's reading rules: case, spaces and hyphens do not matter; O=0, I=L=1."""
    cleaned = text.strip().upper().replace("-", "").replace(" ", "")
    return cleaned.translate(str.maketrans("OIL", "011"))
