"""Both languages everywhere, switching without a restart, and room for longer texts.

- Every window and dialog is opened in Italian and in English; a visible text that is the same
  in both (and is not a name, a number or one of the few words English shares) was never
  translated; an empty visible label, button or title is a bug in either language.
- The same windows opened in Italian and switched to English while open must read exactly
  as the ones opened in English (restart-free switching); message boxes are excluded, they
  keep the language they opened in.
- TRANS_SCALE (vorta's idea): every text of ours stretched by 30 % — a pseudo-language whose
  gettext catalogue holds each Italian text made longer, installed as files like any language;
  no label or button may end up smaller than it needs, no dialog larger than a 1366×768 screen.
"""

from __future__ import annotations

import math
import re
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pippi_desktop.domain.errors import WrongPassphrase
from pippi_desktop.domain.i18n import DOMAIN, Lang, _, current_language, locale_dir
from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.forms.ui_about_dialog import Ui_AboutDialog
from pippi_desktop.gui.i18n import use_language
from pippi_desktop.gui.settings import Settings
from pippi_desktop.resource_paths import resources_dir
from pippi_desktop.services.open_workspace import OpenWorkspace
from pippi_desktop.services.workspace_service import create_workspace
from tests.conftest import PASSPHRASE
from tests.gui.conftest import FakeClock
from tests.gui.window_walk import is_shown, open_every_window, visible_texts

# Texts that are the same in Italian and English on purpose.
SAME_IN_BOTH = {
    "PIPPI Desktop",
    "&File",
    "&Passphrase:",
    "&Backup…",  # the File menu's entry (issue 13): "backup" is the Italian word too
    "Backup",  # ... and its tooltip
    "Italiano",
    "English",
    "XXXX",
    "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX",
    "Area lavoro – PIPPI Desktop",
    " min",
    "hh:mm",
}
# The sample family's names (data, not texts of the application).
SAMPLE_NAMES = ("Esposito", "Nicolò", "Maria", "Anna Bianchi")
SCREEN_WIDTH, SCREEN_HEIGHT = 1366, 768


def _not_words(text: str) -> bool:
    """Names of things, numbers, paths, codes: nothing to translate."""
    return (
        not re.search(r"[a-zà-ù]{3}", text)
        or "/" in text
        or (text.startswith("Versione") and text[9:].replace(".", "").replace("+", "").isalnum())
    )


@contextmanager
def _app_on_new_workspace(
    app: QApplication, tmp_path: Path, label: str
) -> Iterator[tuple[AppController, OpenWorkspace]]:
    folder = tmp_path / label
    folder.mkdir()
    created = create_workspace(
        folder / "lavoro.pippiws", role="educator", name="Area lavoro", passphrase=PASSPHRASE
    )
    controller = AppController(
        app, Settings(folder / "settings.ini"), clock=FakeClock(), default_parent=tmp_path
    )
    controller.start_with(created.workspace)
    controller.runner.wait_until_idle()
    QApplication.processEvents()
    try:
        yield controller, created.workspace
    finally:
        controller.shutdown()
        if created.workspace.is_open:
            created.workspace.close()


def _walk(
    app: QApplication, tmp_path: Path, label: str, visit: Callable[[str, QWidget], None]
) -> None:
    with _app_on_new_workspace(app, tmp_path, label) as (controller, workspace):
        for name, window in open_every_window(controller, workspace):
            visit(name, window)


