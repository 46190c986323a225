"""The guided routine: exercises turned into timed segments, and a player.

:func:`build_segments` turns a routine's exercises into the sequence a coach
would call out: "Get into position 3-2-1", "Hold 30 s", "Rest 5 s", "Switch
to your left side", with each exercise's hold, reps, sets, sides and rest as
the catalog gives them. :class:`RoutinePlayer` walks that sequence against a
monotonic clock: the remaining time is always computed from the clock, never
by counting ticks, so a stalled event loop cannot stretch a 30-second hold.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Sequence

from deskbreak.core.catalog import Exercise

SIDES = ("right", "left")

# Our pacing where neither the document nor the catalog's suggestion gives
# one: a counted rep takes this long, a timed activity this long.
DEFAULT_PACE_S = 3
DEFAULT_DURATION_S = 60


class Phase(str, enum.Enum):
    LEAD_IN = "lead_in"
    """Get into position: a short countdown before a hold or a set."""
    HOLD = "hold"
    REST = "rest"
    MOVE = "move"
    """Counted reps paced by the timer, or a timed activity such as walking."""


@dataclass(frozen=True)
class Segment:
    phase: Phase
    exercise: Exercise
    seconds: float
    cue: str
    side: str | None = None
    rep: int = 1
    reps: int = 1
    set: int = 1
    sets: int = 1
    pace_s: float | None = None
    """For counted reps: seconds per rep, so the rep shown follows the clock."""
    switches_side: bool = False
    """A lead-in that moves to the other side ("Switch to your left side")."""

    @property
    def chimes(self) -> bool:
        """A chime marks the end of each hold and of each counted set."""
        return self.phase in (Phase.HOLD, Phase.MOVE)

    def rep_at(self, elapsed: float) -> int:
        if self.pace_s:
            return min(self.reps, int(elapsed // self.pace_s) + 1)
        return self.rep

    def progress_text(self, elapsed: float = 0.0) -> str:
        """ "Rep 2 of 3 · Right side · Set 1 of 3" for the status line."""
        parts = []
        if self.reps > 1:
            parts.append(f"Rep {self.rep_at(elapsed)} of {self.reps}")
        if self.side:
            parts.append(f"{self.side.capitalize()} side")
        if self.sets > 1:
            parts.append(f"Set {self.set} of {self.sets}")
        return " · ".join(parts)


def chime_for(ended: Segment, following: Segment | None) -> str | None:
    """Which chime marks the end of ``ended``: "switch" before changing sides,
    "hold" after any other hold or counted set, None otherwise."""
    if not ended.chimes:
        return None
    if following is not None and following.switches_side:
        return "switch"
    return "hold"


def hold_seconds(exercise: Exercise, hold_length: str) -> int | None:
    """The hold to time: the document's (a range read per ``hold_length``), else our suggestion."""
    if exercise.hold_s is not None:
        low, high = exercise.hold_s.low, exercise.hold_s.high
        return {"short": low, "middle": round((low + high) / 2), "long": high}[hold_length]
    return exercise.suggested.hold_s


def rep_count(exercise: Exercise) -> int:
    if exercise.reps is not None:
        return exercise.reps.low
    return exercise.suggested.reps or 1


def set_count(exercise: Exercise) -> int:
    return exercise.sets.low if exercise.sets is not None else 1


def summary(exercise: Exercise, hold_length: str = "short") -> str:
    """What the exercise asks for, e.g. "Split hip stretch (20-30 s each side)"."""
    figures = []
    if exercise.hold_s is not None:
        figures.append(f"{exercise.hold_s} s")
    elif exercise.reps is None and (hold := hold_seconds(exercise, hold_length)):
        figures.append(f"{hold} s")
    if exercise.reps is not None:
        figures.append(f"{exercise.reps} reps")
    if exercise.per_side:
        figures.append("each side")
    return f"{exercise.name} ({' '.join(figures)})" if figures else exercise.name


def build_segments(
    exercises: Sequence[Exercise],
    hold_length: str = "short",
    lead_in_s: float = 3,
    rest_between_s: float = 0,
) -> list[Segment]:
    segments: list[Segment] = []
    for index, exercise in enumerate(exercises):
        if index and rest_between_s:
            segments.append(Segment(Phase.REST, exercises[index - 1], rest_between_s,
                                    f"Rest {rest_between_s:g} s"))
        segments += _exercise_segments(exercise, hold_length, lead_in_s)
    return segments


