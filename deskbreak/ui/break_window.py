"""The break window: the screen a user follows during a guided break.

It plays a routine (:func:`deskbreak.core.content.guide.build_segments` turned into a
:class:`~deskbreak.core.content.guide.RoutinePlayer`, the same timeline
``deskbreak routine show`` prints) on three pages: the routine itself
(:mod:`deskbreak.ui.break_routine`), the done view
(:mod:`deskbreak.ui.break_done`) and what to do about pain
(:mod:`deskbreak.ui.break_safety`). This module keeps the state, the
signals, the keys and the timers; the pages only show what they are given.
It owns no schedule logic: it never talks to the engine or the history, it
only emits signals, and the app decides what they mean.

Time: the remaining time is always computed by the player from
``clock.monotonic()``; the ~100 ms timer only triggers a redraw (and only
while the window is visible), so a stalled event loop or a skipped tick can
never stretch a hold. The done view's countdown reads the same clock.

Keys: Space pauses or resumes, Right skips to the next exercise, Esc ends the
break; on the done view Enter or Esc closes it. The keys act only once the
user has turned to the window: a mouse press in it, or ``key_guard_s``
without a key press since :meth:`BreakWindow.start`. A key pressed before
then is swallowed and starts the quiet over, so someone typing mid-sentence
when the window pops up (and takes the keyboard, as on Wayland) never pauses
or ends it, however long the typing goes on. The keys are
handled by an event filter on the window and every child, so they work
wherever the focus is. The one exception is deliberate: when the user has
*tabbed* to a button, Space (and Enter) press that button, as keyboard users
expect; a button that got focus any other way (a mouse click, the window
being activated) never takes Space from the pause toggle. Buttons only take
focus from the keyboard (``Qt.TabFocus``), so a mouse click on "Next
exercise" followed by Space pauses rather than skipping again.

Accessibility: every control has a stable ``objectName`` (``pauseButton``,
``cueLabel``...) for tests, and an ``accessibleName`` with the words a screen
reader should say (the button's label, the label's current text, "Hold, 12
seconds left" for the ring), kept up to date as they change. Each phase of
the routine is announced once to a screen reader (:mod:`deskbreak.ui.announce`).
"""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QScreen
from PySide6.QtWidgets import QAbstractButton, QStackedWidget, QVBoxLayout, QWidget

from deskbreak.core.content.catalog import Exercise, SafetyNote
from deskbreak.core.clock import Clock
from deskbreak.core.describe import human_duration
from deskbreak.core.content.guide import RoutinePlayer, Segment, build_segments, chime_for, total_seconds
from deskbreak.core.history.progression import Grown
from deskbreak.core.i18n import translate
from deskbreak.core.kinds import Outcome
from deskbreak.core.settings import Settings
from deskbreak.ui import break_screens, screen_fit
from deskbreak.ui.announce import RoutineAnnouncer
from deskbreak.ui.break_screens import ScreenChoice, routine_screen, show_again, show_fullscreen_on
from deskbreak.ui.break_done import DONE_HEADLINE, DonePage
from deskbreak.ui.break_routine import SAFETY_FOOTER, IllustrationCard, RoutinePage
from deskbreak.ui.break_safety import SafetyPage
from deskbreak.ui.break_widgets import place_text, seconds_left
from deskbreak.ui.hold_ring import HoldRing
from deskbreak.ui.overlay import BreakOverlay, cover_other_screens

__all__ = ["BreakWindow", "DONE_HEADLINE", "SAFETY_FOOTER", "IllustrationCard", "place_text",
           "window_size"]

TICK_MS = 100
DONE_TICK_MS = 500
AUTO_CLOSE_S = 12.0
# The window's keys act after this long without a key press (or after a click in it).
KEY_GUARD_S = 1.0
"""How long the done view stays when nobody closes it: long enough to read it."""

_RUNNING, _DONE, _HURT, _CLOSED = "running", "done", "hurt", "closed"
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_KEYBOARD_FOCUS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
# Focus that comes back with the window keeps whatever "tabbed to" state it had.
_RESTORED_FOCUS = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)

# The window's largest size, and its share of a smaller screen: room for two
# columns of steps and countdown, and still the desktop around it.
MAX_SIZE = QSize(1120, 820)
SCREEN_SHARE = 0.92


def window_size(available: QSize) -> QSize:
    """The break window's size on a screen with ``available`` room (1280x800 -> 1120x736)."""
    return QSize(min(MAX_SIZE.width(), int(available.width() * SCREEN_SHARE)),
                 min(MAX_SIZE.height(), int(available.height() * SCREEN_SHARE)))


