"""Nothing on the break window is cut off, at 1280x800, at 1024x600 and with the system font at 125 %.

The window is rendered offscreen at the size it takes on a 1280x800 screen
and at the full 1280x800, with the application font as it is and 1.25
times larger (what a user who enlarges the system font gets: every font in
the window is scaled from it). For every exercise in the catalog, and for
the done view and the safety page:

* every visible label has the room its text needs (its ``heightForWidth``
  at its width, or its size hint when it does not wrap), lies wholly inside
  the window and is not clipped by a parent (``visibleRegion``), and no
  text was shortened with an ellipsis;
* the steps, the cautions and the source need no scrolling;
* every visible button is as wide as its label needs.

On a 1024x600 screen (the window as it places itself there) the steps may
scroll, but no widget overlaps another or is cut off (:mod:`.layout_checks`).
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QScrollArea, QWidget

from deskbreak.core.clock import FakeClock
from deskbreak.core.content.guide import Kind
from deskbreak.core.settings import Settings
from deskbreak.ui import screen_fit
from deskbreak.ui.break_window import BreakWindow, window_size

from .layout_checks import SCREENS, available, font_scale, language, layout_problems, on_screen, smallest_framed_size  # noqa: F401

SCREEN = QSize(1280, 800)
SIZES = [pytest.param(window_size(SCREEN), id="window-on-1280x800"),
         pytest.param(SCREEN, id="full-1280x800")]
SETTINGS = Settings.defaults()


@pytest.fixture
def open_window(qtbot):
    windows: list[BreakWindow] = []

    def open_(exercises, size: QSize | None, catalog, **options) -> tuple[BreakWindow, FakeClock]:
        """The window playing ``exercises``, resized to ``size`` (None: as it placed itself)."""
        clock = FakeClock()
        window = BreakWindow(title="Pre-run glute activation", exercises=exercises, settings=SETTINGS,
                             clock=clock, safety=catalog.safety, key_guard_s=0, auto_close_s=None,
                             next_break_text="Next sit-break at 15:30", **options)
        windows.append(window)
        window.start()
        if size is not None:
            window.resize(size)
        settle()
        return window, clock

    yield open_
    for window in windows:
        if shiboken6.isValid(window):
            window.close_quietly()
    QApplication.sendPostedEvents(None, 0)


def settle() -> None:
    """Let the layouts run (a new text asks for a new layout, which may wrap differently)."""
    for _ in range(3):
        QApplication.processEvents()


def cut_off(window: QWidget) -> list[str]:
    """What is cut off on the window's current page, in words ([] when nothing is)."""
    problems = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        name = label.objectName() or repr(label.text()[:40])
        if label.wordWrap():
            need = QSize(label.width(), label.heightForWidth(label.width()))
        else:
            need = label.sizeHint()
        if need.width() > label.width() or need.height() > label.height():
            problems.append(f"{name}: needs {need.width()}x{need.height()}, has {label.width()}x{label.height()}")
        if "\u2026" in label.text():
            problems.append(f"{name}: elided")
        problems += _outside(window, label, name)
    for button in window.findChildren(QPushButton):
        if button.isVisible():
            if button.sizeHint().width() > button.width():
                problems.append(f"{button.objectName()}: {button.text()!r} is narrower than its label")
            problems += _outside(window, button, button.objectName())
    return problems


def _outside(window: QWidget, widget: QWidget, name: str) -> list[str]:
    box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if not window.rect().contains(box):
        return [f"{name}: {box.getRect()} is outside the window {window.rect().getRect()}"]
    visible = widget.visibleRegion().boundingRect()
    if visible != widget.rect() and not _scrolls_into_view(widget):
        return [f"{name}: only {visible.getRect()} of {widget.rect().getRect()} is visible"]
    return []


