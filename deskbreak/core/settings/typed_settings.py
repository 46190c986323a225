"""The :class:`Settings` value: every setting typed, checked alone and against the rules."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import time, timedelta
from typing import Any

from deskbreak.core.i18n import translate
from deskbreak.core.settings.cross_checks import CROSS_CHECKS
from deskbreak.core.settings.table import SETTING_BY_KEY, SETTINGS, unknown_setting_error
from deskbreak.core.settings.value_types import SettingsError


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
    break_screen: str
    dnd_max_delay: timedelta
    hold_for_calls: bool
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
    progression: bool
    sound: bool
    volume: int
    daily_goal: int
    neglect_days: int
    autostart: bool
    motion: str

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
