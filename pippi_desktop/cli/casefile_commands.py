"""`families`, `family`, `export-data`, `demo-data`, `catalogue` (issue 4)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from pippi_desktop.cli.app import CliContext, Command
from pippi_desktop.cli.workspace_access import add_passphrase_option, opened_workspace
from pippi_desktop.domain.errors import EXIT_OK, UsageError
from pippi_desktop.domain.i18n import N_, _, ngettext, pgettext
from pippi_desktop.domain.records import CaseFile
from pippi_desktop.services import casefile_view
from pippi_desktop.services.casefile_export import case_file_json, export_data, summary_json
from pippi_desktop.services.catalogue_service import (
    catalogue_for,
    list_catalogues,
    load_catalogue_file,
)
from pippi_desktop.services.demo_data import fill_demo_data
from pippi_desktop.services.reference_data import vocabulary

MAX_DEMO_FAMILIES = 20_000


def _common(parser: argparse.ArgumentParser, *, json_flag: bool = True) -> None:
    parser.add_argument(
        "path",
        metavar="PATH",
        help=_("cartella dell'area di lavoro"),
    )
    add_passphrase_option(parser)
    if json_flag:
        parser.add_argument("--json", action="store_true", help=_("risultato in JSON"))


def _date(value: object) -> str:
    return value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else "—"


# --- families ----------------------------------------------------------------------------------


def _configure_families(parser: argparse.ArgumentParser) -> None:
    _common(parser)
    parser.add_argument(
        "--search",
        metavar=_("TESTO"),
        help=_("cerca per codice o nome (senza badare ad accenti e maiuscole)"),
    )
    parser.add_argument(
        "--phase",
        choices=vocabulary().codes("phases"),
        help=_("solo le famiglie in questa fase"),
    )
    parser.add_argument(
        "--implementation",
        metavar=_("NOME"),
        help=_("solo questa implementazione (es. «PIPPI 13»)"),
    )


def _run_families(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        rows = casefile_view.list_families(
            workspace, search=args.search, phase=args.phase, implementation=args.implementation
        )
    if args.json:
        ctx.emit_json([summary_json(row) for row in rows])
        return EXIT_OK
    if not rows:
        ctx.say(_("Nessuna famiglia trovata."))
        return EXIT_OK
    voc = vocabulary()
    headers = (
        _("Codice"),
        _("Cognomi"),
        _("Fase"),
        _("Implementazione"),
        _("Comp."),
        _("Minori"),
        _("Visite"),
        _("Ultima visita"),
        _("Valutazioni"),
    )
    table = [
        (
            row.code,
            row.names[:24],
            voc.label("phases", row.phase, ctx.lang)[:34],
            row.implementation or "—",
            str(row.members),
            str(row.children),
            str(row.visits),
            _date(row.last_visit),
            " ".join(row.assessments) or "—",
        )
        for row in rows
    ]
    widths = [max(len(h), *(len(r[i]) for r in table)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)), file=ctx.stdout)
    for line in table:
        print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)), file=ctx.stdout)
    print(file=ctx.stdout)
    ctx.say(ngettext("{n} famiglia.", "{n} famiglie.", len(rows)), n=len(rows))
    return EXIT_OK


# --- family ------------------------------------------------------------------------------------


def _configure_family(parser: argparse.ArgumentParser) -> None:
    _common(parser)
    parser.add_argument(
        "code",
        metavar="CODE",
        help=_("codice della famiglia (es. F-2026-K7QA-014)"),
    )


def print_case_file(case: CaseFile, ctx: CliContext) -> None:
    voc, lang, f = vocabulary(), ctx.lang, case.family
    out = ctx.stdout
    print(
        _("Famiglia {code}  ({implementation})").format(
            code=f.code, implementation=f.implementation or "—"
        ),
        file=out,
    )
    print(_("Fase: {phase}").format(phase=voc.label("phases", f.phase, lang)), file=out)
    print(_("Inizio: {date}").format(date=_date(f.start_date)), file=out)
    print(file=out)
    print(_("Componenti:"), file=out)
    for p in case.members:
        print(
            f"  - {p.full_name} ({voc.label('member_roles', p.role, lang)}, {_date(p.birth_date)})",
            file=out,
        )
    print(file=out)
    print(_("Équipe:"), file=out)
    for m in case.equipe:
        star = " *" if m.case_manager else ""
        print(f"  - {m.name} — {voc.label('professions', m.profession, lang)}{star}", file=out)
    print(file=out)
    print(pgettext("programme", "Dispositivi:"), file=out)
    for d in case.dispositivi:
        print(
            f"  - {voc.label('dispositivi', d.kind, lang)} ({_date(d.start_date)} – {_date(d.end_date)})",
            file=out,
        )
    print(file=out)
    print(_("Percorso:"), file=out)
    for step in case.phases:
        print(f"  {_date(step.date)}  {voc.label('phases', step.phase, lang)}", file=out)
    print(file=out)
    print(_("Visite: {count}").format(count=len(case.visits)), file=out)
    for v in case.visits[-5:]:
        print(f"  {_date(v.date)}  {voc.label('places', v.place, lang)}", file=out)
    print(file=out)
    print(_("Valutazioni:"), file=out)
    names = {p.id: p.full_name for p in case.members}
    for a in case.assessments:
        scored = [s for s in a.scores().values() if s is not None]
        mean = f"{sum(scored) / len(scored):.1f}" if scored else "—"
        average = _("(media {mean})").format(mean=mean)
        print(f"  {a.label:4} {_date(a.date)}  {names.get(a.child_id, '?')}  {average}", file=out)
    objectives = len(case.micro_project)
    print(file=out)
    print(
        ngettext(
            "Micro-progettazione: {n} obiettivo", "Micro-progettazione: {n} obiettivi", objectives
        ).format(n=objectives),
        file=out,
    )


def _run_family(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        case = casefile_view.case_file(
            workspace, casefile_view.find_family_id(workspace, args.code)
        )
    if args.json:
        ctx.emit_json(case_file_json(case))
    else:
        print_case_file(case, ctx)
    return EXIT_OK


# --- export-data -------------------------------------------------------------------------------


def _configure_export(parser: argparse.ArgumentParser) -> None:
    _common(parser, json_flag=False)
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help=_("file JSON da creare"),
    )
    parser.add_argument("--family", metavar="CODE", help=_("solo questa famiglia"))


def _run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        counts = export_data(workspace, Path(args.output), family_code=args.family)
    ctx.say(
        _(
            "Esportazione scritta in {file}: {families} famiglie, {sessions} incontri di gruppo. Contiene "
            "dati personali: conservala cifrata e cancellala quando non serve più."
        ),
        file=args.output,
        families=counts["families"],
        sessions=counts["group_sessions"],
    )
    return EXIT_OK


# --- demo-data ---------------------------------------------------------------------------------


def _configure_demo(parser: argparse.ArgumentParser) -> None:
    _common(parser, json_flag=False)
    parser.add_argument(
        "--families",
        type=int,
        required=True,
        metavar="N",
        help=_("quante famiglie aggiungere"),
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help=_("seme del generatore (stesso seme, stesso contenuto)"),
    )


def _run_demo(args: argparse.Namespace, ctx: CliContext) -> int:
    if not 1 <= args.families <= MAX_DEMO_FAMILIES:
        raise UsageError(
            detail=N_("--families deve essere tra 1 e {maximum}").bind(maximum=MAX_DEMO_FAMILIES)
        )
    start = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    with opened_workspace(args.path, args, ctx) as workspace:
        result = fill_demo_data(workspace, args.families, seed=args.seed, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    ctx.say(
        ngettext(
            "Aggiunta {n} famiglia dimostrativa ({records} record) in {seconds:.1f} s.",
            "Aggiunte {n} famiglie dimostrative ({records} record) in {seconds:.1f} s.",
            result.families,
        ),
        n=result.families,
        records=result.records,
        seconds=time.perf_counter() - start,
    )
    return EXIT_OK


# --- catalogue ---------------------------------------------------------------------------------


def _configure_catalogue(parser: argparse.ArgumentParser) -> None:
    _common(parser)
    parser.add_argument(
        "--load",
        metavar="FILE",
        help=_("carica una nuova versione del catalogo da un file JSON"),
    )


def _run_catalogue(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        loaded = added = None
        if args.load:
            loaded, added = load_catalogue_file(workspace, Path(args.load))
        infos = list_catalogues(workspace)
        active = next(info for info in infos if info.active)
        sides = catalogue_for(workspace, active.catalogue_id, active.version).sides
    listing = [
        {
            "catalogue_id": i.catalogue_id,
            "version": i.version,
            "loaded_at": i.loaded_at,
            "active": i.active,
            "subdimensions": i.subdimensions,
        }
        for i in infos
    ]
    if args.json:
        result: dict[str, object] = {"catalogues": listing}
        if loaded is not None:
            result["loaded"] = {
                "catalogue_id": loaded.catalogue_id,
                "version": loaded.version,
                "added": added,
            }
        ctx.emit_json(result)
        return EXIT_OK
    if loaded is not None:
        if added:
            ctx.say(
                _("Catalogo {id} versione {v} caricato."), id=loaded.catalogue_id, v=loaded.version
            )
        else:
            ctx.say(
                _("Il catalogo {id} versione {v} era già caricato: nulla è cambiato."),
                id=loaded.catalogue_id,
                v=loaded.version,
            )
    for info in infos:
        mark = "  " + _("(in uso per le nuove valutazioni)") if info.active else ""
        count = ngettext("{n} sottodimensione", "{n} sottodimensioni", info.subdimensions).format(
            n=info.subdimensions
        )
        print(f"{info.catalogue_id} {info.version}: {count}{mark}", file=ctx.stdout)
    for side in sides:
        print(f"  {side.title.get(ctx.lang)} ({len(side.subdimensions)})", file=ctx.stdout)
    return EXIT_OK


COMMANDS = [
    Command("families", N_("elenca le famiglie"), _configure_families, _run_families),
    Command("family", N_("mostra la cartella di una famiglia"), _configure_family, _run_family),
    Command("export-data", N_("esporta i dati in JSON"), _configure_export, _run_export),
    Command("demo-data", N_("aggiunge famiglie dimostrative"), _configure_demo, _run_demo),
    Command(
        "catalogue",
        N_("mostra o carica il catalogo del triangolo"),
        _configure_catalogue,
        _run_catalogue,
    ),
]
