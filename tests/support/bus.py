"""A private D-Bus session bus for tests: never the user's bus, and nothing activated behind the tests' back.

``dbus-daemon`` is not a desktop program: it needs no display, so the fast
tiers use it freely (the adapters' D-Bus backends talk to fake services on
it). The desktop harness starts its bus from the same configuration.

Fixtures (a conftest imports the ones its tier uses):

* ``private_bus``: the address of a fresh bus, stopped after the test;
* ``bus``: this process's own QDBusConnection to it;
* ``spawn_on_bus``: ``spawn_on_bus(script, *args, ready="READY")`` runs a fake
  service as a subprocess on the bus and waits for its ready line.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from support.ci import require_program

#: A session bus listening in ``{runtime_dir}``; ``{services}`` is empty (nothing is activated
#: behind the tests' back) or the standard service directories (a desktop's own services start
#: when first asked, as at a login: the Wayland tier's compositors need theirs).
SESSION_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={runtime_dir}</listen>
  <auth>EXTERNAL</auth>
  {services}
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def write_bus_config(path: Path, runtime_dir: Path, *, activation: bool = False) -> Path:
    """:data:`SESSION_BUS_CONFIG` for a bus whose socket lives in ``runtime_dir``, written to ``path``."""
    services = "<standard_session_servicedirs/>" if activation else ""
    path.write_text(SESSION_BUS_CONFIG.format(runtime_dir=runtime_dir, services=services), encoding="utf-8")
    return path


@contextmanager
def connected_bus(address: str, prefix: str = "deskbreak-test") -> Iterator:
    """A QDBusConnection of this process's own to the bus at ``address``, disconnected afterwards."""
    from PySide6.QtDBus import QDBusConnection

    name = f"{prefix}-{uuid.uuid4().hex}"
    connection = QDBusConnection.connectToBus(address, name)
    assert connection.isConnected(), connection.lastError().message()
    try:
        yield connection
    finally:
        QDBusConnection.disconnectFromBus(name)


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[str]:
    """The address of a fresh session bus, stopped after the test."""
    daemon_program = require_program("dbus-daemon", "dbus")
    runtime = tmp_path / "bus-runtime"
    runtime.mkdir(mode=0o700)
    config = write_bus_config(tmp_path / "session-bus.conf", runtime)
    daemon = subprocess.Popen(
        [daemon_program, f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        address = daemon.stdout.readline().strip()
        if not address:
            raise RuntimeError("dbus-daemon printed no address")
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        daemon.stdout.close()


@pytest.fixture
def bus(qapp, private_bus: str) -> Iterator:
    """This process's own connection to the private bus."""
    with connected_bus(private_bus) as connection:
        yield connection


class BusService:
    """A fake D-Bus service running as a subprocess on the private bus."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.process = process

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process.stdout.close()


@pytest.fixture
def spawn_on_bus(private_bus: str) -> Iterator:
    """``spawn_on_bus(script_path, *args, ready="READY")``: run a fake service on the
    private bus and wait until it prints the ``ready`` line (after registering its name)."""
    services: list[BusService] = []

    def spawn(script: Path | str, *args: str, ready: str = "READY", timeout: float = 15.0) -> BusService:
        env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": private_bus, "QT_QPA_PLATFORM": "offscreen"}
        process = subprocess.Popen([sys.executable, str(script), *args], env=env,
                                   stdout=subprocess.PIPE, text=True)
        service = BusService(process)
        services.append(service)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if line.strip() == ready:
                return service
            if not line and process.poll() is not None:
                raise RuntimeError(f"{script} exited with {process.returncode} before it was ready")
        raise TimeoutError(f"{script} was not ready within {timeout} s")

    yield spawn
    for service in services:
        service.stop()
