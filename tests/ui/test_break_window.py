"""The break window, driven by a fake clock and direct ticks (no real waiting)."""

from __future__ import annotations

from dataclasses import replace

import pytest
import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from deskbreak.core.content.catalog import Exercise, Range, Source, Suggested
from deskbreak.core.clock import FakeClock
from deskbreak.core.settings import Settings
from deskbreak.ui.break_window import DONE_HEADLINE, SAFETY_FOOTER, BreakWindow, window_size

SETTINGS = Settings.defaults().with_values(lead_in="1s")


def make_exercise(id="test-hold", name="Test hold", **figures) -> Exercise:
    base = Exercise(
        id=id,
        name=name,
        targets=("hip_flexors", "glutes"),
        place="floor",
        steps=("Lie on your back on the mat.", "Breathe out slowly."),
        source=Source("doc.txt", "Hold it."),
        hold_s=Range(2, 2),
    )
    return replace(base, **figures)


class Recorder:
    """Every signal of one window, in order."""

    def __init__(self, window: BreakWindow) -> None:
        self.done: list[tuple[str, float, bool]] = []
        self.ended: list[str] = []
        self.finished: list[str] = []
        self.postponed = 0
        self.destroyed = False
        window.exerciseDone.connect(lambda *args: self.done.append(args))
        window.segmentEnded.connect(self.ended.append)
        window.finished.connect(self.finished.append)
        window.postponeRequested.connect(self._postpone)
        window.destroyed.connect(self._destroyed)

    def _postpone(self) -> None:
        self.postponed += 1

    def _destroyed(self) -> None:
        self.destroyed = True


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def open_window(qtbot, clock):
    """Start a break window; whatever is still open at the end is closed quietly."""
    windows: list[BreakWindow] = []

    def open_(exercises, **options) -> tuple[BreakWindow, Recorder]:
        options.setdefault("title", "Sit-break")
        options.setdefault("settings", SETTINGS)
        window = BreakWindow(exercises=exercises, clock=clock, **options)
        recorder = Recorder(window)
        windows.append(window)
        window.start()
        return window, recorder

    yield open_
    for window in windows:
        if shiboken6.isValid(window):
            window.close_quietly()
    QApplication.sendPostedEvents(None, 0)


def run(window: BreakWindow, clock: FakeClock, seconds: float, step: float = 0.5) -> None:
    """Let ``seconds`` pass, ticking as the timer would."""
    while seconds > 1e-9:
        clock.advance(min(step, seconds))
        seconds -= step
        window.tick()


def shown(window: BreakWindow, name: str) -> bool:
    widget = window.findChild(QWidget, name)
    return widget is not None and widget.isVisible()


def label(window: BreakWindow, name: str) -> str:
    return window.findChild(QLabel, name).text()


def button(window: BreakWindow, name: str) -> QPushButton:
    return window.findChild(QPushButton, name)


def test_a_routine_runs_to_the_end_and_the_window_goes_away(qtbot, clock, open_window):
    first = make_exercise("first", "First", hold_s=Range(2, 2))
    second = make_exercise("second", "Second", hold_s=Range(3, 3))
    window, seen = open_window([first, second], auto_close_s=10)
    assert label(window, "exerciseName") == "First"
    assert shown(window, "routinePage") and shown(window, "safetyFooter")
    assert label(window, "safetyFooter") == SAFETY_FOOTER

    run(window, clock, 1 + 2 + 1 + 3)

    assert seen.finished == ["completed"]
    assert seen.done == [("first", 3.0, True), ("second", 4.0, True)]
    assert seen.ended == ["lead_in", "hold", "lead_in", "hold"]
    assert shown(window, "doneView") and not shown(window, "routinePage")
    assert label(window, "doneLabel") == DONE_HEADLINE
    assert label(window, "doneSummary").startswith("2 of 2 exercises done")
    window.tick()  # a late tick changes nothing
    assert seen.finished == ["completed"] and len(seen.done) == 2

    clock.advance(10)  # the done view's countdown runs on the same clock
    window.tick()
    qtbot.waitUntil(lambda: seen.destroyed, timeout=2000)
    assert not shiboken6.isValid(window)
    assert seen.finished == ["completed"]


