"""The file that keeps the engine's discipline across a restart (core/scheduling/discipline.py)."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, datetime, timedelta, timezone

import pytest

from deskbreak.core.scheduling.discipline import DisciplineFileError, load_discipline, save_discipline
from deskbreak.core.scheduling.engine import Break, Discipline
from deskbreak.core.kinds import BreakKind

CET = timezone(timedelta(hours=1))
NOON = datetime(2026, 11, 23, 12, 0, tzinfo=CET)


def a_full_day() -> Discipline:
    return Discipline(
        day=NOON.date(), skips=2, sit_breaks=5, skip_next=True,
        postponed=Break(BreakKind.PRERUN, NOON, sequence=0, run_at=NOON + timedelta(minutes=15)),
        postponed_until=NOON + timedelta(minutes=5), postpones=1,
        runs_reminded=frozenset({NOON + timedelta(minutes=15)}), runs_dropped=frozenset({NOON + timedelta(hours=6)}),
        last_break_end=NOON - timedelta(minutes=20), paused_until=None, at=NOON,
    )


@pytest.mark.parametrize("kept", [a_full_day(), Discipline(day=date(2026, 11, 24))], ids=["full", "empty"])
def test_what_is_saved_is_read_back_exactly(tmp_path, kept):
    path = tmp_path / "discipline.json"
    save_discipline(path, kept)
    again = load_discipline(path)
    assert again == kept and again.at == kept.at


def test_no_file_is_nothing_remembered(tmp_path):
    assert load_discipline(tmp_path / "discipline.json") is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="Unix modes")
def test_the_file_is_private(tmp_path):
    path = tmp_path / "discipline.json"
    save_discipline(path, a_full_day())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("text, why", [
    ("{", "Expecting"),
    ("[]", "not a JSON object"),
    ('{"version": 2}', "format version 2"),
    ('{"version": 1}', "'postponed'"),
])
def test_a_file_that_cannot_be_read_is_named_with_the_reason(tmp_path, text, why):
    path = tmp_path / "discipline.json"
    path.write_text(text)
    with pytest.raises(DisciplineFileError, match=str(path)) as raised:
        load_discipline(path)
    assert why in str(raised.value)


def test_a_count_that_is_no_count_is_refused(tmp_path):
    path = tmp_path / "discipline.json"
    save_discipline(path, a_full_day())
    data = json.loads(path.read_text())
    data["skips"] = -1
    path.write_text(json.dumps(data))
    with pytest.raises(DisciplineFileError, match="-1 is not a count"):
        load_discipline(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_in_its_place_is_refused_without_waiting(tmp_path):
    path = tmp_path / "discipline.json"
    os.mkfifo(path)
    with pytest.raises(DisciplineFileError, match="not a regular file"):
        load_discipline(path)
