"""First run: create a workspace (details, passphrase, recovery code, confirmation) or open one.

When the wizard is accepted, `created` holds the new, already open workspace (the recovery
code was shown and confirmed) or `existing_path` the folder of a workspace to unlock.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.first_run.pages import (
    PAGE_CODE,
    PAGE_CONFIRM,
    PAGE_DETAILS,
    PAGE_PASSPHRASE,
    PAGE_START,
    CodePage,
    ConfirmPage,
    DetailsPage,
    PassphrasePage,
    StartPage,
)
from pippi_desktop.gui.session import WorkspaceSession

if TYPE_CHECKING:
    from pippi_desktop.services.workspace_service import CreatedWorkspace


class FirstRunWizard(QWizard):
    def __init__(
        self,
        session: WorkspaceSession,
        *,
        default_parent: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FirstRunWizard")
        self.session = session
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(QSize(720, 560))
        self.start_page = StartPage(session)
        self.details_page = DetailsPage(session, default_parent=default_parent)
        self.passphrase_page = PassphrasePage(session, self.details_page)
        self.code_page = CodePage(session, self.passphrase_page)
        self.confirm_page = ConfirmPage(session, self.code_page)
        self.setPage(PAGE_START, self.start_page)
        self.setPage(PAGE_DETAILS, self.details_page)
        self.setPage(PAGE_PASSPHRASE, self.passphrase_page)
        self.setPage(PAGE_CODE, self.code_page)
        self.setPage(PAGE_CONFIRM, self.confirm_page)
        self.setStartId(PAGE_START)
        self.leave_question: QMessageBox | None = None
        self.currentIdChanged.connect(lambda _id: QTimer.singleShot(0, self.fit_current_page))
        self._retranslate()

    def fit_current_page(self) -> None:
        """Taller when the current page's wrapped texts need it (QWizard does not ask)."""
        page = self.currentPage()
        layout = page.layout() if page is not None else None
        if layout is None or not layout.hasHeightForWidth() or not self.isVisible():
            return
        missing = layout.totalHeightForWidth(page.width()) - page.height()
        if missing > 0:
            limit = int(self.screen().availableGeometry().height() * 0.95)
            self.resize(self.width(), min(self.height() + missing, limit))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_current_page()

    # --- results ------------------------------------------------------------------------

    @property
    def created(self) -> CreatedWorkspace | None:
        return self.passphrase_page.created

    @property
    def existing_path(self) -> Path | None:
        if self.start_page.wants_existing():
            return self.start_page.existing_path()
        return None

    # --- leaving after the workspace exists -----------------------------------------------

    def reject(self) -> None:
        if any(
            page.checking for page in (self.start_page, self.details_page, self.passphrase_page)
        ):
            return  # a check or the creation is running on the worker
        if self.created is None or self.leave_question is not None:
            super().reject()
            return
        box = QMessageBox(self)
        box.setObjectName("leaveWizardQuestion")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Il codice di recupero non verrà più mostrato"))
        box.setText(
            _(
                "L'area di lavoro è già stata creata. Se chiudi adesso il codice di recupero "
                "non verrà più mostrato: senza il codice, se dimentichi la passphrase i dati "
                "non si possono più aprire. Chiudere comunque?"
            )
        )
        leave = box.addButton(_("Chiudi comunque"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(_("Torna al codice"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)

        def answered() -> None:
            self.leave_question = None
            if box.clickedButton() is leave:
                QWizard.reject(self)

        box.finished.connect(answered)
        self.leave_question = box
        box.open()

    # --- texts --------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(_("PIPPI Desktop – primo avvio"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("< &Indietro"))
        self.setButtonText(QWizard.WizardButton.NextButton, _("&Avanti >"))
        self.setButtonText(QWizard.WizardButton.CommitButton, _("&Crea l'area di lavoro"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("&Inizia"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Annulla"))
        self.setButtonText(QWizard.WizardButton.HelpButton, _("Aiuto"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def show_page_for_screenshot(self, page_id: int) -> None:
        """Start the wizard on `page_id` (screenshots only: skips the checks before it)."""
        self.setStartId(page_id)
        self.restart()
        self.fit_current_page()


__all__ = ["PAGE_CODE", "PAGE_CONFIRM", "FirstRunWizard"]
