"""The break session without Qt: a fake clock, a fake window, the real history, whole days in milliseconds."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from deskbreak.core import commands as cmd
from deskbreak.core import session as session_module
from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.clock import FakeClock
from deskbreak.core.scheduling.engine import BreakHeld, BreakPostponed, Refused, State
from deskbreak.core.history import HistoryStore, honest_outcome
from deskbreak.core.kinds import BreakKind, Outcome
from deskbreak.core.session import BreakAnnounced, BreakClosed, BreakSession, BreakShown, SettingsApplied
from deskbreak.core.settings import Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.core.content.timeline import routine_seconds
from support.fakes import SettableIdle
from support.own_exercises import WALL_CALF

MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
CATALOG = load_catalog()


class FakeWindow:
    """Plays a break's exercises as the break window reports them to the session."""

    def __init__(self, session: BreakSession, plan):
        self.session = session
        self.ids = plan.exercise_ids
        self.next = 0
        self.under_way_s = 0.0

    def do(self, seconds: float = 60.0, completed: bool = True) -> None:
        self.session.exercise_done(self.ids[self.next], seconds, completed)
        self.next += 1

    def stop_routine(self) -> None:
        """The exercise under way when the break is ended from outside, with its seconds."""
        if self.next < len(self.ids) and self.under_way_s:
            self.do(self.under_way_s, completed=False)
        self.under_way_s = 0.0


class Desk:
    """A session on a profile folder, with what it emitted and the window a BreakShown opened."""

    opened: list[Desk] = []

    def __init__(self, folder, clock: FakeClock | None = None, holds=lambda now: None, history_writer=None,
                 user_files: bool = False, **settings):
        self.folder = folder
        self.clock = clock or FakeClock(MONDAY_9)
        self.idle = SettableIdle()
        self.events: list = []
        self.window: FakeWindow | None = None
        self.store = SettingsStore(folder / "settings.toml",
                                   Settings.defaults().with_values(**{"lead_in": "1s", "runs": {}, **settings}))
        self.session = BreakSession(store=self.store, catalog=CATALOG, clock=self.clock,
                                    history=HistoryStore(folder / "history.sqlite3"), idle=self.idle,
                                    history_writer=history_writer, holds=holds, on_events=self._render,
                                    stop_routine=self._stop_routine,
                                    # The profile's own exercises and routines, when the test writes them.
                                    exercises_path=folder / "exercises.toml" if user_files else None,
                                    routines_path=folder / "routines.toml" if user_files else None)

        Desk.opened.append(self)

    def _render(self, events) -> None:
        self.events.extend(events)
        for event in events:
            if isinstance(event, BreakShown):
                self.window = FakeWindow(self.session, event.plan)
            elif isinstance(event, (BreakClosed, BreakPostponed)):
                self.window = None

    def _stop_routine(self) -> None:
        if self.window is not None:
            self.window.stop_routine()

    def until(self, moment: datetime) -> None:
        while self.clock.now() < moment:
            self.clock.advance(min(30, (moment - self.clock.now()).total_seconds()))
            self.session.step()

    def settled(self) -> None:
        """Wait until the history writer has done everything queued (the grown holds worked out included)."""
        self.session.history_writer.submit("wait", lambda store: None).result(timeout=5)

    def of(self, kind) -> list:
        return [event for event in self.events if isinstance(event, kind)]

    def records(self):
        """The history once every write queued is done."""
        self.session.close()
        with HistoryStore(self.folder / "history.sqlite3") as store:
            return store.breaks()

    def finish(self, outcome: Outcome = Outcome.COMPLETED) -> None:
        """The window ends its routine (it has reported every exercise it ended)."""
        self.window = None
        self.session.finish_break(outcome)


@pytest.fixture(autouse=True)
def closed_after_the_test():
    """Every session a test opens is closed after it: no history writer's thread outlives its test."""
    yield
    while Desk.opened:
        Desk.opened.pop().session.close()


