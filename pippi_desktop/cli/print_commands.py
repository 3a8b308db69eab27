"""`print-sheet` (issue 7): the printed documents as PDF files.

    pippi-desktop print-sheet PATH --family CODE --kind session|triangle|blank-triangle|report
                              [--visit ID] [--with-notes] [--assessment ID] [-o FILE] [--lang en]
    pippi-desktop print-sheet PATH --group-session ID --kind attendance [-o FILE]
    pippi-desktop print-sheet PATH --all-families --kind report -o DIR

Exit codes: 0 written; 2 a wrong combination of options or an unknown kind; 4 an unknown
family, visit, assessment or group session, or a destination that exists or cannot be
written (nothing is written); 3 and 5 as for every command that opens a workspace. Without
`-o` the file goes to the current folder under a name with no personal data
(`scheda-visita-<random>.pdf`); `-o` naming an existing folder puts that name there.
The session sheet is for the family: the educator's notes on the visit are left out unless
`--with-notes` is given.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from pippi_desktop.cli.app import CliContext, Command
from pippi_desktop.cli.workspace_access import add_passphrase_option, opened_workspace
from pippi_desktop.domain.errors import EXIT_OK, UsageError
from pippi_desktop.domain.i18n import N_, Lang, _, ngettext

if TYPE_CHECKING:
    from pippi_desktop.services.print_service import DocumentKind

# The values of `print_service.DocumentKind`, here so that `--help` and every other command
# start without importing ReportLab (the service is imported when printing).
KINDS = ("session", "triangle", "blank-triangle", "report", "attendance")


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help=_("cartella dell'area di lavoro"))
    add_passphrase_option(parser)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--family",
        metavar="CODE",
        help=_("codice della famiglia (es. F-2026-K7QA-014)"),
    )
    target.add_argument(
        "--group-session",
        metavar="ID",
        help=_("identificativo dell'incontro di gruppo (registro delle presenze)"),
    )
    target.add_argument(
        "--all-families",
        action="store_true",
        help=_("la relazione di ogni famiglia, un file ciascuna nella cartella -o"),
    )
    parser.add_argument(
        "--kind",
        required=True,
        choices=KINDS,
        help=_(
            "session: scheda della visita; triangle: valutazione del triangolo; "
            "blank-triangle: triangolo da compilare; report: relazione sul percorso; "
            "attendance: registro delle presenze"
        ),
    )
    parser.add_argument(
        "--visit",
        metavar="ID",
        help=_("la visita (senza: l'ultima)"),
    )
    parser.add_argument(
        "--with-notes",
        action="store_true",
        help=_(
            "con --kind session: stampa anche le osservazioni dell'educatore/educatrice "
            "(senza: la scheda per la famiglia non le riporta)"
        ),
    )
    parser.add_argument(
        "--assessment",
        metavar="ID",
        help=_("la valutazione (senza: l'ultima)"),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=_("file PDF da creare (con --all-families: la cartella)"),
    )


def _check_options(args: argparse.Namespace, ctx: CliContext) -> DocumentKind:
    from pippi_desktop.services.print_service import DocumentKind

    kind = DocumentKind(args.kind)

    if kind is DocumentKind.ATTENDANCE and not args.group_session:
        raise UsageError(detail=N_("--kind attendance si usa con --group-session ID"))
    if args.group_session and kind is not DocumentKind.ATTENDANCE:
        raise UsageError(detail=N_("--group-session si usa con --kind attendance"))
    if args.all_families:
        if kind is not DocumentKind.REPORT:
            raise UsageError(detail=N_("--all-families si usa con --kind report"))
        if not args.output:
            raise UsageError(detail=N_("--all-families richiede -o CARTELLA"))
    if args.visit and kind is not DocumentKind.SESSION:
        raise UsageError(detail=N_("--visit si usa con --kind session"))
    if args.with_notes and kind is not DocumentKind.SESSION:
        raise UsageError(detail=N_("--with-notes si usa con --kind session"))
    if args.assessment and kind is not DocumentKind.TRIANGLE:
        raise UsageError(detail=N_("--assessment si usa con --kind triangle"))
    return kind


def _destination(args: argparse.Namespace, kind: DocumentKind, lang: Lang) -> Path:
    from pippi_desktop.services import print_service

    if not args.output:
        return Path.cwd() / print_service.default_file_name(kind, lang)
    path = Path(args.output)
    if path.is_dir():
        return path / print_service.default_file_name(kind, lang)
    return path


def _run_batch(args: argparse.Namespace, ctx: CliContext) -> int:
    from pippi_desktop.services import print_service

    start = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    with opened_workspace(args.path, args, ctx) as workspace:
        result = print_service.print_all_reports(
            workspace, Path(args.output), lang=ctx.lang, progress=progress
        )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    ctx.say(
        ngettext(
            "Scritta {n} relazione in {folder} in {seconds:.1f} s. Contiene dati personali: "
            "conservala con cura e distruggila quando non serve più.",
            "Scritte {n} relazioni in {folder} in {seconds:.1f} s. Contengono dati personali: "
            "conservale con cura e distruggile quando non servono più.",
            result.families,
        ),
        n=result.families,
        folder=args.output,
        seconds=time.perf_counter() - start,
    )
    return EXIT_OK


def _run(args: argparse.Namespace, ctx: CliContext) -> int:
    from pippi_desktop.services import casefile_view, print_service
    from pippi_desktop.services.print_service import DocumentKind, PrintRequest

    kind = _check_options(args, ctx)
    if args.all_families:
        return _run_batch(args, ctx)
    path = _destination(args, kind, ctx.lang)
    print_service.check_output_file(path, replace=False)
    with opened_workspace(args.path, args, ctx) as workspace:
        if kind is DocumentKind.ATTENDANCE:
            request = PrintRequest(kind, session_id=args.group_session, lang=ctx.lang)
        else:
            request = PrintRequest(
                kind,
                family_id=casefile_view.find_family_id(workspace, args.family),
                visit_id=args.visit,
                assessment_id=args.assessment,
                lang=ctx.lang,
                with_notes=args.with_notes,
            )
        print_service.write(workspace, request, path)
    ctx.say(
        _(
            "Documento scritto in {file}. Contiene dati personali: conservalo con cura e "
            "distruggilo quando non serve più."
        ),
        file=path,
    )
    return EXIT_OK


COMMANDS = [
    Command(
        "print-sheet", N_("stampa in PDF schede, triangoli, relazioni e registri"), _configure, _run
    ),
]
