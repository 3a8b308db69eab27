"""The triangle's shared geometry and palette: what print and screen both draw from."""

from __future__ import annotations

import itertools
import math

import pytest

from pippi_desktop.domain import triangle_geometry as tg
from pippi_desktop.services.reference_data import default_catalogue

SIDES = [
    ("bambino", ["b1", "b2", "b3", "b4", "b5", "b6", "b7"]),
    ("genitori", ["g1", "g2", "g3", "g4", "g5"]),
    ("ambiente", ["a1", "a2", "a3", "a4", "a5", "a6"]),
]


@pytest.fixture
def layout() -> tg.TriangleLayout:
    return tg.triangle_layout(SIDES, minimum=1, maximum=6)


def _distance_to_segment(p: tg.Point, a: tg.Point, b: tg.Point) -> float:
    ab = (b.x - a.x, b.y - a.y)
    t = ((p.x - a.x) * ab[0] + (p.y - a.y) * ab[1]) / (ab[0] ** 2 + ab[1] ** 2)
    t = min(1.0, max(0.0, t))
    return math.dist(p, (a.x + t * ab[0], a.y + t * ab[1]))


def test_equilateral_with_centroid_at_origin(layout: tg.TriangleLayout) -> None:
    bl, apex, br = layout.vertices
    sides = [math.dist(bl, apex), math.dist(apex, br), math.dist(br, bl)]
    assert max(sides) - min(sides) < 1e-12
    assert abs(sum(v.x for v in layout.vertices)) < 1e-12
    assert abs(sum(v.y for v in layout.vertices)) < 1e-12
    assert apex.y > 0 > bl.y  # y up in the unit frame
    # clockwise: left side, right side, base
    assert [s.side_id for s in layout.sides] == ["bambino", "genitori", "ambiente"]
    assert layout.sides[0].start == bl and layout.sides[0].end == apex
    assert layout.sides[2].start == br and layout.sides[2].end == bl


def test_axes_are_numbered_clockwise_and_sit_evenly_on_their_side(
    layout: tg.TriangleLayout,
) -> None:
    assert [a.number for a in layout.axes] == list(range(1, 19))
    assert [a.sub_id for a in layout.axes] == [sub for _, subs in SIDES for sub in subs]
    for side, (_, subs) in zip(layout.sides, SIDES, strict=True):
        axes = [a for a in layout.axes if a.side_index == side.index]
        assert len(axes) == len(subs)
        length = math.dist(side.start, side.end)
        for position, axis in enumerate(axes):
            assert _distance_to_segment(axis.outer, side.start, side.end) < 1e-12
            along = math.dist(side.start, axis.outer) / length
            assert along == pytest.approx((position + 0.5) / len(subs))


def test_scores_move_outwards_from_inner_fraction_to_the_side(
    layout: tg.TriangleLayout,
) -> None:
    for axis in layout.axes:
        distances = [math.dist((0, 0), layout.point(axis.sub_id, s)) for s in range(1, 7)]
        assert distances == sorted(distances) and len(set(distances)) == 6
        assert layout.point(axis.sub_id, 6) == pytest.approx(axis.outer)
        assert distances[0] == pytest.approx(tg.INNER_FRACTION * math.dist((0, 0), axis.outer))
    assert tg.radius_fraction(1, 1, 6) == tg.INNER_FRACTION
    assert tg.radius_fraction(6, 1, 6) == 1.0
    assert tg.radius_fraction(99, 1, 6) == 1.0  # clamped, never outside the triangle
    assert layout.point("b1", None) is None and layout.point("nope", 3) is None
    with pytest.raises(ValueError):
        tg.radius_fraction(3, 6, 6)


def test_every_point_of_a_score_lies_on_that_scores_ring(layout: tg.TriangleLayout) -> None:
    for score in range(1, 7):
        bl, apex, br = layout.ring(score)
        for axis in layout.axes:
            point = layout.point(axis.sub_id, score)
            assert point is not None
            edge = ((bl, apex), (apex, br), (br, bl))[axis.side_index]
            assert _distance_to_segment(point, *edge) < 1e-12


def test_series_follows_axis_order_and_leaves_out_missing_and_not_assessable(
    layout: tg.TriangleLayout,
) -> None:
    scores = {"b1": 3, "b2": None, "g1": 5, "a6": 1, "unknown": 4}
    points = layout.series(scores)
    assert points == (layout.point("b1", 3), layout.point("g1", 5), layout.point("a6", 1))
    assert [axis.sub_id for axis, _ in layout.scored(scores)] == ["b1", "g1", "a6"]


