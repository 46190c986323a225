"""The tray application: wiring the engine to the desktop.

:class:`DeskbreakApp` owns no schedule logic. Whenever something happens (the
alarm fires, the watchdog ticks, the user picks a menu entry, the break window
reports an outcome) it asks the engine, then renders the events the engine
returns: a notification for a prelude, a break window for a break, a history
row for every outcome, and a fresh tray tooltip.
"""

from __future__ import annotations

import importlib
import logging
import sqlite3
from concurrent.futures import Future
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from deskbreak import __version__
from deskbreak.core import commands as cmd
from deskbreak.core.catalog import Catalog, Routine
from deskbreak.core.clock import Clock
from deskbreak.core.describe import (COOLDOWN_ADVICE, elapsed_duration, human_duration, prelude_message,
                                     status_line)
from deskbreak.core.discipline import DISCIPLINE_FILE_NAME, DisciplineFileError, load_discipline, save_discipline
from deskbreak.core.engine import (
    SCHEDULE_KEYS,
    BackAtDesk,
    BreakEnded,
    BreakEngine,
    BreakHeld,
    BreakOverdue,
    BreakPostponed,
    BreakStarted,
    Discipline,
    Event,
    NaturalBreak,
    Paused,
    PreludeStarted,
    Presence,
    Refused,
    RunEnded,
    State,
)
from deskbreak.core.files import write_file_atomically
from deskbreak.core.history import HistoryError, HistoryStore, honest_outcome
from deskbreak.core.history_writer import HistoryWriter
from deskbreak.core.holds import Holds
from deskbreak.core.i18n import translate
from deskbreak.core.kinds import NATURAL_BREAK_KIND, BreakKind, Outcome
from deskbreak.core.poses import load_poses_or_none
from deskbreak.core.settings import Settings
from deskbreak.core.settings_store import SettingsStore
from deskbreak.core.suggest import suggest_break
from deskbreak.core.timeline import break_exercise_ids, routine_seconds, routine_segments
from deskbreak.ui.tray import MenuContext, TrayController, TrayNotifier, menu_entries

if TYPE_CHECKING:
    from deskbreak.ui.break_window import BreakWindow

log = logging.getLogger("deskbreak")

# The watchdog must step the engine well within natural_break, or a normal
# gap between steps would look like the user being away.
MAX_WATCHDOG_S = 60.0
# The hold sources are asked (X11 round trips, D-Bus calls) only this close to a prompt.
HOLD_REACH = timedelta(seconds=90)
# A prompted break window takes the keyboard after this long without input...
QUIET_BEFORE_FOCUS_S = 1.5
FOCUS_POLL_MS = 250
IDLE_UNAVAILABLE = ("unavailable", "unknown")
WELCOME_MARKER = "first-run-note-dismissed"


def routine_for(catalog: Catalog, kind: BreakKind) -> Routine:
    return catalog.routines_of_kind(kind.value)[0]


# When to load the poses and the break window's code after start: after the tray icon is
# embedded, long before a break.
POSES_PRELOAD_MS = 3000


