"""Screenshots of the history window on a seeded history, for looking at and for the README.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/history_screenshots.py [OUT_DIR]

Writes five weeks of a plausible desk worker's breaks through
:class:`~deskbreak.core.history.HistoryStore` into a temporary folder (sit-
breaks every half hour on working days, some taken, some put off, skipped or
left part way, time away from the desk, pre-run routines on run days, an
evening back-care routine now and then), opens the window on it and saves,
to OUT_DIR (default ``/tmp/history_shots``):

- ``history-<look>.png``, the window as it opens (900 x 700), and
- ``history-<look>-page.png``, its whole scrolling page,

for the looks ``light``, ``dark``, ``font125`` (the system font at 125 %),
``narrow`` (a 620 px wide window) and ``empty`` (no history). Each look runs
in its own process, so the application font and palette start fresh.

The history is random but seeded: every run draws the same weeks.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from deskbreak.core.content.catalog import Catalog, load_catalog  # noqa: E402
from deskbreak.core.history import HistoryStore  # noqa: E402
from deskbreak.core.kinds import NATURAL_BREAK_KIND, BreakKind, Outcome  # noqa: E402

LOOKS = ("light", "dark", "font125", "narrow", "empty")
TODAY = date(2026, 12, 3)  # a Thursday: the week chart has days done and days to come
NOW = time(15, 40)
ZONE = timezone(timedelta(hours=1))
RUN_DAYS = (1, 3)  # Tuesday and Thursday evenings
SEED = 7


def at(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment, ZONE)


def _do_routine(store: HistoryStore, rng: random.Random, kind: str, routine_id: str, exercises: tuple[str, ...],
                due: datetime | None, shown: datetime, outcome: Outcome) -> None:
    """One shown break: its exercises one after another, all of them or (partial) the first few."""
    break_id = store.start_break(kind, routine_id, due, shown, planned_exercises=len(exercises))
    done = len(exercises) if outcome == Outcome.COMPLETED else rng.randint(1, len(exercises) - 1)
    clock = shown + timedelta(seconds=8)
    for exercise_id in exercises[:done]:
        seconds = rng.uniform(25, 70)
        clock += timedelta(seconds=seconds)
        store.record_exercise(break_id, exercise_id, seconds, True, clock)
    if outcome == Outcome.PARTIAL:
        # The one left part way: some seconds, not done.
        seconds = rng.uniform(5, 20)
        clock += timedelta(seconds=seconds)
        store.record_exercise(break_id, exercises[done], seconds, False, clock)
    store.finish_break(break_id, clock + timedelta(seconds=3), outcome.value)


def seed_history(store: HistoryStore, catalog: Catalog, today: date = TODAY, weeks: int = 5) -> int:
    """A plausible ``weeks`` of breaks up to ``today`` at :data:`NOW`; returns how many were recorded."""
    rng = random.Random(SEED)
    sit = catalog.routines_of_kind(BreakKind.SIT.value)[0]
    prerun = catalog.routines_of_kind(BreakKind.PRERUN.value)[0]
    evening = catalog.routines_of_kind(BreakKind.EVENING.value)[0]
    recorded = 0
    sequence = 0
    first = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    for offset in range((today - first).days + 1):
        day = first + timedelta(days=offset)
        if day.weekday() >= 5 or rng.random() < 0.06:  # weekends, and the odd day off
            continue
        keen = rng.uniform(0.6, 1.0) if day < today - timedelta(days=6) else rng.uniform(0.8, 1.0)
        due = at(day, time(9, 30))
        while due.time() <= time(17, 0) and (day < today or due.time() <= NOW):
            roll = rng.random()
            if roll < 0.07:
                away = due - timedelta(minutes=rng.randint(2, 12))
                store.record_break(NATURAL_BREAK_KIND, None, None, away, away + timedelta(minutes=rng.randint(6, 20)),
                                   Outcome.NATURAL.value)
            else:
                shown = due
                if rng.random() < 0.12:  # put off once, taken (or not) ten minutes later
                    store.record_break(BreakKind.SIT.value, sit.id, due, shown, shown + timedelta(seconds=4),
                                       Outcome.POSTPONED.value)
                    shown = due + timedelta(minutes=10)
                    recorded += 1
                exercises = sit.exercises_for(sequence)
                sequence += 1
                if roll < keen:
                    outcome = Outcome.COMPLETED if rng.random() < 0.85 else Outcome.PARTIAL
                    _do_routine(store, rng, BreakKind.SIT.value, sit.id, exercises, due, shown, outcome)
                else:
                    skipped = store.start_break(BreakKind.SIT.value, sit.id, due, shown, len(exercises))
                    store.finish_break(skipped, shown + timedelta(seconds=6), Outcome.SKIPPED.value,
                                       note=rng.choice(("", "", "", "in a call", "deadline")))
            recorded += 1
            due += timedelta(minutes=30)
        if day.weekday() in RUN_DAYS and day < today:
            _do_routine(store, rng, BreakKind.PRERUN.value, prerun.id, prerun.exercises, at(day, time(17, 45)),
                        at(day, time(17, 45)), Outcome.COMPLETED if rng.random() < 0.8 else Outcome.PARTIAL)
            recorded += 1
        if rng.random() < 0.2 and day < today:
            _do_routine(store, rng, BreakKind.EVENING.value, evening.id, evening.exercises, None,
                        at(day, time(21, 10)), Outcome.COMPLETED)
            recorded += 1
    return recorded


SHOW = """
import sys
from pathlib import Path
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

look, history_path, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
app = QApplication(sys.argv[:1])
app.setStyle(QStyleFactory.create("Fusion"))
palette = QStyleFactory.create("Fusion").standardPalette()
if look == "dark":
    palette = QPalette()
    for role, color in {
        QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#171717", QPalette.ColorRole.AlternateBase: "#26272a",
        QPalette.ColorRole.Text: "#e8eaed", QPalette.ColorRole.Button: "#303134",
        QPalette.ColorRole.ButtonText: "#e8eaed", QPalette.ColorRole.Highlight: "#2a6fdb",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#303134",
        QPalette.ColorRole.ToolTipText: "#e8eaed", QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Light: "#4a4b4f", QPalette.ColorRole.Midlight: "#3a3b3f",
        QPalette.ColorRole.Mid: "#2a2b2e", QPalette.ColorRole.Dark: "#111111",
        QPalette.ColorRole.Shadow: "#000000",
    }.items():
        palette.setColor(role, QColor(color))
app.setPalette(palette)
if look == "font125":
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    app.setFont(font)

from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.history import HistoryStore
from deskbreak.core.settings import Settings
from deskbreak.ui.history_window import HistoryWindow
from datetime import date

TODAY = date.fromisoformat(sys.argv[4])
store = None if look == "empty" else HistoryStore(Path(history_path))
window = HistoryWindow(store, load_catalog(), Settings.defaults(), TODAY, start_break=lambda: None)
window.resize(620 if look == "narrow" else 900, 700)
window.show()
for _ in range(5):
    app.processEvents()
window.grab().save(str(out / f"history-{look}.png"))
page = window.scroll.widget()
page.grab().save(str(out / f"history-{look}-page.png"))
print(out / f"history-{look}.png")
"""


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/history_shots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as work:
        history_path = Path(work) / "history.sqlite3"
        with HistoryStore(history_path) as store:
            count = seed_history(store, load_catalog())
        print(f"seeded {count} breaks into {history_path}")
        for look in LOOKS:
            subprocess.run([sys.executable, "-c", SHOW, look, str(history_path), str(out), TODAY.isoformat()],
                           env=env, check=True, timeout=120, cwd=REPO)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
