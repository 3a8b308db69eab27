"""Render the application icon (resources/icons/pippi-desktop.svg) into every size we ship.

    .venv/bin/python build_scripts/make_icons.py            # rewrites the committed files
    .venv/bin/python build_scripts/make_icons.py --out DIR  # writes them into DIR instead

Outputs (committed; run this again after changing the SVG):

- resources/icons/pippi-desktop-<N>.png   window icon and Linux hicolor sizes (run time)
- build_scripts/windows/pippi-desktop.ico executable and installer icon (PNG entries, Vista+)
- build_scripts/macos/pippi-desktop.icns  the .app bundle's icon

Qt's QSvgRenderer draws the SVG at every size (Pillow cannot read SVG); Pillow writes the ICO
and ICNS containers from those drawings (PNG entries in both), each size drawn, not scaled.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parents[1]
SVG = REPO / "resources" / "icons" / "pippi-desktop.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Pillow's ICNS writer stores these pixel sizes (Apple's "ic07".."ic14" PNG elements).
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent size x size canvas, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def save_icon(target: Path, pngs: dict[int, bytes], sizes: tuple[int, ...], fmt: str) -> None:
    """An ICO or ICNS file holding each of `sizes` as drawn (Pillow's writers, PNG entries)."""
    images = [Image.open(io.BytesIO(pngs[size])) for size in sorted(sizes, reverse=True)]
    largest, rest = images[0], images[1:]
    if fmt == "ICO":
        largest.save(target, fmt, sizes=[(size, size) for size in sizes], append_images=rest)
    else:
        largest.save(target, fmt, append_images=rest)


def write_all(out: Path | None) -> list[Path]:
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES})
    pngs = {size: render_png(SVG, size) for size in sizes}
    png_dir = out or REPO / "resources" / "icons"
    ico = (out or REPO / "build_scripts" / "windows") / "pippi-desktop.ico"
    icns = (out or REPO / "build_scripts" / "macos") / "pippi-desktop.icns"
    written = []
    for size in PNG_SIZES:
        target = png_dir / f"pippi-desktop-{size}.png"
        target.write_bytes(pngs[size])
        written.append(target)
    save_icon(ico, pngs, ICO_SIZES, "ICO")
    save_icon(icns, pngs, ICNS_SIZES, "ICNS")
    return [*written, ico, icns]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write every file into this folder instead")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
    for path in write_all(args.out):
        print(f"{path.stat().st_size:8d}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
