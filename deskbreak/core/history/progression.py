"""Holds that grow with the user, as the documents advise, worked out from the history alone.

The documents ask some holds to grow: the plank "Hold this position for 45
to 60 seconds. Gradually add time as your core gets stronger.", the
table-top holds "Start with holding your chosen position for 10 seconds ...
Increase time as needed.", and any load by "no more than 15% each week"
(:data:`~deskbreak.core.content.growth.WEEKLY_LIMIT_SOURCE`). So an exercise grows when:

* its document gives a hold range (through the range), or its quote says to
  add time (beyond the range too, the sentence that says so being
  :attr:`Growth.allowed_by`, shown with the hold as our pacing);
* :data:`SESSIONS_PER_STEP` sessions of it were completed at the current hold
  since it last changed, without "This hurts", and a week has passed since:
  each step is at most 15 % (:func:`next_hold`), so a week never adds more.

Only the load the user really did counts towards the 15 %: a session
counts when its break played the grown holds, that is when ``progression``
was on and ``sore_back`` off as it began (each break records both,
:attr:`BreakRecord.progression` and :attr:`BreakRecord.sore_back`; breaks
recorded before history version 3 read as played without progression).
Any other session freezes growth: it neither counts nor runs the week's
clock, and the count starts afresh after it, so the first break after an
upgrade, or after turning ``progression`` on, plays what the counted
sessions earned and no more. The documents' holds play meanwhile
(:func:`holds_played`), and a grown hold waits, unchanged, for when it is
on again. "This hurts" on an exercise (the last exercise a hurt break
recorded) steps its hold back one level whatever the settings were.
Nothing is stored but the history, so an imported history or another
machine gives the same holds; the time is the records', never the clock's.

The walk over the history (:class:`ProgressionWalk`) folds in finished
breaks in time order, so it can be brought up to date with the breaks
written since: the app keeps one on the history writer's thread
(:class:`KeptProgression`), and a break's plan reads no history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable, Mapping, Protocol, Sequence

from deskbreak.core.content.catalog import Catalog, Exercise
from deskbreak.core.content.growth import WEEKLY_LIMIT, add_time_sentence
from deskbreak.core.content.guide import hold_seconds
from deskbreak.core.history.records import BreakRecord
from deskbreak.core.kinds import Outcome
from deskbreak.core.settings import Settings

STEP_INTERVAL = timedelta(days=7)
SESSIONS_PER_STEP = 3
# Our own ceiling where the document says to add time but names no end: twice its figure.
BEYOND_FACTOR = 2
# Holds from this long are rounded to 5 s where the rounding still grows them ("50 s", not "51 s").
ROUND_FROM_S = 20
# The smallest step worth a week, unless 15 % allows no more or it reaches the ceiling (not 34 s -> 35 s).
SMALLEST_STEP_S = 2

@dataclass(frozen=True)
class Growth:
    """How far one exercise's hold may grow, read from its document."""

    base: int
    """The hold the user starts at: the document's, read per the ``hold_length`` setting."""
    top_of_range: int
    """The document's highest figure."""
    allowed_by: str | None
    """The quote's sentence that asks to add time beyond the range (None: the range is the limit)."""

    @property
    def ceiling(self) -> int:
        return self.top_of_range * BEYOND_FACTOR if self.allowed_by else self.top_of_range


@dataclass(frozen=True)
class Progress:
    """One exercise's hold today, and since when."""

    exercise_id: str
    seconds: int
    since: datetime | None
    """When the hold last changed (None: the document's hold, never changed)."""
    previous: int | None
    """The hold before the last change."""
    growth: Growth

    @property
    def beyond_documents(self) -> bool:
        return self.seconds > self.growth.top_of_range

    def to_json(self) -> dict:
        return {"seconds": self.seconds, "since": self.since.isoformat(timespec="seconds") if self.since else None}


def growth_of(exercise: Exercise, hold_length: str = "short") -> Growth | None:
    """How ``exercise`` may grow, or None when its document gives no hold to grow."""
    if exercise.hold_s is None:
        return None
    added = add_time_sentence(exercise)
    if exercise.hold_s.low == exercise.hold_s.high and added is None:
        return None
    base = hold_seconds(exercise, hold_length)
    assert base is not None  # the document gives a hold
    return Growth(base, exercise.hold_s.high, added)


