"""The illustrated figure's widget: an exercise easing from its start to its hold pose.

:class:`FigureWidget` shows an exercise: it eases from the start to the hold
pose in about a second and then stops its timer; an exercise without poses
shows its name and targets instead. With reduced motion (the ``motion``
setting, or the desktop's preference) it shows only the key poses: it
jumps to the hold pose, and a movement the routine drives jumps between the
start and the hold pose half way through, with no timer running. Painting is :mod:`deskbreak.ui.figure_paint`'s,
the frame and cues :mod:`deskbreak.ui.figure_frame`'s; the names callers
draw with are re-exported here.

The widget paints only what moves (issue 19). Of the figure's layers
(:func:`~deskbreak.ui.figure_paint.figure_layers`) those that keep still
through the exercise's movement, behind and in front of the moving ones, are
painted once into pixmaps; a step of the movement repaints only the
rectangle the moving layers leave and enter, and only when the figure has
moved. It paints its whole rectangle (the background is its own), so the
card under it is never repainted with it.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QElapsedTimer, QEasingCurve, QEvent, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPixmap, QTransform
from PySide6.QtWidgets import QWidget

from deskbreak.core.content.catalog import Exercise, words
from deskbreak.core.content.guide import side_words
from deskbreak.core.i18n import translate
from deskbreak.core.content.poses import ExercisePoses, Pose, key_points
from deskbreak.core.content.user_exercises import figure_of
from deskbreak.ui.figure_frame import Bounds, cue_paths, exercise_frame, fit, world_to_widget
from deskbreak.ui.figure_paint import FigureColors, Layer, figure_layers, figure_transform, paint_figure, paint_layers
from deskbreak.ui.figure_shapes import Point

__all__ = ["FigureColors", "FigureWidget", "exercise_frame", "paint_figure", "world_to_widget"]


class FigureWidget(QWidget):
    """Shows an exercise's figure, easing from the start to the hold pose.

    ``poses`` maps exercise ids to :class:`ExercisePoses` (from
    ``load_poses``). ``clock`` is a function returning seconds, or an object
    with a ``monotonic()`` method (a ``deskbreak.core.clock.Clock``); it is
    only read while animating, and by default is Qt's monotonic elapsed
    timer. The single timer runs only while the movement is under way and
    the widget is visible, and a tick that finds the figure where it was
    paints nothing. ``layer_builds`` counts the still layers painted into
    pixmaps: once per exercise and side, again when the size or the colours
    change. :meth:`set_reduced_motion` makes it jump between the key poses.
    """

    animationFinished = Signal()

    FRAME_MS = 33  # 30 fps: smooth for a 1 s ease, half the CPU of 60
    #: Points of the movement compared to tell the layers that keep still from those that move.
    _SAMPLES = (0.0, 0.25, 0.5, 0.75, 1.0)
    #: An eased frame is painted once some point of the figure has moved this far (pixels).
    STEP_PX = 1.0

    def __init__(
        self,
        poses: dict[str, ExercisePoses] | None = None,
        parent: QWidget | None = None,
        *,
        duration_s: float = 1.0,
        clock: Callable[[], float] | object | None = None,
        easing: QEasingCurve.Type = QEasingCurve.Type.InOutCubic,
    ) -> None:
        super().__init__(parent)
        self._poses = dict(poses or {})
        self._duration = max(0.0, duration_s)
        self._elapsed = QElapsedTimer()
        self._elapsed.start()
        if clock is None:
            self._clock: Callable[[], float] = lambda: self._elapsed.nsecsElapsed() / 1e9
        elif callable(getattr(clock, "monotonic", None)):
            self._clock = clock.monotonic  # a deskbreak.core.clock.Clock
        else:
            self._clock = clock
        self._curve = QEasingCurve(easing)
        self._timer = QTimer(self)
        self._timer.setInterval(self.FRAME_MS)
        self._timer.timeout.connect(self._tick)
        self._current: ExercisePoses | None = None
        self._exercise: Exercise | None = None
        self._side: str | None = None
        self._frame: Bounds | None = None
        self._cues: list[tuple[str, list[Point]]] = []
        self._progress = 1.0  # 0..1 along the movement, before easing
        self._started_at = 0.0
        self._animating = False
        self._reduced_motion = False
        self._background: QColor | None = None
        self._colors: FigureColors | None = None  # made again when the palette or the background changes
        # The layers of the picture shown, for the progress and colours they were made for.
        self._layers: list[Layer] = []
        self._layers_for: tuple | None = None
        # Layers [first, end) move and are painted live; those before and after are kept as pixmaps.
        self._live = (0, 0)
        self._kept: dict[str, tuple[tuple, QPixmap | None]] = {}
        self._painted_live = QRect()  # where the moving layers are on screen
        self._painted_for: tuple | None = None  # the layers and size it was measured for
        self._shown_points: tuple | None = None  # (props, key points) last asked to be painted
        self._posed: tuple | None = None  # (progress, pose, props, key points): the last one worked out
        self.layer_builds = 0
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(120, 90)
        self._update_accessible()

    # -- public API

    def set_poses(self, poses: dict[str, ExercisePoses]) -> None:
        self._poses = dict(poses)

    def set_background(self, color: QColor | None) -> None:
        """The colour the widget is drawn on, when not the palette's window colour.

        The limbs' outlines are drawn in it, so on a card pass the card's colour.
        """
        self._background = QColor(color) if color is not None else None
        self._colors = None
        self.update()

    def figure_colors(self) -> FigureColors:
        if self._colors is None:
            palette = self.palette()
            background = self._background or palette.color(QPalette.ColorRole.Window)
            self._colors = FigureColors.from_colors(background, palette.color(QPalette.ColorRole.WindowText))
        return self._colors

    @property
    def animating(self) -> bool:
        """True while the figure is moving towards its hold pose."""
        return self._animating

    @property
    def reduced_motion(self) -> bool:
        """Whether the figure jumps between its key poses instead of moving (see :meth:`set_reduced_motion`)."""
        return self._reduced_motion

    def set_reduced_motion(self, reduced: bool) -> None:
        """Show only the start and the hold pose, never one between; a movement under way ends in the hold pose."""
        self._reduced_motion = bool(reduced)
        if self._reduced_motion and self._animating:
            self._move_to(1.0)
            self._stop(finished=True)

    @property
    def progress(self) -> float:
        """How far along the movement the figure is (0 start .. 1 hold), before easing."""
        return self._progress

    @property
    def timer(self) -> QTimer:
        return self._timer

    @property
    def current_poses(self) -> ExercisePoses | None:
        return self._current

    @property
    def side(self) -> str | None:
        return self._side

    def show_exercise(self, exercise: Exercise | ExercisePoses | str | None, side: str | None = None) -> None:
        """Show ``exercise`` (a catalog exercise, its poses or its id), moving to the hold pose.

        ``side`` is ``'right'``, ``'left'`` (drawn flipped) or None. An exercise
        without poses shows its name and targets instead.
        """
        if side not in (None, "right", "left"):
            raise ValueError(f"side must be 'right', 'left' or None, got {side!r}")
        self._side = side
        self._exercise = exercise if isinstance(exercise, Exercise) else None
        if isinstance(exercise, ExercisePoses):
            poses = exercise
        elif isinstance(exercise, Exercise):
            poses = figure_of(self._poses, exercise)
        elif isinstance(exercise, str):
            poses = self._poses.get(exercise)
        else:
            poses = None
        poses = poses.for_side(side) if poses else None
        self._current = poses
        self._frame = exercise_frame(poses) if poses else None
        self._cues = cue_paths(poses) if poses else []
        self._layers_for = self._shown_points = self._posed = None
        self._live = self._moving_layers(poses) if poses else (0, 0)
        self._update_accessible()
        if poses is None:
            self._stop(finished=False)
            self._progress = 1.0
        elif self._duration == 0 or self._reduced_motion:
            self._progress = 1.0
            self._stop(finished=True)
        else:
            self._progress = 0.0
            self._started_at = self._clock()
            self._animating = True
            if self.isVisible():
                self._timer.start()
        self.update()

    def set_pose_progress(self, t: float) -> None:
        """Show the figure ``t`` (0..1) of the way to the hold pose and stop animating.

        With reduced motion, the nearer key pose: the start before half way, the hold from there.
        """
        self._stop(finished=False)
        t = min(1.0, max(0.0, float(t)))
        self._move_to(float(t >= 0.5) if self._reduced_motion else t)

    def eased_progress(self) -> float:
        return self._curve.valueForProgress(self._progress)

    def current_pose(self) -> Pose | None:
        return self._current.pose_at(self.eased_progress()) if self._current else None

    # -- Qt

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(320, 240)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._animating and not self._timer.isActive():
            # Resume where the movement paused, not where the clock says.
            self._started_at = self._clock() - self._progress * self._duration
            self._timer.start()

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        self._timer.stop()
        self._kept.clear()  # a window put away between breaks holds no pixmaps

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self._colors = None
        super().changeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            rect = QRectF(self.rect())
            colors = self.figure_colors()
            if self._current is None:
                painter.fillRect(event.rect(), colors.background)
                self._paint_fallback(painter, rect, colors)
                return
            layers, transform = self._frame_layers(colors), self._transform()
            first, end = self._live
            painter.drawPixmap(0, 0, self._kept_layers("behind", layers[:first], colors, transform))
            paint_layers(painter, rect, layers[first:end], transform)
            in_front = self._kept_layers("in front", layers[end:], colors, transform)
            if in_front is not None:
                painter.drawPixmap(0, 0, in_front)
            if self._painted_for != (self._layers_for, self.size()):
                self._painted_live = self._live_rect(layers, transform)
                self._painted_for = (self._layers_for, self.size())
        finally:
            painter.end()

    # -- internals

    def _tick(self) -> None:
        if not self._animating:
            self._timer.stop()
            return
        elapsed = self._clock() - self._started_at
        progress = 1.0 if self._duration <= 0 else min(1.0, max(0.0, elapsed / self._duration))
        if progress >= 1.0 or self._moves_visibly(progress):
            self._move_to(progress)
        else:
            # Less than a pixel, as at either end of an eased movement: no
            # frame; the next one that shows a move paints this one's step too.
            self._progress = progress
        if self._progress >= 1.0:
            self._stop(finished=True)

    def _moves_visibly(self, progress: float) -> bool:
        """Whether some point of the figure at ``progress`` is STEP_PX or more from the pose last painted."""
        if self._current is None or self._shown_points is None:
            return True
        _, props, points = self._pose_at(progress)
        shown_props, shown = self._shown_points
        if props != shown_props:
            return True
        scale = fit(QRectF(self.rect()), self._frame)[0]
        return max(max(abs(x - a), abs(y - b)) for (x, y), (a, b) in zip(points.values(), shown.values())) \
            * scale >= self.STEP_PX

    def _pose_at(self, progress: float) -> tuple:
        """(pose, props, key points) ``progress`` of the way, eased; the last one is kept."""
        if self._posed is None or self._posed[0] != progress:
            t = self._curve.valueForProgress(progress)
            pose = self._current.pose_at(t)
            self._posed = (progress, pose, self._current.props_at(t), key_points(pose))
        return self._posed[1:]

    def _move_to(self, progress: float) -> None:
        """Show the figure ``progress`` of the way; repaint where the moving layers were and are."""
        if progress == self._progress:
            return
        self._progress = progress
        if not self.isVisible() or self._current is None:
            return  # painted in full when shown
        layers, transform = self._frame_layers(self.figure_colors()), self._transform()
        if not self._kept_layers_still_fit(layers):
            self.update()
            return
        moved = self._live_rect(layers, transform)
        self.update(self._painted_live.united(moved))
        self._painted_live, self._painted_for = moved, (self._layers_for, self.size())

    def _moving_layers(self, poses: ExercisePoses) -> tuple[int, int]:
        """The first and past-the-last layer that moves from the start to the hold pose."""
        colors = FigureColors.light()  # a layer's key does not depend on its colours
        samples = [[layer.key for layer in figure_layers(
            poses.pose_at(t), poses.props_at(t), poses.highlight, colors, frame=self._frame, cues=self._cues)]
            for t in self._SAMPLES]
        moving = [i for i, key in enumerate(samples[0]) if any(other[i] != key for other in samples[1:])]
        return (moving[0], moving[-1] + 1) if moving else (len(samples[0]), len(samples[0]))

    def _frame_layers(self, colors: FigureColors) -> list[Layer]:
        """The picture's layers at the current progress, made once for each progress and colours."""
        made_for = (self._progress, colors)
        if self._layers_for != made_for:
            pose, props, points = self._pose_at(self._progress)
            self._layers = figure_layers(pose, props, self._current.highlight, colors, frame=self._frame,
                                         cues=self._cues, points=points)
            self._layers_for = made_for
            self._shown_points = (props, points)
        return self._layers

    def _transform(self) -> QTransform:
        mirrored = (self._current.facing == "left") != (self._side == "left")
        return figure_transform(QRectF(self.rect()), self._frame, mirrored)

    def _live_rect(self, layers: list[Layer], transform: QTransform) -> QRect:
        """Where the moving layers paint, in the widget, with a pixel to spare for antialiasing."""
        first, end = self._live
        box = QRectF()
        for layer in layers[first:end]:
            box = box.united(layer.bounds())
        if box.isNull():
            return QRect()
        return transform.mapRect(box).toAlignedRect().adjusted(-2, -2, 2, 2).intersected(self.rect())

    def _kept_key(self, layers: list[Layer], colors: FigureColors, transform: QTransform) -> tuple:
        return (self.size(), self.devicePixelRatioF(), colors, transform, tuple(layer.key for layer in layers))

    def _kept_layers_still_fit(self, layers: list[Layer]) -> bool:
        """Whether the kept pixmaps still show the still layers (false when one moved after all)."""
        first, end = self._live
        keys = {"behind": tuple(layer.key for layer in layers[:first]),
                "in front": tuple(layer.key for layer in layers[end:])}
        return all(kept[0][-1] == keys[slot] for slot, kept in self._kept.items())

    def _kept_layers(self, slot: str, layers: list[Layer], colors: FigureColors,
                     transform: QTransform) -> QPixmap | None:
        """``layers`` painted into a pixmap of the widget's size, kept while nothing they show changes.

        Behind the figure it is opaque, the background included; in front it is
        transparent, and None when those layers paint nothing.
        """
        key = self._kept_key(layers, colors, transform)
        kept = self._kept.get(slot)
        if kept is not None and kept[0] == key:
            return kept[1]
        behind = slot == "behind"
        pixmap = None
        if behind or any(layer.inks() for layer in layers):
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(self.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(colors.background if behind else Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            paint_layers(painter, QRectF(self.rect()), layers, transform)
            painter.end()
            self.layer_builds += 1
        self._kept[slot] = (key, pixmap)
        return pixmap

    def _stop(self, finished: bool) -> None:
        self._timer.stop()
        was = self._animating
        self._animating = False
        if finished and was:
            self.animationFinished.emit()

    def _names(self) -> tuple[str, tuple[str, ...]]:
        if self._exercise is not None:  # only a catalog exercise's name is translated, never the user's
            targets = self._current.targets if self._current is not None else self._exercise.targets
            return self._exercise.shown_name(), targets
        if self._current is not None:
            name = self._current.name or self._current.exercise
            return translate("catalog", name), self._current.targets
        return "", ()

    def _update_accessible(self) -> None:
        name, targets = self._names()
        if not name:
            self.setAccessibleName(translate("break_window", "Illustration"))
            self.setAccessibleDescription("")
            return
        shown = f"{name}, {side_words(self._side)}" if self._side else name
        works = ", ".join(words(t) for t in targets)
        if self._current is None:
            self.setAccessibleName(translate("break_window", "Illustration not available: {what}").format(what=shown))
        else:
            self.setAccessibleName(translate("break_window", "Illustration: {what}").format(what=shown))
        self.setAccessibleDescription(translate("break_window", "Works: {targets}").format(targets=works)
                                      if works else "")

    def _paint_fallback(self, painter: QPainter, rect: QRectF, colors: FigureColors) -> None:
        name, targets = self._names()
        if not name:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(colors.text)
        title = QFont(self.font())
        title.setBold(True)
        title.setPointSizeF(max(9.0, self.font().pointSizeF() * 1.3))
        painter.setFont(title)
        box = rect.adjusted(12, 12, -12, -12)
        painter.drawText(box.adjusted(0, 0, 0, -box.height() / 2), int(
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap), name)
        if targets:
            painter.setFont(self.font())
            painter.setPen(colors.cue)
            works = translate("break_window", "works: {targets}").format(targets=", ".join(words(t) for t in targets))
            painter.drawText(box.adjusted(0, box.height() / 2 + 6, 0, 0), int(
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), works)
