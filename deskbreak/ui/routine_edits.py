"""Edits of the routine shown on the routines page, as pure functions of its lists.

A routine has two lists: the exercises of every break and the rotation,
whose entries are groups that take turns. A :class:`Selection` names a row
of one of them; each function returns the edited list (or routine) and
leaves its input alone, so the page can check an edit before applying it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from deskbreak.core.content.catalog import Routine
from deskbreak.core.content.user_routines import with_routine_exercises

EVERY_BREAK = "every break"
ROTATION = "rotation"


@dataclass(frozen=True)
class Selection:
    """A row of the shown routine: in which list, and where."""

    part: str
    row: int


def moved(rows: Sequence, row: int, offset: int) -> list:
    rows = list(rows)
    rows.insert(row + offset, rows.pop(row))
    return rows


def without(rows: Sequence, row: int) -> list:
    return [item for index, item in enumerate(rows) if index != row]


def paired_with_above(groups: Sequence[tuple[str, ...]], row: int) -> list[tuple[str, ...]]:
    """``groups`` with group ``row`` joined onto the end of the group above it."""
    groups = list(groups)
    groups[row - 1] = groups[row - 1] + groups.pop(row)
    return groups


def split(groups: Sequence[tuple[str, ...]], row: int) -> list[tuple[str, ...]]:
    """``groups`` with group ``row`` replaced by one group per exercise, in place."""
    return [*groups[:row], *((exercise_id,) for exercise_id in groups[row]), *groups[row + 1:]]


def edited_part(routine: Routine, part: str, change: Callable[[Sequence], list]) -> Routine:
    """``routine`` with ``change`` applied to its every-break exercises or to its rotation."""
    if part == ROTATION:
        return with_routine_exercises(routine, routine.exercises, change(routine.rotation))
    return with_routine_exercises(routine, change(routine.exercises), routine.rotation)

