"""The break session: one owner for a break from "due" to its row in the history.

:class:`BreakSession` owns the engine, its settings subscription, the catalog
(with the user's exercises and routines), the history (read here, written by the
:class:`~deskbreak.core.history.writer.HistoryWriter` off the caller's thread)
and the day's discipline saved beside it. The window layer feeds it time
(:meth:`BreakSession.step`) and every user action (:meth:`BreakSession.apply`,
:meth:`BreakSession.exercise_done`, :meth:`BreakSession.finish_break`), and
renders what it emits, nothing else.

When a break is announced or starts, the session works out its
:class:`BreakPlan` once (the routine, its exercises and segments, how long it
takes, the names a notice features, whether the user may end it) and carries
it on :class:`BreakAnnounced` and :class:`BreakShown`. The holds grown with
the user that a plan plays are kept in memory (:meth:`BreakSession.todays_holds`):
worked out on the history writer's thread at start and brought up to date
there after each break is written, so planning reads no history. It keeps the shown
break's history row and exercise counts, and decides the outcome the history
records once, in :meth:`BreakSession._close_row` (the rule is
:func:`~deskbreak.core.history.honest_outcome`); :class:`BreakClosed` carries
it. Every other engine event is passed on as it is.

Presence comes through small ports: an :class:`~deskbreak.core.ports.IdleMonitor`,
the ``locked`` flag and one ``holds(now)`` callable answering why not to
interrupt now. No Qt here: tests drive it with a fake clock (tests/core/test_session.py).

Nothing behind the lock screen counts: the host sets ``locked`` from the
desktop's answer at start and at each lock signal, and steps at once. The
engine holds a break that falls due while locked (see its rules); an
exercise of a shown break that ends while the screen is locked, or was under
way when it locked, is recorded not completed, and a break none of whose
exercises was seen through is recorded ``missed``, never ``completed``.
"""

from __future__ import annotations

import logging
import sqlite3
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Mapping, Sequence, TypeVar

from deskbreak import __version__
from deskbreak.core import commands as cmd
from deskbreak.core.content.catalog import Catalog, Exercise, Routine
from deskbreak.core.content.user_exercises import (EXERCISE_TABLE, ProfileCatalog, UserExercisesError,
                                                   load_profile_catalog, not_tables_problem, validate_exercise_entry)
from deskbreak.core.content.user_exercises_writing import (ImportReport, add_user_exercise, exported_exercises,
                                                           import_user_exercises)
from deskbreak.core.files import read_toml_table
from deskbreak.core.clock import Clock
from deskbreak.core.describe import elapsed_duration, status_line
from deskbreak.core.scheduling.discipline import DISCIPLINE_FILE_NAME, DisciplineFileError, load_discipline, save_discipline
from deskbreak.core.scheduling.engine import (SCHEDULE_KEYS, BackAtDesk, Break, BreakEnded, BreakEngine, BreakPostponed,
                                   BreakStarted, Discipline, Event, NaturalBreak, Paused, PreludeStarted, Presence,
                                   State)
from deskbreak.core.content.guide import Segment, total_seconds
from deskbreak.core.history import HistoryError, HistoryStore, honest_outcome
from deskbreak.core.history.progression import (Grown, KeptProgression, KnownProgress, Ladders, holds_played,
                                                 ladders_for, what_grew)
from deskbreak.core.history.stats import targets_worked
from deskbreak.core.history.writer import HistoryWriter
from deskbreak.core.i18n import translate
from deskbreak.core.kinds import NATURAL_BREAK_KIND, BreakKind, Outcome
from deskbreak.core.ports import IdleMonitor
from deskbreak.core.settings import Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.core.content.suggest import suggest_break
from deskbreak.core.content.timeline import break_exercise_ids, exercise_segments, routine_seconds

log = logging.getLogger("deskbreak")

# The settings the grown holds are worked out for (each hold length climbs its own ladder).
PROGRESSION_KEYS = frozenset({"hold_length"})

T = TypeVar("T")


def routine_for(catalog: Catalog, kind: BreakKind) -> Routine:
    """The routine a break of ``kind`` plays."""
    return catalog.routines_of_kind(kind.value)[0]


