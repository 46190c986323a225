"""The engine's :class:`~deskbreak.core.scheduling.engine.Discipline`, kept in a small file so a restart forgets none of it.

``discipline.json`` lives beside the history in the data folder. The app
writes it (atomically, 0600) whenever the engine's discipline changes and
reads it once at start. It is deskbreak's own file, never the user's: one that
cannot be read (damaged, from a newer deskbreak, a FIFO) costs only what it
remembered, with one line in the log saying why, and is replaced at the next
save.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from deskbreak.core.bounded_read import read_regular_file
from deskbreak.core.scheduling.engine import Break, Discipline
from deskbreak.core.files import write_file_atomically
from deskbreak.core.kinds import BreakKind

DISCIPLINE_FILE_NAME = "discipline.json"
FORMAT_VERSION = 1
# A day's discipline is a few hundred bytes; anything far larger is not ours.
_LIMIT = 64 * 1024


class DisciplineFileError(ValueError):
    """The file cannot be used; the message names it and says why."""


def to_json(kept: Discipline) -> dict[str, Any]:
    brk = kept.postponed
    return {
        "version": FORMAT_VERSION,
        "day": kept.day.isoformat(),
        "skips": kept.skips,
        "sit_breaks": kept.sit_breaks,
        "skip_next": kept.skip_next,
        "postponed": None if brk is None else {
            "kind": brk.kind.value, "due": brk.due.isoformat(), "sequence": brk.sequence,
            "run_at": _iso(brk.run_at), "user_started": brk.user_started,
            "until": _iso(kept.postponed_until), "postpones": kept.postpones,
        },
        "runs_reminded": sorted(run.isoformat() for run in kept.runs_reminded),
        "runs_dropped": sorted(run.isoformat() for run in kept.runs_dropped),
        "last_break_end": _iso(kept.last_break_end),
        "paused_until": _iso(kept.paused_until),
        "at": _iso(kept.at),
    }


def from_json(data: Any) -> Discipline:
    """The discipline in a parsed ``discipline.json``; ValueError (or KeyError, TypeError) if it is not one."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    if data.get("version") != FORMAT_VERSION:
        raise ValueError(f"format version {data.get('version')!r}, this deskbreak reads {FORMAT_VERSION}")
    postponed = data["postponed"]
    brk = None
    if postponed is not None:
        brk = Break(BreakKind(postponed["kind"]), _moment(postponed["due"]), _count(postponed["sequence"]),
                    _moment_or_none(postponed["run_at"]), _flag(postponed["user_started"]))
    return Discipline(
        day=date.fromisoformat(data["day"]),
        skips=_count(data["skips"]),
        sit_breaks=_count(data["sit_breaks"]),
        skip_next=_flag(data["skip_next"]),
        postponed=brk,
        postponed_until=None if brk is None else _moment(postponed["until"]),
        postpones=0 if brk is None else _count(postponed["postpones"]),
        runs_reminded=frozenset(_moment(text) for text in data["runs_reminded"]),
        runs_dropped=frozenset(_moment(text) for text in data["runs_dropped"]),
        last_break_end=_moment_or_none(data["last_break_end"]),
        paused_until=_moment_or_none(data["paused_until"]),
        at=_moment_or_none(data["at"]),
    )


def load_discipline(path: Path) -> Discipline | None:
    """What ``path`` remembers; None when there is no file. Raises :class:`DisciplineFileError`."""
    try:
        data = read_regular_file(path, _LIMIT)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise DisciplineFileError(f"cannot read {path}: {error}") from error
    try:
        return from_json(json.loads(data))
    except (ValueError, KeyError, TypeError) as error:
        raise DisciplineFileError(f"{path} is not a discipline file deskbreak can read: {error!r}") from None


def save_discipline(path: Path, kept: Discipline) -> None:
    """Replace ``path`` with ``kept``; raises OSError."""
    write_file_atomically(path, json.dumps(to_json(kept), indent=1) + "\n")


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _moment(text: Any) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.utcoffset() is None:
        raise ValueError(f"{text!r} has no UTC offset")
    return moment


def _moment_or_none(text: Any) -> datetime | None:
    return None if text is None else _moment(text)


def _count(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise ValueError(f"{value!r} is not a count")
    return value


def _flag(value: Any) -> bool:
    if type(value) is not bool:
        raise ValueError(f"{value!r} is not true or false")
    return value
