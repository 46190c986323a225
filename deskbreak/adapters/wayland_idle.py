"""Idle time from the Wayland compositor itself, over ext-idle-notify-v1 (KWin, wlroots compositors).

KWin publishes ``org.freedesktop.ScreenSaver`` but answers ``GetSessionIdleTime``
with "not supported" under Wayland; what it offers instead is the
``ext_idle_notifier_v1`` global. The protocol never says "idle for N seconds":
it says *idled* once no input came for a timeout the client chooses, and
*resumed* at the next input. :class:`IdleSince` turns those two events into
the number the :class:`~deskbreak.core.ports.IdleMonitor` port asks for.

Where the compositor offers version 2, the notification is made with
``get_input_idle_notification``, which ignores idle inhibitors: a video
playing is not someone at the keyboard. Version 1 (KWin 5.27) has only
``get_idle_notification``, under which an inhibitor keeps the user "active";
sitting through a video then counts as no break, as the inhibitor hold
source says anyway.

:class:`ExtIdleNotifyIdle` opens a Wayland connection of its own (Qt's belongs
to Qt's event loop, and Qt may not even run on Wayland) and serves it on a
daemon thread that sleeps in ``poll`` until the compositor or :meth:`close`
wakes it. The GUI thread never waits on the compositor beyond the probe's
``PROBE_TIMEOUT_S``: ``idle_seconds`` only reads what the thread last heard.
A compositor that goes away ends the thread, and the answer is None from then
on. pywayland is imported only when this backend is built, i.e. under Wayland
when no D-Bus idle counter answered: GNOME never loads it.
"""

from __future__ import annotations

import atexit
import logging
import os
import select
import socket
import threading
from typing import TYPE_CHECKING, Any, Mapping

from deskbreak.core.clock import Clock, SystemClock

if TYPE_CHECKING:
    from pywayland.client import Display

log = logging.getLogger(__name__)

# "Idled" comes this long after the last input, so idle time is known to this
# resolution. The break window takes the keyboard after 1.5 s without input
# (ui/break_host.py QUIET_BEFORE_FOCUS_S): the timeout must be shorter for that
# to be seen. Each pause in typing longer than it costs two tiny events; 1 s
# keeps those to real pauses.
NOTIFICATION_TIMEOUT_MS = 1000
# As long as a D-Bus backend's probe may take (idle.DBUS_TIMEOUT_MS).
PROBE_TIMEOUT_S = 0.5
NOTIFIER = "ext_idle_notifier_v1"
SEAT = "wl_seat"
INPUT_IDLE_VERSION = 2  # the version that brought get_input_idle_notification
DEFAULT_DISPLAY = "wayland-0"  # libwayland's, when WAYLAND_DISPLAY is unset


def wayland_socket_path(environ: Mapping[str, str]) -> str | None:
    """The compositor socket libwayland would connect to, or None outside a Wayland session.

    The connection is made to this path rather than through
    ``wl_display_connect``, which would take ``WAYLAND_SOCKET`` (a socket
    handed to Qt) if set, and reads the process's environment, not ``environ``.
    """
    display = environ.get("WAYLAND_DISPLAY")
    if not display and environ.get("XDG_SESSION_TYPE") != "wayland":
        return None
    display = display or DEFAULT_DISPLAY
    if os.path.isabs(display):
        return display
    runtime_dir = environ.get("XDG_RUNTIME_DIR")
    return os.path.join(runtime_dir, display) if runtime_dir else None


class IdleSince:
    """Seconds idle from the compositor's "idled" and "resumed", on an injected clock.

    ``seconds`` is None before :meth:`start` and after :meth:`stop` (no
    compositor to ask), 0 while the user is active, and otherwise the time
    since the last input: "idled" arrives ``timeout_s`` after it. Written by
    the connection's thread and read by the GUI thread: each side touches one
    attribute at a time, which Python makes atomic.
    """

    def __init__(self, clock: Clock, timeout_s: float) -> None:
        self._clock = clock
        self._timeout_s = timeout_s
        self._watching = False
        self._input_stopped_at: float | None = None  # monotonic; None while active

    def start(self) -> None:
        self._watching = True

    def stop(self) -> None:
        self._watching = False

    def idled(self) -> None:
        self._input_stopped_at = self._clock.monotonic() - self._timeout_s

    def resumed(self) -> None:
        self._input_stopped_at = None

    def seconds(self) -> float | None:
        if not self._watching:
            return None
        stopped_at = self._input_stopped_at
        return 0.0 if stopped_at is None else max(0.0, self._clock.monotonic() - stopped_at)


class _Closed(Exception):
    """:meth:`ExtIdleNotifyIdle.close` woke the connection's thread."""


