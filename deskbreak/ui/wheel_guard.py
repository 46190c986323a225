"""The mouse wheel changes a spin box, combo box or slider only when it has the keyboard.

Qt lets the wheel change such a field whenever the pointer rests on it, and
hands it the keyboard on the way (its focus policy is WheelFocus). Scrolling
a settings page moved whatever field passed under the pointer, and each
change is saved at once; in the history, scrolling switched the table's
filter. So, for the whole application: these fields take the keyboard by a
click or Tab only, and the wheel over one without the keyboard goes on to
the widgets beneath it, so the page scrolls. Scroll bars are sliders too,
and keep their wheel.

:func:`install_wheel_guard` is called once, where the app sets up its QApplication.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QScrollBar, QWidget

GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)

# Compared first, as plain numbers: the filter sees every event of the application.
_POLISH = QEvent.Type.Polish
_WHEEL = QEvent.Type.Wheel


def is_guarded(widget: QObject) -> bool:
    """A field whose value the wheel would change: a spin box, a combo box, or a slider other than a scroll bar."""
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


def keep_wheel_from_focusing(widget: QWidget) -> None:
    """Let a click or Tab, not a turn of the wheel, give ``widget`` the keyboard."""
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class WheelGuard(QObject):
    """An application-wide event filter: see the module docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == _POLISH:
            # Every widget is polished once before it is first shown.
            if is_guarded(watched):
                keep_wheel_from_focusing(watched)
        elif kind == _WHEEL and is_guarded(watched) and not watched.hasFocus():
            # Filtered but not accepted: Qt offers the event to the parent next,
            # up to the scroll area, which scrolls.
            event.ignore()
            return True
        return False


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Guard every field of ``app``, those that exist already and those to come; once per application."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
        for widget in QApplication.allWidgets():
            if is_guarded(widget):
                keep_wheel_from_focusing(widget)
    return guard
