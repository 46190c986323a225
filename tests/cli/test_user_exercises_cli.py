"""The user's own exercises on the command line: catalog, routine show, stats."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from support.fakes import run_cli
from support.own_exercises import WALL_CALF, exercise_toml
from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.history import HistoryStore

CALF = WALL_CALF + "\n" + exercise_toml(id="broken", name="Broken", targets=["ears"], steps=["Nothing."], sides=None)


def profile(tmp_path, routines: str = "") -> list[str]:
    (tmp_path / "exercises.toml").write_text(CALF, encoding="utf-8")
    if routines:
        (tmp_path / "routines.toml").write_text(routines, encoding="utf-8")
    return ["--config-dir", str(tmp_path), "--data-dir", str(tmp_path)]


def test_catalog_json_shows_the_users_exercises_as_yours_and_names_a_bad_one(capsys, tmp_path):
    code, out, err = run_cli(capsys, *profile(tmp_path), "catalog", "--json")
    assert code == 0
    exercises = {e["id"]: e for e in json.loads(out)["exercises"]}
    assert list(exercises)[:len(load_catalog().exercises)] == list(load_catalog().exercises)
    calf = exercises["wall-calf-stretch"]
    assert calf["source"] == "yours" and calf["pose"] == "split-hip-stretch"
    assert calf["hold_s"] == [30, 30] and calf["per_side"] is True and calf["targets"] == ["legs"]
    assert "broken" not in exercises
    assert "exercises.toml" in err and "'broken'" in err and "'targets'" in err


def test_catalog_table_says_your_exercise_where_the_quote_would_be(capsys, tmp_path):
    code, out, _ = run_cli(capsys, *profile(tmp_path), "catalog")
    block = out[out.index("Wall calf stretch  [wall-calf-stretch]"):].split("\n\n")[0]
    assert "source: Your exercise (drawn as Split hip stretch)" in block
    assert "hold 30 s, each side" in block and '"' not in block


def test_routine_show_plays_a_users_exercise_with_its_holds_and_sides(capsys, tmp_path):
    argv = profile(tmp_path, '[sit-break]\nexercises = ["walk-around", "wall-calf-stretch"]\nrotation = []\n')
    code, out, err = run_cli(capsys, *argv, "routine", "show", "sit-break", "--json")
    assert code == 0 and "wall-calf-stretch" not in err
    holds = [(s["side"], s["seconds"]) for s in json.loads(out)["segments"]
             if s["exercise"] == "wall-calf-stretch" and s["kind"] == "hold"]
    assert holds == [("right", 30), ("left", 30)]
    code, out, _ = run_cli(capsys, *argv, "routine", "show", "sit-break")
    assert "Wall calf stretch (right side)" in out


def test_stats_show_a_users_exercise_by_its_name_and_a_deleted_one_by_its_id(capsys, tmp_path):
    argv = profile(tmp_path)
    now = datetime.now().astimezone().replace(hour=0, minute=5, second=0, microsecond=0)
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        bid = store.start_break("sit", "sit-break", now, now)
        store.record_exercise(bid, "wall-calf-stretch", 70.0, True, now + timedelta(minutes=1))
        store.record_exercise(bid, "long-gone", 30.0, True, now + timedelta(minutes=2))
        store.finish_break(bid, now + timedelta(minutes=3), "completed")
    code, out, _ = run_cli(capsys, *argv, "stats", "--json")
    assert code == 0
    shown = {e["id"]: (e["name"], e["done"]) for e in json.loads(out)["exercises"]}
    assert shown == {"wall-calf-stretch": ("Wall calf stretch", 1), "long-gone": ("long-gone", 1)}
    assert json.loads(out)["days"][-1]["minutes_by_target"]["legs"] > 1
    code, out, _ = run_cli(capsys, *argv, "stats")
    assert "Exercises done: Wall calf stretch 1\u00d7, long-gone 1\u00d7" in out
