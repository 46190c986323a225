"""The figure's shapes: body parts, highlighted muscles and props as QPainterPaths.

Everything here is in figure units (the standing figure is 1.8 tall, the
ground is ``y = 0``, ``y`` grows up) and is a pure function of a pose's key
points; ``figure_paint.py`` paints the shapes. The one rule about sizes: **the head
is the only big round shape.** Every other rounded end (a joint, the ends of
the torso) is a *joint mark* at most :data:`JOINT_MARK_LIMIT` of the head's
radius, so a figure lying down never reads as having two heads. The torso is
therefore a rounded box (flat-topped shoulders, a flat seat), not a capsule:
a capsule's round end at the base of the neck is as large as the head.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from typing import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPainterPathStroker, QPolygonF

from deskbreak.core.content.pose_model import THIGH_ROOT
from deskbreak.core.content.poses import BAR_UPRIGHT, BAR_UPRIGHT_ABOVE, CHAIR_BACK, RADII, Prop

Point = tuple[float, float]

# -- geometry helpers (2D vectors as tuples) ---------------------------------------


def sub(a: Point, b: Point) -> Point:
    return (a[0] - b[0], a[1] - b[1])


def add(a: Point, b: Point, k: float = 1.0) -> Point:
    return (a[0] + b[0] * k, a[1] + b[1] * k)


def unit(v: Point) -> Point:
    n = math.hypot(*v)
    return (0.0, 0.0) if n == 0 else (v[0] / n, v[1] / n)


def ccw(v: Point) -> Point:
    return (-v[1], v[0])


def cw(v: Point) -> Point:
    return (v[1], -v[0])


def capsule(p: Point, r1: float, q: Point, r2: float) -> QPainterPath:
    """The convex hull of a circle of radius ``r1`` at ``p`` and one of ``r2`` at ``q``.

    Two arcs joined by their common tangents, counter-clockwise (``y`` up).
    QPainterPath takes angles in degrees counter-clockwise with ``y`` down,
    so every angle here is negated.
    """
    path = QPainterPath()
    d = math.dist(p, q)
    if d <= abs(r1 - r2) + 1e-9:
        c, r = (p, r1) if r1 >= r2 else (q, r2)
        path.addEllipse(QPointF(*c), r, r)
        return path
    heading = math.degrees(math.atan2(q[1] - p[1], q[0] - p[0]))
    # Where the tangents touch, measured from the heading: past a right angle
    # on the larger circle, short of it on the smaller.
    edge = 90.0 - math.degrees(math.asin((r1 - r2) / d))
    around_p = QRectF(p[0] - r1, p[1] - r1, 2 * r1, 2 * r1)
    around_q = QRectF(q[0] - r2, q[1] - r2, 2 * r2, 2 * r2)
    path.arcMoveTo(around_p, -(heading + edge))
    path.arcTo(around_p, -(heading + edge), -(360.0 - 2 * edge))
    path.arcTo(around_q, -(heading - edge), -2 * edge)
    path.closeSubpath()
    return path


def capsule_outside(p: Point, r1: float, q: Point, r2: float, radius: float) -> QPainterPath | None:
    """:func:`capsule` less the disk of ``radius`` round ``p``, or None.

    None unless the disk holds the whole round end at ``p`` and none of the
    end at ``q``, the one case drawn here (a limb's halo where it leaves its
    joint); the caller clips the others.
    """
    d = math.dist(p, q)
    if r1 >= radius or d - r2 <= radius or d <= abs(r1 - r2):
        return None
    heading = math.degrees(math.atan2(q[1] - p[1], q[0] - p[0]))
    edge = 90.0 - math.degrees(math.asin((r1 - r2) / d))
    sides = []  # (where the side leaves the disk, its angle round p, where it touches q's end)
    for turn in (edge, -edge):
        m = (math.cos(math.radians(heading + turn)), math.sin(math.radians(heading + turn)))
        a, b = add(p, m, r1), add(q, m, r2)
        # a + s (b - a) is ``radius`` from p: a quadratic in s with one root past a, inside the disk.
        v, w = sub(b, a), sub(a, p)
        vv, vw, ww = v[0] * v[0] + v[1] * v[1], v[0] * w[0] + v[1] * w[1], w[0] * w[0] + w[1] * w[1]
        s = (-vw + math.sqrt(vw * vw - vv * (ww - radius * radius))) / vv
        leaves = add(a, v, s)
        sides.append((leaves, math.degrees(math.atan2(leaves[1] - p[1], leaves[0] - p[0])), b))
    (left_at, left_angle, _), (right_at, right_angle, right_touch) = sides
    around_q = QRectF(q[0] - r2, q[1] - r2, 2 * r2, 2 * r2)
    disk = QRectF(p[0] - radius, p[1] - radius, 2 * radius, 2 * radius)
    # Counter-clockwise as capsule() runs (negated angles, see there): along
    # the right side, round q's end, back along the left side, then clockwise
    # round p along the disk's edge.
    path = QPainterPath(QPointF(*right_at))
    path.lineTo(QPointF(*right_touch))
    path.arcTo(around_q, -(heading - edge), -2 * edge)
    path.lineTo(QPointF(*left_at))
    path.arcTo(disk, -left_angle, (left_angle - right_angle) % 360.0)
    path.closeSubpath()
    return path


def _clear_of(p: Point, q: Point, reach: float, centre: Point, radius: float) -> bool:
    """Whether everything within ``reach`` of the segment p..q stays out of the disk."""
    v, w = sub(q, p), sub(centre, p)
    length = v[0] * v[0] + v[1] * v[1]
    s = 0.0 if length == 0 else min(1.0, max(0.0, (v[0] * w[0] + v[1] * w[1]) / length))
    return math.dist(add(p, v, s), centre) >= radius + reach


def circle(c: Point, r: float) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(*c), r, r)
    return path


def polygon(points: Sequence[Point]) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(*p) for p in points]))
    path.closeSubpath()
    return path


def rounded_polygon(points: Sequence[Point], radius: float) -> tuple[QPainterPath, ...]:
    """``points`` grown by ``radius`` all round: a polygon with corners of that radius.

    Paths to fill one after the other, whose union is the grown polygon (no
    boolean union: it costs several times the rest of the shape, and Qt's
    once lost half a torso). Usually the grown outline itself, worked out
    here, with a disk for each spike where the outline doubles back; else the
    band a round-joined pen of twice the radius strokes along the edges and
    the polygon inside it, whose edges run down the band's middle so neither's
    antialiased edge shows on the other.
    """
    grown = _grown_outline(points, radius)
    if grown is not None:
        return grown
    core = polygon(points)
    stroker = QPainterPathStroker()
    stroker.setWidth(2 * radius)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    return stroker.createStroke(core), core


#: A corner turning further than this (degrees) is a spike: the outline doubles back there.
_SPIKE_TURN = 150.0


def _grown_outline(points: Sequence[Point], radius: float) -> tuple[QPainterPath, ...] | None:
    """The outline of ``points`` grown by ``radius``, and a disk round each spike; None when not simple.

    Each edge moves out by the radius; a convex corner is rounded by an arc
    round it, a reflex corner is where the two moved edges cross (None if
    they do not cross within both). A spike (a corner turning back on itself)
    is left out of the polygon and stands as a disk of its own.
    """
    pts, spikes = list(points), []
    spike_cos = math.cos(math.radians(_SPIKE_TURN))
    while len(pts) > 3:
        for i in range(len(pts)):
            a, b, c = pts[i - 1], pts[i], pts[(i + 1) % len(pts)]
            before, after = unit(sub(b, a)), unit(sub(c, b))
            if before == (0.0, 0.0) or after == (0.0, 0.0) \
                    or before[0] * after[0] + before[1] * after[1] < spike_cos:
                spikes.append(pts.pop(i))
                break
        else:
            break
    twice_area = sum(pts[i - 1][0] * pts[i][1] - pts[i][0] * pts[i - 1][1] for i in range(len(pts)))
    if len(pts) < 3 or twice_area == 0:
        return None
    if twice_area < 0:
        pts.reverse()  # counter-clockwise, so the outside is to the right of every edge
    path = QPainterPath()
    for i in range(len(pts)):
        a, b, c = pts[i - 1], pts[i], pts[(i + 1) % len(pts)]
        before, after = unit(sub(b, a)), unit(sub(c, b))
        out_before, out_after = cw(before), cw(after)
        if before[0] * after[1] - before[1] * after[0] >= 0:  # convex: round the corner
            start = math.degrees(math.atan2(out_before[1], out_before[0]))
            sweep = (math.degrees(math.atan2(out_after[1], out_after[0])) - start) % 360.0
            box = QRectF(b[0] - radius, b[1] - radius, 2 * radius, 2 * radius)
            if path.elementCount() == 0:
                path.arcMoveTo(box, -start)
            path.arcTo(box, -start, -sweep)  # negated angles: see capsule()
            continue
        # Reflex: where the moved edges cross, which must lie along both.
        p, q = add(b, out_before, radius), add(b, out_after, radius)
        cross = before[0] * after[1] - before[1] * after[0]
        along_before = ((q[0] - p[0]) * after[1] - (q[1] - p[1]) * after[0]) / cross
        along_after = ((q[0] - p[0]) * before[1] - (q[1] - p[1]) * before[0]) / cross
        if not (-math.dist(a, b) <= along_before <= 0 and 0 <= along_after <= math.dist(b, c)):
            return None
        meet = QPointF(*add(p, before, along_before))
        if path.elementCount() == 0:
            path.moveTo(meet)
        else:
            path.lineTo(meet)
    path.closeSubpath()
    return (path, *(circle(spike, radius) for spike in spikes))


# -- sizes ------------------------------------------------------------------------

#: The head's radius: the largest round shape of the figure.
HEAD_RADIUS = RADII["head"]
#: Every other round end is at most this share of the head's radius.
JOINT_MARK_LIMIT = 0.7

# Thickness of each limb segment at its two ends.
THIGH = (THIGH_ROOT, RADII["knee"])
SHIN = (RADII["knee"] - 0.002, RADII["ankle"])
UPPER_ARM = (RADII["shoulder"], RADII["elbow"])
FOREARM = (RADII["elbow"] - 0.003, RADII["wrist"])
NECK = (0.05, RADII["neck"])
#: The torso is a rounded box with corners of this radius ...
TORSO_CORNER = 0.06
#: ... reaching this far past the base of the neck (the tops of the shoulders)
TORSO_TOP = 0.05
#: ... and this far below the hip joint (what the figure sits and lies on, so
#: that it agrees with the pelvis radius the poses rest on).
TORSO_BOTTOM = RADII["pelvis"]


#: Where a limb springs from the body its halo is left out, so the joint
#: shows no ring: within these distances of the hip and the shoulder.
HIP_BARE = 0.12
SHOULDER_BARE = 0.075


@dataclass
class BodyPart:
    """The shapes of one part of the body, and the round ends drawn at its key points.

    With a ``halo`` the part also has ``outlines``: its shapes grown by that
    much all round. Filled in the background colour under the part they part
    it from what is behind it, as stroking the shapes' edges would, at a
    fraction of the cost. A limb's halo is left out within ``bare`` (a point
    and a radius: the joint it springs from): the outlines stop there, and
    those that cannot be cut there simply are ``bare_clipped``, to be painted
    clipped to outside the disk.
    """

    name: str
    shapes: list[QPainterPath] = field(default_factory=list)
    #: (key point, radius) of every round end drawn in this part.
    marks: list[tuple[str, float]] = field(default_factory=list)
    halo: float = 0.0
    bare: tuple[Point, float] | None = None
    outlines: list[QPainterPath] = field(default_factory=list)
    bare_clipped: list[QPainterPath] = field(default_factory=list)

    def capsule(self, k: dict[str, Point], a: str, ra: float, b: str, rb: float) -> None:
        self.shapes.append(capsule(k[a], ra, k[b], rb))
        self.marks += [(a, ra), (b, rb)]
        if self.halo:
            self._outline(k[a], ra + self.halo, k[b], rb + self.halo)

    def _outline(self, p: Point, r1: float, q: Point, r2: float) -> None:
        if self.bare is None or _clear_of(p, q, max(r1, r2), *self.bare):
            self.outlines.append(capsule(p, r1, q, r2))
            return
        centre, radius = self.bare
        cut = capsule_outside(p, r1, q, r2, radius) if p == centre else None
        if cut is not None:
            self.outlines.append(cut)
        else:
            self.bare_clipped.append(capsule(p, r1, q, r2))


def torso_pieces(k: dict[str, Point], grow: float = 0.0) -> tuple[QPainterPath, ...]:
    """The torso from the seat to the tops of the shoulders, following the spine's bend.

    Paths whose union is the torso (see :func:`rounded_polygon`); ``grow``
    widens it all round (a halo).
    """
    return _torso_pieces(k["pelvis"], k["waist"], k["chest"], grow)


@functools.lru_cache(maxsize=8)  # one pose's torso serves its fill and its highlights
def _torso_pieces(pelvis: Point, waist: Point, chest: Point, grow: float) -> tuple[QPainterPath, ...]:
    u1, u2 = unit(sub(waist, pelvis)), unit(sub(chest, waist))
    n1, n2 = ccw(u1), ccw(u2)
    nw = unit(add(n1, n2))  # the waist's mitre: halfway between the two halves
    stretch = 1.0 / max(0.5, n1[0] * nw[0] + n1[1] * nw[1])
    r = TORSO_CORNER
    wp, ww, wc = RADII["pelvis"] - r, (RADII["waist"] - r) * stretch, RADII["chest"] - r
    bottom = add(pelvis, u1, -(TORSO_BOTTOM - r))
    top = add(chest, u2, TORSO_TOP - r)
    side = [(bottom, n1, wp), (pelvis, n1, wp), (waist, nw, ww), (chest, n2, wc), (top, n2, wc)]
    front = [add(p, n, w) for p, n, w in side]
    back = [add(p, n, -w) for p, n, w in reversed(side)]
    return rounded_polygon(front + back, r + grow)


def torso(k: dict[str, Point], halo: float = 0.0) -> BodyPart:
    part = BodyPart("torso", [*torso_pieces(k)], [("pelvis", TORSO_CORNER), ("chest", TORSO_CORNER)], halo)
    if halo:
        part.outlines += torso_pieces(k, halo)
    part.capsule(k, "chest", NECK[0], "neck", NECK[1])
    part.shapes.append(circle(k["head"], HEAD_RADIUS))
    part.marks.append(("head", HEAD_RADIUS))
    if halo:
        part.outlines.append(circle(k["head"], HEAD_RADIUS + halo))
    return part


def leg(k: dict[str, Point], side: str, halo: float = 0.0) -> BodyPart:
    part = BodyPart(f"{side} leg", halo=halo, bare=(k["pelvis"], HIP_BARE))
    knee, ankle, heel, toe = (f"{side}_{j}" for j in ("knee", "ankle", "heel", "toe"))
    r = RADII["toe"]
    part.capsule(k, "pelvis", THIGH[0], knee, THIGH[1])
    part.capsule(k, knee, SHIN[0], ankle, SHIN[1])
    part.capsule(k, ankle, RADII["ankle"], heel, r)
    part.capsule(k, heel, r, toe, r)
    part.capsule(k, ankle, RADII["ankle"] * 0.9, toe, r)
    # The sole's triangle needs no halo of its own: each of its edges runs
    # along one of the three foot capsules above, whose halos cover its own.
    part.shapes.append(polygon([k[ankle], k[heel], k[toe]]))
    return part


def arm(k: dict[str, Point], side: str, halo: float = 0.0) -> BodyPart:
    part = BodyPart(f"{side} arm", halo=halo, bare=(k["shoulder"], SHOULDER_BARE))
    elbow, wrist, hand = (f"{side}_{j}" for j in ("elbow", "wrist", "hand"))
    part.capsule(k, "shoulder", UPPER_ARM[0], elbow, UPPER_ARM[1])
    part.capsule(k, elbow, FOREARM[0], wrist, FOREARM[1])
    part.capsule(k, wrist, FOREARM[1], hand, RADII["hand"])
    return part


def body_parts(k: dict[str, Point], halo: float = 0.0) -> list[BodyPart]:
    """Every part, back to front: far leg, far arm, torso with head, near leg, near arm."""
    return [leg(k, "far", halo), arm(k, "far", halo), torso(k, halo), leg(k, "near", halo), arm(k, "near", halo)]


def joint_marks(k: dict[str, Point]) -> list[tuple[str, float]]:
    """(key point, radius) of every round end the figure draws, the head included."""
    return [mark for part in body_parts(k) for mark in part.marks]


def ankle_weight_shapes(k: dict[str, Point], side: str) -> list[QPainterPath]:
    knee, ankle = k[f"{side}_knee"], k[f"{side}_ankle"]
    a = add(ankle, sub(knee, ankle), 0.12)
    b = add(ankle, sub(knee, ankle), 0.3)
    return [capsule(a, RADII["ankle"] * 1.45, b, RADII["ankle"] * 1.5)]


# -- highlight regions ------------------------------------------------------------


Patch = tuple[tuple[QPainterPath, ...], QPainterPath]  # (a segment's shapes, clip region)


def _half(p: Point, q: Point, front: Point, side: int, u0: float, u1: float,
          r0: float = 0.1, r1: float | None = None) -> QPainterPath:
    """A rounded band along the axis p..q from u0 to u1, pushed to one side.

    ``side`` 1 pushes it to the ``front`` side of the axis, -1 to the back,
    0 keeps it centred. Clipped to the segment's shape, it becomes a patch
    that hugs that side of the outline with rounded ends. ``r0``/``r1`` are
    the band's half-widths at its ends.
    """
    r1 = r0 if r1 is None else r1
    shift = side * max(r0, r1) * 0.75
    a = add(add(p, sub(q, p), u0), front, shift)
    b = add(add(p, sub(q, p), u1), front, shift)
    return capsule(a, r0, b, r1)


def _limb_front(p: Point, q: Point) -> Point:
    """The anterior side of a limb segment pointing from p to q (a leg or an arm)."""
    return ccw(unit(sub(q, p)))


def _spine_front(p: Point, q: Point) -> Point:
    """The anterior side of a spine segment pointing up from p to q."""
    return cw(unit(sub(q, p)))


def highlight_patches(k: dict[str, Point], region: str, side: str) -> list[Patch]:
    """Accent patches for ``region`` on ``side`` ('near', 'far' or 'torso').

    Each patch is a body segment's shape clipped to a region beside its axis,
    so a muscle group shows as the front or back half of a segment.
    """
    pelvis, waist, chest = k["pelvis"], k["waist"], k["chest"]
    rp, rw, rc = RADII["pelvis"], RADII["waist"], RADII["chest"]
    lf, uf = _spine_front(pelvis, waist), _spine_front(waist, chest)
    patches: list[Patch] = []
    if side == "torso":
        body = torso_pieces(k)
        if region == "lower_back":
            patches += [(body, _half(pelvis, waist, lf, -1, 0.5, 1.0, rp * 0.8, rw * 0.8)),
                        (body, _half(waist, chest, uf, -1, 0.0, 0.25, rw * 0.8))]
        elif region == "upper_back":
            patches += [(body, _half(waist, chest, uf, -1, 0.35, 0.85, rw * 0.8, rc * 0.8))]
        elif region == "core":
            patches += [(body, _half(pelvis, waist, lf, 1, 0.35, 1.0, rp * 0.75, rw * 0.75)),
                        (body, _half(waist, chest, uf, 1, 0.0, 0.4, rw * 0.75))]
        elif region == "hip_flexors":  # the psoas, in front of the hip
            patches += [(body, _half(pelvis, waist, lf, 1, 0.0, 0.5, rp * 0.7))]
        elif region == "glutes":
            patches += [(body, _half(pelvis, waist, lf, -1, -0.05, 0.3, rp * 0.95))]
        return patches
    hip, knee, ankle = pelvis, k[f"{side}_knee"], k[f"{side}_ankle"]
    thigh = capsule(hip, THIGH[0], knee, THIGH[1])
    shin = capsule(knee, SHIN[0], ankle, SHIN[1])
    tf = _limb_front(hip, knee)
    t0, t1 = THIGH
    if region == "hamstrings":
        patches.append(((thigh,), _half(hip, knee, tf, -1, 0.2, 0.85, t0 * 0.75, t1 * 0.75)))
    elif region == "hip_flexors":
        patches.append(((thigh,), _half(hip, knee, tf, 1, 0.0, 0.55, t0 * 0.75, t1 * 0.8)))
    elif region == "glutes":
        patches.append(((thigh,), _half(hip, knee, tf, -1, 0.0, 0.18, t0 * 0.95)))
    elif region == "legs":
        patches.append(((thigh,), _half(hip, knee, tf, 0, 0.2, 0.82, t0 * 0.62, t1 * 0.62)))
        patches.append(((shin,), _half(knee, ankle, _limb_front(knee, ankle), 0, 0.15, 0.8,
                                    SHIN[0] * 0.6, SHIN[1] * 0.6)))
    elif region == "feet":
        heel, toe = k[f"{side}_heel"], k[f"{side}_toe"]
        foot = QPainterPath()
        # Heel and toe overlap: winding fill keeps the overlap filled, where
        # the default odd-even rule would cut stripes out of it.
        foot.setFillRule(Qt.FillRule.WindingFill)
        for shape in leg(k, side).shapes[2:]:
            foot.addPath(shape)
        patches.append(((foot,), _half(heel, toe, ccw(unit(sub(toe, heel))), 1, 0.1, 0.85,
                                    RADII["heel"] * 1.1)))
    elif region == "shoulders":
        shoulder, elbow = k["shoulder"], k[f"{side}_elbow"]
        upper_arm = capsule(shoulder, UPPER_ARM[0], elbow, UPPER_ARM[1])
        patches.append(((upper_arm,), _half(shoulder, elbow, _limb_front(shoulder, elbow), 0, 0.0, 0.38,
                                         UPPER_ARM[0] * 0.75)))
    return patches


# -- props ------------------------------------------------------------------------


def _rect(x: float, y: float, w: float, h: float, r: float = 0.0) -> QPainterPath:
    path = QPainterPath()
    if r > 0:
        path.addRoundedRect(QRectF(x, y, w, h), r, r)
    else:
        path.addRect(QRectF(x, y, w, h))
    return path


#: Tones of prop shapes: ``fill`` (light, behind the figure), ``line`` (darker,
#: behind the figure) and ``front`` (dark, drawn over the figure with an
#: outline: what a hand grips or the toes pick up must not disappear behind them).
PROP_TONES = ("fill", "line", "front")


def prop_shapes(prop: Prop) -> list[tuple[QPainterPath, str]]:
    """(shape, tone) pairs for one prop; tone is one of :data:`PROP_TONES`."""
    x, y, w, h = prop.x, prop.y, prop.width, prop.height
    leg_w = 0.04
    shapes: list[tuple[QPainterPath, str]] = []
    if prop.kind == "mat":
        shapes.append((_rect(x - w / 2, y - 0.004, w, h + 0.004, 0.01), "line"))
    elif prop.kind == "chair":
        seat = 0.05
        front, back = (x - w / 2, x + w / 2) if prop.flip else (x + w / 2, x - w / 2)
        shapes.append((_rect(x - w / 2, y + h - seat, w, seat, 0.015), "line"))
        for edge in (front, back):
            shapes.append((_rect(edge - leg_w / 2, y, leg_w, h - seat, 0.01), "line"))
        shapes.append((_rect(back - leg_w / 2, y + h - seat, leg_w, CHAIR_BACK + seat, 0.01), "line"))
        # The backrest thickens towards the seat at the top.
        pad = 0.05
        pad_x = back + leg_w / 2 - pad if prop.flip else back - leg_w / 2
        shapes.append((_rect(pad_x, y + h + CHAIR_BACK * 0.45, pad, CHAIR_BACK * 0.55, 0.02), "line"))
    elif prop.kind == "table":
        top = 0.045
        shapes.append((_rect(x - w / 2, y + h - top, w, top, 0.012), "line"))
        for edge in (x - w / 2 + 0.06, x + w / 2 - 0.06):
            shapes.append((_rect(edge - leg_w / 2, y, leg_w, h - top), "line"))
    elif prop.kind == "bench":
        top = 0.07
        shapes.append((_rect(x - w / 2, y + h - top, w, top, 0.015), "line"))
        for edge in (x - w / 2 + 0.12, x + w / 2 - 0.12):
            shapes.append((_rect(edge - 0.03, y, 0.06, h - top), "line"))
    elif prop.kind in ("step", "box", "block"):
        shapes.append((_rect(x - w / 2, y, w, h, 0.02), "fill"))
    elif prop.kind == "wall":
        left = x - w if prop.flip else x
        shapes.append((_rect(left, y, w, h), "fill"))
    elif prop.kind == "ball":
        shapes.append((circle((x, y + h / 2), w / 2), "fill"))
    elif prop.kind == "bar":
        # The bar seen end-on, held out on a bracket from an upright that
        # stands clear of the figure; the bar itself is drawn over the hands.
        r = w / 2
        top = y + h
        upright = x + (-BAR_UPRIGHT if prop.flip else BAR_UPRIGHT)
        post = 0.05
        shapes.append((_rect(upright - post / 2, 0.0, post, top + BAR_UPRIGHT_ABOVE, 0.01), "line"))
        lo, hi = sorted((x, upright))
        shapes.append((_rect(lo, top - 0.02, hi - lo, 0.04, 0.01), "line"))
        shapes.append((circle((x, top), r), "front"))
    elif prop.kind == "pencil":
        # Exaggerated in thickness, or it would vanish at this scale: a body
        # with a sharpened point towards +x.
        tip = min(w * 0.25, 0.05)
        shapes.append((_rect(x - w / 2, y, w - tip, h, h * 0.3), "front"))
        shapes.append((polygon([(x + w / 2 - tip - 0.002, y), (x + w / 2, y + h / 2),
                                (x + w / 2 - tip - 0.002, y + h)]), "front"))
    return shapes
