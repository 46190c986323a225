"""The README's break window and tray menu screenshots, from a real run.

    .venv/bin/python scripts/readme_screenshots.py [OUT_DIR]

Starts the desktop test tier's virtual desktop (Xvfb, openbox, trayer,
dunst), runs deskbreak with a fresh profile, starts the pre-run routine from
the command line, and crops the break window (a few seconds in, the figure
holding) and the tray menu (opened with a right click) out of full-screen
captures made with ImageMagick's ``import``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from desktop.desktop import Geometry, VirtualDesktop, wait_for  # noqa: E402

MENU_CORNER = (440, 310)


def crop(full: Path, out: Path, geometry) -> None:
    box = f"{geometry.width}x{geometry.height}+{geometry.x}+{geometry.y}"
    subprocess.run(["convert", str(full), "-crop", box, "+repage", str(out)], check=True)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else REPO / "docs" / "screenshots").resolve()
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        desktop = VirtualDesktop(work_dir / "desktop").start()
        profile = work_dir / "profile"
        (profile / "data").mkdir(parents=True)
        (profile / "data" / "first-run-note-dismissed").write_text("dismissed\n")
        command = [sys.executable, "-m", "deskbreak", "--config-dir", str(profile), "--data-dir",
                   str(profile / "data"), "--set", "runs="]
        app = subprocess.Popen(command, env=desktop.env, stderr=subprocess.DEVNULL)
        try:
            wait_for(lambda: len(desktop.tray_icons()) == 1, timeout=30, message="the tray icon")
            subprocess.run([*command, "break-now", "--kind", "prerun"], env=desktop.env, check=True,
                           capture_output=True)
            window = desktop.wait_for_window(r"^deskbreak: Pre-run routine$", timeout=15)
            time.sleep(6)  # past the lead-in: the figure holds, the ring counts
            full = desktop.screenshot(work_dir / "full.png")
            crop(full, out / "break-window.png", desktop.window_geometry(window))
            subprocess.run([*command, "skip"], env=desktop.env, check=True, capture_output=True)
            time.sleep(1)
            [icon] = desktop.tray_icons()
            desktop.click(*icon.geometry.center, button=3)
            time.sleep(1)
            full = desktop.screenshot(work_dir / "menu.png")
            # The menu opens under the icon, in the panel's corner: take that corner.
            corner = Geometry(x=icon.geometry.x + icon.geometry.width - MENU_CORNER[0], y=0,
                              width=MENU_CORNER[0], height=MENU_CORNER[1])
            crop(full, out / "tray-menu.png", corner)
        finally:
            app.terminate()
            app.wait(10)
            desktop.stop()
    print(out / "break-window.png")
    print(out / "tray-menu.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
