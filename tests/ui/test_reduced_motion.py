"""Reduced motion: the figure jumps to its key poses, the ring steps once a second (issue 20, part 3).

Paints and timer activity are counted, never timed. The full movement is
tests/ui/test_figure.py's and test_figure_repaint.py's, unchanged.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from deskbreak.adapters.motion import MotionPreference
from deskbreak.core.clock import FakeClock
from deskbreak.core.content.poses import load_poses
from deskbreak.ui.figure import FigureWidget
from deskbreak.ui.hold_ring import HoldRing
from support.app_builder import MONDAY_9, advance_to, app_parts  # noqa: F401  (app_parts: a fixture)
from tests.ui.test_figure_repaint import Paints, count_down, ring  # noqa: F401  (ring: a fixture)


@pytest.fixture(scope="module")
def poses(catalog):
    return load_poses(catalog=catalog)


@pytest.fixture
def figure(qtbot, poses) -> FigureWidget:
    """A figure on screen with reduced motion, its clock never moving: nothing may wait for time."""
    widget = FigureWidget(poses, clock=FakeClock())
    widget.set_reduced_motion(True)
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()
    return widget


class TimerStarts:
    """Counts how often a QTimer is started (its ``start`` slot called from Python)."""

    def __init__(self, widget: FigureWidget, monkeypatch) -> None:
        self.count = 0
        timer, start = widget.timer, widget.timer.start

        def counted(*args):
            self.count += 1
            start(*args)
        monkeypatch.setattr(timer, "start", counted)


def test_the_figure_shows_the_hold_pose_at_once_with_one_paint_and_no_timer(figure, catalog, poses, monkeypatch):
    starts, paints = TimerStarts(figure, monkeypatch), Paints(figure)
    figure.show_exercise(catalog.exercise("split-hip-stretch"), "right")
    assert not figure.animating and not figure.timer.isActive()
    assert figure.progress == 1.0
    assert figure.current_pose() == poses["split-hip-stretch"].hold
    for _ in range(5):
        QApplication.processEvents()
    assert len(paints) == 1, paints.rects
    assert starts.count == 0


def test_a_movement_jumps_between_the_start_and_the_hold_pose(figure, monkeypatch):
    figure.show_exercise("glute-bridge")
    figure.set_pose_progress(0.0)  # waiting in the start pose, as before counted reps
    QApplication.processEvents()
    starts, paints = TimerStarts(figure, monkeypatch), Paints(figure)
    shown = []
    # Two counted reps: up, hold, down, twenty steps each way, as the break window's ticks give them.
    for _ in range(2):
        for t in [*(i / 20 for i in range(21)), *([1.0] * 10), *(1 - i / 20 for i in range(21))]:
            figure.set_pose_progress(t)
            shown.append(figure.progress)
            QApplication.processEvents()
    assert set(shown) == {0.0, 1.0}  # never a pose between the two
    assert len(paints) == 4, paints.rects  # up and down, twice
    assert starts.count == 0 and not figure.timer.isActive()


def test_reducing_motion_midway_ends_the_movement_in_the_hold_pose(qtbot, catalog, poses):
    clock = FakeClock()
    widget = FigureWidget(poses, clock=clock)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_exercise(catalog.exercise("split-hip-stretch"))
    assert widget.animating and widget.timer.isActive()  # full motion: easing
    widget.set_reduced_motion(True)
    assert not widget.animating and not widget.timer.isActive()
    assert widget.progress == 1.0
    widget.set_reduced_motion(False)
    widget.show_exercise(catalog.exercise("split-hip-stretch"), "left")
    assert widget.animating  # and back to the full movement


# -- the ring ------------------------------------------------------------------------


def ten_seconds_of_ticks(ring: HoldRing, *, counted: bool) -> tuple[int, int]:
    """Ten seconds of a 30 s segment at ten ticks a second: (paints, arc steps).

    ``counted``: the number is a rep that stays the same; otherwise the seconds left.
    """
    paints, steps, shown = Paints(ring), 0, ring.shown_fraction
    for tenth in range(300, 200, -1):
        seconds = tenth / 10
        count_down(ring, seconds, 30, "3" if counted else str(int(seconds + 0.999)), "" if counted else "s")
        steps += ring.shown_fraction != shown
        shown = ring.shown_fraction
    return len(paints), steps


@pytest.mark.parametrize("counted", [False, True])
def test_the_reduced_ring_steps_at_most_once_a_second(ring, counted):
    ring.set_reduced_motion(True)
    count_down(ring, 30, 30, "30", "s")
    paints, steps = ten_seconds_of_ticks(ring, counted=counted)
    assert 9 <= steps <= 10 and paints <= 10, (steps, paints)
    # The arc stands where the number says: 20 whole seconds of 30 left.
    assert ring.shown_fraction == pytest.approx(21 / 30, abs=1 / 5760)


def test_the_full_ring_sweeps_in_smaller_steps(ring):
    count_down(ring, 30, 30, "3", "")
    paints, steps = ten_seconds_of_ticks(ring, counted=True)
    assert steps > 20, steps  # the difference reduced motion makes


# -- the app ------------------------------------------------------------------------


@pytest.mark.parametrize("motion, desktop, reduced", [
    ("system", True, True), ("system", False, False), ("full", True, False), ("reduced", False, True)])
def test_a_break_opens_with_the_motion_the_setting_and_the_desktop_ask_for(app_parts, motion, desktop, reduced):
    app, clock, _, _ = app_parts
    asked = []
    app.breaks.motion = MotionPreference([lambda: asked.append(True) or desktop], clock)
    app.store.set("motion", motion)
    advance_to(app, clock, MONDAY_9 + timedelta(minutes=30))
    window = app.window
    assert window is not None
    assert window.figure_area.figure.reduced_motion is reduced
    assert window.ring.reduced_motion is reduced and window.done_ring.reduced_motion is reduced
    assert len(asked) == (motion == "system")  # the desktop is asked only to follow it
    assert window.figure_area.figure.animating is not reduced  # easing into the first pose, or there already
