"""How the break engine answers the user's commands, and the skip budget they spend.

:class:`UserCommands` is mixed into :class:`~deskbreak.core.scheduling.engine.BreakEngine`
(the engine's module docstring has the rules): it works on the engine's
memory and settings and ends, starts and resumes breaks through the engine's
own steps, so a command and a step always change the state the same way.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta

from deskbreak.core import commands as cmd
from deskbreak.core.i18n import translate
from deskbreak.core.kinds import BreakKind, Outcome
from deskbreak.core.scheduling.events import Break, BreakPostponed, Event, Paused, Refused, State
from deskbreak.core.scheduling.memory import EngineMemory
from deskbreak.core.scheduling.plan import next_prerun
from deskbreak.core.settings import Settings

# Past the day's skip budget, "skip" puts the break off by this much instead.
OVER_BUDGET_POSTPONE = timedelta(minutes=5)


class UserCommands:
    """The engine's commands: start now, postpone, skip, skip next, no run today, finish, pause, resume.

    The engine provides the state (``_m``, ``_settings``) and the steps these
    build on (``_start``, ``_end``, ``_resume``, ``_advance``, ``_runs``,
    ``_sit_sequence``).
    """

    _m: EngineMemory
    _settings: Settings

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


def tomorrow_morning(now: datetime, settings: Settings) -> datetime:
    """The start of tomorrow's work (``work_start``), for "pause until tomorrow"."""
    start: time = settings.work_start
    return datetime.combine(now.date() + timedelta(days=1), start, now.tzinfo)
