"""The long crash loop of issues 3 and 13: hundreds of SIGKILLs during rekeys, writes, imports
and schema migrations.

    python benchmarks/crash_soak.py                       # 650 rounds: 200/150/150/150
    python benchmarks/crash_soak.py --rekey 40 --writes 20 --imports 20 --migrations 20

Kinds of rounds (tests/soak/crash_checks.py has the checks):

- rekey: `change-passphrase` (a rotation of the data key) killed anywhere from start-up to
  the end, alternating with a child killed within half a second of starting the rotation
  itself. After each: exactly one passphrase works, the recovery code works, the key the
  previous key slots give no longer opens the database once the new passphrase works, the
  database passes quick_check and the audit chain, the canary row is there.
- writes: a writer committing one transaction after another; no acknowledged write lost.
- imports: `import-bundle` at the office; each bundle applied whole or not at all, and an
  import that exited 0 is there.
- migrations: opening a schema-0001 workspace (automatic backup + migrations); the next
  opening finds it upgraded with its data.

Any failure stops the loop with the kind and round number. The figures printed at the end are
the ones to report.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from pippi_desktop.domain.record_inputs import FamilyInput, VisitInput

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("PIPPI_KDF_MEMORY_KIB", "65536")
os.environ.setdefault("PIPPI_KDF_ITERATIONS", "1")

from sqlalchemy import text

from pippi_desktop.services import casefile_service as cs
from pippi_desktop.services.open_workspace import store_of
from pippi_desktop.services.workspace_service import create_workspace
from tests.soak.crash_checks import (
    kill_during_change_passphrase,
    kill_during_import,
    kill_during_migration,
    kill_during_rekey,
    kill_during_writes,
    make_import_run,
)

A, B = "prima passphrase lunga", "seconda passphrase lunga"


def _rekey_workspace(folder: Path, families: int) -> tuple[Path, str]:
    """A workspace with enough data that a rekey takes a noticeable time to kill into."""
    created = create_workspace(folder / "soak.pippiws", role="educator", name="soak", passphrase=A)
    with created.workspace as workspace:
        with store_of(workspace).write() as connection:
            connection.execute(text("INSERT INTO workspace_meta VALUES ('canary', 'ok')"))
        with cs.unit_of_work(workspace) as uow:
            for index in range(families):
                family = uow.create(FamilyInput(implementation=f"PIPPI {index % 20}"))
                uow.create(
                    VisitInput(
                        family_id=family,
                        date="2026-03-01",
                        place="casa",
                        notes="appunti della visita " * 30,
                    )
                )
    return folder / "soak.pippiws", created.recovery_code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rekey", type=int, default=200)
    parser.add_argument("--writes", type=int, default=150)
    parser.add_argument("--imports", type=int, default=150)
    parser.add_argument("--migrations", type=int, default=150)
    parser.add_argument("--families", type=int, default=1500, help="data in the rekey workspace")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    outcomes: dict[str, Counter[str]] = {
        kind: Counter() for kind in ("rekey", "writes", "imports", "migrations")
    }
    acknowledged = {"writes": 0, "imports": 0}
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path, code = _rekey_workspace(root, args.families)
        size = (path / "workspace.db").stat().st_size
        print(f"rekey workspace: {size / 1e6:.1f} MB", flush=True)
        current = A
        for number in range(1, args.rekey + 1):
            other = B if current == A else A
            round_kind = kill_during_rekey if number % 2 else kill_during_change_passphrase
            current, outcome = round_kind(path, current, other, code, rng)
            outcomes["rekey"][outcome] += 1
            if number % 25 == 0:
                print(f"rekey {number}: ok {dict(outcomes['rekey'])}", flush=True)
        for number in range(1, args.writes + 1):
            acknowledged["writes"] += kill_during_writes(path, current, rng)
            outcomes["writes"]["killed"] += 1
            if number % 25 == 0:
                print(f"writes {number}: ok", flush=True)
        imports = root / "imports"
        imports.mkdir()
        run = make_import_run(imports, args.imports, A)
        number = 0
        while number < args.imports:
            if run.done:  # every bundle is in: start again with a fresh office
                imports = root / f"imports-{number}"
                imports.mkdir()
                previous = run
                run = make_import_run(imports, args.imports - number, A)
                run.outcomes, run.acknowledged = previous.outcomes, previous.acknowledged
            kill_during_import(run, rng)
            number += 1
            if number % 25 == 0:
                print(f"imports {number}: ok {dict(run.outcomes)}", flush=True)
        outcomes["imports"].update(run.outcomes)
        acknowledged["imports"] = run.acknowledged
        migrations = root / "migrations"
        migrations.mkdir()
        for number in range(1, args.migrations + 1):
            outcomes["migrations"][kill_during_migration(migrations, rng)] += 1
            if number % 25 == 0:
                print(f"migrations {number}: ok {dict(outcomes['migrations'])}", flush=True)
    elapsed = time.perf_counter() - start
    total = sum(sum(counter.values()) for counter in outcomes.values())
    killed = sum(counter["killed"] for counter in outcomes.values())
    print()
    print(f"{total} rounds in {elapsed:.0f} s: {killed} SIGKILLs hit a running process")
    for kind, counter in outcomes.items():
        print(
            f"  {kind:10} {sum(counter.values()):4} rounds: killed mid-way {counter['killed']}, "
            f"finished before the kill {counter['finished']}"
        )
    print(
        f"acknowledged and found again: {acknowledged['writes']} writes, "
        f"{acknowledged['imports']} imports; lost: 0"
    )
    print(
        "after every rekey round exactly one passphrase worked, the recovery code worked, and "
        "the previous key slots no longer opened the database once the new passphrase did; "
        "every import was whole or absent; every migration left an openable, upgraded "
        "workspace with its data."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
