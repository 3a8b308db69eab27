"""The command line: one parser, one dispatcher, one mapping from errors to exit codes.

No traceback ever reaches the terminal: typed errors print their one sentence and exit with
their code; anything else is logged (frames only, no messages) and reported as exit 1.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from pippi_desktop.cli.parser import CommandParser, parser_class, use_language
from pippi_desktop.domain.errors import (
    EXIT_INTERNAL,
    EXIT_OK,
    AppFileMissing,
    InternalError,
    PippiError,
)
from pippi_desktop.domain.i18n import Lang, lang_from_env, parse_lang, set_language
from pippi_desktop.resource_paths import missing_app_file
from pippi_desktop.storage.log_files import LOGGER_NAME, attach_workspace_log
from pippi_desktop.storage.write_errors import as_write_failure
from pippi_desktop.version import __version__

log = logging.getLogger(__name__)


@dataclass
class CliContext:
    lang: Lang
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)

    def t(self, italian: str, english: str) -> str:
        return english if self.lang is Lang.EN else italian

    def say(self, italian: str, english: str, **params: Any) -> None:
        print(self.t(italian, english).format(**params), file=self.stdout)

    def emit_json(self, value: Any) -> None:
        json.dump(value, self.stdout, ensure_ascii=False, indent=2, default=str)
        self.stdout.write("\n")

    def fail(self, error: PippiError) -> int:
        print(error.message(self.lang), file=self.stderr)
        return error.exit_code


Configure = Callable[[argparse.ArgumentParser, Lang], None]
Run = Callable[[argparse.Namespace, CliContext], int]


@dataclass(frozen=True)
class Command:
    name: str
    help_it: str
    help_en: str
    configure: Configure
    run: Run


def _lang_from_argv(argv: Sequence[str]) -> Lang:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return parse_lang(argv[index + 1])
        if arg.startswith("--lang="):
            return parse_lang(arg.split("=", 1)[1])
    return lang_from_env()


def _add_common(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument(
        "--lang",
        choices=("it", "en"),
        help="lingua dei messaggi (it, en)" if lang is Lang.IT else "message language (it, en)",
    )


def build_parser(lang: Lang, commands: Sequence[Command]) -> CommandParser:
    cls = parser_class(lang)
    it = lang is Lang.IT
    parser = cls(
        prog="pippi-desktop",
        description=(
            "PIPPI Desktop: cartelle delle famiglie cifrate, pacchetti di sincronizzazione "
            "firmati, schede stampabili per il programma P.I.P.P.I. Senza comando apre la "
            "finestra."
            if it
            else "PIPPI Desktop: encrypted family case files, signed sync bundles, printable "
            "sheets for the P.I.P.P.I. programme. Without a command it opens the window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"pippi-desktop {__version__}")
    _add_common(parser, lang)
    parser.add_argument(
        "--demo",
        action="store_true",
        help=(
            "apre l'applicazione su un'area di lavoro dimostrativa temporanea (senza schermo: "
            "la crea e ne mostra il contenuto)"
            if it
            else "opens the application on a temporary demo workspace (with no display: "
            "creates it and shows what it holds)"
        ),
    )
    parser.add_argument(
        "--screenshot",
        metavar="DIR" if not it else "CARTELLA",
        help=(
            "salva le schermate delle finestre principali in CARTELLA e termina"
            if it
            else "saves screenshots of the main windows into DIR and exits"
        ),
    )
    subparsers = parser.add_subparsers(
        dest="command",
        metavar="COMANDO" if it else "COMMAND",
        title="comandi" if it else "commands",
    )
    for command in commands:
        sub = subparsers.add_parser(command.name, help=command.help_it if it else command.help_en)
        _add_common(sub, lang)
        command.configure(sub, lang)
        sub.set_defaults(_run=command.run)
    return parser


def attach_fallback_log() -> None:
    """Log to the user's state folder when no workspace log is attached."""
    logger = logging.getLogger(LOGGER_NAME)
    if any(not isinstance(handler, logging.NullHandler) for handler in logger.handlers):
        return
    base = os.environ.get("XDG_STATE_HOME") or (
        os.environ.get("LOCALAPPDATA") if os.name == "nt" else None
    )
    root = Path(base) if base else Path.home() / ".local" / "state"
    try:
        root.mkdir(parents=True, exist_ok=True)
        attach_workspace_log(root / "pippi-desktop")
    except OSError:
        pass


def main(argv: Sequence[str] | None = None) -> int:
    from pippi_desktop.cli.registry import all_commands

    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list == ["--version"]:  # answered before importing every command's modules
        print(f"pippi-desktop {__version__}")
        return EXIT_OK
    lang = _lang_from_argv(args_list)
    use_language(lang)
    set_language(lang)  # gettext's `_()` speaks the language of the command line
    ctx = CliContext(lang=lang)
    try:
        parser = build_parser(lang, all_commands())
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exit_request:  # --help and --version
            return int(exit_request.code or 0)
        run: Run | None = getattr(args, "_run", None)
        if run is None:
            from pippi_desktop.cli.launch import launch_application

            return launch_application(args, ctx)
        return run(args, ctx)
    except PippiError as error:
        if error.exit_code == EXIT_INTERNAL:
            attach_fallback_log()
            log.error("internal error", exc_info=True)
        return ctx.fail(error)
    except KeyboardInterrupt:
        print(ctx.t("Operazione interrotta.", "Operation interrupted."), file=ctx.stderr)
        return EXIT_INTERNAL
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:
        failure = as_write_failure(error)
        if failure is not None:  # a full disk or read-only media reached no typed handler
            attach_fallback_log()
            log.warning("write failed outside a typed handler", exc_info=True)
            return ctx.fail(failure)
        if not getattr(error, "pippi_logged", False):
            attach_fallback_log()
            log.error("unexpected error", exc_info=True)
        missing = missing_app_file(error)  # a broken installation: say so, not "unexpected"
        return ctx.fail(AppFileMissing(file=missing) if missing else InternalError())