@pytest.fixture
def desk(tmp_path):
    return Desk(tmp_path)


# -- a break from due to recorded ----------------------------------------------------


def test_a_prelude_announces_the_plan_and_the_due_break_shows_the_same_plan(desk):
    desk.until(MONDAY_9 + timedelta(minutes=29))
    [announced] = desk.of(BreakAnnounced)
    plan = announced.plan
    assert plan.featured == ("Split hip stretch",)
    assert plan.exercise_ids == ["walk-around", "shoulder-circles", "split-hip-stretch"]
    assert plan.seconds == routine_seconds(CATALOG, CATALOG.routine("sit-break"), desk.store.settings)
    assert plan.end_allowed and plan.skips_left == 3
    desk.until(MONDAY_9 + timedelta(minutes=30))
    [shown] = desk.of(BreakShown)
    assert shown.plan is plan, "planned once, carried on both events"
    assert desk.session.engine.status(desk.clock.now()).state == State.ON_BREAK


def test_each_break_is_planned_once(desk, monkeypatch):
    planned = []
    real = session_module.break_exercise_ids
    monkeypatch.setattr(session_module, "break_exercise_ids", lambda *a: planned.append(a) or real(*a))
    desk.until(MONDAY_9 + timedelta(minutes=30))
    desk.window.do()
    desk.session.apply(cmd.Postpone())
    desk.until(MONDAY_9 + timedelta(minutes=36))
    assert len(desk.of(BreakShown)) == 2, "the postponed break came back"
    assert len(planned) == 1


def test_a_held_break_waits_and_starts_when_the_hold_ends(tmp_path):
    reason = {"now": "fullscreen"}
    desk = Desk(tmp_path, holds=lambda now: reason["now"])
    desk.until(MONDAY_9 + timedelta(minutes=31))
    assert [e.reason for e in desk.of(BreakHeld)] == ["fullscreen"]
    assert desk.of(BreakAnnounced) == [] and desk.of(BreakShown) == []
    assert desk.session.status_report()["holding_for"] == "fullscreen"
    reason["now"] = None
    desk.clock.advance(10)
    desk.session.step()
    assert len(desk.of(BreakShown)) == 1


def test_a_break_done_to_the_end_is_recorded_completed_with_its_exercises(desk):
    desk.until(MONDAY_9 + timedelta(minutes=30))
    for _ in range(3):
        desk.window.do()
    desk.finish()
    [closed] = desk.of(BreakClosed)
    assert closed.outcome == Outcome.COMPLETED
    [record] = desk.records()
    assert record.outcome == "completed" and record.kind == "sit"
    assert [e.exercise_id for e in record.exercises] == ["walk-around", "shoulder-circles", "split-hip-stretch"]
    assert all(e.completed for e in record.exercises)


def test_this_hurts_is_recorded_with_the_exercise_it_stopped(desk):
    desk.session.apply(cmd.StartBreak())
    desk.window.do()
    desk.window.do(5, completed=False)
    desk.finish(Outcome.HURT)
    [record] = desk.records()
    assert record.outcome == "hurt"
    assert [(e.exercise_id, e.completed) for e in record.exercises] == [
        ("walk-around", True), ("shoulder-circles", False)]


def test_a_postponed_break_records_the_exercise_under_way_and_comes_back(desk):
    desk.until(MONDAY_9 + timedelta(minutes=30))
    desk.window.under_way_s = 20
    desk.session.apply(cmd.Postpone())
    assert desk.window is None
    assert desk.session.status_report()["text"] == "Sit-break postponed until 09:35"
    desk.until(MONDAY_9 + timedelta(minutes=35))
    desk.session.apply(cmd.Skip())
    records = desk.records()
    assert [r.outcome for r in records] == ["postponed", "skipped"]
    assert [(e.exercise_id, e.completed, e.seconds) for e in records[0].exercises] == [("walk-around", False, 20)]


