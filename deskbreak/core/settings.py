"""User settings: one declarative table, typed values, a forgiving TOML file.

Every setting is declared once in :data:`SETTINGS` (key, kind, default as
written in the file, label, help, bounds, choices, section). That table alone
drives parsing, validation messages, the TOML file and the generated settings
dialog, so adding a setting means adding one :class:`Setting` row and one
typed attribute on :class:`Settings` (a test checks the two agree).

The file is the user's: loading never fails because of it. A bad value falls
back to its default with a message naming the file, the key and the problem;
an unknown key is reported (with the setting it is likely a typo of) and kept;
a file that is not TOML at all is moved aside (never deleted) and the
defaults are used. A change edits the file in place (:func:`edited_settings_text`):
only the keys it sets change, and the user's comments, blank lines, order,
unknown keys and values not yet fixed stay as they were.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

import tomlkit
import tomlkit.items

from deskbreak.core.files import (
    move_file_aside,
    os_problem,
    parse_toml_bytes,
    read_toml_bytes,
    write_file_atomically,
)
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate


class SettingsError(ValueError):
    """A setting value is invalid, or the settings file could not be written.

    For an invalid value, ``key`` names the setting and ``problem`` says what
    is wrong without the key, so callers can phrase their own message.
    ``labelled_problem`` says the same in the settings dialog's words: where
    ``problem`` names other settings by their keys, as the file writes them
    ("prelude (1m) must be shorter than sit_interval (1m)"), it names them
    by their labels ("Warning before a break must be shorter than Sit-break every").
    """

    def __init__(self, message: str, key: str | None = None, problem: str | None = None,
                 labelled_problem: str | None = None):
        super().__init__(message)
        self.key = key
        self.problem = problem if problem is not None else message
        self.labelled_problem = labelled_problem if labelled_problem is not None else self.problem


class ValueType(StrEnum):
    """How a setting is written in the file and what type it holds in memory."""

    DURATION = "duration"  # "1h30m" or whole seconds -> timedelta
    BOOL = "bool"  # true / false -> bool
    INT = "int"  # whole number within bounds -> int
    TIME_OF_DAY = "time"  # "18:00" -> datetime.time
    WEEKDAYS = "weekdays"  # ["tue", "thu"] -> frozenset of 0=Mon..6=Sun
    CHOICE = "choice"  # one of Setting.choices -> str
    WEEKLY_TIMES = "weekly_times"  # {tue = "18:00"} -> {1: time(18, 0)}, one time per day
    WORDS = "words"  # ["zoom", "teams"] -> tuple of lower-case words
    OPTIONAL_TIME = "optional_time"  # "" (none) or "18:00" -> None or datetime.time
    PATH = "path"  # "" (none) or "~/runs.ics" -> "" or the path as written


# --------------------------------------------------------------------------
# Durations

_SECONDS_PER_UNIT = {
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 3600),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), 60),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), 1),
}
_DURATION_PART = re.compile(r"(\d+)\s*([a-z]+)\s*")
# Far beyond any setting's bound; refusing earlier gives a clear message
# instead of timedelta's OverflowError or int()'s digit-limit error.
_LONGEST_DURATION_SECONDS = 999_999 * 86_400


def parse_duration(text: str) -> timedelta:
    """Read a duration as people write it: "30m", "45s", "1h30m", "1h 30 min".

    Units go from largest to smallest and each appears at most once, so
    "30m1h" and "5m5m" are rejected rather than guessed at.
    """
    problem = ValueError(translate("settings_problems", "{text} is not a duration; write it like 30m, 45s or 1h30m").format(
        text=repr(text)))
    if not isinstance(text, str):
        raise problem
    remaining = text.strip().lower()
    if not remaining:
        raise problem
    total_seconds = 0
    previous_unit_seconds: int | None = None
    position = 0
    while position < len(remaining):
        match = _DURATION_PART.match(remaining, position)
        if match is None:
            raise problem
        unit_seconds = _SECONDS_PER_UNIT.get(match[2])
        if unit_seconds is None or (
            previous_unit_seconds is not None and unit_seconds >= previous_unit_seconds
        ):
            raise problem
        digits = match[1]
        if len(digits) > 15:
            raise ValueError(_far_too_long(repr(text)))
        total_seconds += int(digits) * unit_seconds
        if total_seconds > _LONGEST_DURATION_SECONDS:
            raise ValueError(_far_too_long(repr(text)))
        previous_unit_seconds = unit_seconds
        position = match.end()
    return timedelta(seconds=total_seconds)


def _far_too_long(shown: str) -> str:
    return translate("settings_problems", "{value} is far too long for a duration").format(value=shown)


def format_duration(duration: timedelta) -> str:
    """The shortest file form of a whole-second duration: "30m", "1h30m", "0s".

    Raises ValueError for negative or fractional durations, which the file
    form cannot express, rather than rounding them silently.
    """
    if duration < timedelta(0):
        raise ValueError(f"a duration cannot be negative: {duration}")
    if duration % timedelta(seconds=1):
        raise ValueError(f"a duration must be a whole number of seconds: {duration}")
    total = int(duration.total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{amount}{unit}" for amount, unit in ((hours, "h"), (minutes, "m"), (seconds, "s")) if amount]
    return "".join(parts) or "0s"


# --------------------------------------------------------------------------
# Times of day and weekdays

_TIME_OF_DAY = re.compile(r"(\d{1,2})(?::(\d{2}))?\s*(am|pm)?")

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_BY_NAME = {
    **{name: number for number, name in enumerate(WEEKDAY_NAMES)},
    **{name: number for number, name in enumerate(_FULL_WEEKDAY_NAMES)},
    # Abbreviations people commonly type besides the three-letter ones.
    "tues": 1, "weds": 2, "thur": 3, "thurs": 3,
}


def parse_time_of_day(text: str) -> time:
    """Read "18:00", "7:30", "6pm" or "6:30 pm" as a time of day."""
    problem = ValueError(translate("settings_problems", "{text} is not a time of day; write it like 18:00 or 7:30").format(
        text=repr(text)))
    match = _TIME_OF_DAY.fullmatch(text.strip().lower()) if isinstance(text, str) else None
    if match is None:
        raise problem
    hour, minute, meridiem = int(match[1]), int(match[2] or 0), match[3]
    if meridiem is None and match[2] is None:
        raise problem  # a bare "18" could be minutes or hours; ask for the colon
    if meridiem is not None:
        if not 1 <= hour <= 12:
            raise problem
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(translate("settings_problems", "{text} is not a time of day; hours go 0-23 and minutes 0-59").format(
            text=repr(text)))
    return time(hour, minute)


def format_time_of_day(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def parse_weekday(name: str) -> int:
    """0 for "mon" or "Monday" up to 6 for "sun"; case does not matter."""
    number = _WEEKDAY_BY_NAME.get(name.strip().lower()) if isinstance(name, str) else None
    if number is None:
        raise ValueError(translate("settings_problems", "{name} is not a day of the week; use {days}").format(
            name=repr(name), days=", ".join(WEEKDAY_NAMES)))
    return number


# --------------------------------------------------------------------------
# The kinds: how each reads a raw value (file form or already typed) and writes it back


def _show(raw: Any) -> str:
    """A raw value as the user would recognise it from the file."""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, str):
        return repr(raw)
    if isinstance(raw, (list, tuple)):
        return "[" + ", ".join(_show(item) for item in raw) + "]"
    if isinstance(raw, dict):
        return "{" + ", ".join(f"{key} = {_show(value)}" for key, value in raw.items()) + "}"
    return str(raw)


def _is_whole_number(raw: Any) -> bool:
    # bool is an int subclass, but "true" is never meant as the number 1.
    return isinstance(raw, int) and not isinstance(raw, bool)


def _read_duration(setting: Setting, raw: Any) -> timedelta:
    if isinstance(raw, timedelta):
        duration = raw
    elif _is_whole_number(raw):
        if abs(raw) > _LONGEST_DURATION_SECONDS:
            raise ValueError(_far_too_long(translate("settings_problems", "{number} seconds").format(number=raw)))
        duration = timedelta(seconds=raw)
    elif isinstance(raw, str):
        return parse_duration(raw)
    else:
        raise ValueError(translate("settings_problems", "must be a duration like \"30m\" or a number of seconds, not {value}").format(
            value=_show(raw)))
    if duration < timedelta(0):
        raise ValueError(translate("settings_problems", "{value} is negative; a duration must be 0s or more").format(
            value=_show(raw)))
    if duration % timedelta(seconds=1):
        raise ValueError(translate("settings_problems", "must be a whole number of seconds, not {seconds}s").format(
            seconds=duration.total_seconds()))
    return duration


_TRUE_WORDS = ("true", "yes", "on")
_FALSE_WORDS = ("false", "no", "off")


def _read_bool(setting: Setting, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    # Text comes from the command line or a hand-edited file; accept the obvious words.
    word = raw.strip().lower() if isinstance(raw, str) else None
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    raise ValueError(translate("settings_problems", "must be true or false, not {value}").format(value=_show(raw)))


def _read_int(setting: Setting, raw: Any) -> int:
    if _is_whole_number(raw):
        return raw
    if isinstance(raw, str) and re.fullmatch(r"\s*-?\d+\s*", raw):
        return int(raw)
    raise ValueError(translate("settings_problems", "must be a whole number, not {value}").format(value=_show(raw)))


def _read_time_of_day(setting: Setting, raw: Any) -> time:
    if isinstance(raw, time):
        if raw.tzinfo is not None:
            raise ValueError(translate("settings_problems", "must be a local time of day without a timezone, not {value}").format(
                value=raw))
        if raw.second or raw.microsecond:
            raise ValueError(translate("settings_problems", "must be a time in whole minutes, not {value}").format(value=raw))
        return raw
    if isinstance(raw, str):
        return parse_time_of_day(raw)
    raise ValueError(translate("settings_problems", "must be a time of day like \"18:00\", not {value}").format(
        value=_show(raw)))


def _read_weekdays(setting: Setting, raw: Any) -> frozenset[int]:
    if isinstance(raw, (set, frozenset)) and all(_is_whole_number(day) for day in raw):
        if not all(0 <= day <= 6 for day in raw):
            raise ValueError(translate("settings_problems", "day numbers go from 0 (Monday) to 6 (Sunday), not {value}").format(
                value=sorted(raw)))
        return frozenset(raw)
    if isinstance(raw, str):
        # A comma-separated string is what people type outside a TOML list.
        raw = [name for name in re.split(r"[,\s]+", raw) if name]
    if isinstance(raw, (list, tuple)):
        return frozenset(parse_weekday(name) for name in raw)
    raise ValueError(translate("settings_problems", "must be a list of days like [\"tue\", \"thu\"], not {value}").format(
        value=_show(raw)))


def _write_weekdays(days: frozenset[int]) -> list[str]:
    return [WEEKDAY_NAMES[day] for day in sorted(days)]


_WEEKLY_TIME_ENTRY = re.compile(r"([a-z]+)\s*(?:=|\s)\s*(.+)")


def _read_weekly_times(setting: Setting, raw: Any) -> dict[int, time]:
    if isinstance(raw, str):
        # The command line's form: "tue 18:00, sat 8:30" (or "tue=18:00").
        entries = {}
        for part in (piece.strip() for piece in raw.split(",")):
            match = _WEEKLY_TIME_ENTRY.fullmatch(part.lower()) if part else None
            if match is None:
                if not part and not raw.strip():
                    continue
                raise ValueError(translate(
                    "settings_problems", "{value} is not a list of days and times; write it like \"tue 18:00, sat 8:30\"").format(
                        value=repr(raw)))
            if match[1] in entries:
                raise ValueError(_given_twice(repr(match[1])))
            entries[match[1]] = match[2]
        raw = entries
    if not isinstance(raw, dict):
        raise ValueError(translate(
            "settings_problems", "must be a table of days and times like {{tue = \"18:00\"}}, not {value}").format(
                value=_show(raw)))
    times: dict[int, time] = {}
    for day, moment in raw.items():
        number = day if _is_whole_number(day) and 0 <= day <= 6 else parse_weekday(str(day))
        if number in times:
            raise ValueError(_given_twice(repr(day)))
        try:
            times[number] = _read_time_of_day(setting, moment)
        except ValueError as error:
            raise ValueError(translate("settings_problems", "day '{day}': {problem}").format(day=day, problem=error)) from None
    return dict(sorted(times.items()))


def _given_twice(day: str) -> str:
    return translate("settings_problems", "{day} is given twice; one time per day").format(day=day)


def _write_weekly_times(times: dict[int, time]) -> dict[str, str]:
    return {WEEKDAY_NAMES[day]: format_time_of_day(moment) for day, moment in sorted(times.items())}


def _read_words(setting: Setting, raw: Any) -> tuple[str, ...]:
    if isinstance(raw, str):
        # Commas separate; a phrase such as "long run" stays whole.
        raw = [word.strip() for word in raw.split(",") if word.strip()]
    if not isinstance(raw, (list, tuple)) or not all(isinstance(word, str) and word.strip() for word in raw):
        raise ValueError(translate("settings_problems", "must be a list of names like [\"zoom\", \"teams\"], not {value}").format(
            value=_show(raw)))
    return tuple(dict.fromkeys(word.strip().lower() for word in raw))


def _read_optional_time(setting: Setting, raw: Any) -> time | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    return _read_time_of_day(setting, raw)


def _write_optional_time(value: time | None) -> str:
    return "" if value is None else format_time_of_day(value)


def _read_path(setting: Setting, raw: Any) -> str:
    if not isinstance(raw, str):
        raise ValueError(translate("settings_problems", "must be a file path in quotes, or \"\" for none, not {value}").format(
            value=_show(raw)))
    return raw.strip()


def _read_choice(setting: Setting, raw: Any) -> str:
    word = raw.strip().lower() if isinstance(raw, str) else None
    if word not in setting.choices:
        raise ValueError(translate("settings_problems", "{value} is not one of {choices}").format(
            value=_show(raw), choices=", ".join(setting.choices)))
    return word


@dataclass(frozen=True)
class _KindCodec:
    read: Callable[[Setting, Any], Any]
    write: Callable[[Any], Any]


def _unchanged(value: Any) -> Any:
    return value


_CODECS: dict[ValueType, _KindCodec] = {
    ValueType.DURATION: _KindCodec(_read_duration, format_duration),
    ValueType.BOOL: _KindCodec(_read_bool, _unchanged),
    ValueType.INT: _KindCodec(_read_int, _unchanged),
    ValueType.TIME_OF_DAY: _KindCodec(_read_time_of_day, format_time_of_day),
    ValueType.WEEKDAYS: _KindCodec(_read_weekdays, _write_weekdays),
    ValueType.CHOICE: _KindCodec(_read_choice, _unchanged),
    ValueType.WEEKLY_TIMES: _KindCodec(_read_weekly_times, _write_weekly_times),
    ValueType.WORDS: _KindCodec(_read_words, list),
    ValueType.OPTIONAL_TIME: _KindCodec(_read_optional_time, _write_optional_time),
    ValueType.PATH: _KindCodec(_read_path, _unchanged),
}


# --------------------------------------------------------------------------
# The table


@dataclass(frozen=True)
class Section:
    key: str
    label: str

    @property
    def label_text(self) -> str:
        """The label in the user's language (``label`` stays the English source)."""
        return translate("settings", self.label)


