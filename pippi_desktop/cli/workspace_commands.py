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
from pippi_desktop.domain.i18n import N_, _, pgettext
from pippi_desktop.services import workspace_service as service


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("risultato in JSON"))


def _path(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        metavar="PATH",
        help=_("cartella dell'area di lavoro (NOME.pippiws)"),
    )


# --- init ------------------------------------------------------------------------------------


def _configure_init(parser: argparse.ArgumentParser) -> None:
    _path(parser)
    parser.add_argument(
        "--role",
        required=True,
        choices=("educator", "office"),
        help=_("educator (educatore) oppure office (ufficio d'Ambito)"),
    )
    parser.add_argument(
        "--name",
        required=True,
        help=_("nome dell'area di lavoro"),
    )
    add_passphrase_option(parser)
    _json_flag(parser)


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
    ctx.say(_("Area di lavoro creata: {path}"), path=args.path)
    print(file=ctx.stdout)
    ctx.say(
        _(
            "Codice di recupero (viene mostrato solo ora: stampalo o scrivilo e conservalo in un "
            "luogo sicuro, separato dal computer):\n\n    {code}\n\nServe se dimentichi la "
            "passphrase. Chi lo possiede può aprire l'area di lavoro."
        ),
        code=created.recovery_code,
    )
    return EXIT_OK


# --- info ------------------------------------------------------------------------------------


def _configure_info(parser: argparse.ArgumentParser) -> None:
    _path(parser)
    add_passphrase_option(parser)
    _json_flag(parser)


ROLE_LABELS = {"educator": N_("educatore"), "office": N_("ufficio d'Ambito")}


def print_info(info: dict[str, object], ctx: CliContext) -> None:
    role = str(info["role"])
    kdf = info["kdf"]
    assert isinstance(kdf, dict)
    rows = [
        (_("Nome"), info["name"]),
        (_("Ruolo"), ROLE_LABELS[role].translated() if role in ROLE_LABELS else role),
        (_("Area di lavoro"), info["workspace_id"]),
        (pgettext("device id", "Dispositivo"), info["device_id"]),
        (_("Incarnazione"), info["incarnation"]),
        (_("Versione dello schema"), info["schema_version"]),
        (_("Versione dell'applicazione"), info["app_version"]),
        (
            _("Derivazione della chiave"),
            _("Argon2id (memoria {memory} MiB, passaggi {passes}, corsie {lanes})").format(
                memory=int(kdf["memory_kib"]) // 1024,
                passes=kdf["iterations"],
                lanes=kdf["parallelism"],
            ),
        ),
    ]
    if "families" in info:
        rows.append((_("Famiglie"), info["families"]))
    width = max(len(label) for label, _value in rows)
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


def _new_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help=_(
            "file la cui prima riga è la nuova passphrase (altrimenti PIPPI_NEW_PASSPHRASE o "
            "richiesta due volte)"
        ),
    )


def _configure_change(parser: argparse.ArgumentParser) -> None:
    _path(parser)
    add_passphrase_option(parser)
    _new_passphrase_option(parser)


def _old_backups_note(ctx: CliContext) -> None:
    ctx.say(
        _(
            "I backup fatti prima di oggi, anche quelli automatici nella cartella backups/, "
            "restano cifrati con la vecchia chiave: si aprono ancora, e solo, con la passphrase "
            "e il codice di recupero validi quando sono stati fatti. Se la vecchia passphrase o "
            "il vecchio codice erano noti ad altri, elimina quei backup o tienili al sicuro."
        )
    )


def _show_recovery_code(ctx: CliContext, code: str) -> None:
    ctx.say(
        _(
            "\nNuovo codice di recupero (viene mostrato solo ora: stampalo o scrivilo e "
            "conservalo in un luogo sicuro, separato dal computer):\n\n    {code}\n"
        ),
        code=code,
    )


def _say_key_change(ctx: CliContext, done: str, change: service.KeyChange) -> None:
    """What a change of the data key means: the code (kept or new), older backups."""
    ctx.say(done)
    if change.recovery_code:
        ctx.say(
            _(
                "Il codice di recupero di questa area di lavoro era di un formato precedente "
                "che non può seguire la nuova chiave: ne è stato creato uno nuovo e quello "
                "vecchio non vale più."
            )
        )
        _show_recovery_code(ctx, change.recovery_code)
    else:
        ctx.say(_("Il codice di recupero resta valido."))
    _old_backups_note(ctx)


def _run_change(args: argparse.Namespace, ctx: CliContext) -> int:
    service.check_workspace_path(Path(args.path))
    old = current_passphrase(args.passphrase_file, ctx.lang)
    new = new_passphrase(args.new_passphrase_file, ctx.lang)
    service.validate_new_passphrase(new, old=old)
    workspace = service.open_workspace(Path(args.path), passphrase=old)
    with workspace:
        change = service.change_passphrase(workspace, new, old=old)
    done = _(
        "Passphrase cambiata e chiave dei dati sostituita: la vecchia passphrase non apre più "
        "l'area di lavoro."
    )
    _say_key_change(ctx, done, change)
    return EXIT_OK