def test_a_break_missed_in_the_prelude_is_recorded_unshown(desk):
    desk.until(MONDAY_9 + timedelta(minutes=29, seconds=30))
    desk.session.apply(cmd.Skip())
    [record] = desk.records()
    assert record.outcome == "skipped" and record.shown_at is None


def test_quitting_mid_break_closes_the_history_row(desk):
    desk.session.apply(cmd.StartBreak())
    desk.session.settle_for_quit()
    [record] = desk.records()
    assert record.outcome == "missed" and record.note == "deskbreak quit during the break"


def test_quitting_after_an_exercise_is_partial_not_missed(desk):
    desk.session.apply(cmd.StartBreak())
    desk.window.do()
    desk.window.under_way_s = 4
    desk.session.settle_for_quit()
    [record] = desk.records()
    assert record.outcome == "partial"
    # The exercise under way when deskbreak quit is kept, with its seconds (found in review).
    assert [(e.exercise_id, e.completed) for e in record.exercises] == [
        ("walk-around", True), ("shoulder-circles", False)]
    assert record.exercises[1].seconds > 0


def test_next_through_every_exercise_is_recorded_as_skipped_not_completed(desk):
    desk.session.apply(cmd.StartBreak())
    for _ in range(3):
        desk.window.do(5, completed=False)
    desk.finish(Outcome.COMPLETED)  # the window's view: its last exercise ended
    [record] = desk.records()
    assert record.outcome == "skipped"
    assert (record.exercises_done, record.exercises_planned) == (0, 3)
    assert [e.completed for e in record.exercises] == [False, False, False]


def test_a_break_ended_after_one_exercise_is_partial_out_of_the_planned_three(desk):
    desk.session.apply(cmd.StartBreak())
    desk.window.do()
    desk.finish(Outcome.SKIPPED)
    [record] = desk.records()
    assert record.outcome == "partial"
    assert (record.exercises_done, record.exercises_planned) == (1, 3)


@pytest.mark.parametrize("ended_as, planned, done, recorded", [
    (Outcome.COMPLETED, 3, 3, Outcome.COMPLETED),
    (Outcome.COMPLETED, 3, 0, Outcome.SKIPPED),
    (Outcome.COMPLETED, 3, 1, Outcome.PARTIAL),
    (Outcome.SKIPPED, 3, 0, Outcome.SKIPPED),
    (Outcome.SKIPPED, 3, 2, Outcome.PARTIAL),
    (Outcome.MISSED, 3, 0, Outcome.MISSED),
    (Outcome.MISSED, 3, 1, Outcome.PARTIAL),
    (Outcome.HURT, 3, 1, Outcome.HURT),
])
def test_the_outcome_is_decided_once_by_what_the_exercises_say(tmp_path, ended_as, planned, done, recorded):
    assert honest_outcome(ended_as, planned, done) == recorded
    desk = Desk(tmp_path)
    desk.session.apply(cmd.StartBreak())
    assert len(desk.of(BreakShown)[0].plan.exercises) == planned
    for _ in range(done):
        desk.window.do()
    if ended_as == Outcome.MISSED:
        desk.session.settle_for_quit()
    else:
        desk.finish(ended_as)
        [closed] = desk.of(BreakClosed)
        assert closed.outcome == recorded
    [record] = desk.records()
    assert record.outcome == recorded.value


def test_a_routine_of_no_exercises_is_never_completed():
    assert honest_outcome(Outcome.COMPLETED, 0, 0) == Outcome.SKIPPED


def test_a_natural_break_is_recorded_with_its_length(desk):
    left = desk.clock.now()
    while desk.clock.now() < left + timedelta(minutes=12):
        desk.clock.advance(30)
        desk.idle.seconds = (desk.clock.now() - left).total_seconds()
        desk.session.step()
    desk.clock.advance(30)
    desk.idle.seconds = 1.0
    desk.session.step()
    [natural] = [r for r in desk.records() if r.kind == "natural"]
    assert natural.outcome == "natural" and natural.note == "away from the desk for 13 min"
    assert (natural.shown_at, natural.ended_at) == (left, desk.clock.now())


