"""A break stays in view on Wayland (issue 18 item 3), as far as each desktop lets it.

Wayland lets no client stack its own windows. KDE's KWin keeps the break above
the others through a script deskbreak hands it; GNOME has no such door, so a
window opened after the break covers part of it there (the break is
fullscreen behind it, and GNOME shows no tray or banner over a fullscreen
window), and the break must be easy to find again: a notification in the
message list offers "Show the break", as does the tray menu once the break is
off screen.
The window opened afterwards is a plain Qt window, as any app's.
"""

from __future__ import annotations

import subprocess
import sys

from support.app_cli import FAKE_WINDOW, deskbreak_cmd, first_run_note_read
from support.processes import wait_for

BREAK_TITLE = "deskbreak: Sit-break"


def open_break_then_another_window(session, launch, tmp_path):
    first_run_note_read(tmp_path)
    app = launch(session, tmp_path, "--set", "runs=")
    subprocess.run(deskbreak_cmd(tmp_path, "break-now"), env=session.env, check=True, capture_output=True,
                   timeout=30)
    wait_for(lambda: [w for w in session.windows_of(app.pid) if w["title"] == BREAK_TITLE and w["width"]],
             15, 0.2, "the break window")
    other = session.spawn([sys.executable, str(FAKE_WINDOW), "--wm-class", "editor"], name="editor",
                          log_dir=tmp_path / "logs")
    other.wait_for_output(r"^SHOWN ", timeout=20)
    wait_for(lambda: [w for w in session.windows_of(other.pid) if w["focus"]], 10, 0.2,
             "the other window, with the keyboard")
    return app, other


def is_break(window: dict, app) -> bool:
    return window["pid"] == app.pid and window["title"] == BREAK_TITLE


def test_on_kde_a_window_opened_after_the_break_does_not_cover_it(kwin, launch, tmp_path):
    app, other = open_break_then_another_window(kwin, launch, tmp_path)
    try:
        kwin.screenshot(tmp_path / "on-top-kde.png")
        stack = kwin.windows()  # bottom to top
        [break_at] = [i for i, window in enumerate(stack) if is_break(window, app)]
        [other_at] = [i for i, window in enumerate(stack) if window["pid"] == other.pid]
        assert break_at > other_at and stack[break_at]["above"], f"covered: {stack}"
    finally:
        other.terminate()
    subprocess.run(deskbreak_cmd(tmp_path, "skip"), env=kwin.env, check=True, capture_output=True, timeout=30)
    # The script goes with the break: nothing of deskbreak's is left running inside KWin.
    wait_for(lambda: kwin.gdbus("org.kde.KWin", "/Scripting", "org.kde.kwin.Scripting.isScriptLoaded",
                                f"deskbreak-keep-above-{app.pid}") == "(false,)", 10, 0.2, "the script unloaded")


def test_on_gnome_a_covered_break_is_offered_back_and_comes_back_on_top(gnome, launch, tmp_path):
    app, other = open_break_then_another_window(gnome, launch, tmp_path)
    try:
        assert not is_break(gnome.topmost(), app), "GNOME kept the break on top: this test's premise is gone"
        # The break lost the keyboard where it can be covered: a notification offers it back.
        note = wait_for(lambda: [n for n in gnome.notifications() if n["title"] == "Sit-break in progress"],
                        10, 0.2, "the offer to show the covered break")[0]
        assert note["actions"] == ["Show the break"], note
        gnome.screenshot(tmp_path / "covered-gnome.png")
        gnome.press_notification_button("Sit-break in progress", "Show the break")
        top = wait_for(lambda: (lambda window: window if is_break(window, app) and window["focus"] else None)(
            gnome.topmost()), 10, 0.2, "the break back on top, with the keyboard")
        assert top["fullscreen"], top
        gnome.screenshot(tmp_path / "shown-again-gnome.png")
    finally:
        other.terminate()
