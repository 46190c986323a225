"""What a window shows badly, in words: widgets on top of each other, cut off, or too small for their text.

``layout_problems(window)`` looks at every visible widget of a shown window
and returns one line per problem ([] when there is none):

* two visible widgets of one parent overlap (their rectangles, clipped to
  the parent, share more than a pixel's seam): a button drawn over a
  hint, a label over a field;
* a visible widget sticks out of its parent, so part of it is cut off
  (a scroll area's content is meant to be larger than its view: skipped);
* a label has less room than its text needs (word-wrapped: its height for
  its width; otherwise its size hint), or a button is narrower than its text.

Also the frame a window manager adds, for checking that a window fits a
screen (as tall as GNOME's title bar, taller than most), and the fixtures
that set the user's language and the size of the system font.
"""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QLocale, QMargins, QRect, QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QLabel, QWidget

FRAME = QMargins(4, 37, 4, 4)
"""A window manager's frame around a window: title bar and borders."""

PANEL_HEIGHT = 24
"""A panel along one edge of the screen (the desktop tier's tray panel is 24 px)."""

SCREENS = {"1024x600": QSize(1024, 600), "1280x800": QSize(1280, 800)}

ROUNDING = 1
"""Pixels two widgets may share where a layout rounded (the rows of wrapped chips, say)."""


@pytest.fixture(params=["en", "de"])
def language(request, qapp):
    """The user's language: English, or German with its longer words (and dates)."""
    if request.param == "en":
        yield request.param
        return
    from deskbreak.shell.translation import install_translations, remove_translations

    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert install_translations(german) == "de"
    previous = QLocale()
    QLocale.setDefault(german)
    yield request.param
    QLocale.setDefault(previous)
    remove_translations()


@pytest.fixture(params=[1.0, 1.25], ids=["font-100", "font-125"])
def font_scale(request, qapp):
    """The application (system) font at 100 % or 125 %; restored afterwards."""
    old = QApplication.font()
    font = QFont(old)
    font.setPointSizeF(old.pointSizeF() * request.param)
    QApplication.setFont(font)
    QApplication.processEvents()
    yield request.param
    QApplication.setFont(old)
    QApplication.processEvents()


def available(screen: QSize) -> QRect:
    """The area windows may use on ``screen`` with a panel along its top edge."""
    return QRect(0, PANEL_HEIGHT, screen.width(), screen.height() - PANEL_HEIGHT)


def framed(window: QWidget) -> QRect:
    """Where ``window`` and a frame of :data:`FRAME` lie on the screen (its position is its frame's)."""
    return QRect(window.pos(), window.size().grownBy(FRAME))


def smallest_framed_size(window: QWidget) -> QSize:
    """The least room ``window`` can be given, frame included."""
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    return least.grownBy(FRAME)


def layout_problems(window: QWidget) -> list[str]:
    return overlapping(window) + cut_off(window) + cramped_text(window)


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
    return f"{type(widget).__name__} {widget.objectName() or ''} {text[:40]!r}".replace("  ", " ")


def _shown_children(parent: QWidget) -> list[QWidget]:
    return [child for child in parent.children()
            if isinstance(child, QWidget) and not child.isWindow() and child.isVisible()]


def _widgets(window: QWidget) -> list[QWidget]:
    return [window, *(w for w in window.findChildren(QWidget) if w.isVisible() and not w.isWindow())]


def overlapping(window: QWidget) -> list[str]:
    """Pairs of visible widgets with one parent whose rectangles, clipped to it, intersect."""
    problems = []
    for parent in _widgets(window):
        shown = [(child, child.geometry() & parent.rect()) for child in _shown_children(parent)]
        for (first, first_box), (second, second_box) in combinations(shown, 2):
            common = first_box & second_box
            # Layouts round fractions of a pixel: a one-pixel seam is not an overlap anyone sees.
            if common.width() > ROUNDING and common.height() > ROUNDING:
                problems.append(f"{_name(first)} {first_box.getRect()} overlaps {_name(second)} "
                                f"{second_box.getRect()} in {_name(parent)}")
    return problems


def _is_scrolled_view(widget: QWidget) -> bool:
    """A scroll area's viewport, whose content may be larger than it."""
    area = widget.parentWidget()
    return isinstance(area, QAbstractScrollArea) and area.viewport() is widget


def cut_off(window: QWidget) -> list[str]:
    """Visible widgets not wholly inside their parent."""
    problems = []
    for parent in _widgets(window):
        if _is_scrolled_view(parent):
            continue
        for child in _shown_children(parent):
            if not parent.rect().contains(child.geometry()):
                problems.append(f"{_name(child)} {child.geometry().getRect()} sticks out of "
                                f"{_name(parent)} {parent.rect().getRect()}")
    return problems


def cramped_text(window: QWidget) -> list[str]:
    """Labels with less room than their text needs; buttons narrower than their text."""
    problems = []
    for widget in _widgets(window):
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                need = QSize(widget.width(), widget.heightForWidth(widget.width()))
            else:
                need = widget.sizeHint()
            if need.width() > widget.width() or need.height() > widget.height():
                problems.append(f"{_name(widget)} needs {need.width()}x{need.height()}, "
                                f"has {widget.width()}x{widget.height()}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.sizeHint().width() > widget.width():
                problems.append(f"{_name(widget)} is {widget.width()} px wide, its text needs "
                                f"{widget.sizeHint().width()}")
    return problems


def on_screen(window: QWidget, area: QRect) -> list[str]:
    """Whether ``window`` with its frame lies inside ``area`` ([] when it does)."""
    outer = framed(window)
    if area.contains(outer):
        return []
    return [f"{window.objectName()} with its frame {outer.getRect()} is not inside {area.getRect()}"]

