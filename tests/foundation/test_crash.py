"""SIGKILL at random moments: exactly one key set works, nothing acknowledged is lost.

A few rounds of each kind here (rekey, writes, imports, migrations);
`python benchmarks/crash_soak.py` runs the long loop (500 kills).
"""

from __future__ import annotations

import random
import sys

import pytest
from sqlalchemy import text

from pippi_desktop.services.open_workspace import store_of
from tests.conftest import NEW_PASSPHRASE, PASSPHRASE
from tests.soak.crash_checks import (
    kill_during_change_passphrase,
    kill_during_import,
    kill_during_migration,
    kill_during_rekey,
    kill_during_writes,
    make_import_run,
)

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


def test_kill_during_the_rekey_itself(new_workspace) -> None:
    workspace = new_workspace("rk")
    with store_of(workspace).write() as connection:
        connection.execute(text("INSERT INTO workspace_meta VALUES ('canary', 'ok')"))
    path, code = workspace.folder, workspace.recovery_code
    workspace.close()
    rng = random.Random(7)
    current = PASSPHRASE
    for _ in range(4):
        other = NEW_PASSPHRASE if current == PASSPHRASE else PASSPHRASE
        current, _outcome = kill_during_rekey(path, current, other, code, rng)


def test_kill_during_import(tmp_path) -> None:
    run = make_import_run(tmp_path, 3, PASSPHRASE)
    rng = random.Random(5)
    for _ in range(4):
        if run.done:
            break
        kill_during_import(run, rng)
    assert sum(run.outcomes.values()) >= 1


def test_kill_during_migration(tmp_path) -> None:
    rng = random.Random(3)
    outcomes = [kill_during_migration(tmp_path, rng) for _ in range(3)]
    assert len(outcomes) == 3


def test_kill_during_writes(new_workspace) -> None:
    workspace = new_workspace("kw")
    path = workspace.folder
    workspace.close()
    rng = random.Random(99)
    counts = [kill_during_writes(path, PASSPHRASE, rng) for _ in range(4)]
    assert sum(counts) > 0, "the child never acknowledged a write: the test proved nothing"
