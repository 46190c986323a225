"""The break engine driven through simulated days with a fake clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from deskbreak.core.clock import FakeClock
from deskbreak.core.scheduling.engine import (
    BackAtDesk,
    BreakDue,
    BreakEnded,
    BreakEngine,
    BreakHeld,
    BreakOverdue,
    BreakPostponed,
    BreakStarted,
    NaturalBreak,
    Paused,
    PreludeStarted,
    Presence,
    Refused,
    Resumed,
    State,
)
from deskbreak.core import commands as cmd
from deskbreak.core.kinds import BreakKind, Outcome
from deskbreak.core.settings import Settings

UTC = timezone.utc
MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
TUESDAY = MONDAY + timedelta(days=1)
MIN = 60


def make_settings(**changes) -> Settings:
    base = replace(
        Settings.defaults(),
        sit_interval=timedelta(minutes=30),
        prelude=timedelta(minutes=1),
        postpone=timedelta(minutes=5),
        natural_break=timedelta(minutes=5),
        working_hours=True,
        work_days=frozenset(range(5)),
        work_start=time(9, 0),
        work_end=time(17, 0),
        runs={},
        prerun_lead=timedelta(minutes=15),
    )
    return replace(base, **changes)


def runs_at(hour: int, *days: int) -> dict[int, time]:
    """Runs at ``hour``:00 on each of ``days`` (0 = Monday)."""
    return {day: time(hour, 0) for day in days}


class Day:
    """Drives an engine with a fake clock and remembers every event."""

    def __init__(self, start: datetime, **changes) -> None:
        self.clock = FakeClock(start)
        self.engine = BreakEngine(make_settings(**changes), start)
        self.events: list = []
        self.engine_step()

    def engine_step(self, idle: float | None = 0.0) -> list:
        new = self.engine.step(self.clock.now(), idle)
        self.events += new
        return new

    def run_until(self, end: datetime, tick: float = 30, break_takes: float | None = 3 * MIN,
                  idle: float | None = 0.0) -> None:
        """Step every ``tick`` seconds; finish each started break after ``break_takes``."""
        finish_at = None
        while self.clock.now() < end:
            self.clock.advance(tick)
            for event in self.engine_step(idle):
                if isinstance(event, BreakStarted) and break_takes is not None:
                    finish_at = self.clock.now() + timedelta(seconds=break_takes)
            if finish_at is not None and self.clock.now() >= finish_at:
                self.events += self.engine.finish(self.clock.now())
                finish_at = None

    def do(self, command: str, *args) -> list:
        new = getattr(self.engine, command)(self.clock.now(), *args)
        self.events += new
        return new

    def of(self, kind) -> list:
        return [e for e in self.events if isinstance(e, kind)]


def test_working_day_prompts_every_interval_after_the_last_break():
    day = Day(MONDAY)
    day.run_until(MONDAY.replace(hour=18))
    starts = day.of(BreakStarted)
    # First at 9:30 (interval after the working window opens); each 3-minute
    # break pushes the next one 33 minutes on: 9:30 + 33k < 17:00 for k <= 13.
    assert len(starts) == 14
    assert starts[0].at == MONDAY.replace(hour=9, minute=30)
    assert all(time(9) <= e.at.time() < time(17) for e in starts)
    gaps = {b.at - a.at for a, b in zip(starts, starts[1:])}
    assert gaps == {timedelta(minutes=33)}
    # Each break was announced a prelude (1 min) before.
    preludes = day.of(PreludeStarted)
    assert [p.brk.due for p in preludes] == [s.at for s in starts]
    assert all(s.at - p.at == timedelta(minutes=1) for p, s in zip(preludes, starts))
    assert [e.outcome for e in day.of(BreakEnded)] == [Outcome.COMPLETED] * 14
    # Sit-breaks are numbered within the day, for the routine rotation.
    assert [s.brk.sequence for s in starts] == list(range(14))


def test_instant_breaks_give_one_prompt_each_half_hour():
    day = Day(MONDAY)
    day.run_until(MONDAY.replace(hour=18), break_takes=0)
    assert len(day.of(BreakStarted)) == 15  # 9:30, 10:00, ..., 16:30


def test_no_sit_breaks_outside_working_hours_or_days():
    saturday = MONDAY + timedelta(days=5)
    day = Day(saturday)
    day.run_until(saturday + timedelta(hours=14))
    assert day.of(BreakStarted) == []
    status = day.engine.status(day.clock.now())
    assert status.upcoming.due == datetime(2026, 11, 30, 9, 30, tzinfo=UTC)


def test_without_working_hours_breaks_run_all_day():
    day = Day(MONDAY, working_hours=False)
    day.run_until(MONDAY + timedelta(hours=2), break_takes=0)
    assert len(day.of(BreakStarted)) == 4


def test_postponed_break_comes_back_after_the_postpone_delay():
    day = Day(MONDAY.replace(hour=9))
    day.run_until(MONDAY.replace(hour=9, minute=30), break_takes=None)
    assert day.engine.status(day.clock.now()).state == State.ON_BREAK
    [postponed] = day.do("postpone")
    assert isinstance(postponed, BreakPostponed)
    assert postponed.until == day.clock.now() + timedelta(minutes=5)
    assert day.engine.status(day.clock.now()).state == State.POSTPONED
    day.run_until(day.clock.now() + timedelta(minutes=5), break_takes=None)
    restarted = day.of(BreakStarted)[-1]
    assert restarted.reprompt and restarted.at == postponed.until
    assert len(day.of(BreakDue)) == 1  # one break, prompted twice


def test_skip_restarts_the_interval_from_the_skip():
    day = Day(MONDAY.replace(hour=9))
    day.run_until(MONDAY.replace(hour=9, minute=30), break_takes=None)
    [ended] = day.do("skip")
    assert ended.outcome == Outcome.SKIPPED
    status = day.engine.status(day.clock.now())
    assert status.state == State.WAITING
    assert status.upcoming.due == day.clock.now() + timedelta(minutes=30)


def test_pause_silences_prompts_then_counts_from_resume():
    day = Day(MONDAY.replace(hour=9))
    start = day.clock.now()
    day.do("pause", start + timedelta(hours=1))
    assert day.engine.status(start).state == State.PAUSED
    day.run_until(start + timedelta(hours=1) - timedelta(seconds=30))
    assert day.of(PreludeStarted) == [] and day.of(BreakStarted) == []
    day.run_until(start + timedelta(hours=1))
    [resumed] = day.of(Resumed)
    assert resumed.at == start + timedelta(hours=1)
    assert day.engine.status(day.clock.now()).upcoming.due == resumed.at + timedelta(minutes=30)


def test_resume_early_and_pause_rejects_the_past():
    day = Day(MONDAY.replace(hour=9))
    with pytest.raises(ValueError, match="not in the future"):
        day.do("pause", day.clock.now())
    day.do("pause", day.clock.now() + timedelta(hours=2))
    day.clock.advance(600)
    assert isinstance(day.do("resume")[0], Resumed)
    assert day.do("resume") == []


def test_pause_during_a_break_skips_it():
    day = Day(MONDAY.replace(hour=9))
    day.run_until(MONDAY.replace(hour=9, minute=30), break_takes=None)
    ended, paused = day.do("pause", day.clock.now() + timedelta(minutes=30))
    assert ended.outcome == Outcome.SKIPPED and ended.reason == "paused"
    assert isinstance(paused, Paused)


def test_two_hour_suspend_is_a_natural_break_not_a_burst():
    day = Day(MONDAY.replace(hour=9))
    day.run_until(MONDAY.replace(hour=10), break_takes=0)
    before = len(day.of(BreakStarted))
    day.clock.jump(2 * 3600)  # suspended: the wall clock moved, we did not step
    new = day.engine_step()
    assert [type(e) for e in new] == [NaturalBreak, BackAtDesk], "away while asleep, back on wake-up"
    assert new[0].away_since == new[1].away_since == MONDAY.replace(hour=10)
    day.run_until(MONDAY.replace(hour=12, minute=31), break_takes=0)
    starts = day.of(BreakStarted)[before:]
    assert [s.at for s in starts] == [MONDAY.replace(hour=12, minute=30)]


def test_suspend_during_a_break_ends_it_as_missed():
    day = Day(MONDAY.replace(hour=9))
    day.run_until(MONDAY.replace(hour=9, minute=30), break_takes=None)
    day.clock.jump(3600)
    ended, natural, back = day.engine_step()
    assert ended.outcome == Outcome.MISSED and isinstance(natural, NaturalBreak)
    assert isinstance(back, BackAtDesk)
    assert day.engine.status(day.clock.now()).state == State.WAITING


def test_backward_jump_never_fires_twice_and_keeps_the_countdown():
    day = Day(MONDAY.replace(hour=9))
    day.run_until(MONDAY.replace(hour=9, minute=40), break_takes=0)  # break at 9:30
    assert len(day.of(BreakStarted)) == 1
    remaining = day.engine.status(day.clock.now()).seconds_to_next
    day.clock.jump(-3600)  # 8:40 now, e.g. a time zone mistake corrected
    day.engine_step()
    assert day.engine.status(day.clock.now()).seconds_to_next == remaining
    day.run_until(day.clock.now() + timedelta(minutes=20), break_takes=0)
    assert len(day.of(BreakStarted)) == 2  # just the next one, 30 min after the first


def test_pre_run_reminder_lead_before_each_run_once():
    tuesday = TUESDAY.replace(hour=16)
    day = Day(tuesday, runs=runs_at(18, 1, 3, 5), working_hours=False)
    day.run_until(tuesday.replace(hour=19), break_takes=5 * MIN)
    preruns = [e for e in day.of(BreakStarted) if e.brk.kind == BreakKind.PRERUN]
    assert [e.at for e in preruns] == [tuesday.replace(hour=17, minute=45)]
    assert preruns[0].brk.run_at == tuesday.replace(hour=18)
    # A clock jumping back over the reminder does not remind again.
    day.clock.jump(-2 * 3600)
    day.run_until(tuesday.replace(hour=19), break_takes=0)
    again = [e for e in day.of(BreakStarted) if e.brk.kind == BreakKind.PRERUN]
    assert len(again) == 1


def test_sit_break_just_before_a_pre_run_is_absorbed():
    tuesday = TUESDAY.replace(hour=17)
    day = Day(tuesday, runs=runs_at(18, 1), working_hours=False)
    day.run_until(tuesday.replace(hour=17, minute=50), break_takes=0)
    kinds = [(e.brk.kind, e.at.time()) for e in day.of(BreakStarted)]
    # 17:30 would be a sit-break, 15 minutes before the 17:45 routine: one prompt, not two.
    assert kinds == [(BreakKind.PRERUN, time(17, 45))]


def test_pre_run_reminders_ignore_working_hours_but_not_pauses():
    tuesday = TUESDAY.replace(hour=17, minute=30)
    day = Day(tuesday, runs=runs_at(18, 1))
    day.do("pause", tuesday.replace(hour=17, minute=50))
    day.run_until(tuesday.replace(hour=17, minute=49))
    assert day.of(BreakStarted) == []
    day.run_until(tuesday.replace(hour=17, minute=51))
    # The pause ended before the run started: the reminder is still useful.
    [start] = day.of(BreakStarted)
    assert start.brk.kind == BreakKind.PRERUN and start.at == tuesday.replace(hour=17, minute=50)


def test_idle_user_takes_a_natural_break():
    day = Day(MONDAY.replace(hour=9))
    day.run_until(MONDAY.replace(hour=9, minute=20))
    day.clock.advance(30)
    new = day.engine_step(idle=6 * MIN)
    assert [type(e) for e in new] == [NaturalBreak]
    day.run_until(MONDAY.replace(hour=9, minute=40), idle=10 * MIN)
    assert len(day.of(NaturalBreak)) == 1  # one away period, one event
    assert day.of(BreakStarted) == []
    day.run_until(MONDAY.replace(hour=9, minute=41), idle=1)
    back = day.clock.now()
    assert day.engine.status(back).upcoming.due == MONDAY.replace(hour=9, minute=40) + timedelta(minutes=30)


def test_idle_during_the_routine_does_not_end_it():
    day = Day(MONDAY.replace(hour=9))
    day.run_until(MONDAY.replace(hour=9, minute=30), break_takes=None)
    day.clock.advance(30)
    assert day.engine_step(idle=20 * MIN) == []
    assert day.engine.status(day.clock.now()).state == State.ON_BREAK


def test_start_now_brings_forward_an_announced_break():
    day = Day(MONDAY.replace(hour=9))
    day.run_until(MONDAY.replace(hour=9, minute=29, second=30))
    assert day.engine.status(day.clock.now()).state == State.PRELUDE
    due, started = day.do("start_now")
    assert isinstance(due, BreakDue) and isinstance(started, BreakStarted)
    assert started.brk.due == MONDAY.replace(hour=9, minute=30)
    assert day.do("start_now") == []  # already on a break


def test_start_now_can_ask_for_a_group_of_the_rotation_even_for_an_announced_break():
    day = Day(MONDAY.replace(hour=9))
    [started] = day.do("start_now", BreakKind.SIT, 3)
    assert started.brk.sequence == 3 and started.brk.user_started
    day.do("finish", Outcome.COMPLETED)
    upcoming = day.engine.status(day.clock.now()).upcoming.due
    day.run_until(upcoming - timedelta(seconds=30))
    assert day.engine.status(day.clock.now()).state == State.PRELUDE
    *_, started = day.do("start_now", BreakKind.SIT, 2)
    assert started.brk.sequence == 2 and not started.brk.user_started  # the prompted break, brought forward


def test_a_pre_run_routine_offered_for_its_muscle_groups_leaves_tonights_run_reminder():
    day = Day(MONDAY.replace(hour=10), runs=runs_at(18, 0))
    day.engine.apply(cmd.StartBreak(BreakKind.PRERUN, for_run=False), day.clock.now())
    day.do("finish")
    assert day.engine.next_run(day.clock.now()) == (MONDAY.replace(hour=17, minute=45), MONDAY.replace(hour=18))
    day.engine.apply(cmd.StartBreak(BreakKind.PRERUN), day.clock.now())
    day.do("finish")
    assert day.engine.next_run(day.clock.now()) != (MONDAY.replace(hour=17, minute=45), MONDAY.replace(hour=18))


def test_start_now_works_while_paused_and_the_pause_holds():
    day = Day(MONDAY.replace(hour=9))
    day.do("pause", MONDAY.replace(hour=11))
    [started] = day.do("start_now", BreakKind.EVENING)
    assert started.brk.user_started and started.brk.kind == BreakKind.EVENING
    day.clock.advance(300)
    day.do("finish")
    assert day.engine.status(day.clock.now()).state == State.PAUSED


def test_after_a_weekend_across_the_end_of_summer_time_monday_starts_at_work_start_local_time():
    # Found by the simulated month: the window was worked out in Friday's offset, an hour early.
    cest, cet = timezone(timedelta(hours=2)), timezone(timedelta(hours=1))
    friday_evening = datetime(2026, 10, 23, 17, 0, tzinfo=cest)
    monday_early = datetime(2026, 10, 26, 8, 0, tzinfo=cet)
    engine = BreakEngine(make_settings(), friday_evening)
    now = friday_evening
    while now < monday_early:  # the computer stays on all weekend, someone at the keyboard
        now += timedelta(minutes=4)
        if now.utcoffset() == timedelta(hours=2) and now >= datetime(2026, 10, 25, 1, 0, tzinfo=timezone.utc):
            now = now.astimezone(cet)
        engine.step(now, 0.0)
    assert engine.next_sit_break(monday_early) == datetime(2026, 10, 26, 9, 30, tzinfo=cet)
    assert engine.status(monday_early).upcoming.due == datetime(2026, 10, 26, 9, 30, tzinfo=cet)


def test_a_clock_set_back_before_work_starts_prompts_nothing_until_work_starts():
    # Found by the simulated month: the last break's end moved back into yesterday's window.
    day = Day(MONDAY.replace(hour=16, minute=0))
    tuesday = MONDAY + timedelta(days=1)
    day.run_until(tuesday.replace(hour=9, minute=6), tick=4 * MIN)  # on all night, someone at it
    assert [e.at.hour for e in day.of(BreakStarted)] == [16]  # the day's last, ended 16:33
    day.clock.jump(-55 * MIN)  # Tuesday 08:11
    assert day.engine_step() == []
    assert day.engine.status(day.clock.now()).upcoming.due == tuesday.replace(hour=9, minute=30)


def test_the_wake_up_is_never_in_the_past_when_a_finished_break_leaves_the_next_one_due():
    # Found by the simulated month: two calendar runs four minutes apart; finishing the
    # first one's routine left the second one's reminder already due.
    from deskbreak.core.scheduling.runs import Run

    day = Day(MONDAY.replace(hour=14), runs={}, working_hours=False)
    first, second = MONDAY.replace(hour=15, minute=7), MONDAY.replace(hour=15, minute=11)
    day.engine.set_calendar_runs([Run(start, start + timedelta(hours=1), "calendar", "Long run")
                                  for start in (first, second)])
    day.run_until(MONDAY.replace(hour=14, minute=56), tick=60, break_takes=None)
    day.events += day.engine.finish(day.clock.now())
    now = day.clock.now()
    assert day.engine.next_wakeup(now) > now


def test_next_wakeup_is_the_prelude():
    day = Day(MONDAY.replace(hour=9))
    assert day.engine.next_wakeup(day.clock.now()) == MONDAY.replace(hour=9, minute=29)


def test_late_and_duplicate_steps_are_harmless():
    day = Day(MONDAY.replace(hour=9))
    day.run_until(MONDAY.replace(hour=9, minute=27), tick=60)
    day.clock.set(MONDAY.replace(hour=9, minute=31))  # 4 minutes late, under natural_break
    first = day.engine_step()
    assert [type(e) for e in first] == [BreakDue, BreakStarted]
    assert day.engine_step() == []
    assert day.engine_step() == []


# -- properties over random days ---------------------------------------------

commands = st.one_of(
    st.tuples(st.just("advance"), st.integers(1, 900)),
    st.tuples(st.just("jump"), st.integers(-3 * 3600, 6 * 3600)),
    st.tuples(st.just("idle"), st.integers(0, 3600)),
    st.tuples(st.sampled_from(["start_now", "postpone", "skip", "finish", "resume", "skip_next",
                               "no_run_today"]), st.none()),
    st.tuples(st.just("pause"), st.integers(1, 3 * 3600)),
    st.tuples(st.just("busy"), st.sampled_from([None, "fullscreen"])),
    st.tuples(st.just("lock"), st.booleans()),
)


@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(commands, min_size=1, max_size=120),
    st.booleans(),
    st.sampled_from([frozenset(), frozenset({0, 1, 2, 3, 4})]),
    st.sampled_from(["break", "pause", "ignore"]),
    st.sampled_from([0, 2]),
    st.booleans(),
)
def test_invariants_hold_under_any_sequence(ops, working_hours, run_days, away_policy, skip_budget, strict):
    runs = {day: time(18, 0) for day in run_days}
    clock = FakeClock(MONDAY)
    engine = BreakEngine(
        make_settings(working_hours=working_hours, runs=runs, prelude=timedelta(0) if not run_days else timedelta(minutes=1),
                      away_policy=away_policy, skip_budget=skip_budget, strict=strict,
                      dnd_max_delay=timedelta(minutes=20)),
        clock.now(),
    )
    busy = None
    locked = False
    open_break = None
    paused_until = None

    def absorb(events, asked_by_user=False):
        nonlocal open_break, paused_until
        for event in events:
            if isinstance(event, BreakStarted):
                assert open_break is None or event.reprompt, "two breaks at once"
                open_break = event.brk
            if isinstance(event, BreakEnded):
                open_break = None
            if isinstance(event, Paused):
                paused_until = event.until
            if isinstance(event, Resumed):
                paused_until = None
            if isinstance(event, (PreludeStarted, BreakStarted)) and not event.brk.user_started:
                assert paused_until is None, "prompted during a pause"
                # A break the user asks for starts whatever is on screen; a prompt never does.
                assert busy is None or asked_by_user, "prompted over a presentation"

    idle = 0.0
    for op, arg in ops:
        if op == "advance":
            clock.advance(arg)
        elif op == "jump":
            clock.jump(arg)
        elif op == "idle":
            idle = float(arg)
        elif op == "pause":
            absorb(engine.pause(clock.now(), clock.now() + timedelta(seconds=arg)))
        elif op == "busy":
            busy = arg
        elif op == "lock":
            locked = arg
        else:
            absorb(getattr(engine, op)(clock.now()), asked_by_user=op == "start_now")
        absorb(engine.step(clock.now(), Presence(idle, locked=locked, busy=busy)))
        status = engine.status(clock.now())
        if status.seconds_to_next is not None:
            assert status.seconds_to_next >= 0, status
        wake = engine.next_wakeup(clock.now())
        assert wake is None or wake > clock.now(), f"wakes at {wake}, now {clock.now()}: {status}"
        # The engine's state and the events it emitted tell the same story.
        assert (open_break is not None) == (status.state in (State.ON_BREAK, State.POSTPONED)) or (
            open_break is None and status.state == State.POSTPONED  # postponed during the prelude
        ) or (open_break is not None and status.state == State.HELD)  # postponed, then held on its return


def test_a_pre_run_reminder_due_while_the_user_is_away_never_wakes_in_the_past():
    # Runs every day at 18:00 with a 15 min lead; the user left the desk at 17:30.
    day = Day(MONDAY.replace(hour=17, minute=0), runs=runs_at(18, 0, 1, 2, 3, 4, 5, 6), working_hours=False)
    away_from = MONDAY.replace(hour=17, minute=30)
    for minute in range(35, 60):
        now = MONDAY.replace(hour=17, minute=minute)
        day.clock.set(now)
        day.engine.step(now, (now - away_from).total_seconds())
        wake = day.engine.next_wakeup(now)
        assert wake is None or wake > now, f"{now:%H:%M}: wakes at {wake:%H:%M:%S}"
        assert day.engine.status(now).seconds_to_next >= 0


# -- do not disturb ---------------------------------------------------------------


def busy_day(**changes) -> Day:
    day = Day(MONDAY.replace(hour=9), dnd_max_delay=timedelta(minutes=20), **changes)
    return day


def test_a_break_due_during_a_presentation_waits_and_starts_once_when_it_ends():
    day = busy_day()
    presenting = Presence(0.0, busy="fullscreen")
    for minute in range(1, 55):
        day.clock.set(MONDAY.replace(hour=9, minute=minute))
        day.events += day.engine.step(day.clock.now(), presenting)
    assert day.of(PreludeStarted) == [] and day.of(BreakStarted) == [], "nothing over the presentation"
    [held] = day.of(BreakHeld)
    assert held.reason == "fullscreen" and held.at == MONDAY.replace(hour=9, minute=30)
    status = day.engine.status(day.clock.now())
    assert status.state == State.HELD and status.held_by == "fullscreen"
    [overdue] = day.of(BreakOverdue)
    assert overdue.at == MONDAY.replace(hour=9, minute=50), "told once, at dnd_max_delay"
    day.clock.advance(30)
    day.engine_step()  # the presentation ended
    day.clock.advance(30)
    day.engine_step()
    [started] = day.of(BreakStarted)
    assert started.at == MONDAY.replace(hour=9, minute=54, second=30)
    assert len(day.of(BreakDue)) == 1


def test_a_held_break_asks_to_be_woken_soon_to_notice_the_end():
    day = busy_day()
    while day.clock.now() < MONDAY.replace(hour=9, minute=30):
        day.clock.advance(60)
        day.engine.step(day.clock.now(), Presence(0.0, busy="zoom"))
    assert day.engine.next_wakeup(day.clock.now()) == day.clock.now() + timedelta(seconds=10)


def test_a_break_the_user_asks_for_starts_even_during_do_not_disturb():
    day = busy_day()
    day.engine.step(day.clock.now(), Presence(0.0, busy="do not disturb"))
    [started] = day.engine.apply(cmd.StartBreak(BreakKind.EVENING), day.clock.now())
    assert isinstance(started, BreakStarted)


# -- skips, strict mode, skip next, no run today -----------------------------------------


def on_a_break(day: Day) -> None:
    """Wait for the next prompted break's notice, then take it at once (still a prompted break)."""
    while day.engine.status(day.clock.now()).state != State.PRELUDE:
        day.clock.advance(30)
        day.engine_step()
    day.events += day.engine.apply(cmd.StartBreak(), day.clock.now())


