"""`init`, `info`, `change-passphrase`, `recover`, `new-recovery-code`, `backup`, `restore`,
`verify` (issues 3 and 13)."""

from __future__ import annotations

import argparse
from pathlib import Path

from pippi_desktop.cli.app import CliContext, Command
from pippi_desktop.cli.secrets_input import (
    current_passphrase,
    initial_passphrase,
    new_passphrase,
    recovery_code_from_file,
)
from pippi_desktop.cli.workspace_access import add_passphrase_option, opened_workspace
from pippi_desktop.domain.errors import EXIT_OK, EXIT_WORKSPACE, WorkspaceDamaged
from pippi_desktop.domain.i18n import Lang, _
from pippi_desktop.services import workspace_service as service


def _json_flag(parser: argparse.ArgumentParser, it: bool) -> None:
    parser.add_argument(
        "--json", action="store_true", help="risultato in JSON" if it else "output as JSON"
    )


def _path(parser: argparse.ArgumentParser, it: bool) -> None:
    parser.add_argument(
        "path",
        metavar="PATH",
        help="cartella dell'area di lavoro (NOME.pippiws)"
        if it
        else "workspace folder (NAME.pippiws)",
    )


# --- init ------------------------------------------------------------------------------------


def _configure_init(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it)
    parser.add_argument(
        "--role",
        required=True,
        choices=("educator", "office"),
        help="educator (educatore) oppure office (ufficio d'Ambito)"
        if it
        else "educator or office",
    )
    parser.add_argument(
        "--name",
        required=True,
        help="nome dell'area di lavoro" if it else "name of the workspace",
    )
    add_passphrase_option(parser, it=it)
    _json_flag(parser, it)


def _run_init(args: argparse.Namespace, ctx: CliContext) -> int:
    passphrase = initial_passphrase(args.passphrase_file, ctx.lang)
    created = service.create_workspace(
        Path(args.path), role=args.role, name=args.name, passphrase=passphrase
    )
    with created.workspace as workspace:
        identity = workspace.identity
    if args.json:
        ctx.emit_json(
            {
                "workspace_id": identity.workspace_id,
                "device_id": identity.device_id,
                "role": identity.role,
                "name": identity.name,
                "recovery_code": created.recovery_code,
            }
        )
        return EXIT_OK
    ctx.say("Area di lavoro creata: {path}", "Workspace created: {path}", path=args.path)
    ctx.say(
        "\nCodice di recupero (viene mostrato solo ora: stampalo o scrivilo e conservalo in un "
        "luogo sicuro, separato dal computer):\n\n    {code}\n\nServe se dimentichi la "
        "passphrase. Chi lo possiede può aprire l'area di lavoro.",
        "\nRecovery code (shown only now: print it or write it down and keep it somewhere safe, "
        "away from the computer):\n\n    {code}\n\nYou need it if you forget the passphrase. "
        "Whoever holds it can open the workspace.",
        code=created.recovery_code,
    )
    return EXIT_OK


# --- info ------------------------------------------------------------------------------------


def _configure_info(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it)
    add_passphrase_option(parser, it=it)
    _json_flag(parser, it)


ROLE_LABELS = {"educator": ("educatore", "educator"), "office": ("ufficio d'Ambito", "office")}


def print_info(info: dict[str, object], ctx: CliContext) -> None:
    role_it, role_en = ROLE_LABELS.get(str(info["role"]), (str(info["role"]),) * 2)
    kdf = info["kdf"]
    assert isinstance(kdf, dict)
    rows = [
        (ctx.t("Nome", "Name"), info["name"]),
        (ctx.t("Ruolo", "Role"), ctx.t(role_it, role_en)),
        (ctx.t("Area di lavoro", "Workspace id"), info["workspace_id"]),
        (ctx.t("Dispositivo", "Device id"), info["device_id"]),
        (ctx.t("Incarnazione", "Incarnation"), info["incarnation"]),
        (ctx.t("Versione dello schema", "Schema version"), info["schema_version"]),
        (ctx.t("Versione dell'applicazione", "Application version"), info["app_version"]),
        (
            ctx.t("Derivazione della chiave", "Key derivation"),
            f"Argon2id ({ctx.t('memoria', 'memory')} {int(kdf['memory_kib']) // 1024} MiB, "
            f"{ctx.t('passaggi', 'passes')} {kdf['iterations']}, "
            f"{ctx.t('corsie', 'lanes')} {kdf['parallelism']})",
        ),
    ]
    for key, extra in (("families", ("Famiglie", "Families")),):
        if key in info:
            rows.append((ctx.t(*extra), info[key]))
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label.ljust(width)}  {value}", file=ctx.stdout)


