"""Poses as data: a side-view figure described by a few angles, and its props.

Every exercise is illustrated by two poses, ``start`` and ``hold`` (the
position held, or the peak of the move), read from ``assets/poses/*.toml``
(the format is documented in ``assets/poses/README.md``). This module is pure
Python: it parses and validates the files, interpolates and mirrors poses and
computes the figure's key points by forward kinematics. Drawing is
``deskbreak/ui/figure.py``'s job.

Conventions (figure units: the standing figure is 1.8 tall, the ground is
``y = 0``; ``x`` grows towards the way the figure faces, ``y`` grows up):

* Limb segments (``thigh``, ``shin``, ``upper_arm``, ``forearm``) have an
  absolute angle in degrees measured from *straight down*; positive swings the
  segment towards the front. ``0`` hangs down, ``90`` points forward, ``-90``
  points back, ``180`` points straight up.
* Spine segments (``torso``, ``neck``) are measured from *straight up*;
  positive leans forward. ``0`` is upright, ``90`` is horizontal with the head
  forward (all fours, prone), ``-90`` is horizontal with the head behind
  (lying on the back).
* ``spine`` bends the torso: positive rounds the back (flexion), negative
  arches it. ``foot`` is relative to the shin: ``0`` is a right angle, positive
  points the toes.
* An angle that is not given takes the neutral standing value; a shin or a
  forearm that is not given continues its thigh or upper arm in a straight
  line, and the neck continues the upper back.

Limbs come in a ``near`` (drawn in front) and a ``far`` (drawn behind) copy;
an unprefixed limb name sets both.
"""

from __future__ import annotations

import logging

import difflib
import math
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Mapping

from deskbreak.core.catalog import TARGETS, Catalog, Exercise

# -- body proportions (figure units; the standing figure is 1.8 tall) ----------

#: Lengths of the segments between joints.
LENGTHS: dict[str, float] = {
    "lower_torso": 0.25,  # hip joint to waist
    "upper_torso": 0.29,  # waist to the base of the neck
    "shoulder_drop": 0.06,  # base of the neck down to the shoulder joint
    "neck": 0.08,
    "head_offset": 0.11,  # top of the neck to the centre of the head
    "thigh": 0.43,
    "shin": 0.43,
    "upper_arm": 0.30,
    "forearm": 0.25,
    "hand_offset": 0.06,  # wrist to the centre of the hand
    "heel_back": 0.05,  # ankle to heel, along the sole
    "toe_forward": 0.17,  # ankle to toe, along the sole
    "sole_drop": 0.06,  # ankle down to the sole line
}

#: Half-thickness of the body at each key point, for drawing and for finding
#: the lowest point of the figure (what rests on the ground).
RADII: dict[str, float] = {
    "pelvis": 0.115,
    "waist": 0.1,
    "chest": 0.115,
    "shoulder": 0.052,
    "neck": 0.045,
    "head": 0.12,
    "knee": 0.058,
    "ankle": 0.04,
    "heel": 0.03,
    "toe": 0.03,
    "elbow": 0.042,
    "wrist": 0.032,
    "hand": 0.042,
}

SIDES = ("near", "far")
#: Limb segments; each exists on the near and the far side.
LIMB_SEGMENTS = ("thigh", "shin", "foot", "upper_arm", "forearm")
#: Every angle field of a :class:`Pose`.
ANGLE_FIELDS = ("torso", "spine", "neck") + tuple(
    f"{side}_{segment}" for side in SIDES for segment in LIMB_SEGMENTS
)
#: The limb segments that can be foreshortened (pointing towards the viewer).
FORESHORTEN_SEGMENTS = tuple(f"{side}_{segment}" for side in SIDES for segment in LIMB_SEGMENTS)

#: Names of the key points :func:`key_points` returns.
KEY_POINTS = (
    "pelvis",
    "waist",
    "chest",
    "shoulder",
    "neck",
    "head",
) + tuple(
    f"{side}_{joint}"
    for side in SIDES
    for joint in ("knee", "ankle", "heel", "toe", "elbow", "wrist", "hand")
)

#: Key points a limb can be made to reach (``reach = { near_hand = "near_knee" }``):
#: a hand or an ankle bends its elbow or knee to get there; an elbow or a knee
#: only aims its upper arm or thigh.
REACH_EFFECTORS = tuple(
    f"{side}_{joint}" for side in SIDES for joint in ("hand", "elbow", "ankle", "knee")
)

#: Bounds for the plain numbers of a pose.
ANGLE_RANGE = (-180.0, 180.0)
POSITION_RANGE = (-5.0, 5.0)
SHRUG_RANGE = (-0.05, 0.1)
FORESHORTEN_RANGE = (0.15, 1.0)

