"""A large history import while the app records breaks: how long the write lock is held, how the app answers.

Writes an export of ``--rows`` breaks (200,000 by default; each sit-break
with three exercises in its log, about one in five time away without any),
then, in one temporary profile:

* the app: the real :class:`~deskbreak.ui.app.DeskbreakApp` in this process
  (offscreen Qt, wired as the tests wire it, on a fake clock so breaks can be
  started and ended at will) with its control socket listening as
  ``ui/startup.py`` makes it listen. Every ``--break-every`` seconds it starts
  a break, skips one exercise and ends it, as a user would: three history
  writes per break;
* ``deskbreak history --import`` in a process of its own, exactly as a user
  runs it, on the same profile;
* a probe process that tries to take the history's write lock every
  millisecond (``BEGIN IMMEDIATE`` with no busy wait, rolled back at once)
  and records each stretch during which it could not: the longest stretch is
  at least the longest single transaction of anyone (two transactions with
  less than the probe's interval between them count as one);
* a client process that asks the app for ``status`` over its socket, a new
  connection every 50 ms, as ``deskbreak status`` does, and times each reply.

Then prints: the import's time and peak memory (its own ``ru_maxrss``), the
write lock's stretches (longest, 99th percentile, median, count), the status
replies' latency during the import (longest, 99th percentile, median, count,
those over 200 ms) and, for comparison, over the same breaks before the
import starts, and whether every break the app began is in the history,
finished. Numbers only; it never fails on them.

    .venv/bin/python benchmarks/import_while_recording.py            # 200,000 rows
    .venv/bin/python benchmarks/import_while_recording.py --rows 20000
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer, qInstallMessageHandler  # noqa: E402
from PySide6.QtGui import QIcon  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from deskbreak.adapters.notify import NotifierChain  # noqa: E402
from deskbreak.core import commands as cmd  # noqa: E402
from deskbreak.core.content.catalog import load_catalog  # noqa: E402
from deskbreak.core.clock import FakeClock  # noqa: E402
from deskbreak.core.history import BreakRecord, ExerciseRecord, HistoryStore  # noqa: E402
from deskbreak.core.history.csv_io import write_csv  # noqa: E402
from deskbreak.core.settings import Settings  # noqa: E402
from deskbreak.core.settings.store import SettingsStore  # noqa: E402
from deskbreak.ui.app import DeskbreakApp  # noqa: E402
from deskbreak.shell.control import answer  # noqa: E402
from deskbreak.shell.instance import SingleInstance  # noqa: E402

# The imported breaks are years before the app's own, so the two never mix.
IMPORTED_FROM = datetime(2000, 1, 3, 9, 0, tzinfo=timezone(timedelta(hours=1)))
APP_FROM = datetime(2030, 1, 7, 9, 0, tzinfo=timezone.utc)
STATUS_EVERY_S = 0.05
SLOW_STATUS_MS = 200
# Breaks recorded before the import starts: the app's latency without it, for comparison.
BREAKS_BEFORE = 5

LOCK_PROBE = r"""
import json, sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
stretches, busy_since, tries = [], None, 0
while True:
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
        if busy_since is not None:
            stretches.append(time.monotonic() - busy_since)
            busy_since = None
    except sqlite3.OperationalError:
        if busy_since is None:
            busy_since = time.monotonic()
    tries += 1
    if tries % 100 == 0 and open(sys.argv[2]).read() == "stop":
        break
    time.sleep(0.001)
