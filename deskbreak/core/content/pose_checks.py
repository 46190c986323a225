"""Checks of the figure in motion: what a physiotherapist would not sign.

Every exercise, on each side it is shown, is sampled at many moments between
its start and hold pose (``pose_motion``; each rep travels the same path) and
each moment is held to the body and the room: nothing sinks into the floor or
into a prop's solid, knees and elbows do not bend past straight, a hand or
foot planted in both poses stays on its support on the way, and the side the
picture shows agrees with the side the steps name. Pure Python, no Qt.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterator

from deskbreak.core.content.catalog import Catalog, Exercise
from deskbreak.core.content.pose_kinematics import anatomy_problems, point_radius, wrap_angle
from deskbreak.core.content.pose_model import Prop
from deskbreak.core.content.pose_motion import Moment, body_samples, exercise_sides, moment, moments
from deskbreak.core.content.poses import ExercisePoses

#: How far the drawn outline may press into the floor or a solid (soft tissue, antialiasing).
SINK_TOLERANCE = 0.03
#: How far a planted hand or foot may lift off its support on the way.
LIFT_TOLERANCE = 0.03
#: A hand or foot that ends further than this from where it started has stepped, not stayed planted.
STEP = 0.08
#: Outlines this close to a support touch it.
TOUCH = 0.02
#: The end points that plant a hand or a foot.
PLANTED_ENDS = ("hand", "heel", "toe")
MOMENTS = 51
#: Rough shares of the body's weight at key points, for where its middle is.
_MASS = {"pelvis": 0.3, "waist": 0.15, "chest": 0.2, "head": 0.08, "near_knee": 0.07, "far_knee": 0.07,
         "near_ankle": 0.03, "far_ankle": 0.03, "near_elbow": 0.03, "far_elbow": 0.03,
         "near_hand": 0.01, "far_hand": 0.01}
#: How far the body's middle may lie beyond what holds it up (a foot is longer than its points) ...
BALANCE_MARGIN = 0.1
#: ... and on the feet alone: a walker mid-stride, its weight going over the pushing toe, is
#: well ahead of it (a body on its forearms or toe tips with nothing else down is not walking).
STRIDE_MARGIN = 0.45


@dataclass(frozen=True)
class Fault:
    exercise: str
    side: str | None
    t: float | None
    check: str
    detail: str

    def __str__(self) -> str:
        when = "" if self.t is None else f" t={self.t:.2f}"
        return f"{self.exercise} [{self.side or 'both'}]{when} {self.check}: {self.detail}"


# -- solids ------------------------------------------------------------------------


def solids(prop: Prop) -> list[tuple[str, tuple[float, ...]]]:
    """The parts of a prop a body cannot pass through, as drawn: ("rect", l, b, r, t) or ("circle", x, y, r)."""
    x, y, w, h = prop.x, prop.y, prop.width, prop.height
    if prop.kind == "table":
        return [("rect", (x - w / 2, y + h - 0.045, x + w / 2, y + h))]
    if prop.kind == "bench":
        return [("rect", (x - w / 2, y + h - 0.07, x + w / 2, y + h))]
    if prop.kind == "chair":
        back = x + (w / 2 if prop.flip else -w / 2)
        return [("rect", (x - w / 2, y + h - 0.05, x + w / 2, y + h)),
                ("rect", (back - 0.02, y + h, back + 0.02, y + h + 0.42))]
    if prop.kind in ("step", "box", "block"):
        return [("rect", (x - w / 2, y, x + w / 2, y + h))]
    if prop.kind == "wall":
        left = x - w if prop.flip else x
        return [("rect", (left, y, left + w, y + h))]
    if prop.kind == "ball":
        return [("circle", (x, y + h / 2, w / 2))]
    return []  # a mat, a bar in the hands, a pencil in the toes, cuffs


def _distance(solid: tuple[str, tuple[float, ...]], p: tuple[float, float]) -> float:
    """Signed distance from ``p`` to the solid's outline (negative inside)."""
    kind, v = solid
    if kind == "circle":
        return math.hypot(p[0] - v[0], p[1] - v[1]) - v[2]
    left, bottom, right, top = v
    dx = max(left - p[0], p[0] - right)
    dy = max(bottom - p[1], p[1] - top)
    if dx <= 0 and dy <= 0:
        return max(dx, dy)
    return math.hypot(max(dx, 0.0), max(dy, 0.0))