def test_stretch_now_starts_the_break_that_works_the_neglected_muscle_groups(desk):
    desk.session.start_break_for(["hamstrings"])  # no sit-break group works them; the back-care routine does
    assert desk.of(BreakShown)[-1].plan.brk.kind.label == "Back-care routine"
    desk.finish(Outcome.SKIPPED)
    desk.session.start_break_for(["upper_back"])
    plan = desk.of(BreakShown)[-1].plan
    assert plan.brk.kind.label == "Sit-break"
    assert any("upper_back" in desk.session.catalog.exercise(e).targets for e in plan.exercise_ids)


def test_a_refused_command_is_an_event_and_a_prompted_break_in_strict_mode_cannot_be_ended(tmp_path):
    desk = Desk(tmp_path, strict=True)
    desk.until(MONDAY_9 + timedelta(minutes=30))
    assert not desk.of(BreakShown)[0].plan.end_allowed
    desk.session.apply(cmd.Skip())
    assert [e.reason for e in desk.of(Refused)] == ["Strict mode: breaks cannot be skipped"]
    desk.session.apply(cmd.StartBreak(BreakKind.EVENING))  # nothing: a break is under way
    assert desk.session.engine.status(desk.clock.now()).state == State.ON_BREAK


def test_a_break_the_user_started_can_always_be_ended(tmp_path):
    desk = Desk(tmp_path, strict=True)
    desk.session.apply(cmd.StartBreak(BreakKind.EVENING))
    assert desk.of(BreakShown)[0].plan.end_allowed
    desk.finish(Outcome.SKIPPED)
    assert desk.session.engine.status(desk.clock.now()).state == State.WAITING


def test_a_schedule_setting_changed_moves_the_announced_break_and_says_its_notice_is_stale(desk):
    desk.until(MONDAY_9 + timedelta(minutes=29))
    desk.store.set("sit_interval", "45m")
    [applied] = desk.of(SettingsApplied)
    assert applied.notice_withdrawn
    assert desk.session.engine.next_sit_break(desk.clock.now()) == MONDAY_9 + timedelta(minutes=45)
    desk.store.set("volume", 30)
    assert len(desk.of(SettingsApplied)) == 1, "only the schedule's keys concern the session"


def test_the_done_view_reads_what_today_has_worked(desk):
    history = desk.session.history
    earlier = history.record_break("sit", "sit-break", MONDAY_9, MONDAY_9, MONDAY_9, "completed")
    history.record_exercise(earlier, "knee-to-chest", 60, True, MONDAY_9)
    history.record_exercise(earlier, "glute-bridge", 5, False, MONDAY_9)  # skipped: not counted
    assert desk.session.targets_worked_today(desk.clock.now()) == ["lower_back"]


def test_the_days_discipline_outlives_the_session(tmp_path):
    first = Desk(tmp_path)
    first.until(MONDAY_9 + timedelta(minutes=30))
    first.session.apply(cmd.Skip())
    first.session.close()
    again = Desk(tmp_path, clock=first.clock)
    assert again.session.status_report()["skips_left"] == 2


# -- whole days -----------------------------------------------------------------------


def test_a_whole_day_of_breaks_done_is_recorded_break_by_break(desk):
    """Eight hours at the desk, every break played to the end the moment it shows."""
    end = MONDAY_9 + timedelta(hours=8)
    while desk.clock.now() < end:
        desk.clock.advance(30)
        desk.session.step()
        if desk.window is not None:
            while desk.window.next < len(desk.window.ids):
                desk.window.do()
            desk.finish()
    shown = desk.of(BreakShown)
    assert len(shown) >= 8
    assert [p.plan.brk.sequence for p in shown] == list(range(len(shown))), "the rotation goes on all day"
    records = desk.records()
    assert [r.outcome for r in records] == ["completed"] * len(shown)
    assert [r.exercises_planned for r in records] == [len(p.plan.exercises) for p in shown]
    assert len(desk.of(BreakAnnounced)) == len(shown)


