"""Holds that grow with the user: simulated weeks of history, a hurt, a sore back, an imported history."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone

import pytest

from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.history import HistoryStore
from deskbreak.core.history.csv_io import import_csv, write_csv
from deskbreak.core.content.growth import WEEKLY_LIMIT
from deskbreak.core.history.progression import growth_of, next_hold, progression
from deskbreak.core.history.records import BreakRecord, ExerciseRecord

START = datetime(2026, 3, 2, 10, 0, tzinfo=timezone(timedelta(hours=1)))
CATALOG = load_catalog()


def session(day: int, exercise_ids: tuple[str, ...] = ("plank",), outcome: str = "completed",
            completed: bool = True, number: int = 0) -> BreakRecord:
    at = START + timedelta(days=day, hours=number)
    done = tuple(ExerciseRecord(0, 0, eid, 60.0, completed, at + timedelta(minutes=1)) for eid in exercise_ids)
    return BreakRecord(id=0, kind="sit", routine_id="core", due_at=at, shown_at=at, ended_at=at + timedelta(minutes=5),
                       outcome=outcome, note="", exercises=done, planned_exercises=len(done))


def daily(days: int, exercise_ids: tuple[str, ...] = ("plank",)) -> list[BreakRecord]:
    return [session(day, exercise_ids) for day in range(days)]


def test_growth_comes_from_the_documents():
    plank = growth_of(CATALOG.exercise("plank"))
    assert (plank.base, plank.top_of_range) == (45, 60)
    assert plank.allowed_by == "Gradually add time as your core gets stronger."
    assert growth_of(CATALOG.exercise("table-top-hold")).allowed_by == "Increase time as needed."
    split = growth_of(CATALOG.exercise("split-hip-stretch"))
    assert (split.base, split.ceiling, split.allowed_by) == (20, 30, None)  # a range, no more time asked
    assert growth_of(CATALOG.exercise("plank"), "long").base == 60
    # No hold range and no sentence asking for time: the document's figure stays.
    assert all(growth_of(e) is None for e in CATALOG.exercises.values()
               if e.hold_s is None or (e.hold_s.low == e.hold_s.high and "time" not in e.source.quote))


def test_no_history_gives_the_documents_holds():
    holds = progression(CATALOG, [])
    assert holds["plank"].seconds == 45 and holds["plank"].since is None
    assert holds["table-top-hold"].seconds == 10


def test_steady_growth_never_more_than_15_percent_a_week():
    weeks = 20
    history = daily(7 * weeks, ("plank", "table-top-hold", "split-hip-stretch"))
    by_week = []
    for week in range(weeks + 1):
        known = [b for b in history if b.moment < START + timedelta(weeks=week)]
        by_week.append(progression(CATALOG, known))
    for eid in ("plank", "table-top-hold", "split-hip-stretch"):
        holds = [p[eid].seconds for p in by_week]
        assert holds[-1] > holds[0], eid
        for before, after in zip(holds, holds[1:]):
            assert before <= after <= before * (1 + WEEKLY_LIMIT), (eid, holds)
    plank = [p["plank"].seconds for p in by_week]
    assert plank[:4] == [45, 45, 50, 55]  # "Plank: 50 s next time, was 45 s"
    assert 60 in plank and plank[-1] > 60  # through the range first, then beyond as the document asks
    assert max(p["split-hip-stretch"].seconds for p in by_week) == 30  # the range is its limit
    final = by_week[-1]["plank"]
    assert final.beyond_documents and final.previous < final.seconds and final.since is not None


def test_a_week_of_many_sessions_grows_one_step():
    history = [session(day, number=n) for day in range(8) for n in range(5)]
    assert progression(CATALOG, history)["plank"].seconds == 50


def test_too_few_sessions_do_not_grow():
    history = [session(day) for day in (0, 10, 20)][:2]
    assert progression(CATALOG, history)["plank"].seconds == 45


def test_skipped_exercises_do_not_count():
    history = [session(day, completed=False, outcome="partial") for day in range(30)]
    assert progression(CATALOG, history)["plank"].seconds == 45


def test_this_hurts_steps_back_one_level():
    history = daily(21)
    grown = progression(CATALOG, history)["plank"].seconds
    assert grown == 55
    hurt_at = session(21, ("table-top-hold", "plank"), outcome="hurt", completed=False)
    after = progression(CATALOG, history + [hurt_at])
    assert after["plank"].seconds == 50 and after["plank"].previous == 55
    assert after["plank"].since == hurt_at.exercises[-1].done_at
    assert after["table-top-hold"].seconds == 10  # only the exercise that hurt steps back
    # ...and grows again at the same pace afterwards.
    later = progression(CATALOG, history + [hurt_at] + [session(day) for day in range(22, 30)])
    assert later["plank"].seconds == 55


def test_hurt_at_the_documents_hold_stays_there():
    assert progression(CATALOG, [session(0, outcome="hurt", completed=False)])["plank"].seconds == 45


def test_sore_back_freezes_progression():
    history = daily(60)
    assert progression(CATALOG, history)["plank"].seconds > 45
    frozen = progression(CATALOG, history, frozen=True)
    assert frozen["plank"].seconds == 45 and frozen["plank"].since is None


def test_next_hold_is_at_most_15_percent_and_stops_at_the_ceiling():
    for hold in range(1, 200):
        longer = next_hold(hold, 10_000)
        assert longer is None or hold < longer <= hold * (1 + WEEKLY_LIMIT)
    assert next_hold(58, 60) == 60 and next_hold(60, 60) is None
    assert next_hold(2, 100) is None  # 15 % of 2 s is no whole second


def test_an_imported_history_gives_the_same_holds(tmp_path):
    history = daily(40, ("plank", "table-top-hold")) + [session(41, ("plank",), outcome="hurt", completed=False)]
    with HistoryStore(tmp_path / "first.sqlite3") as first:
        first.import_breaks(history)
        stored = first.breaks()
    exported = io.StringIO()
    write_csv(stored, exported)
    (tmp_path / "export.csv").write_text(exported.getvalue(), encoding="utf-8")
    with HistoryStore(tmp_path / "second.sqlite3") as second:
        import_csv(second, tmp_path / "export.csv")
        imported = second.breaks()
    expected = progression(CATALOG, history)
    assert progression(CATALOG, stored) == expected
    assert progression(CATALOG, imported) == expected
    assert progression(CATALOG, list(reversed(imported))) == expected
    assert expected["plank"].seconds > 45


# -- what a break plays ------------------------------------------------------------------


def test_the_guide_plays_the_grown_hold_and_labels_what_goes_past_the_documents():
    from deskbreak.core.content.guide import Kind, build_segments, our_timing

    plank = CATALOG.exercise("plank")
    holds = [s.seconds for s in build_segments([plank], holds={"plank": 70}) if s.kind == Kind.HOLD]
    assert holds and set(holds) == {70}
    [label] = [line for line in our_timing(plank, holds={"plank": 70}) if "70 s" in line]
    assert "Gradually add time as your core gets stronger." in label and "15 %" in label
    # Within the document's range the figure is the article's own: no label.
    assert not [line for line in our_timing(plank, holds={"plank": 55}) if "55" in line]
    assert {s.seconds for s in build_segments([plank]) if s.kind == Kind.HOLD} == {45}


def test_routine_timeline_gives_the_holds_of_today():
    from deskbreak.core.content.timeline import routine_timeline
    from deskbreak.core.settings import Settings

    routine = next(r for r in CATALOG.routines.values() if "plank" in r.all_exercise_ids())
    timeline = routine_timeline(CATALOG, routine, Settings.defaults(), holds={"plank": 50})
    assert {s["seconds"] for s in timeline["segments"] if s["exercise"] == "plank" and s["kind"] == "hold"} == {50}


def test_what_grew_compares_the_holds_played_with_the_next_ones():
    from deskbreak.core.history.progression import Grown, what_grew

    ids = ["walk-around", "plank", "split-hip-stretch", "plank"]
    assert what_grew(CATALOG, ids, played={}, upcoming={"plank": 50}) == [Grown("plank", 50, 45)]
    assert what_grew(CATALOG, ids, played={"plank": 50}, upcoming={"plank": 50}) == []
    assert what_grew(CATALOG, ids, played={"plank": 55}, upcoming={"plank": 50}) == []  # a step back is no news here
    assert what_grew(CATALOG, ids, played={}, upcoming={"split-hip-stretch": 23}, hold_length="long") == []


def test_the_breaks_of_the_growing_exercises_give_the_same_holds(tmp_path):
    from deskbreak.core.history.progression import growing_exercises

    history = daily(30, ("walk-around", "plank")) + [session(day, ("knee-to-chest",), number=2) for day in range(10)] + [
        session(31, ("plank", "walk-around"), outcome="hurt", completed=False)]
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        store.import_breaks(history)
        some = store.breaks_with_exercises(growing_exercises(CATALOG))
        assert len(some) == 31 < len(store.breaks())
        assert progression(CATALOG, some) == progression(CATALOG, store.breaks())
        assert store.breaks_with_exercises([]) == []
    assert "plank" in growing_exercises(CATALOG) and "walk-around" not in growing_exercises(CATALOG)
