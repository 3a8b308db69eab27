"""Aiuto › Informazioni: the version (from `pippi_desktop.version`) and what the app is for."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.forms.ui_about_dialog import Ui_AboutDialog
from pippi_desktop.gui.widgets.fit import fit_to_contents
from pippi_desktop.version import __version__


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        self._retranslate()

    def _retranslate(self) -> None:
        self.ui.versionLabel.setText(_("Versione {version}").format(version=__version__))

    def showEvent(self, event: QShowEvent) -> None:
        if not self.property("fitted"):
            self.setProperty("fitted", True)
            fit_to_contents(self)
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)