def test_a_whole_day_of_postpones_skips_and_quits_keeps_one_row_per_showing(desk):
    """Every break is first put off, then skipped while the budget lasts, then done in part."""
    end = MONDAY_9 + timedelta(hours=6)
    put_off = set()
    while desk.clock.now() < end:
        desk.clock.advance(30)
        desk.session.step()
        window = desk.window
        if window is None:
            continue
        current = desk.session.engine.status(desk.clock.now()).current
        if current not in put_off:
            put_off.add(current)
            window.under_way_s = 10
            desk.session.apply(cmd.Postpone())
        elif desk.session.engine.skips_left(desk.clock.now()):
            desk.session.apply(cmd.Skip())
        else:  # no End break now: the user walks away from the routine after one exercise
            assert not desk.of(BreakShown)[-1].plan.end_allowed
            window.do()
            for _ in window.ids[1:]:
                window.do(5, completed=False)
            desk.finish(Outcome.COMPLETED)
    desk.session.settle_for_quit()
    shown, closed = desk.of(BreakShown), desk.of(BreakClosed)
    records = desk.records()
    assert len(records) == len(shown) + len([c for c in closed if c.brk not in {s.plan.brk for s in shown}])
    outcomes = [r.outcome for r in records]
    assert outcomes.count("skipped") == 3, "the day's budget"
    assert "partial" in outcomes and "postponed" in outcomes
    assert all(r.ended_at is not None for r in records), "every row closed"


# -- never a routine behind the lock screen (issue 18, item 7) ---------------------------


def test_a_session_started_behind_the_lock_shows_nothing_until_the_unlock(tmp_path):
    desk = Desk(tmp_path, away_policy="ignore")
    desk.session.locked = True  # asked at start, before the first step
    desk.until(MONDAY_9 + timedelta(minutes=45))
    assert desk.of(BreakAnnounced) == [] and desk.of(BreakShown) == []
    assert "locked" in desk.session.status_report()["holding_for"]
    desk.session.locked = False
    desk.session.step()
    assert len(desk.of(BreakShown)) == 1


def test_exercises_that_end_behind_the_lock_are_not_counted_as_done(desk):
    desk.until(MONDAY_9 + timedelta(minutes=30))
    desk.window.do()
    desk.session.locked = True  # the screen locks mid-break: the window plays on to nobody
    desk.window.do()
    desk.session.locked = False
    desk.window.do()  # under way when the lock came: not seen through either
    desk.finish()
    [closed] = desk.of(BreakClosed)
    assert closed.outcome == Outcome.PARTIAL
    [record] = desk.records()
    assert record.outcome == "partial"
    assert [e.completed for e in record.exercises] == [True, False, False]


def test_a_routine_played_entirely_behind_the_lock_is_missed_never_completed(desk):
    desk.until(MONDAY_9 + timedelta(minutes=30))
    desk.session.locked = True
    for _ in range(3):
        desk.window.do()
    desk.finish()
    [closed] = desk.of(BreakClosed)
    assert closed.outcome == Outcome.MISSED
    assert desk.records()[0].outcome == "missed"


def test_a_break_asked_for_while_locked_and_played_through_is_missed(desk):
    desk.session.locked = True
    desk.session.apply(cmd.StartBreak())  # `deskbreak break` from another machine: the user asked
    for _ in range(3):
        desk.window.do()
    desk.finish()
    assert desk.of(BreakClosed)[0].outcome == Outcome.MISSED


# -- holds that grow -----------------------------------------------------------------


def _three_weeks_of(folder, exercise_id: str, days: tuple[int, ...] = tuple(range(21, 0, -1))) -> None:
    with HistoryStore(folder / "history.sqlite3") as history:
        for day in days:
            at = MONDAY_9 - timedelta(days=day)
            row = history.start_break("sit", "sit-break", at, at, 1, progression=True)
            history.record_exercise(row, exercise_id, 60, True, at)
            history.finish_break(row, at + timedelta(minutes=2), "completed")


