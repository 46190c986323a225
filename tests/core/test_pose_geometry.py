"""Each exercise's hold pose does what its steps say, where simple geometry can tell.

The pictures are checked against the words: a rule reads the exercise's
catalog steps (and the posture its pose file declares), and where the words
say something a point's position can confirm (lying means the torso rests
on the floor or the table; "lift your left leg" means one foot is above the
other; "hold your knees" means the hands are at the knees; a hang means the
hands are on the bar) the hold pose's key points, computed by the same
kinematics that draws them, must agree. Every rule applies to at least one
exercise and is shown failing on a broken copy of a real pose, so none of
them can pass by saying nothing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Callable

import pytest

from deskbreak.core.content.catalog import Exercise, load_catalog
from deskbreak.core.content.pose_kinematics import wrap_angle
from deskbreak.core.content.poses import (
    POSTURES,
    ExercisePoses,
    Pose,
    key_points,
    load_poses,
    point_radius,
)

CATALOG = load_catalog()
POSES = load_poses(catalog=CATALOG)

#: How close (figure units) a body surface must be to a support to rest on it.
TOUCH = 0.035
#: How far it may overlap a support (the figure's round ends are approximations).
OVERLAP = 0.06
LYING = ("supine", "prone", "side_lying")

Problems = list[str]


# -- geometry helpers --------------------------------------------------------------


def words(exercise: Exercise) -> str:
    """The steps, lower case, one sentence per step."""
    return " ".join(s.strip().lower() for s in exercise.steps)


def supports(entry: ExercisePoses, t: float = 1.0) -> list[tuple[str, tuple]]:
    """What the body can rest on: the floor, the tops of furniture, balls."""
    out: list[tuple[str, tuple]] = [("floor", (-math.inf, math.inf, 0.0))]
    for prop in entry.props_at(t):
        if prop.kind in ("table", "bench", "step", "box", "block", "chair"):
            out.append((prop.kind, (prop.x - prop.width / 2, prop.x + prop.width / 2, prop.y + prop.height)))
        elif prop.kind == "ball":
            out.append(("ball", ((prop.x, prop.y + prop.height / 2), prop.width / 2)))
    return out


def gap(entry: ExercisePoses, pose: Pose, name: str, t: float = 1.0, only: str | None = None) -> float:
    """How far the body's surface at key point ``name`` is from the nearest support below or beside it.

    ``only`` limits the supports to one kind (``"table"``, ``"ball"``...).
    """
    x, y = key_points(pose)[name]
    r = point_radius(name)
    best = math.inf
    for kind, shape in supports(entry, t):
        if only is not None and kind != only:
            continue
        if kind == "ball":
            (cx, cy), radius = shape
            d = math.dist((x, y), (cx, cy)) - radius - r
        else:
            left, right, top = shape
            if not left - r <= x <= right + r or y - r < top - OVERLAP:
                continue
            d = y - r - top
        if abs(d) < abs(best):
            best = d
    return best


def rests(entry: ExercisePoses, pose: Pose, name: str) -> bool:
    return -OVERLAP <= gap(entry, pose, name) <= TOUCH


def foot_height(pose: Pose, side: str) -> float:
    """The lowest point of a foot (its sole)."""
    k = key_points(pose)
    return min(k[f"{side}_{j}"][1] - point_radius(j) for j in ("ankle", "heel", "toe"))


def feet_on_floor(pose: Pose) -> list[str]:
    return [side for side in ("near", "far") if foot_height(pose, side) <= TOUCH]


def lower_torso(pose: Pose) -> float:
    """The angle of the lower back from straight up (the torso's pelvis half)."""
    return wrap_angle(pose.torso - pose.spine / 2)


def from_horizontal(angle: float) -> float:
    return abs(abs(wrap_angle(angle)) - 90.0)


def hip_flexion(pose: Pose, side: str) -> float:
    return wrap_angle(getattr(pose.resolved(), f"{side}_thigh") + lower_torso(pose))


def knee_bend(pose: Pose, side: str) -> float:
    p = pose.resolved()
    return wrap_angle(getattr(p, f"{side}_thigh") - getattr(p, f"{side}_shin"))


def elbow_bend(pose: Pose, side: str) -> float:
    p = pose.resolved()
    return wrap_angle(getattr(p, f"{side}_forearm") - getattr(p, f"{side}_upper_arm"))


def near_point(pose: Pose, a: str, b: str, within: float) -> bool:
    k = key_points(pose)
    return math.dist(k[a], k[b]) <= within


def segment_distance(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy or 1.0)))
    return math.dist((px, py), (ax + t * dx, ay + t * dy))


