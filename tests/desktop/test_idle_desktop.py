"""Idle detection's X11 backend, against a fresh Xvfb (it has the MIT-SCREEN-SAVER extension).

Each test gets an X server of its own, so the idle time it reads starts from
zero; the D-Bus services it is weighed against are fakes on a private bus
(``tests/support/bus.py``). The rest of idle detection needs no display:
``tests/adapters/test_idle.py``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from deskbreak.adapters.idle import detect_idle_monitor

from .desktop import SCRUBBED_ENV, start_x_server

FAKE_SERVICES = Path(__file__).resolve().parent.parent / "support" / "fake_idle_services.py"


@pytest.fixture
def fake(spawn_on_bus):
    """``fake(*options)``: start fake_idle_services.py with those options."""
    return lambda *options: spawn_on_bus(FAKE_SERVICES, *options)


@pytest.fixture
def x_display(tmp_path: Path) -> Iterator[str]:
    """The name of a fresh Xvfb display."""
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    server, display = start_x_server(env, tmp_path / "logs", screen="320x240x24")
    try:
        yield display
    finally:
        server.terminate()


def test_x11_is_the_fallback_when_a_display_is_set(bus, x_display):
    monitor = detect_idle_monitor(bus, platform="linux", environ={"DISPLAY": x_display})
    assert monitor.name == "x11"
    assert 0 <= monitor.idle_seconds() < 60


def test_d_bus_answers_win_over_x11(bus, fake, x_display):
    fake("--screensaver", "700")
    assert detect_idle_monitor(bus, platform="linux", environ={"DISPLAY": x_display}).name == "freedesktop-screensaver"


@pytest.mark.parametrize("wayland", [{"WAYLAND_DISPLAY": "wayland-0"}, {"XDG_SESSION_TYPE": "wayland"}])
def test_a_wayland_session_never_trusts_x11(bus, x_display, wayland):
    """XWayland sees only input to X clients: typing in a Wayland window would look idle."""
    monitor = detect_idle_monitor(bus, platform="linux", environ={"DISPLAY": x_display, **wayland})
    assert monitor.name == "unavailable"
