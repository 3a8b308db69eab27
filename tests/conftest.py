"""Shared test set-up: offscreen Qt, a fast (but real) Argon2id, private state folders.

Every test gets real parts: a real SQLCipher file in a fresh temporary folder, the real command
line run as a subprocess. The KDF is lowered to its floor (64 MiB, 1 pass) to keep the suite
quick; one test runs the default 256 MiB cost to prove it works.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PIPPI_KDF_MEMORY_KIB"] = "65536"
os.environ["PIPPI_KDF_ITERATIONS"] = "1"
os.environ.pop("PIPPI_PASSPHRASE", None)
os.environ.pop("PIPPI_NEW_PASSPHRASE", None)
os.environ.pop("PIPPI_LANG", None)
_STATE = tempfile.mkdtemp(prefix="pippi-test-state-")
os.environ["XDG_STATE_HOME"] = _STATE

import pytest  # noqa: E402

from pippi_desktop.services.workspace_service import create_workspace  # noqa: E402
from pippi_desktop.storage.workspace import Workspace  # noqa: E402

PASSPHRASE = "la volpe salta il recinto"
NEW_PASSPHRASE = "il gatto dorme sul divano"


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str


def run_cli(
    *args: str | Path,
    env: dict[str, str] | None = None,
    input_text: str | None = None,
    timeout: float = 120,
) -> CliResult:
    """Run `python -m pippi_desktop ARGS` as a real subprocess (no terminal on stdin)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    completed = subprocess.run(
        [sys.executable, "-m", "pippi_desktop", *map(str, args)],
        env=full_env,
        input=input_text if input_text is not None else "",
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


def tree_hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every data file under `root` (relative path -> digest).

    `logs/` is left out: the log is diagnostics that may only grow (`log_grew_only` checks
    that); every other file must stay byte for byte the same after refused input.
    """
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.relative_to(root).parts[0] != "logs"
    }


def log_snapshot(root: Path) -> bytes:
    log = root / "logs" / "pippi.log"
    return log.read_bytes() if log.exists() else b""


def log_grew_only(root: Path, before: bytes) -> bool:
    return log_snapshot(root).startswith(before)


@pytest.fixture
def cli() -> Callable[..., CliResult]:
    return run_cli


@pytest.fixture
def new_workspace(tmp_path: Path) -> Iterator[Callable[..., Workspace]]:
    """Factory: a fresh, open educator (or office) workspace on a real SQLCipher file."""
    opened: list[Workspace] = []

    def make(
        name: str = "ws", *, role: str = "educator", passphrase: str = PASSPHRASE
    ) -> Workspace:
        created = create_workspace(
            tmp_path / f"{name}.pippiws", role=role, name=f"Area {name}", passphrase=passphrase
        )
        opened.append(created.workspace)
        created.workspace.recovery_code = created.recovery_code  # type: ignore[attr-defined]
        return created.workspace

    yield make
    for workspace in opened:
        workspace.close()
