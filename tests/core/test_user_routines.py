"""The user's routines file: what loads, what falls back, what a save writes and keeps."""

from __future__ import annotations

import tomllib

import pytest

from deskbreak.core.content.catalog import Catalog, load_catalog
from deskbreak.core.profile import ROUTINES_FILE_NAME
from deskbreak.core.content.user_routines import (
    FILE_HEADER,
    UserRoutinesError,
    catalog_with_routines,
    load_user_routines,
    save_user_routines,
    with_routine_exercises,
)


@pytest.fixture(scope="module")
def defaults() -> Catalog:
    return load_catalog()


@pytest.fixture
def path(tmp_path):
    return tmp_path / ROUTINES_FILE_NAME


def edited(defaults: Catalog) -> dict:
    """Two routines changed, the others left at their defaults."""
    sit = with_routine_exercises(
        defaults.routine("sit-break"),
        ["walk-around"],
        [["split-hip-stretch"], ["seated-upper-back-stretch", "lower-back-table-stretch"]],
    )
    prerun = with_routine_exercises(defaults.routine("pre-run-glutes"), ["glute-bridge", "single-leg-balance"])
    return {**defaults.routines, "sit-break": sit, "pre-run-glutes": prerun}


def test_saved_routines_load_back_the_same(defaults, path):
    routines = edited(defaults)
    save_user_routines(path, routines, defaults)
    loaded = load_user_routines(path, defaults)
    assert loaded.problems == []
    assert loaded.catalog.routines == routines


def test_a_catalog_can_be_saved_as_well_as_a_dict(defaults, path):
    catalog = catalog_with_routines(defaults, edited(defaults))
    save_user_routines(path, catalog, defaults)
    assert load_user_routines(path, defaults).catalog.routines == catalog.routines


def test_only_changed_routines_are_written(defaults, path):
    save_user_routines(path, edited(defaults), defaults)
    assert set(tomllib.loads(path.read_text(encoding="utf-8"))) == {"sit-break", "pre-run-glutes"}


def test_a_routine_restored_to_its_default_loses_its_table(defaults, path):
    save_user_routines(path, edited(defaults), defaults)
    routines = {**edited(defaults), "pre-run-glutes": defaults.routine("pre-run-glutes")}
    save_user_routines(path, routines, defaults)
    assert set(tomllib.loads(path.read_text(encoding="utf-8"))) == {"sit-break"}


def test_all_defaults_leave_only_the_header_in_an_existing_file(defaults, path):
    save_user_routines(path, edited(defaults), defaults)
    save_user_routines(path, defaults, defaults)
    assert path.read_text(encoding="utf-8") == FILE_HEADER
    assert load_user_routines(path, defaults).catalog.routines == defaults.routines


def test_all_defaults_create_no_file(defaults, path):
    save_user_routines(path, defaults, defaults)
    assert not path.exists()


def test_an_emptied_sit_rotation_is_written_so_the_default_rotation_stays_away(defaults, path):
    sit = with_routine_exercises(defaults.routine("sit-break"), ["walk-around"], [])
    save_user_routines(path, {"sit-break": sit}, defaults)
    assert load_user_routines(path, defaults).catalog.routine("sit-break").rotation == ()


def test_a_missing_file_gives_the_defaults_without_a_problem(defaults, path):
    loaded = load_user_routines(path, defaults)
    assert loaded.problems == []
    assert loaded.catalog.routines == defaults.routines


def test_a_field_left_out_keeps_the_default(defaults, path):
    path.write_text('[sit-break]\nrotation = [["forward-fold"]]\n', encoding="utf-8")
    sit = load_user_routines(path, defaults).catalog.routine("sit-break")
    assert sit.exercises == defaults.routine("sit-break").exercises
    assert sit.rotation == (("forward-fold",),)


def test_the_user_catalog_shares_exercises_and_safety_with_the_defaults(defaults, path):
    save_user_routines(path, edited(defaults), defaults)
    catalog = load_user_routines(path, defaults).catalog
    assert catalog.exercises is defaults.exercises
    assert catalog.safety is defaults.safety


def test_an_unknown_exercise_falls_back_for_that_routine_only(defaults, path):
    path.write_text(
        '[pre-run-glutes]\nexercises = ["glute-brige"]\n'
        '[evening-back-care]\nexercises = ["cat-cow"]\n',
        encoding="utf-8",
    )
    loaded = load_user_routines(path, defaults)
    [problem] = loaded.problems
    assert problem.startswith(f"{path}: routine 'pre-run-glutes': unknown exercise 'glute-brige'")
    assert "did you mean 'glute-bridge'" in problem
    assert problem.endswith("using the default routine")
    assert loaded.catalog.routine("pre-run-glutes") == defaults.routine("pre-run-glutes")
    assert loaded.catalog.routine("evening-back-care").exercises == ("cat-cow",)


def test_an_unknown_exercise_in_the_rotation_is_named_too(defaults, path):
    path.write_text('[sit-break]\nrotation = [["forward-fold"], ["nope"]]\n', encoding="utf-8")
    [problem] = load_user_routines(path, defaults).problems
    assert "routine 'sit-break': unknown exercise 'nope'" in problem


