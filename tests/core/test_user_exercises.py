"""The user's own exercises (exercises.toml): what loads, what is named when wrong, what adding keeps."""

from __future__ import annotations

import os
import tomllib

import pytest

from deskbreak.core.content.catalog import Catalog, Range, load_catalog
from deskbreak.core.content.guide import Kind, build_segments
from deskbreak.core.content.user_exercises import (
    UserExercisesError,
    add_user_exercise,
    exported_exercises_text,
    import_user_exercises,
    load_profile_catalog,
    load_user_exercises,
    validate_exercise_entry,
)
from deskbreak.core.content.user_routines import load_user_routines
from deskbreak.core.profile import EXERCISES_FILE_NAME, Profile
from support.own_exercises import WALL_CALF, exercise_toml

GOOD = "# my own exercises\n" + WALL_CALF + "\n" + exercise_toml(
    id="desk-squeeze", name="Desk squeeze", pose="glute-bridge", targets=["glutes", "core"],
    steps=["Squeeze your glutes.", "Let go."], hold=None, sides=None, reps=10, rep_hold="3s")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def path(tmp_path):
    return tmp_path / EXERCISES_FILE_NAME


def entry(**changes) -> dict:
    base = {"id": "wall-calf-stretch", "name": "Wall calf stretch", "pose": "split-hip-stretch",
            "targets": ["legs"], "steps": ["Face a wall, one foot back.", "Press the back heel down."],
            "hold": "30s", "sides": True}
    base.update(changes)
    return {key: value for key, value in base.items() if value is not None}


def test_the_profile_keeps_exercises_beside_the_routines(tmp_path):
    profile = Profile(config_dir=tmp_path, data_dir=tmp_path)
    assert profile.exercises_path == tmp_path / "exercises.toml"


def test_a_good_file_loads_the_users_exercises_into_the_catalog(catalog, path):
    path.write_text(GOOD, encoding="utf-8")
    loaded = load_user_exercises(path, catalog)
    assert loaded.problems == []
    calf = loaded.catalog.exercise("wall-calf-stretch")
    assert calf.is_users_own and calf.source.quote == ""
    assert calf.hold_s == Range(30, 30) and calf.reps is None and calf.per_side
    assert calf.figure_id == "split-hip-stretch" and calf.targets == ("legs",)
    # Where it is done comes with the figure: a figure on the floor is done on the floor.
    assert calf.place == catalog.exercise("split-hip-stretch").place
    squeeze = loaded.catalog.exercise("desk-squeeze")
    assert squeeze.reps == Range(10, 10) and squeeze.hold_s == Range(3, 3) and not squeeze.per_side
    assert squeeze.sore_back is None
    # The catalog's own exercises are all still there, and not the user's.
    assert set(catalog.exercises) < set(loaded.catalog.exercises)
    assert not any(e.is_users_own for e in catalog.exercises.values())


def test_a_missing_file_means_no_exercises_of_ones_own(catalog, path):
    loaded = load_user_exercises(path, catalog)
    assert loaded.problems == [] and loaded.catalog.exercises == catalog.exercises


THIRD = exercise_toml(id="other-calf-stretch", name="Other calf stretch", steps=["Face a wall."], sides=None)


@pytest.mark.parametrize("bad, key", [
    ('id = "Wall Calf"', "id"),
    ('id = "split-hip-stretch"', "id"),
    ('pose = "no-such-pose"', "pose"),
    ('targets = ["legs", "ears"]', "targets"),
    ("targets = []", "targets"),
    ("steps = []", "steps"),
    ('hold = "thirty"', "hold"),
    ('hold = "2h"', "hold"),
    ('sides = "yes"', "sides"),
    ('colour = "red"', "colour"),
    ('rep_hold = "3s"', "rep_hold"),  # without reps
    ("reps = 10", "reps"),  # and a hold as well
])
def test_a_bad_entry_is_named_by_file_exercise_and_key_and_the_others_load(catalog, path, bad, key):
    name = bad.split(" = ")[0]
    lines = [line for line in THIRD.splitlines() if not line.startswith(f"{name} =")]
    path.write_text(GOOD + "\n" + "\n".join([*lines, bad]) + "\n", encoding="utf-8")
    loaded = load_user_exercises(path, catalog)
    assert len(loaded.problems) == 1, loaded.problems
    problem = loaded.problems[0]
    exercise_id = tomllib.loads(bad)["id"] if name == "id" else "other-calf-stretch"
    assert str(path) in problem and f"'{key}'" in problem and f"'{exercise_id}'" in problem, problem
    assert exercise_id not in loaded.catalog.exercises or exercise_id == "split-hip-stretch"
    # The good ones still load.
    assert {"wall-calf-stretch", "desk-squeeze"} <= set(loaded.catalog.exercises)


