"""The settings dialog, generated from the settings table and applied live.

Every row of :data:`deskbreak.core.settings.SETTINGS` becomes a field on the
page of its section, with the row's label, its help text shown under the
field (not only in a tooltip), its bounds and its unit. The field kind
follows the value type: a number with a unit for durations, a time field, a
row of weekday toggles, a combo for choices, a switch for yes/no, a slider
for the volume, and a day-by-day list of run times.

Nothing is applied by an OK button: each edit goes straight to the
:class:`~deskbreak.core.settings_store.SettingsStore`, which saves it and
tells the engine, the tray and the rest. An edit past the setting's bounds,
or one the store refuses (clashing with another setting, such as work
ending before it starts), is not saved; the field keeps what the user typed,
every digit of it, and says why under it in the dialog's words: "at most 15
minutes", "Work starts must come before Work ends". When the store changes
for any other reason (a hand edit of the file, ``deskbreak config set``),
the fields follow.
"""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QRectF, QSize, Qt, QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deskbreak.core.i18n import QT_TRANSLATE_NOOP, Context, translate
from deskbreak.core.settings import (
    WEEKDAY_NAMES,
    Setting,
    SettingsError,
    ValueType,
    settings_by_section,
)
from deskbreak.core.settings_store import SettingsStore
from deskbreak.ui import screen_fit, style

settings_dialog = Context("settings_dialog")  # for plurals: lupdate reads the context from this name
_DAY_LABELS = (QT_TRANSLATE_NOOP("settings_dialog", "Mon"), QT_TRANSLATE_NOOP("settings_dialog", "Tue"),
               QT_TRANSLATE_NOOP("settings_dialog", "Wed"), QT_TRANSLATE_NOOP("settings_dialog", "Thu"),
               QT_TRANSLATE_NOOP("settings_dialog", "Fri"), QT_TRANSLATE_NOOP("settings_dialog", "Sat"),
               QT_TRANSLATE_NOOP("settings_dialog", "Sun"))
_FULL_DAY_NAMES = (QT_TRANSLATE_NOOP("settings_dialog", "Monday"), QT_TRANSLATE_NOOP("settings_dialog", "Tuesday"),
                   QT_TRANSLATE_NOOP("settings_dialog", "Wednesday"), QT_TRANSLATE_NOOP("settings_dialog", "Thursday"),
                   QT_TRANSLATE_NOOP("settings_dialog", "Friday"), QT_TRANSLATE_NOOP("settings_dialog", "Saturday"),
                   QT_TRANSLATE_NOOP("settings_dialog", "Sunday"))
# (label, seconds) from largest to smallest: a duration shows in the largest unit that divides it.
_DURATION_UNITS = ((QT_TRANSLATE_NOOP("settings_dialog", "hours"), 3600),
                   (QT_TRANSLATE_NOOP("settings_dialog", "minutes"), 60),
                   (QT_TRANSLATE_NOOP("settings_dialog", "seconds"), 1))


def _on_off(on: bool) -> str:
    return translate("settings_dialog", "On") if on else translate("settings_dialog", "Off")


