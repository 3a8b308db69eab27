"""Qt's own dialogs speak the language of our windows (issue 17: «Look in:», «Files of type:»).

Qt translates the texts it draws itself with its own catalogue (`qtbase_it.qm`); the few it
lacks come from ours (`gui/qt_texts.py`). These tests open the real Qt widgets we use, the
non-native file dialog included, in Italian.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QFileSystemModel,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
    QWizard,
    QWizardPage,
)
from pytestqt.qtbot import QtBot

from pippi_desktop.domain.i18n import Lang
from pippi_desktop.gui.i18n import use_language
from pippi_desktop.gui.qt_texts import QT_TEXTS

# Qt texts that are right as they are in Italian; key names (QShortcut: Ctrl, Esc, Tab…) too.
SAME_IN_ITALIAN = {"OK", "&No", "Computer"}
SAME_CONTEXTS = {"QShortcut"}


def _file_dialog(folder: Path, *, save: bool) -> QFileDialog:
    dialog = QFileDialog(None, "Salva la scheda", str(folder), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return dialog


def _folder_type(qtbot: QtBot, dialog: QFileDialog, folder: Path) -> str:
    """What the Type column says of a folder (from QAbstractFileIconProvider)."""
    model = dialog.findChild(QFileSystemModel)
    parent = model.index(str(folder))
    qtbot.waitUntil(lambda: model.rowCount(parent) > 0)
    index = model.index(str(folder / "schede"))
    return str(model.data(index.siblingAtColumn(2)))


def test_the_file_dialog_speaks_italian_and_follows_a_switch(
    app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / "schede").mkdir()
    dialog = _file_dialog(tmp_path, save=True)
    qtbot.addWidget(dialog)
    dialog.show()
    look_in = dialog.findChild(QLabel, "lookInLabel")
    file_type = dialog.findChild(QLabel, "fileTypeLabel")
    assert look_in.text() == "Cerca &in:"  # Qt's catalogue lacks it: ours
    assert file_type.text() == "File di &tipo:"
    assert dialog.findChild(QLabel, "fileNameLabel").text() == "&Nome del file:"  # Qt's own
    assert _folder_type(qtbot, dialog, tmp_path) == "Cartella"
    try:
        use_language(Lang.EN)
        qtbot.waitUntil(lambda: look_in.text() == "&Look in:")
        assert file_type.text() == "Files of &type:"
    finally:
        use_language(Lang.IT)
    qtbot.waitUntil(lambda: look_in.text() == "Cerca &in:")


class RecordingTranslator(QTranslator):
    """Installed last, so asked first: notes every text Qt looks up, answers nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str, str | None]] = set()

    def translate(  # type: ignore[no-untyped-def]
        self, context, source_text, disambiguation=None, n=-1
    ):
        self.asked.add((context, source_text, disambiguation))
        return None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def recording(app: QApplication) -> Iterator[RecordingTranslator]:
    recorder = RecordingTranslator()
    app.installTranslator(recorder)
    yield recorder
    app.removeTranslator(recorder)


def _qt_widgets_we_use(qtbot: QtBot, folder: Path) -> list[QWidget]:
    (folder / "schede").mkdir()
    (folder / "scheda.pdf").write_bytes(b"%PDF-1.4\n")
    opened = _file_dialog(folder, save=False)
    saved = _file_dialog(folder, save=True)
    chosen_folder = _file_dialog(folder, save=False)
    chosen_folder.setFileMode(QFileDialog.FileMode.Directory)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Domanda",
        "Testo",
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Close,
    )
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
    )
    wizard = QWizard()
    wizard.addPage(QWizardPage())
    wizard.addPage(QWizardPage())
    date = QDateEdit()
    date.setCalendarPopup(True)
    widgets = [opened, saved, chosen_folder, box, buttons, wizard, date, QCalendarWidget()]
    for widget in widgets:
        qtbot.addWidget(widget)
        widget.show()
    _folder_type(qtbot, opened, folder)
    line, text = QLineEdit(), QPlainTextEdit()
    line.setText("testo")
    text.setPlainText("testo")
    for edit in (line, text):
        qtbot.addWidget(edit)
        menu = edit.createStandardContextMenu()
        menu.deleteLater()
    QApplication.processEvents()
    return widgets


def test_every_qt_text_of_the_widgets_we_use_is_italian(
    app: QApplication, qtbot: QtBot, tmp_path: Path, recording: RecordingTranslator
) -> None:
    _qt_widgets_we_use(qtbot, tmp_path)
    asked = {
        key
        for key in recording.asked
        if key[0].startswith("Q")
        and re.search(r"[A-Za-z]{2}", key[1])
        and key[0] not in SAME_CONTEXTS
    }
    assert len(asked) > 50
    assert {("QFileDialog", "&Look in:", None), ("QFileDialog", "Files of &type:", None)} <= asked
    english = sorted(
        f"[{context}] {source!r}"
        for context, source, disambiguation in asked
        if QCoreApplication.translate(context, source, disambiguation) == source
        and source not in SAME_IN_ITALIAN
    )
    assert english == [], "add these to pippi_desktop/gui/qt_texts.py: " + "; ".join(english)


def test_qt_texts_lists_only_texts_qt_leaves_untranslated(app: QApplication) -> None:
    """An entry whose Italian Qt's catalogue now has (a newer PySide6) can go."""
    from pippi_desktop.gui.i18n import _load_qt

    qtbase = _load_qt(Lang.IT)
    assert qtbase is not None
    assert [str(text) for text in QT_TEXTS if qtbase.translate(text.context or "", str(text))] == []
