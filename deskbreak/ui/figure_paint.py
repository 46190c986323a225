"""Painting the figure: poses from ``deskbreak.core.content.poses`` drawn with QPainter.

One flat style: a body colour taken from the palette's text colour, far limbs
in a lighter tone of it (they are further away), muscle regions in an accent
colour, props and the ground in a muted tone. Everything is drawn in figure
units through one transform that fits the frame (:mod:`deskbreak.ui.figure_frame`)
into the target rectangle. The shapes themselves (body parts, muscle patches,
props) are ``figure_shapes.py``'s; this module colours and paints them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen, QTransform

from deskbreak.core.content.poses import SIDES, ExercisePoses, Pose, Prop, key_points
from deskbreak.ui.figure_frame import FLOOR_PROPS, Bounds, cue_paths, exercise_frame, fit, pose_frame
from deskbreak.ui.figure_shapes import (
    THIGH,
    BodyPart,
    Patch,
    Point,
    add,
    ankle_weight_shapes,
    arm,
    ccw,
    circle,
    highlight_patches,
    leg,
    polygon,
    prop_shapes,
    sub,
    torso,
    unit,
)

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


def _arrow_head(points: Sequence[Point], size: float) -> QPainterPath:
    tip = points[-1]
    base = points[max(0, len(points) - 3)]
    d = unit(sub(tip, base))
    n = ccw(d)
    back = add(tip, d, -size)
    return polygon([add(tip, d, size * 0.35), add(back, n, size * 0.55), add(back, n, -size * 0.55)])


# -- painting ---------------------------------------------------------------------

_LEG = ("knee", "ankle", "heel", "toe")
_ARM = ("elbow", "wrist", "hand")


def _across(prop: Prop, left: float, right: float) -> Prop:
    """A floor prop cut to the frame's width (and at least as wide as the frame's middle)."""
    lo, hi = max(prop.x - prop.width / 2, left + 0.02), min(prop.x + prop.width / 2, right - 0.02)
    if hi - lo < 0.2:
        return replace(prop, width=0.0)
    return replace(prop, x=(lo + hi) / 2, width=hi - lo)


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


@dataclass(frozen=True)
class Ink:
    """One thing painted: ``paths`` filled with ``color`` (or stroked with ``pen``) inside every ``clips``."""

    paths: tuple[QPainterPath, ...]
    color: QColor | None = None
    pen: QPen | None = None
    clips: tuple[QPainterPath, ...] = ()

    def paint(self, painter: QPainter) -> None:
        if self.clips:
            painter.save()
            for clip in self.clips:
                painter.setClipPath(clip, Qt.ClipOperation.IntersectClip)
        for path in self.paths:
            if self.pen is not None:
                painter.strokePath(path, self.pen)
            else:
                painter.fillPath(path, self.color)
        if self.clips:
            painter.restore()

    def bounds(self) -> QRectF:
        box = QRectF()
        for path in self.paths:
            box = box.united(path.controlPointRect())
        if self.pen is not None:
            reach = self.pen.widthF()  # half a width on each side, and room for joins
            box.adjust(-reach, -reach, reach, reach)
        return box


def _patches(patches: Iterable[Patch], color: QColor, *clips: QPainterPath) -> list[Ink]:
    return [Ink(shapes, color, clips=(*clips, clip)) for shapes, clip in patches]


def _outside(bare: tuple[Point, float]) -> QPainterPath:
    """Everything but a disk: where a limb's halo is painted near the joint it springs from."""
    (jx, jy), r = bare
    outside = QPainterPath()
    outside.setFillRule(Qt.FillRule.OddEvenFill)
    outside.addRect(QRectF(jx - 50, jy - 50, 100, 100))
    outside.addEllipse(QPointF(jx, jy), r, r)
    return outside


def _part(part: BodyPart, color: QColor, halo: QColor) -> list[Ink]:
    """A body part over its halo, which separates a limb from the body behind it."""
    inks = [Ink(tuple(part.outlines), halo)]
    if part.bare_clipped:
        inks.append(Ink(tuple(part.bare_clipped), halo, clips=(_outside(part.bare),)))
    return [*inks, Ink(tuple(part.shapes), color)]


def _outlined(shapes: Sequence[QPainterPath], color: QColor, halo: QColor) -> list[Ink]:
    """Shapes of any kind (held props) over an outline stroked in ``halo``."""
    pen = QPen(halo, HALO * 2)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return [Ink(tuple(shapes), pen=pen), Ink(tuple(shapes), color)]


class Layer:
    """One step of painting a figure, back to front, in figure units.

    ``key`` is everything its pixels depend on besides the transform and the
    colours: two layers with equal keys paint the same, so a layer whose key
    stays put while the figure moves can be painted once and kept. Its shapes
    are built when first painted or measured.
    """

    __slots__ = ("name", "key", "_build", "_inks")

    def __init__(self, name: str, key: tuple, build: Callable[[], list[Ink]]) -> None:
        self.name, self.key, self._build = name, key, build
        self._inks: list[Ink] | None = None

    def inks(self) -> list[Ink]:
        if self._inks is None:
            self._inks = self._build()
        return self._inks

    def paint(self, painter: QPainter) -> None:
        for ink in self.inks():
            ink.paint(painter)

    def bounds(self) -> QRectF:
        """What it paints, in figure units (at least)."""
        box = QRectF()
        for ink in self.inks():
            box = box.united(ink.bounds())
        return box


