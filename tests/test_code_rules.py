"""The rules the build enforces: import layers (import-linter), ruff, mypy for the core."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_mypy_core() -> None:
    result = _run(_tool("mypy"), "pippi_desktop")
    assert result.returncode == 0, result.stdout + result.stderr