@dataclass(frozen=True, eq=False)
class BreakPlan:
    """Everything about one break that the notice, the window and the history need, worked out once."""

    brk: Break
    routine: Routine
    exercises: tuple[Exercise, ...]
    """What the break plays: its routine's exercises, made gentle for a sore back."""
    segments: tuple[Segment, ...]
    seconds: float
    featured: tuple[str, ...]
    """The names (as shown) a notice announces: a sit-break's rotation group (the walk and circles come every time)."""
    end_allowed: bool
    """Whether the user may end it: always their own break, a prompted one while the rules allow a skip."""
    skips_left: int | None
    settings: Settings
    catalog: Catalog
    holds: dict[str, int] = field(default_factory=dict)
    """The holds grown with the user that the segments play (core/history/progression.py)."""

    @property
    def exercise_ids(self) -> list[str]:
        return [exercise.id for exercise in self.exercises]


@dataclass(frozen=True)
class BreakAnnounced(Event):
    """A break is near (the engine's prelude): announce it."""

    plan: BreakPlan


@dataclass(frozen=True)
class BreakShown(Event):
    """A break starts: show its window; its history row is open."""

    plan: BreakPlan


@dataclass(frozen=True)
class BreakClosed(Event):
    """A break ended (done, skipped, hurt, replaced...): ``outcome`` is what the history records."""

    brk: Break
    outcome: Outcome
    reason: str = ""


@dataclass(frozen=True)
class SettingsApplied(Event):
    """The schedule's settings changed; ``notice_withdrawn``: the announced break moved, its notice is stale."""

    notice_withdrawn: bool


@dataclass
class _ShownBreak:
    """The row of the break on screen, and its exercises planned and done, for its honest outcome."""

    row: Future[int] | None
    planned: int
    done: int = 0
    locked_since_last_exercise: bool = False
    """The screen locked while the exercise under way played: it played to nobody."""
    played_to_nobody: int = 0