SECTIONS: tuple[Section, ...] = (
    Section("breaks", QT_TRANSLATE_NOOP("settings", "Breaks")),
    Section("hours", QT_TRANSLATE_NOOP("settings", "Working hours")),
    Section("interruptions", QT_TRANSLATE_NOOP("settings", "Interruptions")),
    Section("runs", QT_TRANSLATE_NOOP("settings", "Runs")),
    Section("routines", QT_TRANSLATE_NOOP("settings", "Routines")),
    Section("sound", QT_TRANSLATE_NOOP("settings", "Sound")),
    Section("general", QT_TRANSLATE_NOOP("settings", "General")),
)


@dataclass(frozen=True)
class Setting:
    """One row of the settings table.

    ``default``, ``minimum`` and ``maximum`` are written as in the file
    ("30m", "18:00", 60); the ``*_value`` properties give them typed.
    """

    key: str
    kind: ValueType
    default: Any
    label: str
    help: str
    section: str
    minimum: Any = None
    maximum: Any = None
    choices: tuple[str, ...] = ()
    choice_labels: tuple[str, ...] = ()  # the dialog's words for ``choices``, in the same order
    unit: str = ""  # shown after a number in the dialog, e.g. "%"
    enabled_by: str = ""  # a bool setting without which this one has no effect (the dialog greys it)
    placeholder: str = ""  # what an empty text field shows, as an example

    # The table holds the English sources (marked for the catalog); these are what the user reads.
    @property
    def label_text(self) -> str:
        return translate("settings", self.label)

    @property
    def help_text(self) -> str:
        return translate("settings", self.help)

    @property
    def choice_label_texts(self) -> tuple[str, ...]:
        return tuple(translate("settings", label) for label in self.choice_labels)

    @property
    def unit_text(self) -> str:
        return translate("settings", self.unit) if self.unit else ""

    @property
    def placeholder_text(self) -> str:
        return translate("settings", self.placeholder) if self.placeholder else ""

    def parse(self, raw: Any) -> Any:
        """The typed value of ``raw`` (file form or already typed), within bounds.

        Raises :class:`SettingsError` naming this key and the problem.
        """
        try:
            value = _CODECS[self.kind].read(self, raw)
            self._check_bounds(value)
        except ValueError as error:
            raise SettingsError(_key_problem(self.key, error), key=self.key, problem=str(error)) from None
        return value

    def write(self, value: Any) -> Any:
        """The file form of a typed value."""
        return _CODECS[self.kind].write(value)

    def accepts(self, raw: Any) -> bool:
        try:
            self.parse(raw)
        except SettingsError:
            return False
        return True

    @property
    def default_value(self) -> Any:
        return self.parse(self.default)

    @property
    def minimum_value(self) -> Any:
        return None if self.minimum is None else _CODECS[self.kind].read(self, self.minimum)

    @property
    def maximum_value(self) -> Any:
        return None if self.maximum is None else _CODECS[self.kind].read(self, self.maximum)

    def describe(self, raw: Any) -> str:
        """A file-form value for a message: "30m", "mon, tue", "tue 18:00", "true"."""
        if isinstance(raw, dict):
            return ", ".join(f"{day} {moment}" for day, moment in raw.items()) or translate("settings_problems", "none")
        if isinstance(raw, (list, tuple)):
            return ", ".join(str(item) for item in raw) or translate("settings_problems", "none")
        if isinstance(raw, str):
            return raw
        return _show(raw)

    def _check_bounds(self, value: Any) -> None:
        bound_text = self.describe
        if self.minimum is not None and value < self.minimum_value:
            raise ValueError(translate("settings_problems", "must be at least {minimum}, not {value}").format(
                minimum=bound_text(self.minimum), value=bound_text(self.write(value))))
        if self.maximum is not None and value > self.maximum_value:
            raise ValueError(translate("settings_problems", "must be at most {maximum}, not {value}").format(
                maximum=bound_text(self.maximum), value=bound_text(self.write(value))))


