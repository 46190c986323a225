"""The user's own exercises in the windows: the break's guide, the thumbnails, the history, export and import."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from deskbreak.core import commands as cmd
from deskbreak.core.clock import FakeClock
from deskbreak.core.content.user_exercises import load_user_exercises
from deskbreak.core.history import HistoryStore
from deskbreak.core.kinds import BreakKind
from deskbreak.core.settings import Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.ui.break_window import BreakWindow
from deskbreak.ui.exercise_rows import IDS_ROLE, ExerciseThumbnails, exercise_tooltip
from deskbreak.ui.history_window import HistoryWindow
from deskbreak.ui.settings_dialog import SettingsDialog
from support.app_builder import MONDAY_9, advance_to, make_app
from support.own_exercises import WALL_CALF, exercise_toml



@pytest.fixture(autouse=True)
def no_break_window_left():
    """A break played to its end leaves its done view up: closed here, so no later test finds it."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, BreakWindow) and shiboken6.isValid(widget):
            widget.close_quietly()
    QApplication.sendPostedEvents(None, 0)


@pytest.fixture
def users(tmp_path, catalog):
    (tmp_path / "exercises.toml").write_text(WALL_CALF, encoding="utf-8")
    return load_user_exercises(tmp_path / "exercises.toml", catalog).catalog


def test_the_guide_says_your_exercise_where_the_article_would_be_quoted(qtbot, users, catalog):
    from deskbreak.core.content.poses import load_poses

    poses = load_poses(catalog=catalog)
    calf = users.exercise("wall-calf-stretch")
    window = BreakWindow(exercises=[calf, users.exercise("split-hip-stretch")], clock=FakeClock(), poses=poses,
                         title="Sit-break", settings=Settings.defaults().with_values(lead_in="1s"))
    window.start()
    text = {name: window.findChild(QLabel, name).text() for name in ("figuresLabel", "sourceLabel")}
    assert "As you wrote it:" in text["figuresLabel"] and "hold 30 s, each side" in text["figuresLabel"]
    assert "From the article" not in text["figuresLabel"]
    assert "Your exercise" in text["sourceLabel"] and "\u201c" not in text["sourceLabel"]
    assert window.findChild(QLabel, "citationLabel").isHidden()
    # Drawn with the figure it names, highlighting the muscle groups the user named.
    drawn = window.figure_area.figure.current_poses
    assert (drawn.start, drawn.hold, drawn.props) == (poses["split-hip-stretch"].start, poses["split-hip-stretch"].hold,
                                                     poses["split-hip-stretch"].props)
    assert drawn.highlight == ("legs",) and drawn.name == "Wall calf stretch"
    window.skip_exercise()
    assert "From the article:" in window.findChild(QLabel, "figuresLabel").text()
    assert not window.findChild(QLabel, "citationLabel").isHidden()
    window.close_quietly()
    QApplication.sendPostedEvents(None, 0)


def test_a_thumbnail_is_drawn_with_the_figure_it_names_and_the_tip_says_whose(qtbot, users):
    from deskbreak.core.content.poses import load_poses

    poses = load_poses()
    thumbnails = ExerciseThumbnails(poses, users.exercises)
    palette = QApplication.palette()
    own = thumbnails.icon(["wall-calf-stretch"], palette, 1.0).pixmap(48, 48).toImage()
    figure = thumbnails.icon(["split-hip-stretch"], palette, 1.0).pixmap(48, 48).toImage()
    initial = ExerciseThumbnails({}, users.exercises).icon(["wall-calf-stretch"], palette, 1.0).pixmap(48, 48).toImage()
    # The figure's body, another highlight: not the letter an exercise without a figure gets.
    assert own != initial and own != figure and own.size() == figure.size()
    assert "Your exercise" in exercise_tooltip(users.exercise("wall-calf-stretch"))
    assert "Your exercise" not in exercise_tooltip(users.exercise("split-hip-stretch"))


def test_the_history_table_names_a_breaks_exercises_and_a_deleted_one_by_its_id(qtbot, tmp_path, users):
    moment = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)
    with HistoryStore(tmp_path / "history.sqlite3") as history:
        bid = history.start_break("sit", "sit-break", moment, moment, 2)
        history.record_exercise(bid, "wall-calf-stretch", 60.0, True, moment + timedelta(minutes=1))
        history.record_exercise(bid, "deleted-own", 10.0, False, moment + timedelta(minutes=2))
        history.finish_break(bid, moment + timedelta(minutes=3), "partial")
        window = HistoryWindow(history, users, Settings.defaults(), moment.date())
        qtbot.addWidget(window)
        window.show()
        model = window.table.model()
        tip = model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
        assert tip == "Wall calf stretch: done\ndeleted-own: not finished"


