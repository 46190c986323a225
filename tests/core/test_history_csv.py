"""History CSV: export and import round trip, today's ten-column files, merges without duplicates, bad files."""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import resource
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deskbreak.core.history import csv_io as history_csv
from deskbreak.core.history import BreakRecord, ExerciseRecord, HistoryStore
from deskbreak.core.history.csv_io import (
    EXPORT_COLUMNS,
    FIRST_EXPORT_COLUMNS,
    HistoryImportError,
    ImportResult,
    export_rows,
    import_csv,
    read_csv,
    write_csv,
)

UTC = timezone.utc
CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))
# Europe's clocks went forward on 2026-03-29: the evening before is CET, the morning after CEST.
BEFORE_DST = datetime(2026, 3, 28, 22, 30, tzinfo=CET)
AFTER_DST = datetime(2026, 3, 29, 9, 0, tzinfo=CEST)

TODAYS_HEADER = "id,kind,routine_id,due_at,shown_at,ended_at,outcome,exercises,exercise_seconds,note"
GOOD_ROW = ("7,sit,desk_reset,2026-11-23T09:00:00+01:00,2026-11-23T09:00:20+01:00,2026-11-23T09:01:20+01:00,"
            "completed,0,0.0,")


@pytest.fixture
def store(tmp_path: Path):
    with HistoryStore(tmp_path / "here" / "history.sqlite3") as opened:
        yield opened


def new_store(tmp_path: Path, name: str) -> HistoryStore:
    return HistoryStore(tmp_path / name / "history.sqlite3")


