"""read_calendar: the events of a calendar file that overlap a window, in the local zone.

It joins the parts: the file read and parsed component by component
(:mod:`~deskbreak.core.scheduling.calendar.file_reading`), each series expanded within
bounds (:mod:`~deskbreak.core.scheduling.calendar.recurrence`), and each instance that
is happening for the user turned into a
:class:`~deskbreak.core.scheduling.calendar.events.CalendarEvent`.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo
from os import PathLike
from typing import TYPE_CHECKING, Callable, Sequence

from deskbreak.core.scheduling.calendar.events import (
    DEFAULT_RUN_KEYWORDS,
    CalendarEvent,
    CalendarRead,
    ReadLimits,
    keyword_matcher,
)
from deskbreak.core.scheduling.calendar.file_reading import load_calendars
from deskbreak.core.scheduling.calendar.read_report import ReadReport, event_label, reason_text
from deskbreak.core.scheduling.calendar.recurrence import (
    ExpansionBudget,
    as_list,
    check_times,
    local_time,
    occurrences,
    series_of,
    unreadable_lines,
)
from deskbreak.core.i18n import translate

if TYPE_CHECKING:
    import icalendar

def read_calendar(
    path: str | PathLike[str],
    *,
    start: datetime,
    end: datetime,
    local_tz: tzinfo,
    run_keywords: Sequence[str] = DEFAULT_RUN_KEYWORDS,
    all_day_run_time: time | None = None,
    me: Sequence[str] = (),
    limits: ReadLimits = ReadLimits(),
) -> CalendarRead:
    """The events of the calendar file at ``path`` that overlap ``[start, end)``.

    ``start`` and ``end`` must be timezone-aware. ``me`` lists the user's
    e-mail addresses, to recognise the user among an event's attendees; if
    none are given, a calendar named after an e-mail address (as Google names
    its exports) stands for the user. ``all_day_run_time`` is kept in the
    read for :func:`runs_between`.

    Raises :class:`CalendarError` when the file cannot be read at all; a
    broken line, component or event is skipped and reported instead. Never
    blocks on a FIFO and never reads more than ``limits.file_bytes``.
    """
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("the window of a calendar read must be timezone-aware")
    window = (start.astimezone(local_tz), end.astimezone(local_tz))
    report = ReadReport(str(path))
    vcalendars = load_calendars(path, window, limits, report)
    matches_run = keyword_matcher(run_keywords)
    budget = ExpansionBudget(limits, report)
    events: list[CalendarEvent] = []
    for vcalendar in vcalendars:
        my_addresses = _my_addresses(vcalendar, me)
        for series in series_of(vcalendar):
            label = _describe(series[0])
            try:
                check_times(series)
                if not budget.allows(series, label, window, local_tz):
                    continue
                found = []
                for component in occurrences(vcalendar, series, window):
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
                report.skip(translate("calendar", "{event} skipped: {reason}").format(
                    event=label, reason=reason_text(error)))
                continue
            events.extend(found)
            for note in _zone_guesses(series):
                report.note(f"{label}: {note}")
            for problem in unreadable_lines(series):
                report.note(translate("calendar", "{event}: a line skipped: {reason}").format(
                    event=label, reason=problem))
    budget.report_overflow()
    events.sort(key=lambda event: (event.start, event.end or event.start, event.summary))
    return CalendarRead(tuple(events), report.skipped, report.problems, all_day_run_time)


def _to_event(
    component: icalendar.Event, local_tz: tzinfo, matches_run: Callable[[str], bool]
) -> CalendarEvent:
    start_value = component["DTSTART"].dt
    end_property = component.get("DTEND")
    end_value = end_property.dt if end_property is not None else None
    all_day = not isinstance(start_value, datetime)
    start = local_time(start_value, local_tz)
    end = local_time(end_value, local_tz) if end_value is not None else None
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
    for attendee in as_list(component.get("ATTENDEE")):
        if _address(attendee) in my_addresses:
            partstat = str(getattr(attendee, "params", {}).get("PARTSTAT", "")).upper()
            if partstat == "DECLINED":
                return False
    return True


def _my_addresses(vcalendar: icalendar.Calendar, me: Sequence[str]) -> frozenset[str]:
    addresses = {_address(address) for address in me}
    if not addresses:
        # Google names the export of a person's primary calendar after their
        # address, which is the best guess the file itself offers.
        name = _address(vcalendar.get("X-WR-CALNAME", ""))
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
    for line in as_list(component.get("CATEGORIES")):
        names.extend(str(name) for name in getattr(line, "cats", [line]))
    return names


def _zone_guesses(series: list[icalendar.Event]) -> list[str]:
    """Notes for times whose TZID the libraries could not resolve (read as local time)."""
    notes = []
    for component in series:
        for name in ("DTSTART", "DTEND"):
            prop = component.get(name)
            tzid = prop.params.get("TZID") if prop is not None else None
            if tzid and isinstance(prop.dt, datetime) and prop.dt.tzinfo is None:
                notes.append(translate("calendar", "unknown time zone {tzid} in {name}, read as local time").format(
                    tzid=repr(tzid), name=name))
    return list(dict.fromkeys(notes))


def _describe(component: icalendar.Event) -> str:
    """The event as a person would recognise it in a message: UID and summary."""
    uid = component.get("UID")
    summary = component.get("SUMMARY")
    return event_label(None if uid is None else str(uid), None if summary is None else str(summary))
