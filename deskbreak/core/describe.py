"""Words for what the engine knows: the tray's status line and notification texts.

Pure functions, so the wording is tested without Qt and shared by the tray
menu, its tooltip, the fallback status window and the command line.
"""

from __future__ import annotations

from datetime import date, datetime

from deskbreak.core.scheduling.engine import Break, State, Status
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate
from deskbreak.core.kinds import BreakKind

# The do-not-disturb reason a calendar meeting gives begins with this word
# ("meeting (until 11:00)", shell/calendar_source.py), in the user's language.
MEETING = "meeting"
# 000_a42a6e5b3fd2f0a1.txt: "A good warm up may begin by walking slowly for 5-10 minutes".
WARM_UP_ADVICE = QT_TRANSLATE_NOOP("describe", "Then warm up by walking slowly for 5-10 minutes before you run.")
COOLDOWN_ADVICE = QT_TRANSLATE_NOOP("describe", "Stretch your hips, legs and lower back now: muscles tighten "
                                    "quickly when activity suddenly stops.")
# strftime's %a follows the C library's locale, which Python leaves at "C".
_WEEKDAYS = (QT_TRANSLATE_NOOP("describe", "Mon"), QT_TRANSLATE_NOOP("describe", "Tue"),
             QT_TRANSLATE_NOOP("describe", "Wed"), QT_TRANSLATE_NOOP("describe", "Thu"),
             QT_TRANSLATE_NOOP("describe", "Fri"), QT_TRANSLATE_NOOP("describe", "Sat"),
             QT_TRANSLATE_NOOP("describe", "Sun"))


def human_duration(seconds: float) -> str:
    """ "45 s", "12 min", "1 h 5 min": rounded up, so "in 1 min" is never late (for what is to come)."""
    seconds = max(0, int(-(-seconds // 1)))
    if seconds < 60:
        return f"{seconds} s"
    return _minutes_and_hours(-(-seconds // 60))


def elapsed_duration(seconds: float) -> str:
    """ "45 s", "2 min", "1 h 5 min": a time that has passed, to the nearest second, from a minute on
    to the nearest minute (halves up). Rounding up, as for a countdown, would make 2 min away "3 min"."""
    seconds = max(0, int(seconds + 0.5))
    if seconds < 60:
        return f"{seconds} s"
    return _minutes_and_hours((seconds + 30) // 60)


def _minutes_and_hours(minutes: int) -> str:
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


def weekday_name(day: date) -> str:
    """ "Tue", in the user's language."""
    return translate("describe", _WEEKDAYS[day.weekday()])


def clock_time(moment: datetime, now: datetime) -> str:
    """ "14:30" today, "Tue 09:00" on another day."""
    if moment.date() == now.date():
        return f"{moment:%H:%M}"
    return f"{weekday_name(moment)} {moment:%H:%M}"


def status_line(status: Status, now: datetime) -> str:
    """The first line of the tray menu and its tooltip."""
    state = status.state
    if state == State.ON_BREAK:
        return translate("describe", "{kind} in progress").format(kind=status.current.kind.label)
    if state == State.PRELUDE:
        return translate("describe", "{kind} in {duration}").format(
            kind=status.current.kind.label, duration=human_duration(status.seconds_to_next))
    if state == State.HELD:
        if status.held_by and status.held_by.startswith(translate("calendar", MEETING)):
            # "Break after your meeting (until 11:00)"
            return translate("describe", "Break after your {reason}").format(reason=status.held_by)
        return translate("describe", "Break waiting: {reason}").format(reason=status.held_by)
    if state == State.POSTPONED:
        return translate("describe", "{kind} postponed until {time}").format(
            kind=status.current.kind.label, time=clock_time(status.next_at, now))
    if state == State.PAUSED:
        return translate("describe", "Paused until {time}").format(time=clock_time(status.paused_until, now))
    upcoming = status.upcoming
    if upcoming is None:
        return translate("describe", "No breaks scheduled")
    if upcoming.kind == BreakKind.PRERUN:
        # "at 17:45" today; "Sat 08:15" on another day reads without the "at".
        when = clock_time(upcoming.due, now)
        if upcoming.due.date() == now.date():
            return translate("describe", "Pre-run routine at {time}").format(time=when)
        return translate("describe", "Pre-run routine {day_and_time}").format(day_and_time=when)
    return translate("describe", "Next sit-break in {duration}").format(
        duration=human_duration(status.seconds_to_next))


def prelude_message(brk: Break, now: datetime, exercise_names: list[str],
                    length_s: float | None = None) -> tuple[str, str]:
    """Title and body of the notice announcing a break (``exercise_names`` as shown; ``length_s``: its length)."""
    names = list(exercise_names)
    title = translate("describe", "{kind} in {duration}").format(
        kind=brk.kind.label, duration=human_duration((brk.due - now).total_seconds()))
    stretches = ", ".join(names) if names else translate("describe", "a short routine")
    takes = translate("describe", " ({duration} in all)").format(duration=human_duration(length_s)) if length_s else ""
    if brk.kind == BreakKind.PRERUN and brk.run_at is not None:
        body = translate("describe", "Glute activation before your {time} run: {stretches}{takes}. {advice}").format(
            time=f"{brk.run_at:%H:%M}", stretches=stretches, takes=takes, advice=translate("describe", WARM_UP_ADVICE))
    else:
        body = translate("describe", "Stand up and walk a little, then: {stretches}{takes}.").format(
            stretches=stretches, takes=takes)
    first = names[0] if names else translate("describe", "stretch")
    return f"{title}: {first}", body
