"""How fast the engine decides: a simulated month of working days.

Prints the number of steps, breaks and the time per step. The app steps the
engine about once a minute, so anything under a millisecond is free.
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime, time as clock_time, timedelta, timezone

from deskbreak.core.clock import FakeClock
from deskbreak.core.scheduling.engine import BreakEngine, BreakStarted
from deskbreak.core.settings import Settings

DAYS = 30
TICK_S = 60


def main() -> None:
    settings = replace(Settings.defaults(), working_hours=True, work_start=clock_time(9),
                       work_end=clock_time(17), runs={day: clock_time(18) for day in (1, 3, 5)})
    clock = FakeClock(datetime(2026, 11, 2, 0, 0, tzinfo=timezone.utc))
    engine = BreakEngine(settings, clock.now())
    steps = breaks = 0
    started = time.perf_counter()
    end = clock.now() + timedelta(days=DAYS)
    while clock.now() < end:
        clock.advance(TICK_S)
        events = engine.step(clock.now(), 0.0)
        steps += 1
        for event in events:
            if isinstance(event, BreakStarted):
                breaks += 1
                engine.finish(clock.now())
    elapsed = time.perf_counter() - started
    print(f"engine: {DAYS} simulated days, {steps} steps, {breaks} breaks")
    print(f"engine: {elapsed:.3f} s total, {elapsed / steps * 1e6:.1f} us per step")


if __name__ == "__main__":
    main()
