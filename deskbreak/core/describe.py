"""Words for what the engine knows: the tray's status line and notification texts.

Pure functions, so the wording is tested without Qt and shared by the tray
menu, its tooltip, the fallback status window and the command line.
"""

from __future__ import annotations

from datetime import datetime

from deskbreak.core.engine import Break, State, Status
from deskbreak.core.kinds import BreakKind

# The do-not-disturb reason a calendar meeting gives ("meeting (until 11:00)").
MEETING = "meeting"
# 000_a42a6e5b3fd2f0a1.txt: "A good warm up may begin by walking slowly for 5-10 minutes".
WARM_UP_ADVICE = "Then warm up by walking slowly for 5-10 minutes before you run."
COOLDOWN_ADVICE = ("Stretch your hips, legs and lower back now: muscles tighten quickly when "
                   "activity suddenly stops.")


def human_duration(seconds: float) -> str:
    """ "45 s", "12 min", "1 h 5 min": rounded up, so "in 1 min" is never late."""
    seconds = max(0, int(-(-seconds // 1)))
    if seconds < 60:
        return f"{seconds} s"
    minutes = -(-seconds // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def exact_duration(seconds: float) -> str:
    """ "2 min 5 s", "45 s": for amounts of exercise, where rounding would lie."""
    minutes, rest = divmod(int(round(seconds)), 60)
    if minutes and rest:
        return f"{minutes} min {rest} s"
    return f"{minutes} min" if minutes else f"{rest} s"


def clock_time(moment: datetime, now: datetime) -> str:
    """ "14:30" today, "Tue 09:00" on another day."""
    if moment.date() == now.date():
        return f"{moment:%H:%M}"
    return f"{moment:%a %H:%M}"


def status_line(status: Status, now: datetime) -> str:
    """The first line of the tray menu and its tooltip."""
    state = status.state
    if state == State.ON_BREAK:
        return f"{status.current.kind.label} in progress"
    if state == State.PRELUDE:
        return f"{status.current.kind.label} in {human_duration(status.seconds_to_next)}"
    if state == State.HELD:
        if status.held_by and status.held_by.startswith(MEETING):
            return f"Break after your {status.held_by}"  # "Break after your meeting (until 11:00)"
        return f"Break waiting: {status.held_by}"
    if state == State.POSTPONED:
        return (f"{status.current.kind.label} postponed until "
                f"{clock_time(status.next_at, now)}")
    if state == State.PAUSED:
        return f"Paused until {clock_time(status.paused_until, now)}"
    upcoming = status.upcoming
    if upcoming is None:
        return "No breaks scheduled"
    if upcoming.kind == BreakKind.PRERUN:
        # "at 17:45" today; "Sat 08:15" on another day reads without the "at".
        when = clock_time(upcoming.due, now)
        return f"Pre-run routine {'at ' if upcoming.due.date() == now.date() else ''}{when}"
    return f"Next sit-break in {human_duration(status.seconds_to_next)}"


def prelude_message(brk: Break, now: datetime, exercise_names: list[str],
                    length_s: float | None = None) -> tuple[str, str]:
    """Title and body of the notification announcing a break (``length_s``: how long it takes)."""
    title = f"{brk.kind.label} in {human_duration((brk.due - now).total_seconds())}"
    stretches = ", ".join(exercise_names) if exercise_names else "a short routine"
    takes = f" ({human_duration(length_s)} in all)" if length_s else ""
    if brk.kind == BreakKind.PRERUN and brk.run_at is not None:
        body = (f"Glute activation before your {brk.run_at:%H:%M} run: {stretches}{takes}. "
                f"{WARM_UP_ADVICE}")
    else:
        body = f"Stand up and walk a little, then: {stretches}{takes}."
    return f"{title}: {exercise_names[0] if exercise_names else 'stretch'}", body
