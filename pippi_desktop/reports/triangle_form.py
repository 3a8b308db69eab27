"""The filled triangle form: one assessment, drawn, with the texts of every sub-dimension.

The triangle shows the printed assessment (thicker line) over the child's T0, T1 and T2 when
they exist, in the colours, dash patterns and markers of `domain.triangle_geometry`, with a
legend. Then a table of the scores per sub-dimension (the numbers on the drawing), the
sub-dimensions with objectives in the micro-project marked ●, and the texts asked by the
assessment's own catalogue version (punti di forza, bisogni, le parole del bambino, fonti).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from pippi_desktop.domain.catalogue import Catalogue
from pippi_desktop.domain.records import Assessment, AssessmentEntry, CaseFile
from pippi_desktop.reports import case_text
from pippi_desktop.reports.style import (
    CONTENT_WIDTH,
    PageInfo,
    PrintContext,
    Styles,
    build_pdf,
    grid_table,
    heading,
    make_styles,
    make_table,
    markup,
    para,
    paragraphs,
    rich,
)
from pippi_desktop.reports.triangle_chart import (
    Series,
    legend_table,
    scale_legend,
    score_table,
    triangle_drawing,
)

OVERLAID = ("T0", "T1", "T2")


def child_series(
    case: CaseFile, child_id: str, context: PrintContext, *, highlight: str | None = None
) -> list[Series]:
    """The child's T0, T1, T2 (the latest of each) and, if it is another one, `highlight`."""
    chosen: list[Assessment] = []
    for point in OVERLAID:
        candidates = [
            a for a in case.assessments if a.child_id == child_id and a.time_point == point
        ]
        if candidates:
            chosen.append(max(candidates, key=lambda a: (a.date, a.created_at)))
    if highlight is not None and highlight not in {a.id for a in chosen}:
        extra = next((a for a in case.assessments if a.id == highlight), None)
        if extra is not None:
            chosen.append(extra)
    return [
        Series(
            style_key=a.time_point,
            label=case_text.time_point_label(a, context),
            short=a.label,
            date_text=context.date(a.date),
            scores=a.scores(),
            highlighted=a.id == highlight,
        )
        for a in chosen
    ]


