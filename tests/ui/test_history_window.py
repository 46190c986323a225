"""The history window: opens on any history, shows the core's figures, filters its table, stays quick."""

from __future__ import annotations

import sqlite3
import time
from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from deskbreak.core.history import HistoryError, HistoryStore
from deskbreak.core.settings import Settings
from deskbreak.ui.history_window import HistoryWindow

THURSDAY = date(2026, 12, 3)
ZONE = timezone(timedelta(hours=1))
HAMSTRINGS = "supine-hamstring-opener"  # hamstrings, lower back
UPPER_BACK = "seated-upper-back-stretch"  # upper back, shoulders


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)


def sit_break(store: HistoryStore, due: datetime, outcome: str, done: int = 0, planned: int = 4,
              exercise: str = UPPER_BACK, note: str = "") -> None:
    """A prompted sit-break shown at ``due``: ``done`` exercises of a minute each, then one left half way."""
    break_id = store.start_break("sit", "sit-break", due, due, planned)
    moment = due
    for _ in range(done):
        moment += timedelta(minutes=1)
        store.record_exercise(break_id, exercise, 60.0, True, moment)
    if outcome == "partial":
        store.record_exercise(break_id, exercise, 30.0, False, moment + timedelta(seconds=30))
    store.finish_break(break_id, moment + timedelta(minutes=1), outcome, note)


@pytest.fixture
def store(tmp_path):
    with HistoryStore(tmp_path / "history.sqlite3") as history:
        yield history


@pytest.fixture
def seeded(store):
    """Wednesday: 2 of 2 taken (goal met). Today, Thursday: 3 of 5 taken (60 %, not met yet): two
    sit-breaks done, one put off and then done in part, one skipped, and time away from the desk
    (a chance, taken)."""
    wednesday = THURSDAY - timedelta(days=1)
    sit_break(store, at(wednesday, 10), "completed", done=4, exercise=HAMSTRINGS)
    sit_break(store, at(wednesday, 10, 30), "completed", done=4)
    store.record_break("sit", "sit-break", at(THURSDAY, 9, 30), at(THURSDAY, 9, 30), at(THURSDAY, 9, 31), "postponed")
    sit_break(store, at(THURSDAY, 9, 30), "partial", done=2, note="phone rang")
    sit_break(store, at(THURSDAY, 10), "completed", done=4)
    sit_break(store, at(THURSDAY, 10, 30), "skipped")
    sit_break(store, at(THURSDAY, 11), "completed", done=3, planned=3)
    store.record_break("natural", None, None, at(THURSDAY, 12), at(THURSDAY, 12, 40), "natural")
    store.start_break("prerun", "pre-run-glutes", at(THURSDAY, 17, 45), at(THURSDAY, 17, 45), 5)
    return store


def open_window(qtbot, history, catalog, start_break=None, settings=None) -> HistoryWindow:
    window = HistoryWindow(history, catalog, settings or Settings.defaults(), THURSDAY, start_break=start_break)
    qtbot.addWidget(window)
    window.show()
    return window


