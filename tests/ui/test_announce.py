"""A screen reader follows a guided break: each phase is announced once, never each tick."""

from __future__ import annotations

from dataclasses import replace

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from deskbreak.core.content.catalog import Exercise, Range, Source
from deskbreak.core.clock import FakeClock
from deskbreak.core.settings import Settings
from deskbreak.ui.break_window import BreakWindow
from support.a11y_events import listening

SETTINGS = Settings.defaults().with_values(lead_in="1s")


def held(id: str, name: str, seconds: int, **figures) -> Exercise:
    return Exercise(id=id, name=name, targets=("hip_flexors",), place="floor", steps=("Hold it.",),
                    source=Source("doc.txt", "Hold it."), hold_s=Range(seconds, seconds), **figures)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window_for(qtbot, clock):
    windows: list[BreakWindow] = []

    def build(exercises, **options) -> BreakWindow:
        window = BreakWindow(title="Sit-break", exercises=exercises, settings=SETTINGS, clock=clock,
                             auto_close_s=None, **options)
        windows.append(window)
        return window

    yield build
    for window in windows:
        if shiboken6.isValid(window):
            window.close_quietly()
    QApplication.sendPostedEvents(None, 0)


def play(window: BreakWindow, clock: FakeClock, seconds: float, step: float = 0.25) -> None:
    """Let ``seconds`` pass, ticking as the window's timer would (every 100 ms; a quarter second here)."""
    for _ in range(round(seconds / step)):
        clock.advance(step)
        window.tick()


def test_one_routine_is_announced_phase_by_phase(window_for, clock):
    stretch = held("side", "Side stretch", 30, per_side=True)
    neck = held("neck", "Neck turn", 5)
    window = window_for([stretch, neck], rest_between_s=2)
    with listening() as heard:
        window.start()
        play(window, clock, 1 + 30 + 1 + 30 + 2 + 1 + 5 + 1)

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


def test_a_paused_hold_and_a_hidden_window_stay_quiet(window_for, clock):
    window = window_for([held("neck", "Neck turn", 5)])
    with listening() as heard:
        window.start()
        play(window, clock, 1 + 1)  # into the hold: 4 s left
        window.toggle_pause()
        play(window, clock, 10)
        assert heard.messages() == ["Neck turn", "Get into position", "Hold 5 seconds"]
        window.toggle_pause()
        window.hide()
        play(window, clock, 2)  # the countdown's 3 goes by unseen
        window.show()  # 2 s left, said as it shows
        play(window, clock, 1)
    assert heard.messages() == ["Neck turn", "Get into position", "Hold 5 seconds", "2", "1"]


def test_a_short_hold_has_no_countdown_and_a_run_of_reps_is_announced_once(window_for, clock):
    short = held("short", "Short hold", 3)
    lifts = held("lift", "Leg lift", 2, reps=Range(3, 3))  # a 2 s pause at the top: counted reps
    window = window_for([short, lifts])
    with listening() as heard:
        window.start()
        play(window, clock, 1 + 3 + 1 + 3 * 4 + 1)
    assert heard.messages() == ["Short hold", "Get into position", "Hold 3 seconds",
                                "Leg lift", "Get into position", "3 reps", "Break done."]
