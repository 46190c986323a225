"""History: records round-trip, time filters, migrations, bad files, privacy, read-only use, and surviving kill -9."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from deskbreak.core.history import store as history_module
from deskbreak.core.clock import FakeClock
from deskbreak.core.kinds import Outcome
from deskbreak.core.history import (
    INTERRUPTED_NOTE,
    OUTCOMES,
    SCHEMA_VERSION,
    BreakRecord,
    ExerciseRecord,
    HistoryCorruptError,
    HistoryError,
    HistoryStore,
    HistoryTooNewError,
    ImportPacing,
    honest_outcome,
    move_aside,
)

REPO = Path(__file__).resolve().parents[2]
UTC = timezone.utc
CEST = timezone(timedelta(hours=2))
CET = timezone(timedelta(hours=1))
MORNING = datetime(2026, 11, 23, 9, 0, tzinfo=CET)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def store(path: Path):
    with HistoryStore(path) as opened:
        yield opened


def user_version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()


def test_breaks_round_trip_with_their_exercises(store):
    shown = MORNING + timedelta(seconds=20)
    sit = store.start_break("sit", "desk_reset", due_at=MORNING, shown_at=shown)
    store.record_exercise(sit, "seated_twist", 30.5, True, shown + timedelta(seconds=31))
    store.record_exercise(sit, "hip_flexor_lunge", 12.0, False, shown + timedelta(seconds=45))
    store.finish_break(sit, shown + timedelta(minutes=1), "completed", note="felt good")
    missed = store.record_break(
        "prerun", "glute_activation", MORNING + timedelta(hours=8), None, MORNING + timedelta(hours=9), "missed"
    )

    first, second = store.breaks()
    assert first == BreakRecord(
        id=sit, kind="sit", routine_id="desk_reset", due_at=MORNING, shown_at=shown,
        ended_at=shown + timedelta(minutes=1), outcome="completed", note="felt good",
        exercises=(
            ExerciseRecord(first.exercises[0].id, sit, "seated_twist", 30.5, True, shown + timedelta(seconds=31)),
            ExerciseRecord(first.exercises[1].id, sit, "hip_flexor_lunge", 12.0, False, shown + timedelta(seconds=45)),
        ),
    )
    assert first.due_at.utcoffset() == timedelta(hours=1), "the recorded offset is kept"
    assert second == BreakRecord(
        id=missed, kind="prerun", routine_id="glute_activation", due_at=MORNING + timedelta(hours=8),
        shown_at=None, ended_at=MORNING + timedelta(hours=9), outcome="missed", note="", exercises=(),
    )
    assert not first.in_progress and second.moment == MORNING + timedelta(hours=8)


def test_a_started_break_is_in_progress_until_finished(store):
    break_id = store.start_break("manual", None, due_at=None, shown_at=MORNING)
    [record] = store.breaks()
    assert record.in_progress and record.outcome is None and record.ended_at is None
    store.finish_break(break_id, MORNING + timedelta(minutes=2), "hurt", note="knee")
    [record] = store.breaks()
    assert (record.outcome, record.note) == ("hurt", "knee")


def test_breaks_sort_by_the_instant_even_across_a_dst_change(store):
    # 02:10+01:00 is 40 minutes after 02:30+02:00, though it sorts first as text.
    later = store.record_break("sit", None, None, datetime(2026, 10, 25, 2, 10, tzinfo=CET),
                               datetime(2026, 10, 25, 2, 11, tzinfo=CET), "completed")
    earlier = store.record_break("sit", None, None, datetime(2026, 10, 25, 2, 30, tzinfo=CEST),
                                 datetime(2026, 10, 25, 2, 31, tzinfo=CEST), "skipped")
    assert [r.id for r in store.breaks()] == [earlier, later]
    since = datetime(2026, 10, 25, 0, 45, tzinfo=UTC)
    assert [r.id for r in store.breaks(since=since)] == [later]


def test_since_filter_uses_shown_else_due_else_ended_and_includes_the_boundary(store):
    before = store.record_break("sit", None, MORNING - timedelta(minutes=1), None, MORNING, "missed")
    at_boundary = store.record_break("sit", None, MORNING, None, MORNING + timedelta(minutes=5), "skipped")
    # Due before the boundary but shown after it: counts from when it was shown.
    shown_after = store.record_break(
        "sit", None, MORNING - timedelta(hours=1), MORNING + timedelta(minutes=1),
        MORNING + timedelta(minutes=3), "completed",
    )
    store.record_exercise(before, "neck_roll", 10, True, MORNING)
    store.record_exercise(shown_after, "calf_raise", 20, True, MORNING + timedelta(minutes=2))

    recent = store.breaks(since=MORNING)
    assert [r.id for r in recent] == [at_boundary, shown_after]
    assert [e.exercise_id for r in recent for e in r.exercises] == ["calf_raise"]
    assert [r.id for r in store.breaks()] == [before, at_boundary, shown_after]


def test_summary_counts_every_outcome(store):
    for outcome in ("completed", "completed", "skipped", "hurt"):
        store.record_break("sit", None, MORNING, None, MORNING, outcome)
    store.record_break("sit", None, MORNING - timedelta(days=1), None, MORNING, "missed")
    store.start_break("sit", None, MORNING, None)  # in progress: no outcome yet
    nothing = dict.fromkeys(OUTCOMES, 0)
    assert store.summary() == {**nothing, "completed": 2, "skipped": 1, "missed": 1, "hurt": 1}
    assert store.summary(since=MORNING) == {**nothing, "completed": 2, "skipped": 1, "hurt": 1}
    assert tuple(store.summary()) == OUTCOMES


def test_unknown_outcome_is_rejected_and_nothing_is_written(store):
    break_id = store.start_break("sit", None, MORNING, MORNING)
    with pytest.raises(ValueError, match="unknown break outcome 'done'; expected one of completed, partial, skipped"):
        store.finish_break(break_id, MORNING, "done")
    with pytest.raises(ValueError, match="unknown break outcome"):
        store.record_break("sit", None, MORNING, None, MORNING, "done")
    [record] = store.breaks()
    assert record.in_progress


def test_the_schema_itself_rejects_an_unknown_outcome(path, store):
    connection = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            connection.execute("INSERT INTO breaks (kind, outcome) VALUES ('sit', 'done')")
    finally:
        connection.close()


@pytest.mark.parametrize(
    "write, message",
    [
        (lambda s, b: s.finish_break(b, MORNING, "completed"), "is already finished"),
        (lambda s, b: s.finish_break(b + 1, MORNING, "completed"), "there is no break"),
        (lambda s, b: s.record_exercise(b + 1, "x", 1.0, True, MORNING), "FOREIGN KEY"),
        (lambda s, b: s.record_exercise(b, "x", -1.0, True, MORNING), "negative time"),
        (lambda s, b: s.record_exercise(b, "x", 1.0, True, datetime(2026, 1, 1)), "timezone-aware"),
        (lambda s, b: s.start_break("sit", None, None, None), "needs a due time"),
    ],
)
def test_mistaken_writes_are_refused(store, write, message):
    break_id = store.record_break("sit", None, MORNING, None, MORNING, "completed")
    with pytest.raises(ValueError, match=message):
        write(store, break_id)
    [record] = store.breaks()
    assert record.exercises == () and record.outcome == "completed"


def test_two_stores_on_one_file_see_each_others_writes(path):
    with HistoryStore(path) as app, HistoryStore(path) as command_line:
        app.record_break("sit", None, MORNING, None, MORNING, "completed")
        command_line.record_break("sit", None, MORNING, None, MORNING, "skipped")
        assert len(app.breaks()) == len(command_line.breaks()) == 2


def test_wal_mode_is_on_and_parent_folders_are_created(path, store):
    assert path.parent.is_dir()
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()


# -- migrations and bad files ------------------------------------------------------


def test_an_empty_file_is_migrated_to_the_current_version(path):
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    assert user_version(path) == 0
    with HistoryStore(path) as store:
        store.record_break("sit", None, MORNING, None, MORNING, "completed")
    assert user_version(path) == SCHEMA_VERSION == len(history_module.MIGRATIONS)


def test_each_migration_is_its_own_transaction(path, monkeypatch):
    def broken_v2(connection):
        connection.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("migration 2 failed")

    monkeypatch.setattr(history_module, "MIGRATIONS", (*history_module.MIGRATIONS, broken_v2))
    monkeypatch.setattr(history_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError, match="migration 2 failed"):
        HistoryStore(path)
    assert user_version(path) == SCHEMA_VERSION
    connection = sqlite3.connect(path)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        connection.close()
    assert "breaks" in tables and "half_done" not in tables


def test_a_file_from_a_newer_deskbreak_is_refused_and_left_alone(path):
    HistoryStore(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(HistoryTooNewError) as caught:
        HistoryStore(path)
    assert isinstance(caught.value, HistoryError)
    assert str(path) in str(caught.value) and "newer deskbreak" in str(caught.value)
    assert user_version(path) == SCHEMA_VERSION + 1


def test_a_garbage_file_is_refused_and_can_be_moved_aside(path):
    path.parent.mkdir(parents=True)
    garbage = b"this is not a database, " * 100
    path.write_bytes(garbage)
    with pytest.raises(HistoryCorruptError) as caught:
        HistoryStore(path)
    assert isinstance(caught.value, HistoryError)
    assert str(caught.value).startswith(f"{path} is not a usable history database")
    # What a crashed deskbreak may leave beside a damaged file.
    wal = Path(f"{path}-wal")
    wal.write_bytes(b"stale wal")

    now = datetime(2026, 11, 23, 9, 5, 7)
    moved = move_aside(path, now)
    assert moved == path.with_name("history.sqlite3.bad-20261123-090507")
    assert moved.read_bytes() == garbage
    assert Path(f"{moved}-wal").read_bytes() == b"stale wal"
    assert not path.exists() and not wal.exists()

    path.write_bytes(b"more garbage " * 100)
    assert move_aside(path, now) == path.with_name("history.sqlite3.bad-20261123-090507-2")
    assert moved.read_bytes() == garbage

    with HistoryStore(path) as fresh:
        assert fresh.breaks() == []


def test_a_folder_in_place_of_the_file_is_an_error_but_not_corruption(path):
    path.mkdir(parents=True)
    with pytest.raises(HistoryError) as caught:
        HistoryStore(path)
    assert not isinstance(caught.value, HistoryCorruptError), "a folder must not be moved aside as corrupt"
    assert str(path) in str(caught.value)


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), os.stat(path).st_mtime_ns


def companions(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


def rollback_mode_file(path: Path, version: int, rows: int = 0) -> None:
    """A history file as another deskbreak would leave it, in rollback-journal mode (no WAL yet)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for migration in history_module.MIGRATIONS[:version]:
            migration(connection)
        for n in range(rows):
            connection.execute("INSERT INTO breaks (kind, due_at, outcome) VALUES ('sit', ?, 'completed')",
                               (MORNING.isoformat(),))
        connection.execute(f"PRAGMA user_version = {version}")
    finally:
        connection.close()


