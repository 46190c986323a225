"""A fake notification daemon that answers only its do-not-disturb property, as KDE Plasma's does.

``python fake_dnd_notifications.py --inhibited true|false`` owns
``org.freedesktop.Notifications`` on the session bus and answers
``org.freedesktop.DBus.Properties.Get("org.freedesktop.Notifications",
"Inhibited")``; every other interface or property gets the error a real
daemon gives, so a client that asks dunst's ``paused`` first must move on.
Prints READY once the name is owned.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusVariant, QDBusVirtualObject

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
PROPERTIES = "org.freedesktop.DBus.Properties"


class InhibitedNotifications(QDBusVirtualObject):
    def __init__(self, inhibited: bool) -> None:
        super().__init__()
        self.inhibited = inhibited

    def introspect(self, path: str) -> str:
        return (
            f'<interface name="{SERVICE}">'
            '<property name="Inhibited" type="b" access="read"/>'
            "</interface>"
        )

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        if message.interface() == PROPERTIES and message.member() == "Get":
            interface, name = message.arguments()
            if (interface, name) == (SERVICE, "Inhibited"):
                reply = message.createReply(QDBusVariant(self.inhibited))
            else:
                reply = message.createErrorReply(
                    "org.freedesktop.DBus.Error.UnknownProperty", f"no property {interface}.{name}")
        else:
            reply = message.createErrorReply(
                "org.freedesktop.DBus.Error.UnknownMethod", f"no method {message.member()}")
        connection.send(reply)
        return True


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inhibited", choices=("true", "false"), required=True)
    options = parser.parse_args()
    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    daemon = InhibitedNotifications(options.inhibited == "true")
    if not bus.registerVirtualObject(PATH, daemon) or not bus.registerService(SERVICE):
        print(f"cannot own {SERVICE}: {bus.lastError().message()}", file=sys.stderr)
        return 1
    print("READY", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
