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

The socket itself, its server and its client, are in
:mod:`deskbreak.shell.control_socket`, imported only to forward a command
or to serve: the launch that takes the lock shows its tray icon without
loading QtNetwork first.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Mapping

from PySide6.QtCore import QDeadlineTimer, QObject

from deskbreak.core.files import private_directory

if TYPE_CHECKING:
    from deskbreak.shell.control_socket import InstanceServer

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt

log = logging.getLogger(__name__)

#: How long a second launch waits for the first to listen and answer: the
#: first may still be loading Qt, the catalog and the history when ten start at once.
OWNER_WAIT_MS = 20000
_RETRY_S = 0.05
_RUNTIME_FOLDER = "deskbreak"
NAMED_PIPES = os.name == "nt"  # QLocalServer names on Windows are pipe names, not paths


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
        self.server_name = f"deskbreak-{_user()}-{key}" if NAMED_PIPES else str(self.directory / f"{key}.sock")
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
            from deskbreak.shell.control_socket import send_command  # noqa: PLC0415  (see the module doc)

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
        from deskbreak.shell.control_socket import InstanceServer  # noqa: PLC0415

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
