"""deskbreak's footprint beside a bare PySide6 tray app, on the same virtual desktop.

For each app it measures, over several runs (medians printed):

* launch to tray: from ``exec`` until its icon is embedded in the tray host;
* idle PSS and USS (MB) from ``/proc/PID/smaps_rollup`` after it settles;
* idle CPU (% of one core) over the idle window, from ``/proc/PID/stat``.

It starts its own Xvfb, openbox, trayer and dunst (the desktop test tier's
``VirtualDesktop``), so it needs the same Debian packages as ``make test``.

    .venv/bin/python benchmarks/footprint.py [--runs 3] [--idle 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from desktop.desktop import VirtualDesktop, tray_icons  # noqa: E402

BARE_TRAY_APP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon
app = QApplication(sys.argv)
pixmap = QPixmap(22, 22); pixmap.fill(QColor("#0f766e"))
tray = QSystemTrayIcon(QIcon(pixmap)); menu = QMenu(); menu.addAction("Quit", app.quit)
tray.setContextMenu(menu); tray.show()
timer = QTimer(); timer.start(60_000)
app.exec()
"""

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def memory_mb(pid: int) -> tuple[float, float]:
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0])
    uss = fields["Private_Clean"] + fields["Private_Dirty"]
    return fields["Pss"] / 1024, uss / 1024


def cpu_seconds(pid: int) -> float:
    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(stat[11]) + int(stat[12])) / CLOCK_TICKS


def measure(cmd: list[str], env: dict, settle: float, idle: float) -> dict[str, float]:
    before = len(tray_icons(env))
    started = time.monotonic()
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while len(tray_icons(env)) <= before:
            if process.poll() is not None or time.monotonic() - started > 30:
                raise RuntimeError(f"{cmd} did not show a tray icon")
            time.sleep(0.01)
        launch_ms = (time.monotonic() - started) * 1000
        time.sleep(settle)
        pss, uss = memory_mb(process.pid)
        cpu_before, wall_before = cpu_seconds(process.pid), time.monotonic()
        time.sleep(idle)
        cpu = (cpu_seconds(process.pid) - cpu_before) / (time.monotonic() - wall_before) * 100
        return {"launch_ms": launch_ms, "pss": pss, "uss": uss, "cpu": cpu}
    finally:
        process.terminate()
        process.wait(10)
        while len(tray_icons(env)) > before:
            time.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--settle", type=float, default=5.0)
    parser.add_argument("--idle", type=float, default=30.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="deskbreak-bench-") as work:
        desktop = VirtualDesktop(Path(work) / "desktop").start()
        try:
            bare = Path(work) / "bare_tray.py"
            bare.write_text(BARE_TRAY_APP)
            profile = Path(work) / "profile"
            apps = {
                "bare PySide6 tray app": [sys.executable, str(bare)],
                "deskbreak": [sys.executable, "-m", "deskbreak", "--config-dir", str(profile / "c"),
                              "--data-dir", str(profile / "d")],
            }
            print(f"{'app':<24} {'launch to tray ms':>18} {'idle PSS MB':>12} "
                  f"{'idle USS MB':>12} {'idle CPU %':>11}   (median of {args.runs})")
            for name, cmd in apps.items():
                runs = [measure(cmd, desktop.env, args.settle, args.idle) for _ in range(args.runs)]
                median = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                print(f"{name:<24} {median['launch_ms']:>18.0f} {median['pss']:>12.1f} "
                      f"{median['uss']:>12.1f} {median['cpu']:>11.2f}")
        finally:
            desktop.stop()


if __name__ == "__main__":
    main()
