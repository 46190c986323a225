"""One running deskbreak per profile, and commands to it from the command line.

Who owns a profile is decided by a lock, never by asking around: asking
first and listening later (what deskbreak used to do) let ten simultaneous
launches all hear silence and all start, each with its own tray icon.

* :func:`runtime_directory` picks a folder only we can enter, where our
  lock and control socket live: ``$XDG_RUNTIME_DIR/deskbreak``, else
  ``<tmp>/deskbreak-<uid>``, else ``<data dir>/run``. Each must be a 0700
  folder we own and not a symlink, or the next is tried: a name another
  local user created first costs us a fallback, never the start.
* :class:`SingleInstance` takes an exclusive ``flock`` on ``<key>.lock``
  there *before* anything else is decided; ``<key>`` is a digest of the data
  folder, so isolated profiles never collide. The kernel drops the lock when
  the process ends, even on kill -9, so a crash never leaves a lock that
  looks held. Only the holder ever listens on ``<key>.sock``, so whatever it
  finds at that name is stale and is replaced without asking.
* A launch that cannot take the lock waits for the holder's socket to answer
  and hands it its command (``show``); if the holder dies before it ever
  listens, the waiting launch takes the lock and becomes the instance.

``deskbreak status``, ``pause`` and friends send their own commands with
:func:`send_command`. Messages are one line of JSON each way; every request
gets exactly one reply line, ``{"ok": false, "error": ...}`` when it was not
understood, or its connection is closed; a bad request never stops the server.

No client can take the server down by what it sends or by how many come:
requests longer than :data:`MAX_REQUEST_BYTES` or nested deeper than
:data:`MAX_REQUEST_DEPTH` are refused, a client that sends no whole request
for :data:`IDLE_TIMEOUT_MS` is let go, at most :data:`MAX_CONNECTIONS` are
kept, and should Qt stop listening anyway (it does when accepting a connection
fails, and removes the socket), the server says why and listens again.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator, Mapping

from PySide6.QtCore import QDeadlineTimer, QEvent, QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from deskbreak.core.files import private_directory

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt

log = logging.getLogger(__name__)

TIMEOUT_MS = 3000
#: How long a second launch waits for the first to listen and answer: the
#: first may still be loading Qt, the catalog and the history when ten start at once.
OWNER_WAIT_MS = 20000
_RETRY_S = 0.05
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
_RUNTIME_FOLDER = "deskbreak"
_NAMED_PIPES = os.name == "nt"  # QLocalServer names on Windows are pipe names, not paths
_MAX_SOCKET_PATH_BYTES = 104  # sun_path: 108 on Linux, 104 on macOS, with its final NUL


class InstanceError(OSError):
    """No private folder could be found for the lock and the control socket."""


def raise_open_file_limit() -> None:
    """Lift this process's soft limit on open files to its hard limit (not on Windows).

    The soft limit is often 1,024 while the hard one is far higher; a process
    at its soft limit fails wherever it next opens a file or accepts a client.
    """
    try:
        import resource
    except ImportError:  # Windows has no such limit to raise
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == hard:
        return
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ValueError, OSError) as error:  # macOS refuses an unlimited one
        log.debug("kept the limit of %d open files (could not raise it to %d: %s)", soft, hard, error)


def _open_files() -> str:
    """How many files this process has open, of how many it may, for a log line."""
    try:
        import resource

        count = len(os.listdir("/dev/fd")) - 1  # the listing's own
        limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    except (ImportError, OSError):
        return "open files not known"
    return f"{count} of {limit} files open"


def _user() -> str:
    return str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")


def profile_key(data_dir: Path) -> str:
    """A short, file-name-safe digest of the profile's data folder."""
    return hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]


def _candidate_directories(data_dir: Path, environ: Mapping[str, str], temp_dir: Path | None) -> Iterator[Path]:
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    # The spec says a relative value must be ignored.
    if os.path.isabs(runtime):
        yield Path(runtime) / _RUNTIME_FOLDER
    yield Path(temp_dir or tempfile.gettempdir()) / f"{_RUNTIME_FOLDER}-{_user()}"
    # Last: always ours, but its path may be too long for a Unix socket (~104 bytes).
    yield Path(data_dir) / "run"


