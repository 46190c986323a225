"""Picking a figure: a grid with a picture of every catalog exercise's pose, and a preview of one moving.

The exercise editor borrows a catalog exercise's figure for an exercise of
the user's own. The grid draws each picture only as it first shows it; the
preview plays the chosen figure from its start to its hold pose and back.
"""

from __future__ import annotations

from typing import Mapping

from PySide6.QtCore import QAbstractAnimation, QMargins, QModelIndex, QPersistentModelIndex, QSize, Qt, QVariantAnimation
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from deskbreak.core.content.catalog import Exercise
from deskbreak.core.content.poses import ExercisePoses
from deskbreak.ui.exercise_rows import IDS_ROLE, ExerciseItem, ExerciseThumbnails, wrapped_lines
from deskbreak.ui.figure import FigureWidget

#: Side of a picture in the figure grid, in device-independent pixels.
PICTURE_SIZE = 72
#: Lines of a name under its picture (the tooltip has it whole).
NAME_LINES = 2


class FigureCell(QStyledItemDelegate):
    """Every cell of the figure grid as large as the grid's cell less a gap.

    Sized here, not from each item: measuring an item would draw its picture
    before the grid shows it.
    """

    GAP = 4

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        return self.parent().gridSize().shrunkBy(QMargins(0, 0, self.GAP, self.GAP))


class FigureGrid(QListWidget):
    """A picture per catalog exercise with a figure, sorted by name, keyboard navigable; one may be chosen."""

    def __init__(self, exercises: Mapping[str, Exercise], poses: Mapping[str, ExercisePoses],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setItemDelegate(FigureCell(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setIconSize(QSize(PICTURE_SIZE, PICTURE_SIZE))
        line = self.fontMetrics().lineSpacing()
        self.setGridSize(QSize(PICTURE_SIZE + 4 * line, PICTURE_SIZE + (NAME_LINES + 1) * line))
        self.setMinimumHeight(self.gridSize().height() + line)
        self._fill(exercises, poses)

    def _fill(self, exercises: Mapping[str, Exercise], poses: Mapping[str, ExercisePoses]) -> None:
        thumbnails = ExerciseThumbnails(poses, exercises, side=PICTURE_SIZE)
        shown = [e for e in exercises.values() if e.id in poses]
        # The cell less its gap and the style's margins around the text.
        name_width = self.gridSize().width() - 4 * FigureCell.GAP
        for exercise in sorted(shown, key=lambda e: e.shown_name().casefold()):
            name = exercise.shown_name()
            lines = wrapped_lines(name, self.fontMetrics(), name_width, NAME_LINES)
            item = ExerciseItem((exercise.id,), "\n".join(lines), thumbnails)
            item.setToolTip(name)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, name)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.addItem(item)

    def chosen(self) -> str | None:
        """The id of the exercise whose figure is chosen, or None."""
        item = self.currentItem()
        return item.data(IDS_ROLE)[0] if item is not None and item.isSelected() else None


# -- the moving preview ------------------------------------------------------------------


class LoopingFigure(FigureWidget):
    """The figure of one exercise, moving from its start to its hold pose and back, over and over.

    It pauses at the hold and at the start. With reduced motion it shows
    the hold pose and nothing moves; hidden, it stops until shown again.
    """

    #: One round, in milliseconds: out to the hold, held, back, rested.
    ROUND_MS = 4000
    #: Where in the round (0..1) the figure is how far along its movement (0 start .. 1 hold).
    KEY_POINTS = ((0.0, 0.0), (0.3, 1.0), (0.55, 1.0), (0.85, 0.0), (1.0, 0.0))

    def __init__(self, poses: Mapping[str, ExercisePoses], parent: QWidget | None = None) -> None:
        super().__init__(dict(poses), parent)
        self.loop = QVariantAnimation(self)
        self.loop.setDuration(self.ROUND_MS)
        self.loop.setLoopCount(-1)
        for at, progress in self.KEY_POINTS:
            self.loop.setKeyValueAt(at, float(progress))
        self.loop.valueChanged.connect(self.set_pose_progress)

    def play(self, exercise_id: str | None) -> None:
        """Show ``exercise_id``'s figure (none for None), moving unless motion is reduced."""
        self.loop.stop()
        self.show_exercise(exercise_id)
        if exercise_id is not None and self.current_poses is not None and not self.reduced_motion:
            self.set_pose_progress(0.0)
            if self.isVisible():
                self.loop.start()

    def set_reduced_motion(self, reduced: bool) -> None:
        super().set_reduced_motion(reduced)
        if reduced:
            self.loop.stop()
            if self.current_poses is not None:
                self.set_pose_progress(1.0)

    @property
    def moving(self) -> bool:
        return self.loop.state() == QAbstractAnimation.State.Running

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.current_poses is not None and not self.reduced_motion and not self.moving:
            self.loop.start()

    def hideEvent(self, event) -> None:  # noqa: N802
        self.loop.stop()
        super().hideEvent(event)
