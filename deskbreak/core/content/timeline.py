"""What a routine will play, worked out once for everyone who needs to know.

The break window plays it, ``deskbreak routine show`` prints it, and the tray
states its length ("Pre-run routine, 4 min"): all three ask here, with the
user's settings (hold length, lead-in, a sore back) and the holds grown with
the user (``holds``, see core/history/progression.py), so they cannot disagree.
"""

from __future__ import annotations

from typing import Any, Sequence

from deskbreak.core.content.catalog import Catalog, Exercise, Routine
from deskbreak.core.content.guide import Holds, Segment, build_segments, timeline_json, total_seconds
from deskbreak.core.settings import Settings


def break_exercise_ids(catalog: Catalog, routine: Routine, settings: Settings, sequence: int = 0) -> list[str]:
    """The exercises of the ``sequence``-th break of ``routine``, made gentle for a sore back."""
    ids = list(routine.exercises_for(sequence))
    return catalog.for_sore_back(ids) if settings.sore_back else ids


def routine_segments(catalog: Catalog, routine: Routine, settings: Settings, sequence: int = 0,
                     holds: Holds | None = None) -> list[Segment]:
    exercises = [catalog.exercise(e) for e in break_exercise_ids(catalog, routine, settings, sequence)]
    return exercise_segments(exercises, routine, settings, holds)


def exercise_segments(exercises: Sequence[Exercise], routine: Routine, settings: Settings,
                      holds: Holds | None = None) -> list[Segment]:
    """The timeline of ``exercises`` (a break's, already chosen) played as ``routine`` plays them."""
    return build_segments(list(exercises), hold_length=settings.hold_length,
                          lead_in_s=settings.lead_in.total_seconds(), rest_between_s=routine.rest_between_s,
                          holds=holds)


def routine_seconds(catalog: Catalog, routine: Routine, settings: Settings, sequence: int = 0,
                    holds: Holds | None = None) -> float:
    return total_seconds(routine_segments(catalog, routine, settings, sequence, holds))


def routine_timeline(catalog: Catalog, routine: Routine, settings: Settings, sequence: int = 0,
                     holds: Holds | None = None) -> dict[str, Any]:
    """``{"routine", "total_s", "segments": [{"kind", "exercise", "side", "rep", "seconds"}]}``."""
    return timeline_json(routine.id, routine_segments(catalog, routine, settings, sequence, holds))