# -- the rules --------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """A check the words of an exercise call for, and a way to break a pose it holds for."""

    name: str
    applies: Callable[[Exercise, ExercisePoses], bool]
    check: Callable[[Exercise, ExercisePoses], Problems]
    #: Returns a broken copy of the poses, which the check must reject.
    breaks: Callable[[ExercisePoses], ExercisePoses]


def with_hold(entry: ExercisePoses, **changes) -> ExercisePoses:
    return replace(entry, hold=replace(entry.hold, **changes))


def raised(entry: ExercisePoses, dy: float) -> ExercisePoses:
    """The hold pose lifted ``dy`` off whatever it rested on."""
    pose = entry.hold
    y = key_points(pose)[pose.anchor][1]
    return with_hold(entry, y=y + dy)


def says(*patterns: str) -> Callable[[Exercise, ExercisePoses], bool]:
    return lambda exercise, entry: any(re.search(p, words(exercise)) for p in patterns)


def posture_is(*postures: str) -> Callable[[Exercise, ExercisePoses], bool]:
    return lambda exercise, entry: entry.posture in postures


# Postures ---------------------------------------------------------------------------


def check_lying(exercise: Exercise, entry: ExercisePoses) -> Problems:
    """Lying: the torso rests on the floor (or the table, or the ball), the back roughly level."""
    pose, problems = entry.hold, []
    if not any(rests(entry, pose, p) for p in ("pelvis", "waist", "chest")):
        lowest = min(gap(entry, pose, p) for p in ("pelvis", "waist", "chest"))
        problems.append(f"lying, but the torso is {lowest:.2f} off the floor")
    level = from_horizontal(lower_torso(pose))
    if level > 45:
        problems.append(f"lying, but the lower back is {level:.0f} degrees from level")
    k = key_points(pose)
    if entry.posture == "supine" and not (k["head"][0] < k["pelvis"][0] and lower_torso(pose) < 0):
        problems.append("on the back, but the head is not behind the hips (the figure faces down)")
    if entry.posture == "prone" and not (k["head"][0] > k["pelvis"][0] and lower_torso(pose) > 0):
        problems.append("face down, but the head is not ahead of the hips (the figure faces up)")
    if entry.posture == "side_lying" and from_horizontal(pose.torso) > 10:
        problems.append(f"lying on the side, but propped up {from_horizontal(pose.torso):.0f} degrees")
    return problems


def check_standing(exercise: Exercise, entry: ExercisePoses) -> Problems:
    """Standing: a foot on the floor, the hips high, no knee, hip or hand on the floor."""
    pose, problems = entry.hold, []
    k = key_points(pose)
    if not feet_on_floor(pose):
        lowest = min(foot_height(pose, "near"), foot_height(pose, "far"))
        problems.append(f"standing, but no foot is on the floor (the lowest is {lowest:.2f} up)")
    if k["pelvis"][1] < 0.55:
        problems.append(f"standing, but the hips are only {k['pelvis'][1]:.2f} high")
    for name in ("pelvis", "near_knee", "far_knee", "near_hand", "far_hand", "head"):
        if k[name][1] - point_radius(name) < 0.05:
            problems.append(f"standing, but the {name} is on the floor")
    return problems


def check_sitting(exercise: Exercise, entry: ExercisePoses) -> Problems:
    """Sitting: the seat rests on a chair or the floor, the back within 60 degrees of upright."""
    pose, problems = entry.hold, []
    if not rests(entry, pose, "pelvis"):
        problems.append(f"sitting, but the seat is {gap(entry, pose, 'pelvis'):.2f} off its support")
    if abs(lower_torso(pose)) > 60:
        problems.append(f"sitting, but the lower back leans {lower_torso(pose):.0f} degrees")
    if any(p.kind == "chair" for p in entry.props) and len(feet_on_floor(pose)) < 2:
        problems.append("sitting on a chair, but the feet are not both on the floor")
    return problems


