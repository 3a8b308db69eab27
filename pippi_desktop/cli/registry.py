"""Every command of the command line, in the order `--help` lists them."""

from __future__ import annotations

from pippi_desktop.cli.app import Command


def all_commands() -> list[Command]:
    from pippi_desktop.cli import (
        casefile_commands,
        print_commands,
        selftest_command,
        sync_commands,
        workspace_commands,
    )

    return [
        *workspace_commands.COMMANDS,
        *casefile_commands.COMMANDS,
        *print_commands.COMMANDS,
        *sync_commands.COMMANDS,
        *selftest_command.COMMANDS,
    ]
