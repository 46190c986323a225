"""Every window fits a 1024x600 screen with its frame, opens inside the screen, and nothing in it overlaps.

The windows: the settings dialog (every page), the history, the break
window, the status window (no system tray) and the first-run note. Each is
checked in English and in German (longer words), with the system font as
it is and at 125 %, on a 1024x600 and a 1280x800 screen with a panel: its
least size with a window frame fits the small screen; it opens with its
frame inside the screen's available area; and no two of its widgets
overlap, none is cut off, no text lacks room (:mod:`.layout_checks`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Callable

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from deskbreak.core.clock import FakeClock
from deskbreak.core.scheduling.engine import State, Status
from deskbreak.core.content.poses import load_poses_or_none
from deskbreak.core.settings import Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.ui import screen_fit
from deskbreak.ui.break_window import BreakWindow
from deskbreak.ui.history_window import HistoryWindow
from deskbreak.ui.routines_page import RoutinesPage
from deskbreak.ui.settings_dialog import SettingsDialog
from deskbreak.ui.tray import MenuContext, StatusWindow, menu_entries
from deskbreak.ui.welcome import WelcomeWindow

from .layout_checks import (  # noqa: F401  (fixtures)
    SCREENS,
    available,
    font_scale,
    language,
    layout_problems,
    on_screen,
    smallest_framed_size,
)
from .test_history_window import THURSDAY, seeded, store  # noqa: F401  (fixtures)

SMALL = available(SCREENS["1024x600"])


@pytest.fixture(params=list(SCREENS))
def screen_area(request, monkeypatch) -> QRect:
    """A screen of that size with a panel along its top, as the windows see it."""
    area = available(SCREENS[request.param])
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: QRect(area))
    return area


# -- the windows, built as the app builds them ----------------------------------------------


def settings_dialog(catalog, tmp_path, **_) -> QWidget:
    page = RoutinesPage(catalog, catalog, load_poses_or_none(catalog))
    return SettingsDialog(SettingsStore(tmp_path / "settings.toml"), routines_page=page,
                          autostart_location="~/.config/autostart/deskbreak.desktop")


def history_window(catalog, history, **_) -> QWidget:
    return HistoryWindow(history, catalog, Settings.defaults(), THURSDAY, start_break=lambda _targets: None)


def break_window(catalog, **_) -> QWidget:
    routine = catalog.routine("pre-run-glutes")
    window = BreakWindow(title="Pre-run glute activation", exercises=[catalog.exercise(e) for e in routine.exercises],
                         settings=Settings.defaults(), clock=FakeClock(), safety=catalog.safety, key_guard_s=0,
                         auto_close_s=None, next_break_text="Next sit-break at 15:30")
    window.start(activate=False)
    return window


def status_window(**_) -> QWidget:
    window = StatusWindow(lambda _command: None, QIcon())
    now = datetime(2026, 3, 5, 10)
    status = Status(state=State.WAITING, seconds_to_next=600, current=None, upcoming=None,
                    next_at=now + timedelta(minutes=10), paused_until=None, skips_left=2,
                    can_skip=True, can_postpone=True)
    window.set_entries(menu_entries(status, now, MenuContext(run_today=True)))
    return window


def welcome_window(catalog, **_) -> QWidget:
    return WelcomeWindow(catalog.safety)


WINDOWS: dict[str, Callable[..., QWidget]] = {
    "settings": settings_dialog, "history": history_window, "break": break_window,
    "status": status_window, "welcome": welcome_window,
}


@pytest.fixture
def open_window(qtbot, catalog, tmp_path, seeded):  # noqa: F811
    def open_(kind: str) -> QWidget:
        window = WINDOWS[kind](catalog=catalog, tmp_path=tmp_path, history=seeded)
        if kind == "break":
            qtbot.addWidget(window, before_close_func=lambda w: w.close_quietly())
        else:
            qtbot.addWidget(window)
        window.show()
        settle()
        return window

    return open_


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def views(window: QWidget):
    """Each view a window shows in turn (the settings dialog's pages), the window itself otherwise."""
    if isinstance(window, SettingsDialog):
        for row in range(window.sections.count()):
            window.sections.setCurrentRow(row)
            settle()
            yield window.sections.item(row).text()
    else:
        yield window.objectName()


# -- the rules -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", WINDOWS)
def test_every_window_fits_a_1024x600_screen_with_its_frame(open_window, kind, language, font_scale):
    window = open_window(kind)
    least = smallest_framed_size(window)
    assert least.width() <= SMALL.width() and least.height() <= SMALL.height(), (
        f"{kind} needs {least.width()}x{least.height()} with its frame; a 1024x600 screen has "
        f"{SMALL.width()}x{SMALL.height()} below its panel")


@pytest.mark.parametrize("kind", WINDOWS)
def test_every_window_opens_inside_the_screen_and_nothing_in_it_overlaps(open_window, kind, screen_area,
                                                                        language, font_scale):
    window = open_window(kind)
    problems = on_screen(window, screen_area)
    for view in views(window):
        problems += [f"{view}: {problem}" for problem in layout_problems(window)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("kind", WINDOWS)
def test_every_window_opens_inside_the_screen_it_is_on(open_window, kind):
    window = open_window(kind)
    assert on_screen(window, window.screen().availableGeometry()) == []


def test_enter_still_dismisses_the_first_run_note_whose_notes_scroll(qtbot, catalog):
    window = WelcomeWindow(catalog.safety)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.dismissed, timeout=1000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
