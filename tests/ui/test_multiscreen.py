"""Multi-monitor: the routine on the chosen screen (``break_screen``), a dimmed overlay on each other one.

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
    assert report["outcome_after_overlay_end_first"] == ["skipped"]
    assert report["overlays_after_end_first"] == 0


@pytest.mark.parametrize("placed", ["routine", "brought_back"])
def test_where_windows_cannot_be_placed_each_one_is_fullscreen_on_its_own_screen(tmp_path, placed):
    """Wayland ignores a window's position: only "fullscreen on this screen" puts it on a screen (issue 18 item 4)."""
    report = probe(tmp_path, "fullscreen")
    shown = report if placed == "routine" else report["brought_back"]
    assert shown["routine"] == ["right", RIGHT, True, True]
    assert shown["overlays"] == [["left", LEFT, True, True]]
    assert report["outcome_after_overlay_end_first"] == ["skipped"]


def test_on_wayland_the_routine_takes_the_primary_screen_fullscreen(tmp_path):
    """Wayland tells a client nothing of the pointer outside its windows: the routine takes the primary screen."""
    report = probe(tmp_path, "wayland")
    assert report["routine"] == ["left", LEFT, True, True]
    assert report["overlays"] == [["right", RIGHT, True, True]]


@pytest.mark.parametrize("break_screen, routine_on", [("left", "left"), ("primary", "left"), ("right", "right")])
def test_the_routine_opens_on_the_screen_the_setting_names_and_the_others_are_dimmed(tmp_path, break_screen, routine_on):
    """The pointer is on the right-hand screen; the primary is the left-hand one (issue 20 part 2)."""
    report = probe(tmp_path, "x11", break_screen)
    screen, geometry, fullscreen, visible = report["routine"]
    other, other_geometry = ("right", RIGHT) if routine_on == "left" else ("left", LEFT)
    assert (screen, fullscreen, visible) == (routine_on, False, True)
    screen_geometry = LEFT if routine_on == "left" else RIGHT
    assert screen_geometry[0] <= geometry[0] and geometry[0] + geometry[2] <= screen_geometry[0] + screen_geometry[2]
    assert report["overlays"] == [[other, other_geometry, False, True]]
    assert report["told"] == []


def test_a_chosen_screen_that_is_gone_gives_way_to_the_pointer_s_and_is_told_once(tmp_path):
    report = probe(tmp_path, "x11", "HDMI-9")
    assert report["routine"][0] == "right", "the screen with the pointer"
    assert report["overlays"] == [["left", LEFT, False, True]]
    assert report["outcome_after_overlay_end_second"] == ["skipped"], "a second break opened"
    assert report["told"] == [["Break screen not connected",
                               "HDMI-9, the screen chosen for breaks, is not connected: breaks open on the "
                               "screen with the mouse pointer until it is back."]], "told once, not at each break"


def test_on_wayland_the_named_screen_is_the_one_the_routine_is_fullscreen_on(tmp_path):
    report = probe(tmp_path, "wayland", "right")
    assert report["routine"] == ["right", RIGHT, True, True]
    assert report["overlays"] == [["left", LEFT, True, True]]


def test_on_wayland_a_gone_screen_gives_way_to_the_primary_and_says_so(tmp_path):
    report = probe(tmp_path, "wayland", "HDMI-9")
    assert report["routine"] == ["left", LEFT, True, True]
    assert [body for _, body in report["told"]] == [
        "HDMI-9, the screen chosen for breaks, is not connected: breaks open on the primary screen until it is back."]


def test_the_breaks_page_names_each_connected_screen_with_its_size(tmp_path):
    assert probe(tmp_path, "settings") == ["The screen with the mouse pointer", "The primary screen",
                                           "left (1280x800)", "right (1024x768)"]
