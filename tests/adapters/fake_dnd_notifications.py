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

from PySide6.QtDBus import QDBusMessage, QDBusVariant

from fake_bus_object import PROPERTIES, FakeObject, serve

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTROSPECTION = f'<interface name="{SERVICE}"><property name="Inhibited" type="b" access="read"/></interface>'


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inhibited", choices=("true", "false"), required=True)
    inhibited = parser.parse_args().inhibited == "true"

    def answer(message: QDBusMessage) -> QDBusMessage | None:
        if (message.interface(), message.member()) != (PROPERTIES, "Get"):
            return None
        interface, name = message.arguments()
        if (interface, name) == (SERVICE, "Inhibited"):
            return message.createReply(QDBusVariant(inhibited))
        return message.createErrorReply("org.freedesktop.DBus.Error.UnknownProperty", f"no property {interface}.{name}")

    return serve(SERVICE, PATH, FakeObject(INTROSPECTION, answer))


if __name__ == "__main__":
    sys.exit(main())
