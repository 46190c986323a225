"""Reasons to hold a due break, asked of pluggable sources.

A hold source answers one question, "is there a reason not to interrupt
now, and until when?", with a :class:`Hold` or None (as a Safe Eyes plugin
vetoes a break by returning a value). The sources themselves (a fullscreen
window, the desktop's do-not-disturb, a call app, a calendar meeting) live in
:mod:`deskbreak.adapters.holds`, one module each, and are listed there once.

Each such module is a :class:`HoldSourceModule`: it names the setting keys
its sources are built from and builds them. :class:`Holds` asks the built
sources in the order of the list, the first hold wins, and rebuilds a
module's sources when one of its keys changes. A source that cannot tell
answers None; one that raises counts as free too, and is logged once, so a
broken source costs its own answer and never the break.

The engine decides what a hold means (postpone, tell the user once it has
waited ``dnd_max_delay``); this module only finds the reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from deskbreak.core.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Hold:
    """Why a due break waits now.

    ``reason`` is what the tray and ``status --json``'s ``holding_for``
    show ("fullscreen", "do not disturb", "zoom", "meeting (until 11:00)");
    ``source`` names the source that found it (for the log); ``until`` is
    when the reason ends, where the source knows it.
    """

    reason: str
    source: str
    until: datetime | None = None


class HoldSource(Protocol):
    """One built source: asked only while a break is due or about to be."""

    name: str

    def hold(self, now: datetime) -> Hold | None:
        """The reason to hold a break at ``now``, or None (also when this source cannot tell)."""

    def close(self) -> None:
        """Let go of what the source holds open (a display connection); it is not asked again."""


class HoldSourceModule(Protocol):
    """A module of :mod:`deskbreak.adapters.holds`: the keys it listens to and how its sources are built."""

    KEYS: tuple[str, ...]
    """The setting keys the sources are built from; a change to one rebuilds them."""

    def sources(self, settings: Settings, desktop: Any) -> list[HoldSource]:
        """The sources this desktop offers (none where it offers nothing readable)."""


@dataclass
class _Built:
    module: HoldSourceModule
    sources: list[HoldSource]


class Holds:
    """Every hold source of the app, asked in the order of the list; the first hold wins.

    ``desktop`` is whatever the modules need to build their sources (the
    platform, the display, the bus, the calendar): this module passes it on
    unread.
    """

    def __init__(self, modules: Sequence[HoldSourceModule], settings: Settings, desktop: Any = None) -> None:
        self._desktop = desktop
        self._built = [_Built(module, _build(module, settings, desktop)) for module in modules]
        self._reported_failures: set[str] = set()
        self._last: Hold | None = None
        self._describe()

    @classmethod
    def of(cls, *sources: HoldSource) -> Holds:
        """Sources built already, with no settings to follow (tests, and hosts that build their own)."""
        return cls([BuiltSources(sources)], Settings.defaults())

    @property
    def sources(self) -> tuple[HoldSource, ...]:
        return tuple(source for built in self._built for source in built.sources)

    @property
    def name(self) -> str:
        """The sources asked, in order, joined by "+" ("none" without any)."""
        return "+".join(source.name for source in self.sources) or "none"

    @property
    def keys(self) -> frozenset[str]:
        """Every setting key some source is built from."""
        return frozenset(key for built in self._built for key in built.module.KEYS)

    def hold(self, now: datetime) -> Hold | None:
        """The first source's hold at ``now``, or None when every source leaves the user free."""
        found = None
        for source in self.sources:
            try:
                found = source.hold(now)
            except Exception as exc:  # a broken source costs its own answer, never the break
                if source.name not in self._reported_failures:
                    self._reported_failures.add(source.name)
                    log.warning("hold source %s failed, counted as free: %s", source.name, exc)
                continue
            if found is not None:
                break
        if _what(found) != _what(self._last):
            log.info("%s", f"holding breaks for {found.reason} ({found.source})" if found else "no reason to hold breaks")
        self._last = found
        return found

    def follow(self, subscribe: Callable[..., object], settings: Callable[[], Settings]) -> None:
        """Rebuild a module's sources whenever one of its keys changes.

        ``subscribe`` is :meth:`SettingsStore.subscribe`; ``settings`` reads the current settings.
        """
        if self.keys:
            subscribe(lambda changed: self.settings_changed(changed, settings()), keys=self.keys)

    def settings_changed(self, changed: Iterable[str], settings: Settings) -> None:
        changed = frozenset(changed)
        for built in self._built:
            if changed & frozenset(built.module.KEYS):
                _close_all(built.sources)
                built.sources = _build(built.module, settings, self._desktop)
                self._describe()

    def close(self) -> None:
        """Let go of every source; the holds answer None after."""
        for built in self._built:
            _close_all(built.sources)
            built.sources = []

    def _describe(self) -> None:
        log.info("hold sources: %s", self.name)


class BuiltSources:
    """A module whose sources exist already: built by the host or a test, followed by no setting."""

    KEYS: tuple[str, ...] = ()

    def __init__(self, sources: Sequence[HoldSource]) -> None:
        self._sources = list(sources)

    def sources(self, settings: Settings, desktop: Any) -> list[HoldSource]:
        return list(self._sources)


def _what(hold: Hold | None) -> tuple[str, str] | None:
    """A hold without its end, which moves as meetings overlap: what a change in the log is about."""
    return None if hold is None else (hold.reason, hold.source)


def _build(module: HoldSourceModule, settings: Settings, desktop: Any) -> list[HoldSource]:
    try:
        return list(module.sources(settings, desktop))
    except Exception as exc:  # a source that cannot be built costs itself only
        log.warning("hold sources of %s could not be built: %s", getattr(module, "__name__", module), exc)
        return []


def _close_all(sources: Iterable[HoldSource]) -> None:
    for source in sources:
        try:
            source.close()
        except Exception as exc:  # closing must not stop the others from closing
            log.warning("hold source %s did not close cleanly: %s", source.name, exc)
