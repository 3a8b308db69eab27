"""The crash experiments, shared by the test suite (a few rounds) and the soak script (hundreds).

Each round kills a real process with SIGKILL at a random moment and then checks, in this
process, what the next user would find.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from pippi_desktop.domain.errors import WrongPassphrase
from pippi_desktop.services.open_workspace import store_of
from pippi_desktop.services.workspace_service import open_workspace
from pippi_desktop.storage.audit import verify_audit

REPO = Path(__file__).resolve().parents[2]


def _spawn(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=REPO,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _works(path: Path, passphrase: str) -> bool:
    try:
        open_workspace(path, passphrase=passphrase).close()
    except WrongPassphrase:
        return False
    return True


def kill_during_change_passphrase(
    path: Path, current: str, new: str, recovery_code: str, rng: random.Random
) -> tuple[str, str]:
    """One round; returns (passphrase that works now, 'killed' or 'finished')."""
    child = _spawn(
        ["-m", "pippi_desktop", "change-passphrase", str(path)],
        {"PIPPI_PASSPHRASE": current, "PIPPI_NEW_PASSPHRASE": new},
    )
    time.sleep(rng.uniform(0.05, 1.2))
    child.send_signal(signal.SIGKILL)
    child.communicate()
    outcome = "finished" if child.returncode == 0 else "killed"
    old_works, new_works = _works(path, current), _works(path, new)
    assert old_works != new_works, f"exactly one passphrase must work ({old_works}, {new_works})"
    with (
        open_workspace(path, recovery_code=recovery_code) as workspace,
        store_of(workspace).read() as conn,
    ):
        assert conn.execute(text("PRAGMA quick_check")).scalar() == "ok"
        assert verify_audit(conn) == []
        assert conn.execute(text("SELECT value FROM workspace_meta WHERE key='canary'")).scalar()
    return (new if new_works else current), outcome


def kill_during_writes(path: Path, passphrase: str, rng: random.Random) -> int:
    """One round; returns how many writes were acknowledged before the kill."""
    child = _spawn(
        ["-m", "tests.soak.crash_children", "write", str(path)], {"PIPPI_PASSPHRASE": passphrase}
    )
    assert child.stdout is not None
    ready = child.stdout.readline()  # blocks until the workspace is open and writing starts
    assert ready.strip() == "ready", ready
    time.sleep(rng.uniform(0.0, 0.6))
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate()
    acknowledged = [int(line) for line in out.split()]
    last = acknowledged[-1] if acknowledged else None
    with (
        open_workspace(path, passphrase=passphrase) as workspace,
        store_of(workspace).read() as conn,
    ):
        assert conn.execute(text("PRAGMA quick_check")).scalar() == "ok"
        assert verify_audit(conn) == []
        stored = conn.execute(
            text("SELECT value FROM workspace_meta WHERE key='crash_counter'")
        ).scalar()
        if last is not None:
            assert stored is not None and int(stored) >= last, "an acknowledged write was lost"
            assert int(stored) <= last + 1
            for number in range(1, int(stored) + 1):
                assert (
                    conn.execute(
                        text("SELECT 1 FROM workspace_meta WHERE key=:k"), {"k": f"row_{number}"}
                    ).scalar()
                    == 1
                )
    return len(acknowledged)