#: Anatomical limits, in degrees, checked when a pose is loaded. A limb whose
#: child segment is foreshortened below ``_FORESHORTEN_FREE`` points out of the
#: picture, so its bend cannot be judged in 2D and is not checked.
LIMITS = {
    "spine": (-60.0, 90.0),  # arching .. rounding
    "neck": (-80.0, 100.0),  # relative to the upper back
    "hip": (-60.0, 170.0),  # thigh relative to the lower back: extension .. flexion
    "knee": (-10.0, 165.0),  # 0 straight; positive bends the heel back
    "elbow": (-10.0, 165.0),  # 0 straight; positive bends the hand forward
    "foot": (-45.0, 90.0),  # relative to the shin: flexing .. pointing
}
_FORESHORTEN_FREE = 0.8
#: How far (figure units) a pose with an explicit ``y`` may dip below the ground.
GROUND_TOLERANCE = 0.03

# -- props ---------------------------------------------------------------------

#: kind -> (default width, default height, what it is)
PROP_KINDS: dict[str, tuple[float, float, str]] = {
    "mat": (1.9, 0.02, "exercise mat lying on the floor; x is its centre"),
    "chair": (0.44, 0.44, "chair; x is the centre of the seat, height the seat height, "
              "backrest behind (on the -x side) unless flip = true"),
    "table": (1.0, 0.74, "table or desk; x is its centre, height the top surface"),
    "step": (0.5, 0.45, "solid knee-high step or box; x is its centre"),
    "box": (0.55, 0.7, "solid box two to three feet high; x is its centre"),
    "bench": (1.2, 0.45, "bench with legs; x is its centre"),
    "wall": (0.12, 2.1, "wall; x is the surface the figure touches, the wall lies on the "
             "+x side of it (in front of a right-facing figure) unless flip = true"),
    "ball": (0.65, 0.65, "stability ball; x is its centre, width its diameter"),
    "bar": (0.04, 1.0, "pull-up bar seen end-on; x is its centre, height the bar's height"),
    "block": (0.23, 0.15, "yoga block lying on the floor; x is its centre"),
    "pencil": (0.18, 0.02, "pencil on the floor; x is its centre"),
    "ankle_weights": (0.0, 0.0, "cuffs drawn on both ankles (no position)"),
}

HIGHLIGHT_SIDES = ("near", "far")
FACINGS = ("right", "left")
VIEWS = ("side",)
CUE_KINDS = ("path", "circle")


class PoseError(ValueError):
    """A pose file is missing, unreadable or has an invalid entry."""


# -- data ----------------------------------------------------------------------


@dataclass(frozen=True)
class Pose:
    """One posture of the side-view figure.

    ``x``/``y`` place the ``anchor`` key point (the pelvis unless said
    otherwise); ``y = None`` rests the figure's lowest point on the ground.
    ``neck``, the shins and the forearms may be ``None``: they then continue
    their parent segment (the upper back, the thigh, the upper arm).
    """

    x: float = 0.0
    y: float | None = None
    anchor: str = "pelvis"
    torso: float = 0.0
    spine: float = 0.0
    neck: float | None = None
    shrug: float = 0.0
    near_thigh: float = 0.0
    near_shin: float | None = None
    near_foot: float = 0.0
    near_upper_arm: float = 0.0
    near_forearm: float | None = None
    far_thigh: float = 0.0
    far_shin: float | None = None
    far_foot: float = 0.0
    far_upper_arm: float = 0.0
    far_forearm: float | None = None
    #: (segment, length factor) pairs, sorted; a factor below 1 draws a limb
    #: pointing towards or away from the viewer.
    foreshorten: tuple[tuple[str, float], ...] = ()

    def angle(self, name: str) -> float:
        """An angle with the continuation defaults applied."""
        value = getattr(self, name)
        if value is not None:
            return float(value)
        if name == "neck":
            return self.torso + self.spine / 2
        side, segment = name.split("_", 1)
        parent = {"shin": "thigh", "forearm": "upper_arm"}[segment]
        return self.angle(f"{side}_{parent}")

    def length_factor(self, segment: str) -> float:
        return dict(self.foreshorten).get(segment, 1.0)

    def resolved(self) -> "Pose":
        """The same pose with every continuation default written out."""
        return replace(self, **{name: self.angle(name) for name in ANGLE_FIELDS})


NEUTRAL = Pose()


@dataclass(frozen=True)
class Prop:
    """A piece of furniture or equipment, in figure units."""

    kind: str
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0
    flip: bool = False
    hold_x: float | None = None
    hold_y: float | None = None

    def at(self, t: float) -> "Prop":
        """The prop ``t`` of the way from its start to its hold position."""
        if self.hold_x is None and self.hold_y is None:
            return self
        t = min(1.0, max(0.0, t))
        hx = self.x if self.hold_x is None else self.hold_x
        hy = self.y if self.hold_y is None else self.hold_y
        return replace(
            self, x=self.x + (hx - self.x) * t, y=self.y + (hy - self.y) * t,
            hold_x=None, hold_y=None,
        )

    def bounds(self) -> tuple[float, float, float, float] | None:
        """(left, bottom, right, top), or None for props that follow the figure."""
        if self.kind == "ankle_weights":
            return None
        if self.kind == "wall":
            left, right = (self.x - self.width, self.x) if self.flip else (self.x, self.x + self.width)
            return (left, self.y, right, self.y + self.height)
        if self.kind == "bar":
            r = self.width / 2
            return (self.x - r, 0.0, self.x + r, self.y + self.height + r)
        if self.kind == "chair":
            back = self.x + (self.width / 2 if self.flip else -self.width / 2)
            return (min(back, self.x - self.width / 2) - 0.03, self.y,
                    max(back, self.x + self.width / 2) + 0.03, self.y + self.height + CHAIR_BACK)
        return (self.x - self.width / 2, self.y, self.x + self.width / 2, self.y + self.height)


