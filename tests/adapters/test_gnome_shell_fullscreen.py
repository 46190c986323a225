"""A native fullscreen window in GNOME holds a break: deskbreak's GNOME Shell extension answers over D-Bus.

GNOME tells no app about another app's window, and a fullscreen window takes
no inhibitor, so deskbreak ships a small extension (assets/desktop/gnome-
shell-extension) that answers on the shell's own bus name. Here the real extension
runs in gjs against a stand-in Mutter (fake_gnome_shell.py); the real Mutter's
answers are checked on a headless GNOME Shell (the Wayland tier).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from deskbreak.adapters.holds.gnome_shell_fullscreen import EXTENSION_UUID
from support.ci import require_program
from support.holds import FREE, NOW, detect_dnd, reason_of

FAKE_SHELL = Path(__file__).with_name("fake_gnome_shell.py")
REPO = Path(__file__).resolve().parents[2]
EXTENSION = REPO / "assets" / "desktop" / "gnome-shell-extension" / EXTENSION_UUID
HELD = "fullscreen window (GNOME)"
OTHER_APP = 4242
OURS = os.getpid()


@pytest.fixture
def gnome_shell(spawn_on_bus):
    """``gnome_shell(windows, *flags)``: the stand-in shell with deskbreak's extension, its windows bottom first."""
    require_program("gjs", "gjs")
    return lambda windows, *flags: spawn_on_bus(FAKE_SHELL, json.dumps(windows), *flags)


def gnome_holds(bus):
    holds = detect_dnd(environ={}, connection=bus)
    assert "gnome-shell-fullscreen" in holds.name.split("+")
    return holds


@pytest.mark.parametrize("windows, expected", [
    ([{"pid": OTHER_APP, "fullscreen": True, "wm_class": "mpv"}], HELD),
    ([{"pid": OTHER_APP, "fullscreen": False}], FREE),
    ([], FREE),
    ([{"pid": OTHER_APP, "fullscreen": True, "minimized": True}], FREE),
    # The break window itself goes fullscreen: it never holds the next break.
    ([{"pid": OURS, "fullscreen": True}], FREE),
    # Ours on top of a video on the same monitor: the break is what the user sees.
    ([{"pid": OTHER_APP, "fullscreen": True}, {"pid": OURS, "fullscreen": True}], FREE),
    # A video on the second monitor while our overlay covers the first.
    ([{"pid": OTHER_APP, "fullscreen": True, "monitor": 1}, {"pid": OURS, "fullscreen": True, "monitor": 0}], HELD),
    # A fullscreen window that GNOME knows no class of still holds.
    ([{"pid": OTHER_APP, "fullscreen": True}], HELD),
])
def test_another_apps_fullscreen_window_holds(gnome_shell, bus, windows, expected):
    gnome_shell(windows)
    assert reason_of(gnome_holds(bus)) == expected


def test_the_app_is_named_in_the_log(gnome_shell, bus, caplog):
    caplog.set_level(logging.INFO)
    gnome_shell([{"pid": OTHER_APP, "fullscreen": True, "wm_class": "mpv"}])
    gnome_holds(bus).hold(NOW)
    assert "fullscreen window (GNOME) (gnome-shell-fullscreen: mpv)" in caplog.text


def test_an_extension_enabled_after_start_is_used_without_a_restart(qtbot, gnome_shell, bus):
    # At login deskbreak may start before the shell has enabled its extensions.
    gnome_shell([{"pid": OTHER_APP, "fullscreen": True}], "--enable-after-ms", "300")
    holds = gnome_holds(bus)
    assert reason_of(holds) == FREE
    qtbot.waitUntil(lambda: reason_of(holds) == HELD, timeout=3000)


def test_without_gnome_shell_no_source_is_built(bus):
    assert "gnome-shell-fullscreen" not in detect_dnd(environ={}, connection=bus).name


def test_a_shell_gone_after_start_is_free(gnome_shell, bus):
    shell = gnome_shell([{"pid": OTHER_APP, "fullscreen": True}])
    holds = gnome_holds(bus)
    shell.stop()
    assert reason_of(holds) == FREE


def test_a_fullscreen_window_holds_before_an_inhibitor(gnome_shell, spawn_on_bus, bus):
    gnome_shell([{"pid": OTHER_APP, "fullscreen": True}])
    spawn_on_bus(Path(__file__).with_name("fake_inhibitors.py"), "gnome", "--inhibited-actions", "8")
    assert reason_of(detect_dnd(environ={}, connection=bus)) == HELD


def desktop(action: str, data_home: Path) -> None:
    """``deskbreak desktop ACTION`` (install or uninstall) into ``data_home``."""
    done = subprocess.run([sys.executable, "-m", "deskbreak", "desktop", action],
                          env={**os.environ, "XDG_DATA_HOME": str(data_home)}, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_install_puts_the_extension_where_gnome_shell_looks_and_uninstall_takes_exactly_it_out(tmp_path):
    extensions = tmp_path / "gnome-shell" / "extensions"
    other = extensions / "other@example.org"
    other.mkdir(parents=True)
    (other / "extension.js").write_text("// someone else's\n")
    desktop("install", tmp_path)
    installed = extensions / EXTENSION.name
    assert sorted(path.name for path in installed.iterdir()) == sorted(path.name for path in EXTENSION.iterdir())
    for path in EXTENSION.iterdir():
        assert (installed / path.name).read_bytes() == path.read_bytes()
    # GNOME Shell loads an extension only from a folder named as its uuid.
    assert json.loads((installed / "metadata.json").read_text())["uuid"] == installed.name == EXTENSION_UUID
    desktop("uninstall", tmp_path)
    assert not installed.exists()
    assert (other / "extension.js").read_text() == "// someone else's\n"


def test_the_extension_declares_the_shell_versions_it_loads_in():
    # 45 and later import extensions as ES modules; this one is a script (init()), so it must not claim them.
    metadata = json.loads((EXTENSION / "metadata.json").read_text())
    assert metadata["shell-version"] == ["42", "43", "44"]
    assert "function init()" in (EXTENSION / "extension.js").read_text()
