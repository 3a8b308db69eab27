"""The workspace lock between real processes: refused at once while held, free once the holder
ends, also when it is killed without a chance to clean up."""

from __future__ import annotations

import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from pippi_desktop.domain.errors import WorkspaceInUse
from pippi_desktop.storage.lockfile import WorkspaceLock

# A second program: takes the lock, says so, holds it until a line arrives on stdin.
HOLDER = """
import sys
from pathlib import Path

from pippi_desktop.domain.errors import WorkspaceInUse
from pippi_desktop.storage.lockfile import WorkspaceLock

lock = WorkspaceLock(Path(sys.argv[1]))
try:
    lock.acquire()
except WorkspaceInUse:
    print("in use", flush=True)
    sys.exit(5)
print("held", flush=True)
sys.stdin.readline()
lock.release()
print("released", flush=True)
"""


def _start_holder(path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _first_line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if not line:  # the child died: show why
        process.wait(timeout=60)
        pytest.fail(f"holder ended with {process.returncode}: {process.stderr.read()}")
    return line


def test_a_killed_holder_leaves_the_workspace_free(tmp_path: Path) -> None:
    path = tmp_path / "workspace.lock"
    holder = _start_holder(path)
    try:
        assert _first_line(holder) == "held"
        second = _start_holder(path)  # refused at once: a waiting child would time out here
        assert second.communicate(timeout=60)[0].strip() == "in use"
        assert second.returncode == 5
        with pytest.raises(WorkspaceInUse):
            WorkspaceLock(path).acquire()
    finally:
        holder.kill()  # SIGKILL / TerminateProcess: no release, no clean-up
        holder.communicate(timeout=60)
    lock = WorkspaceLock(path)
    lock.acquire()
    assert lock.held
    lock.release()
    assert not lock.held


def test_a_released_lock_is_free_for_the_next_program(tmp_path: Path) -> None:
    path = tmp_path / "workspace.lock"
    mine = WorkspaceLock(path)
    mine.acquire()
    refused = _start_holder(path)
    assert refused.communicate(timeout=60)[0].strip() == "in use"
    mine.release()
    holder = _start_holder(path)
    try:
        assert _first_line(holder) == "held"
        assert holder.communicate("\n", timeout=60)[0].strip() == "released"
        assert holder.returncode == 0
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.communicate(timeout=60)
    mine.acquire()
    mine.release()
    assert path.is_file()  # the lock file stays in the folder, as before
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_one_object_cannot_take_it_twice_and_may_release_on_another_thread(
    tmp_path: Path,
) -> None:
    lock = WorkspaceLock(tmp_path / "workspace.lock")
    lock.acquire()
    with pytest.raises(WorkspaceInUse):
        lock.acquire()
    with pytest.raises(WorkspaceInUse):
        WorkspaceLock(tmp_path / "workspace.lock").acquire()
    releaser = threading.Thread(target=lock.release)
    releaser.start()
    releaser.join()
    assert not lock.held
    lock.release()  # a second release does nothing
    other = WorkspaceLock(tmp_path / "workspace.lock")
    other.acquire()
    other.release()
