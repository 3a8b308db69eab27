"""Where the command line takes passphrases and codes from (a contract, see issue 3).

Current passphrase: `--passphrase-file FILE` (first line), else `PIPPI_PASSPHRASE`, else a
prompt when standard input is a terminal, else exit 2 saying how to pass it. New passphrase:
`--new-passphrase-file`, else `PIPPI_NEW_PASSPHRASE`, else a prompt asked twice.

Every source is read with a limit (`MAX_SECRET_BYTES`, 4 KiB): a longer line is a mistake
(a wrong file, `/dev/zero`) and ends the command at once with exit 2, without reading on.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from pippi_desktop.domain.errors import UsageError, WeakPassphrase, WrongRecoveryCode
from pippi_desktop.domain.i18n import N_, Lang

MAX_SECRET_BYTES = 4096


def _too_long() -> UsageError:
    return UsageError("secret_too_long", maximum=MAX_SECRET_BYTES)


def _checked(secret: str) -> str:
    if len(secret.encode("utf-8", "surrogateescape")) > MAX_SECRET_BYTES:
        raise _too_long()
    return secret


def read_first_line(path: str | Path) -> str:
    """The first line of `path`, reading at most 4 KiB (and its line end) of it."""
    try:
        with open(path, "rb") as handle:
            line = handle.readline(MAX_SECRET_BYTES + 2)
    except OSError:
        raise UsageError("unreadable_secret_file") from None
    line = line.rstrip(b"\r\n")
    if len(line) > MAX_SECRET_BYTES:
        raise _too_long()
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("unreadable_secret_file") from None


def _prompt(label: str) -> str:
    return getpass.getpass(label)


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def read_secret(
    *,
    file_path: str | None,
    env_name: str,
    missing_variant: str,
    prompt: str,
    confirm_prompt: str | None = None,
) -> str:
    if file_path:
        return read_first_line(file_path)
    from_env = os.environ.get(env_name)
    if from_env is not None:
        return _checked(from_env)
    if not _interactive():
        raise UsageError(missing_variant)
    first = _checked(_prompt(prompt))
    if confirm_prompt is not None and _prompt(confirm_prompt) != first:
        raise WeakPassphrase("mismatch")
    return first


PROMPTS = {
    "current": N_("Passphrase: "),
    "new": N_("Nuova passphrase: "),
    "again": N_("Ripeti la nuova passphrase: "),
    "office": N_("Passphrase dell'ufficio: "),
}


def _label(key: str, lang: Lang) -> str:
    return PROMPTS[key].translated(lang)


def current_passphrase(passphrase_file: str | None, lang: Lang) -> str:
    return read_secret(
        file_path=passphrase_file,
        env_name="PIPPI_PASSPHRASE",
        missing_variant="no_passphrase",
        prompt=_label("current", lang),
    )


def initial_passphrase(passphrase_file: str | None, lang: Lang) -> str:
    """For `init`: the usual sources, asked twice when prompting."""
    return read_secret(
        file_path=passphrase_file,
        env_name="PIPPI_PASSPHRASE",
        missing_variant="no_passphrase",
        prompt=_label("new", lang),
        confirm_prompt=_label("again", lang),
    )


def new_passphrase(new_passphrase_file: str | None, lang: Lang) -> str:
    return read_secret(
        file_path=new_passphrase_file,
        env_name="PIPPI_NEW_PASSPHRASE",
        missing_variant="no_new_passphrase",
        prompt=_label("new", lang),
        confirm_prompt=_label("again", lang),
    )


def office_passphrase(office_passphrase_file: str | None, lang: Lang) -> str:
    return read_secret(
        file_path=office_passphrase_file,
        env_name="PIPPI_OFFICE_PASSPHRASE",
        missing_variant="no_office_passphrase",
        prompt=_label("office", lang),
    )


def recovery_code_from_file(path: str) -> str:
    code = read_first_line(path).strip()
    if not code:
        raise WrongRecoveryCode("mistyped")
    return code
