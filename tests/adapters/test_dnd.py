"""The desktop's hold sources: real windows on a virtual X desktop, real dunst, a fake KDE daemon, real gsettings.

One :class:`VirtualDesktop` (Xvfb, openbox, dunst on its own bus) serves the
module; windows come from ``fake_dnd_window.py`` run on it. The KDE-style
``Inhibited`` daemon runs on the private bus of ``tests/adapters/conftest.py``,
GNOME's switch is read by the real ``gsettings`` from a keyfile in
``tmp_path``, and the Windows shell is faked (ctypes only, untestable here).
"""

from __future__ import annotations

import ctypes
import logging
import shutil
import subprocess
import sys
import uuid
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Iterator

import pytest

from deskbreak.adapters.holds import Desktop, detect_holds
from deskbreak.adapters.holds.call_apps import DEFAULT_DND_APPS
from deskbreak.adapters.holds.fullscreen import WindowsNotificationState
from deskbreak.adapters.x11 import XlibWindows
from deskbreak.core.clock import FakeClock
from deskbreak.core.holds import Holds
from desktop.desktop import Process, VirtualDesktop, in_ci, missing_programs

HERE = Path(__file__).resolve().parent
FAKE_WINDOW = HERE / "fake_dnd_window.py"
FAKE_NOTIFICATIONS = HERE / "fake_dnd_notifications.py"
FREE = None
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def detect_dnd(*, apps=DEFAULT_DND_APPS, clock=None, **desktop) -> Holds:
    """The desktop's hold sources as the app builds them, for the ``dnd_apps`` list ``apps``.

    The list is handed over as is: the settings table refuses blank entries, the source ignores them too.
    """
    return detect_holds(SimpleNamespace(dnd_apps=list(apps)), Desktop(clock=clock or FakeClock(), **desktop))


def reason_of(holds: Holds) -> str | None:
    """What the tray would say holds a break now (None: free)."""
    hold = holds.hold(NOW)
    return None if hold is None else hold.reason


# --- fixtures ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def virtual_desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtualDesktop]:
    missing = missing_programs()
    if missing:
        message = f"the virtual desktop needs {', '.join(missing)} (make test installs them)"
        if in_ci():
            pytest.fail(f"CI is set and {message}", pytrace=False)
        pytest.skip(message)
    desktop = VirtualDesktop(tmp_path_factory.mktemp("dnd-desktop")).start()
    try:
        yield desktop
    finally:
        desktop.stop()


def connect(address: str):
    """A QDBusConnection of its own to the bus at ``address`` (the caller disconnects)."""
    from PySide6.QtDBus import QDBusConnection

    name = f"dnd-test-{uuid.uuid4().hex}"
    connection = QDBusConnection.connectToBus(address, name)
    assert connection.isConnected(), connection.lastError().message()
    return connection


@pytest.fixture(scope="module")
def desktop_bus(qapp, virtual_desktop: VirtualDesktop):
    connection = connect(virtual_desktop.bus_address)
    yield connection
    type(connection).disconnectFromBus(connection.name())


@pytest.fixture
def monitor(virtual_desktop: VirtualDesktop, desktop_bus) -> Iterator[Holds]:
    """What the app would build on the virtual desktop: every Linux source but GNOME's."""
    built = detect_dnd(environ=virtual_desktop.env, connection=desktop_bus)
    yield built
    built.close()  # before the desktop goes: Xlib ends a process whose X server vanished


@pytest.fixture
def show_window(virtual_desktop: VirtualDesktop, tmp_path: Path) -> Iterator:
    """``show_window(wm_class, fullscreen=False)``: a window on the desktop, closed after the test."""
    shown: list[Process] = []

    def show(wm_class: str, *, fullscreen: bool = False) -> Process:
        cmd = [sys.executable, str(FAKE_WINDOW), "--wm-class", wm_class]
        window = virtual_desktop.spawn(cmd + (["--fullscreen"] if fullscreen else []),
                                       name=f"window-{len(shown)}", log_dir=tmp_path)
        shown.append(window)
        window.wait_for_output(r"^SHOWN ")
        # openbox focuses new windows: wait until this one is the active one.
        virtual_desktop.wait_for(lambda: virtual_desktop.active_window() in virtual_desktop.find_windows_of_pid(window.pid),
                                 message=f"the {wm_class} window to become active")
        return window

    yield show
    for window in shown:
        window.terminate()


