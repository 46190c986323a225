"""A plain client of the control socket, for the tests that throw requests, floods and junk at it.

Blocking sockets, no Qt: the tests call these on a worker thread (the server
runs on the GUI thread) or against a real app in another process.
"""

from __future__ import annotations

import contextlib
import socket
import time
from typing import Iterator

from hypothesis import strategies as st

#: Any JSON value, a few levels deep: what a hostile or confused client may send as a field.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def talk_on(client: socket.socket, payload: bytes, replies: int) -> tuple[bytes, bool]:
    """Send ``payload`` on a connected socket; what came back, and whether the server hung up.

    Reading stops at ``replies`` lines or when the server closes the connection.
    """
    try:
        client.sendall(payload)
    except (BrokenPipeError, ConnectionResetError):  # hung up on before we finished
        pass
    data = b""
    while data.count(b"\n") < replies:
        try:
            chunk = client.recv(65536)
        except ConnectionResetError:
            return data, True
        if not chunk:
            return data, True
        data += chunk
    return data, False


def connected(path: str, timeout: float = 10) -> socket.socket:
    """A client connected to ``path``, waiting while the server's backlog is full."""
    client = socket.socket(socket.AF_UNIX)
    client.settimeout(timeout)
    deadline = time.monotonic() + timeout
    while True:
        try:
            client.connect(path)
            return client
        except BlockingIOError:  # what a Unix socket with a timeout says to a full backlog
            if time.monotonic() > deadline:
                client.close()
                raise
            time.sleep(0.001)
        except OSError:
            client.close()
            raise


@contextlib.contextmanager
def connections(path: str, count: int, within_s: float = 30) -> Iterator[list[socket.socket]]:
    """``count`` connections to ``path``, retried while the server is between stopping and listening again."""
    held: list[socket.socket] = []
    deadline = time.monotonic() + within_s
    try:
        while len(held) < count:
            try:
                held.append(connected(path, timeout=2))
            except (FileNotFoundError, ConnectionRefusedError):
                assert time.monotonic() < deadline, f"the server stopped listening after {len(held)} connections"
                time.sleep(0.001)
        yield held
    finally:
        for client in held:
            client.close()


def raise_own_file_limit(files: int) -> None:
    """Let this test process hold ``files`` connections where the hard limit allows."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < files + 100 <= hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (files + 100, hard))


def talk(path: str, payload: bytes, replies: int) -> tuple[bytes, bool]:
    with connected(path) as client:
        return talk_on(client, payload, replies)
