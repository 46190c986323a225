"""The hold sources on a real X desktop: fullscreen and call-app windows under openbox, and dunst's pause switch.

The tier's virtual desktop serves these tests; windows come from
``support/fake_window.py`` run on it. The sources are built in this process, as
the app builds them, from the desktop's environment and a connection to its
session bus (where dunst runs). The sources that need no display are tested
in ``tests/adapters/test_dnd.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import pytest

from deskbreak.adapters.holds.call_apps import DEFAULT_DND_APPS
from deskbreak.adapters.x11 import XlibWindows
from deskbreak.core.scheduling.holds import Holds
from support.app_cli import FAKE_WINDOW
from support.bus import connected_bus
from support.holds import FREE, detect_dnd, reason_of

from .desktop import Process, VirtualDesktop



@pytest.fixture(scope="module")
def desktop_bus(qapp, virtual_desktop: VirtualDesktop):
    with connected_bus(virtual_desktop.bus_address, "dnd-test") as connection:
        yield connection


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
