"""Bad input of every kind: each gets a clear message, and nothing the user had is lost.

One place for the reliability suite's bad-input cases. Several are covered
closer to their modules too (tests/core, tests/ui, tests/cli/test_cli.py); here
each is driven end to end through what the user meets: the command line
(``deskbreak.cli.main`` on a temporary profile), the settings store and the
history opener the app starts with, or the real app in a subprocess on
Qt's offscreen platform. Every check asserts that the message names the
file, the key or line or entry, and what is wrong, and that what the user
had is still there: a broken file kept (aside, or in place) byte for byte,
values the app could not use written back untouched.

Read-only folders: root ignores file modes, so when the tests run as root
those cases run deskbreak as user ``nobody`` (``setpriv``), on folders that
belong to nobody.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from support.fakes import run_cli
from deskbreak.core.content.catalog import CatalogError, default_catalog_dir, load_catalog
from deskbreak.core.clock import FakeClock
from deskbreak.core.history import SCHEMA_VERSION, HistoryError, HistoryStore, HistoryTooNewError
from deskbreak.core.settings import Settings, SettingsError
from deskbreak.core.settings.store import SettingsStore
from deskbreak.core.content.user_routines import (
    UserRoutinesError,
    load_user_routines,
    save_user_routines,
    with_routine_exercises,
)

NOW = datetime(2026, 11, 23, 9, 5, 7, tzinfo=timezone.utc)
STAMP = "20261123-090507"  # NOW as a .bad-<stamp> suffix
NOBODY = 65534
SETPRIV = shutil.which("setpriv")
STARTED = "deskbreak: started "
ALREADY_RUNNING = "deskbreak is already running; showing it."
LAUNCHES = 10
#: What would tie a child to the session running the tests (or to another profile).
SCRUBBED_ENV = ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "SESSION_MANAGER",
                "DESKBREAK_CONFIG_DIR", "DESKBREAK_DATA_DIR", "XDG_RUNTIME_DIR", "QT_QPA_PLATFORM")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


@pytest.fixture
def profile(tmp_path) -> tuple[str, ...]:
    (tmp_path / "config").mkdir()
    (tmp_path / "data").mkdir()
    return ("--config-dir", str(tmp_path / "config"), "--data-dir", str(tmp_path / "data"))


@pytest.fixture
def nothing_running(monkeypatch):
    """No deskbreak answers, without a QCoreApplication in the test process (as in test_cli.py)."""
    monkeypatch.setattr("deskbreak.cli.control.ask_running_app", lambda *args, **kwargs: None)


# -- the real app in a subprocess, offscreen -------------------------------------------------


class Sandbox:
    """Folders and an environment for real deskbreak processes, cut off from the session running the tests.

    ``as_nobody`` runs them as user nobody (only possible, and only needed, for root).
    """

    def __init__(self, root: Path, as_nobody: bool = False) -> None:
        self.root = root
        self.as_nobody = as_nobody
        self.runtime = root / "rt"  # short: the control socket's path is limited to ~104 bytes
        self.runtime.mkdir(mode=0o700)
        env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
        env.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(self.runtime), PYTHONUNBUFFERED="1",
                   HOME=str(root), XDG_CONFIG_HOME=str(root / "xdg-config"), XDG_DATA_HOME=str(root / "xdg-data"),
                   XDG_CACHE_HOME=str(root / "xdg-cache"), XDG_STATE_HOME=str(root / "xdg-state"))
        self.env = env
        self.apps: list[subprocess.Popen] = []

    def command(self, config: Path, data: Path, *args: str) -> list[str]:
        cmd = [sys.executable, "-m", "deskbreak", "--config-dir", str(config), "--data-dir", str(data), *args]
        if self.as_nobody:
            cmd = [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *cmd]
        return cmd

    def give_away(self) -> None:
        """Everything made so far belongs to the user the processes run as."""
        if self.as_nobody:
            for folder, _, files in os.walk(self.root):
                for name in (folder, *(os.path.join(folder, f) for f in files)):
                    os.chown(name, NOBODY, NOBODY, follow_symlinks=False)

    def deskbreak(self, config: Path, data: Path, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(self.command(config, data, *args), env=self.env, capture_output=True, text=True,
                              timeout=60)

    def start(self, config: Path, data: Path, *options: str, name: str = "app") -> tuple[subprocess.Popen, Path]:
        """Start the app (``deskbreak ... run``); returns the process and the file its stderr goes to."""
        stderr = self.root / f"{name}-{len(self.apps)}.stderr"
        with open(stderr, "wb") as err:
            process = subprocess.Popen(self.command(config, data, *options, "run"), env=self.env,
                                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        self.apps.append(process)
        return process, stderr

    def started(self, process: subprocess.Popen, stderr: Path, timeout: float = 60, until: str = STARTED) -> str:
        """Wait for the app to say it started (or ``until``); its stderr so far."""
        deadline = time.monotonic() + timeout
        while True:
            text = stderr.read_text(errors="replace")
            if until in text:
                return text
            assert process.poll() is None, f"deskbreak exited {process.returncode} before starting:\n{text}"
            assert time.monotonic() < deadline, f"deskbreak did not start within {timeout} s:\n{text}"
            time.sleep(0.05)

    def quit(self, config: Path, data: Path, process: subprocess.Popen) -> int:
        done = self.deskbreak(config, data, "quit")
        assert done.returncode == 0, done.stderr
        return process.wait(timeout=30)

    def close(self) -> None:
        for process in self.apps:
            if process.poll() is None:
                process.kill()  # only our own, by pid
            process.wait(timeout=30)
        for folder, _, _ in os.walk(self.root):
            os.chmod(folder, 0o700)  # read-only folders made by a test, so a non-root run can remove them
        shutil.rmtree(self.root, ignore_errors=True)


def _can_run_as_nobody() -> bool:
    if SETPRIV is None:
        return False
    done = subprocess.run([SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", sys.executable,
                           "-c", "import deskbreak.ui.startup"], capture_output=True, timeout=60, cwd="/")
    return done.returncode == 0


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    box = Sandbox(Path(tempfile.mkdtemp(prefix="deskbreak-bad-")))
    try:
        yield box
    finally:
        box.close()


@pytest.fixture
def restricted_sandbox() -> Iterator[Sandbox]:
    """A sandbox whose processes a folder's mode can stop: this user, or nobody when the tests run as root."""
    as_nobody = hasattr(os, "geteuid") and os.geteuid() == 0
    if as_nobody and not _can_run_as_nobody():
        pytest.skip("running as root and cannot run deskbreak as user nobody (no setpriv, or Python unreadable)")
    root = Path(tempfile.mkdtemp(prefix="deskbreak-ro-"))
    root.chmod(0o755)
    box = Sandbox(root, as_nobody=as_nobody)
    try:
        yield box
    finally:
        box.close()


