"""What the break engine remembers between steps; private to the engine and its command handling."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from deskbreak.core.scheduling.events import Break, State


@dataclass
class ActiveBreak:
    """The break the engine has in hand: announced, held, on, or put off."""

    brk: Break
    state: State  # PRELUDE, HELD, ON_BREAK or POSTPONED
    postponed_until: datetime | None = None
    postpones: int = 0
    held_since: datetime | None = None
    held_by: str | None = None
    overdue_told: bool = False
    reprompt: bool = False


@dataclass
class EngineMemory:
    """Everything the engine remembers between steps."""

    last_break_end: datetime
    last_step: datetime | None = None
    active: ActiveBreak | None = None
    paused_until: datetime | None = None
    away: bool = False
    prerun_done: set[datetime] = field(default_factory=set)
    sit_day: date | None = None
    sit_count: int = 0
    runs_skipped: set[datetime] = field(default_factory=set)
    runs_ended: set[datetime] = field(default_factory=set)
    skip_day: date | None = None
    skips: int = 0
    skip_next: bool = False
    locked: bool = False
    locked_since: datetime | None = None
    busy: str | None = None
    away_since: datetime | None = None
