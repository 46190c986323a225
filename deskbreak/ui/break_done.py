"""The done view: what the break did, counted honestly, and when the next one comes.

Shown when the routine has played to its end (skipped exercises included).
It says how many exercises were *done* (a skipped one is listed as skipped,
never counted), how long the break took in all, which muscle groups the
done exercises worked (as chips), and, when the app says so, when the next
break is. The ring, in the accent colour, shows the share done.

It stays until dismissed (the button, Enter or Esc) or until its countdown
runs out; the window drives the countdown from its clock (:meth:`DonePage.set_countdown`).
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QMargins, QSize, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from deskbreak.core.content.catalog import TARGETS, Exercise, words
from deskbreak.core import markup
from deskbreak.core.describe import exact_duration
from deskbreak.core.content.guide import ExerciseResult
from deskbreak.core.history.progression import Grown
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, Context, translate
from deskbreak.ui import style
from deskbreak.ui.break_widgets import (
    Card,
    Chip,
    FlowLayout,
    make_button,
    make_label,
    minutes_text,
    refont_labels,
    restyle_button,
    set_text,
)
from deskbreak.ui.hold_ring import HoldRing

break_window = Context("break_window")  # for plurals: lupdate reads the context from this name
DONE_HEADLINE = QT_TRANSLATE_NOOP("break_window", "Break done. Nice work.")
CLOSE_LABEL = QT_TRANSLATE_NOOP("break_window", "Close (Enter)")


def done_counts(exercises: Sequence[Exercise], results: Sequence[ExerciseResult]) -> tuple[int, int, float]:
    """(done, total, seconds spent, lead-ins and rests included): only completed exercises count as done."""
    done = sum(1 for r in results if r.completed)
    return done, max(len(exercises), len(results)), sum(r.seconds for r in results)


def muscles_worked(exercises: Sequence[Exercise], results: Sequence[ExerciseResult]) -> list[str]:
    """The targets of the completed exercises, in the catalog's order."""
    by_id = {e.id: e for e in exercises}
    worked = {t for r in results if r.completed and r.exercise_id in by_id for t in by_id[r.exercise_id].targets}
    return [t for t in TARGETS if t in worked] + sorted(worked - set(TARGETS))



class WholeListScroll(QScrollArea):
    """A scroll area that asks for room to show its list whole, whatever the list held when first measured.

    (QScrollArea measures its widget once and keeps that size: the done
    view's list, empty when first measured, would ask for none.)
    """

    def sizeHint(self) -> QSize:  # noqa: N802
        frame = 2 * self.frameWidth()
        return self.widget().sizeHint().grownBy(QMargins(0, 0, frame, frame))

#: Exercises the done view shows however small its window; more scroll when the window has no room for them.
ROWS_ALWAYS_SHOWN = 2

