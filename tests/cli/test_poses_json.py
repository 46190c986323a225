"""`deskbreak catalog --poses-json`: the figure in motion as numbers others can check."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from support.fakes import run_cli
from deskbreak.cli import main
from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.content.poses import load_poses


@pytest.fixture(scope="module")
def sides() -> dict[tuple[str, str | None], dict]:
    """(exercise, side) -> its entry; run once, as capsys is not there for a module's fixture."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["catalog", "--poses-json"]) == 0
    return {(entry["exercise"], entry["side"]): entry for entry in json.loads(buffer.getvalue())}


def test_every_illustrated_exercise_comes_once_per_side_it_is_shown_on(sides):
    catalog = load_catalog()
    expected = {(e, s) for e in load_poses(catalog=catalog)
                for s in (("right", "left") if catalog.exercise(e).per_side else (None,))}
    assert set(sides) == expected


def test_each_moment_has_every_joint_in_metres_and_the_props_boxes(sides):
    entry = sides[("split-hip-stretch", "right")]
    ts = [m["t"] for m in entry["moments"]]
    assert ts[0] == 0.0 and ts[-1] == 1.0 and ts == sorted(ts) and len(ts) >= 5
    joints = entry["moments"][0]["joints"]
    assert {"pelvis", "head", "right_knee", "left_knee", "right_toe", "left_hand"} <= set(joints)
    assert all(len(xy) == 2 for xy in joints.values())
    box = entry["moments"][-1]["props"][0]
    assert box["kind"] == "box" and box["top"] == pytest.approx(0.55) and box["bottom"] == 0.0
    # The front foot stands on the box (its ankle 0.09 above the top), at start and hold.
    for moment in entry["moments"]:
        assert moment["joints"]["left_ankle"][1] == pytest.approx(0.64, abs=0.01)


def test_standing_figures_have_their_feet_on_the_floor_at_start_and_hold(sides):
    poses = load_poses()
    standing = [key for key in sides if poses[key[0]].posture == "standing"]
    assert len(standing) >= 10
    for key in standing:
        for moment in (sides[key]["moments"][0], sides[key]["moments"][-1]):
            lowest = min(y for name, (x, y) in moment["joints"].items() if name.endswith(("heel", "toe")))
            assert lowest == pytest.approx(0.03, abs=0.02), key  # a heel or toe's centre is 0.03 up


def test_the_left_side_is_the_right_side_seen_from_the_other_side(sides):
    right, left = sides[("split-hip-stretch", "right")], sides[("split-hip-stretch", "left")]
    assert (right["near_is"], left["near_is"]) == ("right", "left")
    swap = {"right": "left", "left": "right"}
    for r, l in zip(right["moments"], left["moments"]):
        for name, (x, y) in r["joints"].items():
            side, _, joint = name.partition("_")
            mirrored = f"{swap[side]}_{joint}" if side in swap else name
            assert l["joints"][mirrored] == pytest.approx([-x, y], abs=1e-4)
        assert l["props"][0]["left"] == pytest.approx(-r["props"][0]["right"])


def test_frames_without_a_folder_to_render_into_is_a_usage_error(capsys):
    code, out, err = run_cli(capsys, "catalog", "--frames", "3")
    assert code == 2 and out == "" and "--render" in err


def test_an_exercise_of_ones_own_comes_with_the_figure_it_is_drawn_with(tmp_path):
    from support.own_exercises import WALL_CALF

    (tmp_path / "exercises.toml").write_text(WALL_CALF)
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["--config-dir", str(tmp_path), "--data-dir", str(tmp_path), "catalog", "--poses-json"]) == 0
    entries = {(entry["exercise"], entry["side"]): entry for entry in json.loads(buffer.getvalue())}
    own, figure = entries[("wall-calf-stretch", "right")], entries[("split-hip-stretch", "right")]
    assert own["moments"] == figure["moments"]
