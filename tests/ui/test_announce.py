"""A screen reader follows a guided break: each phase is announced once, never each tick."""

from __future__ import annotations

from deskbreak.core.content.catalog import Range
from support.a11y_events import listening

from .test_break_window import clock, make_exercise, open_window, run  # noqa: F401  (fixtures)


def held(id: str, name: str, seconds: int, **figures):
    return make_exercise(id, name, hold_s=Range(seconds, seconds), **figures)


def test_one_routine_is_announced_phase_by_phase(open_window, clock):
    stretch = held("side", "Side stretch", 30, per_side=True)
    neck = held("neck", "Neck turn", 5)
    with listening() as heard:
        window, _ = open_window([stretch, neck], rest_between_s=2)
        run(window, clock, 1 + 30 + 1 + 30 + 2 + 1 + 5 + 1)

    assert heard.messages() == [
        "Side stretch", "Get into position: right side", "Hold 30 seconds", "3", "2", "1",
        "Switch to your left side", "Hold 30 seconds", "3", "2", "1",
        "Rest",
        "Neck turn", "Get into position", "Hold 5 seconds", "3", "2", "1",
        "Break done.",
    ]
    assertive = [a.message for a in heard.announcements if a.assertive]
    assert assertive == ["3", "2", "1", "Switch to your left side", "3", "2", "1", "3", "2", "1"]
    assert all(a.source is window for a in heard.announcements)


def test_a_paused_hold_and_a_hidden_window_stay_quiet(open_window, clock):
    with listening() as heard:
        window, _ = open_window([held("neck", "Neck turn", 5)])
        run(window, clock, 1 + 1)  # into the hold: 4 s left
        window.toggle_pause()
        run(window, clock, 10)
        assert heard.messages() == ["Neck turn", "Get into position", "Hold 5 seconds"]
        window.toggle_pause()
        window.hide()
        run(window, clock, 2)  # the countdown's 3 goes by unseen
        window.show()  # 2 s left, said as it shows
        run(window, clock, 1)
    assert heard.messages() == ["Neck turn", "Get into position", "Hold 5 seconds", "2", "1"]


def test_a_short_hold_has_no_countdown_and_a_run_of_reps_is_announced_once(open_window, clock):
    short = held("short", "Short hold", 3)
    lifts = held("lift", "Leg lift", 2, reps=Range(3, 3))  # a 2 s pause at the top: counted reps
    with listening() as heard:
        window, _ = open_window([short, lifts])
        run(window, clock, 1 + 3 + 1 + 3 * 4 + 1)
    assert heard.messages() == ["Short hold", "Get into position", "Hold 3 seconds",
                                "Leg lift", "Get into position", "3 reps", "Break done."]
