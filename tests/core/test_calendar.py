"""Reading runs and meetings from a calendar file: recurrences, zones, attendance, damage.

The fixtures in ``tests/core/calendars/`` are small hand-written .ics files,
one concern each. The user lives in Berlin unless a test says otherwise;
October 2024 has the end of summer time on Sunday 27 in Europe and on
Sunday 3 November in New York.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import threading
from datetime import datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings, strategies as st

from deskbreak.core.scheduling.calendar import file_reading as calendar_module
from deskbreak.core.bounded_read import DEFAULT_LIMIT
from deskbreak.core.scheduling.calendar import (
    DEFAULT_RUN_KEYWORDS,
    CalendarError,
    CalendarRead,
    ReadLimits,
    meetings_at,
    read_calendar,
    runs_between,
)

CALENDARS = Path(__file__).parent / "calendars"
BERLIN = ZoneInfo("Europe/Berlin")
TOKYO = ZoneInfo("Asia/Tokyo")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")


def at(day: int, hour: int = 0, minute: int = 0, *, month: int = 10, tz=BERLIN) -> datetime:
    return datetime(2024, month, day, hour, minute, tzinfo=tz)


def read(name: str, *, start=None, end=None, local_tz=BERLIN, **options) -> CalendarRead:
    """The fixture read over October 2024 (and a few days of November) unless told otherwise."""
    return read_calendar(
        CALENDARS / name,
        start=start or at(1, tz=local_tz),
        end=end or at(6, month=11, tz=local_tz),
        local_tz=local_tz,
        **options,
    )


def starts(events) -> list[datetime]:
    return [event.start for event in events]


def named(calendar: CalendarRead, summary: str):
    [event] = [event for event in calendar.events if event.summary == summary]
    return event


# Recurrence


def test_weekly_run_skips_its_exdate_adds_its_rdate_and_follows_a_moved_instance():
    calendar = read("weekly_run.ics", end=at(30))
    assert starts(runs_between(calendar, at(1), at(30))) == [
        at(1, 18),
        # 8 October is excluded; the RDATE adds a Saturday morning.
        at(12, 9),
        # The 15 October instance was moved to the Wednesday evening.
        at(16, 19),
        at(22, 18),
        at(29, 18),
    ]
    moved = named(calendar, "Easy run (moved)")
    assert moved.end == at(16, 19, 45)
    assert {event.uid for event in calendar.events} == {"weekly-easy-run@deskbreak.test"}


def test_a_weekly_run_stays_at_seven_local_across_the_end_of_summer_time():
    runs = runs_between(read("dst_run.ics"), at(19), at(4, month=11))
    assert [(run.start.date().day, run.start.hour, run.start.minute) for run in runs] == [
        (20, 7, 0),
        (27, 7, 0),
        (3, 7, 0),
    ]
    # The same wall time is a different UTC time on either side of the change.
    assert [run.start.utcoffset() for run in runs] == [
        timedelta(hours=2),
        timedelta(hours=1),
        timedelta(hours=1),
    ]


def test_a_google_export_in_utc_recurs_at_the_wall_time_of_its_calendar_zone():
    # Google writes series in UTC and names the calendar's zone in
    # X-WR-TIMEZONE; read as plain UTC the run would move to 06:00 in winter.
    runs = runs_between(read("google_export.ics"), at(19), at(4, month=11))
    assert starts(runs) == [at(20, 7), at(27, 7), at(3, 7, month=11)]


def test_an_event_in_another_zone_keeps_its_own_wall_time_and_is_shown_in_local_time():
    calendar = read("new_york.ics")
    calls = calendar.events
    # 09:00 in New York is 15:00 in Berlin, except in the week Berlin has
    # left summer time and New York has not yet.
    assert starts(calls) == [at(21, 15), at(28, 14), at(4, 15, month=11)]
    assert all(call.start.tzinfo is BERLIN for call in calls)
    assert calls[0].start == datetime(2024, 10, 21, 9, tzinfo=ZoneInfo("America/New_York"))
    assert calls[0].end - calls[0].start == timedelta(minutes=30)


def test_a_floating_time_is_a_wall_clock_time_in_whatever_zone_the_user_is_in():
    in_berlin = named(read("floating.ics"), "Tempo 3x10 min")
    in_tokyo = named(read("floating.ics", local_tz=TOKYO), "Tempo 3x10 min")
    assert in_berlin.start == at(22, 7, 30)
    assert in_tokyo.start == at(22, 7, 30, tz=TOKYO)
    assert in_berlin.end == at(22, 8, 30)
    assert in_berlin.is_run and not in_berlin.all_day


def test_an_event_without_an_end_leaves_its_length_to_the_caller():
    jog = named(read("floating.ics"), "Jog with Sam")
    assert jog.start == at(24, 18)
    assert jog.end is None
    assert [run.summary for run in runs_between(read("floating.ics"), at(24), at(25))] == [
        "Jog with Sam"
    ]


def test_only_events_overlapping_the_window_are_read():
    calendar = read("weekly_run.ics", start=at(16, 19, 30), end=at(22, 18))
    # The moved run is still going on at the start; the 22nd starts at the end.
    assert starts(calendar.events) == [at(16, 19)]


def test_a_naive_window_is_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        read_calendar(
            CALENDARS / "weekly_run.ics",
            start=datetime(2024, 10, 1),
            end=datetime(2024, 11, 1),
            local_tz=BERLIN,
        )


# All-day events


def test_an_all_day_event_spans_local_midnight_to_midnight():
    calendar = read("all_day.ics")
    offsite = named(calendar, "Team offsite")
    assert offsite.all_day
    assert (offsite.start, offsite.end) == (at(28), at(30))
    # The night of the clock change is 25 hours long, and still one day.
    long_run = named(calendar, "Long run 25 km")
    assert (long_run.start, long_run.end) == (at(27), at(28))
    elapsed = long_run.end.astimezone(timezone.utc) - long_run.start.astimezone(timezone.utc)
    assert elapsed == timedelta(hours=25)


def test_an_all_day_run_is_no_run_without_a_time_for_all_day_runs():
    calendar = read("all_day.ics")
    assert named(calendar, "Long run 25 km").is_run
    assert runs_between(calendar, at(1), at(6, month=11)) == []


def test_an_all_day_run_starts_at_the_time_given_for_all_day_runs_on_its_day():
    calendar = read("all_day.ics", all_day_run_time=time(9, 30))
    [run] = runs_between(calendar, at(1), at(6, month=11))
    assert run.summary == "Long run 25 km"
    assert run.start == at(27, 9, 30)
    assert run.start.utcoffset() == timedelta(hours=1)
    assert run.end is None
    assert run.all_day


def test_an_all_day_event_holds_no_break():
    calendar = read("all_day.ics")
    assert meetings_at(calendar, at(28, 11)) is None


# Busy, free, declined, cancelled


def test_a_transparent_event_is_not_busy_and_holds_no_break():
    calendar = read("attendance.ics")
    focus = named(calendar, "Focus time")
    assert not focus.busy
    assert meetings_at(calendar, at(22, 14)) is None


def test_an_event_the_user_declined_is_left_out():
    calendar = read("attendance.ics", me=["runner@example.com"])
    assert "All hands" not in [event.summary for event in calendar.events]
    assert meetings_at(calendar, at(22, 16, 30)) is None


def test_a_decline_by_someone_else_leaves_the_meeting_busy():
    calendar = read("attendance.ics", me=["runner@example.com"])
    assert named(calendar, "Stand-up").busy


def test_without_knowing_the_user_no_attendee_is_taken_for_them():
    calendar = read("attendance.ics")
    assert named(calendar, "All hands").busy


def test_a_calendar_named_after_an_address_stands_for_the_user(tmp_path):
    text = (CALENDARS / "attendance.ics").read_text(encoding="utf-8")
    google_style = tmp_path / "basic.ics"
    google_style.write_text(
        text.replace("PRODID:", "X-WR-CALNAME:runner@example.com\nPRODID:", 1),
        encoding="utf-8",
    )
    calendar = read_calendar(
        google_style, start=at(1), end=at(6, month=11), local_tz=BERLIN
    )
    assert "All hands" not in [event.summary for event in calendar.events]


def test_a_cancelled_event_is_left_out():
    calendar = read("attendance.ics")
    assert "Vendor sync" not in [event.summary for event in calendar.events]
    assert meetings_at(calendar, at(22, 17, 30)) is None


def test_a_cancelled_instance_of_a_run_is_no_run_but_the_others_are():
    calendar = read("attendance.ics")
    assert starts(runs_between(calendar, at(22), at(24))) == [at(22, 18, 30)]


def test_a_run_marked_free_is_still_a_run():
    club_run = named(read("attendance.ics"), "Club run")
    assert club_run.is_run and not club_run.busy


# Meetings


def test_meetings_at_returns_the_busy_meeting_covering_the_moment():
    calendar = read("attendance.ics")
    assert meetings_at(calendar, at(22, 10, 5)).summary == "Stand-up"
    assert meetings_at(calendar, at(22, 9, 59)) is None
    assert meetings_at(calendar, at(22, 11)) is None


def test_of_overlapping_meetings_the_one_ending_last_holds_the_break():
    calendar = read("attendance.ics")
    holding = meetings_at(calendar, at(22, 10, 20))
    assert holding.summary == "Design review"
    assert holding.end == at(22, 11)


def test_a_run_is_never_a_meeting():
    calendar = read("keywords.ics", start=at(21), end=at(26))
    assert meetings_at(calendar, at(21, 18, 30)) is None
    assert meetings_at(calendar, at(21, 11, 30)).summary == "Runway meeting"


# Run keywords


def test_a_run_keyword_in_the_summary_makes_a_run_whatever_its_case():
    calendar = read("keywords.ics", start=at(21), end=at(26))
    assert named(calendar, "INTERVALS 6x800m").is_run
    assert named(calendar, "Lockerer Dauerlauf").is_run


def test_a_run_keyword_in_the_categories_makes_a_run():
    assert named(read("keywords.ics", start=at(21), end=at(26)), "Session with Anna").is_run


def test_run_keywords_match_whole_words_only():
    calendar = read("keywords.ics", start=at(21), end=at(26))
    for summary in ("Runway meeting", "Rerun of the demo", "Testlauf der Software"):
        assert not named(calendar, summary).is_run, summary


def test_a_rehearsal_is_a_meeting_not_a_run():
    calendar = read("keywords.ics", start=at(21), end=at(26))
    assert not named(calendar, "Dry run of the launch demo").is_run
    assert meetings_at(calendar, at(25, 14, 30)).summary == "Dry run of the launch demo"


def test_the_users_own_run_keywords_replace_the_defaults():
    calendar = read("keywords.ics", start=at(21), end=at(26), run_keywords=["rerun"])
    assert [event.summary for event in calendar.events if event.is_run] == ["Rerun of the demo"]


def test_a_multi_word_keyword_matches_across_any_white_space(tmp_path):
    path = tmp_path / "plan.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//EN\nBEGIN:VEVENT\nUID:a\n"
        "SUMMARY:Course  à\tpied\nDTSTART:20241021T160000Z\nEND:VEVENT\nEND:VCALENDAR\n",
        encoding="utf-8",
    )
    calendar = read_calendar(path, start=at(21), end=at(22), local_tz=BERLIN)
    assert calendar.events[0].is_run


def test_the_default_keywords_cover_the_issue_list():
    expected = {"run", "jog", "jogging", "tempo", "intervals", "long run", "easy run"}
    expected |= {"fartlek", "parkrun", "Lauf", "laufen", "course à pied", "carrera"}
    expected |= {"corsa", "hardlopen"}
    assert expected <= set(DEFAULT_RUN_KEYWORDS)


# Damage


def test_a_file_that_is_not_a_calendar_raises_an_error_naming_it():
    path = CALENDARS / "not_a_calendar.ics"
    with pytest.raises(CalendarError) as caught:
        read_calendar(path, start=at(1), end=at(31), local_tz=BERLIN)
    assert str(path) in str(caught.value)


def test_a_missing_file_raises_an_error_naming_it(tmp_path):
    path = tmp_path / "gone.ics"
    with pytest.raises(CalendarError, match="gone.ics"):
        read_calendar(path, start=at(1), end=at(31), local_tz=BERLIN)


def test_a_truncated_file_raises_an_error_naming_it(tmp_path):
    path = tmp_path / "half.ics"
    whole = (CALENDARS / "weekly_run.ics").read_text(encoding="utf-8")
    path.write_text(whole[: len(whole) // 2], encoding="utf-8")
    with pytest.raises(CalendarError, match="half.ics"):
        read_calendar(path, start=at(1), end=at(31), local_tz=BERLIN)


def test_an_empty_file_raises_an_error_naming_it(tmp_path):
    path = tmp_path / "empty.ics"
    path.write_bytes(b"")
    with pytest.raises(CalendarError, match="empty.ics"):
        read_calendar(path, start=at(1), end=at(31), local_tz=BERLIN)


def test_one_broken_event_is_skipped_counted_and_named_and_the_rest_kept():
    path = CALENDARS / "one_broken_event.ics"
    calendar = read("one_broken_event.ics")
    assert calendar.skipped == 1
    assert [event.summary for event in calendar.events] == ["Easy run", "Planning"]
    [problem] = calendar.problems
    assert str(path) in problem
    assert "garbled@deskbreak.test" in problem and "Tempo run" in problem
    assert "DTSTART" in problem


def test_a_broken_rule_costs_its_series_only(tmp_path):
    path = tmp_path / "rule.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//EN\n"
        "BEGIN:VEVENT\nUID:bad-rule\nSUMMARY:Tempo\nDTSTART:20241021T160000Z\n"
        "RRULE:FREQ=WEEKLY;UNTIL=someday\nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:no-start\nSUMMARY:Mystery\nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:fine\nSUMMARY:Easy run\nDTSTART:20241022T160000Z\nEND:VEVENT\n"
        "END:VCALENDAR\n",
        encoding="utf-8",
    )
    calendar = read_calendar(path, start=at(21), end=at(31), local_tz=BERLIN)
    assert [event.uid for event in calendar.events] == ["fine"]
    assert calendar.skipped == 2
    assert any("bad-rule" in problem and "RRULE" in problem for problem in calendar.problems)
    assert any("no-start" in problem and "DTSTART" in problem for problem in calendar.problems)


def test_a_broken_property_that_says_nothing_about_time_costs_nothing():
    calendar = read("google_export.ics")
    assert calendar.skipped == 0 and calendar.problems == ()
    assert len(calendar.events) == 3


def test_an_unknown_time_zone_is_read_as_local_time_and_reported(tmp_path):
    path = tmp_path / "mars.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//EN\nBEGIN:VEVENT\nUID:m\n"
        "SUMMARY:Easy run\nDTSTART;TZID=Mars/Olympus:20241021T070000\nEND:VEVENT\n"
        "END:VCALENDAR\n",
        encoding="utf-8",
    )
    calendar = read_calendar(path, start=at(21), end=at(22), local_tz=BERLIN)
    assert starts(calendar.events) == [at(21, 7)]
    assert calendar.skipped == 0
    [problem] = calendar.problems
    assert "Mars/Olympus" in problem and str(path) in problem


# Hostile files: a clear message, never a hang or the memory


def calendar_text(*parts: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//deskbreak tests//hostile//EN\r\n" + "".join(parts) + "END:VCALENDAR\r\n"


def vevent(uid: str, summary: str, start: str, *lines: str) -> str:
    extra = "".join(f"{line}\r\n" for line in lines)
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20240901T000000Z\r\nSUMMARY:{summary}\r\n"
            f"DTSTART:{start}\r\n{extra}END:VEVENT\r\n")


EASY_RUN = vevent("run@test", "Easy run", "20241021T160000Z", "DTEND:20241021T164500Z")


def write(tmp_path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def read_path(path: Path, **options) -> CalendarRead:
    """The file read over October 2024 and a few days of November, as ``read`` does for the fixtures."""
    return read_calendar(path, start=at(1), end=at(6, month=11), local_tz=BERLIN, **options)


def finished(call, seconds: float = 20.0):
    """``call()`` in another thread: its result, or its exception; a hang fails the test instead of hanging it."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["result"] = call()
        except BaseException as error:  # noqa: BLE001 - handed to the test below
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still reading after {seconds} s"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "plan.ics"
    os.mkfifo(path)
    yield path
    # A reader that did block (the bug) is let go, so the test run can end.
    with contextlib.suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


