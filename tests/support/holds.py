"""The hold sources as the app builds them, for the adapter and desktop tiers' tests of them."""

from __future__ import annotations

from datetime import datetime, timezone
from types import SimpleNamespace

from deskbreak.adapters.holds import Desktop, detect_holds
from deskbreak.adapters.holds.call_apps import DEFAULT_DND_APPS
from deskbreak.core.clock import FakeClock
from deskbreak.core.scheduling.holds import Holds

FREE = None
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def detect_dnd(*, apps=DEFAULT_DND_APPS, calls=False, clock=None, **desktop) -> Holds:
    """The desktop's hold sources as the app builds them, for the ``dnd_apps`` list ``apps``.

    The list is handed over as is: the settings table refuses blank entries, the source ignores them too.
    ``calls`` is ``hold_for_calls``, off unless asked for: its sources look at the machine's own
    microphone and cameras (tests/adapters/test_calls.py and tests/desktop/test_call_desktop.py do).
    """
    return detect_holds(SimpleNamespace(dnd_apps=list(apps), hold_for_calls=calls),
                        Desktop(clock=clock or FakeClock(), **desktop))


def reason_of(holds: Holds) -> str | None:
    """What the tray would say holds a break now (None: free)."""
    hold = holds.hold(NOW)
    return None if hold is None else hold.reason
