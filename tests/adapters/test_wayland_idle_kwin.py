"""The ext-idle-notify backend against a real KWin (Debian's kwin-wayland 5.27), headless.

KWin publishes ``org.freedesktop.ScreenSaver`` but answers ``GetSessionIdleTime``
with "not supported" under Wayland: this backend is the only idle time
deskbreak gets on Plasma Wayland. ``kwin`` below starts one ``kwin_wayland
--virtual`` for the module; without it the tests skip in one line (fail
under CI). Nothing types into this KWin, so only "idle grows" is checked
here; resumed is ``test_wayland_idle.py``'s, against a fake compositor.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from deskbreak.adapters.idle import detect_idle_monitor
from deskbreak.adapters.wayland_idle import NOTIFICATION_TIMEOUT_MS, ExtIdleNotifyIdle
from support.ci import require_program

KWIN_SOCKET = "wl-deskbreak-idle"
KWIN_START_TIMEOUT_S = 30
# KWin makes its socket before its event loop runs: it is ready once a round trip comes back.
ROUND_TRIP = ("import sys; from pywayland.client import Display; "
              "display = Display(sys.argv[1]); display.connect(); display.roundtrip(); display.disconnect()")


@pytest.fixture(scope="module")
def kwin(tmp_path_factory) -> Iterator[dict[str, str]]:
    """A headless KWin of its own; yields the environment a client of it has (WAYLAND_DISPLAY, XDG_RUNTIME_DIR).

    The installed binary carries file capabilities that a container refuses
    to exec, so a plain copy runs; screen locking is off (an idle KWin would
    lock after 5 minutes), and it runs in a session bus of its own.
    """
    installed = require_program("kwin_wayland", "kwin-wayland")
    dbus_run_session = require_program("dbus-run-session", "dbus-bin")
    root = tmp_path_factory.mktemp("kwin")
    binary = root / "kwin_wayland"
    shutil.copyfile(installed, binary)
    binary.chmod(0o755)
    runtime_dir, home = root / "run", root / "home"
    runtime_dir.mkdir(mode=0o700)
    (home / ".config").mkdir(parents=True)
    (home / ".config" / "kscreenlockerrc").write_text("[Daemon]\nAutolock=false\n", encoding="utf-8")
    log = root / "kwin.log"
    environ = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime_dir)}
    with log.open("wb") as output:
        process = subprocess.Popen(
            [dbus_run_session, "--", str(binary), "--virtual", f"--socket={KWIN_SOCKET}",
             "--width", "1280", "--height", "800"],
            env=environ, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + KWIN_START_TIMEOUT_S
        while not (runtime_dir / KWIN_SOCKET).exists():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"kwin_wayland did not start; its log {log}:\n{log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.05)
        subprocess.run([sys.executable, "-c", ROUND_TRIP, str(runtime_dir / KWIN_SOCKET)],
                       env=environ, check=True, timeout=max(1.0, deadline - time.monotonic()))
        yield {"WAYLAND_DISPLAY": KWIN_SOCKET, "XDG_RUNTIME_DIR": str(runtime_dir)}
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # its own session: dbus-run-session, KWin and its helpers
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_kwin_answers_and_idle_time_grows_past_the_timeout_without_input(kwin):
    monitor = ExtIdleNotifyIdle(str(Path(kwin["XDG_RUNTIME_DIR"]) / kwin["WAYLAND_DISPLAY"]))
    try:
        assert monitor.idle_seconds() is not None, monitor.last_error
        # Nothing types here: KWin says "idled" a timeout after the notification was made.
        deadline = time.monotonic() + NOTIFICATION_TIMEOUT_MS / 1000 + 2
        while (monitor.idle_seconds() or 0) < NOTIFICATION_TIMEOUT_MS / 1000:
            assert time.monotonic() < deadline, f"still {monitor.idle_seconds()} s idle"
            time.sleep(0.05)
        first = monitor.idle_seconds()
        time.sleep(0.3)
        assert monitor.idle_seconds() >= first + 0.3
    finally:
        monitor.close()


def test_on_kwin_without_a_dbus_idle_counter_detection_chooses_ext_idle_notify(kwin, bus):
    started = time.monotonic()
    monitor = detect_idle_monitor(bus, platform="linux", environ=kwin)
    try:
        assert monitor.name == "ext-idle-notify"
        assert time.monotonic() - started < 1.0
    finally:
        monitor.close()