class DonePage(QWidget):
    """The page shown when the routine is over; the window wires the close button."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("doneView")
        outer = QVBoxLayout(self)
        self._outer = outer
        # The content in one readable column, centred: no stretched-out card.
        self._column = QWidget()
        self._column.setObjectName("doneColumn")
        layout = QVBoxLayout(self._column)
        layout.setContentsMargins(0, 0, 0, 0)
        self._layout = layout
        outer.addStretch(2)
        outer.addWidget(self._column, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)

        top = QHBoxLayout()
        self._top = top
        self.done_ring = HoldRing()
        self.done_ring.setObjectName("doneRing")
        top.addWidget(self.done_ring, 0, Qt.AlignmentFlag.AlignVCenter)
        words_column = QVBoxLayout()
        self._words = words_column
        self.done_label = make_label(translate("break_window", DONE_HEADLINE), name="doneLabel", scale=2.4, bold=True)
        self.done_summary_label = make_label("", name="doneSummary", scale=1.3)
        self.next_break_label = make_label("", name="nextBreakLabel", scale=1.15, bold=True)
        self.next_break_label.hide()
        self.today_label = make_label("", name="todayLabel", scale=1.0)
        self.today_label.hide()
        self.grown_label = make_label("", name="grownLabel", scale=1.0)
        self.grown_label.hide()
        words_column.addStretch(1)
        for label in (self.done_label, self.done_summary_label, self.next_break_label, self.today_label,
                      self.grown_label):
            words_column.addWidget(label)
        words_column.addStretch(1)
        top.addLayout(words_column, 1)
        layout.addLayout(top)

        self.list_card = Card()
        self.list_card.setObjectName("doneList")
        card = QVBoxLayout(self.list_card)
        self._card_layout = card
        self.did_caption = make_label(translate("break_window", "WHAT YOU DID"), scale=0.8, bold=True, wrap=False)
        card.addWidget(self.did_caption)
        self._rows_widget = QWidget()
        self._rows_widget.setObjectName("doneRows")
        self._rows = QGridLayout(self._rows_widget)
        self._rows.setColumnStretch(1, 1)
        card.addWidget(self._rows_widget)
        # Made with the first list: a scroll area's parts make PySide build ~80 classes, and not at the first paint.
        self.rows_scroll: WholeListScroll | None = None
        self.muscles_caption = make_label(translate("break_window", "MUSCLE GROUPS WORKED"), scale=0.8, bold=True, wrap=False)
        card.addWidget(self.muscles_caption)
        self.muscle_chips = FlowLayout()
        card.addLayout(self.muscle_chips)
        self.no_muscles_label = make_label(translate("break_window", "None this time: every exercise was skipped."),
                                           name="noMusclesLabel")
        card.addWidget(self.no_muscles_label)
        layout.addWidget(self.list_card)

        row = QHBoxLayout()
        self.done_hint_label = make_label("", name="doneHint", scale=0.95)
        self.done_close = make_button(translate("break_window", CLOSE_LABEL), "doneCloseButton",
                                      translate("break_window", "Close this window (Enter or Esc)"))
        row.addWidget(self.done_hint_label, 1)
        row.addWidget(self.done_close)
        outer.addLayout(row)
        self._row_labels: list[QLabel] = []
        # Each exercise's name label in the list, with its name and what a screen reader says of its row.
        self._name_labels: dict[str, tuple[QLabel, str, str]] = {}
        self._chips: list[Chip] = []

    def show_results(self, exercises: Sequence[Exercise], results: Sequence[ExerciseResult]) -> None:
        done, total, seconds = done_counts(exercises, results)
        if total and done == total:
            headline = translate("break_window", DONE_HEADLINE)
        else:
            headline = translate("break_window", "Break done.") if done else translate("break_window", "Break over.")
        set_text(self.done_label, headline)
        summary = break_window.tr("{done} of %n exercises done", None, total, one="{done} of 1 exercise done").format(done=done)
        if seconds >= 1:
            summary += " \u00b7 " + translate("break_window", "{duration} in all").format(duration=exact_duration(seconds))
        set_text(self.done_summary_label, summary)
        self.done_ring.set_state(
            fraction=done / total if total else 1.0, remaining=0.0, value_text=str(done),
            caption=translate("break_window", "OF {total} DONE").format(total=total),
            accessible=break_window.tr("{done} of %n exercises done", None, total, one="{done} of 1 exercise done").format(done=done),
            color=style.accent_color(self.palette()))

        for label in self._row_labels:
            self._rows.removeWidget(label)
            label.hide()  # gone now, not at the next turn of the event loop
            label.deleteLater()
        self._row_labels = []
        self._name_labels = {}
        by_id = {r.exercise_id: r for r in results}
        for row, exercise in enumerate(exercises):
            result = by_id.get(exercise.id)
            completed = result is not None and result.completed
            if completed:
                status = exact_duration(result.seconds)
            elif result is not None and result.seconds >= 1:
                status = translate("break_window", "skipped after {duration}").format(duration=exact_duration(result.seconds))
            else:
                status = translate("break_window", "skipped")
            mark = make_label("\u2713" if completed else "\u2013", scale=1.15, bold=True, wrap=False)
            mark.setProperty("doneMark", completed)
            exercise_name = exercise.shown_name()
            name = make_label(exercise_name, scale=1.1)
            when = make_label(status, scale=1.1, wrap=False)
            when.setProperty("muted", True)
            when.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            words_ = (translate("break_window", "{exercise}: done, {duration}") if completed
                      else translate("break_window", "{exercise}: {status}")).format(
                exercise=exercise_name, duration=status, status=status)
            for label in (mark, name, when):
                label.setAccessibleName(words_)
            self._name_labels[exercise.id] = (name, exercise_name, words_)
            self._rows.addWidget(mark, row, 0, Qt.AlignmentFlag.AlignTop)
            self._rows.addWidget(name, row, 1, Qt.AlignmentFlag.AlignTop)
            self._rows.addWidget(when, row, 2, Qt.AlignmentFlag.AlignTop)
            self._row_labels += [mark, name, when]

        self._fit_rows(len(exercises))

        self.muscle_chips.clear()
        muscles = muscles_worked(exercises, results)
        self._chips = [Chip(words(t), self.list_card, strong=True) for t in muscles]
        for chip in self._chips:
            chip.setObjectName("muscleChip")
            self.muscle_chips.addWidget(chip)
        self.no_muscles_label.setVisible(not muscles)
        self.restyle()

    def _fit_rows(self, count: int) -> None:
        """The list whole where the window has room; where not, at least :data:`ROWS_ALWAYS_SHOWN` rows, scrolling."""
        if self.rows_scroll is None:
            # A long break's list scrolls inside the card, so the view still fits a small screen.
            self.rows_scroll = WholeListScroll()
            self.rows_scroll.setObjectName("doneRowsScroll")
            self.rows_scroll.setAccessibleName(translate("break_window", "What you did"))
            self.rows_scroll.setFrameShape(QFrame.Shape.NoFrame)
            self.rows_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self._card_layout.replaceWidget(self._rows_widget, self.rows_scroll)
            # Our own viewport: asking Qt for its own has PySide build ~80 classes to wrap it.
            viewport = QWidget()
            self.rows_scroll.setViewport(viewport)
            self.rows_scroll.setWidget(self._rows_widget)
            self.rows_scroll.setWidgetResizable(True)
            # Both would paint the window's colour; the card's shows through them, as before.
            for widget in (viewport, self._rows_widget):
                widget.setAutoFillBackground(False)
        whole = self._rows.sizeHint().height()
        self.rows_scroll.setMinimumHeight(whole if count <= ROWS_ALWAYS_SHOWN else round(whole * ROWS_ALWAYS_SHOWN / count))
        # The rows are new: the scroll area's wish to show them whole is news to the layouts around it.
        self.rows_scroll.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        line = self.fontMetrics().height()
        self._column.setFixedWidth(min(round(line * 50), max(0, event.size().width() - round(line * 4))))

    def set_next_break_text(self, text: str) -> None:
        """ "Next sit-break at 15:30": shown under the summary when given (empty hides it)."""
        set_text(self.next_break_label, text)
        self.next_break_label.setVisible(bool(text))

    def set_today(self, targets: Sequence[str], grown: Sequence[Grown] = (),
                  exercises: Sequence[Exercise] = ()) -> None:
        """The muscle groups the day's breaks have worked so far (from the history), and the holds
        the next break plays longer ("Plank: 50 s next time, was 45 s"), one a line."""
        text = translate("break_window", "Today so far: {targets}").format(
            targets=", ".join(words(t) for t in targets)) if targets else ""
        set_text(self.today_label, text)
        self.today_label.setVisible(bool(text))
        # Beside the exercise's own row, where the list has one: a break of many growing holds stays one
        # screen high. Any other goes under the summary.
        muted = markup.escape(style.muted_color(self.palette()).name())
        elsewhere = []
        for g in grown:
            grew = translate("break_window", "{seconds} s next time, was {was} s").format(seconds=g.seconds, was=g.was)
            if g.exercise_id in self._name_labels:
                label, name, words_ = self._name_labels[g.exercise_id]
                label.setTextFormat(Qt.TextFormat.RichText)
                set_text(label, f"{markup.escape(name)} <span style='color:{muted}'>\u00b7 {markup.escape(grew)}</span>",
                         accessible=f"{words_}; {grew}")
            else:
                elsewhere.append(g)
        names = {exercise.id: exercise.shown_name() for exercise in exercises}
        set_text(self.grown_label, "\n".join(
            translate("break_window", "{exercise}: {seconds} s next time, was {was} s").format(
                exercise=names.get(g.exercise_id, g.exercise_id), seconds=g.seconds, was=g.was)
            for g in elsewhere))
        self.grown_label.setVisible(bool(elsewhere))

    def set_countdown(self, seconds: int | None) -> None:
        """How long until the view closes by itself (None: it stays until dismissed)."""
        if seconds is None:
            set_text(self.done_hint_label, translate("break_window", "Enter or Esc closes this window."))
        else:
            when = f"{seconds} s" if seconds < 60 else f"{minutes_text(seconds)} min"
            set_text(self.done_hint_label, translate(
                "break_window", "Closes by itself in {time} \u00b7 Enter or Esc closes it now.").format(time=when))

    def restyle(self) -> None:
        palette = self.palette()
        refont_labels(self)
        line = self.fontMetrics().height()
        self._outer.setContentsMargins(round(line * 2), round(line * 1.5), round(line * 2), round(line * 1.2))
        self._outer.setSpacing(round(line * 0.6))
        self._layout.setSpacing(round(line * 1.4))
        self._top.setSpacing(round(line * 2))
        self._words.setSpacing(round(line * 0.4))
        # Wide enough for a name and its time on one line, narrow enough to read as one block.
        self._column.setFixedWidth(min(round(line * 50), max(0, self.width() - round(line * 4))))
        self._card_layout.setContentsMargins(round(line * 1.2), line, round(line * 1.2), line)
        self._card_layout.setSpacing(round(line * 0.6))
        # Room between the times and the list's scroll bar, when a long break has one.
        self._rows.setContentsMargins(0, 0, round(line * 0.6), 0)
        self._rows.setHorizontalSpacing(round(line * 0.8))
        self._rows.setVerticalSpacing(round(line * 0.45))
        self.muscle_chips.set_gap(round(line * 0.4))
        side = round(self.done_ring.sizeHint().width() * 0.8)
        self.done_ring.setFixedSize(side, side)
        muted = style.muted_color(palette)
        for label in (self.done_summary_label, self.done_hint_label, self.did_caption,
                      self.muscles_caption, self.no_muscles_label):
            style.set_text_color(label, muted)
        style.set_text_color(self.next_break_label, style.accent_color(palette))
        for label in self._row_labels:
            if label.property("doneMark") is not None:
                style.set_text_color(label, style.accent_color(palette) if label.property("doneMark") else muted)
            elif label.property("muted"):
                style.set_text_color(label, muted)
        for chip in self._chips:
            chip.restyle()
        restyle_button(self.done_close)