def test_past_the_daily_skip_budget_skip_becomes_a_five_minute_postpone():
    day = Day(MONDAY.replace(hour=9), skip_budget=2)
    for _ in range(2):
        on_a_break(day)
        [ended] = day.engine.apply(cmd.Skip(), day.clock.now())
        assert ended.outcome == Outcome.SKIPPED
    assert day.engine.status(day.clock.now()).overdue
    on_a_break(day)
    [postponed] = day.engine.apply(cmd.Skip(), day.clock.now())
    assert isinstance(postponed, BreakPostponed) and postponed.until == day.clock.now() + timedelta(minutes=5)
    assert day.engine.status(day.clock.now()).skips_left == 0
    day.clock.set(TUESDAY.replace(hour=9))
    day.engine_step()
    assert day.engine.status(day.clock.now()).skips_left == 2, "a new day, a new budget"


def test_a_skip_budget_of_zero_means_no_limit_and_never_overdue():
    day = Day(MONDAY.replace(hour=9), skip_budget=0)
    for _ in range(10):
        on_a_break(day)
        assert isinstance(day.engine.apply(cmd.Skip(), day.clock.now())[0], BreakEnded)
    assert not day.engine.status(day.clock.now()).overdue


def test_strict_mode_refuses_skips_and_allows_one_postpone():
    day = Day(MONDAY.replace(hour=9), strict=True)
    on_a_break(day)
    [refused] = day.engine.apply(cmd.Skip(), day.clock.now())
    assert isinstance(refused, Refused) and "Strict mode" in refused.reason
    assert isinstance(day.engine.apply(cmd.Postpone(), day.clock.now())[0], BreakPostponed)
    assert not day.engine.status(day.clock.now()).can_postpone
    [refused] = day.engine.apply(cmd.Postpone(), day.clock.now())
    assert isinstance(refused, Refused)