def _run_info(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        info = service.workspace_info(workspace)
    if args.json:
        ctx.emit_json(info)
    else:
        print_info(info, ctx)
    return EXIT_OK


# --- change-passphrase / recover -------------------------------------------------------------


def _new_passphrase_option(parser: argparse.ArgumentParser, it: bool) -> None:
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


def _configure_change(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it)
    add_passphrase_option(parser, it=it)
    _new_passphrase_option(parser, it)


def _old_backups_note(ctx: CliContext) -> None:
    print(
        _(
            "I backup fatti prima di oggi, anche quelli automatici nella cartella backups/, "
            "restano cifrati con la vecchia chiave: si aprono ancora, e solo, con la passphrase "
            "e il codice di recupero validi quando sono stati fatti. Se la vecchia passphrase o "
            "il vecchio codice erano noti ad altri, elimina quei backup o tienili al sicuro."
        ),
        file=ctx.stdout,
    )


def _show_recovery_code(ctx: CliContext, code: str, *, replaced_old_format: bool) -> None:
    if replaced_old_format:
        print(
            _(
                "Il codice di recupero di questa area di lavoro era di un formato precedente "
                "che non può seguire la nuova chiave: ne è stato creato uno nuovo e quello "
                "vecchio non vale più."
            ),
            file=ctx.stdout,
        )
    print(
        _(
            "\nNuovo codice di recupero (viene mostrato solo ora: stampalo o scrivilo e "
            "conservalo in un luogo sicuro, separato dal computer):\n\n    {code}\n"
        ).format(code=code),
        file=ctx.stdout,
    )


def _run_change(args: argparse.Namespace, ctx: CliContext) -> int:
    service.check_workspace_path(Path(args.path))
    old = current_passphrase(args.passphrase_file, ctx.lang)
    new = new_passphrase(args.new_passphrase_file, ctx.lang)
    service.validate_new_passphrase(new, old=old)
    workspace = service.open_workspace(Path(args.path), passphrase=old)
    with workspace:
        change = service.change_passphrase(workspace, new, old=old)
    print(
        _(
            "Passphrase cambiata e chiave dei dati sostituita: la vecchia passphrase non apre "
            "più l'area di lavoro."
        ),
        file=ctx.stdout,
    )
    if change.recovery_code:
        _show_recovery_code(ctx, change.recovery_code, replaced_old_format=True)
    else:
        print(_("Il codice di recupero resta valido."), file=ctx.stdout)
    _old_backups_note(ctx)
    return EXIT_OK


def _configure_recover(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it)
    parser.add_argument(
        "--recovery-code-file",
        metavar="FILE",
        required=True,
        help="file con il codice di recupero" if it else "file holding the recovery code",
    )
    _new_passphrase_option(parser, it)


def _run_recover(args: argparse.Namespace, ctx: CliContext) -> int:
    service.check_workspace_path(Path(args.path))
    code = recovery_code_from_file(args.recovery_code_file)
    new = new_passphrase(args.new_passphrase_file, ctx.lang)
    change = service.recover_with_code(Path(args.path), code, new)
    print(
        _(
            "Nuova passphrase impostata con il codice di recupero e chiave dei dati sostituita: "
            "la vecchia passphrase non apre più l'area di lavoro."
        ),
        file=ctx.stdout,
    )
    if change.recovery_code:
        _show_recovery_code(ctx, change.recovery_code, replaced_old_format=True)
    else:
        print(_("Il codice di recupero resta valido."), file=ctx.stdout)
    _old_backups_note(ctx)
    return EXIT_OK


# --- new-recovery-code -----------------------------------------------------------------------


def _configure_new_code(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it)
    add_passphrase_option(parser, it=it)
    _json_flag(parser, it)


def _run_new_code(args: argparse.Namespace, ctx: CliContext) -> int:
    service.check_workspace_path(Path(args.path))
    passphrase = current_passphrase(args.passphrase_file, ctx.lang)
    workspace = service.open_workspace(Path(args.path), passphrase=passphrase)
    with workspace:
        code = service.replace_recovery_code(workspace, passphrase)
    if args.json:
        ctx.emit_json({"recovery_code": code})
        return EXIT_OK
    _show_recovery_code(ctx, code, replaced_old_format=False)
    print(
        _(
            "Il codice precedente non apre più l'area di lavoro; la passphrase resta la stessa. "
            "Anche la chiave dei dati è stata sostituita."
        ),
        file=ctx.stdout,
    )
    _old_backups_note(ctx)
    return EXIT_OK


# --- backup / restore ------------------------------------------------------------------------


def _configure_backup(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it)
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="file di backup da creare (.pippibak)" if it else "backup file to create (.pippibak)",
    )
    add_passphrase_option(parser, it=it)