def next_hold(hold: int, ceiling: int) -> int | None:
    """The next level above ``hold``: at most 15 % more, never above ``ceiling``; None when none fits.

    From :data:`ROUND_FROM_S` a round figure (a multiple of 5 s) where one
    lies at least :data:`SMALLEST_STEP_S` above ``hold``, else the longest the
    15 % allows: 30 -> 34 -> 39 -> 44 -> 50, not 30 -> 34 -> 35 -> 40.
    """
    longer = int(hold * (1 + WEEKLY_LIMIT))
    rounded = longer - longer % 5
    if longer >= ROUND_FROM_S and rounded - hold >= SMALLEST_STEP_S:
        longer = rounded
    longer = min(longer, ceiling)
    return longer if longer > hold else None


def _ladder(growth: Growth) -> tuple[int, ...]:
    levels = [growth.base]
    while (longer := next_hold(levels[-1], growth.ceiling)) is not None:
        levels.append(longer)
    return tuple(levels)


Ladders = Mapping[str, tuple[Growth, tuple[int, ...]]]
"""Each growing exercise's growth and the holds it climbs through (exercise id -> (growth, levels))."""


def ladders_for(catalog: Catalog, hold_length: str = "short") -> dict[str, tuple[Growth, tuple[int, ...]]]:
    """The ladders of every exercise of ``catalog`` whose hold can grow, read per ``hold_length``.

    One whose hold has no step up is left out: it starts at its ceiling (the
    top of a range, with long holds) or 15 % of it is no whole second (1-2 s).
    """
    ladders = {eid: (growth, _ladder(growth)) for eid, exercise in catalog.exercises.items()
               if (growth := growth_of(exercise, hold_length)) is not None}
    return {eid: ladder for eid, ladder in ladders.items() if len(ladder[1]) > 1}


class ProgressionWalk:
    """The history walked in time order, one finished break at a time; :meth:`progress` is where it stands."""

    def __init__(self, ladders: Ladders) -> None:
        self.ladders = ladders
        self._states = {eid: _State() for eid in ladders}
        self._last: datetime | None = None

    def add(self, breaks: Iterable[BreakRecord]) -> bool:
        """Fold in ``breaks`` (any order; those in progress are left out); False, folding none, when one
        happened before a break already folded in: walk again from the start then."""
        finished = sorted((b for b in breaks if not b.in_progress and b.moment is not None), key=lambda b: b.moment)
        if finished and self._last is not None and finished[0].moment < self._last:
            return False
        for record in finished:
            self._fold(record)
            self._last = record.moment
        return True

    def _fold(self, record: BreakRecord) -> None:
        hurt = record.exercises[-1] if record.outcome == Outcome.HURT.value and record.exercises else None
        # Played with the grown holds: the load the 15 % a week is about (see the module's docstring).
        counts = record.progression and not record.sore_back
        for done in record.exercises:
            state = self._states.get(done.exercise_id)
            if state is None:
                continue
            moment, levels = done.done_at or record.moment, self.ladders[done.exercise_id][1]
            if done is hurt:
                state.step(max(0, state.level - 1), moment, levels, counting=counts)
            elif not counts:
                state.pause()
            elif done.completed:
                state.count(moment, levels)

    def progress(self) -> dict[str, Progress]:
        return {eid: Progress(eid, self.ladders[eid][1][s.level], s.since, s.previous, self.ladders[eid][0])
                for eid, s in self._states.items()}


def progression(catalog: Catalog, breaks: Iterable[BreakRecord], hold_length: str = "short") -> dict[str, Progress]:
    """Every growing exercise's hold, from ``breaks`` (any order; finished ones count): what the next break plays
    (with a sore back, the hold kept for when it is better)."""
    walk = ProgressionWalk(ladders_for(catalog, hold_length))
    walk.add(breaks)
    return walk.progress()


def todays_holds(progress: Mapping[str, Progress]) -> dict[str, int]:
    """The holds a break plays where progression changed them (exercise id -> seconds)."""
    return {eid: p.seconds for eid, p in progress.items() if p.since is not None}


class _State:
    """One exercise's place on its ladder while the history is walked."""

    def __init__(self) -> None:
        self.level = 0
        self.since: datetime | None = None
        self.previous: int | None = None
        self.sessions = 0
        self.counting_from: datetime | None = None

    def count(self, moment: datetime, levels: Sequence[int]) -> None:
        self.sessions += 1
        if self.counting_from is None:
            self.counting_from = moment
        ready = self.sessions >= SESSIONS_PER_STEP and moment - self.counting_from >= STEP_INTERVAL
        if ready and self.level + 1 < len(levels):
            self.step(self.level + 1, moment, levels)

    def step(self, level: int, moment: datetime, levels: Sequence[int], counting: bool = True) -> None:
        if level != self.level:
            self.previous, self.level, self.since = levels[self.level], level, moment
        self.sessions, self.counting_from = 0, moment if counting else None

    def pause(self) -> None:
        """A session that does not count (a sore back, progression off): the level stays, the count towards the
        next step starts afresh after it."""
        self.sessions, self.counting_from = 0, None


