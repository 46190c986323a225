"""Holds that grow with the user: simulated weeks of history, a hurt, a sore back, an imported history."""

from __future__ import annotations

import dataclasses
import io
from datetime import datetime, timedelta, timezone

import pytest

from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.history import HistoryStore
from deskbreak.core.history.csv_io import import_csv, write_csv
from deskbreak.core.content.growth import WEEKLY_LIMIT
from deskbreak.core.history.progression import ROUND_FROM_S, growth_of, ladders_for, next_hold, progression
from deskbreak.core.history.records import BreakRecord, ExerciseRecord

START = datetime(2026, 3, 2, 10, 0, tzinfo=timezone(timedelta(hours=1)))
CATALOG = load_catalog()


def session(day: int, exercise_ids: tuple[str, ...] = ("plank",), outcome: str = "completed",
            completed: bool = True, number: int = 0, sore_back: bool = False, progression: bool = True) -> BreakRecord:
    at = START + timedelta(days=day, hours=number)
    done = tuple(ExerciseRecord(0, 0, eid, 60.0, completed, at + timedelta(minutes=1)) for eid in exercise_ids)
    return BreakRecord(id=0, kind="sit", routine_id="core", due_at=at, shown_at=at, ended_at=at + timedelta(minutes=5),
                       outcome=outcome, note="", exercises=done, planned_exercises=len(done), sore_back=sore_back,
                       progression=progression)


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
    """Two weeks with a sore back, then off again: the hold resumes exactly where it was, no jump."""
    before = daily(21)
    at_start = progression(CATALOG, before)["plank"]
    assert at_start.seconds == 55
    sore = [session(day, sore_back=True, number=n) for day in range(21, 35) for n in range(3)]
    during = progression(CATALOG, before + sore)["plank"]
    assert (during.seconds, during.since, during.previous) == (at_start.seconds, at_start.since, at_start.previous)
    # Off again: no session of the fortnight counts, nor does its time; the count starts afresh.
    for days_after in range(1, 8):
        after = [session(35 + day) for day in range(days_after)]
        assert progression(CATALOG, before + sore + after)["plank"] == at_start, days_after
    resumed = progression(CATALOG, before + sore + [session(35 + day) for day in range(8)])["plank"]
    assert (resumed.seconds, resumed.previous) == (60, 55)  # one step, a week after it went off


def test_an_upgrade_with_half_a_year_played_without_progression_starts_at_the_articles_holds():
    """Breaks recorded before the ``progression`` column (or with the setting off) are not load the user did."""
    old = [session(day - 180, progression=False) for day in range(180)]
    assert progression(CATALOG, old)["plank"].seconds == 45
    assert progression(CATALOG, old[:35])["plank"].seconds == 45
    # Counted from the first break played with progression on: one step after 3 sessions and a week.
    for days_after in range(1, 8):
        counted = [session(day) for day in range(days_after)]
        assert progression(CATALOG, old + counted)["plank"].seconds == 45, days_after
    grown = progression(CATALOG, old + [session(day) for day in range(8)])["plank"]
    assert (grown.seconds, grown.previous, grown.since) == (50, 45, START + timedelta(days=7, minutes=1))


def test_progression_off_for_a_fortnight_then_on_again_resumes_where_it_was():
    before = daily(21)
    at_start = progression(CATALOG, before)["plank"]
    assert at_start.seconds == 55
    off = [session(day, progression=False, number=n) for day in range(21, 35) for n in range(3)]
    assert progression(CATALOG, before + off)["plank"] == at_start
    for days_after in range(1, 8):
        after = [session(35 + day) for day in range(days_after)]
        assert progression(CATALOG, before + off + after)["plank"] == at_start, days_after
    resumed = progression(CATALOG, before + off + [session(35 + day) for day in range(8)])["plank"]
    assert (resumed.seconds, resumed.previous) == (60, 55)


def test_this_hurts_steps_back_with_progression_off_too():
    before = daily(21)
    hurt = session(22, progression=False, outcome="hurt", completed=False)
    after = progression(CATALOG, before + [hurt] + [session(23 + day, progression=False) for day in range(20)])
    assert (after["plank"].seconds, after["plank"].since) == (50, hurt.exercises[-1].done_at)


def test_a_hurt_with_a_sore_back_still_steps_back_and_nothing_else_moves():
    before = daily(21)
    hurt = session(22, sore_back=True, outcome="hurt", completed=False)
    after = progression(CATALOG, before + [hurt] + [session(23 + day, sore_back=True) for day in range(20)])
    assert (after["plank"].seconds, after["plank"].since) == (50, hurt.exercises[-1].done_at)


def test_a_sore_back_keeps_the_grown_hold_for_later_and_plays_the_articles():
    from deskbreak.core.history.progression import holds_for, progress_for
    from deskbreak.core.settings import Settings

    history = daily(21)
    settings = Settings.defaults()
    assert holds_for(CATALOG, history, settings) == {"plank": 55}
    sore = dataclasses.replace(settings, sore_back=True)
    assert holds_for(CATALOG, history, sore) == {}  # the articles' holds play
    assert progress_for(CATALOG, history, sore)["plank"].seconds == 55  # and the grown one waits
    assert holds_for(CATALOG, history, dataclasses.replace(settings, progression=False)) == {}


def test_next_hold_is_at_most_15_percent_and_stops_at_the_ceiling():
    for hold in range(1, 200):
        longer = next_hold(hold, 10_000)
        assert longer is None or hold < longer <= hold * (1 + WEEKLY_LIMIT)
    assert next_hold(58, 60) == 60 and next_hold(60, 60) is None
    assert next_hold(2, 100) is None  # 15 % of 2 s is no whole second


