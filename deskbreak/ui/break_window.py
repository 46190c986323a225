"""The break window: the screen a user follows during a guided break.

It plays a routine (:func:`deskbreak.core.guide.build_segments` turned into a
:class:`~deskbreak.core.guide.RoutinePlayer`) and shows, for the current
exercise, its name, the illustration slot, the numbered steps, the document's
figures (and our pacing where the document gives none, marked as ours), the
cautions and the source; a large ring counts the hold down. It owns no
schedule logic: it never talks to the engine or the history, it only emits
signals, and the app decides what they mean.

Time: the remaining time is always computed by the player from
``clock.monotonic()``; the ~100 ms timer only triggers a redraw (and only
while the window is visible), so a stalled event loop or a skipped tick can
never stretch a hold.

Keys: Space pauses or resumes, Right skips to the next exercise, Esc ends the
break. Key presses within ``key_guard_s`` of :meth:`BreakWindow.start` are
swallowed, so someone typing mid-sentence when the window pops up does not
pause or end it. The keys are handled by an event filter on the window and
every child, so they work wherever the focus is. The one exception is
deliberate: when the user has *tabbed* to a button, Space (and Enter) press
that button, as keyboard users expect; a button that got focus any other way
(a mouse click, the window being activated) never takes Space from the pause
toggle. Buttons only take focus from the keyboard (``Qt.TabFocus``), so a
mouse click on "Next exercise" followed by Space pauses rather than skipping
again.

Accessibility: every control has a stable ``objectName`` (``pauseButton``,
``cueLabel``...) for tests, and an ``accessibleName`` with the words a screen
reader should say (the button's label, the label's current text, "Hold, 12
seconds left" for the ring), kept up to date as they change.
"""

from __future__ import annotations

import html
import math
from typing import Sequence

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent, QPainter, QPen, QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from deskbreak.core.catalog import PLACE_LABELS, Exercise, SafetyNote
from deskbreak.core.clock import Clock
from deskbreak.core.describe import exact_duration
from deskbreak.core.kinds import Outcome
from deskbreak.core.guide import (
    Phase,
    RoutinePlayer,
    Segment,
    View,
    build_segments,
    chime_for,
    summary,
)
from deskbreak.core.settings import Settings
from deskbreak.ui import style
from deskbreak.ui.figure import FigureWidget
from deskbreak.ui.hold_ring import HoldRing
from deskbreak.ui.overlay import BreakOverlay, cover_other_screens

SAFETY_FOOTER = ("Mild discomfort is normal at first. Stop if pain lasts more than a few "
                 "minutes; see a doctor if it radiates.")
DONE_HEADLINE = "Break done. Nice work."
TICK_MS = 100

_RUNNING, _DONE, _HURT, _CLOSED = "running", "done", "hurt", "closed"
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_KEYBOARD_FOCUS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
# Focus that comes back with the window keeps whatever "tabbed to" state it had.
_RESTORED_FOCUS = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)


# ---------------------------------------------------------------------------
# Small building blocks


def _words(identifier: str) -> str:
    return identifier.replace("_", " ")


def _clock_text(seconds: int) -> str:
    """What the ring shows: "45", or "1:45" from a minute up."""
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds >= 60 else str(seconds)


def _seconds_left(remaining: float) -> int:
    """Whole seconds to show: a countdown shows 3, 2, 1, never 0 while running."""
    return max(0, math.ceil(remaining - 1e-6))


def place_text(exercise: Exercise) -> str:
    """ "At the desk", "On the floor · mat", "Needs a step"."""
    equipment = ", ".join(_words(e) for e in exercise.equipment)
    if exercise.place == "equipment":
        return f"Needs: {equipment}"
    label = PLACE_LABELS.get(exercise.place, exercise.place).capitalize()
    return f"{label} · {equipment}" if equipment else label