def _configure_recover(parser: argparse.ArgumentParser) -> None:
    _path(parser)
    parser.add_argument(
        "--recovery-code-file",
        metavar="FILE",
        required=True,
        help=_("file con il codice di recupero"),
    )
    _new_passphrase_option(parser)


def _run_recover(args: argparse.Namespace, ctx: CliContext) -> int:
    service.check_workspace_path(Path(args.path))
    code = recovery_code_from_file(args.recovery_code_file)
    new = new_passphrase(args.new_passphrase_file, ctx.lang)
    change = service.recover_with_code(Path(args.path), code, new)
    done = _(
        "Nuova passphrase impostata con il codice di recupero e chiave dei dati sostituita: la "
        "vecchia passphrase non apre più l'area di lavoro."
    )
    _say_key_change(ctx, done, change)
    return EXIT_OK


# --- new-recovery-code -----------------------------------------------------------------------


def _configure_new_code(parser: argparse.ArgumentParser) -> None:
    _path(parser)
    add_passphrase_option(parser)
    _json_flag(parser)


def _run_new_code(args: argparse.Namespace, ctx: CliContext) -> int:
    service.check_workspace_path(Path(args.path))
    passphrase = current_passphrase(args.passphrase_file, ctx.lang)
    workspace = service.open_workspace(Path(args.path), passphrase=passphrase)
    with workspace:
        code = service.replace_recovery_code(workspace, passphrase)
    if args.json:
        ctx.emit_json({"recovery_code": code})
        return EXIT_OK
    _show_recovery_code(ctx, code)
    ctx.say(
        _(
            "Il codice precedente non apre più l'area di lavoro; la passphrase resta la stessa. "
            "Anche la chiave dei dati è stata sostituita."
        )
    )
    _old_backups_note(ctx)
    return EXIT_OK


# --- backup / restore ------------------------------------------------------------------------


def _configure_backup(parser: argparse.ArgumentParser) -> None:
    _path(parser)
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help=_("file di backup da creare (.pippibak)"),
    )
    add_passphrase_option(parser)


def _run_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    with opened_workspace(args.path, args, ctx) as workspace:
        written = service.backup_workspace(workspace, Path(args.output))
    ctx.say(
        _(
            "Backup cifrato e sigillato scritto: {file} ({size} kB). Si apre con la passphrase "
            "o il codice di recupero validi oggi, anche dopo che li avrai cambiati."
        ),
        file=args.output,
        size=max(1, written.db_size // 1024),
    )
    return EXIT_OK


def _configure_restore(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=_("file di backup"))
    parser.add_argument(
        "new_path",
        metavar="NEWPATH",
        help=_("nuova cartella dell'area di lavoro"),
    )
    add_passphrase_option(parser)
    parser.add_argument(
        "--recovery-code-file",
        metavar="FILE",
        help=(_("usa il codice di recupero al posto della passphrase")),
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
        _(
            "Area di lavoro ripristinata in {path} (incarnazione {n}: le nuove modifiche useranno un "
            "nuovo identificativo di dispositivo)."
        ),
        path=args.new_path,
        n=identity.incarnation,
    )
    return EXIT_OK


# --- verify ----------------------------------------------------------------------------------


def _configure_verify(parser: argparse.ArgumentParser) -> None:
    _path(parser)
    add_passphrase_option(parser)
    _json_flag(parser)


CHECK_LABELS = {
    "key_slots": N_("Chiavi (keyslots.json)"),
    "cipher_integrity": N_("Integrità della cifratura"),
    "quick_check": N_("Controllo del database"),
    "schema": N_("Versione dello schema"),
    "audit_chain": N_("Registro delle attività"),
    "change_log": N_("Registro delle modifiche"),
    "database": N_("Database"),
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
            name = str(check["name"])
            label = CHECK_LABELS[name].translated() if name in CHECK_LABELS else name
            state = _("ok") if check["ok"] else _("PROBLEMA")
            print(f"{state:9} {label}", file=ctx.stdout)
        if report.ok:
            ctx.say(_("Nessun problema trovato."))
        else:
            ctx.say(_("Sono stati trovati problemi: ripristina l'area di lavoro da un backup."))
    return EXIT_OK if report.ok else EXIT_WORKSPACE


COMMANDS = [
    Command("init", N_("crea una nuova area di lavoro"), _configure_init, _run_init),
    Command("info", N_("mostra i dati dell'area di lavoro"), _configure_info, _run_info),
    Command("change-passphrase", N_("cambia la passphrase"), _configure_change, _run_change),
    Command(
        "recover",
        N_("imposta una nuova passphrase con il codice di recupero"),
        _configure_recover,
        _run_recover,
    ),
    Command(
        "new-recovery-code",
        N_("crea un nuovo codice di recupero (il vecchio non vale più)"),
        _configure_new_code,
        _run_new_code,
    ),
    Command("backup", N_("scrive un backup cifrato"), _configure_backup, _run_backup),
    Command(
        "restore",
        N_("ripristina un backup in una nuova cartella"),
        _configure_restore,
        _run_restore,
    ),
    Command(
        "verify", N_("controlla l'integrità dell'area di lavoro"), _configure_verify, _run_verify
    ),
]