@posix_only
def test_a_fifo_is_refused_at_once_naming_it(fifo):
    with pytest.raises(CalendarError, match=re.escape(f"{fifo} is not a regular file (a named pipe)")):
        finished(lambda: read_path(fifo))


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_an_endless_device_is_refused_naming_it(tmp_path, device):
    link = tmp_path / "plan.ics"
    link.symlink_to(device)
    with pytest.raises(CalendarError, match=re.escape(f"{link} is not a regular file (a device)")):
        finished(lambda: read_path(link))


def test_a_file_over_the_size_limit_is_refused_naming_it(tmp_path):
    path = tmp_path / "huge.ics"
    with open(path, "wb") as file:
        file.truncate(DEFAULT_LIMIT + 1)  # sparse: nothing is written, the size is what counts
    with pytest.raises(CalendarError, match=re.escape(f"{path} is larger than 20 MB")):
        read_path(path)


@pytest.mark.parametrize("uid, summary, start, rule", [
    ("every-second@test", "Ping", "20241001T000000Z", "RRULE:FREQ=SECONDLY"),
    ("every-minute@test", "Tick", "20141001T000000Z", "RRULE:FREQ=MINUTELY;UNTIL=20341001T000000Z"),
], ids=["every second", "every minute for ten years"])
def test_an_event_repeating_too_often_is_skipped_and_named_once_and_the_rest_is_read(tmp_path, uid, summary,
                                                                                      start, rule):
    path = write(tmp_path, "dense.ics", calendar_text(vevent(uid, summary, start, rule), EASY_RUN))
    calendar = finished(lambda: read_path(path))
    assert [event.uid for event in calendar.events] == ["run@test"]
    assert calendar.skipped == 1
    [problem] = calendar.problems
    assert problem.startswith(f"{path}: event {uid!r} ({summary!r}) skipped: ")
    assert problem.endswith("it repeats more than 2000 times in the days read")