def _supports(m: Moment, name: str) -> list[tuple[str, float]]:
    """(support, gap) for the floor and every prop: how far the outline at key point ``name`` is from it."""
    p, r = m.points[name], point_radius(name)
    gaps = [("floor", p[1] - r)]
    for index, prop in enumerate(m.props):
        for part, solid in enumerate(solids(prop)):
            gaps.append((f"{prop.kind} {index}.{part}", _distance(solid, p) - r))
        if prop.kind == "bar":
            gaps.append((f"bar {index}", math.hypot(p[0] - prop.x, p[1] - prop.y - prop.height) - r - prop.width / 2))
    return gaps


def _nearest_support(m: Moment, name: str) -> tuple[str, float]:
    return min(_supports(m, name), key=lambda s: abs(s[1]))


def _support_gap(m: Moment, name: str) -> float:
    """How far the outline at key point ``name`` is from the nearest support (floor or prop)."""
    return _nearest_support(m, name)[1]


# -- the checks on one moment ------------------------------------------------------


def moment_faults(m: Moment) -> Iterator[Fault]:
    lowest = min(body_samples(m), key=lambda s: s[1][1] - s[2])
    name, p, r = lowest
    if p[1] - r < -SINK_TOLERANCE:
        yield Fault(m.exercise, m.side, m.t, "below the floor",
                    f"{m.anatomical(name)} {-(p[1] - r) * 100:.0f} cm under the floor")
    for prop in m.props:
        for solid in solids(prop):
            deepest = min(body_samples(m), key=lambda s: _distance(solid, s[1]) - s[2])
            name, p, r = deepest
            depth = r - _distance(solid, p)
            if depth > SINK_TOLERANCE:
                yield Fault(m.exercise, m.side, m.t, f"inside the {prop.kind}",
                            f"{m.anatomical(name)} {depth * 100:.0f} cm into it")
    for field_name, problem in anatomy_problems(m.pose):
        yield Fault(m.exercise, m.side, m.t, "joint", f"{m.anatomical(field_name)}: {problem}")


#: How far from a pencil's middle the curled toes may grip it (held by an end, it would tip out).
GRIP = 0.05


def held_faults(poses: ExercisePoses, m: Moment) -> Iterator[Fault]:
    """A pencil the toes pick up is gripped under them by its middle, pressed from above; one that
    moves between start and hold is carried by the toes the whole way (a pencil does not move itself)."""
    for index, prop in enumerate(m.props):
        placed = poses.props[index]  # as the file places it (a moment's props stand still)
        moves = any(v is not None for v in (placed.hold_x, placed.hold_y, placed.via_x, placed.via_y))
        if prop.kind != "pencil" or (m.t < 1.0 and not moves):
            continue
        top = prop.y + prop.height
        toe = min((n for n in m.points if n.endswith("_toe")), key=lambda n: math.dist(m.points[n], (prop.x, top)))
        (x, y), r = m.points[toe], point_radius(toe)
        off_middle, above = x - prop.x, y - r - top
        if abs(off_middle) > GRIP or not -SINK_TOLERANCE <= above <= TOUCH:
            yield Fault(m.exercise, m.side, m.t, "held prop",
                        f"the pencil is not gripped under the {m.anatomical(toe).replace('_', ' ')}: the toe tip is "
                        f"{abs(off_middle) * 100:.0f} cm from its middle, {above * 100:+.0f} cm above its top")