@pytest.mark.parametrize("hold_length", ["short", "long"])
def test_every_ladder_climbs_in_sensible_steps_to_its_ceiling(hold_length):
    """At most 15 % a step; round figures from 20 s where they stay within it; no 1 s step that 15 % did not force."""
    ladders = ladders_for(CATALOG, hold_length)
    assert "plank" in ladders and "table-top-hold" in ladders
    for eid, (growth, levels) in ladders.items():
        assert len(levels) > 1 and levels[0] == growth.base and levels[-1] == growth.ceiling, (eid, levels)
        for hold, longer in zip(levels, levels[1:]):
            largest = int(hold * (1 + WEEKLY_LIMIT))
            assert hold < longer <= hold * (1 + WEEKLY_LIMIT), (eid, levels)
            assert longer - hold >= min(2, largest - hold) or longer == growth.ceiling, (eid, levels)
            round_step = largest - largest % 5
            if longer >= ROUND_FROM_S and round_step - hold >= 2 and longer < growth.ceiling:
                assert longer % 5 == 0, (eid, levels)


def test_the_ladders_reviewed():
    ladders = ladders_for(CATALOG)
    assert ladders["table-hip-flexor-stretch"][1] == (30, 34, 39, 44, 50, 55, 60)
    assert ladders["plank"][1] == (45, 50, 55, 60, 65, 70, 80, 90, 100, 110, 120)
    assert ladders["table-top-hold"][1] == (10, 11, 12, 13, 14, 16, 18, 20)
    # A 1-2 s hold cannot grow 15 % a week by whole seconds: it is no growing exercise, nor in the stats.
    assert "prone-press-up" not in ladders
    assert "prone-press-up" not in progression(CATALOG, daily(60, ("prone-press-up",)))
    # With long holds, the top of a range with no more time asked is already where it starts.
    assert "split-hip-stretch" not in ladders_for(CATALOG, "long")


def test_an_imported_history_gives_the_same_holds(tmp_path):
    history = [session(day - 60, ("plank", "table-top-hold"), progression=False) for day in range(60)] + daily(
        30, ("plank", "table-top-hold")) + [session(30 + day, ("plank",), sore_back=True) for day in range(10)] + [
        session(40 + day, ("plank", "table-top-hold")) for day in range(15)] + [
        session(56, ("plank",), outcome="hurt", completed=False)]
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
    assert [b.sore_back for b in imported] == [b.sore_back for b in history], "the sore-back flags came along"
    assert [b.progression for b in imported] == [b.progression for b in history], "so did the progression flags"
    # Read as if the flags were lost, the fortnight would count: the holds differ, so the flags matter here.
    assert progression(CATALOG, [dataclasses.replace(b, sore_back=False) for b in imported]) != expected
    assert progression(CATALOG, [dataclasses.replace(b, progression=True) for b in imported]) != expected
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
    from deskbreak.core.history.progression import ladders_for

    history = daily(30, ("walk-around", "plank")) + [session(day, ("knee-to-chest",), number=2) for day in range(10)] + [
        session(31, ("plank", "walk-around"), outcome="hurt", completed=False)]
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        store.import_breaks(history)
        some = store.breaks_with_exercises(ladders_for(CATALOG))
        assert len(some) == 31 < len(store.breaks())
        assert progression(CATALOG, some) == progression(CATALOG, store.breaks())
        assert store.breaks_with_exercises([]) == []
    assert "plank" in ladders_for(CATALOG) and "walk-around" not in ladders_for(CATALOG)


def test_the_kept_walk_brought_up_to_date_gives_what_a_walk_from_the_start_gives(tmp_path, monkeypatch):
    from deskbreak.core.history.progression import KeptProgression, ladders_for

    ladders = ladders_for(CATALOG)
    kept = KeptProgression()
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        reads = []
        real = store.breaks_with_exercises
        monkeypatch.setattr(store, "breaks_with_exercises", lambda ids, after_id=0: reads.append(after_id) or real(
            ids, after_id))

        def up_to_date():
            known = kept.up_to_date(store, ladders)
            assert known.progress == progression(CATALOG, store.breaks()) and known.ladders == ladders
            return known.progress

        store.import_breaks(daily(10, ("plank", "walk-around")))
        up_to_date()
        for day in range(10, 30):  # a break at a time, as the app writes them
            store.import_breaks([session(day, ("plank", "table-top-hold"), sore_back=15 <= day < 20)])
            up_to_date()
        assert reads[1:] == sorted(reads[1:]) and reads[-1] > 0, "only the breaks written since were read"
        # A break in progress is left out until it ends (how it ends may be a hurt).
        open_break = store.start_break("sit", "core", START + timedelta(days=30), START + timedelta(days=30))
        store.record_exercise(open_break, "plank", 60, True, START + timedelta(days=30, minutes=1))
        store.import_breaks([session(31)])
        up_to_date()
        store.finish_break(open_break, START + timedelta(days=30, minutes=2), "hurt")
        assert up_to_date()["plank"].since == START + timedelta(days=30, minutes=1)
        # An import of older breaks: walked again from the start.
        store.import_breaks([session(day, number=3) for day in range(0, 9)])
        assert up_to_date()["plank"].seconds == progression(CATALOG, store.breaks())["plank"].seconds
        assert reads[-1] == 0
        # Another hold length climbs another ladder: walked again for it.
        assert kept.up_to_date(store, ladders_for(CATALOG, "long")).progress == progression(
            CATALOG, store.breaks(), "long")
