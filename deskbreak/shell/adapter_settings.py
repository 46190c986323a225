"""The desktop's parts follow the settings that concern them: the watchdog, the chimes, the login entry.

The schedule's keys are the break session's (core/session.py); these are the
keys of the adapters the window layer holds, each subscribed next to what it
changes.
"""

from __future__ import annotations

import logging
from typing import Callable

from deskbreak.core.settings import Settings
from deskbreak.core.settings.store import SettingsStore

log = logging.getLogger("deskbreak")

# The watchdog must step the engine well within natural_break, or a normal
# gap between steps would look like the user being away.
MAX_WATCHDOG_S = 60.0


def watchdog_seconds(settings: Settings) -> float:
    return min(MAX_WATCHDOG_S, settings.natural_break.total_seconds() / 3)


# The one setting watchdog_seconds reads.
WATCHDOG_KEYS = ("natural_break",)
# The one setting the login entry follows.
AUTOSTART_KEYS = ("autostart",)


def follow_settings(store: SettingsStore, *, alarm, chimes, autostart,
                    tell: Callable[[str, str], None]) -> Callable[[], None]:
    """Subscribe each adapter to its keys; returns what writes the login entry the setting asks for."""

    def apply_autostart() -> None:
        from deskbreak.adapters.autostart import follow_autostart_setting

        def warn(title: str, problem: str) -> None:
            log.warning("%s", problem)
            tell(title, problem)

        follow_autostart_setting(autostart, store.settings.autostart, warn)

    if hasattr(alarm, "set_watchdog_interval"):
        store.subscribe(lambda _: alarm.set_watchdog_interval(watchdog_seconds(store.settings)), keys=WATCHDOG_KEYS)
    if chimes is not None and hasattr(chimes, "follow"):
        store.subscribe(lambda _: chimes.follow(store.settings), keys=chimes.KEYS)
    if autostart is not None:
        store.subscribe(lambda _: apply_autostart(), keys=AUTOSTART_KEYS)
    return apply_autostart
