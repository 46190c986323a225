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
  TZID in any zone, X-WR-TIMEZONE, floating times, all-day events); nothing
  here parses iCalendar text.
- Every time comes out in the caller's local zone. A floating time (no zone)
  is a wall-clock time and takes the local zone, so "07:00" stays 07:00 on
  both sides of a DST change.
- An instance that is cancelled (``STATUS:CANCELLED``, which is also how
  Google exports a deleted occurrence of a series) or that the user declined
  is not happening for the user: it is left out of the read altogether, so it
  is neither a run nor a meeting. What remains is busy unless it is marked
  free (``TRANSP:TRANSPARENT``).
- A file that cannot be read or parsed raises :class:`CalendarError` naming
  the file; the caller keeps its previous schedule. One event that cannot be
  understood costs that event (its whole series), never the rest of the file:
  it is skipped, counted and described in :attr:`CalendarRead.problems`.

Nothing here reads the clock: the window and the moment come in as arguments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from os import PathLike
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

if TYPE_CHECKING:
    import icalendar


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

# The library resolves floating and all-day instances against the window by
# wall time; a day either side makes sure none is lost at the edges before
# the exact overlap test below, which compares real instants.
_QUERY_MARGIN = timedelta(days=1)


# The properties that say when an event happens.
_TIME_PROPERTIES = frozenset(
    {"DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"}
)


class CalendarError(ValueError):
    """The whole calendar file cannot be used; the message names the file and why."""


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
    understood; ``problems`` describes each of them, plus anything read with
    a guess the user should know about (a time zone nobody has heard of,
    read as local time), in words that name the file and the event.
    ``all_day_run_time`` is the time given for all-day runs, if any.
    """

    events: tuple[CalendarEvent, ...]
    skipped: int = 0
    problems: tuple[str, ...] = ()
    all_day_run_time: time | None = None


def read_calendar(
    path: str | PathLike[str],
    *,
    start: datetime,
    end: datetime,
    local_tz: tzinfo,
    run_keywords: Sequence[str] = DEFAULT_RUN_KEYWORDS,
    all_day_run_time: time | None = None,
    me: Sequence[str] = (),
) -> CalendarRead:
    """The events of the calendar file at ``path`` that overlap ``[start, end)``.

    ``start`` and ``end`` must be timezone-aware. ``me`` lists the user's
    e-mail addresses, to recognise the user among an event's attendees; if
    none are given, a calendar named after an e-mail address (as Google names
    its exports) stands for the user. ``all_day_run_time`` is kept in the
    read for :func:`runs_between`.

    Raises :class:`CalendarError` when the file cannot be read or parsed at
    all; a broken event is skipped and reported instead.
    """
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("the window of a calendar read must be timezone-aware")
    calendars = _load(path)
    window = (start.astimezone(local_tz), end.astimezone(local_tz))
    matches_run = _keyword_matcher(run_keywords)
    events: list[CalendarEvent] = []
    skipped = 0
    problems: list[str] = []
    for calendar in calendars:
        my_addresses = _my_addresses(calendar, me)
        for series in _series_of(calendar):
            label = _describe(series[0])
            try:
                found = []
                for component in _occurrences(calendar, series, window):
                    if not _happening_for_me(component, my_addresses):
                        continue
                    event = _to_event(component, local_tz, matches_run)
                    if _overlaps(event, *window):
                        found.append(event)
            # The parser and the recurrence library fail in many ways (a broken
            # property, a missing DTSTART, a rule with a bad UNTIL, ...) and
            # name no common error; whatever the cause, a broken event costs
            # that event, never the user's whole calendar.
            except Exception as error:  # noqa: BLE001
                skipped += 1
                problems.append(f"{path}: {label} skipped: {_reason(error)}")
                continue
            events.extend(found)
            problems.extend(f"{path}: {label}: {note}" for note in _zone_guesses(series))
    events.sort(key=lambda event: (event.start, event.end or event.start, event.summary))
    return CalendarRead(tuple(events), skipped, tuple(problems), all_day_run_time)


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


def _load(path: str | PathLike[str]) -> list[icalendar.Calendar]:
    """The VCALENDARs in the file, or CalendarError naming the file."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        raise CalendarError(f"cannot read the calendar file {path}: {error.strerror or error}") from error
    # Imported here, not at the top: the two libraries take a quarter of a second
    # to import, which a start without a calendar file should not pay.
    import icalendar

    try:
        # multiple=True: some exports concatenate several VCALENDARs.
        components = icalendar.Calendar.from_ical(data, multiple=True)
    except Exception as error:  # noqa: BLE001 - see read_calendar: the parser names no one error
        raise CalendarError(f"{path} is not a readable iCalendar file: {_reason(error)}") from error
    calendars = [component for component in components if component.name == "VCALENDAR"]
    if not calendars:
        raise CalendarError(
            f"{path} holds no complete calendar (no BEGIN:VCALENDAR ... END:VCALENDAR)"
        )
    return calendars


def _series_of(calendar: icalendar.Calendar) -> list[list[icalendar.Event]]:
    """The calendar's VEVENTs grouped by UID: a master with its overrides.

    Each series is expanded on its own so that a broken one can be skipped
    and named; events without a UID (hand-written files) stand alone.
    """
    series: dict[object, list[icalendar.Event]] = {}
    for number, component in enumerate(calendar.walk("VEVENT")):
        uid = component.get("UID")
        series.setdefault(str(uid) if uid is not None else number, []).append(component)
    return list(series.values())


