"""The real app on a 1024x600 screen with a panel: its windows open inside the free area, frame and all,
and turning the mouse wheel over the settings dialog changes no setting.

A second virtual desktop, the size of a small laptop's screen, started for
this module (the session's desktop is 1280x800).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from .desktop import DesktopTestContext, Geometry, VirtualDesktop, context_for, desktop_of_size
from support.app_cli import deskbreak_cmd

SMALL_SCREEN = (1024, 600)
WHEEL_DOWN, WHEEL_UP = 5, 4
COLUMNS = (190, 290)  # px from the dialog's left edge: over the number fields, then over the units and choices
STEP = 12  # px between the points the wheel is turned at


@pytest.fixture(scope="module")
def small_virtual_desktop(tmp_path_factory) -> Iterator[VirtualDesktop]:
    with desktop_of_size(tmp_path_factory.mktemp("small-desktop"), SMALL_SCREEN) as small:
        yield small


@pytest.fixture
def desktop(small_virtual_desktop, tmp_path) -> Iterator[DesktopTestContext]:
    with context_for(small_virtual_desktop, tmp_path) as context:
        yield context


@pytest.fixture
def app(desktop, tmp_path):
    process = desktop.spawn(deskbreak_cmd(tmp_path, "--set", "runs="), name="deskbreak")
    process.wait_for_output(r"system tray: icon shown", stream="stderr", timeout=30)
    return process


def numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"-?\d+", text.split("=", 1)[-1])]


def work_area(desktop) -> Geometry:
    """The part of the screen windows may use: _NET_WORKAREA, set by the window manager from the panels."""
    done = desktop.run(["xprop", "-root", "_NET_WORKAREA"])
    x, y, width, height = numbers(done.stdout)[:4]
    return Geometry(x, y, width, height)


def framed(desktop, window: int) -> Geometry:
    """The window with the frame the window manager drew around it."""
    inner = desktop.window_geometry(window)
    left, right, top, bottom = numbers(desktop.window_property(window, "_NET_FRAME_EXTENTS"))
    return Geometry(inner.x - left, inner.y - top, inner.width + left + right, inner.height + top + bottom)


def inside(outer: Geometry, inner: Geometry) -> bool:
    return (outer.x <= inner.x and outer.y <= inner.y and inner.x + inner.width <= outer.x + outer.width
            and inner.y + inner.height <= outer.y + outer.height)


def open_settings(desktop, profile: Path) -> int:
    subprocess.run(deskbreak_cmd(profile, "settings"), env=desktop.env, capture_output=True, text=True,
                   timeout=30, check=True)
    return desktop.wait_for_window(r"^deskbreak: Settings$", timeout=15)


def test_the_settings_dialog_and_the_break_window_open_inside_the_screen(desktop, app, tmp_path):
    area = work_area(desktop)
    assert area.height < SMALL_SCREEN[1], "the panel takes its strip"
    dialog = open_settings(desktop, tmp_path)
    desktop.wait_for(lambda: inside(area, framed(desktop, dialog)), timeout=5,
                     message=f"the settings dialog {framed(desktop, dialog)} inside {area}")
    subprocess.run(deskbreak_cmd(tmp_path, "break-now"), env=desktop.env, capture_output=True, text=True,
                   timeout=30, check=True)
    window = desktop.wait_for_window(r"^deskbreak: Sit-break$", timeout=15)
    desktop.wait_for(lambda: inside(area, framed(desktop, window)), timeout=5,
                     message=f"the break window {framed(desktop, window)} inside {area}")
    desktop.screenshot(tmp_path / "small-screen.png")


def test_the_wheel_over_the_settings_dialog_changes_no_setting(desktop, app, tmp_path):
    settings = tmp_path / "config" / "settings.toml"
    before = settings.read_bytes() if settings.exists() else None
    dialog = open_settings(desktop, tmp_path)
    box = desktop.window_geometry(dialog)
    # Down three lines through the fields' column (number fields, units, choices), a
    # notch at each point: the page scrolls under the pointer, so each field passes beneath it.
    path = ["xdotool"]
    for x in COLUMNS:
        for y in range(box.y + STEP, box.y + box.height - STEP, STEP):
            path += ["mousemove", str(box.x + x), str(y), "click", str(WHEEL_DOWN)]
        path += ["click", "--repeat", "30", str(WHEEL_UP)]
    desktop.run(path, timeout=120)
    after = settings.read_bytes() if settings.exists() else None
    assert after == before, f"the wheel changed settings.toml:\n{after!r}"
