"""The guided routine: exercises turned into a timeline, and a player for it.

:func:`build_segments` turns a routine's exercises into the sequence a coach
would call out, and :class:`RoutinePlayer` plays exactly that sequence; the
command line prints the same list (:func:`timeline_json`), so what you
inspect is what the break window plays. The pacing rules:

* **One lead-in per exercise, one per side, never one per rep.** "Get into
  position" counts you in once; before the second side a ``switch``
  segment ("Switch to your left side") takes the lead-in's place. Sides that
  alternate rep by rep (``alternate``) get a single lead-in and no switches:
  the reps themselves go right, left, right...
* **Counted reps are paced, one ``rep`` segment each**: move, hold, return.
  A rep with a short hold (up to :data:`REP_HOLD_MAX_S`, like the glute
  bridge's "pause for 3 seconds") takes :data:`MOVE_S` to move, the
  document's hold, and :data:`MOVE_S` to return (glute bridge: 1 + 3 + 1 s),
  so the figure can follow and lower between reps. A rep without a hold
  takes the catalog's suggested pace, else :data:`DEFAULT_PACE_S`. The reps
  between the first and the last are not chimed.
* **Longer holds are ``hold`` segments** ("Hold 30 s"). Repeated holds are
  separated by the rest the document gives (the locust pose's "relax ... for
  5 seconds"); where it gives none, by a :data:`RELEASE_S` release of ours,
  because two holds with nothing between them would be one long hold.
  Sets (or "rounds") repeat the same way.
* **Untimed steps get no lead-in**: a timed activity (walking around) is one
  ``walk`` segment; a few movements done where you stand, with no position
  to get into and no figure from the document (shoulder circles), are one
  ``move`` segment counted at the suggested pace.
* A rest between exercises (a circuit's "resting for 30 seconds between
  exercises") is a ``rest`` segment; lead-ins still follow it.

Every segment has one of the :class:`Kind` values, the exercise, the side
("right", "left" or None), the rep it belongs to (or None) and its seconds.

:class:`RoutinePlayer` walks the timeline against a monotonic clock: the
remaining time is always computed from the clock, never by counting ticks,
so a stalled event loop cannot stretch a 30-second hold.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from deskbreak.core.content.catalog import Exercise
from deskbreak.core.content.growth import beyond_text
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate

SIDES = ("right", "left")
# Whole phrases per side, not a side word dropped into one phrase: German
# inflects the adjective ("rechte Seite", "zur rechten Seite").
_SIDE_NAMES = {"right": QT_TRANSLATE_NOOP("guide", "Right side"), "left": QT_TRANSLATE_NOOP("guide", "Left side")}
_SIDE_WORDS = {"right": QT_TRANSLATE_NOOP("guide", "right side"), "left": QT_TRANSLATE_NOOP("guide", "left side")}
_GET_INTO_POSITION = {None: QT_TRANSLATE_NOOP("guide", "Get into position"),
                      "right": QT_TRANSLATE_NOOP("guide", "Get into position: right side"),
                      "left": QT_TRANSLATE_NOOP("guide", "Get into position: left side")}
_SWITCH_TO = {"right": QT_TRANSLATE_NOOP("guide", "Switch to your right side"),
              "left": QT_TRANSLATE_NOOP("guide", "Switch to your left side")}

# Our pacing where neither the document nor the catalog's suggestion gives one.
MOVE_S = 1.0
"""Seconds to move into a rep's hold, and again to return: lift, pause, lower."""
DEFAULT_PACE_S = 3.0
"""Seconds per rep without a hold, out and back: "small and controlled"."""
REP_HOLD_MAX_S = 5
"""A hold this short is a pause at the top of a rep; a longer one is held on its own."""
RELEASE_S = 5.0
"""Between repeated holds where the document names no rest: release, then back in."""
DEFAULT_DURATION_S = 60
"""A timed activity without a suggested duration."""


class Kind(str, enum.Enum):
    """What a segment asks of the user; the values are the timeline's vocabulary."""

    LEAD_IN = "lead_in"
    """Get into position: a short countdown, once per exercise (and first side)."""
    SWITCH = "switch"
    """Change to the other side: takes the lead-in's place before each new side."""
    HOLD = "hold"
    """Hold still for the time given."""
    REP = "rep"
    """One counted repetition: move, (hold,) return."""
    REST = "rest"
    """Relax: the document's rest, a release between holds, or a rest between exercises."""
    WALK = "walk"
    """A timed activity such as walking around: no countdown, no position."""
    MOVE = "move"
    """Movements done where you stand (shoulder circles), counted at our pace."""


