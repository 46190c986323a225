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
* Nothing plays behind the lock screen: a prompted break that falls due
  (or comes back from a postpone) while the screen is locked waits
  (:class:`BreakHeld`, held by the lock) and starts exactly once when it is
  unlocked; no prelude is announced and no overdue notice is sent to a locked
  screen. What the time locked means for the countdown is ``away_policy``'s
  business, as above: under "break", a lock of ``natural_break`` or more
  was the break, and the held break ends ``missed`` ("away").
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

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Sequence

from deskbreak.core.i18n import translate
from deskbreak.core.kinds import BreakKind, Outcome
from deskbreak.core.scheduling.events import (BackAtDesk, Break, BreakDue, BreakEnded, BreakHeld, BreakOverdue,
                                              BreakPostponed, BreakStarted, Discipline, Event, NaturalBreak, Paused,
                                              PreludeStarted, Presence, Refused, Resumed, RunEnded, State, Status)
from deskbreak.core.scheduling.memory import ActiveBreak, EngineMemory
from deskbreak.core.scheduling.plan import WorkingHours, next_prerun, next_sit_break
from deskbreak.core.scheduling.runs import Run, RunPlan, runs_report
from deskbreak.core.scheduling.user_commands import UserCommands, tomorrow_morning
from deskbreak.core.settings import Settings

# The vocabulary lives in events.py and the commands in user_commands.py; callers import it all from here.
__all__ = [
    "SCHEDULE_KEYS", "BreakEngine", "tomorrow_morning",
    "State", "Presence", "Break", "Status", "Discipline", "Event",
    "PreludeStarted", "BreakDue", "BreakStarted", "BreakPostponed", "BreakEnded", "NaturalBreak", "RunEnded",
    "BackAtDesk", "BreakHeld", "BreakOverdue", "Refused", "Paused", "Resumed",
]

# The settings the engine plans with; the others (sound, pacing, autostart...) never move a break.
SCHEDULE_KEYS = frozenset({
    "sit_interval", "prelude", "postpone", "natural_break", "away_policy", "dnd_max_delay",
    "skip_budget", "strict", "working_hours", "work_days", "work_start", "work_end", "runs", "prerun_lead",
    "run_length", "cooldown",
})

# While a break is held, look again this often (the host polls do-not-disturb then).
HELD_RECHECK = timedelta(seconds=10)
# How soon to wake for a prompt that is already due when asked.
DUE_NOW = timedelta(seconds=1)


class BreakEngine(UserCommands):
    """Decides when breaks happen; see the module docstring for the rules."""

    def __init__(self, settings: Settings, now: datetime) -> None:
        self._settings = settings
        self._calendar_runs: tuple[Run, ...] = ()
        self._m = EngineMemory(last_break_end=now)

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
            m.active = ActiveBreak(upcoming, State.PRELUDE)
            if m.busy is None and not m.locked:  # no notification over a presentation or to a locked screen
                events.append(PreludeStarted(at=now, brk=upcoming))
        else:
            events += self._start_or_hold(now, ActiveBreak(upcoming, State.PRELUDE))
        return events

    def _start_or_hold(self, now: datetime, active: ActiveBreak, reprompt: bool = False) -> list[Event]:
        """Start a due break, or hold it while the user must not be interrupted or cannot see it."""
        m = self._m
        holder = self._holder(active.brk)
        if holder is not None:
            m.active = replace(active, state=State.HELD, held_since=now, held_by=holder,
                               reprompt=reprompt)
            return [BreakHeld(at=now, brk=active.brk, reason=holder)]
        return self._start(now, active.brk, reprompt=reprompt, postpones=active.postpones)

    def _holder(self, brk: Break) -> str | None:
        """Why ``brk`` must wait now: the lock screen holds every break, a hold only a prompted one."""
        m = self._m
        if m.locked:
            return translate("engine", "the screen is locked")
        return None if brk.user_started else m.busy

    def _still_held(self, now: datetime, active: ActiveBreak) -> list[Event]:
        m = self._m
        holder = self._holder(active.brk)
        if holder is None:
            return self._start(now, active.brk, reprompt=active.reprompt, postpones=active.postpones)
        active.held_by = holder
        overdue = now - active.held_since >= self._settings.dnd_max_delay
        if not active.overdue_told and overdue and not m.locked:  # told when someone can read it
            active.overdue_told = True
            return [BreakOverdue(at=now, brk=active.brk, reason=holder)]
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
        m.active = ActiveBreak(brk, State.ON_BREAK, postpones=postpones)
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
            m.active = ActiveBreak(kept.postponed, State.POSTPONED, postponed_until=until, postpones=kept.postpones)

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
            if not active.overdue_told and not self._m.locked:  # no overdue notice to a locked screen
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
