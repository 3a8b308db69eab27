""" "Cambia passphrase…" and "Nuovo codice di recupero…" (File menu).

Both prove the current passphrase, then change the workspace's data key on the worker
(`workspace_service.change_passphrase(check_old=True)`, `replace_recovery_code`): older copies
keep opening only with the secrets of their day, and the windows say so.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pippi_desktop.domain.errors import PippiError, WeakPassphrase, WrongPassphrase
from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.error_dialog import show_error
from pippi_desktop.gui.i18n import current_lang
from pippi_desktop.gui.keys.common import CodeBlock, TaskDialog
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.widgets.passphrase_fields import PassphraseFields
from pippi_desktop.services import workspace_service
from pippi_desktop.services.changes import DataChanges
from pippi_desktop.services.workspace_service import KeyChange

KEY_CHANGES = DataChanges.of("keys")


def old_copies_note() -> str:
    return _(
        "I backup fatti prima, anche quelli automatici nella cartella backups/, si aprono "
        "ancora, e solo, con la passphrase e il codice di recupero validi quando sono stati "
        "fatti: non aprono più l'area di lavoro di oggi."
    )


class ChangePassphraseDialog(TaskDialog):
    def __init__(self, *, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("changePassphraseDialog")
        self.change: KeyChange | None = None
        self.current_label, self.current = self.add_secret_row("currentEdit")
        self.fields = PassphraseFields()
        self.fields.setObjectName("passphraseFields")
        self.form.addRow(self.fields)
        self.code = CodeBlock(session, session.workspace.identity.name)
        self.code.setVisible(False)
        self.extra.addWidget(self.code)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Cambia la passphrase"))
        self.intro.setText(
            _(
                "Scrivi la passphrase di oggi e quella nuova, due volte. Anche la chiave che "
                "cifra i dati viene sostituita: la vecchia passphrase non aprirà più l'area di "
                "lavoro. Il codice di recupero resta valido."
            )
        )
        self.current_label.setText(_("Passphrase &attuale:"))
        self.retranslate_buttons(_("Cambia la &passphrase"))
        self.code.retranslate()

    def act(self) -> None:
        if self.busy or self.done_once:
            return
        old, new = self.current.text(), self.fields.passphrase()
        if not old:
            self.error_under(self.current, lambda: WrongPassphrase().message(current_lang()))
            return
        if not self.fields.check_match():
            return
        self.say(self.error_label, None)
        self.session.write(
            self,
            lambda ws: workspace_service.change_passphrase(ws, new, old=old, check_old=True),
            changes=KEY_CHANGES,
        ).busy(
            lambda busy: self.set_busy(
                busy, lambda: _("Sostituzione della passphrase e della chiave dei dati in corso…")
            )
        ).success(self._changed).failure(self._failed).run()

    def _changed(self, change: KeyChange) -> None:
        self.change = change
        self.current.clear()
        self.fields.clear()
        if change.recovery_code:
            self.code.set_code(change.recovery_code)
            self.code.setVisible(True)

        def said() -> str:
            text = _(
                "Passphrase cambiata e chiave dei dati sostituita: la vecchia passphrase non "
                "apre più l'area di lavoro."
            )
            if change.recovery_code:
                text += " " + _(
                    "Il codice di recupero era di un formato precedente che non può seguire la "
                    "nuova chiave: eccone uno nuovo; quello vecchio non vale più."
                )
            else:
                text += " " + _("Il codice di recupero resta valido.")
            return text + "\n" + old_copies_note()

        self.finish(said)

    def _failed(self, error: PippiError) -> None:
        if isinstance(error, WrongPassphrase):
            self.error_under(self.current, lambda: error.message(current_lang()))
        elif isinstance(error, WeakPassphrase):
            self.fields.show_error(error)
        else:
            show_error(self, error)


class NewRecoveryCodeDialog(TaskDialog):
    def __init__(self, *, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("newRecoveryCodeDialog")
        self.recovery_code: str | None = None
        self.current_label, self.current = self.add_secret_row("currentEdit")
        self.code = CodeBlock(session, session.workspace.identity.name)
        self.code.setVisible(False)
        self.extra.addWidget(self.code)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Nuovo codice di recupero"))
        self.intro.setText(
            _(
                "Crea un nuovo codice di recupero, per esempio se quello di prima è andato "
                "perso o qualcun altro l'ha visto. Il codice di prima smetterà di funzionare e "
                "anche la chiave dei dati viene sostituita. Per confermare, scrivi la "
                "passphrase."
            )
        )
        self.current_label.setText(_("&Passphrase:"))
        self.retranslate_buttons(_("Crea il &nuovo codice"))
        self.code.retranslate()

    def act(self) -> None:
        if self.busy or self.done_once:
            return
        passphrase = self.current.text()
        if not passphrase:
            self.error_under(self.current, lambda: WrongPassphrase().message(current_lang()))
            return
        self.session.write(
            self,
            lambda ws: workspace_service.replace_recovery_code(ws, passphrase),
            changes=KEY_CHANGES,
        ).busy(
            lambda busy: self.set_busy(
                busy, lambda: _("Creazione del codice e sostituzione della chiave dei dati…")
            )
        ).success(self._made).failure(self._failed).run()

    def _made(self, code: str) -> None:
        self.recovery_code = code
        self.current.clear()
        self.code.set_code(code)
        self.code.setVisible(True)
        self.finish(
            lambda: (
                _("Nuovo codice di recupero creato: il codice di prima non vale più.")
                + "\n"
                + old_copies_note()
            )
        )

    def _failed(self, error: PippiError) -> None:
        if isinstance(error, WrongPassphrase):
            self.error_under(self.current, lambda: error.message(current_lang()))
        else:
            show_error(self, error)
