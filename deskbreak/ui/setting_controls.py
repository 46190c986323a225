"""The hand-drawn controls of the settings dialog's fields.

A whole-number field that keeps every digit typed (:class:`BoundedSpinBox`),
an on/off :class:`Switch`, and the weekday toggles (:class:`DayButton`,
:func:`day_button`) that the weekday and run-time editors line up. They know
nothing of settings; :mod:`deskbreak.ui.setting_editors` builds fields from them.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QSpinBox, QToolButton, QWidget

from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate
from deskbreak.ui import style

DAY_LABELS = (QT_TRANSLATE_NOOP("settings_dialog", "Mon"), QT_TRANSLATE_NOOP("settings_dialog", "Tue"),
              QT_TRANSLATE_NOOP("settings_dialog", "Wed"), QT_TRANSLATE_NOOP("settings_dialog", "Thu"),
              QT_TRANSLATE_NOOP("settings_dialog", "Fri"), QT_TRANSLATE_NOOP("settings_dialog", "Sat"),
              QT_TRANSLATE_NOOP("settings_dialog", "Sun"))
FULL_DAY_NAMES = (QT_TRANSLATE_NOOP("settings_dialog", "Monday"), QT_TRANSLATE_NOOP("settings_dialog", "Tuesday"),
                  QT_TRANSLATE_NOOP("settings_dialog", "Wednesday"), QT_TRANSLATE_NOOP("settings_dialog", "Thursday"),
                  QT_TRANSLATE_NOOP("settings_dialog", "Friday"), QT_TRANSLATE_NOOP("settings_dialog", "Saturday"),
                  QT_TRANSLATE_NOOP("settings_dialog", "Sunday"))


def on_off_text(on: bool) -> str:
    """ "On" or "Off", as a switch says its state."""
    return translate("settings_dialog", "On") if on else translate("settings_dialog", "Off")


class BoundedSpinBox(QSpinBox):
    """A whole-number field that keeps every digit typed, while its arrows stay within bounds.

    A QSpinBox whose range is the setting's bounds swallows the keystroke
    that would leave them: typing 25 where 15 is the most leaves 2, which
    is then saved. This field takes any number up to :attr:`TYPED_LIMIT`,
    so what the user typed stays in view beside the reason it is refused;
    the arrow keys, the buttons and the wheel still stop at the bounds.
    """

    TYPED_LIMIT = 999_999

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, self.TYPED_LIMIT)
        self._bounds = (0, self.TYPED_LIMIT)

    def set_bounds(self, lowest: int, highest: int) -> None:
        self._bounds = (lowest, highest)
        self.setMinimum(min(0, lowest))

    def stepBy(self, steps: int) -> None:  # noqa: N802
        lowest, highest = self._bounds
        target = min(max(self.value() + steps, lowest), highest)
        super().stepBy(target - self.value())

    def stepEnabled(self) -> QSpinBox.StepEnabledFlag:  # noqa: N802
        lowest, highest = self._bounds
        steps = QSpinBox.StepEnabledFlag.StepNone
        if self.value() > lowest:
            steps |= QSpinBox.StepEnabledFlag.StepDownEnabled
        if self.value() < highest:
            steps |= QSpinBox.StepEnabledFlag.StepUpEnabled
        return steps



class Switch(QAbstractButton):
    """An on/off switch: a checkable button drawn as a track and a knob."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.toggled.connect(lambda on: self.setAccessibleDescription(on_off_text(on)))

    def sizeHint(self) -> QSize:  # noqa: N802
        height = round(self.fontMetrics().height() * 1.3)
        return QSize(height * 2, height)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        radius = rect.height() / 2
        on = self.isChecked()
        track = style.accent_color(palette) if on else style.track_color(palette)
        if not self.isEnabled():
            track = style.blend(track, palette.window().color(), 0.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(track)
        painter.drawRoundedRect(rect, radius, radius)
        knob = rect.height() - 4
        left = rect.right() - knob - 2 if on else rect.left() + 2
        painter.setBrush(palette.base().color())
        painter.drawEllipse(QRectF(left, rect.top() + 2, knob, knob))
        if self.hasFocus():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(style.text_color(palette))
            painter.drawRoundedRect(rect, radius, radius)
        painter.end()


class DayButton(QToolButton):
    """A weekday toggle whose "on" state is unmistakable: filled with the accent colour."""

    def paintEvent(self, event) -> None:  # noqa: N802
        if not self.isChecked():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        fill = style.accent_color(palette)
        if not self.isEnabled():
            fill = style.blend(fill, palette.window().color(), 0.55)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(style.text_color(palette) if self.hasFocus() else Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(style.readable_on(palette.highlightedText().color(), fill))
        painter.setFont(style.scaled_font(1.0, bold=True))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self.text())
        painter.end()

def day_button(day: int, parent: QWidget | None = None) -> QToolButton:
    button = DayButton(parent)
    button.setText(translate("settings_dialog", DAY_LABELS[day]))
    button.setCheckable(True)
    button.setAccessibleName(translate("settings_dialog", FULL_DAY_NAMES[day]))
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setMinimumWidth(max(button.fontMetrics().horizontalAdvance(translate("settings_dialog", day_label))
                                for day_label in DAY_LABELS) * 2)
    return button

