"""The desktop's reduced-motion preference, from each of its sources, with fakes.

The portal is a fake service on the private bus of ``tests/support/bus.py``;
GNOME's ``enable-animations`` is read by the real ``gsettings`` from a keyfile
in ``tmp_path``; KDE's kdeglobals is a file in ``tmp_path``, also a missing,
garbled, huge and FIFO one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from deskbreak.adapters.holds.desktop import Desktop
from deskbreak.adapters.motion import (KDEGLOBALS_LIMIT, MotionPreference, desktop_motion, gnome_reduced_motion,
                                       kde_reduced_motion, kdeglobals_path, portal_reduced_motion)
from deskbreak.core.clock import FakeClock

FAKE_PORTAL = Path(__file__).with_name("fake_portal_settings.py")


# --- the setting over the desktop ---------------------------------------------------------


class Answers:
    """A preference source answering from a list, counting how often it is asked."""

    def __init__(self, *answers: bool | None) -> None:
        self.answers, self.asked = list(answers), 0

    def __call__(self) -> bool | None:
        self.asked += 1
        return self.answers[min(self.asked, len(self.answers)) - 1]


def test_full_and_reduced_never_ask_the_desktop():
    source = Answers(True)
    motion = MotionPreference([source], FakeClock())
    assert motion.reduced("full") is False
    assert motion.reduced("reduced") is True
    assert source.asked == 0


def test_system_takes_the_first_source_that_can_tell_and_keeps_it_a_minute():
    clock = FakeClock()
    cannot_tell, first, second = Answers(None), Answers(True, False), Answers(False)
    motion = MotionPreference([cannot_tell, first, second], clock)
    assert motion.reduced("system") is True
    assert (cannot_tell.asked, first.asked, second.asked) == (1, 1, 0)
    clock.advance(59)
    assert motion.reduced("system") is True  # kept: a break opening twice asks once
    assert first.asked == 1
    clock.advance(1)
    assert motion.reduced("system") is False  # asked again
    assert first.asked == 2


def test_a_desktop_that_cannot_tell_moves():
    assert MotionPreference([Answers(None)], FakeClock()).reduced("system") is False
    assert MotionPreference([], FakeClock()).reduced("system") is False


def test_windows_and_macos_have_no_source_here():
    for platform in ("win32", "darwin"):
        assert desktop_motion(Desktop(platform=platform, environ={"XDG_CURRENT_DESKTOP": "GNOME"})).sources == ()


def test_each_desktop_gets_its_own_sources(tmp_path):
    environ = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    names = lambda desktop: [source.__name__ for source in  # noqa: E731
                             desktop_motion(Desktop(platform="linux", environ={**environ, **desktop})).sources]
    assert names({}) == ["portal"]
    assert names({"XDG_CURRENT_DESKTOP": "KDE"}) == ["portal", "kde"]
    if shutil.which("gsettings", path=environ["PATH"]):
        assert names({"XDG_CURRENT_DESKTOP": "ubuntu:GNOME"}) == ["portal", "gnome"]


# --- the portal -------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [("1", True), ("0", False), ("absent", None)])
def test_the_portals_reduced_motion(spawn_on_bus, bus, value, expected):
    spawn_on_bus(FAKE_PORTAL, "--reduced-motion", value)
    assert portal_reduced_motion(bus) is expected


def test_an_older_portal_answers_read_with_a_variant_in_a_variant(spawn_on_bus, bus):
    spawn_on_bus(FAKE_PORTAL, "--reduced-motion", "1", "--read-only")
    assert portal_reduced_motion(bus) is True


def test_no_portal_cannot_tell(bus):
    assert portal_reduced_motion(bus) is None


def test_the_portal_decides_before_the_desktops_own_setting(spawn_on_bus, bus, tmp_path):
    spawn_on_bus(FAKE_PORTAL, "--reduced-motion", "0")
    write_kdeglobals(tmp_path, "[KDE]\nAnimationDurationFactor=0\n")
    desktop = Desktop(platform="linux", connection=bus, clock=FakeClock(),
                      environ={"XDG_CURRENT_DESKTOP": "KDE", "XDG_CONFIG_HOME": str(tmp_path)})
    assert desktop_motion(desktop).reduced("system") is False


# --- GNOME ----------------------------------------------------------------------------


@pytest.fixture
def gnome_environ(tmp_path: Path) -> dict[str, str]:
    """A GNOME session whose settings live in a keyfile in ``tmp_path``, never in the user's dconf."""
    if shutil.which("gsettings") is None:
        pytest.skip("gsettings not installed (Debian package libglib2.0-bin)")
    environ = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(tmp_path),
               "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CURRENT_DESKTOP": "GNOME",
               "GSETTINGS_BACKEND": "keyfile"}
    probe = subprocess.run(["gsettings", "get", "org.gnome.desktop.interface", "enable-animations"],
                           env=environ, capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        pytest.skip("the org.gnome.desktop.interface schema is not installed (gsettings-desktop-schemas)")
    return environ


@pytest.mark.parametrize("animations, expected", [("false", True), ("true", False)])
def test_gnomes_enable_animations(gnome_environ, animations, expected):
    subprocess.run(["gsettings", "set", "org.gnome.desktop.interface", "enable-animations", animations],
                   env=gnome_environ, check=True)
    assert gnome_reduced_motion(shutil.which("gsettings"), gnome_environ) is expected


def fake_gsettings(tmp_path: Path, script: str) -> str:
    path = tmp_path / "gsettings"
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(0o755)
    return str(path)


@pytest.mark.parametrize("script", ["echo 'No such schema'; exit 1", "echo maybe", "exec sleep 5"])
def test_gsettings_that_fails_or_talks_nonsense_or_hangs_cannot_tell(tmp_path, script):
    assert gnome_reduced_motion(fake_gsettings(tmp_path, script), {}, timeout_seconds=0.3) is None


# --- KDE ------------------------------------------------------------------------------


def write_kdeglobals(config: Path, text: str | bytes) -> Path:
    path = config / "kdeglobals"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


@pytest.mark.parametrize("text, expected", [
    ("[General]\nColorScheme=BreezeDark\n\n[KDE]\nAnimationDurationFactor=0\nSingleClick=false\n", True),
    ("[KDE]\nAnimationDurationFactor = 0.0\n", True),
    ("[KDE]\nAnimationDurationFactor=0.5\n", False),
    ("[KDE]\nAnimationDurationFactor=1\n", False),
    ("[KDE]\nSingleClick=false\n", False),  # never set: KDE animates
    ("[KDE][Sub]\nAnimationDurationFactor=0\n[KDE]\nLookAndFeelPackage=x\n", False),  # a subgroup is not [KDE]
    ("[Other]\nAnimationDurationFactor=0\n", False),
    ("[KDE]\nAnimationDurationFactor=slow\n", None),
    ("\x00\xff\xfe garbage [KDE\n=\n", False),
])
def test_kdes_animation_speed(tmp_path, text, expected):
    assert kde_reduced_motion(write_kdeglobals(tmp_path, text)) is expected


def test_a_missing_huge_or_fifo_kdeglobals_cannot_tell(tmp_path):
    assert kde_reduced_motion(tmp_path / "kdeglobals") is None
    huge = write_kdeglobals(tmp_path, "[KDE]\nAnimationDurationFactor=0\n" + "#" * KDEGLOBALS_LIMIT)
    assert kde_reduced_motion(huge) is None
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert kde_reduced_motion(fifo) is None  # and returns at once: no writer is waited for


def test_kdeglobals_is_in_the_config_home():
    assert kdeglobals_path({"XDG_CONFIG_HOME": "/c"}) == Path("/c/kdeglobals")
    assert kdeglobals_path({"HOME": "/h"}) == Path("/h/.config/kdeglobals")
