"""The triangle drawn as vector graphics, its legend and its score table (filled form, report).

The geometry, colours, dash patterns and markers come from `domain.triangle_geometry`, the
same module the GUI paints from. Axis numbers on the drawing refer to the score table, which
carries the catalogue's own labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table

from pippi_desktop.domain import triangle_geometry as tg
from pippi_desktop.domain.catalogue import Catalogue
from pippi_desktop.reports.style import (
    FONT_BOLD,
    SHADE,
    PrintContext,
    Styles,
    grid_table,
    markup,
    rich,
)


@dataclass(frozen=True)
class Series:
    """One assessment on the triangle."""

    style_key: str  # "T0", "T1", "T2" or anything else (drawn as "extra")
    label: str  # what the legend and the table say, e.g. "T1 — intermedio"
    short: str  # the table's column header, e.g. "T1"
    date_text: str
    scores: Mapping[str, int | None]  # sub-dimension -> score, None for n.v.
    highlighted: bool = False


def _colour(hex_value: str) -> colors.Color:
    return colors.HexColor(hex_value)


def _polygon(canvas: Canvas, points: Sequence[tg.Point], *, close: bool = True) -> object:
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    if close:
        path.close()
    return path


def _marker(canvas: Canvas, shape: tg.MarkerShape, centre: tg.Point, radius: float) -> None:
    """A filled marker with a thin white rim (the fill colour is already set)."""
    canvas.setStrokeColor(colors.white)
    canvas.setLineWidth(0.6)
    canvas.setDash()
    if shape is tg.MarkerShape.CIRCLE:
        canvas.circle(centre.x, centre.y, radius, stroke=1, fill=1)
    else:
        outline = tg.marker_outline(shape, centre, radius)
        canvas.drawPath(_polygon(canvas, outline), stroke=1, fill=1)


def _draw_series(
    canvas: Canvas, layout: tg.TriangleLayout, placement: tg.Placement, series: Series
) -> None:
    style = tg.series_style(series.style_key)
    colour = _colour(style.colour)
    width = tg.HIGHLIGHT_LINE_WIDTH if series.highlighted else tg.SERIES_LINE_WIDTH
    points = placement.map_all(layout.series(series.scores))
    if len(points) >= 2:
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(width)
        canvas.setLineCap(0)
        canvas.setLineJoin(1)
        canvas.setDash(list(style.dash_lengths(width)) or [], 0)
        canvas.drawPath(_polygon(canvas, points, close=len(points) > 2), stroke=1, fill=0)
    radius = tg.MARKER_RADIUS * (1.15 if series.highlighted else 1.0)
    canvas.setFillColor(colour)
    for _axis, point in layout.scored(series.scores):
        _marker(canvas, style.marker, placement.map(point), radius)


class TriangleDrawing(Flowable):  # type: ignore[misc]
    """The triangle with its grid, numbered axes, side titles and one polygon per series.

    Drawn with plain canvas calls in the order a QPainter widget would make them: fill, score
    rings, axes, outline, the scale (each ring's score where it crosses the line from the
    centre to the apex: on the blank form the family marks the points by hand), series (the
    highlighted one last, on top), axis numbers, titles.
    """

    def __init__(
        self,
        catalogue: Catalogue,
        series: Sequence[Series],
        *,
        width: float,
        context: PrintContext,
    ) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.series = list(series)
        self.width = width
        self.height = width * 0.9
        self.context = context

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        layout = tg.layout_for(self.catalogue)
        placement = tg.fit(0, 0, self.width, self.height)
        grey = _colour(tg.GRID_COLOUR)
        triangle = placement.map_all(layout.vertices)
        canvas.saveState()
        canvas.setFillColor(_colour(tg.FILL_COLOUR))
        canvas.drawPath(_polygon(canvas, triangle), stroke=0, fill=1)
        canvas.setStrokeColor(grey)
        canvas.setLineWidth(tg.GRID_LINE_WIDTH)
        scale = self.catalogue.scale
        for score in range(scale.minimum, scale.maximum):
            canvas.drawPath(_polygon(canvas, placement.map_all(layout.ring(score))), stroke=1)
        centre = placement.map(layout.centre)
        canvas.setLineWidth(0.4)
        for axis in layout.axes:
            outer = placement.map(axis.outer)
            canvas.line(centre.x, centre.y, outer.x, outer.y)
        canvas.setStrokeColor(_colour(tg.OUTLINE_COLOUR))
        canvas.setLineWidth(tg.OUTLINE_LINE_WIDTH)
        canvas.drawPath(_polygon(canvas, triangle), stroke=1, fill=0)
        number_size = max(6.0, min(8.5, self.width / 55))
        self._draw_ring_numbers(layout, placement, number_size)
        for item in sorted(self.series, key=lambda s: s.highlighted):
            _draw_series(canvas, layout, placement, item)
        canvas.setFillColor(_colour(tg.TEXT_COLOUR))
        canvas.setFont(FONT_BOLD, number_size)
        for axis in layout.axes:
            anchor = placement.map(axis.label_anchor)
            canvas.drawCentredString(anchor.x, anchor.y - number_size * 0.35, str(axis.number))
        title_size = number_size + 1
        canvas.setFont(FONT_BOLD, title_size)
        for side, catalogue_side in zip(layout.sides, self.catalogue.sides, strict=True):
            anchor = placement.map(side.title_anchor)
            canvas.saveState()
            canvas.translate(anchor.x, anchor.y)
            canvas.rotate(placement.angle(side.title_angle))
            canvas.drawCentredString(
                0, -title_size * 0.35, catalogue_side.title.get(self.context.lang)
            )
            canvas.restoreState()
        canvas.restoreState()

    def _draw_ring_numbers(
        self, layout: tg.TriangleLayout, placement: tg.Placement, size: float
    ) -> None:
        """Each score on its ring where the ring crosses the line from the centre to the apex,
        on a small disc of the triangle's fill that interrupts the ring's lines there."""
        canvas = self.canv
        canvas.setFont(FONT_BOLD, size)
        scale = self.catalogue.scale
        for score in range(scale.minimum, scale.maximum + 1):
            apex = placement.map(layout.ring(score)[1])
            canvas.setFillColor(_colour(tg.FILL_COLOUR))
            canvas.circle(apex.x, apex.y, size * 0.75, stroke=0, fill=1)
            canvas.setFillColor(_colour(tg.OUTLINE_COLOUR))
            canvas.drawCentredString(apex.x, apex.y - size * 0.36, str(score))


def triangle_drawing(
    catalogue: Catalogue,
    series: Sequence[Series],
    *,
    width: float,
    context: PrintContext,
) -> TriangleDrawing:
    return TriangleDrawing(catalogue, series, width=width, context=context)


class LegendSample(Flowable):  # type: ignore[misc]
    """A short stretch of a series' line with its marker."""

    def __init__(self, style_key: str, *, highlighted: bool = False) -> None:
        super().__init__()
        self.style = tg.series_style(style_key)
        self.line_width = tg.HIGHLIGHT_LINE_WIDTH if highlighted else tg.SERIES_LINE_WIDTH
        self.width, self.height = 16 * mm, 4 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        colour = _colour(self.style.colour)
        middle = self.height / 2
        canvas.saveState()
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(self.line_width)
        canvas.setLineCap(0)
        canvas.setDash(list(self.style.dash_lengths(self.line_width)) or [], 0)
        canvas.line(0, middle, self.width, middle)
        canvas.setFillColor(colour)
        _marker(canvas, self.style.marker, tg.Point(self.width / 2, middle), tg.MARKER_RADIUS)
        canvas.restoreState()


