"""Run deskbreak with a stopwatch from "break started" to the break window's first paint.

The app has no paint hook, and needs none: this runs the real ``deskbreak``
command line (same arguments) with two additions made from outside:

* a handler on the ``deskbreak`` logger that notes ``time.monotonic()`` when
  the app logs ``BreakStarted`` (the engine's event, logged just before the
  app builds the window: history row, routine, window, then ``show()``);
* from that moment until the first paint, an application-wide event filter
  that notes the break window's first Show and the first Paint event of the
  window or any of its children, then the end of that frame (a zero timer
  runs once the paint and the flush to the X server are done).

For each break it prints one line on stderr::

    paint-probe: show-ms 61.2 first-paint-ms 83.5 frame-ms 97.0

``benchmarks/bare_tray.py --window-on-signal`` prints the same line for a
plain window, the yardstick. ``benchmarks/footprint.py`` starts breaks with
``deskbreak break-now`` and reads these lines.

    .venv/bin/python benchmarks/paint_probe.py --config-dir C --data-dir D [deskbreak options]
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

PREFIX = "paint-probe:"


class FirstPaint(QObject):
    """Notes the first Show and Paint of the window ``match`` accepts, then prints and goes away."""

    _alive: set[FirstPaint] = set()

    def __init__(self, since: float, match: Callable[[QWidget], bool]) -> None:
        super().__init__()
        self.since = since
        self.match = match
        self.shown_at: float | None = None
        self.painted_at: float | None = None

    @classmethod
    def watch(cls, window: QWidget, since: float) -> FirstPaint:
        """Time ``window`` (about to be shown) from ``since`` to its first paint."""
        return cls.start(since, lambda widget: widget.window() is window)

    @classmethod
    def start(cls, since: float, match: Callable[[QWidget], bool]) -> FirstPaint:
        probe = cls(since, match)
        cls._alive.add(probe)
        QApplication.instance().installEventFilter(probe)
        return probe

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.Show and self.shown_at is None:
            if isinstance(watched, QWidget) and watched.isWindow() and self.match(watched):
                self.shown_at = time.monotonic()
        elif kind == QEvent.Type.Paint and self.painted_at is None:
            if isinstance(watched, QWidget) and self.match(watched):
                self.painted_at = time.monotonic()
                QApplication.instance().removeEventFilter(self)
                QTimer.singleShot(0, self._frame_done)
        return False

    def _frame_done(self) -> None:
        done = time.monotonic()
        show = "nan" if self.shown_at is None else f"{(self.shown_at - self.since) * 1000:.1f}"
        print(f"{PREFIX} show-ms {show} first-paint-ms {(self.painted_at - self.since) * 1000:.1f} "
              f"frame-ms {(done - self.since) * 1000:.1f}", file=sys.stderr, flush=True)
        self._alive.discard(self)


def is_break_window(widget: QWidget) -> bool:
    return widget.window().objectName() == "breakWindow"


class _BreakStarted(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("BreakStarted"):
            FirstPaint.start(time.monotonic(), is_break_window)


def main() -> int:
    # On the "deskbreak" logger, not the root: the app's basicConfig still adds its own stderr handler.
    logging.getLogger("deskbreak").addHandler(_BreakStarted(logging.INFO))
    from deskbreak.cli import main as deskbreak_main

    return deskbreak_main(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
