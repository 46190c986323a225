"""The "New exercise…" dialog: an exercise of the user's own, drawn with the figure of a catalog exercise.

The user names the exercise (its id follows the name as a slug until the
user edits the id), ticks what it works, writes its steps one per line,
chooses a hold or counted reps, and whether it is done on both sides. The
figure is picked from pictures of every catalog exercise's pose, and the
chosen one is previewed moving from its start to its hold pose and back
(only the hold pose with reduced motion, as in a break).

The dialog holds no file logic. Its owner gives it two functions:
``validate(entry)`` returns the problems of an entry (each naming its key),
shown under the fields as the user types, Save staying disabled while there
are any; ``save(entry)`` keeps it, or raises a :class:`ValueError` whose
message the dialog shows while it stays open with everything typed. An
entry is a plain dict in the shape of ``exercises.toml``'s ``[[exercise]]``
tables (:meth:`ExerciseEditor.entry`).

Nothing here is loaded before the dialog first opens, and its pictures are
drawn as the grid first shows them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Mapping

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from deskbreak.core.content.catalog import TARGETS, Exercise, words
from deskbreak.core.content.poses import ExercisePoses
from deskbreak.core.content.user_exercises import HOLD_SECONDS, REP_HOLD_SECONDS, REPS
from deskbreak.core.i18n import Context, translate
from deskbreak.ui import screen_fit, style
from deskbreak.ui.exercise_rows import first_upper
from deskbreak.ui.figure_picker import FigureGrid, LoopingFigure
from deskbreak.ui.wheel_guard import install_wheel_guard

__all__ = ["ExerciseEditor", "ExerciseHooks", "exercise_id_from"]

Entry = dict[str, object]

exercise_editor = Context("exercise_editor")  # for plurals: lupdate reads the context from this name


#: How long the user may pause typing before the entry is checked again.
VALIDATE_DELAY_MS = 300

#: The keys the timing row sets: one edit there is an edit of each.
TIMING_KEYS = ("hold", "reps", "rep_hold")


@dataclass(frozen=True)
class ExerciseHooks:
    """What the editor asks of whoever opens it.

    ``validate(entry)`` returns problem messages ([] when the entry is fine);
    one with a ``key`` and a ``detail`` (an
    :class:`~deskbreak.core.content.user_exercises.EntryProblem`) is shown
    under that key's field, any other below the fields; ``save(entry)`` keeps the entry or
    raises a :class:`ValueError` with a message for the user;
    ``reduced_motion()`` says, when the dialog opens, whether the preview
    should only show the hold pose (the ``motion`` setting and the desktop's
    preference, as for a break).
    """

    validate: Callable[[Entry], list[str]]
    save: Callable[[Entry], None]
    reduced_motion: Callable[[], bool] = field(default=lambda: False)


def exercise_id_from(name: str) -> str:
    """The id an exercise called ``name`` gets: lower-case ASCII letters and digits joined by '-'.

    "Wall calf stretch" -> "wall-calf-stretch", "Übung Nr. 2" -> "ubung-nr-2".
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def plain_label(text: str) -> str:
    """ "Steps" for the label "S&teps:": how a list of fields names it."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(": ")


# -- the dialog --------------------------------------------------------------------------


class ExerciseEditor(QDialog):
    """Make an exercise of the user's own: see the module docstring.

    ``exercises`` are the catalog exercises whose figures may be borrowed,
    ``poses`` their figures. After a successful save ``saved_entry`` holds
    what was saved and the dialog is accepted.
    """

    def __init__(self, exercises: Mapping[str, Exercise], poses: Mapping[str, ExercisePoses],
                 hooks: ExerciseHooks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install_wheel_guard(QApplication.instance())
        self.setObjectName("exerciseEditor")
        self.setWindowTitle(translate("exercise_editor", "deskbreak: New exercise"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self._exercises = exercises
        self._poses = poses
        self._hooks = hooks
        self._id_follows_name = True
        # A field's problems show once the user has been at it: an empty form is not a list of errors.
        self._touched: set[str] = set()
        self.saved_entry: Entry | None = None
        self.problems: list[str] = []
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate_now)

        self.problem_labels: dict[str, QLabel] = {}
        self._field_names: dict[str, str] = {}
        columns = QHBoxLayout()
        columns.addWidget(self._build_form(), 5)
        columns.addLayout(self._build_figure_column(), 6)
        self.general_problems = self._problem_label("problem:other")
        self.still_needed = QLabel(self)
        self.still_needed.setObjectName("stillNeeded")
        self.still_needed.setWordWrap(True)
        style.set_text_color(self.still_needed, style.muted_color(self.still_needed.palette()))
        self.save_error = self._problem_label("saveError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveExercise")
        self.save_button.setText(translate("exercise_editor", "&Save"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelExercise")
        cancel.setText(translate("exercise_editor", "Cancel"))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.general_problems)
        layout.addWidget(self.still_needed)
        layout.addWidget(self.save_error)
        layout.addWidget(self.buttons)

        self._set_motion(bool(hooks.reduced_motion()))
        self._connect_edits()
        self.validate_now()
        self.name_field.setFocus()
        line = self.fontMetrics().height()
        screen_fit.place(self, QSize(line * 62, line * 36))

    # -- building ----------------------------------------------------------------

    def _problem_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        style.set_text_color(label, style.danger_color(label.palette()))
        label.hide()
        return label

    def _field_row(self, form: QFormLayout, label_text: str, field: QWidget, key: str,
                   accessible_name: str, hint: str = "") -> QLabel:
        """A labelled field, with a quiet hint and the problems of its key under it; returns the label."""
        field.setAccessibleName(accessible_name)
        label = QLabel(label_text)
        label.setBuddy(field)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        if hint:
            quiet = QLabel(hint)
            quiet.setWordWrap(True)
            style.set_text_color(quiet, style.muted_color(quiet.palette()))
            column.addWidget(quiet)
        problem = self._problem_label(f"problem:{key}")
        column.addWidget(problem)
        self.problem_labels[key] = problem
        self._field_names[key] = plain_label(label_text)
        form.addRow(label, holder)
        return label

    def _build_form(self) -> QScrollArea:
        form_widget = QWidget()
        column = QVBoxLayout(form_widget)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)  # spare height below the fields, not between them
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.name_field = QLineEdit()
        self.name_field.setObjectName("exerciseName")
        self.name_field.setPlaceholderText(translate("exercise_editor", "Wall calf stretch"))
        self._field_row(form, translate("exercise_editor", "&Name:"), self.name_field, "name",
                        translate("exercise_editor", "Name of the exercise"))
        self.id_field = QLineEdit()
        self.id_field.setObjectName("exerciseId")
        self._field_row(form, translate("exercise_editor", "&Id:"), self.id_field, "id",
                        translate("exercise_editor", "Id of the exercise"),
                        translate("exercise_editor", "How routines.toml names it; made from the name."))

        targets = QWidget()
        targets.setObjectName("exerciseTargets")
        grid = QGridLayout(targets)
        grid.setContentsMargins(0, 0, 0, 0)
        self.target_boxes: dict[str, QCheckBox] = {}
        for index, target in enumerate(TARGETS):
            box = QCheckBox(first_upper(words(target)), targets)
            box.setObjectName(f"target:{target}")
            box.setAccessibleName(translate("exercise_editor", "Works {target}").format(target=words(target)))
            grid.addWidget(box, *divmod(index, 3))
            self.target_boxes[target] = box
        works = self._field_row(form, translate("exercise_editor", "&Works:"), targets, "targets",
                                translate("exercise_editor", "What the exercise works"))
        works.setBuddy(self.target_boxes[TARGETS[0]])

        self.steps_field = QPlainTextEdit()
        self.steps_field.setObjectName("exerciseSteps")
        self.steps_field.setTabChangesFocus(True)
        self.steps_field.setPlaceholderText(translate("exercise_editor", "Face a wall, one foot back.\n"
                                                                         "Press the back heel down."))
        # Room for a few steps, so the timing below stays in view on a small screen; more scroll.
        self.steps_field.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 2 * self.steps_field.frameWidth() + 8)
        self._field_row(form, translate("exercise_editor", "S&teps:"), self.steps_field, "steps",
                        translate("exercise_editor", "Steps, one per line"),
                        translate("exercise_editor", "One step per line."))

        timing = self._field_row(form, translate("exercise_editor", "Ti&ming:"), self._build_timing(), "hold",
                                 translate("exercise_editor", "Timing"))
        timing.setBuddy(self.hold_choice)
        for key in ("reps", "rep_hold"):
            self.problem_labels[key] = self.problem_labels["hold"]
            self._field_names[key] = self._field_names["hold"]

        self.sides_box = QCheckBox(translate("exercise_editor", "&Both sides, one after the other"))
        self.sides_box.setObjectName("exerciseSides")
        self._field_row(form, "", self.sides_box, "sides", translate("exercise_editor", "Both sides"))

        scroll = QScrollArea()
        scroll.setObjectName("exerciseForm")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(form_widget)
        # Never narrower than its fields (it scrolls only up and down): longer words widen the column.
        scroll.setMinimumWidth(form_widget.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        return scroll

    def _seconds_box(self, name: str, value: int, bounds: tuple[int, int], accessible_name: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(*bounds)
        box.setValue(value)
        box.setSuffix(translate("exercise_editor", " s"))
        box.setAccessibleName(accessible_name)
        return box

    def _build_timing(self) -> QWidget:
        self.timing = QWidget()
        self.timing.setObjectName("exerciseTiming")
        grid = QGridLayout(self.timing)
        grid.setContentsMargins(0, 0, 0, 0)
        self.hold_choice = QRadioButton(translate("exercise_editor", "&Hold for"))
        self.hold_choice.setObjectName("holdChoice")
        self.reps_choice = QRadioButton(translate("exercise_editor", "&Repeat"))
        self.reps_choice.setObjectName("repsChoice")
        self._timing_choice = QButtonGroup(self)
        self._timing_choice.addButton(self.hold_choice)
        self._timing_choice.addButton(self.reps_choice)
        self.hold_choice.setChecked(True)
        self.hold_seconds = self._seconds_box("holdSeconds", 30, HOLD_SECONDS,
                                              translate("exercise_editor", "Hold, in seconds"))
        self.reps_count = QSpinBox()
        self.reps_count.setObjectName("repsCount")
        self.reps_count.setRange(*REPS)
        self.reps_count.valueChanged.connect(self._name_reps)
        self.reps_count.setValue(10)
        self.reps_count.setAccessibleName(translate("exercise_editor", "Repetitions"))
        self.rep_hold_seconds = self._seconds_box("repHoldSeconds", 3, REP_HOLD_SECONDS,
                                                  translate("exercise_editor", "Hold of each repetition, in seconds"))
        each = QLabel(translate("exercise_editor", "holding each"))
        each.setBuddy(self.rep_hold_seconds)
        grid.addWidget(self.hold_choice, 0, 0)
        grid.addWidget(self.hold_seconds, 0, 1)
        grid.addWidget(self.reps_choice, 1, 0)
        grid.addWidget(self.reps_count, 1, 1)
        grid.addWidget(each, 2, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.rep_hold_seconds, 2, 1)
        grid.setColumnStretch(2, 1)
        self._show_timing()
        return self.timing

    def _name_reps(self, reps: int) -> None:
        # The box shows the number itself: its suffix is the count's words around it.
        self.reps_count.setSuffix(exercise_editor.tr("%n times", None, reps, one="1 time").replace(str(reps), "", 1))

    def _build_figure_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        label = QLabel(translate("exercise_editor", "&Figure, from the catalog:"))
        self.figure_grid = FigureGrid(self._exercises, self._poses)
        self.figure_grid.setObjectName("figureGrid")
        self.figure_grid.setAccessibleName(translate("exercise_editor", "Figures to choose from"))
        label.setBuddy(self.figure_grid)

        self.preview = LoopingFigure(self._poses)
        self.preview.setObjectName("figurePreview")
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setMinimumSize(160, 120)
        self.preview_caption = QLabel(translate("exercise_editor", "Pick a figure above."))
        self.preview_caption.setObjectName("previewCaption")
        self.preview_caption.setWordWrap(True)
        self.preview_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        style.set_text_color(self.preview_caption, style.muted_color(self.preview_caption.palette()))

        column.addWidget(label)
        column.addWidget(self.figure_grid, 3)
        column.addWidget(self._problem_label("problem:pose"))
        self.problem_labels["pose"] = column.itemAt(column.count() - 1).widget()
        self._field_names["pose"] = translate("exercise_editor", "Figure")
        column.addWidget(self.preview, 2)
        column.addWidget(self.preview_caption)
        return column

    # -- reading the fields --------------------------------------------------------------

    def chosen_pose(self) -> str | None:
        return self.figure_grid.chosen()

    def entry(self) -> Entry:
        """What the fields say, in the shape of an ``[[exercise]]`` table of exercises.toml."""
        entry: Entry = {
            "id": self.id_field.text().strip(),
            "name": self.name_field.text().strip(),
            "pose": self.chosen_pose() or "",
            "targets": [target for target in TARGETS if self.target_boxes[target].isChecked()],
            "steps": [line.strip() for line in self.steps_field.toPlainText().splitlines() if line.strip()],
        }
        if self.hold_choice.isChecked():
            entry["hold"] = f"{self.hold_seconds.value()}s"
        else:
            entry["reps"] = self.reps_count.value()
            entry["rep_hold"] = f"{self.rep_hold_seconds.value()}s"
        entry["sides"] = self.sides_box.isChecked()
        return entry

    # -- reacting to edits ------------------------------------------------------------

    def _connect_edits(self) -> None:
        self.name_field.textChanged.connect(self._name_changed)
        self.id_field.textEdited.connect(self._id_edited)
        self.id_field.textChanged.connect(self._edited)
        for box in self.target_boxes.values():
            box.toggled.connect(lambda *_: self._touch("targets"))
        self.steps_field.textChanged.connect(lambda: self._touch("steps"))
        self.hold_choice.toggled.connect(self._show_timing)
        for box in (self.hold_seconds, self.reps_count, self.rep_hold_seconds):
            box.valueChanged.connect(lambda *_: self._touch(*TIMING_KEYS))
        self.sides_box.toggled.connect(lambda *_: self._touch("sides"))
        self.figure_grid.currentItemChanged.connect(lambda *_: self._pose_changed())
        self.figure_grid.itemSelectionChanged.connect(self._pose_changed)

    def _name_changed(self, name: str) -> None:
        self._touched.update(("name", "id"))
        if self._id_follows_name:
            self.id_field.setText(exercise_id_from(name))
        self._edited()

    def _touch(self, *keys: str) -> None:
        self._touched.update(keys)
        self._edited()

    def _id_edited(self, text: str) -> None:
        self._touched.add("id")
        # The id follows the name until the user writes one; emptied, it follows again.
        self._id_follows_name = not text.strip()
        if self._id_follows_name:
            self.id_field.setText(exercise_id_from(self.name_field.text()))

    def _show_timing(self, *_args) -> None:
        holding = self.hold_choice.isChecked()
        self.hold_seconds.setEnabled(holding)
        self.reps_count.setEnabled(not holding)
        self.rep_hold_seconds.setEnabled(not holding)
        if hasattr(self, "save_button"):
            self._touch(*TIMING_KEYS)

    def _pose_changed(self) -> None:
        pose = self.chosen_pose()
        if pose == self.preview_pose():
            return
        self.preview.play(pose)
        exercise = self._exercises.get(pose) if pose else None
        self.preview_caption.setText(
            translate("exercise_editor", "The figure of “{exercise}”").format(exercise=exercise.shown_name())
            if exercise is not None else translate("exercise_editor", "Pick a figure above."))
        self._touch("pose")

    def preview_pose(self) -> str | None:
        poses = self.preview.current_poses
        return poses.exercise if poses is not None else None

    def _edited(self, *_args) -> None:
        self.save_error.hide()
        self._validate_timer.start()

    def _set_motion(self, reduced: bool) -> None:
        self.preview.set_reduced_motion(reduced)

    # -- problems and saving ----------------------------------------------------------

    def validate_now(self) -> list[str]:
        """Check the entry now; show its problems under their fields; Save only without any."""
        self._validate_timer.stop()
        self.problems = list(self._hooks.validate(self.entry()))
        shown: dict[QLabel, list[str]] = {label: [] for label in {*self.problem_labels.values(), self.general_problems}}
        waiting: set[str] = set()
        for problem in self.problems:
            key = getattr(problem, "key", None)
            if key not in self.problem_labels:
                shown[self.general_problems].append(problem)
            elif key in self._touched:
                # Under its own field the key goes without saying.
                shown[self.problem_labels[key]].append(getattr(problem, "detail", problem))
            else:
                waiting.add(key)
        if "name" in waiting:
            waiting.discard("id")  # the id comes with the name
        still = dict.fromkeys(name for key, name in self._field_names.items() if key in waiting)
        for label, problems in shown.items():
            label.setText("\n".join(problems))
            label.setVisible(bool(problems))
        self.still_needed.setText(translate("exercise_editor", "To save, fill in: {fields}").format(
            fields=", ".join(still)))
        self.still_needed.setVisible(bool(still))
        fields = {"name": self.name_field, "id": self.id_field, "steps": self.steps_field,
                  "hold": self.timing, "pose": self.figure_grid}
        for key, widget in fields.items():
            widget.setAccessibleDescription(self.problem_labels[key].text())
        self.save_button.setEnabled(not self.problems)
        return self.problems

    def _save(self) -> None:
        if self.validate_now():
            return
        entry = self.entry()
        try:
            self._hooks.save(entry)
        except (ValueError, OSError) as error:
            # Shown here, with everything typed still in the fields, to fix and save again.
            self.save_error.setText(translate("exercise_editor", "Not saved: {problem}").format(problem=error))
            self.save_error.show()
            return
        self.saved_entry = entry
        self.accept()
