"""Hold a due break while another app's window is fullscreen in GNOME, as deskbreak's Shell extension says.

GNOME offers no public API that tells one app about another app's window on
Wayland (``org.gnome.Shell.Introspect`` answers only the portal backends,
``Eval`` needs unsafe mode), and a fullscreen window (a game, a slide show,
any app's own fullscreen mode) takes no inhibitor, so :mod:`.gnome_inhibitors`
cannot see it. As Workrave does, deskbreak ships a small GNOME Shell extension
(``assets/desktop/gnome-shell-extension``, installed by ``deskbreak desktop install``,
enabled by the user) that answers on the shell's own bus name whether a
monitor shows a fullscreen window of another process than the one asking.

The source is built wherever GNOME Shell runs and asks the extension each
time: at login deskbreak may start before the shell has enabled its
extensions, and a user may enable it later. Until it answers, the source
answers "free" (the inhibitor source still sees players and presenters).
"""

from __future__ import annotations

import logging
import os
from datetime import datetime

from PySide6.QtDBus import QDBusConnection, QDBusMessage

from deskbreak.adapters.dbus_call import call_without_starting
from deskbreak.adapters.holds import session_bus
from deskbreak.adapters.holds.desktop import Desktop
from deskbreak.core.i18n import translate
from deskbreak.core.scheduling.holds import Hold, HoldSource
from deskbreak.core.settings import Settings

log = logging.getLogger(__name__)

KEYS: tuple[str, ...] = ()

SERVICE = "org.gnome.Shell"
#: The extension's object and interface (assets/desktop/gnome-shell-extension/*/extension.js).
PATH = "/io/github/deskbreak/Fullscreen"
INTERFACE = "io.github.deskbreak.Fullscreen"
EXTENSION_UUID = "deskbreak@deskbreak.github.io"


def sources(settings: Settings, desktop: Desktop) -> list[HoldSource]:
    return session_bus.if_running(desktop, SERVICE, GnomeShellFullscreen)


def fullscreen_window(desktop_name: str) -> str:
    """The reason the tray and ``holding_for`` show, naming the desktop that reported it."""
    return translate("holds", "fullscreen window ({desktop})").format(desktop=desktop_name)


class GnomeShellFullscreen:
    """The extension's ``FullscreenWindow``, asked over D-Bus with a short timeout each time."""

    name = "gnome-shell-fullscreen"

    def __init__(self, connection: QDBusConnection) -> None:
        self._bus = connection
        self._app_pid = os.getpid()
        self._answering: bool | None = None

    def hold(self, now: datetime) -> Hold | None:
        reply = call_without_starting(self._bus, SERVICE, PATH, INTERFACE, "FullscreenWindow", self._app_pid,
                                      timeout_ms=session_bus.TIMEOUT_MS)
        answering = reply.type() == QDBusMessage.MessageType.ReplyMessage
        if answering != self._answering:
            self._answering = answering
            log.info("GNOME Shell extension %s %s", EXTENSION_UUID,
                     "answers" if answering else f"does not answer (not enabled?): {reply.errorMessage()}")
        match reply.arguments() if answering else []:
            case [True, str(app)]:
                return Hold(fullscreen_window("GNOME"), f"{self.name}: {app or 'an app'}")
        return None

    def close(self) -> None:
        pass  # the bus is the app's
