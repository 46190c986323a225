"""What KDE Plasma shows: the real screen locker holds a break, and KWin's idle protocol counts natural breaks.

The lock is KDE's own (``org.freedesktop.ScreenSaver.Lock``, what Meta+L
calls) and the unlock logind's ``Unlock`` signal, as ``loginctl
unlock-session`` sends it (tests/wayland/fake_logind.py stands in for logind).
"""

from __future__ import annotations

import time

from support.app_cli import first_run_note_read, history, status
from support.processes import wait_for

BREAK_TITLE = "deskbreak: Sit-break"
SHORT_CYCLE = ("--sit-interval", "10s", "--prelude", "0s", "--set", "lead_in=1s", "--set", "runs=")


def break_windows(session, app) -> list[dict]:
    return [window for window in session.windows_of(app.pid) if window["title"] == BREAK_TITLE and window["width"]]


def test_a_break_due_behind_the_lock_screen_opens_once_at_unlock(kwin, launch, tmp_path):
    first_run_note_read(tmp_path)
    kwin.lock_screen()  # locked before deskbreak starts: it must ask, not wait for a signal
    try:
        app = launch(kwin, tmp_path, *SHORT_CYCLE)
        held = wait_for(lambda: status(kwin.env, tmp_path)["holding_for"], 30, 0.3, "the due break held")
        assert held == "the screen is locked"
        assert break_windows(kwin, app) == [], "a break window opened behind the lock screen"
    finally:
        kwin.unlock_screen()
    wait_for(lambda: break_windows(kwin, app), 15, 0.2, "the break window after the unlock")
    time.sleep(2)
    assert len(break_windows(kwin, app)) == 1
    assert app.stderr().count("BreakStarted: sit") == 1, "started exactly once"


def test_the_lock_is_heard_when_it_happens(kwin, launch, tmp_path):
    first_run_note_read(tmp_path)
    app = launch(kwin, tmp_path, *SHORT_CYCLE)
    kwin.lock_screen()
    try:
        # Within a second, not at the next unrelated wake-up: the app steps on the lock signal.
        app.wait_for_output(r"screen locked", stream="stderr", timeout=2)
        held = wait_for(lambda: status(kwin.env, tmp_path)["holding_for"], 30, 0.3, "the due break held")
        assert held == "the screen is locked"
        assert break_windows(kwin, app) == []
        assert [row for row in history(kwin.env, tmp_path) if row["outcome"] == "completed"] == []
    finally:
        kwin.unlock_screen()
    wait_for(lambda: break_windows(kwin, app), 15, 0.2, "the break window after the unlock")
