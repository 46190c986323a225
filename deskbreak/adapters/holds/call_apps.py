"""Hold a due break while a video-call app has a window (X11 ``WM_CLASS``, from the ``dnd_apps`` list).

Under a Wayland session this sees XWayland windows, which is where the
Linux clients of the call apps run today.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from deskbreak.adapters.holds.desktop import Desktop, x_windows
from deskbreak.adapters.x11 import XlibWindows
from deskbreak.core.scheduling.holds import Hold, HoldSource
from deskbreak.core.settings import SETTING_BY_KEY, Settings

KEYS = ("dnd_apps",)

#: Video-call apps whose desktop client has windows of its own, matched
#: case-insensitively as part of a window's WM_CLASS (``xprop WM_CLASS`` shows
#: it): Zoom's windows are "zoom", teams-for-linux (Microsoft dropped its own
#: Linux client) contains "teams", Jitsi Meet's app "jitsi meet". What this
#: sees is an open window, not a call in progress: a user who keeps Zoom open
#: all day should take it off the list. Left out: Skype (closed by Microsoft
#: in May 2025), Slack (open all day, huddle or not), and every call in a
#: browser tab, which no window class tells apart.
#: The list itself is the ``dnd_apps`` setting's default, declared once in the settings table.
DEFAULT_DND_APPS: tuple[str, ...] = SETTING_BY_KEY["dnd_apps"].default_value


def sources(settings: Settings, desktop: Desktop) -> list[HoldSource]:
    apps = settings.dnd_apps
    if not any(app.strip() for app in apps):
        return []  # and no X connection kept open for nothing
    return [X11CallApps(windows, apps) for windows in x_windows(desktop)]


class X11CallApps:
    """A window of an app on the list is managed by the window manager (minimized ones too)."""

    name = "x11-apps"

    def __init__(self, windows: XlibWindows, apps: Sequence[str]) -> None:
        self._windows = windows
        # An empty entry would be part of every class name.
        self._apps = [(app.strip(), app.strip().casefold()) for app in apps if app.strip()]
        self._classes: dict[int, str] = {}

    def hold(self, now: datetime) -> Hold | None:
        clients = self._windows.ids(self._windows.root, "_NET_CLIENT_LIST")
        # WM_CLASS is set before a window is mapped and stays while it is
        # (ICCCM 4.1.2.5), so each window costs one read in its lifetime.
        self._classes = {
            window: self._classes[window] if window in self._classes else self._class_of(window)
            for window in clients
        }
        for app, needle in self._apps:
            if any(needle in wm_class for wm_class in self._classes.values()):
                return Hold(app, self.name)
        return None

    def _class_of(self, window: int) -> str:
        # Instance and class stay apart so an entry cannot match across the two.
        return "\0".join(self._windows.texts(window, "WM_CLASS")).casefold()

    def close(self) -> None:
        self._windows.close()