# -- settings.toml ---------------------------------------------------------------------------


@pytest.mark.parametrize("data, line", [
    (b'sit_interval = "45m"\nnote = "caf\xe9"\n', 2),
    (b'\xef\xbb\xbfvolume = 20\nsit_interval = "45m"\nnote = "\xff"\n', 3),  # after a byte-order mark
])
def test_settings_that_are_not_utf8_are_named_by_line_and_kept_byte_for_byte(capsys, tmp_path, profile,
                                                                               nothing_running, data, line):
    path = tmp_path / "config" / "settings.toml"
    path.write_bytes(data)
    byte = re.search(rb"[\x80-\xff]", data.removeprefix(b"\xef\xbb\xbf"))[0][0]
    problem = f"{path}: it is not UTF-8 text (byte 0x{byte:02x} on line {line})"

    # Looking never moves it; changing refuses to save over it.
    code, out, err = run_cli(capsys, *profile, "config", "get", "sit_interval")
    assert (code, out) == (0, "30m\n")
    assert error_lines(err) == [f"deskbreak: {problem}; using the defaults"]
    code, _, err = run_cli(capsys, *profile, "config", "set", "volume", "20")
    assert code == 1 and error_lines(err) == [f"deskbreak: {problem}; deskbreak will not save over it: fix that "
                                              "line, or remove the file, and try again"]
    assert path.read_bytes() == data

    # The app's start moves it aside, whole, and runs on the defaults; a save then starts a new file.
    store, problems = SettingsStore.load(path, NOW)
    moved = path.with_name(f"settings.toml.bad-{STAMP}")
    assert problems == [f"{problem}; moved it to {moved} and using the defaults"]
    assert moved.read_bytes() == data and store.settings == Settings.defaults()
    store.set("volume", 20)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["volume"] == 20 and moved.read_bytes() == data


def test_settings_that_are_not_toml_name_the_line_and_are_kept_aside(capsys, tmp_path, profile, nothing_running):
    path = tmp_path / "config" / "settings.toml"
    original = 'volume = 20\nsit_interval = "30m\n'
    path.write_text(original, encoding="utf-8")
    code, out, err = run_cli(capsys, *profile, "config", "get", "volume")
    assert (code, out) == (0, "60\n")
    [line] = error_lines(err)
    assert line.startswith(f"deskbreak: {path}: it is not valid TOML: ") and "line 2" in line
    store, [problem] = SettingsStore.load(path, NOW)
    assert "line 2" in problem and problem.endswith(f"moved it to {path}.bad-{STAMP} and using the defaults")
    assert Path(f"{path}.bad-{STAMP}").read_text(encoding="utf-8") == original


