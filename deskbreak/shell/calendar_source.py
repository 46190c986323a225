"""The user's calendar file, kept current: runs to the engine, meetings on request (adapters/holds/meeting.py).

It reads ``calendar_file`` (through :mod:`deskbreak.core.scheduling.calendar`) for a
window from yesterday to two weeks ahead, and reads it again when the file
changes on disk (Qt's file watcher, on the file and its folder, since
editors and sync tools replace files), when a calendar setting changes, and
when the window has moved on by a day. A file that cannot be read keeps the
previous schedule; what went wrong is said once per change, naming the file.
The watching and the telling are :mod:`deskbreak.shell.file_watch`'s, shared
with the settings files.

The file is never read on the UI thread: whatever it turns out to be, the
app starts and answers at once. Each read runs on one reading thread, in
turn; its outcome comes back to the UI thread as a queued signal and is
applied there, unless a newer read has been asked for meanwhile (a read
that has not begun by then is not made at all).
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal

from deskbreak.core.scheduling.calendar import (
    DEFAULT_RUN_KEYWORDS,
    CalendarError,
    CalendarEvent,
    CalendarRead,
    meetings_at,
    read_calendar,
)
from deskbreak.core.clock import Clock
from deskbreak.core.i18n import translate
from deskbreak.core.scheduling.runs import calendar_runs
from deskbreak.core.settings.store import SettingsStore
from deskbreak.shell.file_watch import ProblemNotice, WatchedFiles

log = logging.getLogger("deskbreak")

CALENDAR_KEYS = ("calendar_file", "run_keywords", "all_day_run_time")
LOOK_BACK = timedelta(days=1)
LOOK_AHEAD = timedelta(days=15)


@dataclass
class _Order:
    """The number of the newest read asked for; shared with the reading thread, which only looks."""

    latest: int = 0


@dataclass(frozen=True)
class _Request:
    """One read: what to read, for which window, and its place in the order of reads."""

    number: int
    path: Path
    now: datetime
    run_keywords: tuple[str, ...]
    all_day_run_time: time | None


class _Delivery(QObject):
    """Carries a finished read from the reading thread to the UI thread.

    It has no parent and lives as long as someone holds it (the source, a
    read in progress), so the reading thread never emits on a deleted object;
    when the source is gone first, Qt has dropped the connection.
    """

    done = Signal(object, object)  # the _Request, and its CalendarRead or CalendarError


class CalendarSource(QObject):
    runsChanged = Signal(object)
    """The calendar's runs (a tuple of :class:`Run`) after each successful read."""
    readFinished = Signal()
    """A read's outcome has been applied: the new runs and meetings, or the problem told."""

    def __init__(self, store: SettingsStore, clock: Clock, tell: Callable[[str, str], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.notice = ProblemNotice(translate("calendar", "deskbreak could not read all of your calendar"), tell)
        self.read: CalendarRead | None = None
        self._window_start: datetime | None = None
        self._order = _Order()
        self._delivery = _Delivery()
        self._delivery.done.connect(self._apply)
        # One thread, so reads never race each other for the disk and the CPU.
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="deskbreak-calendar")
        self._watched = WatchedFiles(lambda: (self.path,), self)
        self._watched.settled.connect(self.reload)
        store.subscribe(lambda _keys: self.reload(), keys=CALENDAR_KEYS)

    @property
    def path(self) -> Path | None:
        text = self.store.settings.calendar_file
        return Path(text).expanduser() if text else None

    def reload(self) -> None:
        """Read the file again in the background (or forget the calendar when the setting is empty)."""
        path = self.path
        self._watched.rewatch()  # the setting may name another file now
        self._order.latest += 1
        if path is None:
            if self.read is not None:
                self.read = None
                self.runsChanged.emit(())
            return
        now = self.clock.now()
        settings = self.store.settings
        # The window moves on from here, whatever the read brings: a file that
        # keeps failing is not read again on every tick.
        self._window_start = now
        request = _Request(self._order.latest, path, now, DEFAULT_RUN_KEYWORDS + tuple(settings.run_keywords),
                           settings.all_day_run_time)
        self._reader.submit(_read, request, self._order, self._delivery)

    def _apply(self, request: _Request, outcome: CalendarRead | CalendarError) -> None:
        """On the UI thread: take the outcome of a read, unless a newer read is on its way."""
        if request.number != self._order.latest:
            return
        if isinstance(outcome, CalendarError):
            self.notice.report([translate("calendar", "{problem}; keeping the runs and meetings read before").format(
                problem=outcome)])
        else:
            self.read = outcome
            self.notice.report(outcome.problems)
            runs = calendar_runs(outcome, request.now - LOOK_BACK, request.now + LOOK_AHEAD)
            log.info("calendar %s: %d runs, %d events", request.path, len(runs), len(outcome.events))
            self.runsChanged.emit(runs)
        self.readFinished.emit()

    def refresh_if_stale(self) -> None:
        """Move the window on once a day, so runs two weeks out keep coming into view."""
        if self._window_start is not None and self.clock.now() - self._window_start > timedelta(days=1):
            self.reload()

    def meeting_at(self, moment: datetime) -> CalendarEvent | None:
        return None if self.read is None else meetings_at(self.read, moment)


def _read(request: _Request, order: _Order, delivery: _Delivery) -> None:
    """On the reading thread: read, and hand the outcome to the UI thread."""
    if request.number != order.latest:
        return  # a newer read was asked for before this one began
    try:
        outcome: CalendarRead | CalendarError = read_calendar(
            request.path, start=request.now - LOOK_BACK, end=request.now + LOOK_AHEAD,
            local_tz=request.now.tzinfo, run_keywords=request.run_keywords,
            all_day_run_time=request.all_day_run_time)
    except CalendarError as error:
        outcome = error
    # A bug must not end the reading thread silently: it is logged and told like a bad file.
    except Exception as error:  # noqa: BLE001
        log.exception("reading the calendar %s failed", request.path)
        outcome = CalendarError(translate("calendar", "{path} could not be read: {reason}").format(
            path=request.path, reason=error))
    delivery.done.emit(request, outcome)
