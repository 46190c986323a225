"""How long the user has not touched keyboard or mouse, per platform.

Each backend answers None when it cannot tell; the chain then tries the
next, and "unknown" simply means the engine relies on suspend detection
alone for natural breaks.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import sys

log = logging.getLogger(__name__)


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
    """The X screensaver extension (libXss), as xprintidle uses."""

    name = "x11"

    def __init__(self) -> None:
        self._display = None
        if not os.environ.get("DISPLAY"):
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
        self._display = self._xlib.XOpenDisplay(None)
        if self._display:
            self._info = self._xss.XScreenSaverAllocInfo()
            self._root = self._xlib.XDefaultRootWindow(self._display)

    def idle_seconds(self) -> float | None:
        if not self._display:
            return None
        if not self._xss.XScreenSaverQueryInfo(self._display, self._root, self._info):
            return None
        return self._info.contents.idle / 1000.0


class WindowsIdle:
    name = "windows"

    def idle_seconds(self) -> float | None:
        class LastInputInfo(ctypes.Structure):
            _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint)]

        info = LastInputInfo(ctypes.sizeof(LastInputInfo), 0)
        user32 = ctypes.windll.user32  # type: ignore[attr-defined]
        if not user32.GetLastInputInfo(ctypes.byref(info)):
            return None
        millis = ctypes.windll.kernel32.GetTickCount() - info.dwTime  # type: ignore[attr-defined]
        return (millis & 0xFFFFFFFF) / 1000.0


class UnknownIdle:
    name = "unknown"

    def idle_seconds(self) -> float | None:
        return None


def detect_idle_monitor():
    """The first backend that answers on this desktop."""
    candidates = []
    if sys.platform == "win32":
        candidates.append(WindowsIdle)
    elif sys.platform.startswith("linux") and os.environ.get("DISPLAY"):
        candidates.append(X11Idle)
    for backend in candidates:
        try:
            monitor = backend()
            if monitor.idle_seconds() is not None:
                log.info("idle time: %s", monitor.name)
                return monitor
        except (OSError, AttributeError) as exc:
            log.info("idle backend %s unavailable: %s", backend.name, exc)
    log.info("idle time: unknown on this desktop")
    return UnknownIdle()
