"""The recovery-code sheet: one A4 page with the code and what to do with it.

Drawn with QPainter, so the same drawing goes to a PDF (QPdfWriter into memory; the bytes are
then written atomically by `services.file_output`) or to a printer (QPrinter).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRect, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from pippi_desktop.domain.i18n import _


def code_lines(code: str) -> list[str]:
    """`AAAA-BBBB-…` (8 groups) as two lines of four groups, easier to copy by hand."""
    groups = code.split("-")
    half = (len(groups) + 1) // 2
    return ["  ".join(groups[:half]), "  ".join(groups[half:])]


def paint_recovery_sheet(
    painter: QPainter, page: QRect, *, code: str, workspace_name: str, made_on: date
) -> None:
    """Draw the sheet inside `page` (device pixels)."""
    unit = page.width() / 100.0  # 1 % of the printable width
    y: float = page.top()
    body_font = QFont(painter.font())

    def text_block(text: str, size: float, *, bold: bool = False, gap: float = 2.0) -> None:
        nonlocal y
        font = QFont(body_font)
        font.setPointSizeF(size)
        font.setBold(bold)
        painter.setFont(font)
        rect = QRect(page.left(), int(y), page.width(), page.bottom() - int(y))
        used = painter.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), text)
        painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), text)
        y += used.height() + gap * unit

    text_block(
        _("PIPPI Desktop – codice di recupero"),
        20,
        bold=True,
    )
    text_block(
        _("Area di lavoro: {name}\nCreata il {date}").format(
            name=workspace_name, date=made_on.strftime("%d/%m/%Y")
        ),
        11,
    )
    mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    mono.setPointSizeF(24)
    mono.setBold(True)
    painter.setFont(mono)
    line_height = painter.fontMetrics().height() * 1.4
    box = QRect(page.left(), int(y), page.width(), int(line_height * 2 + 4 * unit))
    painter.drawRect(box)
    for index, line in enumerate(code_lines(code)):
        row = QRect(
            box.left(),
            int(box.top() + 2 * unit + index * line_height),
            box.width(),
            int(line_height),
        )
        painter.drawText(row, int(Qt.AlignmentFlag.AlignCenter), line)
    y = box.bottom() + 5 * unit
    text_block(
        _(
            "Questo codice serve solo se dimentichi la passphrase: con il codice puoi sceglierne "
            "una nuova (pulsante «Ho dimenticato la passphrase» nella finestra di sblocco).",
        ),
        11,
    )
    text_block(
        _(
            "Chi ha questo codice può aprire l'area di lavoro e leggere i dati delle famiglie. "
            "Conserva questo foglio in un posto sicuro e chiuso, lontano dal portatile. Non "
            "fotografarlo, non inviarlo per e-mail e non salvarlo sul portatile stesso.",
        ),
        11,
    )
    text_block(
        _(
            "Maiuscole, spazi e trattini non contano; la lettera O si legge come zero e le "
            "lettere I e L come uno.",
        ),
        10,
    )


def _print_onto(device: QPagedPaintDevice, **content: object) -> None:
    painter = QPainter(device)
    try:
        page = painter.viewport()
        paint_recovery_sheet(painter, page, **content)  # type: ignore[arg-type]
    finally:
        painter.end()


def recovery_sheet_pdf(code: str, *, workspace_name: str, made_on: date | None = None) -> bytes:
    """The sheet as PDF bytes (A4, 20 mm margins)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(300)
    writer.setTitle(_("Codice di recupero"))
    writer.setCreator("PIPPI Desktop")
    _print_onto(writer, code=code, workspace_name=workspace_name, made_on=made_on or date.today())
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(buffer.data().data())


def print_recovery_sheet(
    device: QPagedPaintDevice, code: str, *, workspace_name: str, made_on: date | None = None
) -> None:
    _print_onto(device, code=code, workspace_name=workspace_name, made_on=made_on or date.today())
