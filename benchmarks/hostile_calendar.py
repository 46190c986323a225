"""What a hostile calendar file costs: time and peak memory of `deskbreak runs` and of the core read.

Issue 16 measured, before the fix: an event repeating every second 61 s and
1.95 GB, 100,000 events 24 s and 402 MB, an event repeating every minute for
ten years 12.5 s; a FIFO hung for ever and /dev/zero ended in a MemoryError.
The target is 2 s and 200 MB for each. This script writes those files (and
two more: 100,000 events all inside the days read, and a 21 MB file), then
for each runs in a fresh process

* the core read (``read_calendar`` for the app's window, yesterday to two
  weeks ahead; the time is the call's, after imports), and
* ``deskbreak runs --json`` on a profile whose ``calendar_file`` is the file
  (the time is the whole command's, from exec to exit),

and prints wall time, CPU time (user + system) and peak RSS
(``ru_maxrss`` of that process, from ``os.wait4``). "empty" is a calendar
with one event: what the interpreter and the libraries cost by themselves.
The machine may be shared: the CPU time is the steadier figure.

    .venv/bin/python benchmarks/hostile_calendar.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 120
MB = 1024  # ru_maxrss is in KiB on Linux

CORE_READ = """
import json, resource, sys, time
from datetime import datetime, timedelta
from deskbreak.core.scheduling.calendar import CalendarError, read_calendar
now = datetime.now().astimezone()
started, cpu = time.perf_counter(), time.process_time()
try:
    # The app's window (shell/calendar_source.py): yesterday to two weeks ahead.
    read = read_calendar(sys.argv[1], start=now - timedelta(days=1), end=now + timedelta(days=15),
                         local_tz=now.tzinfo)
    outcome = f"{len(read.events)} events, {read.skipped} skipped, {len(read.problems)} problem lines"
except CalendarError as error:
    outcome = f"refused: {error}"
print(json.dumps({"call_s": time.perf_counter() - started, "call_cpu_s": time.process_time() - cpu,
                  "outcome": outcome}))