def check_kneeling(exercise: Exercise, entry: ExercisePoses) -> Problems:
    pose, problems = entry.hold, []
    if not any(rests(entry, pose, f"{s}_knee") for s in ("near", "far")):
        problems.append("kneeling, but no knee is on the floor")
    if abs(lower_torso(pose)) > 30:
        problems.append(f"kneeling upright, but the back leans {lower_torso(pose):.0f} degrees")
    return problems


def check_all_fours(exercise: Exercise, entry: ExercisePoses) -> Problems:
    pose, problems = entry.hold, []
    if not any(rests(entry, pose, f"{s}_{j}") for s in ("near", "far") for j in ("hand", "elbow")):
        problems.append("on all fours, but no hand is on the floor")
    if not any(rests(entry, pose, f"{s}_knee") for s in ("near", "far")):
        problems.append("on all fours, but no knee is on the floor")
    if rests(entry, pose, "pelvis"):
        problems.append("on all fours, but the hips are on the floor")
    return problems


def check_plank(exercise: Exercise, entry: ExercisePoses) -> Problems:
    """A plank (or a pike): hands or forearms and feet on the floor or the ball, hips and knees off it."""
    pose, problems = entry.hold, []
    if not any(rests(entry, pose, f"{s}_{j}") for s in ("near", "far") for j in ("hand", "elbow")):
        problems.append("in a plank, but no hand or elbow is on the floor")
    if not any(rests(entry, pose, f"{s}_{j}") for s in ("near", "far") for j in ("toe", "heel", "ankle")):
        problems.append("in a plank, but no foot is on the floor or the ball")
    for name in ("pelvis", "near_knee", "far_knee"):
        if gap(entry, pose, name) < 0.08:
            problems.append(f"in a plank, but the {name} rests on the floor")
    return problems


def check_hanging(exercise: Exercise, entry: ExercisePoses) -> Problems:
    """Hanging: hands on the bar on straight arms, the hips sunk below standing; the feet as the steps say."""
    pose, problems = entry.hold, []
    bars = [p for p in entry.props_at(1.0) if p.kind == "bar"]
    if not bars:
        return ["hanging, but there is no bar"]
    bar = bars[0]
    centre = (bar.x, bar.y + bar.height)
    k = key_points(pose)
    for side in ("near", "far"):
        d = math.dist(k[f"{side}_hand"], centre)
        if d > bar.width / 2 + point_radius("hand"):
            problems.append(f"hanging, but the {side} hand is {d:.2f} from the bar")
        if abs(elbow_bend(pose, side)) > 20:
            problems.append(f"hanging, but the {side} elbow is bent {elbow_bend(pose, side):.0f} degrees")
    if k["pelvis"][1] > 0.95 - 0.15:
        problems.append(f"hanging, but the hips are at standing height ({k['pelvis'][1]:.2f})")
    feet_down = re.search(r"feet (stay )?on the (ground|floor)", words(exercise))
    if feet_down and not feet_on_floor(pose):
        problems.append("the steps keep the feet on the floor, but they are off it")
    if not feet_down and feet_on_floor(pose):
        problems.append("hanging, but the feet are on the floor")
    return problems


def rule_for(posture: str, check, breaks) -> Rule:
    return Rule(f"posture: {posture}", posture_is(posture), check, breaks)


def _sink_the_plank(entry: ExercisePoses) -> ExercisePoses:
    # The hips dropped to the floor: lying face down with the forearms out in front.
    return replace(entry, hold=Pose(y=0.115, torso=90, neck=90, near_thigh=-90, far_thigh=-90,
                                    near_foot=90, far_foot=90, near_upper_arm=90, far_upper_arm=90))


def _stand_under_the_bar(entry: ExercisePoses) -> ExercisePoses:
    # The old picture: standing straight under the bar, hands up at it.
    return replace(entry, hold=Pose(x=-0.1, y=0.09, anchor="near_ankle",
                                    near_upper_arm=170, far_upper_arm=170))


POSTURE_RULES = [
    rule_for("supine", check_lying, lambda e: raised(e, 0.4)),
    rule_for("prone", check_lying, lambda e: raised(e, 0.4)),
    # The old side-lying picture: propped up on the elbow, chest off the floor.
    rule_for("side_lying", check_lying, lambda e: with_hold(e, torso=72)),
    rule_for("standing", check_standing, lambda e: raised(e, 0.3)),
    rule_for("sitting", check_sitting, lambda e: raised(e, 0.3)),
    rule_for("kneeling", check_kneeling, lambda e: raised(e, 0.3)),
    rule_for("all_fours", check_all_fours, lambda e: raised(e, 0.3)),
    rule_for("plank", check_plank, _sink_the_plank),
    rule_for("hanging", check_hanging, _stand_under_the_bar),
]


