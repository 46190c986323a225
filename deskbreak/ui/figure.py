"""The illustrated figure: poses from ``deskbreak.core.poses`` drawn with QPainter.

One flat style: a body colour taken from the palette's text colour, far limbs
in a lighter tone of it (they are further away), muscle regions in an accent
colour, props and the ground in a muted tone. Everything is drawn in figure
units (1.8 tall, ground at y = 0) through one transform that fits the frame
into the target rectangle. The shapes themselves (body parts, muscle patches,
props) are ``figure_shapes.py``'s; this module frames, colours and paints them.

The frame of an exercise is the figure in its start and hold poses and the
props it uses, not the floor mat: the figure fills its picture, and stays put
while it moves because both poses share one frame.

:class:`FigureWidget` shows an exercise: it eases from the start to the hold
pose in about a second and then stops its timer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Sequence

from PySide6.QtCore import QElapsedTimer, QEasingCurve, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QWidget

from deskbreak.core.catalog import Exercise, words
from deskbreak.core.guide import side_words
from deskbreak.core.i18n import translate
from deskbreak.core.poses import SIDES, ExercisePoses, Pose, Prop, figure_bounds, key_points
from deskbreak.ui.figure_shapes import (
    THIGH,
    Patch,
    Point,
    add,
    ankle_weight_shapes,
    body_parts,
    ccw,
    circle,
    highlight_patches,
    polygon,
    prop_shapes,
    sub,
    unit,
)

Bounds = tuple[float, float, float, float]


#: Accent for the highlighted muscles: an orange with at least 3:1 contrast
#: on white and on the usual dark window colours.
ACCENT_LIGHT = QColor("#d9660b")
ACCENT_DARK = QColor("#f07f22")

#: Gap drawn around limbs, in figure units, so a limb reads against the body behind it.
HALO = 0.016


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` (0..1) of the way towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        1.0,
    )


@dataclass(frozen=True)
class FigureColors:
    """The few colours of the figure style."""

    background: QColor
    body: QColor
    far: QColor
    accent: QColor
    accent_far: QColor
    prop: QColor
    prop_line: QColor
    cue: QColor
    text: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> "FigureColors":
        """Colours for drawing on ``palette``'s window background (light or dark)."""
        background = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        return cls.from_colors(background, text)

    @classmethod
    def from_colors(cls, background: QColor, text: QColor) -> "FigureColors":
        dark = background.lightnessF() < 0.5
        accent = QColor(ACCENT_DARK if dark else ACCENT_LIGHT)
        body = _mix(text, background, 0.12)
        return cls(
            background=QColor(background),
            body=body,
            far=_mix(body, background, 0.42),
            accent=accent,
            accent_far=_mix(accent, background, 0.38),
            prop=_mix(text, background, 0.84),
            prop_line=_mix(text, background, 0.62),
            cue=_mix(text, background, 0.5),
            text=QColor(text),
        )

    @property
    def prop_front(self) -> QColor:
        """Props drawn over the figure (a bar in the hands, a pencil in the toes): darker."""
        return _mix(self.text, self.background, 0.4)

    @classmethod
    def light(cls) -> "FigureColors":
        return cls.from_colors(QColor("#ffffff"), QColor("#202124"))

    @classmethod
    def dark(cls) -> "FigureColors":
        return cls.from_colors(QColor("#202124"), QColor("#e8eaed"))



# -- cues -------------------------------------------------------------------------


def cue_paths(poses: ExercisePoses) -> list[tuple[str, list[Point]]]:
    """Motion hints as (kind, points) in figure units: 'path' lines and 'circle' arcs."""
    out: list[tuple[str, list[Point]]] = []
    start, hold = key_points(poses.start), key_points(poses.hold)
    centre = add(hold["pelvis"], sub(hold["chest"], hold["pelvis"]), 0.5)
    for cue in poses.cues:
        if cue.kind == "path":
            samples = [key_points(poses.pose_at(i / 24))[cue.at] for i in range(25)]
            pts = []
            for p in samples:
                away = unit(sub(p, centre))
                pts.append(add(p, away, cue.offset))
            if math.dist(pts[0], pts[-1]) > 0.05:
                out.append(("path", pts[3:-3]))
        else:
            # Round the point's way from start to hold, which it circles.
            c = add(start[cue.at], sub(hold[cue.at], start[cue.at]), 0.5)
            arc = [
                (c[0] + cue.radius * math.cos(a), c[1] + cue.radius * math.sin(a))
                for a in (math.radians(100 + 290 * i / 40) for i in range(41))
            ]
            out.append(("circle", arc))
    return out