#: How far a chair's backrest rises above its seat.
CHAIR_BACK = 0.42


@dataclass(frozen=True)
class Cue:
    """A motion hint drawn beside the figure.

    ``path``: the trajectory of key point ``at`` from the start to the hold
    pose, with an arrow head (``offset`` pushes it away from the body).
    ``circle``: a circular arrow around key point ``at`` (``radius``).
    """

    kind: str
    at: str
    radius: float = 0.17
    offset: float = 0.12


@dataclass(frozen=True)
class ExercisePoses:
    """The illustration of one catalog exercise."""

    exercise: str
    start: Pose
    hold: Pose
    name: str = ""
    targets: tuple[str, ...] = ()
    props: tuple[Prop, ...] = ()
    highlight: tuple[str, ...] = ()
    facing: str = "right"
    view: str = "side"
    cues: tuple[Cue, ...] = ()
    source: Path | None = None

    def pose_at(self, t: float) -> Pose:
        return interpolate(self.start, self.hold, t)

    def props_at(self, t: float) -> tuple[Prop, ...]:
        return tuple(p.at(t) for p in self.props)

    def mirrored(self) -> "ExercisePoses":
        """The other side, seen from the same side: near and far limbs swapped."""
        return replace(
            self,
            start=mirror(self.start),
            hold=mirror(self.hold),
            highlight=tuple(_swap_side(h, ".") for h in self.highlight),
            cues=tuple(replace(c, at=_swap_side(c.at, "_")) for c in self.cues),
        )


# -- geometry ------------------------------------------------------------------


def _down(angle: float) -> tuple[float, float]:
    r = math.radians(angle)
    return (math.sin(r), -math.cos(r))


def _up(angle: float) -> tuple[float, float]:
    r = math.radians(angle)
    return (math.sin(r), math.cos(r))


def _add(p, d, k=1.0):
    return (p[0] + d[0] * k, p[1] + d[1] * k)


def _rotate(d, degrees):
    """Rotate a direction counter-clockwise by ``degrees``."""
    r = math.radians(degrees)
    c, s = math.cos(r), math.sin(r)
    return (d[0] * c - d[1] * s, d[0] * s + d[1] * c)


def _relative_points(pose: Pose) -> dict[str, tuple[float, float]]:
    """Key points with the pelvis at the origin."""
    L = LENGTHS
    lower = pose.torso - pose.spine / 2
    upper = pose.torso + pose.spine / 2
    pts: dict[str, tuple[float, float]] = {"pelvis": (0.0, 0.0)}
    pts["waist"] = _add(pts["pelvis"], _up(lower), L["lower_torso"])
    pts["chest"] = _add(pts["waist"], _up(upper), L["upper_torso"])
    pts["shoulder"] = _add(pts["chest"], _up(upper), pose.shrug - L["shoulder_drop"])
    neck = pose.angle("neck")
    pts["neck"] = _add(pts["chest"], _up(neck), L["neck"])
    pts["head"] = _add(pts["neck"], _up(neck), L["head_offset"])
    for side in SIDES:
        f = pose.length_factor
        shin = pose.angle(f"{side}_shin")
        knee = _add(pts["pelvis"], _down(pose.angle(f"{side}_thigh")), L["thigh"] * f(f"{side}_thigh"))
        ankle = _add(knee, _down(shin), L["shin"] * f(f"{side}_shin"))
        # The sole points along the shin turned a quarter forward, then
        # clockwise by the foot angle (pointing the toes).
        sole = _rotate(_rotate(_down(shin), 90), -pose.angle(f"{side}_foot"))
        up = _rotate(sole, 90)
        k = f(f"{side}_foot")
        base = _add(ankle, up, -L["sole_drop"])
        pts[f"{side}_knee"] = knee
        pts[f"{side}_ankle"] = ankle
        pts[f"{side}_heel"] = _add(base, sole, -L["heel_back"] * k)
        pts[f"{side}_toe"] = _add(base, sole, L["toe_forward"] * k)
        forearm = pose.angle(f"{side}_forearm")
        elbow = _add(pts["shoulder"], _down(pose.angle(f"{side}_upper_arm")),
                     L["upper_arm"] * f(f"{side}_upper_arm"))
        wrist = _add(elbow, _down(forearm), L["forearm"] * f(f"{side}_forearm"))
        pts[f"{side}_elbow"] = elbow
        pts[f"{side}_wrist"] = wrist
        pts[f"{side}_hand"] = _add(wrist, _down(forearm), L["hand_offset"])
    return pts


def point_radius(name: str) -> float:
    """The body's half-thickness around key point ``name``."""
    return RADII[name.split("_", 1)[1] if name.startswith(SIDES) else name]


