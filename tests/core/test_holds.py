"""The hold sources asked as one: order, failures, and rebuilding a source when its settings change.

Qt-free: fake sources and fake source modules, as the registry in
deskbreak/adapters/holds/ lists real ones.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

from deskbreak.core.scheduling.holds import BuiltSources, Hold, Holds
from deskbreak.core.settings import Settings

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


class Source:
    def __init__(self, name: str, reason: str | None = None, error: Exception | None = None) -> None:
        self.name, self._reason, self._error, self.asked, self.closed = name, reason, error, 0, False

    def hold(self, now: datetime) -> Hold | None:
        self.asked += 1
        if self._error:
            raise self._error
        return None if self._reason is None else Hold(self._reason, self.name)

    def close(self) -> None:
        self.closed = True


def reason_of(holds: Holds) -> str | None:
    hold = holds.hold(NOW)
    return None if hold is None else hold.reason


def test_the_first_reason_wins_and_later_sources_are_not_asked():
    later = Source("later", "zoom")
    holds = Holds.of(Source("free"), Source("busy", "fullscreen"), later)
    assert holds.name == "free+busy+later"
    assert holds.hold(NOW) == Hold("fullscreen", "busy")
    assert later.asked == 0


def test_a_failing_source_counts_as_free_and_is_reported_once(caplog):
    broken = Source("broken", error=RuntimeError("daemon went mad"))
    holds = Holds.of(broken, Source("call", "zoom"))
    with caplog.at_level(logging.WARNING, logger="deskbreak.core.scheduling.holds"):
        assert reason_of(holds) == "zoom"
        assert reason_of(holds) == "zoom"
    assert broken.asked == 2
    assert [r.getMessage() for r in caplog.records] == [
        "hold source broken failed, counted as free: daemon went mad"]


def test_no_source_at_all_is_always_free():
    assert Holds.of().name == "none"
    assert Holds.of().hold(NOW) is None
    assert Holds([], Settings.defaults()).hold(NOW) is None


class AppListModule:
    """A source module built from the dnd_apps setting, as adapters/holds/call_apps.py is."""

    KEYS = ("dnd_apps",)

    def __init__(self) -> None:
        self.built: list[Source] = []

    def sources(self, settings: Settings, desktop) -> list[Source]:
        source = Source(f"apps-{len(self.built)}", settings.dnd_apps[0] if settings.dnd_apps else None)
        self.built.append(source)
        return [source] if desktop == "x11" else []


class FakeStore:
    """Subscriptions as SettingsStore keeps them."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.listeners: list[tuple] = []

    def subscribe(self, listener, keys=None):
        self.listeners.append((listener, None if keys is None else frozenset(keys)))

    def set(self, **values) -> None:
        self.settings = self.settings.with_values(**values)
        for listener, keys in self.listeners:
            if keys is None or keys & values.keys():
                listener(frozenset(values))


def test_a_module_is_rebuilt_when_its_keys_change_and_its_old_sources_let_go():
    store = FakeStore(Settings.defaults().with_values(dnd_apps=["zoom"]))
    module = AppListModule()
    holds = Holds([module, BuiltSources([Source("other")])], store.settings, "x11")
    holds.follow(store.subscribe, lambda: store.settings)
    assert holds.keys == {"dnd_apps"}
    assert [keys for _, keys in store.listeners] == [{"dnd_apps"}]
    assert reason_of(holds) == "zoom"
    store.set(volume=20)
    assert len(module.built) == 1, "a key the sources are not built from changes nothing"
    store.set(dnd_apps=["webex"])
    first, second = module.built
    assert first.closed and not second.closed
    assert reason_of(holds) == "webex"
    assert holds.name == "apps-1+other"


def test_a_module_whose_sources_cannot_be_built_costs_only_itself(caplog):
    class Broken:
        KEYS = ()

        def sources(self, settings, desktop):
            raise OSError("no display")

    with caplog.at_level(logging.WARNING, logger="deskbreak.core.scheduling.holds"):
        holds = Holds([Broken(), BuiltSources([Source("call", "zoom")])], Settings.defaults())
    assert reason_of(holds) == "zoom"
    assert "no display" in caplog.text


def test_a_hold_knows_until_when_where_its_source_does():
    until = NOW + timedelta(minutes=40)
    assert Hold("meeting (until 09:40)", "calendar", until).until == until