print(json.dumps(stretches))
"""

# `python -m deskbreak ARGS`, then its own peak memory on the last line of stderr.
IMPORTER = r"""
import resource, sys
from deskbreak.cli import main
code = main(sys.argv[1:])
print("peak RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""

STATUS_CLIENT = r"""
import json, socket, sys, time
replies = []
while open(sys.argv[3]).read() != "stop":
    began = time.monotonic()
    try:
        with socket.socket(socket.AF_UNIX) as client:
            client.settimeout(30)
            client.connect(sys.argv[1])
            client.sendall(b'{"command": "status"}\n')
            data = b""
            while not data.endswith(b"\n"):
                chunk = client.recv(65536)
                if not chunk:
                    break
                data += chunk
        ok = json.loads(data)["ok"] or "not ok"
    except (OSError, ValueError) as error:
        ok = repr(error)
    replies.append((began, time.monotonic() - began, ok))
    time.sleep(float(sys.argv[2]))
print(json.dumps(replies))
"""


def write_export(path: Path, rows: int) -> int:
    """An export of ``rows`` breaks, a steady user's, every 30 minutes; returns its size in bytes."""
    records = []
    for number in range(rows):
        shown = IMPORTED_FROM + timedelta(minutes=30 * number)
        if number % 5 == 4:
            records.append(BreakRecord(0, "natural", None, None, shown, shown + timedelta(minutes=12), "natural",
                                       "away from the desk for 12 min"))
            continue
        exercises = tuple(
            ExerciseRecord(0, 0, exercise, 30.0, True, shown + timedelta(seconds=30 * (step + 1)))
            for step, exercise in enumerate(("walk-around", "shoulder-circles", "split-hip-stretch")))
        records.append(BreakRecord(0, "sit", "sit-break", shown - timedelta(seconds=20), shown,
                                   shown + timedelta(minutes=2), "completed", "", exercises, 3))
    with path.open("w", encoding="utf-8", newline="") as stream:
        write_csv(records, stream)
    return path.stat().st_size


def summary_ms(seconds: list[float]) -> str:
    if not seconds:
        return "none"
    ordered = sorted(seconds)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (f"longest {max(ordered) * 1000:7.1f} ms, p99 {p99 * 1000:7.1f} ms, "
            f"median {statistics.median(ordered) * 1000:6.1f} ms, {len(ordered)} of them")


class BreakTaker:
    """Starts a break, skips an exercise and ends it, one step per timer shot, as a user would."""

    def __init__(self, app: DeskbreakApp, clock: FakeClock, every_s: float) -> None:
        self.app, self.clock = app, clock
        self.started = 0
        self.timer = QTimer()
        self.timer.setInterval(int(every_s * 1000 / 3))
        self.timer.timeout.connect(self._step)
        self._next = 0

    def _step(self) -> None:
        self.clock.advance(10)  # past the window's key guard
        if self._next == 0:
            self.app.run_command(cmd.StartBreak())
            self.started += 1
        elif self._next == 1 and self.app.window is not None:
            self.app.window.skip_exercise()
        elif self.app.window is not None:
            self.app.window.end_break()
        self._next = (self._next + 1) % 3


def run(rows: int, break_every_s: float, folder: Path) -> None:
    export = folder / "export.csv"
    began = time.monotonic()
    size = write_export(export, rows)
    print(f"export: {rows} breaks, {size / 2**20:.1f} MB, written in {time.monotonic() - began:.1f} s")

    data_dir, config_dir = folder / "data", folder / "config"
    history_path = data_dir / "history.sqlite3"
    qapp = QApplication.instance() or QApplication([])
    clock = FakeClock(APP_FROM)
    app = DeskbreakApp(
        store=SettingsStore(config_dir / "settings.toml", Settings.defaults().with_values(lead_in="1s", runs={})),
        catalog=load_catalog(), clock=clock, history=HistoryStore(history_path), notifier=NotifierChain([]),
        idle=type("AtTheDesk", (), {"name": "benchmark", "idle_seconds": lambda self: 0.0})(),
        alarm=type("NoAlarm", (), {"start": lambda *a: None, "wake_at": lambda *a: None,
                                    "stop": lambda *a: None})(),
        icons={"normal": QIcon(), "paused": QIcon(), "overdue": QIcon()},
    )
    write_waits = _time_the_writes(app)
    lost: list[str] = []
    logging.getLogger("deskbreak").addHandler(_ListHandler(lost))
    instance = SingleInstance(data_dir)
    instance.try_acquire()
    server = instance.serve(partial(answer, app), qapp)
    app.start()

    stop_file = folder / "stop"
    stop_file.write_text("")
    probe = subprocess.Popen([sys.executable, "-c", LOCK_PROBE, str(history_path), str(stop_file)],
                             stdout=subprocess.PIPE, text=True)
    client = subprocess.Popen([sys.executable, "-c", STATUS_CLIENT, instance.server_name, str(STATUS_EVERY_S),
                               str(stop_file)], stdout=subprocess.PIPE, text=True)
    taker = BreakTaker(app, clock, break_every_s)
    taker.timer.start()
    importer: dict = {}

    def start_import() -> None:
        importer["began"] = time.monotonic()
        importer["process"] = subprocess.Popen(
            [sys.executable, "-c", IMPORTER,
             "--config-dir", str(config_dir), "--data-dir", str(data_dir), "history", "--import", str(export)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)})

    def check_import() -> None:
        process = importer.get("process")
        if process is not None and process.poll() is not None and "ended" not in importer:
            importer["ended"] = time.monotonic()
            # A few more breaks after the import, then the probes stop, then the app
            # (still answering the client's last request).
            QTimer.singleShot(int(break_every_s * 2000), lambda: stop_file.write_text("stop"))
        if stop_file.read_text() == "stop" and client.poll() is not None and probe.poll() is not None:
            qapp.quit()

    QTimer.singleShot(int(break_every_s * 1000 * BREAKS_BEFORE), start_import)
    watcher = QTimer()
    watcher.setInterval(20)
    watcher.timeout.connect(check_import)
    watcher.start()
    qapp.exec()
    taker.timer.stop()
    watcher.stop()

    replies = json.loads(client.communicate(timeout=60)[0])
    stretches = json.loads(probe.communicate(timeout=60)[0])
    out, err = importer["process"].communicate()
    app.shutdown()  # records a break under way as missed, and writes what is still to be written
    server.close()
    instance.release()

    *said, peak = err.splitlines() or [""]
    print(f"import: {importer['ended'] - importer['began']:.1f} s (the whole command), "
          f"peak RSS {int(peak.split()[-1]) / 1024:.0f} MB, exit {importer['process'].returncode}: {out.strip()}")
    for line in said:
        print(f"  import said: {line}")
    print(f"write lock unavailable: {summary_ms(stretches)}")
    during = [latency for at, latency, _ in replies if importer["began"] <= at <= importer["ended"]]
    before = [latency for at, latency, _ in replies if at < importer["began"]]
    print(f"status during the import: {summary_ms(during)}, "
          f"{sum(latency * 1000 > SLOW_STATUS_MS for latency in during)} over {SLOW_STATUS_MS} ms")
    print(f"status before the import:  {summary_ms(before)}")
    for at, latency, problem in replies:
        if problem is not True:
            print(f"status asked {at - importer['began']:+.1f} s from the import's start: {problem} "
                  f"after {latency:.1f} s")
    print(f"app's history writes, queued to committed: {summary_ms(write_waits)}")

    with HistoryStore.open_readonly(history_path) as store:
        own = store.breaks(APP_FROM)
    unfinished = [record for record in own if record.outcome is None]
    print(f"breaks the app began: {taker.started}; in the history: {len(own)}, unfinished {len(unfinished)}; "
          f"lost {taker.started - len(own)}")
    for line in lost:
        print(f"  app log: {line}")


