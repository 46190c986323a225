"""The control socket: commands to the running deskbreak, one line of JSON each way.

Only the holder of the profile (:class:`deskbreak.shell.instance.SingleInstance`)
listens, at the name it gives. ``deskbreak status``, ``pause`` and friends
send their commands with :func:`send_command`; every request gets exactly
one reply line, ``{"ok": false, "error": ...}`` when it was not understood,
or its connection is closed; a bad request never stops the server.

No client can take the server down by what it sends or by how many come:
requests longer than :data:`MAX_REQUEST_BYTES` or nested deeper than
:data:`MAX_REQUEST_DEPTH` are refused, a client that sends no whole request
for :data:`IDLE_TIMEOUT_MS` is let go, at most :data:`MAX_CONNECTIONS` are
kept, and should Qt stop listening anyway (it does when accepting a connection
fails, and removes the socket), the server says why and listens again.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
from typing import Callable

from PySide6.QtCore import QDeadlineTimer, QEvent, QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from deskbreak.shell.instance import NAMED_PIPES

log = logging.getLogger(__name__)

TIMEOUT_MS = 3000
#: A request longer than this is not a command; the connection is dropped.
MAX_REQUEST_BYTES = 64 * 1024
#: Requests are flat; deeper JSON is refused before the handler sees it, and
#: far below the ~1,000 levels at which Python's parser gives up.
MAX_REQUEST_DEPTH = 32
#: Clients served at once; one more and the one quiet the longest is let go.
#: Each costs a file, and Qt stops listening when it has none left to accept with.
MAX_CONNECTIONS = 64
#: A client that sends no whole request for this long is let go.
IDLE_TIMEOUT_MS = 10_000
#: Replies a client leaves unread beyond this and it is let go: they would pile up in memory.
MAX_UNREAD_REPLY_BYTES = 256 * 1024
#: After Qt stopped listening, at least this many clients are still served at once.
_MIN_CONNECTIONS = 8
#: Each stop soon after the last waits twice as long to listen again, up to
#: this; a minute without one starts over at once.
_MAX_RELISTEN_DELAY_MS = 60_000
_MAX_SOCKET_PATH_BYTES = 104  # sun_path: 108 on Linux, 104 on macOS, with its final NUL


def open_files_text() -> str:
    """How many files this process has open, of how many it may, for a log line."""
    try:
        import resource

        count = len(os.listdir("/dev/fd")) - 1  # the listing's own
        limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    except (ImportError, OSError):
        return "open files not known"
    return f"{count} of {limit} files open"


def send_command(name: str, command: str, *, timeout_ms: int = TIMEOUT_MS, **arguments) -> dict | None:
    """Send one command to the running instance; None when none is listening."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return None
    deadline = QDeadlineTimer(timeout_ms)
    socket.write((json.dumps({"command": command, **arguments}) + "\n").encode())
    socket.flush()
    data = b""
    while not data.endswith(b"\n") and not deadline.hasExpired():
        if not socket.waitForReadyRead(max(1, deadline.remainingTime())):
            break
        data += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    if not data:
        return {"ok": False, "error": "no answer from the running deskbreak"}
    try:
        reply = json.loads(data)
    except (ValueError, RecursionError):
        reply = None
    if not isinstance(reply, dict):
        return {"ok": False, "error": f"the running deskbreak answered something unreadable: {data[:200]!r}"}
    return reply


def _error(message: str) -> dict:
    return {"ok": False, "error": message}


def _failed_inside(command: str) -> dict:
    return _error(f"the {command!r} command failed inside deskbreak; its log has the details")


def _too_deep() -> dict:
    return _error(f"bad request: nested deeper than {MAX_REQUEST_DEPTH} levels")


def _nested_deeper_than(value: object, limit: int) -> bool:
    """Whether JSON ``value`` has lists or objects more than ``limit`` deep; a loop, not recursion."""
    level = [value]
    for _ in range(limit):
        level = [child for item in level if isinstance(item, (dict, list))
                 for child in (item.values() if isinstance(item, dict) else item)]
    return any(isinstance(item, (dict, list)) for item in level)


class _Client:
    """One connection: its socket, when it is let go if quiet, and when it last finished a request."""

    __slots__ = ("socket", "deadline", "last_request")

    def __init__(self, socket: QLocalSocket, idle_timeout_ms: int, last_request: int):
        self.socket = socket
        self.deadline = QDeadlineTimer(idle_timeout_ms)
        self.last_request = last_request

    def quiet_longest_first(self) -> tuple[bool, int]:
        """Who goes first when there are too many: a request half sent is not quiet."""
        return self.socket.bytesAvailable() > 0, self.last_request


