"""The look every printed document shares: A4, margins, DejaVu Sans, header, footer, QR code.

- Fonts: DejaVu Sans from `resources/fonts/` (shipped: Windows and macOS have no DejaVu),
  registered once per process and embedded as subsets, so "Łukasz", "Nguyễn" and "Ólafur" print
  as written. Nothing is downloaded.
- Every page: the Ambito / workspace name and the document's title at the top; at the bottom a
  reminder that the sheet holds personal data, the print date, "Pagina N di M", and a small
  QR code holding only `pippi:<kind>:<record id>` (no personal data) with the id's first
  characters printed beneath it, so the office can match a paper sheet to its record.
- Metadata: title and subject name the kind of document only; the author is the application.
- Sizes: `Styles(base)` scales every text from one base size: 12 pt for sheets read at the
  kitchen table, 10 pt for office reports.
- Dates: in words ("23 novembre 2026") on the sheets for families, or "23/11/2026" in every
  place of a document made of tables (`PrintContext.numeric_dates`, the progress report): one
  form per document, the footer's print date included.

Page breaks (what a reader must never meet):
- a table's header alone at a page foot, or a short row cut in two: tables are `FlowTable`s,
  which break between rows and cut a row only when it is taller than a whole page;
- a heading at a page foot: `heading()` starts a new page when too little room is left;
- a page holding only the signatures: the closing block (`closing()`: signatures, the next
  appointment) never splits, and when it would land alone on a page `build_pdf` lays the
  document out again with the previous page's foot raised, so that the last lines of content
  go over with it.

`build_pdf(make_story, context=…, page=…)` lays the flowables out and returns the PDF as
bytes (`make_story()` gives a fresh story for each layout: ReportLab marks the flowables it
lays out); documents never touch the file system (the service writes the bytes atomically).
"""

from __future__ import annotations

import io
import itertools
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import ActionFlowable, LayoutError
from reportlab.platypus.flowables import NullDraw

from pippi_desktop.domain.dates import long_date, short_date
from pippi_desktop.domain.errors import AppFileMissing
from pippi_desktop.domain.i18n import Lang, translator
from pippi_desktop.domain.vocabulary import Vocabulary
from pippi_desktop.resource_paths import resource
from pippi_desktop.version import __version__

FONT = "PippiSans"
FONT_BOLD = "PippiSans-Bold"
FONT_ITALIC = "PippiSans-Oblique"
FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
}

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 24 * mm  # room for the header
MARGIN_BOTTOM = 30 * mm  # room for the footer and its QR code
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
MIN_ROW_PART = 16 * mm  # a row cut across pages leaves at least this much on either page
CARRIED_OVER = 28 * mm  # content moved onto a page that would hold only the closing block
MAX_LAYOUTS = 3
QR_SIZE = 17 * mm
QR_FORM_NAME = "pippiRecordQR"  # the PDF form XObject holding the QR code

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9A9A9A")
SHADE = colors.HexColor("#EEF2F5")  # table headers and labels
ACCENT = colors.HexColor("#0B4F6C")  # headings

_fonts_lock = threading.Lock()
_fonts_ready = False


def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold, oblique) with ReportLab, once per process."""
    global _fonts_ready
    with _fonts_lock:
        if _fonts_ready:
            return
        for name, file_name in FONT_FILES.items():
            try:
                pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file_name))))
            except (OSError, TTFError):  # a broken installation, not the user's doing
                raise AppFileMissing(file=file_name) from None
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
        )
        _fonts_ready = True


@dataclass(frozen=True)
class PrintContext:
    """What every document needs besides its records: who prints, in which language, when."""

    header_name: str  # the Ambito or workspace name, at the top of every page
    lang: Lang
    vocabulary: Vocabulary
    printed_on: date
    numeric_dates: bool = False  # "23/11/2026" everywhere (a document of tables), not words

    def _(self, text: str) -> str:
        """`text` (Italian, as written in the code) in the document's language, which may
        differ from the window's: a sheet can be printed in English from an Italian window."""
        return translator(self.lang).gettext(text)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return translator(self.lang).ngettext(singular, plural, count)

    def pgettext(self, context: str, text: str) -> str:
        return translator(self.lang).pgettext(context, text)

    def label(self, kind: str, code: str | None) -> str:
        return self.vocabulary.label(kind, code, self.lang)

    def date(self, day: date | None, *, weekday: bool = False) -> str:
        """A date in the document's one form: words (with the weekday if asked), or numbers."""
        if self.numeric_dates:
            return short_date(day)
        return long_date(day, self.lang, weekday=weekday)


