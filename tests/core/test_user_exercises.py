"""The user's own exercises (exercises.toml): what loads, what is named when wrong, what adding keeps."""

from __future__ import annotations

import os
import tomllib

import pytest

from deskbreak.core.content.catalog import Catalog, Range, load_catalog
from deskbreak.core.content.guide import Kind, build_segments
from deskbreak.core.content.user_exercises import (
    MAX_EXERCISES,
    MAX_PROBLEM_LENGTH,
    MAX_PROBLEMS_REPORTED,
    UserExercisesError,
    load_profile_catalog,
    load_user_exercises,
    validate_exercise_entry,
)
from deskbreak.core.content.user_exercises_writing import add_user_exercise, exported_exercises, import_user_exercises
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
    text, left_out = exported_exercises(path)
    assert left_out is None
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
    assert exported_exercises(path) == exported_exercises(None) == ("", None)


def test_a_users_exercise_never_grows_it_has_no_article_to_allow_it(catalog, path):
    from deskbreak.core.history.progression import growth_of

    path.write_text(GOOD, encoding="utf-8")
    users = load_user_exercises(path, catalog).catalog
    assert growth_of(users.exercise("wall-calf-stretch"), "long") is None
    assert growth_of(users.exercise("desk-squeeze"), "long") is None


# -- what a review found -------------------------------------------------------------

LEFT_OUT_CALF = ('# my note\n[[exercise]]\nid = "calf-raise"  # from my physio, 2026-11-02\nname = "Calf raise (physio)"\n'
                 'pose = "plank"\ntargets = ["legs"]\nsteps = ["Rise onto your toes slowly.", "Lower over 4 counts."]\n'
                 'hold = 30\n')


def test_adding_never_replaces_a_left_out_exercise_of_the_same_id(catalog, path):
    path.write_text(LEFT_OUT_CALF, encoding="utf-8")
    loaded = load_user_exercises(path, catalog)
    assert "calf-raise" in loaded.left_out and "'hold'" in loaded.left_out["calf-raise"]
    new = entry(id="calf-raise", name="Calf raise", pose="plank")
    # The editor's check knows the id is taken by the table left out, and says why it was left out.
    problems = validate_exercise_entry(new, loaded.catalog, left_out=loaded.left_out)
    assert [p.key for p in problems] == ["id"] and "exercises.toml" in problems[0] and "'hold'" in problems[0]
    with pytest.raises(UserExercisesError) as raised:
        add_user_exercise(path, new)
    message = str(raised.value)
    assert "exercises.toml already has an exercise 'calf-raise' (left out: " in message
    assert "fix or rename it there" in message
    assert path.read_text(encoding="utf-8") == LEFT_OUT_CALF


def test_an_import_still_replaces_an_exercise_of_the_same_id(catalog, path):
    path.write_text(LEFT_OUT_CALF, encoding="utf-8")
    report = import_user_exercises(path, [entry(id="calf-raise", pose="plank")], catalog, source=path)
    assert report.replaced == ["calf-raise"] and report.problems == []
    assert load_user_exercises(path, catalog).exercises["calf-raise"].hold_s == Range(30, 30)


def test_an_id_that_is_not_text_is_a_problem_and_never_an_unhashable_crash(catalog, path):
    text = '[[exercise]]\nid = ["calf", "raise"]  # oops, meant a string\nname = "Calf raise"\n'
    path.write_text(text, encoding="utf-8")
    loaded = load_user_exercises(path, catalog)
    assert len(loaded.problems) == 1 and "'id'" in loaded.problems[0]
    add_user_exercise(path, entry())
    report = import_user_exercises(path, [entry(id="other-calf")], catalog, source=path)
    assert report.added == ["other-calf"]
    assert path.read_text(encoding="utf-8").startswith(text)
    assert set(load_user_exercises(path, catalog).exercises) == {"wall-calf-stretch", "other-calf"}


def many(count: int) -> str:
    return "\n".join(exercise_toml(id=f"e{number}", name=f"N{number}") for number in range(count))


