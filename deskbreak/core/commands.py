"""What a user can ask for, as typed commands: one vocabulary for every way in.

The tray menu, the fallback status window, the break window, the command
line and the control socket all produce these objects; the engine applies
the break commands through :meth:`BreakEngine.apply` and the app handles the
few that only open a window or quit. Nothing is dispatched by a string any
more, so a typo is an error when the code is written, not a silent no-op.

The control socket carries a small JSON request (``{"command": "pause",
"duration": "30m"}``); core/protocol.py declares each such verb, the command
it produces, and what is wrong with a bad request (:class:`CommandError`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Union

from deskbreak.core.kinds import BreakKind, Outcome


class CommandError(ValueError):
    """A request that names no command, or one with a bad argument; the message says which."""


@dataclass(frozen=True)
class StartBreak:
    """A break now (allowed while paused); a break already announced is brought forward."""

    kind: BreakKind = BreakKind.SIT
    sequence: int | None = None
    """Which group of the routine's rotation to play (see core/content/suggest.py); None: the day's next."""
    for_run: bool = True
    """A pre-run routine prepares today's run (its reminder is then not given); False when it is
    offered for the muscle groups it works, with no run in mind."""


@dataclass(frozen=True)
class Postpone:
    """Put the announced or running break off by ``delay`` (the ``postpone`` setting when None)."""

    delay: timedelta | None = None


@dataclass(frozen=True)
class Skip:
    """End the announced, postponed or running break without doing it."""

    reason: str = "skipped by the user"


@dataclass(frozen=True)
class SkipNext:
    """Let the next break pass without prompting (it is recorded as skipped when due)."""


@dataclass(frozen=True)
class Pause:
    """No prompts for ``duration``; ``until_tomorrow`` pauses until tomorrow's work start."""

    duration: timedelta | None = None
    until_tomorrow: bool = False


@dataclass(frozen=True)
class Resume:
    pass


@dataclass(frozen=True)
class FinishBreak:
    """The break window ended its routine: done, stopped because it hurt, or ended early."""

    outcome: Outcome = Outcome.COMPLETED
    reason: str = ""


@dataclass(frozen=True)
class NoRunToday:
    """No run today: today's pre-run reminder is dropped."""


# Commands the app itself handles: they open a window or end the app.
@dataclass(frozen=True)
class OpenSettings:
    pass


@dataclass(frozen=True)
class OpenHistory:
    pass


@dataclass(frozen=True)
class ShowBreak:
    """Bring the break window on screen back in front of the windows that covered it."""


@dataclass(frozen=True)
class Quit:
    pass


EngineCommand = Union[StartBreak, Postpone, Skip, SkipNext, Pause, Resume, FinishBreak, NoRunToday]
AppCommand = Union[OpenSettings, OpenHistory, ShowBreak, Quit]
Command = Union[EngineCommand, AppCommand]
ENGINE_COMMANDS = (StartBreak, Postpone, Skip, SkipNext, Pause, Resume, FinishBreak, NoRunToday)
