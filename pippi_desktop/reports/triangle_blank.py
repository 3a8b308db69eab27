"""The blank triangle form: an assessment done on paper, with the family, to copy in later.

Every sub-dimension of the catalogue (the active one, as new assessments use) with boxes for
the scale's values and "n.v.", and lines to write each text the catalogue asks for. The family
code is printed; the child, the date, the time point and the participants are ticked or
written by hand. One sub-dimension never breaks across pages.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from pippi_desktop.domain.catalogue import Catalogue
from pippi_desktop.domain.records import CaseFile
from pippi_desktop.reports.style import (
    CONTENT_WIDTH,
    FONT,
    RULE,
    PageInfo,
    PrintContext,
    Styles,
    WritingLines,
    build_pdf,
    grid_table,
    make_styles,
    make_table,
    markup,
    rich,
)
from pippi_desktop.reports.triangle_chart import scale_legend

BOX = "☐"
GAP = "\u00a0" * 4  # non-breaking spaces between choices: Paragraph keeps them
WRITING_LINES = 2
LINE_SPACING = 7.5 * mm


def _score_boxes(catalogue: Catalogue, styles: Styles, context: PrintContext) -> Table:
    scale = catalogue.scale
    cells = [str(value.value) for value in scale.values]
    cells.append(scale.not_assessable_short.get(context.lang))
    table = make_table(
        [[Paragraph(markup(cell), styles.cell_centre) for cell in cells]],
        colWidths=[11 * mm] * len(cells),
        rowHeights=[8 * mm],
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


def _header(case: CaseFile, styles: Styles, context: PrintContext) -> Table:
    _ = context._
    children = case.children(context.vocabulary.child_roles())
    choices = [f"{BOX}\u00a0{markup(child.full_name)}" for child in children]
    choices.append(f"{BOX}\u00a0______________")
    points = [
        f"{BOX}\u00a0{markup(context.label('time_points', code))}"
        for code in context.vocabulary.codes("time_points")
    ]
    rows = [
        (_("Famiglia"), markup(case.family.code)),
        (_("Bambino/a"), (GAP + " ").join(choices)),
        (_("Momento"), (GAP + " ").join(points)),
        (_("Data"), "____ / ____ / ________"),
        (_("Partecipanti"), ""),
    ]
    table_rows: list[list[object]] = []
    for label, value in rows:
        cell: object = rich(value, styles.cell) if value else WritingLines(2, spacing=LINE_SPACING)
        table_rows.append([rich(markup(label), styles.cell_bold), cell])
    return grid_table(
        table_rows, [38 * mm, CONTENT_WIDTH - 38 * mm], header=False, label_column=True
    )


def _text_cell(label: str, styles: Styles) -> list[Flowable]:
    return [
        rich(markup(label), styles.small),
        WritingLines(WRITING_LINES, spacing=LINE_SPACING),
    ]


def _subdimension_block(
    number: int, label: str, catalogue: Catalogue, styles: Styles, context: PrintContext
) -> Table:
    """The sub-dimension and its score boxes, then its texts two by two, with lines."""
    boxes = _score_boxes(catalogue, styles, context)
    half = CONTENT_WIDTH / 2
    rows: list[list[object]] = [[rich(f"<b>{number}. {markup(label)}</b>", styles.body), boxes]]
    texts = [text_label.get(context.lang) for _, text_label in catalogue.texts]
    for index in range(0, len(texts), 2):
        pair = texts[index : index + 2]
        rows.append([_text_cell(text, styles) for text in pair] + [""] * (2 - len(pair)))
    table = make_table(rows, colWidths=[half, half], hAlign="LEFT")
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 1), (0, -1), 4 * mm),
            ("RIGHTPADDING", (1, 0), (1, -1), 0),
            ("TOPPADDING", (0, 1), (-1, -1), 1 * mm),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE),
            ("TOPPADDING", (0, 0), (-1, 0), 2 * mm),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 5 * mm),
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
            _(
                "Per ogni sottodimensione segnate un solo punteggio con una crocetta e scrivete "
                "sulle righe quello che emerge, con le parole della famiglia e del bambino."
            ),
            styles.body,
        ),
        scale_legend(catalogue, styles, context),
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
    story.append(
        KeepTogether(
            [
                Paragraph(_("Note"), styles.heading),
                WritingLines(5, spacing=LINE_SPACING),
            ]
        )
    )
    return story


def render_blank_triangle_form(
    case: CaseFile, *, catalogue: Catalogue, context: PrintContext
) -> bytes:
    styles = make_styles(11)
    story = blank_triangle_story(case, catalogue=catalogue, context=context, styles=styles)
    page = PageInfo(
        title=context._("Triangolo da compilare"),
        record_kind="family",
        record_id=case.family.id,
    )
    return build_pdf(story, context=context, page=page)
