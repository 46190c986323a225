"""The "New exercise…" dialog: the entry it makes, its figure picker and moving preview, its problems and saving.

The dialog is given ``validate`` and ``save`` by its owner; here they are
fakes: a validate with a few simple rules (so the problems show as they
would), and a save that keeps what it was given or refuses it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel

from deskbreak.core.content.poses import load_poses
from deskbreak.ui import screen_fit
from deskbreak.core.content.user_exercises import EntryProblem
from deskbreak.ui.exercise_editor import ExerciseEditor, ExerciseHooks, exercise_id_from
from deskbreak.ui.figure_picker import LoopingFigure
from deskbreak.ui.exercise_rows import IDS_ROLE
from deskbreak.ui.routines_page import RoutinesPage
from deskbreak.ui.wheel_guard import WheelGuard

from .layout_checks import SCREENS, available, font_scale, layout_problems, smallest_framed_size  # noqa: F401
from .test_idle_memory import started_app_modules
from .test_wheel import wheel

SMALL = available(SCREENS["1024x600"])


class SaveRefused(ValueError):
    """What a save that cannot write raises: a ValueError with a message for the user."""


class FakeOwner:
    """The dialog's owner: validates by a few rules, keeps what is saved, or refuses to save."""

    def __init__(self, catalog, refuse: str | None = None, reduced_motion: bool = False) -> None:
        self.catalog = catalog
        self.refuse = refuse
        self.saved: list[dict] = []
        self.validated: list[dict] = []
        self.hooks = ExerciseHooks(validate=self.validate, save=self.save, reduced_motion=lambda: reduced_motion)

    def validate(self, entry: dict) -> list[str]:
        self.validated.append(entry)
        rules = {
            "name": (not entry["name"], "give the exercise a name"),
            "id": (entry["id"] in self.catalog.exercises, f"'{entry['id']}' is the id of a catalog exercise already"),
            "pose": (not entry["pose"], "pick the figure to show"),
            "targets": (not entry["targets"], "tick what it works"),
            "steps": (not entry["steps"], "write at least one step"),
            "reps": (entry.get("reps", 0) > 50, "at most 50"),
        }
        return [EntryProblem(f"{key}: {detail}", key, detail) for key, (wrong, detail) in rules.items() if wrong]

    def save(self, entry: dict) -> None:
        if self.refuse:
            raise SaveRefused(self.refuse)
        self.saved.append(entry)


@pytest.fixture(scope="module")
def poses(catalog):
    return load_poses(catalog=catalog)


@pytest.fixture(autouse=True)
def _style_as_it_was(qapp):
    """The dialog installs the wheel guard; the next test gets the style it had (as tests/ui/test_wheel.py)."""
    style = qapp.style().name()
    yield
    qapp.setStyle(style)


@pytest.fixture
def owner(catalog) -> FakeOwner:
    return FakeOwner(catalog)


@pytest.fixture
def make_editor(qtbot, catalog, poses):
    def make(owner: FakeOwner) -> ExerciseEditor:
        editor = ExerciseEditor(catalog.exercises, poses, owner.hooks)
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitExposed(editor)
        return editor

    return make


@pytest.fixture
def editor(make_editor, owner) -> ExerciseEditor:
    return make_editor(owner)


def row_of(editor: ExerciseEditor, exercise_id: str) -> int:
    grid = editor.figure_grid
    return next(row for row in range(grid.count()) if grid.item(row).data(IDS_ROLE) == (exercise_id,))


def pick_figure(qtbot, editor: ExerciseEditor, exercise_id: str) -> None:
    grid = editor.figure_grid
    item = grid.item(row_of(editor, exercise_id))
    grid.scrollToItem(item)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualItemRect(item).center())


def fill(qtbot, editor: ExerciseEditor, *, name="Wall calf stretch", targets=("legs",),
         steps="Face a wall, one foot back.\n\n  Press the back heel down.  \n", pose="split-hip-stretch") -> None:
    editor.name_field.setText(name)
    for target in targets:
        editor.target_boxes[target].setChecked(True)
    editor.steps_field.setPlainText(steps)
    if pose:
        pick_figure(qtbot, editor, pose)


def shown_problem(editor: ExerciseEditor, key: str) -> str:
    label = editor.problem_labels[key]
    return label.text() if label.isVisible() else ""


# -- the entry ---------------------------------------------------------------------------