def _run_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        header = service.backup_workspace(workspace, Path(args.output))
    print(
        _(
            "Backup cifrato e sigillato scritto: {file} ({size} kB). Si apre con la passphrase "
            "o il codice di recupero validi oggi, anche dopo che li avrai cambiati."
        ).format(file=args.output, size=max(1, header.db_size // 1024)),
        file=ctx.stdout,
    )
    return EXIT_OK


def _configure_restore(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    parser.add_argument("file", metavar="FILE", help="file di backup" if it else "backup file")
    parser.add_argument(
        "new_path",
        metavar="NEWPATH",
        help="nuova cartella dell'area di lavoro" if it else "new workspace folder",
    )
    add_passphrase_option(parser, it=it)
    parser.add_argument(
        "--recovery-code-file",
        metavar="FILE",
        help=(
            "usa il codice di recupero al posto della passphrase"
            if it
            else "use the recovery code instead of the passphrase"
        ),
    )
    parser.add_argument(
        "--accept-old-format",
        action="store_true",
        help=_(
            "ripristina anche un backup di una versione precedente, senza sigillo, dopo un "
            "controllo completo di ogni pagina"
        ),
    )


def _run_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.recovery_code_file:
        code = recovery_code_from_file(args.recovery_code_file)
        workspace = service.restore_workspace(
            Path(args.file),
            Path(args.new_path),
            recovery_code=code,
            accept_old_format=args.accept_old_format,
        )
    else:
        passphrase = current_passphrase(args.passphrase_file, ctx.lang)
        workspace = service.restore_workspace(
            Path(args.file),
            Path(args.new_path),
            passphrase=passphrase,
            accept_old_format=args.accept_old_format,
        )
    with workspace:
        identity = workspace.identity
    ctx.say(
        "Area di lavoro ripristinata in {path} (incarnazione {n}: le nuove modifiche useranno un "
        "nuovo identificativo di dispositivo).",
        "Workspace restored into {path} (incarnation {n}: new changes will use a new device id).",
        path=args.new_path,
        n=identity.incarnation,
    )
    return EXIT_OK


# --- verify ----------------------------------------------------------------------------------


def _configure_verify(parser: argparse.ArgumentParser, lang: Lang) -> None:
    it = lang is Lang.IT
    _path(parser, it)
    add_passphrase_option(parser, it=it)
    _json_flag(parser, it)


CHECK_LABELS = {
    "key_slots": ("Chiavi (keyslots.json)", "Key slots (keyslots.json)"),
    "cipher_integrity": ("Integrità della cifratura", "Cipher integrity"),
    "quick_check": ("Controllo del database", "Database quick check"),
    "schema": ("Versione dello schema", "Schema version"),
    "audit_chain": ("Registro delle attività", "Activity log chain"),
    "change_log": ("Registro delle modifiche", "Change log"),
    "database": ("Database", "Database"),
}


def _run_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        service.check_workspace_path(Path(args.path))
    except WorkspaceDamaged as error:
        report = service.damaged_report(error)
    else:
        passphrase = current_passphrase(args.passphrase_file, ctx.lang)
        report = service.verify_workspace(Path(args.path), passphrase=passphrase)
    if args.json:
        ctx.emit_json(report.as_json())
    else:
        for check in report.checks:
            label = ctx.t(*CHECK_LABELS.get(check["name"], (check["name"], check["name"])))
            state = ctx.t("ok", "ok") if check["ok"] else ctx.t("PROBLEMA", "PROBLEM")
            print(f"{state:9} {label}", file=ctx.stdout)
        ctx.say(
            "Nessun problema trovato."
            if report.ok
            else "Sono stati trovati problemi: ripristina l'area di lavoro da un backup.",
            "No problem found."
            if report.ok
            else "Problems were found: restore the workspace from a backup.",
        )
    return EXIT_OK if report.ok else EXIT_WORKSPACE


COMMANDS = [
    Command(
        "init",
        "crea una nuova area di lavoro",
        "create a new workspace",
        _configure_init,
        _run_init,
    ),
    Command(
        "info",
        "mostra i dati dell'area di lavoro",
        "show the workspace details",
        _configure_info,
        _run_info,
    ),
    Command(
        "change-passphrase",
        "cambia la passphrase",
        "change the passphrase",
        _configure_change,
        _run_change,
    ),
    Command(
        "recover",
        "imposta una nuova passphrase con il codice di recupero",
        "set a new passphrase with the recovery code",
        _configure_recover,
        _run_recover,
    ),
    Command(
        "new-recovery-code",
        "crea un nuovo codice di recupero (il vecchio non vale più)",
        "make a new recovery code (the old one stops working)",
        _configure_new_code,
        _run_new_code,
    ),
    Command(
        "backup",
        "scrive un backup cifrato",
        "write an encrypted backup",
        _configure_backup,
        _run_backup,
    ),
    Command(
        "restore",
        "ripristina un backup in una nuova cartella",
        "restore a backup into a new folder",
        _configure_restore,
        _run_restore,
    ),
    Command(
        "verify",
        "controlla l'integrità dell'area di lavoro",
        "check the workspace's integrity",
        _configure_verify,
        _run_verify,
    ),
]
