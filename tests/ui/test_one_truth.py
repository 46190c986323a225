"""One truth in the history: every panel, ``deskbreak stats`` and the log tell the same story (issue 16).

One history is built through the real app (the break window, the engine and
the history store, as a user makes it), and then every figure shown about it
is read back from where the user sees it: the history window's headline, its
week chart, its goal heatmap, its muscle-group chart and its "not stretched
lately" panel, ``deskbreak stats --json``, and the log. They must agree, and
where two panels count differently on purpose, their captions must say so.
"""

from __future__ import annotations

import json
import logging
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from deskbreak.core import commands as cmd
from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.clock import FakeClock
from deskbreak.core.history import HistoryStore
from deskbreak.core.kinds import BreakKind
from deskbreak.core.settings import Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.core.history.stats import target_label
from deskbreak.ui.app import DeskbreakApp
from deskbreak.ui.charts import STACKED_OUTCOMES, minutes_text
from deskbreak.ui.history_window import HistoryWindow
from support.app_builder import MONDAY_9, advance_to, make_app
from support.fakes import SettableIdle, run_cli

from .test_app import recorded


def test_time_away_is_recorded_to_the_nearest_minute(qtbot, tmp_path):
    # Issue 16, item 13: 120 s away was recorded as "away from the desk for 3 min".
    store = SettingsStore(tmp_path / "settings.toml",
                          Settings.defaults().with_values(natural_break="1m", runs={}))
    idle = SettableIdle()
    app = make_app(tmp_path, store=store, idle=idle)
    app.start()
    left = app.clock.now()
    app.clock.advance(90)
    idle.seconds = 90.0
    app.tick()
    app.clock.advance(30.4)
    idle.seconds = 0.0
    app.tick()
    [natural] = [r for r in recorded(app, qtbot).breaks() if r.kind == "natural"]
    assert (natural.ended_at - left).total_seconds() == pytest.approx(120.4)
    assert natural.note == "away from the desk for 2 min"
    app.shutdown()


# -- one history, made as a user makes it ----------------------------------------------

TUESDAY_9 = MONDAY_9 + timedelta(days=1)
SETTINGS_TOML = """\
lead_in = "1s"
runs = "tue 10:30"
natural_break = "5m"
"""


