"""What every fake D-Bus service of this tier shares: one object answering by a function, and owning a name.

A fake service script (run by ``spawn_on_bus``, with this directory first on
``sys.path``) builds a :class:`FakeObject` from its introspection XML and a
function that answers a message (None: the error a real service gives for
what it lacks), then calls :func:`serve`, which prints READY once the name is owned.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusVirtualObject

PROPERTIES = "org.freedesktop.DBus.Properties"


class FakeObject(QDBusVirtualObject):
    def __init__(self, introspection: str, answer: Callable[[QDBusMessage], QDBusMessage | None]) -> None:
        super().__init__()
        self._introspection = introspection
        self._answer = answer

    def introspect(self, path: str) -> str:
        return self._introspection

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        reply = self._answer(message) or message.createErrorReply(
            "org.freedesktop.DBus.Error.UnknownMethod", f"no method {message.interface()}.{message.member()}")
        connection.send(reply)
        return True


def serve(service: str, path: str, service_object: FakeObject,
          options=QDBusConnection.VirtualObjectRegisterOption.SingleNode) -> int:
    """Own ``service`` with ``service_object`` at ``path`` (and below it, with ``SubPath``) on the session bus,
    print READY and run."""
    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    if not bus.registerVirtualObject(path, service_object, options) or not bus.registerService(service):
        print(f"cannot own {service}: {bus.lastError().message()}", file=sys.stderr)
        return 1
    print("READY", flush=True)
    return app.exec()
