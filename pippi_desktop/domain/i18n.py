"""One translation mechanism for all of our own text: GNU gettext catalogues.

Every text a person reads — error messages, command-line output and help, printed sheets,
windows and the compiled Designer forms — is written in Italian in the code, marked with
`_()` (translated now, in the current language), `N_()` (marked now, translated when shown),
`ngettext()` (plurals) or `pgettext()` (the same Italian with two meanings), and looked up in
`resources/locale/<lang>/LC_MESSAGES/pippi_desktop.mo`. `build_scripts/build_translations.py`
extracts the texts (Babel) into `pippi_desktop.pot`, updates each `.po` and compiles the
`.mo`; `tests/test_translations.py` fails when a text lacks a translation in any language.

Italian is the source language: its catalogue holds only argparse's own (English) texts, which
argparse looks up through the process's gettext domain (see `cli/parser.py`). Adding a
language is adding its `.po`/`.mo` files: `available_languages()` finds them.

Code that renders for a given language (a PDF printed in English from an Italian window)
uses `translator(lang)`; everything else uses the process's current language, set once by the
command line and switched at run time by the GUI (`set_language`).
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import ClassVar

from pippi_desktop.resource_paths import resource

DOMAIN = "pippi_desktop"


class Lang(str):
    """A language code of a shipped catalogue: "it", "en", … (one object per code)."""

    __slots__ = ()
    IT: ClassVar[Lang]
    EN: ClassVar[Lang]
    _interned: ClassVar[dict[str, Lang]] = {}

    def __new__(cls, code: str) -> Lang:
        existing = cls._interned.get(code)
        if existing is None:
            existing = cls._interned[code] = super().__new__(cls, code)
        return existing


Lang.IT = Lang("it")
Lang.EN = Lang("en")
SOURCE_LANGUAGE = Lang.IT


class Message(str):
    """A text marked for translation and translated only when shown (see `N_`, `NC_`)."""

    context: str | None = None
    params: Mapping[str, object] = MappingProxyType({})

    def bind(self, **params: object) -> Message:
        """The same text with its `{placeholders}` filled when it is shown (values may be
        Messages themselves: they are translated too)."""
        bound = Message(self)
        bound.context = self.context
        bound.params = MappingProxyType({**self.params, **params})
        return bound

    def translated(self, lang: str | None = None) -> str:
        catalogue = translator(lang)
        if self.context is not None:
            text = catalogue.pgettext(self.context, self)
        else:
            text = catalogue.gettext(self)
        if not self.params:
            return text
        return text.format(
            **{
                key: value.translated(lang) if isinstance(value, Message) else value
                for key, value in self.params.items()
            }
        )


def N_(text: str) -> Message:
    """Mark `text` for extraction; it is translated later, in the language of whoever reads it."""
    return Message(text)


def NC_(context: str, text: str) -> Message:
    """`N_` for an Italian text with more than one meaning; `context` tells them apart."""
    message = Message(text)
    message.context = context
    return message


def locale_dir() -> Path:
    return resource("locale")


def available_languages() -> tuple[Lang, ...]:
    """The source language and every language with a compiled catalogue, sorted."""
    found = {SOURCE_LANGUAGE}
    root = locale_dir()
    if root.is_dir():
        for child in root.iterdir():
            if (child / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file():
                found.add(Lang(child.name))
    return tuple(sorted(found))


def parse_lang(value: str | None) -> Lang:
    """`en`, `EN`, `en_GB.UTF-8` -> "en" when shipped; anything else -> Italian, the default."""
    if value:
        code = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
        for lang in available_languages():
            if lang == code:
                return lang
    return SOURCE_LANGUAGE


def lang_from_env() -> Lang:
    return parse_lang(os.environ.get("PIPPI_LANG"))


def translator(lang: str | None = None) -> _gettext.NullTranslations:
    """The catalogue of `lang` (the current language when None).

    A missing catalogue of a language other than Italian is a broken installation: the
    `FileNotFoundError` names the file, and the command line reports it as such.
    """
    return _load(_current if lang is None else lang)


@cache
def _load(lang: str) -> _gettext.NullTranslations:
    path = locale_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if lang == SOURCE_LANGUAGE and not path.is_file():
        return _gettext.NullTranslations()
    with path.open("rb") as handle:
        return _gettext.GNUTranslations(handle)


_current: Lang = SOURCE_LANGUAGE


def set_language(lang: str) -> None:
    """The language of every `_()` from now on (the GUI switches it at run time)."""
    global _current
    _current = parse_lang(lang)


def current_language() -> Lang:
    return _current


def gettext(text: str) -> str:
    return translator(_current).gettext(text)


def ngettext(singular: str, plural: str, count: int) -> str:
    return translator(_current).ngettext(singular, plural, count)


def pgettext(context: str, text: str) -> str:
    return translator(_current).pgettext(context, text)


_ = gettext
