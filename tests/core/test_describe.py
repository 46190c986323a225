"""The words the tray and notifications use for what the engine knows."""

from __future__ import annotations

from datetime import datetime, time, timezone

import pytest

from deskbreak.core.describe import clock_time, elapsed_duration, human_duration, status_line
from deskbreak.core.scheduling.engine import BreakEngine
from deskbreak.core.settings import Settings

THURSDAY_NOON = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)


def line_for(now: datetime, **settings) -> str:
    engine = BreakEngine(Settings.defaults().with_values(**settings), now)
    return status_line(engine.status(now), now)


def test_a_run_on_another_day_names_the_day_of_its_pre_run_routine():
    # The sit-break is far off (8 h), so the next prompt is Saturday's pre-run routine.
    assert line_for(THURSDAY_NOON, sit_interval="8h", runs={"sat": "08:30"}, working_hours=True,
                    work_days=["thu"], work_start="09:00", work_end="13:00") == "Pre-run routine Sat 08:15"


def test_a_run_today_gives_the_time_of_its_pre_run_routine():
    evening = THURSDAY_NOON.replace(hour=17, minute=40)
    assert line_for(evening, runs={"thu": time(18, 0)}) == "Pre-run routine at 17:45"


@pytest.mark.parametrize("seconds, text", [(0, "0 s"), (44.2, "45 s"), (60, "1 min"), (61, "2 min"),
                                           (3600, "1 h"), (3900, "1 h 5 min")])
def test_durations_round_up_so_in_1_min_is_never_late(seconds, text):
    assert human_duration(seconds) == text


def test_clock_time_names_the_day_only_when_it_is_not_today():
    assert clock_time(THURSDAY_NOON.replace(hour=14, minute=30), THURSDAY_NOON) == "14:30"
    assert clock_time(datetime(2026, 11, 28, 8, 15, tzinfo=timezone.utc), THURSDAY_NOON) == "Sat 08:15"


@pytest.mark.parametrize("seconds, text", [(0, "0 s"), (44.2, "44 s"), (59.6, "1 min"), (120, "2 min"),
                                           (120.4, "2 min"), (149, "2 min"), (150, "3 min"), (3570, "1 h"),
                                           (3929, "1 h 5 min")])
def test_time_that_has_passed_is_rounded_to_the_nearest_minute(seconds, text):
    # Issue 16: 120 s away from the desk was recorded as "3 min" (rounded up like a countdown).
    assert elapsed_duration(seconds) == text
