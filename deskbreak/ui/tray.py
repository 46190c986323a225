"""The tray icon and its menu, rebuilt from live engine state each time it opens.

The same entries appear as buttons in a small status window: what a left
click on the icon opens, and what stands in for the icon where the desktop
has no system tray (GNOME without the AppIndicator extension), until one
appears, so the app never vanishes. Both read :func:`menu_entries`, so they
cannot disagree.
Each entry carries a typed command (:mod:`deskbreak.core.commands`); the
menu only reads state, and the app steps the engine once before it opens.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable, Mapping

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from deskbreak.adapters.tray_host import TrayHostWatch
from deskbreak.core import commands as cmd
from deskbreak.core.describe import status_line
from deskbreak.core.scheduling.engine import State, Status
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, Context, translate
from deskbreak.core.kinds import BreakKind
from deskbreak.ui import screen_fit

log = logging.getLogger("deskbreak")
tray = Context("tray")  # for plurals: lupdate reads the context from this name
PAUSE_CHOICES = ((QT_TRANSLATE_NOOP("tray", "Pause for 30 min"), "pause:30m", cmd.Pause(duration=timedelta(minutes=30))),
                 (QT_TRANSLATE_NOOP("tray", "Pause for 1 h"), "pause:1h", cmd.Pause(duration=timedelta(hours=1))),
                 (QT_TRANSLATE_NOOP("tray", "Pause until tomorrow"), "pause:tomorrow", cmd.Pause(until_tomorrow=True)))


@dataclass(frozen=True)
class MenuEntry:
    label: str
    command: cmd.Command | None  # None: the status, a note, or a separator
    enabled: bool = True
    key: str = ""  # a stable name for tests and the status window's buttons


SEPARATOR = MenuEntry("", None)


@dataclass(frozen=True)
class MenuContext:
    """What the menu needs besides the engine's status."""

    postpone_label: str = field(default_factory=lambda: translate("tray", "Postpone"))
    run_today: bool = False
    """A run is planned today and its reminder is still to come."""
    notes: tuple[str, ...] = field(default_factory=tuple)
    """Lines under the status, such as "Idle detection unavailable"."""
    lengths: Mapping[BreakKind, str] = field(default_factory=dict)
    """How long each routine takes ("4 min"), shown beside its entry."""


def menu_entries(status: Status, now: datetime, context: MenuContext) -> list[MenuEntry]:
    """The tray menu for this moment: the status first, then what makes sense now."""
    state = status.state
    pending = state in (State.PRELUDE, State.HELD, State.ON_BREAK, State.POSTPONED)
    not_on_break = state != State.ON_BREAK
    entries = [MenuEntry(status_line(status, now), None, key="status")]
    entries += [MenuEntry(note, None, key="note") for note in context.notes]
    entries.append(SEPARATOR)
    if state == State.ON_BREAK:
        # On Wayland another window can cover the break: this brings it back in front.
        entries.append(MenuEntry(translate("tray", "Show the break"), cmd.ShowBreak(), key="show-break"))
    def with_length(label: str, kind: BreakKind) -> str:
        label = translate("tray", label)
        return f"{label}, {context.lengths[kind]}" if kind in context.lengths else label

    entries += [
        MenuEntry(with_length(QT_TRANSLATE_NOOP("tray", "Take a break now"), BreakKind.SIT),
                  cmd.StartBreak(BreakKind.SIT), not_on_break, "break:sit"),
        MenuEntry(with_length(QT_TRANSLATE_NOOP("tray", "Run now: pre-run routine"), BreakKind.PRERUN),
                  cmd.StartBreak(BreakKind.PRERUN), not_on_break, "break:prerun"),
        MenuEntry(with_length(QT_TRANSLATE_NOOP("tray", "Start back-care routine"), BreakKind.EVENING),
                  cmd.StartBreak(BreakKind.EVENING), not_on_break, "break:evening"),
        MenuEntry(context.postpone_label, cmd.Postpone(), pending and status.can_postpone, "postpone"),
    ]
    if pending and status.skips_left == 0 and status.can_skip:
        # The day's skips are spent: "skip" puts the break off 5 minutes instead.
        entries.append(MenuEntry(translate("tray", "Postpone 5 min (no skips left today)"), cmd.Skip(), key="skip"))
    elif pending:
        entries.append(MenuEntry(_with_skips_left(status, translate("tray", "Skip this break")), cmd.Skip(),
                                 status.can_skip, "skip"))
    elif state == State.WAITING:
        entries.append(MenuEntry(
            translate("tray", "Next break will be skipped") if status.skip_next
            else _with_skips_left(status, translate("tray", "Skip next break")),
            cmd.SkipNext(), status.can_skip and not status.skip_next and status.skips_left != 0, "skip-next"))
    if context.run_today:
        entries.append(MenuEntry(translate("tray", "No run today"), cmd.NoRunToday(), key="no-run-today"))
    entries.append(SEPARATOR)
    if state == State.PAUSED:
        entries.append(MenuEntry(translate("tray", "Resume"), cmd.Resume(), key="resume"))
    else:
        entries += [MenuEntry(translate("tray", label), command, key=key) for label, key, command in PAUSE_CHOICES]
    entries += [
        SEPARATOR,
        MenuEntry(translate("tray", "Settings..."), cmd.OpenSettings(), key="settings"),
        MenuEntry(translate("tray", "History..."), cmd.OpenHistory(), key="history"),
        SEPARATOR,
        MenuEntry(translate("tray", "Quit"), cmd.Quit(), key="quit"),
    ]
    return entries


