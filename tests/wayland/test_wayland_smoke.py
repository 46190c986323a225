"""deskbreak starts on both Wayland desktops: the tray takes its icon, a break window opens on top.

The first test of the tier, so its failures say "the harness" before any
feature: each compositor starts, answers its test hooks and shows a window.
"""

from __future__ import annotations

import subprocess

from support.app_cli import deskbreak_cmd, first_run_note_read, status
from support.processes import wait_for

BREAK_TITLE = "deskbreak: Sit-break"


def registered_tray_items(session) -> str:
    return session.gdbus("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
                         "org.freedesktop.DBus.Properties.Get", "org.kde.StatusNotifierWatcher",
                         "RegisteredStatusNotifierItems")


def test_the_app_registers_its_tray_icon_and_opens_a_break_on_top(wayland, launch, tmp_path):
    first_run_note_read(tmp_path)
    app = launch(wayland, tmp_path, "--set", "runs=")
    app.wait_for_output(r"system tray: ", stream="stderr", timeout=30)
    if wayland.bus_has("org.kde.StatusNotifierWatcher"):
        wait_for(lambda: "/StatusNotifierItem" in registered_tray_items(wayland), 10, 0.2, "our tray item")
    subprocess.run(deskbreak_cmd(tmp_path, "break-now"), env=wayland.env, check=True, capture_output=True,
                   timeout=30)
    window = wait_for(lambda: [w for w in wayland.windows_of(app.pid) if w["title"] == BREAK_TITLE and w["width"]],
                      15, 0.3, "the break window on screen")[0]
    assert window["width"] >= 600 and window["height"] >= 400
    wayland.screenshot(tmp_path / f"break-{wayland.name}.png")
    assert status(wayland.env, tmp_path)["state"] == "on_break"