def progress_for(catalog: Catalog, breaks: Iterable[BreakRecord], settings: Settings) -> dict[str, Progress]:
    """:func:`progression` as the user's settings have it: the documents' holds with ``progression`` off
    (with a sore back, the holds kept for later)."""
    return progression(catalog, breaks if settings.progression else (), settings.hold_length)


def holds_played(progress: Mapping[str, Progress], settings: Settings) -> dict[str, int]:
    """The grown holds a break plays: none with ``progression`` off or a sore back (the documents' then)."""
    return {} if settings.sore_back or not settings.progression else todays_holds(progress)


def holds_for(catalog: Catalog, breaks: Iterable[BreakRecord], settings: Settings) -> dict[str, int]:
    """The grown holds the user's settings give today, from ``breaks``."""
    return holds_played(progress_for(catalog, breaks, settings), settings)


class GrowingBreaks(Protocol):
    """What :class:`KeptProgression` reads: the history's breaks with any of the growing exercises."""

    def breaks_with_exercises(self, exercise_ids: Iterable[str], after_id: int = 0) -> list[BreakRecord]: ...


@dataclass(frozen=True)
class KnownProgress:
    """Where every growing hold stands, and for which ladders (the catalog's, per the hold length)."""

    ladders: Ladders
    progress: Mapping[str, Progress]


class KeptProgression:
    """The walk kept between breaks, on the history writer's thread, and brought up to date there.

    One thread only calls :meth:`up_to_date` (the walk is not shared): it
    reads the breaks written since the last call, by id, and folds them in;
    it walks the whole history again when the ladders changed (another
    ``hold_length``) or a break older than those folded in arrived (an
    import). Five years of history are read and walked in about 110 ms, the
    breaks since in 0.3 ms (benchmarks/progression_holds.py).
    """

    def __init__(self) -> None:
        self._walk: ProgressionWalk | None = None
        self._settled = 0
        """Every break with an id up to this one is folded in, or has none of the growing exercises."""
        self._folded: set[int] = set()
        """Breaks above ``_settled`` already folded in (one in progress below them keeps ``_settled`` back)."""

    def up_to_date(self, history: GrowingBreaks, ladders: Ladders) -> KnownProgress:
        walk = self._walk
        if walk is not None and walk.ladders == ladders:
            arrived = [b for b in history.breaks_with_exercises(ladders, self._settled) if b.id not in self._folded]
            if walk.add(arrived):
                self._settle(arrived)
                return KnownProgress(ladders, walk.progress())
        walk, self._settled, self._folded = ProgressionWalk(ladders), 0, set()
        everything = history.breaks_with_exercises(ladders)
        walk.add(everything)
        self._walk = walk
        self._settle(everything)
        return KnownProgress(ladders, walk.progress())

    def _settle(self, read: list[BreakRecord]) -> None:
        in_progress = [b.id for b in read if b.in_progress]
        settled = min(in_progress) - 1 if in_progress else max((b.id for b in read), default=self._settled)
        self._folded = {i for i in self._folded | {b.id for b in read if not b.in_progress} if i > settled}
        self._settled = max(self._settled, settled)


@dataclass(frozen=True)
class Grown:
    """A hold the next break plays longer than this one did: "Plank: 50 s next time, was 45 s"."""

    exercise_id: str
    seconds: int
    was: int


def what_grew(catalog: Catalog, exercise_ids: Iterable[str], played: Mapping[str, int],
              upcoming: Mapping[str, int], hold_length: str = "short") -> list[Grown]:
    """The holds of ``exercise_ids`` that grew from ``played`` (a break's) to ``upcoming``, each once."""
    grown = []
    for exercise_id in dict.fromkeys(exercise_ids):
        base = hold_seconds(catalog.exercise(exercise_id), hold_length)
        was, seconds = played.get(exercise_id, base), upcoming.get(exercise_id, base)
        if was is not None and seconds is not None and seconds > was:
            grown.append(Grown(exercise_id, seconds, was))
    return grown
