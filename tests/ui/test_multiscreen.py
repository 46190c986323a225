"""Multi-monitor: the routine on the chosen screen, a dimmed overlay on each other one.

Each case runs tests/ui/multiscreen_probe.py in a subprocess on Qt's
offscreen platform with two simulated screens (the platform's ``configfile``),
since the screens must exist before the QApplication does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCREENS = {
    "synchronousWindowSystemEvents": True,
    "windowFrameMargins": False,
    "screens": [
        {"name": "left", "x": 0, "y": 0, "width": 1280, "height": 800,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "right", "x": 1280, "y": 0, "width": 1024, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ],
}
LEFT, RIGHT = [0, 0, 1280, 800], [1280, 0, 1024, 768]


def probe(tmp_path: Path, *arguments: str) -> dict:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    out = subprocess.run([sys.executable, str(Path(__file__).with_name("multiscreen_probe.py")), *arguments],
                         env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_routine_follows_the_mouse_and_other_screens_are_dimmed(tmp_path):
    report = probe(tmp_path)
    screen, geometry, fullscreen, visible = report["routine"]
    assert (screen, fullscreen, visible) == ("right", False, True)
    assert geometry[0] >= RIGHT[0]  # a window inside the right-hand screen, not across it
    assert report["overlays"] == [["left", LEFT, False, True]]
    # The overlay never traps the user: its button ends the break.
    assert report["outcome_after_overlay_end"] == ["skipped"]
    assert report["overlays_after_end"] == 0


@pytest.mark.parametrize("placed", ["routine", "brought_back"])
def test_where_windows_cannot_be_placed_each_one_is_fullscreen_on_its_own_screen(tmp_path, placed):
    """Wayland ignores a window's position: only "fullscreen on this screen" puts it on a screen (issue 18 item 4)."""
    report = probe(tmp_path, "fullscreen")
    shown = report if placed == "routine" else report["brought_back"]
    assert shown["routine"] == ["right", RIGHT, True, True]
    assert shown["overlays"] == [["left", LEFT, True, True]]
    assert report["outcome_after_overlay_end"] == ["skipped"]


def test_on_wayland_the_routine_takes_the_primary_screen_fullscreen(tmp_path):
    """Wayland tells a client nothing of the pointer outside its windows: the routine takes the primary screen."""
    report = probe(tmp_path, "wayland")
    assert report["routine"] == ["left", LEFT, True, True]
    assert report["overlays"] == [["right", RIGHT, True, True]]
