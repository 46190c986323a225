"""Hold a due break while an app inhibits idle in a GNOME session: a video playing, a presentation.

GNOME offers no public API that tells one app about another app's fullscreen
window on Wayland (``org.gnome.Shell.Introspect`` answers only the portal
backends, ``Eval`` needs unsafe mode). What it offers is the inhibitor video
players, browsers playing video and presenters take so the screen stays on:
gnome-session's ``InhibitedActions`` has its idle flag set while one is held
(the freedesktop ScreenSaver ``Inhibit`` lands there too, through
gnome-settings-daemon). A download keeping the machine awake inhibits
suspend only, and leaves the user free.
"""

from __future__ import annotations

from datetime import datetime

from deskbreak.adapters.holds import session_bus
from deskbreak.adapters.holds.desktop import Desktop
from deskbreak.core.i18n import translate
from deskbreak.core.scheduling.holds import Hold, HoldSource
from deskbreak.core.settings import Settings

KEYS: tuple[str, ...] = ()

SERVICE = "org.gnome.SessionManager"
PATH = "/org/gnome/SessionManager"
#: gnome-session's GSM_INHIBITOR_FLAG_IDLE: the session must not be marked idle.
IDLE_INHIBITED = 8


def sources(settings: Settings, desktop: Desktop) -> list[HoldSource]:
    return session_bus.if_running(desktop, SERVICE, GnomeIdleInhibitor)


def video_or_presentation(desktop_name: str) -> str:
    """The reason the tray and ``holding_for`` show, naming the desktop that reported it."""
    return translate("holds", "video or presentation ({desktop})").format(desktop=desktop_name)


class GnomeIdleInhibitor:
    """gnome-session's ``InhibitedActions``, read over D-Bus with a short timeout each time it is asked."""

    name = "gnome-session"

    def __init__(self, connection) -> None:
        self._bus = connection

    def hold(self, now: datetime) -> Hold | None:
        actions = session_bus.read_property(self._bus, SERVICE, PATH, SERVICE, "InhibitedActions")
        if isinstance(actions, int) and actions & IDLE_INHIBITED:
            return Hold(video_or_presentation("GNOME"), self.name)
        return None

    def close(self) -> None:
        pass  # the bus is the app's

