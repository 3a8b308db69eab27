"""argparse in the user's language, reporting usage errors as `UsageError` (exit 2).

argparse looks its own (English) texts up at call time through the standard `gettext` module,
in the process's text domain. `argparse_language` binds that domain to our catalogues and picks
the language through the standard `LANGUAGE` variable; the Italian catalogue holds argparse's
texts in Italian (its `#. argparse` entries, extracted by `build_scripts/build_translations.py`).
Nothing of argparse is patched. Our own lines of `--help` (`-h`, `--version`) are added here with
texts of ours, because argparse's default for `--version` is not translatable.
"""

from __future__ import annotations

import argparse
import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from pippi_desktop.domain.errors import UsageError
from pippi_desktop.domain.i18n import DOMAIN, N_, Lang, _, locale_dir


@contextmanager
def argparse_language(lang: Lang) -> Iterator[None]:
    """argparse speaks `lang` inside the block; the process's previous settings come back after
    (the command line is its own process, but tests call `main` in theirs)."""
    previous_domain = gettext.textdomain()
    previous_language = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(locale_dir()))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = str(lang)
    try:
        yield
    finally:
        gettext.textdomain(previous_domain)
        if previous_language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = previous_language


class CommandParser(argparse.ArgumentParser):
    """Raise instead of printing and exiting, so errors go through one mapping; `-h` is ours."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help=_("mostra questo aiuto ed esce"))

    def error(self, message: str) -> NoReturn:
        raise UsageError(
            detail=N_("{message} (vedi «{prog} --help»)").bind(message=message, prog=self.prog)
        )
