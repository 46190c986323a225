"""The hold sources without a display: a fake KDE daemon, real gsettings, the Windows shell faked.

The KDE-style ``Inhibited`` daemon runs on the private bus of
``tests/support/bus.py``, GNOME's switch is read by the real ``gsettings``
from a keyfile in ``tmp_path``, and the Windows shell is faked (ctypes only,
untestable here). The X11 sources (fullscreen and call-app windows) and
dunst's pause switch need a real X desktop: ``tests/desktop/test_dnd_desktop.py``.
"""

from __future__ import annotations

import ctypes
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from deskbreak.adapters.holds.fullscreen import WindowsNotificationState
from deskbreak.core.clock import FakeClock
from support.holds import FREE, NOW, detect_dnd, reason_of

FAKE_NOTIFICATIONS = Path(__file__).with_name("fake_dnd_notifications.py")


@pytest.mark.parametrize("inhibited, expected", [("true", "do not disturb"), ("false", None)])
def test_an_inhibited_notification_daemon_is_do_not_disturb(spawn_on_bus, bus, inhibited, expected):
    spawn_on_bus(FAKE_NOTIFICATIONS, "--inhibited", inhibited)
    monitor = detect_dnd(environ={}, connection=bus)
    assert monitor.name == "notification-daemon"
    assert reason_of(monitor) == expected
    assert reason_of(monitor) == expected  # now asked first: Inhibited answered last time


def test_a_bus_without_a_notification_daemon_is_free(bus):
    monitor = detect_dnd(environ={}, connection=bus)
    assert reason_of(monitor) == FREE
    assert not bus.interface().isServiceRegistered("org.freedesktop.Notifications").value()


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


def test_gnome_do_not_disturb_is_read_at_most_every_ten_seconds(gnome_environ, bus):
    clock = FakeClock()
    monitor = detect_dnd(environ=gnome_environ, connection=bus, clock=clock)
    assert monitor.name == "gnome+notification-daemon"
    set_show_banners(gnome_environ, False)
    assert reason_of(monitor) == "do not disturb"
    set_show_banners(gnome_environ, True)
    clock.advance(9.9)
    assert reason_of(monitor) == "do not disturb"  # the answer read 9.9 s ago
    clock.advance(0.1)
    assert reason_of(monitor) == FREE


def test_gsettings_is_not_asked_outside_gnome(gnome_environ, bus):
    monitor = detect_dnd(environ={**gnome_environ, "XDG_CURRENT_DESKTOP": "KDE"}, connection=bus)
    assert monitor.name == "notification-daemon"


# --- what each platform gets ---------------------------------------------------------------


@pytest.mark.parametrize("display", [None, ":4242"])
def test_without_an_x_display_the_x11_sources_are_left_out(bus, display):
    environ = {"DISPLAY": display} if display else {}
    monitor = detect_dnd(environ=environ, connection=bus)
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
