"""The history writer: writes off the caller's thread, in order, through a busy file, and all of them on close."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
import weakref
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from deskbreak.core.history import writer as writer_module
from deskbreak.core.history import BreakRecord, ExerciseRecord, HistoryError, HistoryStore
from deskbreak.core.history.csv_io import write_csv
from deskbreak.core.history.writer import HistoryWriter

REPO = Path(__file__).resolve().parents[2]
MORNING = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "history.sqlite3"
    HistoryStore(path).close()  # created as the app creates it at start
    return path


class Failures(list):
    """What the writer reported it could not write: (what, error)."""

    def __call__(self, what: str, error: BaseException) -> None:
        self.append((what, error))


def record_a_break(writer: HistoryWriter, moment: datetime, note: str = "") -> None:
    """As the app does: start, an exercise, finish; the id is the start's future, settled by the time it is read."""
    started = writer.submit("start the break", lambda h: h.start_break("sit", "desk", moment, moment, 1))
    writer.submit("record an exercise", lambda h: h.record_exercise(started.result(), "cat_cow", 30, True, moment))
    writer.submit("finish the break", lambda h: h.finish_break(started.result(), moment, "completed", note))


def finished_breaks(path: Path) -> list[BreakRecord]:
    with HistoryStore.open_readonly(path) as store:
        return [record for record in store.breaks() if record.outcome is not None]


class HeldWriteLock:
    """Another process's transaction, as an import's: the write lock is taken and kept until released."""

    def __init__(self, path: Path) -> None:
        self._connection = sqlite3.connect(path, isolation_level=None)
        self._connection.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self._connection.execute("COMMIT")
        self._connection.close()


def test_writes_run_in_order_off_the_callers_thread_and_ids_pass_between_them(path):
    failures = Failures()
    writer = HistoryWriter.for_file(path, on_failure=failures)
    threads = []
    started = writer.submit("start", lambda h: threads.append(threading.current_thread()) or h.start_break(
        "sit", "desk", MORNING, MORNING, 1))
    writer.submit("exercise", lambda h: h.record_exercise(started.result(), "cat_cow", 30, True, MORNING))
    finished = writer.submit("finish", lambda h: h.finish_break(started.result(), MORNING, "completed", "ok"))

    assert writer.close()
    assert threads != [threading.current_thread()]
    assert finished.done() and failures == []
    (record,) = finished_breaks(path)
    assert (record.id, record.note, [e.exercise_id for e in record.exercises]) == (started.result(), "ok", ["cat_cow"])


def test_a_write_waits_out_a_lock_held_longer_than_its_busy_wait_and_is_not_lost(path):
    """An import's transaction used to outlast the app's 5 s wait: "database is locked", the break lost."""
    failures = Failures()
    writer = HistoryWriter.for_file(path, on_failure=failures)
    lock = HeldWriteLock(path)
    began = time.monotonic()
    record_a_break(writer, MORNING, "through the lock")
    assert time.monotonic() - began < 0.1, "submitting never waits for the file"
    time.sleep(writer_module.BUSY_WAIT_S * 5)  # several of SQLite's busy waits run out meanwhile
    assert not writer.idle and finished_breaks(path) == []
    lock.release()

    assert writer.close()
    assert failures == []
    assert [record.note for record in finished_breaks(path)] == ["through the lock"]


def test_a_failing_write_is_reported_and_the_next_one_goes_on(path):
    failures = Failures()
    writer = HistoryWriter.for_file(path, on_failure=failures)
    bad = writer.submit("finish a break that is not there", lambda h: h.finish_break(42, MORNING, "completed"))
    record_a_break(writer, MORNING, "after the failure")

    assert not writer.close(), "one write was not written"
    assert isinstance(bad.exception(), ValueError)
    assert [(what, str(error)) for what, error in failures] == [
        ("finish a break that is not there", "there is no break 42")]
    assert [record.note for record in finished_breaks(path)] == ["after the failure"]