# What the steps say -----------------------------------------------------------------

#: Phrases of the steps that say one leg or foot is lifted clear of the other
#: (singular: "lift your legs" lifts both).
ONE_LEG_UP = (
    r"\b(lift|raise)s? (one|your (left|right)|the straight|one straight|the other) (leg|foot)\b",
    r"\blift your (left|right) hand and (left|right) foot\b",
    r"\blift one leg\b",
    r"\blift it, heel toward the ceiling",
    r"\bstraighten one leg out behind you",
    r"\bdraw your (left|right) knee up\b",
    r"\bstand on your (left|right) leg\b",
)


def check_one_leg_up(exercise: Exercise, entry: ExercisePoses) -> Problems:
    near, far = foot_height(entry.hold, "near"), foot_height(entry.hold, "far")
    if abs(near - far) < 0.1:
        return [f"one leg is lifted, but the feet are level (near {near:.2f}, far {far:.2f})"]
    return []


def _level_the_legs(entry: ExercisePoses) -> ExercisePoses:
    p = entry.hold
    return with_hold(entry, far_thigh=p.near_thigh, far_shin=p.near_shin, far_foot=p.near_foot,
                     foreshorten=tuple((k, v) for k, v in p.foreshorten
                                       if "thigh" not in k and "shin" not in k))


def check_knees_to_chest(exercise: Exercise, entry: ExercisePoses) -> Problems:
    """A knee drawn to the chest: that hip folded past a right angle, the knee close to the trunk."""
    pose, k = entry.hold, key_points(entry.hold)
    best = max(("near", "far"), key=lambda s: hip_flexion(pose, s))
    problems = []
    if hip_flexion(pose, best) < 90:
        problems.append(f"the knee goes to the chest, but the hip is bent only "
                        f"{hip_flexion(pose, best):.0f} degrees")
    away = segment_distance(k[f"{best}_knee"], k["pelvis"], k["chest"])
    if away > 0.5:
        problems.append(f"the knee goes to the chest, but it is {away:.2f} from the trunk")
    return problems


def _legs_in_line(entry: ExercisePoses) -> ExercisePoses:
    """The legs straight on in line with the back: no hip bend at all."""
    line = -lower_torso(entry.hold)
    return with_hold(entry, near_thigh=line, far_thigh=line, near_shin=line, far_shin=line, foreshorten=())


def check_hug(exercise: Exercise, entry: ExercisePoses) -> Problems:
    """Knees hugged lying down: the hands on a knee and that shin folded down, not pointing up."""
    pose, k = entry.hold, key_points(entry.hold)
    problems = []
    hugged = [s for s in ("near", "far") if hip_flexion(pose, s) >= 90]
    if not hugged:
        return ["a knee is hugged, but no hip is folded"]
    for hand in ("near_hand", "far_hand"):
        if not any(near_point(pose, hand, f"{s}_knee", 0.1) for s in hugged):
            problems.append(f"the knees are held, but the {hand} is not on a knee")
    for s in hugged:
        if k[f"{s}_ankle"][1] > k[f"{s}_knee"][1] + 0.05:
            problems.append(f"the {s} knee is hugged, but its shin points up")
    return problems


def _straighten_the_hugged_legs(entry: ExercisePoses) -> ExercisePoses:
    # The old knees-to-chest picture: shins pointing up, away from the body.
    return with_hold(entry, near_thigh=-128, near_shin=100, far_thigh=-128, far_shin=100)


def check_hands_on_knee_and_ankle(exercise: Exercise, entry: ExercisePoses) -> Problems:
    pose = entry.hold
    pairs = [("near_hand", "far_hand"), ("far_hand", "near_hand")]
    for a, b in pairs:
        if any(near_point(pose, a, f"{s}_knee", 0.1) and near_point(pose, b, f"{s}_ankle", 0.1)
               for s in ("near", "far")):
            return []
    return ["one hand holds the knee and the other the ankle, but they do not"]


