"""The command line: one parser, one dispatcher, one mapping from errors to exit codes.

No traceback ever reaches the terminal: typed errors print their one sentence and exit with
their code; anything else is logged (frames only, no messages) and reported as exit 1.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from pippi_desktop.cli.parser import CommandParser, argparse_language
from pippi_desktop.cli.registry import COMMAND_NAMES, commands_to_load, load_commands
from pippi_desktop.domain.errors import (
    EXIT_INTERNAL,
    EXIT_OK,
    AppFileMissing,
    InternalError,
    PippiError,
)
from pippi_desktop.domain.i18n import (
    SOURCE_LANGUAGE,
    Lang,
    Message,
    _,
    available_languages,
    lang_from_env,
    parse_lang,
    set_language,
)
from pippi_desktop.resource_paths import missing_app_file
from pippi_desktop.services.failures import as_write_failure
from pippi_desktop.version import __version__

log = logging.getLogger(__name__)


@dataclass
class CliContext:
    """What a command's `run` gets besides its arguments. Texts are `_()` calls: the language
    (`lang`, also handed to services that render for a language) is the process's, set once in
    `main`."""

    lang: Lang
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)

    def say(self, text: str, **params: Any) -> None:
        """Print a translated text (`_("…")`), its `{placeholders}` filled from `params`."""
        print(text.format(**params), file=self.stdout)

    def emit_json(self, value: Any) -> None:
        json.dump(value, self.stdout, ensure_ascii=False, indent=2, default=str)
        self.stdout.write("\n")

    def fail(self, error: PippiError) -> int:
        print(error.message(self.lang), file=self.stderr)
        return error.exit_code


Configure = Callable[[argparse.ArgumentParser], None]
Run = Callable[[argparse.Namespace, CliContext], int]


@dataclass(frozen=True)
class Command:
    name: str
    help: Message  # marked with N_(): translated when the parser is built
    configure: Configure
    run: Run


def _lang_from_argv(argv: Sequence[str]) -> Lang:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return parse_lang(argv[index + 1])
        if arg.startswith("--lang="):
            return parse_lang(arg.split("=", 1)[1])
    return lang_from_env()


def _add_common(parser: argparse.ArgumentParser) -> None:
    # The source language first, then the others: "it, en".
    languages = sorted(available_languages(), key=lambda code: code != SOURCE_LANGUAGE)
    parser.add_argument(
        "--lang",
        choices=languages,
        help=_("lingua dei messaggi ({languages})").format(languages=", ".join(languages)),
    )


def build_parser(commands: Sequence[Command]) -> CommandParser:
    """The parser in the current language (`set_language` first). Every command of the registry
    is a valid choice; those in `commands` (`registry.load_commands`) also get their arguments
    and their line in `--help`: the others are not needed to parse this command line."""
    parser = CommandParser(
        prog="pippi-desktop",
        description=_(
            "PIPPI Desktop: cartelle delle famiglie cifrate, pacchetti di sincronizzazione "
            "firmati, schede stampabili per il programma P.I.P.P.I. Senza comando apre la "
            "finestra."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"pippi-desktop {__version__}",
        help=_("mostra la versione del programma ed esce"),
    )
    _add_common(parser)
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_(
            "apre l'applicazione su un'area di lavoro dimostrativa temporanea (senza schermo: "
            "la crea e ne mostra il contenuto)"
        ),
    )
    parser.add_argument(
        "--screenshot",
        metavar=_("CARTELLA"),
        help=_("salva le schermate delle finestre principali in CARTELLA e termina"),
    )
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMANDO"), title=_("comandi"))
    loaded = {command.name: command for command in commands}
    for name in COMMAND_NAMES:
        command = loaded.get(name)
        if command is None:
            subparsers.add_parser(name)
            continue
        sub = subparsers.add_parser(name, help=command.help.translated())
        _add_common(sub)
        command.configure(sub)
        sub.set_defaults(_run=command.run)
    return parser


def attach_fallback_log() -> None:
    """Log to the user's state folder when no workspace log is attached (imported here: opening
    a log file costs imports that a command which logs nothing, or the window, never needs)."""
    from pippi_desktop.services import app_log

    handlers = app_log.application_logger().handlers
    if all(isinstance(handler, logging.NullHandler) for handler in handlers):
        app_log.attach_application_log()


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list == ["--version"]:  # the quickest answer: no catalogue, no parser
        print(f"pippi-desktop {__version__}")
        return EXIT_OK
    lang = _lang_from_argv(args_list)
    set_language(lang)
    with argparse_language(lang):
        return _run(args_list, CliContext(lang=lang))


def _run(args_list: list[str], ctx: CliContext) -> int:
    try:
        parser = build_parser(load_commands(commands_to_load(args_list)))
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
        print(_("Operazione interrotta."), file=ctx.stderr)
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