def _exercise_segments(exercise: Exercise, hold_length: str, lead_in_s: float) -> list[Segment]:
    sides: tuple[str | None, ...] = SIDES if exercise.per_side else (None,)
    reps, sets = rep_count(exercise), set_count(exercise)
    hold = hold_seconds(exercise, hold_length)
    out: list[Segment] = []

    def lead_in(side: str | None, rep: int, set_: int) -> None:
        if lead_in_s <= 0:
            return
        previous_side = next((s.side for s in reversed(out) if s.side), None)
        switching = bool(side and previous_side and side != previous_side)
        if switching:
            cue = f"Switch to your {side} side"
        elif side and not out:
            cue = f"Get into position: {side} side"
        else:
            cue = "Get into position"
        out.append(Segment(Phase.LEAD_IN, exercise, lead_in_s, cue, side, rep, reps, set_, sets,
                           switches_side=switching))

    if hold is not None:
        # Each hold gets its own lead-in, except straight after a rest the
        # document prescribes, which is the way back into position.
        order = (
            [(s, r) for r in range(1, reps + 1) for s in sides]
            if exercise.alternate
            else [(s, r) for s in sides for r in range(1, reps + 1)]
        )
        for set_ in range(1, sets + 1):
            for side, rep in order:
                if not (out and out[-1].phase == Phase.REST):
                    lead_in(side, rep, set_)
                out.append(Segment(Phase.HOLD, exercise, hold, f"Hold {hold} s", side, rep, reps, set_, sets))
                last_of_side = rep == reps and (not exercise.alternate or side == sides[-1])
                if exercise.rest_s and not last_of_side:
                    out.append(Segment(Phase.REST, exercise, exercise.rest_s, f"Rest {exercise.rest_s} s",
                                       side, rep, reps, set_, sets))
        return out

    if exercise.reps is not None or exercise.suggested.reps:
        pace = exercise.suggested.pace_s or DEFAULT_PACE_S
        for set_ in range(1, sets + 1):
            for side in sides:
                lead_in(side, 1, set_)
                out.append(Segment(Phase.MOVE, exercise, reps * pace, f"{reps} reps, {pace} s each",
                                   side, 1, reps, set_, sets, pace_s=pace))
        return out

    duration = exercise.suggested.duration_s or DEFAULT_DURATION_S
    for side in sides:
        lead_in(side, 1, 1)
        minutes = duration / 60
        cue = f"{exercise.name}: {minutes:g} min" if duration >= 60 else f"{exercise.name}: {duration} s"
        out.append(Segment(Phase.MOVE, exercise, duration, cue, side))
    return out


@dataclass(frozen=True)
class ExerciseResult:
    exercise_id: str
    seconds: float
    completed: bool


@dataclass(frozen=True)
class View:
    """What the break window shows at one moment."""

    index: int
    segment: Segment | None
    remaining: float
    elapsed: float
    paused: bool
    finished: bool
    next_segment: Segment | None

    @property
    def fraction_left(self) -> float:
        if self.segment is None or self.segment.seconds <= 0:
            return 0.0
        return max(0.0, min(1.0, self.remaining / self.segment.seconds))


class RoutinePlayer:
    """Plays segments against a monotonic clock; pausable, skippable."""

    def __init__(self, segments: Sequence[Segment], start: float) -> None:
        self.segments = list(segments)
        self._index = 0
        self._segment_start = start
        self._paused_at: float | None = None
        self._exercise_start = start
        self._exercise_active = 0.0
        self.results: list[ExerciseResult] = []

    @property
    def finished(self) -> bool:
        return self._index >= len(self.segments)

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def _elapsed(self, now: float) -> float:
        until = self._paused_at if self._paused_at is not None else now
        return until - self._segment_start

    def update(self, now: float) -> list[Segment]:
        """Move past every segment whose time is up; returns the segments that ended."""
        ended: list[Segment] = []
        while not self.finished and not self.paused:
            segment = self.segments[self._index]
            if self._elapsed(now) < segment.seconds:
                break
            self._segment_start += segment.seconds
            ended.append(segment)
            self._leave(segment, completed=True)
        return ended

    def _leave(self, segment: Segment, completed: bool, spent: float | None = None) -> None:
        self._exercise_active += segment.seconds if spent is None else spent
        self._index += 1
        following = self.segments[self._index] if not self.finished else None
        if following is None or following.exercise.id != segment.exercise.id:
            self.results.append(
                ExerciseResult(segment.exercise.id, round(self._exercise_active, 1), completed)
            )
            self._exercise_active = 0.0

    def view(self, now: float) -> View:
        if self.finished:
            return View(self._index, None, 0.0, 0.0, False, True, None)
        segment = self.segments[self._index]
        elapsed = self._elapsed(now)
        following = self.segments[self._index + 1] if self._index + 1 < len(self.segments) else None
        return View(self._index, segment, max(0.0, segment.seconds - elapsed), elapsed,
                    self.paused, False, following)

    def toggle_pause(self, now: float) -> bool:
        """Pause or resume; returns True when now paused."""
        if self._paused_at is None:
            self.update(now)
            self._paused_at = now
            return True
        self._segment_start += now - self._paused_at
        self._paused_at = None
        return False

    def skip_exercise(self, now: float) -> None:
        """Leave the current exercise for the next one (recorded as not completed)."""
        if self.finished:
            return
        self.update(now)
        if self.finished:
            return
        current = self.segments[self._index].exercise.id
        spent = min(self._elapsed(now), self.segments[self._index].seconds)
        while not self.finished and self.segments[self._index].exercise.id == current:
            self._leave(self.segments[self._index], completed=False, spent=spent)
            spent = 0.0
        # Skipping also skips the rest that led into the next exercise.
        while not self.finished and self.segments[self._index].phase == Phase.REST \
                and self.segments[self._index].exercise.id == current:
            self._index += 1
        self._segment_start = self._paused_at if self._paused_at is not None else now

    def stop(self, now: float) -> None:
        """End early (Esc, "This hurts"): the current exercise counts as not completed."""
        if self.finished:
            return
        self.update(now)
        if self.finished:
            return
        segment = self.segments[self._index]
        spent = self._exercise_active + min(self._elapsed(now), segment.seconds)
        self.results.append(ExerciseResult(segment.exercise.id, round(spent, 1), False))
        self._exercise_active = 0.0
        self._index = len(self.segments)
