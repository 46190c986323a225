"""CPU of the break window while holding and while the figure animates.

Opens a real BreakWindow with the system clock (on the X display when
``DISPLAY`` is set, else offscreen) and measures this process's CPU time over
a window of wall time, in three phases:

* holding: a long hold, only the hold ring counting down (10 updates a second);
* animating: the figure moving from start to hold pose, restarted every
  second so it animates the whole time (the worst case; in a routine it
  moves for about 1 s per lead-in);
* counted reps: the figure moving with each rep of a counted exercise.

Prints the CPU as a percentage of one core for each phase.

    .venv/bin/python benchmarks/break_window_cpu.py [--seconds 10]
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from dataclasses import replace

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from deskbreak.core.catalog import Range, load_catalog  # noqa: E402
from deskbreak.core.clock import SystemClock  # noqa: E402
from deskbreak.core.poses import load_poses  # noqa: E402
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

    circles = catalog.exercise("shoulder-circles")
    reps = replace(circles, suggested=replace(circles.suggested, reps=1000))
    window = BreakWindow(title="Sit-break", exercises=[reps], settings=settings, clock=clock,
                         poses=poses, key_guard_s=0)
    window.start()
    counted = measure(app, args.seconds)
    window.close_quietly()

    platform = app.platformName()
    print(f"break window CPU ({platform}, {args.seconds:.0f} s each, % of one core):")
    print(f"  holding (ring only)         {holding:6.2f}")
    print(f"  animating (figure moving)   {animating:6.2f}")
    print(f"  counted reps (figure + ring){counted:6.2f}")


if __name__ == "__main__":
    main()