def test_an_unknown_routine_is_reported_and_the_others_apply(defaults, path):
    path.write_text(
        '[sit-braek]\nexercises = ["walk-around"]\n[pre-run-glutes]\nexercises = ["glute-bridge"]\n',
        encoding="utf-8",
    )
    loaded = load_user_routines(path, defaults)
    [problem] = loaded.problems
    assert problem.startswith(f"{path}: unknown routine 'sit-braek'")
    assert "did you mean 'sit-break'" in problem
    assert loaded.catalog.routine("pre-run-glutes").exercises == ("glute-bridge",)
    assert set(loaded.catalog.routines) == set(defaults.routines)


@pytest.mark.parametrize(
    "table, field",
    [
        ('exercises = "glute-bridge"', "exercises"),
        ("exercises = [1, 2]", "exercises"),
        ('rotation = ["glute-bridge"]', "rotation"),
        ("rotation = [[]]", "rotation"),
        ('name = "Mine"', "name"),
    ],
)
def test_a_wrong_type_names_the_field_and_falls_back(defaults, path, table, field):
    path.write_text(f"[pre-run-glutes]\n{table}\n", encoding="utf-8")
    loaded = load_user_routines(path, defaults)
    [problem] = loaded.problems
    assert "routine 'pre-run-glutes': " in problem and f"field '{field}'" in problem
    assert loaded.catalog.routine("pre-run-glutes") == defaults.routine("pre-run-glutes")


def test_a_routine_that_is_not_a_table_falls_back(defaults, path):
    path.write_text('sit-break = "walk-around"\n', encoding="utf-8")
    loaded = load_user_routines(path, defaults)
    [problem] = loaded.problems
    assert "routine 'sit-break': must be a table" in problem
    assert loaded.catalog.routine("sit-break") == defaults.routine("sit-break")


def test_an_empty_routine_falls_back(defaults, path):
    path.write_text("[sit-break]\nexercises = []\nrotation = []\n", encoding="utf-8")
    loaded = load_user_routines(path, defaults)
    [problem] = loaded.problems
    assert problem == f"{path}: routine 'sit-break': it has no exercises; using the default routine"
    assert loaded.catalog.routine("sit-break") == defaults.routine("sit-break")


@pytest.mark.parametrize("content", [b"[sit-break\nexercises = [", b"\xff\xfe[sit-break]\n"])
def test_a_file_that_is_not_utf8_toml_gives_defaults_and_is_left_untouched(defaults, path, content):
    path.write_bytes(content)
    loaded = load_user_routines(path, defaults)
    [problem] = loaded.problems
    assert problem.startswith(f"{path}: ")
    assert loaded.catalog.routines == defaults.routines
    assert not loaded.can_save
    with pytest.raises(UserRoutinesError, match="not overwritten"):
        save_user_routines(path, edited(defaults), defaults)
    assert path.read_bytes() == content


def test_unknown_tables_are_reported_and_kept_on_save(defaults, path):
    path.write_text('note = "mine"\n[my-routine]\nexercises = ["cat-cow"]\n', encoding="utf-8")
    loaded = load_user_routines(path, defaults)
    assert [p.split(": ", 1)[1].split(" (")[0] for p in loaded.problems] == [
        "unknown key 'note'", "unknown routine 'my-routine'"]
    assert loaded.raw == {"note": "mine", "my-routine": {"exercises": ["cat-cow"]}}
    save_user_routines(path, edited(defaults), defaults)
    written = tomllib.loads(path.read_text(encoding="utf-8"))
    assert written["note"] == "mine"
    assert written["my-routine"] == {"exercises": ["cat-cow"]}
    assert {"sit-break", "pre-run-glutes"} <= set(written)


def test_an_invalid_table_is_kept_until_the_user_changes_that_routine(defaults, path):
    path.write_text('[pre-run-glutes]\nexercises = ["glute-brige"]\n', encoding="utf-8")
    sit_only = {"sit-break": edited(defaults)["sit-break"]}
    save_user_routines(path, sit_only, defaults)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["pre-run-glutes"] == {"exercises": ["glute-brige"]}
    save_user_routines(path, edited(defaults), defaults)
    written = tomllib.loads(path.read_text(encoding="utf-8"))
    assert written["pre-run-glutes"] == {"exercises": ["glute-bridge", "single-leg-balance"]}


def test_saving_refuses_a_routine_it_could_not_load_back(defaults, path):
    empty = with_routine_exercises(defaults.routine("pre-run-glutes"), [])
    with pytest.raises(UserRoutinesError, match="routine 'pre-run-glutes': it has no exercises"):
        save_user_routines(path, {"pre-run-glutes": empty}, defaults)
    unknown = with_routine_exercises(defaults.routine("pre-run-glutes"), ["glute-brige"])
    with pytest.raises(UserRoutinesError, match="unknown exercise 'glute-brige'"):
        save_user_routines(path, {"pre-run-glutes": unknown}, defaults)
    assert not path.exists()


def test_a_failed_write_raises_an_error_naming_the_file(defaults, tmp_path):
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    path = blocker / ROUTINES_FILE_NAME
    with pytest.raises(UserRoutinesError, match=str(path)):
        save_user_routines(path, edited(defaults), defaults)


def test_with_routine_exercises_drops_empty_rotation_groups(defaults):
    routine = with_routine_exercises(defaults.routine("sit-break"), ["walk-around"], [[], ["forward-fold"]])
    assert routine.rotation == (("forward-fold",),)
    assert routine.name == defaults.routine("sit-break").name
