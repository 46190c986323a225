"""Listen to what the app tells assistive technology, offscreen.

Qt hands every accessibility event (``QAccessible::updateAccessibility``) to
an *update handler* when one is installed, before the platform's bridge
(AT-SPI on Linux) would get it, whether or not a screen reader is running.
PySide6 does not bind ``QAccessible::installUpdateHandler``, so
:func:`listening` calls it in Qt's GUI library through ctypes and wraps each
event it receives as a PySide6 object: a test hears exactly what Orca would.
"""

from __future__ import annotations

import ctypes
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import PySide6
import shiboken6
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent

_HANDLER = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
# QAccessible::installUpdateHandler(void (*)(QAccessibleEvent *)), as the Itanium ABI spells it.
_INSTALL = "_ZN11QAccessible20installUpdateHandlerEPFvP16QAccessibleEventE"


@dataclass(frozen=True)
class Announcement:
    message: str
    assertive: bool
    source: object


class Heard:
    """Every announcement made while listening, in order; ``events`` counts all the others too."""

    def __init__(self) -> None:
        self.announcements: list[Announcement] = []
        self.events = 0

    def messages(self) -> list[str]:
        return [announcement.message for announcement in self.announcements]

    def _receive(self, address: int) -> None:
        self.events += 1
        event = shiboken6.wrapInstance(address, QAccessibleEvent)
        if event.type() != QAccessible.Event.Announcement:
            return
        announcement = shiboken6.wrapInstance(address, QAccessibleAnnouncementEvent)
        self.announcements.append(Announcement(
            announcement.message(),
            announcement.politeness() == QAccessible.AnnouncementPoliteness.Assertive,
            announcement.object()))


def _install_function():
    library = ctypes.CDLL(str(Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Gui.so.6"))
    install = getattr(library, _INSTALL)
    install.argtypes = [ctypes.c_void_p]
    install.restype = ctypes.c_void_p
    return install


@contextmanager
def listening() -> Iterator[Heard]:
    """Hear the accessibility events sent inside the ``with`` block; the previous handler comes back after."""
    heard = Heard()
    install = _install_function()
    handler = _HANDLER(heard._receive)  # kept alive by this frame until the old handler is back
    previous = install(ctypes.cast(handler, ctypes.c_void_p))
    try:
        yield heard
    finally:
        install(previous)