def test_a_newer_file_is_refused_before_anything_is_written_to_it(path):
    rollback_mode_file(path, SCHEMA_VERSION + 1, rows=2)
    before = snapshot(path)
    os.utime(path, ns=(before[1] - 10**9, before[1] - 10**9))  # so a rewrite in the same tick shows
    before = snapshot(path)
    with pytest.raises(HistoryTooNewError, match="newer deskbreak"):
        HistoryStore(path)
    assert snapshot(path) == before, "not even the WAL switch may touch a newer file"
    assert companions(path) == []
    with pytest.raises(HistoryTooNewError):
        HistoryStore.open_readonly(path)
    assert snapshot(path) == before and companions(path) == []


# -- privacy --------------------------------------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="Unix modes")
@pytest.mark.parametrize("umask", [0o022, 0o000], ids=["umask 022", "umask 000"])
def test_the_folder_is_0700_and_every_history_file_0600_whatever_the_umask(path, umask):
    previous = os.umask(umask)
    try:
        with HistoryStore(path) as store:
            store.record_break("sit", None, MORNING, None, MORNING, "completed")
            files = {p.name: mode(p) for p in path.parent.iterdir()}
    finally:
        os.umask(previous)
    assert mode(path.parent) == 0o700
    assert {"history.sqlite3", "history.sqlite3-wal", "history.sqlite3-shm"} <= set(files)
    assert files == dict.fromkeys(files, 0o600)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="Unix modes")
