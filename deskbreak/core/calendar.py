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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo
from os import PathLike
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from deskbreak.core.bounded_read import DEFAULT_LIMIT, FileRefused, read_regular_file
from deskbreak.core.i18n import Context, translate

if TYPE_CHECKING:
    import icalendar

calendar = Context("calendar")  # for plurals: lupdate reads the context from this name

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
    report = _Report(str(path))
    vcalendars = _load(path, window, limits, report)
    matches_run = _keyword_matcher(run_keywords)
    budget = _ExpansionBudget(limits, report)
    events: list[CalendarEvent] = []
    for vcalendar in vcalendars:
        my_addresses = _my_addresses(vcalendar, me)
        for series in _series_of(vcalendar):
            label = _describe(series[0])
            try:
                _check_times(series)
                if not budget.allows(series, label, window, local_tz):
                    continue
                found = []
                for component in _occurrences(vcalendar, series, window):
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
                    event=label, reason=_reason(error)))
                continue
            events.extend(found)
            for note in _zone_guesses(series):
                report.note(f"{label}: {note}")
            for problem in _unreadable_lines(series):
                report.note(translate("calendar", "{event}: a line skipped: {reason}").format(
                    event=label, reason=problem))
    budget.report_overflow()
    events.sort(key=lambda event: (event.start, event.end or event.start, event.summary))
    return CalendarRead(tuple(events), report.skipped, report.problems, all_day_run_time)


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


# -- reading the file: cut into components, leave out what cannot matter, parse each alone
#
# The file is handled as bytes until a component is parsed: a slice of bytes
# costs a byte a character, where a str of text with one emoji in it costs four.


def _load(
    path: str | PathLike[str],
    window: tuple[datetime, datetime],
    limits: ReadLimits,
    report: _Report,
) -> list[icalendar.Calendar]:
    """The file's VCALENDARs with their time zones and the events that may touch the window."""
    try:
        data = read_regular_file(path, limits.file_bytes)
    except FileRefused as error:
        raise CalendarError(str(error)) from error
    except OSError as error:
        raise CalendarError(translate("calendar", "cannot read the calendar file {path}: {reason}").format(
            path=path, reason=error.strerror or error)) from error
    layouts = _cut(data.removeprefix(b"\xef\xbb\xbf"), report)
    if not layouts:
        raise CalendarError(translate(
            "calendar", "{path} is not a readable iCalendar file: it holds no complete calendar "
                        "(no BEGIN:VCALENDAR ... END:VCALENDAR)").format(path=path))
    days = (window[0].date() - _DAYS_AROUND, window[1].date() + _DAYS_AROUND)
    lines = _LineBudget(limits.lines)
    return [_assemble(layout, days, lines, report) for layout in layouts if not lines.spent]


# One moment falls on days up to two apart in two zones (UTC+14 and UTC-12),
# so a day as written can be two days off the user's; two more for good measure.
_DAYS_AROUND = timedelta(days=4)

_BOUNDARY = re.compile(rb"^(?:(BEGIN)|END):([^\r\n]*)", re.MULTILINE | re.IGNORECASE)
_FOLD = re.compile(rb"\r?\n[ \t]")
_NON_BLANK_LINE = re.compile(rb"^[ \t]*\S", re.MULTILINE)
# A property line: its name, its parameters (a quoted one may hold ":" or
# ";", as Outlook's TZIDs do) and its value.
_PARAMETERS = rb'(?:;(?:"[^"\r\n]*"|[^";:\r\n])*)*:'
_TIME_LINE = re.compile(
    rb"^(UID|DTSTART|DTEND|DURATION|RRULE|RDATE|EXDATE|EXRULE|RECURRENCE-ID)" + _PARAMETERS + rb"([^\r\n]*)",
    re.MULTILINE | re.IGNORECASE,
)
_SUMMARY_LINE = re.compile(rb"^SUMMARY" + _PARAMETERS + rb"([^\r\n]*)", re.MULTILINE | re.IGNORECASE)
_PLAIN_DAY = re.compile(rb"\d{8}(?:T\d{6}Z?)?")
_PLAIN_DURATION = re.compile(rb"\+?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")
_UNTIL = re.compile(rb"(?:^|;)UNTIL=(\d{8})")
# A hostile file can hold a million broken lines; the user is told of the first few.
_MOST_PROBLEMS = 20