def _check_lock_file(path: Path) -> None:
    """A lock file another user planted could be held by them forever: refuse such a folder."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(status.st_mode):
        raise PermissionError(f"{path} is not a regular file")
    if hasattr(os, "getuid") and status.st_uid != os.getuid():
        raise PermissionError(f"{path} belongs to user id {status.st_uid}")


def runtime_directory(
    data_dir: Path, *, environ: Mapping[str, str] | None = None, temp_dir: Path | None = None
) -> Path:
    """The private folder for this profile's lock and socket, created if needed.

    The app and the command line both call this and so agree on the folder.
    Raises :class:`InstanceError` naming every folder tried and why each
    was refused.
    """
    environ = os.environ if environ is None else environ
    refused = []
    for candidate in _candidate_directories(data_dir, environ, temp_dir):
        try:
            private_directory(candidate, follow_symlinks=False)
            _check_lock_file(candidate / f"{profile_key(data_dir)}.lock")
        except OSError as error:
            log.debug("not using %s for the control socket: %s", candidate, error)
            refused.append(f"{candidate} ({error.strerror or error})")
            continue
        return candidate
    raise InstanceError(f"no private folder for deskbreak's lock and control socket: {'; '.join(refused)}")


def server_name(data_dir: Path) -> str:
    """The control socket of the deskbreak running on the profile with ``data_dir``."""
    return SingleInstance(data_dir).server_name


class SingleInstance:
    """The claim on one profile: at most one process holds it at a time.

    ``try_acquire()`` is non-blocking; ``acquire_or_forward(command)`` is
    what a launch calls; ``serve(handler)`` starts answering commands once
    the profile is ours; ``release()`` (or the process ending) lets it go.
    """

    def __init__(
        self, data_dir: Path, *, environ: Mapping[str, str] | None = None, temp_dir: Path | None = None
    ) -> None:
        self.directory = runtime_directory(data_dir, environ=environ, temp_dir=temp_dir)
        key = profile_key(data_dir)
        self.lock_path = self.directory / f"{key}.lock"
        self.server_name = f"deskbreak-{_user()}-{key}" if _NAMED_PIPES else str(self.directory / f"{key}.sock")
        self._lock_descriptor: int | None = None

    @property
    def owned(self) -> bool:
        return self._lock_descriptor is not None

    def try_acquire(self) -> bool:
        """Take the profile if nobody holds it; True when this process holds it now."""
        if self._lock_descriptor is not None:
            return True
        # Python descriptors are not inherited (PEP 446): a sound player we
        # start cannot keep the lock alive after we are gone.
        descriptor = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        if not _lock_exclusively(descriptor):
            os.close(descriptor)
            return False
        self._lock_descriptor = descriptor
        _write_pid(descriptor)
        return True

    def release(self) -> None:
        """Let the profile go. The lock file stays: removing it would let a
        waiting launch lock the old file while a new one locks a new file."""
        if self._lock_descriptor is None:
            return
        os.close(self._lock_descriptor)  # closing drops the flock
        self._lock_descriptor = None

    def acquire_or_forward(self, command: str, *, timeout_ms: int = OWNER_WAIT_MS, **arguments) -> dict | None:
        """Take the profile, or send ``command`` to the deskbreak that holds it.

        Returns None when this process holds the profile (it should start
        and :meth:`serve`); otherwise the holder's reply. The holder may not
        be listening yet (it took the lock a moment ago), so this waits up
        to ``timeout_ms`` for an answer; if the holder exits meanwhile, this
        process takes over and gets None.
        """
        deadline = QDeadlineTimer(timeout_ms)
        while not self.try_acquire():
            reply = send_command(self.server_name, command, timeout_ms=max(1, deadline.remainingTime()),
                                 **arguments)
            if reply is not None:
                return reply
            if deadline.hasExpired():
                return {"ok": False, "error": (
                    f"another deskbreak{_holder(self.lock_path)} holds this profile but did not answer "
                    f"within {timeout_ms / 1000:g} s")}
            time.sleep(_RETRY_S)
        return None

    def serve(self, handler: Callable[[dict], dict], parent: QObject | None = None) -> InstanceServer:
        """Answer commands with ``handler``; only the holder may call this.

        Returns the server even if it could not listen (logged: the app then
        runs without command-line control rather than not at all).
        """
        if not self.owned:
            raise RuntimeError("serve() needs the profile: call try_acquire() first")
        server = InstanceServer(self.server_name, handler, parent)
        server.listen(replace=True)
        return server


def _lock_exclusively(descriptor: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def _write_pid(descriptor: int) -> None:
    """For people and error messages only: the lock, not this number, decides."""
    if fcntl is None:
        return  # Windows' byte lock would cover the bytes we write
    os.ftruncate(descriptor, 0)
    os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)


def _holder(lock_path: Path) -> str:
    try:
        pid = int(lock_path.read_text().strip())
    except (OSError, ValueError):
        return ""
    return f" (pid {pid})"


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
        if not _NAMED_PIPES and len(os.fsencode(self._name)) >= _MAX_SOCKET_PATH_BYTES:
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
                    self._name, self._server.errorString() or "Qt gave no reason", _open_files(),
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