def _split_hold(plan) -> set[float]:
    return {s.seconds for s in plan.segments if s.exercise.id == "split-hip-stretch" and s.kind.value == "hold"}


def test_a_break_plays_the_holds_the_history_has_grown(tmp_path):
    _three_weeks_of(tmp_path, "split-hip-stretch")
    desk = Desk(tmp_path)
    desk.settled()
    desk.until(MONDAY_9 + timedelta(minutes=30))
    [shown] = desk.of(BreakShown)
    assert _split_hold(shown.plan) == {25.0}  # 20 -> 23 -> 25 (at most 15 % a week), within the document's 20-30
    assert shown.plan.holds == {"split-hip-stretch": 25}


def test_planning_a_break_and_the_menus_lengths_read_no_history(tmp_path, monkeypatch):
    """The holds are kept in memory: worked out on the writer's thread, never read on the caller's."""
    _three_weeks_of(tmp_path, "split-hip-stretch")
    desk = Desk(tmp_path)
    desk.settled()
    reads = []
    for name in ("breaks", "breaks_with_exercises", "summary"):
        monkeypatch.setattr(desk.session.history, name, lambda *args, name=name: reads.append(name))
    lengths = desk.session.routine_lengths(desk.clock.now())
    desk.until(MONDAY_9 + timedelta(minutes=30))
    [shown] = desk.of(BreakShown)
    assert reads == []
    assert shown.plan.holds == {"split-hip-stretch": 25}
    assert lengths[BreakKind.SIT] == shown.plan.seconds


def test_until_the_holds_are_worked_out_the_articles_play(tmp_path):
    from deskbreak.core.history.writer import HistoryWriter
    import threading

    _three_weeks_of(tmp_path, "split-hip-stretch")
    writer = HistoryWriter.for_file(tmp_path / "history.sqlite3")
    busy = threading.Event()
    writer.submit("be busy", lambda store: busy.wait(5))
    desk = Desk(tmp_path, history_writer=writer)
    desk.until(MONDAY_9 + timedelta(minutes=30))
    [shown] = desk.of(BreakShown)
    assert shown.plan.holds == {} and _split_hold(shown.plan) == {20.0}
    busy.set()
    desk.settled()
    assert desk.session.todays_holds() == {"split-hip-stretch": 25}


@pytest.mark.parametrize("setting", [{"progression": False}, {"sore_back": True}])
def test_progression_off_or_a_sore_back_plays_the_documents_holds(tmp_path, setting):
    _three_weeks_of(tmp_path, "split-hip-stretch")
    desk = Desk(tmp_path, **setting)
    desk.settled()
    desk.until(MONDAY_9 + timedelta(minutes=30))
    [shown] = desk.of(BreakShown)
    assert shown.plan.holds == {}
    if "split-hip-stretch" in shown.plan.exercise_ids:
        assert _split_hold(shown.plan) == {20.0}


@pytest.mark.parametrize("setting", [{"sore_back": True}, {"progression": False}, {}])
def test_a_break_records_whether_a_sore_back_and_progression_were_set(tmp_path, setting):
    desk = Desk(tmp_path, **setting)
    desk.until(MONDAY_9 + timedelta(minutes=30))
    for _ in desk.window.ids:
        desk.window.do()
    desk.finish()
    [record] = desk.records()
    assert record.outcome == "completed"
    assert record.sore_back is setting.get("sore_back", False)
    assert record.progression is setting.get("progression", True)


