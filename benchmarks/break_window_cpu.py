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

Prints the CPU as a percentage of one core for each phase.

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

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from deskbreak.core.content.catalog import Range, load_catalog  # noqa: E402
from deskbreak.core.clock import SystemClock  # noqa: E402
from deskbreak.core.content.poses import load_poses  # noqa: E402
from deskbreak.core.settings import Settings  # noqa: E402
from deskbreak.ui.break_window import BreakWindow  # noqa: E402


def cpu_now() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


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

    hold = replace(catalog.exercise("split-hip-stretch"), hold_s=Range(600, 600))
    window = BreakWindow(title="Sit-break", exercises=[hold], settings=settings, clock=clock,
                         poses=poses, key_guard_s=0)
    window.start()
    measure(app, 1.5)  # let the first movement finish and the window settle
    figure = window.figure_area.figure
    holding = measure(app, args.seconds)
    animating = measure(app, args.seconds, during=lambda: figure.show_exercise(hold, "right"))
    window.close_quietly()

    bridge = replace(catalog.exercise("glute-bridge"), reps=Range(1000, 1000))
    window = BreakWindow(title="Pre-run", exercises=[bridge], settings=settings, clock=clock,
                         poses=poses, key_guard_s=0)
    window.start()
    counted = measure(app, args.seconds)
    window.close_quietly()

    circles = catalog.exercise("shoulder-circles")
    many = replace(circles, suggested=replace(circles.suggested, reps=1000))
    window = BreakWindow(title="Sit-break", exercises=[many], settings=settings, clock=clock,
                         poses=poses, key_guard_s=0)
    window.start()
    moving = measure(app, args.seconds)
    window.auto_close_s = args.seconds * 10  # stays open for the whole measurement
    window.skip_exercise()  # the routine ends: the done view with its countdown
    done = measure(app, args.seconds)
    window.close_quietly()

    platform = app.platformName()
    if args.json:
        print(json.dumps({"platform": platform, "seconds": args.seconds, "holding": holding,
                          "animating": animating, "counted": counted, "moving": moving, "done": done}))
        return
    print(f"break window CPU ({platform}, {args.seconds:.0f} s each, % of one core):")
    print(f"  holding (ring only)         {holding:6.2f}")
    print(f"  animating (figure moving)   {animating:6.2f}")
    print(f"  counted reps (figure + ring){counted:6.2f}")
    print(f"  moving (shoulder circles)   {moving:6.2f}")
    print(f"  done view (countdown)       {done:6.2f}")


if __name__ == "__main__":
    main()
