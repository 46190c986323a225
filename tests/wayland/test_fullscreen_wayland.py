"""A native Wayland fullscreen window holds a due break on both desktops (issue 18 item 1).

The window is a plain Qt window calling ``showFullScreen()`` on the Wayland
platform: it takes no idle inhibitor, so only the desktop can tell deskbreak
about it (GNOME: deskbreak's Shell extension; KDE: a KWin script). The break
waits while it is up and opens exactly once after it closes.
"""

from __future__ import annotations

import sys
import time

from support.app_cli import FAKE_WINDOW, first_run_note_read, status
from support.processes import wait_for

BREAK_TITLE = "deskbreak: Sit-break"


def break_windows(session, app) -> list[dict]:
    return [window for window in session.windows_of(app.pid) if window["title"] == BREAK_TITLE and window["width"]]


def test_a_native_fullscreen_window_holds_a_due_break_until_it_closes_exactly_once(wayland, launch, tmp_path):
    first_run_note_read(tmp_path)
    slides = wayland.spawn([sys.executable, str(FAKE_WINDOW), "--wm-class", "slides", "--fullscreen"],
                           name="slides", log_dir=tmp_path / "logs")
    try:
        wait_for(lambda: any(w["fullscreen"] for w in wayland.windows_of(slides.pid)), 20, 0.2,
                 "the presentation fullscreen")
        app = launch(wayland, tmp_path, "--sit-interval", "10s", "--prelude", "3s", "--set", "lead_in=1s",
                     "--set", "runs=")
        wait_for(lambda: status(wayland.env, tmp_path)["state"] == "held", 30, 0.5,
                 "the due break waits for the fullscreen window")
        held = status(wayland.env, tmp_path)
        assert "fullscreen" in held["holding_for"], held
        wayland.screenshot(tmp_path / f"held-{wayland.name}.png")
        time.sleep(2)
        assert break_windows(wayland, app) == [], "a break window over the presentation"
    finally:
        slides.terminate(timeout=10)
    wait_for(lambda: break_windows(wayland, app), 20, 0.2, "the break window after the presentation")
    time.sleep(2)
    assert len(break_windows(wayland, app)) == 1
    assert app.stderr().count("BreakStarted: sit") == 1, "started exactly once"
