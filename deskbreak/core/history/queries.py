"""Reading the history: the breaks since a moment, with their exercises, and counts by outcome."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from typing import Iterable

from deskbreak.core.history.records import OUTCOMES, BreakRecord, ExerciseRecord, loaded_time, stored_time
from deskbreak.core.history.store import HistoryDatabase

# When a break happened, for ordering and the since-filter: shown if it was,
# else when it was due, else when it ended.
_MOMENT = "julianday(COALESCE(shown_at, due_at, ended_at))"


class HistoryQueries(HistoryDatabase):
    """The history's reads; each sees one snapshot of the file."""

    def breaks(self, since: datetime | None = None) -> list[BreakRecord]:
        """Breaks that happened at or after ``since`` (all when None), oldest first, with their exercises."""
        return self._breaks_where(*self._since_condition(since))

    def breaks_with_exercises(self, exercise_ids: Iterable[str], after_id: int = 0) -> list[BreakRecord]:
        """The breaks that recorded any of ``exercise_ids``, oldest first, with all their exercises.

        What the holds that grow need (core/history/progression.py), read on
        the history writer's thread: a few rows of the history, not all of
        it; with ``after_id`` only the breaks written since that one (their
        exercises found through the break_id index).
        """
        ids = tuple(exercise_ids)
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        return self._breaks_where(
            f"id > ? AND id IN (SELECT break_id FROM exercises_done WHERE break_id > ? AND exercise_id IN ({marks}))",
            (after_id, after_id, *ids))

    def _breaks_where(self, condition: str, parameters: tuple[object, ...]) -> list[BreakRecord]:
        try:
            # One read transaction: in WAL mode both queries see the same snapshot.
            self._connection.execute("BEGIN")
            try:
                break_rows = self._connection.execute(
                    "SELECT id, kind, routine_id, due_at, shown_at, ended_at, outcome, note, planned_exercises, sore_back,"
                    f" progression FROM breaks WHERE {condition} ORDER BY {_MOMENT}, id",
                    parameters,
                ).fetchall()
                exercise_rows = self._connection.execute(
                    "SELECT id, break_id, exercise_id, seconds, completed, done_at FROM exercises_done"
                    f" WHERE break_id IN (SELECT id FROM breaks WHERE {condition}) ORDER BY id",
                    parameters,
                ).fetchall()
            finally:
                self._connection.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            raise self._error("read the history", error) from error

        exercises_by_break: dict[int, list[ExerciseRecord]] = {}
        for row_id, break_id, exercise_id, seconds, completed, done_at in exercise_rows:
            exercises_by_break.setdefault(break_id, []).append(
                ExerciseRecord(row_id, break_id, exercise_id, seconds, bool(completed), loaded_time(done_at))
            )
        return [
            BreakRecord(
                id=row_id,
                kind=kind,
                routine_id=routine_id,
                due_at=loaded_time(due_at),
                shown_at=loaded_time(shown_at),
                ended_at=loaded_time(ended_at),
                outcome=outcome,
                note=note or "",
                exercises=tuple(exercises_by_break.get(row_id, ())),
                planned_exercises=planned,
                sore_back=bool(sore_back),
                progression=bool(progression),
            )
            for row_id, kind, routine_id, due_at, shown_at, ended_at, outcome, note, planned, sore_back, progression
            in break_rows
        ]

    def summary(self, since: datetime | None = None) -> dict[str, int]:
        """How many breaks ended with each outcome (every outcome present, zero if none)."""
        condition, parameters = self._since_condition(since)
        try:
            rows = self._connection.execute(
                f"SELECT outcome, COUNT(*) FROM breaks WHERE {condition} AND outcome IS NOT NULL"
                " GROUP BY outcome",
                parameters,
            ).fetchall()
        except sqlite3.DatabaseError as error:
            raise self._error("read the history", error) from error
        counts = dict.fromkeys(OUTCOMES, 0)
        counts.update(rows)
        return counts

    @staticmethod
    def _since_condition(since: datetime | None) -> tuple[str, tuple[str, ...]]:
        if since is None:
            return "1", ()
        at = stored_time(since, "since")
        # The exact test needs julianday() of every row: a scan of the whole history
        # (10 ms for five years, on the GUI thread when the history window opens).
        # Before it, a test on the indexed columns' text, which only ever lets more
        # rows through: a time's wall clock reads at least its UTC date less a day
        # whatever its offset, and its text begins with that date.
        day = (since.astimezone(timezone.utc) - timedelta(days=1)).date().isoformat()
        indexed = "(shown_at >= ? OR due_at >= ? OR (shown_at IS NULL AND due_at IS NULL))"
        return f"{indexed} AND {_MOMENT} >= julianday(?)", (day, day, at)
