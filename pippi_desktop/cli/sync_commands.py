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
from pippi_desktop.domain.errors import EXIT_OK, EXIT_REJECTED, FIELD_LABELS, WrongPassphrase
from pippi_desktop.domain.i18n import Lang, _
from pippi_desktop.services import bundle_export, bundle_import, conflict_service, trust_service
from pippi_desktop.services.escrow_service import recover_with_escrow
from pippi_desktop.services.workspace_service import (
    check_workspace_path,
    open_workspace,
    validate_new_passphrase,
)


def _path(parser: argparse.ArgumentParser, it: bool, *, passphrase: bool = True) -> None:
    parser.add_argument(
        "path",
        metavar="PATH",
        help="cartella dell'area di lavoro" if it else "workspace folder",
    )
    if passphrase:
        add_passphrase_option(parser, it=it)


def _json(parser: argparse.ArgumentParser, it: bool) -> None:
    parser.add_argument(
        "--json", action="store_true", help="risultato in JSON" if it else "output as JSON"
    )


def _output(parser: argparse.ArgumentParser, it: bool, *, required: bool, what: str) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", required=required, help=what)


def _fingerprint(parser: argparse.ArgumentParser, it: bool) -> None:
    parser.add_argument(
        "--fingerprint",
        metavar="FP",
        required=True,
        help=(
            "l'impronta letta di persona (maiuscole, spazi e trattini non contano)"
            if it
            else "the fingerprint read in person (case, spaces and hyphens do not matter)"
        ),
    )


# --- office-card / device-card -----------------------------------------------------------------


def _configure_office_card(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it)
    _output(parser, it, required=True, what="scheda da creare" if it else "card file to create")
    _json(parser, it)


def _show_card(ctx: CliContext, export: trust_service.CardExport, *, office: bool) -> None:
    ctx.say(
        "Scheda scritta: {file}\n\nImpronta da confrontare di persona:\n\n    {fp}\n",
        "Card written: {file}\n\nFingerprint to compare in person:\n\n    {fp}\n",
        file=export.path,
        fp=export.fingerprint,
    )
    if office:
        ctx.say(
            "Ogni educatore la importa con trust-office indicando questa impronta.",
            "Each educator imports it with trust-office, giving this fingerprint.",
        )
    else:
        ctx.say(
            "L'ufficio la registra con register-device indicando questa impronta.",
            "The office registers it with register-device, giving this fingerprint.",
        )