def amount_text(setting: Setting, value: Any) -> str:
    """A bound or value as the dialog says it: "15 minutes", "1 day", "100 %", "20"."""
    if isinstance(value, timedelta):
        seconds = int(value.total_seconds())
        if seconds and seconds % 3600 == 0:
            return settings_dialog.tr("%n hours", None, seconds // 3600, one="1 hour")
        if seconds and seconds % 60 == 0:
            return settings_dialog.tr("%n minutes", None, seconds // 60, one="1 minute")
        return settings_dialog.tr("%n seconds", None, seconds, one="1 second")
    if setting.unit == "days":
        return settings_dialog.tr("%n days", None, value, one="1 day")
    return f"{value} {setting.unit_text}".strip()


def bound_problem(setting: Setting, value: Any) -> str | None:
    """ "at most 15 minutes" when ``value`` lies outside the setting's bounds, else None."""
    if setting.minimum is not None and value < setting.minimum_value:
        return translate("settings_dialog", "at least {amount}").format(amount=amount_text(setting, setting.minimum_value))
    if setting.maximum is not None and value > setting.maximum_value:
        return translate("settings_dialog", "at most {amount}").format(amount=amount_text(setting, setting.maximum_value))
    return None


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


# ---------------------------------------------------------------------------
# Editors: one per value type, all with value() / set_value() and `edited`


class Switch(QAbstractButton):
    """An on/off switch: a checkable button drawn as a track and a knob."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.toggled.connect(lambda on: self.setAccessibleDescription(_on_off(on)))

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


def _day_button(day: int, parent: QWidget | None = None) -> QToolButton:
    button = DayButton(parent)
    button.setText(translate("settings_dialog", _DAY_LABELS[day]))
    button.setCheckable(True)
    button.setAccessibleName(translate("settings_dialog", _FULL_DAY_NAMES[day]))
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setMinimumWidth(max(button.fontMetrics().horizontalAdvance(translate("settings_dialog", day_label))
                                for day_label in _DAY_LABELS) * 2)
    return button


class WeekdaysEditor(_Editor):
    """Seven toggle buttons, Monday first."""

    def __init__(self, setting: Setting, parent: QWidget | None = None) -> None:
        super().__init__(setting, parent)
        self.days: list[QToolButton] = []
        for day in range(7):
            button = _day_button(day)
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
            button = _day_button(day)
            button.setObjectName(f"day:{setting.key}:{WEEKDAY_NAMES[day]}")
            field = QTimeEdit(QTime(18, 0))
            field.setDisplayFormat("HH:mm")
            field.setKeyboardTracking(False)
            field.setObjectName(f"time:{setting.key}:{WEEKDAY_NAMES[day]}")
            field.setAccessibleName(translate("settings_dialog", "Run time on {day}").format(
                day=translate("settings_dialog", _FULL_DAY_NAMES[day])))
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
        self.state.setText(_on_off(on))
        self._emit()

    def _show(self, value: bool) -> None:
        self.field.setChecked(value)
        self.state.setText(_on_off(value))

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
}


def _joined_labels(rows: list[Setting]) -> str:
    """ "hold length and lead-in": the settings one button restores, named mid-sentence.

    English labels are in sentence case and read lower-case there; a
    translation's capitals stay (German nouns are always capitalised).
    """
    labels = [s.label.lower() if s.label_text == s.label else s.label_text for s in rows]
    return translate("settings_dialog", " and ").join(labels)


def editor_for(setting: Setting) -> _Editor:
    # A percentage reads best as a slider; other counts as a number field.
    if setting.kind is ValueType.INT and setting.unit == "%":
        return SliderEditor(setting)
    return EDITORS[setting.kind](setting)


# ---------------------------------------------------------------------------
# A field: label, editor, help, and the reason an edit was refused


class SettingField(QWidget):
    def __init__(self, setting: Setting, apply: Callable[[str, Any], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setting = setting
        self._apply = apply
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.label = QLabel(setting.label_text)
        self.label.setFont(style.scaled_font(1.0, bold=True))
        self.editor = editor_for(setting)
        self.label.setBuddy(self.editor.focusProxy() or self.editor)
        self.help = QLabel(setting.help_text)
        self.help.setObjectName(f"help:{setting.key}")
        self.help.setWordWrap(True)
        self.help.setFont(style.scaled_font(0.92))
        style.set_text_color(self.help, style.muted_color(self.help.palette()))
        self.problem = QLabel()
        self.problem.setObjectName(f"problem:{setting.key}")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        style.set_text_color(self.problem, style.danger_color(self.problem.palette()))
        self.problem.hide()
        self.note = QLabel()
        self.note.setObjectName(f"note:{setting.key}")
        self.note.setWordWrap(True)
        self.note.hide()
        for widget in (self.label, self.editor, self.help, self.problem, self.note):
            layout.addWidget(widget)
        self.editor.edited.connect(self._edited)

    def _edited(self, value: Any) -> None:
        # A value past the bounds is refused here, in the dialog's words
        # ("at most 15 minutes"), and never reaches the store.
        self.show_problem(bound_problem(self.setting, value) or self._apply(self.setting.key, value))

    def show_problem(self, problem: str | None) -> None:
        self.problem.setText(translate("settings_dialog", "Not saved: {problem}").format(problem=problem) if problem else "")
        self.problem.setVisible(bool(problem))
        self.problem.setAccessibleName(self.problem.text())

    def show_override(self, value_text: str | None) -> None:
        if value_text is None:
            self.note.hide()
            return
        self.note.setText(translate("settings_dialog", "This run uses {value}, set on the command line; "
                                    "changing it here replaces that.").format(value=value_text))
        self.note.show()


# ---------------------------------------------------------------------------
# The dialog


class SettingsDialog(QDialog):
    """Pages of settings (Breaks, Working hours, Runs, Routines, Sound, General)."""

    def __init__(self, store: SettingsStore, *, routines_page: QWidget | None = None,
                 autostart_location: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(translate("settings_dialog", "deskbreak: Settings"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.store = store
        self.routines_page = routines_page
        self.fields: dict[str, SettingField] = {}
        self.pages: dict[str, QWidget] = {}

        self.sections = QListWidget()
        self.sections.setObjectName("sectionList")
        self.sections.setAccessibleName(translate("settings_dialog", "Settings sections"))
        self.sections.setSpacing(3)
        self.stack = QStackedWidget()
        self.stack.setObjectName("sectionPages")
        for section, rows in settings_by_section():
            page = self._build_page(section.key, section.label_text, rows, autostart_location)
            self.pages[section.key] = page
            self.stack.addWidget(page)
            self.sections.addItem(section.label_text)
        self.sections.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sections.setCurrentRow(0)
        width = max(self.sections.sizeHintForColumn(0), 0) + self.fontMetrics().horizontalAdvance("M") * 3
        self.sections.setFixedWidth(width)

        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        self.status.setText(translate("settings_dialog", "Changes apply at once and are saved to {path}.").format(
            path=store.path))
        style.set_text_color(self.status, style.muted_color(self.status.palette()))

        import_button = QPushButton(translate("settings_dialog", "&Import…"))
        import_button.setObjectName("importSettings")
        import_button.clicked.connect(self._choose_import)
        export_button = QPushButton(translate("settings_dialog", "&Export…"))
        export_button.setObjectName("exportSettings")
        export_button.clicked.connect(self._choose_export)
        restore_all = QPushButton(translate("settings_dialog", "Restore &all defaults"))
        restore_all.setObjectName("restoreAll")
        restore_all.clicked.connect(lambda: self.restore_defaults(None))
        close = QPushButton(translate("settings_dialog", "&Close"))
        close.setObjectName("closeSettings")
        close.setDefault(True)
        close.clicked.connect(self.close)

        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.stack, 1)
        buttons = QHBoxLayout()
        for button in (import_button, export_button, restore_all):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.refresh()
        self._unsubscribe = store.subscribe(lambda _keys: self.refresh())
        self.destroyed.connect(lambda *_: self._unsubscribe())
        screen_fit.place(self, self._comfortable_size())

    def _comfortable_size(self) -> QSize:
        """Room for the widest page (the routines editor) without scrolling sideways; less on a small screen."""
        em = self.fontMetrics().horizontalAdvance("M")
        widest = max(page.widget().sizeHint().width() for page in self.pages.values())
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(max(em * 64, self.sections.width() + widest + scroll_bar + em * 3),
                     self.fontMetrics().height() * 40)

    # -- building ---------------------------------------------------------------

    def _build_page(self, key: str, title: str, rows: list[Setting], autostart_location: str) -> QWidget:
        content = QWidget()
        content.setObjectName(f"page:{key}")
        layout = QVBoxLayout(content)
        heading = QLabel(title)
        heading.setFont(style.scaled_font(1.35, bold=True))
        layout.addWidget(heading)
        # The routines editor wants the page's height for its lists (which
        # scroll themselves), so its few settings sit side by side above it.
        with_routines = key == "routines" and self.routines_page is not None
        row = QHBoxLayout() if with_routines else None
        for setting in rows:
            field = SettingField(setting, self._apply)
            if setting.key == "autostart" and autostart_location:
                field.help.setText(translate("settings_dialog", "{help} Writes {location}.").format(
                    help=setting.help_text, location=autostart_location))
            self.fields[setting.key] = field
            if row is not None:
                row.addWidget(field, 1, Qt.AlignmentFlag.AlignTop)
            else:
                layout.addWidget(field)
                layout.addSpacing(6)
        if key == "general":
            folder = QPushButton(translate("settings_dialog", "Open the settings &folder"))
            folder.setObjectName("openSettingsFolder")
            folder.clicked.connect(lambda: QDesktopServices.openUrl(
                QUrl.fromLocalFile(str(self.store.path.parent))))
            layout.addWidget(folder, 0, Qt.AlignmentFlag.AlignLeft)
        if row is not None:
            layout.addLayout(row)
        else:
            layout.addStretch(1)
        # Under the settings it restores: on the routines page that keeps it apart from
        # the routines editor's own "Restore default"; its tip names the settings.
        restore = QPushButton(translate("settings_dialog", "Restore these settings' defaults") if with_routines
                              else translate("settings_dialog", "Restore this page's defaults"))
        if with_routines:
            restore.setToolTip(translate("settings_dialog", "Restores {settings}").format(settings=_joined_labels(rows)))
            restore.setAccessibleDescription(restore.toolTip())
        restore.setObjectName(f"restore:{key}")
        restore.clicked.connect(lambda: self.restore_defaults([s.key for s in rows]))
        restore_row = QHBoxLayout()
        restore_row.addStretch(1)
        restore_row.addWidget(restore)
        layout.addLayout(restore_row)
        if with_routines:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            layout.addWidget(line)
            layout.addWidget(self.routines_page, 1)
        # Every page scrolls, so no page sets the dialog's least size: it fits a small screen.
        scroll = QScrollArea()
        scroll.setObjectName(f"scroll:{key}")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    # -- live apply -------------------------------------------------------------

    def _apply(self, key: str, value: Any) -> str | None:
        """Send one edit to the store; the reason it was refused, or None."""
        try:
            self.store.set(key, value)
        except SettingsError as error:
            return error.labelled_problem
        return None

    def refresh(self) -> None:
        """Show the store's current values (after any change, from anywhere)."""
        settings = self.store.settings
        for key, field in self.fields.items():
            if not field.problem.isHidden() and field.editor.value() != getattr(settings, key):
                continue  # keep what the user typed beside its reason until they change it
            field.editor.set_value(getattr(settings, key))
            if field.setting.enabled_by:
                field.setEnabled(bool(getattr(settings, field.setting.enabled_by)))
            field.show_override(self.store.setting_text(key) if self.store.is_overridden(key) else None)

    def restore_defaults(self, keys: list[str] | None) -> None:
        for key in keys or self.fields:
            self.fields[key].show_problem(None)
        try:
            self.store.reset(keys)
        except SettingsError as error:
            self.show_status(translate("settings_dialog", "Could not restore the defaults: {error}").format(error=error))
            return
        self.refresh()
        self.show_status(translate("settings_dialog", "Defaults restored.") if keys is None
                         else translate("settings_dialog", "This page's defaults restored."))

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)

    # -- import and export --------------------------------------------------------

    def import_from(self, path: Path) -> bool:
        try:
            changed = self.store.import_file(path)
        except SettingsError as error:
            self.show_status(translate("settings_dialog", "Not imported: {error}").format(error=error))
            return False
        for field in self.fields.values():
            field.show_problem(None)
        self.refresh()
        self.show_status(settings_dialog.tr("Imported {path} (%n settings changed).", None, len(changed),
                                            one="Imported {path} (1 setting changed).").format(
            path=path))
        return True

    def export_to(self, path: Path) -> bool:
        try:
            self.store.export_file(path)
        except SettingsError as error:
            self.show_status(translate("settings_dialog", "Not exported: {error}").format(error=error))
            return False
        self.show_status(translate("settings_dialog", "Exported to {path}.").format(path=path))
        return True

    def _choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, translate("settings_dialog", "Import settings"), str(Path.home()),
                                              translate("settings_dialog", "Settings (*.toml);;All files (*)"))
        if name:
            self.import_from(Path(name))

    def _choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, translate("settings_dialog", "Export settings"),
                                              str(Path.home() / "deskbreak-settings.toml"),
                                              translate("settings_dialog", "Settings (*.toml)"))
        if name:
            self.export_to(Path(name))
