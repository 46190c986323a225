"""How often a waiting deskbreak wakes: its timers counted over a simulated hour (support/virtual_timers.py).

``benchmarks/wakeups.py`` counts the real app's context switches on a
virtual desktop; these tests count the moments its own timers fire, on a
FakeClock, so they neither wait nor flake.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from deskbreak.adapters.alarm import QtAlarm
from deskbreak.core.content.assets import asset_path
from deskbreak.core.clock import FakeClock, SystemClock
from deskbreak.core.settings import Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.ui.tray import TrayController
from support.app_builder import TEST_SETTINGS, make_app
from support.virtual_timers import VirtualTimers

from .test_tray import OFFSCREEN_TRAY_NOTE

HOUR = 3600
START_S = 7.3


@pytest.fixture
def waiting_app(qapp, tmp_path, monkeypatch):
    """A started app at the desk with the real alarm, its next sit-break ``sit_interval`` away; its timers virtual.

    The fake clock starts at the real time: apscheduler reads the real clock
    to know when its job is due, and sees it far off for the whole test.
    """
    made = []

    def make(sit_interval: str = "2h"):
        clock = FakeClock(SystemClock().now())
        timers = VirtualTimers(clock)
        timers.install(monkeypatch)
        settings = Settings.defaults().with_values(**TEST_SETTINGS, sit_interval=sit_interval)
        app = make_app(tmp_path, clock=clock, store=SettingsStore(tmp_path / "settings.toml", settings),
                       alarm=QtAlarm(clock, watchdog_s=60))
        # Starting takes a moment after the session counts from: nothing lines the countdown's
        # minutes up with a timer started at start.
        clock.advance(START_S)
        app.start()
        made.append(app)
        timers.run(0)
        return app, timers

    yield make
    for app in made:
        app.shutdown()


def test_an_hour_at_the_desk_wakes_the_app_once_a_minute(waiting_app):
    app, timers = waiting_app()
    app.tray.window.hide()  # the icon is in a tray; offscreen the status window stands in for it
    wakes = timers.run(HOUR)
    assert wakes <= 61, timers.fired  # a step and the tooltip's minute each minute; the poses preload once


def seconds_to_next(app) -> float:
    return app.engine.status(app.clock.now()).seconds_to_next


def test_the_seconds_of_the_last_minute_wake_the_app_only_while_the_status_window_shows_them(waiting_app):
    app, timers = waiting_app(sit_interval="10m")
    app.tray.window.hide()
    minutes = seconds_to_next(app) / 60
    assert timers.run(seconds_to_next(app) - 20) <= minutes + 1  # the tooltip shows no seconds
    app.tray.show_status_window()
    assert timers.run(10) >= 10  # the window counts down 20 s, 19 s, ...


def test_the_watchdog_counts_from_the_last_step_and_comes_sooner_when_asked(qapp, monkeypatch):
    clock = FakeClock(SystemClock().now())
    timers = VirtualTimers(clock)
    timers.install(monkeypatch)
    alarm, reasons = QtAlarm(clock, watchdog_s=60), []
    alarm.start(reasons.append)
    try:
        timers.run(30)
        alarm.wake_at(None)  # the app stepped the engine (a menu, a command) half way through the minute
        assert timers.run(59) == 0
        assert timers.run(1) == 1 and reasons == ["watchdog"]
        alarm.wake_within(10)  # the countdown shown reads another number in 10 s
        assert timers.run(10) == 1  # and the app steps the engine on that wake-up: the minute starts again
        assert timers.run(59) == 0
        assert timers.run(1) == 1 and reasons == ["watchdog"] * 3
    finally:
        alarm.stop()


class CountingTrayIcon(QSystemTrayIcon):
    """A tray icon that counts what it is handed: Qt repaints or re-sends each one, even the same."""

    def __init__(self, icon):
        super().__init__(icon)
        self.handed = Counter()

    def setIcon(self, icon):  # noqa: N802
        self.handed["icon"] += 1
        super().setIcon(icon)

    def setToolTip(self, tip):  # noqa: N802
        self.handed["tooltip"] += 1
        super().setToolTip(tip)


@pytest.mark.qt_log_ignore(OFFSCREEN_TRAY_NOTE)
def test_a_refresh_hands_the_tray_only_what_changed(qapp):
    icons = {"normal": QIcon(str(asset_path("icons", "deskbreak.svg"))),
             "paused": QIcon(str(asset_path("icons", "deskbreak-paused.svg")))}
    icon = CountingTrayIcon(icons["normal"])
    controller = TrayController(lambda: [], lambda command: None, icons, tray_icon=icon, tray_available=lambda: True)
    assert controller.show()
    try:
        icon.handed.clear()
        for _ in range(3):
            controller.refresh("Next sit-break in 30 min", "normal")
        controller.refresh("Next sit-break in 29 min", "normal")
        controller.refresh("Paused", "paused")
        assert icon.handed == {"tooltip": 3, "icon": 1}
    finally:
        controller.hide()
