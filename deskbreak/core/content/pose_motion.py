"""The figure in motion, as numbers: sampled moments of every exercise and side.

The figure widget eases each exercise from its start pose to its hold pose
(and every rep travels that path out and back). This module samples that path
with the same kinematics the painter draws with (``pose_kinematics``), as the
picture shows it: on the left side of a ``per_side`` exercise the picture is
flipped, so ``x`` is negated and the near limbs are the left ones. Positions
are in figure units, which are metres (the standing figure is 1.8 tall), the
floor at ``y = 0``. ``deskbreak catalog --poses-json`` prints it and
``pose_checks`` judges it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from deskbreak.core.content.catalog import Catalog
from deskbreak.core.content.pose_kinematics import key_points, point_radius
from deskbreak.core.content.pose_model import RADII, THIGH_ROOT, Pose, Prop
from deskbreak.core.content.poses import ExercisePoses
from deskbreak.core.content.user_exercises import figure_of

#: (from, to) key points the drawn body spans between; a limb is solid all along.
BODY_SEGMENTS = (
    ("pelvis", "waist"), ("waist", "chest"), ("chest", "neck"), ("neck", "head"),
    *((f"{side}_{a}", f"{side}_{b}") for side in ("near", "far") for a, b in (
        ("knee", "ankle"), ("ankle", "heel"), ("ankle", "toe"), ("heel", "toe"),
        ("elbow", "wrist"), ("wrist", "hand"))),
    *((a, f"{side}_{b}") for side in ("near", "far") for a, b in (("pelvis", "knee"), ("shoulder", "elbow"))),
)


@dataclass(frozen=True)
class Moment:
    """The figure ``t`` of the way from start to hold, as drawn for ``side``."""

    exercise: str
    side: str | None
    t: float
    pose: Pose
    #: Key point -> (x, y), named as drawn (``near_knee``), x as on screen.
    points: dict[str, tuple[float, float]]
    props: tuple[Prop, ...]
    #: Which of the body's sides the near limbs are ("right" or "left").
    near_is: str

    def anatomical(self, name: str) -> str:
        """ "near_knee" -> "right_knee" on a figure whose near side is its right."""
        far_is = "left" if self.near_is == "right" else "right"
        if name.startswith("near_"):
            return f"{self.near_is}_{name[5:]}"
        if name.startswith("far_"):
            return f"{far_is}_{name[4:]}"
        return name


def exercise_sides(catalog: Catalog, exercise_id: str) -> tuple[str | None, ...]:
    """The sides the guide shows an exercise on: right then left, or just one picture."""
    exercise = catalog.exercises.get(exercise_id)
    return ("right", "left") if exercise is not None and exercise.per_side else (None,)


def is_flipped(poses: ExercisePoses, side: str | None) -> bool:
    """Whether the picture is drawn flipped left to right (as ``paint_exercise`` decides)."""
    return (poses.facing == "left") != (side == "left")


def _flip_prop(prop: Prop) -> Prop:
    from dataclasses import replace

    return replace(prop, x=-prop.x, flip=not prop.flip)


def moment(poses: ExercisePoses, side: str | None, t: float) -> Moment:
    poses = poses.for_side(side)
    pose = poses.pose_at(t)
    points = key_points(pose)
    props = poses.props_at(t)
    flipped = is_flipped(poses, side)
    if flipped:
        points = {name: (-x, y) for name, (x, y) in points.items()}
        props = tuple(_flip_prop(p) for p in props)
    return Moment(poses.exercise, side, t, pose, points, props, "left" if flipped else "right")


def sample_times(count: int) -> list[float]:
    """``count`` moments from the start (0) to the hold (1), both included."""
    if count < 2:
        return [1.0]
    return [i / (count - 1) for i in range(count)]


def moments(poses: ExercisePoses, side: str | None, count: int) -> Iterator[Moment]:
    for t in sample_times(count):
        yield moment(poses, side, t)


def body_samples(m: Moment, step: float = 0.04) -> Iterator[tuple[str, tuple[float, float], float]]:
    """(name, centre, half-thickness) along the whole drawn body, every ``step`` or closer."""
    for name, p in m.points.items():
        yield name, p, point_radius(name)
    for a, b in BODY_SEGMENTS:
        pa, pb = m.points[a], m.points[b]
        # Limbs are drawn from a narrower root than the torso they hang from.
        ra = THIGH_ROOT if b.endswith("knee") else RADII["shoulder"] if b.endswith("elbow") else point_radius(a)
        rb = point_radius(b)
        length = ((pb[0] - pa[0]) ** 2 + (pb[1] - pa[1]) ** 2) ** 0.5
        pieces = max(1, int(length / step))
        for i in range(1, pieces):
            k = i / pieces
            yield (f"{a}-{b}", (pa[0] + (pb[0] - pa[0]) * k, pa[1] + (pb[1] - pa[1]) * k), ra + (rb - ra) * k)


def prop_box(prop: Prop) -> dict[str, Any] | None:
    bounds = prop.bounds()
    if bounds is None:
        return None
    left, bottom, right, top = (round(v, 4) for v in bounds)
    return {"kind": prop.kind, "left": left, "bottom": bottom, "right": right, "top": top}


def moment_json(m: Moment) -> dict[str, Any]:
    return {
        "t": round(m.t, 4),
        "joints": {m.anatomical(name): [round(x, 4), round(y, 4)] for name, (x, y) in m.points.items()},
        "props": [box for box in map(prop_box, m.props) if box is not None],
    }


def poses_json(catalog: Catalog, poses: dict[str, ExercisePoses], count: int = 11) -> list[dict[str, Any]]:
    """Every illustrated exercise and side, with ``count`` moments from start to hold."""
    out = []
    for exercise in catalog.exercises.values():
        entry = figure_of(poses, exercise)
        if entry is None:
            continue
        for side in exercise_sides(catalog, exercise.id):
            sampled = list(moments(entry, side, count))
            out.append({
                "exercise": exercise.id,
                "side": side,
                "near_is": sampled[0].near_is,
                "units": "metres, floor at y = 0, x to the right of the picture",
                "reps": exercise.reps.as_list() if exercise.reps else None,
                # Each rep moves out along these moments and back again.
                "moments": [moment_json(m) for m in sampled],
            })
    return out