def _arrow_head(points: Sequence[Point], size: float) -> QPainterPath:
    tip = points[-1]
    base = points[max(0, len(points) - 3)]
    d = unit(sub(tip, base))
    n = ccw(d)
    back = add(tip, d, -size)
    return polygon([add(tip, d, size * 0.35), add(back, n, size * 0.55), add(back, n, -size * 0.55)])



# -- framing ----------------------------------------------------------------------


def _union(boxes: Iterable[Bounds | None]) -> Bounds:
    boxes = [b for b in boxes if b is not None]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


#: Props that only mark the floor: drawn across the frame, never widening it.
FLOOR_PROPS = ("mat",)
#: Room left around the figure inside the frame, in figure units.
FRAME_PAD = 0.05


def pose_frame(poses: Sequence[Pose], props: Iterable[Prop] = (), extra: Iterable[Point] = ()) -> Bounds:
    """The area to fit in the picture: the figure in every given pose, its props, the ground.

    A mat does not count: it lies on the floor under the figure and is drawn
    to the frame's width, so a long mat cannot shrink the figure.
    """
    boxes: list[Bounds | None] = [figure_bounds(p) for p in poses]
    boxes += [p.bounds() for p in props if p.kind not in FLOOR_PROPS]
    boxes += [(x, y, x, y) for x, y in extra]
    left, bottom, right, top = _union(boxes)
    return (left - FRAME_PAD, min(bottom, 0.0) - 0.04, right + FRAME_PAD, max(top, 0.3) + FRAME_PAD / 2)


def exercise_frame(poses: ExercisePoses) -> Bounds:
    """One frame for the whole start-to-hold movement, so the picture never jumps."""
    props = list(poses.props_at(0.0)) + list(poses.props_at(1.0))
    extra = [p for _, pts in cue_paths(poses) for p in pts]
    return pose_frame([poses.start, poses.hold, poses.pose_at(0.5)], props, extra)


def _fit(rect: QRectF, frame: Bounds, margin: float = 0.04) -> tuple[float, float, float, float, float]:
    """Scale and centres mapping ``frame`` into ``rect``."""
    left, bottom, right, top = frame
    inner = rect.adjusted(rect.width() * margin, rect.height() * margin,
                          -rect.width() * margin, -rect.height() * margin)
    fw, fh = max(right - left, 1e-6), max(top - bottom, 1e-6)
    scale = min(inner.width() / fw, inner.height() / fh)
    return scale, (left + right) / 2, (bottom + top) / 2, inner.center().x(), inner.center().y()


def world_to_widget(rect: QRectF, frame: Bounds, point: Point, mirrored: bool = False) -> QPointF:
    """Where figure-unit ``point`` lands in ``rect`` (as painted by :func:`paint_figure`)."""
    scale, fx, fy, cx, cy = _fit(rect, frame)
    sx = -scale if mirrored else scale
    return QPointF(cx + (point[0] - fx) * sx, cy - (point[1] - fy) * scale)


# -- painting ---------------------------------------------------------------------

# No outline within these distances of the hip and the shoulder.
_HIP_JOINT = 0.12
_SHOULDER_JOINT = 0.075


def _across(prop: Prop, left: float, right: float) -> Prop:
    """A floor prop cut to the frame's width (and at least as wide as the frame's middle)."""
    lo, hi = max(prop.x - prop.width / 2, left + 0.02), min(prop.x + prop.width / 2, right - 0.02)
    if hi - lo < 0.2:
        return replace(prop, width=0.0)
    return replace(prop, x=(lo + hi) / 2, width=hi - lo)


def _paint_patches(painter: QPainter, patches: Iterable[Patch], color: QColor) -> None:
    for shape, clip in patches:
        painter.save()
        painter.setClipPath(clip, Qt.ClipOperation.IntersectClip)
        painter.fillPath(shape, color)
        painter.restore()


def _regions(highlight: Iterable[str]) -> dict[str, set[str]]:
    """side -> regions ('torso' regions ignore sides)."""
    out: dict[str, set[str]] = {"near": set(), "far": set(), "torso": set()}
    for item in highlight:
        region, _, side = item.partition(".")
        for s in (side,) if side else SIDES:
            out[s].add(region)
        if not side or side == "near":
            out["torso"].add(region)
    return out




def _colors(palette_colors: FigureColors | QPalette | None) -> FigureColors:
    if isinstance(palette_colors, FigureColors):
        return palette_colors
    if isinstance(palette_colors, QPalette):
        return FigureColors.from_palette(palette_colors)
    return FigureColors.light()


