"""One running deskbreak per profile, and commands to it from the command line.

The first instance listens on a ``QLocalServer`` restricted to the current
user (``UserAccessOption``); the name is derived from the data directory, so
isolated profiles (tests, a second account) never collide. A later
``deskbreak`` sends ``{"command": "show"}`` and exits; ``deskbreak status``,
``pause`` and friends send their own commands. Messages are one line of JSON
each way.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

TIMEOUT_MS = 3000


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:12]
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return f"deskbreak-{user}-{digest}"


def send_command(name: str, command: str, **arguments) -> dict | None:
    """Send one command to the running instance; None when none is running."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return None
    socket.write((json.dumps({"command": command, **arguments}) + "\n").encode())
    socket.flush()
    data = b""
    while not data.endswith(b"\n"):
        if not socket.waitForReadyRead(TIMEOUT_MS):
            break
        data += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    if not data:
        return {"ok": False, "error": "no answer from the running deskbreak"}
    return json.loads(data)


class InstanceServer(QObject):
    """Answers commands from later launches; ``handler`` returns the reply dict."""

    def __init__(self, name: str, handler: Callable[[dict], dict], parent: QObject | None = None):
        super().__init__(parent)
        self._name = name
        self._handler = handler
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        if self._server.listen(self._name):
            return True
        # A socket file left by a crashed instance: nobody answers on it.
        if send_command(self._name, "ping") is None:
            QLocalServer.removeServer(self._name)
            return self._server.listen(self._name)
        return False

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data())
        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise ValueError("not an object")
            reply = self._handler(request)
        except (ValueError, KeyError) as exc:
            reply = {"ok": False, "error": f"bad request: {exc}"}
        socket.write((json.dumps(reply) + "\n").encode())
        socket.flush()