def test_a_completed_break_says_which_holds_grew(tmp_path):
    _three_weeks_of(tmp_path, "split-hip-stretch", days=(8, 4))
    desk = Desk(tmp_path)
    desk.settled()
    desk.until(MONDAY_9 + timedelta(minutes=30))
    assert desk.of(BreakShown)[0].plan.holds == {}
    for _ in desk.window.ids:
        desk.window.do()
    desk.finish()
    desk.settled()  # behind every write of the break, and the holds brought up to date
    assert [(g.exercise_id, g.seconds, g.was) for g in desk.session.holds_grown()] == [("split-hip-stretch", 23, 20)]
    assert desk.session.todays_holds() == {"split-hip-stretch": 23}


def test_the_holds_follow_the_hold_length_setting_without_reading_on_the_callers_thread(tmp_path):
    _three_weeks_of(tmp_path, "split-hip-stretch")
    desk = Desk(tmp_path)
    desk.settled()
    assert desk.session.todays_holds() == {"split-hip-stretch": 25}
    desk.store.set("hold_length", "long")  # 30 s, the top of the range: nothing left to grow
    assert desk.session.todays_holds() == {}, "until worked out again, the articles' holds"
    desk.settled()
    assert desk.session.todays_holds() == {}
    desk.store.set("hold_length", "short")
    desk.settled()
    assert desk.session.todays_holds() == {"split-hip-stretch": 25}

# -- the user's own exercises ------------------------------------------------------------



def test_a_users_exercise_is_played_in_a_break_recorded_and_found_in_the_stats_by_name(tmp_path):
    from deskbreak.core.content.guide import Kind
    from deskbreak.core.history.stats import stats_for

    (tmp_path / "exercises.toml").write_text(WALL_CALF, encoding="utf-8")
    (tmp_path / "routines.toml").write_text('[sit-break]\nexercises = ["wall-calf-stretch"]\nrotation = []\n',
                                            encoding="utf-8")
    desk = Desk(tmp_path, user_files=True)
    assert desk.session.startup_problems == []
    desk.until(MONDAY_9 + timedelta(minutes=30))
    [shown] = desk.of(BreakShown)
    assert shown.plan.exercise_ids == ["wall-calf-stretch"]
    assert shown.plan.featured == ("Wall calf stretch",)
    holds = [(s.side, s.seconds) for s in shown.plan.segments if s.kind == Kind.HOLD]
    assert holds == [("right", 30), ("left", 30)]
    desk.window.do(65.0)
    desk.finish()
    catalog, settings = desk.session.catalog, desk.store.settings
    [recorded] = desk.records()
    assert recorded.outcome == "completed"
    assert [e.exercise_id for e in recorded.exercises] == ["wall-calf-stretch"]
    report = stats_for([recorded], catalog, settings, first=MONDAY_9.date(), last=MONDAY_9.date())
    assert [(e.name, e.done) for e in report.exercises] == [("Wall calf stretch", 1)]
    assert report.minutes_by_target["legs"] > 1
    # Deleted from the file later: the history still shows it, by its id.
    gone = stats_for([recorded], CATALOG, settings, first=MONDAY_9.date(), last=MONDAY_9.date())
    assert [(e.name, e.done) for e in gone.exercises] == [("wall-calf-stretch", 1)]


def test_an_added_exercise_joins_the_catalog_and_a_routine_at_once(tmp_path):
    from deskbreak.core.content.user_routines import with_routine_exercises

    desk = Desk(tmp_path, user_files=True)
    entry = {"id": "desk-squeeze", "name": "Desk squeeze", "pose": "glute-bridge", "targets": ["glutes"],
             "steps": ["Squeeze.", "Let go."], "reps": 10, "rep_hold": "3s"}
    added = desk.session.add_user_exercise(entry)
    assert added.is_users_own and desk.session.catalog.exercise("desk-squeeze") == added
    assert "desk-squeeze" in desk.session.default_catalog.exercises
    sit = desk.session.catalog.routine("sit-break")
    desk.session.save_routines({"sit-break": with_routine_exercises(sit, ["desk-squeeze"], [])})
    desk.until(MONDAY_9 + timedelta(minutes=30))
    assert desk.of(BreakShown)[0].plan.exercise_ids == ["desk-squeeze"]
    # A second session on the same profile (the next start) finds both files as they were written.
    again = Desk(tmp_path, user_files=True)
    assert again.session.startup_problems == []
    assert again.session.catalog.routine("sit-break").exercises == ("desk-squeeze",)


