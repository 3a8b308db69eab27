"""The attendance register of a group session (gruppo genitori, gruppo bambini): one row to sign
per person invited, sorted by surname, with the attendance recorded so far, a few empty rows
for whoever comes unannounced, and the facilitators' signatures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from pippi_desktop.domain.records import GroupSession
from pippi_desktop.domain.text import search_key
from pippi_desktop.reports.style import (
    CONTENT_WIDTH,
    RULE,
    SHADE,
    PageInfo,
    PrintContext,
    Styles,
    build_pdf,
    closing,
    grid_table,
    heading,
    make_styles,
    make_table,
    markup,
    para,
    paragraphs,
)

EMPTY_ROWS = 4
ROW_HEIGHT = 9 * mm  # the signature cell's height without its padding


@dataclass(frozen=True)
class RegisterRow:
    given_name: str
    family_name: str
    family_code: str
    status: str | None  # a code of the `attendance` vocabulary, None if not recorded yet
    notes: str | None = None


def _info(session: GroupSession, styles: Styles, context: PrintContext) -> Table:
    _ = context._
    when = session.start_time or ""
    if session.duration_minutes:
        minutes = session.duration_minutes
        duration = context.ngettext(
            "durata {minutes} minuto", "durata {minutes} minuti", minutes
        ).format(minutes=minutes)
        when = f"{when} ({duration})" if when else duration
    rows = [
        (_("Gruppo"), context.label("group_kinds", session.kind)),
        (_("Tema"), session.topic),
        (_("Data"), context.date(session.date, weekday=True)),
        (_("Ora"), when),
        (_("Luogo"), session.place or ""),
        (_("Conduttori"), ", ".join(session.facilitators)),
    ]
    return grid_table(
        [
            [Paragraph(markup(label), styles.cell_bold), para(value, styles.cell, empty="—")]
            for label, value in rows
        ],
        [38 * mm, CONTENT_WIDTH - 38 * mm],
        header=False,
        label_column=True,
    )


def _register(rows: Sequence[RegisterRow], styles: Styles, context: PrintContext) -> Table:
    _ = context._
    ordered = sorted(rows, key=lambda r: (search_key(r.family_name), search_key(r.given_name)))
    data: list[list[object]] = [
        [
            Paragraph("N.", styles.cell_bold),
            Paragraph(_("Cognome e nome"), styles.cell_bold),
            Paragraph(_("Famiglia"), styles.cell_bold),
            Paragraph(_("Presenza registrata"), styles.cell_bold),
            Paragraph(_("Firma"), styles.cell_bold),
        ]
    ]
    for number, row in enumerate(ordered, start=1):
        status = context.label("attendance", row.status) if row.status else ""
        data.append(
            [
                Paragraph(str(number), styles.cell),
                para(f"{row.family_name} {row.given_name}", styles.cell_bold),
                para(row.family_code, styles.cell),
                para(status + (f" — {row.notes}" if row.notes else ""), styles.cell),
                Spacer(1, ROW_HEIGHT),  # room to sign; the row grows with longer cells
            ]
        )
    for number in range(len(ordered) + 1, len(ordered) + 1 + EMPTY_ROWS):
        data.append([Paragraph(str(number), styles.cell), "", "", "", Spacer(1, ROW_HEIGHT)])
    widths = [9 * mm, 48 * mm, 38 * mm, 33 * mm]
    widths.append(CONTENT_WIDTH - sum(widths))
    table = make_table(data, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def attendance_story(
    session: GroupSession, rows: Sequence[RegisterRow], *, context: PrintContext, styles: Styles
) -> list[Flowable]:
    _ = context._
    facilitators = list(session.facilitators) or ["", ""]
    signatures = make_table(
        [
            [
                Paragraph(_("Conduttore/conduttrice"), styles.cell_bold),
                Paragraph(_("Firma"), styles.cell_bold),
            ],
            *([para(name, styles.cell), Spacer(1, ROW_HEIGHT)] for name in facilitators),
        ],
        colWidths=[70 * mm, CONTENT_WIDTH - 70 * mm],
        hAlign="LEFT",
    )
    signatures.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    story: list[Flowable] = [
        Paragraph(_("Registro delle presenze"), styles.title),
        _info(session, styles, context),
        Spacer(1, 5 * mm),
        _register(rows, styles, context),
    ]
    if session.notes:
        story += heading(_("Note"), styles.heading)
        story += paragraphs(session.notes, styles.body)
    story.append(closing([Paragraph(_("Firme dei conduttori"), styles.heading), signatures]))
    return story


def render_attendance_register(
    session: GroupSession, rows: Sequence[RegisterRow], *, context: PrintContext
) -> bytes:
    styles = make_styles(11)

    def story() -> list[Flowable]:
        return attendance_story(session, rows, context=context, styles=styles)

    page = PageInfo(
        title=context._("Registro delle presenze"),
        record_kind="group_session",
        record_id=session.id,
    )
    return build_pdf(story, context=context, page=page)