@dataclass
class _Report:
    """The problems of one read, each line beginning with the file's name; only the first few listed."""

    path: str
    listed: list[str] = field(default_factory=list)
    unlisted: int = 0
    skipped: int = 0

    def note(self, text: str) -> None:
        if len(self.listed) < _MOST_PROBLEMS:
            self.listed.append(f"{self.path}: {text}")
        else:
            self.unlisted += 1

    def skip(self, text: str, events: int = 1) -> None:
        """``events`` events (whole series) were not read; ``text`` says which and why."""
        self.skipped += events
        self.note(text)

    @property
    def problems(self) -> tuple[str, ...]:
        if not self.unlisted:
            return tuple(self.listed)
        return (*self.listed, f"{self.path}: " + calendar.tr(
            "%n more problems not listed", None, self.unlisted, one="1 more problem not listed"))


@dataclass(slots=True)
class _Piece:
    """Bytes of the file from a line on: a component (BEGIN to END), or a run of the calendar's own lines."""

    line: int
    data: bytes
    name: bytes = b""  # the component's name in capitals; empty for the calendar's own lines

    @property
    def lines(self) -> int:
        """Its lines that hold something, as the parser will go through them."""
        return sum(1 for _ in _NON_BLANK_LINE.finditer(self.data))


@dataclass
class _Layout:
    """One VCALENDAR of the file, cut at the BEGIN and END lines of its components."""

    own: list[_Piece] = field(default_factory=list)
    components: list[_Piece] = field(default_factory=list)


@dataclass
class _LineCounter:
    """Line numbers of offsets into the file, asked in increasing order."""

    data: bytes
    offset: int = 0
    line: int = 1

    def at(self, offset: int) -> int:
        self.line += self.data.count(b"\n", self.offset, offset)
        self.offset = offset
        return self.line


@dataclass
class _LineBudget:
    """The lines a read may parse (parsing costs by the line), and how many it has."""

    limit: int
    used: int = 0
    spent: bool = False

    def take(self, lines: int) -> bool:
        if self.used + lines > self.limit:
            self.spent = True
            return False
        self.used += lines
        return True


def _cut(data: bytes, report: _Report) -> list[_Layout]:
    """The complete VCALENDARs in ``data``, cut into components; stray lines are reported and left out.

    A component is cut from its BEGIN line to the END line that closes it
    (any name: the parser is as lenient). A calendar that never ends (a file
    cut short, or still being written) is left out, so the caller keeps what
    it read before rather than half of it.
    """
    layouts: list[_Layout] = []
    layout: _Layout | None = None  # the VCALENDAR being cut; None inside another top-level component
    depth = 0
    since, since_line = 0, 1  # where the bytes not yet handed out begin
    opened = _Piece(0, b"")  # the component being cut: its first line and name
    opened_at = 0
    lines = _LineCounter(data)
    # This loop sees every BEGIN and END line of the file: the common case
    # (inside a component) does as little as it can.
    for match in _BOUNDARY.finditer(data):
        begin = match[1] is not None
        if depth >= 2:
            depth += 1 if begin else -1
            if depth == 1:
                if layout is not None:
                    layout.components.append(_Piece(opened.line, data[opened_at:match.end()], opened.name))
                since, since_line = match.end(), lines.at(match.start())
            continue
        name = match[2].strip().upper()
        line = lines.at(match.start())
        gap = _Piece(since_line, data[since:match.start()])
        if depth == 1 and layout is not None and not gap.data.isspace():
            layout.own.append(gap)
        elif depth == 0:
            _report_outside(gap, report)
        since, since_line = match.end(), line
        if begin:
            if depth == 0:
                layout = _Layout() if name == b"VCALENDAR" else None
            else:
                opened, opened_at = _Piece(line, b"", name), match.start()
            depth += 1
        elif depth == 1 and (layout is None or name == b"VCALENDAR"):
            if layout is not None:
                layouts.append(layout)
            layout, depth = None, 0
        else:
            report.note(translate("calendar", "line {line} skipped: {text} without its BEGIN").format(
                line=line, text=_text(match[0].strip())))
    if depth == 0:
        _report_outside(_Piece(since_line, data[since:]), report)
    return layouts


