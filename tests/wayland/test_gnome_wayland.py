"""What GNOME Shell shows: a break window that takes the keyboard as it appears.

On GNOME the break window is focused when it opens (Wayland gives no "show
without activating"), so the keys a user was typing for another window land
in it (issue 18 item 2). Input comes from a virtual keyboard in the shell, as
from a real one.
"""

from __future__ import annotations

import subprocess
import time

from support.app_cli import deskbreak_cmd, first_run_note_read, history
from support.processes import wait_for

BREAK_TITLE = "deskbreak: Sit-break"


def break_windows(gnome, app) -> list[dict]:
    return [window for window in gnome.windows_of(app.pid) if window["title"] == BREAK_TITLE and window["width"]]


def ended(profile, env) -> list[dict]:
    return [row for row in history(env, profile) if row["outcome"]]



def test_keys_typed_as_the_break_appears_never_drive_it(gnome, launch, tmp_path):
    first_run_note_read(tmp_path)
    app = launch(gnome, tmp_path, "--set", "runs=")
    # The user is typing: Escape (the break window's "end break" key) every 150 ms, from before the
    # break opens until well after; each would end the break if the window obeyed it.
    gnome.type_keys(["Escape"] * 40, interval_ms=150)
    subprocess.run(deskbreak_cmd(tmp_path, "break-now"), env=gnome.env, check=True, capture_output=True,
                   timeout=30)
    [window] = wait_for(lambda: break_windows(gnome, app), 15, 0.1, "the break window")
    assert window["focus"], "GNOME gives the new break window the keyboard: the case this test is about"
    time.sleep(6.5)  # the 40 keys end after 6 s
    assert break_windows(gnome, app), "typing closed the break window"
    assert ended(tmp_path, gnome.env) == []

    # Once the user has stopped typing, the same key is theirs to give: it ends the break.
    time.sleep(2.0)
    gnome.type_keys(["Escape"])
    rows = wait_for(lambda: ended(tmp_path, gnome.env), 10, 0.3, "the break ended by Escape")
    assert rows[-1]["outcome"] == "skipped"
    gnome.screenshot(tmp_path / "gnome-after-escape.png")