def test_a_series_too_long_to_run_through_is_skipped_and_named_once(tmp_path):
    # Every half hour since 1990: few enough in the window, but the library
    # would run through all 600,000 instances since 1990 to get there.
    path = write(tmp_path, "half-hourly.ics", calendar_text(
        vevent("half-hourly@test", "Look away", "19900101T000000Z", "RRULE:FREQ=MINUTELY;INTERVAL=30"), EASY_RUN))
    calendar = finished(lambda: read_path(path))
    assert [event.uid for event in calendar.events] == ["run@test"]
    [problem] = calendar.problems
    assert "half-hourly@test" in problem and "repeats more than 200000 times from its start to the days read" in problem


def test_a_dense_series_that_ended_before_the_days_read_costs_nothing_and_says_nothing(tmp_path):
    path = write(tmp_path, "ended.ics", calendar_text(
        vevent("old-ticker@test", "Tick", "20141001T000000Z", "RRULE:FREQ=SECONDLY;UNTIL=20240901T000000Z"),
        EASY_RUN))
    calendar = finished(lambda: read_path(path))
    assert [event.uid for event in calendar.events] == ["run@test"]
    assert calendar.problems == () and calendar.skipped == 0


def test_an_hourly_event_of_ten_years_is_within_the_bounds_and_read_whole(tmp_path):
    path = write(tmp_path, "hourly.ics", calendar_text(
        vevent("water@test", "Drink water", "20150101T080000Z", "DURATION:PT5M", "RRULE:FREQ=HOURLY")))
    calendar = read_path(path)
    assert calendar.problems == () and calendar.skipped == 0
    # October has an hour more in Berlin: summer time ends.
    assert len(calendar.events) == (at(6, month=11).timestamp() - at(1).timestamp()) // 3600 == 865


