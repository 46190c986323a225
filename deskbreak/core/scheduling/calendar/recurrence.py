"""Expanding a calendar's series, within bounds.

Each series (a master with its overrides) is expanded on its own by
``recurring-ical-events``, so a broken one costs only itself. Before it is
expanded, :class:`ExpansionBudget` bounds from its rules how many instances
it can give, from its start and in the days read, and leaves out a series
that would take more than :class:`~deskbreak.core.scheduling.calendar.events.ReadLimits` allows.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from deskbreak.core.scheduling.calendar.events import ReadLimits
from deskbreak.core.scheduling.calendar.read_report import ReadReport, calendar
from deskbreak.core.i18n import translate

if TYPE_CHECKING:
    import icalendar

# The library resolves floating and all-day instances against the window by
# wall time; a day either side makes sure none is lost at the edges before
# the exact overlap test below, which compares real instants.
_QUERY_MARGIN = timedelta(days=1)


# The properties that say when an event happens.
_TIME_PROPERTIES = frozenset(
    {"DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"}
)


def series_of(vcalendar: icalendar.Calendar) -> list[list[icalendar.Event]]:
    """The calendar's VEVENTs grouped by UID: a master with its overrides.

    Each series is expanded on its own so that a broken one can be skipped
    and named; events without a UID (hand-written files) stand alone.
    """
    series: dict[object, list[icalendar.Event]] = {}
    for number, component in enumerate(vcalendar.walk("VEVENT")):
        uid = component.get("UID")
        series.setdefault(str(uid) if uid is not None else number, []).append(component)
    return list(series.values())


def check_times(series: list[icalendar.Event]) -> None:
    """ValueError when a property that places the series in time did not parse.

    Parsing does not stop at a bad value: it leaves a broken property and
    notes it in ``errors``. A broken time or rule would place the event
    wrongly or fail later, so it makes the series unusable now; a broken
    property of any other kind (a GEO, an attendee's parameter) is ignored.
    """
    for component in series:
        for name, problem in component.errors:
            if name in _TIME_PROPERTIES:
                raise ValueError(translate("calendar", "bad {name}: {problem}").format(name=name, problem=problem))
        if "DTSTART" not in component:
            raise KeyError("DTSTART")


def unreadable_lines(series: list[icalendar.Event]) -> list[str]:
    """What the parser said of each line it skipped inside the series' components."""
    return [problem for component in series for name, problem in component.errors if name is None]


def occurrences(
    vcalendar: icalendar.Calendar,
    series: list[icalendar.Event],
    window: tuple[datetime, datetime],
) -> list[icalendar.Event]:
    """Every instance of one series near the window, as the library expands it."""
    import icalendar
    import recurring_ical_events

    alone = icalendar.Calendar()
    # The calendar's own properties carry X-WR-TIMEZONE and CALSCALE, which
    # change how the series is read; its time zones are already resolved.
    for name, value in vcalendar.items():
        alone[name] = value
    for component in series:
        alone.add_component(component)
    query = recurring_ical_events.of(alone)
    return list(query.between(window[0] - _QUERY_MARGIN, window[1] + _QUERY_MARGIN))


# How far apart a rule's periods are at least (a month is 28 days or more).
_PERIODS = {
    "SECONDLY": timedelta(seconds=1),
    "MINUTELY": timedelta(minutes=1),
    "HOURLY": timedelta(hours=1),
    "DAILY": timedelta(days=1),
    "WEEKLY": timedelta(weeks=1),
    "MONTHLY": timedelta(days=28),
    "YEARLY": timedelta(days=365),
}


# The library widens its query by a margin and zone corrections; a day more covers them.
_SLACK = _QUERY_MARGIN + timedelta(days=1)


class ExpansionBudget:
    """Decides, before the library expands a series, whether it stays within the read's limits.

    The decision rests on a bound computed from the series' rules
    (:func:`_instances`), never on expanding them: the recurrence library
    runs through every instance from a series' start to the end of the
    window, and makes a component of each one in the window.
    """

    def __init__(self, limits: ReadLimits, report: ReadReport) -> None:
        self.limits = limits
        self.report = report
        self.steps = 0
        self.instances = 0
        self.over: list[str] = []  # series left out because the others took the whole budget

    def allows(self, series: list[icalendar.Event], label: str, window: tuple[datetime, datetime],
               local_tz: tzinfo) -> bool:
        reach = window[1] + _SLACK
        steps = sum(_instances(component, None, reach, local_tz) for component in series)
        instances = sum(
            _instances(component, window[0] - _SLACK - _length(component, local_tz), reach, local_tz)
            for component in series)
        limits = self.limits
        if instances > limits.instances_per_event:
            self.report.skip(translate(
                "calendar", "{event} skipped: it repeats more than {limit} times in the days read").format(
                    event=label, limit=limits.instances_per_event))
            return False
        if steps > limits.steps_per_event:
            if instances:
                self.report.skip(translate(
                    "calendar", "{event} skipped: it repeats more than {limit} times from its start to the "
                                "days read").format(event=label, limit=limits.steps_per_event))
            # A series that has ended before the window costs nothing to leave out, and loses nothing.
            return False
        if self.steps + steps > limits.steps or self.instances + instances > limits.instances:
            self.over.append(label)
            return False
        self.steps += steps
        self.instances += instances
        return True

    def report_overflow(self) -> None:
        """One line for all the series the budget for the whole read left out."""
        if not self.over:
            return
        self.report.skip(calendar.tr(
            "%n repeating events skipped, the first {event}: together, the calendar's events repeat more "
            "often than deskbreak follows in one read", None, len(self.over),
            one="1 repeating event skipped, {event}: together, the calendar's events repeat more often than "
                "deskbreak follows in one read").format(event=self.over[0]), len(self.over))


def _instances(component: icalendar.Event, start: datetime | None, end: datetime, local_tz: tzinfo) -> int:
    """At most how many instances of ``component`` start in ``[start, end]`` (None: from its own start).

    A bound from DTSTART, RRULE and RDATE, computed without expanding them.
    """
    first = local_time(component["DTSTART"].dt, local_tz)
    start = first if start is None else max(start, first)
    count = int(start <= first <= end)
    for rule in as_list(component.get("RRULE")):
        count += _rule_instances(rule, start, end, local_tz)
    for line in as_list(component.get("RDATE")):
        for value in getattr(line, "dts", ()):
            moment = value.dt[0] if isinstance(value.dt, tuple) else value.dt
            count += int(start <= local_time(moment, local_tz) <= end)
    return count


def _rule_instances(rule: icalendar.vRecur, start: datetime, end: datetime, local_tz: tzinfo) -> int:
    """At most how many instances the rule gives in ``[start, end]``: periods in the span times instances per period."""
    frequency = str(_rule_part(rule, "FREQ", "")).upper()
    if frequency not in _PERIODS:
        raise ValueError(translate("calendar", "bad RRULE: FREQ={frequency}").format(frequency=frequency))
    until = _rule_part(rule, "UNTIL")
    if until is not None:
        end = min(end, local_time(until, local_tz))
    if end < start:
        return 0
    periods = (end - start) // (_PERIODS[frequency] * max(1, int(_rule_part(rule, "INTERVAL", 1)))) + 2
    bound = periods * _per_period(frequency, rule)
    count = _rule_part(rule, "COUNT")
    return bound if count is None else min(bound, int(count))


def _per_period(frequency: str, rule: icalendar.vRecur) -> int:
    """At most how many instances one period of the rule gives: the BY parts that expand it (RFC 5545, 3.3.10)."""

    def size(part: str) -> int:
        return len(rule.get(part) or ()) or 1

    def given(*parts: str) -> bool:
        return any(rule.get(part) for part in parts)

    coarse = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY")
    times = size("BYSECOND")
    if frequency in coarse or frequency == "HOURLY":
        times *= size("BYMINUTE")
    if frequency in coarse:
        times *= size("BYHOUR")
    if frequency == "YEARLY":
        days = 366 if given("BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY") else size("BYMONTH")
    elif frequency == "MONTHLY":
        days = 31 if given("BYMONTHDAY", "BYDAY") else 1
    elif frequency == "WEEKLY":
        days = size("BYDAY")
    else:
        days = 1
    return days * times


def _rule_part(rule: icalendar.vRecur, part: str, default: object = None) -> object:
    values = rule.get(part)
    return values[0] if values else default


def _length(component: icalendar.Event, local_tz: tzinfo) -> timedelta:
    """How long each instance lasts at most, as far as the component says."""
    duration = component.get("DURATION")
    if duration is not None and isinstance(duration.dt, timedelta):
        return max(duration.dt, timedelta(0))
    end = component.get("DTEND")
    if end is None:
        return timedelta(days=1)  # an all-day event's own day
    return max(local_time(end.dt, local_tz) - local_time(component["DTSTART"].dt, local_tz), timedelta(0))


def local_time(value: date | datetime, local_tz: tzinfo) -> datetime:
    """A time from the file as an aware datetime in the local zone."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(0), local_tz)
    if value.tzinfo is None:
        return value.replace(tzinfo=local_tz)
    return value.astimezone(local_tz)


def as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