def test_labels_and_titles_sit_outside_the_triangle_and_read_upright(
    layout: tg.TriangleLayout,
) -> None:
    for axis in layout.axes:
        side = layout.sides[axis.side_index]
        outward = (axis.label_anchor.x - axis.outer.x) * side.normal.x + (
            axis.label_anchor.y - axis.outer.y
        ) * side.normal.y
        assert outward == pytest.approx(tg.AXIS_LABEL_OFFSET)
    for side in layout.sides:
        assert math.hypot(*side.normal) == pytest.approx(1.0)
        assert -90 <= side.title_angle <= 90
        inside = math.dist(
            (0, 0), ((side.start.x + side.end.x) / 2, (side.start.y + side.end.y) / 2)
        )
        assert math.dist((0, 0), side.title_anchor) == pytest.approx(inside + tg.TITLE_OFFSET)
    assert [round(s.title_angle) for s in layout.sides] == [60, -60, 0]


@pytest.mark.parametrize("y_down", [False, True])
def test_fit_keeps_triangle_and_labels_inside_the_box(
    layout: tg.TriangleLayout, y_down: bool
) -> None:
    x, y, width, height = 10.0, 20.0, 300.0, 240.0
    placement = tg.fit(x, y, width, height, y_down=y_down)
    points = [*layout.vertices, *(a.label_anchor for a in layout.axes)]
    points += [s.title_anchor for s in layout.sides]
    for point in placement.map_all(points):
        assert x - 1e-9 <= point.x <= x + width + 1e-9
        assert y - 1e-9 <= point.y <= y + height + 1e-9
    bl, apex, _ = placement.map_all(layout.vertices)
    assert (apex.y < bl.y) if y_down else (apex.y > bl.y)  # the apex is at the top
    assert placement.angle(60) == (-60 if y_down else 60)
    assert placement.length(1.0) == placement.scale > 0


def test_layout_for_the_default_catalogue() -> None:
    catalogue = default_catalogue()
    layout = tg.layout_for(catalogue)
    assert [a.sub_id for a in layout.axes] == [s.sub_id for s in catalogue.subdimensions()]
    assert (layout.minimum, layout.maximum) == (catalogue.scale.minimum, catalogue.scale.maximum)
    with pytest.raises(ValueError):
        tg.triangle_layout(SIDES[:2], minimum=1, maximum=6)


# --- the palette ---------------------------------------------------------------------------


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _lab(rgb_linear: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = rgb_linear
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


# Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB.
_CVD = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def _seen(style: tg.SeriesStyle, vision: str | None) -> tuple[float, float, float]:
    rgb = tuple(_linear(c) for c in style.rgb)
    if vision is None:
        return _lab(rgb)  # type: ignore[arg-type]
    matrix = _CVD[vision]
    simulated = tuple(
        min(1.0, max(0.0, sum(matrix[i][j] * rgb[j] for j in range(3)))) for i in range(3)
    )
    return _lab(simulated)  # type: ignore[arg-type]


MAIN = [tg.SERIES_STYLES[key] for key in ("T0", "T1", "T2")]


def test_time_points_differ_in_greyscale() -> None:
    lightness = [_seen(style, None)[0] for style in MAIN]
    for a, b in itertools.combinations(lightness, 2):
        assert abs(a - b) >= 20, lightness  # a black-and-white photocopy still tells them apart


@pytest.mark.parametrize("vision", [None, *_CVD])
def test_time_points_stay_apart_for_colour_blind_readers(vision: str | None) -> None:
    for a, b in itertools.combinations(MAIN, 2):
        delta_e = math.dist(_seen(a, vision), _seen(b, vision))
        assert delta_e >= 40, (vision, a.key, b.key, delta_e)


def test_every_style_has_its_own_line_and_marker() -> None:
    styles = list(tg.SERIES_STYLES.values())
    assert len({s.colour for s in styles}) == len(styles)
    assert len({s.dash for s in styles}) == len(styles)
    assert len({s.marker for s in styles}) == len(styles)
    assert tg.SERIES_STYLES["T2"].dash == ()  # the final assessment: a solid line
    assert tg.series_style("extra") is tg.series_style("T9") is tg.SERIES_STYLES["extra"]
    assert tg.SERIES_STYLES["T0"].rgb == pytest.approx((0xE6 / 255, 0x9F / 255, 0.0))
    assert tg.SERIES_STYLES["T0"].dash_lengths(2.0) == (8.0, 5.0)


@pytest.mark.parametrize("shape", list(tg.MarkerShape))
def test_markers_have_about_the_area_of_the_circle(shape: tg.MarkerShape) -> None:
    outline = tg.marker_outline(shape, tg.Point(10, 20), 3.0)
    if shape is tg.MarkerShape.CIRCLE:
        assert outline == ()
        return
    area = 0.5 * abs(
        sum(a.x * b.y - b.x * a.y for a, b in zip(outline, outline[1:] + outline[:1], strict=True))
    )
    assert area == pytest.approx(math.pi * 9, rel=0.25)
    assert sum(p.x for p in outline) / len(outline) == pytest.approx(10, abs=0.5)