@pytest.mark.parametrize("line, key, problem", [
    # wrong types
    ('volume = "loud"', "volume", "must be a whole number, not 'loud'"),
    ('sound = "maybe"', "sound", "must be true or false, not 'maybe'"),
    ('sit_interval = true', "sit_interval", "sit_interval"),
    ('work_days = 5', "work_days", "work_days"),
    ('runs = ["tue"]', "runs", "runs"),
    # out of range
    ('sit_interval = "5s"', "sit_interval", "must be at least 10s, not 5s"),
    ('lead_in = "1m"', "lead_in", "must be at most 10s, not 1m"),
    ('daily_goal = 250', "daily_goal", "must be at most 100, not 250"),
    ('volume = -1', "volume", "must be at least 0, not -1"),
    ('away_policy = "sleep"', "away_policy", "sleep"),
    ('break_screen = ""', "break_screen", "must not be empty"),
])
def test_a_bad_value_is_named_with_its_key_and_stays_in_the_file_for_the_user_to_fix(
        capsys, tmp_path, profile, nothing_running, line, key, problem):
    path = tmp_path / "config" / "settings.toml"
    path.write_text(f"neglect_days = 5\n{line}\n", encoding="utf-8")
    raw = tomllib.loads(line)[key]
    empty = ("--config-dir", str(tmp_path / "empty"), "--data-dir", str(tmp_path / "empty"))
    default = run_cli(capsys, *empty, "config", "get", key)[1].strip()

    code, out, err = run_cli(capsys, *profile, "config", "get", key)
    assert code == 0 and out.strip() == default, "the default stands in for the bad value"
    [message] = error_lines(err)
    assert message.startswith(f"deskbreak: {path}: key '{key}': ") and problem in message, message
    assert message.endswith(f"(using the default {default})")

    # An unrelated change is saved, and neither the bad value nor the good one is lost.
    code, out, err = run_cli(capsys, *profile, "config", "set", "prelude", "2m")
    assert code == 0, err
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved[key] == raw and saved["neglect_days"] == 5 and saved["prelude"] == "2m"


def test_a_clash_between_two_good_values_names_both_keys_and_keeps_both(capsys, tmp_path, profile,
                                                                      nothing_running):
    path = tmp_path / "config" / "settings.toml"
    path.write_text('working_hours = true\nwork_start = "18:00"\nwork_end = "09:00"\n', encoding="utf-8")
    code, out, err = run_cli(capsys, *profile, "config", "get", "work_start")
    assert (code, out) == (0, "09:00\n")
    [message] = error_lines(err)
    assert message.startswith(f"deskbreak: {path}: keys 'work_start' and 'work_end': work_start (18:00) "
                              "must come before work_end (09:00)")
    assert run_cli(capsys, *profile, "config", "set", "volume", "30")[0] == 0
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert (saved["work_start"], saved["work_end"], saved["volume"]) == ("18:00", "09:00", 30)


def test_unknown_keys_and_tables_are_named_and_survive_every_save(capsys, tmp_path, profile, nothing_running):
    path = tmp_path / "config" / "settings.toml"
    path.write_text('my_note = "keep me"\nsit_interval = "45m"\n\n[my_table]\na = 1\n', encoding="utf-8")
    code, _, err = run_cli(capsys, *profile, "config", "set", "volume", "20")
    assert code == 0
    assert error_lines(err) == [
        f"deskbreak: {path}: unknown key 'my_note' (kept in the file, ignored)",
        f"deskbreak: {path}: unknown table [my_table] (settings are top-level keys; kept in the file, ignored)",
    ]
    # The app's own saves (the settings dialog, `config set` to the running app) go through the store.
    store, _ = SettingsStore.load(path, NOW)
    store.set("prelude", "2m")
    store.reset(["volume"])
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["my_note"] == "keep me" and saved["my_table"] == {"a": 1}
    assert saved["sit_interval"] == "45m" and saved["prelude"] == "2m" and saved["volume"] == 60


# -- the catalog -------------------------------------------------------------------------------


def _break_entry(text: str, how: str) -> str:
    """The catalog file ``text`` with its first exercise broken ``how``."""
    first = text.index("[[exercise]]")
    head, rest = text[:first], text[first:]
    if how == "unknown value":
        return head + rest.replace('place = "floor"', 'place = "roof"', 1)
    if how == "missing field":
        return head + re.sub(r'\nid = "[^"]+"\n', "\n", rest, count=1)
    return head + rest.replace("[[exercise]]", "[[exercise]\n", 1)  # not TOML