class BreakWindow(QWidget):
    """A guided break. Build it, connect its signals, call :meth:`start`."""

    exerciseDone = Signal(str, float, bool)
    """exercise id, seconds spent, completed."""
    segmentEnded = Signal(str)
    """The kind ("lead_in", "hold", "rep", "rest", "switch", "walk", "move") of a segment whose time ran out."""
    chime = Signal(str)
    """ "hold" or "switch": the app plays the matching sound."""
    finished = Signal(object)
    """The :class:`Outcome` (COMPLETED, SKIPPED or HURT); emitted at most once."""
    postponeRequested = Signal()
    """The user asked to postpone; the app decides and then calls :meth:`close_quietly`."""

    def __init__(self, *, title: str, exercises: Sequence[Exercise], settings: Settings, clock: Clock,
                 safety: Sequence[SafetyNote] = (), rest_between_s: float = 0,
                 postpone_label: str | None = None, key_guard_s: float = KEY_GUARD_S,
                 auto_close_s: float | None = AUTO_CLOSE_S, poses: dict | None = None,
                 end_allowed: bool = True, next_break_text: str = "", safety_first: bool = False,
                 segments: Sequence[Segment] | None = None, fullscreen: bool | None = None,
                 screen_gone: Callable[[ScreenChoice], object] | None = None,
                 holds: Mapping[str, int] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("breakWindow")
        self.setWindowTitle(f"deskbreak: {title}")
        self.setAccessibleName(f"deskbreak: {title}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.title = title
        self.overlays: list[BreakOverlay] = []
        # Fullscreen on its screen where the compositor places windows (break_screens.py); None: as the platform needs.
        self.fullscreen = break_screens.compositor_places_windows() if fullscreen is None else fullscreen
        self._screen: QScreen | None = None
        # Told when the screen the settings choose is not connected (the host says so once a run).
        self._screen_gone = screen_gone
        self.exercises = tuple(exercises)
        self.settings = settings
        self.clock = clock
        self.safety = tuple(safety)
        self.rest_between_s = rest_between_s
        self.key_guard_s = key_guard_s
        self.auto_close_s = auto_close_s
        # False in strict mode or once the day's skips are spent: the break can
        # be postponed (or hurt), not ended, so End break, Esc and the overlays' button do nothing.
        self.end_allowed = end_allowed
        # The timeline is known now, so its length shows before the routine starts. The app
        # passes the one core/content/timeline.py gives everyone; alone, the window builds the same.
        self.segments: list[Segment] = list(segments) if segments is not None else build_segments(
            self.exercises, hold_length=settings.hold_length, lead_in_s=settings.lead_in.total_seconds(),
            rest_between_s=rest_between_s, holds=holds)
        self.holds = dict(holds or {})  # grown with the user: the pacing line says where they pass the article
        self.total_s = total_seconds(self.segments)

        self._player: RoutinePlayer | None = None
        self._state = _RUNNING
        # The guard's quiet runs from the start or the last key swallowed; a click or the quiet ends it.
        self._quiet_since: float | None = None
        self._turned_to = False
        self._done_at: float | None = None
        self._outcome: Outcome | None = None
        self._emitted = 0
        self._shown: tuple[Exercise, str | None] | None = None
        self._exercise_ordinal = _ordinals(self.segments)
        self._ready = False

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._done_timer = QTimer(self)
        self._done_timer.setInterval(DONE_TICK_MS)
        self._done_timer.timeout.connect(self.tick)

        self._build(postpone_label, poses, safety_first)
        self._announcer = RoutineAnnouncer(self)
        self.set_next_break_text(next_break_text)
        self.end_button.setVisible(end_allowed)
        self._ready = True
        self._restyle()
        for widget in [self, *self.findChildren(QWidget)]:
            widget.installEventFilter(self)

    # -- public API ---------------------------------------------------------

    @property
    def player(self) -> RoutinePlayer | None:
        """The routine player (None until :meth:`start`)."""
        return self._player

    @property
    def outcome(self) -> Outcome | None:
        """What :attr:`finished` reported, once it has."""
        return self._outcome

    @property
    def ticking(self) -> bool:
        """Whether the update timer runs (only while the routine plays in a visible window)."""
        return self._timer.isActive()

    @property
    def ring(self) -> HoldRing:
        return self._routine.ring

    @property
    def figure_area(self) -> QWidget:
        return self._routine.figure_area

    @property
    def done_ring(self) -> HoldRing:
        return self._done.done_ring

    @property
    def next_break_text(self) -> str:
        return self._next_break_text

    def set_today(self, targets: Sequence[str], grown: Sequence[Grown] = ()) -> None:
        """For the done view: the muscle groups worked today, this break included, and the holds that grew."""
        self._done.set_today(targets, grown, self.exercises)

    def set_next_break_text(self, text: str) -> None:
        """When the next break is ("Next sit-break at 15:30"), for the done view; "" shows nothing."""
        self._next_break_text = text
        self._done.set_next_break_text(text)

    def start(self, activate: bool = True) -> None:
        """Start playing now, and show the window on the screen the ``break_screen`` setting chooses
        (:func:`~deskbreak.ui.break_screens.routine_screen`); every other screen gets an overlay.

        With ``activate`` False the window appears on top without taking the
        keyboard (someone may be typing); the host calls :meth:`activate`
        once the keyboard has been quiet for a moment.
        """
        if self._player is not None:
            return
        now = self.clock.monotonic()
        self._quiet_since = now
        self._player = RoutinePlayer(self.segments, now)
        self._screen = screen = self._place()
        self.tick()
        if self._state == _CLOSED:
            return
        self.overlays = cover_other_screens(screen, self.title, fullscreen=self.fullscreen)
        for overlay in self.overlays:
            overlay.endRequested.connect(self.end_break)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not activate)
        if self.fullscreen and screen is not None:
            show_fullscreen_on(self, screen)
        else:
            self.show()
        self.raise_()
        if activate:
            self.activate()

    def bring_back(self) -> None:
        """Show the break again in front of the windows that covered it, and give it the keyboard."""
        if self._state == _CLOSED or self._player is None:
            return
        for overlay in self.overlays:
            overlay.bring_back(fullscreen=self.fullscreen)
        # Last, so it is the window on top and the one with the keyboard.
        show_again(self, self._screen, fullscreen=self.fullscreen, activate=True)

    def activate(self) -> None:
        """Take the keyboard: Space, Right and Esc now reach the routine."""
        self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop_routine(self) -> None:
        """Stop the routine where it is and report its exercises, the one under way as not completed.

        For an end the engine decided (quit, away, postponed from the tray):
        what was done is recorded before the break's row is closed.
        """
        if self._state == _RUNNING:
            self._stop_player()

    def close_quietly(self) -> None:
        """Close without emitting :attr:`finished` (the engine already ended the break)."""
        if self._state == _CLOSED:
            return
        self._state = _CLOSED
        self._timer.stop()
        self._done_timer.stop()
        self.close()

    def tick(self) -> None:
        """Bring the display up to ``clock.monotonic()``; the timers call this while something runs."""
        if self._state == _DONE:
            self._done_tick(self.clock.monotonic())
            return
        now = self._catch_up()
        if now is not None:
            self._refresh(now)

    def toggle_pause(self) -> None:
        now = self._catch_up()
        if now is None:
            return
        self._player.toggle_pause(now)
        self._refresh(now)

    def skip_exercise(self) -> None:
        """Move on to the next exercise; the current one is recorded as not completed."""
        now = self._catch_up()
        if now is None:
            return
        self._player.skip_exercise(now)
        self._emit_results()
        self.tick()

    def end_break(self) -> None:
        """End the break now: finished("skipped"), then close."""
        if self._state == _RUNNING and not self.end_allowed:
            return
        if self._state != _RUNNING:
            self.close()
            return
        self._stop_player()
        if self._state != _RUNNING:
            return
        self._finish(Outcome.SKIPPED)
        self.close()

    def report_hurt(self) -> None:
        """Stop, show what to do about pain, emit finished("hurt")."""
        if self._state != _RUNNING:
            return
        self._stop_player()
        if self._state != _RUNNING:
            return
        self._state = _HURT
        self._uncover_screens()
        self._timer.stop()
        self._pages.setCurrentWidget(self._safety)
        self._safety.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._finish(Outcome.HURT)

    def replace_figure_area(self, widget: QWidget) -> None:
        """Swap the illustration slot for ``widget`` (which needs ``show_exercise(exercise, side)``)."""
        old = self._routine.replace_figure_area(widget)
        old.deleteLater()
        widget.installEventFilter(self)
        if self._shown is not None:
            widget.show_exercise(*self._shown)

    # -- building -----------------------------------------------------------

    def _build(self, postpone_label: str | None, poses: dict | None, safety_first: bool) -> None:
        self._pages = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._pages)
        self._routine = RoutinePage(title=self.title, poses=poses, clock=self.clock,
                                    postpone_label=postpone_label or translate("break_window", "Postpone 5 min"),
                                    hold_length=self.settings.hold_length, holds=self.holds,
                                    safety_first=safety_first)
        self._done = DonePage()
        self._safety = SafetyPage(self.safety, translate("break_window", SAFETY_FOOTER))
        for page in (self._routine, self._done, self._safety):
            self._pages.addWidget(page)
        routine = self._routine
        routine.pause_button.clicked.connect(self.toggle_pause)
        routine.skip_button.clicked.connect(self.skip_exercise)
        routine.hurt_button.clicked.connect(self.report_hurt)
        routine.postpone_button.clicked.connect(self.postponeRequested.emit)
        routine.end_button.clicked.connect(self.end_break)
        self.end_button = routine.end_button
        self._done.done_close.clicked.connect(self.close)
        self._safety.close_button.clicked.connect(self.close)
        self._routine.show_status(self._kicker(1), round(self.total_s))

    def _restyle(self) -> None:
        """Fonts relative to the system font, colours from the palette; redone when either changes."""
        if not self._ready:
            return
        for page in (self._routine, self._done, self._safety):
            page.restyle()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.ApplicationFontChange, QEvent.Type.FontChange,
                            QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self._restyle()
        super().changeEvent(event)

    def _place(self) -> QScreen | None:
        """Size the window for its screen, and return that screen."""
        screen = routine_screen(self.settings.break_screen, missing=self._screen_gone)
        if screen is None:
            self.resize(window_size(QSize(1280, 800)))
            return None
        self.setScreen(screen)
        if self.fullscreen:
            # The whole screen, the routine in the size it has as a window, in the middle.
            margin = (screen.size() - window_size(screen.availableGeometry().size())) / 2
            self.layout().setContentsMargins(margin.width(), margin.height(), margin.width(), margin.height())
        else:
            # Inside the screen's free area with the window manager's frame, centred frame and all.
            screen_fit.place(self, window_size(screen_fit.available_area(self).size()))
        return screen

    def _uncover_screens(self) -> None:
        for overlay in self.overlays:
            overlay.close()
        self.overlays = []

    # -- playing ------------------------------------------------------------

    def _catch_up(self) -> float | None:
        """Play up to now; the time, or None when the routine is over or not running."""
        if self._state != _RUNNING or self._player is None:
            return None
        now = self.clock.monotonic()
        self._advance(now)
        if self._state != _RUNNING:
            return None
        if self._player.finished:
            self._show_done(now)
            return None
        return now

    def _advance(self, now: float) -> None:
        assert self._player is not None
        ended = self._player.update(now)
        for segment in ended:
            self.segmentEnded.emit(segment.kind.value)
        following = ended[1:] + [self._player.view(now).segment]
        cues = [c for c in map(chime_for, ended, following) if c is not None]
        if cues:
            # One chime even when a stalled loop ended several segments at once.
            self.chime.emit(cues[-1])
        self._emit_results()

    def _emit_results(self) -> None:
        assert self._player is not None
        while self._emitted < len(self._player.results):
            result = self._player.results[self._emitted]
            self._emitted += 1
            self.exerciseDone.emit(result.exercise_id, result.seconds, result.completed)

    def _stop_player(self) -> None:
        """Stop the routine now; the exercise under way is reported as not completed."""
        if self._player is None:
            return
        now = self.clock.monotonic()
        self._advance(now)
        if self._state != _RUNNING or self._player.finished:
            return
        self._player.stop(now)
        self._emit_results()

    def _finish(self, outcome: Outcome) -> None:
        self._timer.stop()
        if self._outcome is None:
            self._outcome = outcome
            self.finished.emit(outcome)

    def _show_done(self, now: float) -> None:
        assert self._player is not None
        self._state = _DONE
        self._timer.stop()
        self._uncover_screens()
        self._done.show_results(self.exercises, self._player.results)
        self._pages.setCurrentWidget(self._done)
        self._done.done_close.setFocus(Qt.FocusReason.OtherFocusReason)
        self._announcer.done()
        self._finish(Outcome.COMPLETED)
        if self._state != _DONE:
            return  # a slot of finished closed the window
        self._done_at = now
        self._done_tick(now)
        if self._state == _DONE and self._closes_by_itself():
            self._done_timer.start()

    def _closes_by_itself(self) -> bool:
        return self.auto_close_s is not None and self.auto_close_s >= 0

    def _done_tick(self, now: float) -> None:
        """The done view's countdown, from the clock; closes the window when it runs out."""
        if not self._closes_by_itself() or self._done_at is None:
            self._done.set_countdown(None)
            return
        left = self.auto_close_s - (now - self._done_at)
        if left <= 0:
            self._done_timer.stop()
            self.close()
            return
        self._done.set_countdown(seconds_left(left))

    def _kicker(self, ordinal: int) -> str:
        """ "Sit-break · 4 min · Exercise 1 of 4": the routine, its length, where we are."""
        count = self._exercise_ordinal[-1] if self._exercise_ordinal else 0
        return translate("break_window", "{routine} \u00b7 {length} \u00b7 Exercise {ordinal} of {count}").format(
            routine=self.title, length=human_duration(self.total_s), ordinal=ordinal, count=count)

    def _refresh(self, now: float) -> None:
        assert self._player is not None
        view = self._player.view(now)
        segment = view.segment
        if segment is None:
            return
        shown = (segment.exercise, segment.side)
        if shown != self._shown:
            self._shown = shown
            self._routine.show_exercise(*shown)
        ordinal = self._exercise_ordinal[view.index] if view.index < len(self._exercise_ordinal) else 0
        self._routine.show_status(self._kicker(ordinal), seconds_left(self._player.remaining_total(now)))
        self._routine.show_view(view, self._player.segments)
        self._announcer.follow(view)

    # -- events -------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._state == _RUNNING and self._player is not None:
            self.tick()
            if self._state == _RUNNING:
                self._timer.start()

    def hideEvent(self, event) -> None:  # noqa: N802
        self._timer.stop()
        super().hideEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        # The window manager's close button during the routine is "End break",
        # which strict mode and a spent skip budget do not allow.
        if self._state == _RUNNING and self._player is not None and not self.end_allowed:
            event.ignore()
            return
        if self._state == _RUNNING and self._player is not None:
            self._stop_player()
            self._finish(Outcome.SKIPPED)
        self._state = _CLOSED
        self._timer.stop()
        self._done_timer.stop()
        self._uncover_screens()
        super().closeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.FocusIn and isinstance(watched, QAbstractButton):
            reason = event.reason()
            if reason not in _RESTORED_FOCUS:
                watched.setProperty("tabbedTo", reason in _KEYBOARD_FOCUS)
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key_press(watched, event)
        elif kind == QEvent.Type.MouseButtonPress and self._quiet_since is not None:
            self._turned_to = True  # a click in the window is the user turning to it
        return False

    def _keys_act(self) -> bool:
        """Whether a key pressed now is meant for the break; a key that is not restarts the quiet."""
        if self._quiet_since is None:
            return False
        if not self._turned_to:
            now = self.clock.monotonic()
            self._turned_to = now - self._quiet_since >= self.key_guard_s
            self._quiet_since = now
        return self._turned_to

    def _key_press(self, watched: QObject, event: QKeyEvent) -> bool:
        """Handle a key for the whole window; True when the key was used (or swallowed)."""
        if not self._keys_act():
            return True
        key = event.key()
        # The receiver is the focus widget (or the window when no child has focus).
        button = watched if isinstance(watched, QAbstractButton) else None
        if key in _ENTER_KEYS and button is not None:
            if not event.isAutoRepeat():
                button.click()
            return True
        if self._state != _RUNNING:
            # The done view's own shortcut: Enter or Esc closes it; Esc closes the safety page.
            if key == Qt.Key.Key_Escape or (key in _ENTER_KEYS and self._state == _DONE):
                if not event.isAutoRepeat():
                    self.close()
                return True
            return False
        if key == Qt.Key.Key_Space:
            if button is not None and button.property("tabbedTo"):
                return False  # the button the user tabbed to gets its Space
            if not event.isAutoRepeat():
                self.toggle_pause()
            return True
        if key == Qt.Key.Key_Right and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if not event.isAutoRepeat():
                self.skip_exercise()
            return True
        if key == Qt.Key.Key_Escape:
            if not event.isAutoRepeat():
                self.end_break()
            return True
        return False


def _ordinals(segments: Sequence[Segment]) -> list[int]:
    """For each segment, the 1-based number of the exercise it belongs to."""
    ordinals: list[int] = []
    previous = None
    count = 0
    for segment in segments:
        if segment.exercise.id != previous:
            count += 1
            previous = segment.exercise.id
        ordinals.append(count)
    return ordinals
