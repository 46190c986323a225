"""How long the user has not touched keyboard or mouse, per platform, and when the screen locks.

``detect_idle_monitor`` tries the backends in this order and keeps the first
whose probe actually returns a number:

1. ``mutter``: GNOME's own idle counter over D-Bus, right under Wayland and X11.
2. ``freedesktop-screensaver``: ``GetSessionIdleTime`` over D-Bus (KDE Plasma).
   GNOME publishes the same interface but answers "not supported": skipped.
3. ``ext-idle-notify``: under Wayland only, the compositor's own
   ext-idle-notify-v1 notifications (KWin, whose screensaver refuses the
   idle time, and wlroots compositors): ``wayland_idle.py``. Needs pywayland;
   without it the backend is skipped.
4. ``x11``: the XScreenSaver extension, as xprintidle uses. Never under
   Wayland: XWayland sees only input sent to X clients, so someone typing in
   a Wayland window would look idle and be handed a "natural break".
5. ``windows``: ``GetLastInputInfo``.
6. ``macos``: the HID system's idle counter through CoreGraphics.
7. ``unavailable``: always None; the engine then relies on suspend detection
   alone for natural breaks.

A failure costs accuracy, never the app: D-Bus calls give up after
``DBUS_TIMEOUT_MS`` (a hung service costs half a second of one poll, not a
frozen GUI), and a backend whose service disappears later answers None.

``LockWatcher`` asks whether the screen is locked when it is made and then
reports the screen locking and unlocking, so the app can apply the user's
away policy and never start a break behind the lock screen.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import sys
from functools import partial
from typing import Callable, Mapping

from PySide6.QtCore import SLOT, QObject, Signal, Slot

from deskbreak.adapters.wayland_idle import ExtIdleNotifyIdle, wayland_socket_path
from deskbreak.core.ports import IdleMonitor

try:
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    from deskbreak.adapters.dbus_call import call_without_starting
except ImportError:  # a PySide6 build without QtDBus: the D-Bus parts stay silent
    QDBusConnection = None  # type: ignore[assignment,misc]

log = logging.getLogger(__name__)

DBUS_TIMEOUT_MS = 500


def _given_or_session_bus(connection: QDBusConnection | None) -> QDBusConnection | None:
    if connection is not None or QDBusConnection is None:
        return connection
    return QDBusConnection.sessionBus()


class _DBusIdle:
    """Idle time from one D-Bus method that answers milliseconds.

    Calls are made one by one with a short timeout rather than through a
    ``QDBusInterface``, whose constructor introspects the remote object
    synchronously with the default 25 s timeout: a hung service would freeze
    the GUI right there.
    """

    name: str
    service: str
    path: str
    interface: str
    method: str

    def __init__(self, connection: QDBusConnection | None = None, *, path: str | None = None) -> None:
        self._connection = _given_or_session_bus(connection)
        if path is not None:
            self.path = path
        self.last_error = ""
        self._answering: bool | None = None  # None until the first call: the probe logs its own verdict

    def idle_seconds(self) -> float | None:
        milliseconds = self._ask()
        if milliseconds is None:
            if self._answering:
                log.warning("idle time: %s stopped answering: %s", self.name, self.last_error)
            self._answering = False
            return None
        if self._answering is False:
            log.info("idle time: %s answers again", self.name)
        self._answering = True
        return milliseconds / 1000.0

    def _ask(self) -> int | None:
        if self._connection is None:
            self.last_error = "no D-Bus"
            return None
        # Asking the time must never launch a screensaver daemon that is merely installed.
        reply = call_without_starting(self._connection, self.service, self.path, self.interface, self.method,
                                      timeout_ms=DBUS_TIMEOUT_MS)
        if reply.type() == QDBusMessage.MessageType.ErrorMessage:
            self.last_error = f"{reply.errorName()}: {reply.errorMessage()}"
            return None
        answer = reply.arguments()
        # bool is an int subclass, but no idle counter answers True.
        if len(answer) == 1 and isinstance(answer[0], int) and not isinstance(answer[0], bool):
            return answer[0]
        self.last_error = f"unexpected answer {answer!r}"
        return None


class MutterIdle(_DBusIdle):
    """GNOME Shell's idle counter, the one that sees Wayland input."""

    name = "mutter"
    service = interface = "org.gnome.Mutter.IdleMonitor"
    path = "/org/gnome/Mutter/IdleMonitor/Core"
    method = "GetIdletime"