def planted_faults(poses: ExercisePoses, side: str | None, sampled: list[Moment]) -> Iterator[Fault]:
    """A hand or foot resting on the same support in both poses stays on it in between."""
    first, last = sampled[0], sampled[-1]
    for name in first.points:
        if name.split("_", 1)[-1] not in PLANTED_ENDS:
            continue
        (support, start_gap), (hold_support, hold_gap) = _nearest_support(first, name), _nearest_support(last, name)
        moved = math.dist(first.points[name], last.points[name])
        if abs(start_gap) > TOUCH or abs(hold_gap) > TOUCH or support != hold_support or moved > STEP:
            continue  # not planted, or a step: to another spot or onto another support

        def gap_to(m: Moment) -> float:
            return dict(_supports(m, name))[support]

        worst = max(sampled, key=gap_to)
        gap = gap_to(worst)
        if gap > LIFT_TOLERANCE:
            yield Fault(poses.exercise, side, worst.t, "planted point lifts",
                        f"{worst.anatomical(name)} {gap * 100:.0f} cm off its support")


#: Body parts, by the joints a drawn piece of the body spans: what rests on a prop.
_PARTS = {"ankle": "lower leg", "heel": "lower leg", "toe": "lower leg", "knee": "knee", "wrist": "forearm",
          "hand": "forearm", "elbow": "upper arm"}


def _part(sample: str) -> str:
    """ "near_knee-near_ankle" -> "near lower leg": the part of the body a drawn sample belongs to."""
    ends = sample.split("-")
    side = next((e.split("_", 1)[0] for e in ends if e.startswith(("near_", "far_"))), "")
    groups = [_PARTS.get(e.split("_", 1)[-1], "trunk") for e in ends]
    # A piece between two parts (knee to ankle) belongs to the outer one; pelvis to knee is the thigh.
    group = "thigh" if groups == ["trunk", "knee"] else next((g for g in reversed(groups) if g != "knee"), groups[-1])
    return f"{side} {group}".strip()


def _part_gaps(m: Moment, prop: Prop) -> dict[str, float]:
    """How far each body part is from the prop's solid parts (negative: pressed into them)."""
    gaps: dict[str, float] = {}
    for name, p, r in body_samples(m):
        gap = min(_distance(solid, p) for solid in solids(prop)) - r
        part = _part(name)
        gaps[part] = min(gap, gaps.get(part, gap))
    return gaps


def carried_faults(poses: ExercisePoses, side: str | None, sampled: list[Moment]) -> Iterator[Fault]:
    """A prop a body part rests on at the start and in the hold (a ball under the shins) stays under that part
    on the way (the ball rolls along the shins, it does not leave them for the knees)."""
    first, last = sampled[0], sampled[-1]
    for index, prop in enumerate(first.props):
        if not solids(prop):
            continue
        start, hold = _part_gaps(first, prop), _part_gaps(last, last.props[index])
        resting = {part for part in start if start[part] <= TOUCH and hold[part] <= TOUCH}
        if not resting and min(start.values()) <= TOUCH and min(hold.values()) <= TOUCH:
            resting = set(start)  # carried by one part, then another: by the body
        if not resting:
            continue

        def gap(m: Moment) -> float:
            gaps = _part_gaps(m, m.props[index])
            return min(gaps[part] for part in resting)

        worst = max(sampled, key=gap)
        if gap(worst) > LIFT_TOLERANCE:
            parts = ", ".join(sorted(worst.anatomical(p.replace(" ", "_")).replace("_", " ") for p in resting))
            yield Fault(poses.exercise, side, worst.t, "leaves its support",
                        f"the {parts} {gap(worst) * 100:.0f} cm off the {prop.kind}")