def test_a_history_that_cannot_be_opened_fails_each_write_with_the_reason(tmp_path):
    failures = Failures()
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    writer = HistoryWriter.for_file(not_a_folder / "history.sqlite3", on_failure=failures)
    first = writer.submit("start the break", lambda h: h.start_break("sit", "desk", MORNING, MORNING))
    writer.close()
    assert isinstance(first.exception(), HistoryError)
    assert [what for what, _ in failures] == ["start the break"]


def test_close_writes_everything_queued(path):
    writer = HistoryWriter.for_file(path)
    for minute in range(50):
        record_a_break(writer, MORNING + timedelta(minutes=minute))
    assert writer.close()
    assert len(finished_breaks(path)) == 50


def test_close_gives_up_on_a_file_that_stays_busy_and_says_what_was_not_written(path):
    failures = Failures()
    writer = HistoryWriter.for_file(path, on_failure=failures)
    lock = HeldWriteLock(path)
    try:
        record_a_break(writer, MORNING)
        assert not writer.close(timeout=0.3)
    finally:
        lock.release()
    assert [what for what, _ in failures] == ["start the break", "record an exercise", "finish the break"]
    assert "locked" in str(failures[0][1])
    assert writer.submit("late", lambda h: None).exception() is not None, "nothing is written after close"


def export_of(path: Path, breaks: int) -> Path:
    records = [
        BreakRecord(0, "sit", "desk", MORNING - timedelta(days=3000, minutes=30 * number), None,
                    MORNING - timedelta(days=3000, minutes=30 * number - 2), "completed", "",
                    (ExerciseRecord(0, 0, "cat_cow", 30.0, True, None),), 1)
        for number in range(breaks)
    ]
    with path.open("w", encoding="utf-8", newline="") as stream:
        write_csv(records, stream)
    return path


def test_breaks_recorded_during_a_large_import_in_another_process_are_all_kept(path, tmp_path):
    """The real command in a process of its own, its transactions against the app's writes: none lost."""
    export = export_of(tmp_path / "export.csv", 30_000)
    failures = Failures()
    writer = HistoryWriter.for_file(path, on_failure=failures)
    importer = subprocess.Popen(
        [sys.executable, "-m", "deskbreak", "--config-dir", str(tmp_path / "config"), "--data-dir",
         str(path.parent), "history", "--import", str(export)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    recorded = 0
    while importer.poll() is None:
        record_a_break(writer, MORNING + timedelta(minutes=recorded), f"break {recorded}")
        recorded += 1
        time.sleep(0.02)
    out, err = importer.communicate()

    assert writer.close()
    assert importer.returncode == 0, err
    assert "Imported 30000 breaks" in out
    assert failures == []
    own = [record for record in finished_breaks(path) if record.moment >= MORNING]
    assert recorded >= 5, "the breaks were recorded while the import ran"
    assert [record.note for record in own] == [f"break {number}" for number in range(recorded)]
    assert all(len(record.exercises) == 1 for record in own)


def test_a_read_cancelled_before_its_turn_is_never_run_and_the_writes_behind_it_go_on(path):
    """The history window queues its read behind the writes and cancels it when closed before its turn."""
    failures = Failures()
    writer = HistoryWriter.for_file(path, on_failure=failures)
    hold = threading.Event()
    writer.submit("a slow write", lambda h: hold.wait(5))
    ran = []
    read = writer.submit("read for a window since closed", lambda h: ran.append("read"))
    assert read.cancel()
    record_a_break(writer, MORNING, "after the cancelled read")
    hold.set()

    assert writer.close()
    assert ran == [] and failures == []
    assert [record.note for record in finished_breaks(path)] == ["after the cancelled read"]
    assert writer.idle


def test_the_writer_lets_go_of_what_it_has_done(path):
    """The writer's thread held its last job, future and result included, until the next write came:
    the history window's read of five years of breaks stayed in memory after its window was gone."""
    writer = HistoryWriter.for_file(path)

    class Result:
        pass

    future = writer.submit("read for a window", lambda _store: Result())
    result = weakref.ref(future.result(timeout=5))
    del future
    deadline = time.monotonic() + 2
    while result() is not None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert result() is None
    assert writer.close()