@pytest.mark.parametrize("how, expected", [
    ("unknown value", "exercise 'supine-hamstring-opener': field 'place': unknown value 'roof'; "
                      "expected one of desk, standing, floor, equipment"),
    ("missing field", "exercise '#1': field 'id': is required"),
    ("not TOML", "cannot read catalog file: "),
])
def test_a_broken_catalog_entry_is_named_by_file_entry_and_field(capsys, tmp_path, monkeypatch, nothing_running,
                                                                 how, expected):
    catalog = tmp_path / "catalog"
    shutil.copytree(default_catalog_dir(), catalog)
    broken = catalog / "exercises-a.toml"
    broken.write_text(_break_entry(broken.read_text(encoding="utf-8"), how), encoding="utf-8")
    before = digest(broken)

    with pytest.raises(CatalogError) as raised:
        load_catalog(catalog)
    assert str(raised.value).startswith(f"{broken}: {expected}"), raised.value
    if how == "not TOML":
        assert "line 5" in str(raised.value)

    # Every command that needs the catalog says so in one line, no traceback.
    monkeypatch.setattr("deskbreak.core.content.catalog.default_catalog_dir", lambda: catalog)
    for argv in (("catalog",), ("--config-dir", str(tmp_path), "--data-dir", str(tmp_path), "routine", "list")):
        code, out, err = run_cli(capsys, *argv)
        assert (code, out) == (1, "")
        assert error_lines(err) == [f"deskbreak: {raised.value}"]
    assert digest(broken) == before


