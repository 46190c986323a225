"""QTimer stand-ins that run on a FakeClock: how often would the app wake in an hour, counted in milliseconds.

:class:`VirtualTimers` replaces ``QTimer`` in the modules that make the
app's timers (:data:`TIMER_MODULES`); each stand-in keeps its deadline on
the FakeClock's monotonic time. :meth:`VirtualTimers.run` moves the clock
from deadline to deadline, firing the timers due, and counts the moments
the app woke: the timers due at one moment (a zero-delay timer a handler
starts among them) are one wake-up, as one turn of Qt's event loop.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable

import pytest

from deskbreak.core.clock import FakeClock

#: The modules whose QTimers a waiting app runs: the alarm and its watchdog, the app, the tray.
TIMER_MODULES = ("deskbreak.adapters.alarm", "deskbreak.ui.app", "deskbreak.ui.break_host", "deskbreak.ui.tray")


class _Signal:
    def __init__(self) -> None:
        self.slots: list[Callable] = []

    def connect(self, slot: Callable) -> None:
        self.slots.append(slot)

    def emit(self) -> None:
        for slot in list(self.slots):
            slot()


class VirtualTimers:
    """The timers made while installed, on ``clock``; see the module's docstring."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.timers: list = []
        self.fired: Counter[str] = Counter()
        self.timer_class = self._make_class()

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        for module in TIMER_MODULES:
            monkeypatch.setattr(f"{module}.QTimer", self.timer_class)

    def _make_class(self):
        timers = self

        class VirtualTimer:
            def __init__(self, parent=None, *, singleShot: bool = False, interval: int = 0) -> None:  # noqa: N803
                self._single_shot, self._interval = singleShot, interval
                self.deadline: float | None = None
                self.timeout = _Signal()
                timers.timers.append(self)

            @staticmethod
            def singleShot(msec: int, slot: Callable) -> None:  # noqa: N802
                timer = VirtualTimer(singleShot=True)
                timer.timeout.connect(slot)
                timer.start(msec)

            def setSingleShot(self, single_shot: bool) -> None:  # noqa: N802
                self._single_shot = single_shot

            def isSingleShot(self) -> bool:  # noqa: N802
                return self._single_shot

            def setInterval(self, msec: int) -> None:  # noqa: N802
                self._interval = msec

            def interval(self) -> int:
                return self._interval

            def setTimerType(self, kind) -> None:  # noqa: N802
                pass

            def start(self, msec: int | None = None) -> None:
                if msec is not None:
                    self._interval = msec
                self.deadline = timers.clock.monotonic() + self._interval / 1000

            def stop(self) -> None:
                self.deadline = None

            def isActive(self) -> bool:  # noqa: N802
                return self.deadline is not None

            def remainingTime(self) -> int:  # noqa: N802
                return -1 if self.deadline is None else round((self.deadline - timers.clock.monotonic()) * 1000)

            def name(self) -> str:
                slot = self.timeout.slots[0] if self.timeout.slots else None
                return getattr(slot, "__qualname__", repr(slot))

        return VirtualTimer

    def run(self, seconds: float) -> int:
        """Move the clock ``seconds`` on, firing each timer when due; the number of wake-ups."""
        end = self.clock.monotonic() + seconds
        wakes = 0
        while True:
            due = [t.deadline for t in self.timers if t.deadline is not None]
            if not due or min(due) > end:
                break
            moment = max(min(due), self.clock.monotonic())
            self.clock.advance(moment - self.clock.monotonic())
            wakes += 1
            while fired := [t for t in self.timers if t.deadline is not None and t.deadline <= moment]:
                for timer in fired:
                    if timer.deadline is None or timer.deadline > moment:
                        continue  # stopped or restarted by a timer fired before it at this moment
                    timer.deadline = None if timer.isSingleShot() else moment + max(timer.interval(), 1) / 1000
                    self.fired[timer.name()] += 1
                    timer.timeout.emit()
        self.clock.advance(end - self.clock.monotonic())
        return wakes
