"""Small helpers shared by the benchmark scripts (timing, environment, printing)."""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def median_seconds(action: Callable[[], object], *, repeat: int = 5, warmup: int = 1) -> float:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def report(name: str, value: float, baseline: float, *, target: float, unit: str = "s") -> bool:
    ratio = value / baseline if baseline else float("inf")
    ok = ratio <= target
    scale = 1000.0 if unit == "ms" else 1.0
    print(
        f"{name:<58} {value * scale:9.2f} {unit} vs {baseline * scale:9.2f} {unit}  "
        f"ratio {ratio:5.2f} (target <= {target}) {'OK' if ok else 'OVER'}"
    )
    return ok
