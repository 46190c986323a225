"""Poses as data: every exercise's illustration, loaded and checked from ``assets/poses``.

Every exercise is illustrated by two poses, ``start`` and ``hold`` (the
position held, or the peak of the move), read from ``assets/poses/*.toml``
(the format is documented in ``assets/poses/README.md``). This module parses
and validates the files; the model (:class:`Pose`, :class:`Prop`, the body's
proportions) is ``pose_model``, and the forward kinematics, interpolation and
mirroring are ``pose_kinematics``. Everything here is pure Python; drawing is
``deskbreak/ui/figure.py``'s job. The names of all three modules are
importable from here, which is what the rest of the app uses.

A broken pose file costs the pictures, never the app: :func:`load_poses`
raises :class:`PoseError` naming the file, the exercise and the field, and
:func:`load_poses_or_none` turns that into a warning and no pictures.
"""

from __future__ import annotations

import logging
import math
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Mapping

from deskbreak.core.content.catalog import TARGETS, Catalog, Exercise
from deskbreak.core.content.pose_kinematics import (
    anatomy_problems,
    down_angle,
    feet_above_ground,
    figure_bounds,
    foreshorten_tuple,
    interpolate,
    key_points,
    lowest_point,
    mirror,
    point_radius,
    relative_points,
    swap_side,
    two_bone,
    wrap_angle,
)
from deskbreak.core.content.pose_model import (
    _FORESHORTEN_FREE,
    ANGLE_FIELDS,
    ANGLE_RANGE,
    BAR_UPRIGHT,
    BAR_UPRIGHT_ABOVE,
    CHAIR_BACK,
    CUE_KINDS,
    FACINGS,
    FORESHORTEN_RANGE,
    FORESHORTEN_SEGMENTS,
    GROUND_TOLERANCE,
    HIGHLIGHT_SIDES,
    KEY_POINTS,
    LENGTHS,
    LIMB_SEGMENTS,
    LIMITS,
    NEUTRAL,
    POSITION_RANGE,
    POSTURES,
    PROP_KINDS,
    RADII,
    REACH_EFFECTORS,
    SHRUG_RANGE,
    SIDES,
    VIEWS,
    Cue,
    Pose,
    PoseError,
    Prop,
)

__all__ = [
    # the model
    "ANGLE_FIELDS", "BAR_UPRIGHT", "BAR_UPRIGHT_ABOVE", "CHAIR_BACK", "CUE_KINDS", "FACINGS",
    "KEY_POINTS", "LENGTHS", "LIMB_SEGMENTS", "LIMITS", "NEUTRAL", "POSTURES", "PROP_KINDS",
    "RADII", "SIDES", "VIEWS", "Cue", "Pose", "PoseError", "Prop",
    # kinematics
    "anatomy_problems", "figure_bounds", "interpolate", "key_points", "lowest_point", "mirror",
    "point_radius",
    # loading
    "ExercisePoses", "default_poses_dir", "describe", "load_pose_file", "load_poses",
    "load_poses_or_none", "main", "parse_exercise_poses",
]


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
    #: What the body rests on in the hold pose: a key of ``POSTURES``, or
    #: None when the file does not say.
    posture: str | None = None

    #: ``reach`` entries both poses have, as (effector, start target, hold
    #: target): a key point reached in both stays reached on the way, and a
    #: position moves in a straight line from the start's to the hold's (a
    #: planted hand or foot stays put, or slides along the floor), solved again
    #: at every moment instead of drifting with the interpolated angles.
    kept_reach: tuple[tuple[str, Any, Any], ...] = ()
    #: Feet ``"flat"`` in both poses: level on the way too.
    kept_flat: tuple[str, ...] = ()

    #: Another illustration for the left side, when the steps do that side differently
    #: (a side plank on the left knee); None: the left side is this one, seen from the other side.
    left: "ExercisePoses | None" = None
    #: With a ``via`` pose (passed half way, when the straight way goes through something, as a
    #: knee onto a table top): the move's halves, start to via and via to hold; None: one move.
    halves: "tuple[ExercisePoses, ExercisePoses] | None" = None

    def for_side(self, side: str | None) -> "ExercisePoses":
        """The illustration of ``side`` (right, left or None)."""
        return self.left if side == "left" and self.left is not None else self

    def pose_at(self, t: float) -> Pose:
        if self.halves is not None:
            first, second = self.halves
            return first.pose_at(2 * t) if t < 0.5 else second.pose_at(2 * t - 1)
        pose = interpolate(self.start, self.hold, t)
        if not 0.0 < t < 1.0:
            return pose
        reach = {effector: a if isinstance(a, str) else [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]
                 for effector, a, b in self.kept_reach}
        if pose.y is None:  # a position needs the pose's height; both poses then rest on the ground
            reach = {e: target for e, target in reach.items() if isinstance(target, str)}
        pose = _flatten(pose, self.kept_flat)
        if reach:
            pose = _flatten(_apply_reach(pose, reach, "moving"), self.kept_flat)
        # A placed figure's feet flex rather than sink (one resting on the ground cannot sink).
        return pose if pose.y is None else feet_above_ground(pose, [f"{side}_ankle" for side in SIDES])

    def props_at(self, t: float) -> tuple[Prop, ...]:
        return tuple(p.at(t) for p in self.props)

    def mirrored(self) -> "ExercisePoses":
        """The other side, seen from the same side: near and far limbs swapped."""
        return replace(
            self,
            start=mirror(self.start),
            hold=mirror(self.hold),
            highlight=tuple(swap_side(h, ".") for h in self.highlight),
            cues=tuple(replace(c, at=swap_side(c.at, "_")) for c in self.cues),
            halves=None if self.halves is None else (self.halves[0].mirrored(), self.halves[1].mirrored()),
        )

