"""The triangle of "Il Mondo del Bambino" as plain geometry and one palette, for print and screen.

The printed forms (ReportLab) and the GUI (QPainter) draw the same picture from this module, so
a family sees the same triangle on the laptop and on paper. Nothing here imports a drawing
library: points are plain numbers, colours are hex strings, dash patterns are numbers.

The picture
    An equilateral triangle in a *unit frame*: centre (centroid) at (0, 0), y pointing **up**,
    apex at (0, 1), bottom-left at (-√3/2, -1/2), bottom-right at (√3/2, -1/2). Going
    clockwise from the bottom-left corner, the sides are the catalogue's three sides in order:
    the left side (the child, "Di che cosa ho bisogno per crescere"), the right side (the
    parents), the base (the environment). Each sub-dimension is an *axis* from the centre to a
    point on its side, the sides divided evenly ((i + ½)/n along the side); axes are numbered 1…N
    clockwise, and the number is what the drawing prints beside the side (the labels go in a
    legend: they are too long to fit around a triangle).

    A score moves along its axis: the lowest score of the scale sits at `INNER_FRACTION` of the
    way from the centre, the highest on the side itself (`radius_fraction`). All points of one
    score therefore lie on a smaller triangle of the same shape (`TriangleLayout.ring`): those
    are the grid lines. One assessment is the polygon through its scores in axis order
    (`TriangleLayout.series`); "non valutabile" and missing scores are left out of it.

Placing it
    `fit(x, y, width, height, y_down=…)` gives a `Placement` mapping unit-frame points
    into a box of the canvas: ReportLab has y up (`y_down=False`), Qt has y down
    (`y_down=True`). Rotated text (the side titles) uses `placement.angle(side.title_angle)`.

Time points (`SERIES_STYLES`)
    Okabe–Ito colours that stay apart for colour-blind readers and in greyscale (lightness
    L* 71, 46 and 0), each with its own dash pattern and marker shape, so that a black-and-white
    photocopy still tells T0, T1 and T2 apart:

    ======  =========  ==========  ================  ========
    key     colour     name        line              marker
    ======  =========  ==========  ================  ========
    T0      #E69F00    orange      dashed (4, 2.5)   circle
    T1      #0072B2    blue        dotted (1, 2)     square
    T2      #000000    black       solid             triangle
    extra   #CC79A7    purple      dash-dot          diamond
    ======  =========  ==========  ================  ========

    Dash lengths are in units of the line width (Qt's `QPen.setDashPattern` convention; for
    ReportLab multiply by the width: `SeriesStyle.dash_lengths(width)`), with flat caps.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from pippi_desktop.domain.catalogue import Catalogue

SQRT3_2 = math.sqrt(3) / 2
INNER_FRACTION = 0.2  # where the lowest score sits, as a fraction of the way centre → side
AXIS_LABEL_OFFSET = 0.08  # axis numbers: this far outside the side (unit frame)
TITLE_OFFSET = 0.22  # side titles: this far outside the side (unit frame)
LABEL_ROOM = 0.3  # room kept around the triangle by `fit` for numbers and titles

# Neutral colours of the drawing (the series have theirs in SERIES_STYLES).
OUTLINE_COLOUR = "#595959"  # the triangle's sides
GRID_COLOUR = "#C8C8C8"  # the rings of each score and the axes
FILL_COLOUR = "#F5F5F5"  # inside the triangle
TEXT_COLOUR = "#1A1A1A"

# Suggested sizes, in points on paper or device-independent pixels on screen.
SERIES_LINE_WIDTH = 1.6
HIGHLIGHT_LINE_WIDTH = 2.6  # the assessment the page or the view is about
GRID_LINE_WIDTH = 0.5
OUTLINE_LINE_WIDTH = 1.2
MARKER_RADIUS = 3.0


class Point(NamedTuple):
    x: float
    y: float


class MarkerShape(StrEnum):
    CIRCLE = "circle"
    SQUARE = "square"
    TRIANGLE = "triangle"
    DIAMOND = "diamond"


@dataclass(frozen=True)
class SeriesStyle:
    """How one time point is drawn: colour, dash pattern, marker."""

    key: str
    colour: str  # "#RRGGBB"
    dash: tuple[float, ...]  # on/off lengths in units of the line width; () is a solid line
    marker: MarkerShape

    @property
    def rgb(self) -> tuple[float, float, float]:
        """The colour as three floats from 0 to 1."""
        value = self.colour.lstrip("#")
        red, green, blue = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
        return red, green, blue

    def dash_lengths(self, line_width: float) -> tuple[float, ...]:
        """The dash pattern in absolute lengths for a line `line_width` wide (ReportLab)."""
        return tuple(part * line_width for part in self.dash)


SERIES_STYLES: Mapping[str, SeriesStyle] = {
    "T0": SeriesStyle("T0", "#E69F00", (4.0, 2.5), MarkerShape.CIRCLE),
    "T1": SeriesStyle("T1", "#0072B2", (1.0, 2.0), MarkerShape.SQUARE),
    "T2": SeriesStyle("T2", "#000000", (), MarkerShape.TRIANGLE),
    "extra": SeriesStyle("extra", "#CC79A7", (5.0, 2.0, 1.0, 2.0), MarkerShape.DIAMOND),
}
SERIES_ORDER = ("T0", "T1", "T2", "extra")


def series_style(time_point: str) -> SeriesStyle:
    """The style of a time point code; any code other than T0/T1/T2 is drawn as `extra`."""
    return SERIES_STYLES.get(time_point, SERIES_STYLES["extra"])


def marker_outline(shape: MarkerShape, centre: Point, radius: float) -> tuple[Point, ...]:
    """The corners of a marker in the unit frame's orientation (y up); () for a circle.

    A circle is drawn with the toolkit's own ellipse call, `radius` around `centre`. The other
    shapes have about the same area as that circle so that none looks heavier.
    """
    x, y = centre
    if shape is MarkerShape.SQUARE:
        half = radius * 0.89
        return (
            Point(x - half, y - half),
            Point(x + half, y - half),
            Point(x + half, y + half),
            Point(x - half, y + half),
        )
    if shape is MarkerShape.TRIANGLE:
        r = radius * 1.35
        return tuple(
            Point(x + r * math.cos(math.radians(a)), y + r * math.sin(math.radians(a)))
            for a in (90, 210, 330)
        )
    if shape is MarkerShape.DIAMOND:
        r = radius * 1.25
        return (Point(x, y + r), Point(x + r, y), Point(x, y - r), Point(x - r, y))
    return ()


def radius_fraction(score: float, minimum: int, maximum: int) -> float:
    """How far along its axis a score sits: `INNER_FRACTION` for the minimum, 1 for the maximum."""
    if maximum <= minimum:
        raise ValueError("the scale needs maximum > minimum")
    clamped = min(max(score, minimum), maximum)
    return INNER_FRACTION + (1 - INNER_FRACTION) * (clamped - minimum) / (maximum - minimum)


def _lerp(a: Point, b: Point, t: float) -> Point:
    return Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)


@dataclass(frozen=True)
class Axis:
    sub_id: str
    number: int  # 1…N clockwise from the bottom-left corner: printed beside the side
    side_index: int
    outer: Point  # where the axis meets the side (the highest score)
    label_anchor: Point  # centre of the axis number, outside the side


@dataclass(frozen=True)
class SideLayout:
    side_id: str
    index: int
    start: Point  # clockwise: the side runs from `start` to `end`
    end: Point
    normal: Point  # unit vector pointing out of the triangle
    title_anchor: Point  # centre of the side's title, outside the side
    title_angle: float  # degrees, counter-clockwise in the unit frame, text reads left to right


@dataclass(frozen=True)
class TriangleLayout:
    vertices: tuple[Point, Point, Point]  # bottom-left, apex, bottom-right
    sides: tuple[SideLayout, SideLayout, SideLayout]
    axes: tuple[Axis, ...]
    minimum: int
    maximum: int

    @property
    def centre(self) -> Point:
        return Point(0.0, 0.0)

    def axis(self, sub_id: str) -> Axis | None:
        return next((axis for axis in self.axes if axis.sub_id == sub_id), None)

    def point(self, sub_id: str, score: float | None) -> Point | None:
        """Where `score` sits on the axis of `sub_id`; None for no score or an unknown axis."""
        axis = self.axis(sub_id)
        if axis is None or score is None:
            return None
        return _lerp(self.centre, axis.outer, radius_fraction(score, self.minimum, self.maximum))

    def inner(self, sub_id: str) -> Point | None:
        """Where the axis starts (the lowest score)."""
        return self.point(sub_id, self.minimum)

    def ring(self, score: float) -> tuple[Point, Point, Point]:
        """The triangle on which every axis has `score`: a grid line."""
        fraction = radius_fraction(score, self.minimum, self.maximum)
        bl, apex, br = (_lerp(self.centre, v, fraction) for v in self.vertices)
        return bl, apex, br

    def series(self, scores: Mapping[str, int | None]) -> tuple[Point, ...]:
        """The polygon of one assessment, in axis order; missing and n.v. scores left out."""
        points = (self.point(axis.sub_id, scores.get(axis.sub_id)) for axis in self.axes)
        return tuple(p for p in points if p is not None)

    def scored(self, scores: Mapping[str, int | None]) -> tuple[tuple[Axis, Point], ...]:
        """(axis, point) for each axis with a score: where to put the markers."""
        result = []
        for axis in self.axes:
            point = self.point(axis.sub_id, scores.get(axis.sub_id))
            if point is not None:
                result.append((axis, point))
        return tuple(result)


def triangle_layout(
    sides: Sequence[tuple[str, Sequence[str]]], *, minimum: int, maximum: int
) -> TriangleLayout:
    """The layout of three sides, each `(side_id, [sub-dimension ids in order])`."""
    if len(sides) != 3:
        raise ValueError("a triangle has three sides")
    if maximum <= minimum:
        raise ValueError("the scale needs maximum > minimum")
    bottom_left, apex, bottom_right = Point(-SQRT3_2, -0.5), Point(0.0, 1.0), Point(SQRT3_2, -0.5)
    corners = ((bottom_left, apex), (apex, bottom_right), (bottom_right, bottom_left))
    side_layouts: list[SideLayout] = []
    axes: list[Axis] = []
    for index, ((side_id, sub_ids), (start, end)) in enumerate(zip(sides, corners, strict=True)):
        middle = _lerp(start, end, 0.5)
        length = math.hypot(middle.x, middle.y)
        normal = Point(middle.x / length, middle.y / length)  # the centre is the origin
        angle = math.degrees(math.atan2(end.y - start.y, end.x - start.x))
        if angle > 90 or angle < -90:  # keep text upright: read it left to right
            angle -= math.copysign(180, angle)
        side_layouts.append(
            SideLayout(
                side_id=side_id,
                index=index,
                start=start,
                end=end,
                normal=normal,
                title_anchor=Point(
                    middle.x + normal.x * TITLE_OFFSET, middle.y + normal.y * TITLE_OFFSET
                ),
                title_angle=angle,
            )
        )
        count = len(sub_ids)
        for position, sub_id in enumerate(sub_ids):
            outer = _lerp(start, end, (position + 0.5) / count)
            axes.append(
                Axis(
                    sub_id=sub_id,
                    number=len(axes) + 1,
                    side_index=index,
                    outer=outer,
                    label_anchor=Point(
                        outer.x + normal.x * AXIS_LABEL_OFFSET,
                        outer.y + normal.y * AXIS_LABEL_OFFSET,
                    ),
                )
            )
    return TriangleLayout(
        vertices=(bottom_left, apex, bottom_right),
        sides=(side_layouts[0], side_layouts[1], side_layouts[2]),
        axes=tuple(axes),
        minimum=minimum,
        maximum=maximum,
    )


def layout_for(catalogue: Catalogue) -> TriangleLayout:
    """The layout of a catalogue's sides and sub-dimensions, on its rating scale."""
    return triangle_layout(
        [(side.side_id, [sub.sub_id for sub in side.subdimensions]) for side in catalogue.sides],
        minimum=catalogue.scale.minimum,
        maximum=catalogue.scale.maximum,
    )