def lowest_point(pose: Pose) -> tuple[str, float]:
    """The key point that sits lowest (including the body's thickness), relative to the pelvis."""
    pts = _relative_points(pose)
    name = min(pts, key=lambda n: pts[n][1] - point_radius(n))
    return name, pts[name][1] - point_radius(name)


def key_points(pose: Pose) -> dict[str, tuple[float, float]]:
    """Every key point of ``pose`` in figure units (facing right, ground at y = 0)."""
    pts = _relative_points(pose)
    ax, ay = pts[pose.anchor]
    dx = pose.x - ax
    dy = -lowest_point(pose)[1] if pose.y is None else pose.y - ay
    return {name: (x + dx, y + dy) for name, (x, y) in pts.items()}


def figure_bounds(pose: Pose) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of the drawn figure, including its thickness."""
    pts = key_points(pose)
    xs_lo = [p[0] - point_radius(n) for n, p in pts.items()]
    xs_hi = [p[0] + point_radius(n) for n, p in pts.items()]
    ys_lo = [p[1] - point_radius(n) for n, p in pts.items()]
    ys_hi = [p[1] + point_radius(n) for n, p in pts.items()]
    return (min(xs_lo), min(ys_lo), max(xs_hi), max(ys_hi))


# -- operations ----------------------------------------------------------------


def _wrap(angle: float) -> float:
    """The same direction as ``angle``, in (-180, 180]."""
    a = math.fmod(angle, 360.0)
    if a > 180.0:
        a -= 360.0
    elif a <= -180.0:
        a += 360.0
    return a


def interpolate(a: Pose, b: Pose, t: float) -> Pose:
    """The pose ``t`` (0..1) of the way from ``a`` to ``b``.

    Each angle turns the short way round; the position moves in a straight
    line. ``t <= 0`` returns ``a`` and ``t >= 1`` returns ``b`` unchanged.
    Easing is the caller's business (the widget eases ``t``).
    """
    if t <= 0.0:
        return a
    if t >= 1.0:
        return b
    ra, rb = a.resolved(), b.resolved()
    if ra.anchor != rb.anchor:  # place both by the pelvis
        ra = _reanchor(ra, "pelvis")
        rb = _reanchor(rb, "pelvis")
    values: dict[str, Any] = {"anchor": ra.anchor}
    for name in ANGLE_FIELDS:
        va, vb = getattr(ra, name), getattr(rb, name)
        values[name] = _wrap(va + _wrap(vb - va) * t)
    values["spine"] = ra.spine + (rb.spine - ra.spine) * t  # a bend, not a direction
    values["shrug"] = ra.shrug + (rb.shrug - ra.shrug) * t
    values["x"] = ra.x + (rb.x - ra.x) * t
    if ra.y is None and rb.y is None:
        values["y"] = None
    else:
        ya = _anchor_height(ra) if ra.y is None else ra.y
        yb = _anchor_height(rb) if rb.y is None else rb.y
        values["y"] = ya + (yb - ya) * t
    fa, fb = dict(ra.foreshorten), dict(rb.foreshorten)
    values["foreshorten"] = _foreshorten_tuple(
        {k: fa.get(k, 1.0) + (fb.get(k, 1.0) - fa.get(k, 1.0)) * t for k in set(fa) | set(fb)}
    )
    return Pose(**values)


def _anchor_height(pose: Pose) -> float:
    return key_points(pose)[pose.anchor][1]


def _reanchor(pose: Pose, anchor: str) -> Pose:
    pts = key_points(pose)
    y = None if pose.y is None else pts[anchor][1]
    return replace(pose, anchor=anchor, x=pts[anchor][0], y=y)


def _foreshorten_tuple(mapping: Mapping[str, float]) -> tuple[tuple[str, float], ...]:
    return tuple(sorted((k, float(v)) for k, v in mapping.items() if v != 1.0))


def _swap_side(name: str, sep: str) -> str:
    """near_x <-> far_x (or x.near <-> x.far with sep='.')."""
    if sep == "_":
        for a, b in (("near_", "far_"), ("far_", "near_")):
            if name.startswith(a):
                return b + name[len(a):]
        return name
    for a, b in ((".near", ".far"), (".far", ".near")):
        if name.endswith(a):
            return name[: -len(a)] + b
    return name


def mirror(pose: Pose) -> Pose:
    """The other side of the exercise, seen from the same side.

    In a side view the viewer sees the figure's right side when it faces
    right: the near limbs are its right limbs. Mirroring swaps the near and
    far limbs, so a right-leg-forward lunge becomes a left-leg-forward one with
    the camera unchanged. (Flipping the whole picture left-to-right, as the
    widget does for ``side="left"``, shows the same posture from the other
    side instead.) ``mirror(mirror(p)) == p``.
    """
    values = {}
    for segment in LIMB_SEGMENTS:
        values[f"near_{segment}"] = getattr(pose, f"far_{segment}")
        values[f"far_{segment}"] = getattr(pose, f"near_{segment}")
    values["foreshorten"] = _foreshorten_tuple(
        {_swap_side(k, "_"): v for k, v in pose.foreshorten}
    )
    values["anchor"] = _swap_side(pose.anchor, "_")
    return replace(pose, **values)


# -- anatomy -------------------------------------------------------------------


def anatomy_problems(pose: Pose) -> list[tuple[str, str]]:
    """(field, problem) for every joint bent beyond what a body does."""
    problems = []

    def check(field_name: str, what: str, value: float, limit: str, hint: str) -> None:
        lo, hi = LIMITS[limit]
        if not lo <= value <= hi:
            problems.append((field_name, f"{what} of {value:.0f} degrees is outside "
                                         f"{lo:.0f}..{hi:.0f}; {hint}"))

    f = pose.length_factor
    check("spine", "the spine bend", pose.spine, "spine", "positive rounds, negative arches")
    upper = pose.torso + pose.spine / 2
    lower = pose.torso - pose.spine / 2
    check("neck", "the neck's bend from the upper back", _wrap(pose.angle("neck") - upper),
          "neck", "neck is measured from straight up like torso")
    for side in SIDES:
        thigh, shin = pose.angle(f"{side}_thigh"), pose.angle(f"{side}_shin")
        if f(f"{side}_thigh") >= _FORESHORTEN_FREE:
            check(f"{side}_thigh", "the hip bend", _wrap(thigh + lower), "hip",
                  "thighs are measured from straight down, positive forward")
        if min(f(f"{side}_thigh"), f(f"{side}_shin")) >= _FORESHORTEN_FREE:
            check(f"{side}_shin", "the knee bend (thigh minus shin)", _wrap(thigh - shin), "knee",
                  "a bent knee has the shin angle below the thigh angle")
        arm, forearm = pose.angle(f"{side}_upper_arm"), pose.angle(f"{side}_forearm")
        if min(f(f"{side}_upper_arm"), f(f"{side}_forearm")) >= _FORESHORTEN_FREE:
            check(f"{side}_forearm", "the elbow bend (forearm minus upper arm)",
                  _wrap(forearm - arm), "elbow",
                  "a bent elbow has the forearm angle above the upper arm angle")
        if min(f(f"{side}_shin"), f(f"{side}_foot")) >= _FORESHORTEN_FREE:
            check(f"{side}_foot", "the foot angle", pose.angle(f"{side}_foot"), "foot",
                  "0 is a right angle to the shin, positive points the toes")
    return problems


# -- reaching --------------------------------------------------------------------


def _down_angle(d: tuple[float, float]) -> float:
    """The limb angle (from straight down, positive forward) of direction ``d``."""
    return math.degrees(math.atan2(d[0], -d[1]))


def _two_bone(root, target, upper: float, lower: float, bend_sign: float) -> tuple[float, float]:
    """Limb angles (upper, lower) reaching from ``root`` towards ``target``.

    ``bend_sign`` +1 bends the joint forward (an elbow), -1 backward (a knee).
    Out of reach, the limb points straight at the target.
    """
    dx, dy = target[0] - root[0], target[1] - root[1]
    d = math.hypot(dx, dy)
    aim = _down_angle((dx, dy)) if d > 1e-9 else 0.0
    d = min(max(d, abs(upper - lower) + 1e-6), upper + lower - 1e-6)
    cos_root = (upper * upper + d * d - lower * lower) / (2 * upper * d)
    root_angle = math.degrees(math.acos(max(-1.0, min(1.0, cos_root))))
    # With the joint bent forward, the upper bone turns back of the aim line.
    first = aim - bend_sign * root_angle
    elbow = (root[0] + upper * math.sin(math.radians(first)),
             root[1] - upper * math.cos(math.radians(first)))
    second = _down_angle((target[0] - elbow[0], target[1] - elbow[1]))
    return _wrap(first), _wrap(second)


def _apply_reach(pose: Pose, reach: Mapping[str, Any], where: str) -> Pose:
    """Bend limbs so the effectors in ``reach`` land on their targets.

    A target is another key point of the same pose (a name) or a position
    ``[x, y]`` in figure units, which needs the pose's ``y``. Legs are solved
    before arms, so a hand can reach a knee.
    """
    order = sorted(reach, key=lambda e: (e.split("_", 1)[-1] in ("hand", "elbow"), e))
    for effector in order:
        name = f"{where}.{effector}"
        if effector not in REACH_EFFECTORS:
            raise _FieldError(name, _unknown(effector, REACH_EFFECTORS, "reaching key point"))
        side, joint = effector.split("_", 1)
        limb = ("thigh", "shin") if joint in ("ankle", "knee") else ("upper_arm", "forearm")
        target = reach[effector]
        rel = _relative_points(pose)
        if isinstance(target, str):
            if target not in KEY_POINTS:
                raise _FieldError(name, _unknown(target, KEY_POINTS, "key point"))
            if target.startswith(side + "_") and (
                (limb[0] == "thigh" and target.split("_", 1)[1] in ("knee", "ankle", "heel", "toe"))
                or (limb[0] == "upper_arm" and target.split("_", 1)[1] in ("elbow", "wrist", "hand"))
            ):
                raise _FieldError(name, f"cannot reach {target!r}, a point of the same limb")
            goal = rel[target]
        else:
            if (
                not isinstance(target, list)
                or len(target) != 2
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in target)
            ):
                raise _FieldError(name, f"must be a key point name or [x, y], got {target!r}")
            if pose.y is None:
                raise _FieldError(name, "reaching a position [x, y] needs the pose's y "
                                        "(or reach a key point instead)")
            if pose.anchor.startswith(side + "_") and pose.anchor.split("_", 1)[1] in (
                ("knee", "ankle", "heel", "toe") if limb[0] == "thigh" else ("elbow", "wrist", "hand")
            ):
                raise _FieldError(name, f"the anchor {pose.anchor!r} is on the reaching limb")
            ax, ay = rel[pose.anchor]
            goal = (float(target[0]) - pose.x + ax, float(target[1]) - pose.y + ay)
        f = pose.length_factor
        root = rel["pelvis"] if limb[0] == "thigh" else rel["shoulder"]
        upper_len = LENGTHS[limb[0]] * f(f"{side}_{limb[0]}")
        if joint in ("knee", "elbow"):
            angle = _wrap(_down_angle((goal[0] - root[0], goal[1] - root[1])))
            pose = replace(pose, **{f"{side}_{limb[0]}": angle})
            continue
        lower_len = LENGTHS[limb[1]] * f(f"{side}_{limb[1]}")
        if joint == "hand":
            lower_len += LENGTHS["hand_offset"]
        bend = -1.0 if limb[0] == "thigh" else 1.0
        first, second = _two_bone(root, goal, upper_len, lower_len, bend)
        pose = replace(pose, **{f"{side}_{limb[0]}": first, f"{side}_{limb[1]}": second})
    return pose


# -- loading -------------------------------------------------------------------


def default_poses_dir() -> Path:
    """``assets/poses`` of this installation."""
    from deskbreak.core.assets import asset_path

    return asset_path("poses")


class _FieldError(Exception):
    def __init__(self, field_name: str, problem: str) -> None:
        super().__init__(problem)
        self.field_name = field_name
        self.problem = problem


def load_poses(directory: Path | None = None, catalog: Catalog | None = None) -> dict[str, ExercisePoses]:
    """Load and validate every ``*.toml`` file in ``directory``, keyed by exercise id.

    ``catalog`` (the default catalog when omitted) is used to reject poses for
    exercises it does not have and to default ``highlight`` to the
    exercise's targets. A bad entry raises :class:`PoseError` naming the file,
    the exercise and the field.
    """
    if catalog is None:
        from deskbreak.core.catalog import load_catalog

        catalog = load_catalog()
    directory = Path(directory) if directory is not None else default_poses_dir()
    if not directory.is_dir():
        raise PoseError(f"{directory}: pose folder not found")
    poses: dict[str, ExercisePoses] = {}
    for path in sorted(directory.glob("*.toml")):
        for entry in load_pose_file(path, catalog):
            if entry.exercise in poses:
                other = poses[entry.exercise].source
                raise PoseError(
                    f"{path}: exercise '{entry.exercise}': field 'exercise': "
                    f"poses already given in {other}"
                )
            poses[entry.exercise] = entry
    return poses


def load_pose_file(path: Path, catalog: Catalog) -> list[ExercisePoses]:
    """The validated ``[[pose]]`` entries of one file."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PoseError(f"{path}: cannot read pose file: {exc}") from exc
    unknown = set(data) - {"pose"}
    if unknown:
        raise PoseError(f"{path}: unknown top-level table(s) {sorted(unknown)}; expected [[pose]]")
    entries = data.get("pose", [])
    if not isinstance(entries, list):
        raise PoseError(f"{path}: 'pose' must be written as [[pose]] tables")
    result = []
    for index, raw in enumerate(entries):
        if not isinstance(raw, dict):
            raise PoseError(f"{path}: pose #{index + 1}: must be a table")
        ident = raw.get("exercise") if isinstance(raw.get("exercise"), str) else f"#{index + 1}"
        try:
            result.append(parse_exercise_poses(raw, catalog, path))
        except _FieldError as exc:
            raise PoseError(
                f"{path}: exercise '{ident}': field '{exc.field_name}': {exc.problem}"
            ) from None
    return result


