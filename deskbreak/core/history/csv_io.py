"""The history as CSV: what ``deskbreak history --csv`` writes, and importing such a file back.

Moving to a new machine, or merging a laptop's history into a desktop's, is
an export on one side and an import on the other. An import never creates a
duplicate and never imports half a file by accident.

The columns (:data:`EXPORT_COLUMNS`) are the ten of the first export,
unchanged so that scripts and spreadsheets built on them keep working, then:

``planned_exercises``
    how many exercises the routine had when the break began; empty when
    unknown (time away, breaks recorded before history version 2).
``exercise_log``
    each exercise recorded for the break, as a JSON list of objects
    ``{"exercise_id": "cat_cow", "seconds": 30.0, "completed": true,
    "done_at": "2026-11-23T09:01:00+01:00"}``. JSON rather than a compact
    ``id:seconds:1;...``: times and future exercise ids contain colons, and
    any language parses JSON without a deskbreak-specific splitter.

``sore_back``
    ``true`` when the ``sore_back`` setting was on as the break began (its
    sessions grow no hold), else ``false``. An export from before the
    column, or an empty cell, reads as ``false``.
``progression``
    ``true`` when the ``progression`` setting was on as the break began (it
    played the grown holds, so its sessions may grow them), else ``false``.
    An export from before the column, or an empty cell, reads as ``false``:
    such breaks were played with the articles' holds and grow none.

``exercises`` and ``exercise_seconds`` are summaries of the log for a
spreadsheet; an import reads the log when the file has one.

A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is exported with an apostrophe in front, so that a spreadsheet opening
the file shows it instead of running it as a formula (``=cmd|' /C calc'!A0``);
one that begins with an apostrophe gets another. An import takes the
apostrophe away again, so a note comes back exactly as it was written.

Importing (:func:`import_csv`):

- The file must be a regular file of at most :data:`IMPORT_LIMIT` bytes
  (:func:`~deskbreak.core.bounded_read.read_regular_file`): a FIFO, a
  device such as ``/dev/zero`` or a huge file is refused at once, naming it.
  A cell longer than :data:`CELL_LIMIT` is a bad cell, named by line and
  column.
- Line numbers are those a spreadsheet shows: the header is line 1, and a
  note with line breaks inside its quotes is still one line.
- Every bad row is reported, naming the file, the line, the column and what
  is wrong; with any bad row nothing is imported, unless the caller asks to
  skip bad rows, and then they are still listed. A file that cannot be read
  as a history export at all (not UTF-8, empty, required columns missing,
  broken quoting) is one error, whatever is asked.
- ``id`` is not kept: ids are local to one history. A row is a duplicate
  when a break of the same kind with the same due, shown and end instants
  (compared as instants, so another UTC offset is the same moment) and the
  same outcome is already in the history or earlier in the file
  (:func:`~deskbreak.core.history.break_identity`).
- Files of the first export have no ``exercise_log``. Exercise rows need
  the exercise ids such a file never had, and inventing them would put
  made-up stretches in the statistics; counting the exercises as planned
  would show a completed break as "0 of 3 done". So the break comes in
  without exercises and with its plan unknown, and the summary is kept in
  words at the end of its note (``[imported without exercise detail:
  3 exercises, 95.0 s]``): nothing is lost, nothing is made up.
- Those files also spell time away from the desk as kind ``natural`` with
  outcome ``completed``; it comes in as outcome ``natural``, as the history
  version 2 upgrade does.
- A break still in progress when the file was written (empty outcome) is a
  bad row: nothing here could ever finish it, and importing it as missed
  would leave a second copy once a later export brings how it really ended.
  The message says to export again after it has ended.
"""

from __future__ import annotations

import csv
import json
import math
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from deskbreak.core.bounded_read import FileRefused, read_regular_file
from deskbreak.core.history import OUTCOMES, BreakRecord, ExerciseRecord, HistoryError, HistoryStore
from deskbreak.core.i18n import Context, translate
from deskbreak.core.kinds import BREAK_KIND_NAMES, NATURAL_BREAK_KIND, Outcome