def test_many_repeating_events_stop_at_the_cap_for_all_and_are_reported_in_one_line(tmp_path):
    daily = [vevent(f"daily-{number}@test", f"Stand-up {number}", "20241001T090000Z", "RRULE:FREQ=DAILY")
             for number in range(10)]
    path = write(tmp_path, "daily.ics", calendar_text(*daily))
    calendar = read_path(path, limits=ReadLimits(instances=100))
    # Each series has 37 days in the window: two fit under 100, the other eight do not.
    assert {event.uid for event in calendar.events} == {"daily-0@test", "daily-1@test"}
    assert calendar.skipped == 8
    [problem] = calendar.problems
    assert str(path) in problem and "8 repeating events skipped" in problem and "daily-2@test" in problem


def meetings(count: int, first: datetime, every: timedelta = timedelta(hours=1)) -> list[str]:
    return [vevent(f"meeting-{number}@test", f"Meeting {number}",
                   f"{first + number * every:%Y%m%dT%H%M%SZ}", "DURATION:PT30M")
            for number in range(count)]


def test_a_hundred_thousand_events_are_read_for_the_days_asked_only(tmp_path):
    first = datetime(2016, 1, 1, tzinfo=timezone.utc)
    path = write(tmp_path, "busy.ics", calendar_text(*meetings(100_000, first)))
    calendar = read_path(path)
    assert calendar.problems == () and calendar.skipped == 0
    window = (at(1), at(6, month=11))
    expected = [first + timedelta(hours=n) for n in range(100_000)
                if window[0] < first + timedelta(hours=n, minutes=30) and first + timedelta(hours=n) < window[1]]
    # In UTC: a Berlin time in the hour that repeats when summer time ends is
    # never equal to a time in another zone (PEP 495).
    assert [event.start.astimezone(timezone.utc) for event in calendar.events] == expected


