"""The routine page of the break window: what to do now, how, and why.

Two columns that share the height, so nothing important hides in a scroll
box while the other column stands empty:

* left, *how*: the illustration card (the figure, the muscles it works,
  where it is done), the numbered steps, the article's figures and our own
  pacing, marked as ours;
* right, *now*: the countdown ring, the cue a coach would call ("Hold 20 s",
  "Move", "Return", "Switch to your left side"), the rep and side, what
  comes next, then the exercise's cautions in their own card and the
  article's own sentence with its title (and its file name where the line
  has room).

Every time carries its unit ("0:59 left", "Hold 20 s", the ring's "18 s").
The page only shows what it is given (a :class:`~deskbreak.core.content.guide.View`
and the timeline); the window decides when.

Height: the figure and the ring give way first (each down to a minimum that
still reads); only then does a column's text scroll. In the window's size on
a 1280x800 screen, with the system font at 100 % or 125 %, no exercise of the
catalog scrolls (``tests/ui/test_break_layout.py``).

The page's parts live beside it: the illustration card in
:mod:`deskbreak.ui.illustration_card`, the coach's words in
:mod:`deskbreak.ui.coach_words`, the widgets that fit their text to the
room in :mod:`deskbreak.ui.fitting_widgets`.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from deskbreak.core import markup
from deskbreak.core.content.catalog import Exercise
from deskbreak.core.clock import Clock
from deskbreak.core.content.guide import Kind, Segment, View, our_timing
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, Context, translate
from deskbreak.ui import style
from deskbreak.ui.break_widgets import (
    Card,
    CitationLabel,
    make_button,
    make_label,
    refont_labels,
    restyle_button,
    ring_time,
    seconds_left,
    set_text,
)
from deskbreak.ui.coach_words import RING_WORDS, next_text, stage_cue
from deskbreak.ui.fitting_widgets import ColumnLayout, FitScrollArea, HeadlineLabel
from deskbreak.ui.hold_ring import HoldRing
from deskbreak.ui.illustration_card import IllustrationCard

break_window = Context("break_window")  # for plurals: lupdate reads the context from this name
SORE_BACK_NOTICE = QT_TRANSLATE_NOOP("break_window", "Your lower back hurts: no forward folds or intense backbends "
                                     "today. Stop if pain lasts more than a few minutes; see a doctor if it "
                                     "radiates to your hips or knees.")
SAFETY_FOOTER = QT_TRANSLATE_NOOP("break_window", "Mild discomfort is normal at first. Stop if pain lasts more "
                                  "than a few minutes; see a doctor if it radiates.")


class RoutinePage(QWidget):
    """The page shown while the routine plays; the window wires its buttons."""

    def __init__(self, *, title: str, poses: dict | None, clock: Clock, postpone_label: str,
                 hold_length: str, holds: Mapping[str, int] | None = None, safety_first: bool = False) -> None:
        super().__init__()
        self.setObjectName("routinePage")
        self.hold_length = hold_length
        self.holds = holds
        self._shown_exercise: Exercise | None = None
        layout = QVBoxLayout(self)
        self._layout = layout
        self.safety_first = safety_first
        if safety_first:
            # A sore back reads the safety advice before anything else.
            notice = translate("break_window", SORE_BACK_NOTICE)
            self.sore_back_label = make_label(notice, name="soreBackNotice", scale=0.95, bold=True)
            self.sore_back_label.setAccessibleName(notice)
            layout.addWidget(self.sore_back_label)

        # Header: the routine, its length and where we are; then the exercise, large.
        header = QHBoxLayout()
        self.kicker_label = make_label(title, name="kickerLabel", scale=0.95, bold=True, wrap=False)
        self.time_left_label = make_label("", name="timeLeftLabel", scale=0.95, wrap=False)
        self.time_left_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.kicker_label, 1)
        header.addWidget(self.time_left_label)
        layout.addLayout(header)
        self.name_label = HeadlineLabel("exerciseName")
        layout.addWidget(self.name_label)

        body = QHBoxLayout()
        self._body = body
        layout.addLayout(body, 1)
        body.addLayout(self._build_how(poses, clock), 1)
        body.addLayout(self._build_now(), 1)

        # Safety footer: always on screen during the routine, never buried.
        self._rule = QFrame()
        self._rule.setFrameShape(QFrame.Shape.HLine)
        self._rule.setFrameShadow(QFrame.Shadow.Plain)
        footer = translate("break_window", SAFETY_FOOTER)
        self.footer_label = make_label(footer, name="safetyFooter", scale=0.95)
        self.footer_label.setAccessibleName(footer)
        layout.addWidget(self._rule)
        layout.addWidget(self.footer_label)
        # In sore-back mode the advice sits on top instead (it says the same and more), not twice.
        self.footer_label.setVisible(not safety_first)
        layout.addLayout(self._build_buttons(postpone_label))
        order = self.buttons()
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    # -- building -------------------------------------------------------------

    def _build_how(self, poses: dict | None, clock: Clock) -> QVBoxLayout:
        left = QVBoxLayout()
        self._figure_holder = left
        self.figure_area: QWidget = IllustrationCard(poses, clock)
        left.addWidget(self.figure_area, 1)
        details = QWidget()
        details.setObjectName("details")
        self._details_layout = QVBoxLayout(details)
        self._details_layout.setContentsMargins(0, 0, 0, 0)
        self.steps_box = QWidget()
        self.steps_box.setObjectName("stepsBox")
        self._steps_grid = QGridLayout(self.steps_box)
        self._steps_grid.setContentsMargins(0, 0, 0, 0)
        self._steps_grid.setColumnStretch(1, 1)
        self._step_labels: list[QLabel] = []
        self.figures_label = make_label("", name="figuresLabel", rich=True)
        self.pacing_label = make_label("", name="pacingLabel", rich=True)
        self._figures_block = QVBoxLayout()
        self._figures_block.setContentsMargins(0, 0, 0, 0)
        self._figures_block.addWidget(self.figures_label)
        self._figures_block.addWidget(self.pacing_label)
        self._details_layout.addWidget(self.steps_box)
        self._details_layout.addLayout(self._figures_block)
        self._details_layout.addStretch(1)
        self._scroll = FitScrollArea(details)
        self._scroll.setObjectName("instructions")
        left.addWidget(self._scroll, 0)
        return left

    def _build_now(self) -> QVBoxLayout:
        self.ring = HoldRing()
        # The ring takes what the words under it leave (down to its minimum), never the reverse.
        self.ring.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        right = ColumnLayout(self.ring)
        self._right = right
        right.addWidget(self.ring, 1)
        self.cue_label = make_label("", name="cueLabel", scale=1.7, bold=True)
        self.progress_label = make_label("", name="progressLabel", scale=1.1)
        self.next_label = make_label("", name="nextLabel", scale=1.0)
        for label in (self.cue_label, self.progress_label, self.next_label):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            right.addWidget(label)
        right.addStretch(0)  # what the ring, at its largest, leaves

        # Take care, then the article's own words: beside the steps, not under them.
        notes = QWidget()
        notes.setObjectName("notesBox")
        self._notes_layout = QVBoxLayout(notes)
        self._notes_layout.setContentsMargins(0, 0, 0, 0)
        self.cautions_card = Card()
        self.cautions_card.setObjectName("cautionsCard")
        self._cautions_layout = QVBoxLayout(self.cautions_card)
        self.cautions_title = make_label(translate("break_window", "Take care"), name="cautionsTitle", scale=1.0, bold=True)
        self.cautions_label = make_label("", name="cautionsLabel", rich=True)
        self._cautions_layout.addWidget(self.cautions_title)
        self._cautions_layout.addWidget(self.cautions_label)
        self._notes_layout.addWidget(self.cautions_card)
        self.source_label = make_label("", name="sourceLabel", scale=0.9, rich=True)
        self.citation_label = CitationLabel("citationLabel", prefix="\u2014 ")
        self._source_block = QVBoxLayout()
        self._source_block.setContentsMargins(0, 0, 0, 0)
        self._source_block.addWidget(self.source_label)
        self._source_block.addWidget(self.citation_label)
        self._notes_layout.addLayout(self._source_block)
        self._notes_layout.addStretch(1)
        self._notes = FitScrollArea(notes)
        self._notes.setObjectName("notes")
        right.addWidget(self._notes, 0)
        return right

    def _build_buttons(self, postpone_label: str) -> QHBoxLayout:
        # The routine's own controls on the left, leaving it on the right.
        buttons = QHBoxLayout()
        self._button_row = buttons
        self.pause_button = make_button(translate("break_window", "Pause"), "pauseButton",
                                        translate("break_window", "Pause or resume the countdown (Space)"))
        self.skip_button = make_button(translate("break_window", "Next exercise"), "skipButton",
                                       translate("break_window", "Skip to the next exercise (Right arrow)"))
        self.hurt_button = make_button(translate("break_window", "This hurts"), "hurtButton",
                                       translate("break_window", "Stop now and see what to do about pain"),
                                       kind=style.TextColorButton)
        self.postpone_button = make_button(postpone_label, "postponeButton",
                                           translate("break_window", "Put this break off"))
        self.end_button = make_button(translate("break_window", "End break"), "endButton",
                                      translate("break_window", "End this break now (Esc)"))
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        for button in (self.hurt_button, self.postpone_button, self.end_button):
            buttons.addWidget(button)
        return buttons

    def buttons(self) -> list[QPushButton]:
        return [self.pause_button, self.skip_button, self.hurt_button, self.postpone_button,
                self.end_button]

    def replace_figure_area(self, widget: QWidget) -> QWidget:
        """Put ``widget`` where the illustration card was; returns the old one (hidden)."""
        old = self.figure_area
        self._figure_holder.replaceWidget(old, widget)
        old.hide()
        old.setObjectName("")
        if not widget.objectName():
            widget.setObjectName("figureArea")
        widget.show()
        self.figure_area = widget
        return old

    # -- showing --------------------------------------------------------------

    def show_status(self, kicker: str, seconds_left_in_break: int) -> None:
        set_text(self.kicker_label, kicker)
        minutes, seconds = divmod(seconds_left_in_break, 60)
        set_text(self.time_left_label, translate("break_window", "{time} left").format(time=f"{minutes}:{seconds:02d}"),
                 accessible=translate("break_window", "{minutes} min {seconds} s left in this break").format(
                     minutes=minutes, seconds=seconds))

    def show_exercise(self, exercise: Exercise, side: str | None) -> None:
        if exercise is not self._shown_exercise:
            self._shown_exercise = exercise
            set_text(self.name_label, exercise.shown_name())
            self._show_exercise_text(exercise)
            self._scroll.verticalScrollBar().setValue(0)
            self._notes.verticalScrollBar().setValue(0)
        self.figure_area.show_exercise(exercise, side)

    def show_view(self, view: View, segments: Sequence[Segment]) -> None:
        segment = view.segment
        assert segment is not None
        if isinstance(self.figure_area, IllustrationCard):
            self.figure_area.follow(view)
        set_text(self.cue_label, stage_cue(segment, view.elapsed))
        progress = segment.progress_text(view.elapsed)
        set_text(self.progress_label, progress)
        if self.progress_label.isVisibleTo(self) != bool(progress):
            self.progress_label.setVisible(bool(progress))
        set_text(self.next_label, next_text(view, segments, self.hold_length))
        self._update_ring(view, segment)
        label = translate("break_window", "Resume") if view.paused else translate("break_window", "Pause")
        if self.pause_button.text() != label:
            self.pause_button.setText(label)
            self.pause_button.setAccessibleName(label)

    def _update_ring(self, view: View, segment: Segment) -> None:
        palette = self.palette()
        seconds = seconds_left(view.remaining)
        spoken = break_window.tr("%n seconds left", None, seconds, one="1 second left")
        rep = segment.rep_at(view.elapsed)
        caption, word = (translate("break_window", text) for text in RING_WORDS[segment.kind])
        color = {Kind.REST: style.rest_color(palette), Kind.LEAD_IN: style.ready_color(palette),
                 Kind.SWITCH: style.ready_color(palette)}.get(segment.kind, style.accent_color(palette))
        if segment.kind in (Kind.REP, Kind.MOVE) and rep is not None:
            value, unit = str(rep), ""
            caption = translate("break_window", "OF {reps}").format(reps=segment.reps)
            accessible = translate("guide", "Rep {rep} of {reps}").format(rep=rep, reps=segment.reps)
        else:
            value, unit = ring_time(seconds)
            accessible = f"{word}, {spoken}"
        if view.paused:
            caption = translate("break_window", "PAUSED")
            accessible = translate("break_window", "Paused. {what}").format(what=accessible)
        self.ring.set_state(fraction=view.fraction_left, remaining=view.remaining, value_text=value,
                            unit=unit, caption=caption, accessible=accessible, color=color,
                            paused=view.paused)

    def _show_exercise_text(self, exercise: Exercise) -> None:
        palette = self.palette()
        for label in self._step_labels:
            self._steps_grid.removeWidget(label)
            label.hide()  # gone now, not at the next turn of the event loop
            label.deleteLater()
        self._step_labels = []
        for row, step in enumerate(translate("catalog", step) for step in exercise.steps):
            number = make_label(f"{row + 1}", scale=1.15, bold=True, wrap=False)
            number.setProperty("stepNumber", True)
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            style.set_text_color(number, style.accent_color(palette))
            text = make_label(step, scale=1.15)
            text.setAccessibleName(translate("break_window", "Step {number}: {step}").format(number=row + 1, step=step))
            number.setAccessibleName(translate("break_window", "Step {number}").format(number=row + 1))
            self._steps_grid.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
            self._steps_grid.addWidget(text, row, 1)
            self._step_labels += [number, text]

        muted = markup.escape(style.muted_color(palette).name())
        figures = markup.escape(exercise.figures_text())
        own = exercise.is_users_own
        whose = translate("break_window", "As you wrote it:") if own else translate("break_window", "From the article:")
        set_text(self.figures_label, f"<b>{markup.escape(whose)}</b> {figures}",
                 accessible=f"{whose} {exercise.figures_text()}")
        source = exercise.source
        self.citation_label.setVisible(not own)
        if own:
            # No article to quote or cite: the quote's place says whose exercise it is.
            yours = translate("break_window", "Your exercise")
            set_text(self.source_label, f"<i>{markup.escape(yours)}</i>", accessible=yours)
        else:
            # The quote stays in the document's own language: it is the article's words, cited.
            set_text(self.source_label, f"<i>\u201c{markup.escape(source.quote)}\u201d</i>".replace("\n", "<br>"),
                     accessible=translate("break_window", "The article says: {quote}").format(quote=source.quote))
            self.citation_label.set_source(source)
        # Everything the guide adds to the article's figures is labelled as ours.
        pacing = "; ".join(part for part in ([exercise.pacing_text()] if exercise.suggested.note else [])
                           + our_timing(exercise, self.hold_length, self.holds) if part)
        if pacing:
            ours = markup.escape(style.accent_color(palette).name())
            note = translate("catalog", exercise.suggested.note) if exercise.suggested.note else ""
            aside = f" <span style='color:{muted}'><i>({markup.escape(note)})</i></span>" if note else ""
            our_pacing = markup.escape(translate("break_window", "Our pacing:"))
            set_text(
                self.pacing_label,
                f"<span style='color:{ours}'><b>{our_pacing}</b></span> {markup.escape(pacing)}{aside}",
                accessible=translate("break_window", "Our pacing, not the article's: {pacing}").format(pacing=pacing)
                + (f" ({note})" if note else ""),
            )
            self.pacing_label.show()
        else:
            self.pacing_label.hide()
        if exercise.cautions:
            cautions = [translate("catalog", caution) for caution in exercise.cautions]
            rows = "".join(f"<tr><td>&bull;&nbsp;</td><td>{markup.escape(c)}</td></tr>" for c in cautions)
            set_text(self.cautions_label, f"<table cellspacing='0' cellpadding='1'>{rows}</table>",
                     accessible=translate("break_window", "Take care: {cautions}").format(cautions=" ".join(cautions)))
            self.cautions_card.show()
        else:
            self.cautions_card.hide()
        self._scroll.updateGeometry()
        self._notes.updateGeometry()

    # -- look -----------------------------------------------------------------

    def restyle(self) -> None:
        """Fonts relative to the system font, colours from the palette."""
        palette = self.palette()
        refont_labels(self)
        line = self.fontMetrics().height()
        self._layout.setContentsMargins(round(line * 2), round(line * 1.1), round(line * 2), round(line * 1.0))
        self._layout.setSpacing(round(line * 0.5))
        self._body.setSpacing(round(line * 2))
        self._right.setSpacing(round(line * 0.45))
        self._figure_holder.setSpacing(round(line * 0.9))
        self._details_layout.setSpacing(round(line * 0.7))
        self._figures_block.setSpacing(round(line * 0.35))
        self._notes_layout.setSpacing(round(line * 0.7))
        self._source_block.setSpacing(round(line * 0.2))
        # Room for the scroll bar, should the steps ever need one, without touching the text.
        self._details_layout.setContentsMargins(0, 0, round(line * 0.8), 0)
        self._steps_grid.setHorizontalSpacing(round(line * 0.7))
        self._steps_grid.setVerticalSpacing(round(line * 0.4))
        self._cautions_layout.setContentsMargins(line, round(line * 0.7), line, round(line * 0.8))
        self._cautions_layout.setSpacing(round(line * 0.3))
        self._button_row.setSpacing(round(line * 0.6))
        self.ring.setMinimumSize(self.ring.minimumSizeHint())
        self.ring.setMaximumHeight(round(self.ring.sizeHint().height() * 1.5))

        muted = style.muted_color(palette)
        for label in (self.time_left_label, self.progress_label, self.next_label, self.citation_label):
            style.set_text_color(label, muted)
        style.set_text_color(self.kicker_label, style.accent_color(palette))
        style.set_text_color(self.footer_label, style.blend(style.text_color(palette), muted, 0.5))
        if self.safety_first:
            style.set_text_color(self.sore_back_label, style.caution_color(palette))
        style.set_text_color(self.cautions_title, style.caution_color(palette))
        rule = self._rule.palette()
        rule.setColor(rule.ColorRole.WindowText, style.track_color(palette))
        self._rule.setPalette(rule)
        for label in self._step_labels:
            if label.property("stepNumber"):
                style.set_text_color(label, style.accent_color(palette))
        for button in self.buttons():
            restyle_button(button)
        style.set_text_color(self.hurt_button, style.danger_color(palette))
        if isinstance(self.figure_area, IllustrationCard):
            self.figure_area.restyle()
        if self._shown_exercise is not None:
            self._show_exercise_text(self._shown_exercise)
