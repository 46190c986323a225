"""The command line: catalog, history, profiles and argument errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import tomllib
from datetime import datetime, timedelta, timezone

import pytest

from support.fakes import run_cli
from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.history import HistoryStore

UTC = timezone.utc


def test_catalog_json_has_every_exercise_with_its_source(capsys):
    code, out, _ = run_cli(capsys, "catalog", "--json")
    assert code == 0
    data = json.loads(out)
    catalog = load_catalog()
    assert [e["id"] for e in data["exercises"]] == list(catalog.exercises)
    required = {"id", "name", "targets", "place", "hold_s", "reps", "per_side", "rest_s",
                "steps", "cautions", "source"}
    for exercise in data["exercises"]:
        assert required <= exercise.keys()
        assert exercise["source"]["document"].endswith(".txt") and exercise["source"]["quote"]
    split = next(e for e in data["exercises"] if e["id"] == "split-hip-stretch")
    assert split["hold_s"] == [20, 30] and split["per_side"] is True
    for routine in data["routines"]:
        assert {"id", "name", "kind", "exercises"} <= routine.keys()


def test_catalog_table_shows_names_figures_and_quotes(capsys):
    code, out, _ = run_cli(capsys, "catalog")
    assert code == 0
    for exercise in load_catalog().exercises.values():
        assert exercise.name in out
    assert "hold 20-30 s, each side" in out
    assert "000_a42a6e5b3fd2f0a1.txt" in out and "003_8486bc6ed7422239.txt" in out


def seed_history(data_dir):
    with HistoryStore(data_dir / "history.sqlite3") as store:
        day = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
        for n, outcome in enumerate(["completed", "skipped", "completed"]):
            due = day + timedelta(days=n)
            bid = store.start_break("sit", "sit-break", due, due)
            store.record_exercise(bid, "walk-around", 120.0, True, due + timedelta(minutes=2))
            store.finish_break(bid, due + timedelta(minutes=4), outcome)


def test_history_moves_to_another_machine_through_csv_without_duplicates(capsys, tmp_path):
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    seed_history(laptop)
    code, exported, _ = run_cli(capsys, "--data-dir", str(laptop), "history", "--csv")
    export = tmp_path / "laptop.csv"
    export.write_text(exported, encoding="utf-8")
    code, out, _ = run_cli(capsys, "--data-dir", str(desktop), "history", "--import", str(export))
    assert code == 0 and "Imported 3 breaks" in out
    code, out, _ = run_cli(capsys, "--data-dir", str(desktop), "history", "--import", str(export))
    assert "Imported 0 breaks" in out and "3 were already in the history" in out
    code, out, _ = run_cli(capsys, "--data-dir", str(desktop), "history", "--json")
    assert [(r["outcome"], r["exercises"]) for r in json.loads(out)] == [
        ("completed", 1), ("skipped", 1), ("completed", 1)]


def test_a_bad_row_imports_nothing_unless_told_to_skip_it(capsys, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(
        "id,kind,routine_id,due_at,shown_at,ended_at,outcome,exercises,exercise_seconds,note\n"
        "1,sit,sit-break,2026-11-02T09:30:00+01:00,,2026-11-02T09:34:00+01:00,completed,0,0,\n"
        "2,sit,sit-break,2026-11-02T10:30:00+01:00,,2026-11-02T10:34:00+01:00,done,0,0,\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "--data-dir", str(tmp_path), "history", "--import", str(export))
    assert code == 1 and "line 3" in err and "outcome" in err and "nothing was imported" in err
    assert not (tmp_path / "history.sqlite3").exists() or run_cli(capsys, "--data-dir", str(tmp_path), "history",
                                                               "--json")[1].strip() == "[]"
    code, out, err = run_cli(capsys, "--data-dir", str(tmp_path), "history", "--import", str(export),
                         "--skip-bad-rows")
    assert code == 0 and "Imported 1 breaks" in out and "line 3" in err


def test_history_json_csv_and_since(capsys, tmp_path):
    seed_history(tmp_path)
    code, out, _ = run_cli(capsys, "--data-dir", str(tmp_path), "history", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["outcome"] for r in rows] == ["completed", "skipped", "completed"]
    assert rows[0]["exercises"] == 1 and rows[0]["exercise_seconds"] == 120.0
    code, out, _ = run_cli(capsys, "--data-dir", str(tmp_path), "history", "--csv", "--since", "2026-11-03")
    table = list(csv.DictReader(io.StringIO(out)))
    assert [r["outcome"] for r in table] == ["skipped", "completed"]
    code, out, _ = run_cli(capsys, "--data-dir", str(tmp_path), "history")
    assert out.count("sit-break") == 3


def test_history_shows_how_long_a_time_away_lasted(capsys, tmp_path):
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        left = datetime(2026, 11, 2, 11, 0, tzinfo=UTC)
        store.record_break("natural", None, None, left, left + timedelta(minutes=13), "natural",
                           "away from the desk for 13 min")
    code, out, _ = run_cli(capsys, "--data-dir", str(tmp_path), "history")
    assert "natural" in out and "away from the desk for 13 min" in out and "exercises" not in out


def test_history_of_a_new_profile_is_empty(capsys, tmp_path):
    code, out, _ = run_cli(capsys, "--data-dir", str(tmp_path / "new"), "history")
    assert code == 0 and "No breaks recorded yet." in out
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize(
    "argv, reason",
    [
        (["--sit-interval", "soon"], "sit_interval"),
        (["--set", "colour=red"], "unknown setting 'colour'"),
        (["history", "--since", "someday"], "'someday' is not a date"),
        (["history", "--since", "0001-01-01"], "dates before 1970 are not in any history"),
        (["stats", "--since", "1969-12-31"], "dates before 1970 are not in any history"),
        (["stats", "--since", "2026-13-01"], "'2026-13-01' is not a date"),
        (["stats", "--since", "9999-01-01"], "is in the future"),
        (["stats", "--week", "--month"], "not allowed with argument"),
        (["history", "--json", "--csv"], "not allowed with argument"),
        (["dance"], "invalid choice"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(capsys, argv, reason):
    code, out, err = run_cli(capsys, *argv)
    assert code == 2
    assert err.count("\n") == 1 and reason in err and err.startswith("deskbreak")


def test_environment_chooses_the_profile(tmp_path):
    seed_history(tmp_path)
    env = {"DESKBREAK_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "deskbreak", "history", "--json"],
                         capture_output=True, text=True, env=env, check=True)
    assert len(json.loads(out.stdout)) == 3


# -- config: the profile's settings when deskbreak is not running -------------------------
# (The running-instance path is driven for real in tests/desktop.)


@pytest.fixture
def nothing_running(monkeypatch):
    """No deskbreak answers, without creating a QCoreApplication in the test process
    (pytest-qt's widget tests need theirs to be a QApplication)."""
    monkeypatch.setattr("deskbreak.cli.control.ask_running_app", lambda *args, **kwargs: None)


def test_config_set_get_list_and_reset_write_the_profile_settings(capsys, tmp_path, nothing_running):
    profile = ("--config-dir", str(tmp_path / "conf"), "--data-dir", str(tmp_path / "data"))
    code, out, _ = run_cli(capsys, *profile, "config", "set", "sit_interval", "45m")
    assert code == 0 and out.startswith("sit_interval = 45m (saved to ")
    assert run_cli(capsys, *profile, "config", "get", "sit-interval")[1] == "45m\n"
    code, out, _ = run_cli(capsys, *profile, "config", "set", "runs", "tue 18:00, sat 8:30")
    code, out, _ = run_cli(capsys, *profile, "config", "list", "--json")
    listed = json.loads(out)
    assert listed["sit_interval"] == "45m" and listed["runs"] == {"tue": "18:00", "sat": "08:30"}
    code, out, _ = run_cli(capsys, *profile, "config", "list")
    assert any(line.split()[:2] == ["runs", "tue"] for line in out.splitlines())
    run_cli(capsys, *profile, "config", "reset", "sit_interval")
    assert run_cli(capsys, *profile, "config", "get", "sit_interval")[1] == "30m\n"


def test_config_sets_the_break_screen_by_word_or_by_a_screen_s_name(capsys, tmp_path, nothing_running):
    profile = ("--config-dir", str(tmp_path / "conf"), "--data-dir", str(tmp_path / "data"))
    assert run_cli(capsys, *profile, "config", "get", "break_screen")[1] == "mouse\n"
    assert run_cli(capsys, *profile, "config", "set", "break_screen", "Primary")[0] == 0
    assert run_cli(capsys, *profile, "config", "get", "break_screen")[1] == "primary\n"
    # Any other word is a screen's name, as the system spells it: one not connected now is kept.
    code, out, _ = run_cli(capsys, *profile, "config", "set", "break_screen", "HDMI-1")
    assert code == 0 and out.startswith("break_screen = HDMI-1 (saved to ")
    assert json.loads(run_cli(capsys, *profile, "config", "list", "--json")[1])["break_screen"] == "HDMI-1"


@pytest.mark.parametrize("argv, expected", [
    (("config", "set", "bogus", "1"), "unknown setting 'bogus'"),
    (("config", "get", "bogus"), "unknown setting 'bogus'"),
    (("config", "set", "volume", "loud"), "key 'volume': must be a whole number, not 'loud'"),
    (("config", "set", "work_end", "08:00"), "'work_start' and 'work_end'"),
    (("config", "set", "break_screen", ""), "key 'break_screen': must not be empty; write mouse, primary or a screen's name"),
])
def test_config_with_a_bad_key_or_value_exits_2_with_one_line(capsys, tmp_path, argv, expected, nothing_running):
    code, out, err = run_cli(capsys, "--config-dir", str(tmp_path), "--data-dir", str(tmp_path), *argv)
    assert code == 2 and expected in err and err.strip().count("\n") == 0
    assert not (tmp_path / "settings.toml").exists(), "nothing saved"


def test_one_run_overrides_do_not_leak_into_config_set(capsys, tmp_path, nothing_running):
    profile = ("--config-dir", str(tmp_path), "--data-dir", str(tmp_path))
    run_cli(capsys, *profile, "--sit-interval", "20s", "--prelude", "5s", "config", "set", "volume", "20")
    text = (tmp_path / "settings.toml").read_text()
    assert 'sit_interval = "30m"' in text and 'prelude = "1m"' in text


def test_config_set_never_saves_over_a_file_that_does_not_parse(capsys, tmp_path, nothing_running):
    path = tmp_path / "settings.toml"
    broken = '# mine\nsit_interval = "45m"\nskip_budget = 5\nwork_days = ["mon"\n'
    path.write_text(broken, encoding="utf-8")
    for argv in (("set", "volume", "55"), ("reset", "volume")):
        code, out, err = run_cli(capsys, "--config-dir", str(tmp_path), "--data-dir", str(tmp_path), "config", *argv)
        assert (code, out) == (1, ""), "nothing was saved, and nothing says so"
        [line] = err.splitlines()
        assert line.startswith(f"deskbreak: {path}: it is not valid TOML: ") and "line 4" in line
        assert "will not save over it" in line and "using the defaults" not in line
    assert path.read_text(encoding="utf-8") == broken


@pytest.mark.parametrize("argv, expected", [
    (("config", "set", "sit_intervall", "20m"), "unknown setting 'sit_intervall'; did you mean sit_interval?"),
    (("config", "get", "valume"), "unknown setting 'valume'; did you mean volume?"),
    (("--set", "prelud=5s", "config", "get", "volume"), "unknown setting 'prelud'; did you mean prelude?"),
    (("config", "set", "sit_interval", "-5m"), "key 'sit_interval': '-5m' is not a duration"),
    (("config", "set", "volume", "-h"), "key 'volume': must be a whole number, not '-h'"),
    (("config", "set", "volume"), "give the value to set volume to"),
    (("config", "set", "volume", "5", "6"), "one value, not 2: '5' '6'"),
])
def test_config_names_the_key_meant_and_takes_values_that_start_with_a_dash(capsys, tmp_path, argv, expected,
                                                                            nothing_running):
    code, out, err = run_cli(capsys, "--config-dir", str(tmp_path), "--data-dir", str(tmp_path), *argv)
    assert code == 2 and expected in err and err.count("\n") == 1, err
    assert not (tmp_path / "settings.toml").exists(), "nothing saved"


def test_a_negative_looking_value_that_is_good_is_saved(capsys, tmp_path, nothing_running):
    code, out, err = run_cli(capsys, "--config-dir", str(tmp_path), "--data-dir", str(tmp_path),
                             "config", "set", "volume", "--", "20")
    assert code == 0 and "volume = 20" in out


def test_config_set_from_five_processes_at_once_loses_no_key(tmp_path):
    # Each round: five `deskbreak config set` of five different keys, with no deskbreak running.
    values = {"volume": "21", "daily_goal": "55", "neglect_days": "9", "skip_budget": "7", "lead_in": "4s"}
    for round_number in range(3):
        config = tmp_path / f"round-{round_number}"
        processes = [subprocess.Popen(
            [sys.executable, "-m", "deskbreak", "--config-dir", str(config), "--data-dir", str(config / "data"),
             "config", "set", key, value], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for key, value in values.items()]
        for process in processes:
            out, err = process.communicate(timeout=60)
            assert process.returncode == 0, err
        saved = tomllib.loads((config / "settings.toml").read_text(encoding="utf-8"))
        assert {key: str(saved[key]) for key in values} == {**values}, f"round {round_number}"


def test_history_since_the_first_day_of_1970_is_no_traceback(capsys, tmp_path):
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        nine = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
        store.record_break("sit", None, nine, None, nine, "skipped", "")
    code, out, err = run_cli(capsys, "--data-dir", str(tmp_path), "history", "--since", "1970-01-01", "--json")
    assert code == 0 and err == "" and len(json.loads(out)) == 1


def test_rendering_into_a_path_that_cannot_be_a_folder_is_one_clear_line(capsys):
    code, out, err = run_cli(capsys, "catalog", "--render", "/dev/null/x")
    assert code == 1
    assert err == "deskbreak: cannot write pictures to /dev/null/x: Not a directory\n"


# -- routine: the timeline the guide plays ------------------------------------------


SEGMENT_KINDS = {"lead_in", "hold", "rep", "rest", "switch", "walk", "move"}


def test_routine_show_json_is_the_timeline_with_its_total(capsys, tmp_path):
    code, out, _ = run_cli(capsys, "--config-dir", str(tmp_path), "routine", "show", "pre-run-glutes", "--json")
    assert code == 0
    timeline = json.loads(out)
    assert timeline["routine"] == "pre-run-glutes"
    segments = timeline["segments"]
    assert {s["kind"] for s in segments} <= SEGMENT_KINDS
    assert set(segments[0]) == {"kind", "exercise", "side", "rep", "seconds"}
    assert timeline["total_s"] == pytest.approx(sum(s["seconds"] for s in segments))
    bridge = [s for s in segments if s["exercise"] == "glute-bridge"]
    assert [s["kind"] for s in bridge].count("lead_in") == 1, "one lead-in per exercise, not per rep"


def test_routine_list_gives_every_routine_with_its_length(capsys, tmp_path):
    code, out, _ = run_cli(capsys, "--config-dir", str(tmp_path), "routine", "list", "--json")
    rows = json.loads(out)
    assert {r["id"] for r in rows} == set(load_catalog().routines)
    assert all(r["total_s"] > 0 for r in rows)
    code, out, _ = run_cli(capsys, "--config-dir", str(tmp_path), "routine", "list")
    assert out.splitlines()[0].split()[0] in load_catalog().routines


def test_routine_show_follows_the_profiles_settings(capsys, tmp_path):
    (tmp_path / "settings.toml").write_text('hold_length = "long"\n')
    long_total = json.loads(run_cli(capsys, "--config-dir", str(tmp_path), "routine", "show", "sit-break",
                                "--json")[1])["total_s"]
    (tmp_path / "settings.toml").write_text('hold_length = "short"\n')
    short_total = json.loads(run_cli(capsys, "--config-dir", str(tmp_path), "routine", "show", "sit-break",
                                 "--json")[1])["total_s"]
    assert long_total > short_total


def test_routine_show_of_an_unknown_routine_exits_2_in_one_line(capsys, tmp_path):
    code, out, err = run_cli(capsys, "--config-dir", str(tmp_path), "routine", "show", "yoga")
    assert code == 2 and err == "deskbreak: no routine 'yoga'; `deskbreak routine list` shows them\n"


def test_routine_show_can_show_each_break_of_the_sit_rotation(capsys, tmp_path):
    first = json.loads(run_cli(capsys, "--config-dir", str(tmp_path), "routine", "show", "sit-break", "--json")[1])
    second = json.loads(run_cli(capsys, "--config-dir", str(tmp_path), "routine", "show", "sit-break",
                            "--break", "2", "--json")[1])
    assert {s["exercise"] for s in first["segments"]} != {s["exercise"] for s in second["segments"]}
    rows = {r["id"]: r for r in json.loads(run_cli(capsys, "--config-dir", str(tmp_path), "routine", "list",
                                                "--json")[1])}
    assert rows["sit-break"]["shortest_s"] < rows["sit-break"]["longest_s"]


# -- runs: the next days' runs, weekly and from the calendar ---------------------------


def test_runs_json_merges_the_weekly_runs_and_the_calendar_file(capsys, tmp_path, nothing_running):
    tomorrow = (datetime.now().astimezone() + timedelta(days=1)).date()
    start = datetime.combine(tomorrow, datetime.min.time()).replace(hour=7).astimezone()
    stamp = lambda moment: moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")  # noqa: E731
    calendar = tmp_path / "plan.ics"
    calendar.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//deskbreak tests//cli//EN\n"
        f"BEGIN:VEVENT\nUID:run@x\nDTSTAMP:20261101T000000Z\nSUMMARY:Long run\nDTSTART:{stamp(start)}\n"
        f"DTEND:{stamp(start + timedelta(hours=2))}\nEND:VEVENT\n"
        f"BEGIN:VEVENT\nUID:meet@x\nDTSTAMP:20261101T000000Z\nSUMMARY:Budget meeting\nDTSTART:{stamp(start)}\n"
        f"DTEND:{stamp(start + timedelta(hours=1))}\nEND:VEVENT\nEND:VCALENDAR\n")
    weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[(tomorrow.weekday() + 1) % 7]
    (tmp_path / "settings.toml").write_text(
        f'calendar_file = "{calendar}"\nprerun_lead = "20m"\n[runs]\n{weekday} = "18:00"\n')
    code, out, err = run_cli(capsys, "--config-dir", str(tmp_path), "--data-dir", str(tmp_path / "data"),
                         "runs", "--days", "3", "--json")
    assert code == 0, err
    runs = json.loads(out)
    calendar_run, weekly_run = runs
    assert calendar_run["source"] == "calendar" and calendar_run["summary"] == "Long run"
    assert datetime.fromisoformat(calendar_run["start"]) == start
    assert datetime.fromisoformat(calendar_run["end"]) == start + timedelta(hours=2)
    assert datetime.fromisoformat(calendar_run["reminder_at"]) == start - timedelta(minutes=20)
    assert weekly_run["source"] == "weekly" and weekly_run["end"] is None and not weekly_run["skipped"]
    assert "Budget meeting" not in out, "a meeting is not a run"


def test_runs_with_a_broken_calendar_file_is_one_clear_line(capsys, tmp_path, nothing_running):
    (tmp_path / "plan.ics").write_text("not a calendar")
    (tmp_path / "settings.toml").write_text(f'calendar_file = "{tmp_path / "plan.ics"}"\n')
    code, out, err = run_cli(capsys, "--config-dir", str(tmp_path), "--data-dir", str(tmp_path), "runs")
    assert code == 1 and str(tmp_path / "plan.ics") in err and err.count("\n") == 1


# -- stats: the history window's figures on the command line -----------------------------


def seed_two_days(data_dir) -> tuple:
    """Yesterday half the sit-breaks taken; today all of them, one after a postponement, and a walk.

    Returns (yesterday, today) as local dates, as `deskbreak stats` sees them.
    """
    now = datetime.now().astimezone()
    today = now.date()
    yesterday = today - timedelta(days=1)

    def local(day, hour, minute=0):
        return datetime.combine(day, datetime.min.time()).replace(hour=hour, minute=minute).astimezone()

    with HistoryStore(data_dir / "history.sqlite3") as store:
        for hour, outcome in ((9, "completed"), (10, "skipped")):
            due = local(yesterday, hour)
            store.record_break("sit", "sit-break", due, due, due + timedelta(minutes=3), outcome)
        first = local(today, 0, 5)
        bid = store.start_break("sit", "sit-break", first, first)
        store.record_exercise(bid, "walk-around", 120.0, True, first + timedelta(minutes=2))
        store.finish_break(bid, first + timedelta(minutes=3), "completed")
        due = local(today, 0, 30)
        store.record_break("sit", "sit-break", due, due, due + timedelta(minutes=1), "postponed")
        bid = store.start_break("sit", "sit-break", due, due + timedelta(minutes=10))
        store.record_exercise(bid, "split-hip-stretch", 60.0, True, due + timedelta(minutes=12))
        store.finish_break(bid, due + timedelta(minutes=13), "completed")
        store.record_break("natural", None, None, local(today, 0, 45), local(today, 0, 55), "natural")
    return yesterday, today


def stats_json(capsys, tmp_path, *argv) -> dict:
    code, out, err = run_cli(capsys, "--data-dir", str(tmp_path), "--config-dir", str(tmp_path), "stats", "--json",
                         *argv)
    assert code == 0, err
    return json.loads(out)


def test_stats_json_counts_the_days_the_streak_and_the_muscle_groups(capsys, tmp_path):
    yesterday, today = seed_two_days(tmp_path)
    report = stats_json(capsys, tmp_path, "--since", "yesterday")
    assert {"days", "weeks", "streak", "minutes_by_target", "neglected"} <= report.keys()
    assert (report["first"], report["last"]) == (yesterday.isoformat(), today.isoformat())
    before, now = report["days"]
    assert (before["prompted"], before["completed"], before["skipped"], before["goal_met"]) == (2, 1, 1, False)
    assert (now["prompted"], now["completed"], now["postponed"], now["natural"]) == (2, 2, 1, 1)
    assert now["minutes"] == 3.0 and now["goal_met"] is True
    assert report["streak"] == {"current": 1, "best": 1, "goal": 80}
    minutes = report["minutes_by_target"]
    assert (minutes["legs"], minutes["lower_back"], minutes["hip_flexors"], minutes["glutes"]) == (2, 2, 1, 1)
    assert {"target": "hamstrings", "days": None} in report["neglected"]


def test_stats_follow_the_profiles_daily_goal(capsys, tmp_path):
    seed_two_days(tmp_path)
    (tmp_path / "settings.toml").write_text("daily_goal = 50\n")
    assert stats_json(capsys, tmp_path)["streak"] == {"current": 2, "best": 2, "goal": 50}


@pytest.mark.parametrize("period", ["--week", "--month", "--since"])
def test_stats_periods_end_today(capsys, tmp_path, period):
    yesterday, today = seed_two_days(tmp_path)
    first = {"--week": today - timedelta(days=today.weekday()), "--month": today.replace(day=1),
             "--since": yesterday - timedelta(days=40)}[period]
    argv = [period, first.isoformat()] if period == "--since" else [period]
    report = stats_json(capsys, tmp_path, *argv)
    assert (report["first"], report["last"]) == (first.isoformat(), today.isoformat())
    assert [day["date"] for day in report["days"]] == [
        (first + timedelta(days=n)).isoformat() for n in range((today - first).days + 1)]
    assert report["days"][-1]["prompted"] == 2
    assert sum(week["prompted"] for week in report["weeks"]) == sum(day["prompted"] for day in report["days"])


def test_stats_default_to_this_week(capsys, tmp_path):
    _, today = seed_two_days(tmp_path)
    assert stats_json(capsys, tmp_path)["first"] == (today - timedelta(days=today.weekday())).isoformat()


def test_stats_table_reads_as_sentences(capsys, tmp_path):
    _, today = seed_two_days(tmp_path)
    code, out, _ = run_cli(capsys, "--data-dir", str(tmp_path), "--config-dir", str(tmp_path), "stats", "--since",
                       "today")
    assert code == 0
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("Date"))
    assert header.split()[:4] == ["Date", "Day", "Prompted", "Completed"]
    row = next(line for line in lines if line.startswith(today.isoformat()))
    assert row.split()[2:] == ["2", "2", "0", "0", "0", "0", "1", "1", "3.0", "3", "of", "3", "met"]
    assert "Streak: 1 day (best 1), goal 80 % of sit-breaks taken" in lines
    assert "Minutes per muscle group: Lower back 2.0, Legs 2.0, Hip flexors 1.0, Glutes 1.0" in lines
    neglected = next(line for line in lines if line.startswith("Not stretched lately: "))
    assert "Hamstrings never" in neglected and "Upper back never" in neglected


