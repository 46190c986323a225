"""The PyInstaller build (``make package``) runs on a real (virtual) desktop.

A bundle that builds can still start without what deskbreak loads by name:
the SVG icon engine (the tray shows an empty square), plyer's backend, the
assets. So the frozen program itself is started with an isolated profile
and a short sit-interval: its tray icon has a picture, its notification
reaches dunst over D-Bus, its break window opens, and ``deskbreak quit``
from the same bundle ends it. Without ``dist/deskbreak/deskbreak`` these
tests skip; ``make package`` builds it in under a minute.
"""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from pathlib import Path

import pytest

from support.desktop_entry import desktop_entry, exec_arguments
from support.file_tree import snapshot

from .desktop import wait_for

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "deskbreak"
FROZEN = BUNDLE / "deskbreak"
INTERNAL = BUNDLE / "_internal"

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(not FROZEN.is_file(), reason="no dist/deskbreak/deskbreak: run `make package` to test the bundle"),
]


def frozen_cmd(profile: Path, *args: str) -> list[str]:
    return [str(FROZEN), "--config-dir", str(profile / "config"), "--data-dir", str(profile / "data"), *args]


def colours_in(image: Path, geometry) -> int:
    """How many distinct colours the screen shows in ``geometry``."""
    box = f"{geometry.width}x{geometry.height}+{geometry.x}+{geometry.y}"
    out = subprocess.run(["convert", str(image), "-crop", box, "+repage", "-format", "%k", "info:"],
                         capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def test_the_bundle_holds_what_deskbreak_loads_by_name():
    qt = INTERNAL / "PySide6" / "Qt"
    for plugin in ("platforms/libqxcb.so", "platforms/libqwayland.so", "iconengines/libqsvgicon.so",
                   "imageformats/libqsvg.so", "platformthemes/libqxdgdesktopportal.so"):
        assert (qt / "plugins" / plugin).is_file(), plugin
    assert not list(qt.glob("plugins/platformthemes/*gtk*")), "the GTK theme would pull GTK's stack in"
    for library in ("libQt6Svg.so.6", "libQt6DBus.so.6", "libQt6Network.so.6"):
        assert (INTERNAL / library).exists(), library
    assets = INTERNAL / "deskbreak" / "assets"
    source = ROOT / "assets"
    shipped = {p.relative_to(source) for p in source.rglob("*")
               if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts}
    bundled = {p.relative_to(assets) for p in assets.rglob("*") if p.is_file()}
    assert shipped <= bundled, sorted(map(str, shipped - bundled))
    assert any(assets.glob("translations/*.qm"))


def test_the_archive_holds_modules_imported_by_name():
    readers = pytest.importorskip("PyInstaller.archive.readers", reason="PyInstaller is not installed (the package extra)")
    archive = readers.CArchiveReader(str(FROZEN))
    [pyz] = [name for name in archive.toc if name.endswith(".pyz")]
    modules = archive.open_embedded_archive(pyz).toc
    for module in ("plyer.platforms.linux.notification", "deskbreak.assets", "apscheduler.schedulers.qt",
                   "apscheduler.triggers.date"):
        assert module in modules, module


def test_the_bundle_puts_itself_in_the_application_menu_and_takes_itself_out(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(data)}
    done = subprocess.run([str(FROZEN), "desktop", "install"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    entry = desktop_entry(data / "applications" / "deskbreak.desktop")
    assert exec_arguments(entry["Exec"]) == [str(FROZEN)]
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "deskbreak.png").is_file()
    done = subprocess.run([str(FROZEN), "desktop", "uninstall"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert snapshot(data) == {}


def test_the_frozen_app_version_matches_the_project():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    out = subprocess.run([str(FROZEN), "--version"], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == f"deskbreak {version}"


def test_the_frozen_app_shows_its_tray_icon_notifies_breaks_and_quits(desktop, tmp_path):
    app = desktop.spawn(
        frozen_cmd(tmp_path, "--sit-interval", "12s", "--prelude", "4s", "--set", "lead_in=1s", "--set", "runs="),
        name="frozen-deskbreak",
    )
    app.wait_for_output(r"system tray: icon shown", stream="stderr", timeout=30)
    [icon] = wait_for(lambda: desktop.tray_icons() or None, timeout=10, message="the bundle's tray icon")
    # The icon is an SVG: a picture there means the SVG icon engine came along.
    shot = desktop.screenshot(tmp_path / "tray.png")
    assert colours_in(shot, icon.geometry) > 8, "the tray icon is blank: is iconengines/libqsvgicon.so bundled?"

    note = desktop.wait_for_notification(r"^Sit-break in \d+ s: ", timeout=30)
    assert note["appname"] == "deskbreak"
    app.wait_for_output(r"prelude notification via freedesktop", stream="stderr", timeout=5)

    window = desktop.wait_for_window(r"^deskbreak: Sit-break$", timeout=20)
    geometry = desktop.window_geometry(window)
    assert geometry.width >= 600 and geometry.height >= 400
    # The figure and the hold ring are drawn from the bundled catalog and poses.
    shot = desktop.screenshot(tmp_path / "break-window.png")
    assert colours_in(shot, geometry) > 50

    status = subprocess.run(frozen_cmd(tmp_path, "status"), env=desktop.env, capture_output=True,
                            text=True, timeout=30)
    assert status.returncode == 0, status.stderr
    quit_ = subprocess.run(frozen_cmd(tmp_path, "quit"), env=desktop.env, capture_output=True,
                           text=True, timeout=30)
    assert quit_.returncode == 0, quit_.stderr
    wait_for(lambda: not app.running(), timeout=15, message="the bundle exits after `deskbreak quit`")
    assert app.returncode == 0, app.stderr()
    wait_for(lambda: desktop.tray_icons() == [], timeout=10, message="the tray icon to leave")
    assert not re.search(r"Traceback|ModuleNotFoundError|Cannot load library", app.stderr()), app.stderr()