def check_hands_on_hips(exercise: Exercise, entry: ExercisePoses) -> Problems:
    return [f"hands on the hips, but the {h} is not" for h in ("near_hand", "far_hand")
            if not near_point(entry.hold, h, "pelvis", 0.12)]


def check_hands_on_table(exercise: Exercise, entry: ExercisePoses) -> Problems:
    return [f"hands on the table, but the {h} is not" for h in ("near_hand", "far_hand")
            if not (rests(entry, entry.hold, h) and gap(entry, entry.hold, h) > -OVERLAP
                    and key_points(entry.hold)[h][1] > 0.3)]


def check_hands_behind_ears(exercise: Exercise, entry: ExercisePoses) -> Problems:
    return [f"hands behind the ears, but the {h} is not at the head" for h in ("near_hand", "far_hand")
            if not near_point(entry.hold, h, "head", 0.15)]


def check_hands_behind_thigh(exercise: Exercise, entry: ExercisePoses) -> Problems:
    k = key_points(entry.hold)
    thigh = (k["pelvis"], k["near_knee"])
    return [f"the hands hold the back of the thigh, but the {h} is off it" for h in ("near_hand", "far_hand")
            if segment_distance(k[h], *thigh) > 0.13]


def check_elbows_under_shoulders(exercise: Exercise, entry: ExercisePoses) -> Problems:
    k, problems = key_points(entry.hold), []
    for side in ("near", "far"):
        if abs(k[f"{side}_elbow"][0] - k["shoulder"][0]) > 0.12:
            problems.append(f"elbows under the shoulders, but the {side} elbow is "
                            f"{k[f'{side}_elbow'][0] - k['shoulder'][0]:+.2f} from it")
    if not any(rests(entry, entry.hold, f"{s}_elbow") for s in ("near", "far")):
        problems.append("on the forearms, but no elbow is on the floor")
    return problems


def check_hips_lift(exercise: Exercise, entry: ExercisePoses) -> Problems:
    rise = key_points(entry.hold)["pelvis"][1] - key_points(entry.start)["pelvis"][1]
    return [] if rise >= 0.12 else [f"the hips lift, but only by {rise:.2f}"]


def check_bridge_line(exercise: Exercise, entry: ExercisePoses) -> Problems:
    """A bridge: shoulders down, feet planted and, when the steps say so, shoulders, hips and knees in line."""
    pose, k, problems = entry.hold, key_points(entry.hold), []
    if not rests(entry, pose, "chest"):
        problems.append("a bridge, but the shoulders are off the floor")
    if len(feet_on_floor(pose)) < 2:
        problems.append("a bridge, but the feet are not both on the floor")
    if "line up" in words(exercise):
        a = math.atan2(k["pelvis"][1] - k["chest"][1], k["pelvis"][0] - k["chest"][0])
        b = math.atan2(k["near_knee"][1] - k["pelvis"][1], k["near_knee"][0] - k["pelvis"][0])
        if abs(math.degrees(a - b)) > 12:
            problems.append(f"shoulders, hips and knees line up, but bend {math.degrees(a - b):.0f} degrees")
    return problems


def check_hips_down(exercise: Exercise, entry: ExercisePoses) -> Problems:
    return [] if rests(entry, entry.hold, "pelvis") else [
        f"the hips stay on the floor, but are {gap(entry, entry.hold, 'pelvis'):.2f} off it"]


def check_head_hangs(exercise: Exercise, entry: ExercisePoses) -> Problems:
    k = key_points(entry.hold)
    return [] if k["head"][1] < k["shoulder"][1] else ["the head hangs, but it is above the shoulders"]


def check_arms_up(exercise: Exercise, entry: ExercisePoses) -> Problems:
    k = key_points(entry.hold)
    return [f"the arms point at the ceiling, but the {h} is only "
            f"{k[h][1] - k['shoulder'][1]:.2f} above the shoulder"
            for h in ("near_hand", "far_hand") if k[h][1] - k["shoulder"][1] < 0.45]


def check_table_top(exercise: Exercise, entry: ExercisePoses) -> Problems:
    """Table top: a knee over the hip, bent at about a right angle."""
    pose, k = entry.hold, key_points(entry.hold)
    for side in ("near", "far"):
        if abs(k[f"{side}_knee"][0] - k["pelvis"][0]) <= 0.1 and 70 <= knee_bend(pose, side) <= 110:
            return []
    return ["table top, but no knee is over the hip at a right angle"]