def _scrolls_into_view(widget: QWidget) -> bool:
    """Inside a scroll area that can scroll: the rest of it is a scroll away, not cut off."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent.verticalScrollBar().maximum() > 0
        parent = parent.parentWidget()
    return False


def scrolled(window: QWidget) -> list[str]:
    """The text areas that would need scrolling to be read in full."""
    return [f"{area.objectName()} scrolls by {area.verticalScrollBar().maximum()} px"
            for area in window.findChildren(QScrollArea)
            if area.isVisible() and area.verticalScrollBar().maximum() > 0]


@pytest.mark.parametrize("size", SIZES)
def test_no_exercise_is_cut_off_and_nothing_needs_scrolling(open_window, catalog, font_scale, size):
    exercises = list(catalog.exercises.values())
    window, clock = open_window(exercises, size, catalog)
    problems = []
    for exercise in exercises:
        segment = window.player.view(clock.monotonic()).segment
        assert segment.exercise.id == exercise.id
        # Getting into position, then a moment into the work itself (a hold, a rep...);
        # a walk or a move is one segment: look half way through it.
        into = segment.seconds + 0.5 if segment.kind in (Kind.LEAD_IN, Kind.SWITCH) else segment.seconds / 2
        for step in (0.0, into):
            clock.advance(step)
            window.tick()
            settle()
            assert window.player.view(clock.monotonic()).segment.exercise.id == exercise.id
            problems += [f"{exercise.id}: {p}" for p in cut_off(window) + scrolled(window)]
            for name in ("cautionsLabel", "sourceLabel", "citationLabel"):
                label = window.findChild(QLabel, name)
                if name != "cautionsLabel" or exercise.cautions:
                    assert label.isVisible(), (exercise.id, name)
        window.skip_exercise()
    assert problems == []


@pytest.mark.parametrize("size", SIZES)
def test_switching_sides_and_counting_reps_are_not_cut_off(open_window, catalog, font_scale, size):
    split, twist = catalog.exercise("split-hip-stretch"), catalog.exercise("standing-twist")
    window, clock = open_window([split, twist], size, catalog)
    lead_in = SETTINGS.lead_in.total_seconds()
    clock.advance(lead_in + 20 + 5 + 20 + 0.5)  # right side twice, then "Switch to your left side"
    window.tick()
    settle()
    assert window.findChild(QLabel, "cueLabel").text() == "Switch to your left side"
    assert cut_off(window) == [] and scrolled(window) == []
    window.skip_exercise()
    clock.advance(lead_in + 2.5)  # alternating reps
    window.tick()
    settle()
    assert window.findChild(QLabel, "progressLabel").text() == "Rep 1 of 10 · Left side"
    assert cut_off(window) == [] and scrolled(window) == []


@pytest.mark.parametrize("size", SIZES)
def test_the_done_view_is_not_cut_off(open_window, catalog, font_scale, size):
    routine = catalog.routine("pre-run-glutes")
    exercises = [catalog.exercise(e) for e in routine.exercises]
    window, clock = open_window(exercises, size, catalog)
    window.skip_exercise()  # one skipped: a longer line ("skipped after ...")
    clock.advance(window.player.remaining_total(clock.monotonic()) + 1)
    window.tick()
    settle()
    assert window.findChild(QWidget, "doneView").isVisible()
    assert window.findChild(QLabel, "nextBreakLabel").isVisible()
    assert cut_off(window) == []


@pytest.mark.parametrize("size", SIZES)
def test_the_safety_page_is_not_cut_off_and_needs_no_scrolling(open_window, catalog, font_scale, size):
    window, clock = open_window([catalog.exercise("glute-bridge")], size, catalog)
    window.report_hurt()
    settle()
    assert window.findChild(QWidget, "safetyPanel").isVisible()
    assert cut_off(window) == [] and scrolled(window) == []


@pytest.fixture
def small_screen(monkeypatch) -> QRect:
    """A 1024x600 screen with a panel, as the break window sees it when it places itself."""
    area = available(SCREENS["1024x600"])
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: QRect(area))
    return area


def test_on_a_1024x600_screen_no_exercise_overlaps_or_is_cut_off(open_window, catalog, language, font_scale,
                                                                 small_screen):
    exercises = list(catalog.exercises.values())
    window, clock = open_window(exercises, None, catalog)
    problems = on_screen(window, small_screen)
    for exercise in exercises:
        segment = window.player.view(clock.monotonic()).segment
        clock.advance(segment.seconds + 0.5 if segment.kind in (Kind.LEAD_IN, Kind.SWITCH) else segment.seconds / 2)
        window.tick()
        settle()
        problems += [f"{exercise.id}: {problem}" for problem in layout_problems(window)]
        window.skip_exercise()
    assert problems == [], "\n".join(problems)


def test_on_a_1024x600_screen_the_done_view_of_every_routine_fits(open_window, catalog, language, font_scale,
                                                                  small_screen):
    problems = []
    for routine in catalog.routines.values():
        exercises = [catalog.exercise(e) for e in routine.exercises_for(1)]
        window, clock = open_window(exercises, None, catalog)
        clock.advance(window.player.remaining_total(clock.monotonic()) + 1)
        window.tick()
        settle()
        assert window.findChild(QWidget, "doneView").isVisible()
        problems += [f"{routine.id}: {problem}" for problem in layout_problems(window)]
        least = smallest_framed_size(window)
        if least.height() > available(SCREENS["1024x600"]).height():
            problems.append(f"{routine.id}: needs {least.height()} px of height with its frame")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("size", [*SIZES, pytest.param(None, id="on-1024x600")])
def test_the_done_view_saying_which_holds_grew_is_not_cut_off(open_window, catalog, font_scale, size, monkeypatch):
    from deskbreak.core.history.progression import Grown

    if size is None:
        area = available(SCREENS["1024x600"])
        monkeypatch.setattr(screen_fit, "available_area", lambda _widget: QRect(area))
    routine = catalog.routine("stability-ball-circuit")
    window, clock = open_window([catalog.exercise(e) for e in routine.exercises_for(1)], size, catalog,
                                holds={"plank": 50})
    clock.advance(window.player.remaining_total(clock.monotonic()) + 1)
    window.tick()
    window.set_today(["core", "glutes", "lower back"], [Grown("plank", 55, 50), Grown("glute-bridge", 35, 30)])
    settle()
    beside = [label.text() for label in window.findChildren(QLabel) if "next time" in label.text()]
    assert len(beside) == 2 and any(text.startswith("Plank") and "55 s next time, was 50 s" in text for text in beside)
    assert cut_off(window) == [] and (size is not None or layout_problems(window) == [])


def test_the_done_view_of_a_long_break_fits_1024x600_its_list_scrolling(open_window, catalog, font_scale, monkeypatch):
    from deskbreak.ui.break_done import ROWS_ALWAYS_SHOWN
    from deskbreak.core.history.progression import Grown, growth_of

    area = available(SCREENS["1024x600"])
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: QRect(area))
    growing = [e for e in catalog.exercises.values() if growth_of(e) is not None]
    assert len(growing) >= 9
    window, clock = open_window(growing, None, catalog)
    clock.advance(window.player.remaining_total(clock.monotonic()) + 1)
    window.tick()
    window.set_today(["core", "glutes", "lower back"], [Grown(e.id, 50, 45) for e in growing])
    settle()
    # Every growing hold says so beside its row, none above the list.
    beside = [label for label in window.findChildren(QLabel) if "next time" in label.text()]
    assert len(beside) == len(growing) and not window.findChild(QLabel, "grownLabel").isVisible()
    assert layout_problems(window) == []
    least = smallest_framed_size(window)
    assert least.height() <= area.height(), least  # the list scrolls rather than the window outgrow the screen
    rows = window.findChild(QScrollArea, "doneRowsScroll")
    assert rows.verticalScrollBar().maximum() > 0 and rows.height() >= rows.widget().height() * ROWS_ALWAYS_SHOWN // len(growing)
