"""What the ext-idle-notify backend costs at start-up and in memory, against a running compositor.

Prints the time and memory (RSS, USS and anonymous memory of this process,
``benchmarks/_measure.py``) of importing pywayland, of the first probe (what
``detect_idle_monitor`` pays on KDE Plasma Wayland: import, connect, set up
the notification), of later probes (median), and of one ``idle_seconds``
call. PySide6 is loaded first, as it is in the app, so only pywayland's share
counts.

    WAYLAND_DISPLAY=wl-x XDG_RUNTIME_DIR=/tmp/x/run .venv/bin/python benchmarks/wayland_idle_cost.py
    .venv/bin/python benchmarks/wayland_idle_cost.py --socket /tmp/x/run/wl-x --probes 20

The compositor must offer ``ext_idle_notifier_v1`` (KWin, wlroots compositors):
``tests/adapters/test_wayland_idle_kwin.py`` shows how to start a headless KWin.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import PySide6.QtCore  # noqa: E402,F401  (the app has it loaded before any backend)

from _measure import memory  # noqa: E402
from deskbreak.adapters.wayland_idle import ExtIdleNotifyIdle, wayland_socket_path  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--socket", help="the compositor's socket (default: from WAYLAND_DISPLAY, XDG_RUNTIME_DIR)")
    parser.add_argument("--probes", type=int, default=10, help="later probes to time (10)")
    args = parser.parse_args()
    socket_path = args.socket or wayland_socket_path(os.environ)
    if socket_path is None:
        parser.error("no compositor: pass --socket or set WAYLAND_DISPLAY and XDG_RUNTIME_DIR")

    before = memory(os.getpid())
    started = time.perf_counter()
    import pywayland.client  # noqa: F401
    import pywayland.protocol.ext_idle_notify_v1  # noqa: F401
    import pywayland.protocol.wayland  # noqa: F401
    import_ms = (time.perf_counter() - started) * 1000
    imported = memory(os.getpid())

    started = time.perf_counter()
    monitor = ExtIdleNotifyIdle(socket_path)
    first_probe_ms = (time.perf_counter() - started) * 1000
    if monitor.idle_seconds() is None:
        print(f"the backend does not answer at {socket_path}: {monitor.last_error}", file=sys.stderr)
        return 1
    connected = memory(os.getpid())

    started = time.perf_counter_ns()
    calls = 10_000
    for _ in range(calls):
        monitor.idle_seconds()
    call_ns = (time.perf_counter_ns() - started) / calls

    probes = []
    for _ in range(args.probes):
        started = time.perf_counter()
        other = ExtIdleNotifyIdle(socket_path)
        probes.append((time.perf_counter() - started) * 1000)
        other.close()
    monitor.close()

    print(f"compositor socket        {socket_path} ({monitor.request})")
    print(f"import pywayland         {import_ms:7.1f} ms")
    print(f"first probe              {first_probe_ms:7.1f} ms  (connect, registry, bind, notification)")
    print(f"later probes, median     {statistics.median(probes):7.1f} ms  (of {len(probes)}, max "
          f"{max(probes):.1f})")
    print(f"detection on KDE Wayland {import_ms + first_probe_ms:7.1f} ms  (import + first probe)")
    print(f"idle_seconds() call      {call_ns:7.0f} ns")
    for label, a, b in (("import", before, imported), ("connection + thread", imported, connected),
                        ("total", before, connected)):
        print(f"memory {label:<20} RSS {b.rss - a.rss:+6.2f} MB  USS {b.uss - a.uss:+6.2f} MB  "
              f"anon {b.anon - a.anon:+6.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
