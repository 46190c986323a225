"""The app wiring, offscreen: engine events become notifications, windows and history."""

from __future__ import annotations

import gc
import os
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from deskbreak.adapters.notify import NotifierChain
from deskbreak.core import commands as cmd
from deskbreak.core.clock import FakeClock
from deskbreak.core.describe import human_duration
from deskbreak.core.scheduling.engine import State
from deskbreak.core.kinds import BreakKind, Outcome
from deskbreak.core.history import HistoryError, HistoryStore
from deskbreak.core.history.writer import HistoryWriter
from deskbreak.core.scheduling.holds import Hold, Holds
from deskbreak.core.settings import Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.shell.control import answer
from deskbreak.ui import break_host
from deskbreak.ui.app import DeskbreakApp  # noqa: F401
from deskbreak.ui.startup import display_problem
from support.app_builder import MONDAY_9, advance_to, app_parts, make_app, menu_texts  # noqa: F401  (app_parts: a fixture)
from support.fakes import RecordingNotifier, SettableIdle  # noqa: F401  (also imported from here by other tests)


def test_without_a_tray_the_status_window_shows_live_state(app_parts):
    app, clock, notifier, history = app_parts
    window = app.tray.window
    assert window is not None and window.isVisible()  # offscreen has no system tray
    assert window.status.text() == "Next sit-break in 30 min"
    window.button_for("pause:1h").click()
    assert window.status.text() == "Paused until 10:00"
    assert window.button_for("resume") is not None
    window.button_for("resume").click()
    assert window.status.text() == "Next sit-break in 30 min"


def test_tray_menu_follows_the_engine(app_parts):
    app, clock, notifier, history = app_parts
    texts = menu_texts(app)
    assert texts[0] == "Next sit-break in 30 min"
    assert "Pause for 30 min" in texts and "Resume" not in texts
    postpone = next(a for a in app.tray.menu.actions() if a.text() == "Postpone 5 min")
    assert not postpone.isEnabled()
    app.run_command(cmd.Pause(duration=timedelta(minutes=30)))
    texts = menu_texts(app)
    assert texts[0] == "Paused until 09:30" and "Resume" in texts
    assert app.alarm.wakes[-1] == MONDAY_9 + timedelta(minutes=30)


def test_a_break_is_announced_shown_and_recorded(app_parts, qtbot):
    app, clock, notifier, history = app_parts
    advance_to(app, clock, MONDAY_9 + timedelta(minutes=29))
    assert notifier.sent[0][0] == "Sit-break in 1 min: Split hip stretch"
    assert menu_texts(app)[0] == "Sit-break in 1 min"
    advance_to(app, clock, MONDAY_9 + timedelta(minutes=30))
    window = app.window
    assert window is not None and window.windowTitle() == "deskbreak: Sit-break"
    assert menu_texts(app)[0] == "Sit-break in progress"
    clock.advance(3600)  # the whole routine's time passes
    window.tick()
    del window
    gc.collect()
    # The done view stays up (and alive) after the engine has moved on.
    [shown] = [w for w in QApplication.topLevelWidgets()
               if w.windowTitle() == "deskbreak: Sit-break" and w.isVisible()]
    assert shown.findChild(QWidget, "doneView").isVisible()
    [record] = recorded(app, qtbot).breaks()
    assert record.outcome == "completed" and record.kind == "sit"
    assert [e.exercise_id for e in record.exercises] == ["walk-around", "shoulder-circles",
                                                         "split-hip-stretch"]
    assert all(e.completed for e in record.exercises)
    assert menu_texts(app)[0] == "Next sit-break in 30 min"


def test_escape_skips_and_postpone_comes_back(app_parts, qtbot):
    app, clock, notifier, history = app_parts
    advance_to(app, clock, MONDAY_9 + timedelta(minutes=30))
    app.window.postponeRequested.emit()
    assert app.window is None
    assert menu_texts(app)[0] == "Sit-break postponed until 09:35"
    advance_to(app, clock, MONDAY_9 + timedelta(minutes=35))
    window = app.window
    assert window is not None
    clock.advance(5)  # past the key guard
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    outcomes = [r.outcome for r in recorded(app, qtbot).breaks()]
    assert outcomes == ["postponed", "skipped"]


