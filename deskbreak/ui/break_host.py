"""The break window on screen: shown for a session's :class:`~deskbreak.core.session.BreakShown`, and gone again.

:class:`BreakHost` renders a break's plan as a
:class:`~deskbreak.ui.break_window.BreakWindow`, gives it the keyboard once
the user stops typing, and passes what the window reports (an exercise done,
its routine ended, Postpone) straight back to the session. It decides
nothing about the break: the plan and the outcome are the session's.

It also keeps the break in view. On Wayland the window is fullscreen on its
screen (:mod:`deskbreak.ui.break_screens`); on KDE a KWin script keeps it
above other windows (:mod:`deskbreak.adapters.kwin_keep_above`). Where
nothing does (GNOME), a window opened or clicked afterwards covers it, so
when the break loses the keyboard the host says so (:attr:`BreakHost.covered`,
a notification offering it back) and :meth:`BreakHost.bring_back` shows it again.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

from deskbreak.adapters.kwin_keep_above import keep_above_adapter
from deskbreak.core import commands as cmd
from deskbreak.core.describe import status_line
from deskbreak.core.kinds import Outcome
from deskbreak.core.ports import IdleMonitor
from deskbreak.core.content.poses import load_poses_or_none
from deskbreak.core.session import BreakSession, BreakShown
from deskbreak.ui import break_screens

log = logging.getLogger("deskbreak")

if TYPE_CHECKING:
    from deskbreak.adapters.motion import MotionPreference
    from deskbreak.ui.break_window import BreakWindow

# When to load the poses and the break window's code after start: after the tray icon is
# embedded, long before a break.
POSES_PRELOAD_MS = 3000
# A prompted break window takes the keyboard after this long without input...
QUIET_BEFORE_FOCUS_S = 1.5
FOCUS_POLL_MS = 250


def window_takes_keyboard_on_show() -> bool:
    """Whether a new window takes the keyboard whatever it asks: Wayland ignores "show without activating"."""
    return QGuiApplication.platformName().startswith("wayland")


def key_guard_for(prompted: bool) -> float:
    """How long the break window's keys wait for quiet (each key pressed meanwhile starts it over).

    The guard works the same everywhere (it costs nothing where it is not
    needed); only its length differs. Where a prompted window takes the
    keyboard as it appears (Wayland), the guard is all that stands between
    the user's typing and the break, so it waits as long as the host waits
    for quiet before taking the keyboard elsewhere. Elsewhere the window gets
    no key until that quiet (or the user's click), and the short guard only
    covers a break the user started themselves.
    """
    # Imported here, not at the top: the window's module loads with the poses, after start.
    from deskbreak.ui.break_window import KEY_GUARD_S

    return QUIET_BEFORE_FOCUS_S if prompted and window_takes_keyboard_on_show() else KEY_GUARD_S


class BreakHost(QObject):
    """Shows the session's breaks.

    ``run_command`` and ``finish_break`` take the window's requests to the
    session (and refresh the tray); ``after_history_written(then)`` calls
    ``then`` on this thread once the history has every write queued so far;
    ``tell(title, body)`` notifies the user (of a chosen screen not connected).
    """

    covered = Signal(str)
    """The break (its kind's label) lost the keyboard to another window, which may cover it."""
    inView = Signal()
    """The covered break has the keyboard again."""

    def __init__(self, session: BreakSession, idle: IdleMonitor, *, chimes,
                 postpone_label: Callable[[], str], run_command: Callable[[cmd.Command], None],
                 finish_break: Callable[[Outcome], None], after_history_written: Callable[[Callable[[], object]], None],
                 tell: Callable[[str, str], object] | None = None, motion: MotionPreference | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._motion = motion
        self.idle = idle
        self.chimes = chimes
        self._poses: dict | None = None
        self._poses_loaded = False
        self._postpone_label = postpone_label
        self._run_command = run_command
        self._finish_break = finish_break
        self._after_history_written = after_history_written
        # A chosen screen that is not connected is told once a run, not at each break.
        self._screen_gone = break_screens.ScreenGoneNotice(tell)
        self._focus_timer = QTimer(self)
        self._focus_timer.setInterval(FOCUS_POLL_MS)
        self._focus_timer.timeout.connect(self._activate_when_quiet)
        self._unknown_quiet_ticks = 0
        self.window: BreakWindow | None = None
        # KDE on Wayland: KWin keeps the break above (None elsewhere); which window it is asked for.
        self.keep_above = keep_above_adapter(wayland=break_screens.compositor_places_windows())
        if self.keep_above is not None:
            self.keep_above.keptAbove.connect(self._kept_above)
        self._kept_above_window: BreakWindow | None = None
        self._stays_in_view = False
        self._covered = self._had_keyboard = False
        QGuiApplication.instance().focusWindowChanged.connect(self._focus_moved)
        # Windows that outlive their break (the done view, the safety advice)
        # stay referenced until Qt destroys them, or Python would collect them
        # and they would vanish mid-sentence.
        self._windows: set[BreakWindow] = set()

    @property
    def poses(self) -> dict | None:
        """The figures' poses, loaded on first use: a tenth of a second not spent before the icon shows."""
        if not self._poses_loaded:
            self._poses, self._poses_loaded = load_poses_or_none(self.session.shipped_catalog), True
        return self._poses

    @property
    def motion(self) -> MotionPreference:
        """The ``motion`` setting made a yes or no; the desktop is asked first when a break opens, not at start."""
        if self._motion is None:
            from deskbreak.adapters.holds.desktop import Desktop
            from deskbreak.adapters.motion import desktop_motion

            self._motion = desktop_motion(Desktop(clock=self.session.clock))
        return self._motion

    @motion.setter
    def motion(self, motion: MotionPreference) -> None:
        self._motion = motion

    def preload(self) -> None:
        """The poses and the break window's code, so the first break paints as fast as the later ones."""
        # Plain imports, here for their cost: a bundler (PyInstaller) sees them, a name in a string it does not.
        import deskbreak.ui.break_window  # noqa: F401
        from deskbreak.ui.warm_up import warm_up_break_window

        self.poses
        warm_up_break_window()

    def open(self, event: BreakShown) -> None:
        from deskbreak.ui.break_window import BreakWindow

        plan, session = event.plan, self.session
        self.close()
        window = BreakWindow(
            title=plan.brk.kind.label,
            exercises=plan.exercises,
            settings=plan.settings,
            clock=session.clock,
            safety=plan.catalog.safety,
            rest_between_s=plan.routine.rest_between_s,
            postpone_label=self._postpone_label(),
            poses=self.poses,
            end_allowed=plan.end_allowed,
            safety_first=plan.settings.sore_back,
            segments=plan.segments,
            holds=plan.holds,
            key_guard_s=key_guard_for(prompted=not plan.brk.user_started),
            screen_gone=self._screen_gone,
        )
        reduced = self.motion.reduced(plan.settings.motion)
        log.info("break window: %s motion (motion = %s)", "reduced" if reduced else "full", plan.settings.motion)
        self._set_motion(window, reduced)
        # Lambdas, not the bound methods: connected to a method of a plain Python object (the
        # session, the chimes), PySide6 keeps a weak reference and a callable for the receiver
        # that outlive the window, two of each a break (break_storm.py --types).
        window.exerciseDone.connect(lambda exercise_id, seconds, completed:
                                    session.exercise_done(exercise_id, seconds, completed))
        window.finished.connect(self._finished)
        window.postponeRequested.connect(lambda: self._run_command(cmd.Postpone()))
        if self.chimes is not None:
            chimes = self.chimes
            window.chime.connect(lambda cue: chimes.play(cue))
        self.window = window
        self._windows.add(window)
        window.destroyed.connect(lambda *_: self._window_gone(window))
        # Started by the user: take the keyboard now. Prompted: wait until they stop typing.
        window.start(activate=plan.brk.user_started)
        # Covered by nothing on X11 (Qt's stay-on-top hint), by whatever takes the keyboard on Wayland...
        self._stays_in_view, self._covered, self._had_keyboard = not window.fullscreen, False, False
        if self.keep_above is not None and window.fullscreen:
            # ...unless KWin keeps it above (KDE).
            self._kept_above_window = window
            self.keep_above.keep_above([window.windowTitle(), *(o.windowTitle() for o in window.overlays)])
        if not plan.brk.user_started:
            self._unknown_quiet_ticks = 0
            self._focus_timer.start()

    @staticmethod
    def _set_motion(window: BreakWindow, reduced: bool) -> None:
        """Before the routine starts: the figure (unless a caller put something else there) and both rings."""
        window.ring.set_reduced_motion(reduced)
        window.done_ring.set_reduced_motion(reduced)
        set_figure_motion = getattr(window.figure_area, "set_reduced_motion", None)
        if set_figure_motion is not None:
            set_figure_motion(reduced)

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

    def bring_back(self) -> None:
        """Show the break window again in front of whatever covered it (the tray's and the notification's "Show the break")."""
        if self.window is not None:
            self.window.bring_back()

    def _kept_above(self) -> None:
        if self._kept_above_window is not None and self._kept_above_window is self.window:
            self._stays_in_view = True

    def _focus_moved(self, focused: QWindow | None) -> None:
        """Where the break can be covered, say when it loses the keyboard it had, and when it has it back."""
        window = self.window
        if window is None or self._stays_in_view or not window.isVisible():
            return
        ours = focused is not None and focused in [w.windowHandle() for w in (window, *window.overlays)]
        if ours:
            self._had_keyboard = True
            if self._covered:
                self._covered = False
                self.inView.emit()
        elif self._had_keyboard and not self._covered:
            # Only a loss counts: focus moving between other windows says nothing of the break.
            self._covered = True
            self.covered.emit(window.title)

    def _window_gone(self, window: BreakWindow) -> None:
        self._windows.discard(window)
        if window is self._kept_above_window:
            # KWin lets the break go only now: the done view stays above until it closes too.
            self._kept_above_window = None
            self.keep_above.release()

    def stop_routine(self) -> None:
        """Report the exercise under way of a routine the session (or a quit) ends, before its row closes."""
        if self.window is not None:
            self.window.stop_routine()

    def close(self) -> None:
        self._focus_timer.stop()
        if self.window is not None:
            window, self.window = self.window, None
            window.close_quietly()

    def _finished(self, outcome: Outcome) -> None:
        # The window closes itself (done view, safety advice): do not close it here.
        window, self.window = self.window, None
        self._focus_timer.stop()
        self._finish_break(outcome)
        if window is not None and outcome == Outcome.COMPLETED:
            now = self.session.clock.now()
            window.set_next_break_text(status_line(self.session.engine.status(now), now))
            # Read once this break's exercises are written.
            self._after_history_written(lambda: self._show_today(window, now))

    def _show_today(self, window: BreakWindow, now: datetime) -> None:
        if window in self._windows:  # not closed and deleted meanwhile
            window.set_today(self.session.targets_worked_today(now), self.session.holds_grown())
