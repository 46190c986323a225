"""Statistics of the history: per day and week, streaks, minutes per muscle group, what was neglected.

One pure module shared by the history window and ``deskbreak stats``, so the
two can never disagree: each figure has one definition, here, and the words
that state a rule to the user (:data:`GOAL_RULE`, :data:`MINUTES_RULE`,
:data:`NEGLECT_RULE`) live beside it. It reads
:class:`~deskbreak.core.history.BreakRecord` lists and knows nothing of
SQLite or Qt.

The rules, each one a user would agree with:

- A day is the local calendar day the break happened on, in the UTC offset it
  was recorded in (so a DST change never moves a break to another day).
- ``prompted`` counts breaks deskbreak prompted (``due_at`` set), once per
  break: a break postponed twice and then taken is one prompt (same kind and
  ``due_at``), with its last outcome. Breaks the user started themselves are
  not prompts, but their outcomes count.
- Every break ends in exactly one of :data:`ENDED_OUTCOMES` on the day it
  ended, so a chart that stacks them shows every break of the history once
  (``hurt`` and ``missed`` too); a prompt still put off when the history was
  read is in ``postponed`` only.
- ``minutes`` is the time spent in exercises (done or left part way), not
  time away from the desk; each exercise's minutes count for every muscle
  group it targets. Neglect counts on purpose only exercises done to the end
  (a stretch left after a few seconds did not stretch): a group can show
  minutes and still be "never" stretched, and both panels say so.
- The daily goal is met when the share of the day's chances for a sit-break
  that were taken reaches ``goal_percent``. Chances are the prompted
  sit-breaks, the ones the user started, and the times away from the desk;
  taken are the sit-breaks completed (prompted or not) and the times away. A
  day with no prompted sit-break (weekend, holiday, day off) neither breaks
  nor extends a streak; today, still under way, extends it when met and never
  breaks it.

And the finer points:

- Each postponement counts in ``postponed`` on the day it happened, even when
  the break was taken later; the prompt itself, with its last outcome, counts
  on the day of its last record.
- A break still under way counts once it ends (its exercises count at once:
  they were done). A prompt whose latest record is under way shows its last
  ended one until then.
- Time away from the desk is kind ``natural``: older histories stored it with
  outcome ``completed``, so the kind decides, never the outcome. It is a
  chance taken, but never a prompt, so a day of only time away is still
  neutral; and since every walk is a chance as well as taken, walks can lift
  a day's share but never past what was offered ("5 of 3" cannot happen).
- Days after ``last`` (a clock that was set back) count for nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Iterable, Mapping, Sequence

from deskbreak.core.content.catalog import Catalog
from deskbreak.core.history import BreakRecord
from deskbreak.core.history.progression import Progress, progress_for
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate
from deskbreak.core.kinds import NATURAL_BREAK_KIND, BreakKind, Outcome
from deskbreak.core.settings import Settings
from deskbreak.core.content.suggest import offerable_targets

# The catalog's muscle groups (catalog.TARGETS) in words; translated where shown.
TARGET_LABELS: Mapping[str, str] = {
    "lower_back": QT_TRANSLATE_NOOP("targets", "Lower back"),
    "upper_back": QT_TRANSLATE_NOOP("targets", "Upper back"),
    "hip_flexors": QT_TRANSLATE_NOOP("targets", "Hip flexors"),
    "hamstrings": QT_TRANSLATE_NOOP("targets", "Hamstrings"),
    "glutes": QT_TRANSLATE_NOOP("targets", "Glutes"),
    "core": QT_TRANSLATE_NOOP("targets", "Core"),
    "shoulders": QT_TRANSLATE_NOOP("targets", "Shoulders"),
    "legs": QT_TRANSLATE_NOOP("targets", "Legs"),
    "feet": QT_TRANSLATE_NOOP("targets", "Feet"),
}


def target_label(target: str) -> str:
    """ "hip_flexors" -> "Hip flexors" in the user's language; an unknown target in plain words."""
    label = TARGET_LABELS.get(target)
    return translate("targets", label) if label is not None else target.replace("_", " ").capitalize()


# The whole-number columns of a day, in the order tables and --json show them.
COUNT_NAMES = (
    "prompted", "completed", "partial", "skipped", "postponed", "natural", "missed", "hurt", "runs_prepared",
)
# How a break can end (a day's count of each), taken ones first: what the week chart stacks.
# Postponed is not one: the break lives on and ends in one of these.
ENDED_OUTCOMES = ("completed", "natural", "partial", "skipped", "hurt", "missed")

