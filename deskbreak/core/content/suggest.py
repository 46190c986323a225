"""Which routine works the muscle groups the user's breaks have left out lately.

The history names what was neglected ("Hamstrings: 3 days",
:mod:`deskbreak.core.history.stats`); this module turns that into a break to offer:
the routine, and for the sit-break the group of its rotation, that covers
the most of those muscle groups. Only what a break can really play counts:
the first routine of each kind (the one the tray and the scheduler start),
with the user's sore-back swaps applied.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from deskbreak.core.content.catalog import TARGETS, Catalog
from deskbreak.core.kinds import BreakKind
from deskbreak.core.settings import Settings
from deskbreak.core.content.timeline import break_exercise_ids

# Shortest first: with equal cover, a sit-break is the smaller ask.
_KINDS_BY_LENGTH = (BreakKind.SIT, BreakKind.EVENING, BreakKind.PRERUN)


@dataclass(frozen=True)
class Suggestion:
    kind: BreakKind
    sequence: int
    """Which group of the routine's rotation to play (0 for a routine without one)."""
    covers: tuple[str, ...]
    """The neglected targets it works, in the order they were asked for."""


def _playable(catalog: Catalog, settings: Settings):
    """Every (kind, sequence, exercise ids) a break can play, shortest kinds first."""
    for kind in _KINDS_BY_LENGTH:
        routines = catalog.routines_of_kind(kind.value)
        if not routines:
            continue
        routine = routines[0]
        for sequence in range(max(1, len(routine.rotation))):
            yield kind, sequence, break_exercise_ids(catalog, routine, settings, sequence)


def _targets_of(catalog: Catalog, exercise_ids: Sequence[str]) -> set[str]:
    return {target for exercise_id in exercise_ids for target in catalog.exercise(exercise_id).targets}


def offerable_targets(catalog: Catalog, settings: Settings) -> tuple[str, ...]:
    """The muscle groups some break can work, in the catalog's order of targets.

    A group no routine has an exercise for ("feet", unless the user adds one)
    would be "neglected" forever and could never be offered, so the history
    does not nag about it.
    """
    covered: set[str] = set()
    for _kind, _sequence, exercise_ids in _playable(catalog, settings):
        covered |= _targets_of(catalog, exercise_ids)
    return tuple(target for target in TARGETS if target in covered)


def suggest_break(catalog: Catalog, settings: Settings, neglected: Sequence[str]) -> Suggestion | None:
    """The break covering the most of ``neglected`` (most neglected first); None when none covers any.

    Ties go to the earlier-listed (longer neglected) targets, then to the
    shorter kind of break.
    """
    best: Suggestion | None = None
    best_score: tuple[int, ...] = ()
    for kind, sequence, exercise_ids in _playable(catalog, settings):
        worked = _targets_of(catalog, exercise_ids)
        covers = tuple(target for target in neglected if target in worked)
        # More targets first, then the longest neglected ones (a 0/1 flag per target, in order).
        score = (len(covers), *(target in worked for target in neglected))
        if covers and score > best_score:
            best, best_score = Suggestion(kind, sequence, covers), score
    return best