def test_the_two_hundred_and_first_exercise_is_refused_on_add_and_on_import(catalog, path):
    path.write_text(many(MAX_EXERCISES), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    with pytest.raises(UserExercisesError) as raised:
        add_user_exercise(path, entry())
    assert str(path) in str(raised.value) and str(MAX_EXERCISES) in str(raised.value)
    assert path.read_text(encoding="utf-8") == before
    # An import replaces what is there, but adds nothing beyond the cap, and says which were not added.
    report = import_user_exercises(path, [entry(id="e3", hold="40s"), entry(), entry(id="another")], catalog,
                                   source=path)
    assert report.replaced == ["e3"] and report.added == []
    assert len(report.problems) == 2 and "'wall-calf-stretch'" in report.problems[0]
    assert "'another'" in report.problems[1] and str(MAX_EXERCISES) in report.problems[1]
    loaded = load_user_exercises(path, catalog)
    assert len(loaded.exercises) == MAX_EXERCISES and loaded.exercises["e3"].hold_s == Range(40, 40)


def test_an_import_fills_the_file_up_to_the_cap(catalog, path):
    path.write_text(many(MAX_EXERCISES - 1), encoding="utf-8")
    report = import_user_exercises(path, [entry(), entry(id="another")], catalog, source=path)
    assert report.added == ["wall-calf-stretch"] and len(report.problems) == 1 and "'another'" in report.problems[0]


def test_a_file_of_unknown_keys_is_reported_briefly(catalog, path):
    tables = ["[[exercise]]\n" + "".join(f"r{key:03x}hold=1\n" for key in range(450)) for _ in range(200)]
    path.write_text("\n".join(tables), encoding="utf-8")
    problems = load_user_exercises(path, catalog).problems
    assert len(problems) == MAX_PROBLEMS_REPORTED + 1 and "180 more" in problems[-1]
    assert all(len(problem) <= MAX_PROBLEM_LENGTH for problem in problems)
    # The first unknown key is named, with the key it is near, and the others counted.
    assert "'r000hold'" in problems[0] and "449 other unknown keys" in problems[0]


def test_one_unknown_key_is_named_with_its_suggestion(catalog, path):
    path.write_text(exercise_toml(stpes=["x"]), encoding="utf-8")
    (problem,) = load_user_exercises(path, catalog).problems
    assert "'stpes'" in problem and "'steps'" in problem and "other unknown" not in problem


def test_a_user_exercise_drawn_with_a_left_variant_shows_its_own_name_on_both_sides(catalog):
    from deskbreak.core.content.poses import load_poses
    from deskbreak.core.content.user_exercises import exercise_from_entry, figure_of

    poses = load_poses(catalog=catalog)
    assert poses["side-plank"].left is not None
    mine = exercise_from_entry(entry(id="my-side-hold", name="My side hold", pose="side-plank",
                                     targets=["shoulders"]), catalog)
    figure = figure_of(poses, mine)
    for side in ("right", "left"):
        drawn = figure.for_side(side)
        assert (drawn.exercise, drawn.name, drawn.highlight) == ("my-side-hold", "My side hold", ("shoulders",))


def test_a_sore_back_swaps_a_user_exercise_drawn_as_a_forward_fold(catalog, path):
    fold = next(e for e in catalog.exercises.values() if e.sore_back is not None)
    path.write_text(exercise_toml(id="my-fold", pose=fold.id), encoding="utf-8")
    loaded = load_user_exercises(path, catalog)
    mine = loaded.catalog.exercise("my-fold")
    assert mine.sore_back == fold.sore_back
    assert loaded.catalog.for_sore_back(["my-fold"]) == loaded.catalog.for_sore_back([fold.id])
    assert "my-fold" not in loaded.catalog.for_sore_back(["my-fold"])


def test_adding_keeps_a_byte_order_mark(path):
    path.write_bytes(b"\xef\xbb\xbf# mine\r\n")
    add_user_exercise(path, entry())
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# mine\r\n") and b"wall-calf-stretch" in data


def test_a_nan_in_another_table_does_not_block_adding(catalog, path):
    text = exercise_toml(id="odd", reps=float("nan"))
    path.write_text(text, encoding="utf-8")
    add_user_exercise(path, entry())
    assert path.read_text(encoding="utf-8").startswith(text)
    assert "wall-calf-stretch" in load_user_exercises(path, catalog).exercises


def test_an_inline_array_of_exercises_says_what_to_write_instead(path):
    text = 'exercise = [{id = "odd", name = "Odd"}]\n'
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserExercisesError) as raised:
        add_user_exercise(path, entry())
    assert "[[exercise]]" in str(raised.value) and "changing other lines" not in str(raised.value)
    assert path.read_text(encoding="utf-8") == text