def test_the_settings_dialog_exports_and_imports_the_users_exercises(qtbot, tmp_path):
    home, other = tmp_path / "home", tmp_path / "other"
    home.mkdir()
    other.mkdir()
    (home / "exercises.toml").write_text(WALL_CALF, encoding="utf-8")
    exported = tmp_path / "deskbreak-settings.toml"
    sender = make_app(home, exercises_path=home / "exercises.toml", routines_path=home / "routines.toml")
    dialog = SettingsDialog(sender.store, transfer=sender.session)
    qtbot.addWidget(dialog)
    assert dialog.export_to(exported)
    assert "[[exercise]]" in exported.read_text(encoding="utf-8")

    receiver = make_app(other, exercises_path=other / "exercises.toml", routines_path=other / "routines.toml")
    dialog = SettingsDialog(receiver.store, transfer=receiver.session)
    qtbot.addWidget(dialog)
    assert dialog.import_from(exported)
    assert "Exercises added: Wall calf stretch." in dialog.status.text()
    assert "wall-calf-stretch" in receiver.catalog.exercises
    assert dialog.import_from(exported)
    assert "Exercises replaced: Wall calf stretch." in dialog.status.text()
    sender.shutdown()
    receiver.shutdown()


def test_a_dialog_without_a_session_still_exports_and_imports_the_settings(qtbot, tmp_path):
    store = SettingsStore(tmp_path / "settings.toml")
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.export_to(tmp_path / "out.toml") and dialog.import_from(tmp_path / "out.toml")


def test_a_users_exercise_from_exercises_toml_is_played_in_a_break_and_recorded(qtbot, tmp_path):
    (tmp_path / "exercises.toml").write_text(WALL_CALF, encoding="utf-8")
    (tmp_path / "routines.toml").write_text('[sit-break]\nexercises = ["walk-around", "wall-calf-stretch"]\n'
                                            'rotation = []\n', encoding="utf-8")
    clock = FakeClock(MONDAY_9)
    app = make_app(tmp_path, clock=clock, exercises_path=tmp_path / "exercises.toml",
                   routines_path=tmp_path / "routines.toml")
    assert app.startup_problems == []
    app.start()
    advance_to(app, clock, MONDAY_9 + timedelta(minutes=30))
    window = app.window
    assert [e.id for e in window.exercises] == ["walk-around", "wall-calf-stretch"]
    clock.advance(3600)  # the whole routine plays
    window.tick()
    app.shutdown()
    with HistoryStore(tmp_path / "history.sqlite3") as history:
        [record] = history.breaks()
    assert record.outcome == "completed"
    assert [(e.exercise_id, e.completed) for e in record.exercises] == [("walk-around", True),
                                                                       ("wall-calf-stretch", True)]


def test_a_hand_edit_of_exercises_toml_is_picked_up_while_running(qtbot, tmp_path):
    app = make_app(tmp_path, exercises_path=tmp_path / "exercises.toml", routines_path=tmp_path / "routines.toml")
    app.start()
    app.watch_settings_file()
    (tmp_path / "exercises.toml").write_text(WALL_CALF, encoding="utf-8")
    qtbot.waitUntil(lambda: "wall-calf-stretch" in app.catalog.exercises, timeout=5000)
    (tmp_path / "routines.toml").write_text('[pre-run-glutes]\nexercises = ["wall-calf-stretch"]\n')
    qtbot.waitUntil(lambda: app.catalog.routine("pre-run-glutes").exercises == ("wall-calf-stretch",), timeout=5000)
    app.run_command(cmd.StartBreak(BreakKind.PRERUN))
    assert [e.id for e in app.window.exercises] == ["wall-calf-stretch"]
    app.shutdown()


def test_an_exercise_from_the_editor_is_saved_and_listed_on_the_open_routines_page(qtbot, tmp_path):

    app = make_app(tmp_path, exercises_path=tmp_path / "exercises.toml", routines_path=tmp_path / "routines.toml")
    app.run_command(cmd.OpenSettings())
    page = app.windows.settings_dialog.routines_page
    entry = {"id": "desk-squeeze", "name": "Desk squeeze", "pose": "glute-bridge", "targets": ["glutes"],
             "steps": ["Squeeze.", "Let go."], "reps": 10}
    app.windows.add_exercise(entry)
    listed = [page.catalog_list.item(row).data(IDS_ROLE) for row in range(page.catalog_list.count())]
    assert ("desk-squeeze",) in [tuple(ids) for ids in listed]
    with pytest.raises(ValueError) as again:  # the editor shows a ValueError's message and keeps what was typed
        app.windows.add_exercise(entry)
    assert "exercises.toml" in str(again.value) and "'id'" in str(again.value)
    app.shutdown()