def test_skip_next_lets_the_next_break_pass_unprompted_and_records_it():
    day = Day(MONDAY.replace(hour=9), working_hours=False)
    assert day.engine.apply(cmd.SkipNext(), day.clock.now()) == []
    assert day.engine.status(day.clock.now()).skip_next
    day.run_until(MONDAY.replace(hour=10, minute=5))
    [passed] = [e for e in day.of(BreakEnded) if e.outcome == Outcome.SKIPPED]
    assert passed.outcome == Outcome.SKIPPED and passed.reason == "skipped ahead of time"
    assert day.of(PreludeStarted)[0].brk.due == MONDAY.replace(hour=10), "the next one comes an interval later"
    assert day.of(BreakStarted)[0].at == MONDAY.replace(hour=10)


def test_no_run_today_drops_todays_pre_run_reminder_only():
    tuesday = TUESDAY.replace(hour=17)
    day = Day(tuesday, runs=runs_at(18, 1, 3), working_hours=False, sit_interval=timedelta(hours=4))
    assert day.engine.apply(cmd.NoRunToday(), day.clock.now()) == []
    assert day.engine.next_run(day.clock.now())[1] == tuesday.replace(day=26, hour=18)
    day.run_until(tuesday.replace(hour=19))
    assert day.of(PreludeStarted) == [] and day.of(BreakStarted) == []


