"""argparse that speaks Italian and reports usage errors as `UsageError` (exit 2).

argparse looks its texts up through its module-level `_` at call time; for Italian we point
it at the table below for the life of the process (the command line is its own process).
"""

from __future__ import annotations

import argparse
from typing import NoReturn

from pippi_desktop.domain.errors import UsageError
from pippi_desktop.domain.i18n import Lang

_ITALIAN = {
    "usage: ": "uso: ",
    "positional arguments": "argomenti",
    "options": "opzioni",
    "optional arguments": "opzioni",
    "show this help message and exit": "mostra questo aiuto ed esce",
    "show program's version number and exit": "mostra la versione del programma ed esce",
    "the following arguments are required: %s": "mancano argomenti obbligatori: %s",
    "unrecognized arguments: %s": "argomenti non riconosciuti: %s",
    "argument %(argument_name)s: %(message)s": "argomento %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "valore non ammesso: %(value)r (valori possibili: %(choices)s)"
    ),
    "expected one argument": "serve un valore",
    "expected at least one argument": "serve almeno un valore",
    "expected at most one argument": "al massimo un valore",
    "invalid %(type)s value: %(value)r": "valore non valido: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opzione ambigua: %(option)s può indicare %(matches)s"
    ),
    "not allowed with argument %s": "non si può usare insieme a %s",
    "one of the arguments %s is required": "serve uno di questi argomenti: %s",
    "ignored explicit argument %r": "valore ignorato: %r",
}


def _italian(message: str) -> str:
    return _ITALIAN.get(message, message)


def _italian_n(singular: str, plural: str, count: int) -> str:
    return _italian(singular if count == 1 else plural)


def use_language(lang: Lang) -> None:
    if lang is Lang.IT:
        argparse._ = _italian  # type: ignore[attr-defined]
        argparse.ngettext = _italian_n  # type: ignore[attr-defined]


class CommandParser(argparse.ArgumentParser):
    """Raise instead of printing and exiting, so errors go through one mapping."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(detail=f"{message} (vedi «{self.prog} --help»)")


class EnglishCommandParser(CommandParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(detail=f"{message} (see '{self.prog} --help')")


def parser_class(lang: Lang) -> type[CommandParser]:
    return EnglishCommandParser if lang is Lang.EN else CommandParser
