"""The one part of a login session a container lacks: logind, on the Wayland tier's stand-in system bus.

KDE's screen locker unlocks when logind's session sends ``Unlock`` (what
``loginctl unlock-session`` makes it do), and there is no other way in
without typing a password into the greeter. This stand-in owns
``org.freedesktop.login1`` and answers the calls kscreenlocker and deskbreak
make: ``GetSession``/``GetSessionByPID`` name one session, whose ``Lock`` and
``Unlock`` methods send the signals of the same name; anything else gets an
error reply, as from a logind that refuses. Prints READY once registered.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusObjectPath, QDBusVirtualObject  # noqa: E402

SERVICE = "org.freedesktop.login1"
MANAGER_PATH = "/org/freedesktop/login1"
SESSION_PATH = "/org/freedesktop/login1/session/c1"
SESSION_INTERFACE = "org.freedesktop.login1.Session"


class Logind(QDBusVirtualObject):
    def introspect(self, path):
        return ""

    def handleMessage(self, message, connection):  # noqa: N802 (Qt's name)
        member = message.member()
        if member in ("GetSession", "GetSessionByPID"):
            connection.send(message.createReply(QDBusObjectPath(SESSION_PATH)))
        elif message.path() == SESSION_PATH and member in ("Lock", "Unlock"):
            connection.send(message.createReply())
            connection.send(QDBusMessage.createSignal(SESSION_PATH, SESSION_INTERFACE, member))
        elif member == "SetLockedHint":
            connection.send(message.createReply())
        else:
            connection.send(message.createErrorReply("org.freedesktop.DBus.Error.NotSupported",
                                                     f"the test's logind does not do {member}"))
        return True


def main() -> int:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.systemBus()
    logind = Logind()
    for path in (MANAGER_PATH, SESSION_PATH):
        bus.registerVirtualObject(path, logind)
    if not bus.registerService(SERVICE):
        sys.exit(f"could not own {SERVICE}: {bus.lastError().message()}")
    print("READY", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
