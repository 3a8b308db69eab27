"""The triangle drawn as vector graphics, its legend and its score table (filled form, report).

The geometry, colours, dash patterns and markers come from `domain.triangle_geometry`, the
same module the GUI paints from. Axis numbers on the drawing refer to the score table, which
carries the catalogue's own labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table

from pippi_desktop.domain import triangle_geometry as tg
from pippi_desktop.domain.catalogue import Catalogue
from pippi_desktop.reports.style import (
    FONT_BOLD,
    SHADE,
    PrintContext,
    Styles,
    grid_table,
    markup,
    new_drawing,
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


def _flat(points: Sequence[tg.Point]) -> list[float]:
    return [value for point in points for value in point]


def _marker(shape: tg.MarkerShape, centre: tg.Point, radius: float, fill: colors.Color) -> object:
    if shape is tg.MarkerShape.CIRCLE:
        return Circle(
            centre.x, centre.y, radius, fillColor=fill, strokeColor=colors.white, strokeWidth=0.6
        )
    outline = tg.marker_outline(shape, centre, radius)
    return Polygon(_flat(outline), fillColor=fill, strokeColor=colors.white, strokeWidth=0.6)


def _series_shapes(
    layout: tg.TriangleLayout, placement: tg.Placement, series: Series
) -> list[object]:
    style = tg.series_style(series.style_key)
    colour = _colour(style.colour)
    width = tg.HIGHLIGHT_LINE_WIDTH if series.highlighted else tg.SERIES_LINE_WIDTH
    points = placement.map_all(layout.series(series.scores))
    shapes: list[object] = []
    if len(points) >= 2:
        closed = [*points, points[0]] if len(points) > 2 else list(points)
        shapes.append(
            PolyLine(
                _flat(closed),
                strokeColor=colour,
                strokeWidth=width,
                strokeDashArray=list(style.dash_lengths(width)) or None,
                strokeLineCap=0,
                strokeLineJoin=1,
            )
        )
    radius = tg.MARKER_RADIUS * (1.15 if series.highlighted else 1.0)
    for _axis, point in layout.scored(series.scores):
        shapes.append(_marker(style.marker, placement.map(point), radius, colour))
    return shapes


def triangle_drawing(
    catalogue: Catalogue,
    series: Sequence[Series],
    *,
    width: float,
    context: PrintContext,
) -> Drawing:
    """The triangle with its grid, numbered axes, side titles and one polygon per series."""
    layout = tg.layout_for(catalogue)
    height = width * 0.9
    drawing = new_drawing(width, height)
    placement = tg.fit(0, 0, width, height)
    grey = _colour(tg.GRID_COLOUR)
    ink = _colour(tg.TEXT_COLOUR)
    drawing.add(
        Polygon(
            _flat(placement.map_all(layout.vertices)),
            fillColor=_colour(tg.FILL_COLOUR),
            strokeColor=None,
        )
    )
    scale = catalogue.scale
    for score in range(scale.minimum, scale.maximum):
        drawing.add(
            Polygon(
                _flat(placement.map_all(layout.ring(score))),
                fillColor=None,
                strokeColor=grey,
                strokeWidth=tg.GRID_LINE_WIDTH,
            )
        )
    number_size = max(6.0, min(8.5, width / 55))
    centre = placement.map(layout.centre)
    for axis in layout.axes:
        outer = placement.map(axis.outer)
        drawing.add(Line(centre.x, centre.y, outer.x, outer.y, strokeColor=grey, strokeWidth=0.4))
    drawing.add(
        Polygon(
            _flat(placement.map_all(layout.vertices)),
            fillColor=None,
            strokeColor=_colour(tg.OUTLINE_COLOUR),
            strokeWidth=tg.OUTLINE_LINE_WIDTH,
        )
    )
    ordered = sorted(series, key=lambda s: s.highlighted)  # the page's own assessment on top
    for item in ordered:
        for shape in _series_shapes(layout, placement, item):
            drawing.add(shape)
    for axis in layout.axes:
        anchor = placement.map(axis.label_anchor)
        drawing.add(
            String(
                anchor.x,
                anchor.y - number_size * 0.35,
                str(axis.number),
                fontName=FONT_BOLD,
                fontSize=number_size,
                fillColor=ink,
                textAnchor="middle",
            )
        )
    title_size = number_size + 1
    for side, catalogue_side in zip(layout.sides, catalogue.sides, strict=True):
        anchor = placement.map(side.title_anchor)
        group = Group(
            String(
                0,
                -title_size * 0.35,
                catalogue_side.title.get(context.lang),
                fontName=FONT_BOLD,
                fontSize=title_size,
                fillColor=ink,
                textAnchor="middle",
            )
        )
        group.translate(anchor.x, anchor.y)
        group.rotate(placement.angle(side.title_angle))
        drawing.add(group)
    return drawing


def legend_sample(style_key: str, *, highlighted: bool = False) -> Drawing:
    """A short stretch of a series' line with its marker, for legends."""
    style = tg.series_style(style_key)
    width = tg.HIGHLIGHT_LINE_WIDTH if highlighted else tg.SERIES_LINE_WIDTH
    drawing = new_drawing(16 * mm, 4 * mm)
    colour = _colour(style.colour)
    drawing.add(
        PolyLine(
            [0, 2 * mm, 16 * mm, 2 * mm],
            strokeColor=colour,
            strokeWidth=width,
            strokeDashArray=list(style.dash_lengths(width)) or None,
            strokeLineCap=0,
        )
    )
    drawing.add(_marker(style.marker, tg.Point(8 * mm, 2 * mm), tg.MARKER_RADIUS, colour))
    return drawing


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


def score_table(
    catalogue: Catalogue,
    series: Sequence[Series],
    *,
    styles: Styles,
    context: PrintContext,
    width: float,
    marked: frozenset[str] = frozenset(),
) -> Table:
    """N. | sub-dimension | one column per series; side titles as group rows.

    `marked` sub-dimensions (objectives in the micro-project) get a "●" after their label.
    """
    layout = tg.layout_for(catalogue)
    score_width = 16 * mm
    label_width = width - 9 * mm - score_width * len(series)
    header: list[object] = [
        Paragraph("N.", styles.cell_bold),
        Paragraph(context.t("Sottodimensione", "Sub-dimension"), styles.cell_bold),
    ]
    header += [Paragraph(markup(item.short), styles.cell_bold) for item in series]
    rows: list[list[object]] = [header]
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
            row: list[object] = [
                Paragraph(str(axis.number if axis else ""), styles.cell),
                Paragraph(label, styles.cell),
            ]
            for item in series:
                if sub.sub_id not in item.scores:
                    text = "–"
                else:
                    score = item.scores[sub.sub_id]
                    text = short_nv if score is None else str(score)
                style = styles.cell_bold if item.highlighted else styles.cell
                row.append(Paragraph(markup(text), style))
            rows.append(row)
    table = grid_table(rows, [9 * mm, label_width] + [score_width] * len(series), padding=2)
    for index in side_rows:
        table.setStyle(
            [
                ("SPAN", (0, index), (-1, index)),
                ("BACKGROUND", (0, index), (-1, index), SHADE),
            ]
        )
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
