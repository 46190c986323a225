"""The exercise lists of the routines page: a picture, a name and the figures per row.

:class:`ExerciseThumbnails` draws each exercise at its hold pose once per
colour scheme; :class:`ExerciseItem` is a row standing for one exercise or a
rotation group, drawing its picture only when the list first shows it; and
:class:`ExerciseRowDelegate` paints the row with its texts elided to fit.
:func:`exercise_list` makes a list set up for such rows.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from deskbreak.core.content.catalog import Exercise
from deskbreak.core.i18n import translate
from deskbreak.core.content.poses import ExercisePoses
from deskbreak.core.content.user_exercises import figure_of
from deskbreak.ui.break_window import place_text
from deskbreak.ui.figure_paint import FigureColors
from deskbreak.ui.render import render_exercise
from deskbreak.ui.style import blend

THUMBNAIL_SIZE = 48
"""Side of one exercise picture in the lists, in device-independent pixels."""

ROW_PADDING = 4

# What each list row stands for: the exercise ids of the row (one for an
# exercise, several for a rotation group), and its second line of text.
IDS_ROLE = Qt.ItemDataRole.UserRole
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1


def first_upper(text: str) -> str:
    """``text`` with its first letter capital and the rest as it is ("Am Schreibtisch", not "Am schreibtisch")."""
    return text[:1].upper() + text[1:]


def figures_with_pacing(exercise: Exercise) -> str:
    """The document's figures, then ours where we add pacing: "no figures given; ours: 2 min"."""
    pacing = exercise.pacing_text()
    if not pacing:
        return exercise.figures_text()
    return translate("routines_page", "{figures}; ours: {pacing}").format(
        figures=exercise.figures_text(), pacing=pacing)


def exercise_tooltip(exercise: Exercise) -> str:
    lines = [exercise.shown_name(), place_text(exercise), first_upper(exercise.figures_text())]
    if exercise.is_users_own:
        lines.append(translate("break_window", "Your exercise"))
    if exercise.pacing_text():
        lines.append(translate("routines_page", "Our pacing: {pacing}").format(pacing=exercise.pacing_text()))
    return "\n".join(lines)


class ExerciseThumbnails:
    """Small pictures of exercises at their hold pose, drawn once per colour scheme.

    A rotation group gets its members' pictures side by side. An exercise
    without poses gets its initial in a circle, so no row is ever blank.
    ``side`` is a picture's side in device-independent pixels (the new
    exercise dialog's figure grid draws them larger than the lists do).
    """

    def __init__(self, poses: Mapping[str, ExercisePoses], exercises: Mapping[str, Exercise],
                 side: int = THUMBNAIL_SIZE) -> None:
        self.poses = poses
        self.exercises = exercises
        self.side = side
        self._images: dict[tuple, QImage] = {}
        self._icons: dict[tuple, QIcon] = {}

    def icon(self, exercise_ids: Sequence[str], palette: QPalette, ratio: float) -> QIcon:
        """The picture of ``exercise_ids`` for a list with ``palette`` on a ``ratio`` screen."""
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        scheme = (background.rgba(), text.rgba(), ratio)
        # With the exercises themselves: a hand edit may give a user's exercise another figure.
        key = (tuple(exercise_ids), tuple(map(self.exercises.get, exercise_ids)), scheme)
        if key not in self._icons:
            side = round(self.side * ratio)
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
        exercise = self.exercises.get(exercise_id)
        key = (exercise_id, exercise, scheme)
        if key not in self._images:
            poses = figure_of(self.poses, exercise) if exercise is not None else self.poses.get(exercise_id)
            colors = FigureColors.from_colors(background, text)
            if poses is not None:
                self._images[key] = render_exercise(poses, (side, side), colors=colors)
            else:
                self._images[key] = self._initial(exercise_id, side, colors)
        return self._images[key]

    def _initial(self, exercise_id: str, side: int, colors: FigureColors) -> QImage:
        exercise = self.exercises.get(exercise_id)
        letter = (exercise.shown_name() if exercise else exercise_id)[:1].upper()
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


def exercise_row(exercise_ids: Sequence[str], exercises: Mapping[str, Exercise],
                 thumbnails: ExerciseThumbnails) -> ExerciseItem:
    """The row for one exercise or a rotation group: names, figures, tooltip and picture."""
    members = [exercises[exercise_id] for exercise_id in exercise_ids]
    title = " + ".join(exercise.shown_name() for exercise in members)
    detail = " + ".join(figures_with_pacing(exercise) for exercise in members)
    item = ExerciseItem(exercise_ids, title, thumbnails)
    item.setData(DETAIL_ROLE, detail)
    item.setData(Qt.ItemDataRole.AccessibleTextRole,
                 translate("routines_page", "{exercise}: {figures}").format(exercise=title, figures=detail))
    item.setToolTip("\n\n".join(exercise_tooltip(exercise) for exercise in members))
    return item
