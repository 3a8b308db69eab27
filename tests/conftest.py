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

os.environ["PIPPI_KDF_MEMORY_KIB"] = "65536"
os.environ["PIPPI_KDF_ITERATIONS"] = "1"
os.environ.pop("PIPPI_PASSPHRASE", None)
os.environ.pop("PIPPI_NEW_PASSPHRASE", None)
os.environ.pop("PIPPI_LANG", None)
_STATE = tempfile.mkdtemp(prefix="pippi-test-state-")
os.environ["XDG_STATE_HOME"] = _STATE
# Offscreen Qt on one 1366×768 screen at 96 dpi: the usual field laptop (the default
# offscreen screen is 800×800, which would squeeze every dialog).
_SCREEN = Path(_STATE) / "offscreen-screen.json"
_SCREEN.write_text(
    '{"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, '
    '"logicalDpiX": 96, "logicalDpiY": 96, "logicalBaseDpi": 96, "dpr": 1}]}'
)
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")

import pytest  # noqa: E402

from pippi_desktop.services.open_workspace import OpenWorkspace  # noqa: E402
from pippi_desktop.services.workspace_service import create_workspace  # noqa: E402

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
def new_workspace(tmp_path: Path) -> Iterator[Callable[..., OpenWorkspace]]:
    """Factory: a fresh, open educator (or office) workspace on a real SQLCipher file."""
    opened: list[OpenWorkspace] = []

    def make(
        name: str = "ws", *, role: str = "educator", passphrase: str = PASSPHRASE
    ) -> OpenWorkspace:
        created = create_workspace(
            tmp_path / f"{name}.pippiws", role=role, name=f"Area {name}", passphrase=passphrase
        )
        opened.append(created.workspace)
        created.workspace.recovery_code = created.recovery_code  # type: ignore[attr-defined]
        return created.workspace

    yield make
    for workspace in opened:
        workspace.close()


# --- Qt tests: settings in a temporary file, and napari-style leak checks -------------------

os.environ["PIPPI_SETTINGS_FILE"] = str(Path(_STATE) / "settings.ini")


def _qt_test(request: pytest.FixtureRequest) -> bool:
    return any(name in request.fixturenames for name in ("qtbot", "qapp"))


@pytest.fixture(autouse=True)
def _qt_leak_check(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a Qt test that leaves a window, a busy worker or an idle watcher behind.

    Like napari's `pytest_runtest_setup` check: whatever a test opens it must close, so one
    test cannot leak into the next (and a real window cannot forget a dialog or a thread).
    """
    if not _qt_test(request):
        yield
        return
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
    from PySide6.QtWidgets import QApplication

    from pippi_desktop.gui.idle_watcher import IdleWatcher
    from pippi_desktop.gui.operations.runner import TaskRunner

    def address(widget: object) -> int:
        return int(shiboken6.getCppPointer(widget)[0])

    before = {address(widget) for widget in QApplication.topLevelWidgets()}
    yield
    app = QApplication.instance()
    problems: list[str] = []
    for runner in TaskRunner.live_instances():
        if not runner.wait_until_idle(10_000):
            problems.append("a background operation was still running")
    if app is not None:
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            app.processEvents()
    for runner in TaskRunner.live_instances():
        if runner.pending_count():
            problems.append(f"{runner.pending_count()} operation result(s) never delivered")
    if QThreadPool.globalInstance().activeThreadCount():
        problems.append("the global thread pool is still busy")
    for watcher in IdleWatcher.live_instances():
        if watcher.filtering:
            problems.append("an IdleWatcher still filters application events (no shutdown())")
            watcher.dispose()
    leaked = [widget for widget in QApplication.topLevelWidgets() if address(widget) not in before]
    for widget in leaked:
        problems.append(
            f"top-level widget left open: {type(widget).__name__} {widget.objectName()!r}"
        )
        widget.close()
        widget.deleteLater()
    if leaked and app is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if problems:
        pytest.fail("Qt leak check: " + "; ".join(problems), pytrace=False)