def test_a_hold_makes_exactly_the_entry_of_exercises_toml(qtbot, editor, owner):
    fill(qtbot, editor)
    editor.hold_seconds.setValue(45)
    editor.sides_box.setChecked(True)
    assert editor.entry() == {
        "id": "wall-calf-stretch", "name": "Wall calf stretch", "pose": "split-hip-stretch", "targets": ["legs"],
        "steps": ["Face a wall, one foot back.", "Press the back heel down."], "hold": "45s", "sides": True,
    }
    qtbot.waitUntil(editor.save_button.isEnabled, timeout=2000)  # checked once typing pauses
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert owner.saved == [editor.entry()] and editor.saved_entry == editor.entry()
    assert editor.result() == ExerciseEditor.DialogCode.Accepted


def test_reps_make_an_entry_with_reps_and_their_hold_instead_of_a_hold(qtbot, editor):
    fill(qtbot, editor, name="Heel raises", targets=("feet", "legs"), steps="Rise onto your toes.")
    qtbot.mouseClick(editor.reps_choice, Qt.MouseButton.LeftButton)
    editor.reps_count.setValue(1)
    assert editor.reps_count.text() == "1 time"
    editor.reps_count.setValue(12)
    assert editor.reps_count.text() == "12 times"
    editor.rep_hold_seconds.setValue(2)
    assert not editor.hold_seconds.isEnabled() and editor.reps_count.isEnabled()
    assert editor.entry() == {
        "id": "heel-raises", "name": "Heel raises", "pose": "split-hip-stretch", "targets": ["legs", "feet"],
        "steps": ["Rise onto your toes."], "reps": 12, "rep_hold": "2s", "sides": False,
    }


def test_every_value_the_spin_boxes_reach_is_one_exercises_toml_accepts(qtbot, editor, catalog):
    """The editor once let a hold go down to 1 s while the file's check wants 3 s: both read one table now."""
    from deskbreak.core.content.user_exercises import validate_exercise_entry

    fill(qtbot, editor)
    for box in (editor.hold_seconds, editor.reps_count, editor.rep_hold_seconds):
        qtbot.mouseClick(editor.reps_choice if box is not editor.hold_seconds else editor.hold_choice,
                         Qt.MouseButton.LeftButton)
        for value in (box.minimum(), box.maximum()):
            box.setValue(value)
            assert validate_exercise_entry(editor.entry(), catalog) == [], (box.objectName(), value)


def test_the_id_is_the_name_as_a_slug_until_the_user_writes_one(qtbot, editor):
    assert exercise_id_from("Wall calf stretch") == "wall-calf-stretch"
    assert exercise_id_from("  Übung Nr. 2 (links)!") == "ubung-nr-2-links"
    editor.name_field.setText("Neck roll")
    assert editor.id_field.text() == "neck-roll"
    editor.id_field.setFocus()
    editor.id_field.selectAll()
    qtbot.keyClicks(editor.id_field, "my-neck")
    editor.name_field.setText("Neck roll, slow")
    assert editor.id_field.text() == "my-neck"
    editor.id_field.selectAll()
    qtbot.keyClick(editor.id_field, Qt.Key.Key_Backspace)  # emptied: it follows the name again
    assert editor.id_field.text() == "neck-roll-slow"


# -- the figure ------------------------------------------------------------------------


def test_the_grid_has_a_picture_of_every_pose_named_by_its_exercise(editor, catalog, poses):
    grid = editor.figure_grid
    assert sorted(grid.item(row).data(IDS_ROLE)[0] for row in range(grid.count())) == sorted(poses)
    item = grid.item(row_of(editor, "split-hip-stretch"))
    assert item.toolTip() == item.text() == catalog.exercise("split-hip-stretch").name
    long = grid.item(row_of(editor, "seated-upper-back-stretch"))
    assert long.toolTip() == "Seated upper back stretch, arms crossed"
    lines = long.text().split("\n")  # too long for the cell: two lines, the last cut short
    assert len(lines) == 2 and lines[1].endswith("…")
    assert all(grid.fontMetrics().horizontalAdvance(line) < grid.gridSize().width() for line in lines)
    assert not item.icon().isNull()


def test_a_click_on_a_picture_picks_the_figure_and_previews_it_moving(qtbot, editor):
    pick_figure(qtbot, editor, "plank")
    assert editor.entry()["pose"] == "plank" and editor.preview_pose() == "plank"
    assert editor.preview.moving
    qtbot.waitUntil(lambda: 0.05 < editor.preview.progress < 0.95, timeout=2000)  # between start and hold
    assert "Plank" in editor.preview_caption.text()


