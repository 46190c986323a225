"""A break window that stays in view, and one that was covered found again (issue 18 item 3).

Offscreen, with the platform taken for Wayland where a case needs it
(``wayland`` fixture): the break then opens fullscreen on its screen, as on
GNOME and KDE. On KDE a KWin script keeps it above other windows (its
adapter is replaced by a recorder here; tests/adapters/test_kwin_keep_above.py
tests it); where nothing keeps it above, a window of another app can cover
it, and the notification and the tray menu's "Show the break" bring it back.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from deskbreak.adapters.notify import NotifierChain
from deskbreak.core import commands as cmd
from deskbreak.ui import break_host, break_screens
from support.app_builder import MONDAY_9, advance_to, make_app, menu_texts

COVERED_TITLE = "Sit-break in progress"


class ActionNotifier:
    """A notification backend that records the buttons offered, and what was withdrawn."""

    name = "recording-actions"

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, list]] = []
        self.withdrawn = 0

    def available(self) -> bool:
        return True

    def notify(self, title, message, *, expire_s=None, actions=()) -> bool:
        self.sent.append((title, message, list(actions)))
        return True

    def withdraw(self) -> None:
        self.withdrawn += 1

    @property
    def titles(self) -> list[str]:
        return [title for title, _, _ in self.sent]


class RecordingKeepAbove(QObject):
    """Stands in for the KWin adapter: records what it is asked."""

    keptAbove = Signal()
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[list[str]] = []
        self.released = 0

    def keep_above(self, captions) -> None:
        self.asked.append(list(captions))

    def release(self) -> None:
        self.released += 1


@pytest.fixture
def wayland(monkeypatch):
    """The platform taken for Wayland: windows fullscreen on their screens, nothing kept above by Qt."""
    monkeypatch.setattr(break_screens, "compositor_places_windows", lambda: True)


@pytest.fixture
def keep_above(monkeypatch) -> RecordingKeepAbove:
    """KDE: on Wayland the host gets the (recording) KWin adapter."""
    keeper = RecordingKeepAbove()
    monkeypatch.setattr(break_host, "keep_above_adapter", lambda *, wayland, **_: keeper if wayland else None)
    return keeper


@pytest.fixture
def started(qtbot, tmp_path):
    """``started()``: an app with a recording notifier, at its first break (prompted); shut down after."""
    apps = []

    def start():
        notifier = ActionNotifier()
        app = make_app(tmp_path, notifier=NotifierChain([notifier]))
        apps.append(app)
        app.start()
        advance_to(app, app.clock, MONDAY_9 + timedelta(minutes=30))
        assert app.window is not None and app.window.isVisible()
        return app, notifier

    yield start
    for app in apps:
        app.shutdown()


def another_apps_window(qtbot) -> QWidget:
    """A window that takes the keyboard from the break, as one opened or clicked afterwards does."""
    other = QWidget()
    other.setWindowTitle("an editor")
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    return other


def test_the_menu_offers_to_show_the_break_while_one_is_on_screen(started):
    app, _ = started()
    entries = {entry.key: entry for entry in app._menu_entries()}
    assert entries["show-break"].command == cmd.ShowBreak() and entries["show-break"].enabled
    assert "Show the break" in menu_texts(app)
    app.run_command(cmd.Skip())
    assert app.window is None
    assert "show-break" not in {entry.key for entry in app._menu_entries()}


def test_show_the_break_gives_the_break_window_the_keyboard(started, qtbot):
    app, _ = started()
    window = app.window
    another_apps_window(qtbot)
    app.run_command(cmd.ShowBreak())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.isVisible()


def test_where_the_break_can_be_covered_losing_the_keyboard_offers_it_back(wayland, started, qtbot):
    app, notifier = started()
    window = app.window
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert COVERED_TITLE not in notifier.titles
    another_apps_window(qtbot)
    title, _, actions = notifier.sent[-1]
    assert title == COVERED_TITLE and actions == [("show-break", "Show the break")]
    withdrawn = notifier.withdrawn
    app.notifier.on_action("show-break")  # the user presses the notification's button
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.isVisible() and window.windowState() & Qt.WindowState.WindowFullScreen
    qtbot.waitUntil(lambda: notifier.withdrawn > withdrawn)  # the offer goes once the break is back in front
    assert notifier.titles.count(COVERED_TITLE) == 1


def test_a_break_kept_above_by_kwin_is_not_offered_back_when_it_loses_the_keyboard(wayland, keep_above, started, qtbot):
    app, notifier = started()
    window = app.window
    assert keep_above.asked == [[window.windowTitle(), *[o.windowTitle() for o in window.overlays]]]
    keep_above.keptAbove.emit()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    another_apps_window(qtbot)
    assert COVERED_TITLE not in notifier.titles


def test_kwin_lets_the_break_go_when_its_window_closes_not_before(wayland, keep_above, started, qtbot):
    app, _ = started()
    app.run_command(cmd.Postpone())
    qtbot.waitUntil(lambda: keep_above.released == 1)
    # The postponed break comes back: asked again, and the first window's end does not undo it.
    advance_to(app, app.clock, app.clock.now() + timedelta(minutes=5))
    assert app.window is not None and len(keep_above.asked) == 2
    QApplication.sendPostedEvents(None, 0)
    assert keep_above.released == 1


def test_on_x11_no_kwin_script_is_asked_for(keep_above, started):
    """X11 keeps the break on top with Qt's stay-on-top hint, as before."""
    app, _ = started()
    assert app.window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert keep_above.asked == []


def test_a_notice_that_replaced_the_offer_stays_when_the_break_comes_back(wayland, started, qtbot):
    app, notifier = started()
    window = app.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    another_apps_window(qtbot)
    assert notifier.titles[-1] == COVERED_TITLE
    app.notices.tell("deskbreak", "Some of your settings were not used")
    withdrawn = notifier.withdrawn
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert notifier.withdrawn == withdrawn
