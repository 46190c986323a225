"""The checks of the figure in motion find what a physiotherapist would not sign."""

from __future__ import annotations

from dataclasses import replace

import pytest

from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.content.pose_checks import (
    carried_faults,
    exercise_faults,
    held_faults,
    moment_faults,
    planted_faults,
    side_faults,
    supported_faults,
)
from deskbreak.core.content.pose_motion import moment, moments
from deskbreak.core.content.poses import (
    ExercisePoses,
    Pose,
    PoseError,
    Prop,
    key_points,
    load_pose_file,
    load_poses,
)

STANDING = Pose(y=0.95)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def figure(start: Pose, hold: Pose, props=(), exercise="walk-around", highlight=()) -> ExercisePoses:
    return ExercisePoses(exercise=exercise, start=start, hold=hold, props=tuple(props), highlight=highlight)


def checks(entry: ExercisePoses, t: float) -> list[str]:
    return [f.check + ": " + f.detail for f in moment_faults(moment(entry, None, t))]


def test_a_figure_that_sinks_into_the_floor_is_found_with_how_deep():
    sinking = figure(STANDING, replace(STANDING, y=0.8))
    assert checks(sinking, 0.0) == []
    assert checks(sinking, 1.0) == ["below the floor: right_heel 15 cm under the floor"]


def test_an_elbow_bending_past_straight_on_the_way_is_found():
    folding = figure(STANDING, replace(STANDING, near_upper_arm=90, near_forearm=30))
    found = checks(folding, 0.5)
    assert len(found) == 1 and found[0].startswith("joint: right_forearm: the elbow bend") and "-30" in found[0]


def test_a_body_inside_a_box_is_found_and_one_beside_it_is_not():
    box = Prop("box", x=0.1, width=0.3, height=0.5)
    assert checks(figure(STANDING, STANDING, [box]), 1.0)[0].startswith("inside the box: ")
    assert checks(figure(STANDING, STANDING, [replace(box, x=0.5)]), 1.0) == []


def test_a_planted_foot_that_lifts_on_the_way_is_found():
    standing = figure(STANDING, STANDING)
    lifted = figure(STANDING, replace(STANDING, y=1.05))
    sampled = [moment(standing, None, 0.0), moment(lifted, None, 1.0), moment(standing, None, 1.0)]
    found = {f.detail for f in planted_faults(standing, None, sampled)}
    assert "right_heel 10 cm off its support" in found and "left_toe 10 cm off its support" in found
    assert list(planted_faults(standing, None, list(moments(standing, None, 5)))) == []


def test_a_body_held_up_only_by_its_toe_tips_is_floating():
    limbs = {f"{side}_{segment}": angle for side in ("near", "far")
             for segment, angle in (("thigh", -84), ("upper_arm", 0), ("forearm", 90), ("foot", 60))}
    on_toes = figure(Pose(y=0.35, torso=84, **limbs), Pose(y=0.35, torso=84, **limbs))
    found = list(supported_faults(on_toes, None, moment(on_toes, None, 0.0)))
    assert [f.check for f in found] == ["floating"]
    assert list(supported_faults(figure(STANDING, STANDING), None, moment(figure(STANDING, STANDING), None, 0.0))) == []


def test_the_side_drawn_must_be_the_side_the_steps_name(catalog):
    kneeling = load_poses(catalog=catalog)["kneeling-hip-flexor-stretch"]
    exercise = catalog.exercise("kneeling-hip-flexor-stretch")
    assert "Kneel on your left knee" in exercise.steps[0]
    hold = moment(kneeling, "right", 1.0)
    down = [n for n in ("near_knee", "far_knee") if hold.points[n][1] < 0.07]
    # Whichever knee the data puts down, saying the other one is a fault.
    other = "right" if hold.anatomical(down[0]).startswith("left") else "left"
    told = replace(exercise, steps=(exercise.steps[0].replace("left knee", f"{other} knee"),))
    assert [f.check for f in side_faults(told, kneeling, "right")] == ["side"]
    near = replace(kneeling, facing="right", highlight=("hip_flexors.near",))  # the right hip, on the right side
    says_left = replace(exercise, steps=("Feel the stretch at the front of the left hip.",))
    says_right = replace(exercise, steps=("Feel the stretch at the front of the right hip.",))
    assert [f.detail for f in side_faults(says_left, near, "right")] == [
        "the steps stretch the left hip; the picture highlights the right side"]
    assert list(side_faults(says_right, near, "right")) == []
    assert list(side_faults(says_right, near, "left")) == []  # the left side does the mirror of the words


