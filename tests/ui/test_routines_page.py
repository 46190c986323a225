"""The routines page: every edit emits the routines, empty routines are refused, rows have pictures."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QListWidget, QPushButton

from deskbreak.core.content.poses import load_poses
from deskbreak.core.content.user_routines import catalog_with_routines, with_routine_exercises
from deskbreak.ui.routines_page import IDS_ROLE, LAST_EXERCISE_HINT, RoutinesPage


@pytest.fixture(scope="module")
def poses(catalog):
    return load_poses(catalog=catalog)


@pytest.fixture
def make_page(qtbot, catalog, poses):
    """A shown page over the real catalog, with the user's ``routines`` in place."""

    def make(routines=None, poses=poses) -> RoutinesPage:
        current = catalog_with_routines(catalog, {r.id: r for r in routines or ()})
        widget = RoutinesPage(catalog, current, poses)
        qtbot.addWidget(widget)
        widget.resize(700, 560)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return make


@pytest.fixture
def page(make_page) -> RoutinesPage:
    return make_page()


@pytest.fixture
def one_exercise_prerun(catalog):
    return with_routine_exercises(catalog.routine("pre-run-glutes"), ["glute-bridge"])


def show(page: RoutinesPage, routine_id: str) -> None:
    page.routine_chooser.setCurrentIndex(page.routine_chooser.findData(routine_id))


def ids(widget: QListWidget, visible_only: bool = False) -> list[tuple[str, ...]]:
    return [widget.item(row).data(IDS_ROLE) for row in range(widget.count())
            if not (visible_only and widget.item(row).isHidden())]


def select(widget: QListWidget, exercise_ids: tuple[str, ...]) -> None:
    widget.setCurrentRow(ids(widget).index(exercise_ids))


def emitted(qtbot, page: RoutinesPage, action) -> dict:
    with qtbot.waitSignal(page.routinesChanged, timeout=1000) as blocker:
        action()
    return blocker.args[0]