def check_hanging_shin(exercise: Exercise, entry: ExercisePoses) -> Problems:
    """Off the table edge: the thigh level with the table, the lower leg hanging near a right angle."""
    p = entry.hold.resolved()
    problems = []
    if from_horizontal(p.near_thigh) > 15:
        problems.append(f"the thigh stays level with the table, but is "
                        f"{from_horizontal(p.near_thigh):.0f} degrees off")
    if abs(wrap_angle(p.near_shin)) > 20:
        problems.append(f"the lower leg hangs, but is {p.near_shin:.0f} degrees from straight down")
    return problems


def check_straight_knee(exercise: Exercise, entry: ExercisePoses) -> Problems:
    """The stretched (near) leg straight."""
    bend = knee_bend(entry.hold, "near")
    return [] if abs(bend) <= 15 else [f"the leg is straight, but its knee is bent {bend:.0f} degrees"]


def check_straight_line(exercise: Exercise, entry: ExercisePoses) -> Problems:
    """A plank: shoulders, hips and the supporting ankle in one line."""
    pose, k = entry.hold, key_points(entry.hold)
    side = "near" if foot_height(pose, "near") <= foot_height(pose, "far") else "far"
    a = math.atan2(k["chest"][1] - k["pelvis"][1], k["chest"][0] - k["pelvis"][0])
    b = math.atan2(k["pelvis"][1] - k[f"{side}_ankle"][1], k["pelvis"][0] - k[f"{side}_ankle"][0])
    bend = wrap_angle(math.degrees(a - b))
    return [] if abs(bend) <= 15 else [f"a straight line, but it bends {bend:.0f} degrees at the hips"]


def check_foot_near_floor(exercise: Exercise, entry: ExercisePoses) -> Problems:
    """One leg lowered until the foot is close to the floor, the other held up."""
    low, high = sorted((foot_height(entry.hold, "near"), foot_height(entry.hold, "far")))
    problems = []
    if low > 0.25:
        problems.append(f"the foot comes close to the floor, but is {low:.2f} above it")
    if high < 0.35:
        problems.append("one leg stays up, but both are low")
    return problems


def check_pencil_lifted(exercise: Exercise, entry: ExercisePoses) -> Problems:
    """The toes grip the pencil and lift it: it rises, under the near toes."""
    pencils = [(a, b) for a, b in zip(entry.props_at(0.0), entry.props_at(1.0)) if a.kind == "pencil"]
    if not pencils:
        return ["a pencil is picked up, but there is none"]
    start, hold = pencils[0]
    problems = []
    if hold.y - start.y < 0.03:
        problems.append("the toes lift the pencil, but it stays on the floor")
    toe = key_points(entry.hold)["near_toe"]
    middle = hold.y + hold.height / 2
    body = ((hold.x - hold.width / 2, middle), (hold.x + hold.width / 2, middle))
    if segment_distance(toe, *body) > point_radius("toe") + hold.height / 2 + 0.03:
        problems.append("the toes grip the pencil, but it is away from them")
    return problems


#: Props the steps name, and the prop kinds that show them.
NAMED_PROPS = (
    (r"\btable\b(?![ -]top)", ("table",)),
    (r"\bchair\b", ("chair",)),
    (r"\bstep, bench or sturdy object\b|\bonto a (step|box|bench)\b", ("step", "box", "bench")),
    (r"\bstability ball\b", ("ball",)),
    (r"\bpull-up bar\b|\bthe bar\b", ("bar",)),
    (r"\bpencil\b(?! toe pick-up)", ("pencil",)),  # not where it names the exercise
)


def named_props(exercise: Exercise) -> list[tuple[str, ...]]:
    return [kinds for pattern, kinds in NAMED_PROPS if re.search(pattern, words(exercise))]


def check_named_props(exercise: Exercise, entry: ExercisePoses) -> Problems:
    """Every prop the steps name is drawn, and the body touches it in the hold."""
    problems = []
    pose, k = entry.hold, key_points(entry.hold)
    for kinds in named_props(exercise):
        props = [p for p in entry.props_at(1.0) if p.kind in kinds]
        if not props:
            problems.append(f"the steps name a {'/'.join(kinds)}, but none is drawn")
        elif kinds[0] not in ("bar", "pencil"):  # the hang and pencil rules check those
            kind = props[0].kind
            if not any(-OVERLAP <= gap(entry, pose, name, only=kind) <= TOUCH for name in k):
                problems.append(f"the steps use the {kind}, but the body does not touch it")
    return problems