FIRST_EXPORT_COLUMNS: tuple[str, ...] = (
    "id", "kind", "routine_id", "due_at", "shown_at", "ended_at", "outcome", "exercises", "exercise_seconds", "note",
)
EXPORT_COLUMNS: tuple[str, ...] = (*FIRST_EXPORT_COLUMNS, "planned_exercises", "exercise_log", "sore_back",
                                    "progression")
# Every export deskbreak ever wrote has these; ``id`` is not needed since it is not kept.
REQUIRED_COLUMNS: tuple[str, ...] = tuple(column for column in FIRST_EXPORT_COLUMNS if column != "id")
_TIME_EXAMPLE = "2026-11-23T09:00:00+01:00"
_KINDS = (*BREAK_KIND_NAMES, NATURAL_BREAK_KIND)
history_csv = Context("history_csv")  # for plurals: lupdate reads the context from this name
# How many bad rows the error message quotes; the exception carries them all.
_PROBLEMS_QUOTED = 5
# The largest file read. Ten breaks a day for ten years with their exercises
# take about 15 MB; 200,000 breaks (benchmarks/import_while_recording.py) 75 MB,
# which an import reads in about 400 MB of memory.
IMPORT_LIMIT = 100 * 1024 * 1024
# The longest cell: the csv module's own default, far above any note or exercise log.
CELL_LIMIT = 128 * 1024


class HistoryImportError(HistoryError):
    """A file that cannot be imported; nothing was. ``problems`` lists every reason, each naming file and line."""

    def __init__(self, message: str, problems: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems) or [message]


@dataclass(frozen=True)
class ParsedImport:
    path: Path
    rows: list[BreakRecord]
    """The good rows, in file order, with id 0 (ids are not kept)."""
    problems: list[str] = field(default_factory=list)
    """One message per bad row: file, line, and each bad column with what is wrong."""


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped_duplicates: int
    bad_rows: list[str]
    """The bad rows left out (only when asked to skip them), one message each."""


# -- export -------------------------------------------------------------


def export_row(record: BreakRecord) -> dict:
    """One break as the export's columns; JSON-ready (the log is a list, not yet text)."""
    return {
        "id": record.id,
        "kind": record.kind,
        "routine_id": record.routine_id,
        "due_at": _iso(record.due_at),
        "shown_at": _iso(record.shown_at),
        "ended_at": _iso(record.ended_at),
        "outcome": record.outcome,
        "exercises": len(record.exercises),
        "exercise_seconds": round(sum(exercise.seconds for exercise in record.exercises), 1),
        "note": record.note,
        "planned_exercises": record.planned_exercises,
        "exercise_log": [
            {
                "exercise_id": exercise.exercise_id,
                "seconds": exercise.seconds,
                "completed": exercise.completed,
                "done_at": _iso(exercise.done_at),
            }
            for exercise in record.exercises
        ],
        "sore_back": record.sore_back,
        "progression": record.progression,
    }


def export_rows(records: Iterable[BreakRecord]) -> list[dict]:
    return [export_row(record) for record in records]


