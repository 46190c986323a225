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
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from deskbreak.ui import style

_BASE_DIAMETER = 220  # at a 10 pt system font


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

    # -- state ------------------------------------------------------------

    def set_state(self, *, fraction: float, remaining: float, value_text: str, caption: str,
                  accessible: str, color: QColor | None = None, paused: bool = False,
                  unit: str = "") -> None:
        """Show ``value_text`` (and a smaller ``unit``) over ``caption``, ``fraction`` (0..1) of the arc left."""
        fraction = max(0.0, min(1.0, fraction))
        changed = (fraction, value_text, unit, caption, paused, color) != (
            self.fraction, self.value_text, self.unit, self.caption, self.paused, self._color)
        self.fraction, self.remaining = fraction, remaining
        self.value_text, self.unit, self.caption = value_text, unit, caption
        self.paused, self._color = paused, color
        # Only when the words change: a screen reader should not hear every 100 ms tick.
        if accessible != self.accessibleName():
            self.setAccessibleName(accessible)
        if changed:
            self.update()

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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange,
                            QEvent.Type.ApplicationFontChange):
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    # -- painting ---------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        palette = self.palette()
        side = self.diameter()
        if side <= 8:
            return
        thickness = max(6.0, side * 0.07)
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        ring = box.adjusted(thickness / 2 + 1, thickness / 2 + 1, -thickness / 2 - 1, -thickness / 2 - 1)

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

        track = QPen(style.track_color(palette), thickness)
        track.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(track)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(ring)

        color = QColor(self._color) if self._color is not None else style.accent_color(palette)
        if self.paused:
            color = style.blend(color, style.track_color(palette), 0.55)
        if self.fraction > 0:
            arc = QPen(color, thickness)
            arc.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(arc)
            span = -round(self.fraction * 360 * 16)  # clockwise
            painter.drawArc(ring, 90 * 16, span)

        inner = ring.width() - thickness * 2
        self._draw_texts(painter, ring, inner)
        painter.end()

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
