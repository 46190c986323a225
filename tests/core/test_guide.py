"""The guided routine: the timeline a coach would call, and the clock-driven player."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from deskbreak.core.content.catalog import Exercise, Range, Source, load_catalog
from deskbreak.core.content.guide import (
    MOVE_S,
    RELEASE_S,
    Kind,
    RoutinePlayer,
    Stage,
    build_segments,
    chime_for,
    hold_seconds,
    summary,
    timeline_json,
    total_seconds,
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


def timeline(segments) -> list[tuple]:
    """(kind, side, rep, seconds) per segment: the timeline's own fields."""
    return [(s.kind.value, s.side, s.rep, s.seconds) for s in segments]


def entries(segments) -> list[Kind]:
    return [s.kind for s in segments if s.kind in (Kind.LEAD_IN, Kind.SWITCH)]


# -- the timelines the issue names -------------------------------------------


def test_glute_bridge_is_one_lead_in_then_fifteen_paced_reps():
    bridge = CATALOG.exercise("glute-bridge")
    assert (bridge.hold_s, bridge.reps, bridge.per_side) == (Range(3, 3), Range(15, 15), False)
    segments = build_segments([bridge], lead_in_s=3)
    rep = MOVE_S + 3 + MOVE_S  # lift, the document's 3 s pause, lower
    assert rep == 5
    assert timeline(segments) == [("lead_in", None, None, 3)] + [
        ("rep", None, n, rep) for n in range(1, 16)
    ]
    assert segments[0].cue == "Get into position"
    assert total_seconds(segments) == 3 + 15 * 5


def test_split_hip_stretch_counts_in_once_per_side_and_releases_between_holds():
    split = CATALOG.exercise("split-hip-stretch")  # 20-30 s, "several reps" (ours: 2), each side
    segments = build_segments([split], hold_length="short", lead_in_s=3)
    assert timeline(segments) == [
        ("lead_in", "right", None, 3),
        ("hold", "right", 1, 20),
        ("rest", "right", None, RELEASE_S),
        ("hold", "right", 2, 20),
        ("switch", "left", None, 3),
        ("hold", "left", 1, 20),
        ("rest", "left", None, RELEASE_S),
        ("hold", "left", 2, 20),
    ]
    assert [s.cue for s in segments[:5]] == [
        "Get into position: right side", "Hold 20 s", "Release, then hold again", "Hold 20 s",
        "Switch to your left side",
    ]
    assert segments[1].progress_text() == "Rep 1 of 2 · Right side"


def test_walking_around_is_one_walk_with_no_countdown():
    walk = CATALOG.exercise("walk-around")
    segments = build_segments([walk], lead_in_s=3)
    assert timeline(segments) == [("walk", None, None, walk.suggested.duration_s)]
    assert "2 min" in segments[0].cue


def test_shoulder_circles_are_one_counted_move_with_no_countdown():
    circles = CATALOG.exercise("shoulder-circles")  # our pacing: 10 times, 2 s each
    [move] = build_segments([circles], lead_in_s=3)
    assert (move.kind, move.seconds, move.reps, move.rep) == (Kind.MOVE, 20, 10, None)
    assert [move.rep_at(t) for t in (0, 1.9, 2.0, 19.9)] == [1, 1, 2, 10]
    assert [move.pose_at(t) for t in (0, 1, 2)] == [0.0, 1.0, 0.0]


# -- rules over the whole catalog -------------------------------------------


def test_every_exercise_gets_one_lead_in_and_one_switch_per_further_side_never_one_per_rep():
    for exercise in CATALOG.exercises.values():
        segments = build_segments([exercise], lead_in_s=3)
        kinds = {s.kind for s in segments}
        if kinds & {Kind.WALK, Kind.MOVE}:
            assert len(segments) == 1 and not entries(segments), exercise.id
            continue
        assert segments[0].kind == Kind.LEAD_IN, exercise.id
        assert entries(segments).count(Kind.LEAD_IN) == 1, exercise.id
        # A switch exactly where the side changes, and nowhere else.
        worked = [s for s in segments if s.kind in (Kind.HOLD, Kind.REP)]
        changes = sum(1 for a, b in zip(worked, worked[1:]) if a.side != b.side)
        switches = entries(segments).count(Kind.SWITCH)
        assert switches == (0 if exercise.alternate else changes), exercise.id
        for before, after in zip(segments, segments[1:]):
            if after.kind == Kind.SWITCH:
                assert before.side != after.side and after.side is not None, exercise.id


def test_every_segment_speaks_the_timeline_vocabulary():
    kinds = {"lead_in", "hold", "rep", "rest", "switch", "walk", "move"}
    assert {k.value for k in Kind} == kinds
    for exercise in CATALOG.exercises.values():
        for segment in build_segments([exercise]):
            assert segment.side in ("right", "left", None)
            assert segment.rep is None or segment.rep >= 1
            assert segment.seconds > 0
            if segment.kind in (Kind.LEAD_IN, Kind.SWITCH, Kind.REST, Kind.WALK, Kind.MOVE):
                assert segment.rep is None, (exercise.id, segment)


