"""The history window's charts, drawn with QPainter: their base, words and colours, and minutes per muscle group.

The charts by day (the week, the daily goal) are in :mod:`deskbreak.ui.day_charts`.

QtCharts is deprecated (Qt 6.10) and would pull in a module for a few
rectangles. Each chart here is a small widget that is handed plain figures
from :mod:`deskbreak.core.history.stats` (``DayStats`` lists, minutes per muscle
group) and only draws them: the rules that make the figures (what counts as
a prompt, when the goal is met) stay in the core, so the window, the charts
and ``deskbreak stats`` cannot disagree.

Every length is a multiple of the widget's font height and every colour
comes from its palette through :mod:`deskbreak.ui.style`, so the charts
follow a 125 % system font and a dark theme without code of their own. A bar
means nothing to a screen reader: each chart states its numbers in its
accessible description, and names the bar or cell under the pointer in a
tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Sequence

from PySide6.QtCore import QDate, QEvent, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from deskbreak.core.i18n import Context, translate
from deskbreak.core.history.stats import ENDED_OUTCOMES
from deskbreak.ui import style
from deskbreak.ui.history_table import outcome_label

# lupdate reads plural forms only from a Context's tr, and takes the context
# from the variable's name (core/i18n.py): hence the lower-case name.
charts = Context("charts")

DAYS_IN_WEEK = 7


# -- words ---------------------------------------------------------------------


def number_text(value: int) -> str:
    """ "40,000" in the user's locale."""
    return QLocale().toString(int(value))


def minutes_text(minutes: float) -> str:
    """ "0 min", "4.5 min", "45 min", "1 h 34 min", "1,204 h": compact amounts of exercise for labels."""
    if minutes < 10:
        # Tenths matter here: a week of two short stretches is "2.5 min", not "3 min".
        tenths = round(max(0.0, minutes), 1)
        shown = QLocale().toString(tenths, "f", 1) if tenths != int(tenths) else str(int(tenths))
        return translate("charts", "{minutes} min").format(minutes=shown)
    whole = int(minutes + 0.5)  # half up: round() would show 16.5 as 16 and 17.5 as 18
    # From an hour on in hours, so a column of bars never mixes "94 min" with "2 h 7 min".
    if whole < 60:
        return translate("charts", "{minutes} min").format(minutes=whole)
    hours, rest = divmod(whole, 60)
    if hours < 10 and rest:
        return translate("charts", "{hours} h {minutes} min").format(hours=hours, minutes=rest)
    if hours < 10:
        return translate("charts", "{hours} h").format(hours=hours)
    return translate("charts", "{hours} h").format(hours=number_text(round(whole / 60)))


def loading_text() -> str:
    """What a chart or figure shows until the history it needs has been read."""
    return translate("charts", "Loading\u2026")


def day_text(day: date, pattern: str | None = None) -> str:
    """ "Tuesday 2 December" (the pattern is translatable: languages order a date their own way)."""
    pattern = pattern or translate("charts", "dddd d MMMM", "date format: weekday, day, month")
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def weekday_name(weekday: int, *, short: bool) -> str:
    """Monday is 0, as :meth:`date.weekday` counts; "Mon" or "Monday" in the user's locale."""
    form = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return QLocale().dayName(weekday + 1, form)


def month_name(month: int) -> str:
    """ "Dec" in the user's locale."""
    return QLocale().monthName(month, QLocale.FormatType.ShortFormat)


# -- colours -------------------------------------------------------------------

# The outcomes the week chart stacks, bottom to top: every end a break can
# come to (the core's definition), so each break of the history is in a bar.
# Postponed is left out on purpose: the break lives on, and stacking it would
# count the same prompt twice.
STACKED_OUTCOMES = ENDED_OUTCOMES


def outcome_colors(palette: QPalette) -> dict[str, QColor]:
    """A colour per stacked outcome: taken breaks strong, the rest softer and warm, missed ones grey."""
    accent = style.accent_color(palette)
    window = palette.color(QPalette.ColorRole.Window)
    return {
        "completed": accent,
        "natural": style.rest_color(palette),
        "partial": style.blend(accent, window, 0.42),
        "skipped": style.blend(style.ready_color(palette), window, 0.3),
        "hurt": style.danger_color(palette),
        "missed": style.blend(style.track_color(palette), style.text_color(palette), 0.3),
    }


