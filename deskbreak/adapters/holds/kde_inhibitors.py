"""Hold a due break while an app keeps the screen on in KDE Plasma: a video playing, a presentation.

KWin tells no other app about a Wayland window being fullscreen. PowerDevil's
policy agent knows who keeps the screen on: players and presenters take
``ChangeScreenSettings`` (with ``InterruptSession``), directly or through the
freedesktop ScreenSaver ``Inhibit``, which kscreenlocker passes on to it.
``HasInhibition(ChangeScreenSettings)`` answers whether one is held; a
suspend-only inhibitor (a download, a backup) leaves the user free.
"""

from __future__ import annotations

from datetime import datetime

from deskbreak.adapters.holds import session_bus
from deskbreak.adapters.holds.desktop import Desktop
from deskbreak.adapters.holds.gnome_inhibitors import video_or_presentation
from deskbreak.adapters.notify import dbus_uint32, dbus_uint32_supported
from deskbreak.core.scheduling.holds import Hold, HoldSource
from deskbreak.core.settings import Settings

KEYS: tuple[str, ...] = ()

SERVICE = "org.kde.Solid.PowerManagement"
PATH = "/org/kde/Solid/PowerManagement/PolicyAgent"
INTERFACE = "org.kde.Solid.PowerManagement.PolicyAgent"
#: PowerDevil's PolicyAgent::ChangeScreenSettings: the screen may not be dimmed or turned off.
CHANGE_SCREEN_SETTINGS = 4


def sources(settings: Settings, desktop: Desktop) -> list[HoldSource]:
    if not dbus_uint32_supported():  # HasInhibition takes a uint32, which PySide alone cannot send
        return []
    return session_bus.if_running(desktop, SERVICE, KdeScreenInhibitor)


class KdeScreenInhibitor:
    """PowerDevil's ``HasInhibition``, asked over D-Bus with a short timeout each time."""

    name = "powerdevil"

    def __init__(self, connection) -> None:
        self._bus = connection

    def hold(self, now: datetime) -> Hold | None:
        held = session_bus.call(self._bus, SERVICE, PATH, INTERFACE, "HasInhibition",
                                dbus_uint32(CHANGE_SCREEN_SETTINGS))
        return Hold(video_or_presentation("KDE"), self.name) if held is True else None

    def close(self) -> None:
        pass  # the bus is the app's

