"""The user's runs: the weekly ones from the settings and the calendar's, merged.

The engine asks one question of it, the first run after a moment
(:meth:`RunPlan.next_run`), so weekly and calendar runs get the same
pre-run reminder and cool-down. A calendar run on a day that also has a
weekly run replaces that day's weekly run: the training plan knows better
than a standing habit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Mapping, Sequence

from deskbreak.core.scheduling.calendar import CalendarRead, runs_between
from deskbreak.core.i18n import translate

# Far enough ahead to find the next weekly run in any pattern.
_DAYS_TO_SEARCH = 8


@dataclass(frozen=True)
class Run:
    start: datetime
    end: datetime | None
    """When the run ends, or None when only its start is known (use the expected length)."""
    source: str  # "weekly" or "calendar"
    summary: str = ""


@dataclass(frozen=True)
class RunPlan:
    weekly: Mapping[int, time]
    calendar: Sequence[Run] = ()

    def runs_between(self, start: datetime, end: datetime) -> list[Run]:
        """Runs starting in ``[start, end)``, in time order."""
        calendar_days = {run.start.date() for run in self.calendar}
        runs = [run for run in self.calendar if start <= run.start < end]
        day = start.date()
        while datetime.combine(day, time.min, start.tzinfo) < end:
            at = self.weekly.get(day.weekday())
            if at is not None and day not in calendar_days:
                moment = datetime.combine(day, at, start.tzinfo)
                if start <= moment < end:
                    runs.append(Run(moment, None, "weekly", translate("runs", "Weekly run")))
            day += timedelta(days=1)
        return sorted(runs, key=lambda run: run.start)

    def next_run(self, after: datetime) -> datetime | None:
        """The first run starting strictly after ``after`` (what plan.next_prerun asks)."""
        run = self.next(after)
        return None if run is None else run.start

    def next(self, after: datetime) -> Run | None:
        runs = self.runs_between(after + timedelta(microseconds=1), after + timedelta(days=_DAYS_TO_SEARCH))
        return runs[0] if runs else None

    def run_at(self, start: datetime) -> Run | None:
        """The run that starts at ``start``."""
        return next((run for run in self.runs_between(start, start + timedelta(seconds=1))), None)


def calendar_runs(read: CalendarRead, start: datetime, end: datetime) -> tuple[Run, ...]:
    """The runs a calendar read holds that start in ``[start, end)``, as runs of the plan."""
    return tuple(Run(event.start, event.end, "calendar", event.summary) for event in runs_between(read, start, end))


def runs_report(plan: RunPlan, now: datetime, days: int, lead: timedelta,
                skipped: frozenset[datetime] = frozenset()) -> list[dict]:
    """The next ``days`` days of runs for ``deskbreak runs --json`` (a stable shape)."""
    def iso(moment: datetime | None) -> str | None:
        return None if moment is None else moment.isoformat(timespec="seconds")

    return [{"start": iso(run.start), "end": iso(run.end), "reminder_at": iso(run.start - lead),
             "source": run.source, "summary": run.summary, "skipped": run.start in skipped}
            for run in plan.runs_between(now, now + timedelta(days=days))]
