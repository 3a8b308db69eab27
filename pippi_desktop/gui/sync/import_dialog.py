""" "Importa pacchetti" (office): choose files, see what would change, import, see the result.

The preview is `import_bundles(..., dry_run=True)`: the whole pipeline in a transaction that
is rolled back, so the table shows per bundle and per family what would be created, updated,
deleted and flagged as a conflict, and changes nothing. "Importa" then imports each bundle in
its own transaction; a refused bundle changes nothing and its row says why.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QHeaderView, QWidget

from pippi_desktop.domain.errors import PippiError
from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.error_dialog import show_error
from pippi_desktop.gui.forms.ui_sync_import_dialog import Ui_SyncImportDialog
from pippi_desktop.gui.i18n import current_lang
from pippi_desktop.gui.session import WorkspaceSession
from pippi_desktop.gui.sync.common import FittedDialog, show_message
from pippi_desktop.gui.sync.models import ImportResultsModel
from pippi_desktop.services import bundle_import
from pippi_desktop.services.changes import DataChanges


class ImportDialog(FittedDialog):
    def __init__(self, *, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.paths: list[Path] = []
        self.outcomes: list[bundle_import.ImportOutcome] = []
        self.previewed = False
        self._busy = False
        self.ui = Ui_SyncImportDialog()
        self.ui.setupUi(self)
        self.model = ImportResultsModel()
        self.ui.resultTable.setModel(self.model)
        self.ui.resultTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.ui.resultTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.ui.resultTable.verticalHeader().setVisible(False)
        for widget in (self.ui.busyLabel, self.ui.busyBar, self.ui.summaryLabel):
            widget.setVisible(False)
        self.ui.addButton.clicked.connect(self._browse)
        self.ui.removeButton.clicked.connect(self.remove_selected)
        self.ui.previewButton.clicked.connect(self.preview)
        self.ui.importButton.clicked.connect(self.import_files)
        self.ui.closeButton.clicked.connect(self.accept)
        self._update_buttons()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.model.headerDataChanged.emit(
            self.ui.resultTable.horizontalHeader().orientation(), 0, 7
        )
        self._show_summary()

    # --- the files -------------------------------------------------------------------------

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(
            self,
            _("Scegli i pacchetti"),
            "",
            _("Pacchetti PIPPI (*.pippi);;Tutti i file (*)"),
        )
        self.add_files([Path(item) for item in chosen])

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self.paths:
                self.paths.append(path)
                self.ui.filesList.addItem(path.name)
                item = self.ui.filesList.item(self.ui.filesList.count() - 1)
                item.setToolTip(str(path))
        self.previewed = False
        self._update_buttons()

    def remove_selected(self) -> None:
        row = self.ui.filesList.currentRow()
        if row < 0:
            return
        self.ui.filesList.takeItem(row)
        del self.paths[row]
        self.previewed = False
        self._update_buttons()

    # --- preview and import ----------------------------------------------------------------

    def preview(self) -> None:
        self._run(dry_run=True)

    def import_files(self) -> None:
        self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        if self._busy or not self.paths:
            return
        paths, lang = list(self.paths), current_lang()
        if dry_run:
            operation = self.session.query(
                self, lambda ws: bundle_import.import_bundles(ws, paths, dry_run=True, lang=lang)
            )
        else:
            operation = self.session.write(
                self,
                lambda ws: bundle_import.import_bundles(ws, paths, lang=lang),
                changes=DataChanges.all(),
            )
        operation.busy(self._set_busy).success(
            lambda outcomes: self._done(outcomes, dry_run=dry_run)
        ).failure(self._failed).run()

    def _done(self, outcomes: list[bundle_import.ImportOutcome], *, dry_run: bool) -> None:
        self.outcomes = outcomes
        self.previewed = dry_run
        self.model.set_outcomes(outcomes)
        self._show_summary()
        self._update_buttons()

    def _show_summary(self) -> None:
        if not self.outcomes:
            return
        refused = sum(o.status == bundle_import.REJECTED for o in self.outcomes)
        if self.previewed:
            text = _(
                "Anteprima: nulla è stato cambiato. Pacchetti che si possono importare: {ok}; "
                "rifiutati: {refused}."
            )
            ok = sum(o.status == bundle_import.WOULD_APPLY for o in self.outcomes)
        else:
            text = _("Pacchetti importati: {ok}; rifiutati: {refused}.")
            ok = sum(o.status == bundle_import.APPLIED for o in self.outcomes)
        missing = sorted({n for o in self.outcomes for n in o.missing_seqs})
        summary = text.format(ok=ok, refused=refused)
        if missing:
            summary += " " + _("Mancano ancora i pacchetti n. {seqs}.").format(
                seqs=", ".join(str(n) for n in missing)
            )
        show_message(self, self.ui.summaryLabel, summary)

    def _failed(self, error: PippiError) -> None:
        show_error(self, error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ui.busyLabel.setVisible(busy)
        self.ui.busyBar.setVisible(busy)
        self._update_buttons()

    def _update_buttons(self) -> None:
        have = bool(self.paths) and not self._busy
        for widget in (self.ui.previewButton, self.ui.importButton):
            widget.setEnabled(have)
        self.ui.removeButton.setEnabled(have)
        self.ui.addButton.setEnabled(not self._busy)
        self.ui.closeButton.setEnabled(not self._busy)

    def reject(self) -> None:
        if not self._busy:
            super().reject()
