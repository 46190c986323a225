"""Multi-monitor: the routine on the screen with the mouse, dimmed overlays elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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


def test_routine_follows_the_mouse_and_other_screens_are_dimmed(tmp_path):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    probe = Path(__file__).with_name("multiscreen_probe.py")
    out = subprocess.run([sys.executable, str(probe)], env=env, capture_output=True,
                         text=True, timeout=60, check=True)
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["routine_screen"] == "right"
    assert report["overlays"] == [["left", [0, 0, 1280, 800], True]]
    # The overlay never traps the user: its button ends the break.
    assert report["outcome_after_overlay_end"] == ["skipped"]
    assert report["overlays_after_end"] == 0
