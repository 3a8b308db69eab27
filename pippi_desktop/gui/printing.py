"""The *Stampa* menu: a PDF of the family, the visit, the assessment or the group session.

The person chooses where the file goes (the last folder used is offered again, the Documents
folder the first time; the name carries the kind of sheet and the family code or the date,
never a name). The document is built and written on the worker by `services.print_service`
(atomically, owner-only, audited) and then opened with the system's PDF viewer. While it is
being made the status bar says so; an error becomes the one sentence of the errors module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QStatusBar, QWidget

from pippi_desktop.domain.errors import PippiError
from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.error_dialog import show_error
from pippi_desktop.gui.i18n import current_lang
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.settings import Settings
from pippi_desktop.services import print_service
from pippi_desktop.services.print_service import DocumentKind, PrintRequest

if TYPE_CHECKING:
    from pippi_desktop.services.open_workspace import OpenWorkspace


@dataclass(frozen=True)
class PrintJob:
    """What to print and the tag of its file name (a family code or an ISO date)."""

    request: PrintRequest
    tag: str


def open_with_system_viewer(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def ask_for_file(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """The save dialog (it asks before replacing a file); None when cancelled."""
    pdf_filter = _("Documenti PDF (*.pdf)")
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), pdf_filter)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


class Printer(QObject):
    """Prints for one window. `ask` and `open_file` can be replaced (tests, other front ends)."""

    printed = Signal(Path)  # the file written, after it was handed to the viewer
    failed = Signal(PippiError)

    def __init__(
        self,
        session: WorkspaceSession,
        settings: Settings,
        window: QWidget,
        status_bar: QStatusBar | None = None,
    ) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.window = window
        self.status_bar = status_bar
        self.ask: Callable[[QWidget, str, Path], Path | None] = ask_for_file
        self.open_file: Callable[[Path], None] = open_with_system_viewer
        self.busy = False

    def default_folder(self) -> Path:
        folder = self.settings.last_print_folder
        if folder is not None and folder.is_dir():
            return folder
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        if documents and Path(documents).is_dir():
            return Path(documents)
        return Path.home()  # no Documents folder (a fresh account, a server)

    def print_job(self, job: PrintJob) -> bool:
        """Ask where, then build and write on the worker; False when nothing was started."""
        if self.busy or not self.session.is_open:
            return False
        lang = current_lang()
        request = PrintRequest(
            job.request.kind,
            family_id=job.request.family_id,
            visit_id=job.request.visit_id,
            assessment_id=job.request.assessment_id,
            session_id=job.request.session_id,
            lang=lang,
        )
        name = print_service.document_file_name(request.kind, job.tag, lang)
        path = self.ask(self.window, _("Salva il PDF"), self.default_folder() / name)
        if path is None:
            return False
        self.settings.last_print_folder = path.parent
        self.busy = True
        self._say(_("Preparazione del PDF…"))

        def write(ws: OpenWorkspace) -> Path:
            print_service.write(ws, request, path, replace=True)
            return path

        self.session.query(self.window, write).success(self._written).failure(self._failed).run()
        return True

    def _written(self, path: Path) -> None:
        self.busy = False
        self._say(_("PDF salvato in {path}").format(path=path), 10_000)
        self.open_file(path)
        self.printed.emit(path)

    def _failed(self, error: PippiError) -> None:
        self.busy = False
        self._say("")
        show_error(self.window, error)
        self.failed.emit(error)

    def _say(self, text: str, timeout: int = 0) -> None:
        if self.status_bar is None:
            return
        if text:
            self.status_bar.showMessage(text, timeout)
        else:
            self.status_bar.clearMessage()


def family_job(
    kind: DocumentKind,
    family_id: str,
    code: str,
    *,
    visit_id: str | None = None,
    assessment_id: str | None = None,
) -> PrintJob:
    request = PrintRequest(
        kind, family_id=family_id, visit_id=visit_id, assessment_id=assessment_id
    )
    return PrintJob(request, code)


def attendance_job(session_id: str, day: str) -> PrintJob:
    return PrintJob(PrintRequest(DocumentKind.ATTENDANCE, session_id=session_id), day)
