"""Both languages everywhere, switching without a restart, and room for longer texts.

- Every window and dialog is opened in Italian and in English; a visible text that is the same
  in both (and is not a name, a number or one of the few words English shares) was never
  translated; an empty visible label, button or title is a bug in either language.
- The same windows opened in Italian and switched to English while open must read exactly
  as the ones opened in English (restart-free switching); message boxes are excluded, they
  keep the language they opened in.
- TRANS_SCALE (vorta's idea): every text of ours stretched by 30 %; no label or button may
  end up smaller than it needs, no dialog larger than a 1366×768 screen.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pippi_desktop.domain.i18n import Lang
from pippi_desktop.gui.controller import AppController
from pippi_desktop.gui.i18n import use_language
from pippi_desktop.gui.settings import Settings
from pippi_desktop.resource_paths import resource
from pippi_desktop.services.workspace_service import create_workspace
from pippi_desktop.storage.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.gui.conftest import FakeClock
from tests.gui.window_walk import is_shown, open_every_window, visible_texts

# Texts that are the same in Italian and English on purpose.
SAME_IN_BOTH = {
    "PIPPI Desktop",
    "&File",
    "&Passphrase:",
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
) -> Iterator[tuple[AppController, Workspace]]:
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


def test_the_translations_file_is_complete() -> None:
    root = ElementTree.parse(resource("translations", "pippi_desktop_en.ts")).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 150
    unfinished = [
        m.findtext("source")
        for m in messages
        if (m.find("translation").get("type") or "") in ("unfinished", "obsolete", "vanished")
        or not (m.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_the_language_setting_switches_the_open_window(
    controller: AppController, new_workspace: Callable[..., Workspace], qtbot: QtBot
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


def _our_contexts() -> set[str]:
    root = ElementTree.parse(resource("translations", "pippi_desktop_en.ts")).getroot()
    return {context.findtext("name") or "" for context in root.iter("context")}


def stretch(text: str, factor: float = 1.3) -> str:
    """Each line of `text` made `factor` times longer (braces untouched, for str.format)."""
    padding = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod " * 8

    def longer(line: str) -> str:
        extra = math.ceil(len(line) * (factor - 1))
        return line if not line.strip() else f"{line} {padding[:extra].strip()}"

    return "\n".join(longer(line) for line in text.split("\n"))


class StretchingTranslator(QTranslator):
    def __init__(self, contexts: set[str]) -> None:
        super().__init__()
        self.contexts = contexts

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
        if context in self.contexts and source:
            return stretch(source)
        return None

    def isEmpty(self) -> bool:
        return False


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
    app: QApplication, qtbot: QtBot, tmp_path: Path, scale: float | None
) -> None:
    problems: list[str] = []

    def check(name: str, window: QWidget) -> None:
        problems.extend(f"{name}: {problem}" for problem in clipped_widgets(window))

    for lang in (Lang.IT, Lang.EN):
        extra = StretchingTranslator(_our_contexts()) if scale else None
        use_language(Lang.IT if scale else lang, extra=extra)
        _walk(app, tmp_path, f"{lang!s}-{scale}", check)
        if scale:
            break
    use_language(Lang.IT)
    assert not problems, "\n".join(problems)


def test_the_stretching_translator_really_stretches(app: QApplication) -> None:
    use_language(Lang.IT, extra=StretchingTranslator({"MainWindow"}))
    try:
        from PySide6.QtCore import QCoreApplication

        stretched = QCoreApplication.translate("MainWindow", "Famiglie")
        assert stretched.startswith("Famiglie ") and len(stretched) >= len("Famiglie") * 1.3
        assert QCoreApplication.translate("QShortcut", "Ctrl") == "Ctrl"
    finally:
        use_language(Lang.IT)
