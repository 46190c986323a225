"""Runs and meetings from the user's own calendar file (.ics), read offline.

A runner's training plan usually publishes an iCalendar feed; saved to a
file, it tells deskbreak when each run is, and the same calendar's meetings
tell it when a sit-break has to wait. This module turns such a file into
plain, timezone-aware :class:`CalendarEvent` values for a window of time and
answers the two questions the engine asks: which runs fall in a window
(:func:`runs_between`) and which meeting is on at a moment
(:func:`meetings_at`).

The rules it keeps:

- Parsing and recurrence belong to ``icalendar`` and
  ``recurring-ical-events`` (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides,
  TZID in any zone, X-WR-TIMEZONE, floating times, all-day events).
- Every time comes out in the caller's local zone. A floating time (no zone)
  is a wall-clock time and takes the local zone, so "07:00" stays 07:00 on
  both sides of a DST change.
- An instance that is cancelled (``STATUS:CANCELLED``, which is also how
  Google exports a deleted occurrence of a series) or that the user declined
  is not happening for the user: it is left out of the read altogether, so it
  is neither a run nor a meeting. What remains is busy unless it is marked
  free (``TRANSP:TRANSPARENT``).
- A file that cannot be read at all (missing, not a regular file, larger
  than 20 MB, no complete calendar in it) raises :class:`CalendarError`
  naming the file; the caller keeps its previous schedule. Anything smaller
  that cannot be understood costs only itself, never the rest of the file: a
  line the parser rejects, a component it cannot read, an event whose times
  make no sense (its whole series) is skipped, counted and described in
  :attr:`CalendarRead.problems`.
- A read costs about what the window holds, not what the file holds, and
  never more than :class:`ReadLimits` allows (benchmarks/hostile_calendar.py
  measures it): events that certainly end before the window or start after
  it are not parsed at all, and a series is expanded only when a bound
  computed from its rule, before expanding, says it stays within the limits;
  one that does not is skipped and named once.

Nothing here reads the clock: the window and the moment come in as arguments.
Nor does anything here parse iCalendar: it only cuts the file into its
components at their BEGIN and END lines, so that each can fail alone, and
looks at a few lines of each as text to leave out what cannot matter. A test
checks that leaving them out changes no result.

The work is done in :mod:`~deskbreak.core.scheduling.calendar.events` (the events and
the two questions), :mod:`~deskbreak.core.scheduling.calendar.file_reading` (the file,
cut and parsed component by component), :mod:`~deskbreak.core.scheduling.calendar.recurrence`
(series expanded within bounds) and :mod:`~deskbreak.core.scheduling.calendar.reader`
(:func:`read_calendar`, joining them); this package's face exports every
public name.
"""

from deskbreak.core.scheduling.calendar.events import (
    DEFAULT_RUN_KEYWORDS,
    CalendarError,
    CalendarEvent,
    CalendarRead,
    ReadLimits,
    meetings_at,
    runs_between,
)
from deskbreak.core.scheduling.calendar.reader import read_calendar

__all__ = [
    "DEFAULT_RUN_KEYWORDS", "CalendarError", "CalendarEvent", "CalendarRead", "ReadLimits", "meetings_at",
    "read_calendar", "runs_between",
]
