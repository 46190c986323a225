"""The safety page: what to do about pain, shown when the user presses "This hurts".

The routine has stopped by then. Each of the catalog's safety notes gets a
card with the article it comes from, by title (and file name where the
line has room). The cards sit in two columns on a wide window so all of
them are read without scrolling; a scroll area remains only for a window
too small to hold them.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from deskbreak.core.content.catalog import SafetyNote
from deskbreak.core.i18n import translate
from deskbreak.ui import style
from deskbreak.ui.break_widgets import (
    Card,
    CitationLabel,
    make_button,
    make_label,
    refont_labels,
    restyle_button,
)
from deskbreak.ui.fitting_widgets import PlainScrollArea

# Two columns from this many text lines of width up: narrower, one column.
_TWO_COLUMNS_FROM = 48


class SafetyPage(QWidget):
    """The page shown after "This hurts"; the window wires the close button."""

    def __init__(self, notes: Sequence[SafetyNote], fallback: str) -> None:
        super().__init__()
        self.setObjectName("safetyPanel")
        self.setAccessibleName(translate("break_window", "What to do about pain"))
        layout = QVBoxLayout(self)
        self._layout = layout
        self.safety_title = make_label(translate("break_window", "Stop the exercise and rest."), name="safetyTitle", scale=2.2, bold=True)
        self.safety_intro = make_label(translate("break_window", "The break has ended. Please read this before you carry on."),
                                       name="safetyIntro", scale=1.15)
        layout.addWidget(self.safety_title)
        layout.addWidget(self.safety_intro)
        self.note_labels: list[QLabel] = []
        self.source_labels: list[CitationLabel] = []
        self._cards: list[Card] = []
        self._card_layouts: list[QVBoxLayout] = []
        for index, note in enumerate(notes or (None,)):
            card = Card()
            card_layout = QVBoxLayout(card)
            # The note in our words, translated; its source is cited as the document titles itself.
            text = translate("catalog", note.text) if note is not None else fallback
            label = make_label(text, name=f"safetyNoteText{index}", scale=1.2)
            label.setAccessibleName(text)
            card_layout.addWidget(label)
            self.note_labels.append(label)
            if note is not None:
                card.setObjectName(f"safetyNote-{note.id}")
                source = CitationLabel(f"safetySource{index}")
                source.set_source(note.source)
                card_layout.addWidget(source)
                self.source_labels.append(source)
            card_layout.addStretch(1)
            self._cards.append(card)
            self._card_layouts.append(card_layout)
        box = QWidget()
        self._grid = QGridLayout(box)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 0
        self._scroll = PlainScrollArea(box)
        self._scroll.setObjectName("safetyNotes")
        layout.addWidget(self._scroll, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.close_button = make_button(translate("break_window", "Close"), "safetyCloseButton",
                                        translate("break_window", "Close this window (Esc)"))
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self._arrange(1)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for card in self._cards:
            self._grid.removeWidget(card)
        for index, card in enumerate(self._cards):
            self._grid.addWidget(card, index // columns, index % columns)
        for column in range(2):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self._grid.setRowStretch(len(self._cards) // columns + 1, 1)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        wide = event.size().width() >= self.fontMetrics().height() * _TWO_COLUMNS_FROM
        self._arrange(2 if wide else 1)

    def restyle(self) -> None:
        palette = self.palette()
        refont_labels(self)
        line = self.fontMetrics().height()
        self._layout.setContentsMargins(round(line * 2), round(line * 1.5), round(line * 2), round(line * 1.2))
        self._layout.setSpacing(round(line * 0.7))
        self._grid.setSpacing(round(line * 0.7))
        for card_layout in self._card_layouts:
            card_layout.setContentsMargins(line, round(line * 0.8), line, round(line * 0.8))
            card_layout.setSpacing(round(line * 0.4))
        style.set_text_color(self.safety_title, style.danger_color(palette))
        for label in self.source_labels:
            style.set_text_color(label, style.muted_color(palette))
        restyle_button(self.close_button)
