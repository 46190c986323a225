"""The break engine's vocabulary: what it is told, what it says and what it keeps.

Its states, the :class:`Presence` it is stepped with, the :class:`Break` it
prompts, the frozen :class:`Event` records every step and command returns, the
:class:`Status` the tray shows and the :class:`Discipline` a restart must not
forget. All plain data: the rules that produce them are in
:mod:`deskbreak.core.scheduling.engine`, which re-exports every name here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from deskbreak.core.kinds import BreakKind, Outcome
from deskbreak.core.scheduling.runs import Run


class State(enum.Enum):
    WAITING = "waiting"
    PRELUDE = "prelude"
    HELD = "held"
    """Due, but waiting for a presentation, call or do-not-disturb to end."""
    ON_BREAK = "on_break"
    POSTPONED = "postponed"
    PAUSED = "paused"


@dataclass(frozen=True)
class Presence:
    """What the host knows about the user at a step."""

    idle_seconds: float | None = None
    """Seconds since the last keyboard or mouse input, or None when unknown."""
    locked: bool = False
    busy: str | None = None
    """Why not to interrupt now ("fullscreen", "do not disturb", "zoom"), or None."""


@dataclass(frozen=True)
class Break:
    """One prompted (or user-started) break."""

    kind: BreakKind
    due: datetime
    sequence: int = 0
    """For sit-breaks: how many sit-breaks started earlier that day (routine rotation)."""
    run_at: datetime | None = None
    """For pre-run breaks: the run they prepare for."""
    user_started: bool = False


@dataclass(frozen=True)
class Event:
    at: datetime


@dataclass(frozen=True)
class PreludeStarted(Event):
    brk: Break


@dataclass(frozen=True)
class BreakDue(Event):
    brk: Break


@dataclass(frozen=True)
class BreakStarted(Event):
    brk: Break
    reprompt: bool = False
    """True when a postponed break comes back."""


@dataclass(frozen=True)
class BreakPostponed(Event):
    brk: Break
    until: datetime


@dataclass(frozen=True)
class BreakEnded(Event):
    brk: Break
    outcome: Outcome
    reason: str = ""


@dataclass(frozen=True)
class NaturalBreak(Event):
    away_since: datetime


@dataclass(frozen=True)
class RunEnded(Event):
    """A run is over: it counted as a break, and (with ``cooldown`` on) the cool-down is offered."""

    run: Run
    offer_cooldown: bool


@dataclass(frozen=True)
class BackAtDesk(Event):
    """The user is back after a natural break that began at ``away_since``."""

    away_since: datetime


@dataclass(frozen=True)
class BreakHeld(Event):
    """A due break waits for ``reason`` to end."""

    brk: Break
    reason: str


@dataclass(frozen=True)
class BreakOverdue(Event):
    """A held break has waited ``dnd_max_delay``: tell the user, still without a window."""

    brk: Break
    reason: str


@dataclass(frozen=True)
class Refused(Event):
    """A command the rules do not allow now (strict mode, nothing to skip); ``reason`` says why."""

    reason: str


@dataclass(frozen=True)
class Paused(Event):
    until: datetime


@dataclass(frozen=True)
class Resumed(Event):
    pass


@dataclass(frozen=True)
class Status:
    """What the tray shows: the state and the next thing to happen."""

    state: State
    current: Break | None
    upcoming: Break | None
    """The next break the engine will prompt, when none is current."""
    next_at: datetime | None
    """When the next prompt (prelude or break) happens, or the pause ends."""
    paused_until: datetime | None
    seconds_to_next: float | None
    held_by: str | None = None
    """Why a due break waits (State.HELD)."""
    skips_left: int | None = None
    """Skips left today; None means no limit (or strict mode, where ``can_skip`` says no)."""
    can_skip: bool = True
    can_postpone: bool = True
    overdue: bool = False
    """The day's skip budget is spent: the tray shows breaks are overdue."""
    skip_next: bool = False


@dataclass(frozen=True)
class Discipline:
    """What the engine must not forget when deskbreak quits and starts again (see :mod:`deskbreak.core.scheduling.engine`).

    Everything here is plain data (dates, times, counts), so the host can
    save it as it likes; ``day`` says which day ``skips`` and ``sit_breaks``
    belong to, and they count for nothing on another.
    """

    day: date
    skips: int = 0
    """Skips spent that day (from the budget)."""
    sit_breaks: int = 0
    """Sit-breaks started that day: where the routine's rotation stands."""
    skip_next: bool = False
    postponed: Break | None = None
    """A break put off and still to come back, with when and how often it was put off."""
    postponed_until: datetime | None = None
    postpones: int = 0
    runs_reminded: frozenset[datetime] = frozenset()
    """Runs from ``day`` on whose pre-run reminder was given (or taken early)."""
    runs_dropped: frozenset[datetime] = frozenset()
    """Runs from ``day`` on the user said they would not run ("No run today")."""
    last_break_end: datetime | None = None
    """Where the countdown to the next sit-break runs from; None while the user is away."""
    paused_until: datetime | None = None
    at: datetime | None = field(default=None, compare=False)
    """When this was taken: the host saves it when the rest changes, and when it quits."""
