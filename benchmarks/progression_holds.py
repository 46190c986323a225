"""What the holds that grow with the user cost the GUI thread, on five years of history.

Seeds the history ``benchmarks/history_stats.py`` seeds (``--years`` years of a
steady user, 32,000 breaks for five), then builds a :class:`BreakSession` on
it as the app does (the real history and its writer's thread) and prints, in
milliseconds (wall and CPU; the median of ``--runs``, a fresh session each):

* the tray menu's entries, first built after start and again after a break
  was planned (``DeskbreakApp._menu_entries``: the routines' lengths, which
  play the grown holds);
* planning a break (``BreakSession.plan_for``: its segments play them);
* where the session keeps them in memory: working them out at start and
  bringing them up to date after a break, both on the history writer's
  thread (off the GUI thread; the menu and the plan wait for neither).

Run it on a checkout from before the holds were kept in memory to get the
"before" figures: it measures whatever ``deskbreak`` it imports.

    .venv/bin/python benchmarks/progression_holds.py [--years 5] [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from history_stats import ZONE, seed  # noqa: E402

from deskbreak.core.clock import FakeClock  # noqa: E402
from deskbreak.core.content.catalog import load_catalog  # noqa: E402
from deskbreak.core.history import HistoryStore  # noqa: E402
from deskbreak.core.session import BreakSession  # noqa: E402
from deskbreak.core.settings import Settings  # noqa: E402
from deskbreak.core.settings.store import SettingsStore  # noqa: E402


class NobodyIdle:
    name = "benchmark"

    def idle_seconds(self) -> float:
        return 0.0


def measured(action) -> tuple[float, float, object]:
    """(wall ms, CPU ms, result) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, result


def menu_entries(session: BreakSession, now: datetime):
    """The tray menu's entries, as ``DeskbreakApp._menu_entries`` builds them."""
    from deskbreak.core.describe import human_duration
    from deskbreak.ui.tray import MenuContext, menu_entries as entries

    lengths = {kind: human_duration(seconds) for kind, seconds in session.routine_lengths(now).items()}
    return entries(session.engine.status(now), now, MenuContext(lengths=lengths))


def wait_for_the_writer(session: BreakSession) -> None:
    session.history_writer.submit("wait", lambda store: None).result(timeout=60)


def one_run(folder: Path, path: Path, now: datetime, plays: set[str]) -> dict[str, tuple[float, float]]:
    figures: dict[str, tuple[float, float]] = {}
    store = SettingsStore(folder / "settings.toml", Settings.defaults().with_values(runs={}))
    session = BreakSession(store=store, catalog=load_catalog(), clock=FakeClock(now), history=HistoryStore(path),
                           idle=NobodyIdle())
    try:
        kept = getattr(session, "_kept_progression", None)
        if kept is not None:  # kept in memory: worked out on the writer's thread at start
            started = time.perf_counter()
            wait_for_the_writer(session)
            # Its CPU time is the writer's thread's: the wall time from here is what there is.
            figures["holds worked out at start (writer)"] = ((time.perf_counter() - started) * 1000, float("nan"))
        wall, cpu, _ = measured(lambda: menu_entries(session, now))
        figures["tray menu, first after start"] = (wall, cpu)
        brk = session.engine.status(now).upcoming
        wall, cpu, plan = measured(lambda: session.plan_for(brk))
        figures["plan a break"] = (wall, cpu)
        plays.add(", ".join(f"{exercise} {seconds} s" for exercise, seconds in sorted(plan.holds.items())))
        wall, cpu, _ = measured(lambda: menu_entries(session, now))
        figures["tray menu, after the plan"] = (wall, cpu)
        if kept is not None:  # the break written, then the holds brought up to date behind it
            with HistoryStore(path) as history:
                row = history.start_break("sit", plan.routine.id, now, now, len(plan.exercises), progression=True)
                for exercise_id in plan.exercise_ids:
                    history.record_exercise(row, exercise_id, 30.0, True, now)
                history.finish_break(row, now + timedelta(minutes=3), "completed")
            wait_for_the_writer(session)
            ladders = session._progress_job[0]
            future = session.history_writer.submit("time it", lambda history: measured(
                lambda: kept.up_to_date(history, ladders))[:2])
            figures["holds brought up to date after a break (writer)"] = future.result(timeout=60)
            with HistoryStore(path) as history:  # the next run finds the history as seeded
                history._connection.execute("DELETE FROM breaks WHERE id = ?", (row,))
    finally:
        session.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=7, help="fresh sessions measured; medians are printed (default 7)")
    args = parser.parse_args()
    now = datetime.now(ZONE).replace(hour=8, minute=0, second=0, microsecond=0)
    with tempfile.TemporaryDirectory(prefix="deskbreak-bench-") as folder:
        path = Path(folder) / "history.sqlite3"
        count, exercise_count = seed(path, args.years, now.date() - timedelta(days=1))
        with HistoryStore(path) as history:  # a user who played them all with the holds growing
            history._connection.execute("UPDATE breaks SET progression = 1")
        print(f"seeded {count} breaks, {exercise_count} exercises over {args.years} years "
              f"({path.stat().st_size / 1e6:.1f} MB)")
        plays: set[str] = set()
        one_run(Path(folder), path, now, plays)  # not counted: loads the catalog and the modules
        runs = [one_run(Path(folder), path, now, plays) for _ in range(args.runs)]
    print(f"the planned break plays the grown holds: {' / '.join(sorted(plays)) or 'none'}")
    for label in runs[0]:
        wall = statistics.median(run[label][0] for run in runs)
        cpu = statistics.median(run[label][1] for run in runs)
        cpu_text = "" if cpu != cpu else f"  (cpu {cpu:7.1f} ms)"  # NaN: another thread's
        print(f"{label:<50} {wall:8.1f} ms{cpu_text}  median of {args.runs}")


if __name__ == "__main__":
    main()