def test_files_an_older_deskbreak_left_readable_to_all_become_private(path):
    with HistoryStore(path):
        pass
    path.parent.chmod(0o755)
    path.chmod(0o644)
    wal = Path(f"{path}-wal")
    wal.write_bytes(b"")
    wal.chmod(0o644)
    with HistoryStore(path):
        assert mode(path.parent) == 0o700
        assert mode(path) == 0o600
        assert all(mode(p) == 0o600 for p in path.parent.iterdir())


# -- reading only -------------------------------------------------------------------


def test_reading_only_switches_nothing_and_migrates_nothing(path):
    rollback_mode_file(path, SCHEMA_VERSION, rows=3)
    before = snapshot(path)
    with HistoryStore.open_readonly(path) as store:
        assert store.read_only
        assert len(store.breaks()) == 3
        assert store.summary()["completed"] == 3
    assert snapshot(path) == before and companions(path) == []


def test_writing_through_a_read_only_store_fails_clearly(path):
    rollback_mode_file(path, SCHEMA_VERSION)
    with HistoryStore.open_readonly(path) as store:
        with pytest.raises(HistoryError, match="readonly"):
            store.record_break("sit", None, MORNING, None, MORNING, "completed")


def test_an_older_file_is_read_through_an_upgraded_copy_and_left_as_it_was(path, monkeypatch):
    rollback_mode_file(path, SCHEMA_VERSION, rows=1)
    before = snapshot(path)

    def v2_adds_a_mood(connection):
        connection.execute("ALTER TABLE breaks ADD COLUMN mood TEXT")

    monkeypatch.setattr(history_module, "MIGRATIONS", (*history_module.MIGRATIONS, v2_adds_a_mood))
    monkeypatch.setattr(history_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with HistoryStore.open_readonly(path) as store:
        [record] = store.breaks()
        assert record.outcome == "completed"
        with pytest.raises(HistoryError, match="readonly"):
            store.record_break("sit", None, MORNING, None, MORNING, "completed")
    assert snapshot(path) == before
    assert user_version(path) == SCHEMA_VERSION


def test_an_empty_file_reads_as_no_history(path):
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    with HistoryStore.open_readonly(path) as store:
        assert store.breaks() == []
    assert path.read_bytes() == b""


def test_reading_a_missing_or_garbage_file_is_a_clear_error(path):
    with pytest.raises(HistoryError, match=str(path)):
        HistoryStore.open_readonly(path)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database, " * 100)
    with pytest.raises(HistoryCorruptError):
        HistoryStore.open_readonly(path)


_READER = """
import json, sys
from deskbreak.core.history import HistoryStore
with HistoryStore.open_readonly(sys.argv[1]) as store:
    print(json.dumps([record.note for record in store.breaks()]))
"""


def run_without_write_access_override(arguments: list[str]) -> subprocess.CompletedProcess:
    """Run Python with ``arguments`` as a user the folder permissions apply to.

    root passes every permission check, so as root the child keeps its uid
    but loses the capabilities that bypass them (util-linux ``setpriv``).
    """
    command = [sys.executable, *arguments]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("as root this needs setpriv to drop the permission-override capabilities")
        command = [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--", *command]
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=60)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="Unix folder permissions")
@pytest.mark.parametrize("running_app", [False, True], ids=["app stopped", "app running"])
def test_history_can_be_read_in_a_read_only_folder(path, running_app):
    app = HistoryStore(path)
    app.record_break("sit", None, MORNING, None, MORNING, "completed", note="first")
    if not running_app:
        app.close()  # the last close folds the WAL in and removes -wal and -shm
    path.parent.chmod(0o500)
    try:
        before = companions(path)
        done = run_without_write_access_override(["-c", _READER, str(path)])
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == ["first"]
        assert companions(path) == before
    finally:
        path.parent.chmod(0o700)
        if running_app:
            app.close()


