"""Whether a system tray that speaks StatusNotifierItem is on the session bus, and when it comes or goes.

Plasma, GNOME's AppIndicator extension and most Wayland panels host tray
icons over D-Bus: the desktop owns ``org.kde.StatusNotifierWatcher`` and Qt
registers our icon with it. That name can appear after deskbreak started (a
shell that restarts, an extension enabled later) and vanish again (the shell
crashed, the extension was turned off); the tray controller follows it here.
Without a session bus, or in a PySide6 build without QtDBus, nothing is ever
emitted and :meth:`TrayHostWatch.present` is False.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

try:
    from PySide6.QtDBus import QDBusConnection, QDBusServiceWatcher
except ImportError:  # a PySide6 build without QtDBus: no tray host is ever seen
    QDBusConnection = None  # type: ignore[assignment,misc]

#: The name the desktop's tray owns while it hosts StatusNotifierItems.
WATCHER = "org.kde.StatusNotifierWatcher"


class TrayHostWatch(QObject):
    """``appeared`` when a StatusNotifierWatcher takes its name on the bus, ``vanished`` when it lets go."""

    appeared = Signal()
    vanished = Signal()

    def __init__(self, connection: QDBusConnection | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if connection is None and QDBusConnection is not None:
            connection = QDBusConnection.sessionBus()
        self._connection = connection
        if connection is None or not connection.isConnected():
            return
        modes = QDBusServiceWatcher.WatchModeFlag
        self._watcher = QDBusServiceWatcher(WATCHER, connection, modes.WatchForRegistration
                                            | modes.WatchForUnregistration, self)
        self._watcher.serviceRegistered.connect(lambda _name: self.appeared.emit())
        self._watcher.serviceUnregistered.connect(lambda _name: self.vanished.emit())

    def present(self) -> bool:
        """Whether the watcher's name has an owner now (the bus daemon is asked, not the tray)."""
        if self._connection is None or not self._connection.isConnected():
            return False
        reply = self._connection.interface().isServiceRegistered(WATCHER)
        return reply.isValid() and bool(reply.value())
