"""The tray icon and its menu, rebuilt from live engine state each time it opens.

Where the desktop has no system tray (some GNOME set-ups), the same entries
appear as buttons in a small always-available status window instead, so the
app never vanishes. Both read :func:`menu_entries`, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from deskbreak.core.describe import status_line
from deskbreak.core.engine import State, Status

PAUSE_CHOICES = (("Pause for 30 min", "pause:30m"), ("Pause for 1 h", "pause:1h"),
                 ("Pause until tomorrow", "pause:tomorrow"))


@dataclass(frozen=True)
class MenuEntry:
    label: str
    command: str | None  # None: a heading or a separator
    enabled: bool = True


SEPARATOR = MenuEntry("", None)


def menu_entries(status: Status, now: datetime, postpone_label: str) -> list[MenuEntry]:
    """The tray menu for this moment: the status first, then what makes sense now."""
    state = status.state
    pending = state in (State.PRELUDE, State.ON_BREAK, State.POSTPONED)
    entries = [MenuEntry(status_line(status, now), None, enabled=False), SEPARATOR]
    entries.append(MenuEntry("Take a break now", "break:sit", enabled=state != State.ON_BREAK))
    entries.append(MenuEntry("Start pre-run routine", "break:prerun", enabled=state != State.ON_BREAK))
    entries.append(MenuEntry("Start back-care routine", "break:evening", enabled=state != State.ON_BREAK))
    entries.append(MenuEntry(postpone_label, "postpone", enabled=pending))
    entries.append(SEPARATOR)
    if state == State.PAUSED:
        entries.append(MenuEntry("Resume", "resume"))
    else:
        entries += [MenuEntry(label, command) for label, command in PAUSE_CHOICES]
    entries += [
        SEPARATOR,
        MenuEntry("Settings...", "settings"),
        MenuEntry("History...", "history"),
        SEPARATOR,
        MenuEntry("Quit", "quit"),
    ]
    return entries


class TrayController(QObject):
    """Owns the tray icon (or the fallback window) and forwards chosen commands."""

    def __init__(
        self,
        entries: Callable[[], list[MenuEntry]],
        run_command: Callable[[str], None],
        icons: dict[str, QIcon],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._entries = entries
        self._run = run_command
        self._icons = icons
        self.tray: QSystemTrayIcon | None = None
        self.window: StatusWindow | None = None
        self.menu = QMenu()
        self.menu.aboutToShow.connect(self.rebuild_menu)

    def show(self) -> bool:
        """Show the tray icon; False (and the status window instead) without a tray."""
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self._icons["normal"], self)
            self.tray.setContextMenu(self.menu)
            self.tray.activated.connect(self._activated)
            self.rebuild_menu()
            self.tray.show()
            return True
        self.window = StatusWindow(self._run, self._icons["normal"])
        self.window.set_entries(self._entries())
        self.window.show()
        return False

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.rebuild_menu()

    def rebuild_menu(self) -> None:
        self.menu.clear()
        for entry in self._entries():
            if entry.command is None and not entry.label:
                self.menu.addSeparator()
                continue
            action = QAction(entry.label, self.menu)
            action.setEnabled(entry.enabled and entry.command is not None)
            if entry.command is not None:
                action.setData(entry.command)
                action.triggered.connect(lambda _=False, c=entry.command: self._run(c))
            self.menu.addAction(action)

    def refresh(self, status_text: str, paused: bool) -> None:
        """Tooltip, icon and the fallback window follow the engine."""
        if self.tray is not None:
            self.tray.setToolTip(f"deskbreak: {status_text}")
            self.tray.setIcon(self._icons["paused" if paused else "normal"])
        if self.window is not None:
            self.window.set_entries(self._entries())

    def show_message(self, title: str, message: str) -> bool:
        if self.tray is None or not QSystemTrayIcon.supportsMessages():
            return False
        self.tray.showMessage(title, message, self._icons["normal"], 15000)
        return True

    def hide(self) -> None:
        if self.tray is not None:
            self.tray.hide()
        if self.window is not None:
            self.window.close()


class StatusWindow(QWidget):
    """The tray menu as a small window, for desktops without a system tray."""

    def __init__(self, run_command: Callable[[str], None], icon: QIcon):
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("deskbreak")
        self.setWindowIcon(icon)
        self.setObjectName("statusWindow")
        self._run = run_command
        self._layout = QVBoxLayout(self)
        self.notice = QLabel("No system tray found: deskbreak lives in this window instead.")
        self.notice.setWordWrap(True)
        self._layout.addWidget(self.notice)
        self.status = QLabel()
        self.status.setObjectName("statusLabel")
        font = self.status.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.status.setFont(font)
        self._layout.addWidget(self.status)
        self._buttons: list[QPushButton] = []

    def set_entries(self, entries: list[MenuEntry]) -> None:
        for button in self._buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        self.status.setText(entries[0].label)
        for entry in entries[1:]:
            if entry.command is None:
                continue
            button = QPushButton(entry.label)
            button.setObjectName(f"command:{entry.command}")
            button.setEnabled(entry.enabled)
            button.clicked.connect(lambda _=False, c=entry.command: self._run(c))
            self._layout.addWidget(button)
            self._buttons.append(button)

    def button_for(self, command: str) -> QPushButton | None:
        return next((b for b in self._buttons if b.objectName() == f"command:{command}"), None)


class TrayNotifier:
    """Qt's own balloon from the tray icon: the fallback when plyer cannot deliver."""

    name = "qt-tray"

    def __init__(self, controller: TrayController):
        self._controller = controller

    def available(self) -> bool:
        return self._controller.tray is not None and QSystemTrayIcon.supportsMessages()

    def notify(self, title: str, message: str) -> bool:
        return self._controller.show_message(title, message)
