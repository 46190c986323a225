"""The guided routine: segment sequences and the clock-driven player."""

from __future__ import annotations

from dataclasses import replace

import pytest

from deskbreak.core.catalog import Exercise, Range, Source, Suggested, load_catalog
from deskbreak.core.guide import (
    Phase,
    RoutinePlayer,
    build_segments,
    chime_for,
    hold_seconds,
    summary,
)

CATALOG = load_catalog()


def make_exercise(**figures) -> Exercise:
    base = Exercise(
        id="test-hold",
        name="Test hold",
        targets=("lower_back",),
        place="floor",
        steps=("Lie on your back on the mat.",),
        source=Source("doc.txt", "quote"),
    )
    return replace(base, **figures)


def cues(segments) -> list[tuple[str, float, str]]:
    return [(s.phase.value, s.seconds, s.cue, s.progress_text()) for s in segments]


def test_per_side_multi_rep_hold_with_rest_is_called_out_exactly():
    exercise = make_exercise(hold_s=Range(30, 30), reps=Range(2, 2), per_side=True, rest_s=5)
    assert cues(build_segments([exercise], lead_in_s=3)) == [
        ("lead_in", 3, "Get into position: right side", "Rep 1 of 2 · Right side"),
        ("hold", 30, "Hold 30 s", "Rep 1 of 2 · Right side"),
        ("rest", 5, "Rest 5 s", "Rep 1 of 2 · Right side"),
        ("hold", 30, "Hold 30 s", "Rep 2 of 2 · Right side"),
        ("lead_in", 3, "Switch to your left side", "Rep 1 of 2 · Left side"),
        ("hold", 30, "Hold 30 s", "Rep 1 of 2 · Left side"),
        ("rest", 5, "Rest 5 s", "Rep 1 of 2 · Left side"),
        ("hold", 30, "Hold 30 s", "Rep 2 of 2 · Left side"),
    ]


def test_alternating_reps_switch_side_every_hold():
    exercise = CATALOG.exercise("all-fours-bent-knee-leg-extension")  # 3 s, 10 per side, alternate
    segments = build_segments([exercise], lead_in_s=3)
    holds = [s for s in segments if s.phase == Phase.HOLD]
    assert len(holds) == 20 and {s.seconds for s in holds} == {3}
    assert [s.side for s in holds[:4]] == ["right", "left", "right", "left"]
    assert holds[-1].rep == 10


def test_document_rest_replaces_the_lead_in():
    locust = CATALOG.exercise("locust-pose")  # hold 30 s, relax 5 s, 10 reps
    segments = build_segments([locust], lead_in_s=3)
    phases = [s.phase for s in segments]
    assert phases[:4] == [Phase.LEAD_IN, Phase.HOLD, Phase.REST, Phase.HOLD]
    assert phases.count(Phase.HOLD) == 10 and phases.count(Phase.REST) == 9
    assert phases.count(Phase.LEAD_IN) == 1
    assert sum(s.seconds for s in segments) == 3 + 10 * 30 + 9 * 5


@pytest.mark.parametrize("length, expected", [("short", 20), ("middle", 25), ("long", 30)])
def test_range_holds_follow_the_hold_length_setting(length, expected):
    split = CATALOG.exercise("split-hip-stretch")  # 20-30 s
    assert hold_seconds(split, length) == expected
    holds = [s for s in build_segments([split], hold_length=length) if s.phase == Phase.HOLD]
    assert {s.seconds for s in holds} == {expected}
    # "several reps" has no number: our suggestion (2) is used on each side.
    assert len(holds) == 2 * split.suggested.reps


def test_counted_reps_are_paced_and_counted():
    circles = CATALOG.exercise("shoulder-circles")  # our pacing: 10 reps, 2 s each
    [lead, move] = build_segments([circles], lead_in_s=3)
    assert move.phase == Phase.MOVE and move.seconds == 20 and move.reps == 10
    assert [move.rep_at(t) for t in (0, 1.9, 2.0, 19.9)] == [1, 1, 2, 10]


