"""Every setting reaches someone, and a hold source plugged into the list holds breaks and follows its keys.

The app is wired as ui/startup.py wires it (engine, watchdog, chimes,
autostart entry, calendar, hold sources); then each key of the settings
table is either followed by a subscriber, which declares it next to the code
that reads it, or marked as read each time it is used (READ_WHEN_USED).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from deskbreak.adapters.alarm import QtAlarm
from deskbreak.adapters.holds import HOLD_SOURCES, Desktop, detect_holds
from deskbreak.adapters.sound import Chimes
from deskbreak.core.clock import FakeClock
from deskbreak.core.scheduling.holds import Hold, Holds
from deskbreak.core.settings import READ_WHEN_USED, SETTING_BY_KEY, Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.shell.calendar_source import CalendarSource

from .test_app import MONDAY_9, FakeAutostart, advance_to, make_app, menu_texts


def test_every_setting_is_followed_by_a_consumer_or_read_when_used(qtbot, tmp_path):
    store = SettingsStore(tmp_path / "settings.toml", Settings.defaults().with_values(runs={}))
    clock = FakeClock(MONDAY_9)
    calendar = CalendarSource(store, clock)
    # On "darwin" no desktop source opens a display or a bus: the keys are the modules' own either way.
    holds = detect_holds(store.settings, Desktop(platform="darwin", clock=clock, calendar=calendar))
    app = make_app(tmp_path, store=store, clock=clock, alarm=QtAlarm(clock, 60), chimes=Chimes(None, tmp_path),
                   autostart=FakeAutostart(), calendar=calendar, holds=holds)
    calendar.setParent(app)
    followed = store.listened_keys()
    assert sorted(SETTING_BY_KEY.keys() - followed - READ_WHEN_USED) == [], "a setting nobody follows or reads"
    assert sorted(followed & READ_WHEN_USED) == [], "marked as read when used, yet followed"
    assert {"dnd_apps"} <= followed, "the call apps' list, declared by adapters/holds/call_apps.py"
    app.shutdown()


def test_each_hold_module_declares_keys_of_the_settings_table():
    for module in HOLD_SOURCES:
        assert set(module.KEYS) <= SETTING_BY_KEY.keys(), module.__name__
        assert callable(module.sources), module.__name__


class Microphone:
    """A hold source as a new module would add one: holding while a microphone is in use."""

    name = "microphone"

    def __init__(self, in_use: bool) -> None:
        self.in_use = in_use
        self.closed = False

    def hold(self, now: datetime) -> Hold | None:
        return Hold("microphone in use", self.name) if self.in_use else None

    def close(self) -> None:
        self.closed = True


class MicrophoneModule:
    """Built from a setting (dnd_apps stands in for its own), so a change must rebuild it."""

    KEYS = ("dnd_apps",)

    def __init__(self) -> None:
        self.built: list[Microphone] = []

    def sources(self, settings: Settings, desktop) -> list[Microphone]:
        self.built.append(Microphone(in_use="mic" in settings.dnd_apps))
        return self.built[-1:]


def test_a_plugged_in_source_holds_a_break_is_named_by_status_and_follows_its_keys(qtbot, tmp_path):
    store = SettingsStore(tmp_path / "settings.toml", Settings.defaults().with_values(
        lead_in="1s", runs={}, dnd_apps=["mic"]))
    module = MicrophoneModule()
    app = make_app(tmp_path, store=store, holds=Holds([*HOLD_SOURCES, module], store.settings,
                                                      Desktop(platform="darwin")))
    app.start()
    advance_to(app, app.clock, MONDAY_9 + timedelta(minutes=31))
    assert app.window is None
    assert app.status_report()["holding_for"] == "microphone in use"
    assert menu_texts(app)[0] == "Break waiting: microphone in use"
    store.set("dnd_apps", ["zoom"])
    first, second = module.built
    assert first.closed and not second.in_use, "rebuilt from the new setting, the old source let go"
    advance_to(app, app.clock, app.clock.now() + timedelta(seconds=20))
    assert app.window is not None and app.window.isVisible()
    assert app.status_report()["holding_for"] is None
    app.shutdown()
    assert second.closed
