"""The one way tests and benchmarks build the app: a profile folder, a clock, and fakes for the rest.

:func:`make_app` gives a :class:`~deskbreak.ui.app.DeskbreakApp` whose
settings and history live in the profile folder, stepped by a FakeClock
(Monday 09:00 UTC unless given), with quiet fakes for every platform part.
Any part passed by name replaces its fake: a test's own store or notifier, a
benchmark's real alarm and chimes. The app is not started: callers start it
and shut it down, or use the ``app_parts`` fixture, which does both.

An app keeps real-time timers after it is shut down (the break window's
preload, 3 s after start), which would fire inside a later test and stall
its event loop; :func:`discard_built_apps`, called after every test of the
tiers that build apps, deletes the apps built so far, and their timers with
them.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QIcon

from deskbreak.adapters.notify import NotifierChain
from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.clock import Clock, FakeClock
from deskbreak.core.history import HistoryStore
from deskbreak.core.settings import Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.ui.app import DeskbreakApp
from support.fakes import FakeAlarm, NoIdle, RecordingNotifier

MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
#: Every test app's settings over the defaults: a one-second lead-in and no weekly runs.
TEST_SETTINGS = {"lead_in": "1s", "runs": {}}

_built: weakref.WeakSet[DeskbreakApp] = weakref.WeakSet()


def make_app(profile: Path, *, clock: Clock | None = None, **parts) -> DeskbreakApp:
    """A DeskbreakApp on ``profile``; ``parts`` (store, history, notifier, idle, alarm, chimes, ...) replace the fakes."""
    # Made only when not given, so a part passed in never opens a second copy of a file.
    fakes = {
        "store": lambda: SettingsStore(profile / "settings.toml", Settings.defaults().with_values(**TEST_SETTINGS)),
        "catalog": load_catalog,
        "history": lambda: HistoryStore(profile / "history.sqlite3"),
        "notifier": lambda: NotifierChain([]),
        "idle": NoIdle,
        "alarm": FakeAlarm,
        "icons": lambda: {"normal": QIcon(), "paused": QIcon()},
    }
    built = {name: make() for name, make in fakes.items() if name not in parts}
    app = DeskbreakApp(clock=clock or FakeClock(MONDAY_9), **built, **parts)
    _built.add(app)
    return app


def discard_built_apps() -> None:
    """Delete every app :func:`make_app` built that is still alive, with the timers it owns."""
    for app in list(_built):
        if shiboken6.isValid(app):
            app.deleteLater()
    _built.clear()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def advance_to(app, clock: FakeClock, moment: datetime) -> None:
    """Step ``clock`` to ``moment`` in half-minutes, ticking the app at each, as the watchdog would."""
    while clock.now() < moment:
        clock.advance(min(30, (moment - clock.now()).total_seconds()))
        app.tick("test")


def menu_texts(app) -> list[str]:
    """The tray menu's entries as the user reads them, rebuilt first."""
    app.tray.rebuild_menu()
    return [a.text() for a in app.tray.menu.actions() if a.text()]


@pytest.fixture
def app_parts(qtbot, tmp_path: Path) -> Iterator[tuple]:
    """A started app and what tests look at: ``(app, clock, notifier, history)``; shut down after."""
    clock = FakeClock(MONDAY_9)
    notifier = RecordingNotifier()
    history = HistoryStore(tmp_path / "history.sqlite3")
    app = make_app(tmp_path, clock=clock, history=history, notifier=NotifierChain([notifier]))
    app.start()
    yield app, clock, notifier, history
    app.shutdown()