def test_space_pauses_and_resumes_and_the_ring_stands_still(qtbot, clock, open_window):
    window, seen = open_window([make_exercise(hold_s=Range(10, 10))], key_guard_s=1.0)
    qtbot.keyClick(window, Qt.Key.Key_Space)  # typed mid-sentence as it popped up
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert not window.player.paused and seen.finished == [] and seen.done == []

    run(window, clock, 3)  # 1 s lead-in, then 2 s into the hold
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.player.paused
    assert button(window, "pauseButton").text() == "Resume"
    assert window.ring.caption == "PAUSED"
    frozen = window.ring.remaining
    assert frozen == pytest.approx(8)

    run(window, clock, 5)
    assert window.ring.remaining == pytest.approx(frozen)
    assert window.ring.value_text == "8"

    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not window.player.paused
    assert button(window, "pauseButton").text() == "Pause"
    run(window, clock, 1)
    assert window.ring.remaining == pytest.approx(frozen - 1)
    assert window.ring.caption == "HOLD"
    assert window.ring.accessibleName() == "Hold, 7 seconds left"


def test_typing_that_goes_on_as_the_window_appears_never_drives_it(qtbot, clock, open_window):
    # On Wayland the window takes the keyboard when it appears, in the middle of a sentence.
    window, seen = open_window([make_exercise(hold_s=Range(10, 10))], key_guard_s=1.5)
    for _ in range(15):  # a Space every 200 ms for 3 s: each one restarts the quiet period
        qtbot.keyClick(window, Qt.Key.Key_Space)
        clock.advance(0.2)
        window.tick()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.player.paused and seen.finished == [] and seen.done == []


def test_after_a_quiet_moment_space_pauses(qtbot, clock, open_window):
    window, seen = open_window([make_exercise(hold_s=Range(10, 10))], key_guard_s=1.5)
    for _ in range(3):  # 1.4 s apart: each key comes before the quiet is long enough
        qtbot.keyClick(window, Qt.Key.Key_Space)
        assert not window.player.paused
        clock.advance(1.4)
    clock.advance(0.1)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.player.paused
    qtbot.keyClick(window, Qt.Key.Key_Space)  # once turned to, the keys act at once
    assert not window.player.paused


def test_a_click_in_the_window_turns_the_keys_on_at_once(qtbot, clock, open_window):
    first, second = make_exercise("first", "First"), make_exercise("second", "Second")
    window, seen = open_window([first, second], key_guard_s=1.5)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not window.player.paused
    qtbot.mouseClick(window.findChild(QLabel, "exerciseName"), Qt.MouseButton.LeftButton)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.player.paused
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert label(window, "exerciseName") == "Second"


