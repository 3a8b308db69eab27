"""`families`, `family`, `export-data`, `demo-data`, `catalogue` (issue 4)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from pippi_desktop.cli.app import CliContext, Command
from pippi_desktop.cli.workspace_access import add_passphrase_option, opened_workspace
from pippi_desktop.domain.errors import EXIT_OK, UsageError
from pippi_desktop.domain.i18n import Lang
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


def _common(parser: argparse.ArgumentParser, lang: Lang, *, json_flag: bool = True) -> None:
    it = lang is Lang.IT
    parser.add_argument(
        "path",
        metavar="PATH",
        help="cartella dell'area di lavoro" if it else "workspace folder",
    )
    add_passphrase_option(parser, it=it)
    if json_flag:
        parser.add_argument(
            "--json", action="store_true", help="risultato in JSON" if it else "output as JSON"
        )


def _date(value: object) -> str:
    return value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else "—"


# --- families ----------------------------------------------------------------------------------


def _configure_families(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _common(parser, lang)
    parser.add_argument(
        "--search",
        metavar="TESTO" if it else "TEXT",
        help="cerca per codice o nome (senza badare ad accenti e maiuscole)"
        if it
        else "search code or names (ignoring accents and case)",
    )
    parser.add_argument(
        "--phase",
        choices=vocabulary().codes("phases"),
        help="solo le famiglie in questa fase" if it else "only families in this phase",
    )
    parser.add_argument(
        "--implementation",
        metavar="NOME" if it else "NAME",
        help="solo questa implementazione (es. «PIPPI 13»)"
        if it
        else "only this implementation (e.g. 'PIPPI 13')",
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
        ctx.say("Nessuna famiglia trovata.", "No family found.")
        return EXIT_OK
    voc = vocabulary()
    headers = (
        ctx.t("Codice", "Code"),
        ctx.t("Cognomi", "Surnames"),
        ctx.t("Fase", "Phase"),
        ctx.t("Implementazione", "Implementation"),
        ctx.t("Comp.", "Memb."),
        ctx.t("Minori", "Child."),
        ctx.t("Visite", "Visits"),
        ctx.t("Ultima visita", "Last visit"),
        ctx.t("Valutazioni", "Assessments"),
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
    ctx.say("\n{n} famiglie.", "\n{n} families.", n=len(rows))
    return EXIT_OK


# --- family ------------------------------------------------------------------------------------


def _configure_family(parser: argparse.ArgumentParser, lang: Lang) -> None:
    _common(parser, lang)
    parser.add_argument(
        "code",
        metavar="CODE",
        help="codice della famiglia (es. F-2026-K7QA-014)"
        if lang is Lang.IT
        else "family code (e.g. F-2026-K7QA-014)",
    )


def print_case_file(case: CaseFile, ctx: CliContext) -> None:
    voc, lang, f = vocabulary(), ctx.lang, case.family
    out = ctx.stdout
    print(f"{ctx.t('Famiglia', 'Family')} {f.code}  ({f.implementation or '—'})", file=out)
    print(f"{ctx.t('Fase', 'Phase')}: {voc.label('phases', f.phase, lang)}", file=out)
    print(f"{ctx.t('Inizio', 'Start')}: {_date(f.start_date)}", file=out)
    print(f"\n{ctx.t('Componenti', 'Members')}:", file=out)
    for p in case.members:
        print(
            f"  - {p.full_name} ({voc.label('member_roles', p.role, lang)}, {_date(p.birth_date)})",
            file=out,
        )
    print(f"\n{ctx.t('Équipe', 'Team')}:", file=out)
    for m in case.equipe:
        star = " *" if m.case_manager else ""
        print(f"  - {m.name} — {voc.label('professions', m.profession, lang)}{star}", file=out)
    print(f"\n{ctx.t('Dispositivi', 'Dispositivi')}:", file=out)
    for d in case.dispositivi:
        print(
            f"  - {voc.label('dispositivi', d.kind, lang)} ({_date(d.start_date)} – {_date(d.end_date)})",
            file=out,
        )
    print(f"\n{ctx.t('Percorso', 'Pathway')}:", file=out)
    for step in case.phases:
        print(f"  {_date(step.date)}  {voc.label('phases', step.phase, lang)}", file=out)
    print(f"\n{ctx.t('Visite', 'Visits')}: {len(case.visits)}", file=out)
    for v in case.visits[-5:]:
        print(f"  {_date(v.date)}  {voc.label('places', v.place, lang)}", file=out)
    print(f"\n{ctx.t('Valutazioni', 'Assessments')}:", file=out)
    names = {p.id: p.full_name for p in case.members}
    for a in case.assessments:
        scored = [s for s in a.scores().values() if s is not None]
        mean = f"{sum(scored) / len(scored):.1f}" if scored else "—"
        print(
            f"  {a.label:4} {_date(a.date)}  {names.get(a.child_id, '?')}  ({ctx.t('media', 'mean')} {mean})",
            file=out,
        )
    print(
        f"\n{ctx.t('Micro-progettazione', 'Micro-project')}: {len(case.micro_project)} {ctx.t('obiettivi', 'objectives')}",
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


def _configure_export(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _common(parser, lang, json_flag=False)
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="file JSON da creare" if it else "JSON file to create",
    )
    parser.add_argument(
        "--family", metavar="CODE", help="solo questa famiglia" if it else "only this family"
    )


def _run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        counts = export_data(workspace, Path(args.output), family_code=args.family)
    ctx.say(
        "Esportazione scritta in {file}: {families} famiglie, {sessions} incontri di gruppo. Contiene "
        "dati personali: conservala cifrata e cancellala quando non serve più.",
        "Export written to {file}: {families} families, {sessions} group sessions. It holds personal "
        "data: keep it encrypted and delete it when no longer needed.",
        file=args.output,
        families=counts["families"],
        sessions=counts["group_sessions"],
    )
    return EXIT_OK


# --- demo-data ---------------------------------------------------------------------------------


def _configure_demo(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _common(parser, lang, json_flag=False)
    parser.add_argument(
        "--families",
        type=int,
        required=True,
        metavar="N",
        help="quante famiglie aggiungere" if it else "how many families to add",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help="seme del generatore (stesso seme, stesso contenuto)"
        if it
        else "generator seed (same seed, same content)",
    )


def _run_demo(args: argparse.Namespace, ctx: CliContext) -> int:
    if not 1 <= args.families <= MAX_DEMO_FAMILIES:
        raise UsageError(
            detail=ctx.t(
                f"--families deve essere tra 1 e {MAX_DEMO_FAMILIES}",
                f"--families must be between 1 and {MAX_DEMO_FAMILIES}",
            )
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
        "Aggiunte {n} famiglie dimostrative ({records} record) in {seconds:.1f} s.",
        "Added {n} demo families ({records} records) in {seconds:.1f} s.",
        n=result.families,
        records=result.records,
        seconds=time.perf_counter() - start,
    )
    return EXIT_OK


# --- catalogue ---------------------------------------------------------------------------------


def _configure_catalogue(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _common(parser, lang)
    parser.add_argument(
        "--load",
        metavar="FILE",
        help="carica una nuova versione del catalogo da un file JSON"
        if it
        else "load a new catalogue version from a JSON file",
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
                "Catalogo {id} versione {v} caricato.",
                "Catalogue {id} version {v} loaded.",
                id=loaded.catalogue_id,
                v=loaded.version,
            )
        else:
            ctx.say(
                "Il catalogo {id} versione {v} era già caricato: nulla è cambiato.",
                "Catalogue {id} version {v} was already loaded: nothing changed.",
                id=loaded.catalogue_id,
                v=loaded.version,
            )
    for info in infos:
        mark = (
            ctx.t("  (in uso per le nuove valutazioni)", "  (used for new assessments)")
            if info.active
            else ""
        )
        print(
            f"{info.catalogue_id} {info.version}: {info.subdimensions} {ctx.t('sottodimensioni', 'sub-dimensions')}{mark}",
            file=ctx.stdout,
        )
    for side in sides:
        print(f"  {side.title.get(ctx.lang)} ({len(side.subdimensions)})", file=ctx.stdout)
    return EXIT_OK


COMMANDS = [
    Command(
        "families", "elenca le famiglie", "list the families", _configure_families, _run_families
    ),
    Command(
        "family",
        "mostra la cartella di una famiglia",
        "show one family's case file",
        _configure_family,
        _run_family,
    ),
    Command(
        "export-data",
        "esporta i dati in JSON",
        "export the data as JSON",
        _configure_export,
        _run_export,
    ),
    Command(
        "demo-data",
        "aggiunge famiglie dimostrative",
        "add demo families",
        _configure_demo,
        _run_demo,
    ),
    Command(
        "catalogue",
        "mostra o carica il catalogo del triangolo",
        "show or load the triangle catalogue",
        _configure_catalogue,
        _run_catalogue,
    ),
]
