"""The calendar file in the running app: meetings hold breaks, runs reach the engine, edits apply live.

The file is read off the UI thread; these tests wait for a read with
``read_once`` (the source's readFinished signal), as the app waits for its
queued result.
"""

from __future__ import annotations

import os
import sys
import threading
from datetime import timedelta

import pytest

from deskbreak.core import i18n
from deskbreak.adapters.holds import Desktop, meeting
from deskbreak.core.scheduling.calendar import read_calendar
from deskbreak.core.clock import FakeClock
from deskbreak.core.scheduling.holds import Holds
from deskbreak.core.settings import Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.shell import calendar_source
from deskbreak.shell.calendar_source import CalendarSource

from support.app_builder import MONDAY_9, advance_to, make_app, menu_texts
from support.fakes import RecordingNotifier

from .test_app import recorded

HEADER = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//deskbreak tests//app//EN\n"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")


def event(uid: str, summary: str, start: str, end: str) -> str:
    return (f"BEGIN:VEVENT\nUID:{uid}\nDTSTAMP:20261101T000000Z\nSUMMARY:{summary}\n"
            f"DTSTART:{start}\nDTEND:{end}\nEND:VEVENT\n")


def write_calendar(path, *events: str) -> None:
    path.write_text(HEADER + "".join(events) + "END:VCALENDAR\n", encoding="utf-8")


def read_once(qtbot, source: CalendarSource) -> None:
    """Start a read and wait until the app has applied its outcome."""
    with qtbot.waitSignal(source.readFinished, timeout=10_000):
        source.reload()


def app_with_calendar(qtbot, tmp_path, *events: str, ics=None, notifier=None):
    """The app with a calendar source wired like the real start-up, once its first read is applied."""
    app, ics = wired_app(tmp_path, *events, ics=ics, notifier=notifier)
    read_once(qtbot, app.calendar)
    return app, ics


def wired_app(tmp_path, *events: str, ics=None, notifier=None):
    if ics is None:
        ics = tmp_path / "plan.ics"
        write_calendar(ics, *events)
    store = SettingsStore(tmp_path / "settings.toml", Settings.defaults().with_values(
        lead_in="1s", runs={}, calendar_file=str(ics)))
    clock = FakeClock(MONDAY_9)
    tell = None if notifier is None else (lambda title, body: notifier.sent.append((title, body)))
    source = CalendarSource(store, clock, tell=tell)
    app = make_app(tmp_path, store=store, clock=clock, calendar=source,
                   holds=Holds([meeting], store.settings, Desktop(clock=clock, calendar=source)))
    source.setParent(app)
    app.start()
    return app, ics


def test_a_meeting_holds_a_due_sit_break_until_it_ends_exactly_once(qtbot, tmp_path):
    app, _ = app_with_calendar(qtbot, tmp_path, event("m1", "Team meeting", "20261123T092000Z", "20261123T101000Z"))
    advance_to(app, app.clock, MONDAY_9 + timedelta(minutes=35))
    assert app.window is None
    assert menu_texts(app)[0] == "Break after your meeting (until 10:10)"
    assert app.status_report()["holding_for"] == "meeting (until 10:10)"
    advance_to(app, app.clock, MONDAY_9 + timedelta(minutes=70, seconds=30))
    assert app.window is not None and app.window.isVisible()
    [record] = recorded(app, qtbot).breaks()
    assert record.kind == "sit"
    app.shutdown()


def test_the_meeting_that_holds_a_break_is_told_in_the_users_language(qtbot, tmp_path):
    german = {("calendar", "meeting"): "Besprechung", ("calendar", "{meeting} (until {time})"): "{meeting} (bis {time})",
              ("describe", "Break after your {reason}"): "Pause nach deiner {reason}"}
    i18n.install(lambda context, text, disambiguation, n: german.get((context, text), ""))
    app, _ = app_with_calendar(qtbot, tmp_path, event("m1", "Team meeting", "20261123T092000Z", "20261123T101000Z"))
    advance_to(app, app.clock, MONDAY_9 + timedelta(minutes=35))
    assert app.status_report()["holding_for"] == "Besprechung (bis 10:10)"
    assert menu_texts(app)[0] == "Pause nach deiner Besprechung (bis 10:10)"
    app.shutdown()


def test_a_run_from_the_calendar_is_the_next_run_and_an_edit_moves_it_live(qtbot, tmp_path):
    app, ics = app_with_calendar(qtbot, tmp_path, event("r1", "Easy run", "20261124T170000Z", "20261124T180000Z"))
    run = app.status_report()["next_run"]
    assert run["source"] == "calendar" and run["at"].startswith("2026-11-24T17:00:00")
    write_calendar(ics, event("r1", "Easy run", "20261125T063000Z", "20261125T073000Z"))
    read_once(qtbot, app.calendar)  # what the file watcher does once the write settles
    assert app.status_report()["next_run"]["at"].startswith("2026-11-25T06:30:00")
    app.shutdown()


def test_the_file_watcher_picks_up_a_changed_calendar(qtbot, tmp_path):
    app, ics = app_with_calendar(qtbot, tmp_path, event("r1", "Easy run", "20261124T170000Z", "20261124T180000Z"))
    write_calendar(ics, event("r1", "Tempo run", "20261126T170000Z", "20261126T180000Z"))
    qtbot.waitUntil(lambda: app.status_report()["next_run"]["at"].startswith("2026-11-26"), timeout=5000)
    app.shutdown()


