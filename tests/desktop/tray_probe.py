"""A tiny stand-alone tray app the desktop smoke test drives.

It exercises the same desktop services the real app uses, with nothing of
deskbreak in it: a ``QSystemTrayIcon`` (XEmbed tray), a desktop notification
through ``notify-send`` (the path plyer takes on Linux) and a plain window that
reports the keys it receives.

Everything it learns is printed to stdout, one flushed line per fact:

    tray-available True
    tray-visible True
    notify-send 0
    window-shown
    event-loop-running
    key a
    tray-activated Trigger
    quitting

It quits cleanly (exit status 0) on SIGTERM or SIGINT.

Options: ``--no-notify`` skips the notification, ``--title TEXT`` sets the
window title, ``--summary TEXT`` the notification summary.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys

from PySide6.QtCore import QTimer, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon, QVBoxLayout, QWidget


def say(*parts: object) -> None:
    print(*parts, flush=True)


def drawn_icon() -> QIcon:
    pixmap = QPixmap(22, 22)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#2e9b5f"))
    painter.setPen(QColor("#ffffff"))
    painter.drawEllipse(1, 1, 20, 20)
    painter.end()
    return QIcon(pixmap)


class ProbeWindow(QWidget):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setWindowTitle(title)
        self.resize(360, 160)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{title}\nPress a key: it is echoed to stdout."))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        say("key", event.text() or f"<{event.key()}>")
        super().keyPressEvent(event)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--title", default="deskbreak probe")
    parser.add_argument("--summary", default="deskbreak probe notification")
    parser.add_argument("--no-notify", action="store_true")
    args = parser.parse_args(argv)

    app = QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)

    def quit_on_signal(signum: int, _frame: object) -> None:
        say("quitting", signal.Signals(signum).name)
        # Not app.quit() directly: before app.exec() has started it does
        # nothing, and a SIGTERM arriving that early would be lost. A zero
        # timer quits as soon as the event loop runs (or at once if it does).
        QTimer.singleShot(0, app.quit)

    signal.signal(signal.SIGTERM, quit_on_signal)
    signal.signal(signal.SIGINT, quit_on_signal)
    # Qt's event loop runs in C++; a timer lets Python run its signal handlers.
    heartbeat = QTimer()
    heartbeat.start(100)
    heartbeat.timeout.connect(lambda: None)

    say("tray-available", QSystemTrayIcon.isSystemTrayAvailable())
    tray = QSystemTrayIcon(drawn_icon())
    tray.setToolTip(args.title)
    tray.activated.connect(lambda reason: say("tray-activated", reason.name))
    tray.show()
    say("tray-visible", tray.isVisible())

    if not args.no_notify:
        try:
            done = subprocess.run(
                ["notify-send", "--app-name=deskbreak-probe", args.summary, "probe body"],
                capture_output=True,
                text=True,
                timeout=10,
            )
            say("notify-send", done.returncode, done.stderr.strip())
        except (OSError, subprocess.TimeoutExpired) as error:
            say("notify-send", "error", error)

    window = ProbeWindow(args.title)
    window.show()
    window.raise_()
    window.activateWindow()
    say("window-shown")

    QTimer.singleShot(0, lambda: say("event-loop-running"))
    status = app.exec()
    tray.hide()
    say("exit", status)
    return status


if __name__ == "__main__":
    sys.exit(main())
