"""Discipline survives a restart (issue 16, item 11).

Each test plays the same morning twice through the real app: once without
stopping, once quitting and starting again (new objects over the same
profile folder) part way. What the user sees afterwards (the tray menu,
``deskbreak status --json``, the break that comes next) must be the same:
quitting is no way to get the day's skips back, to postpone a break twice in
strict mode, or to restart the sit-break routine's rotation.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

import pytest
from PySide6.QtWidgets import QApplication

from deskbreak.adapters.notify import NotifierChain
from deskbreak.core import commands as cmd
from deskbreak.core.clock import FakeClock
from deskbreak.core.scheduling.engine import State
from deskbreak.core.settings import Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.ui.app import DeskbreakApp
from support.app_builder import MONDAY_9, advance_to, make_app
from support.fakes import RecordingNotifier


class Morning:
    """One profile folder and one clock; the app on them can be quit and started again."""

    def __init__(self, folder: Path, **settings) -> None:
        self.folder = folder
        self.settings = Settings.defaults().with_values(**{"lead_in": "1s", "runs": {}, **settings})
        self.clock = FakeClock(MONDAY_9)
        self.notifier = RecordingNotifier()
        self.app = self._start()

    def _start(self) -> DeskbreakApp:
        app = make_app(self.folder, clock=self.clock, notifier=NotifierChain([self.notifier]),
                       store=SettingsStore(self.folder / "settings.toml", self.settings))
        app.start()
        return app

    def restart(self) -> None:
        self.app.shutdown()
        self.app = self._start()

    def until(self, moment: datetime) -> None:
        advance_to(self.app, self.clock, moment)

    def seen(self) -> dict:
        """What the user can see now: the menu (words and whether each entry can be chosen) and the status."""
        report = self.app.status_report()
        menu = [(entry.label, entry.enabled) for entry in self.app._menu_entries() if entry.label]
        return {"menu": menu, **{key: report[key] for key in ("state", "text", "next_at", "skips_left")}}

    def close(self) -> None:
        self.app.shutdown()
        for window in QApplication.topLevelWidgets():  # a done view still saying well done
            window.close()


def compared(tmp_path: Path, play: Callable[[Morning, Callable[[], None]], None], **settings) -> tuple[dict, dict]:
    """What the user sees after ``play`` without a restart and with one where ``play`` calls ``restart()``."""
    seen = []
    for restarts in (False, True):
        morning = Morning(tmp_path / ("restarted" if restarts else "running"), **settings)
        try:
            play(morning, morning.restart if restarts else lambda: None)
            seen.append(morning.seen())
        finally:
            morning.close()
    return seen[0], seen[1]


def end_the_prompted_break(morning: Morning) -> None:
    morning.until(MONDAY_9 + timedelta(minutes=30))
    window = morning.app.window
    assert window is not None and not morning.app.engine.status(morning.clock.now()).current.user_started
    window.end_break()


def test_a_restart_gives_no_skips_back(qtbot, tmp_path):
    def play(morning: Morning, restart) -> None:
        end_the_prompted_break(morning)
        assert ("Skip next break (2 left today)", True) in morning.seen()["menu"]
        morning.clock.advance(60)
        restart()

    running, restarted = compared(tmp_path, play)
    assert ("Skip next break (2 left today)", True) in restarted["menu"]
    assert restarted["skips_left"] == 2
    assert restarted == running


def test_skips_spent_stay_spent_after_a_restart(qtbot, tmp_path):
    def play(morning: Morning, restart) -> None:
        end_the_prompted_break(morning)
        restart()
        morning.until(MONDAY_9 + timedelta(hours=1, minutes=1))  # the next break is under way

    running, restarted = compared(tmp_path, play, skip_budget=1)
    assert restarted["skips_left"] == 0
    assert ("Postpone 5 min (no skips left today)", True) in restarted["menu"]
    assert restarted == running


def test_strict_mode_postpones_a_break_once_even_across_a_restart(qtbot, tmp_path):
    def play(morning: Morning, restart) -> None:
        morning.until(MONDAY_9 + timedelta(minutes=30))
        morning.app.window.postponeRequested.emit()
        morning.clock.advance(60)
        restart()

    running, restarted = compared(tmp_path, play, strict=True)
    assert restarted["text"] == "Sit-break postponed until 09:35"
    assert ("Postpone 5 min", False) in restarted["menu"]
    assert restarted == running


def test_a_break_postponed_before_a_restart_comes_back_and_cannot_be_postponed_again_in_strict_mode(qtbot, tmp_path):
    morning = Morning(tmp_path, strict=True)
    morning.until(MONDAY_9 + timedelta(minutes=30))
    morning.app.window.postponeRequested.emit()
    morning.restart()
    morning.until(MONDAY_9 + timedelta(minutes=35))
    app = morning.app
    assert app.window is not None and app.engine.status(morning.clock.now()).state == State.ON_BREAK
    app.run_command(cmd.Postpone())
    assert morning.notifier.sent[-1] == ("deskbreak", "Strict mode: a break can be postponed once")
    assert app.window is not None
    morning.close()


def test_the_sit_break_rotation_goes_on_after_a_restart(qtbot, tmp_path):
    def play(morning: Morning, restart) -> None:
        morning.until(MONDAY_9 + timedelta(minutes=30))
        morning.clock.advance(3600)  # the whole routine's time passes
        morning.app.window.tick()
        restart()
        morning.until(MONDAY_9 + timedelta(hours=2, minutes=29, seconds=30))  # the next break's notice

    running, restarted = compared(tmp_path, play)
    assert restarted == running


def test_the_next_sit_break_plays_the_next_group_of_the_rotation_after_a_restart(qtbot, tmp_path):
    notices = []
    for restarts in (False, True):
        morning = Morning(tmp_path / str(restarts))
        morning.until(MONDAY_9 + timedelta(minutes=30))
        morning.clock.advance(3600)
        morning.app.window.tick()
        if restarts:
            morning.restart()
        status = morning.app.engine.status(morning.clock.now())
        assert status.upcoming.sequence == 1
        morning.until(status.upcoming.due - timedelta(seconds=30))
        notices.append(morning.notifier.sent[-1])
        morning.close()
    assert notices[0][0].startswith("Sit-break in 1 min") and notices[1] == notices[0]


def test_no_run_today_is_still_true_after_a_restart(qtbot, tmp_path):
    def play(morning: Morning, restart) -> None:
        morning.app.run_command(cmd.NoRunToday())
        restart()

    running, restarted = compared(tmp_path, play, runs={"mon": "18:00"})
    assert restarted == running


@pytest.mark.parametrize("budget, left", [(3, 3), (0, None)])
def test_status_json_has_the_skips_left_today(qtbot, tmp_path, budget, left):
    morning = Morning(tmp_path, skip_budget=budget)
    assert morning.app.status_report()["skips_left"] == left
    morning.close()


def test_a_damaged_discipline_file_costs_only_what_it_remembered(qtbot, tmp_path, caplog):
    (tmp_path / "discipline.json").write_text("{ half a file")
    morning = Morning(tmp_path)
    assert "is not a discipline file deskbreak can read" in caplog.text
    assert morning.seen()["skips_left"] == 3
    end_the_prompted_break(morning)
    morning.restart()
    assert morning.seen()["skips_left"] == 2, "replaced by a good file at the next change"
    morning.close()


def test_in_strict_mode_the_menu_counts_no_skips_it_cannot_use(qtbot, tmp_path):
    morning = Morning(tmp_path, strict=True)
    assert ("Skip next break", False) in morning.seen()["menu"]
    morning.close()
