"""The history window's charts: they draw in light and dark, say their numbers, and survive no data."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QLocale, QPointF
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from deskbreak.core.history.stats import DayStats
from deskbreak.ui.charts import (
    TargetMinutesChart,
    goal_colors,
    minutes_text,
    nice_step,
    outcome_colors,
)

from deskbreak.ui.day_charts import GoalHeatmap, WeekChart

from .test_contrast import dark_palette, light_palette

THURSDAY = date(2026, 12, 3)
MONDAY = THURSDAY - timedelta(days=3)


def day(on: date, **counts) -> DayStats:
    return DayStats(date=on, **counts)


def this_week() -> list[DayStats]:
    """Monday to today (Thursday): Monday busy, Tuesday a little of everything, Wednesday off."""
    return [
        day(MONDAY, completed=5, partial=1, skipped=1, postponed=2, sit_prompted=7, sit_taken=5, sit_chances=7),
        day(MONDAY + timedelta(days=1), completed=3, natural=2, skipped=2, missed=1, sit_prompted=5, sit_taken=5, sit_chances=5),
        day(MONDAY + timedelta(days=2)),
        day(THURSDAY, completed=2, sit_prompted=4, sit_taken=2, sit_chances=4),
    ]


def week_chart() -> WeekChart:
    chart = WeekChart(THURSDAY)
    chart.set_week(MONDAY, this_week(), THURSDAY)
    return chart


def heatmap() -> GoalHeatmap:
    chart = GoalHeatmap(THURSDAY, 80)
    chart.set_days(this_week(), 80, THURSDAY)
    return chart


def target_chart() -> TargetMinutesChart:
    chart = TargetMinutesChart()
    chart.set_rows([("Lower back", 42.0), ("Hamstrings", 7.5), ("Feet", 0.0)])
    return chart


CHARTS = {"week": week_chart, "heatmap": heatmap, "targets": target_chart}


def drawn_pixels(chart, palette: QPalette) -> int:
    """Pixels of the chart that are not its background, at its natural size."""
    chart.setPalette(palette)
    width = chart.sizeHint().width()
    chart.resize(width, chart.heightForWidth(width))
    image = chart.grab().toImage()
    background = palette.color(QPalette.ColorRole.Window).rgb()
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if image.pixel(x, y) != background)


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
@pytest.mark.parametrize("make", CHARTS.values(), ids=CHARTS.keys())
def test_every_chart_draws_something_in_light_and_dark(qapp, make, palette):
    chart = make()
    sampled = (chart.sizeHint().width() // 2) * (chart.heightForWidth(chart.sizeHint().width()) // 2)
    assert drawn_pixels(chart, palette) > sampled * 0.05


@pytest.mark.parametrize("make", [lambda: WeekChart(THURSDAY), lambda: GoalHeatmap(THURSDAY, 80),
                                  TargetMinutesChart], ids=CHARTS.keys())
def test_a_chart_with_no_data_draws_its_frame_and_says_so(qapp, make):
    chart = make()
    assert drawn_pixels(chart, light_palette()) > 0
    assert chart.accessibleDescription()


def test_the_week_chart_states_each_days_numbers():
    description = week_chart().accessibleDescription()
    assert "Monday 5 completed, 1 partly done, 1 skipped, 0 away from the desk (2 postponed)" in description
    assert "Tuesday 3 completed, 0 partly done, 2 skipped, 2 away from the desk, 1 missed;" in description
    assert "Wednesday no breaks" in description
    assert "Thursday 2 completed" in description
    assert "Friday" not in description  # still to come


def test_the_week_chart_legend_totals_the_week_and_keeps_postponed_out_of_the_stack():
    chart = week_chart()
    assert chart.totals() == {"completed": 10, "natural": 2, "partial": 1, "skipped": 3, "hurt": 0, "missed": 1,
                              "postponed": 2}
    legend = [entry.text for entry in chart.legend_entries()]
    assert legend == ["Completed 10", "Away from the desk 2", "Partly done 1", "Skipped 3", "Missed 1",
                      "2 postponed (not stacked)"]
    assert chart.stacked_total(this_week()[0]) == 7


def test_every_break_is_in_a_bar_whatever_it_came_to():
    # Issue 16: breaks stopped with This hurts (and missed ones) were left out of the bars.
    chart = WeekChart(THURSDAY)
    chart.set_week(MONDAY, [day(MONDAY, completed=1, hurt=2, missed=1, sit_prompted=4, sit_chances=4)], THURSDAY)
    assert chart.stacked_total(chart.days[MONDAY]) == 4
    assert "Monday 1 completed, 0 partly done, 0 skipped, 0 away from the desk, 2 stopped because it hurt, " \
           "1 missed." in chart.accessibleDescription()
    assert [entry.text for entry in chart.legend_entries()][4:6] == ["Stopped: it hurt 2", "Missed 1"]


def test_the_week_chart_scale_is_round_and_never_below_four():
    assert nice_step(4) == 1
    assert nice_step(7) == 2
    assert nice_step(18) == 5
    assert nice_step(130) == 50
    chart = WeekChart(THURSDAY)
    assert chart._scale() == (1, 4)


def test_hovering_a_bar_names_the_day_and_its_breaks(qapp):
    chart = week_chart()
    chart.resize(chart.sizeHint())
    chart.grab()  # paints, which places the hot spots
    monday = chart.slot_rects()[0]
    text = chart.tooltip_at(QPointF(monday.center().x(), chart.height() * 0.5))
    assert text.startswith("Monday 30 November: 5 completed")
    friday = chart.slot_rects()[4]
    assert chart.tooltip_at(QPointF(friday.center().x(), chart.height() * 0.5)) == ""


def test_the_heatmap_tells_met_missed_neutral_and_future_days_apart():
    chart = heatmap()
    assert chart.state(MONDAY) == "not_met"  # 5 of 7 is 71 %, the goal 80
    assert chart.state(MONDAY + timedelta(days=1)) == "met"
    assert chart.state(MONDAY + timedelta(days=2)) == "neutral"  # no prompted sit-break
    assert chart.state(THURSDAY) == "not_met"
    assert chart.state(THURSDAY + timedelta(days=1)) == "future"
    assert chart.state(MONDAY - timedelta(days=30)) == "neutral"  # before the history


def test_the_heatmap_states_its_counts(qapp):
    chart = heatmap()
    counts = chart.counts()
    assert counts["met"] == 1 and counts["not_met"] == 2
    assert counts["met"] + counts["not_met"] + counts["neutral"] == 7 * 11 + 4  # up to today
    description = chart.accessibleDescription()
    assert "Daily goal of 80 % over the last 12 weeks. Days met: 1; not met: 2; without" in description
    assert "week of 30 November: met 1, not met 2" in description
    chart.resize(chart.sizeHint())
    chart.grab()
    tip = chart.tooltip_at(chart.cell_rect(THURSDAY).center())
    assert tip == "Thursday 3 December: 2 of 4 sit-breaks taken, goal not met"


def test_the_heatmap_has_twelve_columns_ending_this_week():
    columns = heatmap().grid_dates()
    assert len(columns) == 12 and all(len(column) == 7 for column in columns)
    assert columns[-1][0] == MONDAY and columns[0][0] == MONDAY - timedelta(weeks=11)


def test_the_muscle_chart_states_minutes_per_group(qapp):
    chart = target_chart()
    assert chart.accessibleDescription() == \
        "Minutes per muscle group: Lower back 42 min, Hamstrings 7.5 min, Feet 0 min."
    chart.resize(chart.sizeHint())
    chart.grab()
    assert chart.tooltip_at(QPointF(5, chart.height() / 6)) == "Lower back: 42 min"


@pytest.mark.parametrize("minutes, text", [
    (0, "0 min"), (0.04, "0 min"), (4.5, "4.5 min"), (7.0, "7 min"), (45.4, "45 min"), (59.4, "59 min"),
    (59.6, "1 h"), (94, "1 h 34 min"), (125, "2 h 5 min"), (72_240, "{thousands} h"),
])
def test_minutes_read_at_a_glance(minutes, text):
    # Thousands are grouped the way the user's locale groups them.
    assert minutes_text(minutes) == text.format(thousands=QLocale().toString(1204))


@pytest.mark.parametrize("make", CHARTS.values(), ids=CHARTS.keys())
def test_charts_grow_with_the_font(qapp, make):
    chart = make()
    normal = chart.sizeHint()
    font = chart.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    chart.setFont(font)
    larger = chart.sizeHint()
    assert larger.width() > normal.width() and larger.height() > normal.height()


def test_a_wrapped_legend_claims_its_height(qtbot):
    chart = week_chart()
    qtbot.addWidget(chart)
    chart.show()
    wide = chart.heightForWidth(800)
    narrow = chart.heightForWidth(220)
    assert narrow > wide
    chart.resize(220, 50)
    assert chart.minimumHeight() == narrow


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
@pytest.mark.parametrize("colours_of", [outcome_colors, goal_colors], ids=["outcomes", "goal"])
def test_each_charts_colours_differ_from_each_other_and_the_background(palette, colours_of):
    colours = [QColor(c).name() for c in colours_of(palette).values()]
    assert len(set(colours)) == len(colours)
    assert palette.color(QPalette.ColorRole.Window).name() not in colours


def test_charts_need_no_running_window(qapp: QApplication):
    # Built and described before any show(): the window fills them in its constructor.
    assert week_chart().accessibleDescription().startswith("This week: Monday")
