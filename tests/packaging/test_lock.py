"""requirements.lock against pyproject.toml and against the environment the tests run in.

The lock is what every install uses (`build_scripts/_env.sh`, the hosted-CI workflow);
pyproject.toml keeps the accepted ranges. After changing a dependency in pyproject.toml:
`bash build_scripts/lock.sh`, then commit both files.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from types import ModuleType

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]
REFRESH = "run `bash build_scripts/lock.sh` and commit requirements.lock with pyproject.toml"


def _lock_inputs() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "lock_inputs", REPO / "build_scripts" / "lock_inputs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lock_inputs = _lock_inputs()


@dataclass(frozen=True)
class Pin:
    name: str  # canonical
    version: Version
    marker: Marker | None
    hashes: tuple[str, ...]


def read_lock(text: str) -> dict[str, Pin]:
    """The pins of a pip requirements file with hashes (`name==1.2 ; marker \\` + `--hash=`)."""
    logical = re.sub(r"\\\n", " ", text)
    pins = {}
    for line in logical.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        spec, _, rest = line.partition("--hash=")
        requirement = Requirement(spec.strip())
        (pinned,) = requirement.specifier
        assert pinned.operator == "==", f"not an exact pin: {line[:80]}"
        hashes = tuple(re.findall(r"sha256:([0-9a-f]{64})", "--hash=" + rest))
        name = canonicalize_name(requirement.name)
        pins[name] = Pin(name, Version(pinned.version), requirement.marker, hashes)
    return pins


@pytest.fixture(scope="module")
def pins() -> dict[str, Pin]:
    return read_lock(lock_inputs.LOCK.read_text(encoding="utf-8"))


def declared() -> list[tuple[str, Requirement]]:
    return [
        (table, Requirement(text))
        for table, texts in lock_inputs.inputs().items()
        for text in texts
    ]


def test_the_lock_was_made_from_this_pyproject() -> None:
    first_line = lock_inputs.LOCK.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == lock_inputs.FINGERPRINT_PREFIX + lock_inputs.fingerprint(), (
        f"pyproject.toml's dependencies changed since the lock was made: {REFRESH}"
    )


def test_every_declared_dependency_is_pinned_within_its_range(pins: dict[str, Pin]) -> None:
    problems = []
    for table, requirement in declared():
        pin = pins.get(canonicalize_name(requirement.name))
        if pin is None:
            problems.append(f"{requirement.name} ({table}) is missing from the lock")
        elif not requirement.specifier.contains(pin.version, prereleases=True):
            problems.append(f"{requirement} ({table}): the lock pins {pin.version}")
        for extra in sorted(requirement.extras):  # e.g. reportlab[accel] -> rl-accel
            for needed in metadata.requires(requirement.name) or []:
                wanted = Requirement(needed)
                if (
                    wanted.marker is not None
                    and wanted.marker.evaluate({"extra": extra})
                    and canonicalize_name(wanted.name) not in pins
                ):
                    problems.append(f"{wanted.name} ({requirement.name}[{extra}]) is missing")
    assert not problems, "\n".join(problems) + f"\n{REFRESH}"


def test_every_pin_has_hashes_and_the_lock_serves_every_system(pins: dict[str, Pin]) -> None:
    assert len(pins) > 20
    assert [name for name, pin in pins.items() if not pin.hashes] == []
    # one universal lock: packages that only Windows or macOS install are in it too
    assert _only_on(pins, WINDOWS), "no Windows-only package: was the lock made --universal?"
    assert _only_on(pins, MACOS), "no macOS-only package: was the lock made --universal?"


WINDOWS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"}
MACOS = {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"}
LINUX = {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"}


def _only_on(pins: dict[str, Pin], system: dict[str, str]) -> list[str]:
    return [
        pin.name
        for pin in pins.values()
        if pin.marker is not None and pin.marker.evaluate(system) and not pin.marker.evaluate(LINUX)
    ]


def test_the_tests_run_against_the_lock(pins: dict[str, Pin]) -> None:
    """What this environment has installed is what the lock pins (for this system)."""
    wrong = []
    for pin in pins.values():
        if pin.marker is not None and not pin.marker.evaluate():
            continue
        try:
            installed = Version(metadata.version(pin.name))
        except metadata.PackageNotFoundError:
            wrong.append(f"{pin.name}: not installed (lock: {pin.version})")
            continue
        if installed != pin.version:
            wrong.append(f"{pin.name}: {installed} installed, the lock pins {pin.version}")
    assert not wrong, "\n".join(wrong) + "\nrun `bash build_scripts/test.sh` once to reinstall"


def test_the_reader_sees_a_missing_dependency() -> None:
    """The check above fails for a dependency that pyproject declares and the lock lacks."""
    text = (
        "# header\n"
        "alembic==1.20.1 \\\n    --hash=sha256:" + "a" * 64 + "\n    # via pippi-desktop\n"
        "colorama==0.4.6 ; sys_platform == 'win32' \\\n    --hash=sha256:" + "b" * 64 + "\n"
    )
    pins = read_lock(text)
    assert set(pins) == {"alembic", "colorama"}
    assert pins["alembic"].version == Version("1.20.1") and pins["alembic"].hashes == ("a" * 64,)
    assert str(pins["colorama"].marker) == 'sys_platform == "win32"'
    assert canonicalize_name("SQLAlchemy") not in pins
