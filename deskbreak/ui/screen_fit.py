"""Windows that fit the screen they open on, window frame and panels included.

A window manager draws a frame (a title bar and borders) around each
window, and panels take part of the screen; Qt learns the frame only once
the window is on screen. A window sized and centred from the bare screen
size ends up with its title under a panel, or its buttons below the bottom
edge of a 1024x600 laptop. So deskbreak's windows are sized and placed
here: no larger than the screen's available area less a frame, and
centred in that area with the frame counted in.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStyle, QWidget

# Before a window is shown its frame is unknown, so it is guessed on the
# generous side: a title bar of 40 px or two and a half lines of text,
# whichever is taller (GNOME's is 37 px at the usual font size, openbox's
# 20 px), and thin borders.
TITLE_BAR_PX = 40
TITLE_BAR_LINES = 2.5
BORDER = 4

# Where no screen is known (no display yet): the smallest common laptop screen.
FALLBACK_AREA = QRect(0, 0, 1024, 600)


def available_area(widget: QWidget) -> QRect:
    """The part of ``widget``'s screen that windows may use (panels and docks left out)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(FALLBACK_AREA)


def frame_margins(window: QWidget) -> QMargins:
    """The frame the window manager will draw around ``window``, guessed on the generous side."""
    line = window.fontMetrics().height()
    title = max(TITLE_BAR_PX, window.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight),
                round(line * TITLE_BAR_LINES))
    return QMargins(BORDER, title, BORDER, BORDER)


def place(window: QWidget, wanted: QSize) -> None:
    """Give ``window`` the size ``wanted`` (or less, to fit its screen) and centre it there, frame included.

    Call it before the window is first shown: only then does the window
    manager take the position for the frame's (once a window exists, Qt
    takes it for the inside, with a frame it does not know yet).
    """
    area, frame = available_area(window), frame_margins(window)
    window.resize(wanted.boundedTo(area.size().shrunkBy(frame)))
    outer = QRect(QPoint(0, 0), window.size().grownBy(frame))
    outer.moveCenter(area.center())
    # A window wider or taller than the area (its minimum size is) keeps its title bar in reach.
    outer.moveTopLeft(QPoint(max(outer.left(), area.left()), max(outer.top(), area.top())))
    # A window's position is its frame's: the window manager puts the frame's corner here.
    window.move(outer.topLeft())