def test_more_events_in_the_days_read_than_the_cap_are_cut_at_a_named_line(tmp_path):
    path = write(tmp_path, "crowded.ics", calendar_text(
        *meetings(1000, at(2).astimezone(timezone.utc), every=timedelta(minutes=30))))
    calendar = read_path(path, limits=ReadLimits(lines=702))
    # The calendar's own VERSION and PRODID, and 100 events of 7 lines each.
    assert len(calendar.events) == 100
    [problem] = calendar.problems
    first_unread = 4 + 100 * 7
    assert f"{path}: stopped reading at line {first_unread}" in problem and "900 events" in problem


# One broken line or component costs only itself


def test_a_garbage_line_beside_a_valid_run_costs_that_line_only(tmp_path):
    path = write(tmp_path, "garbage.ics", calendar_text(EASY_RUN, "this is garbage\r\n"))
    calendar = read_path(path)
    assert [event.summary for event in calendar.events] == ["Easy run"]
    [problem] = calendar.problems
    assert f"{path}: line 11 skipped" in problem and "this is garbage" in problem


def test_a_stray_end_line_beside_a_valid_run_costs_that_line_only(tmp_path):
    path = write(tmp_path, "stray.ics", calendar_text("END:VEVENT\r\n", EASY_RUN))
    calendar = read_path(path)
    assert [event.summary for event in calendar.events] == ["Easy run"]
    [problem] = calendar.problems
    assert f"{path}: line 4 skipped" in problem and "END:VEVENT" in problem