def test_control_requests(app_parts):
    app, clock, notifier, history = app_parts
    assert answer(app, {"command": "status"})["text"] == "Next sit-break in 30 min"
    reply = answer(app, {"command": "pause", "duration": "1h"})
    assert reply["state"] == "paused"
    assert answer(app, {"command": "pause", "duration": "soon"}) == {
        "ok": False, "error": "'soon' is not a duration; write it like 30m, 45s or 1h30m"}
    assert answer(app, {"command": "dance"}) == {"ok": False, "error": "unknown command 'dance'"}
    for strange in (["pause"], {"verb": "pause"}, 42, None):
        reply = answer(app, {"command": strange})
        assert reply["ok"] is False and reply["error"].startswith("'command' must be a string"), strange
    assert answer(app, {"command": "break-now", "kind": "nap"})["ok"] is False
    assert answer(app, {"command": "break-now", "kind": "evening"})["state"] == "on_break"
    assert app.window.windowTitle() == "deskbreak: Back-care routine"


def test_history_and_settings_windows_open(app_parts, qtbot):
    app, clock, notifier, history = app_parts
    app.run_command(cmd.OpenHistory())
    app.run_command(cmd.OpenSettings())
    assert {w.windowTitle() for w in app.windows.history_windows} == {"deskbreak: History"}
    assert app.windows.settings_dialog.windowTitle() == "deskbreak: Settings"
    assert app.windows.settings_dialog.isVisible()
    dialog = app.windows.settings_dialog
    app.run_command(cmd.OpenSettings())
    assert app.windows.settings_dialog is dialog, "a second request brings the open dialog forward"


