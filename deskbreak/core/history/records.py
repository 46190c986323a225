"""The records of the history: a break and its exercises, as stored and as read back.

Also what the history's rows mean whichever file holds them: how a time is
stored (ISO 8601 text with the offset it was recorded in), what makes two
records the same break (:func:`break_identity`) and what a shown break's
outcome honestly was (:func:`honest_outcome`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from deskbreak.core.kinds import OUTCOME_NAMES, Outcome

# The column does not enforce the kinds (kinds.BREAK_KIND_NAMES), so a future
# kind can be added without a migration; outcomes are enforced.
OUTCOMES = OUTCOME_NAMES


@dataclass(frozen=True, slots=True)
class ExerciseRecord:
    id: int
    break_id: int
    exercise_id: str
    seconds: float
    completed: bool
    done_at: datetime | None


@dataclass(frozen=True, slots=True)
class BreakRecord:
    id: int
    kind: str
    routine_id: str | None
    due_at: datetime | None
    shown_at: datetime | None
    ended_at: datetime | None
    outcome: str | None
    note: str
    exercises: tuple[ExerciseRecord, ...] = ()
    planned_exercises: int | None = None
    """How many exercises the routine had when it began; None for time away and older records."""
    sore_back: bool = False
    """Whether the ``sore_back`` setting was on when it began (False for records older than history version 3)."""
    progression: bool = False
    """Whether the ``progression`` setting was on when it began, so the break played the grown holds (False for
    records older than history version 3: their load was the articles', and must not grow a hold now)."""

    @property
    def in_progress(self) -> bool:
        return self.outcome is None

    @property
    def moment(self) -> datetime | None:
        """When the break happened: shown, else due, else ended."""
        return self.shown_at or self.due_at or self.ended_at

    @property
    def exercises_done(self) -> int:
        return sum(1 for exercise in self.exercises if exercise.completed)

    @property
    def exercises_planned(self) -> int:
        """Out of how many exercises ``exercises_done`` counts: the plan, else those recorded."""
        return len(self.exercises) if self.planned_exercises is None else self.planned_exercises


def stored_time(moment: datetime | None, name: str) -> str | None:
    if moment is None:
        return None
    require_aware(moment, name)
    return moment.isoformat(timespec="milliseconds")


def require_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, not {moment!r}")


def loaded_time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MILLISECOND = timedelta(milliseconds=1)


def _instant(moment: datetime | None, name: str) -> int | None:
    """Whole milliseconds since the epoch: the same instant whatever offset wrote it.

    Floored like ``stored_time``'s ``timespec="milliseconds"``, so a time read
    from a file with microseconds matches the same time once stored.
    """
    if moment is None:
        return None
    require_aware(moment, name)
    return (moment - _EPOCH) // _MILLISECOND


BreakIdentity = tuple[str, int | None, int | None, int | None, str | None]


def break_identity(
    kind: str, due_at: datetime | None, shown_at: datetime | None, ended_at: datetime | None, outcome: str | None
) -> BreakIdentity:
    """What makes two records the same break, whichever machine or history holds them.

    Ids are local to one file, and text is not compared: the same break
    exported by a machine in another UTC offset, or across a DST change,
    names the same instants in other words.
    """
    return (
        kind, _instant(due_at, "due_at"), _instant(shown_at, "shown_at"), _instant(ended_at, "ended_at"), outcome
    )


def honest_outcome(ended_as: Outcome, planned: int, done: int) -> Outcome:
    """What a shown break really was, from how its window ended and the exercises done.

    The window reports "completed" when its last exercise ends, even if every
    one was skipped with Next, and "skipped" when ended early after some were
    done, and a quit mid-break is "missed" even after exercises; the history
    records what happened instead. "hurt" and "postponed" stay as they are.
    """
    if ended_as not in (Outcome.COMPLETED, Outcome.SKIPPED, Outcome.MISSED):
        return ended_as
    if ended_as == Outcome.MISSED:
        return Outcome.PARTIAL if done else Outcome.MISSED
    if done >= planned > 0:
        return Outcome.COMPLETED
    return Outcome.PARTIAL if done else Outcome.SKIPPED