def _time_the_writes(app: DeskbreakApp) -> list[float]:
    """Seconds from each history write queued by the app to its commit, as they happen.

    None (reported as none) for a deskbreak that wrote on its own thread, before the history writer.
    """
    waits: list[float] = []
    writer = getattr(app, "history_writer", None)
    if writer is None:
        return waits
    submit = writer.submit

    def timed_submit(what, write):
        queued = time.monotonic()
        future = submit(what, write)
        future.add_done_callback(lambda _: waits.append(time.monotonic() - queued))
        return future

    writer.submit = timed_submit
    return waits


class _ListHandler(logging.Handler):
    def __init__(self, lines: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.lines = lines

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000, help="breaks in the imported file (200000)")
    parser.add_argument("--break-every", type=float, default=1.0, metavar="SECONDS",
                        help="a break begun and ended this often (1.0)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary profile and print where")
    args = parser.parse_args()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    # The offscreen platform says so for every window shown; it is not news here.
    qInstallMessageHandler(lambda kind, context, message: None if message.startswith("This plugin does not support")
                           else print(message, file=sys.stderr))
    folder = Path(tempfile.mkdtemp(prefix="deskbreak-import-bench-"))
    run(args.rows, args.break_every, folder)
    if args.keep:
        print(f"profile kept in {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
