"""500 breaks back to back, accelerated: what they leave behind in memory and in windows.

Builds the real :class:`~deskbreak.ui.app.DeskbreakApp` as ``deskbreak``
does (``ui/startup.py``: settings store, history on disk, the notifier chain,
do-not-disturb, calendar, QtAlarm, chimes, tray) with two fakes: a
:class:`~deskbreak.core.clock.FakeClock`, so half an hour passes in no time,
and an idle monitor that reports a user at the desk who stopped typing 5 s
ago. Then, ``--breaks`` times:

1. step the clock from wake-up to wake-up (the engine's ``next_wakeup``, two
   minutes at most, well within ``natural_break``) until the prompt, then
   the break, comes;
2. play the routine: the clock to the middle of the first segment of each
   exercise and side, a tick, the event loop run so the window paints it
   (every exercise and side of every break is shown and painted), and on;
3. the routine ends: the done view (history rows, "today" targets), then
   its 12-s countdown runs out and the window closes and is deleted.

It prints this process's RSS (``VmRSS``, after a full ``gc.collect()`` and
Qt's deferred deletes) after ``--warmup`` breaks and after all of them, the
growth between, the curve at checkpoints, and the top-level widgets (alive
and visible), all widgets and BreakWindows alive before the first break and
after the last. ``--bare`` does the same with a plain window of the same
size shown and closed each time: what Qt alone leaves behind.

To find what grows: the heap in use (glibc ``mallinfo2``) is printed beside
RSS (RSS growth without heap growth is the allocator keeping free pages);
``--without PART`` leaves an adapter out; ``--pixmap-cache-kb`` caps Qt's
QPixmapCache, where the style keeps rendered buttons; ``--trace`` adds
tracemalloc's top growth by line (slower; Python allocations only) and
``--types`` the Python types whose live objects grew most.

On the X display when ``DISPLAY`` is set (``benchmarks/footprint.py`` runs
it on the virtual desktop), else offscreen.

    .venv/bin/python benchmarks/break_storm.py [--breaks 500] [--warmup 20] [--bare] [--json]
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Qt  # noqa: E402
from PySide6.QtGui import QPixmapCache  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _measure import own_rss_mb  # noqa: E402  (puts tests/ on the path too)
from support.break_player import play_break, pump, pump_until_painted  # noqa: E402


class AtTheDesk:
    """Idle time of someone at the desk who stopped typing a moment ago."""

    name = "benchmark"

    def idle_seconds(self) -> float:
        return 5.0


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def _library(soname: str, function: str, restype):
    """The shared library ``soname`` with ``function`` returning ``restype``; None when either is missing."""
    try:
        library = ctypes.CDLL(soname)
        getattr(library, function).restype = restype
        return library
    except (OSError, AttributeError):
        return None


LIBC = _library("libc.so.6", "mallinfo2", _MallInfo2)  # None: not glibc, or older than 2.33
SQLITE = _library("libsqlite3.so.0", "sqlite3_memory_used", ctypes.c_int64)  # the copy _sqlite3 loaded


def sqlite_in_use_mb() -> float | None:
    """What SQLite has allocated and not freed (its page cache above all), MB: a part of the heap in use."""
    return None if SQLITE is None else SQLITE.sqlite3_memory_used() / 1024 / 1024


def heap_in_use_mb() -> float | None:
    """Bytes malloc has handed out and not had back (glibc ``mallinfo2``), MB: live C, C++ and Python memory."""
    if LIBC is None:
        return None
    info = LIBC.mallinfo2()
    return (info.uordblks + info.hblkhd) / 1024 / 1024


def settled_rss(app: QApplication) -> float:
    pump(app)
    gc.collect()
    pump(app)
    return own_rss_mb()


def settled(app: QApplication) -> tuple[float, float | None]:
    """RSS as the user sees it, and the heap in use, after a full collection and the deferred deletes."""
    return settled_rss(app), heap_in_use_mb()


def _type_counts() -> dict[str, int]:
    gc.collect()
    counts: dict[str, int] = {}
    for obj in gc.get_objects():
        name = f"{type(obj).__module__}.{type(obj).__qualname__}"
        counts[name] = counts.get(name, 0) + 1
    return counts


def window_counts(app: QApplication, deskbreak=None) -> dict[str, int]:
    tops = QApplication.topLevelWidgets()
    return {
        "top_level_alive": len(tops),
        "top_level_visible": sum(w.isVisible() for w in tops),
        "widgets_alive": len(QApplication.allWidgets()),
        "break_windows_alive": sum(w.objectName() == "breakWindow" for w in tops),
        # Timers, watchers and helpers the app parents to itself (not widgets).
        "app_children": 0 if deskbreak is None else len(deskbreak.findChildren(QObject)),
        "python_objects": len(gc.get_objects()),
    }


PARTS = ("history", "notifier", "holds", "calendar", "chimes", "alarm")


class _NullAlarm:
    def start(self, on_wake):
        pass

    def wake_at(self, when):
        pass

    def wake_within(self, seconds):
        pass

    def stop(self):
        pass


def build_app(work: Path, without: frozenset[str] = frozenset()):
    """DeskbreakApp wired as ui/startup.py wires it, on a FakeClock."""
    from PySide6.QtGui import QIcon

    from deskbreak.adapters.alarm import QtAlarm
    from deskbreak.adapters.holds import Desktop, detect_holds
    from deskbreak.adapters.notify import default_notifier_chain
    from deskbreak.adapters.sound import Chimes, detect_player
    from deskbreak.core.content.assets import asset_path
    from deskbreak.core.clock import FakeClock, SystemClock
    from deskbreak.core.history import HistoryStore
    from deskbreak.core.settings.store import SettingsStore
    from deskbreak.ui.app import watchdog_seconds
    from deskbreak.shell.calendar_source import CalendarSource
    from support.app_builder import make_app

    # Today at 08:00 in the local zone: the wall clock runs ahead of the real one from there.
    start = SystemClock().now().replace(hour=8, minute=0, second=0, microsecond=0)
    clock = FakeClock(start)
    store, _problems = SettingsStore.load(work / "settings.toml", clock.now(), {})
    settings = store.settings
    icon_file = str(asset_path("icons", "deskbreak.svg"))
    icons = {"normal": QIcon(icon_file), "paused": QIcon(str(asset_path("icons", "deskbreak-paused.svg"))),
             "overdue": QIcon(str(asset_path("icons", "deskbreak-overdue.svg")))}
    notifier = default_notifier_chain(icon_file)
    parts = dict(
        history=lambda: HistoryStore(work / "history.sqlite3"),
        alarm=lambda: QtAlarm(clock, watchdog_seconds(settings)),
        chimes=lambda: Chimes(detect_player(), work / "cache", settings.sound, settings.volume),
        calendar=lambda: CalendarSource(store, clock, tell=lambda title, body: notifier.notify(title, body)),
    )
    # --without PART: that part left out (None, or an alarm that never rings), to find what grows.
    built = {name: (None if name in without else make()) for name, make in parts.items()}
    # The meetings of the calendar built above hold breaks too.
    built["holds"] = None if "holds" in without else detect_holds(
        settings, Desktop(clock=clock, calendar=built["calendar"]))
    if built["alarm"] is None:
        built["alarm"] = _NullAlarm()
    if "notifier" in without:
        notifier = None
    deskbreak = make_app(work, clock=clock, store=store, notifier=notifier, idle=AtTheDesk(), icons=icons,
                         welcome_marker=None, routines_path=work / "routines.toml", **built)
    return deskbreak, clock


def deskbreak_storm(app: QApplication, work: Path, without: frozenset[str] = frozenset()):
    """A ``run_break`` callable playing one prompted break to the end, and the app."""
    deskbreak, clock = build_app(work, without)
    deskbreak.start()
    pump(app)
    return (lambda: play_break(app, deskbreak, clock)), deskbreak


def bare_storm(app: QApplication):
    """A ``run_break`` that shows and closes a plain window of the break window's size."""

    def run_break() -> None:
        window = QWidget(None, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.setWindowTitle("bare window")
        QVBoxLayout(window).addWidget(QLabel("Stand up and stretch"))
        window.resize(1120, 736)
        window.show()
        pump_until_painted(app, window)
        window.close()
        pump(app)

    return run_break


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--breaks", type=int, default=500)
    parser.add_argument("--warmup", type=int, default=20, help="breaks before the 'before' reading")
    parser.add_argument("--checkpoint", type=int, default=100, help="an RSS reading every this many breaks")
    parser.add_argument("--bare", action="store_true", help="plain windows instead of deskbreak's breaks")
    parser.add_argument("--trace", action="store_true", help="tracemalloc: the lines whose memory grew most")
    parser.add_argument("--types", action="store_true", help="the Python types whose live objects grew most")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--without", action="append", default=[], choices=PARTS,
                        help="leave this part of the app out (repeatable), to find what grows")
    parser.add_argument("--pixmap-cache-kb", type=int, default=None,
                        help="QPixmapCache's limit (Qt's default: 10240), to see what the style's cache holds")
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    if args.pixmap_cache_kb is not None:
        QPixmapCache.setCacheLimit(args.pixmap_cache_kb)
    with tempfile.TemporaryDirectory(prefix="deskbreak-storm-") as work:
        deskbreak = None
        if args.bare:
            run_break = bare_storm(app)
        else:
            run_break, deskbreak = deskbreak_storm(app, Path(work), frozenset(args.without))
        start_counts = window_counts(app, deskbreak)
        start_rss = settled_rss(app)
        started = time.monotonic()
        for _ in range(args.warmup):
            run_break()
        before, heap_before = settled(app)
        if args.trace:
            import tracemalloc

            tracemalloc.start(3)
            traced = tracemalloc.take_snapshot()
        if args.types:
            types_before = _type_counts()
        curve, heap_curve = {args.warmup: before}, {args.warmup: heap_before}
        sqlite_curve = {args.warmup: sqlite_in_use_mb()}
        for n in range(args.warmup + 1, args.breaks + 1):
            run_break()
            if n % args.checkpoint == 0 or n == args.breaks:
                curve[n], heap_curve[n] = settled(app)
                sqlite_curve[n] = sqlite_in_use_mb()
        after, heap_after = curve[args.breaks], heap_curve[args.breaks]
        seconds = time.monotonic() - started
        end_counts = window_counts(app, deskbreak)
        growth_sites = []
        if args.trace:
            stats = tracemalloc.take_snapshot().compare_to(traced, "lineno")
            growth_sites = [{"where": str(s.traceback), "kb": round(s.size_diff / 1024, 1), "count": s.count_diff}
                            for s in stats[:15]]
            tracemalloc.stop()
        if args.types:
            types_after = _type_counts()
            type_growth = sorted(((n - types_before.get(t, 0), t) for t, n in types_after.items()), reverse=True)[:12]
            growth_sites += [{"where": f"live {t} objects", "kb": None, "count": n} for n, t in type_growth if n > 0]
        trimmed = None
        if LIBC is not None:
            LIBC.malloc_trim(0)  # only now: it would change what the curve measures
            trimmed = own_rss_mb()
        history_kb = None
        if deskbreak is not None:
            deskbreak.shutdown()
            history_kb = sum(p.stat().st_size for p in Path(work).glob("history.sqlite3*")) / 1024
    result = {
        "app": "bare" if args.bare else "deskbreak",
        "without": sorted(args.without),
        "pixmap_cache_limit_kb": QPixmapCache.cacheLimit(),
        "platform": app.platformName(),
        "breaks": args.breaks,
        "warmup": args.warmup,
        "seconds": round(seconds, 1),
        "rss_start_mb": round(start_rss, 2),
        "rss_before_mb": round(before, 2),
        "rss_after_mb": round(after, 2),
        "growth_mb": round(after - before, 2),
        "growth_per_100_kb": round((after - before) * 1024 / max(1, args.breaks - args.warmup) * 100, 1),
        "curve_mb": {str(k): round(v, 2) for k, v in curve.items()},
        "heap_before_mb": None if heap_before is None else round(heap_before, 2),
        "heap_after_mb": None if heap_after is None else round(heap_after, 2),
        "heap_growth_mb": None if heap_before is None else round(heap_after - heap_before, 2),
        "heap_curve_mb": {str(k): None if v is None else round(v, 2) for k, v in heap_curve.items()},
        "sqlite_curve_mb": {str(k): None if v is None else round(v, 2) for k, v in sqlite_curve.items()},
        "rss_after_trim_mb": None if trimmed is None else round(trimmed, 2),
        "windows_before": start_counts,
        "windows_after": end_counts,
        "leaked_top_level": end_counts["top_level_alive"] - start_counts["top_level_alive"],
        "leaked_visible": end_counts["top_level_visible"] - start_counts["top_level_visible"],
        "history_kb": None if history_kb is None else round(history_kb, 1),
        "growth_sites": growth_sites,
    }
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"{result['app']} on {result['platform']}: {args.breaks} breaks in {seconds:.0f} s")
    print(f"  RSS after {args.warmup} warm-up breaks {before:.1f} MB, after {args.breaks} {after:.1f} MB: "
          f"growth {after - before:+.2f} MB ({result['growth_per_100_kb']:+.0f} kB per 100 breaks)")
    print("  curve: " + ", ".join(f"{k}: {v:.1f}" for k, v in curve.items()))
    if heap_before is not None:
        print(f"  heap in use (mallinfo2) {heap_before:.1f} -> {heap_after:.1f} MB: {heap_after - heap_before:+.2f} MB; "
              "curve: " + ", ".join(f"{k}: {v:.1f}" for k, v in heap_curve.items()))
        print(f"  RSS once malloc gave its free pages back (malloc_trim): {trimmed:.1f} MB")
    if None not in sqlite_curve.values():
        print("  of the heap, SQLite's (its page cache grows with the history file, up to its bound): "
              + ", ".join(f"{k}: {v:.2f}" for k, v in sqlite_curve.items()))
    print(f"  top-level widgets alive {start_counts['top_level_alive']} -> {end_counts['top_level_alive']}, "
          f"visible {start_counts['top_level_visible']} -> {end_counts['top_level_visible']}, "
          f"all widgets {start_counts['widgets_alive']} -> {end_counts['widgets_alive']}, "
          f"break windows {start_counts['break_windows_alive']} -> {end_counts['break_windows_alive']}, "
          f"app's QObject children {start_counts['app_children']} -> {end_counts['app_children']}, "
          f"Python objects {start_counts['python_objects']} -> {end_counts['python_objects']}")
    for site in growth_sites:
        size = "" if site["kb"] is None else f"{site['kb']:+9.1f} kB"
        print(f"  {size:>12} {site['count']:+7d}  {site['where']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