def _with_skips_left(status: Status, label: str) -> str:
    if status.skips_left is None or not status.can_skip:
        return label  # no limit; or strict mode, where a count of skips nobody can use would only tease
    return tray.tr("{label} (%n left today)", None, status.skips_left, one="{label} (1 left today)").format(label=label)


#: How long the tray host may be gone before the status window stands in for the icon: a shell
#: that restarts is back within seconds, and a window flashing up meanwhile would only startle.
HOST_GRACE_MS = 10_000


class TrayController(QObject):
    """Owns the tray icon and the status window, and forwards chosen commands.

    With a tray, the right click on the icon shows the menu (Plasma and GNOME's
    AppIndicator draw it themselves, from what Qt exports over D-Bus) and the
    left click opens the status window: Wayland gives no pointer position to
    pop a menu at, and no parent for it. Without a tray the status window
    stands in for the icon until a tray host appears on the bus (``host``);
    should the host go away for good, the window stands in again.
    """

    #: The status window came on screen (see StatusWindow.shown).
    statusWindowShown = Signal()

    def __init__(
        self,
        entries: Callable[[], list[MenuEntry]],
        run_command: Callable[[cmd.Command], None],
        icons: dict[str, QIcon],
        parent: QObject | None = None,
        tray_icon: QSystemTrayIcon | None = None,
        host: TrayHostWatch | None = None,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
    ):
        super().__init__(parent)
        self._entries = entries
        self._run = run_command
        self._icons = icons
        # An icon shown while the app was loading (ui/startup.py), to be taken over.
        self._early_icon = tray_icon
        self._tray_available = tray_available
        self.tray: QSystemTrayIcon | None = None
        self._look = "normal"  # the icon the tray shows
        self.window: StatusWindow | None = None
        # The window shown because there is no icon (not opened from the icon): it steps aside for one.
        self._standing_in = False
        # Whether the icon reaches the desktop over StatusNotifierItem (always, on Wayland), so that a
        # tray host leaving takes it out of sight; an X11 XEmbed icon does not depend on one.
        self._icon_on_bus = False
        self.menu = QMenu()
        self.menu.aboutToShow.connect(self.rebuild_menu)
        # Called before the menu reads the entries: the host steps its engine there.
        self.before_menu: Callable[[], None] | None = None
        self._host = host
        self.host_grace = QTimer(self)
        self.host_grace.setSingleShot(True)
        self.host_grace.setInterval(HOST_GRACE_MS)
        self.host_grace.timeout.connect(self._host_gone)
        if host is not None:
            host.appeared.connect(self._host_appeared)
            host.vanished.connect(self._host_vanished)

    def show(self) -> bool:
        """Show the tray icon; False (and the status window instead) without a tray."""
        if self._tray_available():
            self._show_icon()
            return True
        self._stand_in()
        return False

    def _show_icon(self) -> None:
        self._look = "normal"
        if self._early_icon is not None:
            self.tray, self._early_icon = self._early_icon, None
            self.tray.setParent(self)
            self.tray.setIcon(self._icons["normal"])
        else:
            self.tray = QSystemTrayIcon(self._icons["normal"], self)
        self._icon_on_bus = QGuiApplication.platformName() != "xcb" or (self._host is not None and self._host.present())
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._activated)
        self.rebuild_menu()
        self.tray.show()

    def _stand_in(self) -> None:
        """The status window in the icon's place, saying why."""
        window = self._status_window()
        self._standing_in = True
        window.set_standing_in(True)
        window.reveal()

    def _host_appeared(self) -> None:
        """A tray host took its name on the bus: the icon goes there (Qt registers it), the stand-in steps aside."""
        if self._host is None:
            return  # hidden for good: the app is quitting
        self.host_grace.stop()
        if self.tray is None:
            if not self._tray_available():
                return
            self._show_icon()
            log.info("system tray: a tray appeared, icon shown")
        if self._standing_in and self.window is not None:
            self._standing_in = False
            self.window.hide()
            self.window.set_standing_in(False)
            log.info("system tray: the icon is in the tray, status window hidden")

    def _host_vanished(self) -> None:
        if self._host is not None and self.tray is not None and self._icon_on_bus:
            self.host_grace.start()

    def _host_gone(self) -> None:
        if self._host is None or self._host.present() or (self.window is not None and self.window.isVisible()):
            return
        log.info("system tray: the tray went away, status window shown")
        self._stand_in()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # The right click is the tray's (it shows the menu); a left click asks for the app itself.
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_status_window()

    def show_status_window(self) -> None:
        """The status window, up to date and in front: what a left click on the icon or its status line opens."""
        if self.before_menu is not None:
            self.before_menu()
        window = self._status_window()
        window.set_entries(self._entries())
        window.reveal()
        window.raise_()
        window.activateWindow()

    def _status_window(self) -> StatusWindow:
        if self.window is None:
            self.window = StatusWindow(self._run, self._icons["normal"])
            self.window.shown.connect(self.statusWindowShown)
            self.window.set_standing_in(self.tray is None)
            self.window.set_entries(self._entries())
        return self.window

    def rebuild_menu(self) -> None:
        if self.before_menu is not None:
            self.before_menu()
        self.menu.clear()
        for entry in self._entries():
            if entry.command is None and not entry.label:
                self.menu.addSeparator()
                continue
            if entry.command is None:
                self.menu.addAction(self._text_line(entry))
                continue
            action = QAction(entry.label, self.menu)
            action.setEnabled(entry.enabled)
            action.setObjectName(entry.key)
            action.triggered.connect(lambda _=False, c=entry.command: self._run(c))
            self.menu.addAction(action)

    def _text_line(self, entry: MenuEntry) -> QAction:
        """The status (bold) or a note, as an entry that opens the status window.

        Enabled, so it is drawn in the text colour: Plasma and GNOME's
        AppIndicator draw the menu from Qt's D-Bus export, where a disabled
        entry is greyed and a widget in the menu does not travel.
        """
        action = QAction(entry.label, self.menu)
        action.setObjectName(entry.key)
        font = action.font()
        font.setBold(entry.key == "status")
        action.setFont(font)
        action.triggered.connect(self.show_status_window)
        return action

    def refresh(self, status_text: str, look: str) -> None:
        """Tooltip, icon ("normal", "paused", "overdue") and the status window follow the engine.

        Only what changed is handed on: Qt repaints (X11) or re-sends over D-Bus
        (StatusNotifierItem) an icon or a tooltip at each set, even the same one.
        """
        if self.tray is not None:
            tooltip = f"deskbreak: {status_text}"
            if tooltip != self.tray.toolTip():
                self.tray.setToolTip(tooltip)
            if look != self._look:
                self._look = look
                self.tray.setIcon(self._icons.get(look, self._icons["normal"]))
        if self.status_window_shown():  # a hidden one is filled as it shows (statusWindowShown)
            self.window.set_entries(self._entries())

    def status_window_shown(self) -> bool:
        return self.window is not None and self.window.isVisible()

    def show_message(self, title: str, message: str) -> bool:
        if self.tray is None or not QSystemTrayIcon.supportsMessages():
            return False
        self.tray.showMessage(title, message, self._icons["normal"], 15000)
        return True

    def hide(self) -> None:
        self._host = None
        self.host_grace.stop()
        if self.tray is not None:
            self.tray.hide()
        if self.window is not None:
            self.window.close()