def test_no_run_today_on_a_rest_day_says_so():
    day = Day(MONDAY.replace(hour=9), runs=runs_at(18, 1))
    [refused] = day.engine.apply(cmd.NoRunToday(), day.clock.now())
    assert refused.reason == "No run is planned today"


# -- screen lock and suspend, by policy -------------------------------------------------


def test_suspend_counts_as_a_break_under_the_break_policy():
    day = Day(MONDAY.replace(hour=9), working_hours=False, away_policy="break")
    day.clock.set(MONDAY.replace(hour=11))
    natural, _back = day.engine_step()
    assert isinstance(natural, NaturalBreak) and natural.away_since == MONDAY.replace(hour=9)
    assert day.engine.next_sit_break(day.clock.now()) == MONDAY.replace(hour=11, minute=30)


def test_suspend_freezes_the_countdown_under_the_pause_policy():
    day = Day(MONDAY.replace(hour=9), working_hours=False, away_policy="pause")
    day.run_until(MONDAY.replace(hour=9, minute=20), break_takes=None)
    day.clock.set(MONDAY.replace(hour=11, minute=20))  # two hours asleep
    assert day.engine_step() == []
    assert day.engine.next_sit_break(day.clock.now()) == MONDAY.replace(hour=11, minute=30)


def test_suspend_is_ignored_under_the_ignore_policy_with_one_prompt_on_resume():
    day = Day(MONDAY.replace(hour=9), working_hours=False, away_policy="ignore", prelude=timedelta(0))
    day.clock.set(MONDAY.replace(hour=13))
    events = day.engine_step()
    assert [type(e) for e in events] == [BreakDue, BreakStarted]
    day.clock.advance(30)
    assert day.engine_step() == []