STEP_RULES = [
    Rule("one leg lifted", says(*ONE_LEG_UP), check_one_leg_up, _level_the_legs),
    Rule("knee drawn to the chest",
         lambda ex, en: any(re.search(r"\b(knees?|thigh|leg)\b[^.]*\b(to|toward) (your )?chest", s.lower())
                            for s in ex.steps[1:]),
         check_knees_to_chest, _legs_in_line),
    Rule("knees hugged", says(r"hold your knees", r"hug the other thigh"), check_hug,
         _straighten_the_hugged_legs),
    Rule("one hand on the knee, the other on the ankle",
         says(r"hold the knee with one hand and the ankle with the other"),
         check_hands_on_knee_and_ankle, lambda e: with_hold(e, near_upper_arm=0, far_upper_arm=0,
                                                            near_forearm=0, far_forearm=0)),
    Rule("hands on the hips", says(r"hands on your hips"), check_hands_on_hips,
         lambda e: with_hold(e, near_upper_arm=0, near_forearm=0)),
    Rule("hands on the table", says(r"hands on the table"), check_hands_on_table,
         lambda e: with_hold(e, near_upper_arm=0, near_forearm=0)),
    Rule("hands behind the ears", says(r"hands behind your ears"), check_hands_behind_ears,
         lambda e: with_hold(e, near_upper_arm=0, near_forearm=0, foreshorten=())),
    Rule("hands behind the thigh", says(r"hold the back of the thigh with both hands"),
         check_hands_behind_thigh, lambda e: with_hold(e, near_upper_arm=-90, near_forearm=-90)),
    Rule("elbows under the shoulders", says(r"elbows under (your )?shoulders", r"shoulders over elbows"),
         check_elbows_under_shoulders, lambda e: with_hold(e, near_upper_arm=60, far_upper_arm=60)),
    Rule("hips lift", says(r"\b(lift|raise) your hips\b"), check_hips_lift,
         lambda e: replace(e, hold=e.start)),
    Rule("a bridge", lambda ex, en: en.posture == "supine" and bool(re.search(r"lift your hips", words(ex))),
         check_bridge_line, lambda e: with_hold(e, torso=-150)),
    Rule("hips stay on the floor", says(r"hips (staying )?on the floor", r"keeping your hips on the floor"),
         check_hips_down, lambda e: raised(e, 0.2)),
    Rule("head hangs", says(r"head hang", r"let your head hang"), check_head_hangs,
         lambda e: with_hold(e, neck=0, torso=0, spine=0)),
    Rule("arms point at the ceiling", says(r"pointing straight up at the ceiling"), check_arms_up,
         lambda e: with_hold(e, near_upper_arm=90, far_upper_arm=90, near_forearm=90, far_forearm=90)),
    Rule("table top", lambda ex, en: "table top" in words(ex) and "straighten" not in words(ex),
         check_table_top, lambda e: with_hold(e, near_shin=180, far_shin=180)),
    Rule("the lower leg hangs off the table", says(r"lower leg hanging"), check_hanging_shin,
         lambda e: with_hold(e, near_shin=88)),
    Rule("the leg is straight", says(r"straighten the knee", r"keep the back leg straight"),
         check_straight_knee,
         lambda e: with_hold(e, near_shin=wrap_angle(e.hold.resolved().near_thigh - 60))),
    Rule("a straight line", lambda ex, en: "plank" in ex.name.lower() and "straight line" in words(ex),
         check_straight_line, lambda e: with_hold(e, torso=e.hold.torso - 30)),
    Rule("one foot close to the floor", says(r"until the foot is close to the floor"), check_foot_near_floor,
         lambda e: with_hold(e, near_thigh=180, near_shin=90)),
    Rule("the pencil is picked up", says(r"pencil with the toes"), check_pencil_lifted,
         lambda e: replace(e, props=tuple(replace(p, hold_x=None, hold_y=None) for p in e.props))),
    Rule("props the steps name", lambda ex, en: bool(named_props(ex)), check_named_props,
         lambda e: replace(e, props=())),
]

