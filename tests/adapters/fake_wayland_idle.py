"""A Wayland "compositor" that speaks just enough of the wire protocol to test the ext-idle-notify backend.

KWin 5.27 offers ``ext_idle_notifier_v1`` version 1 and cannot be made to say
"resumed" without input; this fake offers version 2 (or 1, or nothing), sends
``idled`` and ``resumed`` when a test says so, hangs, or goes away, so every
path of ``deskbreak/adapters/wayland_idle.py`` runs in milliseconds. The
real-compositor test is ``test_wayland_idle_kwin.py``.

It listens on a Unix socket, serves one client on a thread of its own and
records the requests it understood in ``requests`` ("bind wl_seat 1",
"get_input_idle_notification 1000", ...). Messages are the Wayland wire
format: a header of the object id and ``size << 16 | opcode`` (host byte
order), then 32-bit arguments; a string is its length with the NUL, then
its bytes padded to 4.
"""

from __future__ import annotations

import socket
import struct
import threading
from pathlib import Path

DISPLAY_ID = 1
SEAT_NAME, NOTIFIER_NAME = 1, 2  # the globals' names in the registry
NOTIFICATION_REQUESTS = {1: "get_idle_notification", 2: "get_input_idle_notification"}
IDLED, RESUMED = 0, 1  # ext_idle_notification_v1's events


def _string(text: str) -> bytes:
    data = text.encode() + b"\0"
    return struct.pack("=I", len(data)) + data + b"\0" * (-len(data) % 4)


def _read_string(body: bytes, offset: int) -> tuple[str, int]:
    (length,) = struct.unpack_from("=I", body, offset)
    text = body[offset + 4:offset + 4 + length - 1].decode()
    return text, offset + 4 + length + (-length % 4)


class FakeIdleCompositor:
    """Serves one client at ``socket_path``; ``notifier_version=None`` offers only a seat.

    ``answering=False`` accepts the connection and never replies, as a hung
    compositor would.
    """

    def __init__(self, socket_path: Path, *, notifier_version: int | None = 2, answering: bool = True) -> None:
        self.socket_path = socket_path
        self.requests: list[str] = []
        self.notification_id: int | None = None
        self._globals = [(SEAT_NAME, "wl_seat", 7)]
        if notifier_version is not None:
            self._globals.append((NOTIFIER_NAME, "ext_idle_notifier_v1", notifier_version))
        self._answering = answering
        self._objects = {DISPLAY_ID: "wl_display"}
        self._connection: socket.socket | None = None
        self._send_lock = threading.Lock()
        self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._listener.bind(str(socket_path))
        self._listener.listen(1)
        self._thread = threading.Thread(target=self._serve, name="fake-wayland-compositor", daemon=True)
        self._thread.start()

    # -- what a test does --------------------------------------------------------

    def idled(self) -> None:
        self._event(self._notification(), IDLED)

    def resumed(self) -> None:
        self._event(self._notification(), RESUMED)

    def vanish(self) -> None:
        """Close the client's connection and the socket, as a compositor that exits does."""
        # shutdown, not only close: it wakes the thread blocked in accept() or recv().
        for sock in (self._connection, self._listener):
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # never connected
                sock.close()
        self._thread.join(timeout=2)
        self.socket_path.unlink(missing_ok=True)

    # -- the compositor's side -----------------------------------------------------

    def _notification(self) -> int:
        assert self.notification_id is not None, "the client has not asked for an idle notification"
        return self.notification_id

    def _serve(self) -> None:
        try:
            self._connection, _ = self._listener.accept()
        except OSError:
            return  # vanished before anyone connected
        buffer = b""
        while True:
            try:
                data = self._connection.recv(4096)
            except OSError:
                return
            if not data:
                return
            buffer += data
            while len(buffer) >= 8:
                object_id, word = struct.unpack_from("=II", buffer)
                size, opcode = word >> 16, word & 0xFFFF
                if len(buffer) < size:
                    break
                body, buffer = buffer[8:size], buffer[size:]
                if self._answering:
                    try:
                        self._request(self._objects.get(object_id, ""), opcode, body)
                    except (BrokenPipeError, ConnectionResetError):
                        return  # the client hung up before the answer: as a compositor, drop it

    def _request(self, interface: str, opcode: int, body: bytes) -> None:
        if interface == "wl_display" and opcode == 1:  # get_registry
            (registry,) = struct.unpack("=I", body)
            self._objects[registry] = "wl_registry"
            for name, global_interface, version in self._globals:
                self._event(registry, 0, struct.pack("=I", name) + _string(global_interface)
                            + struct.pack("=I", version))
        elif interface == "wl_display" and opcode == 0:  # sync: done at once, then free the id
            (callback,) = struct.unpack("=I", body)
            self._event(callback, 0, struct.pack("=I", 0))
            self._event(DISPLAY_ID, 1, struct.pack("=I", callback))
        elif interface == "wl_registry" and opcode == 0:  # bind(name, interface, version, new_id)
            bound, offset = _read_string(body, 4)  # after the global's name, which the fake does not check
            version, new_id = struct.unpack_from("=II", body, offset)
            self._objects[new_id] = bound
            self.requests.append(f"bind {bound} {version}")
        elif interface == "ext_idle_notifier_v1" and opcode in NOTIFICATION_REQUESTS:
            new_id, timeout_ms, _seat = struct.unpack("=III", body)
            self._objects[new_id] = "ext_idle_notification_v1"
            self.notification_id = new_id
            self.requests.append(f"{NOTIFICATION_REQUESTS[opcode]} {timeout_ms}")

    def _event(self, object_id: int, opcode: int, arguments: bytes = b"") -> None:
        header = struct.pack("=II", object_id, (8 + len(arguments)) << 16 | opcode)
        with self._send_lock:
            assert self._connection is not None
            self._connection.sendall(header + arguments)
