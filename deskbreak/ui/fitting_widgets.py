"""Widgets of the routine page that fit their text to the room they get.

:class:`HeadlineLabel` picks the largest of a few sizes at which the
exercise's name fits one line; :class:`PlainScrollArea` lets the page show
through; :class:`FitScrollArea` asks for its whole
content's height at its width, so it scrolls only when the window really
is too small; :class:`ColumnLayout` counts a flexible widget (the figure,
the ring) at least at its minimum height.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from deskbreak.ui import style


class HeadlineLabel(QLabel):
    """The exercise's name, large: the largest of a few sizes at which it fits one line.

    A long name (German ones above all) wraps to two or three lines at the
    largest size and takes the height the steps and the ring need on a small
    screen; a size or two smaller it fits one line. Too long even then, it wraps.
    """

    SCALES = (2.5, 2.15, 1.85)

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # Read by refont_labels after a change of the system font.
        self.setProperty("fontBold", True)
        self._use(self.SCALES[0])

    def _use(self, scale: float) -> None:
        self.setProperty("fontScale", scale)
        font = style.scaled_font(scale, bold=True)
        if font != self.font():
            self.setFont(font)

    def fit(self) -> None:
        width = self.contentsRect().width()
        if width <= 0:
            return
        fitting = (scale for scale in self.SCALES
                   if QFontMetrics(style.scaled_font(scale, bold=True)).horizontalAdvance(self.text()) <= width)
        self._use(next(fitting, self.SCALES[-1]))

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit()  # a new system font: the sizes are measured again


class ColumnLayout(QVBoxLayout):
    """A column holding a widget whose height policy is Ignored, counted at least at its minimum height.

    The column holds wrapping text, so the layout around it asks its height
    for its width and gives it exactly that. A layout counts a widget of
    Ignored height (the figure, the ring: they take what the words leave)
    as nothing in that sum: on a short window it was squeezed below its
    minimum and drawn over the words under it.
    """

    def __init__(self, flexible: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._flexible = flexible

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        height = super().heightForWidth(width)
        return height + self._flexible.minimumHeight() if height >= 0 else height


class PlainScrollArea(QScrollArea):
    """A frameless, vertical scroll area that paints no background: the page shows through.

    Its viewport is made here rather than reached through ``viewport()``: the
    first ``viewport()`` of a viewport Qt made has PySide6 (6.11) look through
    every widget class it binds and build their enum classes, 79 of them,
    40 ms and 1.2 MB inside the first break window.
    """

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        viewport = QWidget()
        viewport.setAutoFillBackground(False)
        self.setViewport(viewport)  # before setWidget: the viewport Qt made goes, with its children
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content.setAutoFillBackground(False)


class FitScrollArea(PlainScrollArea):
    """A scroll area that asks for its whole content's height at its current width.

    The layout then gives it all of that when it can (no scroll bar) and
    shrinks it only when the window really is too small.
    """

    def __init__(self, content: QWidget) -> None:
        super().__init__(content)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        content.installEventFilter(self)
        self._width = -1

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        # New text re-lays the content out after this area told the page its
        # height: tell it again, or the page keeps the old exercise's height.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:  # noqa: N802
        content = self.widget()
        width = self.viewport().width() if self._width > 0 else content.sizeHint().width()
        height = content.heightForWidth(width) if content.hasHeightForWidth() else -1
        if height < 0:
            height = content.sizeHint().height()
        return QSize(content.sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        line = self.fontMetrics().height()
        return QSize(line * 10, line * 3)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != self._width:
            # A new width wraps the text differently: ask again for its height.
            self._width = event.size().width()
            self.updateGeometry()


