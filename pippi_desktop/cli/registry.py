"""Every command of the command line, in the order `--help` lists them, and its module.

Each module of `COMMAND_MODULES` declares its commands in `COMMANDS` (name, one-line help,
arguments, what it runs). A module is imported only when the command line names one of its
commands, or asks for the help that lists them all: `pippi-desktop` alone (the window),
`--demo`, `--screenshot` and `--version` import none of them, and so none of SQLAlchemy,
ReportLab or the sync code they bring (`tests/test_launch_imports.py` keeps it so).
`tests/foundation/test_cli_registry.py` fails when this table and the modules disagree.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pippi_desktop.cli.app import Command

COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "workspace_commands": (
        "init",
        "info",
        "change-passphrase",
        "recover",
        "new-recovery-code",
        "backup",
        "restore",
        "verify",
    ),
    "casefile_commands": ("families", "family", "export-data", "demo-data", "catalogue"),
    "print_commands": ("print-sheet",),
    "sync_commands": (
        "office-card",
        "trust-office",
        "device-card",
        "register-device",
        "revoke-device",
        "devices",
        "export-bundle",
        "import-bundle",
        "conflicts",
        "rotate-office-keys",
        "recover-escrow",
    ),
    "selftest_command": ("self-test",),
}

COMMAND_NAMES: tuple[str, ...] = tuple(name for names in COMMAND_MODULES.values() for name in names)


def asks_for_help(argv: Sequence[str]) -> bool:
    """`-h`, `--help`, or an abbreviation argparse accepts for it (`--he`)."""
    return any(arg == "-h" or (len(arg) > 2 and "--help".startswith(arg)) for arg in argv)


def commands_to_load(argv: Sequence[str]) -> list[str]:
    """The commands whose module `argv` needs: those it names (argparse needs their arguments
    to parse it), or all of them for the help without a command (it lists their one-line
    help). A name that is only the value of an option (`--screenshot info`) costs one import,
    never a different parse: adding a command's arguments changes nothing for the others."""
    named = [name for name in COMMAND_NAMES if name in argv]
    if not named and asks_for_help(argv):
        return list(COMMAND_NAMES)
    return named


def load_commands(names: Sequence[str]) -> list[Command]:
    """The commands called `names`, their modules imported (in the order of the table)."""
    wanted = set(names)
    found: list[Command] = []
    for module_name, module_commands in COMMAND_MODULES.items():
        if wanted.isdisjoint(module_commands):
            continue
        module = importlib.import_module(f"pippi_desktop.cli.{module_name}")
        found.extend(command for command in module.COMMANDS if command.name in wanted)
    return found
