"""The history window's charts by day: this week's stacked bars and twelve weeks of the daily goal.

Both are :class:`deskbreak.ui.charts.Chart` widgets, drawn and worded as
that module describes.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Sequence

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from deskbreak.core.i18n import translate
from deskbreak.core.history.stats import DayStats, taken_text
from deskbreak.ui import style
from deskbreak.ui.charts import (
    DAYS_IN_WEEK,
    STACKED_OUTCOMES,
    Chart,
    LegendEntry,
    day_text,
    goal_colors,
    month_name,
    nice_step,
    number_text,
    outcome_colors,
    outcome_words,
    rounded_top,
    weekday_name,
)


# Stacked, but in the legend only when the week has them.
RARE_OUTCOMES = ("hurt", "missed")


class WeekChart(Chart):
    """Bars for Monday to Sunday, each stacking how the day's breaks ended.

    Days after today get a label but no bar. Every break of the history is in
    one bar, whatever it came to. The legend carries the week's total per
    outcome, and the postponements, which are not stacked.
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
        self.show_figures(self._description())

    def week_dates(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range(DAYS_IN_WEEK)]

    @staticmethod
    def stacked_total(day: DayStats) -> int:
        return day.ended

    def totals(self) -> dict[str, int]:
        """The week's count per stacked outcome, and the postponements."""
        names = (*STACKED_OUTCOMES, "postponed")
        return {name: sum(getattr(day, name) for day in self.days.values()) for name in names}

    # -- words ----------------------------------------------------------------

    def day_summary(self, day: DayStats) -> str:
        """ "5 completed, 1 partly done, 1 skipped, 2 away from the desk, 1 missed (1 postponed)":
        what the bar stacks (the rarer ends only when they happened), then the postponements."""
        if not self.stacked_total(day) and not day.postponed:
            return translate("charts", "no breaks")
        parts = [translate("charts", "{n} completed").format(n=day.completed),
                 translate("charts", "{n} partly done").format(n=day.partial),
                 translate("charts", "{n} skipped").format(n=day.skipped),
                 translate("charts", "{n} away from the desk").format(n=day.natural)]
        if day.hurt:
            parts.append(translate("charts", "{n} stopped because it hurt").format(n=day.hurt))
        if day.missed:
            parts.append(translate("charts", "{n} missed").format(n=day.missed))
        text = ", ".join(parts)
        if not day.postponed:
            return text
        return text + translate("charts", " ({extras})").format(
            extras=translate("charts", "{n} postponed").format(n=day.postponed))

    def _description(self) -> str:
        described = [translate("charts", "{day} {summary}").format(
            day=weekday_name(day.weekday(), short=False), summary=self.day_summary(self.days[day]))
            for day in self.week_dates() if day in self.days]
        if not any(self.stacked_total(day) or day.postponed for day in self.days.values()):
            return translate("charts", "This week: no breaks yet.")
        return translate("charts", "This week: {days}.").format(days="; ".join(described))

    def legend_entries(self) -> list[LegendEntry]:
        colors, words, totals = outcome_colors(self.palette()), outcome_words(), self.totals()
        # The rare ends (it hurt, missed) only in a week that had them: a key to what is drawn.
        entries = [LegendEntry(translate("charts", "{outcome} {n}").format(outcome=words[name], n=totals[name]),
                               colors[name]) for name in STACKED_OUTCOMES
                   if totals[name] or name not in RARE_OUTCOMES]
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
                painter.setClipPath(rounded_top(bar, line * 0.3))
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

        if not self.loading and not any(self.stacked_total(day) for day in self.days.values()):
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
        self._label_width_for: tuple[tuple[str, str] | None, float] = (None, 0.0)
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
        self.show_figures(self._description())

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
        taken = translate("charts", "{taken_of} sit-breaks taken").format(
            taken_of=taken_text(stats.sit_taken, stats.sit_chances))
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
        # Asked for every cell and at every step of a layout (some 300 times as the
        # history window opens): measured again only for another font or language.
        key = (self.font().key(), QLocale().name())
        if self._label_width_for[0] != key:
            metrics = self.metrics(self.small_font())
            width = max(metrics.horizontalAdvance(weekday_name(n, short=True)) for n in range(DAYS_IN_WEEK))
            self._label_width_for = (key, width + self.line() * 0.5)
        return self._label_width_for[1]

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
                if state == "future" or self.loading:
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