def write_csv(records: Iterable[BreakRecord], stream: TextIO) -> None:
    """The export: a header of :data:`EXPORT_COLUMNS`, then one line per break.

    Text cells a spreadsheet would run as a formula are written as text
    (:func:`_as_text_cell`).
    """
    writer = csv.DictWriter(stream, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    # The csv module quotes only the line terminator's characters, so a lone
    # carriage return in a note would end the line for every reader: such a
    # row has each of its cells quoted instead.
    quoting_writer = csv.DictWriter(stream, fieldnames=EXPORT_COLUMNS, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    for row in export_rows(records):
        row["exercise_log"] = json.dumps(row["exercise_log"], ensure_ascii=False, separators=(",", ":"))
        for flag in ("sore_back", "progression"):
            row[flag] = json.dumps(row[flag])  # true / false, as in the log
        row = {column: _as_text_cell(value) if isinstance(value, str) else value for column, value in row.items()}
        has_carriage_return = any(isinstance(value, str) and "\r" in value for value in row.values())
        (quoting_writer if has_carriage_return else writer).writerow(row)


# A cell beginning with one of these is a formula to a spreadsheet (CSV
# injection: "=cmd|' /C calc'!A0"); a leading apostrophe makes it text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_TEXT_MARK = "'"


def _as_text_cell(text: str) -> str:
    """``text`` as a spreadsheet shows it rather than runs it; :func:`_from_text_cell` undoes it.

    Text that already begins with the apostrophe gets one more, so that
    stripping one on import gives back exactly what was written.
    """
    return _TEXT_MARK + text if text.startswith((*_FORMULA_STARTS, _TEXT_MARK)) else text


def _from_text_cell(cell: str) -> str:
    # Only an apostrophe :func:`_as_text_cell` could have added goes: a note
    # of an earlier export such as "'tis fine" keeps its own.
    return cell[1:] if cell.startswith(_TEXT_MARK) and cell[1:2] and cell[1] in (*_FORMULA_STARTS, _TEXT_MARK) else cell


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


# -- import -------------------------------------------------------------


def import_csv(store: HistoryStore, path: Path, skip_bad_rows: bool = False) -> ImportResult:
    """Add the breaks of an exported file to ``store``, each break once.

    Raises :class:`HistoryImportError`, having imported nothing, when the
    file cannot be read as an export or has a bad row (unless
    ``skip_bad_rows``, when the good rows are imported and the bad ones
    listed in the result).
    """
    parsed = read_csv(path)
    if parsed.problems and not skip_bad_rows:
        raise HistoryImportError(_bad_rows_message(parsed), parsed.problems)
    try:
        added, skipped = store.import_breaks(parsed.rows)
    except ValueError as error:
        # read_csv checks what the store refuses; this is a bug, still said clearly.
        raise HistoryImportError(translate("history_csv", "{path}: nothing was imported: {problem}").format(
            path=parsed.path, problem=error)) from error
    return ImportResult(added, skipped, list(parsed.problems))


def read_csv(path: Path) -> ParsedImport:
    """Read an exported file into breaks and the problems of its bad rows.

    Raises :class:`HistoryImportError` when the file as a whole cannot be
    read as an export (unreadable, not UTF-8, empty, required columns
    missing, broken quoting).
    """
    path = Path(path)
    lines = (line for line in _numbered_lines(path, _read_text(path)) if any(cell.strip() for cell in line[1]))
    header_line, header = next(lines, (0, None))
    if header is None:
        raise HistoryImportError(translate(
            "history_csv", "{path} is empty: a history export starts with the header line {columns}").format(
                path=path, columns=",".join(EXPORT_COLUMNS)))
    columns = _column_positions(path, header_line, header)
    rows: list[BreakRecord] = []
    problems: list[str] = []
    for line_number, cells in lines:
        record, row_problems = _parse_row(cells, columns, header_width=len(header))
        if row_problems:
            # "line 4, column outcome: ..." when the first problem is a cell's, "line 4: ..." when the row's.
            text = (translate("history_csv", "{path}, line {line}, {problems}") if row_problems[0].startswith(_COLUMN_MARK)
                    else translate("history_csv", "{path}, line {line}: {problems}"))
            problems.append(text.format(path=path, line=line_number,
                                        problems="; ".join(p.removeprefix(_COLUMN_MARK) for p in row_problems)))
        else:
            rows.append(record)
    return ParsedImport(path, rows, problems)


def _read_text(path: Path) -> str:
    try:
        data = read_regular_file(path, IMPORT_LIMIT)
    except FileRefused as error:
        raise HistoryImportError(str(error)) from error
    except OSError as error:
        raise HistoryImportError(translate("history_csv", "cannot read {path}: {problem}").format(
            path=path, problem=error.strerror or error)) from error
    try:
        # -sig: spreadsheets saving "CSV UTF-8" put a byte order mark first.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise HistoryImportError(translate(
            "history_csv", "{path} is not UTF-8 text (byte 0x{byte} on line {line}); "
            "deskbreak exports are UTF-8: save the file as UTF-8 CSV and import it again").format(
                path=path, byte=f"{data[error.start]:02x}", line=line)) from error


