"""User settings: one declarative table, typed values, a forgiving TOML file.

Every setting is declared once in :data:`SETTINGS` (key, kind, default as
written in the file, label, help, bounds, choices, section). That table alone
drives parsing, validation messages, the TOML file and the generated settings
dialog, so adding a setting means adding one :class:`Setting` row and one
typed attribute on :class:`Settings` (a test checks the two agree).

This package's face exports every public name; the work is done in:

- :mod:`~deskbreak.core.settings.value_types`: the kinds of value (durations,
  times of day, weekdays, ...), read from and written to the file's form;
- :mod:`~deskbreak.core.settings.table`: the table of settings and its sections;
- :mod:`~deskbreak.core.settings.cross_checks`: the rules between settings;
- :mod:`~deskbreak.core.settings.typed_settings`: the :class:`Settings` value;
- :mod:`~deskbreak.core.settings.settings_file`: loading, saving and editing
  the user's file in place.
"""

from deskbreak.core.settings.cross_checks import CROSS_CHECKS, CrossCheck, RuleProblem
from deskbreak.core.settings.settings_file import (
    LoadedSettings,
    edited_settings_text,
    legacy_runs_to_migrate,
    load_settings,
    save_settings,
    settings_file_text,
    settings_from_table,
)
from deskbreak.core.settings.table import (
    READ_WHEN_USED,
    SECTIONS,
    SETTING_BY_KEY,
    SETTINGS,
    Section,
    Setting,
    likely_key,
    settings_by_section,
    unknown_setting_error,
    unknown_setting_text,
)
from deskbreak.core.settings.typed_settings import Settings
from deskbreak.core.settings.value_types import (
    WEEKDAY_NAMES,
    SettingsError,
    ValueType,
    format_duration,
    format_time_of_day,
    parse_duration,
    parse_time_of_day,
    parse_weekday,
)

__all__ = [
    "CROSS_CHECKS", "READ_WHEN_USED", "SECTIONS", "SETTINGS", "SETTING_BY_KEY", "WEEKDAY_NAMES",
    "CrossCheck", "LoadedSettings", "RuleProblem", "Section", "Setting", "Settings", "SettingsError", "ValueType",
    "edited_settings_text", "format_duration", "format_time_of_day", "legacy_runs_to_migrate", "likely_key",
    "load_settings", "parse_duration", "parse_time_of_day", "parse_weekday", "save_settings", "settings_by_section",
    "settings_file_text", "settings_from_table", "unknown_setting_error", "unknown_setting_text",
]
