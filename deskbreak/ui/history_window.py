"""The history window: the streak, this week, the daily goal, the muscle groups, every break.

Top to bottom, from what a person opens it for to the detail behind it: a
headline band (the current streak, today's sit-breaks, this week's minutes),
this week's breaks by day, twelve weeks of the daily goal, minutes per
muscle group over a chosen period, the muscle groups not stretched lately
(with a button to stretch now), and every break in a filterable table.

The history is read once, when the window opens, and every figure comes
from :func:`deskbreak.core.history.stats.compute_stats`, the same numbers
``deskbreak stats`` prints; the window only chooses which to show and adds
up the core's per-day figures for the period picked. A history that cannot
be read costs the figures, never the app: the window opens and says why.

Five years of breaks take half a second and more to read and work out, so
the app's window paints first with what this week's breaks give (today,
this week, the newest rows) and has the rest read on the history writer's
thread (:mod:`deskbreak.ui.background_read`); see :class:`HistoryWindow`.

The table of every break is in :mod:`deskbreak.ui.history_table`, the
window's building blocks in :mod:`deskbreak.ui.history_parts`.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from deskbreak.core.content.catalog import TARGETS, Catalog
from deskbreak.core.history import BreakRecord, HistoryError, HistoryStore
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate
from deskbreak.core.kinds import BREAK_KIND_NAMES, NATURAL_BREAK_KIND
from deskbreak.core.settings import Settings
from deskbreak.core.history.stats import (GOAL_RULE, MINUTES_RULE, NEGLECT_RULE, DayStats, StatsReport, stats_for,
                                  taken_text, target_label)
from deskbreak.ui import screen_fit, style
from deskbreak.ui.background_read import BackgroundRead, HistoryReader
from deskbreak.ui.break_widgets import Card, make_button, make_label, refont_labels, set_text
from deskbreak.ui.history_parts import HeadlineFigure, SideBySide, labelled_combo, muted_label, section
from deskbreak.ui.history_table import (
    KIND_FILTERS,
    OUTCOME_FILTERS,
    OUTCOME_LABELS,
    BreakTable,
    BreakTableModel,
    active_text,
    kind_label,
    newest_first,
    outcome_label,
)
from deskbreak.ui.charts import TargetMinutesChart, charts, loading_text, minutes_text, number_text
from deskbreak.ui.day_charts import GoalHeatmap, WeekChart
from deskbreak.ui.wheel_guard import install_wheel_guard

HEATMAP_WEEKS = 12

# (days back from today, words) for the muscle-group chart; "week" is the
# calendar week so far, None the whole history.
TARGET_PERIODS: tuple[tuple[int | str | None, str], ...] = (
    ("week", QT_TRANSLATE_NOOP("HistoryWindow", "This week")),
    (28, QT_TRANSLATE_NOOP("HistoryWindow", "Last 4 weeks")),
    (84, QT_TRANSLATE_NOOP("HistoryWindow", "Last 12 weeks")),
    (None, QT_TRANSLATE_NOOP("HistoryWindow", "All time")),
)
DEFAULT_TARGET_PERIOD = 1  # four weeks: long enough to show a habit, short enough to move



# -- what the window reads ---------------------------------------------------------


@dataclass(frozen=True)
class HistoryOverview:
    """The breaks the window shows, newest first, and their figures."""

    records: list[BreakRecord]
    report: StatsReport
    complete: bool
    """False for this week's breaks only: the first page, shown while the rest is read."""


def overview_of(records: Sequence[BreakRecord], catalog: Catalog, settings: Settings, today: date, *,
                complete: bool = True) -> HistoryOverview:
    """The figures of ``records`` from the first day the window can show to today.

    Plain Python, no Qt: for the whole history it runs on the history
    writer's thread. Only this week's figures of an incomplete overview
    mean anything (the streak and neglect need every break).
    """
    monday = today - timedelta(days=today.weekday())
    first = monday
    if complete:
        first = monday - timedelta(weeks=HEATMAP_WEEKS - 1)
        moments = [record.moment.date() for record in records if record.moment is not None]
        first = min([first, *moments])
    report = stats_for(records, catalog, settings, first=min(first, today), last=today)
    return HistoryOverview(newest_first(records), report, complete)


def this_week_since(today: date) -> datetime:
    """The earliest moment anywhere on Earth's wall clocks read this week's Monday.

    A break's day is its date in the UTC offset it was stored with, so this
    reads a little of Sunday too, never less than the whole week.
    """
    monday = today - timedelta(days=today.weekday())
    return datetime.combine(monday, time.min, tzinfo=timezone(timedelta(hours=14)))