@pytest.fixture
def private_bus_connection(qapp, private_bus: str):
    connection = connect(private_bus)
    yield connection
    type(connection).disconnectFromBus(connection.name())


def reason_becomes(monitor: Holds, expected: str | None, desktop: VirtualDesktop) -> None:
    """Wait for the window manager to catch up (state changes arrive asynchronously)."""
    desktop.wait_for(lambda: reason_of(monitor) == expected,
                     message=f"the holds to answer {expected!r}; last {reason_of(monitor)!r}")


# --- X11: fullscreen ---------------------------------------------------------------------


def test_the_virtual_desktop_offers_fullscreen_the_daemon_and_call_apps(monitor):
    assert monitor.name == "x11-fullscreen+notification-daemon+x11-apps"
    assert reason_of(monitor) == FREE


def test_an_active_fullscreen_window_is_busy_until_it_closes(monitor, show_window, virtual_desktop):
    video = show_window("deskbreak-test-video", fullscreen=True)
    reason_becomes(monitor, "fullscreen", virtual_desktop)
    video.terminate()
    reason_becomes(monitor, None, virtual_desktop)


def test_an_active_normal_window_leaves_the_user_free(monitor, show_window):
    show_window("deskbreak-test-editor")
    assert reason_of(monitor) == FREE


def test_a_window_that_vanished_reads_as_nothing_and_aborts_nothing(virtual_desktop):
    windows = XlibWindows(virtual_desktop.env["DISPLAY"])
    try:
        never_created = 0x3FFFFF0
        assert windows.ids(never_created, "_NET_WM_STATE") == []
        assert windows.texts(never_created, "WM_CLASS") == []
        assert windows.ids(windows.root, "_NET_CLIENT_LIST") != []  # the connection still works
    finally:
        windows.close()


# --- X11: call apps ------------------------------------------------------------------------


def test_a_window_of_a_call_app_names_the_app(monitor, show_window, virtual_desktop):
    assert "zoom" in DEFAULT_DND_APPS
    call = show_window("zoom")
    assert reason_of(monitor) == "zoom"
    call.terminate()
    reason_becomes(monitor, None, virtual_desktop)


def test_the_app_list_is_the_users_matched_in_any_case_as_part_of_the_class(virtual_desktop, desktop_bus, show_window):
    show_window("teams-for-linux")
    own_list = detect_dnd(apps=["", "  ", "Webex", "TEAMS"], environ=virtual_desktop.env, connection=desktop_bus)
    no_list = detect_dnd(apps=[], environ=virtual_desktop.env, connection=desktop_bus)
    try:
        assert reason_of(own_list) == "TEAMS"  # blank entries matched nothing
        assert no_list.name == "x11-fullscreen+notification-daemon"
        assert reason_of(no_list) == FREE
    finally:
        own_list.close()
        no_list.close()


def test_fullscreen_comes_before_the_app_list(monitor, show_window, virtual_desktop):
    show_window("zoom", fullscreen=True)
    reason_becomes(monitor, "fullscreen", virtual_desktop)


# --- the notification daemon's switch ----------------------------------------------------


def test_dunst_paused_is_do_not_disturb(monitor, virtual_desktop):
    virtual_desktop.run(["dunstctl", "set-paused", "true"])
    try:
        assert virtual_desktop.run(["dunstctl", "is-paused"]).stdout.strip() == "true"
        assert reason_of(monitor) == "do not disturb"
    finally:
        virtual_desktop.run(["dunstctl", "set-paused", "false"])
    assert reason_of(monitor) == FREE


@pytest.mark.parametrize("inhibited, expected", [("true", "do not disturb"), ("false", None)])
def test_an_inhibited_notification_daemon_is_do_not_disturb(spawn_on_bus, private_bus_connection, inhibited, expected):
    spawn_on_bus(FAKE_NOTIFICATIONS, "--inhibited", inhibited)
    monitor = detect_dnd(environ={}, connection=private_bus_connection)
    assert monitor.name == "notification-daemon"
    assert reason_of(monitor) == expected
    assert reason_of(monitor) == expected  # now asked first: Inhibited answered last time