def _key_problem(key: str, problem: object) -> str:
    return translate("settings_problems", "key '{key}': {problem}").format(key=key, problem=problem)


SETTINGS: tuple[Setting, ...] = (
    # breaks
    Setting("sit_interval", ValueType.DURATION, "30m", QT_TRANSLATE_NOOP("settings", "Sit-break every"),
            QT_TRANSLATE_NOOP("settings", "Time between sit-breaks, counted from the end of the last break."), "breaks",
            minimum="10s", maximum="8h"),
    Setting("prelude", ValueType.DURATION, "1m", QT_TRANSLATE_NOOP("settings", "Warning before a break"),
            QT_TRANSLATE_NOOP("settings", "A notification this long before a break, so you can finish a sentence."), "breaks",
            minimum="0s", maximum="15m"),
    Setting("postpone", ValueType.DURATION, "5m", QT_TRANSLATE_NOOP("settings", "Postpone by"),
            QT_TRANSLATE_NOOP("settings", "How long \"Postpone\" puts a break off."), "breaks", minimum="10s", maximum="2h"),
    Setting("natural_break", ValueType.DURATION, "5m", QT_TRANSLATE_NOOP("settings", "Natural break after"),
            QT_TRANSLATE_NOOP("settings", "Away from the computer this long counts as a break, and the countdown restarts."),
            "breaks", minimum="10s", maximum="2h"),
    Setting("away_policy", ValueType.CHOICE, "break", QT_TRANSLATE_NOOP("settings", "When the screen locks or the computer sleeps"),
            QT_TRANSLATE_NOOP("settings", "In the file: break, pause or ignore."), "breaks", choices=("break", "pause", "ignore"),
            choice_labels=(QT_TRANSLATE_NOOP("settings", "Count the time away as a break"), QT_TRANSLATE_NOOP("settings", "Pause the countdown until I am back"),
                           QT_TRANSLATE_NOOP("settings", "Ignore it: the countdown runs on"))),
    # interruptions
    Setting("dnd_max_delay", ValueType.DURATION, "1h", QT_TRANSLATE_NOOP("settings", "Hold breaks for presentations up to"),
            QT_TRANSLATE_NOOP("settings", "While a window is fullscreen, do-not-disturb is on or a call app is open, a due break "
            "waits and starts when that ends; past this, you get a notification instead."),
            "interruptions", minimum="0s", maximum="8h"),
    Setting("dnd_apps", ValueType.WORDS, ["zoom", "teams", "webex", "jitsi"],
            QT_TRANSLATE_NOOP("settings", "Hold breaks while these apps have a window"),
            QT_TRANSLATE_NOOP("settings", "Window classes of video-call apps, separated by commas."), "interruptions",
            placeholder="zoom, teams"),
    Setting("skip_budget", ValueType.INT, 3, QT_TRANSLATE_NOOP("settings", "Skips a day"),
            QT_TRANSLATE_NOOP("settings", "After this many skips in a day, Skip becomes \"Postpone 5 min\" and the tray shows "
            "breaks are overdue. 0 means no limit."), "interruptions", minimum=0, maximum=20),
    Setting("strict", ValueType.BOOL, False, QT_TRANSLATE_NOOP("settings", "Strict mode"),
            QT_TRANSLATE_NOOP("settings", "No skipping, and one postpone per break."), "interruptions"),
    # working hours
    Setting("working_hours", ValueType.BOOL, False, QT_TRANSLATE_NOOP("settings", "Only during working hours"),
            QT_TRANSLATE_NOOP("settings", "Prompt sit-breaks only on work days between the start and end times."), "hours"),
    Setting("work_days", ValueType.WEEKDAYS, ["mon", "tue", "wed", "thu", "fri"], QT_TRANSLATE_NOOP("settings", "Work days"),
            QT_TRANSLATE_NOOP("settings", "Days you work at the desk."), "hours", enabled_by="working_hours"),
    Setting("work_start", ValueType.TIME_OF_DAY, "09:00", QT_TRANSLATE_NOOP("settings", "Work starts"),
            QT_TRANSLATE_NOOP("settings", "Start of the working day."), "hours", enabled_by="working_hours"),
    Setting("work_end", ValueType.TIME_OF_DAY, "17:00", QT_TRANSLATE_NOOP("settings", "Work ends"),
            QT_TRANSLATE_NOOP("settings", "End of the working day; must come after the start."), "hours",
            enabled_by="working_hours"),
    # runs
    Setting("runs", ValueType.WEEKLY_TIMES, {"tue": "18:00", "thu": "18:00", "sat": "18:00"},
            QT_TRANSLATE_NOOP("settings", "Run days and times"), QT_TRANSLATE_NOOP("settings", "The days you run and when you set off; a pre-run routine is offered before each."),
            "runs"),
    Setting("prerun_lead", ValueType.DURATION, "15m", QT_TRANSLATE_NOOP("settings", "Pre-run routine before the run"),
            QT_TRANSLATE_NOOP("settings", "How long before a run to offer the glute-activation routine."), "runs",
            minimum="0s", maximum="3h"),
    Setting("calendar_file", ValueType.PATH, "", QT_TRANSLATE_NOOP("settings", "Calendar file"),
            QT_TRANSLATE_NOOP("settings", "An .ics file from your training plan or calendar: its runs get a pre-run routine and "
            "its meetings hold breaks. Read offline and re-read when it changes."), "runs"),
    Setting("run_keywords", ValueType.WORDS, [], QT_TRANSLATE_NOOP("settings", "More words that mark a run"),
            QT_TRANSLATE_NOOP("settings", "Events whose title or category has one of these words are runs, besides run, jog, tempo, "
            "intervals, long run, fartlek, parkrun and their German, French, Spanish and Italian words."),
            "runs", placeholder=QT_TRANSLATE_NOOP("settings", "trail, track session")),
    Setting("all_day_run_time", ValueType.OPTIONAL_TIME, "", QT_TRANSLATE_NOOP("settings", "All-day runs start at"),
            QT_TRANSLATE_NOOP("settings", "An all-day calendar event counts as a run only with a start time: switch this on and set it."),
            "runs"),
    Setting("run_length", ValueType.DURATION, "1h", QT_TRANSLATE_NOOP("settings", "A run lasts about"),
            QT_TRANSLATE_NOOP("settings", "For runs without an end time: when to offer the cool-down."), "runs",
            minimum="10m", maximum="6h"),
    Setting("cooldown", ValueType.BOOL, True, QT_TRANSLATE_NOOP("settings", "Offer a cool-down after a run"),
            QT_TRANSLATE_NOOP("settings", "When a run is over, offer the back-care routine; a sit-break due then is dropped either way "
            "(you just moved)."), "runs"),
    # routines
    Setting("hold_length", ValueType.CHOICE, "short", QT_TRANSLATE_NOOP("settings", "Hold length"),
            QT_TRANSLATE_NOOP("settings", "Where a document gives a hold range (such as 20-30 s), which end the guide uses."),
            "routines", choices=("short", "middle", "long"),
            choice_labels=(QT_TRANSLATE_NOOP("settings", "Short"), QT_TRANSLATE_NOOP("settings", "Middle"),
                           QT_TRANSLATE_NOOP("settings", "Long"))),
    Setting("lead_in", ValueType.DURATION, "3s", QT_TRANSLATE_NOOP("settings", "Lead-in"),
            QT_TRANSLATE_NOOP("settings", "Get-into-position countdown before each hold."), "routines",
            minimum="0s", maximum="10s"),
    Setting("sore_back", ValueType.BOOL, False, QT_TRANSLATE_NOOP("settings", "My lower back hurts right now"),
            QT_TRANSLATE_NOOP("settings", "Leave out forward folds and intense backbends and do the gentle moves the articles "
            "name instead (supine hamstring stretch, knee-to-chest); the safety notes come first."),
            "routines"),
    # sound
    Setting("sound", ValueType.BOOL, True, QT_TRANSLATE_NOOP("settings", "Sound"),
            QT_TRANSLATE_NOOP("settings", "Play a soft cue at the end of each hold and at each side switch."), "sound"),
    Setting("volume", ValueType.INT, 60, QT_TRANSLATE_NOOP("settings", "Volume"),
            QT_TRANSLATE_NOOP("settings", "Loudness of the cues."), "sound", minimum=0, maximum=100, unit="%", enabled_by="sound"),
    # general
    Setting("daily_goal", ValueType.INT, 80, QT_TRANSLATE_NOOP("settings", "Daily goal"),
            QT_TRANSLATE_NOOP("settings", "A day meets the goal when you take this share of its prompted sit-breaks (done to the "
            "end, or away from the desk); the history counts your streak of such days."),
            "general", minimum=10, maximum=100, unit="%"),
    Setting("neglect_days", ValueType.INT, 3, QT_TRANSLATE_NOOP("settings", "Not stretched lately after"),
            QT_TRANSLATE_NOOP("settings", "The history names the muscle groups your breaks have not worked for this many days."),
            "general", minimum=1, maximum=30, unit=QT_TRANSLATE_NOOP("settings", "days")),
    Setting("autostart", ValueType.BOOL, False, QT_TRANSLATE_NOOP("settings", "Start at login"),
            QT_TRANSLATE_NOOP("settings", "Start deskbreak in the tray when you log in."), "general"),
)

