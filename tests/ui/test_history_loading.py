"""The history window paints at once and loads the rest off the GUI thread (issue 19).

Five years of history took 0.7-0.8 s to read and work out on the GUI thread
before the window showed. Opened as the app opens it (with the history
writer as its reader), the window reads only this week on the GUI thread,
paints, and reads everything on the writer's thread. These tests count the
breaks read on each thread and before the first paint, never the time.
"""

from __future__ import annotations

import gc
import threading
from concurrent.futures import Future
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel

from deskbreak.core.history import BreakRecord, HistoryError, HistoryStore
from deskbreak.core.history.queries import HistoryQueries
from deskbreak.core.history.writer import HistoryWriter
from deskbreak.core.settings import Settings
from deskbreak.ui.history_window import HistoryWindow

from support.app_builder import app_parts  # noqa: F401  (a fixture)

from .test_history_window import (  # noqa: F401  (seeded, store: fixtures)
    HAMSTRINGS,
    THURSDAY,
    at,
    label_text,
    seeded,
    sit_break,
    store,
    table_rows,
)

THIS_WEEKS_BREAKS = 9  # the seeded history's Wednesday and Thursday
OLDER_WEEKS = 20


@pytest.fixture
def history(seeded):  # noqa: F811
    """The seeded week, and before it twenty weeks of two breaks a weekday (one of them skipped)."""
    for week in range(1, OLDER_WEEKS + 1):
        for weekday in range(5):
            day = THURSDAY - timedelta(weeks=week, days=THURSDAY.weekday() - weekday)
            sit_break(seeded, at(day, 10), "completed", done=2, exercise=HAMSTRINGS)
            sit_break(seeded, at(day, 15), "skipped")
    return seeded


ALL_BREAKS = THIS_WEEKS_BREAKS + OLDER_WEEKS * 5 * 2


class Reads(list):
    """Every ``breaks()`` of any store: (thread, since, breaks returned), in order."""

    def __init__(self, monkeypatch, *, hold_full_read: threading.Event | None = None) -> None:
        super().__init__()
        self.full_read_began = threading.Event()
        original = HistoryQueries.breaks

        def breaks(store, since=None):
            if since is None:
                self.full_read_began.set()
                if hold_full_read is not None:
                    hold_full_read.wait(10)
            found = original(store, since)
            self.append((threading.current_thread(), since, len(found)))
            return found

        monkeypatch.setattr(HistoryQueries, "breaks", breaks)

    def full(self) -> list[tuple[threading.Thread, int]]:
        return [(thread, count) for thread, since, count in self if since is None]


class FirstPaint(QObject):
    """The reads made by the time anything of the window is first painted."""

    def __init__(self, reads: Reads) -> None:
        super().__init__()
        self.reads = reads
        self.seen: list | None = None
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if self.seen is None and event.type() == QEvent.Type.Paint:
            self.seen = list(self.reads)
            QApplication.instance().removeEventFilter(self)
        return False


@pytest.fixture
def writer(history):
    writer = HistoryWriter.for_file(history.path)
    yield writer
    writer.close()


def hold(writer: HistoryWriter) -> threading.Event:
    """Keep the writer busy until the event is set: what is queued behind waits its turn."""
    release = threading.Event()
    writer.submit("a long write", lambda _store: release.wait(10))
    return release


def open_loading(qtbot, history, writer, catalog, **options) -> HistoryWindow:
    """The window as the app opens it: this week read here, the rest through the writer."""
    window = HistoryWindow(history, catalog, Settings.defaults(), THURSDAY, reader=writer, **options)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_first_paint_comes_before_the_full_read_which_runs_off_the_gui_thread(qtbot, catalog, history,
                                                                                  writer, monkeypatch):
    reads = Reads(monkeypatch)
    painted = FirstPaint(reads)
    window = open_loading(qtbot, history, writer, catalog)
    qtbot.waitUntil(lambda: painted.seen is not None)

    gui = threading.current_thread()
    assert [count for thread, since, count in painted.seen] == [THIS_WEEKS_BREAKS], \
        "before the first paint: this week's breaks only, read once"
    assert all(thread is gui and since is not None for thread, since, _count in painted.seen)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        pass
    [(thread, count)] = reads.full()
    assert thread is not gui and count == ALL_BREAKS
    assert [since for thread, since, _count in reads if thread is gui] == [painted.seen[0][1]], \
        "the GUI thread read nothing more"
    assert len(table_rows(window)) == ALL_BREAKS
    assert label_text(window, "tableCount") == f"{ALL_BREAKS} breaks"


