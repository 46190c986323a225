"""Every window works with the keyboard alone: Tab reaches each control, and each has a name to be read out."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListWidget, QWidget

from deskbreak.core.clock import FakeClock
from deskbreak.core.content.poses import load_poses_or_none
from deskbreak.core.settings import Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.ui.break_window import BreakWindow
from deskbreak.ui.routines_page import RoutinesPage
from deskbreak.ui.settings_dialog import SettingsDialog
from deskbreak.ui.welcome import WelcomeWindow
from support.keyboard_walk import controls, reached, spoken_name, tab_stops

from .test_history_window import open_window as open_history, seeded, store  # noqa: F401  (fixtures)


def unreached_and_unnamed(window: QWidget) -> tuple[list[str], list[str]]:
    """The controls Tab never stops on, and the controls and tab stops without a name, described."""
    stops = tab_stops(window)
    shown = controls(window)
    assert shown, "a window with no controls tests nothing"
    describe = lambda w: f"{w.objectName() or '?'} ({type(w).__name__}: {spoken_name(w)!r})"  # noqa: E731
    unreached = [describe(c) for c in shown if not any(reached(stop, c) for stop in stops)]
    unnamed = [describe(c) for c in dict.fromkeys(shown + stops) if not spoken_name(c)]
    return unreached, unnamed


def assert_keyboard_ready(window: QWidget) -> None:
    unreached, unnamed = unreached_and_unnamed(window)
    assert unreached == [], "Tab never reaches these"
    assert unnamed == [], "a screen reader cannot name these"


@pytest.fixture
def break_window(qtbot, catalog):
    clock = FakeClock()
    exercises = [catalog.exercise("seated-upper-back-stretch"), catalog.exercise("supine-hamstring-opener")]
    window = BreakWindow(title="Sit-break", exercises=exercises, settings=Settings.defaults(), clock=clock,
                         key_guard_s=0, auto_close_s=None)
    window.start()
    yield window, clock
    if shiboken6.isValid(window):
        window.close_quietly()
    QApplication.sendPostedEvents(None, 0)


def test_the_routine_page_of_the_break_window_works_from_the_keyboard(break_window):
    window, _ = break_window
    assert_keyboard_ready(window)


def test_the_done_page_of_the_break_window_works_from_the_keyboard(break_window):
    window, clock = break_window
    clock.advance(window.total_s + 1)
    window.tick()
    assert_keyboard_ready(window)


def test_the_pain_page_of_the_break_window_works_from_the_keyboard(break_window):
    window, _ = break_window
    window.report_hurt()
    assert_keyboard_ready(window)


@pytest.fixture
def settings_dialog(qtbot, tmp_path, catalog):
    routines = RoutinesPage(catalog, catalog, load_poses_or_none(catalog))
    dialog = SettingsDialog(SettingsStore(tmp_path / "settings.toml"), routines_page=routines)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_every_page_of_the_settings_dialog_works_from_the_keyboard(settings_dialog):
    # An exercise chosen in each list of the routines editor, so its buttons for one are on too.
    for exercises in settings_dialog.routines_page.findChildren(QListWidget):
        exercises.setCurrentRow(0)
    problems = {}
    for row in range(settings_dialog.sections.count()):
        settings_dialog.sections.setCurrentRow(row)
        unreached, unnamed = unreached_and_unnamed(settings_dialog)
        if unreached or unnamed:
            problems[settings_dialog.sections.item(row).text()] = {"unreached": unreached, "unnamed": unnamed}
    assert problems == {}


def test_the_history_window_works_from_the_keyboard(qtbot, catalog, seeded):  # noqa: F811
    window = open_history(qtbot, seeded, catalog, start_break=lambda *args: None)
    assert_keyboard_ready(window)


def test_tab_leaves_the_history_table_rather_than_walking_its_cells(qtbot, catalog, seeded):  # noqa: F811
    window = open_history(qtbot, seeded, catalog)
    stops = tab_stops(window)
    tables = [stop for stop in stops if isinstance(stop, QAbstractItemView)]
    assert len(tables) == len(set(map(id, tables))), "Tab stays in the table, cell after cell"


def test_the_first_run_note_works_from_the_keyboard(qtbot, catalog):
    window = WelcomeWindow(catalog.safety)
    qtbot.addWidget(window)
    window.show()
    assert_keyboard_ready(window)
