"""The break engine: one state machine that decides every prompt.

``BreakEngine.step(now, presence)`` is the only way time enters; the
:class:`Presence` says how long the user has been idle, whether the screen is
locked and whether something (a fullscreen window, the desktop's
do-not-disturb, a call) asks not to be interrupted. Whoever
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
* Screen lock and suspend follow ``away_policy``: the time away counts as a
  break ("break"), the countdown waits for the user ("pause"), or runs on
  ("ignore"); whichever, a resume gives at most one prompt.
* Do not disturb postpones, never drops: a break that falls due while the
  user presents waits (:class:`BreakHeld`) and starts exactly once when that
  ends; past ``dnd_max_delay`` the user is told once (:class:`BreakOverdue`),
  never shown a window over the presentation. No prelude interrupts either.
* The next wake-up is always in the future, so a host that sleeps until it
  never spins.
* Skips are a budget: past ``skip_budget`` a day, skip becomes a 5-minute
  postpone; strict mode allows no skip and one postpone per break.
* Quitting is no way out: what the day has spent (skips, the postpones of a
  break put off, the place in the sit-break rotation) and what the user asked
  for ("skip next", "no run today", a pause) is a :class:`Discipline` the host
  saves whenever it changes and when it quits, and hands to
  :meth:`BreakEngine.restore` at the next start. The countdown goes on from
  the last break when deskbreak was stopped for less than ``natural_break``;
  a postponed break comes back unless it fell due ``natural_break`` or more
  ago. Longer than that, by the engine's own rule, the user was away.

Commands (:mod:`deskbreak.core.commands`) go through :meth:`BreakEngine.apply`
and return events too; a command the rules refuse returns :class:`Refused`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Sequence

from deskbreak.core import commands as cmd
from deskbreak.core.i18n import translate
from deskbreak.core.kinds import BreakKind, Outcome
from deskbreak.core.scheduling.plan import WorkingHours, next_prerun, next_sit_break
from deskbreak.core.scheduling.runs import Run, RunPlan, runs_report
from deskbreak.core.settings import Settings


# The settings the engine plans with; the others (sound, pacing, autostart...) never move a break.
SCHEDULE_KEYS = frozenset({
    "sit_interval", "prelude", "postpone", "natural_break", "away_policy", "dnd_max_delay",
    "skip_budget", "strict", "working_hours", "work_days", "work_start", "work_end", "runs", "prerun_lead",
    "run_length", "cooldown",
})


class State(enum.Enum):
    WAITING = "waiting"
    PRELUDE = "prelude"
    HELD = "held"
    """Due, but waiting for a presentation, call or do-not-disturb to end."""
    ON_BREAK = "on_break"
    POSTPONED = "postponed"
    PAUSED = "paused"


# While a break is held, look again this often (the host polls do-not-disturb then).
HELD_RECHECK = timedelta(seconds=10)
# How soon to wake for a prompt that is already due when asked.
DUE_NOW = timedelta(seconds=1)
# Past the day's skip budget, "skip" puts the break off by this much instead.
OVER_BUDGET_POSTPONE = timedelta(minutes=5)


@dataclass(frozen=True)
class Presence:
    """What the host knows about the user at a step."""

    idle_seconds: float | None = None
    """Seconds since the last keyboard or mouse input, or None when unknown."""
    locked: bool = False
    busy: str | None = None
    """Why not to interrupt now ("fullscreen", "do not disturb", "zoom"), or None."""


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
class RunEnded(Event):
    """A run is over: it counted as a break, and (with ``cooldown`` on) the cool-down is offered."""

    run: Run
    offer_cooldown: bool


@dataclass(frozen=True)
class BackAtDesk(Event):
    """The user is back after a natural break that began at ``away_since``."""

    away_since: datetime


@dataclass(frozen=True)
class BreakHeld(Event):
    """A due break waits for ``reason`` to end."""

    brk: Break
    reason: str


@dataclass(frozen=True)
class BreakOverdue(Event):
    """A held break has waited ``dnd_max_delay``: tell the user, still without a window."""

    brk: Break
    reason: str


@dataclass(frozen=True)
class Refused(Event):
    """A command the rules do not allow now (strict mode, nothing to skip); ``reason`` says why."""

    reason: str


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
    held_by: str | None = None
    """Why a due break waits (State.HELD)."""
    skips_left: int | None = None
    """Skips left today; None means no limit (or strict mode, where ``can_skip`` says no)."""
    can_skip: bool = True
    can_postpone: bool = True
    overdue: bool = False
    """The day's skip budget is spent: the tray shows breaks are overdue."""
    skip_next: bool = False


