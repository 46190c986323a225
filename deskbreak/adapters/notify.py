"""Desktop notifications: plyer first, then the tray's own balloon, then nothing.

On Linux, plyer talks to the notification service through dbus-python when it
can import it, otherwise through ``notify-send``. We deliberately use
``notify-send`` (Debian's libnotify-bin, installed by ``make``): dbus-python
has no wheels and needs a compiler and D-Bus headers, a poor trade for one
message a half hour. plyer's ``notify-send`` path does not report failure, so
we only use it when ``notify-send`` exists and a notification service is
running or can be started on the session bus; otherwise the chain moves on.
With an XEmbed tray, Qt's ``showMessage`` draws its own balloon rather than a
desktop notification, which is still better than nothing.
"""

from __future__ import annotations

import logging
import shutil
import sys
import warnings
from typing import Callable, Sequence

from deskbreak.core.ports import Notifier

log = logging.getLogger(__name__)

APP_NAME = "deskbreak"
NOTIFICATION_SECONDS = 15


class PlyerNotifier:
    name = "plyer"

    def __init__(self, icon_path: str = "", service_present: Callable[[], bool] | None = None):
        self._icon_path = icon_path
        self._service_present = service_present

    def available(self) -> bool:
        if sys.platform.startswith("linux"):
            if shutil.which("notify-send") is None:
                return False
            return self._service_present() if self._service_present else True
        return sys.platform in ("win32", "darwin")

    def notify(self, title: str, message: str) -> bool:
        try:
            from plyer import notification

            with warnings.catch_warnings():
                # plyer warns that dbus-python is missing each time it picks a
                # backend; notify-send is our deliberate choice (see above).
                warnings.simplefilter("ignore")
                notification.notify(
                    title=title,
                    message=message,
                    app_name=APP_NAME,
                    app_icon=self._icon_path,
                    timeout=NOTIFICATION_SECONDS,
                )
        except Exception as exc:  # plyer raises anything from NotImplementedError to OSError
            log.warning("plyer could not notify: %s", exc)
            return False
        return True


class NullNotifier:
    name = "none"

    def available(self) -> bool:
        return True

    def notify(self, title: str, message: str) -> bool:
        log.info("notification (no backend): %s: %s", title, message)
        return True


class NotifierChain:
    """Tries each backend in order; logs which one delivered whenever that changes."""

    def __init__(self, backends: Sequence[Notifier]):
        self.backends = list(backends) + [NullNotifier()]
        self.last_used: str | None = None

    def notify(self, title: str, message: str) -> str:
        for backend in self.backends:
            if backend.available() and backend.notify(title, message):
                if backend.name != self.last_used:
                    log.info("notifications: using %s", backend.name)
                    self.last_used = backend.name
                return backend.name
        raise AssertionError("NullNotifier always delivers")


NOTIFICATIONS_SERVICE = "org.freedesktop.Notifications"


def notification_service_present() -> bool:
    """Whether the session bus has a notification service running or startable."""
    from PySide6.QtDBus import QDBusConnection

    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    interface = bus.interface()
    reply = interface.isServiceRegistered(NOTIFICATIONS_SERVICE)
    if reply.isValid() and reply.value():
        return True
    from PySide6.QtDBus import QDBusMessage

    message = QDBusMessage.createMethodCall(
        "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
        "ListActivatableNames",
    )
    answer = bus.call(message)
    arguments = answer.arguments()
    return bool(arguments) and NOTIFICATIONS_SERVICE in arguments[0]
