"""The test folders are the tiers, and only the desktop tier starts desktop programs.

``make test-fast`` runs every tier but ``tests/desktop`` on a machine without
Xvfb, openbox, trayer or dunst; the guard in ``tests/conftest.py`` fails a
test elsewhere that starts one, even where they are installed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from support.desktop_guard import DESKTOP_PROGRAMS, DesktopProgramOutsideDesktopTier

TESTS = Path(__file__).resolve().parent
TIERS = {"core", "ui", "adapters", "shell", "desktop", "wayland", "cli"}
#: Checks of the repository's files rather than of one layer of code.
REPOSITORY_CHECKS = {"test_packaging.py", "test_translations.py", "test_tiers.py"}


# Paths that do not exist: were the guard to let one through, it would fail to start, never run.
@pytest.mark.parametrize("command", [
    ["/nonexistent/Xvfb", "-displayfd", "3"],
    ["/nonexistent/dunst", "-config", "/dev/null"],
    ["setpriv", "--pdeathsig", "TERM", "--", "/nonexistent/openbox"],  # as the desktop harness starts daemons
    "/nonexistent/trayer --edge top",
])
def test_a_test_outside_the_desktop_tier_cannot_start_a_desktop_program(command):
    # Refused before anything runs, so this holds whether or not the program is installed.
    with pytest.raises(DesktopProgramOutsideDesktopTier, match="only the desktop tier may"):
        subprocess.Popen(command, shell=isinstance(command, str))


def test_other_programs_start_as_ever():
    done = subprocess.run([sys.executable, "-c", "print('dunst is only a word here')"],
                          capture_output=True, text=True, check=True)
    assert done.stdout == "dunst is only a word here\n"


def test_the_guard_knows_the_programs_the_desktop_tier_runs():
    assert {"Xvfb", "openbox", "trayer", "dunst", "gnome-shell", "kwin_wayland", "plasmashell"} <= DESKTOP_PROGRAMS


def test_every_test_module_is_in_a_tier_folder():
    misplaced = [str(path.relative_to(TESTS)) for path in TESTS.rglob("test_*.py")
                 if path.relative_to(TESTS).parts[0] not in TIERS | REPOSITORY_CHECKS]
    assert misplaced == []