class ScreenSaverIdle(_DBusIdle):
    """The freedesktop screensaver's session idle time; KDE publishes it on both paths."""

    name = "freedesktop-screensaver"
    service = interface = "org.freedesktop.ScreenSaver"
    PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")
    path = PATHS[0]
    method = "GetSessionIdleTime"


class _XScreenSaverInfo(ctypes.Structure):
    _fields_ = [
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    ]


class X11Idle:
    """The X screensaver extension (libXss), as xprintidle uses.

    ``display`` defaults to ``$DISPLAY``. The connection stays open for the
    life of the monitor: reopening it on every poll would cost a round trip
    to the server each time.
    """

    name = "x11"

    def __init__(self, display: str | None = None) -> None:
        self._display = None
        display = display if display is not None else os.environ.get("DISPLAY")
        if not display:
            return
        xlib_name, xss_name = ctypes.util.find_library("X11"), ctypes.util.find_library("Xss")
        if not xlib_name or not xss_name:
            return
        self._xlib = ctypes.cdll.LoadLibrary(xlib_name)
        self._xss = ctypes.cdll.LoadLibrary(xss_name)
        self._xlib.XOpenDisplay.restype = ctypes.c_void_p
        self._xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self._xlib.XDefaultRootWindow.restype = ctypes.c_ulong
        self._xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self._xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(_XScreenSaverInfo)
        self._xss.XScreenSaverQueryInfo.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(_XScreenSaverInfo)]
        self._display = self._xlib.XOpenDisplay(display.encode())
        if self._display:
            self._info = self._xss.XScreenSaverAllocInfo()
            self._root = self._xlib.XDefaultRootWindow(self._display)

    def idle_seconds(self) -> float | None:
        if not self._display:
            return None
        if not self._xss.XScreenSaverQueryInfo(self._display, self._root, self._info):
            return None
        return self._info.contents.idle / 1000.0


class _LastInputInfo(ctypes.Structure):
    _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint)]


class WindowsIdle:
    name = "windows"

    def idle_seconds(self) -> float | None:
        info = _LastInputInfo(ctypes.sizeof(_LastInputInfo), 0)
        user32 = ctypes.windll.user32  # type: ignore[attr-defined]
        if not user32.GetLastInputInfo(ctypes.byref(info)):
            return None
        millis = ctypes.windll.kernel32.GetTickCount() - info.dwTime  # type: ignore[attr-defined]
        # Both counters are 32-bit milliseconds that wrap after 49.7 days.
        return (millis & 0xFFFFFFFF) / 1000.0


class MacIdle:
    """Seconds since the last keyboard, mouse or trackpad event, from CoreGraphics.

    The HID system state is the counter ``ioreg``'s ``HIDIdleTime`` shows,
    read with one C call instead of a subprocess per poll, and without the
    IOKit/CoreFoundation object juggling. Untested here (no macOS on the test
    machines): it is kept this small, and a failure to load or a negative
    answer means "unavailable", never a crash.
    """

    name = "macos"
    _HID_SYSTEM_STATE = 1  # kCGEventSourceStateHIDSystemState: hardware input, not events apps post
    _ANY_INPUT_EVENT = 0xFFFFFFFF  # kCGAnyInputEventType is ~0 as a uint32

    def __init__(self) -> None:
        library = ctypes.util.find_library("CoreGraphics")
        if not library:
            raise OSError("CoreGraphics framework not found")
        self._seconds_since = ctypes.cdll.LoadLibrary(library).CGEventSourceSecondsSinceLastEventType
        self._seconds_since.argtypes = [ctypes.c_int32, ctypes.c_uint32]
        self._seconds_since.restype = ctypes.c_double

    def idle_seconds(self) -> float | None:
        seconds = self._seconds_since(self._HID_SYSTEM_STATE, self._ANY_INPUT_EVENT)
        return seconds if seconds >= 0 else None


class UnavailableIdle:
    name = "unavailable"

    def idle_seconds(self) -> float | None:
        return None


UnknownIdle = UnavailableIdle  # the name before D-Bus backends existed


def wayland_session(environ: Mapping[str, str]) -> bool:
    return bool(environ.get("WAYLAND_DISPLAY")) or environ.get("XDG_SESSION_TYPE") == "wayland"