def supported_faults(poses: ExercisePoses, side: str | None, m: Moment) -> Iterator[Fault]:
    """The body rests on something under it: its middle is over what touches the floor or a prop."""
    touching = [n for n in m.points if _support_gap(m, n) <= TOUCH]
    if not touching:
        yield Fault(poses.exercise, side, m.t, "floating", "nothing touches the floor or a prop")
        return
    if any(prop.kind in ("bar", "wall", "ball", "chair", "table", "bench", "box", "step") for prop in m.props):
        return  # hanging, leaning or lying on a prop: the prop holds what the floor does not
    xs = [m.points[n][0] for n in touching]
    middle = sum(m.points[n][0] * w for n, w in _MASS.items()) / sum(_MASS.values())
    on_feet = all(n.endswith(("heel", "toe", "ankle")) for n in touching)
    margin = STRIDE_MARGIN if on_feet and poses.posture == "standing" else BALANCE_MARGIN
    if not min(xs) - margin <= middle <= max(xs) + margin:
        yield Fault(poses.exercise, side, m.t, "floating",
                    f"only {', '.join(m.anatomical(n) for n in touching)} touch(es) the floor, "
                    f"the body's middle {abs(middle - (min(xs) if middle < min(xs) else max(xs))) * 100:.0f} cm beyond them")


# -- the side named in the steps ---------------------------------------------------

_KNEEL = re.compile(r"\bkneel on your (left|right) knee", re.I)
_SWITCH_TO = re.compile(r"switch to your (left|right) side, on your (?:\w+ forearm and )?(?:\1 )?(left|right)? ?knee", re.I)
_STRETCH_SIDE = re.compile(r"\bstretch (?:at|in|through) (?:the front of )?(?:your|the) (left|right) hip", re.I)
_OTHER = {"left": "right", "right": "left"}


def _on_side(words_side: str, side: str | None) -> str:
    """The steps are written for the right side; the left side does the mirror."""
    return _OTHER[words_side] if side == "left" else words_side


def side_faults(exercise: Exercise, poses: ExercisePoses, side: str | None) -> Iterator[Fault]:
    hold = moment(poses, side, 1.0)
    text = " ".join(exercise.steps)
    down_knees = {hold.anatomical(n) for n in ("near_knee", "far_knee") if _support_gap(hold, n) <= TOUCH}
    for match in _KNEEL.finditer(text):
        wanted = _on_side(match.group(1).lower(), side)
        if f"{wanted}_knee" not in down_knees:
            yield Fault(exercise.id, side, 1.0, "side", f"the steps kneel on the {wanted} knee; "
                        f"the picture has {', '.join(sorted(down_knees)) or 'no knee'} down")
    for match in _SWITCH_TO.finditer(text):
        if side == match.group(1).lower() and f"{side}_knee" not in down_knees:
            yield Fault(exercise.id, side, 1.0, "side", f"the steps put the {side} side on the {side} knee; "
                        f"the picture has {', '.join(sorted(down_knees)) or 'no knee'} down")
    for match in _STRETCH_SIDE.finditer(text):
        wanted = _on_side(match.group(1).lower(), side)
        sided = [h for h in poses.highlight if h.endswith((".near", ".far"))]
        drawn = {hold.anatomical(h.split(".")[1] + "_x")[:-2] for h in sided}
        if sided and drawn != {wanted}:
            yield Fault(exercise.id, side, 1.0, "side", f"the steps stretch the {wanted} hip; "
                        f"the picture highlights the {', '.join(sorted(drawn))} side")


_PULL_IN = re.compile(r"\b(?:hug|pull)\b[^.]*\b(?:chest|knees?|legs?|thigh|shin)\b", re.I)
#: A hand this close to a leg holds it.
HOLDING = 0.06
#: A pull needs a bent elbow: a straight arm only reaches.
PULL_BEND = 30.0