def test_space_presses_a_button_only_when_the_user_tabbed_to_it(qtbot, clock, open_window):
    first, second = make_exercise("first", "First"), make_exercise("second", "Second")
    window, seen = open_window([first, second], key_guard_s=0)
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    clock.advance(0.5)
    skip = button(window, "skipButton")
    # Focus that did not come from Tab (here: set by the program): Space still pauses.
    skip.setFocus(Qt.FocusReason.OtherFocusReason)
    assert QApplication.focusWidget() is skip
    qtbot.keyClick(skip, Qt.Key.Key_Space)
    assert window.player.paused and seen.done == []
    qtbot.keyClick(skip, Qt.Key.Key_Space)
    assert not window.player.paused

    # The user tabs from the window to "Next exercise": now Space presses it.
    window.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(window, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is button(window, "pauseButton")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is skip
    qtbot.keyClick(skip, Qt.Key.Key_Space)
    assert [(d[0], d[2]) for d in seen.done] == [("first", False)]
    assert not window.player.paused
    assert label(window, "exerciseName") == "Second"

    # Enter presses the focused button too; Right and Esc keep their meaning everywhere.
    qtbot.keyClick(skip, Qt.Key.Key_Return)
    assert [(d[0], d[2]) for d in seen.done] == [("first", False), ("second", False)]
    assert seen.finished == ["completed"]


def test_every_button_is_reachable_by_tab(open_window):
    window, _ = open_window([make_exercise()])
    for name in ("pauseButton", "skipButton", "hurtButton", "postponeButton", "endButton"):
        control = button(window, name)
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert control.accessibleName() == control.text()
    chain, widget = [], button(window, "pauseButton").nextInFocusChain()
    while widget is not button(window, "pauseButton") and len(chain) < 50:
        chain.append(widget.objectName())
        widget = widget.nextInFocusChain()
    order = [n for n in chain if n.endswith("Button") and n in
             ("skipButton", "hurtButton", "postponeButton", "endButton")]
    assert order == ["skipButton", "hurtButton", "postponeButton", "endButton"]


def test_right_skips_the_exercise_and_esc_ends_the_break(qtbot, clock, open_window):
    first = make_exercise("first", "First", hold_s=Range(5, 5))
    second = make_exercise("second", "Second", hold_s=Range(5, 5))
    window, seen = open_window([first, second], key_guard_s=1.0)
    run(window, clock, 2)  # 1 s lead-in, 1 s of the hold
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert seen.done == [("first", 2.0, False)]
    assert label(window, "exerciseName") == "Second"
    assert label(window, "cueLabel") == "Get into position"
    assert window.ring.caption == "GET READY"

    clock.advance(1.5)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert seen.finished == ["skipped"]
    assert seen.done[1][0] == "second" and seen.done[1][2] is False
    qtbot.waitUntil(lambda: seen.destroyed, timeout=2000)
    assert seen.finished == ["skipped"]


def test_skipping_the_last_exercise_reaches_the_end(qtbot, clock, open_window):
    window, seen = open_window([make_exercise()], key_guard_s=0, auto_close_s=60)
    clock.advance(0.5)
    button(window, "skipButton").click()
    assert seen.done == [("test-hold", 0.5, False)]
    assert seen.finished == ["completed"]
    assert shown(window, "doneView")
    assert label(window, "doneSummary") == "0 of 1 exercise done"
    assert label(window, "doneLabel") == "Break over."


def test_closing_the_window_from_the_title_bar_is_a_skip(qtbot, clock, open_window):
    window, seen = open_window([make_exercise()])
    clock.advance(0.4)
    window.close()
    assert seen.finished == ["skipped"]
    assert seen.done == [("test-hold", 0.4, False)]


def test_postpone_asks_and_close_quietly_says_nothing(qtbot, clock, open_window):
    window, seen = open_window([make_exercise()], postpone_label="Postpone 10 min")
    postpone = button(window, "postponeButton")
    assert postpone.text() == "Postpone 10 min"
    qtbot.mouseClick(postpone, Qt.MouseButton.LeftButton)
    assert seen.postponed == 1
    assert window.isVisible() and seen.finished == []

    window.close_quietly()
    qtbot.waitUntil(lambda: seen.destroyed, timeout=2000)
    assert seen.finished == [] and seen.done == []


def test_this_hurts_stops_and_shows_the_safety_notes(qtbot, clock, open_window, catalog):
    window, seen = open_window([make_exercise(hold_s=Range(20, 20))], safety=catalog.safety)
    run(window, clock, 4)
    qtbot.mouseClick(button(window, "hurtButton"), Qt.MouseButton.LeftButton)

    assert window.player.finished
    assert seen.done == [("test-hold", 4.0, False)]
    assert seen.finished == ["hurt"]
    assert shown(window, "safetyPanel") and not shown(window, "routinePage")
    texts = [w.text() for w in window.findChild(QWidget, "safetyPanel").findChildren(QLabel)
             if w.isVisible()]
    assert len(catalog.safety) >= 4
    for note in catalog.safety:
        assert note.text in texts
        # By the article's title; the file name only after it, where the line has room.
        assert note.source.title
        assert any(t.startswith(f"From {note.source.title}") for t in texts)
    assert any("see a doctor" in t and "hips or knees" in t for t in texts)
    assert any("dizzy" in t and "chest pain" in t for t in texts)

    run(window, clock, 30)  # the routine stays stopped
    assert seen.done == [("test-hold", 4.0, False)] and seen.ended == ["lead_in"]
    button(window, "safetyCloseButton").click()
    qtbot.waitUntil(lambda: seen.destroyed, timeout=2000)
    assert seen.finished == ["hurt"]


def test_labels_follow_a_per_side_two_rep_exercise(clock, open_window):
    stretch = make_exercise("stretch", "Stretch", hold_s=Range(8, 8), reps=Range(2, 2),
                            per_side=True, rest_s=1)
    after = make_exercise("after", "After", hold_s=Range(3, 3))
    window, seen = open_window([stretch, after])
    expected = [
        # seconds, cue, progress, next
        (1, "Get into position: right side", "Right side", "Next: Hold 8 s"),
        (8, "Hold 8 s", "Rep 1 of 2 · Right side", "Next: Rest 1 s"),
        (1, "Rest 1 s", "Right side", "Next: Hold 8 s, rep 2 of 2"),
        (8, "Hold 8 s", "Rep 2 of 2 · Right side", "Next: Switch to your left side"),
        (1, "Switch to your left side", "Left side", "Next: Hold 8 s"),
        (8, "Hold 8 s", "Rep 1 of 2 · Left side", "Next: Rest 1 s"),
        (1, "Rest 1 s", "Left side", "Next: Hold 8 s, rep 2 of 2"),
        (8, "Hold 8 s", "Rep 2 of 2 · Left side", "Next: After (3 s)"),
        (1, "Get into position", "", "Next: Hold 3 s"),
        (3, "Hold 3 s", "", "Last one"),
    ]
    seen_labels = []
    for seconds, *_ in expected:
        clock.advance(seconds / 2)
        window.tick()
        seen_labels.append((seconds, label(window, "cueLabel"), label(window, "progressLabel"),
                            label(window, "nextLabel")))
        clock.advance(seconds / 2)
        window.tick()
    assert seen_labels == expected
    assert seen.finished == ["completed"]
    assert seen.ended == ["lead_in", "hold", "rest", "hold", "switch", "hold", "rest", "hold",
                          "lead_in", "hold"]
    assert window.findChild(QLabel, "cueLabel").accessibleName() == "Hold 3 s"


def test_a_hold_grown_past_the_article_is_played_and_labelled_as_our_pacing(clock, open_window, catalog):
    plank = catalog.exercise("plank")
    window, _ = open_window([plank], holds={"plank": 70})
    assert {s.seconds for s in window.segments if s.kind.value == "hold"} == {70}
    pacing = label(window, "pacingLabel")
    assert "Our pacing:" in pacing and "hold 70 s" in pacing
    assert "Gradually add time as your core gets stronger." in pacing
    assert "hold 45-60 s" in label(window, "figuresLabel")  # the article's own figures stay as they are


def test_the_side_and_exercise_details_are_shown(clock, open_window, catalog):
    split = catalog.exercise("split-hip-stretch")
    window, _ = open_window([split])
    assert label(window, "exerciseName") == "Split hip stretch"
    assert label(window, "targetsLabel") == "Works: hip flexors, glutes"
    assert label(window, "placeLabel") == "Needs: step"
    assert window.figure_area.side == "right"
    assert "From the article:" in label(window, "figuresLabel")
    assert "hold 20-30 s, each side" in label(window, "figuresLabel")
    assert "Our pacing:" in label(window, "pacingLabel")
    assert split.suggested.note in label(window, "pacingLabel")
    assert "Keep the front knee behind your toes." in label(window, "cautionsLabel")
    assert shown(window, "cautionsCard") and shown(window, "cautionsLabel")
    assert split.source.quote in label(window, "sourceLabel")
    assert label(window, "citationLabel").startswith(f"\u2014 {split.source.title}")
    assert window.findChild(QLabel, "citationLabel").toolTip() == split.source.citation
    steps = [w.text() for w in window.findChild(QWidget, "stepsBox").findChildren(QLabel)]
    assert all(step in steps for step in split.steps) and "1" in steps

    run(window, clock, 1 + 20 + 5 + 20 + 0.5)  # right side twice, a release between; now the switch
    assert window.figure_area.side == "left"
    assert label(window, "cueLabel") == "Switch to your left side"


def test_the_figure_area_can_be_replaced(clock, open_window):
    class Figure(QWidget):
        def __init__(self):
            super().__init__()
            self.shown = []

        def show_exercise(self, exercise, side):
            self.shown.append((exercise.id, side))

    stretch = make_exercise("stretch", hold_s=Range(2, 2), per_side=True)
    window, _ = open_window([stretch])
    figure = Figure()
    window.replace_figure_area(figure)
    assert window.figure_area is figure and figure.parent() is not None
    assert window.findChild(QWidget, "figureArea") is figure and figure.isVisible()
    assert figure.shown == [("stretch", "right")]
    run(window, clock, 1 + 2 + 0.5)
    assert figure.shown[-1] == ("stretch", "left")


def test_counted_reps_show_the_rep_in_the_ring(clock, open_window):
    circles = make_exercise("circles", "Circles", hold_s=None,
                            suggested=Suggested(reps=10, pace_s=2, note="no number given"))
    window, _ = open_window([circles])
    run(window, clock, 1 + 4.5)  # a lead-in on the floor, then 2 s reps
    assert window.ring.value_text == "3" and window.ring.caption == "OF 10" and window.ring.unit == ""
    assert window.ring.accessibleName() == "Rep 3 of 10"
    assert label(window, "progressLabel") == "Rep 3 of 10"


def test_remaining_time_follows_the_clock_not_the_ticks(clock, open_window):
    first = make_exercise("first", "First", hold_s=Range(30, 30))
    second = make_exercise("second", "Second", hold_s=Range(30, 30))
    window, seen = open_window([first, second])
    clock.advance(1 + 10)  # no tick for eleven seconds
    window.tick()
    assert window.ring.remaining == pytest.approx(20)
    assert window.ring.value_text == "20"
    assert window.ring.fraction == pytest.approx(20 / 30)

    clock.advance(25)  # past the end of the hold, the lead-in, and into the next hold
    window.tick()
    assert seen.done == [("first", 31.0, True)]
    assert seen.ended == ["lead_in", "hold", "lead_in"]
    assert label(window, "exerciseName") == "Second"
    assert window.ring.remaining == pytest.approx(30 - 4)


def test_title_flags_and_placement(open_window):
    window, _ = open_window([make_exercise()], title="Pre-run glute activation")
    assert window.windowTitle() == "deskbreak: Pre-run glute activation"
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    assert window.isVisible()
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert area.contains(window.geometry())
    assert window.size() == window_size(area.size())
    assert window.width() <= area.width() * 0.92 and window.height() <= area.height() * 0.92
    # On a 1280x800 screen: room to spare around it, and two columns inside.
    assert window_size(QSize(1280, 800)) == QSize(1120, 736)
    assert window_size(QSize(1920, 1080)) == QSize(1120, 820)


def test_fonts_follow_the_system_font(open_window):
    window, _ = open_window([make_exercise()])
    base = QApplication.font().pointSizeF()
    name = window.findChild(QLabel, "exerciseName").font().pointSizeF()
    assert name == pytest.approx(base * 2.5)
    old = QApplication.font()
    try:
        bigger = QApplication.font()
        bigger.setPointSizeF(base * 1.5)
        QApplication.setFont(bigger)
        QApplication.processEvents()
        assert window.findChild(QLabel, "exerciseName").font().pointSizeF() == pytest.approx(base * 1.5 * 2.5)
    finally:
        QApplication.setFont(old)
        QApplication.processEvents()


def test_ticks_only_while_the_routine_plays_in_a_visible_window(clock, open_window):
    window, _ = open_window([make_exercise(hold_s=Range(10, 10))], auto_close_s=60)
    assert window.ticking
    window.hide()
    assert not window.ticking
    clock.advance(4)
    window.show()
    assert window.ticking
    assert window.ring.remaining == pytest.approx(7)  # caught up on show
    run(window, clock, 10)
    assert not window.ticking  # done


def test_the_figure_follows_the_routine(open_window, clock):
    from deskbreak.core.content.catalog import load_catalog
    from deskbreak.core.content.poses import load_poses

    catalog = load_catalog()
    poses = load_poses(catalog=catalog)
    stretch = replace(catalog.exercise("split-hip-stretch"), rest_s=2)
    bridge = catalog.exercise("glute-bridge")  # 15 reps: 1 s up, 3 s pause, 1 s down
    circles = catalog.exercise("shoulder-circles")  # one move: 10 times, 2 s each
    window, _ = open_window([stretch, bridge, circles], poses=poses)
    figure = window.figure_area.figure
    # Getting into position for a hold: easing from the start towards the hold pose.
    assert figure.current_poses is poses["split-hip-stretch"] and figure.animating
    clock.advance(1.5)  # past the 1 s movement and the 1 s lead-in
    figure._tick()
    assert not figure.animating and figure.progress == 1.0 and not figure.timer.isActive()
    window.tick()
    assert figure.progress == 1.0  # holding still during the hold
    clock.advance(20)  # the hold ends; the document's rest begins
    window.tick()
    assert figure.progress == 0.0  # relaxed during the rest
    clock.advance(2)  # the second hold: straight back into it
    window.tick()
    assert figure.animating

    window.skip_exercise()  # on to the counted reps
    assert figure.current_poses is poses["glute-bridge"]
    assert figure.progress == 0.0 and not figure.animating  # waiting in the start pose
    clock.advance(1 + 0.5)  # the lead-in, then half way up
    window.tick()
    assert figure.progress == pytest.approx(0.5)
    clock.advance(1.5)  # holding at the top
    window.tick()
    assert figure.progress == pytest.approx(1.0)
    assert label(window, "cueLabel") == "Hold 3 s"
    clock.advance(2.5)  # half way down
    window.tick()
    assert figure.progress == pytest.approx(0.5) and label(window, "cueLabel") == "Return"
    clock.advance(0.5)  # down between reps, then up again
    window.tick()
    assert figure.progress == pytest.approx(0.0) and label(window, "cueLabel") == "Move"
    assert label(window, "progressLabel") == "Rep 2 of 15"

    window.skip_exercise()  # shoulder circles: no lead-in, the figure moves at once
    assert label(window, "cueLabel") == "10 times, 2 s each"
    clock.advance(1.0)
    window.tick()
    assert figure.current_poses is poses["shoulder-circles"]
    assert figure.progress == pytest.approx(1.0)  # out at mid-rep ...
    clock.advance(1.0)
    window.tick()
    assert figure.progress == pytest.approx(0.0)  # ... and back by its end


def test_the_header_states_the_routines_length_and_every_time_has_its_unit(clock, open_window):
    first = make_exercise("first", "First", hold_s=Range(30, 30))
    second = make_exercise("second", "Second", hold_s=Range(28, 28))
    window, _ = open_window([first, second])  # 1 + 30 + 1 + 28 = 60 s
    assert label(window, "kickerLabel") == "Sit-break · 1 min · Exercise 1 of 2"
    assert label(window, "timeLeftLabel") == "1:00 left"
    run(window, clock, 1.5)
    assert label(window, "timeLeftLabel") == "0:59 left"
    assert label(window, "cueLabel") == "Hold 30 s"
    assert (window.ring.value_text, window.ring.unit, window.ring.caption) == ("30", "s", "HOLD")
    long = make_exercise("long", "Long", hold_s=Range(90, 90))
    window, _ = open_window([long])
    run(window, clock, 1.5)
    assert (window.ring.value_text, window.ring.unit) == ("1:30", "min")


def test_the_length_shows_before_the_routine_starts(clock, catalog):
    routine = catalog.routine("pre-run-glutes")
    window = BreakWindow(title="Pre-run glute activation", settings=SETTINGS, clock=clock,
                         exercises=[catalog.exercise(e) for e in routine.exercises])
    try:
        from deskbreak.core.describe import human_duration

        assert label(window, "kickerLabel").startswith(
            f"Pre-run glute activation · {human_duration(window.total_s)} · Exercise 1 of 5")
        assert window.total_s == sum(s.seconds for s in window.segments)
    finally:
        window.deleteLater()


def test_a_walk_starts_at_once_and_reps_chime_once_at_the_end(clock, open_window, catalog):
    chimes = []
    walk = replace(catalog.exercise("walk-around"),
                   suggested=replace(catalog.exercise("walk-around").suggested, duration_s=10))
    window, seen = open_window([walk, catalog.exercise("glute-bridge")])
    window.chime.connect(chimes.append)
    assert label(window, "cueLabel") == "Walk around: 10 s"
    assert (window.ring.caption, window.ring.value_text) == ("KEEP GOING", "10")
    run(window, clock, 10 + 1 + 14 * 5)  # the walk, the bridge's lead-in, 14 reps
    assert chimes == ["hold"]  # the walk's end; none between reps
    assert seen.ended.count("rep") == 14 and "lead_in" in seen.ended
    run(window, clock, 5)
    assert chimes == ["hold", "hold"]  # the last rep
    assert seen.finished == ["completed"]


def test_the_done_view_counts_honestly_and_says_what_was_worked(clock, open_window, catalog):
    exercises = [catalog.exercise(e) for e in ("walk-around", "shoulder-circles", "glute-bridge")]
    window, seen = open_window(exercises, next_break_text="Next sit-break at 15:30")
    run(window, clock, 120 + 5)  # the walk, then 5 s of shoulder circles
    window.skip_exercise()  # circles skipped
    run(window, clock, 1 + 75)  # the bridge: lead-in and 15 reps
    assert shown(window, "doneView")
    assert label(window, "doneLabel") == "Break done."
    assert label(window, "doneSummary") == "2 of 3 exercises done · 3 min 21 s in all"
    assert label(window, "nextBreakLabel") == "Next sit-break at 15:30" and shown(window, "nextBreakLabel")
    rows = [w.accessibleName() for w in window.findChild(QWidget, "doneList").findChildren(QLabel)
            if w.isVisible()]
    assert "Walk around: done, 2 min" in rows
    assert "Shoulder circles: skipped after 5 s" in rows
    assert "Glute bridge: done, 1 min 16 s" in rows
    chips = [w.text() for w in window.findChildren(QLabel, "muscleChip")]
    assert chips == ["lower back", "glutes", "legs"]  # not the skipped circles' shoulders
    assert window.done_ring.value_text == "2" and window.done_ring.caption == "OF 3 DONE"
    assert label(window, "doneHint").startswith("Closes by itself in 12 s")


def test_the_done_view_stays_at_least_ten_seconds_unless_dismissed(qtbot, clock, open_window):
    window, seen = open_window([make_exercise()], key_guard_s=0)
    run(window, clock, 1 + 2)
    assert shown(window, "doneView") and window.auto_close_s >= 10
    clock.advance(9.9)
    window.tick()
    assert window.isVisible() and not seen.destroyed
    clock.advance(window.auto_close_s - 9.9 - 0.5)
    window.tick()
    assert label(window, "doneHint").startswith("Closes by itself in 1 s")
    clock.advance(0.6)
    window.tick()
    qtbot.waitUntil(lambda: seen.destroyed, timeout=2000)
    assert seen.finished == ["completed"]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape])
def test_the_done_view_has_its_own_keys(qtbot, clock, open_window, key):
    window, seen = open_window([make_exercise()], key_guard_s=0, auto_close_s=None)
    run(window, clock, 1 + 2)
    close = button(window, "doneCloseButton")
    assert close.text() == "Close (Enter)" and "Esc" in close.toolTip()
    assert label(window, "doneHint") == "Enter or Esc closes this window."
    run(window, clock, 600)  # no countdown: it stays until dismissed
    assert window.isVisible()
    qtbot.keyClick(window, key)
    qtbot.waitUntil(lambda: seen.destroyed, timeout=2000)
    assert seen.finished == ["completed"]


def test_the_next_break_can_be_told_later(clock, open_window):
    window, _ = open_window([make_exercise()], auto_close_s=60)
    run(window, clock, 1 + 2)
    assert not shown(window, "nextBreakLabel")
    window.set_next_break_text("Next sit-break in 30 min")
    assert shown(window, "nextBreakLabel") and window.next_break_text == "Next sit-break in 30 min"