class Desk:
    """The real app on one profile folder, a fake clock and a settable idle time."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.clock = FakeClock(MONDAY_9)
        self.idle = SettableIdle()
        (folder / "settings.toml").write_text(SETTINGS_TOML)
        self.app: DeskbreakApp | None = None

    def start(self, at) -> None:
        self.clock.set(at)
        store, problems = SettingsStore.load(self.folder / "settings.toml", at)
        assert problems == []
        self.app = make_app(self.folder, store=store, clock=self.clock, idle=self.idle)
        self.app.start()

    def until(self, moment) -> None:
        advance_to(self.app, self.clock, moment)

    def play(self, seconds: float) -> None:
        """The break window runs for ``seconds``, the app stepping as its timers would."""
        window = self.app.window
        for _ in range(round(seconds / 5)):
            self.clock.advance(5)
            window.tick()
            self.app.tick()

    def away(self, minutes: int) -> None:
        for _ in range(minutes * 2):
            self.clock.advance(30)
            self.idle.seconds += 30
            self.app.tick()
        self.clock.advance(30)
        self.idle.seconds = 0.0
        self.app.tick()


def a_week_of_breaks(desk: Desk) -> None:
    # Monday: a sit-break done to the end; the next one stopped with This hurts, part way.
    desk.start(MONDAY_9)
    desk.until(MONDAY_9 + timedelta(minutes=30))
    desk.play(8 * 60)
    desk.until(desk.app.engine.status(desk.clock.now()).upcoming.due)
    desk.play(125)
    desk.app.window.report_hurt()
    desk.app.shutdown()
    # Tuesday: a sit-break postponed, then ended after its first exercise; one the user started and
    # ended at once; time away; the pre-run routine clicked through with Next; quitting mid-routine.
    desk.start(TUESDAY_9)
    desk.until(TUESDAY_9 + timedelta(minutes=30))
    desk.app.window.postponeRequested.emit()
    desk.until(TUESDAY_9 + timedelta(minutes=35))
    desk.play(125)
    desk.app.window.end_break()
    desk.app.run_command(cmd.StartBreak())
    desk.app.window.end_break()
    desk.away(minutes=7)
    status = desk.app.engine.status(desk.clock.now())
    assert status.upcoming.kind == BreakKind.PRERUN
    desk.until(status.upcoming.due)
    while desk.app.window is not None:
        desk.clock.advance(5)
        desk.app.window.skip_exercise()
    desk.app.run_command(cmd.StartBreak(BreakKind.EVENING))
    desk.app.shutdown()
    for window in QApplication.topLevelWidgets():  # the done views, still saying well done
        window.close()



@pytest.fixture
def history_made(qtbot, tmp_path, caplog):
    """The folder of a profile after Monday and Tuesday at the desk, and what the app logged meanwhile."""
    caplog.set_level(logging.INFO, logger="deskbreak")
    a_week_of_breaks(Desk(tmp_path))
    return tmp_path, [record.getMessage() for record in caplog.records]


def stats_output(capsys, monkeypatch, folder: Path, today, *options: str) -> str:
    """``deskbreak stats`` for this week on that profile, asked on the evening of ``today``."""
    monkeypatch.setattr("deskbreak.cli.history.SystemClock", lambda: FakeClock(TUESDAY_9.replace(hour=20)))
    code, out, err = run_cli(capsys, "--config-dir", str(folder), "--data-dir", str(folder), "stats",
                             "--since", (today - timedelta(days=today.weekday())).isoformat(), *options)
    assert (code, err) == (0, "")
    return out


def history_window(folder: Path, today) -> HistoryWindow:
    store, _problems = SettingsStore.load(folder / "settings.toml", TUESDAY_9)
    with HistoryStore(folder / "history.sqlite3") as history:
        return HistoryWindow(history, load_catalog(), store.settings, today)


def distinct_breaks(records) -> int:
    """Breaks as a person counts them: a prompt put off and then taken is one break."""
    return len({(r.kind, r.due_at) if r.due_at is not None else r.id for r in records})


def test_the_log_states_the_outcome_the_history_records(history_made):
    folder, log = history_made
    with HistoryStore(folder / "history.sqlite3") as store:
        recorded = [(r.kind, r.outcome) for r in store.breaks() if r.outcome not in ("postponed", "natural")]
    logged = [tuple(line.split()[1:3]) for line in log if line.startswith("BreakEnded:")]
    assert logged == recorded
    assert ("prerun", "skipped") in recorded, "clicked through with Next: the window said completed"


def test_every_panel_of_the_history_window_and_stats_json_agree(history_made, capsys, monkeypatch, qtbot):
    folder, _log = history_made
    today = TUESDAY_9.date()
    window = history_window(folder, today)
    qtbot.addWidget(window)
    figures = json.loads(stats_output(capsys, monkeypatch, folder, today, "--json"))
    table = stats_output(capsys, monkeypatch, folder, today).splitlines()
    days = {day["date"]: day for day in figures["days"]}
    week = figures["weeks"][-1]

    # The headline: today's sit-breaks taken out of the same number stats gives.
    today_json = days[today.isoformat()]
    assert window.today_figure.value.text() == f"{today_json['sit_taken']} of {today_json['sit_chances']}"
    assert window.streak_figure.value.text().startswith(str(figures["streak"]["current"])) or \
        figures["streak"]["current"] == 0
    assert window.week_figure.value.text() == minutes_text(week["minutes"])
    assert window.week_figure.detail.text().endswith(f"{week['sit_taken']} sit-breaks taken")
    [today_row] = [line for line in table if line.startswith(today.isoformat())]
    assert f" {window.today_figure.value.text()} " in today_row

    # The week chart: every break of the history in a bar, each outcome counted as stats counts it.
    with HistoryStore(folder / "history.sqlite3") as store:
        records = store.breaks()
    chart = window.week_chart
    assert sum(chart.stacked_total(day) for day in chart.days.values()) == distinct_breaks(records)
    for on, day in chart.days.items():
        counted = days[on.isoformat()]
        assert {outcome: getattr(day, outcome) for outcome in STACKED_OUTCOMES} == \
            {outcome: counted[outcome] for outcome in STACKED_OUTCOMES}
    assert chart.totals() == {name: week[name] for name in (*STACKED_OUTCOMES, "postponed")}
    assert "1 stopped because it hurt" in chart.day_summary(chart.days[MONDAY_9.date()])

    # The goal heatmap: the same verdict and the same "taken of" as stats, day by day.
    for on, day in days.items():
        state = window.heatmap.state(date.fromisoformat(on))
        assert state == {True: "met", False: "not_met", None: "neutral"}[day["goal_met"]]
        if day["goal_met"] is not None:
            assert f"{day['sit_taken']} of {day['sit_chances']} sit-breaks taken" in \
                window.heatmap.cell_text(date.fromisoformat(on))

    # Minutes per muscle group over this week, and the muscle groups not stretched lately.
    shown = window.target_minutes("week")
    assert {target: round(minutes, 1) for target, minutes in shown.items() if minutes} == \
        {target: minutes for target, minutes in week["minutes_by_target"].items() if minutes}
    assert window.neglected_rows == [
        f"{target_label(item['target'])}: " + ("never" if item["days"] is None else f"{item['days']} days")
        for item in figures["neglected"]]


def test_panels_that_count_differently_on_purpose_say_so(history_made, capsys, monkeypatch, qtbot):
    folder, _log = history_made
    window = history_window(folder, TUESDAY_9.date())
    qtbot.addWidget(window)
    # The pre-run routine was clicked through after a few seconds each: minutes, but nothing stretched.
    minutes = window.target_minutes("week")
    assert [item.target for item in window.report.neglected if item.days is None and minutes[item.target] > 0]
    captions = {name: " ".join(label.text() for label in window.findChild(QWidget, name).findChildren(QLabel))
                for name in ("targetsSection", "neglectedSection", "goalSection")}
    assert "also those left part way" in captions["targetsSection"]
    assert "only exercises done to the end" in captions["neglectedSection"]
    assert "those you started and your times away" in captions["goalSection"]
    # `deskbreak stats` states the same rules under its figures.
    said = " ".join(stats_output(capsys, monkeypatch, folder, TUESDAY_9.date()).split())
    for name in ("targetsCaption", "neglectedCaption", "goalCaption"):
        assert " ".join(window.findChild(QLabel, name).text().split()) in said, name