def _report_outside(gap: _Piece, report: _Report) -> None:
    """Bytes outside any calendar: said once, naming their lines."""
    found = [match.start() for match in _NON_BLANK_LINE.finditer(gap.data)]
    if not found:
        return
    first = gap.line + gap.data.count(b"\n", 0, found[0])
    last = first + gap.data.count(b"\n", found[0], found[-1])
    where = (translate("calendar", "line {line}").format(line=first) if first == last
             else translate("calendar", "lines {first}-{last}").format(first=first, last=last))
    report.note(translate("calendar", "{lines} skipped: outside BEGIN:VCALENDAR ... END:VCALENDAR").format(lines=where))


def _assemble(layout: _Layout, days: tuple[date, date], lines: _LineBudget, report: _Report) -> icalendar.Calendar:
    """The calendar with its time zones and the events that may fall on ``days``, each parsed alone."""
    # Imported here, not at the top: the two libraries take a quarter of a second
    # to import, which a start without a calendar file should not pay.
    import icalendar

    vcalendar = _own_calendar(layout, lines, report)
    zones = [piece for piece in layout.components if piece.name == b"VTIMEZONE"]
    events = _events_that_may_matter([piece for piece in layout.components if piece.name == b"VEVENT"], *days)
    # Time zones first: parsing an event resolves the TZIDs it names.
    pieces = zones + events
    for number, piece in enumerate(pieces):
        if not lines.take(piece.lines):
            unread = sum(1 for later in pieces[number:] if later.name == b"VEVENT")
            report.skip(calendar.tr(
                "stopped reading at line {line}: %n events in or near the days read are not read "
                "(past the limit of {limit} lines)", None, unread,
                one="stopped reading at line {line}: 1 event in or near the days read is not read "
                    "(past the limit of {limit} lines)").format(line=piece.line, limit=lines.limit), unread)
            break
        try:
            component = icalendar.Component.from_ical(piece.data)
        except Exception as error:  # noqa: BLE001 - see read_calendar: the parser names no one error
            is_event = piece.name == b"VEVENT"
            text = translate("calendar", "line {line}: {component} skipped: {reason}").format(
                line=piece.line, component=_unparsed_label(piece.data) if is_event else _text(piece.name),
                reason=_reason(error))
            if is_event:
                report.skip(text)
            else:
                report.note(text)
            continue
        vcalendar.add_component(component)
    return vcalendar


def _own_calendar(layout: _Layout, lines: _LineBudget, report: _Report) -> icalendar.Calendar:
    """The VCALENDAR with its own properties; a line the parser rejects is skipped and reported."""
    import icalendar

    if not lines.take(sum(piece.lines for piece in layout.own)):
        raise CalendarError(translate(
            "calendar", "{path} is not a readable iCalendar file: more than {limit} lines outside its events").format(
                path=report.path, limit=lines.limit))

    def parsed(content: Iterable[bytes]) -> icalendar.Calendar:
        return icalendar.Calendar.from_ical(b"\r\n".join([b"BEGIN:VCALENDAR", *content, b"END:VCALENDAR", b""]))

    try:
        return parsed(piece.data for piece in layout.own)
    except Exception:  # noqa: BLE001 - one line spoils the lot: find it below
        pass
    kept = []
    for number, line in (numbered for piece in layout.own for numbered in _logical_lines(piece)):
        try:
            parsed([line])
        except Exception as error:  # noqa: BLE001 - see read_calendar
            report.note(translate("calendar", "line {line} skipped: {reason}").format(
                line=number, reason=_reason(error)))
        else:
            kept.append(line)
    try:
        return parsed(kept)
    except Exception as error:  # noqa: BLE001 - see read_calendar
        raise CalendarError(translate("calendar", "{path} is not a readable iCalendar file: {reason}").format(
            path=report.path, reason=_reason(error))) from error