class DeskbreakApp(QObject):
    # Carries a callable from the history writer's thread to this one (see _after_history_written).
    _historyWritten = Signal(object)

    def __init__(
        self,
        *,
        store: SettingsStore,
        catalog: Catalog,
        clock: Clock,
        history: HistoryStore | None,
        notifier,
        idle,
        alarm,
        icons: dict[str, QIcon],
        chimes=None,
        welcome_marker: Path | None = None,
        autostart=None,
        routines_path: Path | None = None,
        holds: Holds | None = None,
        calendar=None,
        tray_icon: QSystemTrayIcon | None = None,
        history_writer: HistoryWriter | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.chimes = chimes
        self.autostart = autostart
        self.routines_path = routines_path
        self.default_catalog = catalog
        self.welcome_marker = welcome_marker
        self.welcome = None
        self.catalog = catalog
        self.clock = clock
        # Read here, on this thread; written by the writer, on its own (core/history_writer.py),
        # so a busy file (an import in another process) never stops the app.
        self.history = history
        if history_writer is None and history is not None:
            history_writer = HistoryWriter.for_file(history.path)
        self.history_writer = history_writer
        # A method of this object, so Qt queues each call to this object's thread.
        self._historyWritten.connect(self._call)
        self.notifier = notifier
        self.idle = idle
        self.alarm = alarm
        self.catalog, routine_problems = self._with_user_routines()
        self.startup_problems: list[str] = routine_problems
        self.engine = BreakEngine(store.settings, clock.now())
        # Beside the history: today's skips, postpones and rotation outlive a restart.
        history_path = getattr(history, "path", None)
        self._discipline_path = None if history_path is None else Path(history_path).with_name(DISCIPLINE_FILE_NAME)
        self._kept = self._restore_discipline()
        self._poses: dict | None = None
        self._poses_loaded = False
        # The reasons to hold a due break (adapters/holds/): fullscreen, do-not-disturb, calls, meetings.
        self.holds = holds if holds is not None else Holds([], store.settings)
        # The user's calendar file (ui/calendar_source.py): its runs go to the engine
        # (its meetings reach the holds through adapters/holds/meeting.py).
        self.calendar = calendar
        if calendar is not None:
            calendar.runsChanged.connect(self._calendar_runs_changed)
        self.locked = False  # set by the lock watcher (LockWatcher.lockedChanged)
        self.tray = TrayController(self._menu_entries, self.run_command, icons, self, tray_icon=tray_icon)
        # The one step a menu takes: before it reads, never while it reads.
        self.tray.before_menu = lambda: self._render(self._step())
        self._focus_timer = QTimer(self)
        self._focus_timer.setInterval(FOCUS_POLL_MS)
        self._focus_timer.timeout.connect(self._activate_when_quiet)
        self._unknown_quiet_ticks = 0
        self.window: BreakWindow | None = None
        # Windows that outlive their break (the done view, the safety advice)
        # stay referenced until Qt destroys them, or Python would collect them
        # and they would vanish mid-sentence.
        self._windows: set[BreakWindow] = set()
        # The id of the shown break's history row, once the writer has written it.
        self._history_break: Future[int] | None = None
        # Of the break in _history_break: exercises planned and done, for its honest outcome.
        self._exercises_planned = 0
        self._exercises_done = 0
        self._extra_windows: list = []
        self.settings_dialog = None
        self._settings_watcher = None
        self._subscribe_to_settings()

    @property
    def settings(self) -> Settings:
        return self.store.settings

    # -- settings, applied live ------------------------------------------------

    def _subscribe_to_settings(self) -> None:
        """Each part reacts to the keys it cares about; nobody keeps a copy."""
        store = self.store
        # The engine plans with the schedule keys; re-plan, reschedule, refresh the tray.
        store.subscribe(self._settings_changed, keys=SCHEDULE_KEYS)
        if hasattr(self.alarm, "set_watchdog_interval"):
            store.subscribe(lambda _: self.alarm.set_watchdog_interval(watchdog_seconds(store.settings)),
                            keys=WATCHDOG_KEYS)
        if self.chimes is not None and hasattr(self.chimes, "follow"):
            store.subscribe(lambda _: self.chimes.follow(store.settings), keys=self.chimes.KEYS)
        if self.autostart is not None:
            store.subscribe(lambda _: self._apply_autostart(), keys=self.AUTOSTART_KEYS)
        self.holds.follow(store.subscribe, lambda: store.settings)

    def _settings_changed(self, keys: frozenset[str]) -> None:
        log.info("settings changed: %s", ", ".join(sorted(keys)))
        announced = self.engine.status(self.clock.now()).state == State.PRELUDE
        self.engine.apply_settings(self.store.settings)
        if announced and self.engine.status(self.clock.now()).state != State.PRELUDE:
            self._withdraw_notification()  # the announced break moved; a new notice comes when it is due
        self.tick("settings")

    # The one setting _apply_autostart reads.
    AUTOSTART_KEYS = ("autostart",)

    def _apply_autostart(self) -> None:
        from deskbreak.adapters.autostart import follow_autostart_setting

        def warn(title: str, problem: str) -> None:
            log.warning("%s", problem)
            self._tell(title, problem)

        follow_autostart_setting(self.autostart, self.store.settings.autostart, warn)

    def _tell(self, title: str, body: str) -> None:
        if self.notifier is not None:
            self.notifier.notify(title, body)

    def watch_settings_file(self) -> None:
        """Pick up hand edits of settings.toml and routines.toml while running."""
        from deskbreak.ui.file_watch import ProblemNotice, WatchedFiles

        try:
            # The folder must exist to be watched, or a first hand-written file goes unseen.
            self.store.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("cannot watch %s for hand edits: %s", self.store.path.parent, exc)
        # Each line says what became of its part (kept, ignored, the last good value): the title cannot.
        self._file_problems = ProblemNotice(translate("app", "Some of your settings were not used"), self._tell)
        self._settings_watcher = WatchedFiles(lambda: (self.store.path, self.routines_path), self)
        self._settings_watcher.settled.connect(self._file_touched)

    def _file_touched(self) -> None:
        changed, problems = self.store.reload()
        if changed:
            log.info("%s changed on disk: %s", self.store.path.name, ", ".join(sorted(changed)))
        routine_problems = self.reload_routines() if self.routines_path is not None else []
        self._file_problems.report(problems + routine_problems)

    # -- routines the user chose ---------------------------------------------------

    def _with_user_routines(self) -> tuple[Catalog, list[str]]:
        if self.routines_path is None:
            return self.default_catalog, []
        from deskbreak.core.user_routines import load_user_routines

        loaded = load_user_routines(self.routines_path, self.default_catalog)
        return loaded.catalog, loaded.problems

    def reload_routines(self) -> list[str]:
        """Re-read routines.toml; the next break plays what it says."""
        catalog, problems = self._with_user_routines()
        if catalog.routines != self.catalog.routines:
            self.catalog = catalog
            log.info("routines changed")
            if self.settings_dialog is not None:
                self.settings_dialog.routines_page.set_current(catalog)
            self.refresh()
        return problems

    def save_routines(self, routines: dict[str, Routine]) -> None:
        """The Routines page changed a routine: save it, and play it from the next break."""
        from deskbreak.core.user_routines import UserRoutinesError, save_user_routines

        try:
            save_user_routines(self.routines_path, routines, self.default_catalog)
        except UserRoutinesError as exc:
            log.warning("%s", exc)
            self._tell(translate("app", "Your routine could not be saved"), str(exc))
            return
        self.catalog, _ = self._with_user_routines()

    # -- life cycle --------------------------------------------------------

    @property
    def poses(self) -> dict | None:
        """The figures' poses, loaded on first use: a tenth of a second not spent before the icon shows."""
        if not self._poses_loaded:
            self._poses, self._poses_loaded = load_poses_or_none(self.default_catalog), True
        return self._poses

    def _preload_break_window(self) -> None:
        """The poses and the break window's code, so the first break paints as fast as the later ones."""
        importlib.import_module("deskbreak.ui.break_window")  # for its import cost, not its names
        self.poses

    def start(self) -> None:
        has_tray = self.tray.show()
        # Loaded once the icon is up and the desktop has settled, well before the first break.
        QTimer.singleShot(POSES_PRELOAD_MS, self._preload_break_window)
        log.info("system tray: %s", "icon shown" if has_tray else "not available, status window shown")
        if self.notifier is not None:
            # After the desktop's own notifications, before plyer (which cannot replace or withdraw).
            self.notifier.backends.insert(1, TrayNotifier(self.tray))
            self.notifier.on_action = self._notification_action
        self.alarm.start(self.tick)
        if self.autostart is not None and self.autostart.available() and self.settings.autostart:
            # Rewrites an entry whose command is out of date (a moved venv); an entry
            # the user made by hand while the setting is off is theirs, never removed here.
            self._apply_autostart()
        self.tick("start")
        if self.welcome_marker is not None and not self.welcome_marker.exists():
            self._show_welcome()

    def _show_welcome(self) -> None:
        """Once, until dismissed: this is general information, not medical advice."""
        from deskbreak.ui.welcome import WelcomeWindow

        self.welcome = WelcomeWindow(self.catalog.safety)
        self.welcome.dismissed.connect(self._welcome_dismissed)
        self.welcome.show()

    def _welcome_dismissed(self) -> None:
        try:
            write_file_atomically(self.welcome_marker, "The first-run note was dismissed.\n")  # 0600, as every profile file
        except OSError as exc:
            log.warning("could not remember the first-run note: %s", exc)
        self.welcome = None

    def _calendar_runs_changed(self, runs) -> None:
        self.engine.set_calendar_runs(runs)
        self.tick("calendar")

    def set_locked(self, locked: bool) -> None:
        """The screen locked or unlocked; ``away_policy`` decides what that means."""
        self.locked = locked
        self.tick("lock" if locked else "unlock")

    def quit(self) -> None:
        """Quit the app; a break under way is recorded as missed, not as ended by the user.

        Qt closes every window when the application quits, and a break
        window's close means "End break", so the break is settled first.
        """
        self._settle_for_quit()
        QApplication.instance().quit()

    def _settle_for_quit(self) -> None:
        self._stop_routine()
        if self._history_break is not None:
            # Quitting (menu, `deskbreak quit`, SIGTERM, logout) mid-break: close the row.
            now, note = self.clock.now(), translate("app", "deskbreak quit during the break")
            current = self.engine.status(now).current
            recorded = self._finish_record(now, Outcome.MISSED, note)
            log.info("%s", _ended_line(current.kind if current else None, recorded, note))
        if self.window is not None:
            self._close_window()
        if self.notifier is not None:
            self.notifier.withdraw()

    def shutdown(self) -> None:
        self._settle_for_quit()
        self._keep_discipline(quitting=True)
        self._focus_timer.stop()
        self.holds.close()
        calendar, self.calendar = self.calendar, None
        if calendar is not None:
            # A read still on its way must not step an engine whose app has quit.
            calendar.runsChanged.disconnect(self._calendar_runs_changed)
        self.alarm.stop()
        self.tray.hide()
        if self.history_writer is not None:
            # Every break recorded so far is written before the app is gone.
            self.history_writer.close()
        if self.history is not None:
            self.history.close()

    # -- the engine --------------------------------------------------------

    def tick(self, reason: str = "") -> None:
        """Step the engine with the current time and render what happened."""
        if self.calendar is not None:
            self.calendar.refresh_if_stale()
        self.command(self._step())

    def _step(self) -> list[Event]:
        now = self.clock.now()
        return self.engine.step(now, self._presence(now))

    def _presence(self, now: datetime) -> Presence:
        return Presence(self.idle.idle_seconds(), locked=self.locked, busy=self._busy_reason(now))

    def _busy_reason(self, now: datetime) -> str | None:
        """Why not to interrupt; asked only while a break is within reach (it costs X calls)."""
        if not self.holds.sources:
            return None
        status = self.engine.status(now)
        wake = self.engine.next_wakeup(now)
        within_reach = status.state in (State.PRELUDE, State.HELD, State.POSTPONED) or (
            wake is not None and wake - now <= HOLD_REACH)
        if not within_reach:
            return None
        hold = self.holds.hold(now)
        return None if hold is None else hold.reason

    def handle(self, events: list[Event]) -> None:
        for event in events:
            if not isinstance(event, BreakEnded):  # logged below, with the outcome the history records
                log.info("%s", _describe_event(event))
            if isinstance(event, PreludeStarted):
                self._announce(event)
            elif isinstance(event, BreakStarted):
                self._withdraw_notification()
                self._open_break(event)
            elif isinstance(event, BreakHeld):
                self._withdraw_notification()
            elif isinstance(event, BreakOverdue):
                self._tell(translate("app", "{kind} overdue").format(kind=event.brk.kind.label),
                           translate("app", "It waited {delay} for: {reason}. It starts when that ends; "
                                            "or take it now from the tray.").format(
                               delay=human_duration(self.settings.dnd_max_delay.total_seconds()),
                               reason=event.reason))
            elif isinstance(event, BreakPostponed):
                self._withdraw_notification()
                self._stop_routine()
                self._finish_record(event.at, Outcome.POSTPONED)
                self._close_window()
            elif isinstance(event, BreakEnded):
                self._withdraw_notification()
                self._stop_routine()
                if self._history_break is None:
                    self._record_unshown(event)
                    recorded = event.outcome
                else:
                    recorded = self._finish_record(event.at, event.outcome, event.reason)
                log.info("%s", _ended_line(event.brk.kind, recorded, event.reason))
                self._close_window()
            elif isinstance(event, RunEnded):
                if event.offer_cooldown and self.notifier is not None:
                    self.notifier.notify(translate("app", "Run done? Time to cool down"),
                                         translate("describe", COOLDOWN_ADVICE),
                                         actions=[("cooldown", translate("app", "Start back-care routine"))])
            elif isinstance(event, BackAtDesk):
                self._record_natural_break(event)
            elif isinstance(event, Refused):
                self._tell("deskbreak", event.reason)

    def command(self, events: list[Event]) -> None:
        """Render events (of a step or a user command), reschedule, refresh the tray."""
        self._render(events)
        self.refresh()

    def _render(self, events: list[Event]) -> None:
        self.handle(events)
        self.alarm.wake_at(self.engine.next_wakeup(self.clock.now()))
        self._keep_discipline()

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

    @property
    def postpone_label(self) -> str:
        return translate("app", "Postpone {delay}").format(delay=human_duration(self.settings.postpone.total_seconds()))

    def refresh(self) -> None:
        now = self.clock.now()
        status = self.engine.status(now)
        look = "paused" if status.state == State.PAUSED else "overdue" if status.overdue else "normal"
        self.tray.refresh(status_line(status, now), look)

    def _menu_entries(self):
        """The menu for the engine's current state; only reads (the tray steps before asking)."""
        now = self.clock.now()
        run = self.engine.next_run(now)
        notes = (translate("app", "Idle detection unavailable"),) if getattr(self.idle, "name", "") in IDLE_UNAVAILABLE else ()
        status = self.engine.status(now)
        upcoming = status.upcoming if status.upcoming is not None else status.current
        sequence = upcoming.sequence if upcoming is not None and upcoming.kind == BreakKind.SIT else 0
        lengths = {kind: human_duration(routine_seconds(self.catalog, routine_for(self.catalog, kind),
                                                        self.settings, sequence if kind == BreakKind.SIT else 0))
                   for kind in BreakKind}
        context = MenuContext(self.postpone_label, run_today=run is not None and run[1].date() == now.date(),
                              notes=notes, lengths=lengths)
        return menu_entries(status, now, context)

    # -- rendering events --------------------------------------------------

    def _exercise_ids(self, brk) -> list[str]:
        """What this break plays: its routine's exercises, made gentle for a sore back."""
        return break_exercise_ids(self.catalog, routine_for(self.catalog, brk.kind), self.settings, brk.sequence)

    def _featured_names(self, brk) -> list[str]:
        routine = routine_for(self.catalog, brk.kind)
        ids = self._exercise_ids(brk)
        # A sit-break's news is its rotation group; the walk and circles come every time.
        featured = [e for e in ids if e not in routine.exercises] if routine.rotation else ids
        return [self.catalog.exercise(e).name for e in featured or ids]

    def _announce(self, event: PreludeStarted) -> None:
        routine = routine_for(self.catalog, event.brk.kind)
        length = routine_seconds(self.catalog, routine, self.settings, event.brk.sequence)
        title, body = prelude_message(event.brk, event.at, self._featured_names(event.brk), length)
        if self.notifier is not None:
            # It expires when the break starts, and offers Postpone where the desktop can.
            lead = max(1.0, (event.brk.due - event.at).total_seconds())
            backend = self.notifier.notify(title, body, expire_s=lead,
                                           actions=[("postpone", self.postpone_label)])
            log.info("prelude notification via %s: %s", backend, title)

    def _withdraw_notification(self) -> None:
        if self.notifier is not None:
            self.notifier.withdraw()

    def _notification_action(self, key: str) -> None:
        if key == "postpone":
            self.run_command(cmd.Postpone())
        elif key == "cooldown":
            self.run_command(cmd.StartBreak(BreakKind.EVENING))

    def _open_break(self, event: BreakStarted) -> None:
        from deskbreak.ui.break_window import BreakWindow

        brk = event.brk
        routine = routine_for(self.catalog, brk.kind)
        exercises = [self.catalog.exercise(e) for e in self._exercise_ids(brk)]
        self._exercises_planned, self._exercises_done = len(exercises), 0
        due = None if brk.user_started else brk.due
        self._history_break = self._write_history("start the break", lambda h: h.start_break(
            brk.kind.value, routine.id, due, event.at, len(exercises)))
        self._close_window()
        status = self.engine.status(event.at)
        window = BreakWindow(
            title=brk.kind.label,
            exercises=exercises,
            settings=self.settings,
            clock=self.clock,
            safety=self.catalog.safety,
            rest_between_s=routine.rest_between_s,
            postpone_label=self.postpone_label,
            poses=self.poses,
            end_allowed=brk.user_started or (status.can_skip and status.skips_left != 0),
            safety_first=self.settings.sore_back,
            segments=routine_segments(self.catalog, routine, self.settings, brk.sequence),
        )
        window.exerciseDone.connect(self._exercise_done)
        window.finished.connect(self._window_finished)
        window.postponeRequested.connect(lambda: self.run_command(cmd.Postpone()))
        if self.chimes is not None:
            window.chime.connect(self.chimes.play)
        self.window = window
        self._windows.add(window)
        window.destroyed.connect(lambda *_: self._windows.discard(window))
        # Started by the user: take the keyboard now. Prompted: wait until they stop typing.
        window.start(activate=brk.user_started)
        if not brk.user_started:
            self._unknown_quiet_ticks = 0
            self._focus_timer.start()

    def _activate_when_quiet(self) -> None:
        """Give the break window the keyboard once the user has not typed for a moment."""
        window = self.window
        if window is None or not window.isVisible():
            self._focus_timer.stop()
            return
        idle = self.idle.idle_seconds()
        if idle is None:
            # Nobody can tell whether the user types: wait as long as quiet would take, then take it.
            self._unknown_quiet_ticks += 1
            quiet = self._unknown_quiet_ticks * FOCUS_POLL_MS / 1000 >= QUIET_BEFORE_FOCUS_S
        else:
            quiet = idle >= QUIET_BEFORE_FOCUS_S
        if quiet:
            self._focus_timer.stop()
            window.activate()

    def _stop_routine(self) -> None:
        """Record the exercises of a routine the engine (or a quit) ends, before its row closes."""
        if self.window is not None:
            self.window.stop_routine()

    def _close_window(self) -> None:
        if self.window is not None:
            window, self.window = self.window, None
            window.close_quietly()

    def _exercise_done(self, exercise_id: str, seconds: float, completed: bool) -> None:
        started = self._history_break
        self._exercises_done += completed
        if started is not None:
            now = self.clock.now()
            # The writer runs writes in order: the break's row is written by the time this reads its id.
            self._write_history("record an exercise", lambda h: h.record_exercise(
                started.result(), exercise_id, seconds, completed, now))

    def _window_finished(self, outcome: Outcome) -> None:
        # The window closes itself (done view, safety advice): do not close it here.
        window, self.window = self.window, None
        self._focus_timer.stop()
        self.run_command(cmd.FinishBreak(outcome, reason=translate("app", "ended by the user")))
        if window is not None and outcome == Outcome.COMPLETED:
            now = self.clock.now()
            window.set_next_break_text(status_line(self.engine.status(now), now))
            # Read once this break's exercises are written.
            self._after_history_written(lambda: self._show_today(window, now))

    def _show_today(self, window: BreakWindow, now: datetime) -> None:
        if window in self._windows:  # not closed and deleted meanwhile
            window.set_today(self._targets_worked_today(now))

    def _targets_worked_today(self, now: datetime) -> list[str]:
        """The muscle groups of every exercise done today, in the catalog's order of first use."""
        midnight = datetime.combine(now.date(), datetime.min.time(), now.tzinfo)
        records = self._read_history("read today's breaks", lambda h: h.breaks(midnight)) or []
        targets: dict[str, None] = {}
        for record in records:
            for done in record.exercises:
                exercise = self.catalog.exercises.get(done.exercise_id)
                if done.completed and exercise is not None:
                    targets.update(dict.fromkeys(exercise.targets))
        return list(targets)

    def _finish_record(self, at: datetime, outcome: Outcome, note: str = "") -> Outcome:
        """Close the shown break's row with its honest outcome (what the exercises say), which it returns."""
        started, self._history_break = self._history_break, None
        outcome = honest_outcome(outcome, self._exercises_planned, self._exercises_done)
        if started is not None:
            self._write_history("finish the break", lambda h: h.finish_break(started.result(), at, outcome.value, note))
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

    def _write_history(self, what: str, write: Callable[[HistoryStore], object]) -> Future | None:
        """Queue one history write; returns at once (see core/history_writer.py).

        ``write`` runs on the writer's thread, later: it may use only values
        fixed now, never ``self`` or the clock. A failing disk costs that
        record (the writer logs it), never the break itself.
        """
        if self.history_writer is None:
            return None
        return self.history_writer.submit(what, write)

    def _after_history_written(self, then: Callable[[], object]) -> None:
        """Call ``then`` on this thread once every history write queued so far is done: reads see them."""
        if self.history_writer is None or self.history_writer.idle:
            then()
            return
        done = self.history_writer.submit("wait for the writes before it", lambda h: None)
        done.add_done_callback(lambda _: self._historyWritten.emit(then))

    def _call(self, then: Callable[[], object]) -> None:
        then()

    def _read_history(self, what: str, read: Callable[[HistoryStore], object]):
        """One read of the history on this thread; a failing disk costs what it would show."""
        if self.history is None:
            return None
        try:
            return read(self.history)
        except (HistoryError, sqlite3.Error, OSError) as exc:
            log.warning("history: could not %s: %s", what, exc)
            return None

    # -- commands ----------------------------------------------------------

    def run_command(self, command: cmd.Command) -> None:
        """A menu entry, a button, a notification action or a command-line verb: one path."""
        if isinstance(command, cmd.ENGINE_COMMANDS):
            self.command(self.engine.apply(command, self.clock.now()))
        elif isinstance(command, cmd.OpenSettings):
            self.show_settings()
        elif isinstance(command, cmd.OpenHistory):
            self._show_history()
        elif isinstance(command, cmd.Quit):
            self.quit()
        else:
            raise TypeError(f"not a command: {command!r}")

    def show_settings(self) -> None:
        """Open the settings dialog, or bring the open one forward."""
        from deskbreak.ui.settings_dialog import SettingsDialog

        if self.settings_dialog is None:
            routines = None
            if self.routines_path is not None:
                from deskbreak.ui.routines_page import RoutinesPage

                routines = RoutinesPage(self.default_catalog, self.catalog, self.poses)
                routines.routinesChanged.connect(self.save_routines)
            dialog = SettingsDialog(self.store, routines_page=routines,
                                    autostart_location=getattr(self.autostart, "location", ""))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda *_: setattr(self, "settings_dialog", None))
            self.settings_dialog = dialog
        self.settings_dialog.show()
        self.settings_dialog.raise_()
        self.settings_dialog.activateWindow()

    def _show_history(self) -> None:
        # The window reads the history: after the breaks just recorded are in it.
        self._after_history_written(self._open_history_window)

    def _open_history_window(self) -> None:
        from deskbreak.ui.history_window import HistoryWindow

        window = HistoryWindow(self.history, self.catalog, self.settings, self.clock.now().date(),
                               start_break=self._start_break_for)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._extra_windows = [w for w in self._extra_windows if w.isVisible()] + [window]
        window.show()
        window.raise_()

    def _start_break_for(self, neglected: Sequence[str]) -> None:
        """The break that works the neglected muscle groups best, now (a sit-break when none does)."""
        suggestion = suggest_break(self.catalog, self.settings, neglected)
        if suggestion is None:
            self.run_command(cmd.StartBreak())
        else:
            # Offered for the muscle groups, not for a run: tonight's run keeps its reminder.
            self.run_command(cmd.StartBreak(suggestion.kind, suggestion.sequence, for_run=False))

    def status_report(self) -> dict:
        """What ``deskbreak status [--json]`` prints: the keys of core/protocol.py's STATUS_KEYS."""
        now = self.clock.now()
        status = self.engine.status(now)
        run = self.engine.next_run(now)
        return {
            "ok": True,
            "state": status.state.value,
            "text": status_line(status, now),
            "next_at": _iso(status.next_at),
            "next_sit_break": _iso(self.engine.next_sit_break(now)),
            "paused_until": _iso(status.paused_until),
            "next_run": None if run is None else {"at": _iso(run[1]), "reminder_at": _iso(run[0]),
                                                  "source": self.engine.run_source(run[1])},
            "holding_for": status.held_by,
            "skips_left": self.engine.skips_left(now),
            "settings_file": str(self.store.path),
            "idle_backend": getattr(self.idle, "name", "unavailable"),
            "version": __version__,
        }

    def bring_forward(self) -> None:
        """A second launch asked for this deskbreak: show the window it has, or say it runs."""
        if self.window is not None:
            self.window.raise_()
            self.window.activateWindow()
        elif self.tray.window is not None:
            self.tray.window.raise_()
        elif self.notifier is not None:
            self.notifier.notify(translate("app", "deskbreak is running"), status_line(
                self.engine.status(self.clock.now()), self.clock.now()))

    def runs_ahead(self, days: int) -> list[dict]:
        """The runs of the next ``days`` days, for ``deskbreak runs``."""
        return self.engine.runs_ahead(self.clock.now(), days)


def _iso(moment: datetime | None) -> str | None:
    """ISO 8601 with the UTC offset, or None."""
    return None if moment is None else moment.astimezone().isoformat(timespec="seconds")


# The one setting watchdog_seconds reads.
WATCHDOG_KEYS = ("natural_break",)


def watchdog_seconds(settings: Settings) -> float:
    return min(MAX_WATCHDOG_S, settings.natural_break.total_seconds() / 3)


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