def goal_colors(palette: QPalette) -> dict[str, QColor]:
    """The heatmap's fills: a met day in the accent, a missed one muted and warm."""
    return {
        "met": style.accent_color(palette),
        "not_met": style.tint(style.ready_color(palette), palette, 0.42),
        "neutral": style.blend(style.track_color(palette), style.text_color(palette), 0.25),
    }


def outcome_words() -> dict[str, str]:
    """The legend's words: the history table's, so an outcome has one name in the window."""
    return {outcome: outcome_label(outcome) for outcome in STACKED_OUTCOMES}


# -- the shared frame ----------------------------------------------------------


@dataclass(frozen=True)
class LegendEntry:
    text: str
    fill: QColor | None = None
    """None: an outlined swatch (``outline``), or no swatch at all when that is None too."""
    outline: QColor | None = None


class Chart(QWidget):
    """What every chart shares: font-relative sizes, tooltips over hot spots, a legend.

    Subclasses give :meth:`chart_height` for a width and draw in
    :meth:`paint_chart`, calling :meth:`add_hotspot` for each bar or cell
    that has a tooltip.
    """

    def __init__(self, name: str, parent: QWidget | None = None, *, grows: bool = False) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        # A chart that grows takes the height its card has to spare (the week
        # beside the taller heatmap); the others keep their natural height.
        vertical = QSizePolicy.Policy.Expanding if grows else QSizePolicy.Policy.Fixed
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, vertical)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._hotspots: list[tuple[QRectF, str]] = []
        self.loading = False

    # -- metrics ------------------------------------------------------------

    def metrics(self, font: QFont | None = None) -> QFontMetricsF:
        return QFontMetricsF(font if font is not None else self.font())

    def line(self) -> float:
        """One line of the widget's font: the unit of every length in a chart."""
        return self.metrics().height()

    def small_font(self) -> QFont:
        return style.scaled_font(0.9, base=self.font())

    def preferred_width(self) -> float:
        return self.line() * 24

    def minimum_width(self) -> float:
        return self.line() * 16

    def chart_height(self, width: float) -> float:
        raise NotImplementedError

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        width = self.preferred_width()
        return QSize(round(width), round(self.chart_height(width)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        width = self.minimum_width()
        return QSize(round(width), round(self.chart_height(width)))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return round(self.chart_height(width))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._claim_height(event.size().width())

    def _claim_height(self, width: int) -> None:
        # Not every layout between here and the window asks heightForWidth
        # (a scroll area's does not): claim the height the width needs, or a
        # legend that wrapped would be cut off at the bottom.
        wanted = round(self.chart_height(width))
        if wanted != self.minimumHeight():
            self.setMinimumHeight(wanted)

    def refit(self) -> None:
        """After new figures or a new font: new legend widths, new height."""
        if self.width() > 0:
            self._claim_height(self.width())
        self.updateGeometry()
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange,
                            QEvent.Type.ApplicationFontChange, QEvent.Type.LocaleChange):
            self.refit()
        super().changeEvent(event)

    # -- words for assistive technology and the pointer ----------------------

    def describe(self, text: str) -> None:
        if self.accessibleDescription() != text:
            self.setAccessibleDescription(text)

    def show_figures(self, description: str) -> None:
        """New figures are in (the subclass keeps them): say them, fit them, paint them."""
        self.loading = False
        self.describe(description)
        self.refit()

    def show_loading(self) -> None:
        """Until the figures come: the chart's frame, empty, under a note that they are on their way."""
        self.loading = True
        self.describe(loading_text())
        self.update()

    def add_hotspot(self, rect: QRectF, text: str) -> None:
        self._hotspots.append((QRectF(rect), text))

    def tooltip_at(self, point: QPointF) -> str:
        """The tooltip of the bar or cell under ``point`` (as last painted); "" for none."""
        for rect, text in self._hotspots:
            if rect.contains(point):
                return text
        return ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # -- painting -------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802
        self._hotspots = []
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.paint_chart(painter, self.palette())
        if self.loading:
            self.draw_centered_note(painter, QRectF(self.rect()), loading_text())
        painter.end()

    def paint_chart(self, painter: QPainter, palette: QPalette) -> None:
        raise NotImplementedError

    def draw_centered_note(self, painter: QPainter, rect: QRectF, text: str) -> None:
        """A muted line in the middle of an empty plot ("No breaks this week yet")."""
        palette = self.palette()
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.setFont(self.font())
        # On a patch of the card's colour (the charts sit on cards), so
        # gridlines do not strike through the words.
        box = painter.boundingRect(rect, flags, text)
        pad = self.line() * 0.4
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.card_color(palette))
        painter.drawRect(box.adjusted(-pad, -pad * 0.5, pad, pad * 0.5))
        painter.setPen(style.muted_color(palette))
        painter.drawText(rect, flags, text)

    # -- legend ---------------------------------------------------------------

    def _legend_lines(self, entries: Sequence[LegendEntry], width: float) -> list[list[tuple[LegendEntry, float]]]:
        """Entries placed left to right, wrapping: [(entry, x offset)] per line."""
        metrics = self.metrics(self.small_font())
        swatch = self._swatch_size()
        gap = metrics.height() * 1.1
        lines: list[list[tuple[LegendEntry, float]]] = [[]]
        x = 0.0
        for entry in entries:
            has_swatch = entry.fill is not None or entry.outline is not None
            item_width = (swatch + metrics.height() * 0.35 if has_swatch else 0) + metrics.horizontalAdvance(entry.text)
            if lines[-1] and x + item_width > width:
                lines.append([])
                x = 0.0
            lines[-1].append((entry, x))
            x += item_width + gap
        return lines

    def _swatch_size(self) -> float:
        return self.metrics(self.small_font()).ascent() * 0.85

    def legend_height(self, entries: Sequence[LegendEntry], width: float) -> float:
        line = self.metrics(self.small_font()).height() * 1.35
        return len(self._legend_lines(entries, width)) * line

    def draw_legend(self, painter: QPainter, entries: Sequence[LegendEntry], left: float, top: float,
                    width: float) -> None:
        font = self.small_font()
        metrics = self.metrics(font)
        line = metrics.height() * 1.35
        swatch = self._swatch_size()
        painter.setFont(font)
        for row, placed in enumerate(self._legend_lines(entries, width)):
            middle = top + row * line + line / 2
            for entry, x in placed:
                x += left
                if entry.fill is not None or entry.outline is not None:
                    box = QRectF(x, middle - swatch / 2, swatch, swatch)
                    painter.setPen(QPen(entry.outline, 1.2) if entry.outline is not None else Qt.PenStyle.NoPen)
                    painter.setBrush(entry.fill if entry.fill is not None else Qt.BrushStyle.NoBrush)
                    painter.drawRoundedRect(box.adjusted(0.6, 0.6, -0.6, -0.6), swatch * 0.22, swatch * 0.22)
                    x += swatch + metrics.height() * 0.35
                painter.setPen(style.text_color(self.palette()) if entry.fill is not None or entry.outline is not None
                               else style.muted_color(self.palette()))
                text_box = QRectF(x, middle - metrics.height() / 2, metrics.horizontalAdvance(entry.text) + 2,
                                  metrics.height())
                painter.drawText(text_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, entry.text)