def pull_faults(exercise: Exercise, poses: ExercisePoses, side: str | None) -> Iterator[Fault]:
    """Steps that hug or pull a leg in: every hand holding a leg in the hold does it with a bent elbow."""
    if not any(_PULL_IN.search(step) for step in exercise.steps):
        return
    hold = moment(poses, side, 1.0)
    legs = [(p, r) for name, p, r in body_samples(hold) if _part(name).split(" ", 1)[-1] in ("thigh", "knee", "lower leg")]
    for arm in ("near", "far"):
        hand, r = hold.points[f"{arm}_hand"], point_radius(f"{arm}_hand")
        if not any(math.dist(hand, p) - r - leg_r <= HOLDING for p, leg_r in legs):
            continue
        if min(hold.pose.length_factor(f"{arm}_upper_arm"), hold.pose.length_factor(f"{arm}_forearm")) < 0.8:
            continue  # an arm pointing out of the picture: its bend does not show
        bend = wrap_angle(hold.pose.angle(f"{arm}_forearm") - hold.pose.angle(f"{arm}_upper_arm"))
        if bend < PULL_BEND:
            yield Fault(exercise.id, side, 1.0, "pull", f"the steps pull the leg in; the {hold.anatomical(arm + '_hand')} "
                        f"holds it on an elbow bent only {bend:.0f} degrees")


_HIPS_DOWN = re.compile(r"\bkeep your hips down\b|\bwithout raising your hips\b", re.I)
#: Hips "down" in a plank sit at most this far above the shoulders (a knee tuck on a ball lifts
#: them a little; the pike, which the steps warn against, lifts them far).
HIPS_DOWN = 0.15


def hips_faults(exercise: Exercise, poses: ExercisePoses, side: str | None) -> Iterator[Fault]:
    """Steps that keep the hips down: in the hold the pelvis is not well above the shoulders."""
    if not any(_HIPS_DOWN.search(step) for step in exercise.steps):
        return
    hold = moment(poses, side, 1.0)
    lift = hold.points["pelvis"][1] - hold.points["shoulder"][1]
    if lift > HIPS_DOWN:
        yield Fault(exercise.id, side, 1.0, "hips", f"the steps keep the hips down; the picture has them "
                    f"{lift * 100:.0f} cm above the shoulders")


# -- everything ---------------------------------------------------------------------


def exercise_faults(catalog: Catalog, poses: ExercisePoses, count: int = MOMENTS) -> list[Fault]:
    exercise = catalog.exercise(poses.exercise)
    faults: list[Fault] = []
    for side in exercise_sides(catalog, poses.exercise):
        sampled = list(moments(poses, side, count))
        for m in sampled:
            faults += moment_faults(m)
            faults += held_faults(poses, m)
            faults += supported_faults(poses, side, m)
        faults += planted_faults(poses, side, sampled)
        faults += carried_faults(poses, side, sampled)
        faults += side_faults(exercise, poses, side)
        faults += pull_faults(exercise, poses, side)
        faults += hips_faults(exercise, poses, side)
    return faults


def all_faults(catalog: Catalog, poses: dict[str, ExercisePoses], count: int = MOMENTS) -> list[Fault]:
    return [f for entry in poses.values() for f in exercise_faults(catalog, entry, count)]


def summarize(faults: list[Fault]) -> list[str]:
    """One line per exercise, side and kind of fault: its worst moment and the range of t it spans."""
    groups: dict[tuple, list[Fault]] = {}
    for f in faults:
        # One moment stands for a fault over many; each different side fault is its own.
        groups.setdefault((f.exercise, f.side, f.check, f.detail if f.check == "side" else ""), []).append(f)
    lines = []
    for (exercise, side, check, _), group in groups.items():
        ts = [f.t for f in group if f.t is not None]
        span = f" t {min(ts):.2f}-{max(ts):.2f} ({len(ts)} moments)" if ts else ""
        lines.append(f"{exercise} [{side or 'both'}] {check}{span}: {group[len(group) // 2].detail}")
    return lines
