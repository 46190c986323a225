"""Hold a due break while a window is fullscreen: a video, a game, a slide show.

On X11 the active window carries ``_NET_WM_STATE_FULLSCREEN`` (EWMH); on
Windows the shell reports a fullscreen app, a Direct3D game or presentation
mode (``SHQueryUserNotificationState``).
"""

from __future__ import annotations

import ctypes
from datetime import datetime

from deskbreak.adapters.holds.desktop import Desktop, optional, x_windows
from deskbreak.adapters.x11 import XlibWindows
from deskbreak.core.scheduling.holds import Hold, HoldSource
from deskbreak.core.settings import Settings

KEYS: tuple[str, ...] = ()
FULLSCREEN = "fullscreen"
PRESENTATION = "presentation"


def sources(settings: Settings, desktop: Desktop) -> list[HoldSource]:
    if desktop.platform == "win32":
        return optional("Windows shell", WindowsNotificationState)
    return [X11Fullscreen(windows) for windows in x_windows(desktop)]


class X11Fullscreen:
    """The active window is fullscreen (EWMH)."""

    name = "x11-fullscreen"

    def __init__(self, windows: XlibWindows) -> None:
        self._windows = windows

    def hold(self, now: datetime) -> Hold | None:
        active = self._windows.ids(self._windows.root, "_NET_ACTIVE_WINDOW")
        if not active or not active[0]:
            return None
        state = self._windows.ids(active[0], "_NET_WM_STATE")
        return Hold(FULLSCREEN, self.name) if self._windows.atom("_NET_WM_STATE_FULLSCREEN") in state else None

    def close(self) -> None:
        self._windows.close()


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

    def hold(self, now: datetime) -> Hold | None:
        state = ctypes.c_int(0)
        if self._query(ctypes.pointer(state)) != 0:  # an HRESULT: 0 is S_OK
            return None
        reason = self.REASONS.get(state.value)
        return None if reason is None else Hold(reason, self.name)

    def close(self) -> None:
        pass
