"""Unlock cost: Argon2id alone against the whole unlock, in turns, with the default KDF.

    python benchmarks/unlock.py [--rounds 9]

The KDF is the one the workspace's passphrase slot names (the defaults: 256 MiB, 3 passes,
4 lanes), with the slot's own salt. The whole unlock is `open_workspace` with the passphrase
(reading the key slots, the KDF, unwrapping, the MAC, the lock file, keying SQLCipher, the
schema check, the identity, the log); closing is timed apart, for information. The two run in
turns (KDF, unlock, unlock, KDF, …: benchmarks/_common.py), so a burst of load from other
processes falls on both alike instead of faking or hiding the difference.

Target (issue 3): everything around the KDF costs at most 20 % of the KDF itself, i.e. the
median over the pairs of (unlock − KDF) / KDF <= 0.20.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import in_turns, kdf_alone, load_note

for name in ("PIPPI_KDF_MEMORY_KIB", "PIPPI_KDF_ITERATIONS", "PIPPI_KDF_PARALLELISM"):
    os.environ.pop(name, None)

from pippi_desktop.services.open_workspace import store_of  # noqa: E402
from pippi_desktop.services.workspace_service import create_workspace, open_workspace  # noqa: E402

PASSPHRASE = "misura il tempo di sblocco"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9, help="counted pairs")
    args = parser.parse_args()
    closing: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.pippiws"
        create_workspace(
            path, role="educator", name="bench", passphrase=PASSPHRASE
        ).workspace.close()
        kdf = kdf_alone(path, PASSPHRASE)
        with open_workspace(path, passphrase=PASSPHRASE) as workspace:
            params = store_of(workspace).keyslots.passphrase_params()

        def unlock() -> float:
            start = time.perf_counter()
            workspace = open_workspace(path, passphrase=PASSPHRASE)
            elapsed = time.perf_counter() - start
            start = time.perf_counter()
            workspace.close()
            closing.append(time.perf_counter() - start)
            return elapsed

        print(load_note())
        samples = in_turns({"kdf": kdf, "unlock": unlock}, rounds=args.rounds, progress="unlock")
    kdfs, unlocks = samples["kdf"], samples["unlock"]
    shares = [(u - k) / k for k, u in zip(kdfs, unlocks, strict=True)]
    share = statistics.median(shares)
    around = statistics.median([u - k for k, u in zip(kdfs, unlocks, strict=True)])
    print(
        f"Argon2id ({params.memory_kib // 1024} MiB, {params.iterations} passes, "
        f"{params.parallelism} lanes): {statistics.median(kdfs) * 1000:.0f} ms "
        f"[{min(kdfs) * 1000:.0f}–{max(kdfs) * 1000:.0f}], {len(kdfs)} pairs"
    )
    print(
        f"whole unlock (open_workspace):     {statistics.median(unlocks) * 1000:.0f} ms "
        f"[{min(unlocks) * 1000:.0f}–{max(unlocks) * 1000:.0f}]; closing, apart: "
        f"{statistics.median(closing) * 1000:.1f} ms"
    )
    print(
        f"around the KDF:                    {around * 1000:.1f} ms = {share:.1%} of the KDF "
        f"[{min(shares):.1%}–{max(shares):.1%}] (target <= 20%) "
        f"{'OK' if share <= 0.20 else 'OVER'}"
    )
    print(load_note())
    return 0 if share <= 0.20 else 1


if __name__ == "__main__":
    sys.exit(main())