def test_the_keyboard_moves_through_the_pictures_and_picks_as_it_goes(qtbot, editor):
    grid = editor.figure_grid
    pick_figure(qtbot, editor, "plank")
    row = row_of(editor, "plank")
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    following = grid.item(row + 1).data(IDS_ROLE)[0]
    assert editor.entry()["pose"] == following and editor.preview_pose() == following
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    assert editor.entry()["pose"] == "plank" and editor.preview_pose() == "plank"


def test_the_preview_goes_to_the_hold_and_back(qtbot, editor):
    pick_figure(qtbot, editor, "glute-bridge")
    loop = editor.preview.loop
    assert editor.preview.moving and loop.duration() == LoopingFigure.ROUND_MS
    # The round's own clock, moved by hand: no waiting for it.
    loop.setCurrentTime(int(loop.duration() * 0.4))  # held at the hold
    assert editor.preview.progress == 1.0
    loop.setCurrentTime(int(loop.duration() * 0.95))  # back near the start
    assert editor.preview.progress < 0.5


def test_with_reduced_motion_the_preview_shows_the_hold_pose_still(qtbot, make_editor, catalog):
    editor = make_editor(FakeOwner(catalog, reduced_motion=True))
    pick_figure(qtbot, editor, "glute-bridge")
    assert editor.preview_pose() == "glute-bridge"
    assert editor.preview.progress == 1.0 and not editor.preview.moving and not editor.preview.timer.isActive()


def test_a_hidden_preview_stops_moving(qtbot, editor):
    pick_figure(qtbot, editor, "glute-bridge")
    editor.hide()
    assert not editor.preview.moving
    editor.show()
    assert editor.preview.moving


# -- problems and saving ----------------------------------------------------------------


def test_an_empty_form_shows_no_errors_only_what_is_still_to_fill_in(qtbot, editor):
    assert not editor.save_button.isEnabled()
    assert all(not label.isVisible() for label in editor.problem_labels.values())
    assert editor.still_needed.isVisible()
    assert editor.still_needed.text() == "To save, fill in: Name, Works, Steps, Figure"  # the form's order; the id comes with the name
    editor.steps_field.setPlainText("Stand tall.")
    editor.steps_field.setPlainText("")  # been at it, and left it empty
    qtbot.waitUntil(lambda: shown_problem(editor, "steps") != "", timeout=2000)
    assert "Steps" not in editor.still_needed.text() and "Name" in editor.still_needed.text()


def test_problems_show_under_their_fields_and_save_waits_for_none(qtbot, editor):
    fill(qtbot, editor, name="Cat cow")  # its slug is a catalog exercise's id
    qtbot.waitUntil(lambda: "cat-cow" in shown_problem(editor, "id"), timeout=2000)
    assert not shown_problem(editor, "id").startswith("key")  # under its field the key goes without saying
    assert shown_problem(editor, "name") == "" and shown_problem(editor, "pose") == ""
    assert not editor.save_button.isEnabled()
    assert editor.id_field.accessibleDescription() == shown_problem(editor, "id")

    editor.name_field.setText("Cat cow, seated")
    qtbot.waitUntil(editor.save_button.isEnabled, timeout=2000)
    assert shown_problem(editor, "id") == ""

    qtbot.mouseClick(editor.reps_choice, Qt.MouseButton.LeftButton)
    editor.reps_count.setValue(80)
    qtbot.waitUntil(lambda: "at most 50" in shown_problem(editor, "reps"), timeout=2000)
    assert not editor.save_button.isEnabled()


def test_a_problem_naming_no_field_shows_below_the_fields(qtbot, make_editor, catalog):
    owner = FakeOwner(catalog)
    owner.hooks = ExerciseHooks(validate=lambda entry: ["the file is locked by another program"], save=owner.save)
    editor = make_editor(owner)
    assert editor.general_problems.isVisible() and "locked" in editor.general_problems.text()
    assert not editor.save_button.isEnabled()


def test_a_save_error_shows_in_the_dialog_which_stays_open_with_everything_typed(qtbot, make_editor, catalog):
    owner = FakeOwner(catalog, refuse="exercises.toml: cannot write: disk full")
    editor = make_editor(owner)
    fill(qtbot, editor)
    qtbot.waitUntil(editor.save_button.isEnabled, timeout=2000)
    typed = editor.entry()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.saved_entry is None
    assert editor.save_error.isVisible() and "disk full" in editor.save_error.text()
    assert editor.entry() == typed and editor.steps_field.toPlainText().startswith("Face a wall")

    owner.refuse = None  # the disk has room again: the same input saves
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert owner.saved == [typed] and not editor.isVisible()