def figure_layers(
    pose: Pose,
    props: Sequence[Prop],
    highlight: Iterable[str],
    colors: FigureColors,
    *,
    frame: Bounds,
    cues: Sequence[tuple[str, Sequence[Point]]] = (),
    points: dict[str, Point] | None = None,
) -> list[Layer]:
    """What :func:`paint_figure` paints, as layers back to front.

    The ground and the props behind the figure; the far leg, the far arm,
    the torso with the head, the near leg, the near arm, each with its
    highlighted muscles; what the hands hold and the motion cues on top.
    ``points`` are the pose's key points, when the caller has them already.
    """
    k = key_points(pose) if points is None else points
    regions = _regions(highlight)
    bg = colors.background
    left, _, right, _ = frame
    props = tuple(_across(p, left, right) if p.kind in FLOOR_PROPS else p for p in props)
    cues = tuple((kind, tuple(points)) for kind, points in cues)
    weights = any(p.kind == "ankle_weights" for p in props)
    torso_regions = tuple(sorted(regions["torso"]))

    def at(*names: str) -> tuple[Point, ...]:
        return tuple(k[name] for name in names)

    def limb(side: str, joints: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(f"{side}_{joint}" for joint in joints)

    def ground() -> list[Ink]:
        pen = QPen(colors.prop_line, 0.018)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        line = QPainterPath(QPointF(left + 0.02, -0.009))
        line.lineTo(QPointF(right - 0.02, -0.009))
        inks = [Ink((line,), pen=pen)]
        for prop in props:
            inks += [Ink((shape,), colors.prop_line if tone == "line" else colors.prop)
                     for shape, tone in prop_shapes(prop) if tone != "front"]
        return inks

    def leg_layer(side: str, color: QColor, accent: QColor, weight: QColor) -> Callable[[], list[Ink]]:
        def build() -> list[Ink]:
            inks = _part(leg(k, side, HALO), color, bg)
            if side == "near" and torso_regions:
                # Where the near thigh springs from the pelvis it is part of the hip:
                # show the hip's highlight there rather than the thigh's edge. The
                # circle lies inside the torso (it reaches less far from the pelvis
                # than the torso's sides and seat), so the torso's highlight there
                # is the circle within the highlight's band.
                hip = circle(k["pelvis"], THIGH[0] + 0.008)
                for region in torso_regions:
                    inks += [Ink((hip,), colors.accent, clips=(band,))
                             for _, band in highlight_patches(k, region, "torso")]
            if weights:
                inks.append(Ink(tuple(ankle_weight_shapes(k, side)), weight))
            for region in sorted(regions[side] - {"shoulders"}):
                inks += _patches(highlight_patches(k, region, side), accent)
            return inks
        return build

    def arm_layer(side: str, color: QColor, accent: QColor) -> Callable[[], list[Ink]]:
        def build() -> list[Ink]:
            inks = _part(arm(k, side, HALO), color, bg)
            if "shoulders" in regions[side]:
                inks += _patches(highlight_patches(k, "shoulders", side), accent)
            return inks
        return build

    def torso_layer() -> list[Ink]:
        inks = _part(torso(k, HALO), colors.body, bg)
        for region in torso_regions:
            inks += _patches(highlight_patches(k, region, "torso"), colors.accent)
        return inks

    def on_top() -> list[Ink]:
        # What a hand grips or the toes hold goes over them, outlined.
        held = [shape for prop in props for shape, tone in prop_shapes(prop) if tone == "front"]
        inks = _outlined(held, colors.prop_front, bg) if held else []
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
                inks.append(Ink((path,), pen=pen))
                inks.append(Ink((head,), pen=pen) if color == bg else Ink((head,), color))
        return inks

    far_leg, near_leg = limb("far", _LEG), limb("near", _LEG)
    far_arm, near_arm = limb("far", _ARM), limb("near", _ARM)
    far_regions, near_regions = tuple(sorted(regions["far"])), tuple(sorted(regions["near"]))
    return [
        Layer("ground", (frame, props), ground),
        Layer("far leg", (at("pelvis", *far_leg), weights, far_regions),
              leg_layer("far", colors.far, colors.accent_far, _mix(colors.prop_line, bg, 0.3))),
        Layer("far arm", (at("shoulder", *far_arm), far_regions), arm_layer("far", colors.far, colors.accent_far)),
        Layer("torso", (at("pelvis", "waist", "chest", "neck", "head"), torso_regions), torso_layer),
        Layer("near leg", (at("pelvis", "waist", "chest", *near_leg), weights, torso_regions, near_regions),
              leg_layer("near", colors.body, colors.accent, colors.prop_line)),
        Layer("near arm", (at("shoulder", *near_arm), near_regions), arm_layer("near", colors.body, colors.accent)),
        Layer("on top", (props, cues), on_top),
    ]


def figure_transform(rect: QRectF, frame: Bounds, mirrored: bool = False) -> QTransform:
    """The map from figure units into ``rect`` (see :func:`~deskbreak.ui.figure_frame.fit`)."""
    scale, fx, fy, cx, cy = fit(rect, frame)
    return QTransform().translate(cx, cy).scale(-scale if mirrored else scale, -scale).translate(-fx, -fy)


def paint_layers(painter: QPainter, rect: QRectF, layers: Iterable[Layer], transform: QTransform) -> None:
    """Paint ``layers`` through ``transform``, antialiased, inside ``rect``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setClipRect(rect)
    painter.setTransform(transform, True)
    for layer in layers:
        layer.paint(painter)
    painter.restore()


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
    layers = figure_layers(pose, props, highlight, colors, frame=frame, cues=list(cues))
    paint_layers(painter, rect, layers, figure_transform(rect, frame, mirrored))


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
    poses = poses.for_side(side)
    mirrored = (poses.facing == "left") != (side == "left")
    paint_figure(
        painter, rect, poses.pose_at(t), poses.props_at(t), poses.highlight, palette_colors,
        mirrored, frame=frame if frame is not None else exercise_frame(poses),
        cues=cue_paths(poses),
    )
