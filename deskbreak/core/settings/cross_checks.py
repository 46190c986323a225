"""Rules between settings that each look valid alone ("work ends after it starts").

Each :class:`CrossCheck` names its keys and words its problem once
(:class:`RuleProblem`), so the file and the command line name the settings
by their keys and the dialog by their labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

from deskbreak.core.i18n import translate
from deskbreak.core.settings.table import SETTING_BY_KEY
from deskbreak.core.settings.value_types import format_duration, format_time_of_day


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