def test_this_week_is_there_at_once_and_the_rest_says_it_is_loading(qtbot, catalog, history, writer):
    release = hold(writer)
    window = open_loading(qtbot, history, writer, catalog)
    qtbot.waitExposed(window)

    assert window.loading
    # The headline's today and this week, the week chart and this week's rows need no more.
    assert label_text(window, "todayFigureValue") == "3 of 5"
    assert label_text(window, "weekFigureValue") == "18 min"
    assert "Thursday 2 completed" in window.week_chart.accessibleDescription()
    rows = table_rows(window)
    assert len(rows) == THIS_WEEKS_BREAKS
    assert rows[0][:3] == ["Thu 3 Dec, 17:45", "Pre-run routine", "In progress"]
    # What needs every break waits for it, and says so.
    assert label_text(window, "streakFigureValue") == "\u2013"
    assert label_text(window, "streakFigureDetail") == "Loading\u2026"
    assert label_text(window, "tableCount") == "Loading all breaks\u2026"
    for chart in (window.heatmap, window.target_chart):
        assert chart.loading and chart.accessibleDescription() == "Loading\u2026"
    assert label_text(window, "neglectedLoading") == "Loading\u2026"
    assert not window.empty_label.isVisible()
    # Sorting and filtering a part of the breaks would give a wrong answer: not before the rest is in.
    assert not any(combo.isEnabled() for combo in (window.kind_filter, window.outcome_filter, window.target_period))
    assert not window.table.horizontalHeader().sectionsClickable()
    window.grab()  # paints every chart in its loading state

    first_rows = rows
    release.set()
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        pass
    assert not window.loading
    assert table_rows(window)[:THIS_WEEKS_BREAKS] == first_rows, "the rows shown stay where they were"
    assert not any(chart.loading for chart in (window.heatmap, window.target_chart))
    assert window.findChild(QLabel, "neglectedLoading") is None
    assert all(combo.isEnabled() for combo in (window.kind_filter, window.outcome_filter, window.target_period))


def snapshot(window: HistoryWindow) -> dict:
    """Everything the window shows in words: labels, charts, the table, the neglected muscle groups."""
    labels = {label.objectName(): label.text() for label in window.findChildren(QLabel) if label.objectName()}
    charts = {chart.objectName(): chart.accessibleDescription()
              for chart in (window.week_chart, window.heatmap, window.target_chart)}
    return {"labels": labels, "charts": charts, "rows": table_rows(window), "neglected": window.neglected_rows,
            "targets": window.target_chart.rows, "empty": window.empty_label.isVisible()}


@pytest.mark.parametrize("history_kind", ["full", "empty"])
def test_once_loaded_the_window_shows_what_one_read_at_once_shows(qtbot, catalog, history, writer, tmp_path,
                                                                   history_kind):
    if history_kind == "empty":
        history = HistoryStore(tmp_path / "empty.sqlite3")
        writer = HistoryWriter.for_file(history.path)
    try:
        at_once = HistoryWindow(history, catalog, Settings.defaults(), THURSDAY, start_break=lambda _targets: None)
        qtbot.addWidget(at_once)
        at_once.show()
        loading = open_loading(qtbot, history, writer, catalog, start_break=lambda _targets: None)
        with qtbot.waitSignal(loading.loaded, timeout=10_000):
            pass
        assert snapshot(loading) == snapshot(at_once)
    finally:
        if history_kind == "empty":
            writer.close()
            history.close()


def test_sorting_and_filters_work_on_every_break_once_loaded(qtbot, catalog, history, writer):
    window = open_loading(qtbot, history, writer, catalog)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        pass
    assert window.table.horizontalHeader().sectionsClickable()
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    oldest = THURSDAY - timedelta(weeks=OLDER_WEEKS, days=THURSDAY.weekday())
    assert table_rows(window)[0][0] == f"{oldest:%a} {oldest.day} {oldest:%b}, 10:00"
    window.outcome_filter.setCurrentIndex(window.outcome_filter.findText("Skipped"))
    assert len(table_rows(window)) == 1 + OLDER_WEEKS * 5
    assert label_text(window, "tableCount") == f"{1 + OLDER_WEEKS * 5} of {ALL_BREAKS} breaks"
    window.target_period.setCurrentIndex(window.target_period.findText("All time"))
    # Two minutes of hamstrings a weekday for twenty weeks, and Wednesday's four.
    assert dict(window.target_chart.rows)["Hamstrings"] == pytest.approx(OLDER_WEEKS * 5 * 2 + 4)


def test_a_window_closed_before_its_read_begins_never_reads(qtbot, catalog, history, writer, monkeypatch):
    reads = Reads(monkeypatch)
    release = hold(writer)
    window = open_loading(qtbot, history, writer, catalog)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    qtbot.waitUntil(lambda: window.load_queued)
    window.close()
    release.set()
    done = writer.submit("after the window's read", lambda _store: None)
    qtbot.waitUntil(done.done)
    qtbot.wait(20)  # a result would be delivered through the event loop
    assert reads.full() == []