SETTING_BY_KEY: dict[str, Setting] = {setting.key: setting for setting in SETTINGS}

#: The keys nobody subscribes to: read each time they are used (the break window reads the
#: routine's pacing when it opens, the history window the goal when it shows), so a change
#: applies from the next use. Every other key has a listener that declares it next to the
#: code that reads it (the engine's SCHEDULE_KEYS, the hold sources' KEYS, the calendar's,
#: the chimes', the watchdog's, the autostart entry's); tests/ui/test_setting_listeners.py
#: checks that each key is one or the other.
READ_WHEN_USED = frozenset({"hold_length", "lead_in", "sore_back", "daily_goal", "neglect_days"})


def likely_key(typed: str) -> str | None:
    """The setting a mistyped key most likely means ("sit_intervall": "sit_interval"), or None."""
    spelled = str(typed).strip().lower().replace("-", "_")
    if spelled in SETTING_BY_KEY:
        return spelled
    matches = difflib.get_close_matches(spelled, SETTING_BY_KEY, n=1)
    return matches[0] if matches else None


def unknown_setting_text(key: str) -> str:
    """ "unknown setting 'valume'; did you mean volume?" (or without the guess when none is close)."""
    meant = likely_key(key)
    if meant is None:
        return translate("settings_problems", "unknown setting '{key}'").format(key=key)
    return translate("settings_problems", "unknown setting '{key}'; did you mean {meant}?").format(key=key, meant=meant)