def export_to(path: Path, records: list[BreakRecord]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        write_csv(records, stream)
    return path


def write_file(path: Path, *lines: str) -> Path:
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


def without_ids(records: list[BreakRecord]) -> list[BreakRecord]:
    """Ids belong to one history; what a break was is everything else."""
    return [
        dataclasses.replace(
            record,
            id=0,
            exercises=tuple(dataclasses.replace(exercise, id=0, break_id=0) for exercise in record.exercises),
        )
        for record in records
    ]


def record_sit_break(store: HistoryStore, shown: datetime, note: str = "", outcome: str = "completed") -> int:
    break_id = store.start_break("sit", "desk_reset", due_at=shown - timedelta(seconds=20), shown_at=shown,
                                 planned_exercises=2)
    store.record_exercise(break_id, "seated_twist", 30.5, True, shown + timedelta(seconds=31))
    store.record_exercise(break_id, "hip_flexor_lunge", 12.25, False, shown + timedelta(seconds=45))
    store.finish_break(break_id, shown + timedelta(minutes=1), outcome, note=note)
    return break_id


def test_a_round_trip_keeps_every_break_with_its_exercises_plan_notes_and_offsets(tmp_path):
    with new_store(tmp_path, "old machine") as old:
        record_sit_break(old, BEFORE_DST, note='stiff, "very" stiff\nleft side, too')
        record_sit_break(old, AFTER_DST, note="")
        old.record_break("prerun", "glute_activation", AFTER_DST + timedelta(hours=8), None,
                         AFTER_DST + timedelta(hours=9), "missed")
        old.record_break("natural", None, None, AFTER_DST + timedelta(hours=2),
                         AFTER_DST + timedelta(hours=2, minutes=40), "natural")
        exported = old.breaks()
    export_to(tmp_path / "history.csv", exported)

    with new_store(tmp_path, "new machine") as new:
        result = import_csv(new, tmp_path / "history.csv")
        imported = new.breaks()

    assert result == ImportResult(added=4, skipped_duplicates=0, bad_rows=[])
    assert without_ids(imported) == without_ids(exported)
    assert imported[0].due_at.utcoffset() == timedelta(hours=1)
    assert imported[1].shown_at.utcoffset() == timedelta(hours=2), "each time keeps the offset it was recorded in"


def test_the_export_keeps_todays_ten_columns_first_and_adds_the_plan_and_the_exercises():
    shown = datetime(2026, 11, 23, 9, 0, 20, tzinfo=CET)
    record = BreakRecord(
        id=3, kind="sit", routine_id="desk_reset", due_at=shown - timedelta(seconds=20), shown_at=shown,
        ended_at=shown + timedelta(minutes=1), outcome="partial", note="ok", planned_exercises=3,
        exercises=(
            ExerciseRecord(1, 3, "seated_twist", 30.04, True, shown),
            ExerciseRecord(2, 3, "cat_cow", 12.0, False, None),
        ),
    )
    stream = io.StringIO()
    write_csv([record], stream)

    (row,) = export_rows([record])
    assert tuple(row) == EXPORT_COLUMNS
    assert tuple(row)[:10] == FIRST_EXPORT_COLUMNS
    assert {key: row[key] for key in FIRST_EXPORT_COLUMNS} == {
        "id": 3, "kind": "sit", "routine_id": "desk_reset", "due_at": "2026-11-23T09:00:00+01:00",
        "shown_at": "2026-11-23T09:00:20+01:00", "ended_at": "2026-11-23T09:01:20+01:00", "outcome": "partial",
        "exercises": 2, "exercise_seconds": 42.0, "note": "ok",
    }
    header, line = stream.getvalue().splitlines()
    assert header == ",".join(EXPORT_COLUMNS)
    assert line.endswith(
        ',3,"[{""exercise_id"":""seated_twist"",""seconds"":30.04,""completed"":true,'
        '""done_at"":""2026-11-23T09:00:20+01:00""},'
        '{""exercise_id"":""cat_cow"",""seconds"":12.0,""completed"":false,""done_at"":null}]",false,false'
    )


def test_a_file_in_todays_ten_column_format_imports_without_inventing_exercises(tmp_path, store):
    path = write_file(
        tmp_path / "today.csv",
        TODAYS_HEADER,
        '1,sit,desk_reset,2026-11-23T09:00:00+01:00,2026-11-23T09:00:20+01:00,2026-11-23T09:01:20+01:00,'
        'completed,2,42.5,"felt good, ""really"""',
        "2,prerun,glute_activation,2026-11-23T17:00:00+01:00,,2026-11-23T18:00:00+01:00,missed,0,0.0,",
        "3,natural,,,2026-11-23T12:00:00+01:00,2026-11-23T12:40:00+01:00,completed,0,0.0,",
        "4,sit,desk_reset,2026-11-23T14:00:00+01:00,2026-11-23T14:00:05+01:00,2026-11-23T14:00:30+01:00,"
        "skipped,1,3.0,",
    )

    assert import_csv(store, path) == ImportResult(added=4, skipped_duplicates=0, bad_rows=[])

    sit, natural, skipped, prerun = store.breaks()
    assert (sit.kind, sit.routine_id, sit.outcome) == ("sit", "desk_reset", "completed")
    assert sit.shown_at == datetime(2026, 11, 23, 9, 0, 20, tzinfo=CET)
    assert sit.exercises == () and sit.planned_exercises is None, "no exercise ids to keep, none are made up"
    assert sit.note == 'felt good, "really" [imported without exercise detail: 2 exercises, 42.5 s]'
    assert skipped.note == "[imported without exercise detail: 1 exercise, 3.0 s]"
    assert (prerun.shown_at, prerun.outcome, prerun.note) == (None, "missed", "")
    assert (natural.routine_id, natural.outcome) == (None, "natural"), "time away gets its own outcome, as in v2"


def test_importing_the_same_file_twice_adds_nothing_the_second_time(tmp_path, store):
    with new_store(tmp_path, "laptop") as laptop:
        record_sit_break(laptop, BEFORE_DST)
        record_sit_break(laptop, AFTER_DST)
        path = export_to(tmp_path / "laptop.csv", laptop.breaks())

    assert import_csv(store, path) == ImportResult(added=2, skipped_duplicates=0, bad_rows=[])
    assert import_csv(store, path) == ImportResult(added=0, skipped_duplicates=2, bad_rows=[])
    assert len(store.breaks()) == 2
    assert sum(len(record.exercises) for record in store.breaks()) == 4


def test_merging_two_machines_keeps_each_shared_break_once(tmp_path, store):
    with new_store(tmp_path, "laptop") as laptop, new_store(tmp_path, "desktop") as desktop:
        for hour in range(3):
            record_sit_break(laptop, AFTER_DST + timedelta(hours=hour), note=f"laptop {hour}")
        # The desktop once imported the laptop's first two breaks, and has its own two.
        desktop.import_breaks(laptop.breaks()[:2])
        for hour in range(2):
            record_sit_break(desktop, AFTER_DST + timedelta(days=1, hours=hour), note=f"desktop {hour}")
        laptop_csv = export_to(tmp_path / "laptop.csv", laptop.breaks())
        desktop_csv = export_to(tmp_path / "desktop.csv", desktop.breaks())

    assert import_csv(store, laptop_csv) == ImportResult(added=3, skipped_duplicates=0, bad_rows=[])
    assert import_csv(store, desktop_csv) == ImportResult(added=2, skipped_duplicates=2, bad_rows=[])
    assert [record.note for record in store.breaks()] == [
        "laptop 0", "laptop 1", "laptop 2", "desktop 0", "desktop 1",
    ]


def test_the_same_break_written_in_another_utc_offset_is_a_duplicate(tmp_path, store):
    here = "sit,desk,2026-11-23T09:00:00+01:00,2026-11-23T09:00:20.500000+01:00,2026-11-23T09:01:20+01:00,completed"
    in_utc = "sit,desk,2026-11-23T08:00:00Z,2026-11-23T08:00:20.500+00:00,2026-11-23T08:01:20+00:00,completed"
    in_tokyo = "sit,desk,2026-11-23T17:00:00+09:00,2026-11-23T17:00:20.5+09:00,2026-11-23T17:01:20+09:00,completed"
    other_outcome = "sit,desk,2026-11-23T09:00:00+01:00,2026-11-23T09:00:20.5+01:00,2026-11-23T09:01:20+01:00,hurt"
    header = "kind,routine_id,due_at,shown_at,ended_at,outcome,exercises,exercise_seconds,note"

    first = write_file(tmp_path / "here.csv", header, f"{here},0,0,")
    second = write_file(tmp_path / "elsewhere.csv", header, f"{in_utc},0,0,", f"{in_tokyo},0,0,",
                        f"{other_outcome},0,0,")

    assert import_csv(store, first).added == 1
    assert import_csv(store, second) == ImportResult(added=1, skipped_duplicates=2, bad_rows=[])
    assert [record.outcome for record in store.breaks()] == ["completed", "hurt"]


BAD_CELLS = [
    # (column, bad value, words the message must contain)
    ("kind", "", "every break has a kind"),
    ("outcome", "done", "'done' is not an outcome"),
    ("kind", "sitt", "'sitt' is not a kind of break"),  # would import and count for nothing (found in review)
    ("outcome", "", "still in progress"),
    ("due_at", "2026-11-23 09:00", "has no UTC offset"),
    ("shown_at", "yesterday", "is not an ISO 8601 time"),
    ("exercises", "2.5", "is not a whole number"),
    ("exercises", "many", "is not a number of exercises"),
    ("exercise_seconds", "-3", "is negative"),
    ("exercise_seconds", "soon", "is not a number of seconds"),
    ("planned_exercises", "-1", "is negative"),
    ("exercise_log", "[{", "not a JSON list of exercises"),
    ("exercise_log", '[{"exercise_id": "cat_cow", "seconds": -1, "completed": true, "done_at": null}]',
     "exercise 1's seconds -1 is negative"),
    ("exercise_log", '[{"exercise_id": "cat_cow", "seconds": 3, "completed": "yes", "done_at": null}]',
     "is not true or false"),
    ("exercise_log", '[{"exercise_id": "cat_cow", "seconds": 3, "completed": true, "done_at": "09:00"}]',
     "exercise 1's done_at"),
]


def good_cells(shown: datetime) -> dict[str, str]:
    return {
        "id": "1", "kind": "sit", "routine_id": "desk", "due_at": shown.isoformat(), "shown_at": shown.isoformat(),
        "ended_at": (shown + timedelta(minutes=1)).isoformat(), "outcome": "completed", "exercises": "0",
        "exercise_seconds": "0.0", "note": "", "planned_exercises": "2", "exercise_log": "[]",
    }


def write_rows(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.parametrize(("column", "value", "words"), BAD_CELLS, ids=[f"{c}={v!r}"[:40] for c, v, _ in BAD_CELLS])
def test_a_bad_cell_is_reported_with_file_line_and_column_and_nothing_is_imported(tmp_path, store, column, value,
                                                                                   words):
    rows = [good_cells(AFTER_DST + timedelta(hours=hour)) for hour in range(3)]
    rows[1][column] = value
    path = write_rows(tmp_path / "export.csv", rows)

    with pytest.raises(HistoryImportError) as raised:
        import_csv(store, path)

    (problem,) = raised.value.problems
    assert problem.startswith(f"{path}, line 3, column {column}: ")
    assert words in problem
    assert "1 of 3 rows cannot be imported, so nothing was imported" in str(raised.value)
    assert store.breaks() == []


def test_a_break_without_a_due_or_a_shown_time_is_a_bad_row(tmp_path):
    cells = good_cells(AFTER_DST) | {"due_at": "", "shown_at": ""}
    (problem,) = read_csv(write_rows(tmp_path / "export.csv", [cells])).problems
    assert problem.startswith(f"{tmp_path / 'export.csv'}, line 2, column due_at: empty, and so is shown_at")


def test_every_bad_column_of_a_row_is_named_in_one_message(tmp_path):
    cells = good_cells(AFTER_DST) | {"outcome": "done", "ended_at": "2026-11-23T09:00"}
    (problem,) = read_csv(write_rows(tmp_path / "export.csv", [cells])).problems
    assert "line 2, column outcome: 'done' is not an outcome" in problem
    assert "; column ended_at: '2026-11-23T09:00' has no UTC offset" in problem


def test_the_error_quotes_the_first_bad_rows_and_counts_the_rest(tmp_path, store):
    rows = [good_cells(AFTER_DST + timedelta(hours=hour)) | {"outcome": "done"} for hour in range(8)]
    with pytest.raises(HistoryImportError) as raised:
        import_csv(store, write_rows(tmp_path / "export.csv", rows))
    message = str(raised.value)
    assert len(raised.value.problems) == 8
    assert "line 6, column outcome" in message and "line 7," not in message
    assert message.endswith("... and 3 more")


def test_skipping_bad_rows_imports_the_good_ones_and_reports_the_bad(tmp_path, store):
    rows = [good_cells(AFTER_DST + timedelta(hours=hour)) for hour in range(4)]
    rows[0]["due_at"] = rows[0]["shown_at"] = "2026-03-29T09:00:00"
    rows[2]["exercise_seconds"] = "-1"
    path = write_rows(tmp_path / "export.csv", rows)

    result = import_csv(store, path, skip_bad_rows=True)

    assert (result.added, result.skipped_duplicates) == (2, 0)
    assert [problem.split(": ")[0] for problem in result.bad_rows] == [
        f"{path}, line 2, column due_at", f"{path}, line 4, column exercise_seconds",
    ]
    assert [record.shown_at for record in store.breaks()] == [
        AFTER_DST + timedelta(hours=1), AFTER_DST + timedelta(hours=3),
    ]


def test_line_numbers_are_the_spreadsheets_even_after_a_note_with_line_breaks(tmp_path):
    rows = [good_cells(AFTER_DST + timedelta(hours=hour)) for hour in range(2)]
    rows[0]["note"] = "first line\nsecond line\nthird line"
    rows[1]["outcome"] = "done"
    (problem,) = read_csv(write_rows(tmp_path / "export.csv", rows)).problems
    assert ", line 3, column outcome" in problem


def test_missing_header_columns_are_one_error_naming_them_even_when_skipping_bad_rows(tmp_path, store):
    path = write_file(tmp_path / "trimmed.csv", "id,kind,due_at,ended_at,note", "1,sit,2026-11-23T09:00:00Z,,")
    with pytest.raises(HistoryImportError) as raised:
        import_csv(store, path, skip_bad_rows=True)
    message = str(raised.value)
    assert message.startswith(f"{path}, line 1: the header lacks the columns routine_id, shown_at, outcome, "
                              "exercises, exercise_seconds")
    assert store.breaks() == []


def test_unknown_columns_are_ignored_and_the_order_of_columns_does_not_matter(tmp_path, store):
    path = write_file(
        tmp_path / "reordered.csv",
        "note,outcome,mood,ended_at,shown_at,due_at,routine_id,kind,exercise_seconds,exercises",
        "hi,completed,great,2026-11-23T09:01:00+01:00,2026-11-23T09:00:00+01:00,,desk,sit,0,0",
    )
    assert import_csv(store, path).added == 1
    (record,) = store.breaks()
    assert (record.kind, record.routine_id, record.note, record.due_at) == ("sit", "desk", "hi", None)


@pytest.mark.parametrize("content", [b"", b"\n\n"], ids=["empty", "blank lines"])
def test_an_empty_file_is_a_clear_error(tmp_path, store, content):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(HistoryImportError, match=r"empty\.csv is empty: a history export starts with the header"):
        import_csv(store, path)


def test_a_file_with_only_the_header_imports_nothing(tmp_path, store):
    path = write_file(tmp_path / "header.csv", TODAYS_HEADER)
    assert import_csv(store, path) == ImportResult(added=0, skipped_duplicates=0, bad_rows=[])


def test_a_file_that_is_not_utf8_is_a_clear_error_naming_it(tmp_path, store):
    path = tmp_path / "latin1.csv"
    path.write_bytes(f"{TODAYS_HEADER}\n{GOOD_ROW}café\n".encode("latin-1"))
    with pytest.raises(HistoryImportError) as raised:
        import_csv(store, path)
    assert str(raised.value).startswith(f"{path} is not UTF-8 text (byte 0xe9 on line 2)")
    assert store.breaks() == []


def test_a_spreadsheets_byte_order_mark_is_not_part_of_the_first_column(tmp_path, store):
    path = tmp_path / "excel.csv"
    path.write_bytes(f"{TODAYS_HEADER}\r\n{GOOD_ROW}\r\n".encode("utf-8-sig"))
    assert import_csv(store, path).added == 1


def test_a_missing_file_is_a_clear_error_naming_it(tmp_path, store):
    with pytest.raises(HistoryImportError, match=r"cannot read .*nowhere\.csv"):
        import_csv(store, tmp_path / "nowhere.csv")


def test_broken_quoting_is_one_error_naming_the_line(tmp_path, store):
    path = write_file(tmp_path / "broken.csv", TODAYS_HEADER, GOOD_ROW, f'{GOOD_ROW}"oops"here')
    with pytest.raises(HistoryImportError, match=r"broken\.csv, line 3: the CSV quoting is broken"):
        import_csv(store, path, skip_bad_rows=True)
    assert store.breaks() == []


def test_a_row_with_more_cells_than_the_header_is_bad_rather_than_shifted(tmp_path):
    path = write_file(tmp_path / "commas.csv", TODAYS_HEADER, f"{GOOD_ROW}tired, but fine")
    (problem,) = read_csv(path).problems
    assert problem == f"{path}, line 2: 11 cells but the header has 10 columns (a comma outside double quotes?)"


# -- hostile files (issue 16, item 17) ------------------------------------------

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")


def import_in_a_process(tmp_path: Path, path: Path) -> subprocess.CompletedProcess:
    """`deskbreak history --import PATH`, as a user runs it, with 1 GB of address space and 30 s at most.

    The limits only keep a bug from taking the machine down with it: a FIFO
    used to hang here and /dev/zero to eat memory until a MemoryError.
    """
    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [sys.executable, "-m", "deskbreak", "--config-dir", str(tmp_path / "config"), "--data-dir",
         str(tmp_path / "data"), "history", "--import", str(path)],
        capture_output=True, text=True, timeout=30, preexec_fn=limit_memory,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )


@posix_only
def test_importing_a_fifo_is_refused_at_once_naming_it(tmp_path):
    fifo = tmp_path / "history.csv"
    os.mkfifo(fifo)
    try:
        result = import_in_a_process(tmp_path, fifo)
    except subprocess.TimeoutExpired:
        pytest.fail("importing a FIFO without a writer hangs")
    assert result.returncode == 1
    # One line: --skip-bad-rows cannot help with a file that is not read at all.
    assert result.stderr == f"deskbreak: {fifo} is not a regular file (a named pipe)\n"


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_importing_a_link_to_an_endless_device_is_refused_without_reading_it(tmp_path, device):
    link = tmp_path / "history.csv"
    link.symlink_to(device)
    result = import_in_a_process(tmp_path, link)
    assert result.returncode == 1
    assert result.stderr == f"deskbreak: {link} is not a regular file (a device)\n"


def test_a_file_over_the_import_limit_is_refused_naming_it(tmp_path, store, monkeypatch):
    monkeypatch.setattr(history_csv, "IMPORT_LIMIT", 1000)
    path = write_rows(tmp_path / "big.csv", [good_cells(AFTER_DST + timedelta(hours=hour)) for hour in range(10)])
    with pytest.raises(HistoryImportError, match=r"big\.csv is larger than"):
        import_csv(store, path)


def test_an_oversized_cell_is_a_bad_row_naming_its_line_and_column(tmp_path, store):
    rows = [good_cells(AFTER_DST + timedelta(hours=hour)) for hour in range(3)]
    rows[1]["note"] = "x" * (10 * 1024 * 1024)
    path = write_rows(tmp_path / "export.csv", rows)

    (problem,) = read_csv(path).problems

    assert problem == f"{path}, line 3, column note: 10485760 characters, more than the 131072 a cell may hold"
    result = import_csv(store, path, skip_bad_rows=True)
    assert (result.added, len(result.bad_rows)) == (2, 1), "the other rows still import"
    assert csv.field_size_limit() == 131072, "the csv module's limit is left as it was"


# -- CSV injection (issue 16, item 19) ------------------------------------------

def test_cells_a_spreadsheet_would_run_as_formulas_are_exported_as_text(tmp_path):
    notes = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\tlook", "\rback", "'quoted", "plain"]
    records = [
        BreakRecord(id=number, kind="sit", routine_id="=HYPERLINK(\"x\")" if number == 0 else "desk",
                    due_at=AFTER_DST + timedelta(hours=number), shown_at=None,
                    ended_at=AFTER_DST + timedelta(hours=number, minutes=1), outcome="completed", note=note)
        for number, note in enumerate(notes)
    ]
    stream = io.StringIO()
    write_csv(records, stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))
    assert [row["note"] for row in rows] == [
        "'=cmd|' /C calc'!A0", "'+1+1", "'-2+3", "'@SUM(A1:A2)", "'\tlook", "'\rback", "''quoted", "plain"]
    assert rows[0]["routine_id"] == "'=HYPERLINK(\"x\")"
    assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for row in rows for cell in row.values())