def _numbered_lines(path: Path, text: str) -> Iterator[tuple[int, list[str]]]:
    """The file's records with their line numbers as a spreadsheet counts them (header = 1)."""
    reader = csv.reader(_physical_lines(text), strict=True)
    line_number = 0
    while True:
        line_number += 1
        try:
            with _cells_as_long_as_the_file():
                cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            # After broken quoting nothing later can be trusted to be in its column.
            raise HistoryImportError(translate(
                "history_csv", "{path}, line {line}: the CSV quoting is broken ({problem}); "
                "a value with commas, quotes or line breaks must be in double quotes, its quotes doubled").format(
                    path=path, line=line_number, problem=error)) from error
        yield line_number, cells


# A line with its ending, as a file opened with newline="" reads it: "\r\n", "\r" or "\n".
_PHYSICAL_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _physical_lines(text: str) -> Iterator[str]:
    """The lines of ``text``, endings kept, so line breaks inside quoted notes reach the csv module untouched.

    Not ``io.StringIO(text, newline="")``: it copies the text into four
    bytes a character, 300 MB more for an export of 75 MB.
    """
    return (match.group() for match in _PHYSICAL_LINE.finditer(text))


@contextmanager
def _cells_as_long_as_the_file() -> Iterator[None]:
    """Lift the csv module's cell limit while reading a line, so a long cell is a bad cell, not broken quoting.

    The file is already capped (:data:`IMPORT_LIMIT`); :meth:`_Row.oversized`
    then names the cell. The limit is the module's, for the whole process,
    so it is put back after each line rather than raised for good.
    """
    limit = csv.field_size_limit(IMPORT_LIMIT)
    try:
        yield
    finally:
        csv.field_size_limit(limit)


def _column_positions(path: Path, line_number: int, header: list[str]) -> dict[str, int]:
    names = [name.strip() for name in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in names]
    if missing:
        if len(missing) > 1:
            text = translate("history_csv", "{path}, line {line}: the header lacks the columns {missing}; "
                                            "a deskbreak history export has {columns} (older ones the first ten)")
        else:
            text = translate("history_csv", "{path}, line {line}: the header lacks the column {missing}; "
                                            "a deskbreak history export has {columns} (older ones the first ten)")
        raise HistoryImportError(text.format(path=path, line=line_number, missing=", ".join(missing),
                                             columns=",".join(EXPORT_COLUMNS)))
    # Columns deskbreak does not know are ignored; a repeated name counts once, its first.
    return {name: names.index(name) for name in EXPORT_COLUMNS if name in names}


def _bad_rows_message(parsed: ParsedImport) -> str:
    bad = len(parsed.problems)
    total = bad + len(parsed.rows)
    quoted = "\n".join(f"  {problem}" for problem in parsed.problems[:_PROBLEMS_QUOTED])
    more = "\n  " + translate("history_csv", "... and {count} more").format(
        count=bad - _PROBLEMS_QUOTED) if bad > _PROBLEMS_QUOTED else ""
    return translate(
        "history_csv", "{path}: {bad} of {total} rows cannot be imported, so nothing was imported "
        "(skipping the bad rows would import the other {good}):").format(
            path=parsed.path, bad=bad, total=total, good=total - bad) + f"\n{quoted}{more}"


# Marks a problem as a cell's (the line then reads "line 4, column outcome: ..."); removed before it is shown.
_COLUMN_MARK = "\x00"


class _BadCell(ValueError):
    """What is wrong with one cell, in words for the person who has to fix it."""


class _Row:
    """One line of the file: its cells by column name, and the problems found so far."""

    def __init__(self, cells: list[str], columns: dict[str, int]) -> None:
        self._cells = cells
        self._columns = columns
        self.problems: list[str] = []

    def has(self, column: str) -> bool:
        return column in self._columns

    def text(self, column: str) -> str:
        # A short row (trailing empty cells left out) reads as empty cells.
        index = self._columns.get(column)
        return _from_text_cell(self._cells[index]) if index is not None and index < len(self._cells) else ""

    def oversized(self) -> bool:
        """Whether a cell is longer than :data:`CELL_LIMIT`; each such cell is noted under its column."""
        for column, index in self._columns.items():
            if index < len(self._cells) and len(self._cells[index]) > CELL_LIMIT:
                self.note(column, translate("history_csv", "{count} characters, more than the {limit} a cell may hold")
                          .format(count=len(self._cells[index]), limit=CELL_LIMIT))
        return bool(self.problems)

    def value(self, column: str, parse: Callable[[str], object]) -> object:
        """The parsed cell, or None with the problem noted under the column's name."""
        try:
            return parse(self.text(column))
        except _BadCell as error:
            self.note(column, str(error))
            return None

    def note(self, column: str, what: str) -> None:
        self.problems.append(_COLUMN_MARK + translate("history_csv", "column {column}: {problem}").format(
            column=column, problem=what))


