"""Reading the calendar file: bounded, cut into components, each parsed alone.

Nothing here parses iCalendar: the file is cut into its components at their
BEGIN and END lines, so that each can fail alone, and a few lines of each
are looked at as text to leave out events that certainly fall outside the
days read (a test checks that leaving them out changes no result). Only
what is left, within :attr:`ReadLimits.lines`, goes to the parser.

The file is handled as bytes until a component is parsed: a slice of bytes
costs a byte a character, where a str of text with one emoji in it costs four.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from os import PathLike
from typing import TYPE_CHECKING, Iterable, Iterator

from deskbreak.core.bounded_read import FileRefused, read_regular_file
from deskbreak.core.scheduling.calendar.events import CalendarError, ReadLimits
from deskbreak.core.scheduling.calendar.read_report import ReadReport, calendar, event_label, reason_text
from deskbreak.core.i18n import translate

if TYPE_CHECKING:
    import icalendar

def load_calendars(
    path: str | PathLike[str],
    window: tuple[datetime, datetime],
    limits: ReadLimits,
    report: ReadReport,
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


def _cut(data: bytes, report: ReadReport) -> list[_Layout]:
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


def _report_outside(gap: _Piece, report: ReadReport) -> None:
    """Bytes outside any calendar: said once, naming their lines."""
    found = [match.start() for match in _NON_BLANK_LINE.finditer(gap.data)]
    if not found:
        return
    first = gap.line + gap.data.count(b"\n", 0, found[0])
    last = first + gap.data.count(b"\n", found[0], found[-1])
    where = (translate("calendar", "line {line}").format(line=first) if first == last
             else translate("calendar", "lines {first}-{last}").format(first=first, last=last))
    report.note(translate("calendar", "{lines} skipped: outside BEGIN:VCALENDAR ... END:VCALENDAR").format(lines=where))


def _assemble(layout: _Layout, days: tuple[date, date], lines: _LineBudget, report: ReadReport) -> icalendar.Calendar:
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
                reason=reason_text(error))
            if is_event:
                report.skip(text)
            else:
                report.note(text)
            continue
        vcalendar.add_component(component)
    return vcalendar


def _own_calendar(layout: _Layout, lines: _LineBudget, report: ReadReport) -> icalendar.Calendar:
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
                line=number, reason=reason_text(error)))
        else:
            kept.append(line)
    try:
        return parsed(kept)
    except Exception as error:  # noqa: BLE001 - see read_calendar
        raise CalendarError(translate("calendar", "{path} is not a readable iCalendar file: {reason}").format(
            path=report.path, reason=reason_text(error))) from error


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
    return event_label(None if uid is None else _text(uid), None if summary is None else _text(summary[1].strip()))


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")
