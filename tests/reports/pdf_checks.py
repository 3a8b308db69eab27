"""Reading printed PDFs back with pypdf: text, fonts, metadata, the QR code's form."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from pippi_desktop.reports.style import QR_FORM_NAME


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader(data).pages]


def text(data: bytes) -> str:
    """All the text, whitespace collapsed (a phrase may wrap across lines and pages)."""
    return " ".join(page_texts(data))


def fonts(data: bytes) -> list[dict[str, Any]]:
    """Every font resource of every page: its name, type and whether its program is embedded."""
    found = []
    for page in reader(data).pages:
        for name, ref in page["/Resources"].get("/Font", {}).items():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found.append(
                {
                    "resource": name,
                    "base_font": str(font.get("/BaseFont")),
                    "subtype": str(font.get("/Subtype")),
                    "embedded": "/FontFile2" in descriptor,
                }
            )
    return found


def metadata(data: bytes) -> dict[str, str]:
    info = reader(data).metadata or {}
    return {str(key): str(value) for key, value in info.items()}


def qr_forms(data: bytes) -> list[int]:
    """Per page: the number of filled rectangles in the QR form it places (0 if none)."""
    counts = []
    for page in reader(data).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        form = xobjects.get(f"/FormXob.{QR_FORM_NAME}")
        if form is None:
            counts.append(0)
            continue
        stream = form.get_object().get_data().decode("latin-1")
        counts.append(len(re.findall(r"\bre\b", stream)))
    return counts


def first_page_stream(data: bytes) -> str:
    return reader(data).pages[0].get_contents().get_data().decode("latin-1")


def render_pages(
    pdf_path: Path, out_dir: Path, *, dpi: int, first: int = 1, last: int = 1
) -> list[Path]:
    """Pages as PNG through pdftoppm (poppler); the caller skips when it is not installed."""
    tool = shutil.which("pdftoppm")
    assert tool is not None
    prefix = out_dir / pdf_path.stem
    subprocess.run(
        [
            tool,
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(first),
            "-l",
            str(last),
            str(pdf_path),
            str(prefix),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return sorted(out_dir.glob(f"{pdf_path.stem}*.png"))
