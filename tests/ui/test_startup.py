"""What run_app tells Qt before anything shows: the name the desktop knows us by, and Qt's known noise."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from deskbreak.adapters.notify import DESKTOP_ENTRY
from deskbreak.ui.startup import identify_application

REPO = Path(__file__).resolve().parents[2]
SHIPPED_ENTRY = REPO / "assets" / "desktop" / "deskbreak.desktop"


def test_the_app_names_the_desktop_entry_we_ship(qapp):
    # On Wayland the window's app id is this name: the compositor finds our icon and name through it.
    before = (qapp.applicationName(), qapp.applicationVersion(), QGuiApplication.desktopFileName())
    try:
        identify_application(qapp)
        assert QGuiApplication.desktopFileName() == SHIPPED_ENTRY.stem == DESKTOP_ENTRY
    finally:
        qapp.setApplicationName(before[0])
        qapp.setApplicationVersion(before[1])
        QGuiApplication.setDesktopFileName(before[2])
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(SHIPPED_ENTRY, encoding="utf-8")
    assert entry["Desktop Entry"]["Icon"] == SHIPPED_ENTRY.stem


ASK_QT = """
from PySide6.QtCore import QLoggingCategory
from deskbreak.ui.startup import quiet_known_qt_noise
quiet_known_qt_noise()
print(*(QLoggingCategory(name).isWarningEnabled() for name in ("qt.qpa.wayland.textinput", "qt.qpa.wayland")))
"""


def warnings_enabled(rules: str | None) -> str:
    """Whether Qt's Wayland text-input and Wayland categories warn, in a fresh process with ``rules``."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("QT_LOGGING_RULES", None)
    if rules is not None:
        env["QT_LOGGING_RULES"] = rules
    done = subprocess.run([sys.executable, "-c", ASK_QT], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize(("rules", "expected"), [
    # GNOME 43's text-input leave arrives before Qt disables the surface, and Qt warns on each focus change.
    (None, "False True"),
    # The user's own rules still win, for this category as for every other.
    ("qt.qpa.wayland.textinput.warning=true", "True True"),
    ("qt.qpa.wayland.textinput=true;qt.qpa.wayland.warning=false", "True False"),
])
def test_only_the_text_input_warnings_are_off_and_the_user_can_turn_them_on(rules, expected):
    assert warnings_enabled(rules) == expected
