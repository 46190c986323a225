"""Hear what an app announces to screen readers over AT-SPI, as Orca does: ``python atspi_announcements.py ADDRESS``.

Connects to the accessibility bus at ADDRESS (``org.a11y.Bus.GetAddress``
on the session bus), registers for ``Object:Announcement`` events with the
AT-SPI registry (an app's bridge sends only the events some listener asked
for), prints ``READY``, then one JSON line per announcement:
``{"message": "Hold 30 seconds", "assertive": false}``. It runs until it is
stopped.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

# AtspiLive: the politeness an announcement carries.
ASSERTIVE = 2


class Listener(QObject):
    @Slot(QDBusMessage)
    def heard(self, message: QDBusMessage) -> None:
        # Object:Announcement's arguments: detail, politeness, 0, the message (a variant), properties.
        _detail, politeness, _zero, text, _properties = message.arguments()
        text = text.variant() if hasattr(text, "variant") else text
        print(json.dumps({"message": text, "assertive": int(politeness) == ASSERTIVE}), flush=True)


def main(address: str) -> int:
    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(address, "atspi-announcements")
    if not bus.isConnected():
        print(f"cannot connect to {address}: {bus.lastError().message()}", file=sys.stderr)
        return 1
    listener = Listener()
    if not bus.connect("", "", "org.a11y.atspi.Event.Object", "Announcement", listener, "1heard(QDBusMessage)"):
        print("cannot listen to Object:Announcement", file=sys.stderr)
        return 1
    registry = QDBusInterface("org.a11y.atspi.Registry", "/org/a11y/atspi/registry", "org.a11y.atspi.Registry", bus)
    reply = registry.call("RegisterEvent", "Object:Announcement")
    if reply.type() == QDBusMessage.MessageType.ErrorMessage:
        print(f"the registry refused the listener: {reply.errorMessage()}", file=sys.stderr)
        return 1
    print("READY", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
