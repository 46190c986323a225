"""The reasons a due break waits, one module each, listed once in :data:`HOLD_SOURCES`.

Asked in this order, the first reason wins (see :mod:`deskbreak.core.scheduling.holds`):

1. :mod:`.fullscreen`: a fullscreen window (X11) or the Windows shell's busy state;
2. :mod:`.gnome_shell_fullscreen`: another app's fullscreen window in GNOME,
   as deskbreak's GNOME Shell extension reports it (when enabled);
3. :mod:`.kwin_fullscreen`: another app's fullscreen window in KDE Plasma, as
   a script deskbreak loads into KWin reports it;
4. :mod:`.gnome_inhibitors`: a player or presenter inhibits idle in a GNOME session;
5. :mod:`.kde_inhibitors`: a player or presenter keeps the screen on in KDE Plasma;
6. :mod:`.do_not_disturb`: the desktop's own switch (GNOME, KDE Plasma, dunst);
7. :mod:`.calls`: a microphone, a camera or the screen is being captured: a
   call or a screen share, whichever app makes it (the ``hold_for_calls`` setting);
8. :mod:`.call_apps`: a video-call app has a window (the ``dnd_apps`` setting);
9. :mod:`.meeting`: a meeting in the user's calendar file.

On Wayland no app sees another app's window, so 2 and 3 ask the compositor
itself (1 still sees Xwayland windows), and 4 and 5 catch what players and
presenters inhibit, on GNOME also without the extension. The app's own
windows (the break window goes fullscreen) never count for 2 and 3.

A module names the setting keys its sources are built from (``KEYS``) and
builds them (``sources(settings, desktop)``), leaving out whatever this
desktop cannot read: every source answers "free" when it cannot tell. macOS
gets none of the first five: Focus (its do-not-disturb) is readable only
with an entitlement or full disk access, and fullscreen spaces only through
private APIs. A new reason is one new module here and one entry in the list.

Sources keep what they opened (an X connection, a KWin script) until the app quits or
their keys change, and are asked from one thread, the GUI thread, only
while a break is due or about to be.
"""

from __future__ import annotations

from deskbreak.adapters.holds import (call_apps, calls, do_not_disturb, fullscreen, gnome_inhibitors,
                                      gnome_shell_fullscreen, kde_inhibitors, kwin_fullscreen, meeting)
from deskbreak.adapters.holds.desktop import Desktop
from deskbreak.core.scheduling.holds import HoldSourceModule, Holds
from deskbreak.core.settings import Settings

HOLD_SOURCES: tuple[HoldSourceModule, ...] = (
    fullscreen, gnome_shell_fullscreen, kwin_fullscreen, gnome_inhibitors, kde_inhibitors, do_not_disturb,
    calls, call_apps, meeting)

__all__ = ["HOLD_SOURCES", "Desktop", "detect_holds"]


def detect_holds(settings: Settings, desktop: Desktop | None = None) -> Holds:
    """Every hold source this desktop offers, built from ``settings``."""
    return Holds(HOLD_SOURCES, settings, desktop if desktop is not None else Desktop())
