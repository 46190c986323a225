"""The settings file: loading it forgivingly, saving it, editing it in place.

Loading never fails because of the file. A bad value falls back to its
default (or the last good value) with a message naming the file, the key and
the problem; an unknown key is reported (with the setting it is likely a typo
of) and kept; a file that is not TOML at all is moved aside (never deleted)
and the defaults are used. A change edits the file in place
(:func:`edited_settings_text`): only the keys it sets change, and the user's
comments, blank lines, order, unknown keys and values not yet fixed stay as
they were. Files written before per-day run times are read and migrated.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any, Iterable, Mapping

from deskbreak.core.files import (
    move_file_aside,
    os_problem,
    parse_toml_bytes,
    read_toml_bytes,
    with_line_endings_of,
    write_file_atomically,
)
from deskbreak.core.i18n import translate
from deskbreak.core.settings.cross_checks import CROSS_CHECKS
from deskbreak.core.settings.table import SETTING_BY_KEY, likely_key
from deskbreak.core.settings.typed_settings import Settings
from deskbreak.core.settings.value_types import SettingsError, read_time_of_day, read_weekdays


@dataclass(frozen=True)
class LoadedSettings:
    """What :func:`load_settings` found.

    ``raw`` is the table the file held and ``data`` its bytes (None when
    there is no file, or none that could be read). Whether a file may be
    saved over is decided at each save, from the file as it is then
    (:class:`~deskbreak.core.settings.store.SettingsStore`).
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
    day_numbers = read_weekdays(SETTING_BY_KEY["runs"], days)
    start = read_time_of_day(SETTING_BY_KEY["runs"], at)
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
    import tomlkit  # noqa: PLC0415  (see _set_entry)

    document = tomlkit.document()
    for key, value in settings.to_toml_dict().items():
        document[key] = value
    return tomlkit.dumps(document)


def save_settings(path: Path, settings: Settings, extra_text: str = "") -> None:
    """Write ``settings`` as a whole new file at ``path`` (an export), atomically; SettingsError on failure.

    ``extra_text`` (TOML tables) follows the settings, after a blank line.
    """
    text = settings_file_text(settings) + (f"\n{extra_text}" if extra_text else "")
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
    import tomlkit  # noqa: PLC0415  (see _set_entry)

    document = tomlkit.parse(text)
    expected = tomllib.loads(text)
    for key in remove:
        if key in document:
            del document[key]
        expected.pop(key, None)
    for key, value in values.items():
        _set_entry(document, key, value)
        expected[key] = value
    edited = with_line_endings_of(text, tomlkit.dumps(document))
    if tomllib.loads(edited) != expected:
        raise SettingsError(translate("settings_problems", "{path}: could not change {keys} without changing "
                                                           "other lines; nothing was saved").format(
            path=path, keys=", ".join(values)))
    return edited


def _set_entry(container: Any, key: str, value: Any) -> None:
    # tomlkit (10 ms to import) loads with the first save: every launch reads
    # the file (tomllib), few write it, and the tray icon waits for the reading.
    import tomlkit.items  # noqa: PLC0415

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