class Stage(str, enum.Enum):
    """Where in a rep the user is: what the coach calls out."""

    MOVE = "move"
    HOLD = "hold"
    RETURN = "return"


@dataclass(frozen=True)
class Segment:
    kind: Kind
    exercise: Exercise
    seconds: float
    cue: str
    side: str | None = None
    rep: int | None = None
    """The rep (per side) this segment is, or None when it is not one of several."""
    reps: int = 1
    """Reps per side in this set."""
    set: int = 1
    sets: int = 1
    hold_s: float = 0.0
    """For a rep: the pause at the top (0 when the rep has none)."""
    pace_s: float | None = None
    """For a ``move``: seconds per repetition, so the count shown follows the clock."""

    @property
    def exercise_id(self) -> str:
        return self.exercise.id

    @property
    def chimes(self) -> bool:
        """Segments whose end may be marked by a chime (see :func:`chime_for`)."""
        return self.kind in (Kind.HOLD, Kind.REP, Kind.MOVE, Kind.WALK)

    def rep_at(self, elapsed: float) -> int | None:
        """The rep under way ``elapsed`` seconds in: counted for a ``move``, fixed otherwise."""
        if self.kind == Kind.MOVE and self.pace_s:
            return min(self.reps, int(elapsed // self.pace_s) + 1)
        return self.rep

    def stage_at(self, elapsed: float) -> Stage | None:
        """For a rep: moving, holding or returning ``elapsed`` seconds in; None otherwise."""
        if self.kind != Kind.REP:
            return None
        move = (self.seconds - self.hold_s) / 2
        if elapsed < move:
            return Stage.MOVE
        if elapsed < move + self.hold_s:
            return Stage.HOLD
        return Stage.RETURN

    def pose_at(self, elapsed: float) -> float | None:
        """Where the figure should be (0 start pose .. 1 hold pose) ``elapsed`` s in.

        None means "ease into the hold pose": getting into position for a
        hold, or a walk. Before counted reps the figure waits in the start
        pose; during a rep it moves out, holds and returns, so it lowers
        between reps.
        """
        if self.kind in (Kind.LEAD_IN, Kind.SWITCH):
            return 0.0 if _is_counted(self.exercise) else None
        if self.kind == Kind.HOLD:
            return 1.0
        if self.kind == Kind.REST:
            return 0.0
        if self.kind == Kind.REP:
            move = (self.seconds - self.hold_s) / 2
            if move <= 0:
                return 1.0
            if elapsed < move:
                return max(0.0, elapsed / move)
            if elapsed < move + self.hold_s:
                return 1.0
            return max(0.0, 1.0 - (elapsed - move - self.hold_s) / move)
        if self.kind == Kind.MOVE and self.pace_s:
            cycle = (elapsed % self.pace_s) / self.pace_s
            return 1.0 - abs(2.0 * cycle - 1.0)
        return None

    def progress_text(self, elapsed: float = 0.0) -> str:
        """ "Rep 2 of 3 · Right side · Set 1 of 3" for the status line."""
        parts = []
        rep = self.rep_at(elapsed)
        if rep is not None and self.reps > 1:
            parts.append(translate("guide", "Rep {rep} of {reps}").format(rep=rep, reps=self.reps))
        if self.side:
            parts.append(side_name(self.side))
        if self.sets > 1:
            parts.append(translate("guide", "Set {set} of {sets}").format(set=self.set, sets=self.sets))
        return " · ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "exercise": self.exercise.id, "side": self.side,
                "rep": self.rep, "seconds": _number(self.seconds)}


def chime_for(ended: Segment, following: Segment | None) -> str | None:
    """Which chime marks the end of ``ended``: "switch" before changing sides,
    "hold" after a hold, a walk, a move or the last rep of a run, else None.

    The reps in between stay quiet: fifteen chimes in 90 s would be noise.
    """
    if not ended.chimes:
        return None
    if ended.kind == Kind.REP and following is not None and following.kind == Kind.REP \
            and following.exercise.id == ended.exercise.id:
        return None
    if following is not None and following.kind == Kind.SWITCH:
        return "switch"
    return "hold"


Holds = Mapping[str, int]
"""Holds grown with the user (exercise id -> seconds), in place of the documents' (core/history/progression.py)."""


def hold_seconds(exercise: Exercise, hold_length: str, holds: Holds | None = None) -> int | None:
    """The hold to time: grown with the user, else the document's (a range read per ``hold_length``), else ours."""
    if holds and exercise.id in holds:
        return holds[exercise.id]
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
        figures.append(translate("guide", "{reps} reps").format(reps=exercise.reps))
    if exercise.per_side:
        figures.append(translate("guide", "each side"))
    name = exercise.shown_name()
    return f"{name} ({' '.join(figures)})" if figures else name


def _is_counted(exercise: Exercise) -> bool:
    """Done as counted reps (with at most a short pause at the top), not held."""
    hold = hold_seconds(exercise, "long")
    if hold is not None and hold > REP_HOLD_MAX_S:
        return False
    return exercise.reps is not None or bool(exercise.suggested.reps)


def _is_untimed(exercise: Exercise) -> bool:
    """Done where you stand with no figure from the document: no lead-in, one segment."""
    if exercise.suggested.duration_s and exercise.reps is None and hold_seconds(exercise, "long") is None:
        return True
    return (
        exercise.place in ("desk", "standing")
        and not exercise.per_side
        and exercise.hold_s is None and exercise.reps is None and exercise.sets is None
        and exercise.suggested.hold_s is None
        and bool(exercise.suggested.reps)
    )


def build_segments(
    exercises: Sequence[Exercise],
    *,
    hold_length: str = "short",
    lead_in_s: float = 3.0,
    rest_between_s: float = 0.0,
    holds: Holds | None = None,
) -> list[Segment]:
    """The routine's timeline, in the order the break window plays it (see the module notes)."""
    segments: list[Segment] = []
    for index, exercise in enumerate(exercises):
        if index and rest_between_s:
            # The rest belongs to what comes next: the exercise before it is done
            # (and recorded so) when its last hold or rep ends.
            segments.append(Segment(Kind.REST, exercise, rest_between_s, _rest_cue(rest_between_s)))
        segments += _exercise_segments(exercise, hold_length, lead_in_s, holds)
    return segments


def our_timing(exercise: Exercise, hold_length: str = "short", holds: Holds | None = None) -> list[str]:
    """The timings the guide adds where the document gives none, in words, to label them as ours."""
    if _is_untimed(exercise):
        return []
    hold = hold_seconds(exercise, hold_length, holds)
    grown = [beyond_text(exercise, hold)] if hold and exercise.hold_s and hold > exercise.hold_s.high else []
    if _is_counted(exercise):
        if hold:
            return grown + [
                translate("guide", "{move:g} s to lift and {move:g} s to lower each rep").format(move=MOVE_S)]
        return grown + ([] if exercise.suggested.pace_s else [translate("guide", "{pace:g} s a rep").format(
            pace=DEFAULT_PACE_S)])
    repeats = rep_count(exercise) * set_count(exercise)
    if repeats > 1 and not exercise.rest_s:
        return grown + [translate("guide", "a {release:g} s release between holds").format(release=RELEASE_S)]
    return grown


def total_seconds(segments: Iterable[Segment]) -> float:
    """How long the timeline takes when played through."""
    return float(sum(s.seconds for s in segments))


def timeline_json(routine_id: str, segments: Sequence[Segment]) -> dict[str, Any]:
    """``{"routine": ID, "total_s": N, "segments": [{"kind", "exercise", "side", "rep", "seconds"}]}``."""
    return {
        "routine": routine_id,
        "total_s": _number(total_seconds(segments)),
        "segments": [s.to_json() for s in segments],
    }


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 3)


