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
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QImage, QKeySequence, QPainter, QPalette, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from deskbreak.core.catalog import PLACES, Catalog, Exercise, Routine, place_words
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate
from deskbreak.core.kinds import BreakKind
from deskbreak.core.poses import ExercisePoses, load_poses_or_none
from deskbreak.core.user_routines import same_exercises, with_routine_exercises
from deskbreak.ui.break_window import place_text
from deskbreak.ui.figure import FigureColors
from deskbreak.ui.render import render_exercise
from deskbreak.ui.style import blend, muted_color, set_text_color

log = logging.getLogger(__name__)

THUMBNAIL_SIZE = 48
"""Side of one exercise picture in the lists, in device-independent pixels."""

ROW_PADDING = 4

# Qt's QWIDGETSIZE_MAX, which PySide6 does not export: "no maximum height".
UNLIMITED_HEIGHT = (1 << 24) - 1

# What each list row stands for: the exercise ids of the row (one for an
# exercise, several for a rotation group), and its second line of text.
IDS_ROLE = Qt.ItemDataRole.UserRole
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1

KEYBOARD_HINT = QT_TRANSLATE_NOOP("routines_page", "Delete removes, Ctrl+Up and Ctrl+Down move, Enter in the catalog adds.")
LAST_EXERCISE_HINT = QT_TRANSLATE_NOOP(
    "routines_page", "A routine needs at least one exercise, so the last one cannot be removed: add another first.")


# -- pictures ----------------------------------------------------------------------


class ExerciseThumbnails:
    """Small pictures of exercises at their hold pose, drawn once per colour scheme.

    A rotation group gets its members' pictures side by side. An exercise
    without poses gets its initial in a circle, so no row is ever blank.
    """

    def __init__(self, poses: Mapping[str, ExercisePoses], exercises: Mapping[str, Exercise]) -> None:
        self.poses = poses
        self.exercises = exercises
        self._images: dict[tuple, QImage] = {}
        self._icons: dict[tuple, QIcon] = {}

    def icon(self, exercise_ids: Sequence[str], palette: QPalette, ratio: float) -> QIcon:
        """The picture of ``exercise_ids`` for a list with ``palette`` on a ``ratio`` screen."""
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        scheme = (background.rgba(), text.rgba(), ratio)
        key = (tuple(exercise_ids), scheme)
        if key not in self._icons:
            side = round(THUMBNAIL_SIZE * ratio)
            pixmap = QPixmap(side * len(exercise_ids), side)
            pixmap.fill(background)
            painter = QPainter(pixmap)
            try:
                for index, exercise_id in enumerate(exercise_ids):
                    painter.drawImage(index * side, 0, self._image(exercise_id, scheme, side, background, text))
            finally:
                painter.end()
            pixmap.setDevicePixelRatio(ratio)
            self._icons[key] = QIcon(pixmap)
        return self._icons[key]

    def _image(self, exercise_id: str, scheme: tuple, side: int, background: QColor, text: QColor) -> QImage:
        key = (exercise_id, scheme)
        if key not in self._images:
            poses = self.poses.get(exercise_id)
            colors = FigureColors.from_colors(background, text)
            if poses is not None:
                self._images[key] = render_exercise(poses, (side, side), colors=colors)
            else:
                self._images[key] = self._initial(exercise_id, side, colors)
        return self._images[key]

    def _initial(self, exercise_id: str, side: int, colors: FigureColors) -> QImage:
        exercise = self.exercises.get(exercise_id)
        letter = (exercise_name(exercise) if exercise else exercise_id)[:1].upper()
        image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(colors.background)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(colors.prop_line)
            inset = side // 6
            painter.drawEllipse(QRect(inset, inset, side - 2 * inset, side - 2 * inset))
            painter.setPen(colors.cue)
            painter.drawText(QRect(0, 0, side, side), int(Qt.AlignmentFlag.AlignCenter), letter)
        finally:
            painter.end()
        return image


# -- list rows ---------------------------------------------------------------------


