"""The calendar file in the running app: meetings hold breaks, runs reach the engine, edits apply live."""

from __future__ import annotations

from datetime import timedelta

from deskbreak.core.settings import Settings
from deskbreak.core.settings_store import SettingsStore
from deskbreak.ui.calendar_source import CalendarSource

from .test_app import MONDAY_9, RecordingNotifier, advance_to, make_app, menu_texts, recorded

HEADER = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//deskbreak tests//app//EN\n"


def event(uid: str, summary: str, start: str, end: str) -> str:
    return (f"BEGIN:VEVENT\nUID:{uid}\nDTSTAMP:20261101T000000Z\nSUMMARY:{summary}\n"
            f"DTSTART:{start}\nDTEND:{end}\nEND:VEVENT\n")


def write_calendar(path, *events: str) -> None:
    path.write_text(HEADER + "".join(events) + "END:VCALENDAR\n", encoding="utf-8")


def app_with_calendar(tmp_path, *events: str):
    ics = tmp_path / "plan.ics"
    write_calendar(ics, *events)
    store = SettingsStore(tmp_path / "settings.toml", Settings.defaults().with_values(
        lead_in="1s", runs={}, calendar_file=str(ics)))
    app = make_app(tmp_path, store=store)
    app.calendar = None  # replaced below, wired like the real start-up
    source = CalendarSource(store, app.clock, parent=app)
    source.runsChanged.connect(app._calendar_runs_changed)
    app.calendar = source
    app.start()
    source.reload()
    return app, ics


def test_a_meeting_holds_a_due_sit_break_until_it_ends_exactly_once(qtbot, tmp_path):
    app, _ = app_with_calendar(tmp_path, event("m1", "Team meeting", "20261123T092000Z", "20261123T101000Z"))
    advance_to(app, app.clock, MONDAY_9 + timedelta(minutes=35))
    assert app.window is None
    assert menu_texts(app)[0] == "Break after your meeting (until 10:10)"
    assert app.status_report()["holding_for"] == "meeting (until 10:10)"
    advance_to(app, app.clock, MONDAY_9 + timedelta(minutes=70, seconds=30))
    assert app.window is not None and app.window.isVisible()
    [record] = recorded(app, qtbot).breaks()
    assert record.kind == "sit"
    app.shutdown()


def test_a_run_from_the_calendar_is_the_next_run_and_an_edit_moves_it_live(qtbot, tmp_path):
    app, ics = app_with_calendar(tmp_path, event("r1", "Easy run", "20261124T170000Z", "20261124T180000Z"))
    run = app.status_report()["next_run"]
    assert run["source"] == "calendar" and run["at"].startswith("2026-11-24T17:00:00")
    write_calendar(ics, event("r1", "Easy run", "20261125T063000Z", "20261125T073000Z"))
    app.calendar.reload()  # what the file watcher does once the write settles
    assert app.status_report()["next_run"]["at"].startswith("2026-11-25T06:30:00")
    app.shutdown()


def test_the_file_watcher_picks_up_a_changed_calendar(qtbot, tmp_path):
    app, ics = app_with_calendar(tmp_path, event("r1", "Easy run", "20261124T170000Z", "20261124T180000Z"))
    write_calendar(ics, event("r1", "Tempo run", "20261126T170000Z", "20261126T180000Z"))
    qtbot.waitUntil(lambda: app.status_report()["next_run"]["at"].startswith("2026-11-26"), timeout=5000)
    app.shutdown()


def test_a_broken_calendar_keeps_the_runs_read_before_and_says_so_once(qtbot, tmp_path):
    notifier = RecordingNotifier()
    app, ics = app_with_calendar(tmp_path, event("r1", "Easy run", "20261124T170000Z", "20261124T180000Z"))
    app.calendar.notice.tell = lambda title, body: notifier.sent.append((title, body))
    ics.write_text("this is not a calendar\n")
    app.calendar.reload()
    app.calendar.reload()
    assert app.status_report()["next_run"]["at"].startswith("2026-11-24T17:00:00")
    assert len(notifier.sent) == 1 and str(ics) in notifier.sent[0][1]
    app.shutdown()
