"""The desktop tier works with real parts: a stand-alone PySide6 tray probe on
the virtual desktop gets a tray, a notification, a window and key presses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .desktop import SCREEN_HEIGHT, SCREEN_WIDTH, DesktopTestContext, png_size

PROBE = Path(__file__).with_name("tray_probe.py")
SUMMARY = "deskbreak probe notification"


def test_probe_gets_tray_notification_window_and_keys(desktop: DesktopTestContext) -> None:
    assert desktop.tray_icons() == [], "the tray should start empty"

    probe = desktop.spawn([sys.executable, str(PROBE), "--summary", SUMMARY], name="probe")
    available = probe.wait_for_output(r"^tray-available (\w+)$")
    assert available[1] == "True", probe.stderr()

    icons = desktop.wait_for(lambda: desktop.tray_icons(), timeout=10, message="an icon in trayer")
    assert len(icons) == 1, icons
    icon = icons[0]
    assert icon.geometry.width > 0 and icon.geometry.height > 0
    assert icon.geometry.y < 30, f"the icon should sit in the top panel: {icon}"

    probe.wait_for_output(r"^notify-send 0\b")
    notification = desktop.wait_for_notification(SUMMARY)
    assert notification["body"] == "probe body"
    assert notification["appname"] == "deskbreak-probe"

    window = desktop.wait_for_window("^deskbreak probe$")
    geometry = desktop.window_geometry(window)
    assert (geometry.width, geometry.height) == (360, 160)

    desktop.send_key(window, "k")
    probe.wait_for_output(r"^key k$", timeout=5)
    assert desktop.active_window() == window

    # The icon's geometry is where a click reaches it.
    desktop.click(*icon.geometry.center)
    probe.wait_for_output(r"^tray-activated Trigger$", timeout=5)

    # A second tray client is told apart from the first.
    second = desktop.spawn([sys.executable, str(PROBE), "--no-notify", "--title", "second probe"], name="probe")
    desktop.wait_for(lambda: len(desktop.tray_icons()) == 2, timeout=10, message="two icons in trayer")
    assert second.terminate() == 0, second.stderr()
    desktop.wait_for(lambda: len(desktop.tray_icons()) == 1, timeout=5, message="back to one icon")

    assert probe.terminate() == 0, probe.stderr()
    assert "quitting SIGTERM" in probe.stdout()
    desktop.wait_for(lambda: desktop.tray_icons() == [], timeout=5, message="the icon to leave the tray")
    assert desktop.find_windows("^deskbreak probe$") == []


def test_screenshot_is_a_full_screen_png(desktop: DesktopTestContext, tmp_path: Path) -> None:
    probe = desktop.spawn([sys.executable, str(PROBE), "--summary", "screenshot probe"], name="probe")
    desktop.wait_for_window("^deskbreak probe$")
    desktop.wait_for(lambda: len(desktop.tray_icons()) == 1, timeout=10, message="an icon in trayer")
    probe.wait_for_output(r"^notify-send 0\b")
    desktop.wait_for(
        lambda: desktop.displayed_notification_count() == 1, timeout=5, message="the notification on screen"
    )

    shot = desktop.screenshot(tmp_path / "screen.png")
    assert png_size(shot) == (SCREEN_WIDTH, SCREEN_HEIGHT)
    identify = subprocess.run(
        ["identify", "-format", "%m %w %h", str(shot)], capture_output=True, text=True, check=True
    )
    assert identify.stdout.split() == ["PNG", str(SCREEN_WIDTH), str(SCREEN_HEIGHT)]
    # DESKBREAK_SCREENSHOT=/some/file.png keeps a copy for a human to look at.
    keep = os.environ.get("DESKBREAK_SCREENSHOT")
    if keep:
        shutil.copyfile(shot, keep)
    assert probe.terminate() == 0, probe.stderr()
