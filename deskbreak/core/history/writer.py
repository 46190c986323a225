"""Writing the history on a thread of its own, so the app's thread never waits for the file.

The app records every break in a few writes: it began (a new row, whose id
the later writes need), each exercise, how it ended. Done on the app's
thread, a write waited there whenever another process held the history's
write lock: during a large ``history --import`` the app stopped answering
for seconds, and once SQLite's busy wait ran out the break was lost.

:class:`HistoryWriter` runs the writes one at a time, in the order they were
submitted, on a connection of its own; :meth:`HistoryWriter.submit` only
queues and returns a :class:`~concurrent.futures.Future` of the write's
result. Because the order holds, a break's id needs no waiting: the write
that records an exercise runs after the one that started the break, and
calls ``started.result()`` there, where it is already settled.

A write that finds the file busy (:class:`~deskbreak.core.history.HistoryBusyError`)
is tried again after a moment, for as long as it takes: it was rolled back
whole, and the writes behind it wait their turn. Any other failure (a full
disk, a bug) fails that write's future and is reported to ``on_failure``;
the next write goes on. :meth:`HistoryWriter.close` waits for every write
submitted (on quit), giving up on a file that stays busy after ``timeout``;
the next start closes a break left open as missed.

Plain threads, no Qt: a caller that wants a result on its own thread
delivers it there itself (``deskbreak.ui.app`` does, with a signal).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Callable, TypeVar

from deskbreak.core.clock import Clock, SystemClock
from deskbreak.core.history import HistoryBusyError, HistoryStore

log = logging.getLogger("deskbreak.history")

T = TypeVar("T")

# SQLite's own busy wait before a write gives up and is tried again. Short,
# because its sleeps grow (to 100 ms after the first tenth of a second) and
# could keep missing the pauses between an import's transactions
# (history.ImportPacing); a fresh try starts again from 1 ms.
BUSY_WAIT_S = 0.1
RETRY_PAUSE_S = 0.005
# How long quitting waits for the writes still queued.
CLOSE_TIMEOUT_S = 10.0


def _log_failure(what: str, error: BaseException) -> None:
    log.warning("history: could not %s: %s", what, error)


class HistoryWriter:
    """Writes to the history in order, off the caller's thread; see the module's docstring.

    ``open_store`` opens the connection, on the writer's thread (a SQLite
    connection belongs to the thread that opened it); it is tried again
    while the file is busy, like a write.
    """

    def __init__(
        self,
        open_store: Callable[[], HistoryStore],
        *,
        on_failure: Callable[[str, BaseException], None] = _log_failure,
        clock: Clock | None = None,
    ) -> None:
        self._open_store = open_store
        self._on_failure = on_failure
        self._clock = clock or SystemClock()
        self._store: HistoryStore | None = None
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._closing = False
        # When a write still busy stops being tried: set by close().
        self._give_up_at: float | None = None
        self._pending = 0
        self._pending_lock = threading.Lock()
        self._failures = 0
        self._thread = threading.Thread(target=self._run, name="deskbreak history writer", daemon=True)
        self._thread.start()

    @classmethod
    def for_file(cls, path: Path, **options) -> HistoryWriter:
        """A writer of the history at ``path`` (already opened once, so created and upgraded)."""
        return cls(lambda: HistoryStore(path, busy_timeout=BUSY_WAIT_S), **options)

    @property
    def idle(self) -> bool:
        """Whether every write submitted so far has been done (or has failed)."""
        with self._pending_lock:
            return self._pending == 0

    def submit(self, what: str, write: Callable[[HistoryStore], T]) -> Future[T]:
        """Queue ``write(store)`` behind every write submitted before; returns at once.

        ``what`` says what it does, for the failure report ("start the
        break"). ``write`` runs on the writer's thread: it must use only the
        values it was given, never the caller's objects that change. A read
        queued here sees every write submitted before it; cancelling its
        future before its turn means it never runs.
        """
        future: Future[T] = Future()
        if self._closing:
            error = RuntimeError("the history writer is closed")
            future.set_exception(error)
            self._on_failure(what, error)
            return future
        with self._pending_lock:
            self._pending += 1
        self._queue.put((what, write, future))
        return future

    def close(self, timeout: float = CLOSE_TIMEOUT_S) -> bool:
        """Write everything submitted, then close the connection; True when every write it was given was written.

        A write still finding the file busy ``timeout`` seconds from now is
        given up (and reported); so is every write behind it that cannot get
        the file at once.
        """
        if not self._closing:
            self._closing = True
            self._give_up_at = self._clock.monotonic() + timeout
            self._queue.put(None)
        # The last write may be in its last try, which waits up to BUSY_WAIT_S.
        self._thread.join(timeout + 1.0)
        return not self._thread.is_alive() and self._failures == 0

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            what, write, future = item
            try:
                # A caller may cancel what has not begun (a read for a window
                # closed since); what has begun runs to its end.
                if future.set_running_or_notify_cancel():
                    self._write_until_done(what, write, future)
            finally:
                with self._pending_lock:
                    self._pending -= 1
            # Not kept while waiting for the next: a read's future holds its result.
            item = what = write = future = None
        if self._store is not None:
            try:
                self._store.close()
            except Exception as error:  # everything was written; only the closing failed
                self._on_failure("close the history", error)

    def _write_until_done(self, what: str, write: Callable[[HistoryStore], T], future: Future[T]) -> None:
        while True:
            try:
                if self._store is None:
                    self._store = self._open_store()
                result = write(self._store)
            except HistoryBusyError as error:
                if self._give_up_at is None or self._clock.monotonic() < self._give_up_at:
                    time.sleep(RETRY_PAUSE_S)
                    continue
                self._fail(what, future, error)
            except Exception as error:  # a full disk or a bug costs this write, never the writer
                self._fail(what, future, error)
            else:
                future.set_result(result)
            return

    def _fail(self, what: str, future: Future, error: BaseException) -> None:
        self._failures += 1
        future.set_exception(error)
        self._on_failure(what, error)
