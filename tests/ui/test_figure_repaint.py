"""The break window paints only what changes: paints counted, never timed (issue 19).

A still figure is not repainted while the user holds a pose; the ring
repaints when its number or its arc visibly change, the arc only where it
moved; a moving figure repaints the region its moving limbs sweep, at most
30 times a second; the layers that do not move are painted once into
pixmaps and rebuilt only when the widget's size or colours change.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from deskbreak.core.clock import FakeClock
from deskbreak.core.content.catalog import Range
from deskbreak.core.content.poses import load_poses
from deskbreak.core.settings import Settings
from deskbreak.ui.break_window import TICK_MS, BreakWindow
from deskbreak.ui.figure import FigureWidget
from deskbreak.ui.hold_ring import HoldRing


class Paints(QObject):
    """Counts the paint events ``widget`` receives and the rectangles they cover."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.rects: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.region().boundingRect())
        return False

    def __len__(self) -> int:
        return len(self.rects)

    def reset(self) -> None:
        self.rects.clear()


def area(rect: QRect | QSize) -> int:
    return rect.width() * rect.height()


class Seconds:
    """A clock moved by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def poses(catalog):
    return load_poses(catalog=catalog)


@pytest.fixture
def figure(qtbot, poses) -> tuple[FigureWidget, Seconds]:
    clock = Seconds()
    widget = FigureWidget(poses, clock=clock)
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, clock


@pytest.fixture
def ring(qtbot) -> HoldRing:
    """A hold ring on screen, 240 px square."""
    shown = HoldRing()
    qtbot.addWidget(shown)
    shown.resize(240, 240)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def count_down(ring: HoldRing, remaining: float, total: float, text: str, unit: str = "s") -> None:
    """The ring as a hold of ``total`` seconds shows it with ``remaining`` left, painted."""
    ring.set_state(fraction=remaining / total, remaining=remaining, value_text=text, caption="HOLD",
                   accessible="", unit=unit)
    QApplication.processEvents()


@pytest.fixture
def window(qtbot, catalog, poses):
    """A break window on a fake clock holding the split hip stretch for ten minutes."""
    clock = FakeClock()
    hold = replace(catalog.exercise("split-hip-stretch"), hold_s=Range(600, 600))
    opened = BreakWindow(title="Sit-break", exercises=[hold], settings=Settings.defaults().with_values(lead_in="1s"),
                         clock=clock, poses=poses, key_guard_s=0)
    opened.start()
    qtbot.waitExposed(opened)
    yield opened, clock
    if shiboken6.isValid(opened):
        opened.close_quietly()
    QApplication.sendPostedEvents(None, 0)


def play(window: BreakWindow, clock: FakeClock, seconds: float) -> None:
    """``seconds`` of the window's ticks, each one painted as the event loop would."""
    for _ in range(round(seconds * 1000 / TICK_MS)):
        clock.advance(TICK_MS / 1000)
        window.tick()
        QApplication.processEvents()


# -- holding ------------------------------------------------------------------------


def test_a_held_figure_is_not_repainted_and_the_ring_repaints_once_a_second(qtbot, window):
    opened, clock = window
    figure = opened.figure_area.figure
    play(opened, clock, 2)  # the lead-in, easing into the hold pose
    qtbot.waitUntil(lambda: not figure.animating, timeout=2000)
    qtbot.wait(50)  # whatever else was still to paint
    figure_paints, ring_paints = Paints(figure), Paints(opened.ring)
    play(opened, clock, 10)
    assert not figure.timer.isActive()
    assert len(figure_paints) == 0, figure_paints.rects
    # A ten-minute hold: the number changes once a second, the arc moves a pixel in about as long.
    assert 10 <= len(ring_paints) <= 20, ring_paints.rects


def test_a_short_hold_steps_the_arc_a_few_times_a_second_and_repaints_only_its_end(ring):
    paints = Paints(ring)
    numbers = 0
    for tenth in range(300, 200, -1):  # ten seconds of a 30 s hold, ten ticks a second
        seconds = tenth / 10
        text = str(int(seconds + 0.999))
        numbers += text != ring.value_text
        count_down(ring, seconds, 30, text)
    assert numbers <= len(paints) <= 10 + numbers * 5, len(paints)  # at most five arc steps a second
    small = [rect for rect in paints.rects if area(rect) <= area(ring.size()) * 0.15]
    assert len(small) >= len(paints) - numbers - 1  # only the arc's end where only the arc moved
    # Where the number changed: the words inside the track, and the arc's end if it moved.
    assert max(area(rect) for rect in paints.rects) <= area(ring.size()) * 0.75


def test_a_state_that_looks_the_same_is_not_repainted(ring):
    count_down(ring, 300, 600, "5:00", "min")
    paints = Paints(ring)
    for step in range(1, 6):  # a ten-minute hold moves the arc far less than a pixel in 50 ms
        count_down(ring, 300 - step * 0.05, 600, "5:00", "min")
    assert len(paints) == 0


