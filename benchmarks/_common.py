"""Small helpers shared by the benchmark scripts (timing, pairs, a display, printing).

The rule every script follows: a figure is a ratio against a baseline measured in the same
run, doing the same work the simplest fast way, in the same state (cold against cold, warm
against warm), the two sides timed in turns (A, B, A, B, …) so that load from other processes
hits both alike. `interleaved` runs the turns; `report_pairs` prints the medians, their spread
and the ratio (the median of the ratios of each pair: a burst of load that slows one pair
moves one ratio, not the verdict).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
_PLATFORM_ASKED = os.environ.get("QT_QPA_PLATFORM")  # before the default below
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


def timed(action: Callable[[], object]) -> Callable[[], float]:
    """`action` as a sample: the seconds one call takes."""

    def sample() -> float:
        start = time.perf_counter()
        action()
        return time.perf_counter() - start

    return sample


@dataclass(frozen=True)
class Pairs:
    """Samples of two sides taken in turns: `ours[i]` and `base[i]` ran one after the other."""

    ours: list[float]
    base: list[float]

    @property
    def ratios(self) -> list[float]:
        return [o / b if b else float("inf") for o, b in zip(self.ours, self.base, strict=True)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def differences(self) -> list[float]:
        return [o - b for o, b in zip(self.ours, self.base, strict=True)]


def in_turns(
    sides: dict[str, Callable[[], float]],
    *,
    rounds: int,
    warmup: int = 1,
    progress: str = "",
) -> dict[str, list[float]]:
    """Each side once per round, `rounds` rounds after `warmup` uncounted ones.

    Each callable returns its own seconds. The order reverses every other round (A B C,
    C B A, …): whichever runs later may find a cache an earlier one warmed, and no side always
    gets that advantage.
    """
    samples: dict[str, list[float]] = {name: [] for name in sides}
    progress = progress if sys.stdout.isatty() else ""
    for index in range(warmup + rounds):
        order = list(sides) if index % 2 == 0 else list(reversed(sides))
        taken = {name: sides[name]() for name in order}
        if index >= warmup:
            for name, value in taken.items():
                samples[name].append(value)
        if progress:
            print(f"  {progress}: round {index + 1}/{warmup + rounds}", end="\r", flush=True)
    if progress:
        print(" " * 60, end="\r")
    return samples


def interleaved(
    ours: Callable[[], float],
    base: Callable[[], float],
    *,
    rounds: int,
    warmup: int = 1,
    progress: str = "",
) -> Pairs:
    """`rounds` pairs in turns (A B, B A, A B, …) after `warmup` uncounted ones."""
    samples = in_turns(
        {"ours": ours, "base": base}, rounds=rounds, warmup=warmup, progress=progress
    )
    return Pairs(samples["ours"], samples["base"])


def report_pairs(name: str, pairs: Pairs, *, target: float, unit: str = "ms") -> bool:
    """One line: medians [min–max] of both sides, the ratio [its min–max], the verdict."""
    scale = 1000.0 if unit == "ms" else 1.0
    digits = 0 if unit == "ms" else 3
    ratio = pairs.ratio
    ok = ratio <= target
    print(
        f"{name}\n"
        f"    ours {statistics.median(pairs.ours) * scale:.{digits}f} {unit} "
        f"[{_range(pairs.ours, scale, digits)}]  vs  "
        f"baseline {statistics.median(pairs.base) * scale:.{digits}f} {unit} "
        f"[{_range(pairs.base, scale, digits)}]  "
        f"({len(pairs.ours)} pairs)\n"
        f"    ratio {ratio:.2f} [{min(pairs.ratios):.2f}–{max(pairs.ratios):.2f}] "
        f"(target <= {target}) {'OK' if ok else 'OVER'}"
    )
    return ok


def _range(samples: list[float], scale: float, digits: int) -> str:
    return f"{min(samples) * scale:.{digits}f}–{max(samples) * scale:.{digits}f}"


def report(name: str, value: float, baseline: float, *, target: float, unit: str = "s") -> bool:
    ratio = value / baseline if baseline else float("inf")
    ok = ratio <= target
    scale = 1000.0 if unit == "ms" else 1.0
    print(
        f"{name:<58} {value * scale:9.2f} {unit} vs {baseline * scale:9.2f} {unit}  "
        f"ratio {ratio:5.2f} (target <= {target}) {'OK' if ok else 'OVER'}"
    )
    return ok


def demo_workspace(root: Path, *, families: int, passphrase: str, name: str = "bench") -> Path:
    """An office workspace at `root` holding `families` demo families; made once, then reused.

    It is generated beside `root` and renamed into place only when complete, so a run
    interrupted while generating (it takes minutes) never leaves a half-filled cache behind.
    """
    if root.exists():
        return root
    from pippi_desktop.services.demo_data import fill_demo_data
    from pippi_desktop.services.workspace_service import create_workspace

    partial = root.with_name(root.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)
    print(f"generating {families} demo families in {root.parent}…", flush=True)
    start = time.perf_counter()
    created = create_workspace(partial, role="office", name=name, passphrase=passphrase)
    with created.workspace as workspace:
        fill_demo_data(workspace, families, seed=2026)
    partial.rename(root)
    print(f"  done in {time.perf_counter() - start:.0f} s", flush=True)
    return root


def kdf_alone(root: Path, passphrase: str) -> Callable[[], float]:
    """A sample of the KDF alone: Argon2id with the salt and parameters of `root`'s
    passphrase slot, exactly what unlocking that workspace derives first."""
    import base64

    from pippi_desktop.storage import key_wrap
    from pippi_desktop.storage import keyslots as ks

    slots, _mac = ks.load(root / "keyslots.json")
    slot = slots.of_kind(ks.PASSPHRASE)[0]
    salt = base64.b64decode(slot.kdf["salt"])
    params = ks.argon2_params(slot)
    return timed(lambda: key_wrap.derive_passphrase_kek(passphrase, salt, params))


def load_note() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


@contextmanager
def display_for_children() -> Iterator[dict[str, str] | None]:
    """An environment in which a child process opens real windows, or None if none can.

    The platform asked for with `QT_QPA_PLATFORM` (other than `offscreen`); else the desktop
    session's display; else a private `Xvfb` server (Debian: `apt-get install xvfb`) for as
    long as the block runs. Qt then uses its `xcb` platform, as on an educator's Linux laptop.
    """
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    if _PLATFORM_ASKED and _PLATFORM_ASKED.split(":")[0] != "offscreen":
        yield {**env, "QT_QPA_PLATFORM": _PLATFORM_ASKED}
        return
    if not _PLATFORM_ASKED and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        yield env
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        yield None
        return
    read_fd, write_fd = os.pipe()
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        os.close(write_fd)
        try:
            with os.fdopen(read_fd, "rb") as pipe:
                number = pipe.readline().strip().decode()
            env.pop("WAYLAND_DISPLAY", None)
            yield {**env, "DISPLAY": f":{number}"} if number else None
        finally:
            server.terminate()
            server.wait(timeout=30)
