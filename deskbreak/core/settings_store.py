"""The one owner of the settings while deskbreak runs.

Three layers make up what the app uses (:attr:`SettingsStore.settings`):

* the file's values (``settings.toml``), which :meth:`set`, :meth:`reset`
  and :meth:`import_file` change and save at once, atomically;
* one-run overrides from the command line (``--sit-interval 20s``), which
  win over the file but are never written to it; setting a key by hand
  drops its override, since the user's latest word wins;
* the raw table the file held, so a save keeps unknown keys and values the
  user has not fixed yet.

Consumers (the engine, the alarm's watchdog, the chimes, the tray, the
autostart entry) :meth:`subscribe` to the keys they care about and read the
current value when told; nobody else keeps a copy. A change that would be
invalid, alone or against another setting, raises :class:`SettingsError`
before anything is saved or applied, so a refused value costs nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from deskbreak.core.files import parse_toml_bytes, private_directory, read_toml_table
from deskbreak.core.i18n import translate
from deskbreak.core.settings import (
    CROSS_CHECKS,
    SETTING_BY_KEY,
    SETTINGS,
    Settings,
    SettingsError,
    load_settings,
    save_settings,
    settings_from_table,
)

log = logging.getLogger("deskbreak.settings")

Listener = Callable[[frozenset[str]], None]


@dataclass
class _Subscription:
    listener: Listener
    keys: frozenset[str] | None  # None: every key


class SettingsStore:
    """File values + one-run overrides + the raw file table; see the module docstring."""

    def __init__(
        self,
        path: Path,
        file_settings: Settings | None = None,
        *,
        raw: Mapping[str, Any] | None = None,
        overrides: Mapping[str, Any] | None = None,
        can_save: bool = True,
    ) -> None:
        self.path = path
        self._file = file_settings if file_settings is not None else Settings.defaults()
        self._raw: dict[str, Any] = dict(raw or {})
        self._overrides: dict[str, Any] = dict(overrides or {})
        self._can_save = can_save
        self._subscriptions: list[_Subscription] = []
        self._settings = self._effective()
        # What our own last save wrote, so the file watcher can tell our
        # writes from the user's hand edits.
        self._last_written: bytes | None = None

    @classmethod
    def load(cls, path: Path, now: datetime, overrides: Mapping[str, Any] | None = None, *,
             move_broken: bool = True) -> tuple[SettingsStore, list[str]]:
        """Read ``path`` (problems are returned, never raised) and apply ``overrides``.

        Raises :class:`SettingsError` only for an override that does not fit
        the file's values, which the command line reports before anything
        starts. ``move_broken=False`` leaves a file that is not TOML in place.
        """
        loaded = load_settings(path, now, move_broken=move_broken)
        store = cls(path, loaded.settings, raw=loaded.raw, overrides=overrides, can_save=loaded.can_save)
        store._last_written = _read_bytes(path)
        return store, loaded.problems

    # -- reading -------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        """What the app uses now: the file's values with the one-run overrides on top."""
        return self._settings

    @property
    def file_settings(self) -> Settings:
        """What ``settings.toml`` holds (or will hold on the next save)."""
        return self._file

    @property
    def overrides(self) -> dict[str, Any]:
        return dict(self._overrides)

    def is_overridden(self, key: str) -> bool:
        return key in self._overrides

    def file_form(self, key: str) -> Any:
        """The current value of ``key`` as the file writes it ("30m", ["tue"])."""
        setting = _setting(key)
        return setting.write(getattr(self._settings, key))

    def setting_text(self, key: str) -> str:
        """The current value of ``key`` as a person reads it: "30m", "tue 18:00, sat 08:30"."""
        return _setting(key).describe(self.file_form(key))

    # -- subscribing -----------------------------------------------------------

    def subscribe(self, listener: Listener, keys: Iterable[str] | None = None) -> Callable[[], None]:
        """Call ``listener(changed_keys)`` after a change touching ``keys`` (all when None).

        Returns a function that unsubscribes.
        """
        wanted = None if keys is None else frozenset(_setting(key).key for key in keys)
        subscription = _Subscription(listener, wanted)
        self._subscriptions.append(subscription)
        return lambda: self._subscriptions.remove(subscription) if subscription in self._subscriptions else None

    # -- changing ---------------------------------------------------------------

    def set(self, key: str, raw: Any) -> frozenset[str]:
        """Set one key (file form or typed), save, apply; returns the keys that changed."""
        return self.set_many({key: raw})

    def set_many(self, values: Mapping[str, Any]) -> frozenset[str]:
        """Set several keys together (so "work 18:00-22:00" is checked as one change)."""
        for key in values:
            _setting(key)
        candidate = self._file.with_values(**values)
        remaining_overrides = {k: v for k, v in self._overrides.items() if k not in values}
        # The running values must be valid too: an override may clash with the new value.
        candidate.with_values(**remaining_overrides)
        return self._commit(candidate, remaining_overrides, set_keys=frozenset(values))

    def reset(self, keys: Iterable[str] | None = None) -> frozenset[str]:
        """Put ``keys`` (every key when None) back to their defaults."""
        chosen = [s.key for s in SETTINGS] if keys is None else [_setting(k).key for k in keys]
        defaults = Settings.defaults()
        return self.set_many({key: getattr(defaults, key) for key in chosen})

    def import_file(self, path: Path) -> frozenset[str]:
        """Take every setting from another settings file; refuses it whole if anything is wrong."""
        try:
            raw = read_toml_table(path)
        except OSError as error:
            raise SettingsError(translate("settings_problems", "{path}: could not read it ({problem})").format(
                path=path, problem=error.strerror or error)) from None
        except ValueError as error:
            raise SettingsError(f"{path}: {error}") from None
        imported, problems = settings_from_table(path, raw, Settings.defaults())
        if problems:
            raise SettingsError(problems[0])
        return self.set_many(imported.typed())

    def export_file(self, path: Path) -> None:
        """Write the file's settings (not the one-run overrides) to ``path``."""
        save_settings(path, self._file)

    def reload(self) -> tuple[frozenset[str], list[str]]:
        """Re-read the file after someone edited it by hand.

        A value that is now wrong keeps its last good value; a file that no
        longer parses keeps them all and is left untouched for the user to fix.
        Returns the changed keys and the problems to tell the user about.
        """
        data = _read_bytes(self.path)
        if data == self._last_written:
            return frozenset(), []  # our own save, or nothing new
        try:
            raw = {} if data is None else parse_toml_bytes(data)
        except ValueError as error:
            return frozenset(), [translate("settings_problems", "{path}: {problem}; keeping the last good settings").format(
                path=self.path, problem=error)]
        file_settings, problems = settings_from_table(self.path, raw, self._file)
        try:
            file_settings.with_values(**self._overrides)
        except SettingsError as error:
            # The edit clashes with a one-run override: the override stays, the edit waits.
            return frozenset(), [translate(
                "settings_problems", "{path}: {problem} with this run's command-line {overrides}; "
                "keeping the last good settings").format(path=self.path, problem=error,
                                                         overrides=", ".join(self._overrides))]
        self._last_written = data
        self._raw = dict(raw)
        self._can_save = True
        before = self._settings
        self._file = file_settings
        changed = self._apply_effective(before)
        return changed, problems

    # -- internals -----------------------------------------------------------------

    def _commit(self, file_settings: Settings, overrides: dict[str, Any], set_keys: frozenset[str]) -> frozenset[str]:
        if not self._can_save:
            raise SettingsError(translate("settings_problems", "{path} could not be read at start, so deskbreak will not "
                                          "save over it; fix or remove the file first").format(path=self.path))
        try:
            private_directory(self.path.parent)  # the config folder is the user's alone (0700)
        except OSError:
            pass  # saving says what is wrong with the folder, in the user's words
        # What the user typed for a key is kept until they set that key here. Setting one
        # key of a clashing pair settles the pair, so its partners' good values go too (a
        # partner's invalid text stays: it is no part of the clash, and still the user's to fix).
        partners = {partner for rule in CROSS_CHECKS if set_keys & set(rule.keys) for partner in rule.keys
                    if partner in self._raw and SETTING_BY_KEY[partner].accepts(self._raw[partner])}
        for key in set_keys | partners:
            self._raw.pop(key, None)
        save_settings(self.path, file_settings, keep=self._raw)
        self._last_written = _read_bytes(self.path)
        before = self._settings
        self._file = file_settings
        self._overrides = overrides
        return self._apply_effective(before)

    def _effective(self) -> Settings:
        return self._file.with_values(**self._overrides) if self._overrides else self._file

    def _apply_effective(self, before: Settings) -> frozenset[str]:
        self._settings = self._effective()
        changed = frozenset(self._settings.changed_keys(before))
        if changed:
            self._notify(changed)
        return changed

    def _notify(self, changed: frozenset[str]) -> None:
        for subscription in list(self._subscriptions):
            if subscription.keys is None or subscription.keys & changed:
                subscription.listener(changed)


def _setting(key: str):
    setting = SETTING_BY_KEY.get(key)
    if setting is None:
        raise SettingsError(translate("settings_problems", "unknown setting '{key}'").format(key=key), key=key,
                            problem=translate("settings_problems", "unknown setting"))
    return setting


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
