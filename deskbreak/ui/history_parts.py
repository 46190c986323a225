"""The history window's building blocks: a headline figure, two panels side by side, cards and their labels.

Used by :mod:`deskbreak.ui.history_window`; the words they are handed keep
its "HistoryWindow" context.
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QBoxLayout, QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from deskbreak.core.i18n import translate
from deskbreak.ui import style
from deskbreak.ui.break_widgets import Card, make_label, set_text


class HeadlineFigure(QWidget):
    """One figure of the headline band: a small caption, the number big, a line of detail."""

    def __init__(self, caption: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.caption = make_label(caption.upper(), scale=0.8, bold=True, wrap=False)
        self.caption.setProperty("muted", True)
        self._accent = False
        # Whole: "5-day / streak" broken over two lines reads as two figures.
        self.value = make_label("", name=f"{name}Value", scale=2.0, bold=True, wrap=False)
        self.detail = make_label("", name=f"{name}Detail", scale=0.95)
        for label in (self.caption, self.value, self.detail):
            layout.addWidget(label)
        layout.addStretch(1)

    def show_figure(self, value: str, detail: str, accessible: str, *, accent: bool = False) -> None:
        """``accent``: a figure worth celebrating (a streak, today's goal met) in the accent colour."""
        set_text(self.value, value)
        set_text(self.detail, detail)
        self._accent = accent
        self.recolour()
        self.setAccessibleName(accessible)

    def recolour(self) -> None:
        palette = self.palette()
        style.set_text_color(self.value, style.accent_color(palette) if self._accent else style.text_color(palette))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # Its own event, not the window's: the window hears of a new palette
        # before its children have it.
        if event.type() == QEvent.Type.PaletteChange:
            self.recolour()
        super().changeEvent(event)


class SideBySide(QWidget):
    """Two panels of one width beside each other when both fit, else one above the other."""

    def __init__(self, first: QWidget, second: QWidget) -> None:
        super().__init__()
        self._panels = (first, second)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        for panel in self._panels:
            # Ignoring the panels' preferred widths is what makes the two
            # halves equal: a layout hands a wider hint more than its share.
            policy = panel.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
            panel.setSizePolicy(policy)
            self._layout.addWidget(panel, 1)
        self._keep_minimum_widths()

    def _keep_minimum_widths(self) -> None:
        for panel in self._panels:
            panel.setMinimumWidth(panel.minimumSizeHint().width())

    def _fits_side_by_side(self, width: int) -> bool:
        needed = sum(panel.minimumWidth() for panel in self._panels) + self._layout.spacing()
        return width >= needed

    def resizeEvent(self, event) -> None:  # noqa: N802
        # Depends on the width alone, so the switch cannot feed back into the layout.
        direction = (QBoxLayout.Direction.LeftToRight if self._fits_side_by_side(event.size().width())
                     else QBoxLayout.Direction.TopToBottom)
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._keep_minimum_widths()
        super().changeEvent(event)

    def minimumSizeHint(self):  # noqa: N802
        # Narrow enough to stack: the wider panel alone.
        hint = super().minimumSizeHint()
        hint.setWidth(max(panel.minimumWidth() for panel in self._panels))
        return hint


def section(title: str, name: str) -> tuple[Card, QVBoxLayout, QHBoxLayout]:
    """A card with a title row (room on its right for a control) and a column for its content."""
    card = Card()
    card.setObjectName(name)
    layout = QVBoxLayout(card)
    line = card.fontMetrics().height()
    layout.setContentsMargins(round(line * 1.1), round(line * 0.9), round(line * 1.1), round(line * 1.0))
    layout.setSpacing(round(line * 0.6))
    header_row = QWidget()
    header = QHBoxLayout(header_row)
    header.setContentsMargins(0, 0, 0, 0)
    header.addWidget(make_label(title, name=f"{name}Title", scale=1.15, bold=True, wrap=False))
    header.addStretch(1)
    # As tall as a combo box whether or not it holds one, so the titles of
    # two cards side by side stand on one line.
    header_row.setMinimumHeight(QComboBox().sizeHint().height())
    layout.addWidget(header_row)
    return card, layout, header


def muted_label(text: str = "", name: str = "", scale: float = 0.95) -> QLabel:
    """Secondary words; the window gives them the muted colour (again after a theme change)."""
    label = make_label(text, name=name, scale=scale)
    label.setProperty("muted", True)
    return label


def labelled_combo(text: str, choices: Sequence[tuple[Any, str]], name: str,
                   row: QHBoxLayout) -> QComboBox:
    """A combo box of translated choices (their values as item data), with its label, added to ``row``."""
    combo = QComboBox()
    combo.setObjectName(name)
    for value, words in choices:
        combo.addItem(translate("HistoryWindow", words), value)
    combo.setAccessibleName(text)
    if text:
        label = QLabel(text)
        label.setBuddy(combo)
        row.addWidget(label)
    row.addWidget(combo)
    return combo
