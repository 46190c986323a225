"""The real deskbreak plays an exercise of the user's own from exercises.toml, and the history and stats name it."""

from __future__ import annotations

import json
import subprocess

from support.own_exercises import exercise_toml
from support.app_cli import deskbreak_cmd, first_run_note_read, history as history_of

from .desktop import wait_for

DESK_SQUEEZE = exercise_toml(id="desk-squeeze", name="Desk squeeze", pose="glute-bridge", targets=["glutes"],
                             steps=["Squeeze your glutes.", "Let go."], hold=None, sides=None, reps=2)


def test_an_exercise_of_ones_own_is_played_recorded_and_found_in_stats(desktop, tmp_path):
    config = tmp_path / "config"
    config.mkdir()
    (config / "exercises.toml").write_text(DESK_SQUEEZE, encoding="utf-8")
    (config / "routines.toml").write_text('[sit-break]\nexercises = ["desk-squeeze"]\nrotation = []\n',
                                          encoding="utf-8")
    first_run_note_read(tmp_path)
    app = desktop.spawn(deskbreak_cmd(tmp_path, "--sit-interval", "10s", "--prelude", "3s", "--set", "lead_in=1s",
                                      "--set", "runs="), name="deskbreak")
    app.wait_for_output(r"system tray: icon shown", stream="stderr", timeout=30)
    desktop.wait_for_window(r"^deskbreak: Sit-break$", timeout=40)
    desktop.screenshot(tmp_path / "own-exercise-break.png")

    def ended_break():
        rows = history_of(desktop.env, tmp_path)
        return rows if rows and rows[-1]["outcome"] else None

    # One lead-in and two reps of 3 s: the routine plays to its end by itself.
    rows = wait_for(ended_break, timeout=40, interval=0.5, message="the break played to its end")
    assert rows[-1]["outcome"] == "completed"
    assert [(e["exercise_id"], e["completed"]) for e in rows[-1]["exercise_log"]] == [("desk-squeeze", True)]
    stats = subprocess.run(deskbreak_cmd(tmp_path, "stats", "--json"), env=desktop.env, capture_output=True,
                           text=True, timeout=30, check=True)
    exercises = json.loads(stats.stdout)["exercises"]
    assert [(e["name"], e["done"]) for e in exercises] == [("Desk squeeze", 1)]
    subprocess.run(deskbreak_cmd(tmp_path, "quit"), env=desktop.env, capture_output=True, timeout=30, check=True)
    wait_for(lambda: not app.running(), timeout=10, message="deskbreak exits after quit")