def legend_sample(style_key: str, *, highlighted: bool = False) -> LegendSample:
    return LegendSample(style_key, highlighted=highlighted)


def legend_table(series: Sequence[Series], styles: Styles, width: float) -> Table:
    rows = [
        [
            legend_sample(item.style_key, highlighted=item.highlighted),
            rich(
                f"<b>{markup(item.label)}</b><br/>{markup(item.date_text)}",
                styles.cell,
            ),
        ]
        for item in series
    ]
    table = grid_table(rows, [18 * mm, width - 18 * mm], header=False, padding=2)
    return table


SHORT_CELL = 6  # characters that surely fit a score column without wrapping


def score_table(
    catalogue: Catalogue,
    series: Sequence[Series],
    *,
    styles: Styles,
    context: PrintContext,
    width: float,
    marked: frozenset[str] = frozenset(),
    caption: str = "",
) -> Table:
    """N. | sub-dimension | one column per series; side titles as group rows.

    `marked` sub-dimensions (objectives in the micro-project) get a "●" after their label. A
    `caption` (the child's name in the report) heads the table and is repeated with its header
    on every page it runs onto.
    """
    layout = tg.layout_for(catalogue)
    score_width = 16 * mm
    label_width = width - 9 * mm - score_width * len(series)
    header: list[object] = [
        Paragraph("N.", styles.cell_bold),
        Paragraph(context._("Sottodimensione"), styles.cell_bold),
    ]
    header += [Paragraph(markup(item.short), styles.cell_bold) for item in series]
    rows: list[list[object]] = [header]
    if caption:
        rows.insert(0, [Paragraph(markup(caption), styles.cell_bold)] + [""] * (1 + len(series)))
    side_rows: list[int] = []
    short_nv = catalogue.scale.not_assessable_short.get(context.lang)
    for side in catalogue.sides:
        side_rows.append(len(rows))
        rows.append(
            [Paragraph(markup(side.title.get(context.lang)), styles.cell_bold)]
            + [""] * (1 + len(series))
        )
        for sub in side.subdimensions:
            axis = layout.axis(sub.sub_id)
            label = markup(sub.label.get(context.lang))
            if sub.sub_id in marked:
                label += " ●"
            # numbers and scores are plain strings (much cheaper to lay out than Paragraphs);
            # a catalogue's own longer "n.v." wording still gets a Paragraph, which wraps
            row: list[object] = [str(axis.number if axis else ""), Paragraph(label, styles.cell)]
            for item in series:
                if sub.sub_id not in item.scores:
                    text = "–"
                else:
                    score = item.scores[sub.sub_id]
                    text = short_nv if score is None else str(score)
                if len(text) > SHORT_CELL:
                    style = styles.cell_bold if item.highlighted else styles.cell
                    row.append(Paragraph(markup(text), style))
                else:
                    row.append(text)
            rows.append(row)
    header_rows = 2 if caption else 1
    table = grid_table(
        rows,
        [9 * mm, label_width] + [score_width] * len(series),
        padding=2,
        header_rows=header_rows,
    )
    commands: list[tuple[object, ...]] = [
        ("FONTSIZE", (0, header_rows), (-1, -1), styles.cell.fontSize),
        ("LEADING", (0, header_rows), (-1, -1), styles.cell.leading),
    ]
    if caption:
        commands += [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), colors.white)]
    for column, item in enumerate(series, start=2):
        if item.highlighted:
            commands.append(("FONTNAME", (column, header_rows), (column, -1), FONT_BOLD))
    for index in side_rows:
        commands += [
            ("SPAN", (0, index), (-1, index)),
            ("BACKGROUND", (0, index), (-1, index), SHADE),
            ("NOSPLIT", (0, index), (-1, index + 1)),  # a side's title stays with its first row
        ]
    table.setStyle(commands)
    return table


def scale_legend(catalogue: Catalogue, styles: Styles, context: PrintContext) -> Paragraph:
    """ "1 Problema grave · 2 Problema · … · n.v. Non valutabile", from the catalogue."""
    scale = catalogue.scale
    parts = [
        f"<b>{value.value}</b> {markup(value.label.get(context.lang))}" for value in scale.values
    ]
    parts.append(
        f"<b>{markup(scale.not_assessable_short.get(context.lang))}</b> "
        f"{markup(scale.not_assessable_label.get(context.lang))}"
    )
    return rich(" · ".join(parts), styles.muted)
