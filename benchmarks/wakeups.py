"""How often a waiting deskbreak wakes up: at the desk, away from it, and while a break is held.

A timer, an idle poll or a D-Bus call each wake the process; a tray app that
runs all day should wake rarely. This counts the context switches of every
thread of the real app and its children (``/proc/PID/task/*/status``:
voluntary plus involuntary; ``benchmarks/_measure.py``, which
``footprint.py`` shares) per minute, on the test tier's virtual desktop, in
three phases:

* at the desk: input every few seconds, the next break far away;
* away: no input (the virtual screen's idle time grows past ``natural_break``),
  including a pre-run reminder falling due while away (the old busy-loop bug);
* held: a break due while a fullscreen window is up (do-not-disturb polling).

The bare tray app (``benchmarks/bare_tray.py``: a once-a-minute timer) is
measured at the desk beside it, in the same run, as the yardstick. Each
phase runs ``--runs`` times; the table gives the median and every run.

    .venv/bin/python benchmarks/wakeups.py [--seconds 60] [--runs 1]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import VirtualDesktop, per_minute, tray_icons  # noqa: E402


def start_app(desktop: VirtualDesktop, profile: Path | None, *options: str) -> subprocess.Popen:
    """deskbreak on ``profile`` with ``options``, or the bare tray app without a profile; once settled."""
    if profile is None:
        command = [sys.executable, str(ROOT / "benchmarks" / "bare_tray.py")]
    else:
        (profile / "data").mkdir(parents=True, exist_ok=True)
        (profile / "data" / "first-run-note-dismissed").write_text("dismissed\n")
        command = [sys.executable, "-m", "deskbreak", "--config-dir", str(profile / "config"),
                   "--data-dir", str(profile / "data"), *options]
    before = len(tray_icons(desktop.env))
    process = subprocess.Popen(command, env=desktop.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while len(tray_icons(desktop.env)) <= before:
        if time.monotonic() > deadline or process.poll() is not None:
            raise RuntimeError("deskbreak did not show its tray icon")
        time.sleep(0.05)
    time.sleep(5)  # settle: catalog, poses and the first steps
    return process


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60, help="length of each phase")
    parser.add_argument("--runs", type=int, default=1, help="runs of each phase (the median is shown)")
    options = parser.parse_args()
    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as work:
        desktop = VirtualDesktop(Path(work) / "desktop").start()
        try:
            for run in range(options.runs):
                measure_phases(desktop, Path(work) / f"run{run}", options.seconds, results)
        finally:
            desktop.stop()
    print(f"{'phase':<26} {'wake-ups per minute':>20}   runs")
    for phase, rates in results.items():
        print(f"{phase:<26} {statistics.median(rates):>20.1f}   {', '.join(f'{rate:.1f}' for rate in rates)}")
    return 0


def measure_phases(desktop: VirtualDesktop, work: Path, seconds: float, results: dict[str, list[float]]) -> None:
    """One run of every phase, each rate appended to ``results[phase]``."""
    def wiggle():
        subprocess.run(["xdotool", "mousemove_relative", "--", "1", "0"], env=desktop.env, check=False)

    def measure(phase: str, app: subprocess.Popen, **how) -> None:
        results.setdefault(phase, []).append(per_minute(app.pid, seconds, **how))
        app.terminate(), app.wait(10)

    measure("bare tray app, at the desk", start_app(desktop, None), during=wiggle)
    measure("at the desk", start_app(desktop, work / "a", "--set", "runs=", "--sit-interval", "2h"), during=wiggle)

    # Away after a minute without input; a run 4 minutes from now with a 2-minute lead,
    # so its reminder falls due while the user is away.
    run_at = (datetime.now() + timedelta(minutes=4)).strftime("%H:%M")
    weekday = datetime.now().strftime("%a").lower()
    app = start_app(desktop, work / "b", "--sit-interval", "2h", "--set", "natural_break=1m",
                    "--set", f"runs={weekday} {run_at}", "--set", "prerun_lead=2m")
    time.sleep(70)
    measure("away (pre-run due)", app)

    fullscreen = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "support" / "fake_window.py"), "--wm-class", "slides",
         "--fullscreen"], env=desktop.env, stdout=subprocess.DEVNULL)
    time.sleep(2)
    app = start_app(desktop, work / "c", "--set", "runs=", "--sit-interval", "10s", "--prelude", "0s")
    measure("break held (fullscreen)", app, during=wiggle)
    fullscreen.terminate(), fullscreen.wait(10)


if __name__ == "__main__":
    raise SystemExit(main())