def unknown_setting_error(key: str) -> SettingsError:
    return SettingsError(unknown_setting_text(key), key=key, problem=translate("settings_problems", "unknown setting"))


@dataclass(frozen=True)
class RuleProblem:
    """A broken rule between settings, worded once with a placeholder per setting.

    ``template`` reads "{prelude} must be shorter than {sit_interval}"; the
    file and the command line fill each placeholder with the key (and its
    value where that helps: "prelude (1m)"), as ``in_keys`` holds them; the
    dialog fills it with the setting's label, since its fields show the values.
    """

    template: str
    in_keys: Mapping[str, str]

    @property
    def text(self) -> str:
        """The file's and the command line's words: settings named by their keys."""
        return self.template.format(**self.in_keys)

    @property
    def labelled_text(self) -> str:
        """The dialog's words: settings named by their labels."""
        return self.template.format(**{key: SETTING_BY_KEY[key].label_text for key in self.in_keys})


@dataclass(frozen=True)
class CrossCheck:
    """A rule between settings that each look valid alone ("work ends after it starts")."""

    keys: tuple[str, ...]
    check: Callable[[Any], RuleProblem | None]

    @property
    def keys_text(self) -> str:
        return translate("settings_problems", " and ").join(f"'{key}'" for key in self.keys)

    def problem(self, settings: Any) -> str | None:
        """What is wrong, in the file's words (keys); None when the rule holds."""
        found = self.check(settings)
        return found.text if found else None


