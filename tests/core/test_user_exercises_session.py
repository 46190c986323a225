"""The session's side of the user's own exercises: the editor's check, the cap, and a settings export."""

from __future__ import annotations

import tomllib

import pytest

from core.test_session import Desk
from deskbreak.core.content.user_exercises import MAX_EXERCISES, UserExercisesError
from support.own_exercises import exercise_toml

NEW = {"id": "calf-raise", "name": "Calf raise", "pose": "plank", "targets": ["legs"], "steps": ["Up."],
       "hold": "10s"}


def test_the_editors_check_names_an_id_taken_by_a_table_left_out(tmp_path):
    (tmp_path / "exercises.toml").write_text(exercise_toml(id="calf-raise", hold=30), encoding="utf-8")
    desk = Desk(tmp_path, user_files=True)
    problems = desk.session.validate_user_exercise(NEW)
    assert [problem.key for problem in problems] == ["id"]
    with pytest.raises(UserExercisesError):
        desk.session.add_user_exercise(NEW)
    # Fixed by hand: the editor's check follows the file as the session reloads it.
    (tmp_path / "exercises.toml").write_text(exercise_toml(id="calf-raise"), encoding="utf-8")
    desk.session.reload_routines()
    assert "already one of your exercises" in desk.session.validate_user_exercise(NEW)[0]
    (tmp_path / "exercises.toml").write_text(exercise_toml(id="other"), encoding="utf-8")
    desk.session.reload_routines()
    assert desk.session.validate_user_exercise(NEW) == []


def test_the_two_hundred_and_first_exercise_is_refused_with_a_message(tmp_path):
    path = tmp_path / "exercises.toml"
    path.write_text("\n".join(exercise_toml(id=f"e{n}", name=f"N{n}") for n in range(MAX_EXERCISES)), encoding="utf-8")
    desk = Desk(tmp_path, user_files=True)
    with pytest.raises(UserExercisesError) as raised:
        desk.session.add_user_exercise(NEW)
    assert str(MAX_EXERCISES) in str(raised.value)
    assert "calf-raise" not in path.read_text(encoding="utf-8")


def test_a_broken_exercises_file_leaves_the_exercises_out_of_an_export_not_the_settings(tmp_path):
    (tmp_path / "exercises.toml").write_text("[[exercise]\n", encoding="utf-8")
    desk = Desk(tmp_path, user_files=True, daily_goal=60)
    exported = tmp_path / "export.toml"
    problem = desk.session.export_settings(exported)
    assert problem and "exercises.toml" in problem
    document = tomllib.loads(exported.read_text(encoding="utf-8"))
    assert document["daily_goal"] == 60 and "exercise" not in document


def test_an_export_with_good_exercises_reports_no_problem(tmp_path):
    (tmp_path / "exercises.toml").write_text(exercise_toml(), encoding="utf-8")
    desk = Desk(tmp_path, user_files=True)
    assert desk.session.export_settings(tmp_path / "export.toml") is None
