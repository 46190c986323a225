"""A fake ``org.freedesktop.Notifications`` server for the notifier tests.

Run on a private bus (``spawn_on_bus``)::

    fake_notify_service.py CALLS_JSON [--capabilities body,actions] [--hang-seconds S]

It records every call of the specification's methods, with the D-Bus
signature it arrived with, to ``CALLS_JSON`` (rewritten whole after each
call, so a reader never sees half a file). Like a real server it returns
increasing ids, reuses ``replaces_id`` for a notification still open, and
emits ``NotificationClosed`` when one is closed. QtDBus only dispatches a call
whose signature matches the slot's exactly, so a client sending an int32 where
the spec says uint32 gets an error here, as it would from dunst.

Two methods are the test's remote control, not the spec's:
``TestInvoke(uint id, string key)`` acts as if the user pressed a button (the
server then closes the notification, as servers do), and
``TestClose(uint id, uint reason)`` as if it expired (1) or was dismissed (2).
With ``--hang-seconds`` the server sleeps that long before answering
``Notify`` and ``GetCapabilities``: a hung server.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
CLOSED_BY_CALL = 3


# Qt names the interface of the signals it relays after this, not after registerObject's argument.
@ClassInfo({"D-Bus Interface": SERVICE})
class FakeNotificationServer(QObject):
    ActionInvoked = Signal("uint", str)
    NotificationClosed = Signal("uint", "uint")

    def __init__(self, calls_path: Path, capabilities: list[str], hang_seconds: float):
        super().__init__()
        self.calls_path = calls_path
        self.capabilities = capabilities
        self.hang_seconds = hang_seconds
        self.calls: list[dict] = []
        self.open_ids: set[int] = set()
        self.last_id = 0
        self._save()

    def _record(self, message: QDBusMessage, **arguments) -> None:
        self.calls.append({"method": message.member(), "signature": message.signature(), **arguments})
        self._save()

    def _save(self) -> None:
        partial = self.calls_path.with_suffix(".partial")
        partial.write_text(json.dumps(self.calls, indent=1), encoding="utf-8")
        os.replace(partial, self.calls_path)

    def _hang(self) -> None:
        if self.hang_seconds:
            time.sleep(self.hang_seconds)

    def _close(self, notification_id: int, reason: int) -> None:
        if notification_id in self.open_ids:
            self.open_ids.discard(notification_id)
            self.NotificationClosed.emit(notification_id, reason)

    # -- the specification's methods ---------------------------------------------

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, QDBusMessage, result="uint")
    def Notify(self, app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout, message):
        self._record(message, app_name=app_name, replaces_id=replaces_id, app_icon=app_icon,
                     summary=summary, body=body, actions=list(actions), hints=dict(hints),
                     expire_timeout=expire_timeout)
        self._hang()
        if replaces_id in self.open_ids:
            return replaces_id
        self.last_id += 1
        self.open_ids.add(self.last_id)
        return self.last_id

    @Slot("uint", QDBusMessage)
    def CloseNotification(self, notification_id, message):
        self._record(message, id=notification_id)
        self._close(notification_id, CLOSED_BY_CALL)

    @Slot(QDBusMessage, result="QStringList")
    def GetCapabilities(self, message):
        self._record(message)
        self._hang()
        return self.capabilities

    @Slot(QDBusMessage)
    def GetServerInformation(self, message):
        # Four out-arguments: a Python slot returns one value, so reply by hand.
        self._record(message)
        message.setDelayedReply(True)
        reply = message.createReply()
        reply.setArguments(["fake-notify", "deskbreak tests", "1.0", "1.2"])
        QDBusConnection.sessionBus().send(reply)

    # -- the test's remote control -----------------------------------------------

    @Slot("uint", str)
    def TestInvoke(self, notification_id, action_key):
        self.ActionInvoked.emit(notification_id, action_key)
        self._close(notification_id, 2)

    @Slot("uint", "uint")
    def TestClose(self, notification_id, reason):
        self._close(notification_id, reason)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("calls", type=Path)
    parser.add_argument("--capabilities", default="body,actions")
    parser.add_argument("--hang-seconds", type=float, default=0.0)
    args = parser.parse_args()
    app = QCoreApplication([])
    bus = QDBusConnection.sessionBus()
    server = FakeNotificationServer(args.calls, [c for c in args.capabilities.split(",") if c], args.hang_seconds)
    exported = QDBusConnection.RegisterOption.ExportAllSlots | QDBusConnection.RegisterOption.ExportAllSignals
    if not bus.registerObject(PATH, SERVICE, server, exported):
        raise SystemExit(f"cannot register {PATH}: {bus.lastError().message()}")
    if not bus.registerService(SERVICE):
        raise SystemExit(f"cannot own {SERVICE}: {bus.lastError().message()}")
    print("READY", flush=True)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
