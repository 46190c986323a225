"""The break engine: one state machine that decides every prompt.

``BreakEngine.step(now, idle_seconds)`` is the only way time enters. Whoever
hosts the engine (the Qt app, a test, a benchmark) calls it at least every
minute and whenever :meth:`BreakEngine.next_wakeup` says; the engine returns
the events that happened, and the UI only reacts to them. Because each step
recomputes what is due from the time it is given, a late or duplicate step is
harmless.

Rules that keep it humane:

* A gap between two steps longer than ``natural_break`` means the machine
  slept or the app was frozen: the user was away, so that counts as a break
  (a :class:`NaturalBreak`), the interval restarts, and no stale prompt fires.
* The same goes for user-idle time of at least ``natural_break``.
* The wall clock jumping backwards shifts every pending countdown by the same
  amount, so nothing fires twice and nothing is delayed by the jump.
* A pre-run reminder is given once per run, whatever the clock does.
* A sit-break that would fall shortly before a pre-run routine is absorbed by
  it, so the user is not prompted twice in a few minutes.

Commands (``start_now``, ``postpone``, ``skip``, ``pause``, ``resume``,
``finish``) take the current time and return events too.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from deskbreak.core.kinds import BreakKind, Outcome
from deskbreak.core.plan import RunSchedule, WorkingHours, next_prerun, next_sit_break
from deskbreak.core.settings import Settings


class State(enum.Enum):
    WAITING = "waiting"
    PRELUDE = "prelude"
    ON_BREAK = "on_break"
    POSTPONED = "postponed"
    PAUSED = "paused"


@dataclass(frozen=True)
class Break:
    """One prompted (or user-started) break."""

    kind: BreakKind
    due: datetime
    sequence: int = 0
    """For sit-breaks: how many sit-breaks started earlier that day (routine rotation)."""
    run_at: datetime | None = None
    """For pre-run breaks: the run they prepare for."""
    user_started: bool = False


@dataclass(frozen=True)
class Event:
    at: datetime


@dataclass(frozen=True)
class PreludeStarted(Event):
    brk: Break


@dataclass(frozen=True)
class BreakDue(Event):
    brk: Break


@dataclass(frozen=True)
class BreakStarted(Event):
    brk: Break
    reprompt: bool = False
    """True when a postponed break comes back."""


@dataclass(frozen=True)
class BreakPostponed(Event):
    brk: Break
    until: datetime


@dataclass(frozen=True)
class BreakEnded(Event):
    brk: Break
    outcome: Outcome
    reason: str = ""


@dataclass(frozen=True)
class NaturalBreak(Event):
    away_since: datetime


@dataclass(frozen=True)
class Paused(Event):
    until: datetime


@dataclass(frozen=True)
class Resumed(Event):
    pass


@dataclass(frozen=True)
class Status:
    """What the tray shows: the state and the next thing to happen."""

    state: State
    current: Break | None
    upcoming: Break | None
    """The next break the engine will prompt, when none is current."""
    next_at: datetime | None
    """When the next prompt (prelude or break) happens, or the pause ends."""
    paused_until: datetime | None
    seconds_to_next: float | None


@dataclass
class _Active:
    brk: Break
    state: State  # PRELUDE, ON_BREAK or POSTPONED
    postponed_until: datetime | None = None


@dataclass
class _Memory:
    """Everything the engine remembers between steps."""

    last_break_end: datetime
    last_step: datetime | None = None
    active: _Active | None = None
    paused_until: datetime | None = None
    away: bool = False
    prerun_done: set[datetime] = field(default_factory=set)
    sit_day: date | None = None
    sit_count: int = 0


class BreakEngine:
    """Decides when breaks happen; see the module docstring for the rules."""

    def __init__(self, settings: Settings, now: datetime) -> None:
        self._settings = settings
        self._m = _Memory(last_break_end=now)

    # -- configuration ---------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    def apply_settings(self, settings: Settings) -> None:
        """Use new settings from now on; the next break is worked out again.

        The countdown still runs from the end of the last break, so a longer
        interval moves the next break later and a shorter one earlier. A
        break only announced so far is withdrawn and announced again when it
        falls due under the new settings; a break in progress, postponed or
        started by the user is left alone.
        """
        self._settings = settings
        active = self._m.active
        if active is not None and active.state == State.PRELUDE and not active.brk.user_started:
            self._m.active = None
            if active.brk.run_at is not None:
                self._m.prerun_done.discard(active.brk.run_at)

    def _hours(self) -> WorkingHours | None:
        s = self._settings
        if not s.working_hours:
            return None
        return WorkingHours(frozenset(s.work_days), s.work_start, s.work_end)

    def _runs(self) -> RunSchedule:
        return RunSchedule(self._settings.runs)

    # -- time ------------------------------------------------------------

    def step(self, now: datetime, idle_seconds: float | None = None) -> list[Event]:
        """Advance to ``now``; ``idle_seconds`` is how long the user has not
        touched keyboard or mouse, or None when that is unknown."""
        m = self._m
        events: list[Event] = []
        threshold = self._settings.natural_break
        if m.last_step is not None:
            gap = now - m.last_step
            if gap < timedelta(0):
                self._shift(gap)
            elif gap >= threshold:
                events += self._away(now, away_since=m.last_step)
        if idle_seconds is not None and idle_seconds >= threshold.total_seconds():
            if not m.away and (m.active is None or m.active.state != State.ON_BREAK):
                events += self._away(now, away_since=now - timedelta(seconds=idle_seconds))
            if m.active is None:
                # While the user stays away, the break they are taking goes on.
                m.last_break_end = max(m.last_break_end, now)
        else:
            m.away = False
        m.last_step = now
        events += self._advance(now)
        return events

    def _shift(self, delta: timedelta) -> None:
        """Move every pending countdown by ``delta`` (a backward clock jump)."""
        m = self._m
        m.last_break_end += delta
        if m.paused_until is not None:
            m.paused_until += delta
        if m.active is not None:
            m.active.brk = replace(m.active.brk, due=m.active.brk.due + delta)
            if m.active.postponed_until is not None:
                m.active.postponed_until += delta

    def _away(self, now: datetime, away_since: datetime) -> list[Event]:
        """The user was away (asleep machine or idle): that was their break."""
        m = self._m
        events: list[Event] = []
        if m.active is not None:
            events.append(self._end(now, Outcome.MISSED, reason="away"))
        m.away = True
        m.last_break_end = now
        events.append(NaturalBreak(at=now, away_since=away_since))
        return events

    def _advance(self, now: datetime) -> list[Event]:
        m = self._m
        events: list[Event] = []
        if m.paused_until is not None and now >= m.paused_until:
            events += self._resume(now)
        active = m.active
        if active is not None:
            if active.state == State.PRELUDE and now >= active.brk.due:
                events += self._start(now, active.brk)
            elif active.state == State.POSTPONED and now >= active.postponed_until:
                events += self._start(now, active.brk, reprompt=True)
            return events
        if m.paused_until is not None or m.away:
            return events
        upcoming = self._upcoming(now)
        if upcoming is None:
            return events
        prelude_at = upcoming.due - self._settings.prelude
        if now < prelude_at:
            return events
        if upcoming.run_at is not None:
            m.prerun_done.add(upcoming.run_at)
        if now < upcoming.due:
            m.active = _Active(upcoming, State.PRELUDE)
            events.append(PreludeStarted(at=now, brk=upcoming))
        else:
            events += self._start(now, upcoming)
        return events

    def _upcoming(self, now: datetime) -> Break | None:
        """The next break to prompt, given what has happened so far."""
        s = self._settings
        m = self._m
        sit_due = next_sit_break(m.last_break_end, s.sit_interval, self._hours())
        prerun = next_prerun(now, self._runs(), s.prerun_lead, frozenset(m.prerun_done))
        if prerun is not None:
            prerun_due, run_at = prerun
            absorbs_sit = sit_due is None or prerun_due - sit_due <= s.sit_interval / 2
            if absorbs_sit:
                return Break(BreakKind.PRERUN, due=prerun_due, run_at=run_at)
        if sit_due is None:
            return None
        return Break(BreakKind.SIT, due=sit_due, sequence=self._sit_sequence(sit_due))

    def _sit_sequence(self, day_of: datetime) -> int:
        m = self._m
        return m.sit_count if m.sit_day == day_of.date() else 0

    def _start(self, now: datetime, brk: Break, reprompt: bool = False) -> list[Event]:
        m = self._m
        events: list[Event] = []
        if not reprompt and not brk.user_started:
            events.append(BreakDue(at=now, brk=brk))
        if brk.kind == BreakKind.SIT and not reprompt:
            if m.sit_day != now.date():
                m.sit_day, m.sit_count = now.date(), 0
            m.sit_count += 1
        m.active = _Active(brk, State.ON_BREAK)
        events.append(BreakStarted(at=now, brk=brk, reprompt=reprompt))
        return events

    def _end(self, now: datetime, outcome: Outcome, reason: str = "") -> BreakEnded:
        m = self._m
        assert m.active is not None
        brk = m.active.brk
        m.active = None
        m.last_break_end = now
        return BreakEnded(at=now, brk=brk, outcome=outcome, reason=reason)

    def _resume(self, now: datetime) -> list[Event]:
        self._m.paused_until = None
        self._m.last_break_end = max(self._m.last_break_end, now)
        return [Resumed(at=now)]

    # -- commands --------------------------------------------------------

    def start_now(self, now: datetime, kind: BreakKind = BreakKind.SIT) -> list[Event]:
        """The user asked for a break now (allowed even while paused).

        A break already announced is brought forward rather than doubled,
        unless the user asked for a different routine, which replaces it.
        """
        m = self._m
        events: list[Event] = []
        if m.active is not None:
            if m.active.state == State.ON_BREAK:
                return []
            pending = m.active.brk
            if pending.kind == kind:
                return self._start(now, pending, reprompt=m.active.state == State.POSTPONED)
            events.append(self._end(now, Outcome.SKIPPED, reason=f"replaced by {kind.value}"))
        run_at = None
        if kind == BreakKind.PRERUN:
            upcoming = next_prerun(now, self._runs(), timedelta(0), frozenset(m.prerun_done))
            # Only today's run counts as done; a run days away keeps its reminder.
            if upcoming is not None and upcoming[1].date() == now.date():
                run_at = upcoming[1]
                m.prerun_done.add(run_at)
        sequence = self._sit_sequence(now)
        brk = Break(kind, due=now, sequence=sequence, run_at=run_at, user_started=True)
        return events + self._start(now, brk)

    def postpone(self, now: datetime, delay: timedelta | None = None) -> list[Event]:
        m = self._m
        if m.active is None:
            return []
        until = now + (delay if delay is not None else self._settings.postpone)
        m.active.state = State.POSTPONED
        m.active.postponed_until = until
        return [BreakPostponed(at=now, brk=m.active.brk, until=until)]

    def skip(self, now: datetime, reason: str = "") -> list[Event]:
        if self._m.active is None:
            return []
        return [self._end(now, Outcome.SKIPPED, reason=reason)]

    def finish(self, now: datetime, outcome: Outcome = Outcome.COMPLETED) -> list[Event]:
        """The routine of the current break ended (done, or stopped because it hurt)."""
        m = self._m
        if m.active is None or m.active.state != State.ON_BREAK:
            return []
        return [self._end(now, outcome)]

    def pause(self, now: datetime, until: datetime) -> list[Event]:
        """No prompts until ``until``; a pending or running break is skipped."""
        if until <= now:
            raise ValueError(f"cannot pause until {until:%H:%M}, which is not in the future")
        events = self.skip(now, reason="paused")
        self._m.paused_until = until
        events.append(Paused(at=now, until=until))
        return events

    def resume(self, now: datetime) -> list[Event]:
        if self._m.paused_until is None:
            return []
        return self._resume(now) + self._advance(now)

    # -- queries ---------------------------------------------------------

    def status(self, now: datetime) -> Status:
        m = self._m
        if m.active is not None:
            active = m.active
            next_at = active.postponed_until if active.state == State.POSTPONED else (
                active.brk.due if active.state == State.PRELUDE else None
            )
            return Status(
                state=active.state,
                current=active.brk,
                upcoming=None,
                next_at=next_at,
                paused_until=m.paused_until,
                seconds_to_next=_seconds(now, next_at),
            )
        if m.paused_until is not None:
            return Status(State.PAUSED, None, None, m.paused_until, m.paused_until,
                          _seconds(now, m.paused_until))
        upcoming = self._upcoming(now)
        next_at = upcoming.due if upcoming else None
        if next_at is not None and next_at < now:
            # Due while the user is away: it is prompted the moment they are back.
            next_at = now
        return Status(State.WAITING, None, upcoming, next_at, None, _seconds(now, next_at))

    def next_sit_break(self, now: datetime) -> datetime | None:
        """When the next sit-break will be prompted, or None (one is on now, or none is ever due).

        While paused, the countdown starts again when the pause ends.
        """
        m = self._m
        if m.active is not None and m.active.brk.kind == BreakKind.SIT:
            if m.active.state == State.ON_BREAK:
                return None
            return m.active.postponed_until if m.active.state == State.POSTPONED else m.active.brk.due
        start = m.last_break_end
        if m.paused_until is not None:
            start = max(start, m.paused_until)
        return next_sit_break(start, self._settings.sit_interval, self._hours())

    def next_run(self, now: datetime) -> tuple[datetime, datetime] | None:
        """The next run still to come as (pre-run reminder time, run time), or None."""
        m = self._m
        if m.active is not None and m.active.brk.run_at is not None and m.active.brk.run_at > now:
            return m.active.brk.due, m.active.brk.run_at
        return next_prerun(now, self._runs(), self._settings.prerun_lead, frozenset(m.prerun_done))

    def next_wakeup(self, now: datetime) -> datetime | None:
        """The next moment ``step`` must be called for the engine to be on time."""
        status = self.status(now)
        if status.state == State.WAITING and status.upcoming is not None:
            prompt_at = status.upcoming.due - self._settings.prelude
            if prompt_at <= now and self._m.away:
                # Waking now would find the user still away, again and again:
                # the watchdog's steps notice their return; past the run start
                # the reminder is moot.
                return status.upcoming.run_at
            return prompt_at
        return status.next_at


def _seconds(now: datetime, then: datetime | None) -> float | None:
    return None if then is None else (then - now).total_seconds()


def tomorrow_morning(now: datetime, settings: Settings) -> datetime:
    """The start of tomorrow's work (``work_start``), for "pause until tomorrow"."""
    start: time = settings.work_start
    return datetime.combine(now.date() + timedelta(days=1), start, now.tzinfo)