def test_the_same_id_twice_keeps_the_first_and_names_the_second(catalog, path):
    path.write_text(GOOD + "\n" + THIRD.replace("other-calf-stretch", "desk-squeeze"), encoding="utf-8")
    loaded = load_user_exercises(path, catalog)
    assert len(loaded.problems) == 1 and "'desk-squeeze'" in loaded.problems[0] and "'id'" in loaded.problems[0]
    assert loaded.catalog.exercise("desk-squeeze").reps == Range(10, 10)


def test_an_entry_that_is_not_a_table_and_a_stray_key_are_named(catalog, path):
    path.write_text('exercise = [1]\ncolour = "red"\n', encoding="utf-8")
    problems = load_user_exercises(path, catalog).problems
    assert any("'colour'" in p for p in problems) and any("#1" in p for p in problems)


@pytest.mark.parametrize("content", [b"[[exercise]\nid = ", b"\xff\xfe not utf-8"])
def test_a_file_that_is_not_toml_costs_the_exercises_and_is_left_untouched(catalog, path, content):
    path.write_bytes(content)
    loaded = load_user_exercises(path, catalog)
    assert loaded.catalog.exercises == catalog.exercises
    assert len(loaded.problems) == 1 and str(path) in loaded.problems[0]
    with pytest.raises(UserExercisesError, match=str(path)):
        add_user_exercise(path, entry())
    assert path.read_bytes() == content


def test_a_fifo_is_refused_at_once(catalog, path):
    os.mkfifo(path)
    loaded = load_user_exercises(path, catalog)
    assert len(loaded.problems) == 1 and "named pipe" in loaded.problems[0]


def test_a_huge_file_is_refused_without_reading_it(catalog, path):
    with open(path, "wb") as file:
        file.truncate(50 * 1024 * 1024)
    loaded = load_user_exercises(path, catalog)
    assert len(loaded.problems) == 1 and "larger than" in loaded.problems[0]


# -- validation --------------------------------------------------------------------


def test_a_good_entry_has_no_problems(catalog):
    assert validate_exercise_entry(entry(), catalog) == []
    assert validate_exercise_entry(entry(hold=None, reps=8), catalog) == []
    assert validate_exercise_entry(entry(hold=None, reps=8, rep_hold="2s", sides=False), catalog) == []


@pytest.mark.parametrize("changes, key", [
    ({"id": ""}, "id"),
    ({"id": "x" * 200}, "id"),
    ({"name": ""}, "name"),
    ({"name": "n" * 500}, "name"),
    ({"pose": ""}, "pose"),
    ({"targets": "legs"}, "targets"),
    ({"targets": ["legs", "legs"]}, "targets"),
    ({"steps": ["ok", ""]}, "steps"),
    ({"steps": ["step"] * 100}, "steps"),
    ({"steps": ["s" * 5000]}, "steps"),
    ({"hold": None}, "hold"),
    ({"hold": "0s"}, "hold"),
    ({"hold": 30}, "hold"),
    ({"hold": None, "reps": 0}, "reps"),
    ({"hold": None, "reps": 10_000}, "reps"),
    ({"hold": None, "reps": True}, "reps"),
    ({"hold": None, "reps": 5, "rep_hold": "5m"}, "rep_hold"),
    ({"sides": 1}, "sides"),
])
def test_each_problem_names_its_key(catalog, changes, key):
    problems = validate_exercise_entry(entry(**changes), catalog)
    assert problems and any(f"'{key}'" in problem for problem in problems), problems


def test_an_id_taken_by_one_of_the_users_exercises_is_refused(catalog, path):
    path.write_text(GOOD, encoding="utf-8")
    users = load_user_exercises(path, catalog).catalog
    problems = validate_exercise_entry(entry(), users)
    assert problems and "'id'" in problems[0] and "your exercises" in problems[0]


def test_a_users_exercise_lends_no_figure(catalog, path):
    path.write_text(GOOD, encoding="utf-8")
    users = load_user_exercises(path, catalog).catalog
    problems = validate_exercise_entry(entry(id="other", pose="desk-squeeze"), users)
    assert problems and "'pose'" in problems[0]


# -- adding ----------------------------------------------------------------------


def test_adding_to_a_missing_file_creates_it(catalog, path):
    add_user_exercise(path, entry())
    loaded = load_user_exercises(path, catalog)
    assert loaded.problems == [] and loaded.catalog.exercise("wall-calf-stretch").hold_s == Range(30, 30)
    assert path.read_text(encoding="utf-8").startswith("#")  # the help for a hand editor


