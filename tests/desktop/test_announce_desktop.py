"""A screen reader follows a real break: the app's announcements reach AT-SPI, as Orca would hear them.

The AT-SPI bus launcher (with its registry) runs on a private session bus;
a listener registers for ``Object:Announcement`` as a screen reader does
(``support/atspi_announcements.py``); the real app, with Qt's AT-SPI bridge
switched on, plays a due break. The listener must hear the routine's
phases once each (a two-minute walk is two announcements, not one a
second), a hold's last three seconds assertively, and "Break done." at the
end. (The order of every phase, the switch of sides included, is checked
offscreen in ``tests/ui/test_announce.py``.)
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support.app_cli import deskbreak_cmd, first_run_note_read
from support.ci import require_program

from .desktop import start_process, wait_for

LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
KEY_GUARD_S = 1.0
LISTENER = Path(__file__).resolve().parents[1] / "support" / "atspi_announcements.py"


@pytest.fixture
def accessibility_bus(desktop, private_bus, tmp_path) -> str:
    """The address of an AT-SPI bus (launcher and registry on ``private_bus``), stopped after the test."""
    require_program(LAUNCHER, "at-spi2-core")
    env = dict(desktop.env, DBUS_SESSION_BUS_ADDRESS=private_bus)
    launcher = start_process([LAUNCHER, "--launch-immediately"], env, name="at-spi-bus-launcher",
                             log_dir=tmp_path / "processes")
    desktop.processes.append(launcher)

    def address() -> str | None:
        reply = subprocess.run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus", "--object-path",
                                "/org/a11y/bus", "--method", "org.a11y.Bus.GetAddress"],
                               env=env, capture_output=True, text=True, timeout=10, check=False)
        return reply.stdout.strip()[2:-3] if reply.returncode == 0 else None  # "('unix:...',)"

    return wait_for(address, timeout=15, interval=0.2, message="the AT-SPI bus")


def test_a_real_break_is_announced_over_at_spi(desktop, accessibility_bus, tmp_path):
    listener = desktop.spawn([sys.executable, str(LISTENER), accessibility_bus], name="screen-reader")
    listener.wait_for_output(r"^READY$", timeout=15)
    first_run_note_read(tmp_path)
    app_env = dict(desktop.env, AT_SPI_BUS_ADDRESS=accessibility_bus, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
    app = start_process(deskbreak_cmd(tmp_path, "--sit-interval", "10s", "--prelude", "5s", "--set", "lead_in=1s",
                                      "--set", "runs="), app_env, name="deskbreak", log_dir=tmp_path / "processes")
    desktop.processes.append(app)

    def heard() -> list[dict]:
        return [json.loads(line) for line in listener.stdout_lines() if line.startswith("{")]

    def messages() -> list[str]:
        return [announcement["message"] for announcement in heard()]

    # The sit-break opens on a walk: its name and what to do, said once while it runs.
    window = desktop.wait_for_window(r"^deskbreak: Sit-break$", timeout=60)
    wait_for(lambda: len(messages()) >= 2 or None, timeout=10, interval=0.2, message="the walk announced")
    time.sleep(KEY_GUARD_S + 0.3)
    assert len(messages()) == 2, "nothing more while the walk runs, however many seconds tick"

    # Right skips the walk; the next exercises follow, each phase said once, until a hold's last
    # seconds are counted out assertively.
    desktop.send_key(window, "Right")
    wait_for(lambda: messages()[-3:] == ["3", "2", "1"] or None, timeout=75, interval=0.2,
             message="a hold counted down")
    said = heard()[2:]
    words = [announcement["message"] for announcement in said]
    assert "Get into position: right side" in words, words
    assert words[-4].startswith("Hold ") and words[-4].endswith(" seconds"), words
    assert [announcement["assertive"] for announcement in said[-4:]] == [False, True, True, True]
    assert all(first != second for first, second in zip(words, words[1:])), f"said twice: {words}"

    # The keys skip the rest; the end is announced once.
    for _ in range(5):
        desktop.send_key(window, "Right")
        time.sleep(0.3)
    wait_for(lambda: "Break done." in messages() or None, timeout=15, interval=0.2,
             message="the end of the break announced")
    assert messages().count("Break done.") == 1