# The rules behind the figures, in words, for every place that shows them (the window, `deskbreak stats`).
GOAL_RULE = QT_TRANSLATE_NOOP(
    "stats", "A day meets the goal when you take {goal} % of its sit-breaks: the prompted ones, those you "
    "started and your times away from the desk. Days without a prompted sit-break neither break nor extend "
    "the streak.")
MINUTES_RULE = QT_TRANSLATE_NOOP(
    "stats", "Minutes per muscle group count the time in exercises, also those left part way; an exercise "
    "counts for every muscle group it works.")
NEGLECT_RULE = QT_TRANSLATE_NOOP(
    "stats", "Not stretched lately counts only exercises done to the end: a stretch left after a few seconds "
    "did not stretch.")
# What a prerun break must end as for the run to count as prepared.
_PREPARED = (Outcome.COMPLETED.value, Outcome.PARTIAL.value)


@dataclass(frozen=True)
class DayStats:
    """One local calendar day's breaks; ``minutes_by_target`` names every target asked for, zeros too."""

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
    sit_chances: int = 0
    """Prompted and self-started sit-breaks plus times away: what ``sit_taken`` is out of."""
    minutes_by_target: Mapping[str, float] = field(default_factory=dict)

    @property
    def ended(self) -> int:
        """Breaks that came to an end that day, however (:data:`ENDED_OUTCOMES`)."""
        return sum(getattr(self, outcome) for outcome in ENDED_OUTCOMES)

    @property
    def taken_percent(self) -> float | None:
        """The share of the day's sit-break chances taken; None with no prompted sit-break."""
        return _taken_percent(self.sit_taken, self.sit_chances, self.sit_prompted)

    def goal_met(self, goal_percent: int) -> bool | None:
        """Whether the day met the goal; None for a day with no prompted sit-break."""
        return _goal_met(self.sit_taken, self.sit_chances, self.sit_prompted, goal_percent)


def _taken_percent(sit_taken: int, sit_chances: int, sit_prompted: int) -> float | None:
    # Chances include the prompts; max() keeps a hand-built DayStats without them from dividing by 0.
    return None if sit_prompted == 0 else sit_taken * 100 / max(sit_chances, sit_prompted, sit_taken)


def taken_text(sit_taken: int, sit_chances: int) -> str:
    """ "3 of 5": sit-breaks taken out of the day's chances, in the same words wherever they are shown."""
    return translate("stats", "{taken} of {chances}").format(taken=sit_taken, chances=sit_chances)


def _goal_met(sit_taken: int, sit_chances: int, sit_prompted: int, goal_percent: int) -> bool | None:
    share = _taken_percent(sit_taken, sit_chances, sit_prompted)
    return None if share is None else share >= goal_percent


def _summed(name: str) -> property:
    return property(lambda period: sum(getattr(day, name) for day in period.days),
                    doc=f"``{name}`` summed over the days.")


class _Totals:
    """The totals of a run of days (``self.days``), named as on a day."""

    days: tuple[DayStats, ...]

    prompted = _summed("prompted")
    completed = _summed("completed")
    partial = _summed("partial")
    skipped = _summed("skipped")
    postponed = _summed("postponed")
    natural = _summed("natural")
    missed = _summed("missed")
    hurt = _summed("hurt")
    minutes = _summed("minutes")
    runs_prepared = _summed("runs_prepared")
    sit_prompted = _summed("sit_prompted")
    sit_taken = _summed("sit_taken")
    sit_chances = _summed("sit_chances")

    @property
    def minutes_by_target(self) -> dict[str, float]:
        return _summed_minutes(day.minutes_by_target for day in self.days)


@dataclass(frozen=True)
class WeekStats(_Totals):
    """An ISO week (Monday first) of :class:`DayStats`, with its totals.

    At the ends of a report's range a week holds only the days in range, so
    its totals never count breaks outside the period asked for.
    """

    start: date
    """The Monday, even when that day is before the report's ``first``."""
    days: tuple[DayStats, ...]