def test_timed_activity_uses_its_duration():
    walk = CATALOG.exercise("walk-around")
    [lead, move] = build_segments([walk], lead_in_s=3)
    assert move.seconds == walk.suggested.duration_s and "2 min" in move.cue


def test_rest_between_exercises_and_no_lead_in_when_zero():
    routine = CATALOG.routine("stability-ball-circuit")
    exercises = [CATALOG.exercise(e) for e in routine.exercises]
    segments = build_segments(exercises, lead_in_s=0, rest_between_s=routine.rest_between_s)
    assert Phase.LEAD_IN not in {s.phase for s in segments}
    between = [s for s in segments if s.phase == Phase.REST and s.cue == "Rest 30 s"]
    assert len(between) == len(exercises) - 1


def test_summary_names_the_documents_figures():
    assert summary(CATALOG.exercise("split-hip-stretch")) == "Split hip stretch (20-30 s each side)"
    assert summary(CATALOG.exercise("glute-bridge")) == "Glute bridge (3 s 15 reps)"


def test_player_runs_to_the_end_on_the_clock():
    exercise = make_exercise(hold_s=Range(10, 10), reps=Range(2, 2), rest_s=5)
    player = RoutinePlayer(build_segments([exercise], lead_in_s=3), start=100.0)
    view = player.view(101.0)
    assert view.segment.phase == Phase.LEAD_IN and view.remaining == pytest.approx(2.0)
    assert [s.phase for s in player.update(104.0)] == [Phase.LEAD_IN]
    assert player.view(110.0).remaining == pytest.approx(3.0)
    ended = player.update(200.0)  # a stalled event loop does not stretch anything
    assert [s.phase for s in ended] == [Phase.HOLD, Phase.REST, Phase.HOLD]
    assert player.finished and player.view(200.0).finished
    assert [(r.exercise_id, r.seconds, r.completed) for r in player.results] == [
        ("test-hold", 28.0, True)
    ]


def test_pause_freezes_the_countdown():
    exercise = make_exercise(hold_s=Range(30, 30))
    player = RoutinePlayer(build_segments([exercise], lead_in_s=0), start=0.0)
    assert player.toggle_pause(10.0) is True
    assert player.view(500.0).remaining == pytest.approx(20.0)
    assert player.update(500.0) == []
    assert player.toggle_pause(500.0) is False
    assert player.view(505.0).remaining == pytest.approx(15.0)
    player.update(520.0)
    assert player.finished


def test_skip_moves_to_the_next_exercise_and_records_it_incomplete():
    first = make_exercise(id="first", hold_s=Range(30, 30), per_side=True)
    second = make_exercise(id="second", hold_s=Range(20, 20))
    player = RoutinePlayer(build_segments([first, second], lead_in_s=0, rest_between_s=10), start=0.0)
    player.skip_exercise(12.0)
    view = player.view(12.0)
    assert view.segment.exercise.id == "second" and view.remaining == pytest.approx(20.0)
    assert player.results[0].exercise_id == "first" and not player.results[0].completed
    assert player.results[0].seconds == pytest.approx(12.0)
    player.stop(15.0)
    assert player.finished
    assert [(r.exercise_id, r.completed) for r in player.results] == [("first", False), ("second", False)]


def test_stop_mid_exercise_records_the_time_spent_so_far():
    exercise = make_exercise(hold_s=Range(10, 10), reps=Range(3, 3))
    player = RoutinePlayer(build_segments([exercise], lead_in_s=2), start=0.0)
    player.stop(17.0)  # lead-in 2 + hold 10 + lead-in 2 + 3 s into the second hold
    assert [(r.exercise_id, r.seconds, r.completed) for r in player.results] == [
        ("test-hold", 17.0, False)
    ]


def test_chimes_mark_hold_ends_and_side_switches():
    exercise = make_exercise(hold_s=Range(30, 30), reps=Range(2, 2), per_side=True, rest_s=5)
    segments = build_segments([exercise], lead_in_s=3)
    chimes = [chime_for(s, n) for s, n in zip(segments, segments[1:] + [None])]
    assert chimes == [None, "hold", None, "switch", None, "hold", None, "hold"]