def test_a_bus_without_a_notification_daemon_is_free(private_bus_connection):
    monitor = detect_dnd(environ={}, connection=private_bus_connection)
    assert reason_of(monitor) == FREE
    assert not private_bus_connection.interface().isServiceRegistered("org.freedesktop.Notifications").value()


# --- GNOME -------------------------------------------------------------------------------


@pytest.fixture
def gnome_environ(tmp_path: Path) -> dict[str, str]:
    """A GNOME session whose settings live in a keyfile in ``tmp_path``, never in the user's dconf."""
    if shutil.which("gsettings") is None:
        pytest.skip("gsettings not installed (Debian package libglib2.0-bin)")
    environ = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CURRENT_DESKTOP": "ubuntu:GNOME",
        "GSETTINGS_BACKEND": "keyfile",
    }
    probe = subprocess.run(["gsettings", "get", "org.gnome.desktop.notifications", "show-banners"],
                           env=environ, capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        pytest.skip("the org.gnome.desktop.notifications schema is not installed (gsettings-desktop-schemas)")
    return environ


def set_show_banners(environ: dict[str, str], value: bool) -> None:
    subprocess.run(["gsettings", "set", "org.gnome.desktop.notifications", "show-banners", str(value).lower()],
                   env=environ, check=True)


def test_gnome_do_not_disturb_is_read_at_most_every_ten_seconds(gnome_environ, private_bus_connection):
    clock = FakeClock()
    monitor = detect_dnd(environ=gnome_environ, connection=private_bus_connection, clock=clock)
    assert monitor.name == "gnome+notification-daemon"
    set_show_banners(gnome_environ, False)
    assert reason_of(monitor) == "do not disturb"
    set_show_banners(gnome_environ, True)
    clock.advance(9.9)
    assert reason_of(monitor) == "do not disturb"  # the answer read 9.9 s ago
    clock.advance(0.1)
    assert reason_of(monitor) == FREE


def test_gsettings_is_not_asked_outside_gnome(gnome_environ, private_bus_connection):
    monitor = detect_dnd(environ={**gnome_environ, "XDG_CURRENT_DESKTOP": "KDE"}, connection=private_bus_connection)
    assert monitor.name == "notification-daemon"


# --- what each platform gets ---------------------------------------------------------------


@pytest.mark.parametrize("display", [None, ":4242"])
def test_without_an_x_display_the_x11_sources_are_left_out(private_bus_connection, display):
    environ = {"DISPLAY": display} if display else {}
    monitor = detect_dnd(environ=environ, connection=private_bus_connection)
    assert monitor.name == "notification-daemon"
    assert reason_of(monitor) == FREE


def test_macos_has_nothing_to_read_so_it_is_always_free():
    monitor = detect_dnd(platform="darwin", environ={"DISPLAY": ":0"})
    assert monitor.sources == ()
    assert monitor.name == "none"
    assert reason_of(monitor) == FREE


class FakeShell32:
    """SHQueryUserNotificationState writing ``state`` through its pointer, returning ``hresult``."""

    def __init__(self, state: int, hresult: int = 0) -> None:
        self.state, self.hresult = state, hresult

    def SHQueryUserNotificationState(self, pointer) -> int:  # noqa: N802 (the Win32 name)
        pointer.contents.value = self.state
        return self.hresult


@pytest.mark.parametrize("state, expected", [
    (1, None),  # not present: locked or away
    (2, "fullscreen"),
    (3, "fullscreen"),
    (4, "presentation"),
    (5, None),
    (6, None),  # quiet time after a first login
    (7, "fullscreen"),
])
def test_the_windows_shell_state_maps_to_a_reason(state, expected):
    hold = WindowsNotificationState(FakeShell32(state)).hold(NOW)
    assert (None if hold is None else hold.reason) == expected


def test_a_failed_windows_shell_query_is_free():
    assert WindowsNotificationState(FakeShell32(2, hresult=-2147467259)).hold(NOW) is None  # E_FAIL


def test_off_windows_the_windows_source_is_left_out_quietly():
    if sys.platform == "win32":
        pytest.skip("this is Windows")
    assert not hasattr(ctypes, "windll")
    assert detect_dnd(platform="win32").sources == ()
