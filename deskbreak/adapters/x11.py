"""Window properties of an X11 desktop, read over an Xlib connection of our own (ctypes, no Qt).

The hold sources :mod:`deskbreak.adapters.holds.fullscreen` and
:mod:`deskbreak.adapters.holds.call_apps` read the active window's state and
the managed windows' classes with it. Under a Wayland session this sees only
XWayland windows.
"""

from __future__ import annotations

import ctypes
import ctypes.util

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
