"""The inhibitors video players and presenters take, as GNOME and KDE Plasma on Wayland offer them.

On Wayland no app sees another app's fullscreen window, so the hold comes
from the inhibitor a player or presenter takes: GNOME's session manager's
``InhibitedActions`` (idle) and KDE's PowerDevil ``HasInhibition`` (screen
settings). Each fake service runs on the private bus of ``tests/support/bus.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.holds import FREE, detect_dnd, reason_of

FAKE_INHIBITORS = Path(__file__).with_name("fake_inhibitors.py")

IDLE, SUSPEND, LOGOUT = 8, 4, 1
INTERRUPT_SESSION, CHANGE_SCREEN_SETTINGS = 1, 4


@pytest.mark.parametrize("inhibited_actions, expected", [
    (IDLE, "video or presentation (GNOME)"),
    (IDLE | SUSPEND | LOGOUT, "video or presentation (GNOME)"),
    (0, FREE),
    (SUSPEND, FREE),  # a download or a backup keeps the machine awake, not the user's eyes
])
def test_gnome_holds_while_something_inhibits_idle(spawn_on_bus, bus, inhibited_actions, expected):
    spawn_on_bus(FAKE_INHIBITORS, "gnome", "--inhibited-actions", str(inhibited_actions))
    holds = detect_dnd(environ={}, connection=bus)
    assert "gnome-session" in holds.name.split("+")
    assert reason_of(holds) == expected


@pytest.mark.parametrize("inhibited_policies, expected", [
    (CHANGE_SCREEN_SETTINGS | INTERRUPT_SESSION, "video or presentation (KDE)"),  # what players take
    (CHANGE_SCREEN_SETTINGS, "video or presentation (KDE)"),
    (0, FREE),
    (INTERRUPT_SESSION, FREE),  # suspend only
])
def test_kde_holds_while_something_keeps_the_screen_on(spawn_on_bus, bus, inhibited_policies, expected):
    spawn_on_bus(FAKE_INHIBITORS, "kde", "--inhibited-policies", str(inhibited_policies))
    holds = detect_dnd(environ={}, connection=bus)
    assert "powerdevil" in holds.name.split("+")
    assert reason_of(holds) == expected


def test_without_either_service_no_inhibitor_source_is_built(bus):
    holds = detect_dnd(environ={}, connection=bus)
    assert not {"gnome-session", "powerdevil"} & set(holds.name.split("+"))


def test_a_service_gone_after_start_is_free(spawn_on_bus, bus):
    service = spawn_on_bus(FAKE_INHIBITORS, "gnome", "--inhibited-actions", str(IDLE))
    holds = detect_dnd(environ={}, connection=bus)
    service.stop()
    assert reason_of(holds) == FREE


def test_an_inhibitor_holds_before_the_desktops_do_not_disturb(spawn_on_bus, bus):
    spawn_on_bus(FAKE_INHIBITORS, "gnome", "--inhibited-actions", str(IDLE))
    spawn_on_bus(Path(__file__).with_name("fake_dnd_notifications.py"), "--inhibited", "true")
    holds = detect_dnd(environ={}, connection=bus)
    assert reason_of(holds) == "video or presentation (GNOME)"


def test_macos_and_windows_build_no_inhibitor_source(spawn_on_bus, bus):
    spawn_on_bus(FAKE_INHIBITORS, "gnome", "--inhibited-actions", str(IDLE))
    for platform in ("darwin", "win32"):
        assert "gnome-session" not in detect_dnd(platform=platform, environ={}, connection=bus).name