def test_no_display_is_a_clear_error(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert "no display found" in display_problem()
    monkeypatch.setenv("DISPLAY", ":9999")
    assert display_problem() == "cannot reach the X display :9999"


def test_run_without_display_exits_1_with_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "deskbreak", "--config-dir", str(tmp_path), "--data-dir", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "no display found" in result.stderr


def recorded(app, qtbot) -> HistoryStore:
    """The app's history once every write it has queued is done."""
    qtbot.waitUntil(lambda: app.history_writer.idle)
    return app.history


def test_first_run_note_shows_until_dismissed(qtbot, tmp_path):
    marker = tmp_path / "first-run-note-dismissed"
    app = make_app(tmp_path, welcome_marker=marker)
    app.start()
    assert app.windows.welcome is not None and app.windows.welcome.isVisible()
    assert "not medical advice" in app.windows.welcome.layout().itemAt(0).widget().text()
    app.windows.welcome.ok.click()
    assert marker.exists() and app.windows.welcome is None
    app.shutdown()
    again = make_app(tmp_path, welcome_marker=marker)
    again.start()
    assert again.windows.welcome is None
    again.shutdown()


class RecordingChimes:
    def __init__(self):
        self.played: list[str] = []

    def play(self, cue):
        self.played.append(cue)
        return True


def test_chimes_follow_the_routine_and_this_hurts_is_recorded(qtbot, tmp_path):
    chimes = RecordingChimes()
    app = make_app(tmp_path, chimes=chimes)
    app.start()
    app.run_command(cmd.StartBreak())
    window = app.window
    clock = app.clock
    clock.advance(125)  # lead-in 1 s + 2 min walk, into shoulder circles
    window.tick()
    assert chimes.played == ["hold"]
    window.findChild(QWidget, "hurtButton").click()
    [record] = recorded(app, qtbot).breaks()
    assert record.outcome == "hurt"
    assert [(e.exercise_id, e.completed) for e in record.exercises] == [
        ("walk-around", True), ("shoulder-circles", False)]
    app.shutdown()


def test_next_through_every_exercise_is_recorded_as_skipped_not_completed(qtbot, tmp_path):
    app = make_app(tmp_path)
    app.start()
    app.run_command(cmd.StartBreak())
    window = app.window
    for _ in range(3):
        app.clock.advance(5)  # past the key guard
        window.skip_exercise()
    [record] = recorded(app, qtbot).breaks()
    assert record.outcome == "skipped"
    assert (record.exercises_done, record.exercises_planned) == (0, 3)
    assert [e.completed for e in record.exercises] == [False, False, False]
    app.shutdown()


def test_quitting_after_an_exercise_is_partial_not_missed(qtbot, tmp_path):
    app = make_app(tmp_path)
    app.start()
    app.run_command(cmd.StartBreak())
    app.clock.advance(125)
    app.window.tick()
    app.shutdown()
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        [record] = store.breaks()
    assert record.outcome == "partial"
    # The exercise under way when deskbreak quit is kept, with its seconds (found in review).
    assert [(e.exercise_id, e.completed) for e in record.exercises] == [
        ("walk-around", True), ("shoulder-circles", False)]
    assert record.exercises[1].seconds > 0


def test_a_busy_history_never_stops_the_app_and_the_break_is_still_recorded(qtbot, tmp_path):
    """An import in another process held the write lock 5.4 s: the app stopped answering for as long,
    then gave up on "database is locked" and lost the break (issue 16, item 18)."""
    app = make_app(tmp_path)
    app.start()
    import_in_another_process = sqlite3.connect(tmp_path / "history.sqlite3", isolation_level=None)
    import_in_another_process.execute("BEGIN IMMEDIATE")
    began = time.monotonic()
    app.run_command(cmd.StartBreak())
    window = app.window
    app.clock.advance(5)  # past the key guard
    window.skip_exercise()
    window.end_break()
    assert time.monotonic() - began < 0.5, "the app's thread never waits for the history"
    assert answer(app, {"command": "status"})["ok"]
    app.run_command(cmd.OpenHistory())
    qtbot.wait(500)  # longer than the writer's own busy wait: it tries again
    assert app.windows.history_windows == [], "the history window waits until it can show the break just taken"
    import_in_another_process.execute("COMMIT")
    import_in_another_process.close()

    qtbot.waitUntil(lambda: len(app.windows.history_windows) == 1)
    [record] = app.history.breaks()
    assert (record.outcome, [e.exercise_id for e in record.exercises]) == ("skipped", ["walk-around",
                                                                                      "shoulder-circles"])
    app.shutdown()


class FailingHistory:
    """A history whose disk is full: every write fails."""

    path = None  # nothing beside it to keep the day's discipline in

    def __getattr__(self, name):
        def fail(*args):
            raise sqlite3.OperationalError("database or disk is full")
        return fail

    def close(self):
        pass


def test_a_failing_history_never_breaks_the_break(qtbot, tmp_path, caplog):
    app = make_app(tmp_path, history=FailingHistory(), history_writer=HistoryWriter(FailingHistory))
    app.start()
    app.run_command(cmd.StartBreak())
    window = app.window
    assert window is not None and window.isVisible()
    window.end_break()
    assert app.window is None
    assert app.engine.status(app.clock.now()).state.value == "waiting"
    qtbot.waitUntil(lambda: app.history_writer.idle)
    assert [r.getMessage() for r in caplog.records] == [
        # The grown holds cannot be worked out (at start, again once the break is written): the documents' play.
        "history: could not work out the grown holds: database or disk is full",
        "history: could not start the break: database or disk is full",
        "history: could not record an exercise: database or disk is full",
        "history: could not finish the break: database or disk is full",
        "history: could not work out the grown holds: database or disk is full"]
    app.shutdown()


def test_opening_the_menu_reschedules_the_alarm(app_parts):
    app, clock, notifier, history = app_parts
    app.engine.pause(clock.now(), MONDAY_9 + timedelta(hours=2))  # behind the app's back
    clock.advance(60)
    assert menu_texts(app)[0] == "Paused until 11:00"
    # The step taken to build the menu also moved the alarm to the pause's end.
    assert app.alarm.wakes[-1] == MONDAY_9 + timedelta(hours=2)


def test_a_hand_edit_of_the_settings_file_is_applied_live(app_parts, qtbot):
    app, clock, notifier, history = app_parts
    app.watch_settings_file()
    app.store.path.write_text('sit_interval = "50m"\nlead_in = "1s"\n[runs]\n', encoding="utf-8")
    qtbot.waitUntil(lambda: app.store.settings.sit_interval == timedelta(minutes=50), timeout=5000)
    assert app.engine.next_sit_break(clock.now()) == MONDAY_9 + timedelta(minutes=50)
    assert menu_texts(app)[0] == "Next sit-break in 50 min"


def test_a_broken_hand_edit_keeps_the_last_good_values_and_says_so_once(app_parts, qtbot):
    app, clock, notifier, history = app_parts
    app.store.set("sit_interval", "40m")
    app.watch_settings_file()
    path = app.store.path
    path.write_text(path.read_text(encoding="utf-8").replace('"40m"', '"40 parsecs"'), encoding="utf-8")
    qtbot.waitUntil(lambda: len(notifier.sent) == 1, timeout=5000)
    title, body = notifier.sent[0]
    assert title == "Some of your settings were not used"
    assert f"{path}: key 'sit_interval'" in body and "40 parsecs" in body
    assert app.store.settings.sit_interval == timedelta(minutes=40)
    app._file_touched()  # the same problem again is not announced twice
    assert len(notifier.sent) == 1


def test_one_run_overrides_never_reach_the_file_through_the_app(qtbot, tmp_path):
    store = SettingsStore(tmp_path / "settings.toml", overrides={"sit_interval": "20s", "prelude": "5s"})
    app = make_app(tmp_path, store=store)
    app.start()
    app.store.set("volume", 30)
    assert 'sit_interval = "30m"' in store.path.read_text() and "volume = 30" in store.path.read_text()
    assert app.engine.settings.sit_interval == timedelta(seconds=20)
    app.shutdown()


def test_status_report_has_the_stable_keys(app_parts):
    app, clock, notifier, history = app_parts
    report = app.status_report()
    assert report["state"] == "waiting" and report["paused_until"] is None
    assert datetime.fromisoformat(report["next_sit_break"]) == MONDAY_9 + timedelta(minutes=30)
    assert datetime.fromisoformat(report["next_sit_break"]).utcoffset() is not None, "ISO 8601 with the offset"
    assert report["next_run"] is None, "the fixture has no runs"
    assert report["settings_file"] == str(app.store.path)
    app.store.set("runs", "tue 18:00")
    report = app.status_report()
    assert datetime.fromisoformat(report["next_run"]["at"]) == datetime(2026, 11, 24, 18, 0, tzinfo=timezone.utc)
    assert datetime.fromisoformat(report["next_run"]["reminder_at"]) == datetime(2026, 11, 24, 17, 45, tzinfo=timezone.utc)


def test_config_requests_apply_live_and_refuse_bad_values_in_one_line(app_parts):
    app, clock, notifier, history = app_parts
    reply = answer(app, {"command": "config-set", "key": "sit_interval", "value": "45m"})
    assert reply["ok"] and reply["changed"] == ["sit_interval"]
    assert datetime.fromisoformat(reply["next_sit_break"]) == MONDAY_9 + timedelta(minutes=45)
    bad = answer(app, {"command": "config-set", "key": "volume", "value": "loud"})
    assert bad == {"ok": False, "error": "key 'volume': must be a whole number, not 'loud'"}
    reply = answer(app, {"command": "config-reset", "key": "sit_interval"})
    assert datetime.fromisoformat(reply["next_sit_break"]) == MONDAY_9 + timedelta(minutes=30)


def test_a_routine_changed_on_the_routines_page_is_saved_and_played_at_the_next_break(qtbot, tmp_path):
    from deskbreak.core.content.user_routines import with_routine_exercises

    app = make_app(tmp_path, routines_path=tmp_path / "routines.toml")
    app.start()
    app.run_command(cmd.OpenSettings())
    page = app.windows.settings_dialog.routines_page
    assert page is not None
    routines = page.routines()
    routines["pre-run-glutes"] = with_routine_exercises(routines["pre-run-glutes"], ["glute-bridge", "bird-dog"])
    page.routinesChanged.emit(routines)
    assert 'exercises = ["glute-bridge", "bird-dog"]' in (tmp_path / "routines.toml").read_text()
    app.run_command(cmd.StartBreak(BreakKind.PRERUN))
    assert [e.id for e in app.window.exercises] == ["glute-bridge", "bird-dog"]
    app.shutdown()


def test_a_hand_edit_of_routines_toml_is_picked_up_and_a_bad_id_is_reported(qtbot, tmp_path):
    notifier = RecordingNotifier()
    app = make_app(tmp_path, routines_path=tmp_path / "routines.toml", notifier=NotifierChain([notifier]))
    app.start()
    app.watch_settings_file()
    (tmp_path / "routines.toml").write_text('[evening-back-care]\nexercises = ["bird-dog", "glute-brige"]\n')
    qtbot.waitUntil(lambda: bool(notifier.sent), timeout=5000)
    title, body = notifier.sent[-1]
    assert "routines.toml: routine 'evening-back-care': unknown exercise 'glute-brige'" in body
    (tmp_path / "routines.toml").write_text('[evening-back-care]\nexercises = ["bird-dog"]\n')
    qtbot.waitUntil(lambda: app.catalog.routine("evening-back-care").exercises == ("bird-dog",), timeout=5000)
    app.shutdown()


class FakeAutostart:
    name = "fake"
    location = "/fake/autostart/deskbreak.desktop"

    def __init__(self, enabled=False, fail=False):
        self.enabled = enabled
        self.fail = fail

    def available(self):
        return True

    def is_enabled(self):
        return self.enabled

    def set_enabled(self, enabled):
        from deskbreak.adapters.autostart import AutostartError

        if self.fail:
            raise AutostartError(f"could not write {self.location}: Permission denied")
        self.enabled = enabled


def test_the_autostart_setting_writes_and_removes_the_login_entry(qtbot, tmp_path):
    autostart = FakeAutostart()
    app = make_app(tmp_path, autostart=autostart)
    app.start()
    app.store.set("autostart", True)
    assert autostart.enabled
    app.store.set("autostart", False)
    assert not autostart.enabled
    app.shutdown()


def test_a_login_entry_made_by_hand_is_never_removed_at_start(qtbot, tmp_path):
    autostart = FakeAutostart(enabled=True)  # the user copied one in; the setting is off
    app = make_app(tmp_path, autostart=autostart)
    app.start()
    assert autostart.enabled
    app.shutdown()


def test_a_login_entry_is_rewritten_at_start_when_the_setting_is_on(qtbot, tmp_path):
    autostart = FakeAutostart(enabled=False)
    autostart.writes = 0
    real_set = autostart.set_enabled
    autostart.set_enabled = lambda on: (setattr(autostart, "writes", autostart.writes + 1), real_set(on))
    store = SettingsStore(tmp_path / "settings.toml", Settings.defaults().with_values(autostart=True, runs={}))
    app = make_app(tmp_path, autostart=autostart, store=store)
    app.start()
    assert autostart.enabled and autostart.writes == 1, "a moved venv gets a fresh Exec line"
    app.shutdown()


def test_a_login_entry_that_cannot_be_written_is_reported(qtbot, tmp_path):
    notifier = RecordingNotifier()
    app = make_app(tmp_path, autostart=FakeAutostart(fail=True), notifier=NotifierChain([notifier]))
    app.start()
    app.store.set("autostart", True)
    assert notifier.sent == [("Start at login could not be changed",
                              "could not write /fake/autostart/deskbreak.desktop: Permission denied")]
    app.shutdown()


# -- a companion you can leave on all day ------------------------------------------------


class FakeHold:
    """A hold source whose reason the test sets, counting how often it is asked."""

    name = "fake"

    def __init__(self, reason=None):
        self.reason = reason
        self.checks = 0

    def hold(self, now):
        self.checks += 1
        return None if self.reason is None else Hold(self.reason, self.name)

    def close(self):
        pass


def test_the_menu_only_reads_and_the_tray_steps_once_before_it_opens(app_parts):
    app, clock, notifier, history = app_parts
    steps = []
    real_step = app.engine.step
    app.engine.step = lambda *args: steps.append(args) or real_step(*args)
    app._menu_entries()
    app._menu_entries()
    assert steps == [], "reading the menu never steps the engine"
    app.tray.rebuild_menu()
    assert len(steps) == 1


def test_a_break_due_during_a_presentation_waits_in_the_tray_and_starts_when_it_ends(qtbot, tmp_path):
    dnd = FakeHold("fullscreen")
    app = make_app(tmp_path, holds=Holds.of(dnd))
    app.start()
    advance_to(app, app.clock, MONDAY_9 + timedelta(minutes=31))
    assert app.window is None
    assert menu_texts(app)[0] == "Break waiting: fullscreen"
    assert app.alarm.wakes[-1] == app.clock.now() + timedelta(seconds=10), "looks again soon"
    dnd.reason = None
    app.clock.advance(10)
    app.tick()
    assert app.window is not None and app.window.isVisible()
    app.shutdown()


def test_do_not_disturb_is_asked_only_when_a_break_is_within_reach(qtbot, tmp_path):
    dnd = FakeHold()
    app = make_app(tmp_path, holds=Holds.of(dnd))
    app.start()
    app.clock.advance(60)
    app.tick()
    assert dnd.checks == 0, "29 minutes before the break there is nothing to hold"
    advance_to(app, app.clock, MONDAY_9 + timedelta(minutes=28, seconds=30))
    assert dnd.checks > 0
    app.shutdown()


def test_a_prompted_break_window_takes_the_keyboard_only_once_typing_stops(qtbot, tmp_path):
    idle = SettableIdle()
    app = make_app(tmp_path, idle=idle)
    app.start()
    advance_to(app, app.clock, MONDAY_9 + timedelta(minutes=30))
    window = app.window
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    activated = []
    window.activate = lambda: activated.append(True)
    app.breaks._activate_when_quiet()
    assert activated == [], "the user is still typing"
    idle.seconds = 2.0
    app.breaks._activate_when_quiet()
    assert activated == [True] and not app.breaks._focus_timer.isActive()
    app.shutdown()


@pytest.mark.parametrize("wayland", [False, True])
def test_where_the_window_takes_the_keyboard_at_once_its_key_guard_waits_for_quiet(qtbot, tmp_path, monkeypatch, wayland):
    monkeypatch.setattr(break_host, "window_takes_keyboard_on_show", lambda: wayland)
    app = make_app(tmp_path)
    app.start()
    advance_to(app, app.clock, MONDAY_9 + timedelta(minutes=30))
    assert app.window.key_guard_s == (break_host.QUIET_BEFORE_FOCUS_S if wayland else 1.0)
    app.shutdown()


def test_a_refused_command_is_explained(qtbot, tmp_path):
    notifier = RecordingNotifier()
    store = SettingsStore(tmp_path / "settings.toml", Settings.defaults().with_values(strict=True, runs={}))
    app = make_app(tmp_path, store=store, notifier=NotifierChain([notifier]))
    app.start()
    advance_to(app, app.clock, MONDAY_9 + timedelta(minutes=30))  # a prompted break, not one of the user's
    app.run_command(cmd.Skip())
    assert notifier.sent[-1] == ("deskbreak", "Strict mode: breaks cannot be skipped")
    window = app.window
    assert not window.end_button.isVisibleTo(window), "no End break in strict mode"
    window.close()  # nor the window manager's close button
    assert window.isVisible() and app.engine.status(app.clock.now()).state == State.ON_BREAK
    app.shutdown()


class NoIdleBackend:
    name = "unavailable"

    def idle_seconds(self):
        return None


def test_without_idle_detection_the_menu_says_so_and_status_names_the_backend(qtbot, tmp_path):
    app = make_app(tmp_path, idle=NoIdleBackend())
    app.start()
    assert "Idle detection unavailable" in menu_texts(app)
    assert app.status_report()["idle_backend"] == "unavailable"
    app.shutdown()


def test_skip_next_and_no_run_today_are_in_the_menu_when_they_make_sense(qtbot, tmp_path):
    store = SettingsStore(tmp_path / "settings.toml", Settings.defaults().with_values(runs={"mon": "18:00"}))
    app = make_app(tmp_path, store=store)
    app.start()
    actions = {a.objectName(): a for a in app.tray.menu.actions()}
    app.tray.rebuild_menu()
    actions = {a.objectName(): a for a in app.tray.menu.actions()}
    assert actions["skip-next"].text() == "Skip next break (3 left today)"
    actions["skip-next"].trigger()
    app.tray.rebuild_menu()
    actions = {a.objectName(): a for a in app.tray.menu.actions()}
    assert actions["skip-next"].text() == "Next break will be skipped" and not actions["skip-next"].isEnabled()
    actions["no-run-today"].trigger()
    app.tray.rebuild_menu()
    assert "no-run-today" not in {a.objectName() for a in app.tray.menu.actions()}
    assert app.engine.next_run(app.clock.now())[1].date() > MONDAY_9.date()
    app.shutdown()


def test_a_break_the_user_started_can_always_be_ended(qtbot, tmp_path):
    store = SettingsStore(tmp_path / "settings.toml", Settings.defaults().with_values(strict=True, runs={}))
    app = make_app(tmp_path, store=store)
    app.start()
    app.run_command(cmd.StartBreak(BreakKind.EVENING))
    assert app.window.end_button.isVisibleTo(app.window)
    app.window.end_break()
    assert app.engine.status(app.clock.now()).state == State.WAITING
    app.shutdown()


def test_sore_back_mode_swaps_folds_for_the_gentle_moves_in_the_break_it_plays(qtbot, tmp_path):
    from deskbreak.core.content.user_routines import with_routine_exercises

    app = make_app(tmp_path, routines_path=tmp_path / "routines.toml")
    routines = {rid: r for rid, r in app.catalog.routines.items()}
    routines["evening-back-care"] = with_routine_exercises(routines["evening-back-care"],
                                                           ["forward-fold", "prone-press-up", "cat-cow"])
    app.windows.save_routines(routines)
    app.store.set("sore_back", True)
    app.start()
    app.run_command(cmd.StartBreak(BreakKind.EVENING))
    assert [e.id for e in app.window.exercises] == ["supine-hamstring-opener", "knee-to-chest", "cat-cow"]
    from deskbreak.core.content.timeline import routine_segments

    routine = app.catalog.routine("evening-back-care")
    assert app.window.segments == routine_segments(app.catalog, routine, app.settings), (
        "the window plays the timeline the tray and `routine show` describe")
    hold_seconds = [s.seconds for s in app.window.segments if s.exercise.id == "knee-to-chest" and s.kind == "hold"]
    assert hold_seconds == [30, 30], "the swapped-in stretch keeps the document's figures: 30 s, twice"
    notice = app.window.findChild(QWidget, "soreBackNotice")
    assert notice is not None and "see a doctor" in notice.text(), "the safety advice comes first"
    app.shutdown()


def test_the_done_view_says_when_the_next_break_is_and_what_today_has_worked(app_parts, qtbot):
    app, clock, notifier, history = app_parts
    earlier = history.record_break("sit", "sit-break", MONDAY_9, MONDAY_9, MONDAY_9, "completed")
    history.record_exercise(earlier, "knee-to-chest", 60, True, MONDAY_9)
    history.record_exercise(earlier, "glute-bridge", 5, False, MONDAY_9)  # skipped: not counted
    app.run_command(cmd.StartBreak())
    window = app.window
    window.finished.emit(Outcome.COMPLETED)
    assert window.next_break_text == "Next sit-break in 30 min"
    today = window.findChild(QWidget, "todayLabel")
    # Read from the history once the writer has written this break.
    qtbot.waitUntil(lambda: today.text() == "Today so far: lower back")
    assert not today.isHidden()


def test_the_done_view_says_which_holds_grew(app_parts, qtbot):
    app, clock, notifier, history = app_parts
    for days_ago in (8, 4):
        at = MONDAY_9 - timedelta(days=days_ago)
        row = history.start_break("sit", "sit-break", at, at, 1, progression=True)  # played with grown holds
        history.record_exercise(row, "split-hip-stretch", 60, True, at)
        history.finish_break(row, at + timedelta(minutes=2), "completed")
    app.run_command(cmd.StartBreak())
    window = app.window
    assert "split-hip-stretch" in [e.id for e in window.exercises]
    app.session.exercise_done("split-hip-stretch", 60, True)
    window.finished.emit(Outcome.COMPLETED)
    grown = window.findChild(QWidget, "grownLabel")
    qtbot.waitUntil(lambda: grown.text() == "Split hip stretch: 23 s next time, was 20 s")
    assert not grown.isHidden()


def test_the_menu_says_how_long_each_routine_takes(app_parts):
    import re

    from deskbreak.core.content.timeline import routine_seconds

    app, clock, notifier, history = app_parts
    texts = menu_texts(app)
    prerun = next(t for t in texts if t.startswith("Run now: pre-run routine, "))
    seconds = routine_seconds(app.catalog, app.catalog.routine("pre-run-glutes"), app.settings)
    assert prerun == f"Run now: pre-run routine, {human_duration(seconds)}"
    assert re.fullmatch(r"Take a break now, \d+ min", next(t for t in texts if t.startswith("Take a break now")))


def test_a_read_queued_behind_the_writer_does_nothing_once_the_app_has_quit(qtbot, tmp_path):
    # Found in the full suite: "today so far" read a history that shutdown had just closed.
    app = make_app(tmp_path)
    app.start()
    gate = threading.Event()
    app.history_writer.submit("hold the writer", lambda h: gate.wait(5))
    reads = []
    app._after_history_written(lambda: reads.append(app.history.breaks()))
    gate.set()
    app.shutdown()
    qtbot.wait(100)
    assert reads == []


def test_a_closed_history_is_a_history_error_not_an_attribute_error(tmp_path):
    history = HistoryStore(tmp_path / "history.sqlite3")
    history.close()
    with pytest.raises(HistoryError, match="cannot read the history"):
        history.breaks()


def test_an_app_shut_down_before_the_poses_preload_never_loads_them(qtbot, tmp_path, monkeypatch):
    # Found by the tier split: apps of earlier tests loaded poses seconds later, stalling the next test.
    monkeypatch.setattr("deskbreak.ui.app.POSES_PRELOAD_MS", 50)
    app = make_app(tmp_path)
    preloads = []
    monkeypatch.setattr(app.breaks, "preload", lambda: preloads.append(1))
    app.start()
    app.shutdown()
    qtbot.wait(300)
    assert preloads == []


# -- never a routine behind the lock screen (issue 18, item 7) ---------------------------


def test_a_run_started_behind_the_lock_opens_no_break_window_until_the_unlock(qtbot, tmp_path):
    clock = FakeClock(MONDAY_9)
    store = SettingsStore(tmp_path / "settings.toml",
                          Settings.defaults().with_values(lead_in="1s", runs={}, away_policy="ignore"))
    app = make_app(tmp_path, clock=clock, store=store)
    app.set_locked(True)  # what the screensaver answered at start
    app.start()
    try:
        advance_to(app, clock, MONDAY_9 + timedelta(minutes=45))
        assert app.window is None
        assert "locked" in app.session.status_report()["holding_for"]
        app.set_locked(False)  # the unlock steps the app at once: no other wake-up needed
        assert app.window is not None and app.window.isVisible()
    finally:
        app.shutdown()


def test_a_break_due_during_a_short_lock_opens_at_the_unlock_not_behind_it(app_parts):
    app, clock, _notifier, _history = app_parts
    advance_to(app, clock, MONDAY_9 + timedelta(minutes=28))
    app.set_locked(True)
    assert app.engine.status(clock.now()).state == State.WAITING
    advance_to(app, clock, MONDAY_9 + timedelta(minutes=31))
    assert app.window is None
    app.set_locked(False)
    assert app.window is not None
