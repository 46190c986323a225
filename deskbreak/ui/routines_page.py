"""The settings dialog's routines page: which exercises each routine holds, in what order.

One routine is shown at a time (the one the app plays for each break kind).
Its exercises are listed in order with a small picture of each; the
sit-break's list is split in two, the exercises of every break and the
rotation, whose rows are groups ("A + B") that take turns, one per break.
Beside it the whole catalog, filterable by place, supplies new exercises.

The page holds no file logic: after every edit it emits the routines
(``routinesChanged``) and whoever owns ``routines.toml`` saves them. Edits
that would leave a routine with nothing to play are refused where they start
(the button is disabled and a line says why), never after the fact.

Everything is reachable from the keyboard: Tab moves through the lists and
buttons, Delete removes, Ctrl+Up/Ctrl+Down move, Enter in the catalog adds.
Colours come from the palette, and the pictures are redrawn when it changes.

The rows of its lists (pictures, two texts) are in
:mod:`deskbreak.ui.exercise_rows`, the edits of a routine's lists in
:mod:`deskbreak.ui.routine_edits`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Mapping

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from deskbreak.core.content.catalog import PLACES, Catalog, Routine, place_words
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate
from deskbreak.core.kinds import BreakKind
from deskbreak.core.content.poses import ExercisePoses, load_poses_or_none
from deskbreak.core.content.user_routines import same_exercises
from deskbreak.ui.exercise_rows import (
    IDS_ROLE,
    THUMBNAIL_SIZE,
    ExerciseThumbnails,
    exercise_list,
    exercise_row,
    first_upper,
    row_height,
)
from deskbreak.ui.routine_edits import (
    EVERY_BREAK,
    ROTATION,
    Selection,
    edited_part,
    moved,
    paired_with_above,
    split,
    without,
)
from deskbreak.ui.style import muted_color, set_text_color

if TYPE_CHECKING:
    from deskbreak.ui.exercise_editor import ExerciseEditor, ExerciseHooks

__all__ = ["IDS_ROLE", "LAST_EXERCISE_HINT", "RoutinesPage"]

# Qt's QWIDGETSIZE_MAX, which PySide6 does not export: "no maximum height".
UNLIMITED_HEIGHT = (1 << 24) - 1

KEYBOARD_HINT = QT_TRANSLATE_NOOP("routines_page", "Delete removes, Ctrl+Up and Ctrl+Down move, Enter in the catalog adds.")
LAST_EXERCISE_HINT = QT_TRANSLATE_NOOP(
    "routines_page", "A routine needs at least one exercise, so the last one cannot be removed: add another first.")


def kind_label(kind: str) -> str:
    return BreakKind(kind).label


# -- the page ----------------------------------------------------------------------


class RoutinesPage(QWidget):
    """Edit the exercises of the routine the app plays for each break kind.

    ``defaults`` is the shipped catalog ("Restore default" goes back to its
    routines); ``current`` holds the user's routines as loaded. After every
    edit ``routinesChanged`` carries every routine, id -> :class:`Routine`.

    With ``new_exercise`` (what the editor asks of its owner: check an
    entry, save it, whether motion is reduced) the catalog has a "New
    exercise…" button opening :class:`~deskbreak.ui.exercise_editor.ExerciseEditor`;
    ``exerciseCreated`` carries each entry it saved, so the owner can show
    the catalog with it (:meth:`set_current`).
    """

    routinesChanged = Signal(object)
    exerciseCreated = Signal(object)

    def __init__(self, defaults: Catalog, current: Catalog,
                 poses: Mapping[str, ExercisePoses] | None = None, parent: QWidget | None = None,
                 *, new_exercise: ExerciseHooks | None = None) -> None:
        super().__init__(parent)
        self._new_exercise = new_exercise
        self.exercise_editor: ExerciseEditor | None = None
        self.setObjectName("routinesPage")
        self.setAccessibleName(translate("routines_page", "Routines"))
        self.setMinimumSize(640, 520)
        self._defaults = defaults
        self._routines: dict[str, Routine] = dict(current.routines)
        self._exercises = current.exercises
        self._thumbnails = ExerciseThumbnails(
            poses if poses is not None else load_poses_or_none(defaults), current.exercises)
        self._build()
        self._fill_catalog()
        self._show_routine()

    # -- public ------------------------------------------------------------------

    def routines(self) -> dict[str, Routine]:
        """Every routine as the page has it now, id -> routine."""
        return dict(self._routines)

    def set_current(self, catalog: Catalog) -> None:
        """Show ``catalog``'s routines (after the file changed elsewhere); emits nothing."""
        selection = self._selection()
        self._routines = dict(catalog.routines)
        if catalog.exercises is not self._exercises:
            self._exercises = catalog.exercises
            self._thumbnails.exercises = catalog.exercises
            self._fill_catalog()
        self._show_routine(selection)

    def shown_routine(self) -> Routine:
        return self._routines[self.routine_chooser.currentData()]

    # -- building ----------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.routine_chooser = QComboBox(self)
        self.routine_chooser.setObjectName("routineChooser")
        self.routine_chooser.setAccessibleName(translate("routines_page", "Routine to edit"))
        for routine in self._edited_routines():
            self.routine_chooser.addItem(kind_label(routine.kind), routine.id)
            if routine.description:
                self.routine_chooser.setItemData(self.routine_chooser.count() - 1,
                                                 translate("catalog", routine.description), Qt.ItemDataRole.ToolTipRole)
        self.routine_chooser.currentIndexChanged.connect(lambda _index: self._show_routine())
        chooser_label = QLabel(translate("routines_page", "&Routine:"), self)
        chooser_label.setBuddy(self.routine_chooser)
        self.routine_name = QLabel(self)
        self.routine_name.setObjectName("routineName")
        self.restore_button = self._button("restoreRoutine", translate("routines_page", "Restore &default"),
                                           translate("routines_page", "Restore the default exercises of this routine"),
                                           self._restore)
        top.addWidget(chooser_label)
        top.addWidget(self.routine_chooser)
        top.addWidget(self.routine_name, 1)
        top.addWidget(self.restore_button)
        layout.addLayout(top)

        columns = QHBoxLayout()
        columns.addWidget(self._build_routine_box(), 1)
        columns.addWidget(self._build_catalog_box(), 1)
        layout.addLayout(columns, 1)

        self.hint = QLabel(self)
        self.hint.setObjectName("routineHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self._color_quiet_labels()

        for widget_list in (self.routine_list, self.rotation_list):
            self._shortcut(QKeySequence.StandardKey.Delete, widget_list, self._remove)
            self._shortcut(QKeySequence("Ctrl+Up"), widget_list, lambda: self._move(-1))
            self._shortcut(QKeySequence("Ctrl+Down"), widget_list, lambda: self._move(1))
        self.catalog_list.itemActivated.connect(lambda _item: self._add(to_every_break=False))

        order = [self.routine_chooser, self.restore_button, self.routine_list, self.rotation_list,
                 self.move_up, self.move_down, self.remove_button, self.pair_button, self.split_button,
                 self.place_filter, self.new_exercise_button, self.catalog_list, self.add_button,
                 self.add_every_break_button]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def _build_routine_box(self) -> QGroupBox:
        box = QGroupBox(translate("routines_page", "In this routine"), self)
        box.setObjectName("routineBox")
        layout = QVBoxLayout(box)
        self.routine_list = exercise_list("routineList", translate("routines_page", "Exercises in this routine"), box)
        self.routine_label = QLabel(box)
        self.routine_label.setBuddy(self.routine_list)
        self.rotation_list = exercise_list(
            "rotationList", translate("routines_page", "Rotation groups, one per break in turn"), box)
        self.rotation_label = QLabel(translate("routines_page", "R&otation: one group per break, in turn"), box)
        self.rotation_label.setBuddy(self.rotation_list)
        self.routine_list.itemSelectionChanged.connect(lambda: self._selection_moved(self.routine_list))
        self.rotation_list.itemSelectionChanged.connect(lambda: self._selection_moved(self.rotation_list))
        layout.addWidget(self.routine_label)
        layout.addWidget(self.routine_list, 1)
        layout.addWidget(self.rotation_label)
        layout.addWidget(self.rotation_list, 2)

        buttons = QGridLayout()
        self.move_up = self._button("moveUp", translate("routines_page", "Move &up"),
                                    translate("routines_page", "Move the selected row up"), lambda: self._move(-1))
        self.move_down = self._button("moveDown", translate("routines_page", "Move do&wn"),
                                      translate("routines_page", "Move the selected row down"), lambda: self._move(1))
        self.remove_button = self._button("removeExercise", translate("routines_page", "Re&move"),
                                          translate("routines_page", "Remove the selected row"), self._remove)
        self.pair_button = self._button("pairGroup", translate("routines_page", "&Pair with the one above"),
                                        translate("routines_page", "Pair the selected group with the group above it"),
                                        self._pair)
        self.split_button = self._button(
            "splitGroup", translate("routines_page", "&Split"),
            translate("routines_page", "Split the selected group into one group per exercise"), self._split)
        buttons.addWidget(self.move_up, 0, 0)
        buttons.addWidget(self.move_down, 0, 1)
        buttons.addWidget(self.remove_button, 0, 2)
        buttons.addWidget(self.pair_button, 1, 0, 1, 2)
        buttons.addWidget(self.split_button, 1, 2)
        layout.addLayout(buttons)
        return box

    def _build_catalog_box(self) -> QGroupBox:
        box = QGroupBox(translate("routines_page", "Add from the catalog"), self)
        box.setObjectName("catalogBox")
        layout = QVBoxLayout(box)
        filter_row = QHBoxLayout()
        self.place_filter = QComboBox(box)
        self.place_filter.setObjectName("placeFilter")
        self.place_filter.setAccessibleName(translate("routines_page", "Show exercises done"))
        self.place_filter.addItem(translate("routines_page", "All places"), None)
        for place in PLACES:
            self.place_filter.addItem(first_upper(place_words(place)), place)
        self.place_filter.currentIndexChanged.connect(lambda _index: self._apply_filter())
        filter_label = QLabel(translate("routines_page", "S&how:"), box)
        filter_label.setBuddy(self.place_filter)
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.place_filter, 1)
        self.new_exercise_button = self._button(
            "newExercise", translate("routines_page", "&New exercise…"),
            translate("routines_page", "Make an exercise of your own"), self._open_exercise_editor)
        self.new_exercise_button.setVisible(self._new_exercise is not None)
        filter_row.addWidget(self.new_exercise_button)
        layout.addLayout(filter_row)

        self.catalog_list = exercise_list("catalogList", translate("routines_page", "Exercise catalog"), box)
        self.catalog_list.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.catalog_list, 1)

        add_row = QHBoxLayout()
        self.add_button = self._button("addExercise", translate("routines_page", "&Add"),
                                       translate("routines_page", "Add the selected exercise to this routine"),
                                       lambda: self._add(to_every_break=False))
        self.add_every_break_button = self._button(
            "addToEveryBreak", translate("routines_page", "Add to &every break"),
            translate("routines_page", "Add the selected exercise to every sit-break"),
            lambda: self._add(to_every_break=True))
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.add_every_break_button)
        add_row.addStretch(1)
        layout.addLayout(add_row)
        return box

    def _button(self, name: str, text: str, accessible_name: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible_name)
        button.setToolTip(accessible_name)
        # Buttons in a settings page must not become the dialog's default:
        # Enter in the catalog adds an exercise, it does not close the dialog.
        button.setAutoDefault(False)
        button.clicked.connect(action)
        return button

    def _shortcut(self, keys: QKeySequence | QKeySequence.StandardKey, widget: QWidget,
                  action: Callable[[], None]) -> None:
        shortcut = QShortcut(keys, widget)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(action)

    def _edited_routines(self) -> list[Routine]:
        """The routine the app plays for each break kind: the first of that kind."""
        shown = []
        for kind in BreakKind:
            of_kind = self._defaults.routines_of_kind(kind.value)
            if of_kind:
                shown.append(of_kind[0])
        return shown

    # -- filling the lists -------------------------------------------------------

    def _fill_catalog(self) -> None:
        selected = self._catalog_selection()
        self.catalog_list.clear()
        for exercise in sorted(self._exercises.values(), key=lambda e: e.shown_name().casefold()):
            item = exercise_row((exercise.id,), self._exercises, self._thumbnails)
            self.catalog_list.addItem(item)
            if exercise.id == selected:
                self.catalog_list.setCurrentItem(item)
        self._apply_filter()

    def _apply_filter(self) -> None:
        place = self.place_filter.currentData()
        for row in range(self.catalog_list.count()):
            item = self.catalog_list.item(row)
            exercise = self._exercises[item.data(IDS_ROLE)[0]]
            item.setHidden(place is not None and exercise.place != place)
        current = self.catalog_list.currentItem()
        if current is not None and current.isHidden():
            self.catalog_list.clearSelection()
            self.catalog_list.setCurrentItem(None)
        self._update_buttons()

    def _has_rotation(self, routine: Routine) -> bool:
        return routine.kind == BreakKind.SIT.value or bool(routine.rotation)

    def _show_routine(self, selection: Selection | None = None) -> None:
        routine = self.shown_routine()
        rotating = self._has_rotation(routine)
        name = translate("catalog", routine.name)
        self.routine_name.setText(name if name != kind_label(routine.kind) else "")
        self.routine_label.setText(translate("routines_page", "E&very break") if rotating
                                   else translate("routines_page", "&Exercises, in order"))
        self.routine_list.setAccessibleName(translate("routines_page", "Exercises in every break") if rotating
                                            else translate("routines_page", "Exercises in this routine"))
        self.rotation_label.setVisible(rotating)
        self.rotation_list.setVisible(rotating)
        self.pair_button.setVisible(rotating)
        self.split_button.setVisible(rotating)
        self.add_every_break_button.setVisible(rotating)
        self.add_button.setText(translate("routines_page", "&Add to the rotation") if rotating
                                else translate("routines_page", "&Add"))
        widest_group = max((len(group) for group in routine.rotation), default=1)
        self.rotation_list.setIconSize(QSize(THUMBNAIL_SIZE * min(widest_group, 2), THUMBNAIL_SIZE))
        for widget, rows in ((self.routine_list, [(e,) for e in routine.exercises]),
                             (self.rotation_list, list(routine.rotation))):
            widget.blockSignals(True)
            widget.clear()
            for exercise_ids in rows:
                widget.addItem(exercise_row(exercise_ids, self._exercises, self._thumbnails))
            widget.blockSignals(False)
        # The every-break list is short: sized to its rows (two always in
        # view, up to three), it leaves the height to the rotation.
        if rotating:
            count = max(self.routine_list.count(), 1)
            self.routine_list.setMinimumHeight(self._rows_height(self.routine_list, min(count, 2)))
            self.routine_list.setMaximumHeight(self._rows_height(self.routine_list, min(count, 3)))
        else:
            self.routine_list.setMinimumHeight(0)
            self.routine_list.setMaximumHeight(UNLIMITED_HEIGHT)
        if selection is not None:
            widget = self._list(selection.part)
            row = min(selection.row, widget.count() - 1)
            if row >= 0:
                widget.setCurrentRow(row)
        self._update_buttons()

    @staticmethod
    def _rows_height(widget: QListWidget, rows: int) -> int:
        row = row_height(widget.fontMetrics(), widget.iconSize().height())
        return rows * row + 2 * widget.frameWidth()

    def _list(self, part: str) -> QListWidget:
        return self.rotation_list if part == ROTATION else self.routine_list

    def _color_quiet_labels(self) -> None:
        for label in (self.routine_name, self.hint):
            set_text_color(label, muted_color(self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The quiet labels carry a colour of their own, made from the old palette.
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "hint"):
            self._color_quiet_labels()

    # -- selection and buttons ---------------------------------------------------

    def _selection(self) -> Selection | None:
        for part, widget in ((EVERY_BREAK, self.routine_list), (ROTATION, self.rotation_list)):
            rows = [index.row() for index in widget.selectedIndexes()]
            if rows:
                return Selection(part, rows[0])
        return None

    def _catalog_selection(self) -> str | None:
        items = [item for item in self.catalog_list.selectedItems() if not item.isHidden()]
        return items[0].data(IDS_ROLE)[0] if items else None

    def _selection_moved(self, widget: QListWidget) -> None:
        # One selection across the two lists, so the buttons act on one row.
        other = self.rotation_list if widget is self.routine_list else self.routine_list
        if widget.selectedItems() and other.selectedItems():
            other.blockSignals(True)
            other.clearSelection()
            other.blockSignals(False)
            other.viewport().update()
        self._update_buttons()

    def _update_buttons(self) -> None:
        routine = self.shown_routine()
        selection = self._selection()
        rows = self._list(selection.part).count() if selection else 0
        in_rotation = selection is not None and selection.part == ROTATION
        self.move_up.setEnabled(selection is not None and selection.row > 0)
        self.move_down.setEnabled(selection is not None and selection.row < rows - 1)
        removal = self._removed(routine, selection) if selection else None
        last_one = removal is not None and not removal.all_exercise_ids()
        self.remove_button.setEnabled(removal is not None and not last_one)
        self.pair_button.setEnabled(in_rotation and selection.row > 0)
        self.split_button.setEnabled(in_rotation and len(routine.rotation[selection.row]) > 1)
        self.restore_button.setEnabled(not same_exercises(routine, self._default_of(routine)))

        chosen = self._catalog_selection()
        already = chosen is not None and chosen in routine.all_exercise_ids()
        self.add_button.setEnabled(chosen is not None and not already)
        self.add_every_break_button.setEnabled(chosen is not None and not already)

        if last_one:
            self.hint.setText(translate("routines_page", LAST_EXERCISE_HINT))
        elif already:
            self.hint.setText(translate("routines_page", "{exercise} is already in this routine.").format(
                exercise=self._exercises[chosen].shown_name()))
        else:
            self.hint.setText(translate("routines_page", KEYBOARD_HINT))

    def _default_of(self, routine: Routine) -> Routine:
        return self._defaults.routines[routine.id]

    # -- edits -------------------------------------------------------------------

    def _removed(self, routine: Routine, selection: Selection) -> Routine:
        return edited_part(routine, selection.part, lambda rows: without(rows, selection.row))

    def _apply(self, routine: Routine, selection: Selection | None) -> None:
        """Show ``routine`` in place of the shown one, select ``selection``, tell the owner."""
        self._routines[routine.id] = routine
        self._show_routine(selection)
        self.routinesChanged.emit(self.routines())

    def _move(self, offset: int) -> None:
        selection = self._selection()
        if selection is None:
            return
        target = selection.row + offset
        if not 0 <= target < self._list(selection.part).count():
            return
        edited = edited_part(self.shown_routine(), selection.part,
                             lambda rows: moved(rows, selection.row, offset))
        self._apply(edited, Selection(selection.part, target))
        self._list(selection.part).setFocus()

    def _remove(self) -> None:
        selection = self._selection()
        if selection is None or not self.remove_button.isEnabled():
            return
        self._apply(self._removed(self.shown_routine(), selection), selection)

    def _pair(self) -> None:
        selection = self._selection()
        if selection is None or not self.pair_button.isEnabled():
            return
        edited = edited_part(self.shown_routine(), ROTATION,
                             lambda groups: paired_with_above(groups, selection.row))
        self._apply(edited, Selection(ROTATION, selection.row - 1))

    def _split(self) -> None:
        selection = self._selection()
        if selection is None or not self.split_button.isEnabled():
            return
        edited = edited_part(self.shown_routine(), ROTATION, lambda groups: split(groups, selection.row))
        self._apply(edited, selection)

    def _add(self, to_every_break: bool) -> None:
        exercise_id = self._catalog_selection()
        if exercise_id is None or not self.add_button.isEnabled():
            return
        routine = self.shown_routine()
        # The sit-break adds to its rotation, as a group of its own, unless asked otherwise.
        if self._has_rotation(routine) and not to_every_break:
            part, row = ROTATION, (exercise_id,)
        else:
            part, row = EVERY_BREAK, exercise_id
        lands_at = self._list(part).count()
        self._apply(edited_part(routine, part, lambda rows: [*rows, row]), Selection(part, lands_at))

    def _restore(self) -> None:
        routine = self.shown_routine()
        self._apply(self._default_of(routine), None)

    # -- exercises of the user's own -------------------------------------------------

    def _created(self, entry: Mapping) -> None:
        self.exerciseCreated.emit(entry)
        self.show_in_catalog(entry["id"])

    def show_in_catalog(self, exercise_id: str) -> None:
        """Select ``exercise_id`` in the catalog list, in view and ready for Add; a filter hiding it goes."""
        for row in range(self.catalog_list.count()):
            item = self.catalog_list.item(row)
            if item.data(IDS_ROLE) == (exercise_id,):
                if item.isHidden():
                    self.place_filter.setCurrentIndex(0)
                self.catalog_list.setCurrentItem(item)
                self.catalog_list.setFocus()
                # Once the refilled list is laid out: in its middle, and the list in the page's view.
                QTimer.singleShot(0, lambda: self._bring_into_view(item))
                return

    def _bring_into_view(self, item: QListWidgetItem) -> None:
        self.catalog_list.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
        area = self.catalog_list.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None and area.widget() is not None:
            shown = self.catalog_list.visualItemRect(item)
            centre = self.catalog_list.viewport().mapTo(area.widget(), shown.center())
            area.ensureVisible(centre.x(), centre.y(), 0, shown.height())

    def _open_exercise_editor(self) -> None:
        """Open the new exercise dialog, or bring the open one forward; its pictures are drawn from now on."""
        if self._new_exercise is None:
            return
        if self.exercise_editor is None:
            from deskbreak.ui.exercise_editor import ExerciseEditor

            editor = ExerciseEditor(self._defaults.exercises, self._thumbnails.poses, self._new_exercise, self)
            editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            editor.accepted.connect(lambda: self._created(editor.saved_entry))
            editor.destroyed.connect(lambda *_: setattr(self, "exercise_editor", None))
            self.exercise_editor = editor
        self.exercise_editor.open()
        self.exercise_editor.raise_()
        self.exercise_editor.activateWindow()
