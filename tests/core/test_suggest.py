"""Offering the break that works what the user has neglected lately."""

from __future__ import annotations

from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.kinds import BreakKind
from deskbreak.core.settings import Settings
from deskbreak.core.content.suggest import offerable_targets, suggest_break
from deskbreak.core.content.timeline import break_exercise_ids

CATALOG = load_catalog()
SETTINGS = Settings.defaults()


def worked_by(suggestion) -> set[str]:
    routine = CATALOG.routines_of_kind(suggestion.kind.value)[0]
    ids = break_exercise_ids(CATALOG, routine, SETTINGS, suggestion.sequence)
    return {target for exercise_id in ids for target in CATALOG.exercise(exercise_id).targets}


def test_a_sit_break_group_is_offered_when_one_covers_the_target():
    suggestion = suggest_break(CATALOG, SETTINGS, ["upper_back"])
    assert suggestion.kind == BreakKind.SIT and suggestion.covers == ("upper_back",)
    assert "upper_back" in worked_by(suggestion)


def test_the_offer_covers_as_many_neglected_targets_as_any_break_can():
    neglected = ["hamstrings", "glutes", "lower_back"]
    suggestion = suggest_break(CATALOG, SETTINGS, neglected)
    assert set(suggestion.covers) == set(neglected) <= worked_by(suggestion)
    # No sit-break group works the hamstrings, so a longer routine is offered.
    assert suggestion.kind != BreakKind.SIT


def test_the_longest_neglected_target_wins_a_tie():
    hip_first = suggest_break(CATALOG, SETTINGS, ["hip_flexors", "upper_back"])
    back_first = suggest_break(CATALOG, SETTINGS, ["upper_back", "hip_flexors"])
    assert "hip_flexors" in worked_by(hip_first) and "upper_back" in worked_by(back_first)


def test_targets_no_routine_works_are_neither_offered_nor_offerable():
    assert suggest_break(CATALOG, SETTINGS, ["feet"]) is None
    assert "feet" not in offerable_targets(CATALOG, SETTINGS)
    assert {"hamstrings", "glutes", "lower_back", "hip_flexors"} <= set(offerable_targets(CATALOG, SETTINGS))


def test_a_sore_back_offer_plays_the_gentle_swaps():
    sore = SETTINGS.with_value("sore_back", True)
    suggestion = suggest_break(CATALOG, sore, ["hamstrings"])
    routine = CATALOG.routines_of_kind(suggestion.kind.value)[0]
    ids = break_exercise_ids(CATALOG, routine, sore, suggestion.sequence)
    assert not any(CATALOG.exercise(e).sore_back for e in ids)
