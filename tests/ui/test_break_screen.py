"""The screen breaks open on (issue 20 part 2): the choice, its list on the Breaks page, and a chosen screen gone.

The choice is made on names (:func:`~deskbreak.ui.break_screens.choose_screen`);
the page's list is checked with screens the test makes up and with the one
screen of the offscreen platform. Two screens at once: tests/ui/test_multiscreen.py
(offscreen, simulated) and tests/desktop/test_break_screen_desktop.py (Xvfb).
"""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox

from deskbreak.adapters.notify import NotifierChain
from deskbreak.core.clock import FakeClock
from deskbreak.core.settings import SETTING_BY_KEY, Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.ui.break_screens import (
    MOUSE,
    PRIMARY,
    ConnectedScreen,
    ScreenChoice,
    ScreenGoneNotice,
    choose_screen,
    routine_screen,
)
from deskbreak.ui.setting_editors import ScreenEditor
from deskbreak.ui.settings_dialog import SettingsDialog
from support.app_builder import MONDAY_9, TEST_SETTINGS, advance_to, make_app
from support.fakes import RecordingNotifier

CONNECTED = ("eDP-1", "HDMI-1")
GONE_TITLE = "Break screen not connected"


# -- the choice, on names ----------------------------------------------------------


@pytest.mark.parametrize("wanted, pointer, expected", [
    (MOUSE, "HDMI-1", ScreenChoice("HDMI-1")),
    (MOUSE, None, ScreenChoice("eDP-1")),  # Wayland tells no pointer: the primary stands in
    (PRIMARY, "HDMI-1", ScreenChoice("eDP-1")),
    ("HDMI-1", "eDP-1", ScreenChoice("HDMI-1")),
    ("eDP-1", "HDMI-1", ScreenChoice("eDP-1")),
    ("DP-3", "HDMI-1", ScreenChoice("HDMI-1", missing="DP-3", instead=MOUSE)),
    ("DP-3", None, ScreenChoice("eDP-1", missing="DP-3", instead=PRIMARY)),
    ("hdmi-1", "eDP-1", ScreenChoice("eDP-1", missing="hdmi-1", instead=MOUSE)),  # names are the system's spelling
])
def test_the_setting_chooses_the_routine_s_screen_by_name(wanted, pointer, expected):
    assert choose_screen(wanted, CONNECTED, primary="eDP-1", pointer=pointer) == expected


def test_without_any_screen_there_is_no_choice_to_make():
    assert choose_screen("HDMI-1", (), primary=None, pointer=None) == ScreenChoice(None, missing="HDMI-1",
                                                                                   instead=PRIMARY)
    assert choose_screen(MOUSE, (), primary=None, pointer=None) == ScreenChoice(None)


def test_a_gone_screen_is_told_once_a_run_for_each_name(caplog):
    told = []
    notice = ScreenGoneNotice(lambda title, body: told.append((title, body)))
    gone = ScreenChoice("eDP-1", missing="DP-3", instead=MOUSE)
    with caplog.at_level(logging.INFO, logger="deskbreak"):
        for _ in range(3):
            notice(gone)
        notice(ScreenChoice("eDP-1", missing="HDMI-2", instead=PRIMARY))
    assert told == [
        (GONE_TITLE, "DP-3, the screen chosen for breaks, is not connected: breaks open on the screen with the "
                     "mouse pointer until it is back."),
        (GONE_TITLE, "HDMI-2, the screen chosen for breaks, is not connected: breaks open on the primary screen "
                     "until it is back."),
    ]
    lines = [record.getMessage() for record in caplog.records if "is not connected" in record.getMessage()]
    assert len(lines) == 2 and lines[0].startswith("break_screen 'DP-3' is not connected (connected: ")


def test_a_gone_screen_gives_way_to_the_screen_there_is(qapp):
    seen = []
    only = QGuiApplication.primaryScreen()
    assert routine_screen("HDMI-9", missing=seen.append) is only
    assert seen == [ScreenChoice(only.name(), missing="HDMI-9", instead=MOUSE)]
    assert routine_screen(only.name(), missing=seen.append) is only and len(seen) == 1


def test_the_app_tells_of_a_gone_screen_at_the_first_break_and_not_again(qtbot, tmp_path):
    notifier = RecordingNotifier()
    store = SettingsStore(tmp_path / "settings.toml",
                          Settings.defaults().with_values(**TEST_SETTINGS, break_screen="HDMI-9"))
    clock = FakeClock(MONDAY_9)
    app = make_app(tmp_path, clock=clock, store=store, notifier=NotifierChain([notifier]))
    app.start()
    try:
        advance_to(app, clock, MONDAY_9 + timedelta(minutes=30))
        first = app.window
        assert first is not None and first.isVisible(), "the break opens all the same"
        assert first.windowHandle().screen() is QGuiApplication.primaryScreen()
        app.window.postponeRequested.emit()
        advance_to(app, clock, MONDAY_9 + timedelta(minutes=35))
        assert app.window is not None and app.window is not first
        assert [title for title, _ in notifier.sent].count(GONE_TITLE) == 1
    finally:
        app.shutdown()


