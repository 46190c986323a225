"""Notifications against the real dunst on the tier's virtual desktop: one on screen after three.

The freedesktop backend runs in this process, connected to the desktop's
session bus, where dunst owns ``org.freedesktop.Notifications``. The rest of
the backend is tested against a fake server in ``tests/adapters/test_notify.py``.
"""

from __future__ import annotations

from deskbreak.adapters.notify import FreedesktopNotifier
from support.bus import connected_bus

from .desktop import DesktopTestContext

POSTPONE = ("postpone", "Postpone")


def test_dunst_shows_one_notification_after_three(qapp, desktop: DesktopTestContext):
    with connected_bus(desktop.env["DBUS_SESSION_BUS_ADDRESS"], "notify-test") as bus:
        notifier = FreedesktopNotifier(bus)
        for n in range(3):
            assert notifier.notify(f"Break in {3 - n} min", "Stand up", expire_s=60, actions=[POSTPONE])
        assert desktop.displayed_notification_count() == 1
        notifier.withdraw()
        desktop.wait_for(lambda: desktop.displayed_notification_count() == 0, 5, message="dunst to close it")
