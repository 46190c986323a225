"""Whether a due break has to wait: a fullscreen window, the desktop's do-not-disturb, a call.

The app asks :meth:`DoNotDisturbMonitor.check` only when a break is due; a
busy answer postpones the break (the engine decides for how long and when
postponing has to stop). So a check must be cheap and must never hang or
crash the app: every source answers "free" when it cannot tell, and the
first source with a reason wins, in this order:

1. fullscreen: on X11 the active window carries ``_NET_WM_STATE_FULLSCREEN``;
   on Windows the shell reports a fullscreen app, a Direct3D game or
   presentation mode (``SHQueryUserNotificationState``);
2. the desktop's own do-not-disturb switch: GNOME's "Do Not Disturb" (the
   ``show-banners`` setting), the notification daemon's ``Inhibited``
   property (KDE Plasma) or dunst's ``paused``;
3. a video-call app has a window (X11 ``WM_CLASS``, from a user list).

Under a Wayland session the X11 sources see only XWayland windows, which is
where the Linux clients of the call apps run today; without ``DISPLAY`` they
are left out. macOS gets no source at all: Focus (its do-not-disturb) is
readable only with an entitlement or full disk access, and fullscreen spaces
only through private APIs, so there the monitor always answers free.

Sources keep what they opened (an X connection, the bus) for the life of
the app and must be called from one thread, the GUI thread.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol, TypeVar

from deskbreak.core.clock import Clock, SystemClock
from deskbreak.core.ports import DndState
from deskbreak.core.settings import SETTING_BY_KEY

__all__ = [
    "DEFAULT_DND_APPS",
    "DndState",
    "DoNotDisturbMonitor",
    "NullDnd",
    "detect_dnd",
]

log = logging.getLogger(__name__)
T = TypeVar("T")

FULLSCREEN = "fullscreen"
PRESENTATION = "presentation"
DESKTOP_DND = "do not disturb"
FREE = DndState(None)

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


class DndSource(Protocol):
    name: str

    def reason(self) -> str | None:
        """Why the user is busy right now, or None (also when this source cannot tell)."""


class DoNotDisturbMonitor:
    """Asks its sources in order; the first reason wins, a failing source counts as free."""

    def __init__(self, sources: Sequence[DndSource] = ()) -> None:
        self.sources = tuple(sources)
        self.name = "+".join(source.name for source in self.sources) or "none"
        self._reported_failures: set[str] = set()

    def check(self) -> DndState:
        for source in self.sources:
            try:
                reason = source.reason()
            except Exception as exc:  # a broken source costs its own answer, never the break
                if source.name not in self._reported_failures:
                    self._reported_failures.add(source.name)
                    log.warning("do-not-disturb source %s failed, counted as free: %s", source.name, exc)
                continue
            if reason:
                return DndState(reason)
        return FREE

    def close(self) -> None:
        """Let go of what the sources hold open (the X connection); checks answer free after."""
        for source in self.sources:
            close = getattr(source, "close", None)
            if close is not None:
                close()


class NullDnd(DoNotDisturbMonitor):
    """No source at all: never busy, so breaks run on schedule."""

    def __init__(self) -> None:
        super().__init__(())


# --- X11 -------------------------------------------------------------------------------

_ANY_PROPERTY_TYPE = 0
_SUCCESS = 0
_XErrorHandler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
# Xlib's default error handler prints the error and exit()s the process, and a
# window can close between listing it and reading it (BadWindow). The call
# that failed reports the failure itself, so the handler has nothing to add.
_IGNORE_X_ERROR = _XErrorHandler(lambda display, event: 0)


def _declare(xlib: ctypes.CDLL) -> None:
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    xlib.XDefaultRootWindow.restype = ctypes.c_ulong
    xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    xlib.XInternAtom.restype = ctypes.c_ulong
    xlib.XGetWindowProperty.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long,
        ctypes.c_int, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte)),
    ]
    xlib.XGetWindowProperty.restype = ctypes.c_int
    xlib.XFree.argtypes = [ctypes.c_void_p]
    xlib.XSetErrorHandler.argtypes = [ctypes.c_void_p]
    xlib.XSetErrorHandler.restype = ctypes.c_void_p


def _ignore_x_errors_unless_handled(xlib: ctypes.CDLL) -> None:
    """Install the ignoring handler only where Xlib's fatal default is in place.

    The handler is global to the process. Qt's xcb plugin installs one that
    ignores errors too; keeping it leaves Qt's own Xlib connection to Qt's C
    code rather than to a Python callback. Xlib hands back its default only
    after it was put in place, hence the swap: NULL installs the default and
    returns the current one, putting the current one back returns the default.
    """
    current = xlib.XSetErrorHandler(None)
    default = xlib.XSetErrorHandler(current)
    if current == default:
        xlib.XSetErrorHandler(ctypes.cast(_IGNORE_X_ERROR, ctypes.c_void_p))


class XlibWindows:
    """Window properties read over an Xlib connection of our own, opened once.

    Every read is one round trip to the X server (tens of microseconds
    locally). A read that fails (the window closed meanwhile) answers None.
    Losing the X server itself ends the process in Xlib's I/O error handler,
    as it ends Qt's xcb connection.
    """

    def __init__(self, display_name: str) -> None:
        path = ctypes.util.find_library("X11")
        if not path:
            raise OSError("libX11 not found")
        self._xlib = ctypes.cdll.LoadLibrary(path)
        _declare(self._xlib)
        _ignore_x_errors_unless_handled(self._xlib)
        self._display = self._xlib.XOpenDisplay(display_name.encode())
        if not self._display:
            raise OSError(f"cannot open X display {display_name!r}")
        self.root = int(self._xlib.XDefaultRootWindow(self._display))
        self._atoms: dict[str, int] = {}

    def atom(self, name: str) -> int:
        if name not in self._atoms:
            self._atoms[name] = int(self._xlib.XInternAtom(self._display, name.encode(), 0))
        return self._atoms[name]

    def ids(self, window: int, name: str, max_items: int = 4096) -> list[int]:
        """A list of windows or atoms (a format-32 property); empty when unset or unreadable."""
        value = self._property(window, name, max_items)
        return value if isinstance(value, list) else []

    def texts(self, window: int, name: str) -> list[str]:
        """A list of strings (a format-8 property such as WM_CLASS); empty when unset or unreadable."""
        value = self._property(window, name, 256)
        if not isinstance(value, bytes):
            return []
        return value.decode("latin-1").rstrip("\0").split("\0")

    def _property(self, window: int, name: str, max_items: int) -> list[int] | bytes | None:
        if not self._display:
            return None
        actual_type, actual_format = ctypes.c_ulong(), ctypes.c_int()
        count, remaining = ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.POINTER(ctypes.c_ubyte)()
        status = self._xlib.XGetWindowProperty(
            self._display, window, self.atom(name), 0, max_items, 0, _ANY_PROPERTY_TYPE,
            ctypes.byref(actual_type), ctypes.byref(actual_format), ctypes.byref(count),
            ctypes.byref(remaining), ctypes.byref(data),
        )
        if status != _SUCCESS or not data:
            return None
        try:
            if actual_format.value == 32:
                # Xlib hands format-32 items over as C longs, 8 bytes each on 64-bit systems.
                return list(ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[: count.value])
            if actual_format.value == 8:
                return ctypes.string_at(data, count.value)
            return None
        finally:
            self._xlib.XFree(data)

    def close(self) -> None:
        if self._display:
            self._xlib.XCloseDisplay(self._display)
            self._display = None


class X11Fullscreen:
    """The active window is fullscreen (EWMH), as a video, a game or a slide show is."""

    name = "x11-fullscreen"

    def __init__(self, windows: XlibWindows) -> None:
        self._windows = windows

    def reason(self) -> str | None:
        active = self._windows.ids(self._windows.root, "_NET_ACTIVE_WINDOW")
        if not active or not active[0]:
            return None
        state = self._windows.ids(active[0], "_NET_WM_STATE")
        return FULLSCREEN if self._windows.atom("_NET_WM_STATE_FULLSCREEN") in state else None

    def close(self) -> None:
        self._windows.close()


class X11CallApps:
    """A window of an app on the list is managed by the window manager (minimized ones too)."""

    name = "x11-apps"

    def __init__(self, windows: XlibWindows, apps: Sequence[str]) -> None:
        self._windows = windows
        # An empty entry would be part of every class name.
        self._apps = [(app.strip(), app.strip().casefold()) for app in apps if app.strip()]
        self._classes: dict[int, str] = {}

    def reason(self) -> str | None:
        clients = self._windows.ids(self._windows.root, "_NET_CLIENT_LIST")
        # WM_CLASS is set before a window is mapped and stays while it is
        # (ICCCM 4.1.2.5), so each window costs one read in its lifetime.
        self._classes = {
            window: self._classes[window] if window in self._classes else self._class_of(window)
            for window in clients
        }
        for app, needle in self._apps:
            if any(needle in wm_class for wm_class in self._classes.values()):
                return app
        return None

    def _class_of(self, window: int) -> str:
        # Instance and class stay apart so an entry cannot match across the two.
        return "\0".join(self._windows.texts(window, "WM_CLASS")).casefold()

    def close(self) -> None:
        self._windows.close()


# --- the desktop's own do-not-disturb -------------------------------------------------


class GnomeBanners:
    """GNOME's "Do Not Disturb" switch, which turns ``show-banners`` off.

    GSettings has no reader short of GObject, so this runs ``gsettings`` (a
    few milliseconds) and keeps the answer for ``reread_seconds``: a break
    that is due polls, and a process per poll would be wasteful.
    """

    name = "gnome"
    SCHEMA = "org.gnome.desktop.notifications"
    KEY = "show-banners"

    def __init__(self, gsettings: str, environ: Mapping[str, str], clock: Clock,
                 reread_seconds: float = 10.0, timeout_seconds: float = 1.0) -> None:
        self._command = [gsettings, "get", self.SCHEMA, self.KEY]
        self._environ = dict(environ)
        self._clock = clock
        self._reread_seconds = reread_seconds
        self._timeout_seconds = timeout_seconds
        self._read_at: float | None = None
        self._banners_off = False

    def reason(self) -> str | None:
        now = self._clock.monotonic()
        if self._read_at is None or now - self._read_at >= self._reread_seconds:
            self._banners_off = self._read_banners_off()
            self._read_at = now
        return DESKTOP_DND if self._banners_off else None

    def _read_banners_off(self) -> bool:
        try:
            done = subprocess.run(self._command, env=self._environ, capture_output=True, text=True,
                                  timeout=self._timeout_seconds, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            log.info("gsettings did not answer: %s", exc)
            return False
        return done.returncode == 0 and done.stdout.strip() == "false"


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

    def __init__(self, connection, timeout_ms: int = 200) -> None:
        from PySide6.QtDBus import QDBus, QDBusMessage, QDBusVariant

        self._qdbus = QDBus
        self._message_class = QDBusMessage
        self._variant_class = QDBusVariant
        self._bus = connection
        self._timeout_ms = timeout_ms
        self._switches = list(self.SWITCHES)

    def reason(self) -> str | None:
        for switch in self._switches:
            value = self._read(*switch)
            if value is None:
                continue
            self._switches.remove(switch)
            self._switches.insert(0, switch)
            return DESKTOP_DND if value else None
        return None

    def _read(self, interface: str, property_name: str) -> bool | None:
        message = self._message_class.createMethodCall(
            self.SERVICE, self.PATH, "org.freedesktop.DBus.Properties", "Get")
        message.setArguments([interface, property_name])
        message.setAutoStartService(False)
        reply = self._bus.call(message, self._qdbus.CallMode.Block, self._timeout_ms)
        if reply.type() != self._message_class.MessageType.ReplyMessage or not reply.arguments():
            return None
        value = reply.arguments()[0]
        if isinstance(value, self._variant_class):
            value = value.variant()
        return value if isinstance(value, bool) else None


# --- Windows ---------------------------------------------------------------------------


class WindowsNotificationState:
    """The shell's own verdict on whether to interrupt: SHQueryUserNotificationState.

    Focus Assist (Windows' do-not-disturb) has no documented API, so only
    what the shell itself reports is seen here.
    """

    name = "windows"
    # QUERY_USER_NOTIFICATION_STATE values that mean "busy". Left out: 1 (not
    # present: locked or away, the idle policy's business), 5 (accepts
    # notifications) and 6 (quiet time: the first hour after a new user's
    # first login, nothing to do with the user's attention).
    REASONS = {
        2: FULLSCREEN,  # QUNS_BUSY: a fullscreen app
        3: FULLSCREEN,  # QUNS_RUNNING_D3D_FULL_SCREEN: a game or video
        4: PRESENTATION,  # QUNS_PRESENTATION_MODE
        7: FULLSCREEN,  # QUNS_APP: a Store app in immersive mode
    }

    def __init__(self, shell32=None) -> None:
        shell32 = shell32 if shell32 is not None else ctypes.windll.shell32  # type: ignore[attr-defined]
        self._query = shell32.SHQueryUserNotificationState

    def reason(self) -> str | None:
        state = ctypes.c_int(0)
        if self._query(ctypes.pointer(state)) != 0:  # an HRESULT: 0 is S_OK
            return None
        return self.REASONS.get(state.value)


# --- choosing the sources --------------------------------------------------------------


def detect_dnd(
    *,
    apps: Sequence[str] = DEFAULT_DND_APPS,
    connection=None,
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    clock: Clock | None = None,
) -> DoNotDisturbMonitor:
    """A monitor made of every source this desktop offers; :class:`NullDnd` when none.

    ``connection`` is the QDBusConnection to ask the notification daemon on
    (the session bus when None); ``environ`` supplies ``DISPLAY``,
    ``XDG_CURRENT_DESKTOP`` and the environment of ``gsettings``.
    """
    sources: list[DndSource] = []
    if platform == "win32":
        sources += _optional("windows", WindowsNotificationState)
    elif platform != "darwin":  # macOS offers nothing readable: see the module docstring
        sources += _freedesktop_sources(apps, connection, environ, clock or SystemClock())
    monitor = DoNotDisturbMonitor(sources) if sources else NullDnd()
    log.info("do-not-disturb sources: %s", monitor.name)
    return monitor


def _optional(what: str, build: Callable[[], T]) -> list[T]:
    """``[build()]``, or ``[]`` when this desktop lacks what it needs (a library, a bus)."""
    try:
        return [build()]
    except Exception as exc:  # a missing piece costs this source only
        log.info("do-not-disturb: no %s (%s)", what, exc)
        return []


def _freedesktop_sources(apps: Sequence[str], connection, environ: Mapping[str, str],
                         clock: Clock) -> list[DndSource]:
    """In the order of the module docstring: fullscreen, the desktop's switch, call apps."""
    display = environ.get("DISPLAY")
    windows = _optional("X display", lambda: XlibWindows(display)) if display else []
    sources: list[DndSource] = [X11Fullscreen(x) for x in windows]
    gsettings = shutil.which("gsettings", path=environ.get("PATH"))
    if gsettings and "gnome" in environ.get("XDG_CURRENT_DESKTOP", "").casefold():
        sources.append(GnomeBanners(gsettings, environ, clock))
    sources += _optional("D-Bus session bus", lambda: NotificationDaemonSwitch(_connected(connection)))
    if any(app.strip() for app in apps):
        sources += [X11CallApps(x, apps) for x in windows]
    return sources


def _connected(connection):
    if connection is None:
        from PySide6.QtDBus import QDBusConnection

        connection = QDBusConnection.sessionBus()
    if not connection.isConnected():
        raise OSError("not connected")
    return connection