@dataclass(frozen=True)
class Placement:
    """Maps unit-frame points into a box of a canvas (y up for ReportLab, y down for Qt)."""

    scale: float  # canvas units per unit-frame unit
    origin: Point  # where the unit frame's (0, 0) lands
    y_down: bool

    def map(self, point: Point) -> Point:
        dy = -point.y if self.y_down else point.y
        return Point(self.origin.x + point.x * self.scale, self.origin.y + dy * self.scale)

    def map_all(self, points: Sequence[Point]) -> tuple[Point, ...]:
        return tuple(self.map(p) for p in points)

    def angle(self, degrees: float) -> float:
        """A unit-frame angle (counter-clockwise) as the canvas's rotation angle."""
        return -degrees if self.y_down else degrees

    def length(self, unit_length: float) -> float:
        return unit_length * self.scale


def fit(
    x: float,
    y: float,
    width: float,
    height: float,
    *,
    y_down: bool = False,
    label_room: float = LABEL_ROOM,
) -> Placement:
    """The largest placement of the triangle, with `label_room` around it, centred in the box.

    `(x, y)` is the box's lower-left corner when `y_down` is False (ReportLab), its top-left
    corner when True (Qt).
    """
    left, right = -SQRT3_2 - label_room, SQRT3_2 + label_room
    bottom, top = -0.5 - label_room, 1.0 + label_room
    scale = min(width / (right - left), height / (top - bottom))
    centre_x = x + width / 2 - (left + right) / 2 * scale
    if y_down:
        centre_y = y + height / 2 + (bottom + top) / 2 * scale
    else:
        centre_y = y + height / 2 - (bottom + top) / 2 * scale
    return Placement(scale=scale, origin=Point(centre_x, centre_y), y_down=y_down)