def _exercise_segments(exercise: Exercise, hold_length: str, lead_in_s: float,
                       holds: Holds | None = None) -> list[Segment]:
    if _is_untimed(exercise):
        return [_untimed_segment(exercise)]
    sides: tuple[str | None, ...] = SIDES if exercise.per_side else (None,)
    reps, sets = rep_count(exercise), set_count(exercise)
    hold = hold_seconds(exercise, hold_length, holds)
    out: list[Segment] = []

    def enter(side: str | None, first: bool, **figures) -> None:
        """The lead-in before the first side, the switch before each other one."""
        if lead_in_s <= 0:
            return
        if first:
            cue = translate("guide", _GET_INTO_POSITION[side])
            out.append(Segment(Kind.LEAD_IN, exercise, lead_in_s, cue, side, **figures))
        else:
            out.append(Segment(Kind.SWITCH, exercise, lead_in_s, translate("guide", _SWITCH_TO[side]),
                               side, **figures))

    if _is_counted(exercise):
        # Each set on each side in turn, so one side rests while the other
        # works; alternating reps go right, left, right... after one lead-in.
        hold_s = float(hold or 0)
        seconds = 2 * MOVE_S + hold_s if hold_s else float(exercise.suggested.pace_s or DEFAULT_PACE_S)
        cue = (translate("guide", "Move, hold {hold:g} s, return").format(hold=hold_s) if hold_s
               else translate("guide", "Move and return"))
        if exercise.alternate:
            runs = [(set_, None, [(side, rep) for rep in range(1, reps + 1) for side in sides])
                    for set_ in range(1, sets + 1)]
        else:
            runs = [(set_, side, [(side, rep) for rep in range(1, reps + 1)])
                    for set_ in range(1, sets + 1) for side in sides]
        for number, (set_, run_side, run) in enumerate(runs):
            figures = dict(reps=reps, set=set_, sets=sets)
            if number == 0 or run_side is not None:
                enter(run_side, number == 0, **figures)
            for index, (side, rep) in enumerate(run):
                if index and exercise.rest_s:
                    out.append(Segment(Kind.REST, exercise, exercise.rest_s, _rest_cue(exercise.rest_s),
                                       side, **figures))
                out.append(Segment(Kind.REP, exercise, seconds, cue, side, rep, hold_s=hold_s, **figures))
        return out

    # Held: sets (the documents' "rounds") and reps are repeats of the hold,
    # numbered per side; between two holds the document's rest, else ours.
    hold = hold or DEFAULT_DURATION_S
    repeats = reps * sets
    numbered = repeats > 1
    if exercise.alternate:
        order = [(side, rep) for rep in range(1, repeats + 1) for side in sides]
    else:
        order = [(side, rep) for side in sides for rep in range(1, repeats + 1)]
    figures = dict(reps=repeats)
    for index, (side, rep) in enumerate(order):
        if index == 0:
            enter(None if exercise.alternate else side, True, **figures)
        elif rep == 1 and not exercise.alternate:
            enter(side, False, **figures)
        elif exercise.rest_s:
            out.append(Segment(Kind.REST, exercise, exercise.rest_s, _rest_cue(exercise.rest_s),
                               side, **figures))
        else:
            out.append(Segment(Kind.REST, exercise, RELEASE_S, translate("guide", "Release, then hold again"),
                               side, **figures))
        out.append(Segment(Kind.HOLD, exercise, hold, translate("guide", "Hold {hold} s").format(hold=hold), side,
                           rep if numbered else None, **figures))
    return out