def test_a_bad_exercise_is_refused_naming_its_keys_and_nothing_is_written(tmp_path):
    from deskbreak.core.content.user_exercises import UserExercisesError

    desk = Desk(tmp_path, user_files=True)
    with pytest.raises(UserExercisesError) as raised:
        desk.session.add_user_exercise({"id": "walk-around", "name": "Walk", "pose": "nope", "targets": ["legs"],
                                        "steps": ["Walk."], "hold": "30s"})
    message = str(raised.value)
    assert "exercises.toml" in message and "'id'" in message and "'pose'" in message
    assert not (tmp_path / "exercises.toml").exists()


def test_a_hand_edit_of_exercises_toml_is_reloaded_and_a_broken_one_keeps_nothing_stale(tmp_path):
    desk = Desk(tmp_path, user_files=True)
    path = tmp_path / "exercises.toml"
    path.write_text(WALL_CALF, encoding="utf-8")
    changed, problems = desk.session.reload_routines()
    assert changed and problems == [] and "wall-calf-stretch" in desk.session.catalog.exercises
    path.write_text(WALL_CALF.replace('hold = "30s"', 'hold = "45s"'), encoding="utf-8")
    changed, _ = desk.session.reload_routines()
    assert changed and desk.session.catalog.exercise("wall-calf-stretch").hold_s.low == 45
    path.write_text("[[exercise]\n", encoding="utf-8")
    changed, problems = desk.session.reload_routines()
    assert changed and len(problems) == 1 and str(path) in problems[0]
    assert path.read_text(encoding="utf-8") == "[[exercise]\n"


def test_settings_and_exercises_export_and_import_together(tmp_path):
    import tomllib

    home, other = tmp_path / "home", tmp_path / "other"
    home.mkdir()
    other.mkdir()
    (home / "exercises.toml").write_text(WALL_CALF, encoding="utf-8")
    desk = Desk(home, user_files=True, daily_goal=60)
    exported = tmp_path / "deskbreak-settings.toml"
    desk.session.export_settings(exported)
    document = tomllib.loads(exported.read_text(encoding="utf-8"))
    assert document["daily_goal"] == 60 and document["exercise"][0]["id"] == "wall-calf-stretch"

    there = Desk(other, user_files=True)
    changed, report = there.session.import_settings(exported)
    assert "daily_goal" in changed and there.store.settings.daily_goal == 60
    assert report.added == ["wall-calf-stretch"] and report.replaced == [] and report.problems == []
    assert there.session.catalog.exercise("wall-calf-stretch").hold_s.low == 30
    # Imported again after a change: the exercise of the same id is replaced, not doubled.
    (home / "exercises.toml").write_text(WALL_CALF.replace('hold = "30s"', 'hold = "40s"'), encoding="utf-8")
    desk.session.export_settings(exported)
    _, report = there.session.import_settings(exported)
    assert report.replaced == ["wall-calf-stretch"] and report.added == []
    assert there.session.catalog.exercise("wall-calf-stretch").hold_s.low == 40
    assert len(tomllib.loads((other / "exercises.toml").read_text(encoding="utf-8"))["exercise"]) == 1


def test_a_settings_file_exported_before_exercises_still_imports(tmp_path):
    old_export = tmp_path / "old.toml"
    old_export.write_text('daily_goal = 70\nsit_interval = "40m"\n', encoding="utf-8")
    desk = Desk(tmp_path, user_files=True)
    changed, report = desk.session.import_settings(old_export)
    assert {"daily_goal", "sit_interval"} <= changed and report.added == [] and report.problems == []
    assert not (tmp_path / "exercises.toml").exists()
