"""Idle time over ext-idle-notify-v1, the Wayland protocol KWin and wlroots compositors offer.

The compositor here is ``fake_wayland_idle.py``, a wire-level fake that
offers version 1 or 2 of the global (or none), sends idled/resumed when told,
hangs or goes away. KWin itself is in ``test_wayland_idle_kwin.py``.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import pytest

from deskbreak.adapters.idle import detect_idle_monitor
from deskbreak.adapters.wayland_idle import (
    NOTIFICATION_TIMEOUT_MS,
    ExtIdleNotifyIdle,
    IdleSince,
    wayland_socket_path,
)
from deskbreak.core.clock import FakeClock

from .fake_wayland_idle import FakeIdleCompositor

FAKE_IDLE_SERVICES = Path(__file__).resolve().parent.parent / "support" / "fake_idle_services.py"
TIMEOUT_S = NOTIFICATION_TIMEOUT_MS / 1000
SOCKET = "wl-fake"


@pytest.fixture
def compositor(tmp_path):
    """``compositor(**options)``: a FakeIdleCompositor at ``tmp_path/wl-fake``, gone after the test."""
    started: list[FakeIdleCompositor] = []

    def start(**options) -> FakeIdleCompositor:
        started.append(FakeIdleCompositor(tmp_path / SOCKET, **options))
        return started[-1]

    yield start
    for fake in started:
        fake.vanish()


@pytest.fixture
def monitors():
    """``monitors(monitor)`` closes it after the test, so no connection thread outlives the test."""
    opened: list = []
    yield lambda monitor: opened.append(monitor) or monitor
    for monitor in opened:
        monitor.close()


@pytest.fixture
def wayland_environ(tmp_path):
    return {"WAYLAND_DISPLAY": SOCKET, "XDG_RUNTIME_DIR": str(tmp_path)}


def wait_until(condition, timeout_s: float = 2.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "the backend's thread did not get there in time"
        time.sleep(0.01)


# -- from the compositor's two events to seconds -----------------------------------


def test_active_answers_zero_until_idled_then_counts_from_when_input_stopped():
    clock = FakeClock()
    idle = IdleSince(clock, timeout_s=1.0)
    assert idle.seconds() is None  # not watching yet: unknown, not "active"
    idle.start()
    assert idle.seconds() == 0.0
    clock.advance(30)
    assert idle.seconds() == 0.0  # no "idled": there was input within the last timeout
    idle.idled()
    assert idle.seconds() == 1.0  # "idled" comes a timeout after the last input
    clock.advance(4.5)
    assert idle.seconds() == 5.5
    idle.resumed()
    assert idle.seconds() == 0.0
    clock.advance(2)
    idle.idled()
    assert idle.seconds() == 1.0


def test_once_the_connection_ends_idle_time_is_unknown_even_if_it_was_idle():
    clock = FakeClock()
    idle = IdleSince(clock, timeout_s=1.0)
    idle.start()
    idle.idled()
    idle.stop()
    clock.advance(60)
    assert idle.seconds() is None


# -- which socket ------------------------------------------------------------------


@pytest.mark.parametrize("environ, expected", [
    ({"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": "/run/user/1000"}, "/run/user/1000/wayland-1"),
    ({"WAYLAND_DISPLAY": "/tmp/elsewhere/wl", "XDG_RUNTIME_DIR": "/run/user/1000"}, "/tmp/elsewhere/wl"),
    # libwayland's default when only the session type says Wayland
    ({"XDG_SESSION_TYPE": "wayland", "XDG_RUNTIME_DIR": "/run/user/1000"}, "/run/user/1000/wayland-0"),
    ({"WAYLAND_DISPLAY": "wayland-1"}, None),  # a relative name with no runtime dir to resolve it in
    ({"DISPLAY": ":0", "XDG_RUNTIME_DIR": "/run/user/1000"}, None),  # X11: no compositor to ask
])
def test_the_socket_is_the_one_libwayland_would_connect_to(environ, expected):
    assert wayland_socket_path(environ) == expected


# -- against a compositor ------------------------------------------------------------


@pytest.mark.parametrize("version, request_sent", [
    # Version 2's request ignores idle inhibitors: a video playing is not someone at the keyboard.
    (2, "get_input_idle_notification"),
    (1, "get_idle_notification"),
])
def test_the_notification_asked_for_depends_on_the_version_offered(compositor, monitors, tmp_path,
                                                                   version, request_sent):
    fake = compositor(notifier_version=version)
    monitor = monitors(ExtIdleNotifyIdle(str(tmp_path / SOCKET)))
    assert monitor.idle_seconds() == 0.0
    assert fake.requests == [f"bind ext_idle_notifier_v1 {version}", "bind wl_seat 1",
                             f"{request_sent} {NOTIFICATION_TIMEOUT_MS}"]


def test_a_pywayland_that_knows_only_version_1_binds_and_asks_for_version_1(compositor, monitors, tmp_path,
                                                                           monkeypatch):
    from pywayland.protocol.ext_idle_notify_v1 import ExtIdleNotifierV1

    monkeypatch.setattr(ExtIdleNotifierV1, "version", 1)
    fake = compositor(notifier_version=2)
    monitor = monitors(ExtIdleNotifyIdle(str(tmp_path / SOCKET)))
    assert monitor.idle_seconds() == 0.0
    assert fake.requests[0] == "bind ext_idle_notifier_v1 1"
    assert fake.requests[-1] == f"get_idle_notification {NOTIFICATION_TIMEOUT_MS}"


def test_idled_and_resumed_become_seconds_idle_on_the_injected_clock(compositor, monitors, tmp_path):
    fake = compositor()
    clock = FakeClock()
    monitor = monitors(ExtIdleNotifyIdle(str(tmp_path / SOCKET), clock=clock))
    fake.idled()
    wait_until(lambda: monitor.idle_seconds() != 0.0)
    assert monitor.idle_seconds() == TIMEOUT_S
    clock.advance(90)
    assert monitor.idle_seconds() == 90 + TIMEOUT_S
    fake.resumed()
    wait_until(lambda: monitor.idle_seconds() == 0.0)


def test_a_compositor_without_the_global_is_not_used(compositor, monitors, tmp_path):
    compositor(notifier_version=None)
    monitor = monitors(ExtIdleNotifyIdle(str(tmp_path / SOCKET)))
    assert monitor.idle_seconds() is None
    assert "does not offer ext_idle_notifier_v1" in monitor.last_error


def test_without_a_compositor_the_probe_fails_at_once(monitors, tmp_path):
    started = time.monotonic()
    monitor = monitors(ExtIdleNotifyIdle(str(tmp_path / "nobody-listens")))
    assert time.monotonic() - started < 0.4
    assert monitor.idle_seconds() is None
    assert "nobody-listens" in monitor.last_error


def test_a_hung_compositor_costs_the_probe_timeout_not_a_frozen_app(compositor, monitors, tmp_path):
    compositor(answering=False)
    started = time.monotonic()
    monitor = monitors(ExtIdleNotifyIdle(str(tmp_path / SOCKET), probe_timeout_s=0.3))
    elapsed = time.monotonic() - started
    assert 0.3 <= elapsed < 0.8
    assert monitor.idle_seconds() is None
    assert "no answer" in monitor.last_error
    started = time.monotonic()
    monitor.close()  # the thread waiting for the answer is woken and ends
    assert time.monotonic() - started < 0.5


def test_a_compositor_that_goes_away_leaves_idle_time_unknown_and_says_so_once(
        compositor, monitors, tmp_path, caplog):
    fake = compositor()
    monitor = monitors(ExtIdleNotifyIdle(str(tmp_path / SOCKET)))
    fake.idled()
    wait_until(lambda: monitor.idle_seconds() != 0.0)
    with caplog.at_level(logging.INFO, logger="deskbreak.adapters.wayland_idle"):
        fake.vanish()
        wait_until(lambda: monitor.idle_seconds() is None)
        assert monitor.idle_seconds() is None
    assert sum("stopped answering" in record.message for record in caplog.records) == 1


def test_closing_ends_the_connection_thread_and_idle_time_is_then_unknown(compositor, tmp_path):
    compositor()
    monitor = ExtIdleNotifyIdle(str(tmp_path / SOCKET))
    assert monitor.idle_seconds() == 0.0
    monitor.close()
    assert monitor.idle_seconds() is None
    monitor.close()  # twice is harmless: atexit closes it again


# -- where it stands among the backends ----------------------------------------------


@pytest.fixture
def idle_services(spawn_on_bus):
    """``idle_services(*options)``: the D-Bus idle counters of fake_idle_services.py."""
    return lambda *options: spawn_on_bus(FAKE_IDLE_SERVICES, *options)


def test_under_wayland_without_a_dbus_idle_counter_ext_idle_notify_is_chosen(
        bus, compositor, wayland_environ):
    compositor()
    monitor = detect_idle_monitor(bus, platform="linux", environ=wayland_environ)
    try:
        assert monitor.name == "ext-idle-notify"
        assert monitor.idle_seconds() == 0.0
    finally:
        monitor.close()


def test_on_kde_whose_screensaver_refuses_the_idle_time_ext_idle_notify_is_chosen(
        bus, idle_services, compositor, wayland_environ):
    idle_services("--refusing-screensaver")
    compositor()
    monitor = detect_idle_monitor(bus, platform="linux", environ=wayland_environ)
    try:
        assert monitor.name == "ext-idle-notify"
    finally:
        monitor.close()


def test_on_gnome_mutter_answers_first_and_the_compositor_is_never_asked(
        bus, idle_services, compositor, wayland_environ):
    idle_services("--mutter", "2000")
    fake = compositor()
    monitor = detect_idle_monitor(bus, platform="linux", environ=wayland_environ)
    assert monitor.name == "mutter"
    assert fake.requests == []


def test_without_pywayland_the_backend_is_skipped_and_the_app_still_starts(
        bus, compositor, wayland_environ, monkeypatch):
    compositor()
    monkeypatch.setitem(sys.modules, "pywayland.client", None)  # importing it now raises ImportError
    assert detect_idle_monitor(bus, platform="linux", environ=wayland_environ).name == "unavailable"


def test_outside_a_wayland_session_the_compositor_is_not_looked_for(bus, compositor, tmp_path):
    fake = compositor()
    environ = {"XDG_RUNTIME_DIR": str(tmp_path)}  # a socket lies there, but no variable says Wayland
    assert detect_idle_monitor(bus, platform="linux", environ=environ).name == "unavailable"
    assert fake.requests == []