def _candidates(
    connection: QDBusConnection | None, platform: str, environ: Mapping[str, str],
) -> list[Callable[[], IdleMonitor]]:
    """Backends worth probing here, best first, not yet built: loading a library may fail."""
    if platform == "win32":
        return [WindowsIdle]
    if platform == "darwin":
        return [MacIdle]
    bus = _given_or_session_bus(connection)
    candidates: list[Callable[[], IdleMonitor]] = [partial(MutterIdle, bus)]
    candidates += [partial(ScreenSaverIdle, bus, path=path) for path in ScreenSaverIdle.PATHS]
    socket_path = wayland_socket_path(environ)
    if socket_path is not None:
        candidates.append(partial(ExtIdleNotifyIdle, socket_path))
    if environ.get("DISPLAY") and not wayland_session(environ):
        candidates.append(partial(X11Idle, environ["DISPLAY"]))
    return candidates


def detect_idle_monitor(
    connection: QDBusConnection | None = None,
    *,
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
) -> IdleMonitor:
    """The first backend that answers on this desktop; ``connection`` defaults to the session bus."""
    for build in _candidates(connection, platform, environ):
        name = getattr(build, "func", build).name
        try:
            monitor = build()
            seconds = monitor.idle_seconds()
        # ctypes: a missing library, symbol or windll; ImportError: pywayland not installed
        except (OSError, AttributeError, ImportError) as exc:
            log.info("idle time: %s cannot load: %s", name, exc)
            continue
        if seconds is not None:
            log.info("idle time: %s", name)
            return monitor
        reason = getattr(monitor, "last_error", "")
        log.info("idle time: %s did not answer%s", name, f" ({reason})" if reason else "")
    log.info("idle time: unavailable on this desktop")
    return UnavailableIdle()


LOCK_SIGNAL_SERVICES = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")
# Where each answers GetActive: KDE's freedesktop copy lives on two paths, GNOME's on the first.
LOCK_STATE_PATHS = {
    "org.freedesktop.ScreenSaver": ("/org/freedesktop/ScreenSaver", "/ScreenSaver"),
    "org.gnome.ScreenSaver": ("/org/gnome/ScreenSaver",),
}
# Errors after which asking the same service on another path is no use.
LOCK_STATE_GIVE_UP = ("org.freedesktop.DBus.Error.NoReply", "org.freedesktop.DBus.Error.ServiceUnknown",
                      "org.freedesktop.DBus.Error.NameHasNoOwner")


class LockWatcher(QObject):
    """``lockedChanged(True)`` when the screen locks, ``(False)`` when it unlocks.

    Listens to ``ActiveChanged`` from both screensaver services (on any object
    path: KDE uses two): whichever this desktop runs is heard, including one
    that starts after us, since QtDBus follows the name's owner. A desktop
    that announces one lock on both is heard once: only changes are emitted.
    Without a session bus nothing is ever emitted, and ``sources`` is empty.
    ``locked`` starts as the screensaver's ``GetActive`` answers (each call
    gives up after ``DBUS_TIMEOUT_MS``), False when none answers: a run
    started behind the lock screen knows it before its first step.
    """

    lockedChanged = Signal(bool)

    def __init__(self, connection: QDBusConnection | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        bus = _given_or_session_bus(connection)
        self.locked = bus is not None and any(_asks_locked(bus, service) for service in LOCK_SIGNAL_SERVICES)
        # PySide6 6.x documents the slot as bytes but accepts only a str.
        self.sources = [
            service for service in LOCK_SIGNAL_SERVICES
            if bus is not None and bus.connect(
                service, "", service, "ActiveChanged", self, SLOT("_on_active_changed(bool)"))
        ]

    @Slot(bool)
    def _on_active_changed(self, active: bool) -> None:
        if active != self.locked:
            self.locked = active
            self.lockedChanged.emit(active)


def _asks_locked(bus: QDBusConnection, service: str) -> bool:
    """Whether ``service`` says the screen is locked now; False when it does not answer."""
    for path in LOCK_STATE_PATHS[service]:
        # Asking must never launch a screensaver daemon.
        reply = call_without_starting(bus, service, path, service, "GetActive", timeout_ms=DBUS_TIMEOUT_MS)
        if reply.type() == QDBusMessage.MessageType.ErrorMessage:
            if reply.errorName() in LOCK_STATE_GIVE_UP:
                return False
            continue
        answer = reply.arguments()
        if len(answer) == 1 and isinstance(answer[0], bool):
            if answer[0]:
                log.info("screen lock: %s says the screen is locked", service)
            return answer[0]
    return False
