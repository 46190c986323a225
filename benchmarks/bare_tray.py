"""The yardstick: the least a PySide6 tray app can be.

A QApplication, a 22 px icon in the system tray with a one-entry menu, and a
once-a-minute timer (a tray app that never wakes would not be an app that
reminds anyone of anything). ``benchmarks/footprint.py`` measures it beside
deskbreak in the same run and prints deskbreak's figures as ratios to it.

``--window-on-signal`` makes it the yardstick for the break window too: on
each SIGUSR1 it shows a fresh plain window of the break window's size (the
last one closed and deleted) and prints, on stderr, the milliseconds from the
signal to that window's first paint event; see ``benchmarks/paint_probe.py``,
which prints the same line for deskbreak.

    .venv/bin/python benchmarks/bare_tray.py [--window-on-signal]
"""

from __future__ import annotations

import argparse
import signal
import socket
import sys
import time

from PySide6.QtCore import QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QSystemTrayIcon, QVBoxLayout, QWidget


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--window-on-signal", action="store_true",
                        help="on SIGUSR1 show a plain window and print the time to its first paint")
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    pixmap = QPixmap(22, 22)
    pixmap.fill(QColor("#0f766e"))
    tray = QSystemTrayIcon(QIcon(pixmap))
    menu = QMenu()
    menu.addAction("Quit", app.quit)
    tray.setContextMenu(menu)
    tray.show()
    timer = QTimer()
    timer.start(60_000)

    # SIGTERM quits through the event loop (a wakeup fd, no polling timer), as deskbreak does.
    reader, writer = socket.socketpair()
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, app.quit))
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(lambda *_: reader.recv(64))

    if args.window_on_signal:
        from paint_probe import FirstPaint  # noqa: PLC0415  (only the probing run needs it)

        shown: list[QWidget] = []

        def show_window() -> None:
            requested = time.monotonic()
            for old in shown:
                old.close()
            shown.clear()
            window = QWidget(None, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.setWindowTitle("bare window")
            QVBoxLayout(window).addWidget(QLabel("Stand up and stretch"))
            window.resize(1120, 736)  # the break window's size on the virtual 1280x800 screen
            FirstPaint.watch(window, requested)
            window.show()
            shown.append(window)

        signal.signal(signal.SIGUSR1, lambda *_: QTimer.singleShot(0, show_window))

    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