class ExtIdleNotifyIdle:
    """The compositor's idle notifications on the Wayland socket ``socket_path``.

    Building it connects and waits up to ``probe_timeout_s`` for the
    notification to be set up; ``idle_seconds`` is None when that failed
    (``last_error`` says why) and once the compositor has gone. Raises
    ImportError without pywayland.
    """

    name = "ext-idle-notify"

    def __init__(self, socket_path: str, *, clock: Clock | None = None,
                 timeout_ms: int = NOTIFICATION_TIMEOUT_MS, probe_timeout_s: float = PROBE_TIMEOUT_S) -> None:
        # Imported here, on the caller's thread: a missing pywayland is the caller's ImportError.
        from pywayland.client import Display
        from pywayland.protocol.ext_idle_notify_v1 import ExtIdleNotifierV1
        from pywayland.protocol.wayland import WlSeat

        self._protocol = Display, ExtIdleNotifierV1, WlSeat
        self.socket_path = socket_path
        self.last_error = ""
        self.request = ""  # the request the notification was made with, once it is
        self._idle = IdleSince(clock or SystemClock(), timeout_ms / 1000)
        self._timeout_ms = timeout_ms
        self._wake: int | None = os.eventfd(0, os.EFD_CLOEXEC)
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, args=(self._wake, probe_timeout_s),
                                        name="deskbreak-wayland-idle", daemon=True)
        # A display still connected when the interpreter tears down can crash it.
        atexit.register(self.close)
        self._thread.start()
        if not self._ready.wait(probe_timeout_s):
            self.last_error = f"no answer from {socket_path} within {probe_timeout_s} s"
        if self._idle.seconds() is None:
            self.close()  # nothing to watch: the thread and its descriptor go now, not at exit

    def idle_seconds(self) -> float | None:
        return self._idle.seconds()

    def close(self) -> None:
        """End the connection and its thread; idle time is unknown from then on."""
        atexit.unregister(self.close)
        self._idle.stop()
        wake, self._wake = self._wake, None
        if wake is None:
            return
        os.eventfd_write(wake, 1)
        self._thread.join(timeout=PROBE_TIMEOUT_S)
        if not self._thread.is_alive():  # else it may still poll it: leave the descriptor open
            os.close(wake)

    # -- the connection's thread ---------------------------------------------------

    def _serve(self, wake: int, connect_timeout_s: float) -> None:
        try:
            display = self._connect(connect_timeout_s)
        except (OSError, ValueError) as exc:  # ValueError: pywayland's "Unable to connect to display"
            self.last_error = f"cannot connect to {self.socket_path}: {exc}"
            self._ready.set()
            return
        poller = select.poll()
        poller.register(display.get_fd(), select.POLLIN)
        poller.register(wake, select.POLLIN)
        try:
            self._watch(display, poller, wake)
        except _Closed:
            pass
        except (RuntimeError, OSError) as exc:  # pywayland: the connection broke or a protocol error
            self.last_error = f"the connection to {self.socket_path} ended ({exc})"
            if self._idle.seconds() is not None:
                log.warning("idle time: %s stopped answering: %s", self.name, self.last_error)
        finally:
            self._idle.stop()
            display.disconnect()
            self._ready.set()

    def _connect(self, timeout_s: float) -> Display:
        Display = self._protocol[0]
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.settimeout(timeout_s)  # a hung compositor stops accepting once its backlog is full
            sock.connect(self.socket_path)
        except OSError:
            sock.close()
            raise
        display = Display(sock.detach())  # libwayland owns the descriptor from here
        display.connect()
        return display

    def _watch(self, display: Display, poller: select.poll, wake: int) -> None:
        _, ExtIdleNotifierV1, WlSeat = self._protocol
        registry = display.get_registry()
        offered: dict[str, tuple[int, int]] = {}

        def on_global(_registry: Any, name: int, interface: str, version: int) -> None:
            # pywayland hands a handler's return value to C as an int: this one must return None.
            offered.setdefault(interface, (name, version))

        registry.dispatcher["global"] = on_global
        self._round_trip(display, poller, wake)
        missing = [interface for interface in (NOTIFIER, SEAT) if interface not in offered]
        if missing:
            self.last_error = f"the compositor does not offer {' or '.join(missing)}"
            return
        name, offered_version = offered[NOTIFIER]
        # An older pywayland may know only version 1 of the protocol: the lower of the two is what we get.
        version = min(offered_version, ExtIdleNotifierV1.version)
        notifier = registry.bind(name, ExtIdleNotifierV1, version)
        seat = registry.bind(offered[SEAT][0], WlSeat, 1)  # only named as the seat to watch: no events needed
        self.request, notification = ask_for_notification(notifier, version, self._timeout_ms, seat)
        notification.dispatcher["idled"] = lambda _notification: self._idle.idled()
        notification.dispatcher["resumed"] = lambda _notification: self._idle.resumed()
        self._round_trip(display, poller, wake)  # a refusal arrives as a protocol error before this returns
        self._idle.start()
        self._ready.set()
        log.info("idle time: %s version %d, %s after %d ms without input", self.name, version, self.request,
                 self._timeout_ms)
        while True:
            self._pump(display, poller, wake)

    def _round_trip(self, display: Display, poller: select.poll, wake: int) -> None:
        """Wait until the compositor has handled every request so far (``wl_display_roundtrip``, wakeable)."""
        done: list[bool] = []
        callback = display.sync()
        callback.dispatcher["done"] = lambda _callback, _serial: done.append(True)
        while not done:
            self._pump(display, poller, wake)

    @staticmethod
    def _pump(display: Display, poller: select.poll, wake: int) -> None:
        """Send what is queued, sleep until the compositor speaks, and handle what it said.

        Only this thread touches the display, so reading after ``poll``
        (rather than ``prepare_read`` first) cannot race another reader.
        """
        display.flush()
        ready = {fd for fd, _events in poller.poll()}
        if wake in ready:
            raise _Closed
        display.read()  # libwayland reads without blocking; a closed socket is a RuntimeError
        display.dispatch(block=False)


def ask_for_notification(notifier: Any, version: int, timeout_ms: int, seat: Any) -> tuple[str, Any]:
    """The request used and the notification it made: the one that ignores idle inhibitors where offered."""
    if version >= INPUT_IDLE_VERSION:
        return "get_input_idle_notification", notifier.get_input_idle_notification(timeout_ms, seat)
    return "get_idle_notification", notifier.get_idle_notification(timeout_ms, seat)
