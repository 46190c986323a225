"""The session bus as the D-Bus hold sources ask it: built only where their service runs, asked briefly.

A hold source is asked on the GUI thread while a break is due, so every call
goes through adapters/dbus_call.py (a fraction of a second at most, never
starting a service) and its answer is unwrapped here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from deskbreak.adapters.holds.desktop import optional

T = TypeVar("T")

#: How long a hold source waits for a D-Bus answer before it counts as "cannot tell".
TIMEOUT_MS = 200


def connected(connection: Any) -> Any:
    """``connection``, or the session bus when it is None; raises OSError when there is no bus."""
    if connection is None:
        from PySide6.QtDBus import QDBusConnection

        connection = QDBusConnection.sessionBus()
    if not connection.isConnected():
        raise OSError("not connected")
    return connection


def owned(connection: Any, service: str) -> Any:
    """:func:`connected`, when ``service`` has an owner on it now (the bus daemon is asked, not the service);
    raises OSError otherwise, so a source of a desktop that is not this one is never built."""
    bus = connected(connection)
    reply = bus.interface().isServiceRegistered(service)
    if not (reply.isValid() and reply.value()):
        raise OSError(f"{service} is not running")
    return bus


def if_running(desktop: Any, service: str, build: Callable[[Any], T]) -> list[T]:
    """``[build(bus)]`` on a Linux or BSD desktop whose session bus has ``service`` now, else ``[]``."""
    if not desktop.freedesktop:
        return []
    return optional(f"{service} on the session bus", lambda: build(owned(desktop.connection, service)))


def call(connection: Any, service: str, path: str, interface: str, method: str, *arguments: Any,
         timeout_ms: int = TIMEOUT_MS) -> Any:
    """The first value ``method`` answers (a variant unwrapped), or None for an error, a timeout or no answer."""
    from PySide6.QtDBus import QDBusMessage, QDBusVariant

    from deskbreak.adapters.dbus_call import call_without_starting

    reply = call_without_starting(connection, service, path, interface, method, *arguments, timeout_ms=timeout_ms)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
        return None
    value = reply.arguments()[0]
    return value.variant() if isinstance(value, QDBusVariant) else value


def read_property(connection: Any, service: str, path: str, interface: str, name: str,
                  timeout_ms: int = TIMEOUT_MS) -> Any:
    """The property ``interface.name`` of the object at ``path``, or None when it cannot be read."""
    return call(connection, service, path, "org.freedesktop.DBus.Properties", "Get", interface, name,
                timeout_ms=timeout_ms)
