"""What PySide6 builds the first time a break window needs it, built while the poses load instead.

PySide6 (6.11) makes a bound class's Python enum classes on first need, and
finding the Python class of an object Qt made (an event Qt sends to a
handler written in Python, a scroll bar or a stacked layout met among a
widget's children, a number stored as a property) makes those of every
class it looks through. In the first break window that came before the
first paint. :func:`warm_up_break_window` does the same things once, on a
small widget tree dropped at once, when ``BreakHost.preload`` loads
the poses (3 s after start), so the first break paints as fast as the next.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget


class _Handled(QWidget):
    """A widget with an event handler in Python, as each of deskbreak's windows has."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)


def warm_up_break_window() -> None:
    """Have PySide6 build now the enum classes the first break window would have it build."""
    page = _Handled()
    page.setWindowTitle("deskbreak")  # Qt's change event reaches Python: the QEvent classes are looked through
    page.setProperty("fontScale", 1.0)  # a number as a property, as every label's font scale
    layout = QVBoxLayout(page)
    layout.addWidget(QStackedWidget())  # whose QStackedLayout Qt makes
    layout.addWidget(QScrollArea())  # whose scroll bars Qt makes
    page.findChildren(QLabel)  # meets all of them
