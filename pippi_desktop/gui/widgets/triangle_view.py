"""The triangle of "Il Mondo del Bambino", painted with QPainter from the shared geometry.

`domain/triangle_geometry.py` (shared with the printed forms) gives the layout — axes, rings,
where a score sits — and the style of each time point (Okabe–Ito colour, dash pattern, marker
shape), so the screen and paper show the same triangle. This widget draws:

- the three sides with their titles, one axis per sub-dimension, numbered; the number of a
  sub-dimension that has objectives in the micro-project is drawn in a dark disc ("marked");
- one polygon per assessment of the same child (T0, T1, T2, extra), each in its colour, dash
  and marker; the assessment the view is about is drawn thicker;
- a legend: the time points with their dates, the marked-number sign, and the key from
  numbers to sub-dimension names.

Clicking an axis, its number or its line in the key emits `subdimension_clicked(sub_id)`.
The state drawn is public (`catalogue`, `series`, `highlight`, `marked`) for tests.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from pippi_desktop.domain import triangle_geometry as tg
from pippi_desktop.domain.catalogue import Catalogue
from pippi_desktop.domain.i18n import _
from pippi_desktop.gui.i18n import current_lang

HIT_PIXELS = 10.0
LEGEND_GAP = 16.0


@dataclass(frozen=True)
class Series:
    """One assessment drawn: its label ("T0 · 12/03/2026"), time point and scores."""

    assessment_id: str
    time_point: str
    label: str
    scores: dict[str, int | None]


def _colour(hex_colour: str) -> QColor:
    return QColor(hex_colour)


class TriangleView(QWidget):
    subdimension_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue: Catalogue | None = None
        self.layout_: tg.TriangleLayout | None = None
        self.series: list[Series] = []
        self.highlight: str | None = None  # assessment id drawn thicker
        self.marked: frozenset[str] = frozenset()
        self.empty_text = ""
        self._placement: tg.Placement | None = None
        self._key_rows: list[tuple[QRectF, str]] = []
        self.setMouseTracking(True)
        self.setMinimumSize(320, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # --- state --------------------------------------------------------------------------

    def set_triangle(
        self,
        catalogue: Catalogue | None,
        series: list[Series],
        *,
        highlight: str | None = None,
        marked: frozenset[str] = frozenset(),
    ) -> None:
        self.catalogue = catalogue
        self.layout_ = tg.layout_for(catalogue) if catalogue is not None else None
        order = {key: index for index, key in enumerate(tg.SERIES_ORDER)}
        self.series = sorted(series, key=lambda s: order.get(s.time_point, len(order)))
        self.highlight = highlight
        self.marked = marked
        self.setAccessibleDescription(self.describe())
        self.update()

    def clear(self) -> None:
        self.set_triangle(None, [])

    def set_empty_text(self, text: str) -> None:
        self.empty_text = text
        self.update()

    def describe(self) -> str:
        """The scores of the highlighted assessment in words (for screen readers)."""
        if self.catalogue is None or not self.series:
            return self.empty_text
        lang = current_lang()
        chosen = next((s for s in self.series if s.assessment_id == self.highlight), self.series[0])
        parts = [chosen.label]
        for sub in self.catalogue.subdimensions():
            if sub.sub_id in chosen.scores:
                score = chosen.scores[sub.sub_id]
                parts.append(f"{sub.label.get(lang)}: {self.catalogue.scale.label(score, lang)}")
        return "; ".join(parts)

    def sizeHint(self) -> QSize:
        return QSize(560, 420)

    # --- geometry -----------------------------------------------------------------------

    def _areas(self) -> tuple[QRectF, QRectF]:
        """(triangle box, legend box): legend on the right when wide, below when tall."""
        full = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        if full.width() >= full.height() * 1.15:
            legend_width = min(max(full.width() * 0.42, 220.0), 360.0)
            triangle = QRectF(full.left(), full.top(), full.width() - legend_width, full.height())
            legend = QRectF(
                triangle.right() + LEGEND_GAP, full.top(), legend_width - LEGEND_GAP, full.height()
            )
        else:
            legend_height = min(full.height() * 0.45, 300.0)
            triangle = QRectF(full.left(), full.top(), full.width(), full.height() - legend_height)
            legend = QRectF(full.left(), triangle.bottom() + 8, full.width(), legend_height - 8)
        return triangle, legend

    def _point(self, unit: tg.Point) -> QPointF:
        assert self._placement is not None
        mapped = self._placement.map(unit)
        return QPointF(mapped.x, mapped.y)

    def hit(self, position: QPointF) -> str | None:
        """The sub-dimension under `position` (its axis, number or key line), if any."""
        for rect, sub_id in self._key_rows:
            if rect.contains(position):
                return sub_id
        if self.layout_ is None or self._placement is None:
            return None
        best, best_distance = None, HIT_PIXELS
        centre = self._point(self.layout_.centre)
        for axis in self.layout_.axes:
            label = self._point(axis.label_anchor)
            distance = min(
                _segment_distance(position, centre, label),
                math.dist((position.x(), position.y()), (label.x(), label.y())) - 4,
            )
            if distance < best_distance:
                best, best_distance = axis.sub_id, distance
        return best

    def axis_position(self, sub_id: str) -> QPointF | None:
        """Where the number of a sub-dimension is drawn (to click it in tests)."""
        if self.layout_ is None or self._placement is None:
            return None
        axis = self.layout_.axis(sub_id)
        return self._point(axis.label_anchor) if axis is not None else None

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self._key_rows = []
        if self.layout_ is None or self.catalogue is None:
            self._placement = None
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(self.rect()).adjusted(16, 16, -16, -16),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.empty_text,
            )
            painter.end()
            return
        triangle_box, legend_box = self._areas()
        self._placement = tg.fit(
            triangle_box.x(),
            triangle_box.y(),
            triangle_box.width(),
            triangle_box.height(),
            y_down=True,
        )
        self._paint_grid(painter)
        self._paint_labels(painter)
        for series in self.series:
            self._paint_series(painter, series)
        self._paint_legend(painter, legend_box)
        painter.end()

    def _pen(self, colour: str, width: float) -> QPen:
        pen = QPen(_colour(colour))
        pen.setWidthF(width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def _polygon(self, points: tuple[tg.Point, ...]) -> QPolygonF:
        return QPolygonF([self._point(p) for p in points])

    def _paint_grid(self, painter: QPainter) -> None:
        layout = self.layout_
        assert layout is not None
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_colour(tg.FILL_COLOUR))
        painter.drawPolygon(self._polygon(layout.vertices))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self._pen(tg.GRID_COLOUR, tg.GRID_LINE_WIDTH + 0.3))
        for score in range(layout.minimum, layout.maximum):
            painter.drawPolygon(self._polygon(layout.ring(score)))
        centre = self._point(layout.centre)
        for axis in layout.axes:
            inner = layout.inner(axis.sub_id)
            assert inner is not None
            painter.drawLine(self._point(inner), self._point(axis.outer))
        painter.drawPoint(centre)
        painter.setPen(self._pen(tg.OUTLINE_COLOUR, tg.OUTLINE_LINE_WIDTH))
        painter.drawPolygon(self._polygon(layout.vertices))

    def _paint_labels(self, painter: QPainter) -> None:
        layout, catalogue, placement = self.layout_, self.catalogue, self._placement
        assert layout is not None and catalogue is not None and placement is not None
        lang = current_lang()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        bold = QFont(small)
        bold.setBold(True)
        text_colour = _colour(tg.TEXT_COLOUR)
        for axis in layout.axes:
            centre = self._point(axis.label_anchor)
            radius = 8.0
            box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
            if axis.sub_id in self.marked:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(text_colour)
                painter.drawEllipse(box)
                painter.setPen(QColor("#FFFFFF"))
                painter.setFont(bold)
            else:
                painter.setPen(text_colour)
                painter.setFont(small)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), str(axis.number))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        metrics = QFontMetricsF(title_font)
        side_length = placement.length(math.sqrt(3))
        for side, side_layout in zip(catalogue.sides, layout.sides, strict=True):
            anchor = self._point(side_layout.title_anchor)
            title = metrics.elidedText(
                side.title.get(lang), Qt.TextElideMode.ElideRight, side_length
            )
            painter.save()
            painter.translate(anchor)
            painter.rotate(placement.angle(side_layout.title_angle))
            width = metrics.horizontalAdvance(title)
            painter.drawText(QPointF(-width / 2, metrics.ascent() / 2 - 1), title)
            painter.restore()

    def _paint_series(self, painter: QPainter, series: Series) -> None:
        layout = self.layout_
        assert layout is not None
        style = tg.series_style(series.time_point)
        chosen = series.assessment_id == self.highlight
        width = tg.HIGHLIGHT_LINE_WIDTH if chosen else tg.SERIES_LINE_WIDTH + 0.4
        pen = self._pen(style.colour, width)
        if style.dash:
            pen.setDashPattern(list(style.dash))
        points = layout.series(series.scores)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(pen)
        if len(points) >= 3 and len(points) == len(layout.axes):
            painter.drawPolygon(self._polygon(points))
        elif len(points) >= 2:
            painter.drawPolyline(self._polygon(points))
        painter.setPen(self._pen(style.colour, 1.0))
        painter.setBrush(_colour(style.colour))
        for _axis, point in layout.scored(series.scores):
            self._paint_marker(painter, style, point, tg.MARKER_RADIUS + (1.0 if chosen else 0.3))

    def _paint_marker(
        self, painter: QPainter, style: tg.SeriesStyle, unit_point: tg.Point, radius_px: float
    ) -> None:
        placement = self._placement
        assert placement is not None
        if style.marker is tg.MarkerShape.CIRCLE:
            centre = self._point(unit_point)
            painter.drawEllipse(centre, radius_px, radius_px)
            return
        outline = tg.marker_outline(style.marker, unit_point, radius_px / placement.scale)
        painter.drawPolygon(self._polygon(outline))

    def _paint_legend(self, painter: QPainter, box: QRectF) -> None:
        catalogue, layout = self.catalogue, self.layout_
        assert catalogue is not None and layout is not None
        lang = current_lang()
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.9))
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        line = metrics.height() + 3
        y = box.top() + metrics.ascent()
        text_colour = _colour(tg.TEXT_COLOUR)
        for series in self.series:
            style = tg.series_style(series.time_point)
            pen = self._pen(style.colour, tg.SERIES_LINE_WIDTH + 0.6)
            if style.dash:
                pen.setDashPattern(list(style.dash))
            painter.setPen(pen)
            mid = y - metrics.ascent() / 2 + 1
            painter.drawLine(QPointF(box.left(), mid), QPointF(box.left() + 34, mid))
            painter.setPen(self._pen(style.colour, 1.0))
            painter.setBrush(_colour(style.colour))
            self._legend_marker(painter, style, QPointF(box.left() + 17, mid))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(text_colour)
            label = series.label + ("  ◀" if series.assessment_id == self.highlight else "")
            painter.drawText(
                QPointF(box.left() + 42, y),
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, box.width() - 42),
            )
            y += line
        if self.marked:
            y += 2
            mid = y - metrics.ascent() / 2 + 1
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(text_colour)
            painter.drawEllipse(QPointF(box.left() + 17, mid), 7, 7)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(text_colour)
            painter.drawText(
                QPointF(box.left() + 42, y),
                metrics.elidedText(
                    self.marked_legend_text(), Qt.TextElideMode.ElideRight, box.width() - 42
                ),
            )
            y += line
        y += 6
        number_width = metrics.horizontalAdvance("00 ")
        rows_room = max(1, int((box.bottom() - y + metrics.ascent()) // line))
        columns = max(1, math.ceil(len(layout.axes) / rows_room))
        column_width = box.width() / columns
        top = y
        for index, axis in enumerate(layout.axes):
            column, row = divmod(index, rows_room)
            x = box.left() + column * column_width
            y = top + row * line
            sub = catalogue.subdimension(axis.sub_id)
            text = sub.label.get(lang) if sub else axis.sub_id
            font.setBold(axis.sub_id in self.marked)
            painter.setFont(font)
            painter.drawText(QPointF(x, y), f"{axis.number}")
            room = column_width - number_width - 8
            painter.drawText(
                QPointF(x + number_width, y),
                QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, room),
            )
            self._key_rows.append(
                (QRectF(x, y - metrics.ascent(), column_width - 8, line), axis.sub_id)
            )
        font.setBold(False)

    def _legend_marker(self, painter: QPainter, style: tg.SeriesStyle, centre: QPointF) -> None:
        radius = tg.MARKER_RADIUS + 0.5
        if style.marker is tg.MarkerShape.CIRCLE:
            painter.drawEllipse(centre, radius, radius)
            return
        outline = tg.marker_outline(style.marker, tg.Point(0, 0), radius)
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(centre.x() + p.x, centre.y() - p.y) for p in outline]))
        path.closeSubpath()
        painter.drawPath(path)

    def marked_legend_text(self) -> str:
        return _("sottodimensione con obiettivi nella micro-progettazione")

    # --- interaction --------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            sub_id = self.hit(event.position())
            if sub_id is not None:
                self.subdimension_clicked.emit(sub_id)
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.hit(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            sub_id = self.hit(QPointF(event.pos()))
            if sub_id is not None and self.catalogue is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_for(sub_id), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleDescription(self.describe())
            self.update()
        return super().event(event)

    def tooltip_for(self, sub_id: str) -> str:
        assert self.catalogue is not None
        lang = current_lang()
        lines = [self.catalogue.subdimension_label(sub_id, lang)]
        for series in self.series:
            if sub_id in series.scores:
                score = series.scores[sub_id]
                value = str(score) if score is not None else self.catalogue.scale.label(None, lang)
                lines.append(f"{series.time_point}: {value}")
        if sub_id in self.marked:
            lines.append(self.marked_legend_text())
        return "\n".join(lines)


def _segment_distance(p: QPointF, a: QPointF, b: QPointF) -> float:
    ax, ay, bx, by = a.x(), a.y(), b.x(), b.y()
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p.x() - ax) * dx + (p.y() - ay) * dy) / length))
    return math.dist((p.x(), p.y()), (ax + t * dx, ay + t * dy))