_EXERCISE_KEYS = ("exercise", "start", "hold", "props", "highlight", "facing", "view", "anchor", "cues")


def parse_exercise_poses(raw: Mapping[str, Any], catalog: Catalog, path: Path | None = None) -> ExercisePoses:
    """One ``[[pose]]`` table; raises ``_FieldError`` (wrapped by the loader)."""
    for key in raw:
        if key not in _EXERCISE_KEYS:
            raise _FieldError(key, _unknown(key, _EXERCISE_KEYS, "field"))
    exercise_id = raw.get("exercise")
    if not isinstance(exercise_id, str) or not exercise_id:
        raise _FieldError("exercise", "is required: the catalog id of the exercise")
    if exercise_id not in catalog.exercises:
        raise _FieldError("exercise", _unknown(exercise_id, catalog.exercises, "exercise id in the catalog"))
    exercise: Exercise = catalog.exercises[exercise_id]
    anchor = raw.get("anchor", "pelvis")
    if anchor not in KEY_POINTS:
        raise _FieldError("anchor", _unknown(str(anchor), KEY_POINTS, "key point"))
    start = _parse_pose(raw, "start", anchor)
    hold = _parse_pose(raw, "hold", anchor)
    facing = raw.get("facing", "right")
    if facing not in FACINGS:
        raise _FieldError("facing", f"must be 'right' or 'left', got {facing!r}")
    view = raw.get("view", "side")
    if view not in VIEWS:
        raise _FieldError("view", f"only 'side' views are drawn, got {view!r}")
    highlight = _parse_highlight(raw.get("highlight"), exercise)
    props = _parse_props(raw.get("props", []))
    cues = _parse_cues(raw.get("cues", []))
    return ExercisePoses(
        exercise=exercise_id,
        name=exercise.name,
        targets=exercise.targets,
        start=start,
        hold=hold,
        props=props,
        highlight=highlight,
        facing=facing,
        view=view,
        cues=cues,
        source=path,
    )


