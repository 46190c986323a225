"""Statistics of the history: per day and week, streaks, minutes per muscle group, what was neglected.

One pure module shared by the history window and ``deskbreak stats``, so the
two can never disagree. It reads :class:`~deskbreak.core.history.BreakRecord`
lists and knows nothing of SQLite or Qt.

The rules, each one a user would agree with:

- A day is the local calendar day the break happened on, in the UTC offset it
  was recorded in (so a DST change never moves a break to another day).
- ``prompted`` counts breaks deskbreak prompted (``due_at`` set), once per
  break: a break postponed twice and then taken is one prompt (same kind and
  ``due_at``), with its last outcome. Breaks the user started themselves are
  not prompts, but their outcomes count.
- ``minutes`` is the time spent in exercises (done or left part way), not
  time away from the desk; each exercise's minutes count for every muscle
  group it targets.
- The daily goal is met when the share of prompted sit-breaks taken
  (``completed`` or ``natural``) reaches ``goal_percent``. A day with no
  prompted sit-break (weekend, holiday, day off) neither breaks nor extends a
  streak; today, still under way, extends it when met and never breaks it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Mapping, Sequence

from deskbreak.core.history import BreakRecord


@dataclass(frozen=True)
class DayStats:
    date: date
    prompted: int = 0
    completed: int = 0
    partial: int = 0
    skipped: int = 0
    postponed: int = 0
    natural: int = 0
    missed: int = 0
    hurt: int = 0
    minutes: float = 0.0
    runs_prepared: int = 0
    """Pre-run routines completed or partly done: runs preceded by the activation routine."""
    sit_prompted: int = 0
    sit_taken: int = 0
    minutes_by_target: Mapping[str, float] = field(default_factory=dict)

    def goal_met(self, goal_percent: int) -> bool | None:
        """Whether the day met the goal; None for a day with no prompted sit-break."""
        raise NotImplementedError


@dataclass(frozen=True)
class WeekStats:
    """An ISO week (Monday first) of :class:`DayStats`, with its totals."""

    start: date
    days: tuple[DayStats, ...]


@dataclass(frozen=True)
class Streak:
    current: int
    best: int
    goal: int
    """The goal in percent, as the user set it (``daily_goal``)."""


@dataclass(frozen=True)
class Neglected:
    target: str
    days: int | None
    """Whole days since the target was last worked; None when it never was."""


@dataclass(frozen=True)
class StatsReport:
    first: date
    last: date
    days: tuple[DayStats, ...]
    """Every day from ``first`` to ``last``, days without breaks included."""
    weeks: tuple[WeekStats, ...]
    streak: Streak
    minutes_by_target: Mapping[str, float]
    """Minutes per muscle group over ``days``."""
    neglected: tuple[Neglected, ...]
    """Targets not worked for ``neglect_days`` or more, longest neglected first."""

    def to_json(self) -> dict:
        """The ``deskbreak stats --json`` document (stable keys: ``days``, ``streak``, ``minutes_by_target``)."""
        raise NotImplementedError


def compute_stats(
    records: Iterable[BreakRecord],
    *,
    first: date,
    last: date,
    targets_of: Mapping[str, Sequence[str]],
    all_targets: Sequence[str],
    goal_percent: int,
    neglect_days: int,
) -> StatsReport:
    """The statistics of ``first`` .. ``last`` (``last`` is today); streaks and neglect use every record given."""
    raise NotImplementedError