def _parse_row(
    cells: list[str], columns: dict[str, int], header_width: int
) -> tuple[BreakRecord | None, list[str]]:
    row = _Row(cells, columns)
    if row.oversized():
        return None, row.problems
    if any(cell.strip() for cell in cells[header_width:]):
        # Values would have slid into the wrong columns; cells past the header say so.
        row.problems.append(translate(
            "history_csv", "{cells} cells but the header has {columns} columns (a comma outside double quotes?)").format(
                cells=len(cells), columns=header_width))
        return None, row.problems
    kind = row.value("kind", _kind)
    outcome = row.value("outcome", _outcome)
    due_at, shown_at, ended_at = (row.value(column, _moment) for column in ("due_at", "shown_at", "ended_at"))
    if due_at is None and shown_at is None and not row.text("due_at").strip() and not row.text("shown_at").strip():
        row.note("due_at", translate("history_csv",
                                     "empty, and so is shown_at: a break needs the time it was due, shown, or both"))
    exercises = row.value("exercises", _count_or_zero)
    exercise_seconds = row.value("exercise_seconds", _seconds_or_zero)
    planned = row.value("planned_exercises", _planned)
    log = row.value("exercise_log", _exercise_log) if row.has("exercise_log") else ()
    sore_back, progression = (row.value(column, _flag) for column in ("sore_back", "progression"))
    if row.problems:
        return None, row.problems

    note = row.text("note")
    if not row.has("exercise_log") and (exercises or exercise_seconds):
        summary = history_csv.tr("[imported without exercise detail: %n exercises, {seconds} s]", None, exercises,
                                 one="[imported without exercise detail: 1 exercise, {seconds} s]").format(
            seconds=f"{exercise_seconds:.1f}")
        note = f"{note} {summary}" if note else summary
    if kind == NATURAL_BREAK_KIND and outcome == Outcome.COMPLETED.value:
        outcome = Outcome.NATURAL.value
    record = BreakRecord(
        id=0,
        kind=kind,
        routine_id=row.text("routine_id") or None,
        due_at=due_at,
        shown_at=shown_at,
        ended_at=ended_at,
        outcome=outcome,
        note=note,
        exercises=log,
        planned_exercises=planned,
        sore_back=bool(sore_back),
        progression=bool(progression),
    )
    return record, []


def _kind(text: str) -> str:
    text = text.strip()
    if not text:
        raise _BadCell(translate("history_csv", "empty: every break has a kind (sit, prerun, evening, natural, ...)"))
    if text not in _KINDS:
        # A misspelt kind would import and then count for nothing, anywhere.
        raise _BadCell(translate("history_csv", "'{kind}' is not a kind of break (expected one of {kinds})").format(
            kind=text, kinds=", ".join(_KINDS)))
    return text


def _outcome(text: str) -> str:
    text = text.strip()
    if not text:
        raise _BadCell(translate(
            "history_csv", "empty: the break was still in progress when the file was written and cannot be finished "
            "here (export again after it has ended)"))
    if text not in OUTCOMES:
        raise _BadCell(translate("history_csv", "{value} is not an outcome (expected one of {outcomes})").format(
            value=repr(text), outcomes=", ".join(OUTCOMES)))
    return text


def _moment(text: str) -> datetime | None:
    stripped = text.strip()
    if not stripped:
        return None
    try:
        moment = datetime.fromisoformat(stripped)
    except ValueError:
        raise _BadCell(translate("history_csv", "{value} is not an ISO 8601 time such as {example}").format(
            value=repr(text), example=_TIME_EXAMPLE)) from None
    if moment.utcoffset() is None:
        raise _BadCell(translate(
            "history_csv", "{value} has no UTC offset, so the moment it names is unknown (write it as {example})").format(
                value=repr(text), example=_TIME_EXAMPLE))
    return moment


