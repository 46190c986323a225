"""Whether the desktop asks for reduced motion: the freedesktop portal, GNOME, KDE.

The ``motion`` setting is ``full``, ``reduced`` or ``system``; for ``system``
:class:`MotionPreference` asks the desktop when a break opens (never while
the app waits: no timer, no watch) and keeps the answer a minute. Each source
answers True (reduce), False (animate) or None (cannot tell), and the first
that can tell decides:

1. the XDG desktop portal's ``org.freedesktop.appearance`` ``reduced-motion``
   (1: reduce), where the portal has the key;
2. on GNOME, ``org.gnome.desktop.interface enable-animations`` (false: reduce),
   read by ``gsettings`` as GSettings has no reader short of GObject;
3. on KDE Plasma, ``AnimationDurationFactor`` in kdeglobals' ``[KDE]`` group
   (0, "instant" in System Settings: reduce), read bounded.

A desktop that cannot tell gets the full movement. Windows and macOS have no
source here yet.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from deskbreak.adapters.gsettings import read_boolean
from deskbreak.adapters.holds import session_bus
from deskbreak.adapters.holds.desktop import Desktop
from deskbreak.core.bounded_read import read_regular_file
from deskbreak.core.clock import Clock

log = logging.getLogger(__name__)

#: A preference source: True to reduce motion, False to animate, None when it cannot tell.
Source = Callable[[], "bool | None"]

#: A real kdeglobals is a few kilobytes; past this it is not one to read on the GUI thread.
KDEGLOBALS_LIMIT = 256 * 1024
#: How long a break's opening waits for ``gsettings``, which answers in milliseconds.
GSETTINGS_TIMEOUT_S = 0.5

PORTAL = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
PORTAL_SETTINGS = "org.freedesktop.portal.Settings"


class MotionPreference:
    """The ``motion`` setting made a yes or no: :meth:`reduced`.

    ``sources`` are asked in order, only for ``system``, and their answer is
    kept ``keep_seconds`` of ``clock``'s monotonic time.
    """

    def __init__(self, sources: Sequence[Source], clock: Clock, keep_seconds: float = 60.0) -> None:
        self.sources = tuple(sources)
        self._clock = clock
        self._keep_seconds = keep_seconds
        self._read_at: float | None = None
        self._desktop_reduces = False

    def reduced(self, motion: str) -> bool:
        """Whether to reduce motion for the setting ``motion`` (``system``, ``full`` or ``reduced``)."""
        if motion == "full":
            return False
        if motion == "reduced":
            return True
        return self.desktop_reduces()

    def desktop_reduces(self) -> bool:
        """The first source that can tell, read at most once per ``keep_seconds``; False when none can."""
        now = self._clock.monotonic()
        if self._read_at is None or now - self._read_at >= self._keep_seconds:
            answers = (source() for source in self.sources)
            self._desktop_reduces = next((answer for answer in answers if answer is not None), False)
            self._read_at = now
        return self._desktop_reduces


def desktop_motion(desktop: Desktop) -> MotionPreference:
    """The preference of ``desktop``, from the sources it has (none on Windows and macOS)."""
    if not desktop.freedesktop:
        return MotionPreference([], desktop.clock)
    environ = desktop.environ
    sources: list[Source] = [_named("portal", partial(_portal_on_bus, desktop.connection))]
    current = environ.get("XDG_CURRENT_DESKTOP", "").casefold().split(":")
    gsettings = shutil.which("gsettings", path=environ.get("PATH"))
    if "gnome" in current and gsettings:
        sources.append(_named("gnome", partial(gnome_reduced_motion, gsettings, environ)))
    if "kde" in current:
        sources.append(_named("kde", partial(kde_reduced_motion, kdeglobals_path(environ))))
    return MotionPreference(sources, desktop.clock)


def _named(name: str, source: Source) -> Source:
    """``source`` with a name the log and the tests can tell apart."""
    def named() -> bool | None:
        return source()
    named.__name__ = name
    return named


def _portal_on_bus(connection: Any) -> bool | None:
    try:
        bus = session_bus.connected(connection)  # connected only when a break asks, never at start
    except OSError as exc:
        log.info("reduced motion: no session bus (%s)", exc)
        return None
    return portal_reduced_motion(bus)


def portal_reduced_motion(bus: Any) -> bool | None:
    """The portal's ``reduced-motion`` (1: reduce), or None without a portal or the key.

    ``ReadOne`` answers the value in a variant; portals before it only have
    ``Read``, which wraps it in a second one.
    """
    from PySide6.QtDBus import QDBusVariant

    for method in ("ReadOne", "Read"):
        value = session_bus.call(bus, PORTAL, PORTAL_PATH, PORTAL_SETTINGS, method,
                                 "org.freedesktop.appearance", "reduced-motion")
        while isinstance(value, QDBusVariant):
            value = value.variant()
        if isinstance(value, int) and not isinstance(value, bool):
            return value == 1
    return None


def gnome_reduced_motion(gsettings: str, environ: Mapping[str, str],
                         timeout_seconds: float = GSETTINGS_TIMEOUT_S) -> bool | None:
    """GNOME's ``enable-animations`` turned off, read by ``gsettings``; None when it does not answer plainly."""
    animations = read_boolean(gsettings, environ, "org.gnome.desktop.interface", "enable-animations", timeout_seconds)
    return None if animations is None else not animations


def kdeglobals_path(environ: Mapping[str, str]) -> Path:
    """Where KDE keeps its global settings: kdeglobals in the XDG config folder."""
    config = environ.get("XDG_CONFIG_HOME") or os.path.join(environ.get("HOME", os.path.expanduser("~")), ".config")
    return Path(config) / "kdeglobals"


def kde_reduced_motion(path: Path) -> bool | None:
    """KDE's ``AnimationDurationFactor`` of 0 in the ``[KDE]`` group; None when the file cannot be read
    or the factor is not a number (never set: KDE animates, False)."""
    try:
        text = read_regular_file(path, KDEGLOBALS_LIMIT).decode("utf-8", errors="replace")
    except OSError as exc:  # missing, a FIFO or device, too large
        log.info("reduced motion: %s", exc)
        return None
    group = None
    factor = None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            group = line
        elif group == "[KDE]" and "=" in line:
            key, _, value = line.partition("=")
            if key.strip() == "AnimationDurationFactor":
                factor = value.strip()
    if factor is None:
        return False
    try:
        return float(factor) == 0.0
    except ValueError:
        log.info("reduced motion: %s: AnimationDurationFactor=%r is not a number", path, factor)
        return None