def table_rows(window: HistoryWindow) -> list[list[str]]:
    model = window.table.model()
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def label_text(window: HistoryWindow, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


@pytest.mark.parametrize("empty", ["no store", "empty store"])
def test_the_window_opens_on_an_empty_history_and_says_so(qtbot, catalog, store, empty):
    window = open_window(qtbot, None if empty == "no store" else store, catalog)
    assert window.windowTitle() == "deskbreak: History"
    assert label_text(window, "historyEmpty").startswith("No breaks recorded yet")
    assert label_text(window, "streakFigureValue") == "No streak yet"
    assert label_text(window, "weekFigureValue") == "0 min"
    assert window.week_chart.accessibleDescription() == "This week: no breaks yet."
    assert "Days met: 0; not met: 0;" in window.heatmap.accessibleDescription()
    assert "Lower back 0 min" in window.target_chart.accessibleDescription()
    assert table_rows(window) == []
    assert window.table.model().rowCount() == 0
    window.grab()  # paints every chart with nothing in it


def test_a_history_that_cannot_be_read_costs_the_figures_not_the_window(qtbot, catalog):
    class BrokenHistory:
        def breaks(self):
            raise HistoryError("cannot read the history in /x/history.sqlite3: disk I/O error")

    window = open_window(qtbot, BrokenHistory(), catalog)
    assert "could not be read" in label_text(window, "historyEmpty")
    assert "disk I/O error" in label_text(window, "historyEmpty")


def test_the_headline_shows_streak_today_and_week_from_the_core(qtbot, catalog, seeded):
    window = open_window(qtbot, seeded, catalog)
    assert not window.empty_label.isVisible()
    # Wednesday met the goal; today is not met yet, which breaks nothing.
    assert label_text(window, "streakFigureValue") == "1-day streak"
    assert "Goal: 80 % of sit-breaks taken" in label_text(window, "streakFigureDetail")
    assert label_text(window, "todayFigureValue") == "3 of 5"
    assert window.today_figure.accessibleName() == "Today: 3 of 5 sit-breaks taken. Goal not met yet."
    # 8 + 2.5 + 4 + 3 = 17.5 minutes of exercise (the skipped break none), shown whole.
    assert label_text(window, "weekFigureValue") == "18 min"
    assert "5 sit-breaks taken" in label_text(window, "weekFigureDetail")


def test_the_charts_get_this_weeks_days_and_twelve_weeks_of_goal(qtbot, catalog, seeded):
    window = open_window(qtbot, seeded, catalog)
    description = window.week_chart.accessibleDescription()
    assert "Wednesday 2 completed" in description
    assert "Thursday 2 completed, 1 partly done, 1 skipped, 1 away from the desk (1 postponed)" in description
    assert window.heatmap.state(THURSDAY - timedelta(days=1)) == "met"
    assert window.heatmap.state(THURSDAY) == "not_met"
    assert window.heatmap.state(THURSDAY - timedelta(days=2)) == "neutral"


def test_the_muscle_groups_follow_the_chosen_period(qtbot, catalog, seeded, store):
    # A hamstring stretch five weeks ago counts in "All time" only.
    sit_break(store, at(THURSDAY - timedelta(weeks=5), 10), "completed", done=10, planned=10, exercise=HAMSTRINGS)
    window = open_window(qtbot, store, catalog)
    rows = dict(window.target_chart.rows)
    assert rows["Hamstrings"] == pytest.approx(4.0)  # four weeks: Wednesday's four minutes
    assert rows["Feet"] == 0.0
    assert list(rows)[:3] == ["Lower back", "Upper back", "Hip flexors"]  # the catalog's order
    window.target_period.setCurrentIndex(window.target_period.findText("All time"))
    assert dict(window.target_chart.rows)["Hamstrings"] == pytest.approx(14.0)
    window.target_period.setCurrentIndex(window.target_period.findText("This week"))
    assert dict(window.target_chart.rows)["Hamstrings"] == pytest.approx(4.0)
    assert "Hamstrings 4 min" in window.target_chart.accessibleDescription()


def test_the_table_lists_every_break_newest_first_in_words(qtbot, catalog, seeded):
    window = open_window(qtbot, seeded, catalog)
    rows = table_rows(window)
    assert len(rows) == 9
    assert rows[0][:3] == ["Thu 3 Dec, 17:45", "Pre-run routine", "In progress"]
    assert rows[1][1:4] == ["Natural break", "Away from the desk", ""]
    by_when_and_outcome = {(row[0], row[2]): row for row in rows}
    partial = by_when_and_outcome[("Thu 3 Dec, 09:30", "Partly done")]
    assert partial[3:] == ["2 of 4", "2 min 30 s", "phone rang"]
    assert by_when_and_outcome[("Thu 3 Dec, 10:30", "Skipped")][3] == "0 of 4"
    assert by_when_and_outcome[("Thu 3 Dec, 11:00", "Completed")][3:5] == ["3 of 3", "3 min"]
    assert by_when_and_outcome[("Thu 3 Dec, 09:30", "Postponed")][3] == ""  # nothing was planned in it
    assert label_text(window, "tableCount") == "9 breaks"


def test_the_table_shows_the_year_only_for_other_years(qtbot, catalog, seeded):
    sit_break(seeded, datetime(2025, 6, 2, 10, 0, tzinfo=ZONE), "completed", done=1, planned=1)
    window = open_window(qtbot, seeded, catalog)
    assert table_rows(window)[-1][0] == "Mon 2 Jun 2025, 10:00"


def test_the_filters_filter_by_kind_and_outcome(qtbot, catalog, seeded):
    window = open_window(qtbot, seeded, catalog)
    window.kind_filter.setCurrentIndex(window.kind_filter.findText("Sit-breaks"))
    assert {row[1] for row in table_rows(window)} == {"Sit-break"}
    assert len(table_rows(window)) == 7
    window.outcome_filter.setCurrentIndex(window.outcome_filter.findText("Completed"))
    assert len(table_rows(window)) == 4
    assert label_text(window, "tableCount") == "4 of 9 breaks"
    window.kind_filter.setCurrentIndex(window.kind_filter.findText("Away from desk"))
    assert table_rows(window) == []
    window.outcome_filter.setCurrentIndex(window.outcome_filter.findText("All outcomes"))
    assert [row[2] for row in table_rows(window)] == ["Away from the desk"]
    window.kind_filter.setCurrentIndex(window.kind_filter.findText("All kinds"))
    assert len(table_rows(window)) == 9


def test_the_filter_offers_every_outcome_in_words(qtbot, catalog, store):
    window = open_window(qtbot, store, catalog)
    choices = [window.outcome_filter.itemText(i) for i in range(window.outcome_filter.count())]
    assert choices == ["All outcomes", "Completed", "Partly done", "Skipped", "Postponed", "Missed",
                       "Stopped: it hurt", "Away from the desk"]
    kinds = [window.kind_filter.itemText(i) for i in range(window.kind_filter.count())]
    assert kinds == ["All kinds", "Sit-breaks", "Pre-run", "Back care", "Away from desk"]


def test_a_column_header_sorts_the_table(qtbot, catalog, seeded):
    window = open_window(qtbot, seeded, catalog)
    window.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # Exercises
    assert table_rows(window)[0][3] == "4 of 4"
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert table_rows(window)[0][0] == "Wed 2 Dec, 10:00"
    window.outcome_filter.setCurrentIndex(window.outcome_filter.findText("Skipped"))
    assert len(table_rows(window)) == 1  # the filter holds through a sort


def test_neglected_muscle_groups_are_named_with_a_button_to_stretch(qtbot, catalog, seeded):
    started = []
    window = open_window(qtbot, seeded, catalog, start_break=started.append)
    assert "Glutes: never" in window.neglected_rows
    assert not any(row.startswith("Hamstrings") for row in window.neglected_rows)  # worked yesterday
    # No routine works the feet: never offered, so never nagged about.
    assert not any(row.startswith("Feet") for row in window.neglected_rows)
    button = window.findChild(QPushButton, "stretchNowButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert started == [["hip_flexors", "glutes", "core", "legs"]]


def test_no_stretch_button_without_a_way_to_start_a_break(qtbot, catalog, seeded):
    window = open_window(qtbot, seeded, catalog)
    assert window.findChild(QPushButton, "stretchNowButton") is None


def test_with_nothing_neglected_the_window_says_so(qtbot, catalog, seeded):
    settings = Settings.defaults().with_value("neglect_days", 30)
    # Every muscle group within the last days: one exercise for each.
    wide = {e.id for e in catalog.exercises.values()}
    break_id = seeded.start_break("evening", None, None, at(THURSDAY, 20), len(wide))
    for exercise_id in sorted(wide):
        seeded.record_exercise(break_id, exercise_id, 30.0, True, at(THURSDAY, 20, 30))
    seeded.finish_break(break_id, at(THURSDAY, 21), "completed")
    window = open_window(qtbot, seeded, catalog, settings=settings)
    assert label_text(window, "neglectedNone").startswith("Every muscle group worked in the last 30 days")


def test_the_window_scrolls_rather_than_cut_at_a_small_size(qtbot, catalog, seeded):
    window = open_window(qtbot, seeded, catalog)
    window.resize(640, 420)
    qtbot.waitUntil(lambda: window.scroll.verticalScrollBar().maximum() > 0)
    page = window.scroll.widget()
    assert page.height() >= page.minimumSizeHint().height()
    for chart in (window.week_chart, window.heatmap, window.target_chart):
        assert chart.height() >= chart.heightForWidth(chart.width())


def test_the_window_opens_on_forty_thousand_breaks(qtbot, catalog, tmp_path):
    path = tmp_path / "big.sqlite3"
    HistoryStore(path).close()  # the schema, as deskbreak makes it
    start = datetime(2021, 1, 4, 9, 0, tzinfo=ZONE)
    outcomes = ("completed", "completed", "completed", "partial", "skipped", "postponed", "natural")
    breaks, exercises = [], []
    for n in range(40_000):
        when = start + timedelta(days=n // 16, minutes=30 * (n % 16))
        outcome = outcomes[n % len(outcomes)]
        kind = "natural" if outcome == "natural" else "sit"
        stamp = when.isoformat(timespec="milliseconds")
        ended = (when + timedelta(minutes=3)).isoformat(timespec="milliseconds")
        breaks.append((n + 1, kind, None if kind == "natural" else stamp, stamp, ended, outcome,
                       None if kind == "natural" else 3))
        if outcome in ("completed", "partial"):
            exercises.append((n + 1, HAMSTRINGS, 60.0, 1, ended))
    with sqlite3.connect(path) as connection:  # one transaction
        connection.executemany(
            "INSERT INTO breaks (id, kind, due_at, shown_at, ended_at, outcome, planned_exercises)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", breaks)
        connection.executemany(
            "INSERT INTO exercises_done (break_id, exercise_id, seconds, completed, done_at) VALUES (?, ?, ?, ?, ?)",
            exercises)
    connection.close()
    began = time.monotonic()
    with HistoryStore(path) as store:
        window = open_window(qtbot, store, catalog)
    opened = time.monotonic() - began
    assert window.table.model().rowCount() == 40_000
    window.outcome_filter.setCurrentIndex(window.outcome_filter.findText("Skipped"))
    assert window.table.model().rowCount() == 40_000 // 7 + (40_000 % 7 > 4)
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert window.table.model().index(0, 0).data() == "Mon 4 Jan 2021, 11:00"
    window.grab()
    # Generous: a shared CI machine, not a benchmark; it opens in about a second here.
    assert opened < 20, f"opening took {opened:.1f} s"


def test_a_theme_switch_recolours_what_the_window_derived_from_the_palette(qtbot, catalog, seeded):
    from deskbreak.ui import style

    from .test_contrast import dark_palette, light_palette

    window = open_window(qtbot, seeded, catalog)
    window.setPalette(light_palette())
    window.setPalette(dark_palette())
    muted = [label for label in window.findChildren(QLabel) if label.property("muted")]
    assert muted
    expected = style.muted_color(dark_palette()).name()
    assert {label.palette().color(label.foregroundRole()).name() for label in muted} == {expected}
    streak_value = window.findChild(QLabel, "streakFigureValue")
    assert streak_value.palette().color(streak_value.foregroundRole()).name() == \
        style.accent_color(dark_palette()).name()
