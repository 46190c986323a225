"""Idle detection and the screen-lock signal, against fake services on a private bus.

The fakes are ``fake_idle_services.py`` subprocesses; in-process code talks
to the same private bus through a connection of its own. The X11 backend
needs an X server: ``tests/desktop/test_idle_desktop.py``.
"""

from __future__ import annotations

import logging
import sys
import time
import uuid
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage

from deskbreak.adapters.idle import DBUS_TIMEOUT_MS, LockWatcher, detect_idle_monitor

FAKE_SERVICES = Path(__file__).resolve().parent.parent / "support" / "fake_idle_services.py"
NO_DISPLAY: dict[str, str] = {}


@pytest.fixture
def fake(spawn_on_bus):
    """``fake(*options)``: start fake_idle_services.py with those options."""
    return lambda *options: spawn_on_bus(FAKE_SERVICES, *options)


def set_screensaver_active(bus: QDBusConnection, service: str, active: bool) -> None:
    path = "/" + service.replace(".", "/")
    message = QDBusMessage.createMethodCall(service, path, service, "SetActive")
    message.setArguments([active])
    reply = bus.call(message)
    assert reply.type() == QDBusMessage.MessageType.ReplyMessage, reply.errorMessage()


# -- which backend -----------------------------------------------------------------


def test_mutter_is_chosen_first_and_its_milliseconds_become_seconds(bus, fake):
    fake("--mutter", "4500", "--screensaver", "100")
    monitor = detect_idle_monitor(bus, platform="linux", environ=NO_DISPLAY)
    assert monitor.name == "mutter"
    assert monitor.idle_seconds() == 4.5


@pytest.mark.parametrize("path", ["/org/freedesktop/ScreenSaver", "/ScreenSaver"])
def test_freedesktop_screensaver_is_chosen_without_mutter_on_either_path(bus, fake, path):
    fake("--screensaver", "2500", "--path", path)
    monitor = detect_idle_monitor(bus, platform="linux", environ=NO_DISPLAY)
    assert monitor.name == "freedesktop-screensaver"
    assert monitor.idle_seconds() == 2.5


def test_a_screensaver_that_refuses_the_idle_time_is_skipped(bus, fake):
    fake("--refusing-screensaver")
    monitor = detect_idle_monitor(bus, platform="linux", environ=NO_DISPLAY)
    assert monitor.name == "unavailable"
    assert monitor.idle_seconds() is None


def test_without_services_or_a_display_idle_time_is_unavailable(bus):
    monitor = detect_idle_monitor(bus, platform="linux", environ=NO_DISPLAY)
    assert monitor.name == "unavailable" and monitor.idle_seconds() is None


def test_without_a_session_bus_detection_still_ends_with_an_answer(qapp):
    name = f"idle-tests-{uuid.uuid4().hex}"
    nowhere = QDBusConnection.connectToBus("unix:path=/nonexistent/deskbreak-bus", name)
    try:
        assert not nowhere.isConnected()
        assert detect_idle_monitor(nowhere, platform="linux", environ=NO_DISPLAY).name == "unavailable"
        assert LockWatcher(nowhere).sources == []
    finally:
        QDBusConnection.disconnectFromBus(name)


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_a_platform_without_its_system_library_is_unavailable_not_an_error(bus, platform):
    if sys.platform == platform:
        pytest.skip("this is that platform")
    assert detect_idle_monitor(bus, platform=platform, environ=NO_DISPLAY).name == "unavailable"


# -- failures after detection ------------------------------------------------------


def test_a_service_that_disappears_after_detection_answers_none_and_says_so_once(bus, fake, caplog):
    mutter = fake("--mutter", "1000")
    monitor = detect_idle_monitor(bus, platform="linux", environ=NO_DISPLAY)
    assert monitor.idle_seconds() == 1.0
    mutter.stop()
    with caplog.at_level(logging.INFO, logger="deskbreak.adapters.idle"):
        assert monitor.idle_seconds() is None
        assert monitor.idle_seconds() is None
    assert sum("stopped answering" in r.message for r in caplog.records) == 1


def test_a_hung_service_is_skipped_within_about_the_timeout(bus, fake):
    fake("--mutter", "1000", "--hang", "5")
    fake("--screensaver", "3000")
    started = time.monotonic()
    monitor = detect_idle_monitor(bus, platform="linux", environ=NO_DISPLAY)
    elapsed = time.monotonic() - started
    assert monitor.name == "freedesktop-screensaver"
    assert 0.8 * DBUS_TIMEOUT_MS / 1000 <= elapsed < DBUS_TIMEOUT_MS / 1000 + 1.0


# -- screen lock -------------------------------------------------------------------


@pytest.mark.parametrize("service, option", [
    ("org.freedesktop.ScreenSaver", "--screensaver=0"),
    ("org.gnome.ScreenSaver", "--gnome-screensaver"),
])
def test_lock_watcher_reports_each_lock_and_unlock_once_even_from_a_later_screensaver(
        bus, fake, qtbot, service, option):
    watcher = LockWatcher(bus)
    fake(option)
    assert service in watcher.sources
    seen: list[bool] = []
    watcher.lockedChanged.connect(seen.append)

    with qtbot.waitSignal(watcher.lockedChanged, timeout=5000):
        set_screensaver_active(bus, service, True)
    set_screensaver_active(bus, service, True)  # said twice, as desktops with both services do
    with qtbot.waitSignal(watcher.lockedChanged, timeout=5000):
        set_screensaver_active(bus, service, False)
    assert seen == [True, False]
    assert watcher.locked is False


@pytest.mark.parametrize("service, option", [
    ("org.freedesktop.ScreenSaver", "--screensaver=0"),
    ("org.gnome.ScreenSaver", "--gnome-screensaver"),
])
def test_lock_watcher_asks_the_lock_state_at_start(bus, fake, service, option):
    """A run started behind the lock screen knows it before its first step (issue 18, item 7)."""
    fake(option)
    assert LockWatcher(bus).locked is False
    set_screensaver_active(bus, service, True)
    assert LockWatcher(bus).locked is True


def test_lock_watcher_gives_up_on_a_hung_screensaver_within_about_the_timeout(bus, fake):
    fake("--screensaver=0", "--hang", "5")
    started = time.monotonic()
    watcher = LockWatcher(bus)
    assert watcher.locked is False
    assert time.monotonic() - started < 2 * DBUS_TIMEOUT_MS / 1000 + 1.0
