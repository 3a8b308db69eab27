"""Synchronisation commands (issue 6): cards and trust, devices, bundles, conflicts, escrow.

The names, flags, JSON keys and exit codes are a contract with external scripts.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pippi_desktop.cli.app import CliContext, Command
from pippi_desktop.cli.secrets_input import new_passphrase, office_passphrase
from pippi_desktop.cli.workspace_access import add_passphrase_option, opened_workspace
from pippi_desktop.domain.errors import EXIT_OK, EXIT_REJECTED, WrongPassphrase
from pippi_desktop.domain.i18n import N_, _, ngettext
from pippi_desktop.domain.record_types import field_label
from pippi_desktop.services import bundle_export, bundle_import, conflict_service, trust_service
from pippi_desktop.services.escrow_service import recover_with_escrow
from pippi_desktop.services.workspace_service import (
    check_workspace_path,
    open_workspace,
    validate_new_passphrase,
)


def _path(parser: argparse.ArgumentParser, *, passphrase: bool = True) -> None:
    parser.add_argument(
        "path",
        metavar="PATH",
        help=_("cartella dell'area di lavoro"),
    )
    if passphrase:
        add_passphrase_option(parser)


def _json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("risultato in JSON"))


def _output(parser: argparse.ArgumentParser, *, required: bool, what: str) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", required=required, help=what)


def _fingerprint(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--fingerprint",
        metavar="FP",
        required=True,
        help=(_("l'impronta letta di persona (maiuscole, spazi e trattini non contano)")),
    )


# --- office-card / device-card -----------------------------------------------------------------


def _configure_office_card(parser: argparse.ArgumentParser) -> None:
    _path(parser)
    _output(parser, required=True, what=_("scheda da creare"))
    _json(parser)


def _show_card(ctx: CliContext, export: trust_service.CardExport, *, office: bool) -> None:
    ctx.say(_("Scheda scritta: {file}"), file=export.path)
    print(file=ctx.stdout)
    ctx.say(_("Impronta da confrontare di persona:"))
    print(file=ctx.stdout)
    print(f"    {export.fingerprint}", file=ctx.stdout)
    print(file=ctx.stdout)
    if office:
        ctx.say(_("Ogni educatore la importa con trust-office indicando questa impronta."))
    else:
        ctx.say(_("L'ufficio la registra con register-device indicando questa impronta."))


def _run_office_card(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        export = trust_service.export_office_card(workspace, Path(args.output))
    if args.json:
        ctx.emit_json({"fingerprint": export.fingerprint, "office_id": export.identity_id})
    else:
        _show_card(ctx, export, office=True)
    return EXIT_OK


def _configure_device_card(parser: argparse.ArgumentParser) -> None:
    _path(parser)
    _output(parser, required=True, what=_("scheda da creare"))
    _json(parser)


def _run_device_card(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        export = trust_service.export_device_card(workspace, Path(args.output))
    if args.json:
        ctx.emit_json({"fingerprint": export.fingerprint, "device_id": export.identity_id})
    else:
        _show_card(ctx, export, office=False)
    return EXIT_OK


# --- trust-office / register-device / revoke-device / devices ---------------------------------


def _configure_trust(parser: argparse.ArgumentParser) -> None:
    _path(parser)
    parser.add_argument("card", metavar="CARD", help=_("scheda dell'ufficio"))
    _fingerprint(parser)


def _run_trust(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        trusted = trust_service.trust_office(workspace, Path(args.card), args.fingerprint)
    if trusted.already:
        ctx.say(
            _("L'ufficio «{name}» era già l'ufficio di fiducia: nulla è cambiato."),
            name=trusted.name,
        )
    elif trusted.key_updated:
        ctx.say(
            _(
                "L'ufficio «{name}» ha una nuova chiave: i prossimi pacchetti saranno cifrati "
                "con quella, e la copia della chiave di questa area di lavoro che l'ufficio "
                "conserva è ora sigillata con la nuova chiave."
            ),
            name=trusted.name,
        )
    else:
        ctx.say(
            _("Ufficio di fiducia: «{name}». I pacchetti saranno cifrati per questo ufficio."),
            name=trusted.name,
        )
    if not trusted.already:
        ctx.say(trust_service.ESCROW_NOTICE.translated())
    return EXIT_OK


def _configure_register(parser: argparse.ArgumentParser) -> None:
    _path(parser)
    parser.add_argument("card", metavar="CARD", help=_("scheda del dispositivo"))
    _fingerprint(parser)
    parser.add_argument(
        "--educator",
        metavar=_("NOME"),
        required=True,
        help=_("nome dell'educatore/educatrice"),
    )


def _run_register(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        device = trust_service.register_device(
            workspace, Path(args.card), args.fingerprint, educator=args.educator
        )
    if device.already:
        ctx.say(_("Il dispositivo {id} era già registrato: nulla è cambiato."), id=device.device_id)
    else:
        ctx.say(
            _("Dispositivo registrato: {id} ({name})."), id=device.device_id, name=device.educator
        )
    return EXIT_OK


def _configure_revoke(parser: argparse.ArgumentParser) -> None:
    _path(parser)
    parser.add_argument(
        "device_id",
        metavar="DEVICE_ID",
        help=_("identificativo del dispositivo"),
    )


def _run_revoke(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        revocation = trust_service.revoke_device(workspace, args.device_id)
    if revocation.revoked_now:
        ctx.say(
            _(
                "Dispositivo revocato: i suoi prossimi pacchetti saranno rifiutati; i dati già "
                "importati restano."
            )
        )
    else:
        ctx.say(_("Il dispositivo era già revocato: nulla è cambiato."))
    return EXIT_OK


def _configure_devices(parser: argparse.ArgumentParser) -> None:
    _path(parser)
    _json(parser)


def _run_devices(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        devices = trust_service.list_devices(workspace)
    if args.json:
        ctx.emit_json([device.as_json() for device in devices])
        return EXIT_OK
    if not devices:
        ctx.say(_("Nessun dispositivo registrato."))
        return EXIT_OK
    for device in devices:
        state = _("revocato") if device.revoked else _("attivo")
        missing = ", ".join(str(n) for n in device.missing_seqs) or "—"
        linked = (
            " " + _("(nuova incarnazione di {device})").format(device=device.linked_to)
            if device.linked_to
            else ""
        )
        print(f"{device.device_id}  {device.educator}  [{state}]{linked}", file=ctx.stdout)
        ctx.say(
            "    " + _("ultimo pacchetto: {seq}  mancanti: {missing}  ultimo import: {imported}"),
            seq=device.last_seq or "—",
            missing=missing,
            imported=device.last_import_at or "—",
        )
    return EXIT_OK


# --- export-bundle / import-bundle ---------------------------------------------------------------


def _configure_export(parser: argparse.ArgumentParser) -> None:
    _path(parser)
    _output(
        parser,
        required=False,
        what=_(
            "file (o cartella, per esempio la chiavetta USB) dove scrivere il pacchetto; una "
            "copia resta in outbox/"
        ),
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help=_("tutte le modifiche, non solo quelle nuove"),
    )
    _json(parser)


def _run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    output = Path(args.output) if args.output else None
    with opened_workspace(args.path, args, ctx) as workspace:
        result = bundle_export.export_bundle(workspace, output=output, full=args.full)
    if args.json:
        ctx.emit_json(result.as_json())
    elif not result.written:
        ctx.say(_("Nessuna modifica nuova da inviare: nessun file è stato scritto."))
    else:
        ctx.say(
            ngettext(
                "Pacchetto n. {seq} scritto: {file} ({n} modifica). È cifrato per l'ufficio: "
                "portalo o invialo come allegato.",
                "Pacchetto n. {seq} scritto: {file} ({n} modifiche). È cifrato per l'ufficio: "
                "portalo o invialo come allegato.",
                result.operations,
            ),
            seq=result.seq,
            file=result.file,
            n=result.operations,
        )
        if result.remaining:
            ctx.say(
                ngettext(
                    "Resta {n} modifica per il prossimo pacchetto.",
                    "Restano {n} modifiche per il prossimo pacchetto.",
                    result.remaining,
                ),
                n=result.remaining,
            )
    return EXIT_OK


def _configure_import(parser: argparse.ArgumentParser) -> None:
    _path(parser)
    parser.add_argument("files", metavar="FILE", nargs="+", help=_("pacchetti da importare"))
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help=_("mostra cosa cambierebbe senza cambiare nulla"),
    )
    _json(parser)


STATUS_LABELS = {
    bundle_import.APPLIED: N_("importato"),
    bundle_import.ALREADY_IMPORTED: N_("già importato"),
    bundle_import.REJECTED: N_("RIFIUTATO"),
    bundle_import.WOULD_APPLY: N_("si può importare"),
}


def _print_import(outcome: bundle_import.ImportOutcome, ctx: CliContext) -> None:
    label = STATUS_LABELS[outcome.status].translated()
    reason = f" [{outcome.reason}]" if outcome.reason else ""
    print(f"{outcome.file}: {label}{reason}", file=ctx.stdout)
    print(f"    {outcome.message}", file=ctx.stdout)
    if outcome.families:
        header = (
            _("Famiglia"),
            _("nuovi"),
            _("aggiornati"),
            _("eliminati"),
            _("conflitti"),
        )
        rows = [
            (
                family.code or _("(senza famiglia)"),
                str(family.created),
                str(family.updated),
                str(family.deleted),
                str(family.conflicts),
            )
            for family in outcome.families
        ]
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
        print(
            "    " + "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)),
            file=ctx.stdout,
        )
        for row in rows:
            print(
                "    " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)),
                file=ctx.stdout,
            )
    if outcome.missing_seqs:
        ctx.say(
            "    " + _("Mancano ancora i pacchetti n. {seqs} di questo dispositivo."),
            seqs=", ".join(str(n) for n in outcome.missing_seqs),
        )


def _run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        outcomes = bundle_import.import_bundles(
            workspace, [Path(f) for f in args.files], dry_run=args.dry_run, lang=ctx.lang
        )
    if args.json:
        ctx.emit_json([outcome.as_json() for outcome in outcomes])
    else:
        for outcome in outcomes:
            _print_import(outcome, ctx)
    rejected = any(outcome.status == bundle_import.REJECTED for outcome in outcomes)
    return EXIT_REJECTED if rejected else EXIT_OK


# --- conflicts ---------------------------------------------------------------------------------

KIND_LABELS = {
    "concurrent_edit": N_("modifiche contemporanee"),
    "edited_after_delete": N_("modificato dopo l'eliminazione"),
    "duplicate_code": N_("codice famiglia duplicato"),
}


def _short(value: Any) -> str:
    text = "—" if value is None else (value if isinstance(value, str) else str(value))
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "…"


def _configure_conflicts(parser: argparse.ArgumentParser) -> None:
    _path(parser)
    _json(parser)


def _run_conflicts(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        conflicts = conflict_service.list_conflicts(workspace)
    if args.json:
        ctx.emit_json([conflict.as_json() for conflict in conflicts])
        return EXIT_OK
    if not conflicts:
        ctx.say(_("Nessun conflitto da rivedere."))
        return EXIT_OK
    for conflict in conflicts:
        known = KIND_LABELS.get(conflict.kind)
        kind = known.translated() if known is not None else conflict.kind
        field = conflict.field or ""
        named = field_label(conflict.record_type, field)
        label = named.translated(ctx.lang) if named is not None else field
        print(
            f"{conflict.family_code or '—'}  {kind}  {conflict.record_type} "
            f"{conflict.record_id}  «{label}»",
            file=ctx.stdout,
        )
        if conflict.kind == "duplicate_code":
            ctx.say(
                "    " + _("stesso codice di: {others}"),
                others=", ".join(conflict.current_value or []),
            )
            continue
        who = conflict.other_educator or conflict.other_device or "—"
        current = (
            _short(conflict.current_value)
            if conflict.kind == "concurrent_edit"
            else _("(record eliminato)")
        )
        ctx.say("    " + _("valore attuale: {current}"), current=current)
        ctx.say(
            "    " + _("altro valore ({who}): {other}"), who=who, other=_short(conflict.other_value)
        )
    print(file=ctx.stdout)
    ctx.say(ngettext("{n} conflitto.", "{n} conflitti.", len(conflicts)), n=len(conflicts))
    return EXIT_OK


# --- recover-escrow ------------------------------------------------------------------------------


def _configure_recover_escrow(parser: argparse.ArgumentParser) -> None:
    _path(parser, passphrase=False)
    parser.add_argument(
        "--office",
        metavar="OFFICE_PATH",
        required=True,
        help=_("area di lavoro dell'ufficio"),
    )
    parser.add_argument(
        "--office-passphrase-file",
        metavar="FILE",
        help=_(
            "file la cui prima riga è la passphrase dell'ufficio (altrimenti "
            "PIPPI_OFFICE_PASSPHRASE o richiesta)"
        ),
    )
    parser.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help=_(
            "file la cui prima riga è la nuova passphrase (altrimenti PIPPI_NEW_PASSPHRASE o "
            "richiesta due volte)"
        ),
    )


def _run_recover_escrow(args: argparse.Namespace, ctx: CliContext) -> int:
    check_workspace_path(Path(args.path))
    check_workspace_path(Path(args.office))
    secret = office_passphrase(args.office_passphrase_file, ctx.lang)
    new = new_passphrase(args.new_passphrase_file, ctx.lang)
    validate_new_passphrase(new)
    try:
        office = open_workspace(Path(args.office), passphrase=secret)
    except WrongPassphrase:
        raise WrongPassphrase("office") from None
    with office:
        recovery = recover_with_escrow(Path(args.path), office=office, new_passphrase=new)
    ctx.say(
        _(
            "Nuova passphrase impostata con la chiave dell'ufficio e chiave dei dati "
            "sostituita. Consegna la passphrase all'educatore di persona."
        )
    )
    code = recovery.key_change.recovery_code
    if code:
        ctx.say(
            _(
                "Il codice di recupero dell'area di lavoro era di un formato precedente che non "
                "può seguire la nuova chiave: consegna all'educatore anche questo nuovo codice "
                "(viene mostrato solo ora; quello vecchio non vale più):\n\n    {code}\n"
            ),
            code=code,
        )
    else:
        ctx.say(_("Il codice di recupero resta valido."))
    return EXIT_OK


# --- rotate-office-keys --------------------------------------------------------------------------


def _configure_rotate_office_keys(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="OFFICE_WS", help=_("area di lavoro dell'ufficio"))
    add_passphrase_option(parser)
    _output(parser, required=True, what=_("nuova scheda dell'ufficio da creare"))
    _json(parser)


def _run_rotate_office_keys(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        rotation = trust_service.rotate_office_keys(workspace, Path(args.output))
    if args.json:
        ctx.emit_json(
            {
                "fingerprint": rotation.card.fingerprint,
                "office_id": rotation.card.identity_id,
                "key_id": rotation.key_id,
                "retired_key_ids": list(rotation.retired_key_ids),
            }
        )
        return EXIT_OK
    ctx.say(
        _(
            "Nuova chiave dell'ufficio. Scheda scritta: {file}\n\nImpronta da confrontare di "
            "persona:\n\n    {fp}\n\nOgni portatile continua a cifrare per la chiave "
            "precedente finché non riceve la nuova scheda (trust-office con questa impronta); "
            "i pacchetti cifrati con le chiavi precedenti restano importabili, perché "
            "l'ufficio le conserva."
        ),
        file=rotation.card.path,
        fp=rotation.card.fingerprint,
    )
    return EXIT_OK


COMMANDS = [
    Command(
        "office-card",
        N_("scrive la scheda dell'ufficio (chiavi pubbliche e impronta)"),
        _configure_office_card,
        _run_office_card,
    ),
    Command(
        "trust-office",
        N_("si fida dell'ufficio dopo aver confrontato l'impronta"),
        _configure_trust,
        _run_trust,
    ),
    Command(
        "device-card",
        N_("scrive la scheda di questo dispositivo"),
        _configure_device_card,
        _run_device_card,
    ),
    Command(
        "register-device",
        N_("registra un dispositivo dopo aver confrontato l'impronta"),
        _configure_register,
        _run_register,
    ),
    Command("revoke-device", N_("revoca un dispositivo"), _configure_revoke, _run_revoke),
    Command("devices", N_("elenca i dispositivi registrati"), _configure_devices, _run_devices),
    Command(
        "export-bundle", N_("scrive un pacchetto per l'ufficio"), _configure_export, _run_export
    ),
    Command(
        "import-bundle", N_("importa pacchetti dei dispositivi"), _configure_import, _run_import
    ),
    Command(
        "conflicts", N_("elenca i conflitti da rivedere"), _configure_conflicts, _run_conflicts
    ),
    Command(
        "rotate-office-keys",
        N_("crea una nuova chiave dell'ufficio e la sua scheda"),
        _configure_rotate_office_keys,
        _run_rotate_office_keys,
    ),
    Command(
        "recover-escrow",
        N_("imposta una nuova passphrase con la chiave dell'ufficio"),
        _configure_recover_escrow,
        _run_recover_escrow,
    ),
]
