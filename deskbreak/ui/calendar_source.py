"""The user's calendar file, kept current: runs to the engine, meetings on request.

It reads ``calendar_file`` (through :mod:`deskbreak.core.calendar`) for a
window from yesterday to two weeks ahead, and reads it again when the file
changes on disk (Qt's file watcher, on the file and its folder, since
editors and sync tools replace files), when a calendar setting changes, and
when the window has moved on by a day. A file that cannot be read keeps the
previous schedule; what went wrong is said once per change, naming the file.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

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
from deskbreak.core.runs import Run
from deskbreak.core.settings_store import SettingsStore

log = logging.getLogger("deskbreak")

CALENDAR_KEYS = ("calendar_file", "run_keywords", "all_day_run_time")
LOOK_BACK = timedelta(days=1)
LOOK_AHEAD = timedelta(days=15)
SETTLE_MS = 300


class CalendarSource(QObject):
    runsChanged = Signal(object)
    """The calendar's runs (a tuple of :class:`Run`) after each successful read."""

    def __init__(self, store: SettingsStore, clock: Clock, tell: Callable[[str, str], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.tell = tell
        self.read: CalendarRead | None = None
        self._window_start: datetime | None = None
        self._last_problems: list[str] = []
        self._watcher = QFileSystemWatcher(self)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.reload)
        self._watcher.fileChanged.connect(lambda *_: self._settle.start())
        self._watcher.directoryChanged.connect(lambda *_: self._settle.start())
        store.subscribe(lambda _keys: self.reload(), keys=CALENDAR_KEYS)

    @property
    def path(self) -> Path | None:
        text = self.store.settings.calendar_file
        return Path(text).expanduser() if text else None

    def reload(self) -> None:
        """Read the file again (or forget the calendar when the setting is empty)."""
        path = self.path
        self._watch(path)
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
            self._report([f"{error}; keeping the runs and meetings read before"])
            return
        self.read = read
        self._window_start = now
        self._report(list(read.problems))
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

    def _watch(self, path: Path | None) -> None:
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        if path is None:
            return
        if path.parent.is_dir():
            self._watcher.addPath(str(path.parent))
        if path.exists():
            self._watcher.addPath(str(path))

    def _report(self, problems: list[str]) -> None:
        if problems and problems != self._last_problems:
            for line in problems:
                log.warning("%s", line)
            if self.tell is not None:
                self.tell("deskbreak could not read all of your calendar", "\n".join(problems)[:400])
        self._last_problems = problems