# -- breaks a crash left open ---------------------------------------------------------


def test_breaks_left_in_progress_by_a_crash_are_closed_as_missed(store):
    done = store.record_break("sit", None, MORNING, None, MORNING, "completed", note="fine")
    crashed = store.start_break("sit", "desk_reset", due_at=MORNING, shown_at=MORNING + timedelta(seconds=5))
    also_crashed = store.start_break("prerun", None, due_at=MORNING + timedelta(hours=1), shown_at=None)
    restart = MORNING + timedelta(hours=3)

    assert store.close_interrupted(restart) == 2
    records = {r.id: r for r in store.breaks()}
    assert (records[done].outcome, records[done].note) == ("completed", "fine")
    for break_id in (crashed, also_crashed):
        assert (records[break_id].outcome, records[break_id].ended_at, records[break_id].note) == (
            "missed", restart, INTERRUPTED_NOTE)
    assert store.close_interrupted(restart + timedelta(hours=1)) == 0
    assert store.close_interrupted(restart, note="power cut") == 0


# -- breaks from elsewhere ----------------------------------------------------------


def imported(kind, shown, outcome="completed", exercises=(), note="", planned=None) -> BreakRecord:
    """A break as another history holds it; its ids mean nothing here."""
    return BreakRecord(id=99, kind=kind, routine_id="desk_reset", due_at=shown, shown_at=shown,
                       ended_at=shown + timedelta(minutes=1), outcome=outcome, note=note,
                       exercises=exercises, planned_exercises=planned)


