"""The catalog is faithful to the source documents and validated on load."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from deskbreak.core.content.catalog import TARGETS, CatalogError, load_catalog

CATALOG = load_catalog()

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty-five": 45, "sixty": 60, "a single": 1,
}


def numbers_in(quote: str) -> set[int]:
    """Every number a sentence states, in digits or words, with minutes also in seconds."""
    text = quote.lower()
    found = {int(n) for n in re.findall(r"\d+", text)}
    for word, value in WORD_NUMBERS.items():
        if re.search(rf"\b{word}\b", text):
            found.add(value)
    for amount in re.findall(r"(\d+|a|one)[ -]minute", text):
        found.add(60 * (1 if amount in ("a", "one") else int(amount)))
    return found


@pytest.mark.parametrize("exercise", CATALOG.exercises.values(), ids=lambda e: e.id)
def test_quote_is_verbatim_in_its_document(exercise, source_texts):
    assert exercise.source.document in source_texts, exercise.source.document
    # Exactly once, so the quote points at this exercise and no other.
    assert source_texts[exercise.source.document].count(exercise.source.quote) == 1


@pytest.mark.parametrize("exercise", CATALOG.exercises.values(), ids=lambda e: e.id)
def test_figures_come_from_the_quote(exercise):
    stated = numbers_in(exercise.source.quote)
    for name in ("hold_s", "reps", "sets"):
        figure = getattr(exercise, name)
        if figure is not None:
            assert {figure.low, figure.high} <= stated, (name, figure, stated)
    if exercise.rest_s is not None:
        assert exercise.rest_s in stated
    if exercise.per_side:
        assert re.search(
            r"side|each leg|each foot|both sides|opposite|other|left|alternate|crossing",
            exercise.source.quote,
            re.IGNORECASE,
        ), "per_side needs the quote to say so"


@pytest.mark.parametrize("note", CATALOG.safety, ids=lambda n: n.id)
def test_safety_notes_are_verbatim(note, source_texts):
    assert source_texts[note.source.document].count(note.source.quote) == 1


def test_catalog_covers_every_target_region():
    covered = {t for e in CATALOG.exercises.values() for t in e.targets}
    for region in ("lower_back", "hip_flexors", "hamstrings", "glutes", "core"):
        assert region in covered
    assert covered <= set(TARGETS)


def test_every_exercise_has_instructions_in_steps():
    for exercise in CATALOG.exercises.values():
        assert exercise.steps and all(len(s) > 10 for s in exercise.steps), exercise.id


def test_routines_of_each_kind_exist_and_fit_their_place():
    sit = CATALOG.routine("sit-break")
    assert sit.kind == "sit" and sit.exercises[:2] == ("walk-around", "shoulder-circles")
    assert CATALOG.routines_of_kind("prerun") and CATALOG.routines_of_kind("evening")
    # Over one rotation, a day of sit-breaks covers the back and the hip flexors...
    day = {t for group in sit.rotation for eid in group for t in CATALOG.exercise(eid).targets}
    assert {"lower_back", "hip_flexors"} <= day
    # ...with no forward fold or intense backbend, which a sore lower back must skip.
    assert not [eid for eid in sit.all_exercise_ids() if CATALOG.exercise(eid).sore_back]
    # Sit-breaks stay in office clothes: nothing on the floor.
    for group in sit.rotation:
        assert 1 <= len(group) <= 2
        assert all(CATALOG.exercise(eid).place != "floor" for eid in group)
    prerun = {t for eid in CATALOG.routine("pre-run-glutes").exercises
              for t in CATALOG.exercise(eid).targets}
    assert "glutes" in prerun


def test_rotation_cycles_through_the_groups():
    sit = CATALOG.routine("sit-break")
    tails = [sit.exercises_for(n)[2:] for n in range(len(sit.rotation) + 1)]
    assert tails[0] == sit.rotation[0] and tails[-1] == sit.rotation[0]
    assert len(set(tails)) == len(sit.rotation)


BAD_ENTRIES = [
    ("targets = [\"core\"]", "targets = [\"elbows\"]", "field 'targets': unknown value 'elbows'"),
    ("hold_s = 30", "hold_s = [30, 20]", "field 'hold_s': must be a number or [min, max]"),
    ("place = \"floor\"", "place = \"garden\"", "field 'place': unknown value 'garden'"),
    ("name = \"Test\"", "", "field 'name': is required"),
    ("reps = 10", "reps = 10\ncolour = \"red\"", "field 'colour': unknown field"),
]


@pytest.mark.parametrize("good, bad, message", BAD_ENTRIES)
def test_bad_entry_names_file_entry_and_field(tmp_path: Path, good, bad, message):
    entry = """[[exercise]]
id = "test-move"
name = "Test"
targets = ["core"]
place = "floor"
hold_s = 30
reps = 10
steps = ["Lie on your back on the mat."]
source = { document = "d.txt", quote = "Hold 30 seconds. Do 10." }
"""
    assert good in entry
    path = tmp_path / "bad.toml"
    path.write_text(entry.replace(good, bad))
    with pytest.raises(CatalogError) as info:
        load_catalog(tmp_path)
    assert str(info.value).startswith(f"{path}: exercise 'test-move': ")
    assert message in str(info.value)


def test_routine_with_unknown_exercise_is_rejected(tmp_path: Path):
    (tmp_path / "r.toml").write_text(
        '[[routine]]\nid = "r"\nname = "R"\nkind = "sit"\nexercises = ["nope"]\n'
    )
    with pytest.raises(CatalogError, match="routine 'r': field 'exercises': unknown exercise 'nope'"):
        load_catalog(tmp_path)


def test_unreadable_catalog_file_is_named(tmp_path: Path):
    (tmp_path / "broken.toml").write_text("[[exercise]\n")
    with pytest.raises(CatalogError, match="broken.toml: cannot read catalog file"):
        load_catalog(tmp_path)


def test_sore_back_swaps_folds_and_backbends_for_the_gentle_moves_the_documents_name():
    swaps = {e.id: e.sore_back for e in CATALOG.exercises.values() if e.sore_back}
    assert {eid for eid, swap in swaps.items() if swap.kind == "forward fold"} == {
        "forward-fold", "seated-forward-fold", "roll-down", "downward-dog"}
    assert all(swap.instead == "supine-hamstring-opener" for swap in swaps.values() if swap.kind == "forward fold")
    gentle = CATALOG.for_sore_back(["walk-around", "forward-fold", "prone-press-up", "roll-down"])
    assert gentle == ["walk-around", "supine-hamstring-opener", "knee-to-chest"]
    # An exercise the user repeats stays repeated; only a swap already there is not doubled.
    assert CATALOG.for_sore_back(["walk-around", "forward-fold", "walk-around"]) == [
        "walk-around", "supine-hamstring-opener", "walk-around"]
    # The swapped-in moves keep their own figures from the documents.
    assert CATALOG.exercise("knee-to-chest").hold_s is not None


def test_every_source_names_its_document_by_title():
    titles = {e.source.title for e in CATALOG.exercises.values()} | {n.source.title for n in CATALOG.safety}
    assert titles == {"Can a Treadmill Cause Back Pain?", "How To Relieve Lower Back Pain From Running"}


def test_walk_around_is_done_standing_away_from_the_desk():
    assert CATALOG.exercise("walk-around").place == "standing"
