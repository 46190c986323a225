"""What the core needs from the outside world, as small protocols.

Adapters in :mod:`deskbreak.adapters` implement them for real desktops, each
with a do-nothing fallback, so a missing service never stops the app.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable, Protocol


class Notifier(Protocol):
    name: str

    def available(self) -> bool:
        """Whether this backend can deliver on this desktop right now."""

    def notify(self, title: str, message: str) -> bool:
        """Show a notification; False when it could not be delivered."""


class IdleMonitor(Protocol):
    name: str

    def idle_seconds(self) -> float | None:
        """Seconds since the last keyboard or mouse input, or None when unknown."""


class Alarm(Protocol):
    """Wakes the host at a given time and on resume; the host then steps the engine."""

    def start(self, on_wake: Callable[[str], None]) -> None: ...

    def wake_at(self, when: datetime | None) -> None: ...

    def stop(self) -> None: ...
