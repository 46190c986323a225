"""One editor per kind of setting, generated from the settings table.

Each editor shows one row of :data:`deskbreak.core.settings.SETTINGS` in the
widget its value type calls for (a number with a unit for durations, a time
field, weekday toggles, a combo, a switch, a slider, a day-by-day list of
run times, a path, a list of words, the connected screens) and emits
``edited(value)`` with a typed value. :func:`editor_for` picks the editor for a setting.
"""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path
from typing import Any, Callable, Sequence

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QTimeEdit,
    QToolButton,
    QWidget,
)

from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate
from deskbreak.core.settings import WEEKDAY_NAMES, Setting, ValueType
from deskbreak.ui.break_screens import ConnectedScreen, connected_screens
from deskbreak.ui.setting_controls import FULL_DAY_NAMES, BoundedSpinBox, Switch, day_button, on_off_text

# (label, seconds) from largest to smallest: a duration shows in the largest unit that divides it.
_DURATION_UNITS = ((QT_TRANSLATE_NOOP("settings_dialog", "hours"), 3600),
                   (QT_TRANSLATE_NOOP("settings_dialog", "minutes"), 60),
                   (QT_TRANSLATE_NOOP("settings_dialog", "seconds"), 1))


class _Editor(QWidget):
    """A field for one setting; emits ``edited(value)`` with a typed value."""

    edited = Signal(object)

    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setting = setting
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._quiet = False

    def set_value(self, value: Any) -> None:
        self._quiet = True
        try:
            self._show(value)
        finally:
            self._quiet = False

    def _emit(self, *_args) -> None:
        if not self._quiet:
            self.edited.emit(self.value())

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError

    def _accessible(self, widget: QWidget, suffix: str = "") -> None:
        widget.setAccessibleName(f"{self.setting.label_text}{suffix}")
        widget.setAccessibleDescription(self.setting.help_text)