def triangle_block(
    catalogue: Catalogue,
    series: Sequence[Series],
    *,
    styles: Styles,
    context: PrintContext,
    note: str = "",
    drawing_width: float = CONTENT_WIDTH * 0.64,
    beside: Sequence[Flowable] = (),
) -> Table:
    """The drawing with its legend beside it (and `note`, then `beside`, under the legend)."""
    legend_width = CONTENT_WIDTH - drawing_width - 4 * mm
    side: list[Flowable] = [
        Paragraph(context._("Legenda"), styles.cell_bold),
        Spacer(1, 2 * mm),
        legend_table(series, styles, legend_width),
    ]
    if note:
        side += [Spacer(1, 3 * mm), Paragraph(markup(note), styles.muted)]
    for flowable in beside:
        side += [Spacer(1, 3 * mm), flowable]
    table = make_table(
        [[triangle_drawing(catalogue, series, width=drawing_width, context=context), side]],
        colWidths=[drawing_width, legend_width + 4 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _entry_texts(
    entry: AssessmentEntry | None, catalogue: Catalogue, styles: Styles, context: PrintContext
) -> list[Flowable]:
    flowables: list[Flowable] = []
    if entry is not None:
        for text_id, label in catalogue.texts:
            value = getattr(entry, text_id, None)
            if value:
                flowables.append(CondPageBreak(14 * mm))
                flowables.append(rich(markup(label.get(context.lang)), styles.field_label))
                flowables += paragraphs(value, styles.indented)
    if not flowables:
        flowables.append(Paragraph(context._("Nessuna annotazione."), styles.field_label))
    return flowables


def _score_words(entry: AssessmentEntry | None, catalogue: Catalogue, context: PrintContext) -> str:
    if entry is None or (entry.score is None and not entry.not_assessable):
        return context._("punteggio non indicato")
    if entry.score is None:
        return catalogue.scale.not_assessable_label.get(context.lang).lower()
    return f"{entry.score} ({catalogue.scale.label(entry.score, context.lang)})"


def triangle_form_story(
    case: CaseFile,
    assessment: Assessment,
    *,
    catalogue: Catalogue,
    context: PrintContext,
    styles: Styles,
) -> list[Flowable]:
    _ = context._
    participants = case_text.people_names(case, assessment.participants_people)
    participants += case_text.equipe_names(case, assessment.participants_equipe, context)
    if assessment.participants_other:
        participants.append(assessment.participants_other)
    info = [
        (_("Famiglia"), case.family.code),
        (_("Bambino/a"), case_text.child_name(case, assessment.child_id)),
        (_("Momento"), case_text.time_point_label(assessment, context)),
        (_("Data"), context.date(assessment.date)),
        (_("Partecipanti"), ", ".join(participants)),
        (
            _("Catalogo"),
            _("{title} (versione {version})").format(
                title=catalogue.title.get(context.lang), version=catalogue.version
            ),
        ),
    ]
    story: list[Flowable] = [
        Paragraph(markup(catalogue.title.get(context.lang)), styles.title),
        grid_table(
            [
                [Paragraph(markup(label), styles.cell_bold), para(value, styles.cell, empty="—")]
                for label, value in info
            ],
            [38 * mm, CONTENT_WIDTH - 38 * mm],
            header=False,
            label_column=True,
        ),
        *heading(_("Il triangolo"), styles.heading),
    ]
    series = child_series(case, assessment.child_id, context, highlight=assessment.id)
    marked = frozenset(
        item.subdimension
        for item in case.micro_project
        if item.child_id in (None, assessment.child_id)
    )
    note = _(
        "I numeri sul triangolo sono quelli della tabella. Più il punto è lontano dal centro, "
        "più il punteggio è alto. La linea più spessa è questa valutazione."
    )
    story.append(triangle_block(catalogue, series, styles=styles, context=context, note=note))
    story.append(Spacer(1, 3 * mm))
    story.append(scale_legend(catalogue, styles, context))
    story.append(Spacer(1, 2 * mm))
    story.append(
        score_table(
            catalogue, series, styles=styles, context=context, width=CONTENT_WIDTH, marked=marked
        )
    )
    if marked:
        story.append(
            Paragraph(
                _("● sottodimensione con obiettivi nella micro-progettazione"),
                styles.muted,
            )
        )
    story += heading(_("Le osservazioni per sottodimensione"), styles.heading)
    entries = {entry.subdimension: entry for entry in assessment.entries}
    number = 0
    for side in catalogue.sides:
        story += heading(side.title.get(context.lang), styles.subheading, room=40 * mm)
        story.append(Paragraph(markup(side.question.get(context.lang)), styles.muted))
        for sub in side.subdimensions:
            number += 1
            entry = entries.get(sub.sub_id)
            story.append(CondPageBreak(22 * mm))
            story.append(
                rich(
                    f"{number}. {markup(sub.label.get(context.lang))}: "
                    f"{markup(_score_words(entry, catalogue, context))}",
                    styles.label,
                )
            )
            story.extend(_entry_texts(entry, catalogue, styles, context))
    if assessment.notes:
        story += heading(_("Note"), styles.heading)
        story += paragraphs(assessment.notes, styles.body)
    return story


def render_triangle_form(
    case: CaseFile, assessment: Assessment, *, catalogue: Catalogue, context: PrintContext
) -> bytes:
    styles = make_styles(11)

    def story() -> list[Flowable]:
        return triangle_form_story(
            case, assessment, catalogue=catalogue, context=context, styles=styles
        )

    page = PageInfo(
        title=context._("Valutazione del triangolo"),
        record_kind="assessment",
        record_id=assessment.id,
    )
    return build_pdf(story, context=context, page=page)