def test_a_window_closed_while_its_read_runs_is_left_alone(qtbot, catalog, history, writer, monkeypatch):
    let_it_finish = threading.Event()
    reads = Reads(monkeypatch, hold_full_read=let_it_finish)
    window = open_loading(qtbot, history, writer, catalog)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    qtbot.waitUntil(reads.full_read_began.is_set)
    window.close()
    qtbot.waitUntil(lambda: not window_alive(window))  # deleted, as the app's windows are
    let_it_finish.set()
    done = writer.submit("after the window's read", lambda _store: None)
    qtbot.waitUntil(done.done)
    qtbot.wait(20)  # the result arrives at a window that is gone: dropped, no error
    assert [count for _thread, count in reads.full()] == [ALL_BREAKS]


def test_a_window_deleted_without_closing_is_not_updated_either(qtbot, catalog, history, writer, monkeypatch):
    release = hold(writer)
    window = open_loading(qtbot, history, writer, catalog)
    qtbot.waitUntil(lambda: window.load_queued)
    window.deleteLater()
    qtbot.waitUntil(lambda: not window_alive(window))
    release.set()
    done = writer.submit("after the window's read", lambda _store: None)
    qtbot.waitUntil(done.done)
    qtbot.wait(20)


def window_alive(window) -> bool:
    import shiboken6

    return shiboken6.isValid(window)


class FailingReader:
    """A reader whose read fails as a damaged file does."""

    def submit(self, what, read) -> Future:
        future: Future = Future()
        threading.Thread(target=future.set_exception, args=(
            HistoryError("cannot read the history in /x/history.sqlite3: disk I/O error"),)).start()
        return future


def test_a_read_that_fails_in_the_background_says_why(qtbot, catalog, history):
    window = open_loading(qtbot, history, FailingReader(), catalog)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        pass
    assert "could not be read" in label_text(window, "historyEmpty")
    assert "disk I/O error" in label_text(window, "historyEmpty")
    assert window.empty_label.isVisible()
    assert not window.loading


def test_the_app_opens_its_history_window_reading_the_rest_on_the_history_writer(app_parts, qtbot, monkeypatch):
    from deskbreak.core import commands as cmd

    app, _clock, _notifier, _history = app_parts
    reads = Reads(monkeypatch)
    app.run_command(cmd.StartBreak())
    app.window.end_break()  # a break just recorded: the window's read comes after its writes
    app.run_command(cmd.OpenHistory())
    qtbot.waitUntil(lambda: len(app.windows.history_windows) == 1)
    [window] = app.windows.history_windows
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        pass
    [(thread, count)] = reads.full()
    assert thread is not threading.current_thread() and count == 1
    assert label_text(window, "tableCount") == "1 break"


def live_break_records() -> int:
    return sum(isinstance(thing, BreakRecord) for thing in gc.get_objects())


@pytest.mark.parametrize("reader", ["writer", "none"])
def test_a_closed_window_gives_its_breaks_back_at_once_not_at_the_next_full_collection(qtbot, catalog, history,
                                                                                        writer, reader):
    """A model that held itself in a cycle kept every break until a full collection, which then held the
    interpreter 100-270 ms (five years of history), stalling whatever the GUI thread did."""
    gc.collect()
    gc.disable()
    try:
        before = live_break_records()
        window = HistoryWindow(history, catalog, Settings.defaults(), THURSDAY,
                               reader=writer if reader == "writer" else None)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        if reader == "writer":
            with qtbot.waitSignal(window.loaded, timeout=10_000):
                pass
        assert live_break_records() - before >= ALL_BREAKS
        window.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        del window
        assert live_break_records() - before == 0
    finally:
        gc.enable()


def test_the_app_opens_its_history_window_again_after_one_was_closed(app_parts, qtbot):
    from deskbreak.core import commands as cmd

    app = app_parts[0]
    app.run_command(cmd.StartBreak())
    app.window.end_break()
    gc.collect()
    gc.disable()
    try:
        before = live_break_records()
        app.run_command(cmd.OpenHistory())
        qtbot.waitUntil(lambda: len(app.windows.history_windows) == 1)
        [first] = app.windows.history_windows
        with qtbot.waitSignal(first.loaded, timeout=10_000):
            pass
        assert live_break_records() > before
        first.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        del first
        assert app.windows.history_windows == [], "a deleted window is forgotten"
        assert live_break_records() == before, "with the breaks it held"
    finally:
        gc.enable()
    app.run_command(cmd.OpenHistory())
    [second] = app.windows.history_windows
    assert second.isVisible()
