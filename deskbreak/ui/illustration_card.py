"""The routine page's illustration card: the animated figure, what it works, where it is done.

The figure follows the routine as the timeline says; the chips name the
muscles the exercise works and, for a one-sided exercise, the side.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from deskbreak.core.content.catalog import Exercise, words
from deskbreak.core.clock import Clock
from deskbreak.core.content.guide import Kind, View, side_name
from deskbreak.core.i18n import translate
from deskbreak.ui import style
from deskbreak.ui.break_widgets import Card, Chip, FlowLayout, make_label, place_text
from deskbreak.ui.figure import FigureWidget
from deskbreak.ui.fitting_widgets import ColumnLayout


class IllustrationCard(Card):
    """The illustration: the animated figure, what the exercise works and where it is done.

    The figure follows the routine (:meth:`follow`) as the timeline says
    (:meth:`deskbreak.core.content.guide.Segment.pose_at`): it eases into the hold
    pose while the user gets into position for a hold and stays there,
    relaxes during a rest, waits in the start pose before counted reps and
    then moves out, holds and returns with each rep. Anything with
    ``show_exercise(exercise, side)`` can take the card's place
    (:meth:`BreakWindow.replace_figure_area`).
    """

    def __init__(self, poses: dict | None = None, clock: Clock | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureArea")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.exercise: Exercise | None = None
        self.side: str | None = None
        self._followed: tuple[int, str | None] | None = None
        self.figure_exercise: Exercise | None = None
        self.figure = FigureWidget(poses or {}, clock=clock)
        self.figure.setObjectName("figure")
        # Its height is what the card has left once the words fit (at least the minimum).
        self.figure.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self._layout = ColumnLayout(self.figure, self)
        self._layout.addWidget(self.figure, 1)

        top = QHBoxLayout()
        self._top = top
        self.works_caption = make_label(translate("break_window", "WORKS"), scale=0.8, bold=True, wrap=False)
        self.chips_row = FlowLayout()
        self.side_chip = Chip("", strong=True)
        self.side_chip.setObjectName("sideChip")
        self.side_chip.hide()
        top.addWidget(self.works_caption, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addLayout(self.chips_row, 1)
        top.addWidget(self.side_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        self._layout.addLayout(top)
        self.targets_label = make_label("", name="targetsLabel", parent=self)
        self.targets_label.hide()  # the chips show it; kept for its accessible text
        self.place_label = make_label("", name="placeLabel", scale=0.95)
        self._layout.addWidget(self.place_label)
        self._chips: list[Chip] = []

    def minimum_figure_height(self) -> int:
        # Big enough to read the pose at a glance on the smallest window.
        return round(self.fontMetrics().height() * 6)

    def sizeHint(self) -> QSize:  # noqa: N802
        # Ask for no more than the minimum: the card takes what the text leaves.
        return self.minimumSizeHint()

    def show_exercise(self, exercise: Exercise, side: str | None = None) -> None:
        if exercise is not self.exercise:
            self.exercise = exercise
            self.chips_row.clear()
            self._chips = [Chip(words(t), self) for t in exercise.targets]
            for chip in self._chips:
                self.chips_row.addWidget(chip)
            works = translate("break_window", "Works: {targets}").format(
                targets=", ".join(words(t) for t in exercise.targets))
            self.targets_label.setText(works)
            self.place_label.setText(place_text(exercise))
            self.setAccessibleName(f"{works}. {place_text(exercise)}")
        if (exercise, side) != (self.figure_exercise, self.side):
            self.figure.show_exercise(exercise, side)
        self.figure_exercise = exercise
        self.side = side
        if side:
            self.side_chip.setText(side_name(side))
            self.side_chip.show()
        else:
            self.side_chip.hide()

    def set_reduced_motion(self, reduced: bool) -> None:
        """The figure shows its key poses without moving between them (:meth:`FigureWidget.set_reduced_motion`)."""
        self.figure.set_reduced_motion(reduced)

    def follow(self, view: View) -> None:
        """Move the figure with the routine: see the class docstring."""
        segment = view.segment
        if segment is None:
            return
        entered = (view.index, segment.side) != self._followed
        self._followed = (view.index, segment.side)
        pose = segment.pose_at(view.elapsed)
        if pose is None or segment.kind == Kind.HOLD:
            # Ease into the hold pose once per segment; never snap out of a movement.
            if entered and not self.figure.animating and self.figure.progress < 1.0:
                self.figure.show_exercise(segment.exercise, segment.side)
        elif self.figure.animating or abs(self.figure.progress - pose) > 1e-3:
            # Only when it moves: a figure held still costs no repaint per tick.
            self.figure.set_pose_progress(pose)

    def restyle(self) -> None:
        palette = self.palette()
        line = self.fontMetrics().height()
        self._layout.setContentsMargins(line, round(line * 0.8), line, round(line * 0.8))
        self._layout.setSpacing(round(line * 0.5))
        self._top.setSpacing(round(line * 0.5))
        self.chips_row.set_gap(round(line * 0.4))
        self.figure.setMinimumHeight(self.minimum_figure_height())
        self.figure.set_background(style.card_color(palette))
        style.set_text_color(self.works_caption, style.muted_color(palette))
        style.set_text_color(self.place_label, style.muted_color(palette))
        for chip in [*self._chips, self.side_chip]:
            chip.restyle()

