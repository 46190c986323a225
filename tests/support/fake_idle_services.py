"""Fake idle and screensaver services for tests/adapters/test_idle.py.

Run on the private bus by ``spawn_on_bus``; prints READY once its names are
registered. Each option adds one service:

  --mutter MS              org.gnome.Mutter.IdleMonitor answering MS
  --screensaver MS         org.freedesktop.ScreenSaver answering MS on --path
  --refusing-screensaver   org.freedesktop.ScreenSaver answering every call with
                           NotSupported, as GNOME's copy does for the idle time
  --gnome-screensaver      org.gnome.ScreenSaver (lock signal only)
  --hang SECONDS           every method sleeps this long before answering

The screensavers' ``SetActive(bool)`` emits ``ActiveChanged(bool)``, as the
real ones do, so a test can lock the "screen" with one call; ``GetActive``
answers what was set last.

PySide6 notes: a slot's D-Bus type comes from its ``result`` type name
("qulonglong" is uint64, "uint" is uint32), and the interface name from the
``D-Bus Interface`` class info. Inheriting ``QDBusContext`` to send an error
reply crashes PySide6 6.x, so the refusing service is a ``QDBusVirtualObject``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot  # noqa: E402
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusVirtualObject  # noqa: E402

HANG_SECONDS = 0.0


def answer_after_hang(value):
    if HANG_SECONDS:
        time.sleep(HANG_SECONDS)
    return value


@ClassInfo({"D-Bus Interface": "org.gnome.Mutter.IdleMonitor"})
class Mutter(QObject):
    def __init__(self, idle_ms: int) -> None:
        super().__init__()
        self.idle_ms = idle_ms

    @Slot(result="qulonglong")
    def GetIdletime(self):  # noqa: N802 (D-Bus method name)
        return answer_after_hang(self.idle_ms)


class Lockable(QObject):
    """A screensaver's SetActive, sending ActiveChanged by hand: an exported Qt
    signal declared here would go out under this base class's interface name."""

    interface = path = ""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.active = False

    @Slot(result=bool)
    def GetActive(self):  # noqa: N802
        return answer_after_hang(self.active)

    @Slot(bool, result=bool)
    def SetActive(self, active):  # noqa: N802
        answer_after_hang(None)
        self.active = active
        signal = QDBusMessage.createSignal(self.path, self.interface, "ActiveChanged")
        signal.setArguments([active])
        QDBusConnection.sessionBus().send(signal)
        return True


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class FreedesktopScreenSaver(Lockable):
    interface = "org.freedesktop.ScreenSaver"

    def __init__(self, path: str, idle_ms: int) -> None:
        super().__init__(path)
        self.idle_ms = idle_ms

    @Slot(result="uint")
    def GetSessionIdleTime(self):  # noqa: N802
        return answer_after_hang(self.idle_ms)


@ClassInfo({"D-Bus Interface": "org.gnome.ScreenSaver"})
class GnomeScreenSaver(Lockable):
    interface = "org.gnome.ScreenSaver"


class Refusing(QDBusVirtualObject):
    def introspect(self, path):
        return ""

    def handleMessage(self, message, connection):  # noqa: N802
        answer_after_hang(None)
        connection.send(message.createErrorReply(
            "org.freedesktop.DBus.Error.NotSupported", "This method is not part of the idle inhibition specification"))
        return True


def main() -> int:
    global HANG_SECONDS
    parser = argparse.ArgumentParser()
    parser.add_argument("--mutter", type=int, metavar="MS")
    parser.add_argument("--screensaver", type=int, metavar="MS")
    parser.add_argument("--path", default="/org/freedesktop/ScreenSaver")
    parser.add_argument("--refusing-screensaver", action="store_true")
    parser.add_argument("--gnome-screensaver", action="store_true")
    parser.add_argument("--hang", type=float, default=0.0, metavar="SECONDS")
    options = parser.parse_args()
    HANG_SECONDS = options.hang

    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.sessionBus()
    services = []  # (service, path, object): kept referenced for the life of the process
    if options.mutter is not None:
        services.append(("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core",
                         Mutter(options.mutter)))
    if options.screensaver is not None:
        services.append(("org.freedesktop.ScreenSaver", options.path,
                         FreedesktopScreenSaver(options.path, options.screensaver)))
    if options.gnome_screensaver:
        services.append(("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", GnomeScreenSaver("/org/gnome/ScreenSaver")))
    for service, path, obj in services:
        if not (bus.registerObject(path, obj, QDBusConnection.ExportAllSlots) and bus.registerService(service)):
            sys.exit(f"could not register {service} at {path}: {bus.lastError().message()}")
    if options.refusing_screensaver:
        refusing = Refusing()
        for path in ("/org/freedesktop/ScreenSaver", "/ScreenSaver"):
            bus.registerVirtualObject(path, refusing)
        if not bus.registerService("org.freedesktop.ScreenSaver"):
            sys.exit(f"could not register the refusing screensaver: {bus.lastError().message()}")
    print("READY", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
