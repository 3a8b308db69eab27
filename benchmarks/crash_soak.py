"""The long crash loop of issue 3: hundreds of SIGKILLs during change-passphrase and writes.

    python benchmarks/crash_soak.py --rounds 300

Prints how many rounds were killed mid-way and confirms after each that exactly one passphrase
works, the recovery code works, the database passes quick_check and the audit chain, and no
acknowledged write was lost. Any failure stops the loop with the round number.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("PIPPI_KDF_MEMORY_KIB", "65536")
os.environ.setdefault("PIPPI_KDF_ITERATIONS", "1")

from sqlalchemy import text

from pippi_desktop.services.open_workspace import store_of
from pippi_desktop.services.workspace_service import create_workspace
from tests.soak.crash_checks import kill_during_change_passphrase, kill_during_writes

A, B = "prima passphrase lunga", "seconda passphrase lunga"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        created = create_workspace(
            Path(tmp) / "soak.pippiws", role="educator", name="soak", passphrase=A
        )
        with created.workspace as workspace, store_of(workspace).write() as connection:
            connection.execute(text("INSERT INTO workspace_meta VALUES ('canary', 'ok')"))
        path, code = Path(tmp) / "soak.pippiws", created.recovery_code
        start = time.perf_counter()
        current, killed, finished, acknowledged = A, 0, 0, 0
        for round_number in range(1, args.rounds + 1):
            other = B if current == A else A
            current, outcome = kill_during_change_passphrase(path, current, other, code, rng)
            killed += outcome == "killed"
            finished += outcome == "finished"
            acknowledged += kill_during_writes(path, current, rng)
            if round_number % 25 == 0:
                print(f"round {round_number}: ok", flush=True)
        elapsed = time.perf_counter() - start
    print(
        f"{args.rounds} rounds in {elapsed:.0f} s: change-passphrase killed mid-way {killed}, "
        f"finished before the kill {finished}; {args.rounds} writer kills with {acknowledged} "
        "acknowledged writes, none lost; every round left exactly one working passphrase."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
