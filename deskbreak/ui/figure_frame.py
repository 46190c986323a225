"""Where an exercise's figure goes: its frame, its motion cues, and the map into a picture.

Everything here is in figure units (1.8 tall, ground at y = 0). The frame of
an exercise is the figure in its start and hold poses and the props it uses,
not the floor mat: the figure fills its picture, and stays put while it
moves because both poses share one frame. :func:`world_to_widget` maps a
figure-unit point into the rectangle :func:`~deskbreak.ui.figure_paint.paint_figure`
draws in.
"""

from __future__ import annotations

import math
from typing import Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF

from deskbreak.core.content.poses import ExercisePoses, Pose, Prop, figure_bounds, key_points
from deskbreak.ui.figure_shapes import Point, add, sub, unit

Bounds = tuple[float, float, float, float]


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


def fit(rect: QRectF, frame: Bounds, margin: float = 0.04) -> tuple[float, float, float, float, float]:
    """Scale and centres mapping ``frame`` into ``rect``."""
    left, bottom, right, top = frame
    inner = rect.adjusted(rect.width() * margin, rect.height() * margin,
                          -rect.width() * margin, -rect.height() * margin)
    fw, fh = max(right - left, 1e-6), max(top - bottom, 1e-6)
    scale = min(inner.width() / fw, inner.height() / fh)
    return scale, (left + right) / 2, (bottom + top) / 2, inner.center().x(), inner.center().y()


def world_to_widget(rect: QRectF, frame: Bounds, point: Point, mirrored: bool = False) -> QPointF:
    """Where figure-unit ``point`` lands in ``rect`` (as painted by :func:`paint_figure`)."""
    scale, fx, fy, cx, cy = fit(rect, frame)
    sx = -scale if mirrored else scale
    return QPointF(cx + (point[0] - fx) * sx, cy - (point[1] - fy) * scale)
