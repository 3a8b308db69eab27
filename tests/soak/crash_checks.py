"""The crash experiments, shared by the test suite (a few rounds) and the soak script (hundreds).

Each round kills a real process with SIGKILL at a random moment and then checks, in this
process, what the next user would find:

- `kill_during_change_passphrase`: `change-passphrase` (which rekeys the database) killed
  anywhere, from start-up to the last write; `kill_during_rekey` aims at the rekey itself
  (the child says when it starts). Exactly one passphrase works, the recovery code works,
  the key the *previous* key slots give no longer opens the database once the new passphrase
  is the one that works, and nothing is lost.
- `kill_during_writes`: a writer committing one small transaction after another; every
  acknowledged (printed) write survives.
- `kill_during_import`: `import-bundle` at the office; a bundle is applied whole or not at
  all, and an acknowledged import (exit 0) is there.
- `kill_during_migration`: opening a workspace of schema 0001 (backup, then the migrations);
  the next opening finds it whole, upgraded or upgradable, with its data.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from pippi_desktop.domain.errors import WrongPassphrase
from pippi_desktop.domain.record_inputs import FamilyInput, VisitInput
from pippi_desktop.services.open_workspace import store_of
from pippi_desktop.services.workspace_service import open_workspace
from pippi_desktop.storage import keyslots as ks
from pippi_desktop.storage import migrate
from pippi_desktop.storage.audit import verify_audit
from pippi_desktop.storage.rekey import database_opens

REPO = Path(__file__).resolve().parents[2]
OLD_WORKSPACE = REPO / "tests" / "data" / "workspaces" / "schema-0001.pippiws"
OLD_PASSPHRASE = "schema uno di prova"


def _spawn(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=REPO,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill(child: subprocess.Popen[str]) -> tuple[str, str]:
    """SIGKILL (if still running); 'finished' when the child exited 0 first."""
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate()
    return ("finished" if child.returncode == 0 else "killed"), out


def _works(path: Path, passphrase: str) -> bool:
    try:
        open_workspace(path, passphrase=passphrase).close()
    except WrongPassphrase:
        return False
    return True


def _sound(connection) -> None:  # type: ignore[no-untyped-def]
    assert connection.execute(text("PRAGMA quick_check")).scalar() == "ok"
    assert verify_audit(connection) == []


def _check_rotation(
    path: Path, current: str, new: str, recovery_code: str, old_slots: bytes
) -> str:
    """After a killed rotation: exactly one key set; returns the passphrase that works."""
    old_works, new_works = _works(path, current), _works(path, new)
    assert old_works != new_works, f"exactly one passphrase must work ({old_works}, {new_works})"
    if new_works:  # the rotation happened: the previous key slots must not open the database
        previous, _mac = ks.parse(old_slots)
        old_key = ks.unlock_with_passphrase(previous, current)
        assert not database_opens(path / "workspace.db", old_key), "the old key still opens"
    with (
        open_workspace(path, recovery_code=recovery_code) as workspace,
        store_of(workspace).read() as conn,
    ):
        _sound(conn)
        assert conn.execute(text("SELECT value FROM workspace_meta WHERE key='canary'")).scalar()
    assert ks.load(path / "keyslots.json")[0].pending is None  # finished by the openings
    return new if new_works else current


def kill_during_change_passphrase(
    path: Path, current: str, new: str, recovery_code: str, rng: random.Random
) -> tuple[str, str]:
    """One round; returns (passphrase that works now, 'killed' or 'finished')."""
    old_slots = (path / "keyslots.json").read_bytes()
    child = _spawn(
        ["-m", "pippi_desktop", "change-passphrase", str(path)],
        {"PIPPI_PASSPHRASE": current, "PIPPI_NEW_PASSPHRASE": new},
    )
    time.sleep(rng.uniform(0.05, 1.1))
    outcome, _out = _kill(child)
    return _check_rotation(path, current, new, recovery_code, old_slots), outcome


def kill_during_rekey(
    path: Path, current: str, new: str, recovery_code: str, rng: random.Random
) -> tuple[str, str]:
    """One round aimed at the rotation itself: the child opens the workspace, says 'ready',
    and rotates; the kill falls within the next fraction of a second."""
    old_slots = (path / "keyslots.json").read_bytes()
    child = _spawn(
        ["-m", "tests.soak.crash_children", "rekey", str(path)],
        {"PIPPI_PASSPHRASE": current, "PIPPI_NEW_PASSPHRASE": new},
    )
    assert child.stdout is not None
    ready = child.stdout.readline()
    assert ready.strip() == "ready", ready + (child.stderr.read() if child.stderr else "")
    time.sleep(rng.uniform(0.0, 0.5))
    outcome, _out = _kill(child)
    return _check_rotation(path, current, new, recovery_code, old_slots), outcome


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
        _sound(conn)
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


@dataclass
class ImportRun:
    """An office and the bundles of one educator, each adding exactly one family."""

    office: Path
    passphrase: str
    bundles: list[Path]
    applied: int = 0
    acknowledged: int = 0
    outcomes: dict[str, int] = field(default_factory=lambda: {"killed": 0, "finished": 0})

    @property
    def done(self) -> bool:
        return self.applied >= len(self.bundles)


def kill_during_import(run: ImportRun, rng: random.Random) -> str:
    """One round: import the next bundle not yet at the office, killed at a random moment.

    Every bundle carries one new family, so the office must hold exactly as many families
    and receipts as bundles applied: a bundle is there whole or not at all."""
    bundle = run.bundles[run.applied]
    child = _spawn(
        ["-m", "pippi_desktop", "import-bundle", str(run.office), str(bundle)],
        {"PIPPI_PASSPHRASE": run.passphrase},
    )
    time.sleep(rng.uniform(0.1, 1.0))
    outcome, _out = _kill(child)
    run.outcomes[outcome] += 1
    with (
        open_workspace(run.office, passphrase=run.passphrase) as office,
        store_of(office).read() as conn,
    ):
        _sound(conn)
        receipts = int(conn.execute(text("SELECT count(*) FROM bundles_received")).scalar() or 0)
        families = int(conn.execute(text("SELECT count(*) FROM families")).scalar() or 0)
    assert receipts in (run.applied, run.applied + 1), "receipts jumped"
    assert families == receipts, "a bundle was applied in part"
    if outcome == "finished":
        assert receipts == run.applied + 1, "an acknowledged import was lost"
        run.acknowledged += 1
    run.applied = receipts
    return outcome


def kill_during_migration(work: Path, rng: random.Random) -> str:
    """One round on a fresh copy of a schema-0001 workspace: `info` opens it, which writes
    the automatic backup and runs the migrations; killed at a random moment. The next
    opening must find it whole: upgraded (or upgraded now), its data and audit chain intact."""
    target = work / "migrating.pippiws"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(OLD_WORKSPACE, target)
    child = _spawn(
        ["-m", "pippi_desktop", "info", str(target)], {"PIPPI_PASSPHRASE": OLD_PASSPHRASE}
    )
    time.sleep(rng.uniform(0.2, 1.0))
    outcome, _out = _kill(child)
    assert _works(target, OLD_PASSPHRASE), "the passphrase must still open it"
    with (
        open_workspace(target, passphrase=OLD_PASSPHRASE) as workspace,
        store_of(workspace).read() as conn,
    ):
        _sound(conn)
        assert migrate.current_revision(conn) == migrate.head_revision()
        canary = conn.execute(
            text("SELECT value FROM workspace_meta WHERE key='fixture_canary'")
        ).scalar()
        assert canary == "made by schema 0001", "the old workspace's data was lost"
    return outcome


def make_import_run(root: Path, count: int, passphrase: str) -> ImportRun:
    """An office and `count` bundles of one trusted, registered educator, one family each."""
    from pippi_desktop.services import bundle_export, trust_service
    from pippi_desktop.services import casefile_service as cs
    from pippi_desktop.services.workspace_service import create_workspace

    office = create_workspace(
        root / "office.pippiws", role="office", name="U", passphrase=passphrase
    )
    educator = create_workspace(
        root / "edu.pippiws", role="educator", name="E", passphrase=passphrase
    )
    bundles: list[Path] = []
    with office.workspace as o, educator.workspace as e:
        card = trust_service.export_office_card(o, root / "office.card")
        trust_service.trust_office(e, card.path, card.fingerprint)
        device = trust_service.export_device_card(e, root / "device.card")
        trust_service.register_device(o, device.path, device.fingerprint, educator="Anna")
        for index in range(count):
            with cs.unit_of_work(e) as uow:
                family = uow.create(FamilyInput(implementation=f"PIPPI {index}"))
                for visit in range(20):  # a bundle big enough to take a while to apply
                    uow.create(
                        VisitInput(
                            family_id=family,
                            date=f"2026-0{1 + visit % 9}-1{visit % 10}",
                            place="casa",
                            notes="appunti " * 40,
                        )
                    )
            result = bundle_export.export_bundle(e)
            assert result.file is not None
            bundles.append(result.file)
    return ImportRun(root / "office.pippiws", passphrase, bundles)