class InstanceServer(QObject):
    """Answers commands from later launches; ``handler`` returns the reply dict.

    ``handler`` gets a dict whose ``"command"`` is a string. It raises
    ValueError for a request with bad values (the message goes back to the
    client, as "pause 3 fortnights" deserves); anything else it raises is a
    bug, KeyError included: logged with its traceback and answered with an
    error, and the server keeps serving.
    """

    def __init__(self, name: str, handler: Callable[[dict], dict], parent: QObject | None = None, *,
                 idle_timeout_ms: int = IDLE_TIMEOUT_MS):
        super().__init__(parent)
        self._name = name
        self._handler = handler
        self._max_connections = MAX_CONNECTIONS
        self._idle_timeout_ms = idle_timeout_ms
        self._server = QLocalServer(self)
        # Redundant in our 0700 folder; kept for a caller that passes a name elsewhere.
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        # Qt stops listening on its own when accepting fails, tells no one and
        # removes the socket; all that shows is the child it listened with going.
        self._server.installEventFilter(self)
        # The open connections: closing the server closes them first, so no
        # signal of a half-destroyed socket reaches Python afterwards.
        self._clients: dict[QLocalSocket, _Client] = {}
        # One timer for every client's deadline: a timer per client crashed PySide
        # when the server was deleted with a client's deletion still pending.
        self._idle_check = QTimer(self, singleShot=True)
        self._idle_check.timeout.connect(self._let_idle_ones_go)
        self._requests = itertools.count()  # orders clients by their last whole request
        self._replace = False
        self._wanted = False  # from a successful listen() to close()
        self._relisten = QTimer(self, singleShot=True)
        self._relisten.timeout.connect(self._listen_again)
        self._relisten_delay_ms = 0
        self._calm = QTimer(self, singleShot=True, interval=_MAX_RELISTEN_DELAY_MS)
        self._calm.timeout.connect(self._forget_stops)

    @property
    def connection_count(self) -> int:
        return len(self._clients)

    def listen(self, *, replace: bool = False) -> bool:
        """Start listening; False (logged) if the name cannot be had.

        ``replace``: whatever sits at the name is stale and is removed, which
        is only true for the :class:`SingleInstance` holder. Without it a
        name is taken over only when nobody answers on it.
        """
        self._replace = replace
        self._wanted = self._listen()
        return self._wanted

    def _listen(self) -> bool:
        if self._server.listen(self._name):
            return True
        if self._replace or send_command(self._name, "ping") is None:
            QLocalServer.removeServer(self._name)
            if self._server.listen(self._name):
                return True
        problem = self._server.errorString()
        if not NAMED_PIPES and len(os.fsencode(self._name)) >= _MAX_SOCKET_PATH_BYTES:
            problem = f"the path is longer than a Unix socket allows ({_MAX_SOCKET_PATH_BYTES - 1} bytes)"
        log.warning("cannot listen for commands on %s: %s", self._name, problem)
        return False

    def close(self) -> None:
        self._wanted = False
        self._relisten.stop()
        self._calm.stop()
        self._idle_check.stop()
        for client in list(self._clients.values()):
            self._let_go(client)
        self._server.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ChildRemoved and self._wanted and not self._relisten.isActive()
                and not self._server.isListening()):
            self._stopped_listening()
        return False

    def _stopped_listening(self) -> None:
        log.warning("stopped listening for commands on %s (%s; %s); listening again in %g s",
                    self._name, self._server.errorString() or "Qt gave no reason", open_files_text(),
                    self._relisten_delay_ms / 1000)
        # Running out of files is the usual reason: from now on keep fewer
        # clients, so that a file is free for the next one.
        if len(self._clients) > _MIN_CONNECTIONS:
            self._max_connections = max(_MIN_CONNECTIONS, min(self._max_connections, len(self._clients) // 2))
            log.warning("serving at most %d commands at once from now on", self._max_connections)
        self._drop_past(self._max_connections)
        self._calm.stop()
        self._relisten.start(self._relisten_delay_ms)
        self._relisten_delay_ms = min(max(2 * self._relisten_delay_ms, 500), _MAX_RELISTEN_DELAY_MS)

    def _listen_again(self) -> None:
        self._server.close()  # forget the old socket: listen() refuses while Qt thinks it has one
        if self._listen():
            log.info("listening for commands on %s again", self._name)
            self._calm.start()
        else:
            self._relisten.start(self._relisten_delay_ms)
            self._relisten_delay_ms = min(2 * self._relisten_delay_ms, _MAX_RELISTEN_DELAY_MS)

    def _forget_stops(self) -> None:
        self._relisten_delay_ms = 0

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            client = _Client(socket, self._idle_timeout_ms, next(self._requests))
            self._clients[socket] = client
            socket.readyRead.connect(lambda c=client: self._read(c))
            socket.disconnected.connect(lambda c=client: self._forget(c))
            self._drop_past(self._max_connections, keep=client)
        self._check_idle_ones_in_time()

    def _check_idle_ones_in_time(self) -> None:
        """Wake when the first client's time is up; not at all while there are none."""
        if self._clients:
            self._idle_check.start(min(client.deadline.remainingTime() for client in self._clients.values()))
        else:
            self._idle_check.stop()

    def _let_idle_ones_go(self) -> None:
        for client in [client for client in self._clients.values() if client.deadline.hasExpired()]:
            self._time_out(client)
        self._check_idle_ones_in_time()

    def _drop_past(self, limit: int, keep: _Client | None = None) -> None:
        """Let go of the clients quiet the longest until at most ``limit`` remain."""
        while len(self._clients) > limit:
            others = [client for client in self._clients.values() if client is not keep]
            if not others:
                return
            dropped = min(others, key=_Client.quiet_longest_first)
            log.debug("more than %d clients: letting go of the one quiet the longest", limit)
            self._let_go(dropped)

    def _forget(self, client: _Client) -> None:
        if self._clients.pop(client.socket, None) is not None:
            client.socket.deleteLater()

    def _let_go(self, client: _Client, last_reply: dict | None = None) -> None:
        """Close a client's connection, after ``last_reply`` if given."""
        if self._clients.pop(client.socket, None) is None:
            return
        socket = client.socket
        socket.readyRead.disconnect()
        socket.disconnected.disconnect()
        if last_reply is None:
            socket.abort()
        else:
            self._send(socket, last_reply)
            socket.disconnectFromServer()
        socket.deleteLater()

    def _time_out(self, client: _Client) -> None:
        if client.socket.bytesAvailable() == 0:
            self._let_go(client)
            return
        self._let_go(client, _error(f"bad request: incomplete after {self._idle_timeout_ms / 1000:g} s "
                                    "(a request is one line ending in a newline)"))

    def _read(self, client: _Client) -> None:
        socket = client.socket
        try:
            while socket.canReadLine() and socket in self._clients:
                self._send(socket, self._reply_to(bytes(socket.readLine().data())))
                client.last_request = next(self._requests)
                client.deadline = QDeadlineTimer(self._idle_timeout_ms)
                if socket.bytesToWrite() > MAX_UNREAD_REPLY_BYTES:
                    log.debug("letting go of a client that leaves its replies unread")
                    self._let_go(client)
            if socket in self._clients and socket.bytesAvailable() > MAX_REQUEST_BYTES:
                socket.readAll()
                self._let_go(client, _error(f"bad request: longer than {MAX_REQUEST_BYTES} bytes"))
        except Exception:  # a bug here costs this connection, never the server
            log.exception("could not answer a request on %s", self._name)
            self._let_go(client)

    @staticmethod
    def _send(socket: QLocalSocket, reply: dict) -> None:
        socket.write((json.dumps(reply) + "\n").encode())
        socket.flush()

    def _reply_to(self, line: bytes) -> dict:
        """The one reply to one request line; never raises."""
        try:
            request = json.loads(line)
        except RecursionError:
            return _too_deep()
        except ValueError as error:  # also bytes that are not UTF-8
            return _error(f"bad request: not JSON ({error})")
        if not isinstance(request, dict):
            return _error("bad request: a request is a JSON object")
        if _nested_deeper_than(request, MAX_REQUEST_DEPTH):
            return _too_deep()
        command = request.get("command")
        if not isinstance(command, str):
            return _error(f"bad request: the command must be a string, not {type(command).__name__}")
        try:
            reply = self._handler(request)
        except ValueError as error:
            return _error(f"bad request: {error}")
        except Exception:
            log.exception("the %r command failed", command)
            return _failed_inside(command)
        if not isinstance(reply, dict):
            log.error("the %r command returned %r, not a dict", command, reply)
            return _failed_inside(command)
        try:
            # Checked here so a handler bug costs this reply, never the server.
            json.dumps(reply)
        except (TypeError, ValueError, RecursionError):
            log.exception("the %r command returned a reply that is not JSON: %r", command, reply)
            return _failed_inside(command)
        return reply
