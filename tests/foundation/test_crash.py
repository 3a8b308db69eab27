"""SIGKILL at random moments: exactly one passphrase works, nothing acknowledged is lost.

A few rounds here; `python benchmarks/crash_soak.py --rounds 300` runs the long loop.
"""

from __future__ import annotations

import random
import sys

import pytest
from sqlalchemy import text

from pippi_desktop.services.open_workspace import store_of
from tests.conftest import NEW_PASSPHRASE, PASSPHRASE
from tests.soak.crash_checks import kill_during_change_passphrase, kill_during_writes

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def test_kill_during_change_passphrase(new_workspace) -> None:
    workspace = new_workspace("k")
    with store_of(workspace).write() as connection:
        connection.execute(text("INSERT INTO workspace_meta VALUES ('canary', 'ok')"))
    path, code = workspace.folder, workspace.recovery_code
    workspace.close()
    rng = random.Random(1234)
    current, outcomes = PASSPHRASE, []
    for _ in range(5):
        other = NEW_PASSPHRASE if current == PASSPHRASE else PASSPHRASE
        current, outcome = kill_during_change_passphrase(path, current, other, code, rng)
        outcomes.append(outcome)
    assert "killed" in outcomes  # the first delays are shorter than the child's start-up


def test_kill_during_writes(new_workspace) -> None:
    workspace = new_workspace("kw")
    path = workspace.folder
    workspace.close()
    rng = random.Random(99)
    counts = [kill_during_writes(path, PASSPHRASE, rng) for _ in range(4)]
    assert sum(counts) > 0, "the child never acknowledged a write: the test proved nothing"