def test_a_locked_screen_pauses_the_countdown_under_the_pause_policy():
    day = Day(MONDAY.replace(hour=9), working_hours=False, away_policy="pause")
    locked_from = MONDAY.replace(hour=9, minute=10)
    day.run_until(locked_from, break_takes=None)
    day.engine.step(locked_from, Presence(0.0, locked=True))  # the lock is noticed
    while day.clock.now() < MONDAY.replace(hour=10):
        day.clock.advance(30)
        idle = (day.clock.now() - locked_from).total_seconds()
        day.events += day.engine.step(day.clock.now(), Presence(idle, locked=True))
    assert day.of(NaturalBreak) == [] and day.of(PreludeStarted) == []
    assert day.engine.next_sit_break(day.clock.now()) == MONDAY.replace(hour=10, minute=20)


def test_sitting_still_through_a_call_is_not_a_natural_break_and_the_held_break_survives():
    day = busy_day()
    still_since = MONDAY.replace(hour=9, minute=20)
    day.run_until(still_since, break_takes=None)
    while day.clock.now() < MONDAY.replace(hour=10, minute=30):
        day.clock.advance(30)
        idle = (day.clock.now() - still_since).total_seconds()
        day.events += day.engine.step(day.clock.now(), Presence(idle, busy="zoom"))
    assert day.of(NaturalBreak) == [] and len(day.of(BreakHeld)) == 1
    day.clock.advance(30)
    day.engine_step()  # the call ends; the user moves the mouse
    assert len(day.of(BreakStarted)) == 1