def test_imported_breaks_get_ids_of_their_own_and_keep_their_exercises(store):
    here = store.record_break("sit", None, MORNING, MORNING, MORNING, "completed")
    twist = ExerciseRecord(7, 99, "seated_twist", 30.5, True, MORNING + timedelta(seconds=30))

    assert store.import_breaks([imported("sit", MORNING + timedelta(hours=1), "partial", (twist,), "ok", 3)]) == (1, 0)

    _, arrived = store.breaks()
    assert arrived.id != here
    assert (arrived.outcome, arrived.note, arrived.planned_exercises) == ("partial", "ok", 3)
    (exercise,) = arrived.exercises
    assert (exercise.break_id, exercise.exercise_id, exercise.seconds, exercise.done_at) == (
        arrived.id, "seated_twist", 30.5, MORNING + timedelta(seconds=30))


def test_a_break_already_here_or_earlier_in_the_batch_is_skipped_whatever_its_offset(store):
    store.record_break("sit", "desk_reset", MORNING, MORNING, MORNING + timedelta(minutes=1), "completed")
    same_in_utc = imported("sit", MORNING.astimezone(UTC))
    later = imported("sit", MORNING + timedelta(hours=1))
    same_moments_other_outcome = imported("sit", MORNING, outcome="hurt")
    same_moments_other_kind = imported("prerun", MORNING)

    assert store.import_breaks(
        [same_in_utc, later, later, same_moments_other_outcome, same_moments_other_kind]
    ) == (3, 2)
    assert store.import_breaks([later]) == (0, 1)
    assert len(store.breaks()) == 4


def test_a_sub_millisecond_difference_is_the_same_break_as_stored(store):
    store.import_breaks([imported("sit", MORNING + timedelta(microseconds=1500))])
    assert store.import_breaks([imported("sit", MORNING + timedelta(microseconds=1900))]) == (0, 1)


