"""Small pieces the break window's pages share: words, cards, chips, a flowing row.

Everything here sizes itself from the application font and takes its colours
from the palette (:mod:`deskbreak.ui.style`), so the pages follow a larger
system font or a dark theme without their own arithmetic. Labels made by
:func:`make_label` remember their font scale, so a page can re-apply fonts
when the system font changes (:func:`refont_labels`).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QMargins, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QLayoutItem, QPushButton, QSizePolicy, QWidget

from deskbreak.core.content.catalog import Exercise, Source, place_words, words
from deskbreak.core.i18n import translate
from deskbreak.ui import style


# -- words ---------------------------------------------------------------------


def seconds_left(remaining: float) -> int:
    """Whole seconds to show: a countdown shows 3, 2, 1, never 0 while running."""
    return max(0, math.ceil(remaining - 1e-6))


def minutes_text(seconds: int) -> str:
    """ "0:59", "12:05": a span of time that may reach minutes, always with its minutes."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def ring_time(seconds: int) -> tuple[str, str]:
    """The ring's number and unit: ("45", "s"), or ("1:45", "min") from a minute up."""
    return (minutes_text(seconds), "min") if seconds >= 60 else (str(seconds), "s")


def place_text(exercise: Exercise) -> str:
    """ "At the desk", "On the floor · mat", "Needs: step"."""
    equipment = ", ".join(words(e) for e in exercise.equipment)
    if exercise.place == "equipment":
        return translate("break_window", "Needs: {equipment}").format(equipment=equipment)
    label = place_words(exercise.place)
    label = label[:1].upper() + label[1:]
    return f"{label} · {equipment}" if equipment else label


def source_name(source: Source) -> str:
    """The document by its title; its file name only when the catalog names no title."""
    return source.title or source.document


# -- widgets -------------------------------------------------------------------


def make_label(text: str = "", *, name: str = "", scale: float = 1.0, bold: bool = False,
               wrap: bool = True, rich: bool = False, parent: QWidget | None = None) -> QLabel:
    """A label in the application font times ``scale``; see :func:`refont_labels`."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setFont(style.scaled_font(scale, bold=bold))
    label.setProperty("fontScale", scale)
    label.setProperty("fontBold", bold)
    if name:
        label.setObjectName(name)
    return label


def refont_labels(root: QWidget) -> None:
    """Give every label made by :func:`make_label` under ``root`` its font again (after a font change)."""
    for label in root.findChildren(QLabel):
        scale = label.property("fontScale")
        if scale is not None:
            label.setFont(style.scaled_font(float(scale), bold=bool(label.property("fontBold"))))


def set_text(label: QLabel, text: str, *, accessible: str | None = None) -> None:
    """Change a label only when its words change; the screen reader hears the same."""
    if label.text() != text:
        label.setText(text)
    name = text if accessible is None else accessible
    if label.accessibleName() != name:
        label.setAccessibleName(name)


def make_button(text: str, name: str, tip: str, slot=None, kind: type[QPushButton] = QPushButton) -> QPushButton:
    """A button (a ``kind``) that takes focus from the keyboard only, with its tip as the accessible description."""
    button = kind(text)
    button.setObjectName(name)
    button.setAccessibleName(text)
    button.setAccessibleDescription(tip)
    button.setToolTip(tip)
    button.setAutoDefault(False)
    # Focus from the keyboard only: a mouse click must not leave a button
    # holding focus and take the Space key from the pause toggle.
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    if slot is not None:
        button.clicked.connect(slot)
    return button


def restyle_button(button: QPushButton) -> None:
    button.setFont(style.scaled_font(1.05))
    line = button.fontMetrics().height()
    button.setMinimumHeight(round(line * 2.1))
    button.setMinimumWidth(round(button.fontMetrics().horizontalAdvance(button.text()) + line * 2.4))


class Card(QFrame):
    """A softly rounded panel a step away from the window background."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        radius = self.fontMetrics().height() * 0.6
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(style.blend(style.card_color(palette), style.text_color(palette), 0.08), 1))
        painter.setBrush(style.card_color(palette))
        painter.drawRoundedRect(rect, radius, radius)
        painter.end()
        super().paintEvent(event)


class Chip(QLabel):
    """A pill-shaped tag ("hip flexors"), tinted with ``color`` (the accent by default)."""

    def __init__(self, text: str, parent: QWidget | None = None, *, strong: bool = False) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._strong = strong
        self._color = None
        self.restyle()

    def set_color(self, color) -> None:
        self._color = color
        self.restyle()

    def restyle(self) -> None:
        self.setFont(style.scaled_font(0.95 if not self._strong else 1.0, bold=self._strong))
        height = self.fontMetrics().height()
        self.setContentsMargins(round(height * 0.65), round(height * 0.2),
                                round(height * 0.65), round(height * 0.2))
        palette = self.parentWidget().palette() if self.parentWidget() else self.palette()
        color = self._color or style.accent_color(palette)
        style.set_text_color(self, color if self._strong else style.text_color(palette))
        self.updateGeometry()
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        color = self._color or style.accent_color(palette)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.tint(color, palette, 0.22 if self._strong else 0.14))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.end()
        super().paintEvent(event)


class CitationLabel(QLabel):
    """A source by its title ("From Can a Treadmill Cause Back Pain?"), with the
    file name after it ("... (000_a42a6e5b3fd2f0a1.txt)") when the line has room.

    The choice depends on the width alone, so it cannot feed back into the
    layout; the full citation is always the tooltip and the accessible name.
    """

    def __init__(self, name: str = "", *, prefix: str | None = None, scale: float = 0.85) -> None:
        super().__init__()
        self._prefix = translate("break_window", "From ") if prefix is None else prefix
        self._short = self._long = ""
        if name:
            self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setFont(style.scaled_font(scale))
        self.setProperty("fontScale", scale)
        self.setProperty("fontBold", False)

    def set_source(self, source: Source) -> None:
        self._short = f"{self._prefix}{source_name(source)}"
        self._long = f"{self._prefix}{source.citation}"
        self.setToolTip(source.citation)
        self.setAccessibleName(translate("break_window", "Source: {citation}").format(citation=source.citation))
        self._choose(self.width())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._choose(event.size().width())

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._choose(self.width())

    def _choose(self, width: int) -> None:
        fits = self.fontMetrics().horizontalAdvance(self._long) <= width
        text = self._long if fits else self._short
        if self.text() != text:
            self.setText(text)


class FlowLayout(QLayout):
    """Items left to right, wrapping onto a new line when the row is full.

    Chips for five muscle groups must not push a narrow column wider than
    the window, nor be cut off at its edge: they wrap instead.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def set_gap(self, spacing: int) -> None:
        self._spacing = spacing
        self.invalidate()

    def clear(self) -> None:
        """Remove and delete every widget in the row."""
        while self._items:
            item = self._items.pop()
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.invalidate()

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._spacing, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()