def _unknown(value: str, choices: Iterable[str], what: str) -> str:
    choices = list(choices)
    close = difflib.get_close_matches(value, choices, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    if len(choices) <= 40 and not close:
        hint = f"; expected one of {', '.join(choices)}"
    return f"unknown {what} {value!r}{hint}"


def _number(value: Any, name: str, bounds: tuple[float, float]) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise _FieldError(name, f"must be a number, got {value!r}")
    lo, hi = bounds
    if not lo <= value <= hi:
        raise _FieldError(name, f"{value!r} is out of range {lo:g}..{hi:g}")
    return float(value)


_POSE_KEYS = ("x", "y", "shrug", "foreshorten", "reach") + ANGLE_FIELDS + LIMB_SEGMENTS


def _parse_pose(raw: Mapping[str, Any], which: str, anchor: str) -> Pose:
    if which not in raw:
        raise _FieldError(which, f"is required: the {which} pose, e.g. {which} = {{ torso = 0 }}")
    table = raw[which]
    if not isinstance(table, dict):
        raise _FieldError(which, f"must be a table like {{ torso = 10 }}, got {table!r}")
    values: dict[str, Any] = {"anchor": anchor}
    reach: dict[str, Any] = {}
    flat: set[str] = set()
    for key, value in table.items():
        name = f"{which}.{key}"
        if key == "reach":
            if not isinstance(value, dict):
                raise _FieldError(name, f"must be a table like {{ near_hand = \"near_knee\" }}, got {value!r}")
            reach = value
        elif key in ("x", "y"):
            values[key] = _number(value, name, POSITION_RANGE)
        elif key == "shrug":
            values[key] = _number(value, name, SHRUG_RANGE)
        elif key == "foreshorten":
            if not isinstance(value, dict):
                raise _FieldError(name, f"must be a table like {{ near_shin = 0.5 }}, got {value!r}")
            factors = {}
            for seg, factor in value.items():
                segments = [f"{s}_{seg}" for s in SIDES] if seg in LIMB_SEGMENTS else [seg]
                if segments[0] not in FORESHORTEN_SEGMENTS:
                    raise _FieldError(f"{name}.{seg}", _unknown(seg, FORESHORTEN_SEGMENTS, "limb segment"))
                for s in segments:
                    factors[s] = _number(factor, f"{name}.{seg}", FORESHORTEN_RANGE)
            values["foreshorten"] = _foreshorten_tuple(factors)
        elif key in LIMB_SEGMENTS:
            for side in SIDES:  # the unprefixed name sets both sides unless a side is given
                if f"{side}_{key}" not in table:
                    if key == "foot" and value == "flat":
                        flat.add(f"{side}_foot")
                    else:
                        values[f"{side}_{key}"] = _number(value, name, ANGLE_RANGE)
        elif key in ("near_foot", "far_foot") and value == "flat":
            flat.add(key)
        elif key in ANGLE_FIELDS:
            values[key] = _number(value, name, ANGLE_RANGE)
        else:
            raise _FieldError(name, _unknown(key, _POSE_KEYS, "joint"))
    pose = Pose(**values)
    # "flat": the sole level whatever the shin's angle (before reaching, in
    # case the anchor is on that foot, and after, as reaching turns the shin).
    pose = _flatten(pose, flat)
    if reach:
        pose = _flatten(_apply_reach(pose, reach, f"{which}.reach"), flat)
    problems = anatomy_problems(pose)
    if problems:
        field_name, problem = problems[0]
        raise _FieldError(f"{which}.{field_name}", problem)
    if pose.y is not None:
        pts = key_points(pose)
        lowest = min(pts, key=lambda n: pts[n][1] - point_radius(n))
        depth = -(pts[lowest][1] - point_radius(lowest))
        if depth > GROUND_TOLERANCE:
            raise _FieldError(f"{which}.y", f"the figure sinks {depth:.2f} below the ground at "
                                            f"{lowest}; raise y, or leave y out to rest the "
                                            "lowest point on the ground")
    return pose


def _flatten(pose: Pose, feet: Iterable[str]) -> Pose:
    return replace(pose, **{foot: _wrap(pose.angle(foot.replace("foot", "shin"))) for foot in feet})


def _parse_highlight(value: Any, exercise: Exercise) -> tuple[str, ...]:
    if value is None:
        return tuple(exercise.targets)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _FieldError("highlight", f"must be a list of regions, got {value!r}")
    for item in value:
        region, _, side = item.partition(".")
        if region not in TARGETS:
            raise _FieldError("highlight", _unknown(region, TARGETS, "region"))
        if side and side not in HIGHLIGHT_SIDES:
            raise _FieldError("highlight", f"{item!r}: a side suffix must be '.near' or '.far'")
    return tuple(value)


_PROP_KEYS = ("kind", "x", "y", "width", "height", "flip", "hold")
_CUE_KEYS = ("kind", "at", "radius", "offset")


def _checked_table(item: dict, where: str, allowed: Iterable[str], what: str, kinds) -> str:
    """Reject unknown fields and kinds of one prop or cue table; return its kind."""
    for key in item:
        if key not in allowed:
            raise _FieldError(f"{where}.{key}", _unknown(key, allowed, f"{what} field"))
    kind = item.get("kind")
    if kind not in kinds:
        raise _FieldError(f"{where}.kind", _unknown(str(kind), kinds, f"{what} kind"))
    return kind


def _tables(value: Any, name: str, example: str):
    """(where, table) for each entry of a list of tables such as ``props``."""
    if not isinstance(value, list):
        raise _FieldError(name, f"must be a list of tables like {example}, got {value!r}")
    for index, item in enumerate(value):
        where = f"{name}[{index}]"
        if not isinstance(item, dict):
            raise _FieldError(where, f"must be a table like {example}, got {item!r}")
        yield where, item


def _parse_props(value: Any) -> tuple[Prop, ...]:
    props = []
    for where, item in _tables(value, "props", '{ kind = "mat" }'):
        kind = _checked_table(item, where, _PROP_KEYS, "prop", PROP_KINDS)
        width, height, _ = PROP_KINDS[kind]
        values: dict[str, Any] = {"kind": kind, "width": width, "height": height}
        for key in ("x", "y"):
            if key in item:
                values[key] = _number(item[key], f"{where}.{key}", POSITION_RANGE)
        for key in ("width", "height"):
            if key in item:
                values[key] = _number(item[key], f"{where}.{key}", (0.01, 5.0))
        if "flip" in item:
            if not isinstance(item["flip"], bool):
                raise _FieldError(f"{where}.flip", f"must be true or false, got {item['flip']!r}")
            values["flip"] = item["flip"]
        if "hold" in item:
            hold = item["hold"]
            if not isinstance(hold, dict) or not set(hold) <= {"x", "y"}:
                raise _FieldError(f"{where}.hold", f"must be a table like {{ x = 0.5 }}, got {hold!r}")
            for key in ("x", "y"):
                if key in hold:
                    values[f"hold_{key}"] = _number(hold[key], f"{where}.hold.{key}", POSITION_RANGE)
        props.append(Prop(**values))
    return tuple(props)


def _parse_cues(value: Any) -> tuple[Cue, ...]:
    cues = []
    for where, item in _tables(value, "cues", '{ kind = "path", at = "near_toe" }'):
        kind = _checked_table(item, where, _CUE_KEYS, "cue", CUE_KINDS)
        at = item.get("at")
        if at not in KEY_POINTS:
            raise _FieldError(f"{where}.at", _unknown(str(at), KEY_POINTS, "key point"))
        values: dict[str, Any] = {"kind": kind, "at": at}
        for key, bounds in (("radius", (0.02, 1.0)), ("offset", (-1.0, 1.0))):
            if key in item:
                values[key] = _number(item[key], f"{where}.{key}", bounds)
        cues.append(Cue(**values))
    return tuple(cues)


# -- authoring aid ---------------------------------------------------------------


def describe(pose: Pose) -> str:
    """Key points and their heights, to check what touches the ground or a prop."""
    pts = key_points(pose)
    lines = []
    for name in KEY_POINTS:
        x, y = pts[name]
        bottom = y - point_radius(name)
        mark = "  <- on the ground" if abs(bottom) < 0.015 else ""
        lines.append(f"  {name:<15} x={x:+.3f} y={y:+.3f} bottom={bottom:+.3f}{mark}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m deskbreak.core.poses [ID ...]``: validate and print key points."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    try:
        poses = load_poses()
    except PoseError as exc:
        print(f"deskbreak: {exc}", file=sys.stderr)
        return 1
    for exercise_id in args or list(poses):
        entry = poses.get(exercise_id)
        if entry is None:
            print(f"{exercise_id}: no poses", file=sys.stderr)
            continue
        for which in ("start", "hold"):
            print(f"{exercise_id} {which}:")
            print(describe(getattr(entry, which)))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())


def load_poses_or_none(catalog=None) -> dict:
    """The figures' poses, or {} with a warning: a broken pose file costs the pictures, never the app."""
    try:
        return load_poses(catalog=catalog)
    except PoseError as error:
        logging.getLogger("deskbreak").warning("%s; showing exercises without pictures", error)
        return {}