class StatusWindow(QWidget):
    """The tray menu as a small window: opened from the icon, or standing in for it without a system tray."""

    #: The window came on screen: its countdown reads to the second from now on.
    shown = Signal()

    def __init__(self, run_command: Callable[[cmd.Command], None], icon: QIcon):
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("deskbreak")  # the name, in every language
        self.setWindowIcon(icon)
        self.setObjectName("statusWindow")
        self._run = run_command
        self._placed = False
        layout = QVBoxLayout(self)
        self.notice = QLabel(translate("tray", "No system tray found: deskbreak lives in this window instead."))
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        self.status = QLabel()
        self.status.setObjectName("statusLabel")
        self.status.setWordWrap(True)
        font = self.status.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.status.setFont(font)
        layout.addWidget(self.status)
        # The buttons scroll on a screen too short for them all; the status stays in view.
        self._commands = QWidget()
        self._commands.setObjectName("statusCommands")
        self._layout = QVBoxLayout(self._commands)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("statusScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._commands)
        layout.addWidget(scroll, 1)
        self._buttons: list[QPushButton] = []
        self._commands_shown: list[MenuEntry] | None = None

    def set_entries(self, entries: list[MenuEntry]) -> None:
        """The status line, and the buttons rebuilt only when the commands changed: the countdown
        changes the text each minute (each second in the last one), and a rebuild would take the focus."""
        self.status.setText(entries[0].label)
        commands = [entry for entry in entries[1:] if entry.command is not None]
        if commands == self._commands_shown:
            return
        self._commands_shown = commands
        for button in self._buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        for entry in commands:
            button = QPushButton(entry.label)
            button.setObjectName(f"command:{entry.key}")
            button.setEnabled(entry.enabled)
            button.clicked.connect(lambda _=False, c=entry.command: self._run(c))
            self._layout.insertWidget(self._layout.count() - 1, button)
            self._buttons.append(button)
        if not self._placed and not self.isVisible():
            self._place()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.shown.emit()

    def set_standing_in(self, standing_in: bool) -> None:
        """Say "no system tray found" (the window stands in for the icon) or not (it was opened from the icon)."""
        self.notice.setHidden(not standing_in)

    def reveal(self) -> None:
        """Show the window, fitted again to what it shows now if it was shown before with or without the note."""
        if self._placed and not self.isVisible():
            self.layout().activate()  # the minimum size without (or with) the note, before resizing to it
            self.resize(self._fitted_size().boundedTo(screen_fit.available_area(self).size()))
        self.show()

    def button_for(self, command: str) -> QPushButton | None:
        return next((b for b in self._buttons if b.objectName() == f"command:{command}"), None)

    def _place(self) -> None:
        """Sized and placed once, before it is first shown (the frame is placed right only then), for the first entries."""
        self._placed = True
        screen_fit.place(self, self._fitted_size())

    def _fitted_size(self) -> QSize:
        # The widest button beside a scroll bar, should the buttons need one.
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        inner = max(self._commands.sizeHint().width() + scroll_bar, round(self.fontMetrics().height() * 20))
        margins = self.layout().contentsMargins()
        width = inner + margins.left() + margins.right()
        spacing = self.layout().spacing()
        notice = 0 if self.notice.isHidden() else self.notice.heightForWidth(inner) + spacing
        height = (margins.top() + margins.bottom() + spacing + notice
                  + self.status.heightForWidth(inner) + self._commands.sizeHint().height())
        return QSize(width, height)


class TrayNotifier:
    """Qt's own balloon from the tray icon: the fallback when plyer cannot deliver."""

    name = "qt-tray"

    def __init__(self, controller: TrayController):
        self._controller = controller

    def available(self) -> bool:
        return self._controller.tray is not None and QSystemTrayIcon.supportsMessages()

    def notify(self, title: str, message: str, **_options) -> bool:
        # A balloon cannot carry actions, and the tray decides how long it stays.
        return self._controller.show_message(title, message)

    def withdraw(self) -> None:
        """Balloons cannot be taken back; they expire on their own."""