def test_a_routines_total_is_the_sum_of_its_segments_and_its_json_says_so():
    routine = CATALOG.routine("pre-run-glutes")
    exercises = [CATALOG.exercise(e) for e in routine.exercises]
    segments = build_segments(exercises, lead_in_s=3, rest_between_s=routine.rest_between_s)
    total = total_seconds(segments)
    assert total == sum(s.seconds for s in segments)
    data = json.loads(json.dumps(timeline_json(routine.id, segments)))
    assert data["routine"] == "pre-run-glutes" and data["total_s"] == total
    assert sum(s["seconds"] for s in data["segments"]) == total
    assert data["segments"][0] == {"kind": "lead_in", "exercise": "glute-bridge", "side": None,
                                   "rep": None, "seconds": 3}
    assert data["segments"][1] == {"kind": "rep", "exercise": "glute-bridge", "side": None,
                                   "rep": 1, "seconds": 5}
    assert [e for e in dict.fromkeys(s["exercise"] for s in data["segments"])] == list(routine.exercises)
    assert [s["kind"] for s in data["segments"]].count("lead_in") == len(exercises)


def test_the_player_plays_exactly_the_timeline():
    exercises = [CATALOG.exercise(e) for e in ("walk-around", "shoulder-circles", "split-hip-stretch")]
    segments = build_segments(exercises, lead_in_s=3)
    player = RoutinePlayer(segments, start=0.0)
    played = []
    now = 0.0
    while not player.finished:
        now += 0.5
        played += player.update(now)
    assert played == segments
    assert now == pytest.approx(total_seconds(segments), abs=0.5)


# -- alternating sides ----------------------------------------------------------


@pytest.mark.parametrize("exercise_id, reps, hold", [
    ("standing-twist", 10, 0),  # our pacing: 10 each side, 2 s each
    ("all-fours-bent-knee-leg-extension", 10, 3),  # "Alternate, 10 repetitions per side"
])
def test_alternating_exercises_go_right_left_rep_by_rep_after_one_lead_in(exercise_id, reps, hold):
    exercise = CATALOG.exercise(exercise_id)
    segments = build_segments([exercise], lead_in_s=3)
    assert timeline(segments[:1]) == [("lead_in", None, None, 3)]
    assert Kind.SWITCH not in {s.kind for s in segments}
    worked = segments[1:]
    assert [(s.kind.value, s.side, s.rep) for s in worked] == [
        ("rep", side, n) for n in range(1, reps + 1) for side in ("right", "left")
    ]
    assert {s.hold_s for s in worked} == {hold}
    assert worked[3].progress_text() == "Rep 2 of 10 · Left side"


# -- pacing details ---------------------------------------------------------------


def test_a_rep_moves_holds_and_returns_and_the_figure_lowers_between_reps():
    bridge = CATALOG.exercise("glute-bridge")
    rep = build_segments([bridge], lead_in_s=3)[1]
    assert [rep.stage_at(t) for t in (0.5, 1.5, 3.9, 4.5)] == [
        Stage.MOVE, Stage.HOLD, Stage.HOLD, Stage.RETURN]
    assert [rep.pose_at(t) for t in (0, 0.5, 1, 2.5, 4, 4.5, 5)] == [0, 0.5, 1, 1, 1, 0.5, 0]
    # Counted exercises wait in the start pose while getting into position;
    # held ones ease into the hold pose (None: the figure animates itself).
    assert build_segments([bridge])[0].pose_at(1) == 0.0
    assert build_segments([CATALOG.exercise("split-hip-stretch")])[0].pose_at(1) is None


def test_the_documents_rest_separates_repeated_holds():
    locust = CATALOG.exercise("locust-pose")  # hold 30 s, relax 5 s, 10 reps
    segments = build_segments([locust], lead_in_s=3)
    kinds = [s.kind for s in segments]
    assert kinds[:4] == [Kind.LEAD_IN, Kind.HOLD, Kind.REST, Kind.HOLD]
    assert kinds.count(Kind.HOLD) == 10 and kinds.count(Kind.REST) == 9
    assert {s.cue for s in segments if s.kind == Kind.REST} == {"Rest 5 s"}
    assert total_seconds(segments) == 3 + 10 * 30 + 9 * 5


def test_rounds_of_a_hold_are_numbered_repeats():
    table_top = CATALOG.exercise("table-top-hold")  # "10 seconds, for 6 rounds total"
    holds = [s for s in build_segments([table_top]) if s.kind == Kind.HOLD]
    assert [(s.rep, s.seconds) for s in holds] == [(n, 10) for n in range(1, 7)]


def test_sets_on_each_side_take_turns():
    lower = CATALOG.exercise("lying-leg-lower-abs")  # hold 3 s, 3 sets of 10 on each leg
    segments = build_segments([lower], lead_in_s=3)
    entered = [(s.kind.value, s.side, s.set) for s in segments if s.kind in (Kind.LEAD_IN, Kind.SWITCH)]
    assert entered == [("lead_in", "right", 1), ("switch", "left", 1), ("switch", "right", 2),
                       ("switch", "left", 2), ("switch", "right", 3), ("switch", "left", 3)]
    assert sum(1 for s in segments if s.kind == Kind.REP) == 60


