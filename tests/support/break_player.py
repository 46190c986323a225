"""Breaks played as the app plays them, on a FakeClock: prompted, shown, painted, finished and closed.

:func:`play_break` is one break of ``benchmarks/break_storm.py`` and of the
memory tests: the clock goes from wake-up to wake-up until the engine opens
the break window, the window paints, the routine runs to its done view, and
the done view's countdown closes and deletes the window.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

# The longest step between two engine steps: the watchdog's minute would do, but
# any gap under natural_break (5 min) means the same to the engine, and is faster.
STEP_S = 120.0


def pump(app: QApplication, rounds: int = 3) -> None:
    """Run the event loop's pending work (paints, posted events, deferred deletes)."""
    for _ in range(rounds):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class _Painted(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False


def pump_until_painted(app: QApplication, window: QWidget, timeout: float = 0.5) -> None:
    """Run the event loop until ``window`` has painted once (the X server maps it first)."""
    painted = _Painted()
    window.installEventFilter(painted)
    deadline = time.monotonic() + timeout
    while not painted.seen and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.002)
    window.removeEventFilter(painted)
    pump(app)


def play_break(app: QApplication, deskbreak, clock, *, every_exercise: bool = True) -> None:
    """One prompted break of ``deskbreak`` (a started DeskbreakApp on ``clock``, a FakeClock), start to close.

    With ``every_exercise`` each exercise and side is shown and painted in
    turn; without, the routine runs from its first view straight to its end.
    """
    from deskbreak.ui.break_window import AUTO_CLOSE_S

    # 1. The clock from wake-up to wake-up, as the alarm and the watchdog step it.
    for _ in range(1000):
        if deskbreak.window is not None:
            break
        wake = deskbreak.engine.next_wakeup(clock.now())
        wait = STEP_S if wake is None else (wake - clock.now()).total_seconds()
        clock.advance(min(STEP_S, max(0.05, wait)))
        deskbreak.tick("alarm")
        pump(app, 1)
    else:
        raise RuntimeError("no break came in 1000 steps")
    window = deskbreak.window
    pump_until_painted(app, window)
    # 2. The routine, segment by segment, painting each.
    shown = None
    for segment in window.segments:
        if not every_exercise or (segment.exercise.id, segment.side) == shown:
            clock.advance(segment.seconds)
            continue
        shown = segment.exercise.id, segment.side
        clock.advance(segment.seconds / 2)
        window.tick()
        pump(app, 2)
        clock.advance(segment.seconds / 2)
    clock.advance(1)
    window.tick()  # the routine ends: done view, history, "today"
    pump(app)
    # 3. The done view's countdown runs out; the window closes and is deleted.
    clock.advance(AUTO_CLOSE_S + 1)
    window.tick()
    pump(app)