def test_an_exercise_made_in_the_editor_is_played_in_a_break_and_found_in_history_and_stats(qtbot, tmp_path):
    from deskbreak.core.content.user_routines import with_routine_exercises
    from deskbreak.core.history.stats import stats_for

    from .test_exercise_editor import fill

    clock = FakeClock(MONDAY_9)
    app = make_app(tmp_path, clock=clock, exercises_path=tmp_path / "exercises.toml",
                   routines_path=tmp_path / "routines.toml")
    app.start()
    app.run_command(cmd.OpenSettings())
    page = app.windows.settings_dialog.routines_page
    dialog = app.windows.settings_dialog
    dialog.sections.setCurrentRow(list(dialog.pages).index("routines"))
    dialog.resize(1000, 560)  # a small screen: the page scrolls
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(page.findChild(QPushButton, "newExercise"), Qt.MouseButton.LeftButton)
    editor = page.exercise_editor
    fill(qtbot, editor)
    editor.hold_seconds.setValue(20)
    editor.sides_box.setChecked(True)
    qtbot.waitUntil(editor.save_button.isEnabled, timeout=3000)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "wall-calf-stretch" in app.catalog.exercises
    # The page shows it, chosen and ready for Add, wherever the list was scrolled.
    assert page.catalog_list.currentItem().data(IDS_ROLE) == ("wall-calf-stretch",)
    qtbot.waitUntil(lambda: page.catalog_list.viewport().visibleRegion().contains(
        page.catalog_list.visualItemRect(page.catalog_list.currentItem()).center()), timeout=2000)
    qtbot.mouseClick(page.add_every_break_button, Qt.MouseButton.LeftButton)
    routines = page.routines()
    assert "wall-calf-stretch" in routines["sit-break"].exercises
    routines["sit-break"] = with_routine_exercises(routines["sit-break"], ["wall-calf-stretch"], [])
    page.routinesChanged.emit(routines)

    app.run_command(cmd.StartBreak())
    window = app.window
    assert [e.id for e in window.exercises] == ["wall-calf-stretch"]
    clock.advance(3600)
    window.tick()
    catalog, settings = app.catalog, app.settings
    app.shutdown()
    with HistoryStore(tmp_path / "history.sqlite3") as history:
        records = history.breaks()
    assert [(e.exercise_id, e.completed) for e in records[-1].exercises] == [("wall-calf-stretch", True)]
    report = stats_for(records, catalog, settings, first=MONDAY_9.date(), last=MONDAY_9.date())
    assert [(e.name, e.done) for e in report.exercises] == [("Wall calf stretch", 1)]


def test_a_broken_exercises_file_is_left_out_of_an_export_and_the_status_says_so(qtbot, tmp_path):
    (tmp_path / "exercises.toml").write_text("[[exercise]\n", encoding="utf-8")
    app = make_app(tmp_path, exercises_path=tmp_path / "exercises.toml", routines_path=tmp_path / "routines.toml")
    dialog = SettingsDialog(app.store, transfer=app.session)
    qtbot.addWidget(dialog)
    exported = tmp_path / "out.toml"
    assert dialog.export_to(exported) and exported.exists()
    status = dialog.status.text()
    assert status.startswith(f"Exported to {exported}; your exercises were left out: ") and "exercises.toml" in status
    app.shutdown()


def test_the_editors_check_names_an_id_a_table_left_out_holds(qtbot, tmp_path):
    (tmp_path / "exercises.toml").write_text(exercise_toml(id="calf-raise", hold=30), encoding="utf-8")
    app = make_app(tmp_path, exercises_path=tmp_path / "exercises.toml", routines_path=tmp_path / "routines.toml")
    app.run_command(cmd.OpenSettings())
    hooks = app.windows.settings_dialog.routines_page._new_exercise
    problems = hooks.validate({"id": "calf-raise", "name": "Calf raise", "pose": "plank", "targets": ["legs"],
                               "steps": ["Up."], "hold": "10s"})
    assert [problem.key for problem in problems] == ["id"] and "left out" in problems[0]
    app.shutdown()


@pytest.fixture
def plank_in_german():
    from deskbreak.core import i18n

    i18n.install(lambda context, text, disambiguation, n: "Unterarmst\u00fctz" if (context, text) == ("catalog", "Plank")
                 else "")
    yield
    i18n.install(None)


def test_a_users_name_that_is_also_a_catalog_text_is_shown_as_written(qtbot, tmp_path, catalog, plank_in_german):
    from deskbreak.core.content.poses import load_poses
    from deskbreak.ui.figure import FigureWidget

    (tmp_path / "exercises.toml").write_text(exercise_toml(id="my-plank", name="Plank", pose="plank"), encoding="utf-8")
    users = load_user_exercises(tmp_path / "exercises.toml", catalog).catalog
    mine, shipped = users.exercise("my-plank"), users.exercise("plank")
    assert (mine.shown_name(), shipped.shown_name()) == ("Plank", "Unterarmst\u00fctz")
    assert mine.shown_name() == "Plank" and shipped.shown_name() == "Unterarmst\u00fctz"
    figure = FigureWidget(load_poses(catalog=catalog))
    qtbot.addWidget(figure)
    figure.show_exercise(mine)
    assert "Plank" in figure.accessibleName() and "Unterarm" not in figure.accessibleName()
    moment = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)
    with HistoryStore(tmp_path / "history.sqlite3") as history:
        bid = history.start_break("sit", "sit-break", moment, moment, 2)
        history.record_exercise(bid, "my-plank", 60.0, True, moment + timedelta(minutes=1))
        history.finish_break(bid, moment + timedelta(minutes=3), "completed")
        window = HistoryWindow(history, users, Settings.defaults(), moment.date())
        qtbot.addWidget(window)
        window.show()
        assert window.table.model().index(0, 3).data(Qt.ItemDataRole.ToolTipRole).startswith("Plank: ")