def nice_step(largest: float, most_ticks: int = 4) -> int:
    """A round step (1, 2, 5, 10, 20, ...) giving at most ``most_ticks`` gridlines up to ``largest``."""
    step = 1
    while largest / step > most_ticks:
        for factor in (2, 2.5, 2):  # 1 -> 2 -> 5 -> 10 -> 20 -> 50 ...
            step = round(step * factor)
            if largest / step <= most_ticks:
                break
    return step


def rounded_top(rect: QRectF, radius: float) -> QPainterPath:
    """A bar with rounded top corners and a square foot on the baseline."""
    radius = min(radius, rect.width() / 2, rect.height())
    path = QPainterPath()
    path.moveTo(rect.bottomLeft())
    path.lineTo(rect.left(), rect.top() + radius)
    path.quadTo(rect.topLeft(), QPointF(rect.left() + radius, rect.top()))
    path.lineTo(rect.right() - radius, rect.top())
    path.quadTo(rect.topRight(), QPointF(rect.right(), rect.top() + radius))
    path.lineTo(rect.bottomRight())
    path.closeSubpath()
    return path


# -- this week -----------------------------------------------------------------


class TargetMinutesChart(Chart):
    """Horizontal bars: minutes of exercise per muscle group, in the order given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("charts", "Minutes per muscle group"), parent)
        self.setObjectName("targetMinutesChart")
        self.rows: list[tuple[str, float]] = []
        self.set_rows(())

    def set_rows(self, rows: Sequence[tuple[str, float]]) -> None:
        """``rows``: (label, minutes), drawn top to bottom."""
        self.rows = [(label, max(0.0, minutes)) for label, minutes in rows]
        parts = [translate("charts", "{target} {minutes}").format(target=label, minutes=minutes_text(minutes))
                 for label, minutes in self.rows]
        self.show_figures(translate("charts", "Minutes per muscle group: {parts}.").format(parts=", ".join(parts))
                          if parts else translate("charts", "Minutes per muscle group: none yet."))

    def _row_height(self) -> float:
        return self.line() * 1.55

    def chart_height(self, width: float) -> float:
        return max(1, len(self.rows)) * self._row_height()

    def _columns(self) -> tuple[float, float]:
        """(label column, value column) widths: the widest label and value, plus air."""
        metrics = self.metrics()
        small = self.metrics(self.small_font())
        labels = max((metrics.horizontalAdvance(label) for label, _ in self.rows), default=0.0)
        values = max((small.horizontalAdvance(minutes_text(minutes)) for _, minutes in self.rows), default=0.0)
        return labels + self.line() * 0.8, values + self.line() * 0.6

    def preferred_width(self) -> float:
        label, value = self._columns()
        return label + value + self.line() * 14

    def minimum_width(self) -> float:
        label, value = self._columns()
        return label + value + self.line() * 5

    def paint_chart(self, painter: QPainter, palette: QPalette) -> None:
        line = self.line()
        label_width, value_width = self._columns()
        track_left = label_width
        track_width = max(line, self.width() - label_width - value_width)
        largest = max((minutes for _, minutes in self.rows), default=0.0)
        bar_height = line * 0.7
        small = self.small_font()
        accent = style.accent_color(palette)
        if not self.rows:
            self.draw_centered_note(painter, QRectF(self.rect()), translate("charts", "No muscle groups to show"))
        for index, (label, minutes) in enumerate(self.rows):
            top = index * self._row_height()
            row = QRectF(0, top, self.width(), self._row_height())
            middle = row.center().y()
            painter.setFont(self.font())
            painter.setPen(style.text_color(palette))
            painter.drawText(QRectF(0, top, label_width - line * 0.5, row.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            track = QRectF(track_left, middle - bar_height / 2, track_width, bar_height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.track_color(palette))
            painter.drawRoundedRect(track, bar_height / 2, bar_height / 2)
            if minutes > 0 and largest > 0:
                # Never thinner than round: a minute of feet work must still show.
                length = max(bar_height, track_width * minutes / largest)
                painter.setBrush(accent)
                painter.drawRoundedRect(QRectF(track_left, track.top(), length, bar_height),
                                        bar_height / 2, bar_height / 2)
            painter.setFont(small)
            painter.setPen(style.text_color(palette) if minutes > 0 else style.muted_color(palette))
            painter.drawText(QRectF(track.right() + line * 0.4, top, value_width, row.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, minutes_text(minutes))
            self.add_hotspot(row, translate("charts", "{target}: {minutes}").format(
                target=label, minutes=minutes_text(minutes)))
