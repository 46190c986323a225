"""Adapter tests: offscreen Qt, and a private D-Bus session bus for the D-Bus backends.

``private_bus`` starts a ``dbus-daemon`` of its own (never the user's bus) and
yields its address. In-process code connects to it with
``QDBusConnection.connectToBus(address, name)``; fake services run as
subprocesses with ``DBUS_SESSION_BUS_ADDRESS`` set to it (``spawn_on_bus``).
Without ``dbus-daemon`` the D-Bus tests skip with one line, except under CI.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Iterator  # noqa: E402

import pytest  # noqa: E402

from desktop.desktop import _BUS_CONFIG, in_ci  # noqa: E402

from ui.conftest import OFFSCREEN_PLATFORM_NOTES  # noqa: E402


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).resolve().parent
    for item in items:
        if here not in Path(str(item.path)).resolve().parents:
            continue
        own = item.get_closest_marker("qt_log_ignore")
        patterns = (*(own.args if own else ()), *OFFSCREEN_PLATFORM_NOTES)
        item.add_marker(pytest.mark.qt_log_ignore(*patterns, **(own.kwargs if own else {})), append=False)


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[str]:
    """The address of a fresh session bus, stopped after the test."""
    if shutil.which("dbus-daemon") is None:
        if in_ci():
            pytest.fail("dbus-daemon is missing (Debian package dbus); make test installs it")
        pytest.skip("dbus-daemon not installed (Debian package dbus)")
    runtime = tmp_path / "bus-runtime"
    runtime.mkdir(mode=0o700)
    config = tmp_path / "session-bus.conf"
    config.write_text(_BUS_CONFIG.format(runtime_dir=runtime), encoding="utf-8")
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
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
    from PySide6.QtDBus import QDBusConnection

    name = f"deskbreak-test-{uuid.uuid4().hex}"
    connection = QDBusConnection.connectToBus(private_bus, name)
    assert connection.isConnected(), connection.lastError().message()
    yield connection
    QDBusConnection.disconnectFromBus(name)


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