def test_stats_over_months_are_a_week_to_a_line(capsys, tmp_path):
    _, today = seed_two_days(tmp_path)
    since = today - timedelta(days=70)
    code, out, _ = run_cli(capsys, "--data-dir", str(tmp_path), "--config-dir", str(tmp_path), "stats", "--since",
                       since.isoformat())
    lines = out.splitlines()
    assert code == 0 and any(line.startswith("Week of") for line in lines)
    assert lines[lines.index(next(line for line in lines if line.startswith("Week of"))) + 1].startswith(
        since.isoformat()), "the first week begins on the first day asked for"
    assert next(line for line in lines if line.startswith("Total")).split()[1:3] == ["4", "3"]


def test_stats_of_a_new_profile_are_zeros_and_create_nothing(capsys, tmp_path):
    report = stats_json(capsys, tmp_path / "new")
    assert all(day["prompted"] == 0 for day in report["days"])
    assert report["streak"] == {"current": 0, "best": 0, "goal": 80}
    assert not (tmp_path / "new").exists()


def test_history_since_today_and_yesterday(capsys, tmp_path):
    seed_two_days(tmp_path)
    code, out, _ = run_cli(capsys, "--data-dir", str(tmp_path), "history", "--since", "today", "--json")
    assert code == 0 and [r["kind"] for r in json.loads(out)] == ["sit", "sit", "sit", "natural"]
    code, out, _ = run_cli(capsys, "--data-dir", str(tmp_path), "history", "--since", "yesterday", "--json")
    assert code == 0 and len(json.loads(out)) == 6