class DurationEditor(_Editor):
    """A whole number and a unit (seconds, minutes, hours) within the setting's bounds."""

    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(setting, parent)
        self._minimum = int(setting.minimum_value.total_seconds())
        self._maximum = int(setting.maximum_value.total_seconds())
        self.number = BoundedSpinBox()
        self.number.setObjectName(f"field:{setting.key}")
        self.number.setMinimumWidth(self.fontMetrics().horizontalAdvance("00000") * 2)
        self.number.setKeyboardTracking(False)  # apply when typing is done, not per digit
        self.unit = QComboBox()
        self.unit.setObjectName(f"unit:{setting.key}")
        for label, seconds in _DURATION_UNITS:
            if seconds == 1 or seconds <= self._maximum:
                self.unit.addItem(translate("settings_dialog", label), seconds)
        self._accessible(self.number)
        self._accessible(self.unit, translate("settings_dialog", " unit"))
        self._layout.addWidget(self.number)
        self._layout.addWidget(self.unit)
        self._layout.addStretch(1)
        self._seconds_shown = 0
        self.number.valueChanged.connect(self._number_changed)
        self.unit.currentIndexChanged.connect(self._unit_changed)

    def _number_changed(self, *_args) -> None:
        if not self._quiet:
            self._seconds_shown = int(self.value().total_seconds())
            self._emit()

    def _seconds_per_unit(self) -> int:
        return int(self.unit.currentData())

    def _set_range(self) -> None:
        per = self._seconds_per_unit()
        self.number.set_bounds(-(-self._minimum // per), self._maximum // per)

    def _unit_changed(self, *_args) -> None:
        if self._quiet:
            return
        # The same duration in the new unit ("30 minutes" -> "1800 seconds"); where it is
        # not a whole number of the new unit it rounds (45 minutes -> 1 hour). A result
        # outside the bounds (20 minutes -> 0 hours) is shown and refused, never moved.
        before = self._seconds_shown
        self._quiet = True
        try:
            self._set_range()
            self.number.setValue(round(before / self._seconds_per_unit()))
        finally:
            self._quiet = False
        self._seconds_shown = int(self.value().total_seconds())
        if self._seconds_shown != before:
            self._emit()

    def _show(self, value: timedelta) -> None:
        seconds = int(value.total_seconds())
        for index in range(self.unit.count()):
            per = int(self.unit.itemData(index))
            if seconds % per == 0 and (seconds > 0 or per == 1):  # seconds, the last unit, always fits
                self.unit.setCurrentIndex(index)
                break
        self._set_range()
        self.number.setValue(seconds // self._seconds_per_unit())
        self._seconds_shown = seconds

    def value(self) -> timedelta:
        return timedelta(seconds=self.number.value() * self._seconds_per_unit())


class TimeEditor(_Editor):
    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(setting, parent)
        self.field = QTimeEdit()
        self.field.setObjectName(f"field:{setting.key}")
        self.field.setDisplayFormat("HH:mm")
        self.field.setKeyboardTracking(False)
        self._accessible(self.field)
        self._layout.addWidget(self.field)
        self._layout.addStretch(1)
        self.field.timeChanged.connect(self._emit)

    def _show(self, value: time) -> None:
        self.field.setTime(QTime(value.hour, value.minute))

    def value(self) -> time:
        moment = self.field.time()
        return time(moment.hour(), moment.minute())


class WeekdaysEditor(_Editor):
    """Seven toggle buttons, Monday first."""

    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(setting, parent)
        self.days: list[QToolButton] = []
        for day in range(7):
            button = day_button(day)
            button.setObjectName(f"day:{setting.key}:{WEEKDAY_NAMES[day]}")
            button.toggled.connect(self._emit)
            self.days.append(button)
            self._layout.addWidget(button)
        self._layout.addStretch(1)

    def _show(self, value: frozenset[int]) -> None:
        for day, button in enumerate(self.days):
            button.setChecked(day in value)

    def value(self) -> frozenset[int]:
        return frozenset(day for day, button in enumerate(self.days) if button.isChecked())


class WeeklyTimesEditor(_Editor):
    """One row a day: a toggle for "I run that day" and the time you set off."""

    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(setting, parent)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        self.days: list[QToolButton] = []
        self.times: list[QTimeEdit] = []
        for day in range(7):
            button = day_button(day)
            button.setObjectName(f"day:{setting.key}:{WEEKDAY_NAMES[day]}")
            field = QTimeEdit(QTime(18, 0))
            field.setDisplayFormat("HH:mm")
            field.setKeyboardTracking(False)
            field.setObjectName(f"time:{setting.key}:{WEEKDAY_NAMES[day]}")
            field.setAccessibleName(translate("settings_dialog", "Run time on {day}").format(
                day=translate("settings_dialog", FULL_DAY_NAMES[day])))
            button.toggled.connect(field.setEnabled)
            button.toggled.connect(self._emit)
            field.timeChanged.connect(self._emit)
            grid.addWidget(button, day, 0)
            grid.addWidget(field, day, 1)
            self.days.append(button)
            self.times.append(field)
        grid.setColumnStretch(2, 1)
        self._layout.addLayout(grid)

    def _show(self, value: dict[int, time]) -> None:
        for day in range(7):
            start = value.get(day)
            self.days[day].setChecked(start is not None)
            self.times[day].setEnabled(start is not None)
            if start is not None:
                self.times[day].setTime(QTime(start.hour, start.minute))

    def value(self) -> dict[int, time]:
        return {day: time(self.times[day].time().hour(), self.times[day].time().minute())
                for day in range(7) if self.days[day].isChecked()}


class ChoiceEditor(_Editor):
    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(setting, parent)
        self.field = QComboBox()
        self.field.setObjectName(f"field:{setting.key}")
        labels = setting.choice_label_texts or tuple(choice.capitalize() for choice in setting.choices)
        for choice, label in zip(setting.choices, labels):
            self.field.addItem(label, choice)
        self._accessible(self.field)
        self._layout.addWidget(self.field)
        self._layout.addStretch(1)
        self.field.currentIndexChanged.connect(self._emit)

    def _show(self, value: str) -> None:
        self.field.setCurrentIndex(self.field.findData(value))

    def value(self) -> str:
        return self.field.currentData()


class ScreenEditor(ChoiceEditor):
    """The setting's words ("The screen with the mouse pointer"), then each connected screen by name and size.

    The list follows the screens connected, removed or resized while the
    dialog is open, and the choice stays what it was: a chosen screen that
    is not connected (unplugged, or named in the file) is listed too, marked
    so, rather than the choice silently becoming another one.
    ``screens`` lists the connected screens (tests pass their own).
    """

    def __init__(self, setting: Setting, parent: QWidget | None = None, *,
                 screens: Callable[[], Sequence[ConnectedScreen]] = connected_screens) -> None:
        super().__init__(setting, parent)
        self._words = self.field.count()
        self._screens = screens
        self._chosen: str = setting.default_value
        self.field.currentIndexChanged.connect(self._picked)
        application = QGuiApplication.instance()
        application.screenAdded.connect(self._screen_added)
        application.screenRemoved.connect(self._screen_removed)
        for screen in application.screens():
            screen.geometryChanged.connect(self.screens_changed)
        self.screens_changed()

    def _picked(self, *_args) -> None:
        if not self._quiet:
            self._chosen = self.field.currentData()

    def _screen_added(self, screen: QScreen) -> None:
        screen.geometryChanged.connect(self.screens_changed)
        self.screens_changed()

    def _screen_removed(self, screen: QScreen) -> None:
        # Qt may still list the screen as it says the screen is gone: it is left out by name.
        self.screens_changed(gone=screen.name())

    def screens_changed(self, *_args, gone: str | None = None) -> None:
        """List the screens connected now, the choice kept."""
        quiet, self._quiet = self._quiet, True
        try:
            while self.field.count() > self._words:
                self.field.removeItem(self.field.count() - 1)
            connected = [screen for screen in self._screens() if screen.name != gone]
            for screen in connected:
                self.field.addItem(translate("settings_dialog", "{name} ({width}x{height})").format(
                    name=screen.name, width=screen.width, height=screen.height), screen.name)
            if self._chosen not in self.setting.choices and self._chosen not in {s.name for s in connected}:
                self.field.addItem(translate("settings_dialog", "{name} (not connected)").format(name=self._chosen),
                                   self._chosen)
            self.field.setCurrentIndex(self.field.findData(self._chosen))
        finally:
            self._quiet = quiet

    def _show(self, value: str) -> None:
        self._chosen = value
        self.screens_changed()


class SwitchEditor(_Editor):
    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(setting, parent)
        self.field = Switch()
        self.field.setObjectName(f"field:{setting.key}")
        self._accessible(self.field)
        self.state = QLabel()
        self._layout.addWidget(self.field)
        self._layout.addWidget(self.state)
        self._layout.addStretch(1)
        self.field.toggled.connect(self._toggled)

    def _toggled(self, on: bool) -> None:
        self.state.setText(on_off_text(on))
        self._emit()

    def _show(self, value: bool) -> None:
        self.field.setChecked(value)
        self.state.setText(on_off_text(value))

    def value(self) -> bool:
        return self.field.isChecked()


class SliderEditor(_Editor):
    """A slider with its value beside it, for a bounded whole number (the volume)."""

    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(setting, parent)
        self.field = QSlider(Qt.Orientation.Horizontal)
        self.field.setObjectName(f"field:{setting.key}")
        self.field.setRange(setting.minimum_value, setting.maximum_value)
        self.field.setPageStep(10)
        self.field.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        self._accessible(self.field)
        self.shown = QLabel()
        self.shown.setMinimumWidth(self.fontMetrics().horizontalAdvance("100 %"))
        self._layout.addWidget(self.field, 1)
        self._layout.addWidget(self.shown)
        # Apply on release (or each key step), not for every pixel of a drag.
        self.field.valueChanged.connect(self._show_number)
        self.field.valueChanged.connect(lambda *_: None if self.field.isSliderDown() else self._emit())
        self.field.sliderReleased.connect(self._emit)

    def _show_number(self, number: int) -> None:
        self.shown.setText(f"{number} {self.setting.unit_text}".strip())

    def _show(self, value: int) -> None:
        self.field.setValue(value)
        self._show_number(value)

    def value(self) -> int:
        return self.field.value()


class OptionalTimeEditor(_Editor):
    """A switch for "there is a time" and the time itself."""

    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(setting, parent)
        self.enabled = Switch()
        self.enabled.setObjectName(f"switch:{setting.key}")
        self._accessible(self.enabled, translate("settings_dialog", " on"))
        self.field = QTimeEdit(QTime(7, 0))
        self.field.setObjectName(f"field:{setting.key}")
        self.field.setDisplayFormat("HH:mm")
        self.field.setKeyboardTracking(False)
        self._accessible(self.field)
        self._layout.addWidget(self.enabled)
        self._layout.addWidget(self.field)
        self._layout.addStretch(1)
        self.enabled.toggled.connect(self.field.setEnabled)
        self.enabled.toggled.connect(self._emit)
        self.field.timeChanged.connect(self._emit)

    def _show(self, value: time | None) -> None:
        self.enabled.setChecked(value is not None)
        self.field.setEnabled(value is not None)
        if value is not None:
            self.field.setTime(QTime(value.hour, value.minute))

    def value(self) -> time | None:
        if not self.enabled.isChecked():
            return None
        return time(self.field.time().hour(), self.field.time().minute())


class PathEditor(_Editor):
    """A file path, typed or chosen; applied when the field is left or a file is chosen."""

    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(setting, parent)
        self.field = QLineEdit()
        self.field.setObjectName(f"field:{setting.key}")
        self.field.setPlaceholderText(translate("settings_dialog", "none"))
        self._accessible(self.field)
        choose = QPushButton(translate("settings_dialog", "Choose…"))
        choose.setObjectName(f"choose:{setting.key}")
        self._accessible(choose, translate("settings_dialog", ": choose a file"))
        clear = QPushButton(translate("settings_dialog", "Clear"))
        clear.setObjectName(f"clear:{setting.key}")
        self._accessible(clear, translate("settings_dialog", ": clear"))
        self._layout.addWidget(self.field, 1)
        self._layout.addWidget(choose)
        self._layout.addWidget(clear)
        self.field.editingFinished.connect(self._emit)
        choose.clicked.connect(self._choose)
        clear.clicked.connect(lambda: (self.field.clear(), self._emit()))

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.setting.label_text, str(Path.home()),
                                              translate("settings_dialog", "Calendar (*.ics);;All files (*)"))
        if name:
            self.field.setText(name)
            self._emit()

    def _show(self, value: str) -> None:
        self.field.setText(value)

    def value(self) -> str:
        return self.field.text().strip()


class NumberEditor(_Editor):
    """A whole number within bounds (a count, such as skips a day)."""

    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(setting, parent)
        self.field = BoundedSpinBox()
        self.field.setObjectName(f"field:{setting.key}")
        self.field.set_bounds(setting.minimum_value, setting.maximum_value)
        if setting.unit:
            self.field.setSuffix(" " + setting.unit_text)  # "3 days": a bare number leaves the reader guessing
        self.field.setKeyboardTracking(False)
        self._accessible(self.field)
        self._layout.addWidget(self.field)
        self._layout.addStretch(1)
        self.field.valueChanged.connect(self._emit)

    def _show(self, value: int) -> None:
        self.field.setValue(value)

    def value(self) -> int:
        return self.field.value()


class WordsEditor(_Editor):
    """A comma-separated list of names, applied when the user leaves the field or presses Enter."""

    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(setting, parent)
        self.field = QLineEdit()
        self.field.setObjectName(f"field:{setting.key}")
        self.field.setPlaceholderText(setting.placeholder_text)
        self._accessible(self.field)
        self._layout.addWidget(self.field, 1)
        self.field.editingFinished.connect(self._emit)

    def _show(self, value: tuple[str, ...]) -> None:
        self.field.setText(", ".join(value))

    def value(self) -> tuple[str, ...]:
        return tuple(word.strip().lower() for word in self.field.text().split(",") if word.strip())


EDITORS: dict[ValueType, Callable[[Setting], _Editor]] = {
    ValueType.DURATION: DurationEditor,
    ValueType.TIME_OF_DAY: TimeEditor,
    ValueType.WEEKDAYS: WeekdaysEditor,
    ValueType.WEEKLY_TIMES: WeeklyTimesEditor,
    ValueType.CHOICE: ChoiceEditor,
    ValueType.BOOL: SwitchEditor,
    ValueType.INT: NumberEditor,
    ValueType.WORDS: WordsEditor,
    ValueType.OPTIONAL_TIME: OptionalTimeEditor,
    ValueType.PATH: PathEditor,
    ValueType.SCREEN: ScreenEditor,
}


def editor_for(setting: Setting) -> _Editor:
    # A percentage reads best as a slider; other counts as a number field.
    if setting.kind is ValueType.INT and setting.unit == "%":
        return SliderEditor(setting)
    return EDITORS[setting.kind](setting)
