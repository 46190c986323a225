"""A history read on the history writer's thread, its result handed back on the GUI thread.

The history window reads five years of breaks and works out their figures
in about half a second: done on the GUI thread, the app stood still that
long. :class:`BackgroundRead` queues the read on the
:class:`~deskbreak.core.history.writer.HistoryWriter` (its own connection,
after every write queued before it, so the read sees the break just
recorded) and calls ``then(future)`` on the GUI thread once it is done.

A window closed before its read is delivered calls :meth:`BackgroundRead.cancel`:
a read still waiting its turn never runs, and the result of one already
running is dropped on arrival. The read holds its receiver weakly and
checks that the Qt object still exists before calling it, so a window
deleted without being closed is never touched either.
"""

from __future__ import annotations

import weakref
from concurrent.futures import Future
from typing import Callable, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from deskbreak.core.history import HistoryStore

T = TypeVar("T")


class HistoryReader(Protocol):
    """Runs ``read(store)`` on a thread of its own (the app's :class:`HistoryWriter`)."""

    def submit(self, what: str, read: Callable[[HistoryStore], T], /) -> Future[T]: ...


class _GuiThreadCalls(QObject):
    """Carries a call from any thread to the GUI thread: a signal queued to this object's thread."""

    call = Signal(object)

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def _run(call: Callable[[], None]) -> None:
        call()


_calls: _GuiThreadCalls | None = None


def _gui_thread_calls() -> _GuiThreadCalls:
    """The one carrier, made on the GUI thread and living as long as the application."""
    global _calls
    if _calls is None or not shiboken6.isValid(_calls):
        _calls = _GuiThreadCalls(QCoreApplication.instance())
    return _calls


class BackgroundRead:
    """``read`` queued on ``reader``; ``then(future)`` on the GUI thread when done, unless cancelled first.

    Made on the GUI thread. ``then`` must be a method of a QObject (the
    window): it is held weakly, and not called once that object is gone.
    """

    def __init__(self, reader: HistoryReader, what: str, read: Callable[[HistoryStore], T],
                 then: Callable[[Future[T]], None]) -> None:
        self._then = weakref.WeakMethod(then)
        self.cancelled = False
        calls = _gui_thread_calls()
        self.future: Future[T] | None = reader.submit(what, read)
        self.future.add_done_callback(lambda _future: self._post(calls))

    def _post(self, calls: _GuiThreadCalls) -> None:
        # On the reader's thread (or this one, when the read was over at once).
        try:
            calls.call.emit(self._deliver)
        except RuntimeError:
            pass  # the application is gone, and with it everything to show the result in

    def _deliver(self) -> None:
        # The future's callback holds this object, which held the future (and its
        # result, five years of breaks): let go, so they go with their last user.
        future, self.future = self.future, None
        then = self._then()
        if self.cancelled or then is None or not shiboken6.isValid(then.__self__):
            return
        then(future)

    def cancel(self) -> None:
        """Nothing will be delivered; a read not yet begun is not run at all."""
        self.cancelled = True
        if self.future is not None:
            self.future.cancel()
