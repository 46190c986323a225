"""Poses as data: loading, validation, forward kinematics, interpolation, mirroring."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.content.poses import (
    ANGLE_FIELDS,
    KEY_POINTS,
    LIMB_SEGMENTS,
    NEUTRAL,
    PROP_KINDS,
    Pose,
    PoseError,
    anatomy_problems,
    default_poses_dir,
    describe,
    figure_bounds,
    interpolate,
    key_points,
    load_poses,
    lowest_point,
    main,
    mirror,
    point_radius,
)

CORE_EXAMPLES = (
    "walk-around",
    "shoulder-circles",
    "split-hip-stretch",
    "lower-back-table-stretch",
    "seated-upper-back-stretch",
    "forward-fold",
    "glute-bridge",
    "bird-dog",
    "knee-to-chest",
    "plank",
)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def poses(catalog):
    return load_poses(catalog=catalog)


def write(tmp_path: Path, text: str, name: str = "poses.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_error(tmp_path: Path, catalog, text: str) -> str:
    write(tmp_path, text)
    with pytest.raises(PoseError) as info:
        load_poses(tmp_path, catalog)
    return str(info.value)


# -- the shipped poses -----------------------------------------------------------


def test_the_core_examples_load_and_validate(poses, catalog):
    assert set(CORE_EXAMPLES) <= set(poses)
    for exercise_id, entry in poses.items():
        assert exercise_id in catalog.exercises
        assert entry.exercise == exercise_id
        assert entry.name == catalog.exercise(exercise_id).name
        assert entry.highlight, exercise_id
        assert entry.facing in ("right", "left") and entry.view == "side"
        for pose in (entry.start, entry.hold):
            assert not anatomy_problems(pose), exercise_id
            for x, y in key_points(pose).values():
                assert math.isfinite(x) and math.isfinite(y)
            # Nothing sinks into the ground.
            assert figure_bounds(pose)[1] > -0.031, exercise_id


def test_the_default_folder_and_catalog_are_used_when_not_given(poses):
    assert default_poses_dir().joinpath("README.md").is_file()
    assert set(load_poses()) == set(poses)


def test_highlight_defaults_to_the_catalog_targets(tmp_path, catalog):
    write(tmp_path, '[[pose]]\nexercise = "plank"\nstart = {}\nhold = { torso = 10 }\n')
    entry = load_poses(tmp_path, catalog)["plank"]
    assert entry.highlight == catalog.exercise("plank").targets
    assert entry.start == NEUTRAL
    assert entry.source == tmp_path / "poses.toml"


def test_the_shipped_examples_put_feet_and_hands_where_the_steps_say(poses):
    # Split hip stretch: front foot flat on the box, back toe on the ground.
    split = poses["split-hip-stretch"]
    box = split.props[0]
    for pose in (split.start, split.hold):
        k = key_points(pose)
        assert k["far_heel"][1] == pytest.approx(box.height + 0.03, abs=0.01)
        assert k["far_toe"][1] == pytest.approx(box.height + 0.03, abs=0.01)
        assert box.x - box.width / 2 < k["far_heel"][0] < k["far_toe"][0] < box.x + box.width / 2
        assert k["near_toe"][1] == pytest.approx(0.03, abs=0.005)
    # Glute bridge: feet stay planted, shoulders and head stay down, hips go up.
    bridge = poses["glute-bridge"]
    start, hold = key_points(bridge.start), key_points(bridge.hold)
    assert start["near_ankle"] == pytest.approx(hold["near_ankle"], abs=1e-6)
    assert hold["pelvis"][1] > start["pelvis"][1] + 0.15
    assert hold["head"][1] - point_radius("head") == pytest.approx(0.0, abs=0.03)
    # Forward fold: the feet do not slide, the head ends up below the hips.
    fold = poses["forward-fold"]
    for t in (0.0, 0.3, 0.7, 1.0):
        assert key_points(fold.pose_at(t))["near_ankle"][0] == pytest.approx(0.0, abs=1e-9)
    hold = key_points(fold.hold)
    assert hold["head"][1] < hold["pelvis"][1] - 0.3
    # Knees to chest: knees end up above the chest side of the hips.
    knees = key_points(poses["knee-to-chest"].hold)
    assert knees["near_knee"][1] > knees["pelvis"][1] + 0.2
    assert knees["near_knee"][0] < knees["pelvis"][0]


# -- validation ------------------------------------------------------------------


def test_an_unknown_joint_names_file_exercise_and_field(tmp_path, catalog):
    message = load_error(tmp_path, catalog,
                         '[[pose]]\nexercise = "plank"\nstart = { nek = 10 }\nhold = {}\n')
    assert str(tmp_path / "poses.toml") in message
    assert "exercise 'plank'" in message
    assert "field 'start.nek'" in message
    assert "did you mean 'neck'" in message


def test_an_angle_out_of_range_names_the_field(tmp_path, catalog):
    message = load_error(tmp_path, catalog,
                         '[[pose]]\nexercise = "plank"\nstart = {}\nhold = { torso = 200 }\n')
    assert "exercise 'plank'" in message and "field 'hold.torso'" in message
    assert "out of range -180..180" in message


def test_a_non_number_angle_is_rejected(tmp_path, catalog):
    message = load_error(tmp_path, catalog,
                         '[[pose]]\nexercise = "plank"\nstart = { thigh = "bent" }\nhold = {}\n')
    assert "field 'start.thigh'" in message and "must be a number" in message


def test_an_exercise_the_catalog_does_not_have(tmp_path, catalog):
    message = load_error(tmp_path, catalog,
                         '[[pose]]\nexercise = "plonk"\nstart = {}\nhold = {}\n')
    assert "exercise 'plonk'" in message and "field 'exercise'" in message
    assert "did you mean 'plank'" in message


def test_a_missing_hold_pose(tmp_path, catalog):
    message = load_error(tmp_path, catalog, '[[pose]]\nexercise = "plank"\nstart = {}\n')
    assert str(tmp_path / "poses.toml") in message
    assert "exercise 'plank'" in message and "field 'hold'" in message and "required" in message


def test_a_missing_start_pose(tmp_path, catalog):
    message = load_error(tmp_path, catalog, '[[pose]]\nexercise = "plank"\nhold = {}\n')
    assert "field 'start'" in message


def test_a_knee_bending_the_wrong_way(tmp_path, catalog):
    message = load_error(tmp_path, catalog,
                         '[[pose]]\nexercise = "plank"\nstart = {}\nhold = { thigh = 0, shin = 40 }\n')
    assert "field 'hold.near_shin'" in message and "knee" in message


def test_an_elbow_bending_the_wrong_way(tmp_path, catalog):
    message = load_error(
        tmp_path, catalog,
        '[[pose]]\nexercise = "plank"\nstart = {}\nhold = { near_upper_arm = 0, near_forearm = -45 }\n')
    assert "field 'hold.near_forearm'" in message and "elbow" in message


def test_a_pose_sinking_into_the_ground(tmp_path, catalog):
    message = load_error(tmp_path, catalog,
                         '[[pose]]\nexercise = "plank"\nstart = { y = 0.5 }\nhold = {}\n')
    assert "field 'start.y'" in message and "below the ground" in message


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ('props = [{ kind = "trampoline" }]', "props[0].kind"),
        ('props = [{ kind = "table", colour = "red" }]', "props[0].colour"),
        ('props = [{ kind = "table", height = -1 }]', "props[0].height"),
        ('highlight = ["biceps"]', "highlight"),
        ('highlight = ["glutes.left"]', "highlight"),
        ('facing = "up"', "facing"),
        ('view = "front"', "view"),
        ('anchor = "elbow"', "anchor"),
        ('cues = [{ kind = "spiral", at = "shoulder" }]', "cues[0].kind"),
        ('cues = [{ kind = "path", at = "nose" }]', "cues[0].at"),
        ('colour = "blue"', "colour"),
        ('posture = "lying"', "posture"),
    ],
)
def test_bad_exercise_fields_name_the_field(tmp_path, catalog, extra, field):
    message = load_error(tmp_path, catalog,
                         f'[[pose]]\nexercise = "plank"\n{extra}\nstart = {{}}\nhold = {{}}\n')
    assert "exercise 'plank'" in message
    assert f"field '{field}'" in message


@pytest.mark.parametrize(
    ("hold", "field"),
    [
        ('{ reach = { near_nose = "pelvis" } }', "hold.reach.near_nose"),
        ('{ reach = { near_hand = "moon" } }', "hold.reach.near_hand"),
        ('{ reach = { near_hand = [0.3, 0.5] } }', "hold.reach.near_hand"),  # needs y
        ('{ reach = { near_hand = "near_elbow" } }', "hold.reach.near_hand"),
        ('{ foreshorten = { near_tail = 0.5 } }', "hold.foreshorten.near_tail"),
        ('{ foreshorten = { shin = 0.05 } }', "hold.foreshorten.shin"),
        ('{ shrug = 0.5 }', "hold.shrug"),
        ('{ spine = 120 }', "hold.spine"),
        ('{ foot = "pointy" }', "hold.foot"),
    ],
)
def test_bad_pose_fields_name_the_field(tmp_path, catalog, hold, field):
    message = load_error(tmp_path, catalog,
                         f'[[pose]]\nexercise = "plank"\nstart = {{}}\nhold = {hold}\n')
    assert f"field '{field}'" in message


def test_an_exercise_illustrated_twice(tmp_path, catalog):
    entry = '[[pose]]\nexercise = "plank"\nstart = {}\nhold = {}\n'
    write(tmp_path, entry, "a.toml")
    write(tmp_path, entry, "b.toml")
    with pytest.raises(PoseError, match=r"b\.toml: exercise 'plank'.*already given in .*a\.toml"):
        load_poses(tmp_path, catalog)


def test_unreadable_files_and_tables(tmp_path, catalog):
    write(tmp_path, "[[pose]\n")
    with pytest.raises(PoseError, match="cannot read pose file"):
        load_poses(tmp_path, catalog)
    write(tmp_path, '[[exercise]]\nid = "plank"\n')
    with pytest.raises(PoseError, match="unknown top-level"):
        load_poses(tmp_path, catalog)
    with pytest.raises(PoseError, match="not found"):
        load_poses(tmp_path / "nowhere", catalog)


# -- key points ------------------------------------------------------------------


def test_the_neutral_pose_stands_on_the_ground():
    k = key_points(NEUTRAL)
    assert set(k) == set(KEY_POINTS)
    assert k["head"][1] > k["neck"][1] > k["chest"][1] > k["waist"][1] > k["pelvis"][1]
    assert k["pelvis"][1] > k["near_knee"][1] > k["near_ankle"][1] > 0
    for side in ("near", "far"):
        for foot in ("heel", "toe"):
            assert k[f"{side}_{foot}"][1] - point_radius(foot) == pytest.approx(0.0, abs=1e-9)
        assert k[f"{side}_toe"][0] > k[f"{side}_heel"][0]  # toes point forward
        assert k[f"{side}_hand"][1] < k[f"{side}_elbow"][1] < k["shoulder"][1]
    left, bottom, right, top = figure_bounds(NEUTRAL)
    assert bottom == pytest.approx(0.0, abs=1e-9)
    assert top == pytest.approx(1.8, abs=0.01)
    assert lowest_point(NEUTRAL)[0].endswith(("heel", "toe"))


def test_angles_turn_segments_the_documented_way():
    # Thigh 90 points forward; torso -90 lies with the head behind; foot 90 points the toes.
    k = key_points(Pose(y=1.0, near_thigh=90, near_foot=90))
    assert k["near_knee"][0] == pytest.approx(0.43) and k["near_knee"][1] == pytest.approx(1.0)
    assert k["near_toe"][0] > k["near_ankle"][0] and k["near_toe"][1] < k["near_ankle"][1] + 0.1
    lying = key_points(Pose(torso=-90))
    assert lying["head"][0] < lying["pelvis"][0]
    assert lying["head"][1] == pytest.approx(lying["pelvis"][1], abs=1e-9)
    arm_up = key_points(Pose(near_upper_arm=180))
    assert arm_up["near_hand"][1] > arm_up["head"][1]


def test_the_anchor_and_y_place_the_figure():
    pose = Pose(x=0.5, y=0.2, anchor="near_hand", near_upper_arm=30)
    assert key_points(pose)["near_hand"] == pytest.approx((0.5, 0.2))


def test_reach_puts_a_hand_on_a_knee_and_bends_joints_the_right_way(tmp_path, catalog):
    write(tmp_path, '[[pose]]\nexercise = "plank"\nstart = {}\n'
                    'hold = { y = 0.55, torso = 35, thigh = 90, foot = "flat", '
                    'reach = { near_hand = "near_knee", near_ankle = [0.45, 0.09] } }\n')
    hold = load_poses(tmp_path, catalog)["plank"].hold
    k = key_points(hold)
    assert math.dist(k["near_hand"], k["near_knee"]) < 1e-6
    assert k["near_ankle"] == pytest.approx((0.45, 0.09), abs=1e-6)
    assert k["near_heel"][1] == pytest.approx(k["near_toe"][1], abs=1e-9)  # "flat"
    assert not anatomy_problems(hold)


# -- interpolation and mirroring ---------------------------------------------------

angles = st.floats(min_value=-179.0, max_value=179.0, allow_nan=False)


@st.composite
def poses_strategy(draw):
    values = {name: draw(angles) for name in ANGLE_FIELDS if name != "spine"}
    values["spine"] = draw(st.floats(min_value=-60, max_value=90))
    values["x"] = draw(st.floats(min_value=-1, max_value=1))
    values["y"] = draw(st.one_of(st.none(), st.floats(min_value=0, max_value=2)))
    values["shrug"] = draw(st.floats(min_value=-0.05, max_value=0.1))
    short = draw(st.dictionaries(st.sampled_from([f"near_{s}" for s in LIMB_SEGMENTS]
                                                 + [f"far_{s}" for s in LIMB_SEGMENTS]),
                                 st.floats(min_value=0.15, max_value=0.99), max_size=3))
    values["foreshorten"] = tuple(sorted(short.items()))
    return Pose(**values)


@settings(max_examples=60, deadline=None)
@given(poses_strategy(), poses_strategy())
def test_interpolation_ends_on_its_poses(a, b):
    assert interpolate(a, b, 0) == a
    assert interpolate(a, b, 1) == b
    middle = interpolate(a, b, 0.5)
    for x, y in key_points(middle).values():
        assert math.isfinite(x) and math.isfinite(y)


@settings(max_examples=60, deadline=None)
@given(poses_strategy())
def test_mirroring_twice_is_the_identity(pose):
    assert mirror(mirror(pose)) == pose


def test_interpolation_turns_the_short_way_round():
    a = Pose(torso=170.0)
    b = Pose(torso=-170.0)
    assert interpolate(a, b, 0.5).torso == pytest.approx(180.0)
    c = interpolate(Pose(), Pose(near_thigh=90, torso=40), 0.25)
    assert c.near_thigh == pytest.approx(22.5)
    assert c.torso == pytest.approx(10.0)
    assert c.far_thigh == 0


def test_interpolation_keeps_a_grounded_figure_on_the_ground():
    a, b = Pose(), Pose(near_thigh=60, near_shin=-30, torso=30)
    for t in (0.2, 0.5, 0.8):
        assert figure_bounds(interpolate(a, b, t))[1] == pytest.approx(0.0, abs=1e-9)


def test_mirror_swaps_the_near_and_far_limbs():
    pose = Pose(near_thigh=40, far_thigh=-20, near_forearm=30,
                foreshorten=(("near_shin", 0.5),), anchor="near_ankle")
    m = mirror(pose)
    assert (m.near_thigh, m.far_thigh) == (-20, 40)
    assert m.far_forearm == 30 and m.near_forearm is None
    assert m.foreshorten == (("far_shin", 0.5),)
    assert m.anchor == "far_ankle"
    assert m.torso == pose.torso
    k, km = key_points(pose), key_points(m)
    assert km["far_knee"] == pytest.approx(k["near_knee"])


def test_exercise_poses_mirror_their_highlight_sides(poses):
    split = poses["split-hip-stretch"]
    assert split.mirrored().highlight == ("hip_flexors.far", "glutes.far")
    assert split.mirrored().mirrored() == split


def test_props_move_between_start_and_hold():
    from deskbreak.core.content.poses import Prop

    ball = Prop(kind="ball", x=1.0, width=0.65, height=0.65, hold_x=0.5)
    assert ball.at(0).x == 1.0 and ball.at(1).x == 0.5 and ball.at(0.5).x == pytest.approx(0.75)
    assert set(PROP_KINDS) >= {"mat", "chair", "table", "step", "box", "bench", "wall", "ball"}


def test_the_authoring_aid_prints_key_points(capsys):
    assert main(["plank", "no-such-exercise"]) == 0
    out = capsys.readouterr()
    assert "plank hold:" in out.out and "on the ground" in out.out
    assert "no-such-exercise: no poses" in out.err
    assert "near_knee" in describe(replace(NEUTRAL, torso=10))


def test_the_readme_examples_load(tmp_path, catalog):
    """Every ```toml example with a [[pose]] in assets/poses/README.md is valid."""
    import re
    import tomllib

    readme = (default_poses_dir() / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", readme, re.S)
    loaded = 0
    for index, block in enumerate(blocks):
        data = tomllib.loads(block)  # every snippet is valid TOML
        if "pose" in data:
            folder = tmp_path / f"block{index}"
            folder.mkdir()
            write(folder, block)
            assert load_poses(folder, catalog)
            loaded += 1
    assert loaded >= 4


def test_every_catalog_exercise_has_poses():
    catalog = load_catalog()
    assert set(load_poses(catalog=catalog)) == set(catalog.exercises)


def test_the_split_modules_keep_one_public_face():
    """The model, the kinematics and the loader live apart; the app imports them all from poses."""
    import deskbreak.core.content.pose_kinematics as kinematics
    import deskbreak.core.content.pose_model as model
    import deskbreak.core.content.poses as poses_module

    for name in poses_module.__all__:
        assert hasattr(poses_module, name), name
    assert poses_module.Pose is model.Pose and poses_module.key_points is kinematics.key_points
    assert poses_module.POSTURES is model.POSTURES


def test_a_broken_pose_file_costs_the_pictures_never_the_app(tmp_path, catalog, monkeypatch, caplog):
    import deskbreak.core.content.poses as poses_module

    write(tmp_path, '[[pose]]\nexercise = "plank"\nposture = "floating"\nstart = {}\nhold = {}\n')
    monkeypatch.setattr(poses_module, "default_poses_dir", lambda: tmp_path)
    with caplog.at_level("WARNING", logger="deskbreak"):
        assert poses_module.load_poses_or_none(catalog) == {}
    assert "field 'posture'" in caplog.text and "without pictures" in caplog.text


def test_a_via_pose_is_passed_through_half_way(tmp_path, catalog):
    # A knee lifted over a table top before it rests on it: the move goes up, then down.
    write(tmp_path, '[[pose]]\nexercise = "plank"\nstart = {}\n'
                    'via = { near_thigh = 110, near_shin = 60 }\n'
                    'hold = { near_thigh = 70, near_shin = 40 }\n')
    entry = load_poses(tmp_path, catalog)["plank"]
    assert entry.pose_at(0.0) == entry.start and entry.pose_at(1.0) == entry.hold
    assert entry.pose_at(0.5).near_thigh == pytest.approx(110)
    knee_heights = [key_points(entry.pose_at(i / 20))["near_knee"][1] for i in range(21)]
    peak = knee_heights.index(max(knee_heights))
    assert peak == 10 and knee_heights[0] < knee_heights[5] < knee_heights[10] > knee_heights[15] > knee_heights[20]


def test_a_bad_via_pose_names_its_field(tmp_path, catalog):
    message = load_error(tmp_path, catalog, '[[pose]]\nexercise = "plank"\nstart = {}\n'
                                            'via = { near_shin = 120 }\nhold = {}\n')
    assert "field 'via.near_shin'" in message


def test_a_prop_passes_its_via_position_half_way():
    from deskbreak.core.content.poses import Prop

    # A ball that rolls in slowly at first, under the shins, then fast under the feet.
    ball = Prop(kind="ball", x=1.0, width=0.65, height=0.65, hold_x=0.4, via_x=0.9)
    assert [ball.at(t).x for t in (0.0, 0.25, 0.5, 0.75, 1.0)] == pytest.approx([1.0, 0.95, 0.9, 0.65, 0.4])


def test_a_prop_via_position_is_read_from_the_file(tmp_path, catalog):
    write(tmp_path, '[[pose]]\nexercise = "plank"\nprops = [{ kind = "ball", x = 1.0, via = { x = 0.9 }, '
                    'hold = { x = 0.4 } }]\nstart = {}\nhold = {}\n')
    assert load_poses(tmp_path, catalog)["plank"].props_at(0.5)[0].x == pytest.approx(0.9)
    message = load_error(tmp_path, catalog, '[[pose]]\nexercise = "plank"\n'
                                            'props = [{ kind = "ball", via = { z = 1 } }]\nstart = {}\nhold = {}\n')
    assert "field 'props[0].via'" in message
