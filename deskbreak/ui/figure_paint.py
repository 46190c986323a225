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
from typing import Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen

from deskbreak.core.content.poses import SIDES, ExercisePoses, Pose, Prop, key_points
from deskbreak.ui.figure_frame import FLOOR_PROPS, Bounds, cue_paths, exercise_frame, fit, pose_frame
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
    scale, fx, fy, cx, cy = fit(rect, frame)
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
