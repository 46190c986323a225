"""How fast five years of history open, load and turn into statistics.

Seeds a history in a temporary folder as a steady user would leave it after
``--years`` years (default 5): a sit-break prompted every 30 minutes from 9:00
to 17:00 on weekdays, some postponed, skipped, partly done, or replaced by time
away from the desk; a pre-run routine three times a week; the odd evening
routine; about four exercises per break taken. Times are written in
Europe/Berlin, so the file crosses every DST change of those years.

Then prints, in milliseconds (wall and CPU; the fastest of three where it
repeats): opening the store (read-write as the app does,
read-only as ``deskbreak stats`` does), ``HistoryStore.breaks()`` for all of
it, :func:`compute_stats` for this week, this month and everything, the
whole ``deskbreak stats --json`` command; and the history window's first
paint, read at once and as the app opens it (the rest read on the history
writer's thread), with the time until everything is shown and the longest
the GUI thread stood still meanwhile (medians; see :func:`time_window`).
It prints numbers and never fails on them.

    .venv/bin/python benchmarks/history_stats.py [--years 5] [--window-runs 7] [--window-only] [--json]

Seeding writes through SQLite directly, in one transaction: writing forty
thousand breaks one committed transaction each (as the app does, one at a
time) would take minutes and measure nothing this benchmark is about.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from deskbreak.core.content.catalog import TARGETS, load_catalog
from deskbreak.core.history import HistoryStore
from deskbreak.core.settings import Settings
from deskbreak.core.history.stats import compute_stats

ZONE = ZoneInfo("Europe/Berlin")
PRERUN_WEEKDAYS = (0, 2, 4)  # Monday, Wednesday, Friday
EVENING_WEEKDAYS = (1, 3)
REPEAT = 3  # the fastest of three: the least disturbed by whatever else runs


def seed(path: Path, years: int, today: date) -> tuple[int, int]:
    """Write the history; returns (breaks, exercises) written."""
    HistoryStore(path).close()  # the schema, exactly as the app creates it
    rng = random.Random(20261120)
    catalog = load_catalog()
    routine_of = {kind: next(r for r in catalog.routines.values() if r.kind == kind)
                  for kind in ("sit", "prerun", "evening")}
    breaks: list[tuple] = []
    exercises: list[tuple] = []

    def stamp(moment: datetime | None) -> str | None:
        return moment and moment.isoformat(timespec="milliseconds")

    def add(kind: str, due: datetime | None, shown: datetime | None, outcome: str, exercise_ids=()) -> None:
        break_id = len(breaks) + 1
        at = shown or due  # a missed break was never shown
        for n, exercise_id in enumerate(exercise_ids):
            # A partial break leaves its last exercise part way.
            cut_short = outcome == "partial" and n == len(exercise_ids) - 1
            seconds = rng.uniform(20, 90) * (0.4 if cut_short else 1)
            at += timedelta(seconds=seconds + 5)
            exercises.append((break_id, exercise_id, seconds, not cut_short, stamp(at)))
        routine = routine_of.get(kind)
        breaks.append((break_id, kind, routine.id if routine else None, stamp(due), stamp(shown),
                       stamp(at + timedelta(seconds=10)), outcome, "", len(exercise_ids) or None))

    def sit_exercises(number: int) -> list[str]:
        routine = routine_of["sit"]
        return list(routine.exercises) + list(routine.rotation[number % len(routine.rotation)])

    day = today - timedelta(days=365 * years)
    while day <= today:
        weekday = day.weekday()
        if weekday < 5 and rng.random() > 0.06:  # a holiday or a day off now and then
            for number in range(17):  # 9:00 .. 17:00
                due = datetime(day.year, day.month, day.day, 9, tzinfo=ZONE) + timedelta(minutes=30 * number)
                shown = due
                for _ in range(rng.choice((0, 0, 0, 0, 0, 0, 1, 1, 2))):
                    add("sit", due, shown, "postponed")
                    shown += timedelta(minutes=10)
                roll = rng.random()
                if roll < 0.08:
                    add("natural", None, shown - timedelta(minutes=12), "natural")
                    add("sit", due, shown, "skipped")
                elif roll < 0.18:
                    add("sit", due, shown, "skipped")
                elif roll < 0.28:
                    taken = sit_exercises(number)
                    add("sit", due, shown, "partial", taken[: rng.randint(1, len(taken) - 1)])
                elif roll < 0.30:
                    add("sit", due, None, "missed")
                else:
                    add("sit", due, shown, "completed", sit_exercises(number))
        if weekday in PRERUN_WEEKDAYS:
            due = datetime(day.year, day.month, day.day, 17, 40, tzinfo=ZONE)
            outcome = rng.choices(("completed", "partial", "skipped"), (8, 1, 1))[0]
            planned = list(routine_of["prerun"].exercises)
            add("prerun", due, due, outcome, planned if outcome == "completed" else planned[:2] if
                outcome == "partial" else ())
        if weekday in EVENING_WEEKDAYS and rng.random() < 0.5:
            shown = datetime(day.year, day.month, day.day, 21, tzinfo=ZONE)
            add("evening", None, shown, "completed", list(routine_of["evening"].exercises)[:4])
        day += timedelta(days=1)

    connection = sqlite3.connect(path, isolation_level=None)
    try:
        # Older schemas have no planned_exercises column; newer columns (sore_back) keep their defaults.
        columns = [row[1] for row in connection.execute("PRAGMA table_info(breaks)")][:len(breaks[0])]
        width = len(columns)
        connection.execute("BEGIN")
        connection.executemany(
            f"INSERT INTO breaks ({', '.join(columns)}) VALUES ({', '.join('?' * width)})",
            [row[:width] for row in breaks])
        connection.executemany(
            "INSERT INTO exercises_done (break_id, exercise_id, seconds, completed, done_at) VALUES (?, ?, ?, ?, ?)",
            exercises)
        connection.execute("COMMIT")
    finally:
        connection.close()
    return len(breaks), len(exercises)


def timed(label: str, action, repeat: int = 1):
    """Run ``action`` ``repeat`` times; print the fastest run's wall and CPU time; return its result.

    CPU time is printed too because the machines this runs on are shared:
    a busy neighbour stretches the wall time, much less the CPU time.
    """
    best = None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = action()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        best = (wall, cpu) if best is None or wall < best[0] else best
    print(f"{label:<34} {best[0] * 1000:8.1f} ms  (cpu {best[1] * 1000:7.1f} ms)")
    return result


def quietly(action):
    """``action`` with its standard output thrown away."""
    def run():
        with contextlib.redirect_stdout(io.StringIO()):
            return action()
    return run


def stats_for(records, first: date, today: date, targets_of):
    return compute_stats(records, first=first, last=today, targets_of=targets_of, all_targets=TARGETS,
                         goal_percent=80, neglect_days=3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--window-runs", type=int, default=7,
                        help="windows opened each way; the medians are printed (default 7)")
    parser.add_argument("--window-only", action="store_true", help="only the history window's figures")
    parser.add_argument("--json", action="store_true",
                        help="end with one line of JSON: the window's medians (benchmarks/footprint.py reads it)")
    args = parser.parse_args()
    today = datetime.now(ZONE).date()

    with tempfile.TemporaryDirectory(prefix="deskbreak-bench-") as folder:
        path = Path(folder) / "history.sqlite3"
        started = time.perf_counter()
        count, exercise_count = seed(path, args.years, today)
        print(f"seeded {count} breaks, {exercise_count} exercises over {args.years} years "
              f"({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
        if not args.window_only:
            time_store_and_stats(path, folder, today)
        figures = time_window(path, today, args.window_runs)
        figures.update(breaks=count, years=args.years)
        if args.json:
            print(json.dumps(figures))


def time_store_and_stats(path: Path, folder: str, today: date) -> None:
    catalog = load_catalog()
    targets_of = {exercise.id: exercise.targets for exercise in catalog.exercises.values()}
    timed("open (read-write, migrated)", lambda: HistoryStore(path)).close()
    store = timed("open (read-only)", lambda: HistoryStore.open_readonly(path))
    with store:
        records = timed("breaks() all", store.breaks, REPEAT)
        week = timed("compute_stats this week", lambda: stats_for(
            records, today - timedelta(days=today.weekday()), today, targets_of), REPEAT)
        timed("compute_stats this month", lambda: stats_for(records, today.replace(day=1), today, targets_of),
              REPEAT)
        everything = timed("compute_stats all", lambda: stats_for(
            records, records[0].moment.date(), today, targets_of), REPEAT)
    print(f"  (streak {week.streak.current}, best {week.streak.best}; {len(everything.days)} days, "
          f"{len(everything.weeks)} weeks)")

    from deskbreak.cli import main as cli_main

    profile = ["--data-dir", folder, "--config-dir", folder]
    timed("deskbreak stats --json (week)", quietly(lambda: cli_main([*profile, "stats", "--json"])), REPEAT)
    timed("deskbreak stats --json (all)", quietly(lambda: cli_main(
        [*profile, "stats", "--json", "--since", records[0].moment.date().isoformat()])), REPEAT)


# -- the history window ------------------------------------------------------------


def time_window(path: Path, today: date, runs: int) -> dict:
    """The window opened ``runs`` times each way; prints and returns the medians, in ms.

    * at once: everything read and worked out on the GUI thread before the
      window shows (how every window opened before issue 19; tests still
      open it so): to its first paint.
    * as the app opens it: this week read on the GUI thread, the rest on the
      history writer's thread. To the first paint; to everything shown;
      the longest the GUI thread's event loop stood still meanwhile (a 5 ms
      timer's longest gap, the read's delivery included); the breaks read
      on the GUI thread before the first paint (a count).

    On the X display when ``DISPLAY`` is set (footprint.py runs it on its
    virtual desktop), else offscreen. The first window of each kind is not
    counted: it loads the fonts and the catalog.
    """
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from deskbreak.core.history.writer import HistoryWriter
    from deskbreak.ui.history_window import HistoryWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    catalog, settings = load_catalog(), Settings.defaults()
    at_once, first_paint, everything, stall, gui_reads = [], [], [], [], []
    with HistoryStore(path) as store:
        writer = HistoryWriter.for_file(path)
        try:
            for run in range(runs + 1):
                paint_ms, _ = open_window(app, lambda: HistoryWindow(store, catalog, settings, today))
                with CountedReads() as reads:
                    paint_ms_loading, (loaded_ms, stall_ms) = open_window(app, lambda: HistoryWindow(
                        store, catalog, settings, today, reader=writer), wait_loaded=True)
                if run:
                    at_once.append(paint_ms)
                    first_paint.append(paint_ms_loading)
                    everything.append(loaded_ms)
                    stall.append(stall_ms)
                    gui_reads.append(reads.before_paint)
        finally:
            writer.close()
    figures = {"at_once_first_paint_ms": statistics.median(at_once),
               "first_paint_ms": statistics.median(first_paint),
               "loaded_ms": statistics.median(everything),
               "longest_stall_ms": statistics.median(stall),
               "breaks_read_before_paint": statistics.median(gui_reads), "runs": runs}
    print(f"window, read at once: first paint      {figures['at_once_first_paint_ms']:8.1f} ms  (median of {runs})")
    print(f"window as the app opens it: first paint {figures['first_paint_ms']:7.1f} ms  "
          f"({figures['first_paint_ms'] / figures['at_once_first_paint_ms']:.2f}x read at once)")
    print(f"  everything shown                      {figures['loaded_ms']:7.1f} ms")
    print(f"  longest GUI thread stall while loading {figures['longest_stall_ms']:6.1f} ms")
    print(f"  breaks read on the GUI thread before the first paint: {figures['breaks_read_before_paint']:.0f}")
    return figures


class CountedReads:
    """Counts the breaks ``breaks()`` returns on this thread, and how many by the first paint."""

    def __enter__(self):
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication

        from deskbreak.core.history.queries import HistoryQueries

        self.before_paint: int | None = None
        self.on_this_thread = 0
        gui, original, counted = threading.current_thread(), HistoryQueries.breaks, self

        def breaks(store, since=None):
            found = original(store, since)
            if threading.current_thread() is gui:
                counted.on_this_thread += len(found)
            return found

        class FirstPaint(QObject):
            def eventFilter(self, _watched, event):  # noqa: N802
                if event.type() == QEvent.Type.Paint and counted.before_paint is None:
                    counted.before_paint = counted.on_this_thread
                return False

        self._restore = lambda: setattr(HistoryQueries, "breaks", original)
        HistoryQueries.breaks = breaks
        self._filter = FirstPaint()
        QApplication.instance().installEventFilter(self._filter)
        return self

    def __exit__(self, *_exc):
        from PySide6.QtWidgets import QApplication

        QApplication.instance().removeEventFilter(self._filter)
        self._restore()


def open_window(app, make, *, wait_loaded: bool = False) -> tuple[float, tuple[float, float] | None]:
    """Build and show a window: ms to its first frame, and (to everything shown, longest stall) when loading."""
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer

    class Painted(QObject):
        seen = False

        def eventFilter(self, _watched, event):  # noqa: N802
            self.seen = self.seen or event.type() == QEvent.Type.Paint
            return False

    painted = Painted()
    app.installEventFilter(painted)
    started = time.perf_counter()
    window = make()
    window.show()
    deadline = started + 30
    while not painted.seen and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    first_paint_ms = (time.perf_counter() - started) * 1000  # that pass painted the whole frame
    app.removeEventFilter(painted)
    loaded = None
    if wait_loaded:
        ticks = [time.perf_counter()]
        beat = QTimer()
        beat.setInterval(5)
        beat.timeout.connect(lambda: ticks.append(time.perf_counter()))
        loop = QEventLoop()
        window.loaded.connect(loop.quit)
        QTimer.singleShot(30_000, loop.quit)
        beat.start()
        if window.loading:
            loop.exec()
        beat.stop()
        ticks.append(time.perf_counter())
        loaded = ((time.perf_counter() - started) * 1000,
                  max(later - earlier for earlier, later in zip(ticks, ticks[1:])) * 1000)
    # Closed and deleted as the app's windows are.
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return first_paint_ms, loaded


if __name__ == "__main__":
    main()