def test_a_locked_screen_counts_as_away_under_the_break_policy_even_without_idle_time():
    day = Day(MONDAY.replace(hour=9), working_hours=False, away_policy="break")
    day.run_until(MONDAY.replace(hour=9, minute=20), break_takes=None)
    while day.clock.now() < MONDAY.replace(hour=9, minute=40):
        day.clock.advance(30)
        day.events += day.engine.step(day.clock.now(), Presence(None, locked=True))
    [natural] = day.of(NaturalBreak)
    assert natural.away_since == MONDAY.replace(hour=9, minute=20, second=30)
    assert day.of(BreakStarted) == [], "no break behind the lock screen"


def test_a_break_the_user_started_ends_freely_whatever_the_budget_or_strict_mode():
    day = Day(MONDAY.replace(hour=9), strict=True, skip_budget=1)
    day.events += day.engine.apply(cmd.StartBreak(BreakKind.EVENING), day.clock.now())
    assert day.engine.status(day.clock.now()).can_skip
    [ended] = day.engine.apply(cmd.FinishBreak(Outcome.SKIPPED), day.clock.now())
    assert isinstance(ended, BreakEnded) and ended.outcome == Outcome.SKIPPED


def test_taking_a_postponed_break_that_waits_for_a_presentation_is_the_same_break_again():
    day = busy_day(working_hours=False, prelude=timedelta(0))
    day.run_until(MONDAY.replace(hour=9, minute=30), break_takes=None)
    [first] = day.of(BreakStarted)
    day.events += day.engine.apply(cmd.Postpone(), day.clock.now())
    while day.clock.now() < MONDAY.replace(hour=9, minute=36):
        day.clock.advance(30)
        day.events += day.engine.step(day.clock.now(), Presence(0.0, busy="fullscreen"))
    assert day.engine.status(day.clock.now()).state == State.HELD
    [again] = day.engine.apply(cmd.StartBreak(), day.clock.now())
    assert again.reprompt and again.brk == first.brk, "one break, prompted twice; never two at once"


