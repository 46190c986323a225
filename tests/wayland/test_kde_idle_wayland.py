"""Idle time on KDE Wayland comes from KWin's ext-idle-notify-v1 (issue 18 item 5), on a real KWin.

KWin publishes ``org.freedesktop.ScreenSaver`` but answers
``GetSessionIdleTime`` with "not supported" under Wayland, so this protocol is
the only idle time deskbreak gets on Plasma Wayland. Nothing types into the
test's KWin: "idle grows" is checked here, "resumed" in
tests/adapters/test_wayland_idle.py against a fake compositor.
"""

from __future__ import annotations

import time
from pathlib import Path

from deskbreak.adapters.idle import detect_idle_monitor
from deskbreak.adapters.wayland_idle import NOTIFICATION_TIMEOUT_MS, ExtIdleNotifyIdle
from support.app_cli import first_run_note_read, status
from support.bus import connected_bus


def test_kwin_answers_and_idle_time_grows_past_the_timeout_without_input(kwin):
    monitor = ExtIdleNotifyIdle(str(Path(kwin.env["XDG_RUNTIME_DIR"]) / kwin.env["WAYLAND_DISPLAY"]))
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


def test_on_kwin_detection_chooses_ext_idle_notify_over_the_refusing_screensaver(kwin, qapp):
    with connected_bus(kwin.env["DBUS_SESSION_BUS_ADDRESS"]) as bus:
        started = time.monotonic()
        monitor = detect_idle_monitor(bus, platform="linux", environ=kwin.env)
        try:
            assert monitor.name == "ext-idle-notify"
            assert time.monotonic() - started < 1.0
        finally:
            monitor.close()


def test_the_app_on_kde_reports_the_backend_and_records_a_natural_break(kwin, launch, tmp_path):
    first_run_note_read(tmp_path)
    app = launch(kwin, tmp_path, "--set", "runs=", "--set", "natural_break=10s")
    assert status(kwin.env, tmp_path)["idle_backend"] == "ext-idle-notify"
    # Nobody touches this KWin: ten seconds away is a natural break, and the log says so.
    app.wait_for_output(r"NaturalBreak: away since", stream="stderr", timeout=60)
