"""Walk a window with Tab alone, as a keyboard user does, and list what a user can operate.

:func:`tab_stops` presses Tab from the window's first focusable widget until
the focus comes back round (or ``limit`` presses), and returns the widgets
it stopped on. :func:`controls` lists the widgets shown that a user operates
(buttons, fields, combo boxes, sliders, lists and tables), and
:func:`spoken_name` the name a screen reader says for one, from Qt's own
accessibility interface (the accessible name, else a button's text or a
label whose buddy it is); a combo box's current value is no name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractSlider, QAbstractItemView,
            QTextEdit, QPlainTextEdit)


def controls(window: QWidget) -> list[QWidget]:
    """The widgets on screen in ``window`` that a user operates; parts of another control are not counted."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or isinstance(widget, QScrollBar):
            continue
        if not widget.isVisibleTo(window) or not widget.isEnabled() or _inside_a_control(widget, window):
            continue
        found.append(widget)
    return found


def _inside_a_control(widget: QWidget, window: QWidget) -> bool:
    """A spin box's line edit, a combo box's or a view's own parts: reached with their control."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QAbstractItemView)):
            return True
        parent = parent.parentWidget()
    return False


def tab_stops(window: QWidget, limit: int = 400) -> list[QWidget]:
    """The widgets Tab stops on, in order, once round ``window`` from its first."""
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 1000), "the window never got the keyboard"
    window.setFocus(Qt.FocusReason.OtherFocusReason)
    stops: list[QWidget] = []
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is None or (stops and widget is stops[0]):
            break
        stops.append(widget)
    return stops


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says to name ``widget``: its accessible name, its label's text, or its own text.

    A combo box's own text is its value, not a name (Qt reports the current
    item as a combo box's name on Linux, and the label through a relation),
    so a combo box needs an accessible name or a label.
    """
    named = widget.accessibleName().strip() or _label_text(widget)
    if named or isinstance(widget, QComboBox):
        return named
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _label_text(widget: QWidget) -> str:
    """The text of the label whose buddy ``widget`` is (Alt and the label's letter focus it)."""
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget or (label.buddy() is not None and label.buddy().focusProxy() is widget):
            return label.text().replace("&", "").strip()
    return ""


def reached(stop: QWidget, control: QWidget) -> bool:
    """Tab stopped on ``control`` itself or on its focus proxy (a spin box's line edit)."""
    return stop is control or stop.focusProxy() is control or control.focusProxy() is stop or \
        (control.isAncestorOf(stop) and isinstance(control, (QAbstractSpinBox, QComboBox)))
