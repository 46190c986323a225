"""One blocking D-Bus call that never starts a service: how the idle, lock and hold adapters ask the desktop.

These questions are asked on the GUI thread (idle time at each step, the lock
state at start, a hold source near a prompt), so each waits at most a
fraction of a second, and none may launch a daemon that is merely installed:
a desktop without the service answers "no such name" at once, and a hung one
costs the timeout only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage


def call_without_starting(bus: QDBusConnection, service: str, path: str, interface: str, method: str,
                          *arguments: Any, timeout_ms: int) -> QDBusMessage:
    """Call ``method`` and wait at most ``timeout_ms``; the reply, which may be an error message."""
    message = QDBusMessage.createMethodCall(service, path, interface, method)
    if arguments:
        message.setArguments(list(arguments))
    message.setAutoStartService(False)
    return bus.call(message, QDBus.CallMode.Block, timeout_ms)
