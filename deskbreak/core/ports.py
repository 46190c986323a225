"""What the core needs from the outside world, as small protocols.

Adapters in :mod:`deskbreak.adapters` implement them for real desktops, each
with a do-nothing fallback, so a missing service never stops the app.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable, Protocol, Sequence


class Notifier(Protocol):
    name: str

    def available(self) -> bool:
        """Whether this backend can deliver on this desktop right now."""

    def notify(self, title: str, message: str, *, expire_s: float | None = None,
               actions: Sequence[tuple[str, str]] = ()) -> bool:
        """Show a notification in place of our previous one; False when it could not be delivered.

        ``expire_s`` is how long it may stay; ``actions`` are (key, label) buttons,
        offered where the desktop supports them.
        """

    def withdraw(self) -> None:
        """Take our notification off the screen, where the desktop allows it."""


class IdleMonitor(Protocol):
    name: str

    def idle_seconds(self) -> float | None:
        """Seconds since the last keyboard or mouse input, or None when unknown."""


class Alarm(Protocol):
    """Wakes the host at a given time and on resume; the host then steps the engine."""

    def start(self, on_wake: Callable[[str], None]) -> None: ...

    def wake_at(self, when: datetime | None) -> None:
        """Wake the host at ``when`` (the engine's next event; None: none). Asked after each step."""

    def wake_within(self, seconds: float | None) -> None:
        """Wake the host within ``seconds`` as well, for what its windows show (None: no such wish)."""

    def stop(self) -> None: ...


class Autostart(Protocol):
    """The platform's "start at login" entry for deskbreak, which the user turns on and off.

    ``location`` names the file or registry value in words a user can look
    up, for the settings dialog's help text.
    """

    name: str
    location: str

    def available(self) -> bool:
        """Whether this platform has a login entry deskbreak knows how to write."""

    def is_enabled(self) -> bool:
        """Whether the entry exists and the desktop will honour it at the next login."""

    def set_enabled(self, enabled: bool) -> None:
        """Write (or refresh a stale) entry, or remove it; doing it twice changes nothing.

        Raises the adapter's error, naming the entry and the cause, when the
        file or registry refuses; the entry is then left as it was.
        """


# The reasons to hold a due break (fullscreen, do-not-disturb, a call, a meeting) are ports too:
# see deskbreak.core.scheduling.holds.HoldSource.