# -- moving --------------------------------------------------------------------------


def test_a_moving_figure_repaints_only_where_its_limbs_move(figure):
    widget, _ = figure
    widget.show_exercise("shoulder-circles")
    widget.set_pose_progress(0.0)
    QApplication.processEvents()
    paints = Paints(widget)
    for step in range(1, 11):  # the break window's ticks through one circle
        widget.set_pose_progress(step / 10)
        QApplication.processEvents()
    assert len(paints) == 10
    assert max(area(rect) for rect in paints.rects) <= area(widget.size()) * 0.5


def test_easing_paints_only_when_the_figure_has_moved_at_most_30_times_a_second(qtbot, figure):
    widget, clock = figure
    assert widget.timer.interval() >= 33
    widget.show_exercise("split-hip-stretch", "right")
    QApplication.processEvents()
    paints = Paints(widget)
    qtbot.wait(300)  # the clock stands still: nothing has moved, nothing to paint
    assert widget.timer.isActive() and len(paints) == 0
    clock.now += 0.2
    qtbot.waitUntil(lambda: len(paints) >= 1, timeout=1000)
    qtbot.wait(150)
    assert len(paints) == 1


def test_an_eased_movement_skips_the_frames_that_move_less_than_a_pixel(qtbot, figure):
    widget, clock = figure
    widget.show_exercise("split-hip-stretch", "right")
    QApplication.processEvents()
    paints = Paints(widget)
    for frame in range(1, 31):  # a second at 30 frames a second
        clock.now += 1 / 30
        qtbot.waitUntil(lambda: widget.progress == pytest.approx(min(1.0, frame / 30)), timeout=1000)
        QApplication.processEvents()
    clock.now += 0.001  # past the end, whatever thirty thirtieths add up to
    qtbot.waitUntil(lambda: not widget.animating, timeout=1000)
    QApplication.processEvents()
    # The ease starts and ends slowly: a few frames there move the figure less than a pixel.
    assert 15 <= len(paints) <= 26, len(paints)


# -- the cached layers ------------------------------------------------------------------


def test_the_still_layers_are_painted_once_and_again_on_resize_or_new_colours(qtbot, figure):
    widget, clock = figure
    widget.show_exercise("shoulder-circles")
    for step in range(11):
        widget.set_pose_progress(step / 10)
        QApplication.processEvents()
    built = widget.layer_builds
    assert built >= 1
    for step in range(10, -1, -1):
        widget.set_pose_progress(step / 10)
        QApplication.processEvents()
    assert widget.layer_builds == built  # moving repaints the moving limbs only
    widget.resize(420, 300)
    QApplication.processEvents()
    assert widget.layer_builds > built
    built = widget.layer_builds
    widget.set_pose_progress(0.5)
    QApplication.processEvents()
    assert widget.layer_builds == built
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    widget.setPalette(palette)
    QApplication.processEvents()
    assert widget.layer_builds > built
    built = widget.layer_builds
    widget.set_background(QColor("#303134"))
    QApplication.processEvents()
    assert widget.layer_builds > built


def test_the_rings_track_is_painted_again_only_on_resize_or_new_colours(ring):
    count_down(ring, 30, 30, "30")
    built = ring.layer_builds
    for tenth in range(299, 271, -1):  # the arc moves, the number changes
        count_down(ring, tenth / 10, 30, str(int(tenth / 10 + 0.999)))
    assert ring.layer_builds == built
    ring.resize(260, 260)
    QApplication.processEvents()
    assert ring.layer_builds == built + 1
    palette = ring.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    ring.setPalette(palette)
    QApplication.processEvents()
    assert ring.layer_builds == built + 2


def test_hidden_widgets_keep_no_pixmaps(qtbot, figure, ring):
    widget, _ = figure
    widget.show_exercise("shoulder-circles")
    QApplication.processEvents()
    count_down(ring, 30, 30, "30")
    built = widget.layer_builds, ring.layer_builds
    for shown in (widget, ring):
        shown.hide()
        shown.show()
        qtbot.waitExposed(shown)
        QApplication.processEvents()
    # Shown again, each paints its still layers anew: nothing was kept while hidden.
    assert widget.layer_builds > built[0] and ring.layer_builds == built[1] + 1


def test_a_ring_resized_or_shown_catches_its_arc_up(qtbot):
    ring = HoldRing()
    qtbot.addWidget(ring)
    ring.resize(12, 12)  # not laid out yet: a pixel of arc is a long way round
    for tenth in range(300, 290, -1):
        ring.set_state(fraction=tenth / 300, remaining=tenth / 10, value_text="30", caption="HOLD",
                       accessible="", unit="s")
    ring.resize(240, 240)
    ring.show()
    qtbot.waitExposed(ring)
    assert ring.shown_fraction == pytest.approx(ring.fraction, abs=1 / 5760)
