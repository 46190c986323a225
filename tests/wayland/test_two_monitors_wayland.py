"""Two monitors on Wayland (issue 18 item 4): the routine on one screen, a dimming overlay on the other.

Wayland clients cannot place their windows, so the app must put each window
on its screen the way the compositor honours: ``setScreen`` then fullscreen.
Both desktops run here with two virtual outputs side by side.
"""

from __future__ import annotations

import subprocess

import pytest

from support.app_cli import deskbreak_cmd, first_run_note_read
from support.processes import wait_for

GNOME_OPTIONS = KWIN_OPTIONS = {"monitors": 2}
BREAK_TITLE = "deskbreak: Sit-break"
OVERLAY_TITLE = "deskbreak: Sit-break in progress"


@pytest.fixture(scope="module")
def monitors(wayland):
    """The compositor's outputs, (x, y, width, height) left to right."""
    if wayland.name == "gnome":
        found = wayland.eval("imports.ui.main.layoutManager.monitors.map(m => [m.x, m.y, m.width, m.height])")
    else:
        found = wayland.run_script("Array.from({length: workspace.numScreens}, (_, i) => "
                                   "workspace.clientArea(KWin.ScreenArea, i, 1)).map(r => [r.x, r.y, r.width, r.height])")
    assert len(found) == 2, found
    return sorted(tuple(monitor) for monitor in found)


def on_monitor(window: dict, monitor: tuple[int, int, int, int]) -> bool:
    x, y, width, height = monitor
    return x <= window["x"] < x + width and y <= window["y"] < y + height


def test_the_routine_has_one_screen_and_the_other_is_dimmed(wayland, monitors, launch, tmp_path):
    first_run_note_read(tmp_path)
    app = launch(wayland, tmp_path, "--set", "runs=")
    subprocess.run(deskbreak_cmd(tmp_path, "break-now"), env=wayland.env, check=True, capture_output=True,
                   timeout=30)

    def shown():
        windows = [w for w in wayland.windows_of(app.pid) if w["width"]]
        routine = [w for w in windows if w["title"] == BREAK_TITLE]
        overlays = [w for w in windows if w["title"] == OVERLAY_TITLE]
        return (routine, overlays) if routine and overlays else None

    routine, overlays = wait_for(shown, 15, 0.2, "the routine and an overlay")
    wayland.screenshot(tmp_path / f"two-monitors-{wayland.name}.png")
    assert len(routine) == 1 and len(overlays) == 1, (routine, overlays)
    [routine_monitor] = [m for m in monitors if on_monitor(routine[0], m)]
    [overlay_monitor] = [m for m in monitors if on_monitor(overlays[0], m)]
    assert routine_monitor != overlay_monitor, "routine and overlay share a screen"
    overlay = overlays[0]
    assert (overlay["x"], overlay["y"], overlay["width"], overlay["height"]) == overlay_monitor, \
        "the overlay covers its whole screen"