class BreakSession:
    """Owns a break from due to recorded; see the module docstring.

    ``on_events`` receives every list of events to render; ``stop_routine``
    asks the window to report the exercise under way (through
    :meth:`exercise_done`) before a break it plays is closed.
    """

    def __init__(
        self,
        *,
        store: SettingsStore,
        catalog: Catalog,
        clock: Clock,
        history: HistoryStore | None,
        idle: IdleMonitor,
        history_writer: HistoryWriter | None = None,
        routines_path: Path | None = None,
        exercises_path: Path | None = None,
        holds: Callable[[datetime], str | None] = lambda now: None,
        on_events: Callable[[list[Event]], None] = lambda events: None,
        stop_routine: Callable[[], None] = lambda: None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.idle = idle
        self._locked = False
        self.holds = holds
        self.on_events = on_events
        self.stop_routine = stop_routine
        self.routines_path = routines_path
        self.exercises_path = exercises_path
        self.shipped_catalog = catalog
        """The catalog as installed: the figures' poses are loaded for its exercises."""
        content = self._load_user_content()
        self.default_catalog: Catalog = content.defaults
        """The installed catalog with the user's exercises: the default routines, which routines.toml changes."""
        self.catalog: Catalog = content.catalog
        self.startup_problems = content.problems
        self._left_out_exercises = content.left_out  # ids exercises.toml holds in tables left out
        # Read here, on the caller's thread; written by the writer, on its own, so a busy file
        # (an import in another process) never stops the app.
        self.history = history
        if history_writer is None and history is not None:
            history_writer = HistoryWriter.for_file(history.path)
        self.history_writer = history_writer
        self.engine = BreakEngine(store.settings, clock.now())
        # Beside the history: today's skips, postpones and rotation outlive a restart.
        history_path = getattr(history, "path", None)
        self._discipline_path = None if history_path is None else Path(history_path).with_name(DISCIPLINE_FILE_NAME)
        self._kept = self._restore_discipline()
        self._plan: BreakPlan | None = None
        # The grown holds: worked out on the writer's thread (which alone touches the walk), taken
        # here from the last job's future once it is done. Until then the articles' holds play.
        self._kept_progression = KeptProgression()
        self._progress_job: tuple[Ladders, Future[KnownProgress]] | None = None
        self._progress: KnownProgress | None = None
        self._shown: _ShownBreak | None = None
        store.subscribe(self._settings_changed, keys=SCHEDULE_KEYS)
        store.subscribe(lambda keys: self.todays_holds(), keys=PROGRESSION_KEYS)  # asks for them at once
        self._bring_holds_up_to_date(ladders_for(self.catalog, self.settings.hold_length))

    @property
    def settings(self) -> Settings:
        return self.store.settings

    @property
    def locked(self) -> bool:
        """Whether the screen is locked; set it, then :meth:`step`, when that changes."""
        return self._locked

    @locked.setter
    def locked(self, locked: bool) -> None:
        self._locked = locked
        if locked and self._shown is not None:
            self._shown.locked_since_last_exercise = True

    # -- time and commands in, events out ------------------------------------

    def step(self) -> None:
        """Step the engine with the time and the user's presence; emit what happened."""
        now = self.clock.now()
        presence = Presence(self.idle.idle_seconds(), locked=self.locked, busy=self.holds(now))
        self._emit(self.engine.step(now, presence))

    def apply(self, command: cmd.EngineCommand) -> None:
        """A user's command (menu, button, notification, command line); emits what happened."""
        self._emit(self.engine.apply(command, self.clock.now()))

    def start_break_for(self, neglected: Sequence[str]) -> None:
        """The break that works the neglected muscle groups best, now (a sit-break when none does)."""
        suggestion = suggest_break(self.catalog, self.settings, neglected)
        if suggestion is None:
            self.apply(cmd.StartBreak())
        else:
            # Offered for the muscle groups, not for a run: tonight's run keeps its reminder.
            self.apply(cmd.StartBreak(suggestion.kind, suggestion.sequence, for_run=False))

    def exercise_done(self, exercise_id: str, seconds: float, completed: bool) -> None:
        """The window ended one exercise of the shown break (done to the end or not)."""
        shown = self._shown
        if shown is None:
            return
        if shown.locked_since_last_exercise:
            shown.played_to_nobody += completed
            completed = False
        shown.locked_since_last_exercise = self._locked
        shown.done += completed
        row, now = shown.row, self.clock.now()
        if row is not None:
            # The writer runs writes in order: the break's row is written by the time this reads its id.
            self._write_history("record an exercise", lambda h: h.record_exercise(
                row.result(), exercise_id, seconds, completed, now))

    def finish_break(self, ended_as: Outcome) -> None:
        """The window ended its routine: done, stopped because it hurt, or ended early."""
        self.apply(cmd.FinishBreak(ended_as, reason=translate("app", "ended by the user")))

    def settle_for_quit(self) -> None:
        """Quitting (menu, `deskbreak quit`, SIGTERM, logout) mid-break: its row closes as missed."""
        self.stop_routine()
        if self._shown is not None:
            now, note = self.clock.now(), translate("app", "deskbreak quit during the break")
            current = self.engine.status(now).current
            recorded = self._close_row(now, Outcome.MISSED, note)
            log.info("%s", _ended_line(current.kind if current else None, recorded, note))

    def close(self) -> None:
        """Quit: keep the day's discipline, and write every break recorded so far before returning."""
        self._keep_discipline(quitting=True)
        if self.history_writer is not None:
            self.history_writer.close()
        if self.history is not None:
            self.history.close()

    def _emit(self, events: list[Event]) -> None:
        rendered = [self._record(event) for event in events]
        self._keep_discipline()
        self.on_events(rendered)

    def _record(self, event: Event) -> Event:
        """Keep the history for one engine event; returns the event the window layer renders."""
        if not isinstance(event, BreakEnded):  # logged below, with the outcome the history records
            log.info("%s", _describe_event(event))
        if isinstance(event, PreludeStarted):
            return BreakAnnounced(event.at, self.plan_for(event.brk))
        if isinstance(event, BreakStarted):
            return BreakShown(event.at, self._open_row(event))
        if isinstance(event, BreakPostponed):
            self.stop_routine()
            self._close_row(event.at, Outcome.POSTPONED)
        elif isinstance(event, BreakEnded):
            self.stop_routine()
            if self._shown is None:
                self._record_unshown(event)
                recorded = event.outcome
            else:
                recorded = self._close_row(event.at, event.outcome, event.reason)
            log.info("%s", _ended_line(event.brk.kind, recorded, event.reason))
            return BreakClosed(event.at, event.brk, recorded, event.reason)
        elif isinstance(event, BackAtDesk):
            self._record_natural_break(event)
        return event

    # -- the plan -----------------------------------------------------------------

    def plan_for(self, brk: Break) -> BreakPlan:
        """The plan of ``brk``: worked out when it is first announced or shown, then reused."""
        settings, catalog, plan, now = self.settings, self.catalog, self._plan, self.clock.now()
        if plan is not None and plan.brk == brk and plan.settings is settings and plan.catalog is catalog \
                and plan.skips_left == self.engine.status(now).skips_left:
            return plan
        routine = routine_for(catalog, brk.kind)
        ids = break_exercise_ids(catalog, routine, settings, brk.sequence)
        exercises = tuple(catalog.exercise(e) for e in ids)
        holds = self.todays_holds()
        segments = tuple(exercise_segments(exercises, routine, settings, holds))
        # A sit-break's news is its rotation group; the walk and circles come every time.
        featured = [e for e in ids if e not in routine.exercises] if routine.rotation else ids
        status = self.engine.status(now)
        self._plan = BreakPlan(
            brk=brk, routine=routine, exercises=exercises, segments=segments,
            seconds=total_seconds(segments), featured=tuple(catalog.exercise(e).shown_name() for e in featured or ids),
            end_allowed=brk.user_started or (status.can_skip and status.skips_left != 0),
            skips_left=status.skips_left, settings=settings, catalog=catalog, holds=holds)
        return self._plan

    def holds_grown(self) -> list[Grown]:
        """The holds of the last break that the next one plays longer (call once its exercises are written)."""
        plan = self._plan
        if plan is None:
            return []
        return what_grew(plan.catalog, plan.exercise_ids, plan.holds, self.todays_holds(), plan.settings.hold_length)

    def todays_holds(self) -> dict[str, int]:
        """The holds grown with the user that a break plays now, as the settings allow.

        Kept in memory, so this reads no history: the articles' holds until the
        writer's thread has worked them out (at start, and again after a
        change of the catalog or of ``hold_length``).
        """
        ladders = ladders_for(self.catalog, self.settings.hold_length)
        job = self._progress_job
        if job is not None and job[1].done() and not job[1].cancelled() and job[1].exception() is None:
            self._progress = job[1].result()
        if self._progress is not None and self._progress.ladders == ladders:
            return holds_played(self._progress.progress, self.settings)
        # A job that failed (the writer logged why) is tried again after the next break, not at every ask.
        if job is None or job[0] != ladders:
            self._bring_holds_up_to_date(ladders)
        return {}

    def _bring_holds_up_to_date(self, ladders: Ladders) -> None:
        """Queue the holds' update behind the writes queued so far, on the writer's thread (see todays_holds)."""
        if self.history_writer is None:
            return
        kept = self._kept_progression
        self._progress_job = (ladders, self.history_writer.submit(
            "work out the grown holds", lambda history: kept.up_to_date(history, ladders)))

    def routine_lengths(self, now: datetime) -> dict[BreakKind, float]:
        """How long each kind of break takes now, in seconds (the sit-break: the group the day is at)."""
        status = self.engine.status(now)
        upcoming = status.upcoming if status.upcoming is not None else status.current
        sequence = upcoming.sequence if upcoming is not None and upcoming.kind == BreakKind.SIT else 0
        holds = self.todays_holds()
        return {kind: routine_seconds(self.catalog, routine_for(self.catalog, kind), self.settings,
                                      sequence if kind == BreakKind.SIT else 0, holds)
                for kind in BreakKind}

    # -- the history ------------------------------------------------------------------

    def _open_row(self, event: BreakStarted) -> BreakPlan:
        brk, plan = event.brk, self.plan_for(event.brk)
        due = None if brk.user_started else brk.due
        kind, routine_id, planned, settings = brk.kind.value, plan.routine.id, len(plan.exercises), plan.settings
        # Whether it plays the grown holds: only such a break may grow them (core/history/progression.py).
        row = self._write_history("start the break", lambda h: h.start_break(
            kind, routine_id, due, event.at, planned, settings.sore_back, settings.progression))
        self._shown = _ShownBreak(row, planned, locked_since_last_exercise=self._locked)
        return plan

    def _close_row(self, at: datetime, ended_as: Outcome, note: str = "") -> Outcome:
        """Close the shown break's row with its outcome, decided here once (what the exercises say)."""
        shown, self._shown = self._shown, None
        if shown is None:
            return ended_as
        if shown.played_to_nobody and not shown.done and ended_as == Outcome.COMPLETED:
            ended_as = Outcome.MISSED  # played behind the lock screen from start to end
        outcome = honest_outcome(ended_as, shown.planned, shown.done)
        if shown.row is not None:
            row = shown.row
            self._write_history("finish the break", lambda h: h.finish_break(row.result(), at, outcome.value, note))
            self._bring_holds_up_to_date(ladders_for(self.catalog, self.settings.hold_length))
        return outcome

    def _record_unshown(self, event: BreakEnded) -> None:
        brk = event.brk
        routine = routine_for(self.catalog, brk.kind)
        self._write_history("record the break", lambda h: h.record_break(
            brk.kind.value, routine.id, brk.due, None, event.at, event.outcome.value, event.reason))

    def _record_natural_break(self, event: BackAtDesk) -> None:
        """Time away that counted as a break, with its length, once the user is back."""
        away = (event.at - event.away_since).total_seconds()
        note = translate("app", "away from the desk for {duration}").format(duration=elapsed_duration(away))
        self._write_history("record the natural break", lambda h: h.record_break(
            NATURAL_BREAK_KIND, None, None, event.away_since, event.at, Outcome.NATURAL.value, note))

    def _write_history(self, what: str, write: Callable[[HistoryStore], T]) -> Future[T] | None:
        """Queue one history write; returns at once (see core/history/writer.py).

        ``write`` runs on the writer's thread, later: it may use only values
        fixed now, never ``self`` or the clock. A failing disk costs that
        record (the writer logs it), never the break itself.
        """
        if self.history_writer is None:
            return None
        return self.history_writer.submit(what, write)

    def read_history(self, what: str, read: Callable[[HistoryStore], T]) -> T | None:
        """One read of the history on this thread; a failing disk costs what it would show."""
        if self.history is None:
            return None
        try:
            return read(self.history)
        except (HistoryError, sqlite3.Error, OSError) as exc:
            log.warning("history: could not %s: %s", what, exc)
            return None

    def targets_worked_today(self, now: datetime) -> list[str]:
        """The muscle groups of every exercise done today, in the catalog's order of first use."""
        midnight = datetime.combine(now.date(), datetime.min.time(), now.tzinfo)
        return targets_worked(self.read_history("read today's breaks", lambda h: h.breaks(midnight)) or [],
                              self.catalog)

    # -- settings, routines and the day's discipline -------------------------------------

    def _settings_changed(self, keys: frozenset[str]) -> None:
        log.info("settings changed: %s", ", ".join(sorted(keys)))
        now = self.clock.now()
        announced = self.engine.status(now).state == State.PRELUDE
        self.engine.apply_settings(self.store.settings)
        moved = announced and self.engine.status(now).state != State.PRELUDE
        self.on_events([SettingsApplied(now, notice_withdrawn=moved)])

    def _load_user_content(self) -> ProfileCatalog:
        return load_profile_catalog(self.exercises_path, self.routines_path, self.shipped_catalog)

    def reload_routines(self) -> tuple[bool, list[str]]:
        """Re-read exercises.toml and routines.toml, which the next break plays: (whether they changed, problems)."""
        content = self._load_user_content()
        self._left_out_exercises = content.left_out
        changed = (content.catalog.routines != self.catalog.routines
                   or content.catalog.exercises != self.catalog.exercises)
        if changed:
            self.default_catalog, self.catalog = content.defaults, content.catalog
            log.info("routines or exercises changed")
        return changed, content.problems

    def save_routines(self, routines: dict[str, Routine]) -> None:
        """Save routines changed by the user, played from the next break; raises UserRoutinesError."""
        from deskbreak.core.content.user_routines import save_user_routines

        save_user_routines(self.routines_path, routines, self.default_catalog)
        self.reload_routines()

    def add_user_exercise(self, entry: Mapping) -> Exercise:
        """Check ``entry`` (an exercises.toml table as a dict), add it to exercises.toml and the catalog: routines
        can hold it, the next break plays it. Raises UserExercisesError naming the file and each key that is
        wrong, a table of the same id or the file full (nothing is written then)."""
        if self.exercises_path is None:
            raise UserExercisesError(translate("user_exercises", "this deskbreak keeps no exercises of your own"))
        problems = self.validate_user_exercise(entry)
        if problems:
            raise UserExercisesError(translate("user_exercises", "{path}: exercise not added: {problems}").format(
                path=self.exercises_path, problems="; ".join(problems)))
        add_user_exercise(self.exercises_path, entry, self.shipped_catalog)
        self.reload_routines()
        return self.catalog.exercise(entry["id"])

    def validate_user_exercise(self, entry: Mapping) -> list[str]:
        """The editor's check: what :meth:`add_user_exercise` refuses (an id of a table left out is taken too)."""
        return validate_exercise_entry(entry, self.catalog, self._left_out_exercises)

    def export_settings(self, path: Path) -> str | None:
        """Write the settings and the user's exercises to ``path`` (SettingsError); returns why the exercises
        were left out (exercises.toml could not be read), None when they are in it."""
        exercises, left_out = exported_exercises(self.exercises_path)
        self.store.export_file(path, extra_text=exercises)
        return left_out

    def import_settings(self, path: Path) -> tuple[frozenset[str], ImportReport]:
        """Take the settings and the exercises in ``path``: (settings changed, what became of the exercises).

        A file exported before exercises could be exported imports as it
        always did. An exercise of the same id as one of the user's replaces
        it. Raises SettingsError (nothing imported); exercises that could not
        be imported are named in the report's problems.
        """
        changed = self.store.import_file(path, other_tables=(EXERCISE_TABLE,))
        report = ImportReport()
        if self.exercises_path is None:
            return changed, report
        try:
            entries = read_toml_table(path).get(EXERCISE_TABLE, [])
            if not isinstance(entries, list):
                raise UserExercisesError(not_tables_problem(path))
            report = import_user_exercises(self.exercises_path, entries, self.default_catalog, source=path)
        except (OSError, ValueError) as error:  # the file changed since the settings were read, or ours is broken
            report.problems.append(str(error))
        self.reload_routines()
        return changed, report

    def _restore_discipline(self) -> Discipline:
        """Take up what the last run left in discipline.json; returns what is kept now (nothing to save yet)."""
        now = self.clock.now()
        if self._discipline_path is not None:
            try:
                kept = load_discipline(self._discipline_path)
            except DisciplineFileError as exc:
                log.warning("%s; today's skips and postpones start afresh", exc)
                kept = None
            if kept is not None:
                self.engine.restore(kept, now)
        return self.engine.discipline(now)

    def _keep_discipline(self, quitting: bool = False) -> None:
        """Save the engine's discipline when it changed (and, with the time, on quitting): quitting gives
        nothing back."""
        kept = self.engine.discipline(self.clock.now())
        if (kept == self._kept and not quitting) or self._discipline_path is None:
            return
        self._kept = kept  # a failing disk is said once per change, not at every tick
        try:
            save_discipline(self._discipline_path, kept)
        except OSError as exc:
            log.warning("could not save today's skips and postpones to %s: %s", self._discipline_path, exc)

    # -- queries ------------------------------------------------------------------------

    def next_wakeup(self) -> datetime | None:
        return self.engine.next_wakeup(self.clock.now())

    def status_report(self) -> dict:
        """What ``deskbreak status [--json]`` prints; the keys are a stable interface."""
        now = self.clock.now()
        engine = self.engine
        status = engine.status(now)
        run = engine.next_run(now)
        return {
            "ok": True,
            "state": status.state.value,
            "text": status_line(status, now),
            "next_at": _iso(status.next_at),
            "next_sit_break": _iso(engine.next_sit_break(now)),
            "paused_until": _iso(status.paused_until),
            "next_run": None if run is None else {"at": _iso(run[1]), "reminder_at": _iso(run[0]),
                                                  "source": engine.run_source(run[1])},
            "holding_for": status.held_by,
            "skips_left": engine.skips_left(now),
            "settings_file": str(self.store.path),
            "idle_backend": getattr(self.idle, "name", "unavailable"),
            "version": __version__,
        }


def _iso(moment: datetime | None) -> str | None:
    """ISO 8601 with the UTC offset, or None."""
    return None if moment is None else moment.astimezone().isoformat(timespec="seconds")


def _ended_line(kind: BreakKind | None, recorded: Outcome, reason: str) -> str:
    """The log's line for a break that ended, with the outcome the history records (not the window's view)."""
    return f"BreakEnded: {kind.value if kind else 'break'} {recorded.value} {reason}".rstrip()


def _describe_event(event: Event) -> str:
    name = type(event).__name__
    brk = getattr(event, "brk", None)
    if brk is not None:
        return f"{name}: {brk.kind.value} due {brk.due:%H:%M:%S}"
    if isinstance(event, NaturalBreak):
        return f"{name}: away since {event.away_since:%H:%M:%S}"
    if isinstance(event, Paused):
        return f"{name} until {event.until:%H:%M}"
    return name
