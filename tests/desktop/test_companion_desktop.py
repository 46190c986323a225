"""A companion you can leave on all day, on the real (virtual) desktop.

A fullscreen window holds a due break until it closes; preludes never pile
up in the notification daemon; quitting mid-break records the break as missed.
"""

from __future__ import annotations

import subprocess
import sys
import time

from support.app_cli import FAKE_WINDOW, deskbreak_cmd, first_run_note_read, history, status

from .desktop import wait_for
from .test_app_desktop import KEY_GUARD_S

def test_a_fullscreen_window_holds_a_due_break_until_it_closes_exactly_once(desktop, tmp_path):
    # The first-run note would take the focus from the presentation: it was read long ago.
    first_run_note_read(tmp_path)
    fullscreen = desktop.spawn([sys.executable, str(FAKE_WINDOW), "--wm-class",
                                "slides", "--fullscreen"], name="fullscreen")
    fullscreen.wait_for_output(r"^SHOWN ", timeout=20)
    app = desktop.spawn(deskbreak_cmd(tmp_path, "--sit-interval", "10s", "--prelude", "3s",
                                      "--set", "lead_in=1s", "--set", "runs="), name="deskbreak")
    app.wait_for_output(r"system tray: icon shown", stream="stderr", timeout=30)
    wait_for(lambda: status(desktop.env, tmp_path)["state"] == "held", timeout=30, interval=0.5,
             message="the due break waits for the fullscreen window")
    held = status(desktop.env, tmp_path)
    assert held["text"] == "Break waiting: fullscreen"
    time.sleep(3)
    assert not desktop.find_windows(r"^deskbreak: Sit-break$"), "no break window over the presentation"
    assert desktop.displayed_notification_count() == 0, "no prelude over the presentation either"

    fullscreen.terminate(timeout=10)
    desktop.wait_for_window(r"^deskbreak: Sit-break$", timeout=20)
    time.sleep(2)
    assert len(desktop.find_windows(r"^deskbreak: Sit-break$")) == 1
    app.wait_for_output(r"BreakStarted: sit", stream="stderr", timeout=5)
    assert app.stderr().count("BreakStarted: sit") == 1, "started exactly once"


def test_three_preludes_in_a_row_leave_at_most_one_notification(desktop, tmp_path):
    app = desktop.spawn(deskbreak_cmd(tmp_path, "--sit-interval", "10s", "--prelude", "5s",
                                      "--set", "lead_in=1s", "--set", "runs=", "--set", "skip_budget=0"),
                        name="deskbreak")
    app.wait_for_output(r"system tray: icon shown", stream="stderr", timeout=30)
    on_screen: list[int] = []

    def sample(probe):
        def sampled():
            on_screen.append(desktop.displayed_notification_count())
            return probe()
        return sampled

    for cycle in range(1, 4):
        wait_for(sample(lambda: app.stderr().count("prelude notification via") >= cycle), timeout=30,
                 interval=0.2, message=f"prelude {cycle}")
        window = wait_for(sample(lambda: (desktop.find_windows(r"^deskbreak: Sit-break$") or [None])[0]),
                          timeout=20, interval=0.2, message=f"break window {cycle}")
        time.sleep(KEY_GUARD_S + 0.2)  # keys in the window's first second are ignored
        desktop.send_key(window, "Escape")
        wait_for(sample(lambda: not desktop.find_windows(r"^deskbreak: Sit-break$")), timeout=10,
                 interval=0.2, message="the skipped break's window closes")
    assert max(on_screen) <= 1, on_screen
    assert on_screen[-1] == 0, "the last prelude was withdrawn when its break started"


def test_quitting_mid_break_records_it_as_missed(desktop, tmp_path):
    app = desktop.spawn(deskbreak_cmd(tmp_path, "--set", "runs="), name="deskbreak")
    app.wait_for_output(r"system tray: icon shown", stream="stderr", timeout=30)
    subprocess.run(deskbreak_cmd(tmp_path, "break-now"), env=desktop.env, check=True,
                   capture_output=True, timeout=30)
    desktop.wait_for_window(r"^deskbreak: Sit-break$", timeout=15)
    quit_ = subprocess.run(deskbreak_cmd(tmp_path, "quit"), env=desktop.env, capture_output=True,
                           text=True, timeout=30)
    assert quit_.returncode == 0
    wait_for(lambda: not app.running(), timeout=10, message="deskbreak exits after quit")
    [row] = history(desktop.env, tmp_path)
    assert row["outcome"] == "missed" and row["note"] == "deskbreak quit during the break"
