"""What the key and backup windows share: a laid-out dialog with an intro, a form, a busy bar,
a message line and two buttons; a secret field; the recovery code shown once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.recovery_sheet import code_lines, print_recovery_sheet, recovery_sheet_pdf
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.sync.common import FittedDialog, show_message
from pippi_desktop.services import file_output

CODE_POINTS = 20
MIN_WIDTH = 480  # px: the intro reads in a few lines, not a narrow column


def secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(4096)  # the command line's limit too
    return field


def message_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class TaskDialog(FittedDialog):
    """intro / form / busy bar and label / error / result / [action] [close]."""

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.busy = False
        self.done_once = False
        self.setMinimumWidth(MIN_WIDTH)
        self.intro = QLabel()
        self.intro.setObjectName("introLabel")
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.busy_label = message_label("busyLabel")
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busyBar")
        self.busy_bar.setRange(0, 0)  # indeterminate: the worker says no fractions
        self.busy_bar.setVisible(False)
        self.error_label = message_label("errorLabel")
        self.error_label.setProperty("role", "error")
        self.result_label = message_label("resultLabel")
        self.action_button = QPushButton()
        self.action_button.setObjectName("actionButton")
        self.action_button.setDefault(True)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.reject)
        self.action_button.clicked.connect(self.act)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.close_button)
        self.extra = QVBoxLayout()  # what a subclass shows after the result (a code)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.result_label)
        layout.addLayout(self.extra)
        layout.addStretch(1)
        layout.addLayout(buttons)

    # --- for subclasses -----------------------------------------------------------------

    def add_secret_row(self, name: str) -> tuple[QLabel, QLineEdit]:
        """A hidden-text field in the form; typing in it clears the error line."""
        field = secret_field(name)
        label = QLabel()
        label.setBuddy(field)
        self.form.addRow(label, field)
        field.textChanged.connect(lambda: self.say(self.error_label, None))
        return label, field

    def act(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def set_busy(self, busy: bool, text: Callable[[], str] | None = None) -> None:
        self.busy = busy
        self.busy_bar.setVisible(busy)
        if busy and text is not None:
            self.say(self.busy_label, text)
        elif not busy:
            self.say(self.busy_label, None)
        self.action_button.setEnabled(not busy and not self.done_once)
        self.close_button.setEnabled(not busy)
        for index in range(self.form.rowCount()):
            item = self.form.itemAt(index, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setEnabled(not busy and not self.done_once)

    def finish(self, text: Callable[[], str]) -> None:
        """The work is done: say so; the action button is spent, Annulla becomes Chiudi."""
        self.done_once = True
        self.say(self.error_label, None)
        self.say(self.result_label, text)
        self.set_busy(False)
        self.retranslate()

    def error_under(self, field: QWidget, text: Callable[[], str]) -> None:
        self.say(self.error_label, text)
        field.setFocus()
        if isinstance(field, QLineEdit):
            field.selectAll()

    def retranslate_buttons(self, action: str) -> None:
        self.action_button.setText(action)
        self.close_button.setText(_("&Chiudi") if self.done_once else _("&Annulla"))

    def reject(self) -> None:
        if not self.busy:
            super().reject()


class CodeBlock(QWidget):
    """A recovery code shown once, big, with "Salva come PDF" and "Stampa"."""

    def __init__(self, session: WorkspaceSession, workspace_name: str) -> None:
        super().__init__()
        self.session = session
        self.workspace_name = workspace_name
        self.code = ""
        self.code_label = QLabel()
        self.code_label.setObjectName("codeLabel")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(CODE_POINTS)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setTextInteractionFlags(self.code_label.textInteractionFlags())
        self.note = message_label("codeNote")
        self.note.setVisible(True)
        self.status = message_label("codeStatus")
        self.save_button = QPushButton()
        self.save_button.setObjectName("savePdfButton")
        self.print_button = QPushButton()
        self.print_button.setObjectName("printButton")
        self.save_button.clicked.connect(self.ask_pdf_path)
        self.print_button.clicked.connect(self.print_sheet)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code_label)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.retranslate()

    def set_code(self, code: str) -> None:
        self.code = code
        self.code_label.setText("\n".join(code_lines(code)))
        self.code_label.setAccessibleDescription(" ".join(code.split("-")))

    def retranslate(self) -> None:
        self.note.setText(
            _(
                "Viene mostrato solo ora: stampalo o scrivilo e conservalo in un luogo sicuro, "
                "separato dal computer. Serve se dimentichi la passphrase; chi lo possiede può "
                "aprire l'area di lavoro."
            )
        )
        self.save_button.setText(_("Salva come &PDF…"))
        self.print_button.setText(_("&Stampa…"))

    def ask_pdf_path(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Salva il codice di recupero"), _("codice-di-recupero-PIPPI.pdf"), "PDF (*.pdf)"
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_pdf_to(Path(path))

    def save_pdf_to(self, path: Path) -> None:
        data = recovery_sheet_pdf(
            self.code, workspace_name=self.workspace_name, made_on=date.today()
        )
        self.session.call(self, lambda: file_output.save_user_file(path, data)).success(
            lambda _none: show_message(
                self.window(),  # type: ignore[arg-type]
                self.status,
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
            print_recovery_sheet(printer, self.code, workspace_name=self.workspace_name)
            self.status.setText(_("Pagina inviata alla stampante."))
            self.status.setVisible(True)
