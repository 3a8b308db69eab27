"""The table of commands (`cli/registry.py`) against the modules that declare them, and the
command line that imports only the module of the command it runs."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import pippi_desktop.cli
from pippi_desktop.cli.registry import (
    COMMAND_MODULES,
    COMMAND_NAMES,
    commands_to_load,
    load_commands,
)
from tests.conftest import run_cli


def test_the_table_lists_every_command_of_every_module_in_its_order() -> None:
    declaring = {}
    for info in pkgutil.iter_modules(pippi_desktop.cli.__path__):
        module = importlib.import_module(f"pippi_desktop.cli.{info.name}")
        if hasattr(module, "COMMANDS"):
            declaring[info.name] = tuple(command.name for command in module.COMMANDS)
    assert declaring == COMMAND_MODULES
    assert len(set(COMMAND_NAMES)) == len(COMMAND_NAMES)


def test_load_commands_gives_the_declared_commands() -> None:
    commands = load_commands(COMMAND_NAMES)
    assert [command.name for command in commands] == list(COMMAND_NAMES)
    assert [command.name for command in load_commands(["self-test", "init"])] == [
        "init",
        "self-test",
    ]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], []),  # the window
        (["--lang", "en"], []),
        (["--demo"], []),
        (["--screenshot", "/tmp/shots"], []),
        (["--version"], []),
        (["info", "Area.pippiws", "--json"], ["info"]),
        (["--lang", "en", "print-sheet", "-h"], ["print-sheet"]),
        (["--screenshot", "info"], ["info"]),  # a value that is a name: one import, same parse
        (["-h"], list(COMMAND_NAMES)),  # the listing shows every one-line help
        (["--lang", "en", "--help"], list(COMMAND_NAMES)),
        (["--he"], list(COMMAND_NAMES)),  # argparse accepts the abbreviation
    ],
)
def test_only_the_commands_the_line_needs_are_loaded(argv: list[str], expected: list[str]) -> None:
    assert commands_to_load(argv) == expected


@pytest.mark.parametrize("lang", ["it", "en"])
def test_help_lists_every_command_with_its_translated_line(lang: str) -> None:
    result = run_cli("--lang", lang, "--help")
    assert result.returncode == 0, result.stderr
    listed = " ".join(result.stdout.split())  # argparse wraps long lines
    for command in load_commands(COMMAND_NAMES):
        line = " ".join(command.help.translated(lang).split())
        assert f"{command.name} {line}" in listed, command.name


def test_a_command_help_shows_its_own_arguments() -> None:
    result = run_cli("--lang", "en", "info", "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: pippi-desktop info")
    assert "--passphrase-file FILE" in result.stdout and "--json" in result.stdout


def test_an_unknown_command_is_a_usage_error_naming_the_commands() -> None:
    result = run_cli("frobnicate")
    assert result.returncode == 2
    assert "'frobnicate'" in result.stderr and "'self-test'" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_version_answers_without_a_parser() -> None:
    result = run_cli("--version")
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"pippi-desktop \d+\.\d+\.\d+\S*\n", result.stdout)
