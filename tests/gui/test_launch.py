"""`pippi-desktop` without a command: screenshots offscreen, the headless demo, the About box."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pippi_desktop.domain.triangle_geometry import SERIES_STYLES
from pippi_desktop.gui.main_window import MainWindow
from pippi_desktop.version import __version__
from tests.conftest import CliResult

EXPECTED = {
    "main-window",
    "case-file-visits",
    "case-file-groups",
    "case-file-assessments",
    "case-file-micro-project",
    "visit-editor",
    "assessment-editor",
    "family-editor",
    "main-window-locked",
    "about-dialog",
    "preferences-dialog",
    "unlock-dialog",
    "recovery-dialog",
    "wizard-1-start",
    "wizard-2-details",
    "wizard-3-passphrase",
    "wizard-4-recovery-code",
    "wizard-5-confirm",
}


@pytest.mark.parametrize("lang", ["it", "en"])
def test_screenshots_are_saved_offscreen(cli, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    result: CliResult = cli("--screenshot", tmp_path, "--lang", lang, env={"DISPLAY": ""})
    assert result.returncode == 0, result.stderr
    saved = {path.stem.removesuffix(f"-{lang}") for path in tmp_path.glob(f"*-{lang}.png")}
    assert saved == EXPECTED
    main = QImage(str(tmp_path / f"main-window-{lang}.png"))
    assert (main.width(), main.height()) == (1366, 768)
    for path in tmp_path.glob("*.png"):
        image = QImage(str(path))
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 3, f"{path.name} looks blank"
    triangle = QImage(str(tmp_path / f"case-file-assessments-{lang}.png"))
    for time_point in ("T0", "T1"):  # T2 is black, like the text: the first two tell
        wanted = QColor(SERIES_STYLES[time_point].colour).rgb()
        assert any(
            triangle.pixel(x, y) == wanted
            for x in range(triangle.width() // 2, triangle.width())
            for y in range(triangle.height())
        ), f"no {time_point} line in the triangle"
    assert "Traceback" not in result.stderr


def test_without_a_display_the_demo_runs_from_the_field_to_the_office(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path
) -> None:
    result: CliResult = cli(
        "--demo", env={"DISPLAY": "", "WAYLAND_DISPLAY": "", "TMPDIR": str(tmp_path)}
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    passphrase = re.search(r"Passphrase: (\S+)", out)
    office = re.search(r"Importato nell'ufficio \((\S+), stessa passphrase\)", out)
    report = re.search(r"stampata: (\S+\.pdf)", out)
    assert passphrase and office and report, out
    assert "Pacchetto importato" in out and "Famiglie                    12" in out

    families = cli("families", office.group(1), "--json", env={"PIPPI_PASSPHRASE": passphrase[1]})
    assert families.returncode == 0, families.stderr
    codes = [family["code"] for family in json.loads(families.stdout)]
    assert len(codes) == 12
    text = "".join(page.extract_text() for page in PdfReader(report.group(1)).pages)
    assert codes[0] in text and codes[0] in Path(report.group(1)).name


def test_the_about_dialog_shows_the_version(app: QApplication, qtbot: QtBot, controller) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = controller.ensure_main_window()
    dialog = window.show_about()
    assert dialog.ui.versionLabel.text() == f"Versione {__version__}"
    dialog.close()
