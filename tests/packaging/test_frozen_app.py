"""The frozen application (PyInstaller one folder), built and run the way a user gets it.

`build_scripts/build.sh` builds into a temporary folder (PyInstaller's cache stays in
`build/pyinstaller`, ignored by git, so a second run is quicker); then the built executable
runs its own `self-test`. The suite's lowered KDF settings (PIPPI_KDF_*) are inherited on
purpose: the frozen self-test must still use the real 256 MiB cost.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import pippi_desktop
from pippi_desktop.storage import migrate
from tests.conftest import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]
APP = "pippi-desktop"
SIZE_TARGET_BYTES = 180 * 1000 * 1000  # issue 8: at most 180 MB, one folder

pytestmark = pytest.mark.slow


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    env = dict(os.environ, PIPPI_BUILD_PYTHON=sys.executable)
    result = subprocess.run(
        ["bash", str(REPO / "build_scripts" / "build.sh"), "--dist", str(dist)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    assert "build time:" in result.stdout and "folder size:" in result.stdout
    return dist / APP


def _executable(app: Path) -> Path:
    return app / (f"{APP}-cli.exe" if sys.platform == "win32" else APP)


def _run(
    app: Path, *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "PIPPI_RESOURCES"}
    full_env.update(env or {})
    return subprocess.run(
        [str(_executable(app)), *map(str, args)],
        env=full_env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_frozen_self_test_passes(frozen_app: Path, tmp_path: Path) -> None:
    result = _run(frozen_app, "self-test", "--json", "--lang", "en", "--temp-dir", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert report["frozen"] is True, "this must be the built program, not the source tree"
    assert report["app_version"] == pippi_desktop.__version__
    steps = {step["name"]: step for step in report["steps"]}
    for name in (
        "temp_folder",
        "workspace",
        "migrations",
        "record",
        "verify",
        "bundle",
        "main_window",
    ):
        assert steps[name]["status"] == "ok", steps[name]
    assert "Argon2id 256 MiB, 3 passes" in steps["workspace"]["message"]
    assert list(tmp_path.iterdir()) == []


def test_frozen_self_test_fails_cleanly(frozen_app: Path) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("/proc is Linux's")
    result = _run(frozen_app, "self-test", "--temp-dir", "/proc")
    assert result.returncode == 1
    assert result.stderr.startswith("Autoverifica non riuscita al passo «Cartella temporanea»")
    assert "Traceback" not in result.stdout + result.stderr


def test_frozen_version_comes_from_the_package_metadata(frozen_app: Path) -> None:
    assert pippi_desktop.__version__ != "0.0.0+unknown"
    result = _run(frozen_app, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"pippi-desktop {pippi_desktop.__version__}"


def test_frozen_folder_is_within_the_size_target(frozen_app: Path) -> None:
    size = _folder_size(frozen_app)
    assert size <= SIZE_TARGET_BYTES, f"{size / 1e6:.1f} MB > {SIZE_TARGET_BYTES / 1e6:.0f} MB"


def test_frozen_folder_carries_the_data_and_leaves_out_the_unused(frozen_app: Path) -> None:
    internal = frozen_app / "_internal"
    shipped_migrations = internal / "pippi_desktop" / "storage" / "migrations"
    for name in ("env.py", "script.py.mako"):
        assert (shipped_migrations / name).is_file()
    source_versions = sorted(p.name for p in (migrate.MIGRATIONS_DIR / "versions").glob("*.py"))
    assert sorted(p.name for p in (shipped_migrations / "versions").glob("*.py")) == (
        source_versions
    )
    source_resources = sorted(
        str(p.relative_to(REPO / "resources"))
        for p in (REPO / "resources").rglob("*")
        if p.is_file() and p.suffix not in (".po", ".pot")
    )
    shipped_resources = sorted(
        str(p.relative_to(internal / "resources"))
        for p in (internal / "resources").rglob("*")
        if p.is_file()
    )
    assert shipped_resources == source_resources
    metadata = [
        line
        for info in internal.glob("pippi_desktop*-info")
        for name in ("METADATA", "PKG-INFO")
        if (info / name).is_file()
        for line in (info / name).read_text(encoding="utf-8").splitlines()
    ]
    assert f"Version: {pippi_desktop.__version__}" in metadata

    pyside = internal / "PySide6"
    for module in ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg"):
        assert list(pyside.glob(f"{module}.*")), module
    for module in ("QtNetwork", "QtQml", "QtQuick", "QtWebEngineCore", "QtMultimedia", "Qt3DCore"):
        assert not list(pyside.glob(f"{module}.*")), module
    assert not list(internal.rglob("*tkinter*"))
    languages = {p.stem.rsplit("_", 1)[-1] for p in (pyside / "Qt" / "translations").glob("*.qm")}
    assert languages <= {"it", "en"}
    assert (frozen_app / "pippi-desktop.desktop").is_file()


def test_frozen_demo_data_works_with_the_trimmed_faker(frozen_app: Path, tmp_path: Path) -> None:
    """The spec keeps only Faker's Italian and fallback locales; the demo must still work."""
    workspace = tmp_path / "demo.pippiws"
    env = {"PIPPI_PASSPHRASE": PASSPHRASE}
    created = _run(frozen_app, "init", workspace, "--role", "educator", "--name", "Demo", env=env)
    assert created.returncode == 0, created.stderr
    demo = _run(frozen_app, "demo-data", workspace, "--families", "2", env=env)
    assert demo.returncode == 0, demo.stderr
    listed = _run(frozen_app, "families", workspace, "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 2
    shipped = {
        p.name for p in (frozen_app / "_internal" / "faker" / "providers" / "person").iterdir()
    }
    assert "it_IT" in shipped and "ja_JP" not in shipped
