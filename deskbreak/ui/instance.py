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
understood, and a bad request never stops the server.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator, Mapping

from PySide6.QtCore import QDeadlineTimer, QObject
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
_RUNTIME_FOLDER = "deskbreak"
_NAMED_PIPES = os.name == "nt"  # QLocalServer names on Windows are pipe names, not paths
_MAX_SOCKET_PATH_BYTES = 104  # sun_path: 108 on Linux, 104 on macOS, with its final NUL


class InstanceError(OSError):
    """No private folder could be found for the lock and the control socket."""


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
    except ValueError:
        reply = None
    if not isinstance(reply, dict):
        return {"ok": False, "error": f"the running deskbreak answered something unreadable: {data[:200]!r}"}
    return reply


def _error(message: str) -> dict:
    return {"ok": False, "error": message}


def _failed_inside(command: str) -> dict:
    return _error(f"the {command!r} command failed inside deskbreak; its log has the details")


class InstanceServer(QObject):
    """Answers commands from later launches; ``handler`` returns the reply dict.

    ``handler`` gets a dict whose ``"command"`` is a string. It raises
    ValueError for a request with bad values (the message goes back to the
    client, as "pause 3 fortnights" deserves); anything else it raises is a
    bug, KeyError included: logged with its traceback and answered with an
    error, and the server keeps serving.
    """

    def __init__(self, name: str, handler: Callable[[dict], dict], parent: QObject | None = None):
        super().__init__(parent)
        self._name = name
        self._handler = handler
        self._server = QLocalServer(self)
        # Redundant in our 0700 folder; kept for a caller that passes a name elsewhere.
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        # The open connections: closing the server closes them first, so no
        # signal of a half-destroyed socket reaches Python afterwards.
        self._sockets: set[QLocalSocket] = set()

    def listen(self, *, replace: bool = False) -> bool:
        """Start listening; False (logged) if the name cannot be had.

        ``replace``: whatever sits at the name is stale and is removed, which
        is only true for the :class:`SingleInstance` holder. Without it a
        name is taken over only when nobody answers on it.
        """
        if self._server.listen(self._name):
            return True
        if replace or send_command(self._name, "ping") is None:
            QLocalServer.removeServer(self._name)
            if self._server.listen(self._name):
                return True
        problem = self._server.errorString()
        if not _NAMED_PIPES and len(os.fsencode(self._name)) >= _MAX_SOCKET_PATH_BYTES:
            problem = f"the path is longer than a Unix socket allows ({_MAX_SOCKET_PATH_BYTES - 1} bytes)"
        log.warning("cannot listen for commands on %s: %s", self._name, problem)
        return False

    def close(self) -> None:
        for socket in list(self._sockets):
            socket.readyRead.disconnect()
            socket.disconnected.disconnect()
            socket.abort()
            socket.deleteLater()
        self._sockets.clear()
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._sockets.add(socket)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _forget(self, socket: QLocalSocket) -> None:
        self._sockets.discard(socket)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            self._send(socket, self._reply_to(bytes(socket.readLine().data())))
        if socket.bytesAvailable() > MAX_REQUEST_BYTES:
            socket.readAll()
            self._send(socket, _error(f"bad request: longer than {MAX_REQUEST_BYTES} bytes"))
            socket.disconnectFromServer()

    @staticmethod
    def _send(socket: QLocalSocket, reply: dict) -> None:
        socket.write((json.dumps(reply) + "\n").encode())
        socket.flush()

    def _reply_to(self, line: bytes) -> dict:
        """The one reply to one request line; never raises."""
        try:
            request = json.loads(line)
        except ValueError as error:  # also bytes that are not UTF-8
            return _error(f"bad request: not JSON ({error})")
        if not isinstance(request, dict):
            return _error("bad request: a request is a JSON object")
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
        except (TypeError, ValueError):
            log.exception("the %r command returned a reply that is not JSON: %r", command, reply)
            return _failed_inside(command)
        return reply
