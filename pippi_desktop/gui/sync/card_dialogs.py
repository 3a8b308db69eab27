"""Trust set-up windows: write a card, and check one against the fingerprint read in person.

`CardDialog` writes the office card (office) or this device's card (educator) and shows its
fingerprint large. `CheckCardDialog` reads a card chosen by the user, shows the name and the
fingerprint large, asks for the fingerprint read in person (case and spaces do not matter),
then trusts the office (educator) or registers the device with the educator's name (office).
A fingerprint that does not match is said next to the field and changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from pippi_desktop.domain.errors import FingerprintMismatch, InvalidFile, InvalidRecord, PippiError
from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.error_dialog import show_error
from pippi_desktop.gui.forms.ui_sync_card_dialog import Ui_SyncCardDialog
from pippi_desktop.gui.forms.ui_sync_check_card_dialog import Ui_SyncCheckCardDialog
from pippi_desktop.gui.i18n import current_lang
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.sync.common import FittedDialog, show_fingerprint
from pippi_desktop.services import trust_service
from pippi_desktop.services.changes import DataChanges
from pippi_desktop.services.trust_service import DEVICE, OFFICE, CardInfo

if TYPE_CHECKING:
    from pippi_desktop.services.open_workspace import OpenWorkspace

SYNC_CHANGES = DataChanges.of("sync")


class CardDialog(FittedDialog):
    """Write the office card (`kind="office"`) or this device's card (`kind="device"`)."""

    def __init__(
        self, *, session: WorkspaceSession, kind: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.written: trust_service.CardExport | None = None
        self.ui = Ui_SyncCardDialog()
        self.ui.setupUi(self)
        for widget in (
            self.ui.fingerprintTitle,
            self.ui.fingerprintLabel,
            self.ui.errorLabel,
            self.ui.hintLabel,
        ):
            widget.setVisible(False)
        self.ui.writeButton.clicked.connect(self.write_card)
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.closeButton.clicked.connect(self.accept)
        self.retranslate()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        if self.kind == OFFICE:
            self.setWindowTitle(_("Scheda dell'ufficio"))
            self.ui.introLabel.setText(
                _(
                    "La scheda contiene le chiavi pubbliche dell'ufficio. Consegnala agli "
                    "educatori (chiavetta o e-mail) e comunica l'impronta di persona o su carta: "
                    "ognuno la confronta prima di fidarsi."
                )
            )
        else:
            self.setWindowTitle(_("Scheda di questo dispositivo"))
            self.ui.introLabel.setText(
                _(
                    "La scheda contiene le chiavi pubbliche di questo portatile. Consegnala "
                    "all'ufficio e leggi l'impronta all'operatore, che la confronta prima di "
                    "registrare il dispositivo."
                )
            )

    def _browse(self) -> None:
        name = "ufficio.pippicard" if self.kind == OFFICE else "dispositivo.pippicard"
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Salva la scheda"), name)
        if chosen:
            self.ui.fileEdit.setText(chosen)

    def write_card(self) -> None:
        text = self.ui.fileEdit.text().strip()
        if not text:
            self.say(self.ui.errorLabel, lambda: _("Indica il file della scheda."))
            self.ui.fileEdit.setFocus()
            return
        path, kind = Path(text), self.kind
        export = (
            trust_service.export_office_card if kind == OFFICE else trust_service.export_device_card
        )
        self.session.write(self, lambda ws: export(ws, path), changes=SYNC_CHANGES).success(
            self._written
        ).failure(self._failed).run()

    def _written(self, result: trust_service.CardExport) -> None:
        self.written = result
        self._show_written(result)

    def _show_written(self, result: trust_service.CardExport) -> None:
        self.say(self.ui.errorLabel, None)
        self.ui.fingerprintTitle.setVisible(True)
        show_fingerprint(self.ui.fingerprintLabel, result.fingerprint)
        self.say(self.ui.hintLabel, lambda: _("Scheda scritta in {file}.").format(file=result.path))
        self.ui.writeButton.setEnabled(False)

    def _failed(self, error: PippiError) -> None:
        if isinstance(error, InvalidFile):
            self.say(self.ui.errorLabel, lambda: error.message(current_lang()))
        else:
            show_error(self, error)


class CheckCardDialog(FittedDialog):
    """Trust an office card (`kind="office"`) or register a device card (`kind="device"`)."""

    def __init__(
        self, *, session: WorkspaceSession, kind: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.card: CardInfo | None = None
        self.completed = False
        self._busy = False
        self.ui = Ui_SyncCheckCardDialog()
        self.ui.setupUi(self)
        for widget in (self.ui.errorLabel, self.ui.resultLabel, self.ui.busyBar):
            widget.setVisible(False)
        registering = kind == DEVICE
        # what trusting an office gives it, said plainly (issue 13); gettext, like the CLI
        self.escrow_label = QLabel(self)
        self.escrow_label.setObjectName("escrowLabel")
        self.escrow_label.setWordWrap(True)
        self.escrow_label.setVisible(not registering)
        self.ui.mainLayout.insertWidget(1, self.escrow_label)
        self.ui.educatorLabel.setVisible(registering)
        self.ui.educatorEdit.setVisible(registering)
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.fileEdit.editingFinished.connect(self.load_card)
        self.ui.confirmButton.clicked.connect(self.confirm)
        self.ui.cancelButton.clicked.connect(self.reject)
        self.ui.typedEdit.textChanged.connect(lambda: self.say(self.ui.errorLabel, None))
        self.retranslate()
        self._show_card()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        if self.kind == OFFICE:
            self.setWindowTitle(_("Fidati dell'ufficio"))
            self.ui.introLabel.setText(
                _(
                    "Scegli la scheda ricevuta dall'ufficio e scrivi l'impronta che l'ufficio ti "
                    "legge o ti consegna su carta. Se coincidono, i pacchetti saranno cifrati "
                    "per questo ufficio."
                )
            )
            self.ui.confirmButton.setText(_("&Fidati dell'ufficio"))
            self.escrow_label.setText(trust_service.ESCROW_NOTICE.translated())
        else:
            self.setWindowTitle(_("Registra un dispositivo"))
            self.ui.introLabel.setText(
                _(
                    "Scegli la scheda del portatile dell'educatore e scrivi l'impronta che "
                    "l'educatore legge dal suo schermo. Se coincidono, il dispositivo è "
                    "registrato e i suoi pacchetti potranno essere importati."
                )
            )
            self.ui.confirmButton.setText(_("&Registra il dispositivo"))
        if self.completed:
            self.ui.cancelButton.setText(_("&Chiudi"))

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, _("Scegli la scheda"))
        if chosen:
            self.ui.fileEdit.setText(chosen)
            self.load_card()

    def load_card(self) -> None:
        text = self.ui.fileEdit.text().strip()
        if not text:
            return
        path, kind = Path(text), self.kind
        self.session.call(self, lambda: trust_service.read_card(path, kind)).success(
            self._loaded
        ).failure(self._load_failed).run()

    def _loaded(self, card: CardInfo) -> None:
        self.card = card
        self.say(self.ui.errorLabel, None)
        self._show_card()
        self.ui.typedEdit.setFocus()

    def _load_failed(self, error: PippiError) -> None:
        self.card = None
        self._show_card()
        self.say(self.ui.errorLabel, lambda: error.message(current_lang()))

    def _show_card(self) -> None:
        card = self.card
        for widget in (
            self.ui.nameTitle,
            self.ui.nameLabel,
            self.ui.fingerprintTitle,
            self.ui.fingerprintLabel,
        ):
            widget.setVisible(card is not None)
        self.ui.nameLabel.setText(card.name if card else "")
        show_fingerprint(self.ui.fingerprintLabel, card.fingerprint if card else "")
        self.ui.confirmButton.setEnabled(card is not None and not self.completed)

    def confirm(self) -> None:
        if self.card is None or self._busy or self.completed:
            return
        typed = self.ui.typedEdit.text()
        path = Path(self.ui.fileEdit.text().strip())
        if self.kind == OFFICE:

            def call(ws: OpenWorkspace) -> object:
                return trust_service.trust_office(ws, path, typed)
        else:
            educator = self.ui.educatorEdit.text()

            def call(ws: OpenWorkspace) -> object:
                return trust_service.register_device(ws, path, typed, educator=educator)

        self.session.write(self, call, changes=SYNC_CHANGES).busy(self._set_busy).success(
            self._confirmed
        ).failure(self._failed).run()

    def _confirmed(self, result: object) -> None:
        self.completed = True
        name = getattr(result, "name", None) or getattr(result, "educator", "")
        if self.kind == OFFICE:
            self.say(
                self.ui.resultLabel,
                lambda: _("L'ufficio «{name}» è ora il tuo ufficio di fiducia.").format(name=name),
            )
        else:
            self.say(
                self.ui.resultLabel,
                lambda: _("Dispositivo registrato per {name}.").format(name=name),
            )
        self.ui.confirmButton.setEnabled(False)
        self.ui.cancelButton.setText(_("&Chiudi"))

    def _failed(self, error: PippiError) -> None:
        if isinstance(error, FingerprintMismatch | InvalidRecord | InvalidFile):
            self.say(self.ui.errorLabel, lambda: error.message(current_lang()))
            field = self.ui.educatorEdit if isinstance(error, InvalidRecord) else self.ui.typedEdit
            field.setFocus()
            field.selectAll()
        else:
            show_error(self, error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ui.busyBar.setVisible(busy)
        for widget in (self.ui.confirmButton, self.ui.cancelButton, self.ui.browseButton):
            widget.setEnabled(not busy)
        if not busy:
            self.ui.confirmButton.setEnabled(self.card is not None and not self.completed)

    def reject(self) -> None:
        if not self._busy:
            super().reject()


def trust_office_dialog(
    session: WorkspaceSession, parent: QWidget | None = None
) -> CheckCardDialog:
    return CheckCardDialog(session=session, kind=OFFICE, parent=parent)


def register_device_dialog(
    session: WorkspaceSession, parent: QWidget | None = None
) -> CheckCardDialog:
    return CheckCardDialog(session=session, kind=DEVICE, parent=parent)
