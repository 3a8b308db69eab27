"""File › Preferenze: language and idle-lock minutes, written through the typed settings."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from pippi_desktop.domain.i18n import Lang
from pippi_desktop.gui.forms.ui_preferences_dialog import Ui_PreferencesDialog
from pippi_desktop.gui.settings import IDLE_LOCK_MAX_MINUTES, IDLE_LOCK_MIN_MINUTES, Settings
from pippi_desktop.gui.widgets.fit import fit_to_contents

LANGUAGES = (Lang.IT, Lang.EN)  # the order of the combo box items in the form


class PreferencesDialog(QDialog):
    applied = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.ui = Ui_PreferencesDialog()
        self.ui.setupUi(self)
        self.ui.idleSpin.setRange(IDLE_LOCK_MIN_MINUTES, IDLE_LOCK_MAX_MINUTES)
        self.ui.idleSpin.setValue(settings.idle_lock_minutes)
        self.ui.languageCombo.setCurrentIndex(LANGUAGES.index(settings.language))
        self.ui.saveButton.clicked.connect(self.save)

    def chosen_language(self) -> Lang:
        return LANGUAGES[self.ui.languageCombo.currentIndex()]

    def save(self) -> None:
        self.settings.language = self.chosen_language()
        self.settings.idle_lock_minutes = self.ui.idleSpin.value()
        self.settings.sync()
        self.applied.emit()
        self.accept()

    def showEvent(self, event: QShowEvent) -> None:
        if not self.property("fitted"):
            self.setProperty("fitted", True)
            fit_to_contents(self)
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)