def side_name(side: str) -> str:
    """ "Right side" (a heading) in the user's language."""
    return translate("guide", _SIDE_NAMES[side])


def side_words(side: str) -> str:
    """ "right side" (mid-sentence) in the user's language."""
    return translate("guide", _SIDE_WORDS[side])


def _rest_cue(seconds: float) -> str:
    return translate("guide", "Rest {seconds:g} s").format(seconds=seconds)


def _untimed_segment(exercise: Exercise) -> Segment:
    suggested = exercise.suggested
    if suggested.duration_s or not suggested.reps:
        duration = suggested.duration_s or DEFAULT_DURATION_S
        minutes = duration / 60
        name = exercise.shown_name()
        cue = f"{name}: {minutes:g} min" if duration >= 60 else f"{name}: {duration} s"
        return Segment(Kind.WALK, exercise, duration, cue)
    pace = float(suggested.pace_s or DEFAULT_PACE_S)
    return Segment(Kind.MOVE, exercise, suggested.reps * pace, translate("guide", "{reps} times, {pace:g} s each").format(reps=suggested.reps, pace=pace),
                   None, None, suggested.reps, pace_s=pace)


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

    def remaining_total(self, now: float) -> float:
        """Seconds left in the whole routine, the current segment included."""
        if self.finished:
            return 0.0
        current = self.segments[self._index]
        return max(0.0, current.seconds - self._elapsed(now)) + total_seconds(self.segments[self._index + 1:])

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