def test_a_garbage_line_inside_an_event_is_skipped_and_reported_and_the_event_kept(tmp_path):
    path = write(tmp_path, "inside.ics", calendar_text(
        vevent("run@test", "Easy run", "20241021T160000Z", "this is garbage")))
    calendar = read_path(path)
    assert [event.summary for event in calendar.events] == ["Easy run"]
    [problem] = calendar.problems
    assert "run@test" in problem and "this is garbage" in problem and "skipped" in problem


def test_a_component_the_parser_rejects_is_skipped_named_by_line_and_the_rest_kept(tmp_path):
    broken_alarm = vevent("tempo@test", "Tempo run", "20241022T160000Z",
                          "BEGIN:VALARM", "ACTION:DISPLAY", "this is garbage", "END:VALARM")
    path = write(tmp_path, "alarm.ics", calendar_text(broken_alarm, EASY_RUN))
    calendar = read_path(path)
    assert [event.summary for event in calendar.events] == ["Easy run"]
    assert calendar.skipped == 1
    [problem] = calendar.problems
    assert f"{path}: line 4:" in problem and "tempo@test" in problem and "'Tempo run'" in problem


def test_text_before_the_calendar_costs_nothing_but_a_line(tmp_path):
    path = write(tmp_path, "preamble.ics", "Exported by a tool\r\n" + calendar_text(EASY_RUN))
    calendar = read_path(path)
    assert [event.summary for event in calendar.events] == ["Easy run"]
    [problem] = calendar.problems
    assert f"{path}: line 1 skipped" in problem


# Reading only what may touch the days read changes nothing


# Days anywhere around the window, and often right at its edges (1 October, 6 November).
_NEAR_AN_EDGE = st.sampled_from([at(1).date(), at(6, month=11).date()]).flatmap(
    lambda edge: st.integers(-2, 2).map(lambda shift: edge + timedelta(days=shift)))
_DAYS = st.one_of(
    st.dates(min_value=datetime(2024, 9, 1).date(), max_value=datetime(2024, 12, 31).date()),
    _NEAR_AN_EDGE, _NEAR_AN_EDGE, _NEAR_AN_EDGE,
)
# Where a time is told: UTC, floating (the user's zone), and the zones furthest apart.
_ZONES = st.sampled_from(["Z", "", ";TZID=Pacific/Kiritimati", ";TZID=Pacific/Pago_Pago"])