@pytest.mark.parametrize("length, expected", [("short", 20), ("middle", 25), ("long", 30)])
def test_range_holds_follow_the_hold_length_setting(length, expected):
    split = CATALOG.exercise("split-hip-stretch")  # 20-30 s
    assert hold_seconds(split, length) == expected
    holds = [s for s in build_segments([split], hold_length=length) if s.kind == Kind.HOLD]
    assert {s.seconds for s in holds} == {expected}
    # "several reps" has no number: our suggestion (2) is used on each side.
    assert len(holds) == 2 * split.suggested.reps


def test_rest_between_exercises_and_no_lead_in_when_zero():
    routine = CATALOG.routine("stability-ball-circuit")
    exercises = [CATALOG.exercise(e) for e in routine.exercises]
    segments = build_segments(exercises, lead_in_s=0, rest_between_s=routine.rest_between_s)
    assert not entries(segments)
    between = [s for s in segments if s.kind == Kind.REST and s.cue == "Rest 30 s"]
    assert len(between) == len(exercises) - 1


def test_summary_names_the_documents_figures():
    assert summary(CATALOG.exercise("split-hip-stretch")) == "Split hip stretch (20-30 s each side)"
    assert summary(CATALOG.exercise("glute-bridge")) == "Glute bridge (3 s 15 reps)"


def test_chimes_mark_hold_ends_side_switches_and_the_last_rep_only():
    exercise = make_exercise(hold_s=Range(30, 30), reps=Range(2, 2), per_side=True, rest_s=5)
    segments = build_segments([exercise], lead_in_s=3)
    chimes = [chime_for(s, n) for s, n in zip(segments, segments[1:] + [None])]
    assert chimes == [None, "hold", None, "switch", None, "hold", None, "hold"]
    bridge = build_segments([CATALOG.exercise("glute-bridge")])
    chimes = [chime_for(s, n) for s, n in zip(bridge, bridge[1:] + [None])]
    assert chimes == [None] * 15 + ["hold"]


# -- the player ---------------------------------------------------------------------


def test_player_runs_to_the_end_on_the_clock():
    exercise = make_exercise(hold_s=Range(10, 10), reps=Range(2, 2), rest_s=5)
    player = RoutinePlayer(build_segments([exercise], lead_in_s=3), start=100.0)
    view = player.view(101.0)
    assert view.segment.kind == Kind.LEAD_IN and view.remaining == pytest.approx(2.0)
    assert player.remaining_total(101.0) == pytest.approx(2 + 10 + 5 + 10)
    assert [s.kind for s in player.update(104.0)] == [Kind.LEAD_IN]
    assert player.view(110.0).remaining == pytest.approx(3.0)
    ended = player.update(200.0)  # a stalled event loop does not stretch anything
    assert [s.kind for s in ended] == [Kind.HOLD, Kind.REST, Kind.HOLD]
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
    # The rest before the second exercise belongs to it: "Rest 10 s", then "second".
    assert view.segment.kind == Kind.REST and view.segment.exercise.id == "second"
    assert view.remaining == pytest.approx(10.0)
    assert player.results[0].exercise_id == "first" and not player.results[0].completed
    assert player.results[0].seconds == pytest.approx(12.0)
    player.stop(15.0)
    assert player.finished
    assert [(r.exercise_id, r.completed) for r in player.results] == [("first", False), ("second", False)]


def test_stop_mid_exercise_records_the_time_spent_so_far():
    exercise = make_exercise(hold_s=Range(10, 10), reps=Range(3, 3))
    player = RoutinePlayer(build_segments([exercise], lead_in_s=2), start=0.0)
    player.stop(17.0)  # lead-in 2 + hold 10 + release 5
    assert [(r.exercise_id, r.seconds, r.completed) for r in player.results] == [
        ("test-hold", 17.0, False)
    ]


def test_an_exercise_finished_before_the_rest_stays_done_when_the_rest_is_skipped():
    first = make_exercise(id="first", hold_s=Range(30, 30))
    second = make_exercise(id="second", hold_s=Range(20, 20))
    player = RoutinePlayer(build_segments([first, second], lead_in_s=0, rest_between_s=10), start=0.0)
    player.skip_exercise(35.0)  # first's hold ended at 30; 5 s into the rest
    assert [(r.exercise_id, r.completed) for r in player.results][0] == ("first", True)
    assert player.results[0].seconds == pytest.approx(30.0), "the rest is not counted as the first's time"


def test_timings_the_documents_do_not_give_are_named_as_ours():
    from deskbreak.core.content.catalog import load_catalog
    from deskbreak.core.content.guide import our_timing

    catalog = load_catalog()
    assert our_timing(catalog.exercise("glute-bridge")) == ["1 s to lift and 1 s to lower each rep"]
    assert our_timing(catalog.exercise("split-hip-stretch")) == ["a 5 s release between holds"]
    assert our_timing(catalog.exercise("locust-pose")) == [], "the document gives its 5 s rest"
