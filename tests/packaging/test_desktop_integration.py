"""The application icon (rendered from our SVG) and the Linux .desktop entry."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DESKTOP_FILE = REPO / "build_scripts" / "linux" / "pippi-desktop.desktop"
ICONS = REPO / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _ico_sizes(data: bytes) -> list[int]:
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, _h, _c, _r, _p, _b, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        side = width or 256
        assert _png_size(data[offset : offset + length]) == (side, side)
        sizes.append(side)
    return sizes


def _icns_sizes(data: bytes) -> list[int]:
    """Pixel sizes of the PNG elements; the table of contents ("TOC ") is no image."""
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    sizes, offset = [], 8
    while offset < len(data):
        kind = data[offset : offset + 4]
        length = struct.unpack(">I", data[offset + 4 : offset + 8])[0]
        if kind != b"TOC ":
            sizes.append(_png_size(data[offset + 8 : offset + length])[0])
        offset += length
    return sizes


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    result = subprocess.run(
        [sys.executable, str(REPO / "build_scripts" / "make_icons.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("source", ["rendered", "committed"])
def test_icon_files_hold_every_size(source: str, rendered: Path) -> None:
    png_dir = rendered if source == "rendered" else ICONS
    ico = rendered if source == "rendered" else REPO / "build_scripts" / "windows"
    icns = rendered if source == "rendered" else REPO / "build_scripts" / "macos"
    for size in PNG_SIZES:
        assert _png_size((png_dir / f"pippi-desktop-{size}.png").read_bytes()) == (size, size)
    assert _ico_sizes((ico / "pippi-desktop.ico").read_bytes()) == [16, 24, 32, 48, 64, 128, 256]
    assert sorted(_icns_sizes((icns / "pippi-desktop.icns").read_bytes())) == [
        32,
        64,
        128,
        256,
        256,
        512,
        512,
        1024,
    ]


def test_committed_icons_match_the_svg(rendered: Path, qapp) -> None:
    """A changed SVG needs `python build_scripts/make_icons.py` (small anti-aliasing drift is
    tolerated, a different drawing is not)."""
    from PySide6.QtGui import QImage

    def pixels(path: Path) -> bytes:
        image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGBA8888)
        assert image.width() == 128
        return bytes(image.constBits())

    fresh, committed = (
        pixels(rendered / "pippi-desktop-128.png"),
        pixels(ICONS / "pippi-desktop-128.png"),
    )
    difference = sum(abs(a - b) for a, b in zip(fresh, committed, strict=True)) / len(fresh)
    assert difference < 2.0


def test_desktop_entry_is_italian_with_english_translations() -> None:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP_FILE, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "pippi-desktop"
    assert entry["Icon"] == "pippi-desktop"
    assert (ICONS / "pippi-desktop.svg").is_file()
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert entry[key] and entry[f"{key}[en]"], key
    assert "famiglie" in entry["GenericName"] and "family" in entry["GenericName[en]"]
    assert "senza connessione" in entry["Comment"] and "offline" in entry["Comment[en]"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_entry_passes_the_freedesktop_validator() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
