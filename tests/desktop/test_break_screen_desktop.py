"""The screen you choose, with two monitors on a real X server (issue 20 part 2).

A virtual desktop of its own for this module: one Xvfb screen 2048x768 split
into two RandR monitors, LEFT and RIGHT (``xrandr --setmonitor``), which Qt
takes for two screens as it does two real monitors. The real app opens its
break on the screen ``break_screen`` names, with the overlay on the other
one; a chosen screen that is not there gives way to the pointer's, told once;
and the settings dialog's list follows a monitor unplugged and plugged in.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.app_cli import deskbreak_cmd, first_run_note_read

from .desktop import DesktopTestContext, Geometry, VirtualDesktop, context_for, desktop_of_size

WIDE_SCREEN = (2048, 768)
LEFT, RIGHT = Geometry(0, 0, 1024, 768), Geometry(1024, 0, 1024, 768)
# name, geometry (px/mm), the output it takes ("none": no output of its own)
MONITORS = {"LEFT": ("1024/271x768/203+0+0", "screen"), "RIGHT": ("1024/271x768/203+1024+0", "none")}
BREAK_TITLE = r"^deskbreak: Sit-break$"
OVERLAY_TITLE = r"^deskbreak: Sit-break in progress$"
PROBE = Path(__file__).with_name("screen_list_probe.py")


def add_monitor(desktop, name: str) -> None:
    geometry, output = MONITORS[name]
    desktop.run(["xrandr", "--setmonitor", name, geometry, output])


def monitors(desktop) -> list[str]:
    """``xrandr --listmonitors``: the monitors' names, as Qt names the screens."""
    lines = desktop.run(["xrandr", "--listmonitors"]).stdout.splitlines()[1:]
    return [line.split()[1].lstrip("+*") for line in lines]


@pytest.fixture(scope="module")
def two_monitor_desktop(tmp_path_factory) -> Iterator[VirtualDesktop]:
    with desktop_of_size(tmp_path_factory.mktemp("two-monitor-desktop"), WIDE_SCREEN) as wide:
        for name in MONITORS:
            add_monitor(wide, name)
        yield wide


@pytest.fixture
def desktop(two_monitor_desktop, tmp_path) -> Iterator[DesktopTestContext]:
    with context_for(two_monitor_desktop, tmp_path) as context:
        assert monitors(context) == ["LEFT", "RIGHT"]
        yield context


def start_app(desktop, profile: Path, break_screen: str):
    first_run_note_read(profile)
    process = desktop.spawn(deskbreak_cmd(profile, "--set", "runs=", "--set", f"break_screen={break_screen}"),
                            name="deskbreak")
    process.wait_for_output(r"system tray: icon shown", stream="stderr", timeout=30)
    return process


def ask(desktop, profile: Path, verb: str) -> None:
    subprocess.run(deskbreak_cmd(profile, verb), env=desktop.env, capture_output=True, text=True, timeout=30, check=True)


def inside(outer: Geometry, inner: Geometry) -> bool:
    return (outer.x <= inner.x and outer.y <= inner.y and inner.x + inner.width <= outer.x + outer.width
            and inner.y + inner.height <= outer.y + outer.height)


def test_the_break_opens_on_the_named_screen_and_the_other_one_is_dimmed(desktop, tmp_path):
    start_app(desktop, tmp_path, "RIGHT")
    desktop.run(["xdotool", "mousemove", "--sync", "300", "300"])  # the pointer on LEFT: not where the break goes
    ask(desktop, tmp_path, "break-now")
    window = desktop.wait_for_window(BREAK_TITLE, timeout=15)
    overlay = desktop.wait_for_window(OVERLAY_TITLE, timeout=15)
    desktop.wait_for(lambda: inside(RIGHT, desktop.window_geometry(window)), timeout=5,
                     message=f"the break window {desktop.window_geometry(window)} on RIGHT {RIGHT}")
    desktop.wait_for(lambda: desktop.window_geometry(overlay) == LEFT, timeout=5,
                     message=f"the overlay {desktop.window_geometry(overlay)} over LEFT {LEFT}")
    assert len(desktop.find_windows(OVERLAY_TITLE)) == 1, "no overlay on the break's own screen"
    desktop.screenshot(tmp_path / "break-on-the-right.png")


def test_a_screen_that_is_not_there_gives_way_to_the_pointer_s_and_is_told_once(desktop, tmp_path):
    app = start_app(desktop, tmp_path, "HDMI-9")
    desktop.run(["xdotool", "mousemove", "--sync", "1500", "300"])  # the pointer on RIGHT
    for _ in range(2):
        ask(desktop, tmp_path, "break-now")
        window = desktop.wait_for_window(BREAK_TITLE, timeout=15)
        desktop.wait_for(lambda: inside(RIGHT, desktop.window_geometry(window)), timeout=5,
                         message=f"the break window {desktop.window_geometry(window)} on the pointer's screen {RIGHT}")
        overlay = desktop.wait_for_window(OVERLAY_TITLE, timeout=15)
        assert desktop.window_geometry(overlay) == LEFT
        ask(desktop, tmp_path, "skip")
        desktop.wait_for(lambda: not desktop.find_windows(OVERLAY_TITLE), timeout=10, message="the break ended")
    told = [n for n in desktop.notifications() if n["summary"] == "Break screen not connected"]
    assert [n["body"] for n in told] == [
        "HDMI-9, the screen chosen for breaks, is not connected: breaks open on the screen with the mouse pointer "
        "until it is back."], "told once, not at each break"
    lines = [line for line in app.stderr().splitlines() if "break_screen 'HDMI-9' is not connected" in line]
    assert len(lines) == 1 and "(connected: LEFT, RIGHT)" in lines[0], lines


def test_the_settings_list_follows_a_screen_unplugged_and_plugged_in_again(desktop, tmp_path):
    settings = tmp_path / "settings.toml"
    settings.write_text('break_screen = "RIGHT"\n', encoding="utf-8")
    probe = desktop.spawn([sys.executable, str(PROBE), str(settings)], name="screen-list")

    def shown() -> list[dict]:
        return [json.loads(line) for line in probe.stdout().splitlines() if line.startswith("{")]

    both = ["The screen with the mouse pointer", "The primary screen", "LEFT (1024x768)", "RIGHT (1024x768)"]
    desktop.wait_for(lambda: shown() and shown()[-1]["entries"] == both, timeout=30, message="both screens listed")
    assert shown()[-1]["chosen"] == "RIGHT (1024x768)"
    try:
        desktop.run(["xrandr", "--delmonitor", "RIGHT"])
        desktop.wait_for(lambda: shown()[-1]["chosen"] == "RIGHT (not connected)", timeout=10,
                         message=f"RIGHT marked not connected: {shown()[-1]}")
        assert shown()[-1]["entries"] == [*both[:3], "RIGHT (not connected)"]
    finally:
        add_monitor(desktop, "RIGHT")
    desktop.wait_for(lambda: shown()[-1]["entries"] == both, timeout=10, message=f"RIGHT back: {shown()[-1]}")
    assert shown()[-1]["chosen"] == "RIGHT (1024x768)"
    assert settings.read_text(encoding="utf-8") == 'break_screen = "RIGHT"\n', "the choice was never changed"
