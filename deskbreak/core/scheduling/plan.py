"""Pure scheduling rules: when the next sit-break and pre-run routine fall.

No state lives here: each function answers a question about the calendar
from the settings and a moment in time, so the engine can ask again after a
suspend, a clock jump or a change of settings and get a consistent answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from deskbreak.core.scheduling.runs import RunPlan


# Far enough ahead to find the next run or working day in any week pattern.
_DAYS_TO_SEARCH = 8


@dataclass(frozen=True)
class WorkingHours:
    """Days of the week and a daily window in which sit-breaks are prompted."""

    days: frozenset[int]
    start: time
    end: time

    def window_on(self, day: date, tzinfo) -> tuple[datetime, datetime] | None:
        """That day's working window, or None when it is not a working day."""
        if day.weekday() not in self.days or self.start >= self.end:
            return None
        return (
            datetime.combine(day, self.start, tzinfo),
            datetime.combine(day, self.end, tzinfo),
        )

    def contains(self, moment: datetime) -> bool:
        window = self.window_on(moment.date(), moment.tzinfo)
        return window is not None and window[0] <= moment < window[1]

    def next_window(self, moment: datetime) -> tuple[datetime, datetime] | None:
        """The working window containing ``moment``, or else the next one to begin."""
        for offset in range(_DAYS_TO_SEARCH):
            window = self.window_on(moment.date() + timedelta(days=offset), moment.tzinfo)
            if window and moment < window[1]:
                return window
        return None


def next_sit_break(
    last_break_end: datetime,
    interval: timedelta,
    hours: WorkingHours | None,
    offset_now: tzinfo | None = None,
) -> datetime | None:
    """When the next sit-break is due.

    It is ``interval`` after the end of the last break (prompted or natural).
    With working hours, a break that would fall outside them moves to
    ``interval`` after the start of the next working window, since the user
    sits down then. None means no break is ever due (no working days).

    ``offset_now`` is the UTC offset in force now: a window on a later day
    than the last break is worked out in it, since a DST change may lie in
    between (Friday's offset would put Monday's 09:00 an hour off).
    """
    due = last_break_end + interval
    if hours is None:
        return due
    for _ in range(_DAYS_TO_SEARCH * 2):
        window = hours.next_window(due)
        if window is None:
            return None
        if offset_now is not None and window[0].date() > last_break_end.date():
            window = hours.window_on(window[0].date(), offset_now)
            due = due.astimezone(offset_now)
        start, end = window
        if due >= start:
            return due
        # ``due`` falls before the window: the sitting that counts starts with it.
        due = start + interval
        if due < end:
            return due
    return None  # the interval is longer than any working window


def next_prerun(
    after: datetime,
    runs: RunPlan,
    lead: timedelta,
    done_for: frozenset[datetime] = frozenset(),
) -> tuple[datetime, datetime] | None:
    """The next pre-run reminder still to come: (reminder time, run time).

    A run whose reminder time has passed but which has not started yet is
    still returned (its reminder is due now), unless it is in ``done_for``,
    the runs already reminded of, so a clock jumping backwards cannot remind
    twice.
    """
    moment = after
    for _ in range(_DAYS_TO_SEARCH * 2):
        run = runs.next_run(moment)
        if run is None:
            return None
        if run not in done_for:
            return run - lead, run
        moment = run
    return None