@dataclass(frozen=True)
class PageInfo:
    """The page furniture of one document: its title and the record its QR code names."""

    title: str  # also the PDF title: the kind of document, never a name
    record_kind: str  # "visit", "assessment", "family", "group_session"
    record_id: str


def qr_payload(record_kind: str, record_id: str) -> str:
    """What the QR code holds: the kind and id of the record, nothing personal."""
    return f"pippi:{record_kind}:{record_id}"


# --- texts ---------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def markup(value: str | None) -> str:
    """A user's text made safe for a Paragraph: escaped, line breaks kept, controls dropped."""
    if not value:
        return ""
    cleaned = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return escape(cleaned).replace("\n", "<br/>")


@dataclass(frozen=True)
class Styles:
    """Paragraph styles scaled from one base size."""

    base: float
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    label: ParagraphStyle
    field_label: ParagraphStyle  # the name of a text, above it ("Punti di forza")
    indented: ParagraphStyle  # body text under a field label
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_centre: ParagraphStyle


def make_styles(base: float = 11) -> Styles:
    """The styles of a document (registers the fonts first: paragraphs need them at once)."""
    register_fonts()

    def style(name: str, size: float, **extra: Any) -> ParagraphStyle:
        values: dict[str, Any] = {
            "fontName": FONT,
            "fontSize": size,
            "leading": round(size * 1.32, 1),
            "textColor": INK,
        }
        values.update(extra)
        return ParagraphStyle(name, **values)

    cell_size = base - 1
    return Styles(
        base=base,
        body=style("body", base, spaceAfter=base * 0.45),
        small=style("small", base - 2),
        muted=style("muted", base - 2, textColor=MUTED),
        title=style("title", base + 7, fontName=FONT_BOLD, textColor=ACCENT, spaceAfter=base * 0.6),
        heading=style(
            "heading",
            base + 3,
            fontName=FONT_BOLD,
            textColor=ACCENT,
            spaceBefore=base * 0.85,
            spaceAfter=base * 0.4,
        ),
        subheading=style(
            "subheading",
            base + 1,
            fontName=FONT_BOLD,
            textColor=ACCENT,
            spaceBefore=base * 0.7,
            spaceAfter=base * 0.25,
        ),
        label=style("label", base, fontName=FONT_BOLD, spaceBefore=base * 0.5),
        field_label=style(
            "field_label", base - 1.5, fontName=FONT_BOLD, textColor=MUTED, leftIndent=5 * mm
        ),
        indented=style("indented", base, leftIndent=5 * mm, spaceAfter=base * 0.35),
        cell=style("cell", cell_size),
        cell_bold=style("cell_bold", cell_size, fontName=FONT_BOLD),
        cell_right=style("cell_right", cell_size, alignment=TA_RIGHT),
        cell_centre=style("cell_centre", cell_size, alignment=TA_CENTER),
    )


def para(value: str | None, style: ParagraphStyle, *, empty: str = "") -> Paragraph:
    """A Paragraph of a user's text (escaped); `empty` (plain text) when there is none."""
    text = markup(value)
    return Paragraph(text if text else markup(empty), style)


def paragraphs(value: str | None, style: ParagraphStyle, *, empty: str = "") -> list[Flowable]:
    """A user's long text as one Paragraph per paragraph (blank lines), so it flows freely."""
    blocks = [block for block in re.split(r"\n\s*\n", (value or "").strip()) if block.strip()]
    if not blocks:
        return [para(None, style, empty=empty)] if empty else []
    return [para(block.strip(), style) for block in blocks]


def heading(text: str, style: ParagraphStyle, *, room: float = 30 * mm) -> list[Flowable]:
    """A heading (plain text) that never ends a page: a new page when less than `room` is left.

    Better than `keepWithNext`, which moves the heading *and* a long text after it to the next
    page, leaving a blank one behind.
    """
    return [CondPageBreak(room), Paragraph(markup(text), style)]