def _exercise_count(text: str) -> int:
    try:
        number = float(text)
    except ValueError:
        raise _BadCell(translate("history_csv", "{value} is not a number of exercises").format(value=repr(text))) from None
    if not number.is_integer():
        raise _BadCell(translate("history_csv", "{value} is not a whole number of exercises").format(value=repr(text)))
    if number < 0:
        raise _BadCell(translate("history_csv", "{value} is negative").format(value=repr(text)))
    return int(number)


def _count_or_zero(text: str) -> int:
    return _exercise_count(text) if text.strip() else 0


def _planned(text: str) -> int | None:
    return _exercise_count(text) if text.strip() else None


_FLAGS = {"": False, "false": False, "0": False, "true": True, "1": True}


def _flag(text: str) -> bool:
    try:
        return _FLAGS[text.strip().lower()]
    except KeyError:
        raise _BadCell(translate("history_csv", "{value} is not true or false").format(value=repr(text))) from None


def _non_negative_seconds(value: object) -> float:
    """Raises _BadCell with what is wrong; the caller says whose seconds they are."""
    # bool is an int subclass, but true is never meant as 1 second.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _BadCell(translate("history_csv", "is not a number of seconds"))
    if value < 0:
        raise _BadCell(translate("history_csv", "is negative: an exercise cannot take negative time"))
    return float(value)


def _seconds_or_zero(text: str) -> float:
    if not text.strip():
        return 0.0
    try:
        return _non_negative_seconds(float(text))
    except (ValueError, _BadCell) as error:
        what = error if isinstance(error, _BadCell) else translate("history_csv", "is not a number of seconds")
        raise _BadCell(translate("history_csv", "{value} {problem}").format(value=repr(text), problem=what)) from None


def _exercise_log(text: str) -> tuple[ExerciseRecord, ...]:
    if not text.strip():
        return ()
    try:
        entries = json.loads(text)
    except json.JSONDecodeError as error:
        raise _BadCell(translate("history_csv", "not a JSON list of exercises ({problem} at character {position})").format(
            problem=error.msg, position=error.pos + 1)) from None
    if not isinstance(entries, list):
        raise _BadCell(translate("history_csv", "not a JSON list of exercises"))
    return tuple(_logged_exercise(entry, number) for number, entry in enumerate(entries, start=1))


def _logged_exercise(entry: object, number: int) -> ExerciseRecord:
    # The words are built only for a bad entry: a big file has a hundred thousand good ones.
    if not isinstance(entry, dict):
        raise _BadCell(translate(
            "history_csv", "exercise {number} is not an object with exercise_id, seconds, completed and done_at").format(
                number=number))
    exercise_id = entry.get("exercise_id")
    if not isinstance(exercise_id, str) or not exercise_id.strip():
        raise _BadCell(translate("history_csv", "exercise {number} has no exercise_id").format(number=number))
    try:
        seconds = _non_negative_seconds(entry.get("seconds"))
    except _BadCell as error:
        raise _BadCell(translate("history_csv", "exercise {number}'s seconds {value} {problem}").format(
            number=number, value=repr(entry.get("seconds")), problem=error)) from None
    completed = entry.get("completed")
    if not isinstance(completed, bool):
        raise _BadCell(translate("history_csv", "exercise {number}'s completed {value} is not true or false").format(
            number=number, value=repr(completed)))
    done_at = entry.get("done_at")
    try:
        if done_at is not None and not isinstance(done_at, str):
            raise _BadCell(translate("history_csv", "{value} is not a time such as {example}").format(
                value=repr(done_at), example=_TIME_EXAMPLE))
        moment = _moment(done_at or "")
    except _BadCell as error:
        raise _BadCell(translate("history_csv", "exercise {number}'s done_at: {problem}").format(
            number=number, problem=error)) from None
    return ExerciseRecord(0, 0, exercise_id, seconds, completed, moment)
