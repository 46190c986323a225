"""CPU of the break window while holding and while the figure animates.

Opens a real BreakWindow with the system clock (on the X display when
``DISPLAY`` is set, else offscreen) and measures this process's CPU time over
a window of wall time, in three phases:

* holding: a long hold, only the hold ring counting down (10 updates a second);
* animating: the figure moving from start to hold pose, restarted every
  second so it animates the whole time (the worst case; in a routine it
  moves for about 1 s per lead-in);
* counted reps: the figure lifting, holding and lowering with each rep of
  the glute bridge (1 s up, 3 s hold, 1 s down), set by every ~100 ms tick;
* moving: shoulder circles, one ``move`` segment the figure cycles through;
* done view: the summary with its once-a-second close countdown.

Prints the CPU as a percentage of one core for each phase, and how often
the figure and the ring were painted (paint events a second, and the share
of the widget's area they covered): counts that do not swing with the
machine's load the way the CPU does.

    .venv/bin/python benchmarks/break_window_cpu.py [--seconds 10] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from dataclasses import replace

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from deskbreak.core.content.catalog import Range, load_catalog  # noqa: E402
from deskbreak.core.clock import SystemClock  # noqa: E402
from deskbreak.core.content.poses import load_poses  # noqa: E402
from deskbreak.core.settings import Settings  # noqa: E402
from deskbreak.ui.break_window import BreakWindow  # noqa: E402


def cpu_now() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Paints(QObject):
    """Paint events of some widgets, and the area they covered, since the last :meth:`take`."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[str, list[float]] = {}
        self._names: dict[QWidget, str] = {}

    def watch(self, name: str, widget: QWidget) -> None:
        self._names[widget] = name
        self.counts.setdefault(name, [0, 0.0])
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint and watched in self._names:
            box, whole = event.region().boundingRect(), watched.width() * watched.height()
            count = self.counts[self._names[watched]]
            count[0] += 1
            count[1] += box.width() * box.height() / whole if whole else 0.0
        return False

    def take(self, seconds: float) -> dict[str, dict[str, float]]:
        """Paints a second and the widget's area they covered a second, per widget; then starts over."""
        out = {name: {"paints_per_s": n / seconds, "area_per_s": area / seconds}
               for name, (n, area) in self.counts.items()}
        self.counts = {name: [0, 0.0] for name in self.counts}
        return out


def measure(app: QApplication, seconds: float, during=None) -> float:
    """CPU % of one core over ``seconds`` of running the event loop."""
    restart = None
    if during is not None:
        restart = QTimer()
        restart.timeout.connect(during)
        restart.start(1000)
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    wall, cpu = time.monotonic(), cpu_now()
    loop.exec()
    if restart is not None:
        restart.stop()
    return (cpu_now() - cpu) / (time.monotonic() - wall) * 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    app = QApplication([])
    catalog = load_catalog()
    poses = load_poses(catalog=catalog)
    settings = Settings.defaults().with_values(lead_in="0s")
    clock = SystemClock()
    paints = Paints()
    counted_paints = {}

    def watch(window: BreakWindow) -> None:
        paints.watch("figure", window.figure_area.figure)
        paints.watch("ring", window.ring)

    def phase(name: str, during=None) -> float:
        paints.take(1)
        cpu = measure(app, args.seconds, during)
        counted_paints[name] = paints.take(args.seconds)
        return cpu

    hold = replace(catalog.exercise("split-hip-stretch"), hold_s=Range(600, 600))
    window = BreakWindow(title="Sit-break", exercises=[hold], settings=settings, clock=clock,
                         poses=poses, key_guard_s=0)
    window.start()
    watch(window)
    measure(app, 1.5)  # let the first movement finish and the window settle
    figure = window.figure_area.figure
    holding = phase("holding")
    animating = phase("animating", during=lambda: figure.show_exercise(hold, "right"))
    window.close_quietly()

    bridge = replace(catalog.exercise("glute-bridge"), reps=Range(1000, 1000))
    window = BreakWindow(title="Pre-run", exercises=[bridge], settings=settings, clock=clock,
                         poses=poses, key_guard_s=0)
    window.start()
    watch(window)
    counted = phase("counted")
    window.close_quietly()

    circles = catalog.exercise("shoulder-circles")
    many = replace(circles, suggested=replace(circles.suggested, reps=1000))
    window = BreakWindow(title="Sit-break", exercises=[many], settings=settings, clock=clock,
                         poses=poses, key_guard_s=0)
    window.start()
    watch(window)
    moving = phase("moving")
    window.auto_close_s = args.seconds * 10  # stays open for the whole measurement
    window.skip_exercise()  # the routine ends: the done view with its countdown
    paints.watch("ring", window.done_ring)
    done = phase("done")
    window.close_quietly()

    platform = app.platformName()
    if args.json:
        print(json.dumps({"platform": platform, "seconds": args.seconds, "holding": holding,
                          "animating": animating, "counted": counted, "moving": moving, "done": done,
                          "paints": counted_paints}))
        return
    print(f"break window CPU ({platform}, {args.seconds:.0f} s each, % of one core; paints a second "
          "and the widget's area they covered a second):")
    print(f"  {'':29}{'CPU':>7}{'figure':>9}{'area':>7}{'ring':>7}{'area':>7}")
    for name, label, cpu in (("holding", "holding (ring only)", holding),
                             ("animating", "animating (figure easing)", animating),
                             ("counted", "counted reps (figure + ring)", counted),
                             ("moving", "moving (shoulder circles)", moving),
                             ("done", "done view (countdown)", done)):
        figure_paints = counted_paints[name].get("figure", {"paints_per_s": 0.0, "area_per_s": 0.0})
        ring_paints = counted_paints[name]["ring"]
        print(f"  {label:29}{cpu:7.2f}{figure_paints['paints_per_s']:9.1f}{figure_paints['area_per_s']:7.2f}"
              f"{ring_paints['paints_per_s']:7.1f}{ring_paints['area_per_s']:7.2f}")


if __name__ == "__main__":
    main()