@dataclass(frozen=True)
class Discipline:
    """What the engine must not forget when deskbreak quits and starts again (see the module docstring).

    Everything here is plain data (dates, times, counts), so the host can
    save it as it likes; ``day`` says which day ``skips`` and ``sit_breaks``
    belong to, and they count for nothing on another.
    """

    day: date
    skips: int = 0
    """Skips spent that day (from the budget)."""
    sit_breaks: int = 0
    """Sit-breaks started that day: where the routine's rotation stands."""
    skip_next: bool = False
    postponed: Break | None = None
    """A break put off and still to come back, with when and how often it was put off."""
    postponed_until: datetime | None = None
    postpones: int = 0
    runs_reminded: frozenset[datetime] = frozenset()
    """Runs from ``day`` on whose pre-run reminder was given (or taken early)."""
    runs_dropped: frozenset[datetime] = frozenset()
    """Runs from ``day`` on the user said they would not run ("No run today")."""
    last_break_end: datetime | None = None
    """Where the countdown to the next sit-break runs from; None while the user is away."""
    paused_until: datetime | None = None
    at: datetime | None = field(default=None, compare=False)
    """When this was taken: the host saves it when the rest changes, and when it quits."""


@dataclass
class _Active:
    brk: Break
    state: State  # PRELUDE, HELD, ON_BREAK or POSTPONED
    postponed_until: datetime | None = None
    postpones: int = 0
    held_since: datetime | None = None
    held_by: str | None = None
    overdue_told: bool = False
    reprompt: bool = False


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
    runs_skipped: set[datetime] = field(default_factory=set)
    runs_ended: set[datetime] = field(default_factory=set)
    skip_day: date | None = None
    skips: int = 0
    skip_next: bool = False
    locked: bool = False
    locked_since: datetime | None = None
    busy: str | None = None
    away_since: datetime | None = None


