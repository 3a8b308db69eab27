""" "Backup…" and "Ripristina un backup…" (File menu).

The backup is written by `workspace_service.backup_workspace` (sealed, atomic, owner-only);
the restore by `workspace_service.restore_workspace` into a new folder, as a new incarnation.
A backup of the format before issue 13 (no seal) is refused first; the window then offers to
restore it anyway after the full check of every page (`accept_old_format`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from pippi_desktop.domain.errors import (
    InvalidFile,
    PippiError,
    TargetNotEmpty,
    WrongPassphrase,
    WrongRecoveryCode,
)
from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.error_dialog import show_error
from pippi_desktop.gui.i18n import current_lang
from pippi_desktop.gui.keys.common import TaskDialog
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.services import workspace_service
from pippi_desktop.services.changes import DataChanges
from pippi_desktop.services.workspace_service import BackupWritten

BACKUP_SUFFIX = ".pippibak"


def _path_row(edit: QLineEdit, browse: QPushButton) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(browse)
    return row


class BackupDialog(TaskDialog):
    def __init__(self, *, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("backupDialog")
        self.header: BackupWritten | None = None
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("fileEdit")
        self.browse = QPushButton()
        self.browse.setObjectName("browseButton")
        self.browse.clicked.connect(self._browse)
        self.file_label = QLabel()
        self.file_label.setBuddy(self.file_edit)
        self.form.addRow(self.file_label, _path_row(self.file_edit, self.browse))
        self.file_edit.textChanged.connect(lambda: self.say(self.error_label, None))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Backup dell'area di lavoro"))
        self.intro.setText(
            _(
                "Il backup è un solo file, cifrato e sigillato: si apre con la passphrase o il "
                "codice di recupero di oggi, anche dopo che li avrai cambiati. Salvalo fuori dal "
                "computer, per esempio su una chiavetta."
            )
        )
        self.file_label.setText(_("&File del backup:"))
        self.browse.setText(_("Sfoglia…"))
        self.retranslate_buttons(_("Scrivi il &backup"))

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Salva il backup"), "backup" + BACKUP_SUFFIX, f"PIPPI (*{BACKUP_SUFFIX})"
        )
        if chosen:
            if not chosen.endswith(BACKUP_SUFFIX):
                chosen += BACKUP_SUFFIX
            self.file_edit.setText(chosen)

    def act(self) -> None:
        if self.busy or self.done_once:
            return
        text = self.file_edit.text().strip()
        if not text:
            self.error_under(self.file_edit, lambda: _("Indica il file del backup."))
            return
        target = Path(text)
        self.session.write(
            self,
            lambda ws: workspace_service.backup_workspace(ws, target),
            changes=DataChanges.of("audit"),
        ).busy(
            lambda busy: self.set_busy(busy, lambda: _("Scrittura del backup in corso…"))
        ).success(lambda header: self._written(target, header)).failure(self._failed).run()

    def _written(self, target: Path, header: BackupWritten) -> None:
        self.header = header
        size = max(1, header.db_size // 1024)
        self.finish(lambda: _("Backup scritto: {file} ({size} kB).").format(file=target, size=size))

    def _failed(self, error: PippiError) -> None:
        if isinstance(error, InvalidFile):
            self.error_under(self.file_edit, lambda: error.message(current_lang()))
        else:
            show_error(self, error)


def restore_and_close(backup: Path, target: Path, passphrase: str, accept_old: bool) -> int:
    """On the worker: restore, close the new workspace (it is opened later like any other),
    return its incarnation."""
    with workspace_service.restore_workspace(
        backup, target, passphrase=passphrase, accept_old_format=accept_old
    ) as workspace:
        return workspace.identity.incarnation


class RestoreDialog(TaskDialog):
    def __init__(self, *, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("restoreDialog")
        self.restored: Path | None = None
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("fileEdit")
        self.browse_file = QPushButton()
        self.browse_file.clicked.connect(self._browse_file)
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("folderEdit")
        self.browse_folder = QPushButton()
        self.browse_folder.clicked.connect(self._browse_folder)
        self.old_format = QCheckBox()
        self.old_format.setObjectName("oldFormatCheck")
        self.old_format.setVisible(False)
        self.file_label, self.folder_label = QLabel(), QLabel()
        self.file_label.setBuddy(self.file_edit)
        self.folder_label.setBuddy(self.folder_edit)
        self.form.addRow(self.file_label, _path_row(self.file_edit, self.browse_file))
        self.form.addRow(self.folder_label, _path_row(self.folder_edit, self.browse_folder))
        self.passphrase_label, self.passphrase = self.add_secret_row("passphraseEdit")
        self.form.addRow(self.old_format)
        for edit in (self.file_edit, self.folder_edit):
            edit.textChanged.connect(lambda: self.say(self.error_label, None))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Ripristina un backup"))
        self.intro.setText(
            _(
                "Il backup viene ripristinato in una cartella nuova, come nuova incarnazione "
                "dell'area di lavoro: le modifiche fatte dopo useranno un nuovo identificativo "
                "di dispositivo. Serve la passphrase valida quando il backup è stato fatto. Un "
                "backup modificato viene rifiutato e non lascia cartelle."
            )
        )
        self.file_label.setText(_("&Backup:"))
        self.folder_label.setText(_("&Nuova cartella:"))
        self.passphrase_label.setText(_("&Passphrase del backup:"))
        self.browse_file.setText(_("Sfoglia…"))
        self.browse_folder.setText(_("Sfoglia…"))
        self.old_format.setText(
            _("Ripristinalo comunque, dopo il controllo completo di ogni pagina")
        )
        self.retranslate_buttons(_("&Ripristina"))

    def _browse_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Scegli il backup"), "", f"PIPPI (*{BACKUP_SUFFIX})"
        )
        if chosen:
            self.file_edit.setText(chosen)

    def _browse_folder(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Nuova cartella dell'area di lavoro"), "ripristinata.pippiws"
        )
        if chosen:
            self.folder_edit.setText(chosen)

    def act(self) -> None:
        if self.busy or self.done_once:
            return
        backup_text, folder_text = self.file_edit.text().strip(), self.folder_edit.text().strip()
        if not backup_text:
            self.error_under(self.file_edit, lambda: InvalidFile("missing").message(current_lang()))
            return
        if not folder_text:
            self.error_under(self.folder_edit, lambda: _("Indica la nuova cartella."))
            return
        backup, target = Path(backup_text), Path(folder_text)
        passphrase, accept_old = self.passphrase.text(), self.old_format.isChecked()
        self.session.call(
            self, lambda: restore_and_close(backup, target, passphrase, accept_old)
        ).busy(
            lambda busy: self.set_busy(busy, lambda: _("Controllo e ripristino del backup…"))
        ).success(lambda incarnation: self._restored(target, incarnation)).failure(
            self._failed
        ).run()

    def _restored(self, target: Path, incarnation: int) -> None:
        self.restored = target
        self.passphrase.clear()
        self.finish(
            lambda: _(
                "Area di lavoro ripristinata in {path} (incarnazione {n}). Aprila con «Apri "
                "area di lavoro»."
            ).format(path=target, n=incarnation)
        )

    def _failed(self, error: PippiError) -> None:
        if isinstance(error, WrongPassphrase | WrongRecoveryCode):
            self.error_under(self.passphrase, lambda: error.message(current_lang()))
        elif isinstance(error, InvalidFile) and error.variant == "backup_old_format":
            self.old_format.setVisible(True)
            self.error_under(
                self.old_format,
                lambda: _(
                    "Questo backup è stato scritto da una versione precedente, senza sigillo "
                    "contro le modifiche. Per ripristinarlo comunque, dopo un controllo completo "
                    "di ogni pagina, spunta la casella qui sopra e premi di nuovo «Ripristina»."
                ),
            )
        elif isinstance(error, InvalidFile):
            self.error_under(self.file_edit, lambda: error.message(current_lang()))
        elif isinstance(error, TargetNotEmpty):
            self.error_under(self.folder_edit, lambda: error.message(current_lang()))
        else:
            show_error(self, error)
