"""The only place deskbreak reads the time.

Everything else receives a :class:`Clock` so tests can drive a whole working
day, a suspend or a clock jump in milliseconds with :class:`FakeClock`.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Protocol


class Clock(Protocol):
    """Wall time for schedules and records; monotonic time for durations."""

    def now(self) -> datetime:
        """The current wall time, timezone-aware."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin that never go backwards."""


class SystemClock:
    """The machine's clocks."""

    def now(self) -> datetime:
        return datetime.now().astimezone()

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that moves only when told to.

    ``advance`` moves both clocks together, as time passing normally does;
    ``jump`` moves only the wall clock, as a suspend, an NTP correction or a
    user changing the time does.
    """

    def __init__(self, start: datetime | None = None, tz: tzinfo = timezone.utc) -> None:
        if start is None:
            start = datetime(2026, 11, 23, 9, 0, tzinfo=tz)
        if start.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._wall = start
        self._mono = 1000.0

    def now(self) -> datetime:
        return self._wall

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> datetime:
        if seconds < 0:
            raise ValueError("time does not run backwards; use jump() for that")
        self._wall += timedelta(seconds=seconds)
        self._mono += seconds
        return self._wall

    def jump(self, seconds: float) -> datetime:
        self._wall += timedelta(seconds=seconds)
        return self._wall

    def set(self, wall: datetime) -> datetime:
        self._wall = wall
        return self._wall