def _run_office_card(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        export = trust_service.export_office_card(workspace, Path(args.output))
    if args.json:
        ctx.emit_json({"fingerprint": export.fingerprint, "office_id": export.identity_id})
    else:
        _show_card(ctx, export, office=True)
    return EXIT_OK


def _configure_device_card(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it)
    _output(parser, it, required=True, what="scheda da creare" if it else "card file to create")
    _json(parser, it)


def _run_device_card(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        export = trust_service.export_device_card(workspace, Path(args.output))
    if args.json:
        ctx.emit_json({"fingerprint": export.fingerprint, "device_id": export.identity_id})
    else:
        _show_card(ctx, export, office=False)
    return EXIT_OK


# --- trust-office / register-device / revoke-device / devices ---------------------------------


def _configure_trust(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it)
    parser.add_argument(
        "card", metavar="CARD", help="scheda dell'ufficio" if it else "the office card"
    )
    _fingerprint(parser, it)


def _run_trust(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        trusted = trust_service.trust_office(workspace, Path(args.card), args.fingerprint)
    if trusted.already:
        ctx.say(
            "L'ufficio «{name}» era già l'ufficio di fiducia: nulla è cambiato.",
            "The office “{name}” was already trusted: nothing changed.",
            name=trusted.name,
        )
    elif trusted.key_updated:
        print(
            _(
                "L'ufficio «{name}» ha una nuova chiave: i prossimi pacchetti saranno cifrati "
                "con quella, e la copia della chiave di questa area di lavoro che l'ufficio "
                "conserva è ora sigillata con la nuova chiave."
            ).format(name=trusted.name),
            file=ctx.stdout,
        )
    else:
        print(
            _(
                "Ufficio di fiducia: «{name}». I pacchetti saranno cifrati per questo ufficio."
            ).format(name=trusted.name),
            file=ctx.stdout,
        )
    if not trusted.already:
        print(trust_service.ESCROW_NOTICE.translated(), file=ctx.stdout)
    return EXIT_OK


def _configure_register(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it)
    parser.add_argument(
        "card", metavar="CARD", help="scheda del dispositivo" if it else "the device card"
    )
    _fingerprint(parser, it)
    parser.add_argument(
        "--educator",
        metavar="NAME" if not it else "NOME",
        required=True,
        help="nome dell'educatore/educatrice" if it else "the educator's name",
    )


def _run_register(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        device = trust_service.register_device(
            workspace, Path(args.card), args.fingerprint, educator=args.educator
        )
    if device.already:
        ctx.say(
            "Il dispositivo {id} era già registrato: nulla è cambiato.",
            "Device {id} was already registered: nothing changed.",
            id=device.device_id,
        )
    else:
        ctx.say(
            "Dispositivo registrato: {id} ({name}).",
            "Device registered: {id} ({name}).",
            id=device.device_id,
            name=device.educator,
        )
    return EXIT_OK


def _configure_revoke(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it)
    parser.add_argument(
        "device_id",
        metavar="DEVICE_ID",
        help="identificativo del dispositivo" if it else "the device id",
    )


def _run_revoke(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        revocation = trust_service.revoke_device(workspace, args.device_id)
    if revocation.revoked_now:
        ctx.say(
            "Dispositivo revocato: i suoi prossimi pacchetti saranno rifiutati; i dati già "
            "importati restano.",
            "Device revoked: its next bundles will be refused; the data already imported stays.",
        )
    else:
        ctx.say(
            "Il dispositivo era già revocato: nulla è cambiato.",
            "The device was already revoked: nothing changed.",
        )
    return EXIT_OK


def _configure_devices(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it)
    _json(parser, it)


def _run_devices(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        devices = trust_service.list_devices(workspace)
    if args.json:
        ctx.emit_json([device.as_json() for device in devices])
        return EXIT_OK
    if not devices:
        ctx.say("Nessun dispositivo registrato.", "No registered device.")
        return EXIT_OK
    for device in devices:
        state = ctx.t("revocato", "revoked") if device.revoked else ctx.t("attivo", "active")
        missing = ", ".join(str(n) for n in device.missing_seqs) or "—"
        linked = (
            ctx.t(
                f" (nuova incarnazione di {device.linked_to})",
                f" (new incarnation of {device.linked_to})",
            )
            if device.linked_to
            else ""
        )
        print(f"{device.device_id}  {device.educator}  [{state}]{linked}", file=ctx.stdout)
        print(
            f"    {ctx.t('ultimo pacchetto', 'last bundle')}: {device.last_seq or '—'}  "
            f"{ctx.t('mancanti', 'missing')}: {missing}  "
            f"{ctx.t('ultimo import', 'last import')}: {device.last_import_at or '—'}",
            file=ctx.stdout,
        )
    return EXIT_OK


# --- export-bundle / import-bundle ---------------------------------------------------------------


def _configure_export(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it)
    _output(
        parser,
        it,
        required=False,
        what=(
            "file (o cartella, per esempio la chiavetta USB) dove scrivere il pacchetto; una "
            "copia resta in outbox/"
            if it
            else "file (or folder, e.g. the USB stick) to write the bundle to; a copy stays in "
            "outbox/"
        ),
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="tutte le modifiche, non solo quelle nuove"
        if it
        else "every change, not only new ones",
    )
    _json(parser, it)


def _run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    output = Path(args.output) if args.output else None
    with opened_workspace(args.path, args, ctx) as workspace:
        result = bundle_export.export_bundle(workspace, output=output, full=args.full)
    if args.json:
        ctx.emit_json(result.as_json())
    elif not result.written:
        ctx.say(
            "Nessuna modifica nuova da inviare: nessun file è stato scritto.",
            "No new change to send: no file was written.",
        )
    else:
        ctx.say(
            "Pacchetto n. {seq} scritto: {file} ({n} modifiche). È cifrato per l'ufficio: "
            "portalo o invialo come allegato.",
            "Bundle no. {seq} written: {file} ({n} changes). It is encrypted for the office: "
            "take it there or send it as an attachment.",
            seq=result.seq,
            file=result.file,
            n=result.operations,
        )
        if result.remaining:
            ctx.say(
                "Restano {n} modifiche per il prossimo pacchetto.",
                "{n} changes are left for the next bundle.",
                n=result.remaining,
            )
    return EXIT_OK


def _configure_import(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it)
    parser.add_argument(
        "files", metavar="FILE", nargs="+", help="pacchetti da importare" if it else "bundles"
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="mostra cosa cambierebbe senza cambiare nulla"
        if it
        else "show what would change without changing anything",
    )
    _json(parser, it)


STATUS_LABELS = {
    bundle_import.APPLIED: ("importato", "imported"),
    bundle_import.ALREADY_IMPORTED: ("già importato", "already imported"),
    bundle_import.REJECTED: ("RIFIUTATO", "REFUSED"),
    bundle_import.WOULD_APPLY: ("si può importare", "can be imported"),
}


def _print_import(outcome: bundle_import.ImportOutcome, ctx: CliContext) -> None:
    label = ctx.t(*STATUS_LABELS[outcome.status])
    reason = f" [{outcome.reason}]" if outcome.reason else ""
    print(f"{outcome.file}: {label}{reason}", file=ctx.stdout)
    print(f"    {outcome.message}", file=ctx.stdout)
    if outcome.families:
        header = (
            ctx.t("Famiglia", "Family"),
            ctx.t("nuovi", "new"),
            ctx.t("aggiornati", "updated"),
            ctx.t("eliminati", "deleted"),
            ctx.t("conflitti", "conflicts"),
        )
        rows = [
            (
                family.code or ctx.t("(senza famiglia)", "(no family)"),
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
            "    Mancano ancora i pacchetti n. {seqs} di questo dispositivo.",
            "    Bundles no. {seqs} of this device are still missing.",
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
    "concurrent_edit": ("modifiche contemporanee", "concurrent edits"),
    "edited_after_delete": ("modificato dopo l'eliminazione", "edited after deletion"),
    "duplicate_code": ("codice famiglia duplicato", "duplicate family code"),
}


def _short(value: Any) -> str:
    text = "—" if value is None else (value if isinstance(value, str) else str(value))
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "…"


def _configure_conflicts(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it)
    _json(parser, it)


def _run_conflicts(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        conflicts = conflict_service.list_conflicts(workspace)
    if args.json:
        ctx.emit_json([conflict.as_json() for conflict in conflicts])
        return EXIT_OK
    if not conflicts:
        ctx.say("Nessun conflitto da rivedere.", "No conflict to review.")
        return EXIT_OK
    for conflict in conflicts:
        kind = ctx.t(*KIND_LABELS.get(conflict.kind, (conflict.kind, conflict.kind)))
        field = conflict.field or ""
        label = FIELD_LABELS[field].translated(ctx.lang) if field in FIELD_LABELS else field
        print(
            f"{conflict.family_code or '—'}  {kind}  {conflict.record_type} "
            f"{conflict.record_id}  «{label}»",
            file=ctx.stdout,
        )
        if conflict.kind == "duplicate_code":
            ctx.say(
                "    stesso codice di: {others}",
                "    same code as: {others}",
                others=", ".join(conflict.current_value or []),
            )
            continue
        who = conflict.other_educator or conflict.other_device or "—"
        ctx.say(
            "    valore attuale: {current}\n    altro valore ({who}): {other}",
            "    current value: {current}\n    other value ({who}): {other}",
            current=_short(conflict.current_value)
            if conflict.kind == "concurrent_edit"
            else ctx.t("(record eliminato)", "(record deleted)"),
            who=who,
            other=_short(conflict.other_value),
        )
    ctx.say("\n{n} conflitti.", "\n{n} conflicts.", n=len(conflicts))
    return EXIT_OK


# --- recover-escrow ------------------------------------------------------------------------------


def _configure_recover_escrow(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it, passphrase=False)
    parser.add_argument(
        "--office",
        metavar="OFFICE_PATH",
        required=True,
        help="area di lavoro dell'ufficio" if it else "the office workspace",
    )
    parser.add_argument(
        "--office-passphrase-file",
        metavar="FILE",
        help=(
            "file la cui prima riga è la passphrase dell'ufficio (altrimenti "
            "PIPPI_OFFICE_PASSPHRASE o richiesta)"
            if it
            else "file whose first line is the office passphrase (else PIPPI_OFFICE_PASSPHRASE "
            "or a prompt)"
        ),
    )
    parser.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help=(
            "file la cui prima riga è la nuova passphrase (altrimenti PIPPI_NEW_PASSPHRASE o "
            "richiesta due volte)"
            if it
            else "file whose first line is the new passphrase (else PIPPI_NEW_PASSPHRASE or "
            "asked twice)"
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
    print(
        _(
            "Nuova passphrase impostata con la chiave dell'ufficio e chiave dei dati "
            "sostituita. Consegna la passphrase all'educatore di persona."
        ),
        file=ctx.stdout,
    )
    code = recovery.key_change.recovery_code
    if code:
        print(
            _(
                "Il codice di recupero dell'area di lavoro era di un formato precedente che non "
                "può seguire la nuova chiave: consegna all'educatore anche questo nuovo codice "
                "(viene mostrato solo ora; quello vecchio non vale più):\n\n    {code}\n"
            ).format(code=code),
            file=ctx.stdout,
        )
    else:
        print(_("Il codice di recupero resta valido."), file=ctx.stdout)
    return EXIT_OK


# --- rotate-office-keys --------------------------------------------------------------------------


def _configure_rotate_office_keys(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    parser.add_argument(
        "path",
        metavar="OFFICE_WS",
        help=_("area di lavoro dell'ufficio"),
    )
    add_passphrase_option(parser, it=it)
    _output(parser, it, required=True, what=_("nuova scheda dell'ufficio da creare"))
    _json(parser, it)


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
    print(
        _(
            "Nuova chiave dell'ufficio. Scheda scritta: {file}\n\nImpronta da confrontare di "
            "persona:\n\n    {fp}\n\nOgni portatile continua a cifrare per la chiave "
            "precedente finché non riceve la nuova scheda (trust-office con questa impronta); "
            "i pacchetti cifrati con le chiavi precedenti restano importabili, perché "
            "l'ufficio le conserva."
        ).format(file=rotation.card.path, fp=rotation.card.fingerprint),
        file=ctx.stdout,
    )
    return EXIT_OK


COMMANDS = [
    Command(
        "office-card",
        "scrive la scheda dell'ufficio (chiavi pubbliche e impronta)",
        "write the office card (public keys and fingerprint)",
        _configure_office_card,
        _run_office_card,
    ),
    Command(
        "trust-office",
        "si fida dell'ufficio dopo aver confrontato l'impronta",
        "trust the office after comparing the fingerprint",
        _configure_trust,
        _run_trust,
    ),
    Command(
        "device-card",
        "scrive la scheda di questo dispositivo",
        "write this device's card",
        _configure_device_card,
        _run_device_card,
    ),
    Command(
        "register-device",
        "registra un dispositivo dopo aver confrontato l'impronta",
        "register a device after comparing the fingerprint",
        _configure_register,
        _run_register,
    ),
    Command(
        "revoke-device",
        "revoca un dispositivo",
        "revoke a device",
        _configure_revoke,
        _run_revoke,
    ),
    Command(
        "devices",
        "elenca i dispositivi registrati",
        "list the registered devices",
        _configure_devices,
        _run_devices,
    ),
    Command(
        "export-bundle",
        "scrive un pacchetto per l'ufficio",
        "write a bundle for the office",
        _configure_export,
        _run_export,
    ),
    Command(
        "import-bundle",
        "importa pacchetti dei dispositivi",
        "import bundles from devices",
        _configure_import,
        _run_import,
    ),
    Command(
        "conflicts",
        "elenca i conflitti da rivedere",
        "list the conflicts to review",
        _configure_conflicts,
        _run_conflicts,
    ),
    Command(
        "rotate-office-keys",
        "crea una nuova chiave dell'ufficio e la sua scheda",
        "make a new office key and its card",
        _configure_rotate_office_keys,
        _run_rotate_office_keys,
    ),
    Command(
        "recover-escrow",
        "imposta una nuova passphrase con la chiave dell'ufficio",
        "set a new passphrase with the office key",
        _configure_recover_escrow,
        _run_recover_escrow,
    ),
]
