"""The tray icon and the status window, offscreen: what a click does, what the menu carries over D-Bus,
a tray that appears after start, and a countdown that keeps time.

Offscreen Qt has no system tray, so the controller is told whether one is
there; a tray host appearing later is a name taken on a private session bus,
as Plasma's and GNOME's AppIndicator watcher take it on the real one.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QSystemTrayIcon, QWidgetAction

from deskbreak.adapters.tray_host import WATCHER, TrayHostWatch
from deskbreak.core import commands as cmd
from deskbreak.core.content.assets import asset_path
from deskbreak.core.describe import human_duration
from deskbreak.core.kinds import BreakKind
from deskbreak.ui.app import countdown_changes_in
from deskbreak.ui.tray import SEPARATOR, MenuEntry, TrayController
from support.app_builder import app_parts  # noqa: F401  (a fixture)
from support.bus import connected_bus, private_bus  # noqa: F401  (private_bus: a fixture)

ENTRIES = [
    MenuEntry("Next sit-break in 30 min", None, key="status"),
    MenuEntry("Idle detection unavailable", None, key="note"),
    SEPARATOR,
    MenuEntry("Take a break now", cmd.StartBreak(BreakKind.SIT), key="break:sit"),
    MenuEntry("Quit", cmd.Quit(), key="quit"),
]
# A QSystemTrayIcon on the offscreen platform falls back to Qt's X11 code, which looks for a
# signal only the xcb platform has: a note about the test platform, not about deskbreak.
OFFSCREEN_TRAY_NOTE = r"^QObject::connect: No such signal QPlatformNativeInterface::systemTrayWindowChanged"


@pytest.fixture
def tray(qtbot):
    """A controller that finds a tray at start, and the commands its entries ran."""
    ran: list[cmd.Command] = []
    controller = TrayController(lambda: ENTRIES, ran.append, icons(), tray_available=lambda: True)
    assert controller.show()
    yield controller, ran
    controller.hide()


def icons() -> dict[str, QIcon]:
    return {"normal": QIcon(str(asset_path("icons", "deskbreak.svg")))}


def actions(controller: TrayController) -> dict[str, QAction]:
    controller.rebuild_menu()
    return {action.objectName(): action for action in controller.menu.actions() if action.objectName()}


@pytest.mark.qt_log_ignore(OFFSCREEN_TRAY_NOTE)
def test_a_left_click_on_the_icon_opens_the_status_window_and_pops_no_menu(tray):
    # Plasma sends a left click as Activate; a menu popped at the cursor has no parent window on
    # Wayland ("Failed to create grabbing popup"). The right click is the tray's own: it shows the menu.
    controller, ran = tray
    controller.tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert not controller.menu.isVisible()
    window = controller.window
    assert window is not None and window.isVisible()
    assert window.status.text() == "Next sit-break in 30 min"
    assert window.notice.isHidden(), "the tray is there: no 'no system tray found' note"
    window.button_for("break:sit").click()
    assert ran == [cmd.StartBreak(BreakKind.SIT)]


@pytest.mark.qt_log_ignore(OFFSCREEN_TRAY_NOTE)
def test_the_status_line_is_a_readable_entry_that_opens_the_status_window(tray):
    # Plasma and GNOME's AppIndicator draw the menu themselves from what Qt exports over dbusmenu:
    # a widget does not travel, and a disabled entry is drawn greyed.
    controller, ran = tray
    entries = actions(controller)
    for key, text in (("status", "Next sit-break in 30 min"), ("note", "Idle detection unavailable")):
        line = entries[key]
        assert not isinstance(line, QWidgetAction) and line.isEnabled() and line.text() == text
    assert entries["status"].font().bold()
    entries["status"].trigger()
    assert controller.window.isVisible() and ran == []


@pytest.mark.qt_log_ignore(OFFSCREEN_TRAY_NOTE)
def test_a_tray_host_that_appears_after_start_gets_the_icon_and_the_status_window_steps_aside(qtbot, private_bus):
    with connected_bus(private_bus) as app_bus, connected_bus(private_bus, "shell") as shell_bus:
        host = TrayHostWatch(app_bus)
        controller = TrayController(lambda: ENTRIES, lambda command: None, icons(),
                                    host=host, tray_available=host.present)
        assert not controller.show()
        window = controller.window
        assert window.isVisible() and not window.notice.isHidden() and controller.tray is None

        assert shell_bus.registerService(WATCHER)  # the extension is enabled, or the shell has started
        standing_in_height = window.height()
        qtbot.waitUntil(lambda: controller.tray is not None and controller.tray.isVisible())
        assert not window.isVisible()
        icon = controller.tray
        icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
        assert window.isVisible() and window.notice.isHidden()
        assert window.height() < standing_in_height, "opened from the icon, it has no note to make room for"
        window.hide()

        controller.host_grace.setInterval(20)
        assert shell_bus.unregisterService(WATCHER)  # the shell went away and does not come back
        qtbot.waitUntil(window.isVisible)
        assert not window.notice.isHidden()

        assert shell_bus.registerService(WATCHER)
        qtbot.waitUntil(lambda: not window.isVisible())
        assert controller.tray is icon, "Qt registers the same icon again with the new watcher"
        controller.hide()


@pytest.mark.qt_log_ignore(OFFSCREEN_TRAY_NOTE)
def test_a_shell_that_restarts_quickly_does_not_flash_the_status_window(qtbot, private_bus):
    with connected_bus(private_bus) as app_bus, connected_bus(private_bus, "shell") as shell_bus:
        assert shell_bus.registerService(WATCHER)
        host = TrayHostWatch(app_bus)
        controller = TrayController(lambda: ENTRIES, lambda command: None, icons(),
                                    host=host, tray_available=host.present)
        assert controller.show()
        assert shell_bus.unregisterService(WATCHER)
        qtbot.waitUntil(controller.host_grace.isActive)
        assert shell_bus.registerService(WATCHER)
        qtbot.waitUntil(lambda: not controller.host_grace.isActive())
        assert controller.window is None or not controller.window.isVisible()
        controller.hide()


def test_the_status_window_counts_down_at_the_second_its_text_changes(app_parts):
    app, clock, notifier, history = app_parts
    window = app.tray.window  # offscreen: no tray, the status window is the interface
    clock.advance(20)
    app.tick("test")
    assert window.status.text() == "Next sit-break in 30 min"  # 29 min 40 s, rounded up
    assert app.alarm.within == 40
    clock.advance(40)
    app.alarm.on_wake("watchdog")
    assert window.status.text() == "Next sit-break in 29 min"
    assert app.alarm.within == 60
    buttons = window.findChildren(type(window.button_for("quit")))
    app.alarm.on_wake("watchdog")
    assert window.findChildren(type(window.button_for("quit"))) == buttons, "only the text changes"


def test_the_countdown_sleeps_while_nothing_counts_down(app_parts):
    app, clock, notifier, history = app_parts
    app.run_command(cmd.StartBreak())
    assert app.alarm.within is None


@given(st.integers(min_value=1, max_value=3 * 86400 * 10**6))
def test_the_countdown_wakes_exactly_when_its_text_changes(microseconds_left):
    left = timedelta(microseconds=microseconds_left)
    wait = countdown_changes_in(left)
    assert timedelta(0) < wait <= timedelta(minutes=1)
    shown = human_duration(left.total_seconds())
    assert human_duration((left - wait).total_seconds()) != shown
    assert human_duration((left - wait + timedelta(microseconds=1)).total_seconds()) == shown


def test_launching_deskbreak_again_brings_back_a_status_window_the_user_closed(app_parts):
    app, clock, notifier, history = app_parts
    window = app.tray.window  # offscreen: no tray, the status window stands in for the icon
    window.close()
    app.bring_forward()
    assert window.isVisible() and not window.notice.isHidden()