def test_the_app_refuses_to_start_on_a_broken_catalog_in_one_line(sandbox, tmp_path):
    catalog = tmp_path / "catalog"
    shutil.copytree(default_catalog_dir(), catalog)
    broken = catalog / "exercises-a.toml"
    broken.write_text(_break_entry(broken.read_text(encoding="utf-8"), "unknown value"), encoding="utf-8")
    script = ("import sys, pathlib, deskbreak.core.content.catalog as c; from deskbreak.cli import main; "
              f"c.default_catalog_dir = lambda: pathlib.Path({str(catalog)!r}); sys.exit(main(sys.argv[1:]))")
    done = subprocess.run([sys.executable, "-c", script, "--config-dir", str(sandbox.root / "c"),
                           "--data-dir", str(sandbox.root / "d"), "run"],
                          env=sandbox.env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"deskbreak: {broken}: exercise 'supine-hamstring-opener': field 'place'" in done.stderr


# -- routines.toml ----------------------------------------------------------------------------


def test_a_routines_file_that_is_not_toml_is_named_left_alone_and_never_saved_over(capsys, tmp_path, profile,
                                                                                  nothing_running):
    path = tmp_path / "config" / "routines.toml"
    original = '[sit-break]\nexercises = ["walk-around"]]\n'
    path.write_text(original, encoding="utf-8")
    code, out, err = run_cli(capsys, *profile, "routine", "list")
    assert code == 0 and out.startswith("sit-break ")
    [message] = error_lines(err)
    assert message.startswith(f"deskbreak: {path}: it is not valid TOML: ") and "line 2" in message
    assert message.endswith("using the default routines and leaving the file as it is for you to fix")

    # What the Routines page calls to save: refused, naming the file; the file is untouched.
    defaults = load_catalog()
    changed = dict(defaults.routines)
    with pytest.raises(UserRoutinesError, match=re.escape(f"could not save routines to {path}: it is not valid TOML")):
        save_user_routines(path, changed, defaults)
    assert path.read_text(encoding="utf-8") == original


def test_a_bad_routine_costs_that_routine_only_and_stays_in_the_file(capsys, tmp_path, profile, nothing_running):
    path = tmp_path / "config" / "routines.toml"
    path.write_text('[sit-break]\nexercises = ["walk-arund"]\n\n[pre-run-glutes]\nexercises = ["glute-bridge"]\n\n'
                    '[my-own]\nexercises = ["plank-variations"]\n', encoding="utf-8")
    code, out, err = run_cli(capsys, *profile, "routine", "show", "pre-run-glutes", "--json")
    assert code == 0
    assert {segment["exercise"] for segment in json.loads(out)["segments"]} == {"glute-bridge"}, "the good one applies"
    assert error_lines(err) == [
        f"deskbreak: {path}: routine 'sit-break': unknown exercise 'walk-arund' (did you mean 'walk-around'?); "
        "using the default routine",
        f"deskbreak: {path}: unknown routine 'my-own' (kept in the file, ignored); the file holds one table per "
        "routine: sit-break, pre-run-glutes, evening-back-care, runner-core-six, stability-ball-circuit",
    ]
    # Saving another routine keeps the broken table and the unknown one for the user to fix.
    defaults = load_catalog()
    loaded = load_user_routines(path, defaults)
    evening = defaults.routines["evening-back-care"]
    routines = {**loaded.catalog.routines,
                evening.id: with_routine_exercises(evening, evening.exercises[:2], evening.rotation)}
    save_user_routines(path, routines, defaults)
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["sit-break"] == {"exercises": ["walk-arund"]}
    assert saved["my-own"] == {"exercises": ["plank-variations"]}
    assert saved["pre-run-glutes"]["exercises"] == ["glute-bridge"]
    assert saved["evening-back-care"]["exercises"] == list(evening.exercises[:2])


# -- the calendar file -------------------------------------------------------------------------


def _ics(*events: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + "".join(events) + "END:VCALENDAR\r\n"


def _event(uid: str, summary: str, start: str) -> str:
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:{summary}\r\n"
            f"DTSTART:{start}\r\nDURATION:PT1H\r\nEND:VEVENT\r\n")


def test_a_calendar_that_is_not_icalendar_is_one_line_naming_it(capsys, tmp_path, profile, nothing_running):
    calendar = tmp_path / "plan.ics"
    calendar.write_bytes(b"BEGIN:VCALENDAR\r\nthis is no calendar\r\n\xff\xfe")
    before = digest(calendar)
    (tmp_path / "config" / "settings.toml").write_text(f'calendar_file = "{calendar}"\nruns = {{}}\n')
    code, out, err = run_cli(capsys, *profile, "runs", "--json")
    assert (code, out) == (1, "")
    [message] = error_lines(err)
    assert message.startswith(f"deskbreak: {calendar} ")
    assert "not a readable iCalendar file" in message or "holds no complete calendar" in message
    assert digest(calendar) == before


def test_a_broken_event_costs_that_event_and_the_rest_of_the_calendar_is_read(capsys, tmp_path, profile,
                                                                              nothing_running):
    tomorrow = (datetime.now().astimezone() + timedelta(days=1)).strftime("%Y%m%d")
    calendar = tmp_path / "plan.ics"
    calendar.write_text(_ics(_event("good@test", "Easy run", f"{tomorrow}T070000"),
                             _event("bad@test", "Tempo run", f"{tomorrow}T25:99:00")), newline="")
    before = digest(calendar)
    (tmp_path / "config" / "settings.toml").write_text(f'calendar_file = "{calendar}"\nruns = {{}}\n')
    code, out, err = run_cli(capsys, *profile, "runs", "--json")
    assert code == 0
    assert [run["summary"] for run in json.loads(out)] == ["Easy run"]
    [message] = error_lines(err)
    assert message.startswith(f"deskbreak: {calendar}: ") and "Tempo run" in message and "skipped" in message
    assert digest(calendar) == before


def _hostile_calendar(root: Path, kind: str) -> tuple[Path, str]:
    """A calendar_file that is a FIFO or a link to an endless device, and what deskbreak says of it."""
    path = root / "plan.ics"
    if kind == "fifo":
        os.mkfifo(path)
        return path, f"{path} is not a regular file (a named pipe)"
    path.symlink_to(kind)
    return path, f"{path} is not a regular file (a device)"


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "/dev/urandom"])
def test_runs_on_a_calendar_that_is_a_fifo_or_a_device_is_one_line_at_once(sandbox, kind):
    config, data = sandbox.root / "config", sandbox.root / "data"
    config.mkdir()
    calendar, said = _hostile_calendar(sandbox.root, kind)
    (config / "settings.toml").write_text(f'calendar_file = "{calendar}"\nruns = {{}}\n')
    done = sandbox.deskbreak(config, data, "runs")  # a hang fails on the timeout
    assert (done.returncode, done.stdout) == (1, "")
    assert error_lines(done.stderr) == [f"deskbreak: {said}"]


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_the_app_starts_and_answers_with_a_calendar_that_is_a_fifo_or_a_device(sandbox, kind):
    config, data = sandbox.root / "config", sandbox.root / "data"
    config.mkdir()
    calendar, said = _hostile_calendar(sandbox.root, kind)
    (config / "settings.toml").write_text(f'calendar_file = "{calendar}"\nruns = {{}}\n')
    process, stderr = sandbox.start(config, data)
    sandbox.started(process, stderr)
    log = sandbox.started(process, stderr, until=said)
    assert "keeping the runs and meetings read before" in log
    done = sandbox.deskbreak(config, data, "runs", "--json")
    assert (done.returncode, json.loads(done.stdout)) == (0, [])
    assert sandbox.quit(config, data, process) == 0
    assert "Traceback" not in stderr.read_text()


