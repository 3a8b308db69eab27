"""`self-test`: the application checks itself end to end in a temporary folder (issue 8).

The steps are `services.self_test.STEPS` plus the GUI's step, which lives in `gui/` and is
imported only when it runs (the command line never imports Qt itself).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from pippi_desktop.cli.app import CliContext, Command, attach_fallback_log
from pippi_desktop.domain.errors import EXIT_INTERNAL, EXIT_OK
from pippi_desktop.domain.i18n import N_, _
from pippi_desktop.version import __version__

if TYPE_CHECKING:
    from pippi_desktop.services.self_test import SelfTestStep, StepResult

STATUS_LABELS = {"ok": N_("ok"), "skipped": N_("saltato"), "failed": N_("ERRORE")}


def all_steps() -> list[SelfTestStep]:
    from pippi_desktop.services.self_test import STEPS, SelfTestStep, lazy

    return [
        *STEPS,
        SelfTestStep(
            "main_window",
            N_("Finestra principale (fuori schermo)"),
            lazy("pippi_desktop.gui.self_test_window", "open_and_close_main_window"),
        ),
    ]


def _existing_folder(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(_("la cartella non esiste"))
    return path


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("risultato in JSON"))
    parser.add_argument(
        "--temp-dir",
        metavar=_("CARTELLA"),
        type=_existing_folder,
        help=(_("dove creare la cartella temporanea (predefinita: quella del sistema)")),
    )


def _print_result(step: SelfTestStep, result: StepResult, ctx: CliContext) -> None:
    status = STATUS_LABELS[result.status].translated()
    label = step.label.translated()
    note = f" — {result.message}" if result.message and result.status != "failed" else ""
    print(f"  {status:8} {result.seconds:6.2f} s  {label}{note}", file=ctx.stdout, flush=True)


def _run(args: argparse.Namespace, ctx: CliContext) -> int:
    from pippi_desktop.services.self_test import run_self_test

    attach_fallback_log()  # the test workspace's own log goes away with its folder
    steps = all_steps()
    if not args.json:
        ctx.say(_("Autoverifica di PIPPI Desktop {v}"), v=__version__)
    report = run_self_test(
        steps,
        lang=ctx.lang,
        temp_parent=args.temp_dir,
        on_result=None if args.json else lambda step, result: _print_result(step, result, ctx),
    )
    if args.json:
        ctx.emit_json(report.as_json())
    failed = report.failed
    if failed is not None:
        label = next(step.label.translated() for step in steps if step.name == failed.name)
        print(
            _("Autoverifica non riuscita al passo «{step}»: {message}").format(
                step=label, message=failed.message
            ),
            file=ctx.stderr,
        )
        return EXIT_INTERNAL
    if not args.json:
        counts = {s: sum(r.status == s for r in report.results) for s in ("ok", "skipped")}
        ctx.say(
            _("Autoverifica riuscita: {ok} passi superati, {skipped} saltati ({seconds:.1f} s)."),
            seconds=report.seconds,
            **counts,
        )
    return EXIT_OK


COMMANDS = [
    Command(
        "self-test",
        N_("controlla che l'applicazione funzioni (area di lavoro di prova, poi cancellata)"),
        _configure,
        _run,
    ),
]
