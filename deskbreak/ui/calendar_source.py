"""The user's calendar file, kept current: runs to the engine, meetings on request.

It reads ``calendar_file`` (through :mod:`deskbreak.core.calendar`) for a
window from yesterday to two weeks ahead, and reads it again when the file
changes on disk (Qt's file watcher, on the file and its folder, since
editors and sync tools replace files), when a calendar setting changes, and
when the window has moved on by a day. A file that cannot be read keeps the
previous schedule; what went wrong is said once per change, naming the file.
The watching and the telling are :mod:`deskbreak.ui.file_watch`'s, shared
with the settings files.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal

from deskbreak.core.calendar import (
    DEFAULT_RUN_KEYWORDS,
    CalendarError,
    CalendarEvent,
    CalendarRead,
    meetings_at,
    read_calendar,
    runs_between,
)
from deskbreak.core.clock import Clock
from deskbreak.core.i18n import translate
from deskbreak.core.runs import Run
from deskbreak.core.settings_store import SettingsStore
from deskbreak.ui.file_watch import ProblemNotice, WatchedFiles

log = logging.getLogger("deskbreak")

CALENDAR_KEYS = ("calendar_file", "run_keywords", "all_day_run_time")
LOOK_BACK = timedelta(days=1)
LOOK_AHEAD = timedelta(days=15)


class CalendarSource(QObject):
    runsChanged = Signal(object)
    """The calendar's runs (a tuple of :class:`Run`) after each successful read."""

    def __init__(self, store: SettingsStore, clock: Clock, tell: Callable[[str, str], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.notice = ProblemNotice(translate("calendar", "deskbreak could not read all of your calendar"), tell)
        self.read: CalendarRead | None = None
        self._window_start: datetime | None = None
        self._watched = WatchedFiles(lambda: (self.path,), self)
        self._watched.settled.connect(self.reload)
        store.subscribe(lambda _keys: self.reload(), keys=CALENDAR_KEYS)

    @property
    def path(self) -> Path | None:
        text = self.store.settings.calendar_file
        return Path(text).expanduser() if text else None

    def reload(self) -> None:
        """Read the file again (or forget the calendar when the setting is empty)."""
        path = self.path
        self._watched.rewatch()  # the setting may name another file now
        if path is None:
            if self.read is not None:
                self.read = None
                self.runsChanged.emit(())
            return
        now = self.clock.now()
        settings = self.store.settings
        try:
            read = read_calendar(path, start=now - LOOK_BACK, end=now + LOOK_AHEAD, local_tz=now.tzinfo,
                                 run_keywords=DEFAULT_RUN_KEYWORDS + settings.run_keywords,
                                 all_day_run_time=settings.all_day_run_time)
        except CalendarError as error:
            self.notice.report([translate("calendar", "{problem}; keeping the runs and meetings read before").format(
                problem=error)])
            return
        self.read = read
        self._window_start = now
        self.notice.report(read.problems)
        runs = tuple(Run(event.start, event.end, "calendar", event.summary)
                     for event in runs_between(read, now - LOOK_BACK, now + LOOK_AHEAD))
        log.info("calendar %s: %d runs, %d events", path, len(runs), len(read.events))
        self.runsChanged.emit(runs)

    def refresh_if_stale(self) -> None:
        """Move the window on once a day, so runs two weeks out keep coming into view."""
        if self._window_start is not None and self.clock.now() - self._window_start > timedelta(days=1):
            self.reload()

    def meeting_at(self, moment: datetime) -> CalendarEvent | None:
        return None if self.read is None else meetings_at(self.read, moment)
