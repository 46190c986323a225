"""What the hold sources are built from: the platform, its environment, the bus, the clock, the calendar.

One :class:`Desktop` is handed to every module of the list in
:mod:`deskbreak.adapters.holds`; each takes what it needs and leaves out a
source whose piece is missing (no X display, no session bus), which then
costs that source only.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, TypeVar

from deskbreak.core.scheduling.calendar import CalendarEvent
from deskbreak.core.clock import Clock, SystemClock

log = logging.getLogger("deskbreak.adapters.holds")
T = TypeVar("T")


class Meetings(Protocol):
    """The user's calendar as read so far (the app's calendar source)."""

    def meeting_at(self, moment: datetime) -> CalendarEvent | None: ...


@dataclass(frozen=True)
class Desktop:
    """``connection`` is the QDBusConnection to ask the notification daemon on (the session bus when None);
    ``environ`` supplies ``DISPLAY``, ``XDG_CURRENT_DESKTOP`` and the environment of ``gsettings``."""

    platform: str = sys.platform
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    connection: Any = None
    clock: Clock = field(default_factory=SystemClock)
    calendar: Meetings | None = None

    @property
    def freedesktop(self) -> bool:
        """A Linux or BSD desktop; macOS offers nothing readable (see :mod:`deskbreak.adapters.holds`)."""
        return self.platform not in ("win32", "darwin")


def optional(what: str, build: Callable[[], T]) -> list[T]:
    """``[build()]``, or ``[]`` when this desktop lacks what it needs (a library, a display, a bus)."""
    try:
        return [build()]
    except Exception as exc:  # a missing piece costs this source only
        log.info("hold sources: no %s (%s)", what, exc)
        return []


def x_windows(desktop: Desktop) -> list:
    """An Xlib connection of the source's own to ``DISPLAY``, or nothing without one."""
    from deskbreak.adapters.x11 import XlibWindows

    display = desktop.environ.get("DISPLAY")
    if not display or not desktop.freedesktop:
        return []
    return optional("X display", lambda: XlibWindows(display))