RULES = POSTURE_RULES + STEP_RULES

#: Words of the first step, and the postures of the hold they allow.
POSTURE_WORDS = (
    (r"\blie (face up|on your back)\b", {"supine"}),
    (r"\blie (face down|on your stomach)\b", {"prone", "plank"}),
    (r"\blie on your (right |left )?side\b", {"side_lying", "plank"}),
    (r"\bbelly flat on it\b", {"prone"}),
    (r"\b(hands and knees|all fours)\b", {"all_fours", "plank"}),
    (r"\bhigh plank\b|\bforearm plank\b", {"plank"}),
    (r"\bstand\b", {"standing"}),
    (r"\bput one foot up\b", {"standing"}),
    (r"\bsit\b", {"sitting"}),
    (r"\bkneel\b", {"kneeling"}),
    (r"\bpull-up bar\b", {"hanging"}),
)


def postures_from_words(exercise: Exercise) -> set[str]:
    first = exercise.steps[0].lower() if exercise.steps else ""
    allowed: set[str] = set()
    for pattern, postures in POSTURE_WORDS:
        if re.search(pattern, first):
            allowed |= postures
    return allowed


def problems_of(exercise: Exercise, entry: ExercisePoses) -> Problems:
    return [f"{rule.name}: {p}" for rule in RULES if rule.applies(exercise, entry)
            for p in rule.check(exercise, entry)]


# -- tests ------------------------------------------------------------------------


def test_every_exercise_says_its_posture():
    assert set(POSES) == set(CATALOG.exercises)
    for exercise_id, entry in POSES.items():
        assert entry.posture in POSTURES, exercise_id


def test_the_posture_agrees_with_the_first_step():
    checked = 0
    for exercise_id, entry in POSES.items():
        allowed = postures_from_words(CATALOG.exercise(exercise_id))
        if allowed:
            checked += 1
            assert entry.posture in allowed, (exercise_id, entry.posture, allowed)
    assert checked >= 45  # the words say the posture for nearly every exercise


def test_lying_exercises_are_the_floor_and_table_ones():
    for exercise_id, entry in POSES.items():
        if entry.posture in LYING:
            assert CATALOG.exercise(exercise_id).place in ("floor", "equipment"), exercise_id


@pytest.mark.parametrize("exercise_id", list(CATALOG.exercises))
def test_the_hold_pose_does_what_the_steps_say(exercise_id):
    exercise, entry = CATALOG.exercise(exercise_id), POSES[exercise_id]
    assert any(rule.applies(exercise, entry) for rule in POSTURE_RULES)
    assert problems_of(exercise, entry) == []


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_rule_applies_somewhere_and_can_fail(rule):
    applying = [eid for eid in CATALOG.exercises if rule.applies(CATALOG.exercise(eid), POSES[eid])]
    assert applying, f"{rule.name} applies to no exercise: its words or posture are misspelt"
    for exercise_id in applying:
        exercise = CATALOG.exercise(exercise_id)
        broken = rule.breaks(POSES[exercise_id])
        assert rule.check(exercise, broken), (rule.name, exercise_id)


def test_the_rules_catch_the_pictures_testers_reported():
    """The side-lying leg raise drawn propped up face down with no raised leg, and the
    knees-to-chest with the shins pointing up and the hands off the knees, fail."""
    side = POSES["side-lying-leg-raise"]
    old_side = with_hold(side, torso=72, neck=80, far_thigh=-86, near_thigh=-88)
    problems = problems_of(CATALOG.exercise("side-lying-leg-raise"), old_side)
    assert any("propped up" in p for p in problems)
    assert any("feet are level" in p for p in problems)
    knees = POSES["knee-to-chest"]
    old_knees = with_hold(knees, near_thigh=-128, far_thigh=-128, near_shin=100, far_shin=100,
                          near_upper_arm=150, far_upper_arm=150, near_forearm=150, far_forearm=150)
    problems = problems_of(CATALOG.exercise("knee-to-chest"), old_knees)
    assert any("shin points up" in p for p in problems)
    assert any("not on a knee" in p for p in problems)
    hang = POSES["pull-up-bar-hang"]
    problems = problems_of(CATALOG.exercise("pull-up-bar-hang"), replace(hang, props=()))
    assert any("no bar" in p for p in problems)
