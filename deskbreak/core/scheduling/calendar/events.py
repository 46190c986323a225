"""Calendar events as the rest of deskbreak sees them, and the two questions asked of a read.

A read (:class:`CalendarRead`) holds plain, timezone-aware
:class:`CalendarEvent` values; :func:`runs_between` says which runs fall in
a window and :func:`meetings_at` which meeting is on at a moment. Whether an
event is a run is a whole-word match of its summary or a category against
the run keywords (:func:`keyword_matcher`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, time
from typing import Callable, Iterable

from deskbreak.core.bounded_read import DEFAULT_LIMIT

DEFAULT_RUN_KEYWORDS: tuple[str, ...] = (
    # English, including the training-plan words for kinds of run.
    "run",
    "runs",
    "running",
    "jog",
    "jogging",
    "tempo",
    "interval",
    "intervals",
    "long run",
    "easy run",
    "recovery run",
    "fartlek",
    "parkrun",
    # German
    "Lauf",
    "laufen",
    "Dauerlauf",
    "joggen",
    # French ("course" alone also means errands, so only the full phrase)
    "course à pied",
    "footing",
    "sortie longue",
    # Spanish
    "carrera",
    "correr",
    "rodaje",
    # Italian
    "corsa",
    "correre",
    # Dutch
    "hardlopen",
    "duurloop",
    # Portuguese
    "corrida",
    # Scandinavian
    "löpning",
    "løb",
    "løping",
)


# Office phrases built on "run" that are meetings, not runs: a rehearsal is
# the last thing to prompt a glute activation before. They are blanked out
# before the keywords are looked for, whichever keywords the user chose.
_NOT_RUNS = re.compile(
    r"(?<!\w)(?:dry|test|trial|practice|practise)[\s-]+runs?(?!\w)|(?<!\w)run[\s-]*throughs?(?!\w)",
    re.IGNORECASE,
)


class CalendarError(ValueError):
    """The whole calendar file cannot be used; the message names the file and why."""


@dataclass(frozen=True)
class ReadLimits:
    """How much one read of a calendar file may take on; past a limit it skips, and says so.

    The defaults hold a read of any file to about two seconds and 200 MB
    (benchmarks/hostile_calendar.py) and still read ordinary calendars whole:
    daily runs since 1990, an hourly reminder of ten years, a work calendar
    of 100,000 meetings, a busy fortnight.
    """

    file_bytes: int = DEFAULT_LIMIT
    lines: int = 20_000
    """Lines parsed: the calendar's own, its time zones, and events in or near the days read."""
    steps_per_event: int = 200_000
    """Instances one series' rules may run through, from its first instance to the last day read."""
    steps: int = 400_000
    instances_per_event: int = 2_000
    """Instances of one series in the days read."""
    instances: int = 10_000


@dataclass(frozen=True)
class CalendarEvent:
    """One occurrence of a calendar event, in the local zone.

    An all-day event starts at local midnight of its first day and ends at
    local midnight after its last. ``end`` is None when the file gives the
    event no length (a run entered as just "07:00 Tempo"): the engine then
    assumes its own expected length. ``busy`` is False for an event marked
    free (``TRANSP:TRANSPARENT``, or Outlook's FREE); cancelled and declined
    instances never reach a read at all. ``is_run`` says the summary or a
    category holds a run keyword as a whole word.
    """

    start: datetime
    end: datetime | None
    summary: str
    uid: str
    all_day: bool
    busy: bool
    is_run: bool


@dataclass(frozen=True)
class CalendarRead:
    """What a calendar file holds for a window of time, and what could not be read.

    ``skipped`` counts the events (whole series) that could not be
    understood or were too much to expand; ``problems`` describes each of
    them, every line and component skipped, and anything read with a guess
    the user should know about (a time zone nobody has heard of, read as
    local time), in words that name the file and the line or event.
    ``all_day_run_time`` is the time given for all-day runs, if any.
    """

    events: tuple[CalendarEvent, ...]
    skipped: int = 0
    problems: tuple[str, ...] = ()
    all_day_run_time: time | None = None


def runs_between(read: CalendarRead, start: datetime, end: datetime) -> list[CalendarEvent]:
    """The runs that start in ``[start, end)``, in time order.

    An all-day run is a run only when the read was given a time for all-day
    runs: it then starts at that time on its first day, in the local zone,
    with no end of its own (a plan that says "Long run" on Sunday means
    "some time on Sunday", and the user has told us when).
    """
    runs = []
    for event in read.events:
        if not event.is_run:
            continue
        if event.all_day:
            if read.all_day_run_time is None:
                continue
            event = replace(
                event,
                start=datetime.combine(
                    event.start.date(), read.all_day_run_time, event.start.tzinfo
                ),
                end=None,
            )
        if start <= event.start < end:
            runs.append(event)
    runs.sort(key=lambda event: event.start)
    return runs


def meetings_at(read: CalendarRead, moment: datetime) -> CalendarEvent | None:
    """The busy meeting going on at ``moment``, or None.

    A meeting is a busy, timed event that is not a run; all-day events
    (holidays, "working from home") hold no breaks. Where meetings overlap,
    the one ending last is returned, since a break waits for all of them.
    """
    covering = [
        event
        for event in read.events
        if event.busy
        and not event.is_run
        and not event.all_day
        and event.end is not None
        and event.start <= moment < event.end
    ]
    return max(covering, key=lambda event: event.end, default=None)


def keyword_matcher(keywords: Iterable[str]) -> Callable[[str], bool]:
    """A test for whole-word keyword matches: "Easy run" and "long-run" match "run"; "Runway" does not."""
    words = sorted({" ".join(k.split()) for k in keywords if k.strip()}, key=len, reverse=True)
    if not words:
        return lambda text: False
    # Lookarounds rather than \b, so a keyword may begin or end with a
    # non-letter; a space in a keyword matches any run of white space.
    alternatives = "|".join(r"\s+".join(map(re.escape, word.split(" "))) for word in words)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    return lambda text: pattern.search(_NOT_RUNS.sub(" ", text)) is not None