def _logical_lines(piece: _Piece) -> Iterator[tuple[int, bytes]]:
    """The piece's content lines, unfolded and numbered as in the file; blank lines left out."""
    number, current = 0, b""
    for offset, physical in enumerate(piece.data.split(b"\n")):
        physical = physical.rstrip(b"\r")
        if physical[:1] in (b" ", b"\t") and current:
            current += physical[1:]
            continue
        if current.strip():
            yield number, current
        number, current = piece.line + offset, physical
    if current.strip():
        yield number, current


def _events_that_may_matter(events: list[_Piece], first_day: date, last_day: date) -> list[_Piece]:
    """The VEVENTs to parse: all but those that certainly fall outside ``first_day`` to ``last_day``.

    An event left out must change nothing, so every component sharing its
    UID with another is kept: a master and its overrides, or two versions
    of one event told apart by SEQUENCE, are only right together.
    """
    uids: dict[bytes, int] = {}
    facts = []
    for piece in events:
        uid, lines = _time_lines(piece.data)
        if uid is not None:
            uids[uid] = uids.get(uid, 0) + 1
        facts.append((uid, lines is not None and _certainly_outside(lines, first_day, last_day)))
    return [piece for piece, (uid, outside) in zip(events, facts)
            if not outside or (uid is not None and uids[uid] > 1)]


def _time_lines(data: bytes) -> tuple[bytes | None, dict[bytes, bytes] | None]:
    """An event's UID and the values of the lines that place it in time (None if one comes twice).

    EXDATE lines are left out: they only take instances away.
    """
    if b"\n " in data or b"\n\t" in data:
        data = _FOLD.sub(b"", data)
    uid = None
    found: dict[bytes, bytes] = {}
    twice = False
    for name, value in _TIME_LINE.findall(data):
        name = name.upper()
        if name == b"UID":
            uid = value.strip() if uid is None else uid
        elif name in found:
            twice = True
        elif name != b"EXDATE":
            found[name] = value.strip()
    return uid, None if twice else found


def _certainly_outside(lines: dict[bytes, bytes], first_day: date, last_day: date) -> bool:
    """Whether an event whose time lines are ``lines`` ends before ``first_day`` or starts after ``last_day``.

    Only a plain event can say so: a DTSTART, at most one of DTEND and
    DURATION, and at most one RRULE, each plain (a date or time as written,
    a length in days and times); nothing that adds or moves instances. A
    series starts no earlier than its DTSTART and ends with its UNTIL and
    one instance's length. The days given leave room for any time zone;
    whatever is unclear is parsed and decided by the libraries.
    """
    if (b"DTSTART" not in lines or not lines.keys() <= {b"DTSTART", b"DTEND", b"DURATION", b"RRULE"}
            or {b"DTEND", b"DURATION"} <= lines.keys()):
        return False
    try:
        first = _written_day(lines[b"DTSTART"])
        if first > last_day:
            return True
        if b"DTEND" in lines:
            length = max(_written_day(lines[b"DTEND"]) - first, timedelta(0))
        else:
            length = _written_length(lines.get(b"DURATION", b"PT0S"))
        rule = lines.get(b"RRULE", b"").upper()
        until = _UNTIL.search(rule)
        if rule and (until is None or b"COUNT=" in rule):
            return False  # a series without a written end
        last = (_written_day(until[1]) if rule else first) + length + timedelta(days=1)
    except ValueError:  # not written plainly, or a day that does not exist: the parser will say
        return False
    return last < first_day


def _written_day(value: bytes) -> date:
    """The day of a DATE or DATE-TIME value as written (YYYYMMDD...); ValueError if it is not plain."""
    if not _PLAIN_DAY.fullmatch(value):
        raise ValueError(value)
    return date(int(value[:4]), int(value[4:6]), int(value[6:8]))