def click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled() and button.isVisible(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_page_shows_the_routine_the_app_plays_for_each_kind(page, catalog):
    shown = [page.routine_chooser.itemData(i) for i in range(page.routine_chooser.count())]
    assert shown == [catalog.routines_of_kind(kind)[0].id for kind in ("sit", "prerun", "evening")]
    assert ids(page.routine_list) == [(e,) for e in catalog.routine("sit-break").exercises]
    assert ids(page.rotation_list) == list(catalog.routine("sit-break").rotation)


def test_adding_to_the_sit_break_appends_a_new_rotation_group(qtbot, page, catalog):
    select(page.catalog_list, ("cat-cow",))
    routines = emitted(qtbot, page, lambda: click(qtbot, page.add_button))
    sit = routines["sit-break"]
    assert sit.rotation == catalog.routine("sit-break").rotation + (("cat-cow",),)
    assert sit.exercises == catalog.routine("sit-break").exercises
    assert page.rotation_list.currentRow() == len(sit.rotation) - 1


def test_adding_to_every_break_appends_to_the_fixed_exercises(qtbot, page, catalog):
    select(page.catalog_list, ("cat-cow",))
    routines = emitted(qtbot, page, lambda: click(qtbot, page.add_every_break_button))
    assert routines["sit-break"].exercises == catalog.routine("sit-break").exercises + ("cat-cow",)


def test_adding_to_a_pre_run_routine_appends_the_exercise(qtbot, page, catalog):
    show(page, "pre-run-glutes")
    assert not page.rotation_list.isVisible() and not page.add_every_break_button.isVisible()
    select(page.catalog_list, ("bird-dog",))
    routines = emitted(qtbot, page, lambda: qtbot.keyClick(page.catalog_list, Qt.Key.Key_Return))
    assert routines["pre-run-glutes"].exercises == catalog.routine("pre-run-glutes").exercises + ("bird-dog",)


def test_an_edit_emits_every_routine_and_changes_only_the_shown_one(qtbot, page, catalog):
    show(page, "pre-run-glutes")
    page.routine_list.setCurrentRow(0)
    routines = emitted(qtbot, page, lambda: click(qtbot, page.remove_button))
    assert set(routines) == set(catalog.routines)
    assert {rid: r for rid, r in routines.items() if rid != "pre-run-glutes"} == {
        rid: r for rid, r in catalog.routines.items() if rid != "pre-run-glutes"}


def test_remove_drops_the_selected_exercise(qtbot, page, catalog):
    show(page, "pre-run-glutes")
    page.routine_list.setCurrentRow(1)
    routines = emitted(qtbot, page, lambda: click(qtbot, page.remove_button))
    expected = list(catalog.routine("pre-run-glutes").exercises)
    del expected[1]
    assert routines["pre-run-glutes"].exercises == tuple(expected)


def test_delete_removes_the_selected_rotation_group(qtbot, page, catalog):
    page.rotation_list.setCurrentRow(0)
    page.rotation_list.setFocus()
    routines = emitted(qtbot, page, lambda: qtbot.keyClick(page.rotation_list, Qt.Key.Key_Delete))
    assert routines["sit-break"].rotation == catalog.routine("sit-break").rotation[1:]


def test_move_down_and_up_reorder_and_follow_the_row(qtbot, page, catalog):
    show(page, "evening-back-care")
    first, second = catalog.routine("evening-back-care").exercises[:2]
    page.routine_list.setCurrentRow(0)
    routines = emitted(qtbot, page, lambda: click(qtbot, page.move_down))
    assert routines["evening-back-care"].exercises[:2] == (second, first)
    assert page.routine_list.currentRow() == 1
    routines = emitted(qtbot, page, lambda: click(qtbot, page.move_up))
    assert routines["evening-back-care"].exercises[:2] == (first, second)


def test_ctrl_down_moves_a_rotation_group(qtbot, page, catalog):
    rotation = catalog.routine("sit-break").rotation
    page.rotation_list.setCurrentRow(0)
    page.rotation_list.setFocus()
    routines = emitted(qtbot, page, lambda: qtbot.keyClick(
        page.rotation_list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier))
    assert routines["sit-break"].rotation[:2] == (rotation[1], rotation[0])


def test_pair_joins_a_group_onto_the_one_above(qtbot, page, catalog):
    rotation = catalog.routine("sit-break").rotation
    page.rotation_list.setCurrentRow(2)
    routines = emitted(qtbot, page, lambda: click(qtbot, page.pair_button))
    assert routines["sit-break"].rotation == (rotation[0], rotation[1] + rotation[2], rotation[3])
    assert page.rotation_list.currentRow() == 1


def test_split_gives_each_exercise_of_a_group_its_own_break(qtbot, page, catalog):
    rotation = catalog.routine("sit-break").rotation
    assert len(rotation[1]) == 2
    page.rotation_list.setCurrentRow(1)
    routines = emitted(qtbot, page, lambda: click(qtbot, page.split_button))
    assert routines["sit-break"].rotation == (
        rotation[0], (rotation[1][0],), (rotation[1][1],), *rotation[2:])


def test_pair_is_off_for_the_first_group_and_split_for_a_single(page):
    page.rotation_list.setCurrentRow(0)
    assert not page.pair_button.isEnabled()
    assert not page.split_button.isEnabled()


def test_restore_default_brings_back_the_shipped_routine(qtbot, make_page, catalog, one_exercise_prerun):
    page = make_page([one_exercise_prerun])
    show(page, "pre-run-glutes")
    routines = emitted(qtbot, page, lambda: click(qtbot, page.restore_button))
    assert routines["pre-run-glutes"] == catalog.routine("pre-run-glutes")
    assert not page.restore_button.isEnabled()


def test_restore_default_is_off_while_the_routine_is_the_default(page):
    assert not page.restore_button.isEnabled()


@pytest.mark.parametrize("place", ["desk", "standing", "floor"])
def test_the_place_filter_shows_only_exercises_done_there(page, catalog, place):
    page.place_filter.setCurrentIndex(page.place_filter.findData(place))
    shown = [catalog.exercise(row[0]) for row in ids(page.catalog_list, visible_only=True)]
    assert shown
    assert all(exercise.place == place for exercise in shown)
    assert len(shown) == sum(e.place == place for e in catalog.exercises.values())


def test_the_place_filter_all_shows_the_whole_catalog(page, catalog):
    page.place_filter.setCurrentIndex(page.place_filter.findData("floor"))
    page.place_filter.setCurrentIndex(0)
    assert len(ids(page.catalog_list, visible_only=True)) == len(catalog.exercises)


def test_the_last_exercise_cannot_be_removed(qtbot, make_page, one_exercise_prerun):
    page = make_page([one_exercise_prerun])
    show(page, "pre-run-glutes")
    page.routine_list.setCurrentRow(0)
    page.routine_list.setFocus()
    assert not page.remove_button.isEnabled()
    assert page.hint.text() == LAST_EXERCISE_HINT
    with qtbot.assertNotEmitted(page.routinesChanged):
        qtbot.keyClick(page.routine_list, Qt.Key.Key_Delete)
    assert page.routines()["pre-run-glutes"] == one_exercise_prerun


def test_the_last_rotation_group_can_go_while_every_break_has_exercises(page):
    page.rotation_list.setCurrentRow(0)
    assert page.remove_button.isEnabled()


def test_an_exercise_already_in_the_routine_cannot_be_added_again(page):
    select(page.catalog_list, ("walk-around",))
    assert not page.add_button.isEnabled()
    assert "already in this routine" in page.hint.text()


def test_every_row_has_a_thumbnail_icon(page):
    for widget in (page.routine_list, page.rotation_list, page.catalog_list):
        for row in range(widget.count()):
            icon = widget.item(row).icon()
            assert not icon.isNull()
            assert not icon.pixmap(48, 48).isNull()


def test_rows_show_their_picture_on_screen(page):
    image = page.catalog_list.viewport().grab().toImage()
    base = page.catalog_list.palette().color(QPalette.ColorRole.Base)
    rect = page.catalog_list.visualItemRect(page.catalog_list.item(0))
    picture = {image.pixelColor(x, y).rgb()
               for x in range(rect.left(), rect.left() + 56) for y in range(rect.top(), rect.bottom())}
    assert picture - {base.rgb()}, "the first row's picture is blank"


def test_pictures_follow_the_palette_from_light_to_dark(page):
    light_base = page.catalog_list.palette().color(QPalette.ColorRole.Base)
    assert page.catalog_list.item(0).icon().pixmap(48, 48).toImage().pixelColor(0, 0) == light_base
    dark = QPalette(page.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e8e8e8"))
    page.setPalette(dark)
    assert page.catalog_list.item(0).icon().pixmap(48, 48).toImage().pixelColor(0, 0) == QColor("#1e1e1e")


def test_set_current_shows_the_new_routines_without_emitting(qtbot, page, catalog):
    sit = with_routine_exercises(catalog.routine("sit-break"), ["walk-around"], [["cat-cow"]])
    with qtbot.assertNotEmitted(page.routinesChanged):
        page.set_current(catalog_with_routines(catalog, {"sit-break": sit}))
    assert ids(page.routine_list) == [("walk-around",)]
    assert ids(page.rotation_list) == [("cat-cow",)]
    assert page.restore_button.isEnabled()


def test_widgets_have_stable_names_and_accessible_names(page):
    for name in ("routineChooser", "routineList", "rotationList", "catalogList", "placeFilter",
                 "addExercise", "removeExercise", "moveUp", "moveDown", "restoreRoutine",
                 "pairGroup", "splitGroup", "addToEveryBreak"):
        widget = page.findChild(object, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_tab_walks_from_the_chooser_through_lists_and_buttons(page):
    names = []
    widget = page.routine_chooser
    while True:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            names.append(widget.objectName())
        widget = widget.nextInFocusChain()
        if widget is page.routine_chooser:
            break
    assert names.index("routineList") < names.index("rotationList") < names.index("moveUp")
    assert names.index("removeExercise") < names.index("placeFilter") < names.index("catalogList")


def test_the_page_fits_a_settings_dialog(page):
    hint = page.minimumSizeHint()
    assert hint.width() <= 640 and hint.height() <= 520


def test_a_catalog_without_poses_still_gives_every_row_a_picture(make_page):
    page = make_page(poses={})
    assert not page.catalog_list.item(0).icon().isNull()


def test_routines_other_than_the_first_of_a_kind_are_not_offered(page, catalog):
    offered = {page.routine_chooser.itemData(i) for i in range(page.routine_chooser.count())}
    assert "runner-core-six" in catalog.routines and "runner-core-six" not in offered
