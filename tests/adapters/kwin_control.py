"""The tests' side of the fake KWin (fake_kwin.py): its test interface, asked over the private bus."""

from __future__ import annotations

from pathlib import Path

FAKE_KWIN = Path(__file__).with_name("fake_kwin.py")


def ask_kwin(bus, member: str, *arguments) -> str:
    """What the fake KWin's test interface answers (``Eval``, ``Loaded``, ``Paths``)."""
    from PySide6.QtDBus import QDBusMessage

    message = QDBusMessage.createMethodCall("org.kde.KWin", "/Scripting", "io.github.deskbreak.Test", member)
    message.setArguments(list(arguments))
    reply = bus.call(message)
    assert reply.type() == QDBusMessage.MessageType.ReplyMessage, reply.errorMessage()
    return reply.arguments()[0]