def test_escape_cancels_and_saves_nothing(qtbot, editor, owner):
    fill(qtbot, editor)
    editor.name_field.setFocus()
    qtbot.keyClick(editor.name_field, Qt.Key.Key_Escape)
    assert not editor.isVisible() and editor.result() == ExerciseEditor.DialogCode.Rejected
    assert owner.saved == []


# -- the app's rules for windows --------------------------------------------------------


def test_the_wheel_over_an_unfocused_spin_box_changes_nothing(qtbot, editor):
    assert isinstance(QApplication.instance().style(), WheelGuard)
    qtbot.mouseClick(editor.reps_choice, Qt.MouseButton.LeftButton)
    editor.name_field.setFocus()
    for box in (editor.reps_count, editor.rep_hold_seconds):
        before = box.value()
        wheel(box, notches=3)
        assert box.value() == before and not box.hasFocus()
    editor.reps_count.setFocus()
    wheel(editor.reps_count, delta=120)
    assert editor.reps_count.value() == 11  # with the keyboard it still takes the wheel


def test_the_dialog_fits_a_1024x600_screen_with_nothing_cut_off(qtbot, monkeypatch, catalog, poses, owner, font_scale):
    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: QRect(SMALL))
    editor = ExerciseEditor(catalog.exercises, poses, owner.hooks)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    least = smallest_framed_size(editor)
    assert least.width() <= SMALL.width() and least.height() <= SMALL.height(), least
    assert editor.width() <= SMALL.width() and editor.height() <= SMALL.height()
    fill(qtbot, editor, name="Cat cow")
    editor.validate_now()
    QApplication.processEvents()
    assert layout_problems(editor) == []
    assert editor.figure_grid.height() >= editor.figure_grid.gridSize().height()  # a row of pictures at least


def test_every_field_has_an_accessible_name(editor):
    fields = [editor.name_field, editor.id_field, editor.steps_field, editor.hold_choice, editor.reps_choice,
              editor.hold_seconds, editor.reps_count, editor.rep_hold_seconds, editor.sides_box,
              editor.figure_grid, *editor.target_boxes.values()]
    assert all(field.accessibleName() or (field.text() if hasattr(field, "text") else "") for field in fields)
    assert all(label.buddy() is not None for label in editor.findChildren(QLabel) if "&" in label.text())


# -- the routines page ------------------------------------------------------------------


@pytest.fixture
def page(qtbot, catalog, poses, owner) -> RoutinesPage:
    widget = RoutinesPage(catalog, catalog, poses, new_exercise=owner.hooks)
    qtbot.addWidget(widget)
    widget.resize(700, 560)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_routines_page_button_opens_the_editor_with_its_owners_functions(qtbot, page, owner):
    assert page.exercise_editor is None  # no pictures drawn before it opens
    qtbot.mouseClick(page.new_exercise_button, Qt.MouseButton.LeftButton)
    editor = page.exercise_editor
    assert isinstance(editor, ExerciseEditor) and editor.isVisible() and editor.parent() is page
    assert owner.validated, "the owner's validate checks the entry"
    fill(qtbot, editor)
    qtbot.waitUntil(editor.save_button.isEnabled, timeout=2000)
    with qtbot.waitSignal(page.exerciseCreated, timeout=1000) as created:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert owner.saved == [created.args[0]] and created.args[0]["id"] == "wall-calf-stretch"
    qtbot.waitUntil(lambda: page.exercise_editor is None, timeout=2000)  # closed, and gone with its pictures


def test_a_routines_page_without_an_owner_for_new_exercises_has_no_button(qtbot, catalog, poses):
    widget = RoutinesPage(catalog, catalog, poses)
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.new_exercise_button.isVisible()


def test_a_started_deskbreak_has_not_loaded_the_editor(tmp_path):
    assert started_app_modules(tmp_path, ("deskbreak.ui.exercise_editor",))["loaded"] == []


def test_the_routines_page_with_its_button_fits_the_settings_dialog_on_a_small_screen(
        qtbot, monkeypatch, tmp_path, catalog, poses, owner, font_scale):  # noqa: F811
    from deskbreak.core.settings.store import SettingsStore
    from deskbreak.ui.settings_dialog import SettingsDialog

    monkeypatch.setattr(screen_fit, "available_area", lambda _widget: QRect(SMALL))
    page = RoutinesPage(catalog, catalog, poses, new_exercise=owner.hooks)
    dialog = SettingsDialog(SettingsStore(tmp_path / "settings.toml"), routines_page=page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.sections.setCurrentRow(list(dialog.pages).index("routines"))
    QApplication.processEvents()
    assert page.new_exercise_button.isVisible()
    assert layout_problems(dialog) == []