# -- reaching --------------------------------------------------------------------


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
        rel = relative_points(pose)
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
            angle = wrap_angle(down_angle((goal[0] - root[0], goal[1] - root[1])))
            pose = replace(pose, **{f"{side}_{limb[0]}": angle})
            continue
        lower_len = LENGTHS[limb[1]] * f(f"{side}_{limb[1]}")
        if joint == "hand":
            lower_len += LENGTHS["hand_offset"]
        bend = -1.0 if limb[0] == "thigh" else 1.0
        if min(f(f"{side}_{limb[0]}"), f(f"{side}_{limb[1]}")) < _FORESHORTEN_FREE:
            # A limb pointing out of the picture (an elbow out to the side) may show its joint either
            # side of the line to its target: keep the side its angles give (not through the floor).
            drawn = wrap_angle(pose.angle(f"{side}_{limb[1]}") - pose.angle(f"{side}_{limb[0]}"))
            if drawn * bend < 0:
                bend = -bend
        first, second = two_bone(root, goal, upper_len, lower_len, bend)
        pose = replace(pose, **{f"{side}_{limb[0]}": first, f"{side}_{limb[1]}": second})
    return pose


# -- loading -------------------------------------------------------------------


def default_poses_dir() -> Path:
    """``assets/poses`` of this installation."""
    from deskbreak.core.content.assets import asset_path

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
        from deskbreak.core.content.catalog import load_catalog

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


def load_poses_or_none(catalog=None) -> dict:
    """The figures' poses, or {} with a warning: a broken pose file costs the pictures, never the app."""
    try:
        return load_poses(catalog=catalog)
    except PoseError as error:
        logging.getLogger("deskbreak").warning("%s; showing exercises without pictures", error)
        return {}


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


_EXERCISE_KEYS = ("exercise", "posture", "start", "via", "hold", "left", "props", "highlight", "facing", "view",
                  "anchor", "cues")


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
    posture = raw.get("posture")
    if posture is not None and posture not in POSTURES:
        raise _FieldError("posture", _unknown(str(posture), POSTURES, "posture"))
    highlight = _parse_highlight(raw.get("highlight"), exercise)
    props = _parse_props(raw.get("props", []))
    cues = _parse_cues(raw.get("cues", []))
    kept_reach, kept_flat = _kept(raw["start"], raw["hold"])
    if "left" in raw:
        sides = raw["left"]
        if not isinstance(sides, dict) or set(sides) != {"start", "hold"}:
            raise _FieldError("left", "must be a table with the left side's own start and hold poses, "
                                      "like left = { start = { ... }, hold = { ... } }")
        named = {f"left.{which}": sides[which] for which in ("start", "hold")}
        left_start, left_hold = (_parse_pose(named, f"left.{which}", anchor) for which in ("start", "hold"))
        left_kept, left_flat = _kept(sides["start"], sides["hold"])
    entry = ExercisePoses(
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
        posture=posture,
        kept_reach=kept_reach,
        kept_flat=kept_flat,
    )
    if "via" in raw:
        via, tables = _parse_pose(raw, "via", anchor), (raw["start"], raw["via"], raw["hold"])
        entry = replace(entry, halves=tuple(replace(entry, start=a, hold=b, kept_reach=k[0], kept_flat=k[1]) for a, b, k in (
            (start, via, _kept(*tables[:2])), (via, hold, _kept(*tables[1:])))))
    if "left" in raw:
        entry = replace(entry, left=replace(entry, start=left_start, hold=left_hold, kept_reach=left_kept, halves=None,
                                            kept_flat=left_flat))
    return entry


def _kept(start: Mapping[str, Any], hold: Mapping[str, Any]) -> tuple[tuple, tuple[str, ...]]:
    """The reach targets and flat feet both poses share (both are already validated)."""
    reach_start, reach_hold = start.get("reach", {}), hold.get("reach", {})
    def point(target: Any) -> Any:
        return target if isinstance(target, str) else (float(target[0]), float(target[1]))

    kept_reach = tuple(sorted(
        (effector, point(a), point(reach_hold[effector])) for effector, a in reach_start.items()
        if effector in reach_hold and (a == reach_hold[effector] or not isinstance(a, str) and not isinstance(
            reach_hold[effector], str))))

    def flat(table: Mapping[str, Any]) -> set[str]:
        both = {f"{side}_foot" for side in SIDES} if table.get("foot") == "flat" else set()
        return {f for f in both if f not in table} | {f"{s}_foot" for s in SIDES if table.get(f"{s}_foot") == "flat"}

    return kept_reach, tuple(sorted(flat(start) & flat(hold)))


def _unknown(value: str, choices: Iterable[str], what: str) -> str:
    choices = list(choices)
    import difflib  # noqa: PLC0415  (only for a misspelt name in a pose file)

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
            values["foreshorten"] = foreshorten_tuple(factors)
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
    return replace(pose, **{foot: wrap_angle(pose.angle(foot.replace("foot", "shin"))) for foot in feet})


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


_PROP_KEYS = ("kind", "x", "y", "width", "height", "flip", "via", "hold")
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
        for moment, position in ((m, item[m]) for m in ("via", "hold") if m in item):  # half way, in the hold
            if not isinstance(position, dict) or not set(position) <= {"x", "y"}:
                raise _FieldError(f"{where}.{moment}", f"must be a table like {{ x = 0.5 }}, got {position!r}")
            for key in (k for k in ("x", "y") if k in position):
                values[f"{moment}_{key}"] = _number(position[key], f"{where}.{moment}.{key}", POSITION_RANGE)
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
    """``python -m deskbreak.core.content.poses [ID ...]``: validate and print key points."""
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