@dataclass(frozen=True)
class PeriodTotals(_Totals):
    """The totals of a report's whole period (:attr:`StatsReport.total`)."""

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
class ExerciseFigures:
    """One exercise over a report's period: how often it was done to the end, and its minutes."""

    id: str
    name: str
    """Its name in the catalog (the user's own exercises too); its id once it is gone from the catalog."""
    done: int
    minutes: float


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
    progression: Mapping[str, Progress] = field(default_factory=dict)
    """Each growing exercise's hold today and since when (core/history/progression.py)."""
    exercises: tuple[ExerciseFigures, ...] = ()
    """Every exercise done (even in part) in the period, the most often done to the end first."""

    @property
    def total(self) -> PeriodTotals:
        return PeriodTotals(self.days)

    def to_json(self) -> dict:
        """The ``deskbreak stats --json`` document (stable keys: ``days``, ``streak``, ``minutes_by_target``)."""
        goal = self.streak.goal
        return {
            "first": self.first.isoformat(),
            "last": self.last.isoformat(),
            "days": [
                {"date": day.date.isoformat(), **_totals_json(day), "goal_met": day.goal_met(goal),
                 "minutes_by_target": _minutes_json(day.minutes_by_target)}
                for day in self.days
            ],
            "weeks": [
                {"start": week.start.isoformat(), **_totals_json(week),
                 "minutes_by_target": _minutes_json(week.minutes_by_target)}
                for week in self.weeks
            ],
            "streak": {"current": self.streak.current, "best": self.streak.best, "goal": goal},
            "minutes_by_target": _minutes_json(self.minutes_by_target),
            "neglected": [{"target": n.target, "days": n.days} for n in self.neglected],
            "progression": {exercise_id: progress.to_json() for exercise_id, progress in self.progression.items()},
            "exercises": [{"id": e.id, "name": e.name, "done": e.done, "minutes": round(e.minutes, 1)}
                          for e in self.exercises],
        }


# The goal's figures: sit-breaks taken out of the chances (see the module docstring).
_GOAL_COUNT_NAMES = ("sit_prompted", "sit_taken", "sit_chances")


def _totals_json(period: DayStats | _Totals) -> dict:
    totals = {name: getattr(period, name) for name in (*COUNT_NAMES, *_GOAL_COUNT_NAMES)}
    totals["minutes"] = round(period.minutes, 1)
    return totals


def _minutes_json(minutes: Mapping[str, float]) -> dict[str, float]:
    return {target: round(value, 1) for target, value in minutes.items()}


