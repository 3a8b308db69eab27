"""The blank triangle form: an assessment done on paper, with the family, to copy in later.

Page 1: who, when and who took part (the family's members to tick, lines for the operators),
then the empty triangle drawn from `domain.triangle_geometry` like the filled form (score rings
numbered from the centre, numbered axes) beside the numbered list of sub-dimensions, and the
rating scale. The family and the educator mark each score on the triangle and join the points.

Then one block per sub-dimension of the catalogue (the active one, as new assessments use): its
number and label with boxes for the scale's values and "n.v.", and four lines to write each
text the catalogue asks for, side by side. A block never breaks across pages, and a side's
title stays with its first block. At the end: lines for notes, the signatures and the date.
Everything the catalogue holds fits on about five pages.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from pippi_desktop.domain.catalogue import Catalogue
from pippi_desktop.domain.records import CaseFile
from pippi_desktop.reports import case_text
from pippi_desktop.reports.style import (
    CONTENT_WIDTH,
    FONT,
    RULE,
    SHADE,
    PageInfo,
    PrintContext,
    Signer,
    Styles,
    WritingLines,
    build_pdf,
    closing,
    grid_table,
    heading,
    make_styles,
    make_table,
    markup,
    rich,
    signature_block,
)
from pippi_desktop.reports.triangle_chart import scale_legend, triangle_drawing

BOX = "☐"
NBSP = "\u00a0"
GAP = NBSP * 4  # non-breaking spaces between choices: Paragraph keeps them
WRITING_LINES = 4  # per text of a sub-dimension
LINE_SPACING = 7 * mm  # ruled paper for handwriting
TEXT_GAP = 3 * mm  # between the texts of a sub-dimension, side by side
BOX_WIDTH = 9 * mm
DRAWING_WIDTH = 110 * mm


def _score_boxes(catalogue: Catalogue, styles: Styles, context: PrintContext) -> Table:
    scale = catalogue.scale
    cells = [str(value.value) for value in scale.values]
    cells.append(scale.not_assessable_short.get(context.lang))
    table = make_table(
        [[Paragraph(markup(cell), styles.cell_centre) for cell in cells]],
        colWidths=[BOX_WIDTH] * len(cells),
        rowHeights=[7 * mm],
    )
    table.setStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.8, RULE),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 1),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
    )
    return table


def _choices(labels: list[str]) -> str:
    """Boxes to tick, each with its label; a line breaks between choices, not inside one."""
    return (GAP + " ").join(f"{BOX}{NBSP}{markup(label).replace(' ', NBSP)}" for label in labels)


def _header(case: CaseFile, styles: Styles, context: PrintContext) -> Table:
    _ = context._
    children = [child.full_name for child in case.children(context.vocabulary.child_roles())]
    points = [
        context.label("time_points", code) for code in context.vocabulary.codes("time_points")
    ]
    members = case_text.people_with_roles(case, [person.id for person in case.members], context)
    blank = "_" * 14
    taking_part: list[Flowable] = [rich(_choices(members), styles.cell)] if members else []
    taking_part += [
        Spacer(1, 1 * mm),
        Paragraph(markup(_("Operatori e altre persone:")), styles.cell),
        WritingLines(2, spacing=LINE_SPACING),
    ]
    rows: list[list[object]] = [
        [
            rich(markup(_("Famiglia")), styles.cell_bold),
            rich(markup(case.family.code), styles.cell),
        ],
        [
            rich(markup(_("Bambino/a")), styles.cell_bold),
            rich(_choices([*children, blank]), styles.cell),
        ],
        [rich(markup(_("Momento")), styles.cell_bold), rich(_choices(points), styles.cell)],
        [rich(markup(_("Data")), styles.cell_bold), rich("____ / ____ / ________", styles.cell)],
        [rich(markup(_("Chi ha partecipato")), styles.cell_bold), taking_part],
    ]
    return grid_table(rows, [38 * mm, CONTENT_WIDTH - 38 * mm], header=False, label_column=True)


def _numbered_list(catalogue: Catalogue, styles: Styles, context: PrintContext) -> list[Flowable]:
    """The sub-dimensions by their numbers on the drawing, grouped by side."""
    flowables: list[Flowable] = []
    number = 0
    for side in catalogue.sides:
        flowables.append(Paragraph(markup(side.title.get(context.lang)), styles.cell_bold))
        lines = []
        for sub in side.subdimensions:
            number += 1
            lines.append(f"<b>{number}</b>\u00a0{markup(sub.label.get(context.lang))}")
        flowables.append(rich("<br/>".join(lines), styles.small))
        flowables.append(Spacer(1, 1.5 * mm))
    return flowables


def _triangle(catalogue: Catalogue, styles: Styles, context: PrintContext) -> Table:
    drawing = triangle_drawing(catalogue, [], width=DRAWING_WIDTH, context=context)
    table = make_table(
        [[drawing, _numbered_list(catalogue, styles, context)]],
        colWidths=[DRAWING_WIDTH + 4 * mm, CONTENT_WIDTH - DRAWING_WIDTH - 4 * mm],
        hAlign="LEFT",
    )
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return table


def _subdimension_block(
    number: int, label: str, catalogue: Catalogue, styles: Styles, context: PrintContext
) -> Table:
    """The sub-dimension and its score boxes, then its texts side by side, with lines."""
    texts = [text_label.get(context.lang) for _, text_label in catalogue.texts]
    columns = max(1, len(texts))
    text_width = (CONTENT_WIDTH - TEXT_GAP * (columns - 1)) / columns
    boxes = _score_boxes(catalogue, styles, context)
    boxes_width = BOX_WIDTH * (len(catalogue.scale.values) + 1)
    title = make_table(
        [[rich(f"<b>{number}. {markup(label)}</b>", styles.body), boxes]],
        colWidths=[CONTENT_WIDTH - boxes_width, boxes_width],
    )
    title.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("BACKGROUND", (0, 0), (0, 0), SHADE),
        ]
    )
    cells: list[object] = []
    widths: list[float] = []
    for index, text in enumerate(texts):
        if index:
            cells.append("")
            widths.append(TEXT_GAP)
        cells.append(
            [
                rich(markup(text), styles.muted),
                WritingLines(WRITING_LINES, spacing=LINE_SPACING),
            ]
        )
        widths.append(text_width)
    rows: list[list[object]] = [[title] + [""] * (len(cells) - 1)]
    if cells:
        rows.append(cells)
    table = make_table(rows, colWidths=widths or [CONTENT_WIDTH], hAlign="LEFT")
    table.setStyle(
        [
            ("SPAN", (0, 0), (-1, 0)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, 0), 0),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 1 * mm),
            ("TOPPADDING", (0, 1), (-1, -1), 0),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 4 * mm),
        ]
    )
    return table


def blank_triangle_story(
    case: CaseFile, *, catalogue: Catalogue, context: PrintContext, styles: Styles
) -> list[Flowable]:
    _ = context._
    story: list[Flowable] = [
        Paragraph(
            markup(f"{catalogue.title.get(context.lang)} — " + _("scheda da compilare")),
            styles.title,
        ),
        _header(case, styles, context),
        Spacer(1, 3 * mm),
        Paragraph(
            markup(
                _(
                    "Per ogni sottodimensione segnate un solo punteggio con una crocetta e "
                    "scrivete sulle righe quello che emerge, con le parole della famiglia e del "
                    "bambino. Sul triangolo segnate lo stesso punteggio sul raggio con il numero "
                    "della sottodimensione ({lowest} vicino al centro, {highest} sul lato) e "
                    "unite i punti."
                ).format(lowest=catalogue.scale.minimum, highest=catalogue.scale.maximum)
            ),
            styles.body,
        ),
        scale_legend(catalogue, styles, context),
        Spacer(1, 3 * mm),
        _triangle(catalogue, styles, context),
    ]
    number = 0
    for side in catalogue.sides:
        title = Paragraph(
            f"{markup(side.title.get(context.lang))} — "
            f"<font name='{FONT}'>{markup(side.question.get(context.lang))}</font>",
            styles.heading,
        )
        for position, sub in enumerate(side.subdimensions):
            number += 1
            block = _subdimension_block(
                number, sub.label.get(context.lang), catalogue, styles, context
            )
            # the side's title travels with its first sub-dimension: never alone at a page foot
            story.append(KeepTogether([title, block] if position == 0 else [block]))
    story += heading(_("Note"), styles.heading, room=45 * mm)
    story.append(WritingLines(4, spacing=LINE_SPACING))
    story.append(
        closing(
            [
                Paragraph(_("Firme"), styles.heading),
                signature_block(
                    [
                        Signer(_("Firma dell'educatore/educatrice"), _("Nome e cognome:")),
                        Signer(_("Firma per la famiglia"), _("Nome e cognome:")),
                        Signer(_("Data"), "", weight=0.6),
                    ],
                    styles,
                ),
            ]
        )
    )
    return story


def render_blank_triangle_form(
    case: CaseFile, *, catalogue: Catalogue, context: PrintContext
) -> bytes:
    styles = make_styles(11)

    def story() -> list[Flowable]:
        return blank_triangle_story(case, catalogue=catalogue, context=context, styles=styles)

    page = PageInfo(
        title=context._("Triangolo da compilare"),
        record_kind="family",
        record_id=case.family.id,
    )
    return build_pdf(story, context=context, page=page)
