"""Adapter tests: offscreen Qt, and a private D-Bus session bus for the D-Bus backends.

``private_bus`` starts a ``dbus-daemon`` of its own (never the user's bus) and
yields its address. In-process code connects to it through ``bus``; fake
services run as subprocesses with ``DBUS_SESSION_BUS_ADDRESS`` set to it
(``spawn_on_bus``); all three come from ``tests/support/bus.py``. Without
``dbus-daemon`` the D-Bus tests skip with one line, except under CI. Nothing
here needs a display: what needs X or a notification daemon is in
``tests/desktop``.
"""

from __future__ import annotations

from pathlib import Path

from support.bus import bus, private_bus, spawn_on_bus  # noqa: F401  (fixtures of this tier)
from support.offscreen import let_offscreen_notes_through, use_offscreen_platform

use_offscreen_platform()


def pytest_collection_modifyitems(config, items):
    let_offscreen_notes_through(items, Path(__file__).resolve().parent)