"""


def ics(*events: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//deskbreak//hostile calendar benchmark//EN\r\n" + "".join(
        events) + "END:VCALENDAR\r\n"


def vevent(uid: str, summary: str, start: datetime, *lines: str) -> str:
    extra = "".join(f"{line}\r\n" for line in lines)
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20250101T000000Z\r\nSUMMARY:{summary}\r\n"
            f"DTSTART:{start:%Y%m%dT%H%M%SZ}\r\n{extra}END:VEVENT\r\n")


def make_files(folder: Path, now: datetime) -> dict[str, Path]:
    """The hostile files of issue 16, and a few more, in ``folder``.

    Run in a process of its own (``--write``): a child's peak RSS counts
    the memory of the parent it was forked from, which must stay small.
    """
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    run = vevent("run@bench", "Easy run", today + timedelta(days=1, hours=17), "DURATION:PT45M")
    texts = {
        "empty": ics(run),
        "every second": ics(vevent("ping@bench", "Ping", today, "DURATION:PT1S", "RRULE:FREQ=SECONDLY"), run),
        "every minute, 10 years": ics(vevent("tick@bench", "Tick", today - timedelta(days=3652), "DURATION:PT30S",
                                             "RRULE:FREQ=MINUTELY"), run),
        # 100,000 hourly meetings around today, written as an export writes them.
        "100,000 events": ics(*(vevent(f"meeting-{n}@bench", f"Meeting {n}", start, f"DTEND:{start + timedelta(minutes=30):%Y%m%dT%H%M%SZ}")
                                for n in range(100_000)
                                for start in [today - timedelta(hours=50_000 - n)]), run),
        # The same number inside the days read: what the line limit is for.
        "100,000 events in 2 weeks": ics(*(vevent(f"crowd-{n}@bench", f"Crowd {n}", today + timedelta(seconds=12 * n),
                                                  "DURATION:PT10M") for n in range(100_000)), run),
    }
    paths = {}
    for name, text in texts.items():
        path = folder / (name.replace(" ", "-").replace(",", "") + ".ics")
        path.write_text(text, encoding="utf-8", newline="")
        paths[name] = path
    huge = folder / "21-MB.ics"
    with open(huge, "wb") as file:
        file.truncate(21 * 1024 * 1024)
    paths["21 MB file"] = huge
    fifo = folder / "fifo.ics"
    os.mkfifo(fifo)
    paths["FIFO"] = fifo
    for device in ("/dev/zero", "/dev/urandom"):
        link = folder / f"{Path(device).name}.ics"
        link.symlink_to(device)
        paths[f"link to {device}"] = link
    return paths


def run_child(command: list[str], env: dict[str, str]) -> dict:
    """``command`` in a fresh process: wall time, CPU time and peak RSS from ``os.wait4``, and its output."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=err, cwd=ROOT)
        deadline = started + TIMEOUT_S
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
                break
            if time.perf_counter() > deadline:
                process.kill()  # our own child, by its pid
                process.wait()
                return {"timeout": True}
            time.sleep(0.01)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / MB,
                "code": process.returncode, "out": out.read().decode(errors="replace"),
                "err": err.read().decode(errors="replace")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    parser.add_argument("--write", type=Path, help=argparse.SUPPRESS)  # the child that writes the files
    args = parser.parse_args()
    if args.write:
        print(json.dumps({name: str(path) for name, path in make_files(args.write, datetime.now(timezone.utc)).items()}))
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="deskbreak-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "DESKBREAK_CONFIG_DIR", "DESKBREAK_DATA_DIR")}
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(folder))
    try:
        written = subprocess.run([sys.executable, __file__, "--write", str(folder)], env=env, check=True,
                                 capture_output=True, text=True)
        paths = {name: Path(path) for name, path in json.loads(written.stdout).items()}
        print(f"{'':<26} {'':>8} | {'core read (the call)':<28} | {'deskbreak runs --json':<28} |")
        print(f"{'file':<26} {'size':>8} | {'wall':>10} {'cpu':>7} {'peak RSS':>8} | {'wall':>10} {'cpu':>7} "
              f"{'peak RSS':>8} | outcome of the core read")
        for name, path in paths.items():
            size = path.stat().st_size if path.is_file() and not path.is_symlink() else 0
            core = run_child([sys.executable, "-c", CORE_READ, str(path)], env)
            config = folder / f"profile-{len(list(folder.glob('profile-*')))}"
            config.mkdir()
            (config / "settings.toml").write_text(f'calendar_file = "{path}"\nruns = {{}}\n', encoding="utf-8")
            # A data folder that does not exist: no deskbreak runs there, so `runs` reads the file itself.
            runs = run_child([sys.executable, "-m", "deskbreak", "--config-dir", str(config), "--data-dir",
                              str(config / "no-data"), "runs", "--json"], env)
            print(row(name, size, core, runs))
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def row(name: str, size: int, core: dict, runs: dict) -> str:
    """One line of the table: the file, the core read's figures, `deskbreak runs`' figures, what came of it."""
    size_text = f"{size / 1e6:.1f} MB" if size else "-"
    if core.get("code") == 0:
        reported = json.loads(core["out"])
        core_text = figures(reported["call_s"], reported["call_cpu_s"], core["rss_mb"])
        outcome = reported["outcome"]
    else:
        core_text, outcome = figures(None), "core read: " + (core.get("err", "").strip()[-80:] or "timed out")
    if runs.get("timeout"):
        runs_text = figures(None)
    else:
        runs_text = figures(runs["wall_s"], runs["cpu_s"], runs["rss_mb"])
        if runs["code"] != 0:
            outcome += f"; runs exits {runs['code']}"
    return f"{name:<26} {size_text:>8} | {core_text} | {runs_text} | {outcome}"


def figures(wall: float | None, cpu: float = 0.0, rss_mb: float = 0.0) -> str:
    if wall is None:
        return f"{'timed out':>10} {'':>7} {'':>8}"
    return f"{wall:>8.2f} s {cpu:>5.2f} s {rss_mb:>5.0f} MB"


if __name__ == "__main__":
    main()
