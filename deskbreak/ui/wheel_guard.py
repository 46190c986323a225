"""The mouse wheel changes a spin box, combo box or slider only when it has the keyboard.

Qt lets the wheel change such a field whenever the pointer rests on it, and
hands it the keyboard on the way (its focus policy is WheelFocus). Scrolling
a settings page moved whatever field passed under the pointer, and each
change is saved at once; in the history, scrolling switched the table's
filter. So, for the whole application: these fields take the keyboard by a
click or Tab only, and the wheel over one without the keyboard goes on to
the widgets beneath it, so the page scrolls. Scroll bars are sliders too,
and keep their wheel.

The guard is the application's style, a proxy of the style it had: Qt has
the style polish every widget once before it is first shown, those that
exist and those to come, so each field is found there and only the fields'
own events pass through Python. (An application-wide event filter did the
same, but then every event of every object, each frame of the figure's
animation included, went through Python, and wrapping the objects Qt makes
inside itself had PySide build the enum classes of every type it had loaded:
1.2 MB of a started deskbreak.)

:func:`install_wheel_guard` is called by each window that has such fields
(the settings dialog, the history) as it is built: the guard comes with the
first of them, and a deskbreak whose settings and history stay closed pays
nothing for it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QProxyStyle, QScrollBar, QWidget

GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)

_WHEEL = QEvent.Type.Wheel


def is_guarded(widget: QObject) -> bool:
    """A field whose value the wheel would change: a spin box, a combo box, or a slider other than a scroll bar."""
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


def keep_wheel_from_focusing(widget: QWidget) -> None:
    """Let a click or Tab, not a turn of the wheel, give ``widget`` the keyboard."""
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class WheelGuard(QProxyStyle):
    """The application's style, as it was, guarding each field it polishes: see the module docstring."""

    def polish(self, target):  # noqa: ANN001, ANN201  (Qt's three overloads: a widget, the application, a palette)
        super().polish(target)
        if isinstance(target, QWidget) and is_guarded(target):
            keep_wheel_from_focusing(target)
            target.installEventFilter(self)  # installed again on a second polish, it still filters once

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == _WHEEL and is_guarded(watched) and not watched.hasFocus():
            # Filtered but not accepted: Qt offers the event to the parent next,
            # up to the scroll area, which scrolls.
            event.ignore()
            return True
        return False


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Guard every field of ``app``, those that exist already and those to come; again, it changes nothing."""
    guard = app.style()
    if not isinstance(guard, WheelGuard):
        guard = WheelGuard(app.style().name())  # a proxy of a style like the one the application had
        app.setStyle(guard)  # the application owns it now, and polishes the widgets that exist with it
    return guard
