"""The history window's charts, drawn with QPainter: the week, the daily goal, the muscle groups.

QtCharts is deprecated (Qt 6.10) and would pull in a module for a few
rectangles. Each chart here is a small widget that is handed plain figures
from :mod:`deskbreak.core.stats` (``DayStats`` lists, minutes per muscle
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
from datetime import date, timedelta
from typing import Sequence

from PySide6.QtCore import QDate, QEvent, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from deskbreak.core.i18n import Context, translate
from deskbreak.core.stats import DayStats
from deskbreak.ui import style

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

# The outcomes the week chart stacks, bottom to top: ends a break can come to.
# Postponed is left out on purpose: the break lives on, and stacking it would
# count the same prompt twice.
STACKED_OUTCOMES = ("completed", "natural", "partial", "skipped")


def outcome_colors(palette: QPalette) -> dict[str, QColor]:
    """A colour per stacked outcome: taken breaks strong, the rest softer and warm."""
    accent = style.accent_color(palette)
    window = palette.color(QPalette.ColorRole.Window)
    return {
        "completed": accent,
        "natural": style.rest_color(palette),
        "partial": style.blend(accent, window, 0.42),
        "skipped": style.blend(style.ready_color(palette), window, 0.3),
    }


def goal_colors(palette: QPalette) -> dict[str, QColor]:
    """The heatmap's fills: a met day in the accent, a missed one muted and warm."""
    return {
        "met": style.accent_color(palette),
        "not_met": style.tint(style.ready_color(palette), palette, 0.42),
        "neutral": style.blend(style.track_color(palette), style.text_color(palette), 0.25),
    }


def outcome_words() -> dict[str, str]:
    return {
        "completed": translate("charts", "Completed"),
        "natural": translate("charts", "Away from the desk"),
        "partial": translate("charts", "Partly done"),
        "skipped": translate("charts", "Skipped"),
    }


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


def _rounded_top(rect: QRectF, radius: float) -> QPainterPath:
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


