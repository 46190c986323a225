"""Hold a due break while a meeting of the user's calendar goes on, until it ends.

The calendar file is read (and re-read when it or its settings change) by
the app's calendar source; this source only looks at what was read.
"""

from __future__ import annotations

from datetime import datetime

from deskbreak.adapters.holds.desktop import Desktop, Meetings
from deskbreak.core.describe import MEETING
from deskbreak.core.scheduling.holds import Hold, HoldSource
from deskbreak.core.i18n import translate
from deskbreak.core.settings import Settings

KEYS: tuple[str, ...] = ()  # the calendar source follows calendar_file and the run settings itself


def sources(settings: Settings, desktop: Desktop) -> list[HoldSource]:
    return [] if desktop.calendar is None else [MeetingHold(desktop.calendar)]


class MeetingHold:
    name = "calendar"

    def __init__(self, calendar: Meetings) -> None:
        self._calendar = calendar

    def hold(self, now: datetime) -> Hold | None:
        """Why a break waits, in the user's words ("meeting (until 11:00)")."""
        meeting = self._calendar.meeting_at(now)
        if meeting is None or meeting.end is None:
            return None
        # The word on its own too: the tray's line puts it in a sentence (core/describe.py).
        reason = translate("calendar", "{meeting} (until {time})").format(
            meeting=translate("calendar", MEETING), time=f"{meeting.end:%H:%M}")
        return Hold(reason, self.name, until=meeting.end)

    def close(self) -> None:
        pass  # the calendar source is the app's
