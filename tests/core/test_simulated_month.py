"""A month of a user's life, generated at random, replayed on the engine in milliseconds.

The month crosses the end of summer time (Europe/Berlin, 25 October 2026),
and hypothesis strews it with what real weeks hold: suspends of any length,
clock corrections backwards, time away from the desk, presentations and
meetings, pauses, postpones, skips, settings changed mid-day, and runs
added to the calendar. The engine is driven the way the app drives it: a
step at every wake-up it asks for, when the idle poll would notice a change,
and after every user action.

What must hold, whatever the month:

- no two breaks are open at once;
- nothing is prompted while paused, outside working hours, or over a
  presentation (the user's own "break now" aside);
- every break that fell due ends exactly once;
- after a resume (from a pause or from sleep) at most one prompt comes,
  however long the machine slept: no break storm;
- the next wake-up is always in the future.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from deskbreak.core import commands as cmd
from deskbreak.core.scheduling.engine import (
    BreakDue,
    BreakEnded,
    BreakEngine,
    BreakStarted,
    Paused,
    PreludeStarted,
    Presence,
    Resumed,
)
from deskbreak.core.kinds import BreakKind, Outcome
from deskbreak.core.scheduling.runs import Run
from deskbreak.core.settings import Settings

BERLIN = ZoneInfo("Europe/Berlin")
MONTH_START = datetime(2026, 10, 12, 8, 0, tzinfo=timezone.utc)
MONTH = timedelta(days=30)
IDLE_POLL = timedelta(minutes=4)
"""How often the sketch steps between wake-ups, as the app's idle poll does (it polls more
often; a gap of ``natural_break``, 5 min, would read as the machine having slept)."""
ROUTINE = timedelta(minutes=4)


class ZonedClock:
    """Wall time as the system clock gives it: the local offset of the moment, DST included."""

    def __init__(self, start: datetime) -> None:
        self._utc = start.astimezone(timezone.utc)

    def now(self) -> datetime:
        local = self._utc.astimezone(BERLIN)
        return local.replace(tzinfo=timezone(local.utcoffset()))

    def move(self, seconds: float) -> None:
        self._utc += timedelta(seconds=seconds)


def base_settings() -> Settings:
    return Settings.defaults().with_values(
        working_hours=True, work_days=["mon", "tue", "wed", "thu", "fri"], work_start="09:00",
        work_end="17:30", runs={"tue": "18:00", "sat": "09:00"}, dnd_max_delay="30m")


minutes = st.integers(1, 12 * 60)
happenings = st.one_of(
    st.tuples(st.just("work"), minutes),
    st.tuples(st.just("suspend"), st.integers(60, 3 * 24 * 3600)),
    st.tuples(st.just("clock_back"), st.integers(1, 2 * 3600)),
    st.tuples(st.just("away"), st.integers(1, 3 * 60)),
    st.tuples(st.sampled_from(["fullscreen", "meeting"]), st.integers(1, 2 * 60)),
    st.tuples(st.just("pause"), st.integers(1, 4 * 60)),
    st.tuples(st.sampled_from(["resume", "postpone", "skip", "start_now", "finish", "skip_next"]), st.none()),
    st.tuples(st.just("settings"), st.sampled_from([
        {"sit_interval": "20m"}, {"sit_interval": "45m"}, {"prelude": "0s"}, {"prelude": "2m"},
        {"working_hours": False}, {"working_hours": True}, {"away_policy": "pause"},
        {"away_policy": "ignore"}, {"away_policy": "break"}, {"work_end": "16:00"},
    ])),
    st.tuples(st.just("calendar_run"), st.integers(1, 72 * 60)),
)


class Month:
    """The engine, the clock, the user's presence, and every event so far."""

    def __init__(self) -> None:
        self.clock = ZonedClock(MONTH_START)
        self.engine = BreakEngine(base_settings(), self.clock.now())
        self.idle_since: datetime | None = None
        self.busy: str | None = None
        self.open_break = None
        self.paused = False
        self.unended_due = None
        self.calendar: list[Run] = []
        self.break_started_at: datetime | None = None

    def presence(self) -> Presence:
        now = self.clock.now()
        idle = 0.0 if self.idle_since is None else (now - self.idle_since).total_seconds()
        return Presence(idle, locked=False, busy=self.busy)

    def step(self, asked_by_user: bool = False) -> list:
        return self.absorb(self.engine.step(self.clock.now(), self.presence()), asked_by_user)

    def command(self, command: cmd.EngineCommand) -> list:
        return self.absorb(self.engine.apply(command, self.clock.now()), asked_by_user=True)

    def absorb(self, events: list, asked_by_user: bool = False) -> list:
        now = self.clock.now()
        settings = self.engine.settings
        for event in events:
            if isinstance(event, BreakStarted):
                assert self.open_break is None or event.reprompt, f"two breaks at once at {now}"
                self.open_break = event.brk
                self.break_started_at = now
            elif isinstance(event, BreakEnded):
                # One break at a time: this ends the one that fell due, if one did (a break
                # skipped in its prelude never fell due). Its due time may have moved with the clock.
                self.open_break = None
                self.unended_due = None
            elif isinstance(event, BreakDue):
                assert self.unended_due is None, f"{event.brk} fell due before {self.unended_due} ended"
                self.unended_due = event.brk
            elif isinstance(event, Paused):
                self.paused = True
            elif isinstance(event, Resumed):
                self.paused = False
            if isinstance(event, (PreludeStarted, BreakStarted)) and not event.brk.user_started:
                assert not self.paused, f"prompted during a pause at {now}"
                assert self.busy is None or asked_by_user, f"prompted over {self.busy} at {now}"
                if event.brk.kind == BreakKind.SIT and settings.working_hours:
                    # The break falls in working hours (its notice may come a minute before they start).
                    due = event.brk.due
                    assert due.weekday() in settings.work_days and settings.work_start <= due.time(), (
                        f"sit-break due {due} prompted at {now}, outside working hours")
        wake = self.engine.next_wakeup(now)
        assert wake is None or wake > now, f"wakes at {wake}, now {now}"
        return events

    def live(self, seconds: float) -> None:
        """Let ``seconds`` pass as the app would: stepping at wake-ups and idle polls."""
        end = self.clock.now() + timedelta(seconds=seconds)
        while self.clock.now() < end:
            now = self.clock.now()
            wake = self.engine.next_wakeup(now) or end
            routine_done = end
            if self.open_break is not None and self.break_started_at is not None:
                # A user on a break follows the routine for a few minutes, then it ends.
                routine_done = max(now, self.break_started_at + ROUTINE)
            self.clock.move(max(1.0, (min(end, wake, now + IDLE_POLL, routine_done) - now).total_seconds()))
            self.step()
            if self.open_break is not None and self.clock.now() >= routine_done:
                self.command(cmd.FinishBreak(Outcome.COMPLETED))

    def prompts_in(self, events: list) -> int:
        return sum(isinstance(e, (PreludeStarted, BreakStarted)) and not e.brk.user_started for e in events)

    def happen(self, what: str, amount) -> None:
        if what == "work":
            self.live(amount * 60)
        elif what == "suspend":
            # Asleep: no steps at all, then the wall clock has moved on.
            self.clock.move(amount)
            assert self.prompts_in(self.step()) <= 1, "a break storm after waking"
            self.live(60)
        elif what == "clock_back":
            self.clock.move(-amount)
            self.step()
            self.live(60)
        elif what == "away":
            self.idle_since = self.clock.now()
            self.live(amount * 60)
            self.idle_since = None
            self.step()
        elif what in ("fullscreen", "meeting"):
            self.busy = what
            self.live(amount * 60)
            self.busy = None
            self.step()
        elif what == "pause":
            self.command(cmd.Pause(duration=timedelta(minutes=amount)))
            self.live(amount * 60 + 60)
        elif what == "resume":
            events = self.command(cmd.Resume())
            assert self.prompts_in(events + self.step()) <= 1, "a break storm after resuming"
        elif what == "postpone":
            self.command(cmd.Postpone())
        elif what == "skip":
            self.command(cmd.Skip())
        elif what == "start_now":
            self.command(cmd.StartBreak())
        elif what == "finish":
            self.command(cmd.FinishBreak(Outcome.COMPLETED))
        elif what == "skip_next":
            self.command(cmd.SkipNext())
        elif what == "settings":
            try:
                self.engine.apply_settings(self.engine.settings.with_values(**amount))
            except ValueError:
                return  # a pair the settings refuse (work_end before work_start): the user sees why
            self.step()
        elif what == "calendar_run":
            start = self.clock.now() + timedelta(minutes=amount)
            self.calendar.append(Run(start, start + timedelta(hours=1), "calendar", "Long run"))
            self.engine.set_calendar_runs(self.calendar)
            self.step()


# derandomize: CI runs the same twenty months every time; hunting for new failures is done
# locally with more examples and derandomize off, not by a red build on an unrelated change.
@hsettings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True,
           print_blob=True)
@given(st.lists(happenings, min_size=10, max_size=60))
def test_a_random_month_keeps_every_promise(month_of):
    month = Month()
    month.step()
    for what, amount in month_of:
        month.happen(what, amount)
        if month.clock.now() - MONTH_START > MONTH:
            break
    else:
        month.live(max(0.0, (MONTH_START + MONTH - month.clock.now()).total_seconds()))
    # The day ends: whatever is still open is settled, and every due break has one outcome.
    month.command(cmd.Resume())
    if month.open_break is not None:
        month.command(cmd.FinishBreak(Outcome.COMPLETED))
    month.command(cmd.Skip())
    assert month.unended_due is None, f"{month.unended_due} fell due and never ended"


def test_the_month_crosses_the_end_of_summer_time():
    clock = ZonedClock(MONTH_START)
    before = clock.now().utcoffset()
    clock.move(MONTH.total_seconds())
    assert (before, clock.now().utcoffset()) == (timedelta(hours=2), timedelta(hours=1))
