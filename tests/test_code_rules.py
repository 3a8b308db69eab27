"""The rules the build enforces: import layers (import-linter), ruff, mypy (strict, the GUI
included), and that services hand the GUI and the command line no storage or sync type."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import pkgutil
import shutil
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import pytest

import pippi_desktop.services

REPO = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        pytest.fail(f"{name} is not installed: install the test extra (pip install -e '.[test]')")
    return found


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=600)


def test_import_layers() -> None:
    result = _run(_tool("lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff() -> None:
    result = _run(_tool("ruff"), "check", "pippi_desktop", "tests", "benchmarks", "build_scripts")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy() -> None:
    result = _run(_tool("mypy"), "pippi_desktop")
    assert result.returncode == 0, result.stdout + result.stderr


# --- services own their types ----------------------------------------------------------------

# What must not cross into gui/ and cli/ (import-linter forbids importing them there; this
# checks that no service hands one over either).
HIDDEN = ("pippi_desktop.storage", "pippi_desktop.sync", "sqlalchemy", "sqlcipher3")


def _named_types(hint: Any, seen: set[type]) -> set[str]:
    """The storage/sync/database types `hint` names, through generics and the fields of the
    services' own classes (a dataclass holding a storage type would leak it too)."""
    found: set[str] = set()
    origin = typing.get_origin(hint)
    if origin is not None:
        for part in (origin, *typing.get_args(hint)):
            found |= _named_types(part, seen)
        return found
    if isinstance(hint, list | tuple):
        for part in hint:
            found |= _named_types(part, seen)
        return found
    module = getattr(hint, "__module__", "") or ""
    if module.startswith(HIDDEN):
        found.add(f"{module}.{getattr(hint, '__qualname__', hint)}")
    elif inspect.isclass(hint) and module.startswith("pippi_desktop.services") and hint not in seen:
        seen.add(hint)
        for name, field_hint in typing.get_type_hints(hint).items():
            found |= {f"{hint.__name__}.{name}: {t}" for t in _named_types(field_hint, seen)}
    return found


def _signature_leaks(target: Any) -> set[str]:
    """What a public callable (or class: its fields and public methods) takes or returns."""
    if inspect.isclass(target):
        found = _named_types(target, set())
        for name, member in vars(target).items():
            function = member.fget if isinstance(member, property) else member
            if not name.startswith("_") and inspect.isfunction(function):
                found |= {f"{name}: {t}" for t in _signature_leaks(function)}
        return found
    found = set()
    # names a module imports only for type checking (under TYPE_CHECKING) are the services'
    # own classes: resolved from all of them
    for hint in typing.get_type_hints(target, localns=_service_classes()).values():
        found |= _named_types(hint, set())
    return found


def _service_classes() -> dict[str, Any]:
    return {name: value for name, value in _public_service_callables() if inspect.isclass(value)}


def _public_service_callables() -> list[tuple[str, Any]]:
    found = []
    for info in pkgutil.iter_modules(pippi_desktop.services.__path__):
        if info.name.startswith("_"):  # services-internal helpers (e.g. _identity_keys)
            continue
        module = importlib.import_module(f"pippi_desktop.services.{info.name}")
        for name, value in vars(module).items():
            if name.startswith("_") or name == "store_of":
                continue
            if (inspect.isfunction(value) or inspect.isclass(value)) and (
                value.__module__ == module.__name__
            ):
                found.append((name, value))
    return found


def test_no_public_service_signature_names_a_storage_or_sync_type() -> None:
    callables = _public_service_callables()
    assert len(callables) > 100  # the whole API was inspected
    leaks = {
        name: sorted(found) for name, target in callables if (found := _signature_leaks(target))
    }
    assert leaks == {}


def test_the_signature_check_sees_a_leak() -> None:
    from pippi_desktop.storage.workspace import Workspace
    from pippi_desktop.sync.cards import Card

    @dataclasses.dataclass
    class Result:
        workspace: Any

    Result.__module__ = "pippi_desktop.services.probe"
    Result.__annotations__["workspace"] = Workspace | None  # returned inside a services class

    def probe(workspace, cards):  # type: ignore[no-untyped-def]
        raise NotImplementedError

    probe.__annotations__ = {"workspace": Workspace, "cards": list[Card], "return": Result}
    assert _signature_leaks(probe) == {
        "pippi_desktop.storage.workspace.Workspace",
        "pippi_desktop.sync.cards.Card",
        "Result.workspace: pippi_desktop.storage.workspace.Workspace",
    }


def _services_only_uses(source: str) -> list[str]:
    """Where `source` names what only services use, or imports a private services module."""
    found = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "pippi_desktop.services"
        ):
            private = (node.module or "").rsplit(".", 1)[-1].startswith("_")
            names = {alias.name for alias in node.names}
            if (
                private
                or names & {"store_of", "UnitOfWork"}
                or any(n.startswith("_") for n in names)
            ):
                found.append(f"import:{node.lineno}")
        elif isinstance(node, ast.Attribute) and node.attr in ("store_of", "UnitOfWork", "_store"):
            found.append(f"{node.attr}:{node.lineno}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("OpenWorkspace", "store_of", "UnitOfWork")
        ):
            found.append(f"{node.func.id}:{node.lineno}")
    return found


def test_the_gui_and_the_command_line_use_no_services_internals() -> None:
    offenders = {}
    for folder in ("gui", "cli"):
        for path in sorted((REPO / "pippi_desktop" / folder).rglob("*.py")):
            if "forms" in path.parts:
                continue
            if found := _services_only_uses(path.read_text(encoding="utf-8")):
                offenders[path.relative_to(REPO).as_posix()] = found
    assert offenders == {}


def test_the_internals_check_sees_a_use() -> None:
    source = (
        "from pippi_desktop.services.open_workspace import OpenWorkspace, store_of\n"
        "from pippi_desktop.services._identity_keys import ensure_keys\n"
        "from pippi_desktop.services.open_workspace import OpenWorkspace\n"  # the type: fine
        "store = handle._store\n"
        "OpenWorkspace(store)\n"
        "casefile_service.UnitOfWork(store, connection)\n"
    )
    assert _services_only_uses(source) == [
        "import:1",
        "import:2",
        "_store:4",
        "OpenWorkspace:5",
        "UnitOfWork:6",
    ]
