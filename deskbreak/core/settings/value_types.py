"""The kinds of setting value: how each is written in the file, read and checked.

Durations ("1h30m"), times of day ("18:00", "6pm"), weekdays ("tue"),
per-day times, words, choices, paths and screens: each kind reads a raw value (as the
file writes it, or already typed) into its typed form, with a message saying
what is wrong, and writes a typed value back in the file's form
(:data:`KIND_CODECS`). :class:`SettingsError` is the one error every part of
the settings raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Callable

from deskbreak.core.i18n import translate

if TYPE_CHECKING:
    from deskbreak.core.settings.table import Setting


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
    SCREEN = "screen"  # one of Setting.choices ("mouse", "primary") or a screen's name ("HDMI-1") -> str


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


def show_raw(raw: Any) -> str:
    """A raw value as the user would recognise it from the file."""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, str):
        return repr(raw)
    if isinstance(raw, (list, tuple)):
        return "[" + ", ".join(show_raw(item) for item in raw) + "]"
    if isinstance(raw, dict):
        return "{" + ", ".join(f"{key} = {show_raw(value)}" for key, value in raw.items()) + "}"
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
            value=show_raw(raw)))
    if duration < timedelta(0):
        raise ValueError(translate("settings_problems", "{value} is negative; a duration must be 0s or more").format(
            value=show_raw(raw)))
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
    raise ValueError(translate("settings_problems", "must be true or false, not {value}").format(value=show_raw(raw)))


def _read_int(setting: Setting, raw: Any) -> int:
    if _is_whole_number(raw):
        return raw
    if isinstance(raw, str) and re.fullmatch(r"\s*-?\d+\s*", raw):
        return int(raw)
    raise ValueError(translate("settings_problems", "must be a whole number, not {value}").format(value=show_raw(raw)))


def read_time_of_day(setting: Setting, raw: Any) -> time:
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
        value=show_raw(raw)))


def read_weekdays(setting: Setting, raw: Any) -> frozenset[int]:
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
        value=show_raw(raw)))


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
                value=show_raw(raw)))
    times: dict[int, time] = {}
    for day, moment in raw.items():
        number = day if _is_whole_number(day) and 0 <= day <= 6 else parse_weekday(str(day))
        if number in times:
            raise ValueError(_given_twice(repr(day)))
        try:
            times[number] = read_time_of_day(setting, moment)
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
            value=show_raw(raw)))
    return tuple(dict.fromkeys(word.strip().lower() for word in raw))


def _read_optional_time(setting: Setting, raw: Any) -> time | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    return read_time_of_day(setting, raw)


def _write_optional_time(value: time | None) -> str:
    return "" if value is None else format_time_of_day(value)


def _read_path(setting: Setting, raw: Any) -> str:
    if not isinstance(raw, str):
        raise ValueError(translate("settings_problems", "must be a file path in quotes, or \"\" for none, not {value}").format(
            value=show_raw(raw)))
    return raw.strip()


def _read_choice(setting: Setting, raw: Any) -> str:
    word = raw.strip().lower() if isinstance(raw, str) else None
    if word not in setting.choices:
        raise ValueError(translate("settings_problems", "{value} is not one of {choices}").format(
            value=show_raw(raw), choices=", ".join(setting.choices)))
    return word


# Screen names are short ("HDMI-1", "eDP-1", "\\.\DISPLAY1" on Windows, "DELL U2720Q"); this bound only keeps a
# pasted paragraph out of the file and the dialog.
LONGEST_SCREEN_NAME = 100


def _read_screen(setting: Setting, raw: Any) -> str:
    """One of the setting's words (in any case), or a screen's name as the system spells it."""
    keywords = ", ".join(setting.choices)
    if not isinstance(raw, str):
        raise ValueError(translate("settings_problems", "must be {keywords} or a screen's name in quotes, not {value}").format(
            keywords=keywords, value=show_raw(raw)))
    name = raw.strip()
    if not name:
        raise ValueError(translate("settings_problems", "must not be empty; write {keywords} or a screen's name such as HDMI-1").format(
            keywords=keywords))
    if name.lower() in setting.choices:
        return name.lower()
    if len(name) > LONGEST_SCREEN_NAME or not name.isprintable():
        raise ValueError(translate("settings_problems", "{value} is not a screen's name: at most {count} characters, "
                                   "none of them line breaks or control characters").format(
            value=show_raw(name[:LONGEST_SCREEN_NAME] + ("…" if len(name) > LONGEST_SCREEN_NAME else "")),
            count=LONGEST_SCREEN_NAME))
    return name


@dataclass(frozen=True)
class _KindCodec:
    read: Callable[[Setting, Any], Any]
    write: Callable[[Any], Any]


def _unchanged(value: Any) -> Any:
    return value


KIND_CODECS: dict[ValueType, _KindCodec] = {
    ValueType.DURATION: _KindCodec(_read_duration, format_duration),
    ValueType.BOOL: _KindCodec(_read_bool, _unchanged),
    ValueType.INT: _KindCodec(_read_int, _unchanged),
    ValueType.TIME_OF_DAY: _KindCodec(read_time_of_day, format_time_of_day),
    ValueType.WEEKDAYS: _KindCodec(read_weekdays, _write_weekdays),
    ValueType.CHOICE: _KindCodec(_read_choice, _unchanged),
    ValueType.WEEKLY_TIMES: _KindCodec(_read_weekly_times, _write_weekly_times),
    ValueType.WORDS: _KindCodec(_read_words, list),
    ValueType.OPTIONAL_TIME: _KindCodec(_read_optional_time, _write_optional_time),
    ValueType.PATH: _KindCodec(_read_path, _unchanged),
    ValueType.SCREEN: _KindCodec(_read_screen, _unchanged),
}