def _written_length(value: bytes) -> timedelta:
    """A DURATION value (weeks, days, hours, minutes, seconds); ValueError if it is not a plain one."""
    length = _PLAIN_DURATION.fullmatch(value)
    if length is None:
        raise ValueError(value)
    weeks, days, hours, minutes, seconds = (int(part or 0) for part in length.groups())
    return timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds)


def _unparsed_label(data: bytes) -> str:
    """An event the parser could not read, as a person would recognise it: its UID and summary as written."""
    uid, _ = _time_lines(data)
    summary = _SUMMARY_LINE.search(_FOLD.sub(b"", data))
    return _label(None if uid is None else _text(uid), None if summary is None else _text(summary[1].strip()))


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


# -- expanding the series, within bounds


def _series_of(vcalendar: icalendar.Calendar) -> list[list[icalendar.Event]]:
    """The calendar's VEVENTs grouped by UID: a master with its overrides.

    Each series is expanded on its own so that a broken one can be skipped
    and named; events without a UID (hand-written files) stand alone.
    """
    series: dict[object, list[icalendar.Event]] = {}
    for number, component in enumerate(vcalendar.walk("VEVENT")):
        uid = component.get("UID")
        series.setdefault(str(uid) if uid is not None else number, []).append(component)
    return list(series.values())


def _check_times(series: list[icalendar.Event]) -> None:
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


def _unreadable_lines(series: list[icalendar.Event]) -> list[str]:
    """What the parser said of each line it skipped inside the series' components."""
    return [problem for component in series for name, problem in component.errors if name is None]


def _occurrences(
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


class _ExpansionBudget:
    """Decides, before the library expands a series, whether it stays within the read's limits.

    The decision rests on a bound computed from the series' rules
    (:func:`_instances`), never on expanding them: the recurrence library
    runs through every instance from a series' start to the end of the
    window, and makes a component of each one in the window.
    """

    def __init__(self, limits: ReadLimits, report: _Report) -> None:
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
    first = _local(component["DTSTART"].dt, local_tz)
    start = first if start is None else max(start, first)
    count = int(start <= first <= end)
    for rule in _as_list(component.get("RRULE")):
        count += _rule_instances(rule, start, end, local_tz)
    for line in _as_list(component.get("RDATE")):
        for value in getattr(line, "dts", ()):
            moment = value.dt[0] if isinstance(value.dt, tuple) else value.dt
            count += int(start <= _local(moment, local_tz) <= end)
    return count


def _rule_instances(rule: icalendar.vRecur, start: datetime, end: datetime, local_tz: tzinfo) -> int:
    """At most how many instances the rule gives in ``[start, end]``: periods in the span times instances per period."""
    frequency = str(_rule_part(rule, "FREQ", "")).upper()
    if frequency not in _PERIODS:
        raise ValueError(translate("calendar", "bad RRULE: FREQ={frequency}").format(frequency=frequency))
    until = _rule_part(rule, "UNTIL")
    if until is not None:
        end = min(end, _local(until, local_tz))
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
    return max(_local(end.dt, local_tz) - _local(component["DTSTART"].dt, local_tz), timedelta(0))


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
                notes.append(translate("calendar", "unknown time zone {tzid} in {name}, read as local time").format(
                    tzid=repr(tzid), name=name))
    return list(dict.fromkeys(notes))


def _describe(component: icalendar.Event) -> str:
    """The event as a person would recognise it in a message: UID and summary."""
    uid = component.get("UID")
    summary = component.get("SUMMARY")
    return _label(None if uid is None else str(uid), None if summary is None else str(summary))


def _label(uid: str | None, summary: str | None) -> str:
    text = (translate("calendar", "event {uid}").format(uid=repr(uid)) if uid is not None
            else translate("calendar", "event without UID"))
    return text if summary is None else f"{text} ({summary!r})"


def _reason(error: BaseException) -> str:
    if isinstance(error, KeyError):
        return translate("calendar", "missing {name}").format(name=error.args[0] if error.args else "property")
    return str(error) or type(error).__name__