@st.composite
def any_event(draw, number: int) -> str:
    """One event of many shapes around the window: timed or all-day, short or long, once or repeating."""
    own = f"own-{number}@test"
    uid = draw(st.sampled_from(["a@test", "b@test", own, own, own, own]))
    day = draw(_DAYS)
    all_day = draw(st.booleans())
    zone = draw(_ZONES)
    utc = "Z" if zone == "Z" else ""
    parameters = "" if zone in ("Z", "") else zone
    start = f"{day:%Y%m%d}" if all_day else f"{day:%Y%m%d}T{draw(st.integers(0, 23)):02d}0000{utc}"
    lines = [f"SEQUENCE:{draw(st.integers(0, 2))}"]
    length = draw(st.integers(0, 40))
    end_kind = draw(st.sampled_from(["DTEND", "DURATION", "none"]))
    if end_kind == "DTEND":
        end = day + timedelta(days=length)
        lines.append(f"DTEND;VALUE=DATE:{end:%Y%m%d}" if all_day else f"DTEND{parameters}:{end:%Y%m%d}T{draw(st.integers(0, 23)):02d}5900{utc}")
    elif end_kind == "DURATION":
        lines.append(f"DURATION:{draw(st.sampled_from([f'P{length}D', f'PT{length}H', 'PT30M']))}")
    until = draw(_DAYS)
    repeat = draw(st.sampled_from(["", "", "", "RRULE:FREQ=WEEKLY;COUNT=4", f"RRULE:FREQ=DAILY;UNTIL={until:%Y%m%d}",
                                   f"RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL={until:%Y%m%d}T235959Z",
                                   "RDATE;VALUE=DATE:20241015"]))
    if repeat and not (repeat.startswith("RDATE") and not all_day) and not ("T235959Z" in repeat and all_day):
        lines.append(repeat)
        if repeat.startswith("RRULE") and draw(st.booleans()):
            lines += [f"EXDATE{';VALUE=DATE' if all_day else parameters}:{start}"] * draw(st.integers(1, 2))
    if draw(st.integers(0, 5)) == 0 and not all_day:
        lines.append(f"RECURRENCE-ID:{start}")
    event = vevent(uid, f"Event {number}", start, *lines)
    start_parameters = ";VALUE=DATE" if all_day else parameters
    return event.replace(f"DTSTART:{start}", f"DTSTART{start_parameters}:{start}")


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 10).flatmap(lambda count: st.tuples(*(any_event(number) for number in range(count)))),
       st.sampled_from([BERLIN, ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Pacific/Pago_Pago")]))
# The edges of the window from the zones furthest from the user's, each of
# which an event-by-date test without room for the zone would lose.
@example((vevent("samoa@test", "Late in Samoa", "20240929T230000").replace(
    "DTSTART:", "DTSTART;TZID=Pacific/Pago_Pago:"),), ZoneInfo("Pacific/Kiritimati"))
@example((vevent("kiribati@test", "Early in Kiribati", "20241107T003000").replace(
    "DTSTART:", "DTSTART;TZID=Pacific/Kiritimati:"),), ZoneInfo("Pacific/Pago_Pago"))
@example((vevent("long@test", "A week away", "20240925", "DURATION:P6DT12H"),), BERLIN)
def test_leaving_out_what_cannot_touch_the_days_read_changes_no_result(tmp_path_factory, events, local_tz):
    path = write(tmp_path_factory.mktemp("any"), "any.ics", calendar_text(*events))

    def read_here():
        return read_calendar(path, start=at(1, tz=local_tz), end=at(6, month=11, tz=local_tz), local_tz=local_tz)

    windowed = read_here()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(calendar_module, "_events_that_may_matter", lambda events, *days: events)
        whole = read_here()
    assert windowed == whole


def test_a_flood_of_broken_lines_is_told_in_a_few_lines_and_the_run_kept(tmp_path):
    path = write(tmp_path, "flood.ics", calendar_text(EASY_RUN, "END:VTODO\r\n" * 5000))
    calendar = finished(lambda: read_path(path))
    assert [event.summary for event in calendar.events] == ["Easy run"]
    assert len(calendar.problems) == 21
    assert calendar.problems[-1] == f"{path}: 4980 more problems not listed"