@pytest.mark.parametrize(("bad", "message"), [
    (imported("sit", MORNING, outcome=None), "still in progress"),
    (imported("sit", MORNING, outcome="done"), "unknown break outcome"),
    (dataclasses.replace(imported("sit", MORNING), due_at=datetime(2026, 11, 23, 9), shown_at=None), "timezone-aware"),
    (imported("sit", MORNING, exercises=(ExerciseRecord(0, 0, "cat_cow", -1.0, True, None),)), "negative time"),
    (imported("sit", MORNING, planned=-1), "cannot import breaks"),
], ids=["in progress", "unknown outcome", "naive time", "negative seconds", "negative plan"])
def test_one_bad_imported_break_imports_nothing(store, bad, message):
    good = imported("sit", MORNING - timedelta(hours=1), exercises=(ExerciseRecord(0, 0, "cat_cow", 1.0, True, None),))
    with pytest.raises(ValueError, match=message):
        store.import_breaks([good, bad])
    assert store.breaks() == []
    assert store._connection.execute("SELECT COUNT(*) FROM exercises_done").fetchone()[0] == 0


def test_an_import_commits_in_short_transactions_and_lets_another_writer_in_between(path, store):
    """A whole file in one transaction held the write lock for seconds: the app lost a break (issue 16, item 18)."""
    records = [imported("sit", MORNING + timedelta(hours=hour), exercises=(ExerciseRecord(0, 0, "cat_cow", 1.0, True,
                                                                                         None),)) for hour in range(50)]
    written_between = []

    def the_app_records_a_break() -> None:
        # No busy wait at all: this only works if the import holds no lock now.
        with HistoryStore(path, busy_timeout=0) as app:
            moment = MORNING - timedelta(days=1, hours=len(written_between))
            written_between.append(app.record_break("sit", "desk_reset", moment, moment, moment, "completed"))

    added = store.import_breaks(records, ImportPacing(rows=20, pause=the_app_records_a_break))

    assert added == (50, 0)
    assert len(written_between) == 4, "a pause after each transaction of at most 20 rows (10 breaks, 10 exercises)"
    assert len(store.breaks()) == 54


def test_a_transaction_of_an_import_ends_when_its_time_is_up(store, monkeypatch):
    clock = FakeClock()
    pauses = []

    def pause() -> None:
        pauses.append(clock.monotonic())

    records = [imported("sit", MORNING + timedelta(hours=hour)) for hour in range(6)]
    slow = ImportPacing(seconds=0.25, rows=1000, pause=pause, clock=clock)
    original_insert = HistoryStore._insert_finished_break

    def insert_taking_a_tenth_of_a_second(connection, record):
        clock.advance(0.1)
        return original_insert(connection, record)

    monkeypatch.setattr(HistoryStore, "_insert_finished_break", staticmethod(insert_taking_a_tenth_of_a_second))
    assert store.import_breaks(records, slow) == (6, 0)
    assert len(pauses) == 1, "three breaks of 0.1 s reach 0.25 s: a pause, then the last three"


def test_a_break_another_writer_adds_during_an_import_is_not_imported_twice(path, store):
    records = [imported("sit", MORNING + timedelta(hours=hour)) for hour in range(4)]

    def the_same_break_arrives_meanwhile() -> None:
        with HistoryStore(path) as other:
            if len(other.breaks()) == 2:
                other.import_breaks([records[3]])

    assert store.import_breaks(records, ImportPacing(rows=2, pause=the_same_break_arrives_meanwhile)) == (3, 1)
    assert len(store.breaks()) == 4


def test_a_bad_break_in_a_later_transaction_still_imports_nothing(store):
    records = [imported("sit", MORNING + timedelta(hours=hour)) for hour in range(10)]
    records.append(imported("sit", MORNING, outcome="done"))
    with pytest.raises(ValueError, match="unknown break outcome"):
        store.import_breaks(records, ImportPacing(rows=2, pause=lambda: None))
    assert store.breaks() == []


def test_an_import_cut_short_keeps_what_it_committed_and_importing_again_adds_the_rest(store):
    records = [imported("sit", MORNING + timedelta(hours=hour)) for hour in range(6)]

    def ctrl_c() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.import_breaks(records, ImportPacing(rows=2, pause=ctrl_c))
    assert len(store.breaks()) == 2
    assert store.import_breaks(records) == (4, 2)
    assert len(store.breaks()) == 6


def test_importing_through_a_read_only_store_fails_clearly(path):
    HistoryStore(path).close()
    with HistoryStore.open_readonly(path) as reader, pytest.raises(HistoryError, match=str(path)):
        reader.import_breaks([imported("sit", MORNING)])