def _key_and_value(key: str, shown: str) -> str:
    """ "prelude (1m)": a setting as a message about the file names it."""
    return f"{key} ({shown})"


def _work_ends_after_it_starts(s: Any) -> RuleProblem | None:
    if s.work_start < s.work_end:
        return None
    return RuleProblem(
        translate("settings_problems", "{work_start} must come before {work_end}, or no sit-break would ever be prompted"),
        {"work_start": _key_and_value("work_start", format_time_of_day(s.work_start)),
         "work_end": _key_and_value("work_end", format_time_of_day(s.work_end))})


def _some_work_day(s: Any) -> RuleProblem | None:
    if not s.working_hours or s.work_days:
        return None
    return RuleProblem(
        translate("settings_problems", "{working_hours} is on but {work_days} is empty, so no sit-break would ever be prompted"),
        {"working_hours": "working_hours", "work_days": "work_days"})


def _prelude_before_interval(s: Any) -> RuleProblem | None:
    if s.prelude < s.sit_interval:
        return None
    return RuleProblem(
        translate("settings_problems", "{prelude} must be shorter than {sit_interval}"),
        {"prelude": _key_and_value("prelude", format_duration(s.prelude)),
         "sit_interval": _key_and_value("sit_interval", format_duration(s.sit_interval))})


CROSS_CHECKS: tuple[CrossCheck, ...] = (
    CrossCheck(("work_start", "work_end"), _work_ends_after_it_starts),
    CrossCheck(("working_hours", "work_days"), _some_work_day),
    CrossCheck(("prelude", "sit_interval"), _prelude_before_interval),
)