# -- the window ------------------------------------------------------------------


class HistoryWindow(QWidget):
    """The history, read when the window opens.

    Without a ``reader`` (tests, tools) the whole history is read at once,
    here. With one (the app's history writer) the window reads only this
    week's breaks here, paints this week's figures and newest rows, and has
    the reader read everything once it has been painted; until then the
    figures that need every break say they are loading, and the table can
    be neither sorted nor filtered. ``loaded`` is emitted when the rest is
    shown. A window closed first cancels the read, or drops what it brings.

    ``start_break(targets)``, if given, backs the "Stretch now" button: it is
    handed the neglected muscle groups, most neglected first.
    """

    loaded = Signal()

    def __init__(self, history: HistoryStore | None, catalog: Catalog, settings: Settings, today: date,
                 start_break: Callable[[Sequence[str]], None] | None = None, *,
                 reader: HistoryReader | None = None) -> None:
        super().__init__(None, Qt.WindowType.Window)
        install_wheel_guard(QApplication.instance())
        self.setObjectName("historyWindow")
        self.setWindowTitle(translate("HistoryWindow", "deskbreak: History"))
        self.today = today
        self.catalog = catalog
        self.settings = settings
        self.start_break = start_break
        self.problem = ""
        self._reader = reader
        self._read: BackgroundRead | None = None
        self._read_asked = False
        if reader is None or history is None:
            self._take(self._read_everything(history))
        else:
            self._take(self._read_this_week(history))

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("historyScroll")
        # It takes Tab, so the keys can scroll past the charts; a screen reader says what it is.
        self.scroll.setAccessibleName(self.windowTitle())
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll)
        content = QWidget()
        content.setObjectName("historyContent")
        self.scroll.setWidget(content)
        line = self.fontMetrics().height()
        page = QVBoxLayout(content)
        page.setContentsMargins(round(line * 1.2), round(line), round(line * 1.2), round(line * 1.2))
        page.setSpacing(round(line * 0.9))

        self.headline = self._headline()
        page.addWidget(self.headline)
        self.empty_label = make_label("", name="historyEmpty", scale=1.1)
        page.addWidget(self.empty_label)
        page.addWidget(SideBySide(self._week_section(), self._goal_section()))
        page.addWidget(SideBySide(self._targets_section(), self._neglected_section()))
        page.addWidget(self._table_section(), 1)
        self._fill()
        if self.loading:
            # The rest is read once the window is on screen: a read begun
            # earlier would take its turns on the interpreter from the first paint.
            self.headline.installEventFilter(self)

        # The page scrolls, so on a small screen the window is simply smaller.
        screen_fit.place(self, QSize(round(line * 53), round(line * 41)))

    # -- reading ------------------------------------------------------------

    def _read_everything(self, history: HistoryStore | None) -> HistoryOverview:
        records: list[BreakRecord] = []
        if history is not None:
            try:
                records = history.breaks()
            except HistoryError as error:
                self.problem = str(error)
        return overview_of(records, self.catalog, self.settings, self.today)

    def _read_this_week(self, history: HistoryStore) -> HistoryOverview:
        try:
            records = history.breaks(this_week_since(self.today))
        except HistoryError as error:
            self.problem = str(error)
            return overview_of([], self.catalog, self.settings, self.today)
        return overview_of(records, self.catalog, self.settings, self.today, complete=False)

    def _take(self, overview: HistoryOverview) -> None:
        self.records = overview.records
        self.report = overview.report
        self.loading = not overview.complete

    @property
    def load_queued(self) -> bool:
        """Whether the read of every break has been handed to the reader and not yet delivered."""
        return self._read is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.headline and event.type() == QEvent.Type.Paint and self.loading and not self._read_asked:
            self._read_asked = True
            # After this paint is flushed: the whole first frame comes before the read.
            QTimer.singleShot(0, self, self._read_the_rest)
        return False

    def _read_the_rest(self) -> None:
        self._read_asked = False
        if not self.loading or self._read is not None or not self.isVisible():
            return
        catalog, settings, today = self.catalog, self.settings, self.today
        self._read = BackgroundRead(self._reader, "read the history for its window",
                                    lambda store: overview_of(store.breaks(), catalog, settings, today),
                                    self._every_break_read)

    def _every_break_read(self, read: Future[HistoryOverview]) -> None:
        self._read = None
        try:
            overview = read.result()
        except Exception as error:  # noqa: BLE001 (the reader logged it; it costs the figures, not the window)
            self.problem = str(error)
            overview = overview_of([], self.catalog, self.settings, self.today)
        self._take(overview)
        self.headline.removeEventFilter(self)
        # One repaint with everything in it.
        self.setUpdatesEnabled(False)
        try:
            self._fill()
        finally:
            self.setUpdatesEnabled(True)
        self.loaded.emit()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._read is not None:
            self._read.cancel()  # shown again, it is read again, from its first paint
            self._read = None
        super().closeEvent(event)

    def _fill(self) -> None:
        """Every part from the overview taken last; those that need every break say so until then."""
        self._fill_headline()
        start, days = self.this_week()
        self.week_chart.set_week(start, days, self.today)
        if self.loading:
            self.heatmap.show_loading()
        else:
            self.heatmap.set_days(self.report.days, self.settings.daily_goal, self.today)
        self.target_period.setEnabled(not self.loading)
        self._show_target_minutes()
        self._fill_neglected()
        self._fill_table()
        empty = "" if self.loading else self._empty_text()
        set_text(self.empty_label, empty)
        self.empty_label.setVisible(bool(empty))
        self._recolour()

    def _empty_text(self) -> str:
        if self.problem:
            return translate("HistoryWindow", "The history could not be read: {problem}").format(problem=self.problem)
        if self.records:
            return ""
        return translate("HistoryWindow", "No breaks recorded yet. Your sit-breaks will fill this page in.")

    def this_week(self) -> tuple[date, tuple[DayStats, ...]]:
        """The Monday of this week and its days so far."""
        week = self.report.weeks[-1]
        return week.start, week.days

    # -- the headline band ----------------------------------------------------

    def _headline(self) -> Card:
        band = Card()
        band.setObjectName("historyHeadline")
        line = band.fontMetrics().height()
        row = QHBoxLayout(band)
        row.setContentsMargins(round(line * 1.3), round(line), round(line * 1.3), round(line))
        row.setSpacing(round(line * 2))
        self.streak_figure = HeadlineFigure(translate("HistoryWindow", "Streak"), "streakFigure")
        self.today_figure = HeadlineFigure(translate("HistoryWindow", "Today"), "todayFigure")
        self.week_figure = HeadlineFigure(translate("HistoryWindow", "This week"), "weekFigure")
        for figure in (self.streak_figure, self.today_figure, self.week_figure):
            row.addWidget(figure, 1)
        return band

    def _fill_headline(self) -> None:
        self._fill_streak()

        today = self.report.days[-1]
        met = today.goal_met(self.settings.daily_goal)
        if today.sit_prompted:
            value = taken_text(today.sit_taken, today.sit_chances)
            verdict = translate("HistoryWindow", "Goal met") if met else translate("HistoryWindow", "Goal not met yet")
            detail = translate("HistoryWindow", "sit-breaks taken\n{verdict}").format(verdict=verdict)
            accessible = translate("HistoryWindow", "Today: {taken_of} sit-breaks taken. {verdict}.").format(
                taken_of=value, verdict=verdict)
        else:
            value = "\u2013"
            detail = translate("HistoryWindow", "No sit-break prompted yet today")
            accessible = translate("HistoryWindow", "Today: no sit-break prompted yet.")
        self.today_figure.show_figure(value, detail, accessible, accent=bool(met))

        _start, days = self.this_week()
        minutes = minutes_text(sum(day.minutes for day in days))
        taken = charts.tr("%n sit-breaks taken", None, sum(day.sit_taken for day in days), one="1 sit-break taken")
        exercise = translate("HistoryWindow", "of exercise")
        self.week_figure.show_figure(minutes, f"{exercise}\n{taken}", translate(
            "HistoryWindow", "This week: {minutes} of exercise, {taken}.").format(minutes=minutes, taken=taken))

    def _fill_streak(self) -> None:
        if self.loading:
            caption = translate("HistoryWindow", "Streak")
            self.streak_figure.show_figure("\u2013", loading_text(), f"{caption}: {loading_text()}")
            return
        streak = self.report.streak
        goal = translate("HistoryWindow", "Goal: {goal} % of sit-breaks taken").format(goal=streak.goal)
        best = charts.tr("Best: %n days", None, streak.best, one="Best: 1 day") if streak.best else ""
        if streak.current:
            value = charts.tr("%n-day streak", None, streak.current)
        else:
            value = translate("HistoryWindow", "No streak yet")
        self.streak_figure.show_figure(value, "\n".join(filter(None, (best, goal))),
                                       " ".join(f"{part}." for part in (value, best, goal) if part),
                                       accent=bool(streak.current))

    # -- the charts -------------------------------------------------------------

    def _week_section(self) -> Card:
        card, layout, _header = section(translate("HistoryWindow", "This week"), "weekSection")
        self.week_chart = WeekChart(self.today)
        layout.addWidget(self.week_chart, 1)
        return card

    def _goal_section(self) -> Card:
        title = translate("HistoryWindow", "Daily goal, last {weeks} weeks").format(weeks=HEATMAP_WEEKS)
        card, layout, _header = section(title, "goalSection")
        self.heatmap = GoalHeatmap(self.today, self.settings.daily_goal, weeks=HEATMAP_WEEKS)
        layout.addWidget(self.heatmap)
        layout.addWidget(muted_label(translate("stats", GOAL_RULE).format(goal=self.settings.daily_goal),
                                     name="goalCaption", scale=0.85))
        layout.addStretch(1)
        return card

    def _targets_section(self) -> Card:
        card, layout, header = section(translate("HistoryWindow", "Minutes per muscle group"), "targetsSection")
        self.target_period = labelled_combo("", TARGET_PERIODS, "targetPeriod", header)
        self.target_period.setAccessibleName(translate("HistoryWindow", "Period"))
        self.target_period.setCurrentIndex(DEFAULT_TARGET_PERIOD)
        self.target_chart = TargetMinutesChart()
        layout.addWidget(self.target_chart)
        layout.addWidget(muted_label(translate("stats", MINUTES_RULE), name="targetsCaption", scale=0.85))
        layout.addStretch(1)
        self.target_period.currentIndexChanged.connect(self._show_target_minutes)
        return card

    def target_minutes(self, period: int | str | None) -> dict[str, float]:
        """Minutes per target over the period (see TARGET_PERIODS), summed from the core's days."""
        if period is None:
            return dict(self.report.minutes_by_target)
        if period == "week":
            days = self.this_week()[1]
        else:
            since = self.today - timedelta(days=int(period) - 1)
            days = [day for day in self.report.days if day.date >= since]
        total = dict.fromkeys(TARGETS, 0.0)
        for day in days:
            for target, minutes in day.minutes_by_target.items():
                total[target] = total.get(target, 0.0) + minutes
        return total

    def _show_target_minutes(self, *_args) -> None:
        # While loading: every muscle group's row, empty, so nothing moves when the figures come.
        minutes = {} if self.loading else self.target_minutes(self.target_period.currentData())
        order = [*TARGETS, *sorted(set(minutes) - set(TARGETS))]
        self.target_chart.set_rows([(target_label(target), minutes.get(target, 0.0)) for target in order])
        if self.loading:
            self.target_chart.show_loading()

    def _neglected_section(self) -> Card:
        card, layout, _header = section(translate("HistoryWindow", "Not stretched lately"), "neglectedSection")
        self.neglected_rows: list[str] = []
        self.neglected_content = QWidget()
        self.neglected_layout = layout
        layout.addWidget(self.neglected_content)
        self.stretch_button = None
        if self.start_break is not None:
            self.stretch_button = make_button(
                translate("HistoryWindow", "Stretch now"), "stretchNowButton",
                translate("HistoryWindow", "Start the break that works these muscle groups"),
                lambda: self.start_break([item.target for item in self.report.neglected]))
            self.stretch_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            row = QHBoxLayout()
            row.addWidget(self.stretch_button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(1)
        return card

    def _fill_neglected(self) -> None:
        old, self.neglected_content = self.neglected_content, self._neglected_content()
        self.neglected_layout.replaceWidget(old, self.neglected_content)
        old.setParent(None)  # gone now, not at the next turn of the event loop
        if self.stretch_button is not None:
            self.stretch_button.setEnabled(not self.loading)

    def _neglected_content(self) -> QWidget:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self.neglected_layout.spacing())
        neglected = self.report.neglected
        days = self.settings.neglect_days
        self.neglected_rows = []
        if self.loading:
            layout.addWidget(muted_label(loading_text(), name="neglectedLoading"))
        elif not self.records:
            layout.addWidget(muted_label(
                translate("HistoryWindow", "Nothing yet: the muscle groups your breaks work will show here.")))
        elif not neglected:
            layout.addWidget(make_label(
                charts.tr("Every muscle group worked in the last %n days. Nicely balanced.", None, days,
                          one="Every muscle group worked today. Nicely balanced."),
                name="neglectedNone"))
        else:
            layout.addWidget(muted_label(charts.tr("Not worked for %n days or more:", None, days,
                                                   one="Not worked for a day or more:"), scale=0.9))
            grid = QGridLayout()
            grid.setHorizontalSpacing(round(self.fontMetrics().height() * 1.5))
            grid.setColumnStretch(2, 1)
            for row, item in enumerate(neglected):
                label = make_label(target_label(item.target), wrap=False)
                if item.days is None:
                    since = translate("HistoryWindow", "never")
                else:
                    since = charts.tr("%n days", None, item.days, one="1 day")
                when = muted_label(since, scale=1.0)
                text = translate("HistoryWindow", "{target}: {since}").format(
                    target=target_label(item.target), since=since)
                label.setAccessibleName(text)
                when.setAccessibleName(text)
                self.neglected_rows.append(text)
                grid.addWidget(label, row, 0)
                grid.addWidget(when, row, 1)
            layout.addLayout(grid)
            # Beside a muscle group with minutes this week, "never" needs its reason.
            layout.addWidget(muted_label(translate("stats", NEGLECT_RULE), name="neglectedCaption", scale=0.85))
        return content

    # -- the table --------------------------------------------------------------

    def _table_section(self) -> Card:
        card, layout, header = section(translate("HistoryWindow", "All breaks"), "tableSection")
        self.kind_filter = labelled_combo(translate("HistoryWindow", "Kind"), KIND_FILTERS, "kindFilter", header)
        header.addSpacing(card.fontMetrics().height())
        self.outcome_filter = labelled_combo(translate("HistoryWindow", "Outcome"), OUTCOME_FILTERS, "outcomeFilter",
                                             header)

        self.model = BreakTableModel(self.records, self.today.year, self,
                                     names={e.id: e.shown_name() for e in self.catalog.exercises.values()})
        self.table = BreakTable()
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(translate("HistoryWindow", "All breaks"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        layout.addWidget(self.table, 1)

        self.count_label = muted_label(name="tableCount", scale=0.9)
        layout.addWidget(self.count_label)
        self.kind_filter.currentIndexChanged.connect(self._apply_filter)
        self.outcome_filter.currentIndexChanged.connect(self._apply_filter)
        return card

    def _fill_table(self) -> None:
        header = self.table.horizontalHeader()
        if self.loading:
            # Sorting or filtering the first page would answer for a part of the history.
            header.setSectionsClickable(False)
            header.setSortIndicatorShown(True)
        else:
            self.model.show_every_break(self.records)
            self.table.setSortingEnabled(True)
            header.setSectionsClickable(True)
        for combo in (self.kind_filter, self.outcome_filter):
            combo.setEnabled(not self.loading)
        self._size_table()
        self._apply_filter()

    def _size_table(self) -> None:
        """Fixed row height and column widths from the font: no per-row measuring of 40,000 rows."""
        metrics = self.table.fontMetrics()
        line = metrics.height()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(round(line * 1.7))
        columns = self.table.horizontalHeader()
        samples = (
            # A long day and month name, in another year if the table has one.
            [self.model.when_text(datetime(self.today.year - self.model.spans_years(), 9, 30, 23, 59))],
            [kind_label(kind) for kind in (*BREAK_KIND_NAMES, NATURAL_BREAK_KIND)],
            [outcome_label(outcome) for outcome in OUTCOME_LABELS],
            [translate("HistoryWindow", "{done} of {planned}").format(done=10, planned=10)],
            [active_text(59 * 60 + 59)],
        )
        self.table.set_preferred_widths([
            round(max(metrics.horizontalAdvance(text) for text in [*texts, self.model.columns[column].title])
                  + line * 1.6)
            for column, texts in enumerate(samples)])
        self.table.setMinimumHeight(round(line * 1.7 * 12 + columns.sizeHint().height()))

    def _apply_filter(self, *_args) -> None:
        self.model.set_filter(self.kind_filter.currentData(), self.outcome_filter.currentData())
        if self.loading:
            set_text(self.count_label, translate("HistoryWindow", "Loading all breaks\u2026"))
            return
        shown, total = self.model.rowCount(), self.model.total()
        if shown == total:
            text = charts.tr("%n breaks", None, total, one="1 break")
        else:
            text = translate("HistoryWindow", "{shown} of {total} breaks").format(
                shown=number_text(shown), total=number_text(total))
        set_text(self.count_label, text)

    # -- following the system -------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.ApplicationFontChange:
            refont_labels(self)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._recolour()
        super().changeEvent(event)

    def _recolour(self) -> None:
        """Colours derived from the palette, derived again: a theme switch must not leave dark text on dark."""
        muted = style.muted_color(self.palette())
        for label in self.findChildren(QLabel):
            if label.property("muted"):
                style.set_text_color(label, muted)
