"""kill -9 at random moments of a real deskbreak, over many break cycles: nothing the user had is lost.

The real app runs on the virtual desktop with an isolated profile and short
breaks, driven through the command line as a user would drive it (start a
break, skip it, postpone it, change settings, which the running app saves).
At a moment drawn from a seeded random generator, sometimes while it is
still starting, it gets SIGKILL: no handler runs, no file is closed. After
every kill:

* ``settings.toml``, when there is one, parses and holds values the user
  asked for: an atomic save leaves the old file or the new one, never half,
  and a temporary file never stands in for it;
* the history opens and holds every row committed before the kill, each
  finished row exactly as it was;
* the next start closes the breaks the kill left open as "missed" and is the
  only deskbreak on the profile (the kernel dropped the dead one's lock).

Set ``DESKBREAK_KILL9_SEED`` to replay a run; the seed is in every failure message.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import threading
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from deskbreak.core.history import INTERRUPTED_NOTE, HistoryStore

from .desktop import Process
from support.app_cli import deskbreak_cmd

SEED = int(os.environ.get("DESKBREAK_KILL9_SEED", "20261201"))
KILLS = 8
#: Share of the kills that land while the app is still starting (history opening, lock, tray).
KILLS_DURING_START = 0.25
#: How long a run may last before its kill, once started (several break cycles of 10 s fit).
RUN_SECONDS = (0.5, 6.0)
SIT_INTERVALS = ("10s", "11s", "12s")
STARTED = r"deskbreak: started "

# Short breaks: a sit-break every 10 s (the shortest allowed) with a 1 s notice;
# no runs, so no pre-run routine depends on the weekday; no skip limit, so
# skip always ends a break; time away never counts (the virtual desktop's idle time grows).
APP_OPTIONS = ("--sit-interval", "10s", "--prelude", "1s", "--set", "lead_in=1s", "--set", "runs=",
               "--set", "skip_budget=0", "--set", "postpone=10s", "--set", "natural_break=2h")


@dataclass
class Profile:
    root: Path
    seed: int
    #: Every value a `config set` asked for, per key: the file may hold any of them.
    #: (A save writes every setting, so the defaults of those never set count as asked.)
    asked: dict[str, set] = field(default_factory=lambda: {"sit_interval": {"30m"}, "volume": {60}})

    @property
    def settings(self) -> Path:
        return self.root / "config" / "settings.toml"

    @property
    def history(self) -> Path:
        return self.root / "data" / "history.sqlite3"

    def where(self) -> str:
        return f"(seed {self.seed}, profile {self.root})"


@dataclass(frozen=True)
class Kill:
    phase: str  # "start": within 0.8 s of the launch, likely still starting; "run": after it said it started
    after_s: float
    rows: int  # breaks in the history after the kill
    open_breaks: int  # of which left in progress, for the next start to close
    temporary_files: int  # of settings saves cut short (harmless: the settings file is whole)


def cli(desktop, profile: Profile, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(deskbreak_cmd(profile.root, *args), env=desktop.env, capture_output=True,
                          text=True, timeout=60)


def committed_rows(profile: Profile) -> dict[int, tuple[str | None, str]]:
    """Every break the history file holds now, by id: (outcome, note); read only, as `deskbreak history` reads."""
    if not profile.history.exists():
        return {}
    with HistoryStore.open_readonly(profile.history) as store:
        return {record.id: (record.outcome, record.note) for record in store.breaks()}


def integrity(path: Path) -> str:
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def app_processes(profile: Profile) -> list[int]:
    """Pids of deskbreak apps (not command-line calls) on this profile, found in /proc."""
    data_dir = str(profile.root / "data")
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")[:-1]
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:  # gone while we looked
            continue
        if state != "Z" and data_dir in argv and argv[-1] == "run":
            found.append(int(entry.name))
    return found


def check_files_after_kill(profile: Profile, before: dict[int, tuple[str | None, str]]) -> dict[int, tuple]:
    """The settings parse and the history holds every row of ``before``; returns the rows found."""
    where = profile.where()
    config = profile.settings.parent
    if profile.settings.exists():
        text = profile.settings.read_text(encoding="utf-8")
        values = tomllib.loads(text)  # raises on a torn file, with the line
        for key, asked in profile.asked.items():
            if key in values:
                assert values[key] in asked, f"{key} = {values[key]!r} was never asked for {where}\n{text}"
    if config.exists():
        names = sorted(p.name for p in config.iterdir())
        # A start that found the file broken would have moved it aside: it never may.
        assert not [n for n in names if ".bad-" in n], f"settings moved aside as broken: {names} {where}"
        # settings.toml.lock is the saves' lock file: it stays, since removing it would race a waiting save.
        kept = ("settings.toml", "settings.toml.lock")
        strays = [n for n in names if n not in kept and not (n.startswith(".settings.toml.") and n.endswith(".tmp"))]
        assert not strays, f"unexpected files in the config folder: {strays} {where}"
    if not profile.history.exists():
        assert not before, f"the history file is gone {where}"
        return {}
    assert integrity(profile.history) == "ok", where
    after = committed_rows(profile)
    assert len(after) >= len(before), f"{len(before)} rows before the kill, {len(after)} after {where}"
    for row_id, (outcome, note) in before.items():
        assert row_id in after, f"break {row_id} committed before the kill is gone {where}"
        if outcome is not None:
            assert after[row_id] == (outcome, note), f"break {row_id} changed by the kill {where}"
    return after


def start_app(desktop, profile: Profile) -> Process:
    return desktop.spawn(deskbreak_cmd(profile.root, *APP_OPTIONS, "run"), name="deskbreak")


def check_the_start_closed_what_the_kill_left_open(desktop, profile: Profile, left: dict[int, tuple]) -> None:
    """`deskbreak history --json` right after a start: no break from before it is still in progress."""
    rows = json.loads(cli(desktop, profile, "history", "--json").stdout)
    by_id = {row["id"]: row for row in rows}
    for row_id, (outcome, _note) in left.items():
        row = by_id.get(row_id)
        assert row is not None, f"break {row_id} lost at the restart {profile.where()}"
        if outcome is None:
            assert (row["outcome"], row["note"]) == ("missed", INTERRUPTED_NOTE), (row, profile.where())
        else:
            assert row["outcome"] == outcome, (row, profile.where())
    newest = max(left, default=0)
    still_open = [row for row in rows if row["outcome"] is None and row["id"] <= newest]
    assert not still_open, f"breaks left open by the kill are still open: {still_open} {profile.where()}"


def drive(desktop, profile: Profile, app: Process, rng: random.Random, seen: dict[int, tuple]) -> dict[int, tuple]:
    """Use the app through the command line until it dies; return the rows last seen committed."""
    while app.running():
        roll = rng.random()
        if roll < 0.35:
            cli(desktop, profile, "break-now")
        elif roll < 0.60:
            cli(desktop, profile, "skip")
        elif roll < 0.70:
            cli(desktop, profile, "postpone")
        elif roll < 0.85:
            value = rng.choice(SIT_INTERVALS)
            profile.asked["sit_interval"].add(value)
            cli(desktop, profile, "config", "set", "sit_interval", value)
        else:
            value = rng.randrange(0, 101)
            profile.asked["volume"].add(value)
            cli(desktop, profile, "config", "set", "volume", str(value))
        # Read while it runs: what is committed now must survive whatever comes next.
        snapshot = committed_rows(profile)
        if app.running():
            seen = snapshot
        time.sleep(rng.uniform(0.0, 0.2))
    return seen


def test_kill_9_at_random_moments_loses_nothing_and_the_next_start_closes_open_breaks(desktop, tmp_path):
    rng = random.Random(SEED)
    profile = Profile(tmp_path, SEED)
    # The first-run note is not what this test is about.
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "first-run-note-dismissed").write_text("dismissed\n")

    seen: dict[int, tuple] = {}
    left: dict[int, tuple] = {}
    kills = []
    for round_number in range(KILLS):
        app = start_app(desktop, profile)
        during_start = round_number > 0 and rng.random() < KILLS_DURING_START
        if during_start:
            delay = rng.uniform(0.05, 0.8)
        else:
            app.wait_for_output(STARTED, stream="stderr", timeout=30)
            check_the_start_closed_what_the_kill_left_open(desktop, profile, left)
            assert app_processes(profile) == [app.pid], f"not exactly one deskbreak {profile.where()}"
            seen = committed_rows(profile)
            delay = rng.uniform(*RUN_SECONDS)
        killer = threading.Timer(delay, os.kill, (app.pid, signal.SIGKILL))
        killer.start()
        try:
            seen = drive(desktop, profile, app, rng, seen)
            status = app.wait(timeout=30)
        finally:
            killer.cancel()
            killer.join()
        assert status == -signal.SIGKILL, f"round {round_number}: exited {status} before the kill {profile.where()}"
        assert app_processes(profile) == [], f"a deskbreak outlived kill -9 {profile.where()}"
        left = check_files_after_kill(profile, seen)
        kills.append(Kill("start" if during_start else "run", round(delay, 2), len(left),
                          sum(outcome is None for outcome, _ in left.values()),
                          len(list(profile.settings.parent.glob(".settings.toml.*.tmp")))))
        seen = left

    # The last start: it closes what the last kill left, then quits cleanly.
    app = start_app(desktop, profile)
    app.wait_for_output(STARTED, stream="stderr", timeout=30)
    check_the_start_closed_what_the_kill_left_open(desktop, profile, left)
    assert app_processes(profile) == [app.pid], f"not exactly one deskbreak {profile.where()}"
    cli(desktop, profile, "break-now")  # quit must settle a break under way too
    done = cli(desktop, profile, "quit")
    assert done.returncode == 0, done.stderr
    assert app.wait(timeout=15) == 0
    rows = committed_rows(profile)
    assert rows and all(outcome is not None for outcome, _ in rows.values()), (rows, profile.where())
    assert len(rows) >= len(left)
    if profile.settings.exists():
        tomllib.loads(profile.settings.read_text(encoding="utf-8"))
    assert "Traceback" not in app.stderr()
    print(f"seed {SEED}:", *kills, sep="\n  ")
    # The kills really were spread over starts and runs, over break cycles with history.
    assert any(kill.phase == "run" for kill in kills), kills
    assert any(kill.open_breaks for kill in kills), f"no kill left a break in progress: {kills}"
    assert len(rows) >= KILLS // 2, f"too few breaks for a test of many break cycles: {len(rows)} {kills}"
