"""Which screen a break uses, and how its windows get onto their screens, per platform.

On X11 a client places its windows itself: the routine opens as a normal
window centred on the screen with the pointer, and each overlay is given its
screen's geometry. Wayland lets a client neither position a window nor read
the pointer outside its own windows, so a window "shown on screen B" opens
wherever the compositor likes (the output with the pointer); the one request
that names an output is "fullscreen on this output". There the routine and
every overlay are fullscreen, each on its own screen, and the routine's
screen is the primary one (the pointer is not known).
"""

from __future__ import annotations

from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


def compositor_places_windows() -> bool:
    """Whether the platform ignores where a client puts its windows (Wayland does; X11 and offscreen do not)."""
    return QGuiApplication.platformName().startswith("wayland")


def routine_screen() -> QScreen | None:
    """The screen for the routine: the one with the pointer where the platform tells, else the primary."""
    if not compositor_places_windows():
        screen = QGuiApplication.screenAt(QCursor.pos())
        if screen is not None:
            return screen
    return QGuiApplication.primaryScreen()


def show_fullscreen_on(window: QWidget, screen: QScreen) -> None:
    """Show ``window`` fullscreen on ``screen``: the screen set first, so the request names its output."""
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.showFullScreen()


def show_again(window: QWidget, screen: QScreen | None, *, fullscreen: bool, activate: bool) -> None:
    """Bring ``window`` back in front of the windows that covered it.

    Where the compositor places windows, a client may not raise its own
    window, and activating it needs a token only the desktop hands out
    (GNOME 43 answers with a "... is ready" notice instead). A window mapped
    anew is stacked on top and focused on GNOME and KDE alike, so the window
    is hidden and shown again, fullscreen on its screen. Its native window is
    made anew too: shown again at once on the old one, the window stays a
    blank surface on GNOME 43. Elsewhere it is raised (and activated when ``activate``).
    """
    if fullscreen and screen is not None:
        window.hide()
        if window.windowHandle() is not None:
            window.windowHandle().destroy()
        show_fullscreen_on(window, screen)
        return
    window.show()
    window.raise_()
    if activate:
        window.activateWindow()
