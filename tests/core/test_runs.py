"""Runs from the calendar in the engine: the pre-run reminder, "No run today", the cool-down."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from deskbreak.core import commands as cmd
from deskbreak.core.scheduling.calendar import read_calendar, runs_between
from deskbreak.core.clock import FakeClock
from deskbreak.core.scheduling.engine import BreakEngine, BreakStarted, PreludeStarted, RunEnded
from deskbreak.core.kinds import BreakKind
from deskbreak.core.scheduling.runs import Run, RunPlan, runs_report
from deskbreak.core.settings import Settings

BERLIN = ZoneInfo("Europe/Berlin")
CALENDARS = Path(__file__).resolve().parent / "calendars"
# Saturday before the clocks go back (Sunday 27 October 2024, 03:00 -> 02:00).
SATURDAY_6 = datetime(2024, 10, 26, 6, 0, tzinfo=BERLIN)


def calendar_runs(start: datetime, days: int = 3) -> list[Run]:
    end = start + timedelta(days=days)
    read = read_calendar(CALENDARS / "dst_run.ics", start=start, end=end, local_tz=BERLIN)
    return [Run(e.start, e.end, "calendar", e.summary) for e in runs_between(read, start, end)]


def engine_over_the_weekend(*commands_at: tuple[datetime, object], **settings) -> list:
    """Step an engine minute by minute (in UTC, shown in Berlin time) from Saturday 06:00 to Sunday 10:00."""
    values = dict(runs={}, sit_interval="8h", working_hours=False, prerun_lead="15m", prelude="1m")
    values.update(settings)
    engine = BreakEngine(Settings.defaults().with_values(**values), SATURDAY_6)
    engine.set_calendar_runs(calendar_runs(SATURDAY_6))
    events: list = []
    pending = list(commands_at)
    moment = SATURDAY_6.astimezone(timezone.utc)
    end = datetime(2024, 10, 27, 10, 0, tzinfo=BERLIN).astimezone(timezone.utc)
    while moment < end:
        now = moment.astimezone(BERLIN)
        for when, command in [c for c in pending if c[0] <= now]:
            events += engine.apply(command, now)
            pending.remove((when, command))
        step = engine.step(now, 0.0)
        events += step
        for event in step:
            if isinstance(event, BreakStarted):
                events += engine.finish(now)
        moment += timedelta(minutes=1)
    return events


def test_a_calendar_run_gets_its_pre_run_reminder_at_the_right_minute_across_a_dst_change():
    events = engine_over_the_weekend()
    [prelude] = [e for e in events if isinstance(e, PreludeStarted) and e.brk.kind == BreakKind.PRERUN]
    [started] = [e for e in events if isinstance(e, BreakStarted) and e.brk.kind == BreakKind.PRERUN]
    assert started.at == datetime(2024, 10, 27, 6, 45, tzinfo=BERLIN), "15 min before 07:00 local, after the change"
    assert started.at.utcoffset() == timedelta(hours=1)
    assert prelude.at == datetime(2024, 10, 27, 6, 44, tzinfo=BERLIN)
    assert started.brk.run_at == datetime(2024, 10, 27, 7, 0, tzinfo=BERLIN)


def test_after_a_run_the_cool_down_is_offered_once_and_the_run_counts_as_a_break():
    events = engine_over_the_weekend()
    [ended] = [e for e in events if isinstance(e, RunEnded)]
    assert ended.at == datetime(2024, 10, 27, 8, 0, tzinfo=BERLIN) and ended.offer_cooldown
    assert ended.run.summary == "Sunday run"


def test_no_cool_down_offer_when_it_is_turned_off():
    events = engine_over_the_weekend(cooldown=False)
    [ended] = [e for e in events if isinstance(e, RunEnded)]
    assert not ended.offer_cooldown


def test_no_run_today_drops_the_pre_run_routine_and_the_cool_down():
    sunday_6 = datetime(2024, 10, 27, 6, 0, tzinfo=BERLIN)
    events = engine_over_the_weekend((sunday_6, cmd.NoRunToday()))
    assert not [e for e in events if isinstance(e, (PreludeStarted, BreakStarted)) and e.brk.kind == BreakKind.PRERUN]
    assert not [e for e in events if isinstance(e, RunEnded)]


def test_a_calendar_run_replaces_that_days_weekly_run_and_the_report_says_where_each_comes_from():
    plan = RunPlan({5: SATURDAY_6.time().replace(hour=18), 6: SATURDAY_6.time().replace(hour=18)},
                   calendar_runs(SATURDAY_6))
    report = runs_report(plan, SATURDAY_6, 2, timedelta(minutes=15), frozenset())
    assert [(r["start"], r["source"]) for r in report] == [
        ("2024-10-26T18:00:00+02:00", "weekly"),
        ("2024-10-27T07:00:00+01:00", "calendar"),
    ]
    assert report[1]["end"] == "2024-10-27T08:00:00+01:00" and report[1]["reminder_at"] == "2024-10-27T06:45:00+01:00"