class WeekChart(Chart):
    """Bars for Monday to Sunday, each stacking how the day's breaks ended.

    Days after today get a label but no bar. The legend carries the week's
    total per outcome, and the postponements, which are not stacked.
    """

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(translate("charts", "This week's breaks"), parent, grows=True)
        self.setObjectName("weekChart")
        self.start = self.today = today
        self.days: dict[date, DayStats] = {}
        self.set_week(today - timedelta(days=today.weekday()), (), today)

    def set_week(self, start: date, days: Sequence[DayStats], today: date) -> None:
        """``start`` is the Monday; ``days`` those of its days that have figures (up to today)."""
        self.start, self.today = start, today
        self.days = {day.date: day for day in days if start <= day.date < start + timedelta(days=DAYS_IN_WEEK)}
        self.describe(self._description())
        self.refit()

    def week_dates(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range(DAYS_IN_WEEK)]

    @staticmethod
    def stacked_total(day: DayStats) -> int:
        return sum(getattr(day, outcome) for outcome in STACKED_OUTCOMES)

    def totals(self) -> dict[str, int]:
        """The week's count per stacked outcome, and the postponements."""
        names = (*STACKED_OUTCOMES, "postponed")
        return {name: sum(getattr(day, name) for day in self.days.values()) for name in names}

    # -- words ----------------------------------------------------------------

    def day_summary(self, day: DayStats) -> str:
        """ "5 completed, 1 partly done, 1 skipped, 2 away from the desk (1 postponed)"."""
        if not self.stacked_total(day) and not day.postponed:
            return translate("charts", "no breaks")
        parts = [translate("charts", "{n} completed").format(n=day.completed),
                 translate("charts", "{n} partly done").format(n=day.partial),
                 translate("charts", "{n} skipped").format(n=day.skipped),
                 translate("charts", "{n} away from the desk").format(n=day.natural)]
        text = ", ".join(parts)
        extras = [translate("charts", "{n} postponed").format(n=day.postponed) if day.postponed else "",
                  translate("charts", "{n} missed").format(n=day.missed) if day.missed else "",
                  translate("charts", "{n} stopped because it hurt").format(n=day.hurt) if day.hurt else ""]
        extras = [extra for extra in extras if extra]
        return text + (translate("charts", " ({extras})").format(extras=", ".join(extras)) if extras else "")

    def _description(self) -> str:
        described = [translate("charts", "{day} {summary}").format(
            day=weekday_name(day.weekday(), short=False), summary=self.day_summary(self.days[day]))
            for day in self.week_dates() if day in self.days]
        if not any(self.stacked_total(day) or day.postponed for day in self.days.values()):
            return translate("charts", "This week: no breaks yet.")
        return translate("charts", "This week: {days}.").format(days="; ".join(described))

    def legend_entries(self) -> list[LegendEntry]:
        colors, words, totals = outcome_colors(self.palette()), outcome_words(), self.totals()
        entries = [LegendEntry(translate("charts", "{outcome} {n}").format(outcome=words[name], n=totals[name]),
                               colors[name]) for name in STACKED_OUTCOMES]
        entries.append(LegendEntry(translate("charts", "{n} postponed (not stacked)").format(n=totals["postponed"])))
        return entries

    # -- geometry -------------------------------------------------------------

    def _around_plot(self, width: float) -> float:
        """The height of everything but the plot: value labels above, day labels and the legend below."""
        line = self.line()
        return line * (1.3 + 1.6 + 0.5) + self.legend_height(self.legend_entries(), width - self._axis_width())

    def chart_height(self, width: float) -> float:
        return self._around_plot(width) + self.line() * 7.5

    def _scale(self) -> tuple[int, int]:
        """(step, top) of the value axis: round numbers, never less than 4 so an empty week still has a scale."""
        largest = max([self.stacked_total(day) for day in self.days.values()] + [4])
        step = nice_step(largest)
        top = -(-largest // step) * step
        return step, top

    def slot_rects(self) -> list[QRectF]:
        """Each day's column, Monday first (where its bar, label and tooltip live)."""
        plot = self._plot_rect()
        slot = plot.width() / DAYS_IN_WEEK
        return [QRectF(plot.left() + n * slot, 0, slot, self.height()) for n in range(DAYS_IN_WEEK)]

    def _axis_width(self) -> float:
        _step, top = self._scale()
        return self.metrics(self.small_font()).horizontalAdvance(number_text(top)) + self.line() * 0.6

    def _plot_rect(self) -> QRectF:
        line = self.line()
        # Taller when the card has room, up to where bars stop reading as a glance.
        height = min(max(line * 7.5, self.height() - self._around_plot(self.width())), line * 13)
        return QRectF(self._axis_width(), line * 1.3, self.width() - self._axis_width() - line * 0.2, height)

    # -- painting -------------------------------------------------------------

    def paint_chart(self, painter: QPainter, palette: QPalette) -> None:
        line = self.line()
        plot = self._plot_rect()
        step, top = self._scale()
        small = self.small_font()
        muted = style.muted_color(palette)

        # Gridlines with their values: light enough to read past.
        painter.setFont(small)
        small_metrics = self.metrics(small)
        for value in range(0, top + 1, step):
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(style.track_color(palette) if value else muted, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            painter.drawText(QRectF(0, y - small_metrics.height() / 2, plot.left() - line * 0.3,
                                    small_metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number_text(value))

        colors = outcome_colors(palette)
        bar_width_cap = line * 2.4
        label_top = plot.bottom() + line * 0.3
        for day, slot in zip(self.week_dates(), self.slot_rects()):
            stats = self.days.get(day)
            bar_width = min(slot.width() * 0.58, bar_width_cap)
            left = slot.center().x() - bar_width / 2
            total = self.stacked_total(stats) if stats else 0
            if total:
                height = plot.height() * total / top
                bar = QRectF(left, plot.bottom() - height, bar_width, height)
                painter.save()
                painter.setClipPath(_rounded_top(bar, line * 0.3))
                y = plot.bottom()
                for outcome in STACKED_OUTCOMES:
                    count = getattr(stats, outcome)
                    if not count:
                        continue
                    part = plot.height() * count / top
                    painter.fillRect(QRectF(left, y - part, bar_width, part), colors[outcome])
                    y -= part
                painter.restore()
                painter.setFont(small)
                painter.setPen(style.text_color(palette))
                painter.drawText(QRectF(slot.left(), bar.top() - small_metrics.height() - line * 0.1, slot.width(),
                                        small_metrics.height()),
                                 Qt.AlignmentFlag.AlignCenter, number_text(total))
            self._draw_day_label(painter, palette, day, QRectF(slot.left(), label_top, slot.width(), line * 1.2))
            if stats is not None:
                self.add_hotspot(QRectF(slot.left(), plot.top(), slot.width(), label_top + line * 1.2 - plot.top()),
                                 translate("charts", "{day}: {summary}").format(day=day_text(day),
                                                                              summary=self.day_summary(stats)))

        if not any(self.stacked_total(day) for day in self.days.values()):
            self.draw_centered_note(painter, plot.adjusted(0, 0, 0, -line),
                                    translate("charts", "No breaks this week yet"))
        legend_top = label_top + line * 1.6 + line * 0.2
        self.draw_legend(painter, self.legend_entries(), plot.left(), legend_top, self.width() - self._axis_width())

    def _draw_day_label(self, painter: QPainter, palette: QPalette, day: date, rect: QRectF) -> None:
        font = QFont(self.font())
        if day == self.today:
            font.setWeight(QFont.Weight.Bold)
            painter.setPen(style.accent_color(palette))
        else:
            painter.setPen(style.muted_color(palette) if day > self.today else style.text_color(palette))
        painter.setFont(font)
        name = weekday_name(day.weekday(), short=True)
        painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, name)


# -- the daily goal, twelve weeks ----------------------------------------------


class GoalHeatmap(Chart):
    """The daily goal over the last weeks, GitHub style: a column per week, a row per weekday.

    A met day is filled with the accent, a day that missed the goal with a
    muted warm tint, a day with no prompted sit-break is an empty outline,
    and days still to come are left blank. Today is ringed.
    """

    def __init__(self, today: date, goal_percent: int, parent: QWidget | None = None, weeks: int = 12) -> None:
        super().__init__(translate("charts", "Daily goal"), parent)
        self.setObjectName("goalHeatmap")
        self.weeks = weeks
        self.goal_percent = goal_percent
        self.today = today
        self.days: dict[date, DayStats] = {}
        self.set_days((), goal_percent, today)

    def first_day(self) -> date:
        """The Monday of the first column."""
        return self.today - timedelta(days=self.today.weekday() + DAYS_IN_WEEK * (self.weeks - 1))

    def set_days(self, days: Sequence[DayStats], goal_percent: int, today: date) -> None:
        """``days`` may cover more or fewer days than the grid: those outside it are
        ignored, missing ones are neutral."""
        self.today, self.goal_percent = today, goal_percent
        first = self.first_day()
        self.days = {day.date: day for day in days if first <= day.date <= today}
        self.describe(self._description())
        self.refit()

    def state(self, day: date) -> str:
        """ "met", "not_met", "neutral" (no prompted sit-break) or "future"."""
        if day > self.today:
            return "future"
        stats = self.days.get(day)
        met = stats.goal_met(self.goal_percent) if stats is not None else None
        return "neutral" if met is None else ("met" if met else "not_met")

    def grid_dates(self) -> list[list[date]]:
        """Columns of seven days, oldest week first."""
        first = self.first_day()
        return [[first + timedelta(days=week * DAYS_IN_WEEK + n) for n in range(DAYS_IN_WEEK)]
                for week in range(self.weeks)]

    # -- words ----------------------------------------------------------------

    def cell_text(self, day: date) -> str:
        state = self.state(day)
        stats = self.days.get(day)
        if state == "future":
            return day_text(day)
        if state == "neutral":
            return translate("charts", "{day}: no sit-breaks prompted").format(day=day_text(day))
        taken = translate("charts", "{taken} of {prompted} sit-breaks taken").format(
            taken=stats.sit_taken, prompted=stats.sit_chances)
        verdict = translate("charts", "goal met") if state == "met" else translate("charts", "goal not met")
        return translate("charts", "{day}: {taken}, {verdict}").format(day=day_text(day), taken=taken, verdict=verdict)

    def counts(self) -> dict[str, int]:
        found = {"met": 0, "not_met": 0, "neutral": 0}
        for column in self.grid_dates():
            for day in column:
                state = self.state(day)
                if state != "future":
                    found[state] += 1
        return found

    def _description(self) -> str:
        counts = self.counts()
        head = translate(
            "charts", "Daily goal of {goal} % over the last {weeks} weeks. Days met: {met}; not met: {not_met}; "
            "without prompted sit-breaks: {neutral}.").format(
            goal=self.goal_percent, weeks=self.weeks, met=counts["met"], not_met=counts["not_met"],
            neutral=counts["neutral"])
        weeks = []
        for column in self.grid_dates():
            states = [self.state(day) for day in column]
            if all(state == "future" for state in states):
                continue
            weeks.append(translate("charts", "week of {monday}: met {met}, not met {not_met}").format(
                monday=day_text(column[0], translate("charts", "d MMMM", "date format: day, month")),
                met=states.count("met"), not_met=states.count("not_met")))
        return f"{head} {'; '.join(weeks)}."

    def legend_entries(self) -> list[LegendEntry]:
        colors = goal_colors(self.palette())
        return [LegendEntry(translate("charts", "Goal met"), colors["met"]),
                LegendEntry(translate("charts", "Not met"), colors["not_met"]),
                LegendEntry(translate("charts", "No sit-breaks"), None, colors["neutral"])]

    # -- geometry -------------------------------------------------------------

    def _label_width(self) -> float:
        metrics = self.metrics(self.small_font())
        return max(metrics.horizontalAdvance(weekday_name(n, short=True)) for n in range(DAYS_IN_WEEK)) \
            + self.line() * 0.5

    def _cell(self, width: float) -> tuple[float, float]:
        """(cell side, gap) for a width: as large as fits, between one and two lines of text."""
        line = self.line()
        pitch = (width - self._label_width()) / self.weeks
        pitch = max(line * 1.15, min(pitch, line * 2.0))
        return pitch * 0.84, pitch * 0.16

    def preferred_width(self) -> float:
        return self._label_width() + self.weeks * self.line() * 1.8

    def minimum_width(self) -> float:
        return self._label_width() + self.weeks * self.line() * 1.15

    def chart_height(self, width: float) -> float:
        cell, gap = self._cell(width)
        line = self.line()
        return (line * 1.3 + DAYS_IN_WEEK * (cell + gap) + line * 0.5
                + self.legend_height(self.legend_entries(), width - self._label_width()))

    def cell_rect(self, day: date) -> QRectF:
        cell, gap = self._cell(self.width())
        column = (day - self.first_day()).days // DAYS_IN_WEEK
        row = day.weekday()
        return QRectF(self._label_width() + column * (cell + gap), self.line() * 1.3 + row * (cell + gap), cell, cell)

    # -- painting -------------------------------------------------------------

    def paint_chart(self, painter: QPainter, palette: QPalette) -> None:
        line = self.line()
        cell, gap = self._cell(self.width())
        small = self.small_font()
        small_metrics = self.metrics(small)
        muted = style.muted_color(palette)
        colors = goal_colors(palette)
        radius = cell * 0.22

        painter.setFont(small)
        painter.setPen(muted)
        for row in range(DAYS_IN_WEEK):
            top = line * 1.3 + row * (cell + gap)
            painter.drawText(QRectF(0, top, self._label_width() - line * 0.4, cell),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, weekday_name(row, short=True))

        month_end = -1.0
        for index, column in enumerate(self.grid_dates()):
            starts_month = [day for day in column if day.day == 1]
            if index == 0 or starts_month:
                month = (starts_month or column)[0]
                name = month_name(month.month)
                # Never past the right edge: the last column's "Dec" ends where the grid does.
                x = min(self.cell_rect(column[0]).left(),
                        self.cell_rect(column[0]).right() - small_metrics.horizontalAdvance(name))
                if x > month_end:
                    painter.setPen(muted)
                    painter.drawText(QPointF(x, line * 1.3 - small_metrics.descent() - line * 0.25), name)
                    month_end = x + small_metrics.horizontalAdvance(name) + line * 0.4
            for day in column:
                state = self.state(day)
                rect = self.cell_rect(day)
                if state == "future":
                    continue
                if state == "neutral":
                    painter.setPen(QPen(colors["neutral"], 1.2))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRoundedRect(rect.adjusted(0.6, 0.6, -0.6, -0.6), radius, radius)
                else:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(colors[state])
                    painter.drawRoundedRect(rect, radius, radius)
                if day == self.today:
                    ring = max(1.5, line * 0.12)
                    painter.setPen(QPen(style.text_color(palette), ring))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRoundedRect(rect.adjusted(-ring, -ring, ring, ring), radius + ring, radius + ring)
                self.add_hotspot(rect, self.cell_text(day))

        legend_top = line * 1.3 + DAYS_IN_WEEK * (cell + gap) + line * 0.4
        self.draw_legend(painter, self.legend_entries(), self._label_width(), legend_top,
                         self.width() - self._label_width())


# -- minutes per muscle group --------------------------------------------------


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
        self.describe(translate("charts", "Minutes per muscle group: {parts}.").format(parts=", ".join(parts))
                      if parts else translate("charts", "Minutes per muscle group: none yet."))
        self.refit()

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