def test_a_file_of_an_earlier_export_keeps_a_note_that_begins_with_a_quote(tmp_path, store):
    path = write_file(tmp_path / "old.csv", TODAYS_HEADER, f"{GOOD_ROW}'tis fine")
    import_csv(store, path)
    assert [record.note for record in store.breaks()] == ["'tis fine"]


text_cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=st.one_of(text_cells, text_cells.map(lambda text: "'" + text),
                      st.sampled_from("=+-@\t\r'").flatmap(lambda first: text_cells.map(lambda text: first + text))),
       routine_id=st.one_of(text_cells.filter(bool), st.sampled_from("=+-@\t\r'").map(lambda first: first + "x")))
def test_text_cells_survive_an_export_and_an_import_exactly(tmp_path, note, routine_id):
    record = BreakRecord(id=1, kind="sit", routine_id=routine_id, due_at=AFTER_DST, shown_at=None,
                         ended_at=AFTER_DST + timedelta(minutes=1), outcome="completed", note=note)
    path = tmp_path / "round trip.csv"
    export_to(path, [record])
    (imported,) = read_csv(path).rows
    assert (imported.note, imported.routine_id) == (note, routine_id)


def test_an_interrupted_import_says_what_was_kept_and_how_to_finish_it(tmp_path, capsys, monkeypatch):
    from deskbreak.cli import main

    path = write_rows(tmp_path / "export.csv", [good_cells(AFTER_DST)])

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(history_csv, "import_csv", interrupted)
    code = main(["--config-dir", str(tmp_path / "config"), "--data-dir", str(tmp_path / "data"),
                 "history", "--import", str(path)])

    assert code == 130
    assert capsys.readouterr().err == (f"deskbreak: the import was interrupted; the breaks it wrote are kept, "
                                       f"and importing {path} again adds the rest\n")