def _occurrences(
    calendar: icalendar.Calendar,
    series: list[icalendar.Event],
    window: tuple[datetime, datetime],
) -> list[icalendar.Event]:
    """Every instance of one series near the window, as the library expands it."""
    # Parsing does not stop at a bad value: it leaves a broken property and
    # notes it in ``errors``. A broken time or rule would place the event
    # wrongly or fail later, so it makes the series unusable now; a broken
    # property of any other kind (a GEO, an attendee's parameter) is ignored.
    for component in series:
        for name, problem in component.errors:
            if name in _TIME_PROPERTIES:
                raise ValueError(f"bad {name}: {problem}")
    import icalendar
    import recurring_ical_events

    alone = icalendar.Calendar()
    # The calendar's own properties carry X-WR-TIMEZONE and CALSCALE, which
    # change how the series is read; its time zones are already resolved.
    for name, value in calendar.items():
        alone[name] = value
    for component in series:
        alone.add_component(component)
    query = recurring_ical_events.of(alone)
    return list(query.between(window[0] - _QUERY_MARGIN, window[1] + _QUERY_MARGIN))


def _to_event(
    component: icalendar.Event, local_tz: tzinfo, matches_run: Callable[[str], bool]
) -> CalendarEvent:
    start_value = component["DTSTART"].dt
    end_property = component.get("DTEND")
    end_value = end_property.dt if end_property is not None else None
    all_day = not isinstance(start_value, datetime)
    start = _local(start_value, local_tz)
    end = _local(end_value, local_tz) if end_value is not None else None
    if all_day and (end is None or end <= start):
        end = start + timedelta(days=1)
    if not all_day and end is not None and end <= start:
        # No DTEND and no DURATION: the library makes the event end where it
        # starts; a length we were never told is better left to the engine.
        end = None
    summary = str(component.get("SUMMARY", "")).strip()
    uid = str(component.get("UID", ""))
    return CalendarEvent(
        start=start,
        end=end,
        summary=summary,
        uid=uid,
        all_day=all_day,
        busy=not _marked_free(component),
        is_run=matches_run(summary) or any(matches_run(c) for c in _categories(component)),
    )


def _local(value: date | datetime, local_tz: tzinfo) -> datetime:
    """A time from the file as an aware datetime in the local zone."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(0), local_tz)
    if value.tzinfo is None:
        return value.replace(tzinfo=local_tz)
    return value.astimezone(local_tz)


def _overlaps(event: CalendarEvent, start: datetime, end: datetime) -> bool:
    """Whether the event shares time with ``[start, end)``; an instant counts if inside."""
    if event.end is None:
        return start <= event.start < end
    return event.start < end and event.end > start


def _marked_free(component: icalendar.Event) -> bool:
    if str(component.get("TRANSP", "")).upper() == "TRANSPARENT":
        return True
    # Outlook writes its own free/busy next to (or instead of) TRANSP.
    return str(component.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper() == "FREE"


def _happening_for_me(component: icalendar.Event, my_addresses: frozenset[str]) -> bool:
    """False for a cancelled instance or one the user declined."""
    if str(component.get("STATUS", "")).upper() == "CANCELLED":
        return False
    for attendee in _as_list(component.get("ATTENDEE")):
        if _address(attendee) in my_addresses:
            partstat = str(getattr(attendee, "params", {}).get("PARTSTAT", "")).upper()
            if partstat == "DECLINED":
                return False
    return True


def _my_addresses(calendar: icalendar.Calendar, me: Sequence[str]) -> frozenset[str]:
    addresses = {_address(address) for address in me}
    if not addresses:
        # Google names the export of a person's primary calendar after their
        # address, which is the best guess the file itself offers.
        name = _address(calendar.get("X-WR-CALNAME", ""))
        if "@" in name:
            addresses.add(name)
    addresses.discard("")
    return frozenset(addresses)


def _address(value: object) -> str:
    text = str(value).strip().lower()
    return text[len("mailto:"):] if text.startswith("mailto:") else text


def _categories(component: icalendar.Event) -> list[str]:
    """Each category as text, however many CATEGORIES lines the event has."""
    names = []
    for line in _as_list(component.get("CATEGORIES")):
        names.extend(str(name) for name in getattr(line, "cats", [line]))
    return names


def _as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _keyword_matcher(keywords: Iterable[str]) -> Callable[[str], bool]:
    """A test for whole-word keyword matches: "Easy run" and "long-run" match "run"; "Runway" does not."""
    words = sorted({" ".join(k.split()) for k in keywords if k.strip()}, key=len, reverse=True)
    if not words:
        return lambda text: False
    # Lookarounds rather than \b, so a keyword may begin or end with a
    # non-letter; a space in a keyword matches any run of white space.
    alternatives = "|".join(r"\s+".join(map(re.escape, word.split(" "))) for word in words)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    return lambda text: pattern.search(_NOT_RUNS.sub(" ", text)) is not None


def _zone_guesses(series: list[icalendar.Event]) -> list[str]:
    """Notes for times whose TZID the libraries could not resolve (read as local time)."""
    notes = []
    for component in series:
        for name in ("DTSTART", "DTEND"):
            prop = component.get(name)
            tzid = prop.params.get("TZID") if prop is not None else None
            if tzid and isinstance(prop.dt, datetime) and prop.dt.tzinfo is None:
                notes.append(f"unknown time zone {tzid!r} in {name}, read as local time")
    return list(dict.fromkeys(notes))


def _describe(component: icalendar.Event) -> str:
    """The event as a person would recognise it in a message: UID and summary."""
    uid = component.get("UID")
    summary = component.get("SUMMARY")
    parts = []
    if uid is not None:
        parts.append(f"event {str(uid)!r}")
    else:
        parts.append("event without UID")
    if summary is not None:
        parts.append(f"({str(summary)!r})")
    return " ".join(parts)


def _reason(error: BaseException) -> str:
    if isinstance(error, KeyError):
        return f"missing {error.args[0]}" if error.args else "missing property"
    return str(error) or type(error).__name__