def rich(fragments: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of markup we wrote ourselves (user texts inside must go through `markup`)."""
    return Paragraph(fragments, style)


class FlowTable(Table):  # type: ignore[misc]
    """A table that breaks between rows, and cuts a row only when it is taller than a page.

    ReportLab's `splitInRow` cuts any row that does not fit at the foot of a page, even a
    three-line one, and a table starting near the foot leaves its header there with a sliver
    of the first row. Here, when not one whole row fits under the header, the table moves to
    the next page instead; only a row longer than a page is cut, with at least `splitInRow`
    points of it on each side.
    """

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self._calc(available_width, available_height)
        parts: list[Flowable] = self._splitRows(available_height, doInRowSplit=False)
        if parts:
            return parts
        repeat = self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1
        heights = self._rowHeights
        if repeat >= len(heights):
            return []
        if not self.splitInRow or sum(heights[:repeat]) + heights[repeat] <= FRAME_HEIGHT:
            return []  # the row fits on the next page: move there whole
        in_row: list[Flowable] = self._splitRows(available_height, doInRowSplit=True)
        return in_row


def make_table(rows: Sequence[Sequence[Any]], **kwargs: Any) -> Table:
    """A `FlowTable` whose plain-string cells use DejaVu too (ReportLab's default is
    Helvetica, which would be referenced, unembedded, on every page)."""
    if kwargs.get("splitInRow"):
        kwargs["splitInRow"] = max(kwargs["splitInRow"], MIN_ROW_PART)
    table = FlowTable([list(row) for row in rows], **kwargs)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)]))
    return table


def grid_table(
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    *,
    header: bool = True,
    label_column: bool = False,
    padding: float = 3,
    header_rows: int = 1,
) -> Table:
    """A table with light rules; its `header_rows` repeat on every page it runs onto; rows
    break between pages, and only a row taller than a page is cut (`FlowTable`)."""
    repeat = header_rows if header else 0
    table = make_table(
        rows,
        colWidths=list(col_widths),
        repeatRows=repeat,
        splitInRow=MIN_ROW_PART,
        hAlign="LEFT",
    )
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding + 1),
        ("LEFTPADDING", (0, 0), (-1, -1), padding + 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding + 1),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, repeat - 1), SHADE),
            ("LINEBELOW", (0, repeat - 1), (-1, repeat - 1), 0.8, RULE),
        ]
    if label_column:
        commands.append(("BACKGROUND", (0, 0), (0, -1), SHADE))
    table.setStyle(TableStyle(commands))
    return table


def closing(flowables: Sequence[Flowable]) -> KeepTogether:
    """The block that ends a document (the next appointment, the signatures): kept in one
    piece, and never alone on a page (`build_pdf` carries the last lines of content over)."""
    for flowable in flowables:
        flowable.closing_block = True
    block = KeepTogether(list(flowables))
    block.closing_block = True
    return block


@dataclass(frozen=True)
class Signer:
    """One column of a signature block: what to sign (bold), then room to sign on a line,
    then what is printed beneath the line (a name, or "Nome e cognome:" to write it)."""

    title: str
    beneath: str = ""
    weight: float = 1.0  # the column's share of the width (a date needs less than a name)


def signature_block(
    signers: Sequence[Signer],
    styles: Styles,
    *,
    room: float = 12 * mm,
    gap: float = 10 * mm,
) -> Table:
    """Signature lines side by side, one column per signer."""
    count = len(signers)
    unit = (CONTENT_WIDTH - gap * (count - 1)) / sum(signer.weight for signer in signers)
    widths: list[float] = []
    top: list[object] = []
    middle: list[object] = []
    bottom: list[object] = []
    for index, signer in enumerate(signers):
        if index:
            widths.append(gap)
            top.append("")
            middle.append("")
            bottom.append("")
        widths.append(unit * signer.weight)
        top.append(Paragraph(markup(signer.title), styles.cell_bold))
        middle.append(Spacer(1, room))
        bottom.append(para(signer.beneath, styles.small))
    table = make_table([top, middle, bottom], colWidths=widths, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    for index in range(count):
        column = index * 2
        commands.append(("LINEBELOW", (column, 1), (column, 1), 0.8, RULE))
    table.setStyle(TableStyle(commands))
    return table


class WritingLines(Flowable):  # type: ignore[misc]
    """Ruled lines to write on by hand."""

    def __init__(self, count: int, *, spacing: float = 9 * mm, width: float | None = None) -> None:
        super().__init__()
        self.count = count
        self.spacing = spacing
        self.line_width = width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = self.line_width or available_width
        self.height = self.count * self.spacing
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        for index in range(self.count):
            y = self.height - (index + 1) * self.spacing + 1
            canvas.line(0, y, self.width, y)


# --- pages ---------------------------------------------------------------------------------


def _fit_text(canvas: Canvas, text: str, font: str, size: float, width: float) -> float:
    """The largest size from `size` down to 6 pt at which `text` fits in `width`."""
    while size > 6 and canvas.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _ellipsize(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def qr_modules(payload: str) -> list[list[bool]]:
    """The QR code of `payload` (error correction M) as rows of dark (True) modules."""
    widget = QrCodeWidget(payload, barLevel="M")
    widget.qr.make()
    return [[bool(module) for module in row] for row in widget.qr.modules]


def _draw_qr(canvas: Canvas, modules: list[list[bool]], size: float, border: int = 4) -> None:
    """The modules as filled rectangles, one per horizontal run, in a `size` square whose
    quiet zone (`border` modules, as the standard asks) is part of the square."""
    box = size / (len(modules) + 2 * border)
    canvas.setFillColor(colors.black)
    for row_index, row in enumerate(modules):
        column = 0
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                x = (column + border) * box
                y = size - (row_index + border + 1) * box
                canvas.rect(x, y, length * box, box, stroke=0, fill=1)
            column += length


class _Furniture:
    """Draws the header and footer of each page (the page count is added at the end)."""

    def __init__(self, context: PrintContext, page: PageInfo) -> None:
        self.context = context
        self.page = page
        self.qr = qr_modules(qr_payload(page.record_kind, page.record_id))
        self.qr_form_ready = False
        printed = context.date(context.printed_on)
        self.notice = context._(
            "Documento riservato: contiene dati personali. Stampato il {date} con PIPPI Desktop."
        ).format(date=printed)

    def __call__(self, canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        top = PAGE_HEIGHT - 13 * mm
        half = CONTENT_WIDTH / 2 - 3 * mm
        size = _fit_text(canvas, self.context.header_name, FONT_BOLD, 9.5, half)
        canvas.setFont(FONT_BOLD, size)
        canvas.setFillColor(INK)
        name = _ellipsize(canvas, self.context.header_name, FONT_BOLD, size, half)
        canvas.drawString(MARGIN_X, top, name)
        canvas.setFont(FONT, 9.5)
        canvas.setFillColor(MUTED)
        title = _ellipsize(canvas, self.page.title, FONT, 9.5, half)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, title)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_X, top - 3 * mm, PAGE_WIDTH - MARGIN_X, top - 3 * mm)

        bottom = 10 * mm
        canvas.line(
            MARGIN_X, bottom + QR_SIZE + 2 * mm, PAGE_WIDTH - MARGIN_X, bottom + QR_SIZE + 2 * mm
        )
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        text_width = CONTENT_WIDTH - QR_SIZE - 6 * mm
        lines = _wrap_words(canvas, self.notice, FONT, 7.5, text_width * 0.62)
        for index, line in enumerate(lines[:3]):
            canvas.drawString(MARGIN_X, bottom + 9 * mm - index * 3.4 * mm, line)
        qr_x = PAGE_WIDTH - MARGIN_X - QR_SIZE
        if not self.qr_form_ready:  # drawn once as a form XObject, placed on every page
            canvas.beginForm(QR_FORM_NAME)
            _draw_qr(canvas, self.qr, QR_SIZE)
            canvas.endForm()
            self.qr_form_ready = True
        canvas.saveState()
        canvas.translate(qr_x, bottom + 1 * mm)
        canvas.doForm(QR_FORM_NAME)
        canvas.restoreState()
        canvas.setFont(FONT, 6)
        canvas.drawRightString(qr_x - 1.5 * mm, bottom + 1.5 * mm, self.page.record_id[:8])
        canvas.restoreState()


def _wrap_words(canvas: Canvas, text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and canvas.stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps every page until the end, then writes "Pagina N di M" on each."""

    def __init__(self, *args: Any, page_template: str, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._page_template = page_template
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.saveState()
            self.setFont(FONT, 8.5)
            self.setFillColor(INK)
            self.drawCentredString(
                PAGE_WIDTH / 2,
                10 * mm + 1.5 * mm,
                self._page_template.format(page=number, pages=total),
            )
            self.restoreState()
            super().showPage()
        super().save()


def _canvas_maker(context: PrintContext) -> Any:
    template = context._("Pagina {page} di {pages}")

    def make(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, page_template=template, **kwargs)

    return make


class _Document(BaseDocTemplate):  # type: ignore[misc]
    """Lays the story out and notes, page by page, where content ended and where the closing
    block went; `raised_feet` (page -> points) raises the foot of those pages' frame."""

    def __init__(self, *args: Any, raised_feet: dict[int, float], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.raised_feet = raised_feet
        self.content_bottom: dict[int, float] = {}  # page -> lowest point content reached
        self.closing_pages: set[int] = set()

    def handle_pageBegin(self) -> None:
        super().handle_pageBegin()
        self.frame.bottomPadding = self.raised_feet.get(self.page, 0)

    def afterFlowable(self, flowable: Flowable) -> None:
        if getattr(flowable, "closing_block", False):
            self.closing_pages.add(self.page)
        elif not isinstance(flowable, (Spacer, NullDraw, ActionFlowable)):
            lowest = self.content_bottom.get(self.page, PAGE_HEIGHT)
            self.content_bottom[self.page] = min(lowest, self.frame._y)

    def lone_closing_page(self) -> int | None:
        """The first page holding the closing block and no content, if any."""
        alone = sorted(self.closing_pages - set(self.content_bottom))
        return alone[0] if alone else None

    def has_blank_page(self) -> bool:
        """Whether some page holds nothing (a raised foot pushed a whole block over)."""
        return any(
            page not in self.content_bottom and page not in self.closing_pages
            for page in range(1, self.page + 1)
        )


def build_pdf(
    make_story: Callable[[], list[Flowable]], *, context: PrintContext, page: PageInfo
) -> bytes:
    """Lay `story` out on A4 pages with the shared header and footer; the PDF as bytes.

    When the closing block lands alone on a page, the layout is made again with the foot of
    the page before raised (`CARRIED_OVER` above where its content ended), so that content
    goes over with the signatures; at most `MAX_LAYOUTS` layouts.
    """
    register_fonts()
    raised_feet: dict[int, float] = {}
    data = b""
    for _attempt in range(MAX_LAYOUTS):
        try:
            laid_out, document = _layout(
                make_story(), context=context, page=page, raised_feet=raised_feet
            )
        except LayoutError:
            if not data:
                raise
            break  # a block too tall for the shortened page: keep the previous layout
        if data and document.has_blank_page():
            break  # the whole last block went over: keep the previous layout
        data = laid_out
        alone = document.lone_closing_page()
        before = (alone or 0) - 1
        if alone is None or before not in document.content_bottom or before in raised_feet:
            break
        raised_feet[before] = document.content_bottom[before] - MARGIN_BOTTOM + CARRIED_OVER
    return data


def _layout(
    story: list[Flowable], *, context: PrintContext, page: PageInfo, raised_feet: dict[int, float]
) -> tuple[bytes, _Document]:
    buffer = io.BytesIO()
    document = _Document(
        buffer,
        raised_feet=raised_feet,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=page.title,
        subject=context._("Programma P.I.P.P.I. — documento stampato da PIPPI Desktop"),
        author="PIPPI Desktop",
        creator=f"PIPPI Desktop {__version__}",
        keywords="",
        # TRANSLATORS: the language tag (BCP 47) written into the PDF: it-IT, en-GB, de-DE…
        lang=context._("it-IT"),
        initialFontName=FONT,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        FRAME_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="content",
    )
    document.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=_Furniture(context, page))]
    )
    document.build(story, canvasmaker=_canvas_maker(context))
    return buffer.getvalue(), document