# -- holds that grow with the user ----------------------------------------------------------


def seed_weeks_of_planks(data_dir, weeks: int = 3) -> None:
    """A plank completed every day for ``weeks`` weeks, up to yesterday, played with progression on."""
    now = datetime.now().astimezone().replace(microsecond=0)
    with HistoryStore(data_dir / "history.sqlite3") as store:
        for day in range(7 * weeks, 0, -1):
            at = now - timedelta(days=day)
            bid = store.start_break("sit", "core", at, at, progression=True)
            store.record_exercise(bid, "plank", 200.0, True, at + timedelta(minutes=4))
            store.finish_break(bid, at + timedelta(minutes=5), "completed")


def test_stats_json_gives_each_growing_hold_and_since_when(capsys, tmp_path):
    seed_weeks_of_planks(tmp_path)
    progression = stats_json(capsys, tmp_path)["progression"]
    assert progression["plank"]["seconds"] == 55  # 45 -> 50 -> 55, a step a week
    assert datetime.fromisoformat(progression["plank"]["since"]) < datetime.now().astimezone()
    assert progression["table-top-hold"] == {"seconds": 10, "since": None}
    assert "prone-press-up" not in progression  # 1-2 s: 15 % a week is no whole second, so it cannot grow
    (tmp_path / "settings.toml").write_text("progression = false\n")
    assert stats_json(capsys, tmp_path)["progression"]["plank"] == {"seconds": 45, "since": None}


def test_routine_show_json_gives_the_holds_of_today(capsys, tmp_path):
    seed_weeks_of_planks(tmp_path)
    routine = next(r for r in load_catalog().routines.values() if "plank" in r.exercises)

    def plank_holds() -> set:
        code, out, err = run_cli(capsys, "--data-dir", str(tmp_path), "--config-dir", str(tmp_path),
                                 "routine", "show", routine.id, "--json")
        assert code == 0, err
        return {s["seconds"] for s in json.loads(out)["segments"] if s["exercise"] == "plank" and s["kind"] == "hold"}

    assert plank_holds() == {55}
    (tmp_path / "settings.toml").write_text("sore_back = true\n")
    assert plank_holds() in ({45}, set())  # a sore back may swap the plank out; never a grown hold


def test_routine_show_with_an_unreadable_history_shows_the_articles_holds(capsys, tmp_path):
    (tmp_path / "history.sqlite3").write_bytes(b"not a database at all" * 100)
    code, out, err = run_cli(capsys, "--data-dir", str(tmp_path), "--config-dir", str(tmp_path),
                             "routine", "show", "sit-break", "--json")
    assert code == 0 and json.loads(out)["segments"]
    assert "history.sqlite3" in err and "showing the articles' holds" in err