def _draw_group(painter: QPainter, shapes: Sequence[QPainterPath], color: QColor,
                halo: QColor | None, joint: tuple[Point, float] | None = None) -> None:
    """Fill ``shapes``, first outlining them in ``halo`` except within ``joint``.

    The outline separates a limb from the body behind it; where the limb
    springs from the body (the hip, the shoulder) it is left out, so the joint
    does not show a ring.
    """
    if halo is not None:
        pen = QPen(halo, HALO * 2)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.save()
        if joint is not None:
            (jx, jy), r = joint
            outside = QPainterPath()
            outside.setFillRule(Qt.FillRule.OddEvenFill)
            outside.addRect(QRectF(jx - 50, jy - 50, 100, 100))
            outside.addEllipse(QPointF(jx, jy), r, r)
            painter.setClipPath(outside, Qt.ClipOperation.IntersectClip)
        for shape in shapes:
            painter.strokePath(shape, pen)
        painter.restore()
    for shape in shapes:
        painter.fillPath(shape, color)


def paint_figure(
    painter: QPainter,
    rect: QRectF,
    pose: Pose,
    props: Iterable[Prop] = (),
    highlight: Iterable[str] = (),
    palette_colors: FigureColors | QPalette | None = None,
    mirrored: bool = False,
    *,
    frame: Bounds | None = None,
    cues: Iterable[tuple[str, Sequence[Point]]] = (),
) -> None:
    """Draw ``pose`` with its props, highlighted regions and cues into ``rect``.

    ``frame`` (figure units: left, bottom, right, top) is the area fitted into
    ``rect``, keeping proportions; by default the pose and its props. Pass
    the same frame for every step of an animation. ``mirrored`` flips the
    picture left to right, showing the figure from its other side.
    """
    colors = _colors(palette_colors)
    props = list(props)
    rect = QRectF(rect)
    if frame is None:
        frame = pose_frame([pose], props)
    scale, fx, fy, cx, cy = _fit(rect, frame)
    k = key_points(pose)
    regions = _regions(highlight)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setClipRect(rect)
    painter.translate(cx, cy)
    painter.scale(-scale if mirrored else scale, -scale)
    painter.translate(-fx, -fy)

    # Ground line across the frame.
    left, _, right, _ = frame
    ground = QPen(colors.prop_line, 0.018)
    ground.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(ground)
    painter.drawLine(QPointF(left + 0.02, -0.009), QPointF(right - 0.02, -0.009))
    painter.setPen(Qt.PenStyle.NoPen)

    front_props: list[QPainterPath] = []
    for prop in props:
        if prop.kind in FLOOR_PROPS:
            prop = _across(prop, left, right)
        for shape, tone in prop_shapes(prop):
            if tone == "front":
                front_props.append(shape)
            else:
                painter.fillPath(shape, colors.prop_line if tone == "line" else colors.prop)

    weights = any(p.kind == "ankle_weights" for p in props)
    bg = colors.background
    parts = {part.name: part for part in body_parts(k)}

    # Far limbs, behind the body.
    _draw_group(painter, parts["far leg"].shapes, colors.far, bg, (k["pelvis"], _HIP_JOINT))
    if weights:
        _draw_group(painter, ankle_weight_shapes(k, "far"), _mix(colors.prop_line, bg, 0.3), None)
    for region in sorted(regions["far"] - {"shoulders"}):
        _paint_patches(painter, highlight_patches(k, region, "far"), colors.accent_far)
    _draw_group(painter, parts["far arm"].shapes, colors.far, bg, (k["shoulder"], _SHOULDER_JOINT))
    if "shoulders" in regions["far"]:
        _paint_patches(painter, highlight_patches(k, "shoulders", "far"), colors.accent_far)

    # Torso, neck and head.
    _draw_group(painter, parts["torso"].shapes, colors.body, bg)
    for region in sorted(regions["torso"]):
        _paint_patches(painter, highlight_patches(k, region, "torso"), colors.accent)

    # Near limbs, in front.
    _draw_group(painter, parts["near leg"].shapes, colors.body, bg, (k["pelvis"], _HIP_JOINT))
    if regions["torso"]:
        # Where the near thigh springs from the pelvis it is part of the hip:
        # show the hip's highlight there rather than the thigh's edge.
        painter.save()
        painter.setClipPath(circle(k["pelvis"], THIGH[0] + 0.008), Qt.ClipOperation.IntersectClip)
        for region in sorted(regions["torso"]):
            _paint_patches(painter, highlight_patches(k, region, "torso"), colors.accent)
        painter.restore()
    if weights:
        _draw_group(painter, ankle_weight_shapes(k, "near"), colors.prop_line, None)
    for region in sorted(regions["near"] - {"shoulders"}):
        _paint_patches(painter, highlight_patches(k, region, "near"), colors.accent)
    _draw_group(painter, parts["near arm"].shapes, colors.body, bg, (k["shoulder"], _SHOULDER_JOINT))
    if "shoulders" in regions["near"]:
        _paint_patches(painter, highlight_patches(k, "shoulders", "near"), colors.accent)

    # What a hand grips or the toes hold goes over them, outlined.
    _draw_group(painter, front_props, colors.prop_front, bg)

    # Motion cues last, outlined so they read over the body too.
    for _, points in cues:
        if len(points) < 2:
            continue
        path = QPainterPath(QPointF(*points[0]))
        for p in points[1:]:
            path.lineTo(QPointF(*p))
        head = _arrow_head(points, 0.065)
        for color, width in ((bg, 0.016 + HALO * 2), (colors.cue, 0.016)):
            pen = QPen(color, width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.strokePath(path, pen)
            if color == bg:
                painter.strokePath(head, pen)
            else:
                painter.fillPath(head, color)

    painter.restore()


def paint_exercise(
    painter: QPainter,
    rect: QRectF,
    poses: ExercisePoses,
    t: float = 1.0,
    palette_colors: FigureColors | QPalette | None = None,
    side: str | None = None,
    *,
    frame: Bounds | None = None,
) -> None:
    """Draw ``poses`` ``t`` of the way from start to hold; ``side='left'`` flips it."""
    mirrored = (poses.facing == "left") != (side == "left")
    paint_figure(
        painter, rect, poses.pose_at(t), poses.props_at(t), poses.highlight, palette_colors,
        mirrored, frame=frame if frame is not None else exercise_frame(poses),
        cues=cue_paths(poses),
    )


# -- the widget -------------------------------------------------------------------


class FigureWidget(QWidget):
    """Shows an exercise's figure, easing from the start to the hold pose.

    ``poses`` maps exercise ids to :class:`ExercisePoses` (from
    ``load_poses``). ``clock`` is a function returning seconds, or an object
    with a ``monotonic()`` method (a ``deskbreak.core.clock.Clock``); it is
    only read while animating, and by default is Qt's monotonic elapsed
    timer. The single timer runs only while the movement is under way and
    the widget is visible.
    """

    animationFinished = Signal()

    FRAME_MS = 33  # 30 fps: smooth for a 1 s ease, half the CPU of 60

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
        self._background: QColor | None = None
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
        self.update()

    def figure_colors(self) -> FigureColors:
        palette = self.palette()
        background = self._background or palette.color(QPalette.ColorRole.Window)
        return FigureColors.from_colors(background, palette.color(QPalette.ColorRole.WindowText))

    @property
    def animating(self) -> bool:
        """True while the figure is moving towards its hold pose."""
        return self._animating

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
            poses = self._poses.get(exercise.id)
        elif isinstance(exercise, str):
            poses = self._poses.get(exercise)
        else:
            poses = None
        self._current = poses
        self._frame = exercise_frame(poses) if poses else None
        self._cues = cue_paths(poses) if poses else []
        self._update_accessible()
        if poses is None:
            self._stop(finished=False)
            self._progress = 1.0
        elif self._duration == 0:
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
        """Show the figure ``t`` (0..1) of the way to the hold pose and stop animating."""
        self._progress = min(1.0, max(0.0, float(t)))
        self._stop(finished=False)
        self.update()

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

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            rect = QRectF(self.rect())
            colors = self.figure_colors()
            if self._current is None:
                self._paint_fallback(painter, rect, colors)
                return
            poses = self._current
            t = self.eased_progress()
            mirrored = (poses.facing == "left") != (self._side == "left")
            paint_figure(
                painter, rect, poses.pose_at(t), poses.props_at(t), poses.highlight, colors,
                mirrored, frame=self._frame, cues=self._cues,
            )
        finally:
            painter.end()

    # -- internals

    def _tick(self) -> None:
        if not self._animating:
            self._timer.stop()
            return
        elapsed = self._clock() - self._started_at
        self._progress = 1.0 if self._duration <= 0 else min(1.0, max(0.0, elapsed / self._duration))
        if self._progress >= 1.0:
            self._stop(finished=True)
        self.update()

    def _stop(self, finished: bool) -> None:
        self._timer.stop()
        was = self._animating
        self._animating = False
        if finished and was:
            self.animationFinished.emit()

    def _names(self) -> tuple[str, tuple[str, ...]]:
        if self._current is not None:
            name = self._current.name or self._current.exercise
            return translate("catalog", name), self._current.targets
        if self._exercise is not None:
            return translate("catalog", self._exercise.name), self._exercise.targets
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
