"""The language of the windows: gettext for our texts, Qt's own catalogue for Qt's.

Every text of ours — the hand-written windows and the compiled Designer forms alike — is an
Italian text passed to `_()` / `ngettext()` / `pgettext()` of `pippi_desktop.domain.i18n`,
looked up in the current language each time it is called. `use_language(lang)`:

1. sets that language (`set_language`), for every `_()` from now on;
2. installs Qt's own catalogue, `qtbase_<lang>.qm` from PySide6's translations folder, for
   the texts Qt draws itself (file dialogs, the context menus of text fields, message box
   buttons, the calendar), and `QtTextsTranslator` for the few that catalogue lacks
   (`qt_texts.py`);
3. sets the default `QLocale`, `<lang>_IT` (the calendar's month and day names).

Installing and removing translators makes Qt post a `LanguageChange` event to every window
(merged into one per widget); ours answer it by calling `retranslateUi` on their form and
re-setting the texts they compute (`changeEvent` in each window), so switching language needs
no restart. The gettext language is set first, so every answer reads the new language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from pippi_desktop.domain.i18n import Lang, current_language, set_language
from pippi_desktop.gui.qt_texts import QtTextsTranslator

_installed: list[QTranslator] = []


def current_lang() -> Lang:
    return current_language()


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def _load_qt(lang: Lang) -> QTranslator | None:
    """Qt's own catalogue of `lang`, when PySide6 ships one."""
    translator = QTranslator()
    if translator.load(f"qtbase_{lang!s}", qt_translations_dir()):
        return translator
    return None


def use_language(lang: Lang) -> None:
    """Make `lang` the language of every window, the open ones included."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("no QApplication")
    set_language(lang)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    for candidate in (_load_qt(lang), QtTextsTranslator()):
        if candidate is not None:
            app.installTranslator(candidate)
            _installed.append(candidate)
    # The language's words with Italy's conventions (the programme runs in Italy): en_IT has
    # the week start on Monday and dates as dd/MM/yyyy, like it_IT.
    QLocale.setDefault(QLocale(QLocale(str(lang)).language(), QLocale.Country.Italy))
