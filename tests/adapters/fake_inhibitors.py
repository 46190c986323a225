"""A fake GNOME session manager or KDE power management holding the inhibitors players take.

``python fake_inhibitors.py gnome --inhibited-actions 8`` owns
``org.gnome.SessionManager`` and answers ``Get("org.gnome.SessionManager",
"InhibitedActions")`` with that number (gnome-session's flags: 4 suspend,
8 idle). ``python fake_inhibitors.py kde --inhibited-policies 5`` owns
``org.kde.Solid.PowerManagement`` and answers PolicyAgent's
``HasInhibition(policies)`` with whether any asked policy is inhibited
(PowerDevil's flags: 1 interrupt session, 4 change screen settings), as
PowerDevil does, and only when the policies come as a uint32. Anything else gets the error a real service gives. Prints
READY once the name is owned.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusVariant, QDBusVirtualObject

PROPERTIES = "org.freedesktop.DBus.Properties"
GNOME = ("org.gnome.SessionManager", "/org/gnome/SessionManager")
KDE = ("org.kde.Solid.PowerManagement", "/org/kde/Solid/PowerManagement/PolicyAgent")
KDE_INTERFACE = "org.kde.Solid.PowerManagement.PolicyAgent"


class GnomeSessionManager(QDBusVirtualObject):
    def __init__(self, inhibited_actions: int) -> None:
        super().__init__()
        self.inhibited_actions = inhibited_actions

    def introspect(self, path: str) -> str:
        return f'<interface name="{GNOME[0]}"><property name="InhibitedActions" type="u" access="read"/></interface>'

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        if (message.interface(), message.member(), message.arguments()) == (
                PROPERTIES, "Get", [GNOME[0], "InhibitedActions"]):
            reply = message.createReply(QDBusVariant(self.inhibited_actions))
        else:
            reply = message.createErrorReply("org.freedesktop.DBus.Error.UnknownMethod", "not faked")
        connection.send(reply)
        return True


class KdePolicyAgent(QDBusVirtualObject):
    def __init__(self, inhibited_policies: int) -> None:
        super().__init__()
        self.inhibited_policies = inhibited_policies

    def introspect(self, path: str) -> str:
        return (f'<interface name="{KDE_INTERFACE}"><method name="HasInhibition">'
                '<arg type="u" direction="in"/><arg type="b" direction="out"/></method></interface>')

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        if (message.interface(), message.member(), message.signature()) == (KDE_INTERFACE, "HasInhibition", "u"):
            (policies,) = message.arguments()
            reply = message.createReply(bool(policies & self.inhibited_policies))
        else:
            reply = message.createErrorReply("org.freedesktop.DBus.Error.UnknownMethod", "not faked")
        connection.send(reply)
        return True


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("desktop", choices=("gnome", "kde"))
    parser.add_argument("--inhibited-actions", type=int, default=0)
    parser.add_argument("--inhibited-policies", type=int, default=0)
    options = parser.parse_args()
    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    if options.desktop == "gnome":
        (service, path), service_object = GNOME, GnomeSessionManager(options.inhibited_actions)
    else:
        (service, path), service_object = KDE, KdePolicyAgent(options.inhibited_policies)
    if not bus.registerVirtualObject(path, service_object) or not bus.registerService(service):
        print(f"cannot own {service}: {bus.lastError().message()}", file=sys.stderr)
        return 1
    print("READY", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