def wrapped_lines(text: str, metrics: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """``text`` broken at spaces into at most ``max_lines`` lines of ``width`` pixels, the last elided."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        if metrics.horizontalAdvance(line) > width:
            # One word too long for a line: let the eliding below handle it.
            words.insert(0, line)
            break
        lines.append(line)
    if words:
        lines.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return lines


class ExerciseItem(QListWidgetItem):
    """A row standing for one exercise or a rotation group.

    Its picture is made when the list first asks for it, in the list's
    palette of that moment: opening the page draws only the rows in view,
    and a switch between light and dark needs no refilling of the lists.
    """

    def __init__(self, exercise_ids: Sequence[str], title: str, thumbnails: ExerciseThumbnails) -> None:
        super().__init__(title)
        self.thumbnails = thumbnails
        self.setData(IDS_ROLE, tuple(exercise_ids))

    def data(self, role: int) -> object:
        view = self.listWidget()
        if role == Qt.ItemDataRole.DecorationRole and view is not None:
            return self.thumbnails.icon(self.data(IDS_ROLE), view.palette(), view.devicePixelRatioF())
        return super().data(role)


def row_height(metrics: QFontMetrics, icon_height: int) -> int:
    """The height of every list row: the picture or three lines of text, whichever is taller."""
    return max(icon_height, ExerciseRowDelegate.TEXT_LINES * metrics.lineSpacing()) + 2 * ROW_PADDING


class ExerciseRowDelegate(QStyledItemDelegate):
    """A row: the picture, the name (up to two lines), and the figures in a quieter colour.

    Both texts are elided to the row; the tooltip has them in full.
    """

    TEXT_LINES = 3

    @staticmethod
    def _icon_size(option: QStyleOptionViewItem) -> QSize:
        view = option.widget
        return view.iconSize() if isinstance(view, QAbstractItemView) else option.decorationSize

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        icon = self._icon_size(option)
        metrics = QFontMetrics(option.font)
        return QSize(icon.width() + 12 * metrics.lineSpacing(), row_height(metrics, icon.height()))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        # A copy: PySide hands out the option's own icon, which the reset below would empty.
        title, icon = opt.text, QIcon(opt.icon)
        # The style draws the row's background, selection and focus frame;
        # the picture and the two texts are drawn here.
        opt.text, opt.icon = "", QIcon()
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        area = opt.rect.adjusted(ROW_PADDING, ROW_PADDING, -ROW_PADDING, -ROW_PADDING)
        # The list's icon size, not this row's: every row's text starts at the same x.
        icon_size = self._icon_size(opt)
        icon_rect = QRect(area.left(), area.top() + (area.height() - icon_size.height()) // 2,
                          icon_size.width(), icon_size.height())
        icon.paint(painter, icon_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active
                 else QPalette.ColorGroup.Inactive)
        role_text = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        role_back = QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
        text_color = opt.palette.color(group, role_text)
        detail_color = blend(text_color, opt.palette.color(group, role_back), 0.32)

        text_rect = area.adjusted(icon_size.width() + 2 * ROW_PADDING, 0, 0, 0)
        metrics = QFontMetrics(opt.font)
        title_lines = wrapped_lines(title, metrics, text_rect.width(), self.TEXT_LINES - 1)
        detail = index.data(DETAIL_ROLE) or ""
        detail_lines = wrapped_lines(detail, metrics, text_rect.width(), self.TEXT_LINES - len(title_lines))
        line_height = metrics.lineSpacing()
        top = text_rect.top() + (text_rect.height() - line_height * (len(title_lines) + len(detail_lines))) // 2
        painter.save()
        painter.setFont(opt.font)
        for lines, color in ((title_lines, text_color), (detail_lines, detail_color)):
            painter.setPen(color)
            for line in lines:
                painter.drawText(QRect(text_rect.left(), top, text_rect.width(), line_height),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)
                top += line_height
        painter.restore()


def exercise_list(object_name: str, accessible_name: str, parent: QWidget) -> QListWidget:
    widget = QListWidget(parent)
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    widget.setItemDelegate(ExerciseRowDelegate(widget))
    widget.setIconSize(QSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE))
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    widget.setUniformItemSizes(True)
    return widget


# -- the routine being edited ------------------------------------------------------


EVERY_BREAK = "every break"
ROTATION = "rotation"


@dataclass(frozen=True)
class Selection:
    """A row of the shown routine: in which list, and where."""

    part: str
    row: int


def moved(rows: Sequence, row: int, offset: int) -> list:
    rows = list(rows)
    rows.insert(row + offset, rows.pop(row))
    return rows


def without(rows: Sequence, row: int) -> list:
    return [item for index, item in enumerate(rows) if index != row]


def paired_with_above(groups: Sequence[tuple[str, ...]], row: int) -> list[tuple[str, ...]]:
    """``groups`` with group ``row`` joined onto the end of the group above it."""
    groups = list(groups)
    groups[row - 1] = groups[row - 1] + groups.pop(row)
    return groups


def split(groups: Sequence[tuple[str, ...]], row: int) -> list[tuple[str, ...]]:
    """``groups`` with group ``row`` replaced by one group per exercise, in place."""
    return [*groups[:row], *((exercise_id,) for exercise_id in groups[row]), *groups[row + 1:]]


def edited_part(routine: Routine, part: str, change: Callable[[Sequence], list]) -> Routine:
    """``routine`` with ``change`` applied to its every-break exercises or to its rotation."""
    if part == ROTATION:
        return with_routine_exercises(routine, routine.exercises, change(routine.rotation))
    return with_routine_exercises(routine, change(routine.exercises), routine.rotation)


def kind_label(kind: str) -> str:
    return BreakKind(kind).label


def exercise_name(exercise: Exercise) -> str:
    """The exercise's name in the user's language (the catalog's texts are translated where shown)."""
    return translate("catalog", exercise.name)


def first_upper(text: str) -> str:
    """``text`` with its first letter capital and the rest as it is ("Am Schreibtisch", not "Am schreibtisch")."""
    return text[:1].upper() + text[1:]


# -- the page ----------------------------------------------------------------------


class RoutinesPage(QWidget):
    """Edit the exercises of the routine the app plays for each break kind.

    ``defaults`` is the shipped catalog ("Restore default" goes back to its
    routines); ``current`` holds the user's routines as loaded. After every
    edit ``routinesChanged`` carries every routine, id -> :class:`Routine`.
    """

    routinesChanged = Signal(object)

    def __init__(self, defaults: Catalog, current: Catalog,
                 poses: Mapping[str, ExercisePoses] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
                 self.place_filter, self.catalog_list, self.add_button, self.add_every_break_button]
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

    def _row(self, exercise_ids: Sequence[str]) -> ExerciseItem:
        exercises = [self._exercises[exercise_id] for exercise_id in exercise_ids]
        title = " + ".join(exercise_name(exercise) for exercise in exercises)
        detail = " + ".join(self._figures(exercise) for exercise in exercises)
        item = ExerciseItem(exercise_ids, title, self._thumbnails)
        item.setData(DETAIL_ROLE, detail)
        item.setData(Qt.ItemDataRole.AccessibleTextRole,
                     translate("routines_page", "{exercise}: {figures}").format(exercise=title, figures=detail))
        item.setToolTip("\n\n".join(self._tooltip(exercise) for exercise in exercises))
        return item

    @staticmethod
    def _figures(exercise: Exercise) -> str:
        """The document's figures, then ours where we add pacing: "no figures given; ours: 2 min"."""
        pacing = exercise.pacing_text()
        if not pacing:
            return exercise.figures_text()
        return translate("routines_page", "{figures}; ours: {pacing}").format(
            figures=exercise.figures_text(), pacing=pacing)

    def _tooltip(self, exercise: Exercise) -> str:
        lines = [exercise_name(exercise), place_text(exercise), first_upper(exercise.figures_text())]
        if exercise.pacing_text():
            lines.append(translate("routines_page", "Our pacing: {pacing}").format(pacing=exercise.pacing_text()))
        return "\n".join(lines)

    def _fill_catalog(self) -> None:
        selected = self._catalog_selection()
        self.catalog_list.clear()
        for exercise in sorted(self._exercises.values(), key=lambda e: exercise_name(e).casefold()):
            item = self._row((exercise.id,))
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
                widget.addItem(self._row(exercise_ids))
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
                exercise=exercise_name(self._exercises[chosen])))
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