def test_runs_on_an_event_repeating_every_second_lists_the_rest_and_names_it_once(sandbox):
    config, data = sandbox.root / "config", sandbox.root / "data"
    config.mkdir()
    tomorrow = (datetime.now().astimezone() + timedelta(days=1)).strftime("%Y%m%d")
    calendar = sandbox.root / "plan.ics"
    calendar.write_text(_ics(_event("ping@test", "Ping", f"{tomorrow}T000000").replace(
                                 "DURATION:PT1H", "DURATION:PT1S\r\nRRULE:FREQ=SECONDLY"),
                             _event("run@test", "Easy run", f"{tomorrow}T070000")), newline="")
    (config / "settings.toml").write_text(f'calendar_file = "{calendar}"\nruns = {{}}\n')
    done = sandbox.deskbreak(config, data, "runs", "--json")
    assert done.returncode == 0
    assert [run["summary"] for run in json.loads(done.stdout)] == ["Easy run"]
    [message] = error_lines(done.stderr)
    assert message.startswith(f"deskbreak: {calendar}: event 'ping@test' ('Ping') skipped: it repeats more than")


# -- the history database -----------------------------------------------------------------------


def _newer_history(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE breaks (id INTEGER PRIMARY KEY, kind TEXT, outcome TEXT, mood TEXT)")
    connection.execute("INSERT INTO breaks (kind, outcome, mood) VALUES ('sit', 'completed', 'great')")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 7}")
    connection.commit()
    connection.close()


def test_a_history_that_is_not_sqlite_is_moved_aside_and_a_new_one_started(capsys, tmp_path, profile):
    from deskbreak.ui.startup import _open_history  # what run_app opens the history with

    path = tmp_path / "data" / "history.sqlite3"
    garbage = b"my notes, not a database\n" * 200
    path.write_bytes(garbage)

    # Reading never moves it: one line naming it and what is wrong.
    code, out, err = run_cli(capsys, *profile, "history")
    assert (code, out) == (1, "")
    assert error_lines(err) == [f"deskbreak: {path} is not a usable history database: file is not a database"]
    assert path.read_bytes() == garbage

    store, [problem] = _open_history(path, FakeClock(NOW))
    moved = path.with_name(f"history.sqlite3.bad-{STAMP}")
    try:
        assert problem == (f"{path} is not a usable history database: file is not a database; "
                           f"moved it to {moved} and started a new history")
        assert store.breaks() == []
        store.record_break("sit", "sit-break", NOW, NOW, NOW, "completed")
    finally:
        store.close()
    assert moved.read_bytes() == garbage


def test_a_history_from_a_newer_deskbreak_is_left_byte_for_byte(capsys, tmp_path, profile):
    from deskbreak.ui.startup import _open_history

    data = tmp_path / "data"
    path = data / "history.sqlite3"
    _newer_history(path)
    before = digest(path)
    expected = (f"{path} was written by a newer deskbreak (history version {SCHEMA_VERSION + 7}; this one knows "
                f"up to {SCHEMA_VERSION}); refusing to change it. Update deskbreak, or move the file away to "
                "start a new history.")

    code, out, err = run_cli(capsys, *profile, "history")
    assert (code, out) == (1, "") and error_lines(err) == [f"deskbreak: {expected}"]
    with pytest.raises(HistoryTooNewError):
        HistoryStore(path)
    store, problems = _open_history(path, FakeClock(NOW))
    assert store is None and problems == [f"{expected}; history is off for this run"]
    assert digest(path) == before
    assert sorted(p.name for p in data.iterdir()) == ["history.sqlite3"], "no -wal, -shm or journal either"


def test_the_app_starts_on_every_file_broken_at_once_and_names_each(sandbox):
    config, data = sandbox.root / "config", sandbox.root / "data"
    config.mkdir()
    data.mkdir()
    settings = config / "settings.toml"
    settings.write_bytes(b'sit_interval = "45m"\nnote = "caf\xe9"\n')
    routines = config / "routines.toml"
    routines.write_text("[sit-break\n")
    calendar = sandbox.root / "plan.ics"
    calendar.write_text("not a calendar\n")
    (config / "settings.toml.keep").write_bytes(settings.read_bytes())
    history = data / "history.sqlite3"
    history.write_bytes(b"not a database\n" * 100)
    # The calendar is named by a one-run override: the settings file is the one that is broken.
    process, stderr = sandbox.start(config, data, "--set", f"calendar_file={calendar}")
    sandbox.started(process, stderr)
    # The calendar is read off the UI thread: what it says may come just after "started".
    log = sandbox.started(process, stderr, until="keeping the runs and meetings read before")

    [kept_settings] = config.glob("settings.toml.bad-*")
    [kept_history] = data.glob("history.sqlite3.bad-*")
    assert f"{settings}: it is not UTF-8 text (byte 0xe9 on line 2); moved it to {kept_settings}" in log
    assert f"{routines}: it is not valid TOML: " in log and "(at line 1" in log
    assert f"{history} is not a usable history database: file is not a database; moved it to {kept_history}" in log
    assert f"{calendar} is not a readable iCalendar file: " in log
    assert "keeping the runs and meetings read before" in log
    # The user is told, not only the log: with no notification service here, the notice is logged.
    assert "deskbreak started; some of its files need a look: " in log
    assert json.loads(sandbox.deskbreak(config, data, "history", "--json").stdout) == []
    assert sandbox.quit(config, data, process) == 0
    assert "Traceback" not in stderr.read_text()
    # Nothing the user had is gone.
    assert kept_settings.read_bytes() == (config / "settings.toml.keep").read_bytes()
    assert routines.read_text() == "[sit-break\n" and calendar.read_text() == "not a calendar\n"
    assert kept_history.read_bytes() == b"not a database\n" * 100


