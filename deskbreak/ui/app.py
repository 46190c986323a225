"""The tray application: the window layer of a break session.

:class:`DeskbreakApp` builds the Qt parts and wires them to a
:class:`~deskbreak.core.session.BreakSession`, which owns the engine, the
catalog, the history and every decision about a break. Whenever something
happens (the alarm fires, the watchdog ticks, the user picks a menu entry, the
break window reports an exercise or its end) it hands it to the session as a
command, and renders the events the session emits: a notification for a
prelude, a break window for a break, and a fresh tray tooltip.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from deskbreak.core import commands as cmd
from deskbreak.core.content.catalog import Catalog
from deskbreak.core.clock import Clock
from deskbreak.core.describe import human_duration, status_line
from deskbreak.core.scheduling.engine import BreakEngine, BreakHeld, BreakPostponed, Event, State
from deskbreak.core.history import HistoryStore
from deskbreak.core.history.writer import HistoryWriter
from deskbreak.core.scheduling.holds import Holds
from deskbreak.core.i18n import translate
from deskbreak.core.session import BreakClosed, BreakSession, BreakShown, SettingsApplied
from deskbreak.core.settings import Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.shell.adapter_settings import follow_settings, watchdog_seconds  # noqa: F401  (ui/startup.py's)
from deskbreak.ui.break_host import POSES_PRELOAD_MS, BreakHost
from deskbreak.ui.notices import Notices
from deskbreak.ui.side_windows import SideWindows
from deskbreak.ui.tray import MenuContext, TrayController, TrayNotifier, menu_entries

log = logging.getLogger("deskbreak")

# The hold sources are asked (X11 round trips, D-Bus calls) only this close to a prompt.
HOLD_REACH = timedelta(seconds=90)
IDLE_UNAVAILABLE = ("unavailable", "unknown")
WELCOME_MARKER = "first-run-note-dismissed"


def countdown_changes_in(left: timedelta, *, seconds_shown: bool = True) -> timedelta | None:
    """How long until a countdown with ``left`` to go reads another number; None once it has run out.

    It reads as core/describe.py's ``human_duration`` writes it: whole
    seconds under a minute, whole minutes from a minute on, both rounded up.
    Counted in whole microseconds, so the wake-up lands on the change itself.
    Without ``seconds_shown`` (nobody sees the seconds go) only the minutes
    count: None from the last minute on.
    """
    micros = left // timedelta(microseconds=1)
    if micros <= 0 or (not seconds_shown and micros <= 60 * 10**6):
        return None
    unit = 10**6 if micros <= 60 * 10**6 else 60 * 10**6
    shown = -(-micros // unit)
    return timedelta(microseconds=micros - (shown - 1) * unit)


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
        exercises_path: Path | None = None,
        holds: Holds | None = None,
        calendar=None,
        tray_icon: QSystemTrayIcon | None = None,
        tray_host=None,
        history_writer: HistoryWriter | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.chimes = chimes
        self.autostart = autostart
        self.routines_path = routines_path
        self.exercises_path = exercises_path
        self.clock = clock
        # A method of this object, so Qt queues each call to this object's thread.
        self._historyWritten.connect(self._call)
        self.notifier = notifier
        self.idle = idle
        self.alarm = alarm
        # The reasons to hold a due break (adapters/holds/): fullscreen, do-not-disturb, calls, meetings.
        self.holds = holds if holds is not None else Holds([], store.settings)
        # The user's calendar file (shell/calendar_source.py): its runs go to the engine
        # (its meetings reach the holds through adapters/holds/meeting.py).
        self.calendar = calendar
        self.session = BreakSession(store=store, catalog=catalog, clock=clock, history=history, idle=idle,
                                    history_writer=history_writer, routines_path=routines_path,
                                    exercises_path=exercises_path,
                                    holds=self._busy_reason, on_events=self._render,
                                    stop_routine=lambda: self.breaks.stop_routine())
        self.startup_problems: list[str] = self.session.startup_problems
        if calendar is not None:
            calendar.runsChanged.connect(self._calendar_runs_changed)
        self.tray = TrayController(self._menu_entries, self.run_command, icons, self, tray_icon=tray_icon,
                                   host=tray_host)
        # The one step a menu takes: before it reads, never while it reads.
        self.tray.before_menu = self.session.step
        self.tray.statusWindowShown.connect(self.refresh)  # its countdown shows the seconds
        self.notices = Notices(notifier, lambda: self.store.settings, self.run_command)
        self.breaks = BreakHost(self.session, idle, chimes=chimes, postpone_label=lambda: self.notices.postpone_label,
                                run_command=self.run_command, finish_break=self._finish_break,
                                after_history_written=self._after_history_written, tell=self.notices.tell, parent=self)
        self.breaks.covered.connect(self.notices.break_covered)
        self.breaks.inView.connect(self.notices.break_in_view)
        self.windows = SideWindows(self.session, autostart=autostart, poses=lambda: self.breaks.poses,
                                   reduced_motion=lambda: self.breaks.motion.reduced(self.settings.motion),
                                   tell=self.notices.tell, after_history_written=self._after_history_written,
                                   start_break_for=self._start_break_for, welcome_marker=welcome_marker, parent=self)
        self._settings_watcher = None
        self._shut_down = False
        # A timer of the app's own, not a singleShot: shutdown must be able to stop it.
        self._preload_timer = QTimer(self)
        self._preload_timer.setSingleShot(True)
        self._preload_timer.timeout.connect(lambda: self.breaks.preload())
        self._apply_autostart = follow_settings(store, alarm=alarm, chimes=chimes, autostart=autostart,
                                                tell=self.notices.tell)
        self.holds.follow(store.subscribe, lambda: store.settings)

    # What the session owns, named as the window layer and its tests always named it.
    engine: BreakEngine = property(lambda self: self.session.engine)
    catalog: Catalog = property(lambda self: self.session.catalog)
    history: HistoryStore | None = property(lambda self: self.session.history)
    history_writer: HistoryWriter | None = property(lambda self: self.session.history_writer)
    settings: Settings = property(lambda self: self.store.settings)
    window = property(lambda self: self.breaks.window)
    settings_dialog = property(lambda self: self.windows.settings_dialog)
    welcome = property(lambda self: self.windows.welcome)

    # -- settings, applied live ------------------------------------------------

    def watch_settings_file(self) -> None:
        """Pick up hand edits of settings.toml, routines.toml and exercises.toml while running."""
        from deskbreak.shell.file_watch import ProblemNotice, WatchedFiles

        try:
            # The folder must exist to be watched, or a first hand-written file goes unseen.
            self.store.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("cannot watch %s for hand edits: %s", self.store.path.parent, exc)
        # Each line says what became of its part (kept, ignored, the last good value): the title cannot.
        self._file_problems = ProblemNotice(translate("app", "Some of your settings were not used"), self.notices.tell)
        self._settings_watcher = WatchedFiles(lambda: (self.store.path, self.routines_path, self.exercises_path), self)
        self._settings_watcher.settled.connect(self._file_touched)

    def _file_touched(self) -> None:
        changed, problems = self.store.reload()
        if changed:
            log.info("%s changed on disk: %s", self.store.path.name, ", ".join(sorted(changed)))
        has_own = self.routines_path is not None or self.exercises_path is not None
        routine_problems = self.reload_routines() if has_own else []
        self._file_problems.report(problems + routine_problems)

    def reload_routines(self) -> list[str]:
        """Re-read exercises.toml and routines.toml; the next break plays what they say."""
        changed, problems = self.session.reload_routines()
        if changed:
            self.windows.routines_changed()
            self.refresh()
        return problems

    # -- life cycle --------------------------------------------------------

    def start(self) -> None:
        has_tray = self.tray.show()
        # Loaded once the icon is up and the desktop has settled, well before the first break.
        self._preload_timer.start(POSES_PRELOAD_MS)
        log.info("system tray: %s", "icon shown" if has_tray else "not available, status window shown")
        if self.notifier is not None:
            # After the desktop's own notifications, before plyer (which cannot replace or withdraw).
            self.notifier.backends.insert(1, TrayNotifier(self.tray))
        self.alarm.start(self.tick)
        if self.autostart is not None and self.autostart.available() and self.settings.autostart:
            # Rewrites an entry whose command is out of date (a moved venv); an entry
            # the user made by hand while the setting is off is theirs, never removed here.
            self._apply_autostart()
        self.tick("start")
        self.windows.show_welcome_once()

    def _calendar_runs_changed(self, runs) -> None:
        self.engine.set_calendar_runs(runs)
        self.tick("calendar")

    def set_locked(self, locked: bool) -> None:
        """The screen locked or unlocked: stepped at once, so no break opens behind the lock screen and
        a held one opens at the unlock; ``away_policy`` decides what the time locked means."""
        log.info("screen %s", "locked" if locked else "unlocked")
        self.session.locked = locked
        self.tick("lock" if locked else "unlock")

    def quit(self) -> None:
        """Quit the app; a break under way is recorded as missed, not as ended by the user.

        Qt closes every window when the application quits, and a break
        window's close means "End break", so the break is settled first.
        """
        self._settle_for_quit()
        QApplication.instance().quit()

    def _settle_for_quit(self) -> None:
        self.session.settle_for_quit()
        self.breaks.close()
        self.notices.withdraw()

    def shutdown(self) -> None:
        self._settle_for_quit()
        self._shut_down = True
        self._preload_timer.stop()
        self.holds.close()
        calendar, self.calendar = self.calendar, None
        if calendar is not None:
            # A read still on its way must not step an engine whose app has quit.
            calendar.runsChanged.disconnect(self._calendar_runs_changed)
        self.alarm.stop()
        self.tray.hide()
        # Keeps the day's discipline; every break recorded so far is written before the app is gone.
        self.session.close()

    # -- the session -------------------------------------------------------

    def tick(self, reason: str = "") -> None:
        """Step the session with the current time and render what happened."""
        if self.calendar is not None:
            self.calendar.refresh_if_stale()
        self.session.step()
        self.refresh()

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

    def _render(self, events: list[Event]) -> None:
        """Show what the session says happened, and wake for what comes next."""
        for event in events:
            if isinstance(event, (BreakShown, BreakHeld, BreakPostponed, BreakClosed)):
                self.notices.withdraw()
            if isinstance(event, BreakShown):
                self.breaks.open(event)
            elif isinstance(event, (BreakPostponed, BreakClosed)):
                self.breaks.close()
            elif isinstance(event, SettingsApplied):
                if event.notice_withdrawn:
                    self.notices.withdraw()  # the announced break moved; a new notice comes when it is due
                self.tick("settings")
            else:
                self.notices.render(event)
        self.alarm.wake_at(self.session.next_wakeup())

    def refresh(self) -> None:
        now = self.clock.now()
        status = self.engine.status(now)
        look = "paused" if status.state == State.PAUSED else "overdue" if status.overdue else "normal"
        self.tray.refresh(status_line(status, now), look)
        # Woken when the countdown in the tooltip and the status window reads another number, the
        # seconds of the last minute only while the window shows them (it is all a tray-less GNOME
        # shows); the alarm's watchdog steps the engine on the same wake-up.
        wait = None if status.seconds_to_next is None or self._shut_down else countdown_changes_in(
            timedelta(seconds=status.seconds_to_next), seconds_shown=self.tray.status_window_shown())
        self.alarm.wake_within(None if wait is None else wait.total_seconds())

    def _menu_entries(self):
        """The menu for the engine's current state; only reads (the tray steps before asking)."""
        now = self.clock.now()
        run = self.engine.next_run(now)
        notes = (translate("app", "Idle detection unavailable"),) if getattr(self.idle, "name", "") in IDLE_UNAVAILABLE else ()
        lengths = {kind: human_duration(seconds) for kind, seconds in self.session.routine_lengths(now).items()}
        context = MenuContext(self.notices.postpone_label, run_today=run is not None and run[1].date() == now.date(),
                              notes=notes, lengths=lengths)
        return menu_entries(self.engine.status(now), now, context)

    def _finish_break(self, outcome) -> None:
        self.session.finish_break(outcome)
        self.refresh()

    def _after_history_written(self, then: Callable[[], object]) -> None:
        """Call ``then`` on this thread once every history write queued so far is done: reads see them."""
        writer = self.history_writer
        if writer is None or writer.idle:
            then()
            return
        done = writer.submit("wait for the writes before it", lambda h: None)
        done.add_done_callback(lambda _: self._historyWritten.emit(then))

    def _call(self, then: Callable[[], object]) -> None:
        # A read queued behind the writer can arrive after shutdown closed the history: nothing to show then.
        if not self._shut_down:
            then()

    # -- commands ----------------------------------------------------------

    def run_command(self, command: cmd.Command) -> None:
        """A menu entry, a button, a notification action or a command-line verb: one path."""
        if isinstance(command, cmd.ENGINE_COMMANDS):
            self.session.apply(command)
            self.refresh()
        elif isinstance(command, cmd.OpenSettings):
            self.show_settings()
        elif isinstance(command, cmd.OpenHistory):
            self.windows.show_history()
        elif isinstance(command, cmd.ShowBreak):
            self.breaks.bring_back()
        elif isinstance(command, cmd.Quit):
            self.quit()
        else:
            raise TypeError(f"not a command: {command!r}")

    def show_settings(self) -> None:
        """Open the settings dialog, or bring the open one forward."""
        self.windows.show_settings()

    def _start_break_for(self, neglected) -> None:
        self.session.start_break_for(neglected)
        self.refresh()

    def status_report(self) -> dict:
        """What ``deskbreak status [--json]`` prints: the keys of core/protocol.py's STATUS_KEYS."""
        return self.session.status_report()

    def bring_forward(self) -> None:
        """A second launch asked for this deskbreak: show the window it has, or say it runs."""
        if self.window is not None:
            self.window.raise_()
            self.window.activateWindow()
        elif self.tray.tray is None:  # the status window is all there is of deskbreak
            self.tray.show_status_window()
        elif self.notifier is not None:
            self.notifier.notify(translate("app", "deskbreak is running"), status_line(
                self.engine.status(self.clock.now()), self.clock.now()))

    def runs_ahead(self, days: int) -> list[dict]:
        """The runs of the next ``days`` days, for ``deskbreak runs``."""
        return self.engine.runs_ahead(self.clock.now(), days)