def test_every_window_reads_in_both_languages_and_switches_without_restart(
    app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    italian: dict[str, dict[str, str]] = {}
    switched: dict[str, dict[str, str]] = {}

    def read_then_switch(name: str, window: QWidget) -> None:
        italian[name] = visible_texts(window)
        if isinstance(window, QMessageBox):
            return
        use_language(Lang.EN)
        QApplication.processEvents()
        switched[name] = visible_texts(window)
        use_language(Lang.IT)
        QApplication.processEvents()

    use_language(Lang.IT)
    _walk(app, tmp_path, "it", read_then_switch)
    english: dict[str, dict[str, str]] = {}
    use_language(Lang.EN)
    _walk(app, tmp_path, "en", lambda name, window: english.update({name: visible_texts(window)}))
    use_language(Lang.IT)

    assert set(italian) == set(english) and len(italian) >= 30
    problems: list[str] = []
    for name, it_texts in italian.items():
        en_texts = english[name]
        assert set(it_texts) == set(en_texts), f"{name}: the two languages show different widgets"
        for key, it_text in it_texts.items():
            en_text = en_texts[key]
            if not it_text.strip() or not en_text.strip():
                problems.append(f"{name} {key}: empty")
            elif (
                it_text == en_text
                and it_text not in SAME_IN_BOTH
                and not _not_words(it_text)
                and not any(name in it_text for name in SAMPLE_NAMES)
            ):
                problems.append(f"{name} {key}: not translated: {it_text!r}")
        if name in switched:
            stale = {
                key: text
                for key, text in switched[name].items()
                if en_texts.get(key) != text and not _not_words(text)
            }
            if stale:
                problems.append(f"{name}: still Italian after switching to English: {stale}")
    assert not problems, "\n".join(problems)


def test_the_language_setting_switches_the_open_window(
    controller: AppController, new_workspace: Callable[..., OpenWorkspace], qtbot: QtBot
) -> None:
    controller.start_with(new_workspace())
    window = controller.main_window
    assert window.ui.actionLock.text() == "&Blocca"
    dialog = controller.show_preferences()
    dialog.ui.languageCombo.setCurrentIndex(1)
    dialog.ui.saveButton.click()
    qtbot.waitUntil(lambda: window.ui.actionLock.text() == "&Lock")
    assert window.lock_label.text() == "Unlocked"
    assert window.role_label.text() == "Home educator"
    assert controller.settings.language is Lang.EN
    assert Settings(controller.settings.file_name).language is Lang.EN


# --- TRANS_SCALE -----------------------------------------------------------------------------


def stretch(text: str, factor: float = 1.3) -> str:
    """Each line of `text` made `factor` times longer (braces untouched, for str.format)."""
    padding = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod " * 8

    def longer(line: str) -> str:
        extra = math.ceil(len(line) * (factor - 1))
        return line if not line.strip() else f"{line} {padding[:extra].strip()}"

    return "\n".join(longer(line) for line in text.split("\n"))


STRETCHED = Lang("qps")  # a pseudo-language code (Microsoft's "qps-ploc" idea)
STRETCHED_FROM = ("argparse", "qt")  # texts whose source is English, not ours: left alone


def stretched_language(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Lang:
    """Install a pseudo-language whose every text of ours is the Italian one 30 % longer.

    It is a real catalogue in a copy of `resources/` (`PIPPI_RESOURCES`), the way a new
    language is added, so it stretches whatever goes through gettext: the forms, the windows'
    own texts, error messages. Qt's own texts keep their language. Then `use_language(it)`.
    """
    resources = folder / "stretched-resources"
    shutil.copytree(resources_dir(), resources)
    with (locale_dir() / f"{DOMAIN}.pot").open("rb") as handle:
        catalog = read_po(handle, locale="it")
    for message in catalog:
        if not message.id or set(STRETCHED_FROM) & set(message.auto_comments):
            continue
        message.string = (
            stretch(message.id)
            if isinstance(message.id, str)
            else tuple(stretch(text) for text in message.id)
        )
    target = resources / "locale" / STRETCHED / "LC_MESSAGES" / f"{DOMAIN}.mo"
    target.parent.mkdir(parents=True)
    with target.open("wb") as handle:
        write_mo(handle, catalog)
    monkeypatch.setenv("PIPPI_RESOURCES", str(resources))
    use_language(STRETCHED)
    QLocale.setDefault(QLocale("it_IT"))  # only the texts differ from Italian
    return STRETCHED


def clipped_widgets(window: QWidget) -> list[str]:
    """Labels and buttons smaller than their text needs, and windows bigger than the screen."""
    problems = []
    if not isinstance(window, QMainWindow):
        if window.width() > SCREEN_WIDTH or window.height() > SCREEN_HEIGHT:
            problems.append(f"window {window.width()}×{window.height()} exceeds the screen")
    elif window.minimumSizeHint().width() > SCREEN_WIDTH:
        problems.append(f"main window needs {window.minimumSizeHint().width()} px of width")
    for widget in window.findChildren(QWidget):
        if not is_shown(widget, window) or not isinstance(
            widget, QLabel | QAbstractButton | QLineEdit
        ):
            continue
        if isinstance(widget.parentWidget(), QLineEdit):
            continue  # Qt's own clear button inside a search field, drawn as an icon
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                problems.append(f"{name}: {widget.height()} px high, its text needs {needed}")
        elif widget.width() + 1 < widget.minimumSizeHint().width():
            problems.append(
                f"{name}: {widget.width()} px wide, needs {widget.minimumSizeHint().width()}"
            )
    return problems


@pytest.mark.parametrize("scale", [None, 1.3], ids=["as-is", "texts-30%-longer"])
def test_nothing_is_clipped(
    app: QApplication,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    scale: float | None,
) -> None:
    problems: list[str] = []

    def check(name: str, window: QWidget) -> None:
        problems.extend(f"{name}: {problem}" for problem in clipped_widgets(window))

    try:
        if scale:
            stretched_language(tmp_path, monkeypatch)
            _walk(app, tmp_path, "stretched", check)
        else:
            for lang in (Lang.IT, Lang.EN):
                use_language(lang)
                _walk(app, tmp_path, str(lang), check)
    finally:
        use_language(Lang.IT)
    assert not problems, "\n".join(problems)


def test_the_stretched_language_really_stretches(
    app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def longer(text: str, original: str) -> bool:
        return text.startswith(original + " ") and len(text) >= len(original) * 1.3

    try:
        lang = stretched_language(tmp_path, monkeypatch)
        assert current_language() is lang
        assert longer(_("Famiglie"), "Famiglie")
        dialog, form = QDialog(), Ui_AboutDialog()
        form.setupUi(dialog)  # a compiled form
        assert longer(form.closeButton.text(), "&Chiudi")
        dialog.deleteLater()
        assert longer(WrongPassphrase().message(lang), WrongPassphrase().message(Lang.IT))
        assert QCoreApplication.translate("QShortcut", "Ctrl") == "Ctrl"  # Qt's own texts
        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"
    finally:
        use_language(Lang.IT)
    assert _("Famiglie") == "Famiglie"