def test_every_moment_of_the_move_is_looked_at_on_both_sides(catalog):
    entry = figure(STANDING, replace(STANDING, y=0.8), exercise="split-hip-stretch")
    faults = exercise_faults(catalog, entry)
    assert {f.side for f in faults} == {"right", "left"}
    assert len({f.t for f in faults if f.check == "below the floor"}) >= 30


def test_a_hand_or_foot_both_poses_reach_for_stays_there_on_the_way(catalog):
    bridge = load_poses(catalog=catalog)["glute-bridge"]
    assert ("near_ankle", (0.45, 0.09), (0.45, 0.09)) in bridge.kept_reach
    for t in (0.1, 0.3, 0.5, 0.7, 0.9):
        assert key_points(bridge.pose_at(t))["near_ankle"] == pytest.approx((0.45, 0.09), abs=1e-6), t


def test_a_placed_foot_slides_in_a_straight_line_and_never_sinks(catalog):
    dog = load_poses(catalog=catalog)["downward-dog"]
    start, hold = key_points(dog.start)["near_ankle"], key_points(dog.hold)["near_ankle"]
    for t in (0.1, 0.3, 0.5, 0.7, 0.9):
        points = key_points(dog.pose_at(t))
        assert points["near_ankle"] == pytest.approx(
            (start[0] + (hold[0] - start[0]) * t, start[1] + (hold[1] - start[1]) * t), abs=1e-3)
        assert min(points["near_toe"][1], points["near_heel"][1]) >= 0.03 - 1e-6, t  # their centres, 0.03 up


def test_a_side_the_steps_do_differently_has_its_own_poses(catalog):
    side_plank = load_poses(catalog=catalog)["side-plank"]
    assert side_plank.for_side("right") is side_plank and side_plank.for_side(None) is side_plank
    left = side_plank.for_side("left")
    assert left.hold != side_plank.hold and left.highlight == side_plank.highlight
    on_knee = moment(side_plank, "left", 1.0)
    assert on_knee.points["near_knee"][1] == pytest.approx(0.058, abs=0.01)  # the left knee down (near, flipped)
    assert on_knee.near_is == "left"


def test_a_left_side_without_both_poses_is_named_in_the_error(catalog, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[pose]]\nexercise = "side-plank"\nstart = {}\nhold = {}\nleft = { hold = {} }\n')
    with pytest.raises(PoseError, match=r"bad.toml: exercise 'side-plank': field 'left': must be a table with the "
                                        r"left side's own start and hold"):
        load_pose_file(bad, catalog)


def test_a_prop_that_carries_the_body_at_both_ends_carries_it_on_the_way():
    on_box = replace(STANDING, y=0.95 + 0.5)
    box = Prop("box", x=0.0, width=0.6, height=0.5)
    steady = figure(on_box, on_box, [box])
    rolling_away = figure(on_box, on_box, [replace(box, via_x=0.9)])
    assert list(carried_faults(steady, None, list(moments(steady, None, 11)))) == []
    found = list(carried_faults(rolling_away, None, list(moments(rolling_away, None, 11))))
    assert [(f.check, f.t, f.detail) for f in found] == [("leaves its support", 0.5, "the left lower leg, right lower leg 40 cm off the box")]


def test_a_pencil_must_be_gripped_under_the_toes_by_its_middle():
    toe_x = key_points(STANDING)["near_toe"][0]
    under = Prop("pencil", x=toe_x, width=0.2, height=0.0)  # its top at the toe's underside
    ahead = replace(under, x=toe_x + 0.12)  # balanced on the toe tip, ahead of the foot
    gripped, balanced = figure(STANDING, STANDING, [under]), figure(STANDING, STANDING, [ahead])
    assert list(held_faults(gripped, moment(gripped, None, 1.0))) == []
    found = list(held_faults(balanced, moment(balanced, None, 1.0)))
    assert [f.check for f in found] == ["held prop"] and "12 cm from its middle" in found[0].detail
