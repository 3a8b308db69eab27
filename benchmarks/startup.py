"""The frozen application against the same commands from source: build, size, start times.

    python benchmarks/startup.py               # builds dist/pippi-desktop/ first
    python benchmarks/startup.py --no-build    # measures the folder already in dist/

Prints the build time and folder size (target <= 180 MB), then the median wall time of
`pippi-desktop --version` (start-up alone) and of `pippi-desktop self-test` (the real work:
256 MiB Argon2id four times, migrations, verify) for the built program and for
`python -m pippi_desktop`, with the ratio frozen / source.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, median_seconds, report

SIZE_TARGET_MB = 180.0


def _run(argv: list[str]) -> None:
    subprocess.run(argv, cwd=REPO, check=True, stdin=subprocess.DEVNULL, capture_output=True)


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="use the existing dist/ folder")
    parser.add_argument("--dist", type=Path, default=REPO / "dist")
    parser.add_argument("--repeat", type=int, default=5, help="runs of --version per side")
    args = parser.parse_args()
    for name in ("PIPPI_KDF_MEMORY_KIB", "PIPPI_KDF_ITERATIONS", "PIPPI_RESOURCES"):
        os.environ.pop(name, None)

    app = args.dist / "pippi-desktop"
    if not args.no_build:
        env = dict(os.environ, PIPPI_BUILD_PYTHON=sys.executable)
        start = time.perf_counter()
        subprocess.run(
            ["bash", str(REPO / "build_scripts" / "build.sh"), "--dist", str(args.dist)],
            cwd=REPO,
            env=env,
            check=True,
            capture_output=True,
        )
        print(
            f"{'build (build_scripts/build.sh, PyInstaller cache as found)':<58} "
            f"{time.perf_counter() - start:9.1f} s"
        )
    size_mb = _folder_bytes(app) / 1e6
    print(
        f"{'folder size dist/pippi-desktop':<58} {size_mb:9.1f} MB  "
        f"(target <= {SIZE_TARGET_MB:.0f} MB) {'OK' if size_mb <= SIZE_TARGET_MB else 'OVER'}"
    )

    frozen = [str(app / "pippi-desktop")]
    source = [sys.executable, "-m", "pippi_desktop"]
    ok = True
    version_frozen = median_seconds(lambda: _run([*frozen, "--version"]), repeat=args.repeat)
    version_source = median_seconds(lambda: _run([*source, "--version"]), repeat=args.repeat)
    ok &= report(
        "start: --version, frozen vs source", version_frozen, version_source, target=2.0, unit="ms"
    )
    with tempfile.TemporaryDirectory() as temp:
        self_frozen = median_seconds(
            lambda: _run([*frozen, "self-test", "--temp-dir", temp]), repeat=3
        )
        self_source = median_seconds(
            lambda: _run([*source, "self-test", "--temp-dir", temp]), repeat=3
        )
    ok &= report("self-test total, frozen vs source", self_frozen, self_source, target=1.25)
    return 0 if ok and size_mb <= SIZE_TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