@dataclass(frozen=True)
class Settings:
    """The typed value of every setting; attribute names are the table's keys.

    The constructor, :meth:`with_value` and :meth:`with_values` accept file
    forms ("30m", ["tue"]) or typed values and validate both, so a Settings
    object always holds valid, typed values.
    """

    sit_interval: timedelta
    prelude: timedelta
    postpone: timedelta
    natural_break: timedelta
    away_policy: str
    dnd_max_delay: timedelta
    dnd_apps: tuple[str, ...]
    skip_budget: int
    strict: bool
    working_hours: bool
    work_days: frozenset[int]
    work_start: time
    work_end: time
    runs: dict[int, time]
    prerun_lead: timedelta
    calendar_file: str
    run_keywords: tuple[str, ...]
    all_day_run_time: time | None
    run_length: timedelta
    cooldown: bool
    hold_length: str
    lead_in: timedelta
    sore_back: bool
    sound: bool
    volume: int
    daily_goal: int
    neglect_days: int
    autostart: bool

    def __post_init__(self) -> None:
        for setting in SETTINGS:
            # Frozen: normalising "30m" to a timedelta has to bypass __setattr__.
            object.__setattr__(self, setting.key, setting.parse(getattr(self, setting.key)))
        for rule in CROSS_CHECKS:
            problem = rule.check(self)
            if problem:
                raise SettingsError(translate("settings_problems", "keys {keys}: {problem}").format(
                    keys=rule.keys_text, problem=problem.text), key=rule.keys[-1], problem=problem.text,
                    labelled_problem=problem.labelled_text)

    @classmethod
    def defaults(cls) -> Settings:
        return cls(**{setting.key: setting.default for setting in SETTINGS})

    def with_values(self, **raw: Any) -> Settings:
        """A copy with the given settings changed; raises SettingsError naming a bad key."""
        unknown = sorted(set(raw) - SETTING_BY_KEY.keys())
        if unknown:
            raise unknown_setting_error(unknown[0])
        return replace(self, **raw)

    def with_value(self, key: str, raw: Any) -> Settings:
        return self.with_values(**{key: raw})

    def typed(self) -> dict[str, Any]:
        """Every value by key, typed (for building a changed copy in one go)."""
        return {setting.key: getattr(self, setting.key) for setting in SETTINGS}

    def changed_keys(self, other: Settings) -> tuple[str, ...]:
        """Keys whose values differ, in table order (what a live apply must act on)."""
        return tuple(s.key for s in SETTINGS if getattr(self, s.key) != getattr(other, s.key))

    def to_toml_dict(self) -> dict[str, Any]:
        return {setting.key: setting.write(getattr(self, setting.key)) for setting in SETTINGS}


# --------------------------------------------------------------------------
# Loading and saving


@dataclass(frozen=True)
class LoadedSettings:
    """What :func:`load_settings` found.

    ``raw`` is the table the file held and ``data`` its bytes (None when
    there is no file, or none that could be read). Whether a file may be
    saved over is decided at each save, from the file as it is then
    (:class:`~deskbreak.core.settings_store.SettingsStore`).
    """

    settings: Settings
    problems: list[str] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)
    moved_to: Path | None = None
    data: bytes | None = None


def _unknown_key_problem(path: Path, key: str, raw: Any) -> str:
    meant = likely_key(key)
    if meant is not None:
        # Likely a typo: naming the setting meant says why that setting did not change.
        return translate("settings_problems", "{path}: unknown key '{key}' ignored (did you mean {meant}?)").format(
            path=path, key=key, meant=meant)
    if isinstance(raw, dict):
        return translate("settings_problems", "{path}: unknown table [{key}] (settings are top-level keys; "
                                              "kept in the file, ignored)").format(path=path, key=key)
    return translate("settings_problems", "{path}: unknown key '{key}' (kept in the file, ignored)").format(
        path=path, key=key)


def load_settings(path: Path, now: datetime, *, move_broken: bool = True) -> LoadedSettings:
    """Read the settings file, falling back to defaults for whatever is wrong.

    ``now`` names the file a corrupt settings file is moved aside to. A
    reader that only looks (``deskbreak config get``) passes
    ``move_broken=False``: the file stays where it is.
    """
    try:
        data = read_toml_bytes(path)
        raw = parse_toml_bytes(data)
    except FileNotFoundError:
        return LoadedSettings(Settings.defaults())
    except OSError as error:
        problem = translate("settings_problems", "{path}: could not read the settings file ({problem}); "
                                                 "using the defaults").format(path=path, problem=error.strerror or error)
        return LoadedSettings(Settings.defaults(), [problem])
    except ValueError as error:
        if not move_broken:
            problem = translate("settings_problems", "{path}: {problem}; using the defaults").format(
                path=path, problem=error)
            return LoadedSettings(Settings.defaults(), [problem])
        try:
            # Like save_settings, act on the real file behind a symlink.
            moved_to = move_file_aside(Path(os.path.realpath(path)), now)
        except OSError as move_error:
            problem = translate("settings_problems", "{path}: {problem}; could not move it aside ({move_problem}), "
                                "so it is left as it is and the defaults are used").format(
                path=path, problem=error, move_problem=move_error.strerror or move_error)
            return LoadedSettings(Settings.defaults(), [problem])
        problem = translate("settings_problems", "{path}: {problem}; moved it to {moved_to} and using the defaults").format(
            path=path, problem=error, moved_to=moved_to)
        return LoadedSettings(Settings.defaults(), [problem], moved_to=moved_to)

    settings, problems = settings_from_table(path, raw, Settings.defaults())
    return LoadedSettings(settings, problems, raw, data=data)


# Before per-day run times, a file said `run_days = [...]` and `run_time = "18:00"`.
_LEGACY_RUN_KEYS = ("run_days", "run_time")


def _migrated_runs(raw: Mapping[str, Any]) -> dict[int, time]:
    """``runs`` from the old keys (defaults for whichever is missing); ValueError if bad."""
    days = raw.get("run_days", ["tue", "thu", "sat"])
    at = raw.get("run_time", "18:00")
    day_numbers = _read_weekdays(SETTING_BY_KEY["runs"], days)
    start = _read_time_of_day(SETTING_BY_KEY["runs"], at)
    return {day: start for day in sorted(day_numbers)}


