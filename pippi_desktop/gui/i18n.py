"""The language of the windows: Italian source texts, English from `pippi_desktop_en.qm`.

`use_language(app, lang)` swaps the installed translators at any time; Qt then sends every
widget a `LanguageChange` event, and our windows answer it by calling `retranslateUi` on
their form and re-setting the texts they compute (see `Retranslatable`). So switching
language needs no restart.

PySide6's `self.tr()` looks a text up under the *runtime* class name, so a class that is
meant to be subclassed must use `QCoreApplication.translate("ItsName", …)` instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from pippi_desktop.domain.i18n import Lang, set_language
from pippi_desktop.resource_paths import resource

QM_NAME = "pippi_desktop_{lang}.qm"

_installed: list[QTranslator] = []
_current = Lang.IT


def current_lang() -> Lang:
    return _current


def translations_dir() -> str:
    return str(resource("translations"))


def _load_own(lang: Lang) -> QTranslator | None:
    if lang is Lang.IT:
        return None  # the source texts are Italian
    translator = QTranslator()
    if not translator.load(QM_NAME.format(lang=str(lang)), translations_dir()):
        raise FileNotFoundError(QM_NAME.format(lang=str(lang)))
    return translator


def _load_qt(lang: Lang) -> QTranslator | None:
    """Qt's own texts (file dialogs, context menus of text fields) in the same language."""
    translator = QTranslator()
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{lang!s}", path):
        return translator
    return None


def use_language(lang: Lang, *, extra: QTranslator | None = None) -> None:
    """Install the translators of `lang` (replacing the current ones); widgets retranslate."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("no QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    for candidate in (_load_qt(lang), _load_own(lang), extra):
        if candidate is not None:
            app.installTranslator(candidate)
            _installed.append(candidate)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.English if lang is Lang.EN else QLocale.Language.Italian,
            QLocale.Country.Italy if lang is Lang.IT else QLocale.Country.UnitedKingdom,
        )
    )
    _current = lang
    set_language(lang)
