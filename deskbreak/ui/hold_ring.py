"""The hold ring: a large countdown readable from across the room.

An arc shows the fraction of the segment left (full at the start, emptying
clockwise from twelve o'clock), the big number in the middle is the seconds
left with its unit ("18 s", "1:45 min") or the current rep of a counted set,
and a small caption underneath says what the number means ("HOLD", "REST",
"GET READY", "OF 10").

The ring takes the room its column leaves: it asks for a comfortable
diameter but shrinks to :meth:`HoldRing.minimumSizeHint` before anything
beside it has to scroll, and never grows past 1.5 times the comfortable size.

The ring only displays what it is given: the break window computes every
value from the routine player and the clock, never from the ring.

It repaints only what visibly changes (issue 19): the words when they
change, and the arc when its end has moved a pixel, and then at most
:data:`ARC_STEPS_PER_S` times a second of the countdown and only round its
end. The track is painted into a pixmap, kept until the size or the colours
change; the words are drawn on the widget (so they keep the desktop's
subpixel antialiasing), and only when the repaint reaches them.

With reduced motion (:meth:`HoldRing.set_reduced_motion`) the arc does not
sweep: it stands for the whole seconds the number shows and steps with it,
once a second.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap, QRegion
from PySide6.QtWidgets import QSizePolicy, QWidget

from deskbreak.ui import style
from deskbreak.ui.break_widgets import seconds_left

_BASE_DIAMETER = 220  # at a 10 pt system font
#: A countdown's arc moves at most this many times a second (and at least a pixel at a time).
ARC_STEPS_PER_S = 4
_FULL_CIRCLE = 360 * 16  # QPainter.drawArc's units: sixteenths of a degree


class HoldRing(QWidget):
    """A circular countdown; set its state with :meth:`set_state`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("holdRing")
        self.setAccessibleName("Countdown")
        self.setAccessibleDescription("Time or repetitions left in the current step")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.fraction = 1.0
        self.remaining = 0.0
        self.value_text = ""
        self.unit = ""
        self.caption = ""
        self.paused = False
        self._color: QColor | None = None
        self._shown_span = _FULL_CIRCLE  # the arc on screen, which follows fraction in visible steps
        self._reduced_motion = False
        self._kept: tuple[tuple, QPixmap] | None = None  # the track
        self.layer_builds = 0

    # -- state ------------------------------------------------------------

    def set_state(self, *, fraction: float, remaining: float, value_text: str, caption: str,
                  accessible: str, color: QColor | None = None, paused: bool = False,
                  unit: str = "") -> None:
        """Show ``value_text`` (and a smaller ``unit``) over ``caption``, ``fraction`` (0..1) of the arc left."""
        fraction = max(0.0, min(1.0, fraction))
        words_changed = (value_text, unit, caption) != (self.value_text, self.unit, self.caption)
        colors_changed = paused != self.paused or not style.same_color(color, self._color)
        self.fraction, self.remaining = fraction, remaining
        self.value_text, self.unit, self.caption = value_text, unit, caption
        self.paused, self._color = paused, color
        # Only when the words change: a screen reader should not hear every 100 ms tick.
        if accessible != self.accessibleName():
            self.setAccessibleName(accessible)
        span = self._target_span()
        shown = self._shown_span
        # Reduced, the target itself steps once a second: every step shows.
        moved = span != shown and (self._reduced_motion or words_changed or colors_changed
                                   or span in (0, _FULL_CIRCLE)
                                   or abs(span - shown) >= self._arc_step(fraction, remaining))
        if moved:
            self._shown_span = span
        if colors_changed:
            self.update()
            return
        dirty = QRegion(self._arc_between(shown, span)) if moved else QRegion()
        if words_changed:
            dirty += self._words_rect()
        if not dirty.isEmpty():
            self.update(dirty)

    @property
    def reduced_motion(self) -> bool:
        """Whether the arc steps once a second instead of sweeping."""
        return self._reduced_motion

    def set_reduced_motion(self, reduced: bool) -> None:
        self._reduced_motion = bool(reduced)

    def _target_span(self) -> int:
        """Where the arc's end belongs: ``fraction``, or with reduced motion the whole seconds left of it."""
        fraction, remaining = self.fraction, self.remaining
        if self._reduced_motion and fraction > 0 and remaining > 0:
            # The segment lasts remaining / fraction seconds; show the part the number counts.
            fraction = min(1.0, fraction * seconds_left(remaining) / remaining)
        return round(fraction * _FULL_CIRCLE)

    @property
    def shown_fraction(self) -> float:
        """The part of the arc on screen: ``fraction`` as of the last visible step."""
        return self._shown_span / _FULL_CIRCLE

    def _arc_step(self, fraction: float, remaining: float) -> float:
        """The least move of the arc's end worth a repaint, in sixteenths of a degree.

        A pixel along the ring, and no less than the countdown covers in
        1/:data:`ARC_STEPS_PER_S` of a second (its whole length is
        ``remaining / fraction`` seconds).
        """
        radius = max(1.0, self._ring_rect().width() / 2)
        pixel = _FULL_CIRCLE / (2 * math.pi * radius)
        if fraction <= 0 or remaining <= 0:
            return pixel
        per_second = _FULL_CIRCLE * fraction / remaining
        return max(pixel, per_second / ARC_STEPS_PER_S)

    def _arc_between(self, span_a: int, span_b: int) -> QRect:
        """The widget's rectangle round the arc between two ends (from twelve o'clock, clockwise)."""
        lo, hi = sorted((span_a, span_b))
        if hi - lo > _FULL_CIRCLE // 4:
            return self.rect()
        ring, thickness = self._ring_rect(), self._thickness()
        centre, radius = ring.center(), ring.width() / 2
        steps = max(1, math.ceil((hi - lo) / (10 * 16)))  # a point every 10 degrees or closer
        box = QRectF()
        for i in range(steps + 1):
            angle = math.radians(90 - (lo + (hi - lo) * i / steps) / 16)
            point = QPointF(centre.x() + radius * math.cos(angle), centre.y() - radius * math.sin(angle))
            box = box.united(QRectF(point, point))
        # The stroke's half width and its round cap, and a pixel of antialiasing.
        reach = thickness / 2 + 2
        return box.adjusted(-reach, -reach, reach, reach).toAlignedRect().intersected(self.rect())

    # -- geometry ---------------------------------------------------------

    def sizeHint(self) -> QSize:
        side = round(_BASE_DIAMETER * max(1.0, style.base_point_size() / 10.0))
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        side = round(self.sizeHint().width() * 0.55)
        return QSize(side, side)

    def diameter(self) -> int:
        """The circle's size in the current geometry: the smaller side, capped at 1.5 hints."""
        return min(self.width(), self.height(), round(self.sizeHint().width() * 1.5))

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().hideEvent(event)
        self._kept = None  # a window put away between breaks holds no pixmap

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        # Repainted whole anyway: show the arc as it is, not where a smaller
        # ring's coarser steps left it.
        self._shown_span = self._target_span()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange,
                            QEvent.Type.ApplicationFontChange):
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    # -- painting ---------------------------------------------------------

    def _thickness(self) -> float:
        return max(6.0, self.diameter() * 0.07)

    def _ring_rect(self) -> QRectF:
        """The circle the track and the arc run along (the middle of their stroke)."""
        side, thickness = self.diameter(), self._thickness()
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        return box.adjusted(thickness / 2 + 1, thickness / 2 + 1, -thickness / 2 - 1, -thickness / 2 - 1)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        palette = self.palette()
        if self.diameter() <= 8:
            return
        thickness, ring = self._thickness(), self._ring_rect()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._track(ring, thickness))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        color = QColor(self._color) if self._color is not None else style.accent_color(palette)
        if self.paused:
            color = style.blend(color, style.track_color(palette), 0.55)
        if self._shown_span > 0:
            arc = QPen(color, thickness)
            arc.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(arc)
            painter.drawArc(ring, 90 * 16, -self._shown_span)  # clockwise
        if event.region().intersects(self._words_rect()):  # a step of the arc seldom reaches them
            self._draw_texts(painter, ring, ring.width() - thickness * 2)
        painter.end()

    def _words_rect(self) -> QRect:
        """The square inside the track, where the words are drawn (they are fitted to it)."""
        ring = self._ring_rect()
        inner = ring.width() - self._thickness() * 2
        words = QRectF(0, 0, inner, inner)
        words.moveCenter(ring.center())
        return words.toAlignedRect().adjusted(-1, -1, 1, 1)

    def _track(self, ring: QRectF, thickness: float) -> QPixmap:
        """The track painted into a pixmap, kept until the size or the colours change."""
        ratio = self.devicePixelRatioF()
        color = style.track_color(self.palette())
        key = (self.size(), ratio, color)
        if self._kept is not None and self._kept[0] == key:
            return self._kept[1]
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QPen(color, thickness)
        track.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(track)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(ring)
        painter.end()
        self._kept = (key, pixmap)
        self.layer_builds += 1
        return pixmap

    def _draw_texts(self, painter: QPainter, ring: QRectF, inner: float) -> None:
        palette = self.palette()
        # Room for the unit beside the number: the number gives up a little width.
        number_font = self._fitted_font(self.value_text or "0", inner * (0.54 if self.unit else 0.66),
                                        inner * 0.33, QFont.Weight.DemiBold)
        caption_font = self._fitted_font(self.caption or "X", inner * 0.62, inner * 0.065,
                                         QFont.Weight.DemiBold)
        caption_font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 112)

        unit_font = QFont(caption_font)
        unit_font.setPointSizeF(caption_font.pointSizeF() * 1.9)
        unit_font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 100)

        number_metrics = QFontMetricsF(number_font)
        caption_metrics = QFontMetricsF(caption_font)
        unit_metrics = QFontMetricsF(unit_font)
        gap = inner * 0.05
        # Digits have no descenders: centre on the cap height, not the full line.
        number_height = number_metrics.capHeight()
        block = number_height + gap + caption_metrics.height()
        top = ring.center().y() - block / 2

        painter.setPen(style.text_color(palette) if not self.paused else style.muted_color(palette))
        painter.setFont(number_font)
        baseline = top + number_height
        width = number_metrics.horizontalAdvance(self.value_text)
        # The unit sits on the number's baseline, smaller, and the pair is centred together.
        unit_gap = unit_metrics.horizontalAdvance(" ") * 0.6 if self.unit else 0.0
        unit_width = unit_metrics.horizontalAdvance(self.unit) if self.unit else 0.0
        left = ring.center().x() - (width + unit_gap + unit_width) / 2
        painter.drawText(QPointF(left, baseline), self.value_text)
        if self.unit:
            painter.setFont(unit_font)
            painter.drawText(QPointF(left + width + unit_gap, baseline), self.unit)

        painter.setPen(style.muted_color(palette))
        painter.setFont(caption_font)
        caption_rect = QRectF(ring.left(), baseline + gap + caption_metrics.descent() * 0.5,
                              ring.width(), caption_metrics.height())
        painter.drawText(caption_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                         self.caption)

    def _fitted_font(self, text: str, max_width: float, target_height: float,
                     weight: QFont.Weight) -> QFont:
        """The widget's font, scaled so ``text`` is about ``target_height`` px tall and fits."""
        font = QFont(self.font())
        font.setWeight(weight)
        base = QFontMetricsF(font)
        reference = base.capHeight() or base.ascent() * 0.7
        scale = target_height / reference if reference > 0 else 1.0
        width = base.horizontalAdvance(text) * scale
        if width > max_width > 0:
            scale *= max_width / width
        return style.scaled_font(scale, weight=weight, base=font)
