"""One truth in the history: every panel, ``deskbreak stats`` and the log tell the same story (issue 16).

One history is built through the real app (the break window, the engine and
the history store, as a user makes it), and then every figure shown about it
is read back from where the user sees it: the history window's headline, its
week chart, its goal heatmap, its muscle-group chart and its "not stretched
lately" panel, ``deskbreak stats --json``, and the log. They must agree, and
where two panels count differently on purpose, their captions must say so.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from deskbreak.core.history import HistoryStore
from deskbreak.core.settings import Settings
from deskbreak.core.settings_store import SettingsStore
from ui.conftest import OFFSCREEN_PLATFORM_NOTES
from ui.test_app import MONDAY_9, SettableIdle, make_app

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_PLATFORM_NOTES)


def test_time_away_is_recorded_to_the_nearest_minute(qtbot, tmp_path):
    # Issue 16, item 13: 120 s away was recorded as "away from the desk for 3 min".
    store = SettingsStore(tmp_path / "settings.toml",
                          Settings.defaults().with_values(natural_break="1m", runs={}))
    idle = SettableIdle()
    app = make_app(tmp_path, store=store, idle=idle)
    app.start()
    left = app.clock.now()
    app.clock.advance(90)
    idle.seconds = 90.0
    app.tick()
    app.clock.advance(30.4)
    idle.seconds = 0.0
    app.tick()
    [natural] = [r for r in app.history.breaks() if r.kind == "natural"]
    assert (natural.ended_at - left).total_seconds() == pytest.approx(120.4)
    assert natural.note == "away from the desk for 2 min"
    app.shutdown()