def settings_from_table(path: Path, raw: Mapping[str, Any], fallback: Settings) -> tuple[Settings, list[str]]:
    """The settings a file's table says, each bad value replaced by ``fallback``'s.

    A key the table does not have takes its default. ``fallback`` is the
    defaults at start and the last good values when a hand edit is re-read,
    so a typo never throws away a working set-up. Each problem names the
    file, the key and what is wrong.
    """
    values = Settings.defaults().typed()
    last_good = fallback.typed()
    problems: list[str] = []

    def keep_fallback(key: str, problem: str) -> None:
        setting = SETTING_BY_KEY[key]
        values[key] = last_good[key]
        kept = setting.describe(setting.write(values[key]))
        if fallback == Settings.defaults():
            text = translate("settings_problems", "{path}: key '{key}': {problem} (using the default {value})")
        else:
            text = translate("settings_problems", "{path}: key '{key}': {problem} (using the last good value {value})")
        problems.append(text.format(path=path, key=key, problem=problem, value=kept))

    for key, raw_value in raw.items():
        if key in _LEGACY_RUN_KEYS:
            continue
        setting = SETTING_BY_KEY.get(key)
        if setting is None:
            problems.append(_unknown_key_problem(path, key, raw_value))
            continue
        try:
            values[key] = setting.parse(raw_value)
        except SettingsError as error:
            keep_fallback(key, error.problem)
    if "runs" not in raw and any(key in raw for key in _LEGACY_RUN_KEYS):
        try:
            values["runs"] = _migrated_runs(raw)
        except ValueError as error:
            keep_fallback("runs", translate("settings_problems", "could not read run_days/run_time: {problem}").format(
                problem=error))
    for rule in CROSS_CHECKS:
        problem = rule.problem(_Values(values))
        if problem:
            for key in rule.keys:
                values[key] = last_good[key]
            shown = ", ".join(f"{key} {SETTING_BY_KEY[key].describe(SETTING_BY_KEY[key].write(values[key]))}"
                              for key in rule.keys)
            problems.append(translate("settings_problems", "{path}: keys {keys}: {problem} (using {values})").format(
                path=path, keys=rule.keys_text, problem=problem, values=shown))
    return Settings(**values), problems


class _Values:
    """Typed values by attribute, for checking rules before a Settings exists."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self.__dict__.update(values)


def legacy_runs_to_migrate(raw: Mapping[str, Any]) -> tuple[str, ...]:
    """The old run keys a save replaces with ``runs``: those present, if ``runs`` is not and they read well.

    Unreadable ones stay in the file, as any value the user has yet to fix.
    """
    present = tuple(key for key in _LEGACY_RUN_KEYS if key in raw)
    if "runs" in raw or not present:
        return ()
    try:
        _migrated_runs(raw)
    except ValueError:
        return ()
    return present


def settings_file_text(settings: Settings) -> str:
    """A whole new settings file: every key in the table's order, tables ([runs]) after the plain keys."""
    document = tomlkit.document()
    for key, value in settings.to_toml_dict().items():
        document[key] = value
    return tomlkit.dumps(document)


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` as a whole new file at ``path`` (an export), atomically; SettingsError on failure."""
    text = settings_file_text(settings)
    try:
        write_file_atomically(path, text)
    except OSError as error:
        raise SettingsError(translate("settings_problems", "could not save settings to {path}: {problem}").format(
            path=path, problem=os_problem(error))) from error


def edited_settings_text(path: Path, text: str, values: Mapping[str, Any], remove: Iterable[str] = ()) -> str:
    """``text``, a settings file that parses, with ``values`` (file forms by key) set and ``remove`` gone.

    Every other byte stays: comments, blank lines, the order of keys, unknown
    keys and values the user has yet to fix. A key whose value is already
    what the file says is left as written; a table ([runs] or an inline one)
    is changed entry by entry, so its comments stay too. Raises
    :class:`SettingsError` if the edited text would read differently
    anywhere else (it never should: a save may not change what it did not set).
    """
    document = tomlkit.parse(text)
    expected = tomllib.loads(text)
    for key in remove:
        if key in document:
            del document[key]
        expected.pop(key, None)
    for key, value in values.items():
        _set_entry(document, key, value)
        expected[key] = value
    edited = tomlkit.dumps(document)
    if "\r\n" in text and text.count("\n") == text.count("\r\n"):
        edited = edited.replace("\r\n", "\n").replace("\n", "\r\n")  # tomlkit ends new lines with LF alone
    if tomllib.loads(edited) != expected:
        raise SettingsError(translate("settings_problems", "{path}: could not change {keys} without changing "
                                                           "other lines; nothing was saved").format(
            path=path, keys=", ".join(values)))
    return edited


def _set_entry(container: Any, key: str, value: Any) -> None:
    current = container.get(key)  # a tomlkit item, or a plain bool (tomlkit gives those unwrapped)
    is_table = isinstance(current, (tomlkit.items.Table, tomlkit.items.InlineTable))
    if current is not None and _plain(current) == value:
        return  # already what the file says, in the user's own spelling
    if is_table and isinstance(value, dict):
        for gone in [entry for entry in current if entry not in value]:
            del current[gone]
        for entry, entry_value in value.items():
            _set_entry(current, entry, entry_value)
        return
    if current is not None and (is_table or isinstance(current, tomlkit.items.AoT) or isinstance(value, dict)):
        # A table where a plain value goes (or the other way round) cannot change in place:
        # tomlkit adds plain keys before the first table and tables at the end.
        del container[key]
    container[key] = value


def _plain(item: Any) -> Any:
    return item.unwrap() if hasattr(item, "unwrap") else item


def settings_by_section() -> list[tuple[Section, list[Setting]]]:
    """The table grouped for the dialog, sections and settings in table order."""
    return [(section, [s for s in SETTINGS if s.section == section.key]) for section in SECTIONS]