# -- kill -9 ------------------------------------------------------------------------

COMMITS_BEFORE_KILL = 200


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX kill -9")
def test_every_reported_commit_survives_kill_9(path):
    writer = Path(__file__).with_name("history_writer.py")
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    with subprocess.Popen(
        [sys.executable, str(writer), str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment,
    ) as process:
        # A hung writer must fail the test, not hang it.
        watchdog = threading.Timer(20, process.kill)
        watchdog.start()
        try:
            reported = 0
            while reported < COMMITS_BEFORE_KILL:
                line = process.stdout.readline()
                assert line, f"writer stopped early: {process.stderr.read()}"
                reported = int(line)
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
        finally:
            watchdog.cancel()
    assert process.returncode == -signal.SIGKILL

    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()
    with HistoryStore(path) as store:
        records = store.breaks()
    assert len(records) >= reported
    finished = [r for r in records if not r.in_progress]
    assert [r.note for r in finished[:reported]] == [f"row {n}" for n in range(1, reported + 1)]
    assert all(len(r.exercises) == 1 for r in finished[:reported])


def test_a_version_1_file_keeps_its_rows_and_exercises_and_time_away_gets_its_own_outcome(path):
    rollback_mode_file(path, 1)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("INSERT INTO breaks (id, kind, shown_at, ended_at, outcome, note) VALUES"
                       " (1, 'sit', ?, ?, 'completed', ''), (2, 'natural', ?, ?, 'completed', 'away')",
                       (MORNING.isoformat(), MORNING.isoformat()) * 2)
    connection.execute("INSERT INTO exercises_done (break_id, exercise_id, seconds, completed)"
                       " VALUES (1, 'cat-cow', 30, 1)")
    connection.close()
    with HistoryStore(path) as store:
        sit, away = store.breaks()
        assert (sit.outcome, away.outcome) == ("completed", "natural")
        assert [e.exercise_id for e in sit.exercises] == ["cat-cow"]
        assert sit.planned_exercises is None and sit.exercises_planned == 1
        partial = store.start_break("sit", None, MORNING, MORNING, planned_exercises=4)
        store.finish_break(partial, MORNING, "partial")
        # Foreign keys are back on after the rebuild: deleting a break takes its exercises along.
        store._connection.execute("DELETE FROM breaks WHERE id = 1")
        assert store._connection.execute("SELECT COUNT(*) FROM exercises_done").fetchone()[0] == 0
    assert user_version(path) == SCHEMA_VERSION


@pytest.mark.parametrize(("ended_as", "planned", "done", "recorded"), [
    (Outcome.COMPLETED, 4, 4, Outcome.COMPLETED),
    (Outcome.COMPLETED, 4, 0, Outcome.SKIPPED),  # Next through every exercise
    (Outcome.COMPLETED, 4, 3, Outcome.PARTIAL),
    (Outcome.SKIPPED, 3, 1, Outcome.PARTIAL),  # ended after the first
    (Outcome.SKIPPED, 3, 0, Outcome.SKIPPED),
    (Outcome.MISSED, 3, 2, Outcome.PARTIAL),  # quit after two
    (Outcome.MISSED, 3, 0, Outcome.MISSED),
    (Outcome.HURT, 3, 1, Outcome.HURT),
    (Outcome.POSTPONED, 3, 1, Outcome.POSTPONED),
])
def test_the_recorded_outcome_is_what_happened(ended_as, planned, done, recorded):
    assert honest_outcome(ended_as, planned, done) == recorded


def test_an_exercise_left_without_its_break_by_version_1_does_not_stop_the_upgrade(path):
    # Found in review: version 1 did not enforce the link, and the check after the rebuild raised.
    rollback_mode_file(path, 1)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("INSERT INTO breaks (id, kind, shown_at, outcome) VALUES (1, 'sit', ?, 'completed')",
                       (MORNING.isoformat(),))
    connection.execute("INSERT INTO exercises_done (break_id, exercise_id, seconds, completed)"
                       " VALUES (1, 'cat-cow', 30, 1), (7, 'orphan', 10, 1)")
    connection.close()
    with HistoryStore.open_readonly(path) as store:
        [record] = store.breaks()
        assert [e.exercise_id for e in record.exercises] == ["cat-cow"]
    with HistoryStore(path) as store:
        [record] = store.breaks()
        assert [e.exercise_id for e in record.exercises] == ["cat-cow"]


def test_a_read_since_a_moment_finds_its_breaks_through_the_indexes(store):
    """The history window reads this week's breaks on the GUI thread before it paints: with five years of
    history, a scan of every break (julianday of each row's moment) cost 10 ms there, and grew with the years."""
    for day in range(60):
        moment = MORNING - timedelta(days=day)
        store.record_break("sit", None, moment, moment, moment + timedelta(minutes=2), "completed")
    statements = []
    store._connection.set_trace_callback(statements.append)
    store.breaks(since=MORNING - timedelta(days=7))
    store.summary(since=MORNING - timedelta(days=7))
    store._connection.set_trace_callback(None)
    selects = [statement for statement in statements if statement.lstrip().startswith("SELECT")]
    assert len(selects) == 3
    for statement in selects:
        plan = " / ".join(row[3] for row in store._connection.execute(f"EXPLAIN QUERY PLAN {statement}"))
        assert "SCAN breaks" not in plan, plan


@pytest.mark.parametrize("offset_hours", [-12, -5, 0, 5.5, 14])
def test_the_since_filter_is_exact_whatever_offset_a_break_was_recorded_in(store, offset_hours):
    zone = timezone(timedelta(hours=offset_hours))
    since = datetime(2026, 3, 2, 0, 0, tzinfo=timezone(timedelta(hours=14)))
    for minutes in (-24 * 60 - 1, -13 * 60, -11 * 60, -1, 0, 1, 11 * 60, 13 * 60, 26 * 60):
        moment = (since + timedelta(minutes=minutes)).astimezone(zone)
        store.record_break("sit", None, moment, moment, moment, "completed")  # shown
        store.record_break("sit", None, moment, None, moment, "missed")  # due only
        # Ended only: refused today, but a row an older version or a hand edit may have left.
        store._connection.execute("INSERT INTO breaks (kind, ended_at, outcome, note) VALUES ('sit', ?, 'missed', '')",
                                  (moment.isoformat(timespec="milliseconds"),))
    expected = [record.id for record in store.breaks() if record.moment >= since]
    assert [record.id for record in store.breaks(since=since)] == expected
    assert len(expected) == 3 * 5
    assert sum(store.summary(since=since).values()) == len(expected)


def test_a_break_records_whether_a_sore_back_and_progression_were_set_and_a_version_2_file_reads_as_neither(path):
    rollback_mode_file(path, 2, rows=1)
    with HistoryStore(path) as store:
        [old] = store.breaks()
        assert old.sore_back is False, "a break recorded before the column cannot say: not set"
        assert old.progression is False, "nor was it played with grown holds: it must not grow them now"
        sore = store.start_break("sit", None, MORNING, MORNING, planned_exercises=2, sore_back=True)
        store.finish_break(sore, MORNING + timedelta(minutes=2), "completed")
        growing = store.start_break("sit", None, MORNING + timedelta(hours=1), MORNING + timedelta(hours=1),
                                    planned_exercises=2, progression=True)
        store.finish_break(growing, MORNING + timedelta(hours=1, minutes=2), "completed")
        imported = [dataclasses.replace(b, id=0, due_at=b.due_at + timedelta(days=1), shown_at=b.shown_at + timedelta(
            days=1)) for b in store.breaks()[-2:]]
        assert store.import_breaks(imported) == (2, 0)
        assert [b.sore_back for b in store.breaks()] == [False, True, False, True, False]
        assert [b.progression for b in store.breaks()] == [False, False, True, False, True]
        for column in ("sore_back", "progression"):
            with pytest.raises(ValueError):  # the schema itself keeps it a flag
                with store._transaction("test") as connection:
                    connection.execute(f"UPDATE breaks SET {column} = 2 WHERE id = ?", (sore,))
    assert user_version(path) == SCHEMA_VERSION