# -- a restart changes nothing (issue 16) -----------------------------------------------


def restarted(day: Day, after: timedelta = timedelta(0)) -> Day:
    """The engine's discipline handed to a new engine, as a quit and a start ``after`` later would."""
    kept = day.engine.discipline(day.clock.now())
    day.clock.advance(after.total_seconds())
    again = Day.__new__(Day)
    again.clock, again.events = day.clock, []
    again.engine = BreakEngine(day.engine.settings, day.clock.now())
    again.engine.restore(kept, day.clock.now())
    again.engine_step()
    return again


def same_view(first: Day, second: Day) -> None:
    now = first.clock.now()
    assert second.engine.status(now) == first.engine.status(now)
    assert second.engine.next_run(now) == first.engine.next_run(now)
    assert second.engine.next_sit_break(now) == first.engine.next_sit_break(now)


def test_a_new_engine_given_the_old_ones_discipline_goes_on_with_the_day():
    day = Day(MONDAY.replace(hour=9), skip_budget=3, runs=runs_at(18, 0))
    on_a_break(day)
    day.events += day.engine.apply(cmd.Skip(), day.clock.now())  # one skip spent
    day.run_until(MONDAY.replace(hour=11))  # two sit-breaks taken: the rotation is at 3
    day.events += day.engine.apply(cmd.NoRunToday(), day.clock.now())
    day.events += day.engine.apply(cmd.SkipNext(), day.clock.now())
    again = restarted(day)
    same_view(day, again)
    status = again.engine.status(again.clock.now())
    assert (status.skips_left, status.skip_next, status.upcoming.sequence) == (2, True, 3)
    assert again.engine.next_run(again.clock.now())[1].date() > MONDAY.date(), "no run today, still"


def test_a_postponed_break_comes_back_after_a_restart_with_its_postpone_counted():
    day = Day(MONDAY.replace(hour=9), strict=True)
    on_a_break(day)
    [postponed] = day.engine.apply(cmd.Postpone(), day.clock.now())
    again = restarted(day, after=timedelta(minutes=1))
    same_view(day, again)
    again.run_until(postponed.until, break_takes=None)
    [back] = again.of(BreakStarted)
    assert back.reprompt and back.brk == postponed.brk
    [refused] = again.engine.apply(cmd.Postpone(), again.clock.now())
    assert isinstance(refused, Refused), "strict mode: once per break, restart or not"


def test_a_postponed_break_that_fell_due_a_natural_break_ago_is_not_brought_back():
    day = Day(MONDAY.replace(hour=9))
    on_a_break(day)
    [postponed] = day.engine.apply(cmd.Postpone(), day.clock.now())
    again = restarted(day, after=timedelta(minutes=5) + timedelta(minutes=5))  # postpone + natural_break
    assert again.engine.status(again.clock.now()).state == State.WAITING
    assert again.of(BreakStarted) == []
    assert again.clock.now() - postponed.until == timedelta(minutes=5)


def test_the_countdown_goes_on_after_a_short_stop_and_starts_afresh_after_a_long_one():
    day = Day(MONDAY.replace(hour=9))
    day.run_until(MONDAY.replace(hour=9, minute=50))
    due = day.engine.next_sit_break(day.clock.now())
    assert restarted(day, after=timedelta(minutes=4)).engine.next_sit_break(day.clock.now()) == due
    later = restarted(day, after=timedelta(minutes=5))
    assert later.engine.next_sit_break(later.clock.now()) == later.clock.now() + timedelta(minutes=30)


