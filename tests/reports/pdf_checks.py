"""Reading printed PDFs back with pypdf: text, fonts, metadata, the QR code's form, and where
the text sits on each page (a table header at a page foot, a page holding only signatures)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from pippi_desktop.domain.i18n import Lang, translator
from pippi_desktop.reports.style import MARGIN_BOTTOM, MARGIN_TOP, PAGE_HEIGHT, QR_FORM_NAME
from pippi_desktop.services.reference_data import default_catalogue


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


# --- where the text sits on each page ---------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """The text drawn at one height of a page (every column of a table row together)."""

    y: float  # points from the bottom of the page
    text: str

    @property
    def words(self) -> list[str]:
        return self.text.split()


def body_lines(data: bytes) -> list[list[Line]]:
    """Per page, top to bottom, the lines between the page header and the footer."""
    pages = []
    for page in reader(data).pages:
        fragments = _fragments(page)
        body = [f for f in fragments if MARGIN_BOTTOM - 1 <= f[0] <= PAGE_HEIGHT - MARGIN_TOP + 1]
        lines: list[Line] = []
        for y, _x, text in sorted(body, key=lambda f: (-round(f[0]), f[1])):
            if lines and abs(lines[-1].y - y) < 1.5:
                lines[-1] = Line(lines[-1].y, f"{lines[-1].text} {text}")
            else:
                lines.append(Line(y, text))
        pages.append(lines)
    return pages


def _fragments(page: Any) -> list[tuple[float, float, str]]:
    """(y, x, text) of every piece of text the page draws."""
    fragments: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_args: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            fragments.append((y, x, " ".join(text.split())))

    page.extract_text(visitor_text=visit)
    return fragments


def _is_header_line(line: Line, header: Sequence[str], *, first: bool) -> bool:
    words = {word for cell in header for word in cell.split()}
    if not line.words or not set(line.words) <= words:
        return False
    return not first or (len(line.words) >= 2 and line.words[0] == header[0].split()[0])


def lone_header_pages(
    data: bytes, headers: Sequence[Sequence[str]], group_rows: Sequence[str] = ()
) -> list[tuple[int, str]]:
    """(page, header) for each page where one of these table headers (their cells' texts) is
    the last thing in the body, or is followed only by `group_rows` (a table's titles of groups
    of rows, like the triangle's sides in a score table): a header with no row under it."""
    found = []
    for number, lines in enumerate(body_lines(data), start=1):
        for header in headers:
            starts = [
                i for i, line in enumerate(lines) if _is_header_line(line, header, first=True)
            ]
            if not starts:
                continue
            rest = lines[starts[-1] + 1 :]
            while rest and (
                _is_header_line(rest[0], header, first=False) or rest[0].text in group_rows
            ):
                rest = rest[1:]  # a header cell wrapped onto a second line, a group's title
            if not rest:
                found.append((number, " | ".join(header)))
    return found


def closing_only_pages(data: bytes, closing_starts: Sequence[str]) -> list[int]:
    """Pages whose body holds a closing block (a line starting with one of `closing_starts`:
    the signatures, the next appointment) and nothing above it."""
    alone = []
    for number, lines in enumerate(body_lines(data), start=1):
        starts = [i for i, line in enumerate(lines) if line.text.startswith(tuple(closing_starts))]
        if starts and starts[0] == 0:
            alone.append(number)
    return alone


# The header rows of the documents' tables (Italian, as in the code; a pair is a pgettext) and
# the first words of their closing blocks: what `layout_faults` looks for, in either language.
TABLE_HEADERS: tuple[tuple[str | tuple[str, str], ...], ...] = (
    ("Che cosa", "Chi", "Entro quando", "A che punto siamo"),  # session sheet
    ("Nome", "Ruolo", "Data di nascita", "Scuola e classe"),  # report: the family
    ("Nome", "Professione", "Ente", "Periodo", "Note"),  # report: the équipe
    ("Data", "Fase", "Note"),  # report: the pathway
    (("programme", "Dispositivo"), "Periodo", "Note"),  # report: the dispositivi
    ("N.", "Sottodimensione", "T0", "T1", "T2"),  # filled form and report: the scores
    ("Area", "Obiettivo, risultati attesi, azioni", "Chi ed entro quando", "Verifica"),
    ("N.", "Cognome e nome", "Famiglia", "Presenza registrata", "Firma"),  # attendance
)
CLOSING_STARTS = ("Il prossimo incontro", "Firme", "Redatto da", "Firme dei conduttori")


def layout_faults(data: bytes, lang: Lang) -> list[str]:
    """What a reader must never meet, page by page: a table header with no row under it at a
    page foot, a page holding only the closing block (signatures, next appointment)."""
    words = translator(lang)

    def translated(cell: str | tuple[str, str]) -> str:
        return words.pgettext(*cell) if isinstance(cell, tuple) else words.gettext(cell)

    headers = [tuple(translated(cell) for cell in header) for header in TABLE_HEADERS]
    sides = [side.title.get(lang) for side in default_catalogue().sides]
    faults = [
        f"page {page}: header {header} alone"
        for page, header in lone_header_pages(data, headers, sides)
    ]
    closing = [words.gettext(text) for text in CLOSING_STARTS]
    faults += [f"page {page}: only the closing block" for page in closing_only_pages(data, closing)]
    return faults