def test_adding_keeps_every_comment_and_hand_edit_byte_for_byte(catalog, path):
    hand_written = GOOD.replace("hold = \"30s\"", "hold = \"45 s\"  # my physio said 45").rstrip("\n")
    path.write_bytes(hand_written.encode())  # no newline at the end, as some editors leave it
    add_user_exercise(path, entry(id="hamstring-on-step", name="Hamstring on a step", pose="supine-hamstring-opener",
                                  targets=["hamstrings"]))
    text = path.read_bytes().decode()
    assert text.startswith(hand_written)
    loaded = load_user_exercises(path, catalog)
    assert loaded.problems == []
    assert loaded.catalog.exercise("wall-calf-stretch").hold_s == Range(45, 45)
    assert loaded.catalog.exercise("hamstring-on-step").targets == ("hamstrings",)


def test_adding_keeps_windows_line_endings(catalog, path):
    path.write_bytes(GOOD.replace("\n", "\r\n").encode())
    add_user_exercise(path, entry(id="another"))
    data = path.read_bytes()
    assert data.startswith(GOOD.replace("\n", "\r\n").encode())
    assert data.count(b"\n") == data.count(b"\r\n")


def test_adding_refuses_a_file_where_exercise_is_no_array_of_tables(path):
    path.write_text('exercise = ["not", "tables"]\n', encoding="utf-8")
    with pytest.raises(UserExercisesError, match=str(path)):
        add_user_exercise(path, entry())
    assert path.read_text(encoding="utf-8") == 'exercise = ["not", "tables"]\n'


# -- the user's content as a whole -------------------------------------------------


def test_routines_may_hold_the_users_exercises(catalog, tmp_path):
    exercises, routines = tmp_path / "exercises.toml", tmp_path / "routines.toml"
    exercises.write_text(GOOD, encoding="utf-8")
    routines.write_text('[sit-break]\nexercises = ["walk-around", "wall-calf-stretch"]\n', encoding="utf-8")
    content = load_profile_catalog(exercises, routines, catalog)
    assert content.problems == []
    assert content.catalog.routine("sit-break").exercises == ("walk-around", "wall-calf-stretch")
    assert "wall-calf-stretch" in content.defaults.exercises
    assert content.defaults.routines == catalog.routines
    # Without the user's exercises, the same routines file names the exercise it cannot find.
    assert "wall-calf-stretch" in load_user_routines(routines, catalog).problems[0]


def test_a_users_exercise_plays_with_its_holds_and_sides(catalog, path):
    path.write_text(GOOD, encoding="utf-8")
    users = load_user_exercises(path, catalog).catalog
    calf, squeeze = users.exercise("wall-calf-stretch"), users.exercise("desk-squeeze")
    segments = build_segments([calf, squeeze], hold_length="short", lead_in_s=3)
    holds = [(s.side, s.seconds) for s in segments if s.kind == Kind.HOLD]
    assert holds == [("right", 30), ("left", 30)]
    reps = [s for s in segments if s.kind == Kind.REP]
    assert len(reps) == 10 and all(s.hold_s == 3 and s.side is None for s in reps)


# -- export and import --------------------------------------------------------------


def test_exported_tables_import_into_another_profile(catalog, path, tmp_path):
    path.write_text(GOOD, encoding="utf-8")
    text = exported_exercises_text(path)
    assert tomllib.loads(text)["exercise"] == tomllib.loads(GOOD)["exercise"]
    other = tmp_path / "other" / "exercises.toml"
    report = import_user_exercises(other, tomllib.loads(text)["exercise"], catalog, source=tmp_path / "x.toml")
    assert report.added == ["wall-calf-stretch", "desk-squeeze"] and report.replaced == [] and report.problems == []
    assert set(load_user_exercises(other, catalog).catalog.exercises) >= {"wall-calf-stretch", "desk-squeeze"}


def test_an_import_replaces_the_users_exercise_of_the_same_id_and_keeps_the_rest(catalog, path, tmp_path):
    path.write_text(GOOD, encoding="utf-8")
    changed = entry(hold="50s")
    report = import_user_exercises(path, [changed, entry(id="split-hip-stretch")], catalog, source=tmp_path / "x.toml")
    assert report.replaced == ["wall-calf-stretch"] and report.added == []
    assert len(report.problems) == 1 and "'split-hip-stretch'" in report.problems[0]
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my own exercises\n")
    loaded = load_user_exercises(path, catalog)
    assert loaded.problems == []
    assert loaded.catalog.exercise("wall-calf-stretch").hold_s == Range(50, 50)
    assert loaded.catalog.exercise("desk-squeeze").reps == Range(10, 10)
    assert 'rep_hold = "3s"' in text


def test_exporting_without_a_file_exports_nothing(path):
    assert exported_exercises_text(path) == ""


def test_a_users_exercise_never_grows_it_has_no_article_to_allow_it(catalog, path):
    from deskbreak.core.history.progression import growth_of

    path.write_text(GOOD, encoding="utf-8")
    users = load_user_exercises(path, catalog).catalog
    assert growth_of(users.exercise("wall-calf-stretch"), "long") is None
    assert growth_of(users.exercise("desk-squeeze"), "long") is None