def test_a_pause_lasts_through_a_restart():
    day = Day(MONDAY.replace(hour=9))
    day.do("pause", MONDAY.replace(hour=12))
    again = restarted(day, after=timedelta(hours=1))
    assert again.engine.status(again.clock.now()).paused_until == MONDAY.replace(hour=12)


def test_yesterdays_discipline_gives_a_new_budget_and_starts_the_rotation_again():
    day = Day(MONDAY.replace(hour=16), skip_budget=2)
    on_a_break(day)
    day.events += day.engine.apply(cmd.Skip(), day.clock.now())
    on_a_break(day)
    day.events += day.engine.apply(cmd.Skip(), day.clock.now())
    assert day.engine.status(day.clock.now()).skips_left == 0
    again = restarted(day, after=TUESDAY.replace(hour=9) - day.clock.now())
    status = again.engine.status(again.clock.now())
    assert status.skips_left == 2 and status.upcoming.sequence == 0


def test_an_engines_discipline_changes_only_when_the_day_does():
    day = Day(MONDAY.replace(hour=9), working_hours=False)
    kept = day.engine.discipline(day.clock.now())
    day.run_until(MONDAY.replace(hour=9, minute=20))
    assert day.engine.discipline(day.clock.now()) == kept, "no save at every step"
    on_a_break(day)
    assert day.engine.discipline(day.clock.now()) != kept


def test_refusals_and_the_reasons_a_break_ended_are_in_the_users_language():
    from deskbreak.core import i18n

    i18n.install(lambda context, text, disambiguation, n: f"[{context}] {text}")
    day = Day(MONDAY.replace(hour=9), strict=True)
    on_a_break(day)
    [refused] = day.engine.apply(cmd.Skip(), day.clock.now())
    assert refused.reason == "[engine] Strict mode: breaks cannot be skipped"
    day.engine.apply(cmd.Postpone(), day.clock.now())
    [refused] = day.engine.apply(cmd.Postpone(), day.clock.now())
    assert refused.reason == "[engine] Strict mode: a break can be postponed once"
    [refused] = day.engine.apply(cmd.NoRunToday(), day.clock.now())
    assert refused.reason == "[engine] No run is planned today"
    ended, _paused = day.engine.apply(cmd.Pause(), day.clock.now())
    assert ended.reason == "[engine] paused"


# -- never a break behind the lock screen (issue 18, item 7) ------------------------------


def step_locked(day: Day, until: datetime, idle: float | None = None) -> None:
    """Step every 30 s with the screen locked (and no idle time known, as on KDE Wayland)."""
    while day.clock.now() < until:
        day.clock.advance(30)
        day.events += day.engine.step(day.clock.now(), Presence(idle, locked=True))


def test_a_break_due_during_a_short_lock_waits_for_the_unlock_and_starts_once():
    day = Day(MONDAY.replace(hour=9), working_hours=False, away_policy="break")
    day.run_until(MONDAY.replace(hour=9, minute=27, second=30), break_takes=None)
    step_locked(day, MONDAY.replace(hour=9, minute=31, second=30))  # 4 minutes: shorter than natural_break
    assert day.of(BreakStarted) == [] and day.of(PreludeStarted) == [], "nothing behind the lock screen"
    status = day.engine.status(day.clock.now())
    assert status.state == State.HELD and "locked" in status.held_by
    day.clock.advance(30)
    day.engine_step()  # unlocked
    assert len(day.of(BreakStarted)) == 1 and day.of(NaturalBreak) == []


def test_a_break_due_during_a_long_lock_under_the_ignore_policy_waits_and_tells_no_one():
    day = Day(MONDAY.replace(hour=9), working_hours=False, away_policy="ignore")
    day.run_until(MONDAY.replace(hour=9, minute=20), break_takes=None)
    step_locked(day, MONDAY.replace(hour=11), idle=0.0)
    assert day.of(BreakStarted) == [] and day.of(BreakOverdue) == [] and len(day.of(BreakHeld)) == 1
    day.clock.advance(30)
    day.engine_step()
    assert len(day.of(BreakStarted)) == 1


def test_a_postponed_break_coming_back_behind_the_lock_waits_for_the_unlock():
    day = Day(MONDAY.replace(hour=9), working_hours=False, away_policy="ignore", prelude=timedelta(0))
    day.run_until(MONDAY.replace(hour=9, minute=30), break_takes=None)
    day.events += day.engine.apply(cmd.Postpone(), day.clock.now())
    step_locked(day, MONDAY.replace(hour=9, minute=40), idle=0.0)
    assert len(day.of(BreakStarted)) == 1, "only the first showing, before the lock"
    day.clock.advance(30)
    [again] = [e for e in day.engine_step() if isinstance(e, BreakStarted)]
    assert again.reprompt


def test_a_break_held_by_a_long_lock_wakes_the_host_no_more_often_than_any_hold():
    day = Day(MONDAY.replace(hour=9), working_hours=False, away_policy="ignore", dnd_max_delay=timedelta(minutes=5))
    day.run_until(MONDAY.replace(hour=9, minute=20), break_takes=None)
    step_locked(day, MONDAY.replace(hour=10), idle=0.0)
    now = day.clock.now()
    assert day.engine.next_wakeup(now) - now >= timedelta(seconds=10)