class BreakEngine:
    """Decides when breaks happen; see the module docstring for the rules."""

    def __init__(self, settings: Settings, now: datetime) -> None:
        self._settings = settings
        self._calendar_runs: tuple[Run, ...] = ()
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

    def _runs(self) -> RunPlan:
        return RunPlan(self._settings.runs, self._calendar_runs)

    def set_calendar_runs(self, runs: Sequence[Run]) -> None:
        """The runs the user's calendar file holds (read by the host, re-read when it changes)."""
        self._calendar_runs = tuple(runs)

    # -- time ------------------------------------------------------------

    def step(self, now: datetime, presence: Presence | float | None = None) -> list[Event]:
        """Advance to ``now``; ``presence`` is a :class:`Presence` (or just the idle seconds)."""
        if not isinstance(presence, Presence):
            presence = Presence(idle_seconds=presence)
        m = self._m
        events: list[Event] = []
        threshold = self._settings.natural_break
        policy = self._settings.away_policy
        idle = presence.idle_seconds
        if m.last_step is not None:
            gap = now - m.last_step
            if gap < timedelta(0):
                self._shift(gap)
            elif gap >= threshold:
                # The machine slept (or the app was frozen): the policy decides what that was.
                if policy == "break":
                    events += self._away(now, away_since=m.last_step)
                elif policy == "pause":
                    self._shift(gap, pause_too=False)
            elif presence.locked and m.locked and policy == "pause":
                self._shift(gap, pause_too=False)  # the countdown waits behind the lock screen
        if presence.locked and m.locked_since is None:
            m.locked_since = now
        elif not presence.locked:
            m.locked_since = None
        if presence.locked and policy == "ignore":
            idle = None  # a locked screen is not a break under this policy
        elif presence.locked and policy == "break":
            # Locked counts as away even where idle time is unknown.
            idle = max(idle or 0.0, (now - m.locked_since).total_seconds())
        elif presence.busy is not None and not presence.locked:
            # Sitting still through a call or a presentation is not a break.
            idle = None
        m.locked = presence.locked
        m.busy = presence.busy
        if idle is not None and idle >= threshold.total_seconds() and not (presence.locked and policy == "pause"):
            if not m.away and (m.active is None or m.active.state != State.ON_BREAK):
                events += self._away(now, away_since=now - timedelta(seconds=idle))
            if m.active is None:
                # While the user stays away, the break they are taking goes on.
                m.last_break_end = max(m.last_break_end, now)
        elif m.away:
            m.away = False
            events.append(BackAtDesk(at=now, away_since=m.away_since or now))
        m.last_step = now
        events += self._runs_ended(now)
        events += self._advance(now)
        return events

    def _runs_ended(self, now: datetime) -> list[Event]:
        """Runs that finished since the last look: each is a break (you just moved), once."""
        m = self._m
        s = self._settings
        events: list[Event] = []
        for run, end in self._open_runs(now, until=now):
            if end > now:
                continue
            m.runs_ended.add(run.start)
            if now - end > s.natural_break + s.run_length:
                continue  # long past (the app just started): nothing to offer
            m.last_break_end = max(m.last_break_end, end)
            events.append(RunEnded(at=now, run=run, offer_cooldown=s.cooldown))
        return events

    def _shift(self, delta: timedelta, pause_too: bool = True) -> None:
        """Move every pending countdown by ``delta``.

        A backward clock jump moves the pause's end too (it was set on the
        old clock); time asleep under the "pause" policy does not, since the
        user paused until a time on the wall.
        """
        m = self._m
        m.last_break_end += delta
        if m.paused_until is not None and pause_too:
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
            events.append(self._end(now, Outcome.MISSED, reason=translate("engine", "away")))
        m.away = True
        m.away_since = away_since
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
                events += self._start_or_hold(now, active)
            elif active.state == State.POSTPONED and now >= active.postponed_until:
                events += self._start_or_hold(now, active, reprompt=True)
            elif active.state == State.HELD:
                events += self._still_held(now, active)
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
        if m.skip_next:
            m.skip_next = False
            return events + [self._pass_over(now, upcoming)]
        if now < upcoming.due:
            m.active = _Active(upcoming, State.PRELUDE)
            if m.busy is None:  # no notification over a presentation either
                events.append(PreludeStarted(at=now, brk=upcoming))
        else:
            events += self._start_or_hold(now, _Active(upcoming, State.PRELUDE))
        return events

    def _start_or_hold(self, now: datetime, active: _Active, reprompt: bool = False) -> list[Event]:
        """Start a due break, or hold it while the user must not be interrupted."""
        m = self._m
        if m.busy is not None and not active.brk.user_started:
            m.active = replace(active, state=State.HELD, held_since=now, held_by=m.busy,
                               reprompt=reprompt)
            return [BreakHeld(at=now, brk=active.brk, reason=m.busy)]
        return self._start(now, active.brk, reprompt=reprompt, postpones=active.postpones)

    def _still_held(self, now: datetime, active: _Active) -> list[Event]:
        m = self._m
        if m.busy is None:
            return self._start(now, active.brk, reprompt=active.reprompt, postpones=active.postpones)
        active.held_by = m.busy
        if not active.overdue_told and now - active.held_since >= self._settings.dnd_max_delay:
            active.overdue_told = True
            return [BreakOverdue(at=now, brk=active.brk, reason=m.busy)]
        return []

    def _pass_over(self, now: datetime, brk: Break) -> BreakEnded:
        """The break the user chose to skip ahead of time: recorded, never shown."""
        m = self._m
        self._count_skip(now)
        m.last_break_end = max(brk.due, now)
        return BreakEnded(at=now, brk=brk, outcome=Outcome.SKIPPED, reason=translate("engine", "skipped ahead of time"))

    def _upcoming(self, now: datetime) -> Break | None:
        """The next break to prompt, given what has happened so far."""
        s = self._settings
        m = self._m
        hours = self._hours()
        sit_due = next_sit_break(m.last_break_end, s.sit_interval, hours, now.tzinfo)
        if sit_due is not None and sit_due <= now and hours is not None and not hours.contains(now):
            # Overdue from a working window that is over: the clock was set back across its
            # end (found by the simulated month). The countdown starts with the next window.
            sit_due = next_sit_break(now, s.sit_interval, hours, now.tzinfo)
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

    def _start(self, now: datetime, brk: Break, reprompt: bool = False, postpones: int = 0) -> list[Event]:
        m = self._m
        events: list[Event] = []
        if not reprompt and not brk.user_started:
            events.append(BreakDue(at=now, brk=brk))
        if brk.kind == BreakKind.SIT and not reprompt:
            if m.sit_day != now.date():
                m.sit_day, m.sit_count = now.date(), 0
            m.sit_count += 1
        m.active = _Active(brk, State.ON_BREAK, postpones=postpones)
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

    def apply(self, command: cmd.EngineCommand, now: datetime) -> list[Event]:
        """Apply one user command (see :mod:`deskbreak.core.commands`)."""
        if isinstance(command, cmd.StartBreak):
            return self.start_now(now, command.kind, command.sequence, command.for_run)
        if isinstance(command, cmd.Postpone):
            return self.postpone(now, command.delay)
        if isinstance(command, cmd.Skip):
            return self.skip(now, command.reason)
        if isinstance(command, cmd.SkipNext):
            return self.skip_next(now)
        if isinstance(command, cmd.Pause):
            until = (tomorrow_morning(now, self._settings) if command.until_tomorrow
                     else now + (command.duration or timedelta(minutes=30)))
            return self.pause(now, until)
        if isinstance(command, cmd.Resume):
            return self.resume(now)
        if isinstance(command, cmd.FinishBreak):
            if command.outcome == Outcome.SKIPPED:
                return self.skip(now, reason=command.reason or translate("engine", "ended by the user"))
            return self.finish(now, command.outcome)
        if isinstance(command, cmd.NoRunToday):
            return self.no_run_today(now)
        raise TypeError(f"not an engine command: {command!r}")

    def start_now(self, now: datetime, kind: BreakKind = BreakKind.SIT, sequence: int | None = None,
                  for_run: bool = True) -> list[Event]:
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
                # A postponed break coming back (held or not) is the same break, prompted again.
                again = m.active.state == State.POSTPONED or (m.active.state == State.HELD and m.active.reprompt)
                if sequence is not None:
                    pending = replace(pending, sequence=sequence)
                return self._start(now, pending, reprompt=again, postpones=m.active.postpones)
            events.append(self._end(now, Outcome.SKIPPED,
                                    reason=translate("engine", "replaced by: {kind}").format(kind=kind.label)))
        run_at = None
        if kind == BreakKind.PRERUN and for_run:
            upcoming = next_prerun(now, self._runs(), timedelta(0), frozenset(m.prerun_done))
            # Only today's run counts as done; a run days away keeps its reminder.
            if upcoming is not None and upcoming[1].date() == now.date():
                run_at = upcoming[1]
                m.prerun_done.add(run_at)
        if sequence is None:
            sequence = self._sit_sequence(now)
        brk = Break(kind, due=now, sequence=sequence, run_at=run_at, user_started=True)
        return events + self._start(now, brk)

    def postpone(self, now: datetime, delay: timedelta | None = None) -> list[Event]:
        m = self._m
        if m.active is None:
            return []
        if self._settings.strict and m.active.postpones >= 1:
            return [Refused(at=now, reason=translate("engine", "Strict mode: a break can be postponed once"))]
        return [self._postpone(now, delay if delay is not None else self._settings.postpone)]

    def _postpone(self, now: datetime, delay: timedelta) -> BreakPostponed:
        active = self._m.active
        until = now + delay
        active.state = State.POSTPONED
        active.postponed_until = until
        active.postpones += 1
        return BreakPostponed(at=now, brk=active.brk, until=until)

    def skip(self, now: datetime, reason: str = "") -> list[Event]:
        """Skip the current break; past the day's budget it is put off 5 minutes instead.

        A break the user started is theirs to end: no budget, no strict mode.
        """
        if self._m.active is None:
            return []
        if self._m.active.brk.user_started:
            return [self._end(now, Outcome.SKIPPED, reason=reason)]
        refusal = self._skip_refusal(now)
        if refusal is not None:
            return [Refused(at=now, reason=refusal)]
        if self.skips_left(now) == 0:
            return [self._postpone(now, OVER_BUDGET_POSTPONE)]
        self._count_skip(now)
        return [self._end(now, Outcome.SKIPPED, reason=reason)]

    def skip_next(self, now: datetime) -> list[Event]:
        """Skip the break that is pending, or else the next one when it comes."""
        if self._m.active is not None:
            return self.skip(now, reason=translate("engine", "skipped by the user"))
        refusal = self._skip_refusal(now)
        if refusal is None and self.skips_left(now) == 0:
            refusal = translate("engine", "No skips left today")
        if refusal is not None:
            return [Refused(at=now, reason=refusal)]
        self._m.skip_next = True
        return []

    def no_run_today(self, now: datetime) -> list[Event]:
        """Drop today's pre-run reminder (and a pre-run break pending for it)."""
        m = self._m
        events: list[Event] = []
        midnight = datetime.combine(now.date(), time.min, now.tzinfo)
        todays = self._runs().runs_between(midnight, midnight + timedelta(days=1))
        active = m.active
        if active is not None and active.brk.run_at is not None and active.brk.run_at.date() == now.date():
            events.append(self._end(now, Outcome.SKIPPED, reason=translate("engine", "no run today")))
        for run in todays:
            m.prerun_done.add(run.start)
            m.runs_skipped.add(run.start)  # no cool-down either, and the run is no break
        if not todays and not events:
            return [Refused(at=now, reason=translate("engine", "No run is planned today"))]
        return events

    def finish(self, now: datetime, outcome: Outcome = Outcome.COMPLETED) -> list[Event]:
        """The routine of the current break ended (done, or stopped because it hurt)."""
        m = self._m
        if m.active is None or m.active.state != State.ON_BREAK:
            return []
        return [self._end(now, outcome)]

    def pause(self, now: datetime, until: datetime) -> list[Event]:
        """No prompts until ``until``; a pending or running break ends as skipped (not a budget skip)."""
        if until <= now:
            raise ValueError(f"cannot pause until {until:%H:%M}, which is not in the future")
        events: list[Event] = []
        if self._m.active is not None:
            events.append(self._end(now, Outcome.SKIPPED, reason=translate("engine", "paused")))
        self._m.paused_until = until
        self._m.skip_next = False
        events.append(Paused(at=now, until=until))
        return events

    def resume(self, now: datetime) -> list[Event]:
        if self._m.paused_until is None:
            return []
        return self._resume(now) + self._advance(now)

    # -- the skip budget ---------------------------------------------------

    def _skips_today(self, now: datetime) -> int:
        return self._m.skips if self._m.skip_day == now.date() else 0

    def _count_skip(self, now: datetime) -> None:
        m = self._m
        if m.skip_day != now.date():
            m.skip_day, m.skips = now.date(), 0
        m.skips += 1

    def skips_left(self, now: datetime) -> int | None:
        """The skips left today; None when the budget is 0 (no limit)."""
        budget = self._settings.skip_budget
        return None if budget == 0 else max(0, budget - self._skips_today(now))

    def _skip_refusal(self, now: datetime) -> str | None:
        if self._settings.strict:
            return translate("engine", "Strict mode: breaks cannot be skipped")
        return None

    # -- a restart -------------------------------------------------------

    def discipline(self, now: datetime) -> Discipline:
        """What a restart must not forget, as of ``now``; equal snapshots need no new save."""
        m = self._m
        today = now.date()
        active = m.active
        # A held break that was put off before keeps its postpones (and comes back held again if need be).
        put_off = active is not None and active.postpones > 0 and active.state in (State.POSTPONED, State.HELD)
        return Discipline(
            day=today,
            skips=self._skips_today(now),
            sit_breaks=self._sit_sequence(now),
            skip_next=m.skip_next,
            postponed=active.brk if put_off else None,
            postponed_until=active.postponed_until if put_off else None,
            postpones=active.postpones if put_off else 0,
            runs_reminded=frozenset(run for run in m.prerun_done if run.date() >= today),
            runs_dropped=frozenset(run for run in m.runs_skipped if run.date() >= today),
            # While away it moves at every step; what matters then is that the user was away.
            last_break_end=None if m.away else m.last_break_end,
            paused_until=m.paused_until,
            at=now,
        )

    def restore(self, kept: Discipline, now: datetime) -> None:
        """Take up what the last run of deskbreak left (see :meth:`discipline`); call before the first step."""
        m = self._m
        if kept.day == now.date():
            m.skip_day, m.skips = kept.day, kept.skips
            m.sit_day, m.sit_count = kept.day, kept.sit_breaks
        m.skip_next = kept.skip_next
        m.prerun_done |= kept.runs_reminded
        m.runs_skipped |= kept.runs_dropped
        if kept.paused_until is not None and kept.paused_until > now:
            m.paused_until = kept.paused_until
        stopped_briefly = kept.at is not None and timedelta(0) <= now - kept.at < self._settings.natural_break
        if stopped_briefly and kept.last_break_end is not None and kept.last_break_end <= now:
            m.last_break_end = kept.last_break_end
        until = kept.postponed_until
        if kept.postponed is not None and until is not None and m.active is None \
                and now - until < self._settings.natural_break:
            m.active = _Active(kept.postponed, State.POSTPONED, postponed_until=until, postpones=kept.postpones)

    # -- queries ---------------------------------------------------------

    def status(self, now: datetime) -> Status:
        m = self._m
        skips_left = self.skips_left(now)
        can_skip = not self._settings.strict
        budget = dict(skips_left=skips_left, can_skip=can_skip,
                      overdue=skips_left == 0 and can_skip, skip_next=m.skip_next)
        if m.active is not None:
            active = m.active
            if active.brk.user_started:  # the user's own break: theirs to end
                budget.update(skips_left=None, can_skip=True)
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
                held_by=active.held_by if active.state == State.HELD else None,
                can_postpone=not (self._settings.strict and active.postpones >= 1),
                **budget,
            )
        if m.paused_until is not None:
            return Status(State.PAUSED, None, None, m.paused_until, m.paused_until,
                          _seconds(now, m.paused_until), **budget)
        upcoming = self._upcoming(now)
        next_at = upcoming.due if upcoming else None
        if next_at is not None and next_at < now:
            # Due while the user is away: it is prompted the moment they are back.
            next_at = now
        return Status(State.WAITING, None, upcoming, next_at, None, _seconds(now, next_at), **budget)

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
        return next_sit_break(start, self._settings.sit_interval, self._hours(), now.tzinfo)

    def next_run(self, now: datetime) -> tuple[datetime, datetime] | None:
        """The next run still to come as (pre-run reminder time, run time), or None."""
        m = self._m
        if m.active is not None and m.active.brk.run_at is not None and m.active.brk.run_at > now:
            return m.active.brk.due, m.active.brk.run_at
        return next_prerun(now, self._runs(), self._settings.prerun_lead, frozenset(m.prerun_done))

    def runs_ahead(self, now: datetime, days: int) -> list[dict]:
        """The runs of the next ``days`` days, with "No run today" marked (see runs.runs_report)."""
        return runs_report(self._runs(), now, days, self._settings.prerun_lead,
                           frozenset(self._m.runs_skipped))

    def run_source(self, start: datetime) -> str | None:
        """ "weekly" or "calendar": where the run starting at ``start`` comes from."""
        run = self._runs().run_at(start)
        return None if run is None else run.source

    def next_wakeup(self, now: datetime) -> datetime | None:
        """The next moment ``step`` must be called for the engine to be on time."""
        wake = self._next_prompt_wakeup(now)
        run_end = self._next_run_end(now)
        if run_end is not None and (wake is None or run_end < wake):
            return run_end
        return wake

    def _next_run_end(self, now: datetime) -> datetime | None:
        """When the next run still under way or to come ends (the cool-down is due then)."""
        future = [end for _run, end in self._open_runs(now, until=now + timedelta(days=1)) if end > now]
        return min(future) if future else None

    def _open_runs(self, now: datetime, until: datetime) -> list[tuple[Run, datetime]]:
        """Runs starting before ``until`` not yet ended nor dropped ("No run today"), with their end
        (the calendar's, or start + ``run_length``); the look back reaches runs still under way."""
        m = self._m
        length = self._settings.run_length
        return [(run, run.end or run.start + length)
                for run in self._runs().runs_between(now - length - timedelta(hours=12), until)
                if run.start not in m.runs_ended and run.start not in m.runs_skipped]

    def _next_prompt_wakeup(self, now: datetime) -> datetime | None:
        status = self.status(now)
        active = self._m.active
        if status.state == State.HELD:
            # Look again soon for the presentation's end, and at the overdue deadline.
            recheck = now + HELD_RECHECK
            if not active.overdue_told:
                recheck = min(recheck, max(active.held_since + self._settings.dnd_max_delay,
                                           now + timedelta(seconds=1)))
            return recheck
        if status.state == State.WAITING and status.upcoming is not None:
            prompt_at = status.upcoming.due - self._settings.prelude
            if prompt_at <= now and self._m.away:
                # Waking now would find the user still away, again and again:
                # the watchdog's steps notice their return; past the run start
                # the reminder is moot.
                return status.upcoming.run_at
            # Already due (a command just ended the break before it, found by the
            # simulated month): at once, but never in the past.
            return max(prompt_at, now + DUE_NOW)
        return status.next_at


def _seconds(now: datetime, then: datetime | None) -> float | None:
    return None if then is None else (then - now).total_seconds()


def tomorrow_morning(now: datetime, settings: Settings) -> datetime:
    """The start of tomorrow's work (``work_start``), for "pause until tomorrow"."""
    start: time = settings.work_start
    return datetime.combine(now.date() + timedelta(days=1), start, now.tzinfo)
