"""Hold a due break while the desktop's own do-not-disturb switch is on.

GNOME's "Do Not Disturb" turns the ``show-banners`` setting off; KDE Plasma's
notification daemon reports ``Inhibited`` and dunst ``paused`` over D-Bus.
Neither is asked on Windows (its shell's verdict is the fullscreen source's)
or macOS, whose Focus is readable only with an entitlement or full disk access.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from datetime import datetime

from deskbreak.adapters.gsettings import read_boolean
from deskbreak.adapters.holds import session_bus
from deskbreak.adapters.holds.desktop import Desktop, optional
from deskbreak.core.clock import Clock
from deskbreak.core.scheduling.holds import Hold, HoldSource
from deskbreak.core.settings import Settings

KEYS: tuple[str, ...] = ()
DESKTOP_DND = "do not disturb"


def sources(settings: Settings, desktop: Desktop) -> list[HoldSource]:
    if not desktop.freedesktop:
        return []
    found: list[HoldSource] = []
    gsettings = shutil.which("gsettings", path=desktop.environ.get("PATH"))
    if gsettings and "gnome" in desktop.environ.get("XDG_CURRENT_DESKTOP", "").casefold():
        found.append(GnomeBanners(gsettings, desktop.environ, desktop.clock))
    return found + optional("D-Bus session bus",
                            lambda: NotificationDaemonSwitch(session_bus.connected(desktop.connection)))


class GnomeBanners:
    """GNOME's "Do Not Disturb" switch, which turns ``show-banners`` off.

    It runs ``gsettings`` (:mod:`deskbreak.adapters.gsettings`) and keeps the
    answer for ``reread_seconds``: a break that is due polls, and a process
    per poll would be wasteful.
    """

    name = "gnome"
    SCHEMA = "org.gnome.desktop.notifications"
    KEY = "show-banners"

    def __init__(self, gsettings: str, environ: Mapping[str, str], clock: Clock,
                 reread_seconds: float = 10.0, timeout_seconds: float = 1.0) -> None:
        self._gsettings = gsettings
        self._environ = dict(environ)
        self._clock = clock
        self._reread_seconds = reread_seconds
        self._timeout_seconds = timeout_seconds
        self._read_at: float | None = None
        self._banners_off = False

    def hold(self, now: datetime) -> Hold | None:
        checked = self._clock.monotonic()
        if self._read_at is None or checked - self._read_at >= self._reread_seconds:
            self._banners_off = self._read_banners_off()
            self._read_at = checked
        return Hold(DESKTOP_DND, self.name) if self._banners_off else None

    def close(self) -> None:
        pass

    def _read_banners_off(self) -> bool:
        # Only a plain "false" turns them off: a key that cannot be read leaves the user free.
        return read_boolean(self._gsettings, self._environ, self.SCHEMA, self.KEY, self._timeout_seconds) is False


class NotificationDaemonSwitch:
    """The notification daemon's pause switch, read over D-Bus with a short timeout.

    KDE Plasma exposes ``Inhibited`` on the freedesktop interface, dunst
    (1.6 and later) ``paused`` on its own; both live on the daemon's object.
    The daemon that answered last is asked first, so a check is usually one
    round trip. The request never starts a daemon that is not running.
    """

    name = "notification-daemon"
    SERVICE = "org.freedesktop.Notifications"
    PATH = "/org/freedesktop/Notifications"
    SWITCHES = (("org.freedesktop.Notifications", "Inhibited"), ("org.dunstproject.cmd0", "paused"))

    def __init__(self, connection) -> None:
        self._bus = connection
        self._switches = list(self.SWITCHES)

    def hold(self, now: datetime) -> Hold | None:
        for switch in self._switches:
            value = self._read(*switch)
            if value is None:
                continue
            self._switches.remove(switch)
            self._switches.insert(0, switch)
            return Hold(DESKTOP_DND, self.name) if value else None
        return None

    def close(self) -> None:
        pass  # the bus is the app's, shared with the notifications

    def _read(self, interface: str, property_name: str) -> bool | None:
        value = session_bus.read_property(self._bus, self.SERVICE, self.PATH, interface, property_name)
        return value if isinstance(value, bool) else None