@pytest.mark.parametrize(("flag", "other"), [("sore_back", "progression"), ("progression", "sore_back")])
def test_a_break_says_in_the_export_whether_it_had_a_sore_back_and_progression_and_an_older_export_imports_as_not(
        tmp_path, store, flag, other):
    with new_store(tmp_path, "old machine") as old:
        flagged = old.start_break("sit", "desk_reset", due_at=None, shown_at=BEFORE_DST, planned_exercises=1,
                                  **{flag: True})
        old.finish_break(flagged, BEFORE_DST + timedelta(minutes=1), "completed")
        record_sit_break(old, AFTER_DST)
        exported = old.breaks()
    assert [row[flag] for row in export_rows(exported)] == [True, False]
    assert [row[other] for row in export_rows(exported)] == [False, False]
    export_to(tmp_path / "history.csv", exported)
    header, first, second = (tmp_path / "history.csv").read_text(encoding="utf-8").splitlines()
    assert header.endswith(",exercise_log,sore_back,progression") and second.endswith(",false,false")
    assert first.endswith(",true,false" if flag == "sore_back" else ",false,true")
    import_csv(store, tmp_path / "history.csv")
    assert [getattr(b, flag) for b in store.breaks()] == [True, False]

    # An export from before the column: every break reads as taken without it (progression: with the articles'
    # holds, so it grows none).
    columns = ",".join(EXPORT_COLUMNS[:EXPORT_COLUMNS.index(flag)])
    older = write_file(tmp_path / "older.csv", columns, GOOD_ROW + ",,[]" + ",true" * (flag == "progression"))
    [record] = read_csv(older).rows
    assert getattr(record, flag) is False


@pytest.mark.parametrize("flag", ["sore_back", "progression"])
@pytest.mark.parametrize(("cell", "value"), [("", False), ("true", True), ("FALSE", False), ("1", True), ("0", False)])
def test_the_flag_cells_read_as_flags(tmp_path, flag, cell, value):
    cells = {"sore_back": "false", "progression": "false", flag: cell}
    path = write_file(tmp_path / "flag.csv", TODAYS_HEADER + ",sore_back,progression",
                      GOOD_ROW + f",{cells['sore_back']},{cells['progression']}")
    [record] = read_csv(path).rows
    assert getattr(record, flag) is value


def test_a_sore_back_cell_that_is_no_flag_is_named(tmp_path):
    path = write_file(tmp_path / "bad.csv", TODAYS_HEADER + ",sore_back", GOOD_ROW + ",sometimes")
    [problem] = read_csv(path).problems
    assert problem == f"{path}, line 2, column sore_back: 'sometimes' is not true or false"
