"""Which screen a break uses, and how its windows get onto their screens, per platform.

The ``break_screen`` setting names the routine's screen: ``mouse`` (the one
with the pointer), ``primary``, or a screen by its name ("HDMI-1").
:func:`choose_screen` decides on names alone; a chosen screen that is not
connected gives way to the pointer's, and :class:`ScreenGoneNotice` says so
once a run.

On X11 a client places its windows itself: the routine opens as a normal
window centred on its screen, and each overlay is given its screen's
geometry. Wayland lets a client neither position a window nor read the
pointer outside its own windows, so a window "shown on screen B" opens
wherever the compositor likes (the output with the pointer); the one request
that names an output is "fullscreen on this output". There the routine and
every overlay are fullscreen, each on its own screen, and where the routine
would follow the pointer it takes the primary screen (the pointer is not known).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable, Collection, NamedTuple

from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from deskbreak.core.i18n import translate

log = logging.getLogger("deskbreak")

# The words of the ``break_screen`` setting (its table row's choices); any other value names a screen.
MOUSE, PRIMARY = "mouse", "primary"


def compositor_places_windows() -> bool:
    """Whether the platform ignores where a client puts its windows (Wayland does; X11 and offscreen do not)."""
    return QGuiApplication.platformName().startswith("wayland")


class ConnectedScreen(NamedTuple):
    name: str
    width: int
    height: int


def connected_screens() -> list[ConnectedScreen]:
    """The screens connected now, by name and size, in the system's order."""
    return [ConnectedScreen(screen.name(), screen.size().width(), screen.size().height())
            for screen in QGuiApplication.screens()]


@dataclass(frozen=True)
class ScreenChoice:
    """Where the routine goes: ``screen`` (a name; None when no screen is known at all).

    ``missing`` is the screen the setting chose when it is not connected;
    ``screen`` is then the pointer's, or the primary where the pointer is not
    known: ``instead`` says which (:data:`MOUSE` or :data:`PRIMARY`).
    """

    screen: str | None
    missing: str | None = None
    instead: str = ""


def choose_screen(wanted: str, connected: Collection[str], *, primary: str | None, pointer: str | None) -> ScreenChoice:
    """The routine's screen for the ``break_screen`` setting ``wanted``, on names alone.

    ``connected`` are the screens' names, ``primary`` the primary one's,
    ``pointer`` the one with the mouse pointer (None where the platform does
    not tell: then the primary stands in for it).
    """
    beside_pointer = pointer if pointer is not None else primary
    if wanted == PRIMARY:
        return ScreenChoice(primary)
    if wanted == MOUSE:
        return ScreenChoice(beside_pointer)
    if wanted in connected:
        return ScreenChoice(wanted)
    return ScreenChoice(beside_pointer, missing=wanted, instead=MOUSE if pointer is not None else PRIMARY)


def routine_screen(wanted: str = MOUSE, *, missing: Callable[[ScreenChoice], object] | None = None) -> QScreen | None:
    """The screen for the routine as the setting ``wanted`` chooses (see :func:`choose_screen`).

    ``missing(choice)`` is called when the chosen screen is not connected.
    """
    screens = {screen.name(): screen for screen in QGuiApplication.screens()}
    primary = QGuiApplication.primaryScreen()
    pointer = None if compositor_places_windows() else QGuiApplication.screenAt(QCursor.pos())
    choice = choose_screen(wanted, screens, primary=primary.name() if primary is not None else None,
                           pointer=pointer.name() if pointer is not None else None)
    if choice.missing is not None and missing is not None:
        missing(choice)
    return screens.get(choice.screen, primary) if choice.screen is not None else primary


class ScreenGoneNotice:
    """Says once a run for each chosen screen that is not connected: a log line and ``tell(title, body)``."""

    def __init__(self, tell: Callable[[str, str], object] | None) -> None:
        self._tell = tell
        self._told: set[str] = set()

    def __call__(self, choice: ScreenChoice) -> None:
        name = choice.missing
        if name is None or name in self._told:
            return
        self._told.add(name)
        log.warning("break_screen %r is not connected (connected: %s): the break opens on %s, the %s screen",
                    name, ", ".join(screen.name for screen in connected_screens()) or "none", choice.screen,
                    "pointer's" if choice.instead == MOUSE else "primary")
        if self._tell is None:
            return
        body = (translate("app", "{name}, the screen chosen for breaks, is not connected: breaks open on the "
                                 "screen with the mouse pointer until it is back.") if choice.instead == MOUSE else
                translate("app", "{name}, the screen chosen for breaks, is not connected: breaks open on the "
                                 "primary screen until it is back."))
        self._tell(translate("app", "Break screen not connected"), body.format(name=name))


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