def test_the_app_runs_without_history_beside_a_newer_one_and_never_touches_it(sandbox):
    config, data = sandbox.root / "config", sandbox.root / "data"
    data.mkdir(parents=True)
    history = data / "history.sqlite3"
    _newer_history(history)
    before = digest(history)
    process, stderr = sandbox.start(config, data)
    log = sandbox.started(process, stderr)
    assert f"{history} was written by a newer deskbreak" in log and "history is off for this run" in log
    done = sandbox.deskbreak(config, data, "break-now")
    assert done.returncode == 0, done.stderr
    done = sandbox.deskbreak(config, data, "skip")
    assert done.returncode == 0, done.stderr
    assert sandbox.quit(config, data, process) == 0
    assert digest(history) == before
    assert not [p.name for p in data.iterdir() if p.name.startswith("history.sqlite3") and p != history]


# -- read-only folders --------------------------------------------------------------------------


def test_a_read_only_config_folder_refuses_saves_by_name_and_keeps_the_settings(restricted_sandbox):
    box = restricted_sandbox
    config, data = box.root / "config", box.root / "data"
    config.mkdir()
    settings = config / "settings.toml"
    original = 'sit_interval = "45m"\nmy_note = "keep me"\n'
    settings.write_text(original)
    box.give_away()
    config.chmod(0o500)
    refused = f"deskbreak: could not save settings to {settings}: Permission denied"

    # Not running: the command line says why in one line; the file is as it was.
    done = box.deskbreak(config, data, "config", "set", "volume", "20")
    assert done.returncode == 2 and refused in done.stderr.splitlines(), done.stderr
    assert box.deskbreak(config, data, "config", "get", "sit_interval").stdout == "45m\n"

    # Running: the app reads the file, and a change sent to it is refused the same way.
    process, stderr = box.start(config, data)
    log = box.started(process, stderr)
    assert "sit-break every 45m" in log
    done = box.deskbreak(config, data, "config", "set", "volume", "20")
    assert done.returncode == 2 and refused in done.stderr.splitlines(), done.stderr
    assert box.quit(config, data, process) == 0
    assert settings.read_text() == original
    assert sorted(p.name for p in config.iterdir()) == ["settings.toml"]


def test_a_read_only_data_folder_turns_history_off_by_name_and_keeps_every_break(restricted_sandbox):
    box = restricted_sandbox
    config, data = box.root / "config", box.root / "data"
    history = data / "history.sqlite3"
    with HistoryStore(history) as store:
        store.record_break("sit", "sit-break", NOW, NOW, NOW + timedelta(minutes=3), "completed")
        store.record_break("sit", "sit-break", NOW + timedelta(minutes=30), None,
                           NOW + timedelta(minutes=30), "skipped")
    before = digest(history)
    box.give_away()
    data.chmod(0o500)

    process, stderr = box.start(config, data)
    log = box.started(process, stderr)
    assert (f"cannot open the history file in {history}: its folder {data} is read-only "
            "(SQLite needs to create its -wal and -shm files there); history is off for this run") in log
    # A break without a history is still a break.
    assert box.deskbreak(config, data, "break-now").returncode == 0
    assert box.deskbreak(config, data, "skip").returncode == 0
    assert box.quit(config, data, process) == 0
    assert "Traceback" not in stderr.read_text()

    # Every break is still there, and readable from the read-only folder.
    done = box.deskbreak(config, data, "history", "--json")
    assert done.returncode == 0, done.stderr
    assert [row["outcome"] for row in json.loads(done.stdout)] == ["completed", "skipped"]
    assert digest(history) == before
    assert sorted(p.name for p in data.iterdir()) == ["history.sqlite3"]