# -- the list on the Breaks page -----------------------------------------------------


class Screens:
    """Screens a test connects and removes."""

    def __init__(self, *screens: ConnectedScreen) -> None:
        self.now = list(screens)

    def __call__(self) -> list[ConnectedScreen]:
        return list(self.now)


def entries(combo: QComboBox) -> list[tuple[str, str]]:
    return [(combo.itemText(index), combo.itemData(index)) for index in range(combo.count())]


def test_the_list_names_the_words_then_each_connected_screen_with_its_size(qtbot):
    screens = Screens(ConnectedScreen("eDP-1", 1920, 1200), ConnectedScreen("HDMI-1", 2560, 1440))
    editor = ScreenEditor(SETTING_BY_KEY["break_screen"], screens=screens)
    qtbot.addWidget(editor)
    assert entries(editor.field) == [("The screen with the mouse pointer", "mouse"), ("The primary screen", "primary"),
                                     ("eDP-1 (1920x1200)", "eDP-1"), ("HDMI-1 (2560x1440)", "HDMI-1")]
    assert editor.value() == "mouse"
    picked = []
    editor.edited.connect(picked.append)
    editor.field.setCurrentIndex(3)
    assert picked == ["HDMI-1"]


def test_a_chosen_screen_unplugged_while_the_page_is_open_stays_chosen_marked_not_connected(qtbot):
    screens = Screens(ConnectedScreen("eDP-1", 1920, 1200), ConnectedScreen("HDMI-1", 2560, 1440))
    editor = ScreenEditor(SETTING_BY_KEY["break_screen"], screens=screens)
    qtbot.addWidget(editor)
    editor.set_value("HDMI-1")
    picked = []
    editor.edited.connect(picked.append)
    screens.now.pop()
    editor.screens_changed()
    assert entries(editor.field)[2:] == [("eDP-1 (1920x1200)", "eDP-1"), ("HDMI-1 (not connected)", "HDMI-1")]
    assert editor.field.currentText() == "HDMI-1 (not connected)" and editor.value() == "HDMI-1"
    screens.now += [ConnectedScreen("HDMI-1", 1280, 720), ConnectedScreen("DP-2", 3840, 2160)]
    editor.screens_changed()
    assert entries(editor.field)[2:] == [("eDP-1 (1920x1200)", "eDP-1"), ("HDMI-1 (1280x720)", "HDMI-1"),
                                         ("DP-2 (3840x2160)", "DP-2")]
    assert editor.field.currentText() == "HDMI-1 (1280x720)"
    assert picked == [], "the list changing is no edit of the setting"


def test_a_screen_removed_is_left_out_even_while_qt_still_lists_it(qtbot):
    screens = Screens(ConnectedScreen("eDP-1", 1920, 1200), ConnectedScreen("HDMI-1", 2560, 1440))
    editor = ScreenEditor(SETTING_BY_KEY["break_screen"], screens=screens)
    qtbot.addWidget(editor)
    editor.screens_changed(gone="HDMI-1")
    assert [data for _, data in entries(editor.field)] == ["mouse", "primary", "eDP-1"]


@pytest.fixture
def dialog_on(qtbot, tmp_path):
    def build(break_screen: str) -> tuple[SettingsDialog, SettingsStore]:
        path = tmp_path / "settings.toml"
        path.write_text(f'break_screen = "{break_screen}"\n', encoding="utf-8")
        store, problems = SettingsStore.load(path, MONDAY_9)
        assert problems == []
        dialog = SettingsDialog(store)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog, store
    return build


def test_the_breaks_page_keeps_a_configured_screen_that_is_not_connected(dialog_on):
    dialog, store = dialog_on("HDMI-9")
    field = dialog.findChild(QComboBox, "field:break_screen")
    assert dialog.pages["breaks"].widget().isAncestorOf(field)
    only = QGuiApplication.primaryScreen()
    size = only.size()
    assert entries(field) == [("The screen with the mouse pointer", "mouse"), ("The primary screen", "primary"),
                              (f"{only.name()} ({size.width()}x{size.height()})", only.name()),
                              ("HDMI-9 (not connected)", "HDMI-9")]
    assert field.currentText() == "HDMI-9 (not connected)"
    assert store.path.read_text(encoding="utf-8") == 'break_screen = "HDMI-9"\n', "the choice is the user's"
    field.setCurrentIndex(field.findData("primary"))
    assert store.settings.break_screen == "primary"
    assert field.findData("HDMI-9") == -1, "a screen not connected goes once it is not chosen"
    store.set("break_screen", "HDMI-9")  # `deskbreak config set`, a hand edit
    assert field.currentText() == "HDMI-9 (not connected)"
