"""Forward kinematics and pose operations: key points, bounds, interpolation, mirroring.

Pure functions of a :class:`~deskbreak.core.content.pose_model.Pose`: where every key
point lands (figure units, facing right, the ground at ``y = 0``), what the
figure covers, how one pose turns into another, which joints are bent beyond
what a body does, and the two-bone solver behind ``reach``.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any, Iterable, Mapping

from deskbreak.core.content.pose_model import (
    _FORESHORTEN_FREE,
    ANGLE_FIELDS,
    LENGTHS,
    LIMB_SEGMENTS,
    LIMITS,
    RADII,
    SIDES,
    Pose,
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


def relative_points(pose: Pose) -> dict[str, tuple[float, float]]:
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
    pts = relative_points(pose)
    name = min(pts, key=lambda n: pts[n][1] - point_radius(n))
    return name, pts[name][1] - point_radius(name)


def key_points(pose: Pose) -> dict[str, tuple[float, float]]:
    """Every key point of ``pose`` in figure units (facing right, ground at y = 0)."""
    pts = relative_points(pose)
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


def wrap_angle(angle: float) -> float:
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
        values[name] = wrap_angle(va + wrap_angle(vb - va) * t)
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
    values["foreshorten"] = foreshorten_tuple(
        {k: fa.get(k, 1.0) + (fb.get(k, 1.0) - fa.get(k, 1.0)) * t for k in set(fa) | set(fb)}
    )
    return Pose(**values)


def _anchor_height(pose: Pose) -> float:
    return key_points(pose)[pose.anchor][1]


def _reanchor(pose: Pose, anchor: str) -> Pose:
    pts = key_points(pose)
    y = None if pose.y is None else pts[anchor][1]
    return replace(pose, anchor=anchor, x=pts[anchor][0], y=y)


def foreshorten_tuple(mapping: Mapping[str, float]) -> tuple[tuple[str, float], ...]:
    return tuple(sorted((k, float(v)) for k, v in mapping.items() if v != 1.0))


def swap_side(name: str, sep: str) -> str:
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
    values["foreshorten"] = foreshorten_tuple(
        {swap_side(k, "_"): v for k, v in pose.foreshorten}
    )
    values["anchor"] = swap_side(pose.anchor, "_")
    return replace(pose, **values)


def feet_above_ground(pose: Pose, ankles: Iterable[str]) -> Pose:
    """Each placed foot turned, as little as it takes and within the ankle's range, to keep toe and heel above ground."""
    lo, hi = LIMITS["foot"]
    for ankle in ankles:
        side = ankle.split("_", 1)[0]
        foot = f"{side}_foot"
        bent = pose.angle(foot)

        def clears(angle: float) -> bool:
            points = key_points(replace(pose, **{foot: angle}))
            return min(points[f"{side}_{end}"][1] - point_radius(f"{side}_{end}") for end in ("toe", "heel")) >= 0

        if not clears(bent):
            candidates = sorted((lo + (hi - lo) * k / 90 for k in range(91)), key=lambda a: abs(a - bent))
            pose = replace(pose, **{foot: next((a for a in candidates if clears(a)), bent)})
    return pose


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
    check("neck", "the neck's bend from the upper back", wrap_angle(pose.angle("neck") - upper),
          "neck", "neck is measured from straight up like torso")
    for side in SIDES:
        thigh, shin = pose.angle(f"{side}_thigh"), pose.angle(f"{side}_shin")
        if f(f"{side}_thigh") >= _FORESHORTEN_FREE:
            check(f"{side}_thigh", "the hip bend", wrap_angle(thigh + lower), "hip",
                  "thighs are measured from straight down, positive forward")
        if min(f(f"{side}_thigh"), f(f"{side}_shin")) >= _FORESHORTEN_FREE:
            check(f"{side}_shin", "the knee bend (thigh minus shin)", wrap_angle(thigh - shin), "knee",
                  "a bent knee has the shin angle below the thigh angle")
        arm, forearm = pose.angle(f"{side}_upper_arm"), pose.angle(f"{side}_forearm")
        if min(f(f"{side}_upper_arm"), f(f"{side}_forearm")) >= _FORESHORTEN_FREE:
            check(f"{side}_forearm", "the elbow bend (forearm minus upper arm)",
                  wrap_angle(forearm - arm), "elbow",
                  "a bent elbow has the forearm angle above the upper arm angle")
        if min(f(f"{side}_shin"), f(f"{side}_foot")) >= _FORESHORTEN_FREE:
            check(f"{side}_foot", "the foot angle", pose.angle(f"{side}_foot"), "foot",
                  "0 is a right angle to the shin, positive points the toes")
    return problems


# -- reaching --------------------------------------------------------------------


def down_angle(d: tuple[float, float]) -> float:
    """The limb angle (from straight down, positive forward) of direction ``d``."""
    return math.degrees(math.atan2(d[0], -d[1]))


def two_bone(root, target, upper: float, lower: float, bend_sign: float) -> tuple[float, float]:
    """Limb angles (upper, lower) reaching from ``root`` towards ``target``.

    ``bend_sign`` +1 bends the joint forward (an elbow), -1 backward (a knee).
    Out of reach, the limb points straight at the target.
    """
    dx, dy = target[0] - root[0], target[1] - root[1]
    d = math.hypot(dx, dy)
    aim = down_angle((dx, dy)) if d > 1e-9 else 0.0
    d = min(max(d, abs(upper - lower) + 1e-6), upper + lower - 1e-6)
    cos_root = (upper * upper + d * d - lower * lower) / (2 * upper * d)
    root_angle = math.degrees(math.acos(max(-1.0, min(1.0, cos_root))))
    # With the joint bent forward, the upper bone turns back of the aim line.
    first = aim - bend_sign * root_angle
    elbow = (root[0] + upper * math.sin(math.radians(first)),
             root[1] - upper * math.cos(math.radians(first)))
    second = down_angle((target[0] - elbow[0], target[1] - elbow[1]))
    return wrap_angle(first), wrap_angle(second)