def _summed_minutes(parts: Iterable[Mapping[str, float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for part in parts:
        for target, minutes in part.items():
            total[target] = total.get(target, 0.0) + minutes
    return total


class _Tally:
    """One day's figures while the records are read (DayStats is frozen)."""

    __slots__ = ("counts", "sit_prompted", "sit_self_started", "sit_completed", "seconds_by_exercise",
                 "worked_exercises")

    def __init__(self) -> None:
        self.counts: dict[str, int] = defaultdict(int)
        self.sit_prompted = 0
        self.sit_self_started = 0
        self.sit_completed = 0  # prompted or self-started
        # Every exercise done that day, even in part or in no time, with its
        # seconds. Per exercise, not per muscle group: a day repeats the same
        # few exercises, so spreading them over their groups once per day
        # instead of once per exercise done is what keeps five years fast.
        self.seconds_by_exercise: dict[str, float] = {}
        # Exercises done to the end, and how often: only these count as having worked
        # a muscle group (a stretch skipped after a few seconds did not stretch it).
        self.worked_exercises: dict[str, int] = {}

    def sit_taken(self) -> int:
        return self.sit_completed + self.counts.get("natural", 0)

    def sit_chances(self) -> int:
        return self.sit_prompted + self.sit_self_started + self.counts.get("natural", 0)

    def goal_met(self, goal_percent: int) -> bool | None:
        # DayStats' rule, without building a DayStats for each day of five years of streaks.
        return _goal_met(self.sit_taken(), self.sit_chances(), self.sit_prompted, goal_percent)

    def worked(self, targets_of: Mapping[str, Sequence[str]]) -> set[str]:
        """The muscle groups the day's completed exercises worked (for neglect)."""
        return {target for exercise_id in self.worked_exercises for target in targets_of.get(exercise_id, ())}

    def day_stats(self, day: date, targets_of: Mapping[str, Sequence[str]], target_order: Sequence[str]) -> DayStats:
        minutes_by_target = dict.fromkeys(target_order, 0.0)
        for exercise_id, seconds in self.seconds_by_exercise.items():
            for target in targets_of.get(exercise_id, ()):
                minutes_by_target[target] = minutes_by_target.get(target, 0.0) + seconds / 60
        return DayStats(
            date=day,
            **{name: self.counts.get(name, 0) for name in COUNT_NAMES},
            minutes=sum(self.seconds_by_exercise.values()) / 60,
            sit_prompted=self.sit_prompted,
            sit_taken=self.sit_taken(),
            sit_chances=self.sit_chances(),
            minutes_by_target=minutes_by_target,
        )


# Read only (never counted into), for the days of the period without a record.
_EMPTY_DAY = _Tally()


# Plain strings for the loop below, which runs once per break of the whole history.
_POSTPONED, _COMPLETED = Outcome.POSTPONED.value, Outcome.COMPLETED.value
_SIT, _PRERUN = BreakKind.SIT.value, BreakKind.PRERUN.value


def _tally_days(records: Iterable[BreakRecord]) -> dict[date, _Tally]:
    # A day is moment.date() in the moment's own stored offset: the wall clock
    # the user saw, never converted to today's zone.
    tallies: dict[date, _Tally] = defaultdict(_Tally)
    # The latest ended record of each prompt, by (kind, due_at): what the prompt came to.
    prompts: dict[tuple[str, datetime], BreakRecord] = {}
    for record in records:
        moment = record.moment
        if moment is None:
            continue
        tally = tallies[moment.date()]
        done = tally.seconds_by_exercise
        for exercise in record.exercises:
            seconds = exercise.seconds
            if seconds > 0 or exercise.completed:
                done[exercise.exercise_id] = done.get(exercise.exercise_id, 0.0) + seconds
            if exercise.completed:
                worked = tally.worked_exercises
                worked[exercise.exercise_id] = worked.get(exercise.exercise_id, 0) + 1
        outcome = record.outcome
        if outcome is None:
            continue
        if record.kind == NATURAL_BREAK_KIND:
            tally.counts["natural"] += 1
        elif record.due_at is None:
            _count_outcome(tally, record.kind, outcome)
            if record.kind == _SIT:
                tally.sit_self_started += 1
                tally.sit_completed += outcome == _COMPLETED
        else:
            if outcome == _POSTPONED:
                # Every postponement counts where it happened, whatever the prompt came to.
                tally.counts[_POSTPONED] += 1
            key = (record.kind, record.due_at)
            latest = prompts.get(key)
            if latest is None or (moment, record.id) >= (latest.moment, latest.id):
                prompts[key] = record
    for (kind, _due), record in prompts.items():
        tally = tallies[record.moment.date()]
        tally.counts["prompted"] += 1
        if record.outcome != _POSTPONED:  # already counted above, once per postponement
            _count_outcome(tally, kind, record.outcome)
        if kind == _SIT:
            tally.sit_prompted += 1
            tally.sit_completed += record.outcome == _COMPLETED
    return tallies


def _count_outcome(tally: _Tally, kind: str, outcome: str) -> None:
    tally.counts[outcome] += 1
    if kind == _PRERUN and outcome in _PREPARED:
        tally.counts["runs_prepared"] += 1


def _streak(tallies: Mapping[date, _Tally], last: date, goal_percent: int) -> Streak:
    judged = [(day, tallies[day].goal_met(goal_percent)) for day in sorted(tallies) if day <= last]
    # Neutral days are simply left out: they neither break nor extend a run.
    met_days = [(day, met) for day, met in judged if met is not None]
    if met_days and met_days[-1] == (last, False):
        met_days.pop()  # today is still under way: an unmet today breaks nothing yet
    best = run = 0
    for _day, met in met_days:
        run = run + 1 if met else 0
        best = max(best, run)
    return Streak(current=run, best=best, goal=goal_percent)


def _neglected(
    tallies: Mapping[date, _Tally],
    last: date,
    targets_of: Mapping[str, Sequence[str]],
    all_targets: Sequence[str],
    neglect_days: int,
) -> tuple[Neglected, ...]:
    last_worked: dict[str, date] = {}
    for day in sorted((day for day in tallies if day <= last), reverse=True):
        for target in tallies[day].worked(targets_of):
            last_worked.setdefault(target, day)
        if all(target in last_worked for target in all_targets):
            break  # every group found: older days cannot change a thing
    found = []
    for order, target in enumerate(all_targets):
        worked = last_worked.get(target)
        days = None if worked is None else (last - worked).days
        if days is None or days >= neglect_days:
            found.append((order, Neglected(target, days)))
    # Never worked first, then the longest gap; the catalog's order among equals.
    found.sort(key=lambda item: (item[1].days is not None, -(item[1].days or 0), item[0]))
    return tuple(neglected for _order, neglected in found)


def _weeks(days: Sequence[DayStats]) -> tuple[WeekStats, ...]:
    by_monday: dict[date, list[DayStats]] = {}
    for day in days:
        by_monday.setdefault(day.date - timedelta(days=day.date.weekday()), []).append(day)
    return tuple(WeekStats(start=monday, days=tuple(week)) for monday, week in by_monday.items())


def compute_stats(
    records: Iterable[BreakRecord],
    *,
    first: date,
    last: date,
    targets_of: Mapping[str, Sequence[str]],
    all_targets: Sequence[str],
    goal_percent: int,
    neglect_days: int,
    names: Mapping[str, str] | None = None,
) -> StatsReport:
    """The statistics of ``first`` .. ``last`` (``last`` is today); streaks and neglect use every record given.

    ``names``: the exercises' names by id (an exercise not in it is shown by its id).
    """
    if first > last:
        raise ValueError(f"the period ends ({last}) before it begins ({first})")
    tallies = _tally_days(records)
    days = tuple(
        tallies.get(day, _EMPTY_DAY).day_stats(day, targets_of, all_targets)
        for day in (first + timedelta(days=n) for n in range((last - first).days + 1))
    )
    return StatsReport(
        first=first,
        last=last,
        days=days,
        weeks=_weeks(days),
        streak=_streak(tallies, last, goal_percent),
        minutes_by_target=_summed_minutes(day.minutes_by_target for day in days),
        neglected=_neglected(tallies, last, targets_of, all_targets, neglect_days),
        exercises=_exercise_figures([tallies[day] for day in tallies if first <= day <= last], names or {}),
    )


def _exercise_figures(tallies: Iterable[_Tally], names: Mapping[str, str]) -> tuple[ExerciseFigures, ...]:
    seconds: dict[str, float] = {}
    done: dict[str, int] = {}
    for tally in tallies:
        for exercise_id, spent in tally.seconds_by_exercise.items():
            seconds[exercise_id] = seconds.get(exercise_id, 0.0) + spent
        for exercise_id, count in tally.worked_exercises.items():
            done[exercise_id] = done.get(exercise_id, 0) + count
    figures = [ExerciseFigures(exercise_id, names.get(exercise_id, exercise_id), done.get(exercise_id, 0), spent / 60)
               for exercise_id, spent in seconds.items()]
    return tuple(sorted(figures, key=lambda figure: (-figure.done, -figure.minutes, figure.name)))


def stats_for(records: Iterable[BreakRecord], catalog: Catalog, settings: Settings, *,
              first: date, last: date) -> StatsReport:
    """:func:`compute_stats` with the user's catalog and settings: the one call the window and the CLI make.

    Only muscle groups some break can work count as neglected (see
    :func:`~deskbreak.core.content.suggest.offerable_targets`): a group nothing
    offers would be "never stretched" forever.
    """
    records = list(records)
    report = compute_stats(
        records,
        first=first,
        last=last,
        targets_of=targets_by_exercise(catalog),
        all_targets=offerable_targets(catalog, settings),
        goal_percent=settings.daily_goal,
        neglect_days=settings.neglect_days,
        names={exercise.id: exercise.name for exercise in catalog.exercises.values()},
    )
    return replace(report, progression=progress_for(catalog, records, settings))


def targets_by_exercise(catalog: Catalog) -> dict[str, Sequence[str]]:
    """The muscle groups each exercise of ``catalog`` works, by exercise id."""
    return {exercise.id: exercise.targets for exercise in catalog.exercises.values()}


def targets_worked(records: Iterable[BreakRecord], catalog: Catalog) -> list[str]:
    """The muscle groups the records' exercises worked, in the order first worked (the done view's "Today so far").

    The neglect panel's rule: only an exercise done to the end worked its groups.
    """
    targets_of = targets_by_exercise(catalog)
    worked: dict[str, None] = {}
    for record in records:
        for exercise in record.exercises:
            if exercise.completed:
                worked.update(dict.fromkeys(targets_of.get(exercise.exercise_id, ())))
    return list(worked)