class Card(QFrame):
    """A softly rounded panel a step away from the window background."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        radius = self.fontMetrics().height() * 0.6
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(style.blend(style.card_color(palette), style.text_color(palette), 0.08), 1))
        painter.setBrush(style.card_color(palette))
        painter.drawRoundedRect(rect, radius, radius)
        painter.end()
        super().paintEvent(event)


class Chip(QLabel):
    """A pill-shaped tag ("hip flexors"), tinted with ``color`` (the accent by default)."""

    def __init__(self, text: str, parent: QWidget | None = None, *, strong: bool = False) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._strong = strong
        self._color = None
        self.restyle()

    def set_color(self, color) -> None:
        self._color = color
        self.restyle()

    def restyle(self) -> None:
        self.setFont(style.scaled_font(0.95 if not self._strong else 1.0, bold=self._strong))
        height = self.fontMetrics().height()
        self.setContentsMargins(round(height * 0.65), round(height * 0.2),
                                round(height * 0.65), round(height * 0.2))
        palette = self.parentWidget().palette() if self.parentWidget() else self.palette()
        color = self._color or style.accent_color(palette)
        style.set_text_color(self, color if self._strong else style.text_color(palette))
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        color = self._color or style.accent_color(palette)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.tint(color, palette, 0.22 if self._strong else 0.14))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.end()
        super().paintEvent(event)


def _label(text: str = "", *, name: str = "", scale: float = 1.0, bold: bool = False,
           wrap: bool = True, rich: bool = False, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setFont(style.scaled_font(scale, bold=bold))
    label.setProperty("fontScale", scale)
    label.setProperty("fontBold", bold)
    if name:
        label.setObjectName(name)
    return label


class IllustrationCard(Card):
    """The illustration: the animated figure, what the exercise works and where it is done.

    The figure follows the routine (:meth:`follow`): it moves from the start to
    the hold pose while the user gets into position, holds still during a
    hold, relaxes to the start pose during a rest, and moves back and forth
    with each counted rep. Anything with ``show_exercise(exercise, side)`` can
    take the card's place (:meth:`BreakWindow.replace_figure_area`).
    """

    def __init__(self, poses: dict | None = None, clock: Clock | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureArea")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.exercise: Exercise | None = None
        self.side: str | None = None
        self._followed: tuple[int, str | None] | None = None
        self.figure_exercise: Exercise | None = None
        layout = QVBoxLayout(self)
        spacing = self.fontMetrics().height()
        layout.setContentsMargins(spacing, round(spacing * 0.8), spacing, round(spacing * 0.8))
        layout.setSpacing(round(spacing * 0.5))
        self.figure = FigureWidget(poses or {}, clock=clock)
        self.figure.setObjectName("figure")
        # Big enough to read the pose at a glance, small enough to leave the
        # instructions unscrolled in a window of 620 px.
        self.figure.setMinimumHeight(round(spacing * 8))
        self.figure.setMaximumHeight(round(spacing * 12))
        self.figure.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.figure, 1)

        top = QHBoxLayout()
        top.setSpacing(round(spacing * 0.5))
        self.works_caption = _label("WORKS", scale=0.8, bold=True, wrap=False)
        self.side_chip = Chip("", strong=True)
        self.side_chip.setObjectName("sideChip")
        self.side_chip.hide()
        top.addWidget(self.works_caption, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        top.addWidget(self.side_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(top)

        self.chips_row = QHBoxLayout()
        self.chips_row.setSpacing(round(spacing * 0.4))
        layout.addLayout(self.chips_row)
        self.targets_label = _label("", name="targetsLabel", scale=1.0, parent=self)
        self.targets_label.hide()  # the chips show it; kept for its accessible text
        self.place_label = _label("", name="placeLabel", scale=0.95)
        layout.addWidget(self.place_label)
        self._chips: list[Chip] = []

    def show_exercise(self, exercise: Exercise, side: str | None = None) -> None:
        if exercise is not self.exercise:
            self.exercise = exercise
            for chip in self._chips:
                chip.deleteLater()
            self._chips = [Chip(_words(t), self) for t in exercise.targets]
            while self.chips_row.count():
                self.chips_row.takeAt(0)
            for chip in self._chips:
                self.chips_row.addWidget(chip)
            self.chips_row.addStretch(1)
            works = "Works: " + ", ".join(_words(t) for t in exercise.targets)
            self.targets_label.setText(works)
            self.place_label.setText(place_text(exercise))
            self.setAccessibleName(f"{works}. {place_text(exercise)}")
        if (exercise, side) != (self.figure_exercise, self.side):
            self.figure.show_exercise(exercise, side)
        self.figure_exercise = exercise
        self.side = side
        if side:
            self.side_chip.setText(f"{side.capitalize()} side")
            self.side_chip.show()
        else:
            self.side_chip.hide()

    def follow(self, view: View) -> None:
        """Move the figure with the routine: see the class docstring."""
        segment = view.segment
        if segment is None:
            return
        entered = (view.index, segment.side) != self._followed
        self._followed = (view.index, segment.side)
        if segment.phase == Phase.REST:
            self.figure.set_pose_progress(0.0)
        elif segment.phase == Phase.MOVE and segment.pace_s:
            # Counted reps: out to the hold pose and back, once per rep.
            cycle = (view.elapsed % segment.pace_s) / segment.pace_s
            self.figure.set_pose_progress(1.0 - abs(2.0 * cycle - 1.0))
        elif entered and (segment.phase == Phase.LEAD_IN or not self.figure.animating):
            if segment.phase == Phase.LEAD_IN or self.figure.progress < 1.0:
                self.figure.show_exercise(segment.exercise, segment.side)

    def restyle(self) -> None:
        palette = self.palette()
        self.figure.set_background(style.card_color(palette))
        self.works_caption.setFont(style.scaled_font(0.8, bold=True))
        style.set_text_color(self.works_caption, style.muted_color(palette))
        self.place_label.setFont(style.scaled_font(0.95))
        style.set_text_color(self.place_label, style.muted_color(palette))
        for chip in [*self._chips, self.side_chip]:
            chip.restyle()


# ---------------------------------------------------------------------------
# The window


class BreakWindow(QWidget):
    """A guided break. Build it, connect its signals, call :meth:`start`."""

    exerciseDone = Signal(str, float, bool)
    """exercise id, seconds spent, completed."""
    segmentEnded = Signal(str)
    chime = Signal(str)  # "hold" or "switch": the app plays the matching sound
    """The Phase value ("hold", "move", "rest", "lead_in") of a segment whose time ran out."""
    finished = Signal(object)
    """The :class:`Outcome` (COMPLETED, SKIPPED or HURT); emitted at most once."""
    postponeRequested = Signal()
    """The user asked to postpone; the app decides and then calls :meth:`close_quietly`."""

    def __init__(self, *, title: str, exercises: Sequence[Exercise], settings: Settings, clock: Clock,
                 safety: Sequence[SafetyNote] = (), rest_between_s: float = 0,
                 postpone_label: str = "Postpone 5 min", key_guard_s: float = 1.0,
                 auto_close_s: float = 5.0, poses: dict | None = None,
                 end_allowed: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self._poses = poses or {}
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("breakWindow")
        self.setWindowTitle(f"deskbreak: {title}")
        self.setAccessibleName(f"deskbreak: {title}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.title = title
        self.overlays: list[BreakOverlay] = []
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

        self._player: RoutinePlayer | None = None
        self._state = _RUNNING
        self._started_at: float | None = None
        self._outcome: Outcome | None = None
        self._emitted = 0
        self._shown_exercise: Exercise | None = None
        self._shown_side: object = object()
        self._exercise_ordinal: list[int] = []
        self._ready = False

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._auto_close = QTimer(self)
        self._auto_close.setSingleShot(True)
        self._auto_close.timeout.connect(self.close)

        self._build(postpone_label)
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

    def start(self, activate: bool = True) -> None:
        """Build the segments, start playing now, and show the window on the screen under the mouse.

        With ``activate`` False the window appears on top without taking the
        keyboard (someone may be typing); the host calls :meth:`activate`
        once the keyboard has been quiet for a moment.
        """
        if self._player is not None:
            return
        segments = build_segments(
            self.exercises,
            hold_length=self.settings.hold_length,
            lead_in_s=self.settings.lead_in.total_seconds(),
            rest_between_s=self.rest_between_s,
        )
        self._exercise_ordinal = _ordinals(segments)
        now = self.clock.monotonic()
        self._started_at = now
        self._player = RoutinePlayer(segments, now)
        screen = self._place_on_cursor_screen()
        self.tick()
        if self._state == _CLOSED:
            return
        self.overlays = cover_other_screens(screen, self.title)
        for overlay in self.overlays:
            overlay.endRequested.connect(self.end_break)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not activate)
        self.show()
        self.raise_()
        if activate:
            self.activate()

    def activate(self) -> None:
        """Take the keyboard: Space, Right and Esc now reach the routine."""
        self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_quietly(self) -> None:
        """Close without emitting :attr:`finished` (the engine already ended the break)."""
        if self._state == _CLOSED:
            return
        self._state = _CLOSED
        self._timer.stop()
        self._auto_close.stop()
        self.close()

    def _catch_up(self) -> float | None:
        """Play up to now; the time, or None when the routine is over or not running."""
        if self._state != _RUNNING or self._player is None:
            return None
        now = self.clock.monotonic()
        self._advance(now)
        if self._state != _RUNNING:
            return None
        if self._player.finished:
            self._show_done()
            return None
        return now

    def tick(self) -> None:
        """Bring the display up to ``clock.monotonic()``; the timer calls this ~10 times a second."""
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
        self._pages.setCurrentWidget(self._safety_page)
        self._safety_close.setFocus(Qt.FocusReason.OtherFocusReason)
        self._finish(Outcome.HURT)

    def replace_figure_area(self, widget: QWidget) -> None:
        """Swap the illustration slot for ``widget`` (which needs ``show_exercise(exercise, side)``)."""
        old = self.figure_area
        self._figure_holder.replaceWidget(old, widget)
        old.hide()
        old.setObjectName("")
        old.deleteLater()
        if not widget.objectName():
            widget.setObjectName("figureArea")
        widget.show()
        self.figure_area = widget
        widget.installEventFilter(self)
        if self._shown_exercise is not None:
            widget.show_exercise(self._shown_exercise, self._shown_side
                                 if isinstance(self._shown_side, str) else None)

    # -- layout -------------------------------------------------------------

    def _build(self, postpone_label: str) -> None:
        self._pages = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._pages)
        self._routine_page = self._build_routine_page(postpone_label)
        self._done_page = self._build_done_page()
        self._safety_page = self._build_safety_page()
        for page in (self._routine_page, self._done_page, self._safety_page):
            self._pages.addWidget(page)

    def _build_routine_page(self, postpone_label: str) -> QWidget:
        page = QWidget()
        page.setObjectName("routinePage")
        self._page_layouts: list[QVBoxLayout] = []
        layout = QVBoxLayout(page)
        self._page_layouts.append(layout)

        # Header: where we are, then the exercise name, large.
        header = QHBoxLayout()
        self.kicker_label = _label(self.title, name="kickerLabel", scale=0.95, bold=True, wrap=False)
        self.time_left_label = _label("", name="timeLeftLabel", scale=0.95, wrap=False)
        self.time_left_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.kicker_label, 1)
        header.addWidget(self.time_left_label)
        layout.addLayout(header)
        self.name_label = _label("", name="exerciseName", scale=2.5, bold=True)
        layout.addWidget(self.name_label)

        body = QHBoxLayout()
        self._body = body
        layout.addLayout(body, 1)

        # Left: illustration, then the instructions (scrolling only if they must).
        left = QVBoxLayout()
        self._figure_holder = left
        self.figure_area: QWidget = IllustrationCard(self._poses, self.clock)
        left.addWidget(self.figure_area)
        details = QWidget()
        details.setObjectName("details")
        self._details_layout = QVBoxLayout(details)
        self._details_layout.setContentsMargins(0, 0, 0, 0)
        self.steps_box = QWidget()
        self.steps_box.setObjectName("stepsBox")
        self._steps_grid = QGridLayout(self.steps_box)
        self._steps_grid.setContentsMargins(0, 0, 0, 0)
        self._steps_grid.setColumnStretch(1, 1)
        self._step_labels: list[QLabel] = []
        self.figures_label = _label("", name="figuresLabel", rich=True)
        self.pacing_label = _label("", name="pacingLabel", rich=True)
        self.cautions_label = _label("", name="cautionsLabel", rich=True)
        self.source_label = _label("", name="sourceLabel", scale=0.85)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        for widget in (self.steps_box, self.figures_label, self.pacing_label, self.cautions_label,
                       self.source_label):
            self._details_layout.addWidget(widget)
        self._details_layout.addStretch(1)
        self._scroll = QScrollArea()
        self._scroll.setObjectName("instructions")
        self._scroll.setWidget(details)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.viewport().setAutoFillBackground(False)
        details.setAutoFillBackground(False)
        left.addWidget(self._scroll, 1)
        body.addLayout(left, 3)

        # Right: the ring, the cue under it, then progress and what comes next.
        right = QVBoxLayout()
        self._right = right
        self.ring = HoldRing()
        right.addWidget(self.ring)
        self.cue_label = _label("", name="cueLabel", scale=1.7, bold=True)
        self.progress_label = _label("", name="progressLabel", scale=1.1)
        self.next_label = _label("", name="nextLabel", scale=1.0)
        for label in (self.cue_label, self.progress_label, self.next_label):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            right.addWidget(label)
        right.addStretch(1)
        body.addLayout(right, 2)

        # Safety footer: always on screen during the routine, never buried.
        self.footer_label = _label(SAFETY_FOOTER, name="safetyFooter", scale=0.95)
        self.footer_label.setAccessibleName(SAFETY_FOOTER)
        self._rule = QFrame()
        self._rule.setFrameShape(QFrame.Shape.HLine)
        self._rule.setFrameShadow(QFrame.Shadow.Plain)
        layout.addWidget(self._rule)
        layout.addWidget(self.footer_label)

        # Controls: the routine's own on the left, leaving it on the right.
        buttons = QHBoxLayout()
        self._button_row = buttons
        self.pause_button = self._button("Pause", "pauseButton", self.toggle_pause,
                                         "Pause or resume the countdown (Space)")
        self.skip_button = self._button("Next exercise", "skipButton", self.skip_exercise,
                                        "Skip to the next exercise (Right arrow)")
        self.postpone_button = self._button(postpone_label, "postponeButton",
                                            self.postponeRequested.emit, "Put this break off")
        self.hurt_button = self._button("This hurts", "hurtButton", self.report_hurt,
                                        "Stop now and see what to do about pain")
        self.end_button = self._button("End break", "endButton", self.end_break,
                                       "End this break now (Esc)")
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.hurt_button)
        buttons.addWidget(self.postpone_button)
        buttons.addWidget(self.end_button)
        layout.addLayout(buttons)
        for first, second in zip(
            (self.pause_button, self.skip_button, self.hurt_button, self.postpone_button),
            (self.skip_button, self.hurt_button, self.postpone_button, self.end_button),
        ):
            QWidget.setTabOrder(first, second)
        return page

    def _build_done_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("doneView")
        layout = QVBoxLayout(page)
        self._page_layouts.append(layout)
        layout.addStretch(3)
        self.done_ring = HoldRing()
        self.done_ring.setObjectName("doneRing")
        layout.addWidget(self.done_ring, 0, Qt.AlignmentFlag.AlignHCenter)
        self.done_label = _label(DONE_HEADLINE, name="doneLabel", scale=2.6, bold=True)
        self.done_summary_label = _label("", name="doneSummary", scale=1.3)
        self.done_hint_label = _label("This window closes by itself.", name="doneHint", scale=1.0)
        for label in (self.done_label, self.done_summary_label, self.done_hint_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        self._done_gap = QWidget()
        layout.addWidget(self._done_gap)
        row = QHBoxLayout()
        self.done_close = self._button("Close", "doneCloseButton", self.close, "Close this window")
        row.addStretch(1)
        row.addWidget(self.done_close)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(4)
        return page

    def _build_safety_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("safetyPanel")
        page.setAccessibleName("What to do about pain")
        layout = QVBoxLayout(page)
        self._page_layouts.append(layout)
        self.safety_title = _label("Stop the exercise and rest.", name="safetyTitle", scale=2.2, bold=True)
        self.safety_intro = _label("The break has ended. Please read this before you carry on.",
                                   name="safetyIntro", scale=1.15)
        layout.addWidget(self.safety_title)
        layout.addWidget(self.safety_intro)
        notes = self.safety or (SafetyNote("footer", SAFETY_FOOTER, None),)  # type: ignore[arg-type]
        self.safety_note_labels: list[QLabel] = []
        self._safety_source_labels: list[QLabel] = []
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        self._safety_box_layout = box_layout
        for index, note in enumerate(notes):
            card = Card()
            card.setObjectName(f"safetyNote-{note.id}")
            card_layout = QVBoxLayout(card)
            text = _label(note.text, name=f"safetyNoteText{index}", scale=1.15)
            text.setAccessibleName(note.text)
            card_layout.addWidget(text)
            self.safety_note_labels.append(text)
            if note.source is not None:
                source = _label(f"From {note.source.document}", scale=0.85)
                source.setToolTip(note.source.quote)
                card_layout.addWidget(source)
                self._safety_source_labels.append(source)
            box_layout.addWidget(card)
        box_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().setAutoFillBackground(False)
        box.setAutoFillBackground(False)
        layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self._safety_close = self._button("Close", "safetyCloseButton", self.close, "Close this window")
        row.addWidget(self._safety_close)
        layout.addLayout(row)
        return page

    def _button(self, text: str, name: str, slot, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setAccessibleDescription(tip)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        # Focus from the keyboard only: a mouse click must not leave a button
        # holding focus and take the Space key from the pause toggle.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(slot)
        return button

    def _all_buttons(self) -> list[QPushButton]:
        return [self.pause_button, self.skip_button, self.hurt_button, self.postpone_button,
                self.end_button, self.done_close, self._safety_close]

    def _restyle(self) -> None:
        """Fonts relative to the system font, colours from the palette; redone when either changes."""
        if not self._ready:
            return
        palette = self.palette()
        line = self.fontMetrics().height()
        for layout in self._page_layouts:
            layout.setContentsMargins(round(line * 2), round(line * 1.5), round(line * 2), round(line * 1.3))
            layout.setSpacing(round(line * 0.7))
        self._body.setSpacing(round(line * 2))
        self._right.setSpacing(round(line * 0.5))
        self._figure_holder.setSpacing(round(line * 1.0))
        self._details_layout.setSpacing(round(line * 0.75))
        # Room for the scroll bar, when the steps need one, without touching the text.
        self._details_layout.setContentsMargins(0, 0, round(line * 0.8), 0)
        self._steps_grid.setHorizontalSpacing(round(line * 0.7))
        self._steps_grid.setVerticalSpacing(round(line * 0.45))
        self._button_row.setSpacing(round(line * 0.6))
        self._safety_box_layout.setSpacing(round(line * 0.6))
        self._done_gap.setFixedHeight(round(line * 0.8))
        ring_side = round(self.done_ring.sizeHint().width() * 0.7)
        self.done_ring.setFixedSize(ring_side, ring_side)

        for label in self.findChildren(QLabel):
            scale = label.property("fontScale")
            if scale is not None:
                label.setFont(style.scaled_font(float(scale), bold=bool(label.property("fontBold"))))
        muted = style.muted_color(palette)
        for label in (self.time_left_label, self.progress_label, self.next_label, self.source_label,
                      self.done_hint_label, *self._safety_source_labels):
            style.set_text_color(label, muted)
        style.set_text_color(self.kicker_label, style.accent_color(palette))
        style.set_text_color(self.footer_label, style.blend(style.text_color(palette), muted, 0.5))
        style.set_text_color(self.safety_title, style.danger_color(palette))
        rule = self._rule.palette()
        rule.setColor(rule.ColorRole.WindowText, style.track_color(palette))
        self._rule.setPalette(rule)
        for label in self._step_labels:
            if label.property("stepNumber"):
                style.set_text_color(label, style.accent_color(palette))

        for button in self._all_buttons():
            button.setFont(style.scaled_font(1.05))
            button.setMinimumHeight(round(button.fontMetrics().height() * 2.1))
            button.setMinimumWidth(round(button.fontMetrics().horizontalAdvance(button.text()) + line * 2.4))
        style.set_text_color(self.hurt_button, style.danger_color(palette))
        if isinstance(self.figure_area, IllustrationCard):
            self.figure_area.restyle()
        if self._shown_exercise is not None:
            self._show_exercise_text(self._shown_exercise)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.ApplicationFontChange, QEvent.Type.FontChange,
                            QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self._restyle()
        super().changeEvent(event)

    def _place_on_cursor_screen(self) -> QScreen | None:
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(820, 620)
            return None
        self.setScreen(screen)
        area = screen.availableGeometry()
        width = min(880, int(area.width() * 0.9))
        height = min(700, int(area.height() * 0.9))
        self.resize(width, height)
        frame = self.frameGeometry()
        frame.moveCenter(area.center())
        self.move(frame.topLeft())
        return screen

    def _uncover_screens(self) -> None:
        for overlay in self.overlays:
            overlay.close()
        self.overlays = []

    # -- playing ------------------------------------------------------------

    def _advance(self, now: float) -> None:
        assert self._player is not None
        ended = self._player.update(now)
        for segment in ended:
            self.segmentEnded.emit(segment.phase.value)
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
        if self._state not in (_RUNNING,) or self._player.finished:
            return
        self._player.stop(now)
        self._emit_results()

    def _finish(self, outcome: Outcome) -> None:
        self._timer.stop()
        if self._outcome is None:
            self._outcome = outcome
            self.finished.emit(outcome)

    def _show_done(self) -> None:
        assert self._player is not None
        self._state = _DONE
        self._timer.stop()
        self._uncover_screens()
        results = self._player.results
        done = sum(1 for r in results if r.completed)
        total = len(results)
        seconds = sum(r.seconds for r in results)
        if done or not total:
            self.done_label.setText(DONE_HEADLINE)
        else:
            self.done_label.setText("Break over.")
        exercises = "exercise" if total == 1 else "exercises"
        text = f"You did {done} of {total} {exercises}"
        text += f" in {exact_duration(seconds)}." if seconds >= 1 else "."
        self.done_summary_label.setText(text)
        self.done_ring.set_state(
            fraction=done / total if total else 1.0, remaining=0.0, value_text=str(done),
            caption=f"OF {total} DONE", accessible=f"{done} of {total} done",
            color=style.rest_color(self.palette()))
        self.done_label.setAccessibleName(self.done_label.text())
        self.done_summary_label.setAccessibleName(text)
        self._pages.setCurrentWidget(self._done_page)
        self.done_close.setFocus(Qt.FocusReason.OtherFocusReason)
        self._finish(Outcome.COMPLETED)
        if self._state == _DONE and self.auto_close_s is not None and self.auto_close_s >= 0:
            self._auto_close.start(max(0, round(self.auto_close_s * 1000)))

    def _refresh(self, now: float) -> None:
        assert self._player is not None
        view = self._player.view(now)
        segment = view.segment
        if segment is None:
            return
        if segment.exercise is not self._shown_exercise or segment.side != self._shown_side:
            self._show_exercise(segment.exercise, segment.side)
        if isinstance(self.figure_area, IllustrationCard):
            self.figure_area.follow(view)
        ordinal = self._exercise_ordinal[view.index] if view.index < len(self._exercise_ordinal) else 0
        total = self._exercise_ordinal[-1] if self._exercise_ordinal else 0
        self._set_text(self.kicker_label, f"{self.title} · Exercise {ordinal} of {total}")
        left = view.remaining + sum(s.seconds for s in self._player.segments[view.index + 1:])
        self._set_text(self.time_left_label, f"{_clock_text(_seconds_left(left))} left in this break")
        self._set_text(self.cue_label, segment.cue)
        self._set_text(self.progress_label, segment.progress_text(view.elapsed))
        self._set_text(self.next_label, self._next_text(view))
        self._update_ring(view, segment)
        paused = view.paused
        label = "Resume" if paused else "Pause"
        if self.pause_button.text() != label:
            self.pause_button.setText(label)
            self.pause_button.setAccessibleName(label)

    def _next_text(self, view: View) -> str:
        following = view.next_segment
        if following is None:
            return "Last one"
        assert view.segment is not None
        if following.exercise.id != view.segment.exercise.id:
            return f"Next: {summary(following.exercise, self.settings.hold_length)}"
        return f"Next: {following.cue}"

    def _update_ring(self, view: View, segment: Segment) -> None:
        palette = self.palette()
        seconds = _seconds_left(view.remaining)
        spoken = f"{seconds} second{'s' if seconds != 1 else ''} left"
        if segment.phase == Phase.MOVE and segment.pace_s:
            rep = segment.rep_at(view.elapsed)
            value, caption = str(rep), f"of {segment.reps}"
            accessible = f"Rep {rep} of {segment.reps}"
            color = style.accent_color(palette)
        else:
            value = _clock_text(seconds)
            caption, word, color = {
                Phase.HOLD: ("HOLD", "Hold", style.accent_color(palette)),
                Phase.REST: ("REST", "Rest", style.rest_color(palette)),
                Phase.LEAD_IN: ("GET READY", "Get ready", style.ready_color(palette)),
                Phase.MOVE: ("KEEP GOING", "Keep going", style.accent_color(palette)),
            }[segment.phase]
            accessible = f"{word}, {spoken}"
        if view.paused:
            caption = "PAUSED"
            accessible = f"Paused. {accessible}"
        self.ring.set_state(fraction=view.fraction_left, remaining=view.remaining, value_text=value,
                            caption=caption, accessible=accessible, color=color, paused=view.paused)

    def _show_exercise(self, exercise: Exercise, side: str | None) -> None:
        if exercise is not self._shown_exercise:
            self._shown_exercise = exercise
            self._set_text(self.name_label, exercise.name)
            self._show_exercise_text(exercise)
            self._scroll.verticalScrollBar().setValue(0)
        self._shown_side = side
        self.figure_area.show_exercise(exercise, side)

    def _show_exercise_text(self, exercise: Exercise) -> None:
        palette = self.palette()
        for label in self._step_labels:
            self._steps_grid.removeWidget(label)
            label.deleteLater()
        self._step_labels = []
        for row, step in enumerate(exercise.steps):
            number = _label(f"{row + 1}", scale=1.15, bold=True, wrap=False)
            number.setProperty("stepNumber", True)
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            style.set_text_color(number, style.accent_color(palette))
            text = _label(step, scale=1.15)
            text.setAccessibleName(f"Step {row + 1}: {step}")
            number.setAccessibleName(f"Step {row + 1}")
            self._steps_grid.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
            self._steps_grid.addWidget(text, row, 1)
            self._step_labels += [number, text]

        muted = html.escape(style.muted_color(palette).name())
        figures = html.escape(exercise.figures_text())
        self._set_text(self.figures_label, f"<b>From the article:</b> {figures}",
                       accessible=f"From the article: {exercise.figures_text()}")
        pacing = exercise.pacing_text()
        if exercise.suggested.note:
            ours = html.escape(style.accent_color(palette).name())
            body = html.escape(pacing) + " " if pacing else ""
            note = html.escape(exercise.suggested.note)
            self._set_text(
                self.pacing_label,
                f"<span style='color:{ours}'><b>Our pacing:</b></span> {body}"
                f"<span style='color:{muted}'><i>({note})</i></span>",
                accessible=f"Our pacing, not the article's: {pacing} ({exercise.suggested.note})",
            )
            self.pacing_label.show()
        else:
            self.pacing_label.hide()
        if exercise.cautions:
            warn = html.escape(style.caution_color(palette).name())
            rows = "".join(f"<tr><td>&bull;&nbsp;</td><td>{html.escape(c)}</td></tr>"
                           for c in exercise.cautions)
            self._set_text(self.cautions_label,
                           f"<span style='color:{warn}'><b>Take care</b></span>"
                           f"<table cellspacing='0' cellpadding='0'>{rows}</table>",
                           accessible="Take care: " + " ".join(exercise.cautions))
            self.cautions_label.show()
        else:
            self.cautions_label.hide()
        source = f"Source: \u201c{exercise.source.quote}\u201d ({exercise.source.document})"
        self._set_text(self.source_label, source)

    @staticmethod
    def _set_text(label: QLabel, text: str, *, accessible: str | None = None) -> None:
        if label.text() != text:
            label.setText(text)
        name = text if accessible is None else accessible
        if label.accessibleName() != name:
            label.setAccessibleName(name)

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
        self._auto_close.stop()
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
        return False

    def _within_key_guard(self) -> bool:
        if self._started_at is None:
            return True
        return self.clock.monotonic() - self._started_at < self.key_guard_s

    def _key_press(self, watched: QObject, event: QKeyEvent) -> bool:
        """Handle a key for the whole window; True when the key was used (or swallowed)."""
        if self._within_key_guard():
            return True
        key = event.key()
        # The receiver is the focus widget (or the window when no child has focus).
        button = watched if isinstance(watched, QAbstractButton) else None
        if key in _ENTER_KEYS and button is not None:
            if not event.isAutoRepeat():
                button.click()
            return True
        if self._state != _RUNNING:
            if key == Qt.Key.Key_Escape:
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
