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

"This hurts" on an exercise (the last exercise a hurt break recorded) steps
its hold back one level. A sore back (``frozen``) stops all growth: the
documents' holds play while it hurts (the history cannot say since when the
back was sore, so the growth it shows comes back, a step a week, once it is off). Nothing is stored but the history, so an imported history or another
machine gives the same holds; the time is the records', never the clock's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable, Mapping

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
    """The next level above ``hold``: at most 15 % more, never above ``ceiling``; None when none fits."""
    longer = int(hold * (1 + WEEKLY_LIMIT))
    rounded = longer - longer % 5
    if longer >= ROUND_FROM_S and rounded > hold:
        longer = rounded
    longer = min(longer, ceiling)
    return longer if longer > hold else None


def _ladder(growth: Growth) -> list[int]:
    levels = [growth.base]
    while (longer := next_hold(levels[-1], growth.ceiling)) is not None:
        levels.append(longer)
    return levels


def growing_exercises(catalog: Catalog) -> list[str]:
    """The exercises whose holds can grow: the history :func:`progression` needs is theirs."""
    return [eid for eid, exercise in catalog.exercises.items() if growth_of(exercise) is not None]


def progression(catalog: Catalog, breaks: Iterable[BreakRecord], hold_length: str = "short", *,
                frozen: bool = False) -> dict[str, Progress]:
    """Every growing exercise's hold, from ``breaks`` (any order): what the next break plays.

    ``frozen`` (a sore back): no hold grows (a hurt still steps back).
    """
    ladders = {eid: (growth, _ladder(growth)) for eid, exercise in catalog.exercises.items()
               if (growth := growth_of(exercise, hold_length)) is not None}
    state = {eid: _State() for eid in ladders}
    for record in sorted((b for b in breaks if b.moment is not None), key=lambda b: b.moment):
        hurt = record.exercises[-1] if record.outcome == Outcome.HURT.value and record.exercises else None
        for done in record.exercises:
            if done.exercise_id not in state:
                continue
            moment = done.done_at or record.moment
            levels = ladders[done.exercise_id][1]
            if done is hurt:
                state[done.exercise_id].step(max(0, state[done.exercise_id].level - 1), moment, levels)
            elif done.completed:
                state[done.exercise_id].count(moment, levels, frozen)
    return {eid: Progress(eid, ladders[eid][1][s.level], s.since, s.previous, ladders[eid][0])
            for eid, s in state.items()}


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

    def count(self, moment: datetime, levels: list[int], frozen: bool) -> None:
        self.sessions += 1
        if self.counting_from is None:
            self.counting_from = moment
        ready = self.sessions >= SESSIONS_PER_STEP and moment - self.counting_from >= STEP_INTERVAL
        if ready and not frozen and self.level + 1 < len(levels):
            self.step(self.level + 1, moment, levels)

    def step(self, level: int, moment: datetime, levels: list[int]) -> None:
        if level != self.level:
            self.previous, self.level, self.since = levels[self.level], level, moment
        self.sessions, self.counting_from = 0, moment


def progress_for(catalog: Catalog, breaks: Iterable[BreakRecord], settings: Settings) -> dict[str, Progress]:
    """:func:`progression` as the user's settings have it: the documents' holds with ``progression`` off."""
    return progression(catalog, breaks if settings.progression else (), settings.hold_length,
                       frozen=settings.sore_back)


def holds_for(catalog: Catalog, breaks: Iterable[BreakRecord], settings: Settings) -> dict[str, int]:
    """The grown holds the user's settings give today: none with ``progression`` off or a sore back."""
    return todays_holds(progress_for(catalog, breaks, settings))


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
