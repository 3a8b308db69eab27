"""`print-sheet` (issue 7): the printed documents as PDF files.

    pippi-desktop print-sheet PATH --family CODE --kind session|triangle|blank-triangle|report
                              [--visit ID] [--assessment ID] [-o FILE] [--lang en]
    pippi-desktop print-sheet PATH --group-session ID --kind attendance [-o FILE]
    pippi-desktop print-sheet PATH --all-families --kind report -o DIR

Exit codes: 0 written; 2 a wrong combination of options or an unknown kind; 4 an unknown
family, visit, assessment or group session, or a destination that exists or cannot be
written (nothing is written); 3 and 5 as for every command that opens a workspace. Without
`-o` the file goes to the current folder under a name with no personal data
(`scheda-visita-<random>.pdf`); `-o` naming an existing folder puts that name there.
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
from pippi_desktop.domain.i18n import Lang

if TYPE_CHECKING:
    from pippi_desktop.services.print_service import DocumentKind

# The values of `print_service.DocumentKind`, here so that `--help` and every other command
# start without importing ReportLab (the service is imported when printing).
KINDS = ("session", "triangle", "blank-triangle", "report", "attendance")


def _configure(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    parser.add_argument(
        "path", metavar="PATH", help="cartella dell'area di lavoro" if it else "workspace folder"
    )
    add_passphrase_option(parser, it=it)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--family",
        metavar="CODE",
        help="codice della famiglia (es. F-2026-K7QA-014)"
        if it
        else "family code (e.g. F-2026-K7QA-014)",
    )
    target.add_argument(
        "--group-session",
        metavar="ID",
        help="identificativo dell'incontro di gruppo (registro delle presenze)"
        if it
        else "group session id (attendance register)",
    )
    target.add_argument(
        "--all-families",
        action="store_true",
        help="la relazione di ogni famiglia, un file ciascuna nella cartella -o"
        if it
        else "every family's report, one file each in the -o folder",
    )
    parser.add_argument(
        "--kind",
        required=True,
        choices=KINDS,
        help=(
            "session: scheda della visita; triangle: valutazione del triangolo; "
            "blank-triangle: triangolo da compilare; report: relazione sul percorso; "
            "attendance: registro delle presenze"
            if it
            else "session: visit sheet; triangle: triangle assessment; blank-triangle: "
            "triangle form to fill in; report: progress report; attendance: attendance register"
        ),
    )
    parser.add_argument(
        "--visit",
        metavar="ID",
        help="la visita (senza: l'ultima)" if it else "the visit (default: the latest)",
    )
    parser.add_argument(
        "--assessment",
        metavar="ID",
        help="la valutazione (senza: l'ultima)" if it else "the assessment (default: the latest)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="file PDF da creare (con --all-families: la cartella)"
        if it
        else "PDF file to create (with --all-families: the folder)",
    )


def _check_options(args: argparse.Namespace, ctx: CliContext) -> DocumentKind:
    from pippi_desktop.services.print_service import DocumentKind

    kind = DocumentKind(args.kind)

    def refuse(italian: str, english: str) -> UsageError:
        return UsageError(detail=ctx.t(italian, english))

    if kind is DocumentKind.ATTENDANCE and not args.group_session:
        raise refuse(
            "--kind attendance si usa con --group-session ID",
            "--kind attendance goes with --group-session ID",
        )
    if args.group_session and kind is not DocumentKind.ATTENDANCE:
        raise refuse(
            "--group-session si usa con --kind attendance",
            "--group-session goes with --kind attendance",
        )
    if args.all_families:
        if kind is not DocumentKind.REPORT:
            raise refuse(
                "--all-families si usa con --kind report",
                "--all-families goes with --kind report",
            )
        if not args.output:
            raise refuse(
                "--all-families richiede -o CARTELLA",
                "--all-families needs -o FOLDER",
            )
    if args.visit and kind is not DocumentKind.SESSION:
        raise refuse("--visit si usa con --kind session", "--visit goes with --kind session")
    if args.assessment and kind is not DocumentKind.TRIANGLE:
        raise refuse(
            "--assessment si usa con --kind triangle",
            "--assessment goes with --kind triangle",
        )
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
        "Scritte {n} relazioni in {folder} in {seconds:.1f} s. Contengono dati personali: "
        "conservale con cura e distruggile quando non servono più.",
        "Wrote {n} reports into {folder} in {seconds:.1f} s. They hold personal data: keep "
        "them safe and destroy them when no longer needed.",
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
            )
        print_service.write(workspace, request, path)
    ctx.say(
        "Documento scritto in {file}. Contiene dati personali: conservalo con cura e "
        "distruggilo quando non serve più.",
        "Document written to {file}. It holds personal data: keep it safe and destroy it "
        "when no longer needed.",
        file=path,
    )
    return EXIT_OK


COMMANDS = [
    Command(
        "print-sheet",
        "stampa in PDF schede, triangoli, relazioni e registri",
        "print sheets, triangles, reports and registers as PDF",
        _configure,
        _run,
    ),
]
