"""Hold a due break while another app's window is fullscreen in KDE Plasma (KWin), on Wayland or X11.

KWin tells no Wayland client about another client's window, and a fullscreen
window (a game, a slide show, any app's own fullscreen mode) takes no
inhibitor, so :mod:`.kde_inhibitors` cannot see it. KWin runs scripts, though
(:mod:`deskbreak.adapters.kwin_scripting`): this source loads a small one that
watches every window's ``fullScreen``, ``minimized`` and desktop and calls this
app's own D-Bus object whenever the answer to "is a window of another app
fullscreen on the current desktop?" changes. The source keeps the last answer,
so asking it costs no round trip. The app's own windows (the break window goes
fullscreen) are left out by process id; only calls from KWin's connection
are believed.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime

from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusVirtualObject

from deskbreak.adapters import kwin_scripting
from deskbreak.adapters.holds import session_bus
from deskbreak.adapters.holds.desktop import Desktop
from deskbreak.adapters.holds.gnome_shell_fullscreen import fullscreen_window
from deskbreak.core.scheduling.holds import Hold, HoldSource
from deskbreak.core.settings import Settings

log = logging.getLogger(__name__)

KEYS: tuple[str, ...] = ()

OBJECT_PATH = "/io/github/deskbreak/KWinFullscreen"
INTERFACE = "io.github.deskbreak.KWinFullscreen"
METHOD = "Changed"
SCRIPT_NAME = "deskbreak-fullscreen"
INTROSPECTION = (f'<interface name="{INTERFACE}"><method name="{METHOD}">'
                 '<arg name="fullscreen" type="b" direction="in"/><arg name="app" type="s" direction="in"/>'
                 '</method></interface>')

#: The script's body; it starts with ``const deskbreak = {...}`` (see :func:`script_text`).
#: Plasma 6 renamed clientList/clientAdded/clientRemoved to window* and gave windows a list of desktops.
SCRIPT = """
function windows() {
    return workspace.windowList ? workspace.windowList() : workspace.clientList();
}
function onCurrentDesktop(window) {
    const current = workspace.currentDesktop;  // a number in Plasma 5, a desktop object in Plasma 6
    return window.onAllDesktops ||
        (typeof current === "number" ? window.desktop === current : window.desktops.includes(current));
}
let reported = null;
function report(leaving) {
    const found = windows().find(window => window !== leaving && window.fullScreen && !window.minimized &&
                                           window.pid !== deskbreak.appPid && onCurrentDesktop(window));
    const app = found ? String(found.resourceClass) : "";
    const answer = found ? "fullscreen " + app : "";
    if (answer === reported)
        return;
    reported = answer;
    callDBus(deskbreak.service, deskbreak.path, deskbreak.interface, deskbreak.method, !!found, app);
}
function watch(window) {
    for (const signal of ["fullScreenChanged", "minimizedChanged", "desktopChanged", "desktopsChanged"]) {
        if (window[signal])
            window[signal].connect(() => report(null));
    }
}
windows().forEach(watch);
(workspace.windowAdded || workspace.clientAdded).connect(window => { watch(window); report(null); });
(workspace.windowRemoved || workspace.clientRemoved).connect(window => report(window));
workspace.currentDesktopChanged.connect(() => report(null));
report(null);
"""


def sources(settings: Settings, desktop: Desktop) -> list[HoldSource]:
    return session_bus.if_running(desktop, kwin_scripting.SERVICE, KWinFullscreen)


def script_text(service: str, app_pid: int) -> str:
    """The script that reports to ``service`` (the app's unique bus name), leaving out ``app_pid``'s windows."""
    settings = {"service": service, "path": OBJECT_PATH, "interface": INTERFACE, "method": METHOD,
                "appPid": app_pid}
    return f"const deskbreak = {json.dumps(settings)};\n{SCRIPT}"


class FullscreenReports(QDBusVirtualObject):
    """The object KWin's script calls: keeps the last answer of the sender it believes."""

    def __init__(self, kwin: str) -> None:
        super().__init__()
        self._kwin = kwin
        #: The app whose window is fullscreen ("" when KWin knows no name for it); None: none, or no report yet.
        self.fullscreen_app: str | None = None

    def introspect(self, path: str) -> str:
        return INTROSPECTION

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        if (message.interface(), message.member(), message.signature()) != (INTERFACE, METHOD, "bs"):
            return False  # QtDBus answers it with an error
        if message.service() != self._kwin:
            connection.send(message.createErrorReply("org.freedesktop.DBus.Error.AccessDenied",
                                                     "only KWin reports fullscreen windows"))
            return True
        fullscreen, app = message.arguments()
        self.fullscreen_app = app if fullscreen else None
        log.info("KWin reports %s", f"a fullscreen window of {app or 'an app'}" if fullscreen else "no fullscreen window")
        connection.send(message.createReply())
        return True


class KWinFullscreen:
    """Another app's window is fullscreen on the current desktop, as KWin's script last reported."""

    name = "kwin-fullscreen"

    def __init__(self, connection: QDBusConnection) -> None:
        kwin = connection.interface().serviceOwner(kwin_scripting.SERVICE)
        if not kwin.isValid():
            raise OSError(f"no owner of {kwin_scripting.SERVICE}")
        self._bus = connection
        self._reports = FullscreenReports(kwin.value())
        if not connection.registerVirtualObject(OBJECT_PATH, self._reports):
            raise OSError(f"{OBJECT_PATH} is taken on the session bus")
        try:
            text = script_text(connection.baseService(), os.getpid())
            self._script = kwin_scripting.load(text, SCRIPT_NAME, connection)
        except Exception:
            connection.unregisterObject(OBJECT_PATH)
            raise

    def hold(self, now: datetime) -> Hold | None:
        app = self._reports.fullscreen_app
        return None if app is None else Hold(fullscreen_window("KDE"), f"{self.name}: {app or 'an app'}")

    def close(self) -> None:
        self._script.unload()
        self._bus.unregisterObject(OBJECT_PATH)