def test_a_broken_calendar_keeps_the_runs_read_before_and_says_so_once(qtbot, tmp_path):
    notifier = RecordingNotifier()
    app, ics = app_with_calendar(qtbot, tmp_path, event("r1", "Easy run", "20261124T170000Z", "20261124T180000Z"),
                                 notifier=notifier)
    ics.write_text("this is not a calendar\n")
    read_once(qtbot, app.calendar)
    read_once(qtbot, app.calendar)
    assert app.status_report()["next_run"]["at"].startswith("2026-11-24T17:00:00")
    assert len(notifier.sent) == 1 and str(ics) in notifier.sent[0][1]
    app.shutdown()


# Never on the UI thread: a slow or hostile file neither delays the start nor stops the app


class GatedRead:
    """read_calendar that waits for the test to open a gate, noting the thread it ran on.

    ``instead`` names another file to read, so the test can tell its result apart.
    """

    def __init__(self, instead=None) -> None:
        self.instead = instead
        self.gate = threading.Event()
        self.threads: list[threading.Thread] = []
        self.finished = threading.Event()

    def __call__(self, path, **options):
        self.threads.append(threading.current_thread())
        # Bounded, so that reading on the UI thread (the bug) fails the test instead of hanging it.
        self.gate.wait(5)
        try:
            return read_calendar(self.instead or path, **options)
        finally:
            self.finished.set()


def test_the_calendar_is_read_off_the_ui_thread_and_the_start_does_not_wait_for_it(qtbot, tmp_path, monkeypatch):
    slow = GatedRead()
    monkeypatch.setattr(calendar_source, "read_calendar", slow)
    app, _ = wired_app(tmp_path, event("r1", "Easy run", "20261124T170000Z", "20261124T180000Z"))
    app.calendar.reload()
    # reload() came back while the read is still waiting: the app goes on.
    assert not slow.finished.is_set()
    assert app.status_report()["next_run"] is None
    app.tick("test")
    with qtbot.waitSignal(app.calendar.readFinished, timeout=10_000):
        slow.gate.set()
    assert slow.threads and threading.main_thread() not in slow.threads
    assert app.status_report()["next_run"]["at"].startswith("2026-11-24T17:00:00")
    app.shutdown()


def test_a_newer_read_wins_over_an_older_one_that_ends_later(qtbot, tmp_path, monkeypatch):
    app, ics = app_with_calendar(qtbot, tmp_path, event("r1", "Easy run", "20261124T170000Z", "20261124T180000Z"))
    old_plan = tmp_path / "old.ics"
    write_calendar(old_plan, event("r1", "Old run", "20261125T170000Z", "20261125T180000Z"))
    slow = GatedRead(instead=old_plan)
    monkeypatch.setattr(calendar_source, "read_calendar", slow)
    app.calendar.reload()  # waits at the gate, and will read the old plan
    qtbot.waitUntil(lambda: bool(slow.threads), timeout=5000)
    monkeypatch.setattr(calendar_source, "read_calendar", read_calendar)
    write_calendar(ics, event("r1", "New run", "20261126T170000Z", "20261126T180000Z"))
    applied = []
    app.calendar.runsChanged.connect(lambda runs: applied.append([run.summary for run in runs]))
    with qtbot.waitSignal(app.calendar.readFinished, timeout=10_000):
        app.calendar.reload()
        slow.gate.set()  # the older read ends now, after the newer one was asked for
    assert slow.finished.is_set()
    assert applied == [["New run"]]
    assert app.status_report()["next_run"]["at"].startswith("2026-11-26T17:00:00")
    app.shutdown()


@posix_only
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "/dev/urandom"])
def test_a_calendar_file_that_is_a_fifo_or_a_device_neither_stops_the_start_nor_the_app(qtbot, tmp_path, kind):
    path = tmp_path / "plan.ics"
    if kind == "fifo":
        os.mkfifo(path)
        said = f"{path} is not a regular file (a named pipe)"
        # Reading on the UI thread would block there until a writer comes: one comes
        # after a while (so that the bug fails this test instead of hanging it).
        release = threading.Timer(5, lambda: os.close(os.open(path, os.O_WRONLY)))
        release.daemon = True
        release.start()
    else:
        path.symlink_to(kind)
        said = f"{path} is not a regular file (a device)"
    notifier = RecordingNotifier()
    app, _ = app_with_calendar(qtbot, tmp_path, ics=path, notifier=notifier)
    [(_, body)] = notifier.sent
    assert said in body
    assert menu_texts(app)[0] == "Next sit-break in 30 min"
    if kind == "fifo":
        release.cancel()
    app.shutdown()


def test_a_calendar_read_that_lands_after_shutdown_steps_nothing(qtbot, tmp_path):
    # Found by a test order: a read finishing after the app was shut down stepped its engine,
    # and with the holds let go, a break window opened for an app that had quit.
    app, _ = app_with_calendar(qtbot, tmp_path, event("m1", "Team meeting", "20261123T092000Z", "20261123T101000Z"))
    calendar = app.calendar
    app.shutdown()
    app.shutdown()  # as the signal handler and the end of the event loop may both do
    app.clock.advance(35 * 60)
    wakes = list(app.alarm.wakes)
    calendar.runsChanged.emit(())
    assert app.window is None
    assert app.alarm.wakes == wakes, "not stepped, not rescheduled"
