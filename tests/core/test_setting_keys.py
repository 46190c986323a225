"""The engine follows exactly the settings it plans with: SCHEDULE_KEYS, checked against what it reads.

A key the engine reads but does not list would change the schedule only at
the next restart; a listed key it never reads would re-plan for nothing.
Which key the rest of the app follows is checked in
tests/ui/test_setting_listeners.py.
"""

from __future__ import annotations

from datetime import datetime, timezone

from deskbreak.core import commands as cmd
from deskbreak.core.clock import FakeClock
from deskbreak.core.scheduling.engine import SCHEDULE_KEYS, BreakEngine, BreakStarted, Presence
from deskbreak.core.settings import SETTING_BY_KEY, Settings

MONDAY_8 = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)
ENDINGS = (cmd.Postpone(), cmd.Skip(), cmd.FinishBreak())


class ReadKeys:
    """Settings that note every key read from them."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self.read: set[str] = set()

    def __getattr__(self, name: str):
        if name in SETTING_BY_KEY:
            self.read.add(name)
        return getattr(self._settings, name)


def test_the_engine_reads_exactly_the_schedule_keys_over_a_varied_day():
    settings = ReadKeys(Settings.defaults().with_values(working_hours=True, strict=True, runs={"mon": "18:00"}))
    clock = FakeClock(MONDAY_8)
    engine = BreakEngine(settings, clock.now())  # type: ignore[arg-type]  (read like Settings)
    for minute in range(14 * 60):  # the working day, then the evening's run and its cool-down
        clock.advance(60)
        presence = Presence(600.0 if 200 <= minute < 215 else 0.0,  # away for a natural break
                            busy="fullscreen" if 120 <= minute < 150 else None)  # a presentation: held
        for event in engine.step(clock.now(), presence):
            if isinstance(event, BreakStarted):
                engine.apply(ENDINGS[minute % len(ENDINGS)], clock.now())
        engine.status(clock.now())
        engine.next_wakeup(clock.now())
    assert sorted(settings.read - SCHEDULE_KEYS) == [], "read by the engine, but a change would not re-plan"
    assert sorted(SCHEDULE_KEYS - settings.read) == [], "followed by the engine, but never read by it"
