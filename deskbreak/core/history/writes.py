"""Writing the history: a break begun, finished, recorded whole; an exercise; an import.

Each write is its own committed transaction and checks what it writes
first (an aware time, a known outcome, no negative seconds). An import
(:meth:`HistoryWrites.import_breaks`) checks all of a file first, then writes
it in short transactions (:class:`ImportPacing`) and skips a break already
here by :func:`~deskbreak.core.history.records.break_identity`.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Iterable

from deskbreak.core.clock import Clock, SystemClock
from deskbreak.core.history.records import (
    OUTCOMES,
    BreakIdentity,
    BreakRecord,
    break_identity,
    loaded_time,
    require_aware,
    stored_time,
)
from deskbreak.core.history.store import HistoryDatabase

# Between an import's transactions, long enough for a writer waiting in
# SQLite's busy handler (it sleeps up to 25 ms between tries in its first
# 100 ms) to notice the lock is free and take it.
_IMPORT_PAUSE_S = 0.03
INTERRUPTED_NOTE = "deskbreak stopped during the break"


@dataclass(frozen=True)
class ImportPacing:
    """How :meth:`HistoryStore.import_breaks` shares the file with a deskbreak recording breaks meanwhile.

    A transaction ends after ``seconds`` or ``rows`` rows written (breaks and
    exercises), whichever comes first, then ``pause`` runs with no lock
    held. A whole file in one transaction held the write lock for 5.4 s:
    the app, which waits 5 s, lost the break it was recording.
    """

    seconds: float = 0.1
    rows: int = 20_000
    pause: Callable[[], None] = field(default=lambda: time.sleep(_IMPORT_PAUSE_S))
    clock: Clock = field(default_factory=SystemClock)


_INSERT_EXERCISE = (
    "INSERT INTO exercises_done (break_id, exercise_id, seconds, completed, done_at) VALUES (?, ?, ?, ?, ?)"
)


def _exercise_row(
    break_id: int, exercise_id: str, seconds: float, completed: bool, done_at: datetime | None
) -> tuple[int, str, float, bool, str | None]:
    _check_seconds(seconds)
    return (break_id, exercise_id, float(seconds), bool(completed), stored_time(done_at, "done_at"))


def _require_a_time(due_at: datetime | None, shown_at: datetime | None) -> None:
    if due_at is None and shown_at is None:
        raise ValueError("a break needs a due time, a shown time or both")


def _check_outcome(outcome: str) -> None:
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown break outcome {outcome!r}; expected one of {', '.join(OUTCOMES)}")


def _check_importable(record: BreakRecord) -> None:
    """Raise ValueError for what :meth:`HistoryStore.import_breaks` could not write, before it writes anything."""
    if record.outcome is None:
        raise ValueError(f"cannot import a break still in progress ({record.kind} at {record.moment})")
    _check_outcome(record.outcome)
    _require_a_time(record.due_at, record.shown_at)
    moments = [("due_at", record.due_at), ("shown_at", record.shown_at), ("ended_at", record.ended_at)]
    moments += (("done_at", done.done_at) for done in record.exercises)
    for name, moment in moments:
        if moment is not None:
            require_aware(moment, name)
    if record.planned_exercises is not None and record.planned_exercises < 0:
        raise ValueError(f"cannot import breaks: {record.planned_exercises} planned exercises")
    for done in record.exercises:
        _check_seconds(done.seconds)


def _check_seconds(seconds: float) -> None:
    if seconds < 0:
        raise ValueError(f"an exercise cannot take negative time ({seconds} s)")


class HistoryWrites(HistoryDatabase):
    """The history's writes; each raises :class:`~deskbreak.core.history.store.HistoryError` when it fails."""

    def start_break(
        self,
        kind: str,
        routine_id: str | None,
        due_at: datetime | None,
        shown_at: datetime | None,
        planned_exercises: int | None = None,
        sore_back: bool = False,
        progression: bool = False,
    ) -> int:
        """Record a break that has begun, with the number of exercises it plans and whether a sore back
        and progression were set; returns its id."""
        with self._transaction("record a break") as connection:
            return self._insert_break(connection, kind, routine_id, due_at, shown_at, planned_exercises, sore_back,
                                      progression)

    def finish_break(self, break_id: int, ended_at: datetime, outcome: str, note: str = "") -> None:
        """Record how a started break ended. A break is finished once only."""
        _check_outcome(outcome)
        with self._transaction("finish a break") as connection:
            self._finish(connection, break_id, ended_at, outcome, note)

    def record_break(
        self,
        kind: str,
        routine_id: str | None,
        due_at: datetime | None,
        shown_at: datetime | None,
        ended_at: datetime,
        outcome: str,
        note: str = "",
    ) -> int:
        """Start and finish a break in one transaction (one missed or skipped before it was shown)."""
        _check_outcome(outcome)
        with self._transaction("record a break") as connection:
            break_id = self._insert_break(connection, kind, routine_id, due_at, shown_at)
            self._finish(connection, break_id, ended_at, outcome, note)
            return break_id

    def record_exercise(
        self, break_id: int, exercise_id: str, seconds: float, completed: bool, done_at: datetime
    ) -> int:
        """Record one exercise of a break; returns the row id."""
        row = _exercise_row(break_id, exercise_id, seconds, completed, done_at)
        with self._transaction(f"record an exercise for break {break_id}") as connection:
            return connection.execute(_INSERT_EXERCISE, row).lastrowid

    def close_interrupted(self, now: datetime, note: str = INTERRUPTED_NOTE) -> int:
        """Mark every break still in progress as missed, ended ``now``; returns how many.

        Only a deskbreak that stopped mid-break (crash, kill -9, power cut)
        leaves one, and no one can finish it afterwards: the app calls this
        at start, once it alone owns the profile, so the break stops showing
        as "in progress" forever.
        """
        with self._transaction("close interrupted breaks") as connection:
            cursor = connection.execute(
                "UPDATE breaks SET ended_at = ?, outcome = 'missed', note = ? WHERE outcome IS NULL",
                (stored_time(now, "now"), note),
            )
            return cursor.rowcount

    def import_breaks(self, records: Iterable[BreakRecord], pacing: ImportPacing = ImportPacing()) -> tuple[int, int]:
        """Add breaks kept elsewhere (another machine's export); returns (added, skipped as duplicates).

        A record is skipped when a break with the same :func:`break_identity`
        is already here or came earlier in ``records``, so importing the same
        file twice, or the exports of two machines that share breaks, keeps
        each break once. The records' ids and their exercises' ids are
        ignored: ids belong to the file that gave them.

        Every record is checked before anything is written: a bad one (no
        outcome, an unknown one, a naive time, negative seconds) raises
        ValueError and nothing is added. Then the records go in a few
        thousand at a time, each lot its own short transaction
        (:class:`ImportPacing`), so a running deskbreak can record its
        breaks meanwhile; breaks it adds between them count as here. An
        import cut short (Ctrl+C, a crash) keeps the lots committed, and
        importing the same file again adds the rest.

        A break still in progress is refused rather than added: nothing here
        could ever finish it, and the next start would close it as missed,
        ended at that moment.
        """
        records = list(records)
        for record in records:
            _check_importable(record)
        # Read outside the write lock: tens of thousands of breaks take a
        # second or two, then every record is a set lookup.
        known, newest_id = self._identities_after(0, "import breaks")
        added = skipped = 0
        position = 0
        while position < len(records):
            with self._transaction("import breaks") as connection:
                # What another writer added since the last read counts as here too.
                arrived, newest_id = self._identities_after(newest_id, "import breaks")
                known |= arrived
                began = pacing.clock.monotonic()
                rows_written = 0
                exercise_rows = []
                while position < len(records):
                    record = records[position]
                    position += 1
                    identity = break_identity(
                        record.kind, record.due_at, record.shown_at, record.ended_at, record.outcome
                    )
                    if identity in known:
                        skipped += 1
                    else:
                        known.add(identity)
                        break_id = newest_id = self._insert_finished_break(connection, record)
                        exercise_rows += (
                            _exercise_row(break_id, done.exercise_id, done.seconds, done.completed, done.done_at)
                            for done in record.exercises
                        )
                        rows_written += 1 + len(record.exercises)
                        added += 1
                    if rows_written >= pacing.rows or pacing.clock.monotonic() - began >= pacing.seconds:
                        break
                # One statement for the lot's exercises rather than one per break.
                connection.executemany(_INSERT_EXERCISE, exercise_rows)
            if position < len(records):
                pacing.pause()
        return added, skipped

    def _identities_after(self, newest_id: int, purpose: str) -> tuple[set[BreakIdentity], int]:
        """The identities of the breaks with an id above ``newest_id``, and the highest id among them."""
        try:
            rows = self._connection.execute(
                "SELECT id, kind, due_at, shown_at, ended_at, outcome FROM breaks WHERE id > ?", (newest_id,)
            ).fetchall()
        except sqlite3.DatabaseError as error:
            raise self._error(purpose, error) from error
        identities = {
            break_identity(kind, loaded_time(due_at), loaded_time(shown_at), loaded_time(ended_at), outcome)
            for _, kind, due_at, shown_at, ended_at, outcome in rows
        }
        return identities, max((row[0] for row in rows), default=newest_id)

    @staticmethod
    def _insert_finished_break(connection: sqlite3.Connection, record: BreakRecord) -> int:
        _require_a_time(record.due_at, record.shown_at)
        return connection.execute(
            "INSERT INTO breaks (kind, routine_id, due_at, shown_at, ended_at, outcome, note, planned_exercises,"
            " sore_back, progression) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.kind, record.routine_id, stored_time(record.due_at, "due_at"), stored_time(record.shown_at, "shown_at"),
                stored_time(record.ended_at, "ended_at"), record.outcome, record.note, record.planned_exercises,
                bool(record.sore_back), bool(record.progression),
            ),
        ).lastrowid

    def _insert_break(
        self,
        connection: sqlite3.Connection,
        kind: str,
        routine_id: str | None,
        due_at: datetime | None,
        shown_at: datetime | None,
        planned_exercises: int | None = None,
        sore_back: bool = False,
        progression: bool = False,
    ) -> int:
        _require_a_time(due_at, shown_at)
        row = (kind, routine_id, stored_time(due_at, "due_at"), stored_time(shown_at, "shown_at"), planned_exercises,
               bool(sore_back), bool(progression))
        cursor = connection.execute(
            "INSERT INTO breaks (kind, routine_id, due_at, shown_at, planned_exercises, sore_back, progression)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            row,
        )
        return cursor.lastrowid

    def _finish(
        self, connection: sqlite3.Connection, break_id: int, ended_at: datetime, outcome: str, note: str
    ) -> None:
        cursor = connection.execute(
            "UPDATE breaks SET ended_at = ?, outcome = ?, note = ? WHERE id = ? AND outcome IS NULL",
            (stored_time(ended_at, "ended_at"), outcome, note, break_id),
        )
        if cursor.rowcount == 1:
            return
        exists = connection.execute("SELECT 1 FROM breaks WHERE id = ?", (break_id,)).fetchone()
        raise ValueError(f"break {break_id} is already finished" if exists else f"there is no break {break_id}")