def test_a_new_history_in_a_read_only_data_folder_is_refused_by_name(restricted_sandbox):
    box = restricted_sandbox
    config, data = box.root / "config", box.root / "data"
    data.mkdir()
    box.give_away()
    data.chmod(0o500)
    process, stderr = box.start(config, data)
    log = box.started(process, stderr)
    assert f"cannot open the history file {data / 'history.sqlite3'}: " in log and "Permission denied" in log
    assert "history is off for this run" in log
    assert box.quit(config, data, process) == 0
    assert list(data.iterdir()) == []


# -- a full disk --------------------------------------------------------------------------------


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_full_disk_while_saving_settings_keeps_the_old_file_and_leaves_no_temporary_file(
        capsys, tmp_path, profile, nothing_running, monkeypatch, failing):
    path = tmp_path / "config" / "settings.toml"
    original = 'sit_interval = "45m"\nmy_note = "keep me"\n'
    path.write_text(original, encoding="utf-8")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    real_fsync = os.fsync

    def fsync(descriptor):
        # Only writing the new file fails (its flush to disk); syncing a folder is not a write.
        if os.path.isdir(f"/proc/self/fd/{descriptor}"):
            return real_fsync(descriptor)
        disk_full()

    monkeypatch.setattr(os, failing, fsync if failing == "fsync" else disk_full)
    code, out, err = run_cli(capsys, *profile, "config", "set", "volume", "20")
    assert code == 2
    assert error_lines(err)[-1] == f"deskbreak: could not save settings to {path}: No space left on device"

    # The app's own path (settings dialog, `config set` to the running app): refused, nothing applied.
    store, _ = SettingsStore.load(path, NOW)
    heard = []
    store.subscribe(heard.append)
    with pytest.raises(SettingsError, match=re.escape(f"could not save settings to {path}: No space left on device")):
        store.set("volume", 20)
    assert store.settings.volume == 60 and heard == []
    monkeypatch.undo()

    assert path.read_text(encoding="utf-8") == original
    # The lock file stays, empty, by design (core/files.py: file_lock).
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.toml", "settings.toml.lock"], \
        "no temporary file left behind"


def test_a_full_disk_while_recording_a_break_keeps_every_committed_break(tmp_path):
    path = tmp_path / "data" / "history.sqlite3"
    committed = []
    with HistoryStore(path) as store:
        for minute in range(3):
            at = NOW + timedelta(minutes=minute)
            committed.append(store.record_break("sit", "sit-break", at, at, at, "completed"))
        # The disk fills up: SQLite may not grow the file by a single page more (a limit of the
        # store's own connection, so it reaches in; a real full disk fails the same way, SQLITE_FULL).
        pages = store._connection.execute("PRAGMA page_count").fetchone()[0]
        store._connection.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(HistoryError) as raised:
            for minute in range(3, 500):
                at = NOW + timedelta(minutes=minute)
                break_id = store.start_break("sit", "sit-break", at, at, 3)
                committed.append(break_id)
                store.record_exercise(break_id, "walk-around", 30.0, True, at)
                store.finish_break(break_id, at, "completed", "a long note " * 50)
        assert str(raised.value).startswith("cannot ") and f" in {path}: database or disk is full" in str(
            raised.value), raised.value
        # Space comes back: the store goes on where it stopped.
        store._connection.execute("PRAGMA max_page_count = 1073741823")
        store.record_break("sit", "sit-break", NOW, NOW, NOW, "skipped")
    with HistoryStore.open_readonly(path) as store:
        ids = {record.id for record in store.breaks()}
    assert set(committed) <= ids and len(ids) == len(committed) + 1
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()


# -- ten launches at once ------------------------------------------------------------------------


def test_ten_launches_at_once_leave_exactly_one_deskbreak(sandbox):
    config, data = sandbox.root / "config", sandbox.root / "data"
    launches = [sandbox.start(config, data, name="launch") for _ in range(LAUNCHES)]
    deadline = time.monotonic() + 90
    while sum(process.poll() is None for process, _ in launches) > 1 and time.monotonic() < deadline:
        time.sleep(0.1)
    running = [(process, stderr) for process, stderr in launches if process.poll() is None]
    report = "\n\n".join(f"{stderr.name} ({process.poll()}):\n{stderr.read_text()}" for process, stderr in launches)
    assert len(running) == 1, report
    [(winner, winner_stderr)] = running
    sandbox.started(winner, winner_stderr)
    for process, stderr in launches:
        if process is not winner:
            text = stderr.read_text()
            assert process.returncode == 0 and ALREADY_RUNNING in text and STARTED not in text, report
    status = sandbox.deskbreak(config, data, "status")
    assert status.returncode == 0 and status.stdout.strip(), status.stderr
    assert sandbox.quit(config, data, winner) == 0
