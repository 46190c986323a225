"""The one owner of the settings while deskbreak runs.

Two layers make up what the app uses (:attr:`SettingsStore.settings`):

* the file's values (``settings.toml``), which :meth:`set`, :meth:`reset`
  and :meth:`import_file` change and save at once;
* one-run overrides from the command line (``--sit-interval 20s``), which
  win over the file but are never written to it; setting a key by hand
  drops its override, since the user's latest word wins.

The file is the user's, and other programs change it too (an editor, a
second ``deskbreak config set``). So every save takes the file's lock
(:func:`~deskbreak.core.files.file_lock`), reads the file as it is now,
and changes only the keys it sets (:func:`~deskbreak.core.settings.edited_settings_text`):
a hand edit the app has not read yet is merged, not overwritten, and a file
that does not parse is never saved over.

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

from deskbreak.core.files import file_lock, os_problem, parse_toml_bytes, private_directory, read_toml_bytes, \
    read_toml_table, write_file_atomically
from deskbreak.core.i18n import translate
from deskbreak.core.settings import (
    CROSS_CHECKS,
    SETTING_BY_KEY,
    SETTINGS,
    Settings,
    SettingsError,
    edited_settings_text,
    legacy_runs_to_migrate,
    load_settings,
    save_settings,
    settings_file_text,
    settings_from_table,
    unknown_setting_error,
)

log = logging.getLogger("deskbreak.settings")

Listener = Callable[[frozenset[str]], None]


class UnsavableSettingsFile(SettingsError):
    """The file cannot be read or does not parse, so nothing is saved over it (the value asked for may be fine)."""


@dataclass
class _Subscription:
    listener: Listener
    keys: frozenset[str] | None  # None: every key


@dataclass(frozen=True)
class _OnDisk:
    """The settings file as a save found it, under the lock."""

    data: bytes | None  # None: there is no file
    table: dict[str, Any]


class SettingsStore:
    """File values + one-run overrides, saved key by key into the user's file; see the module docstring."""

    def __init__(
        self,
        path: Path,
        file_settings: Settings | None = None,
        *,
        overrides: Mapping[str, Any] | None = None,
    ) -> None:
        self.path = path
        self._file = file_settings if file_settings is not None else Settings.defaults()
        self._overrides: dict[str, Any] = dict(overrides or {})
        self._subscriptions: list[_Subscription] = []
        self._settings = self._effective()
        # The file's bytes our values stand for (what we last read or wrote): a file that
        # still holds them has no hand edit we have not taken, and our own saves are no news.
        self._seen: bytes | None = None
        # Problems of a hand edit a save merged before the file watcher saw it.
        self._unreported: list[str] = []

    @classmethod
    def load(cls, path: Path, now: datetime, overrides: Mapping[str, Any] | None = None, *,
             move_broken: bool = True) -> tuple[SettingsStore, list[str]]:
        """Read ``path`` (problems are returned, never raised) and apply ``overrides``.

        Raises :class:`SettingsError` only for an override that does not fit
        the file's values, which the command line reports before anything
        starts. ``move_broken=False`` leaves a file that is not TOML in place.
        """
        loaded = load_settings(path, now, move_broken=move_broken)
        store = cls(path, loaded.settings, overrides=overrides)
        store._seen = loaded.data
        return store, loaded.problems

    # -- reading -------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        """What the app uses now: the file's values with the one-run overrides on top."""
        return self._settings

    @property
    def file_settings(self) -> Settings:
        """The file's values, as this store last read or saved them."""
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

    def listened_keys(self) -> frozenset[str]:
        """The keys some subscriber follows (every key once one follows them all)."""
        if any(subscription.keys is None for subscription in self._subscriptions):
            return frozenset(SETTING_BY_KEY)
        return frozenset().union(*(subscription.keys for subscription in self._subscriptions))

    # -- changing ---------------------------------------------------------------

    def set(self, key: str, raw: Any) -> frozenset[str]:
        """Set one key (file form or typed), save, apply; returns the keys that changed."""
        return self.set_many({key: raw})

    def set_many(self, values: Mapping[str, Any]) -> frozenset[str]:
        """Set several keys together (so "work 18:00-22:00" is checked as one change)."""
        for key, raw in values.items():
            # Each value alone, before the file is touched; how they fit the
            # others is checked against the file as it is when saving.
            _setting(key).parse(raw)
        return self._commit(dict(values))

    def reset(self, keys: Iterable[str] | None = None) -> frozenset[str]:
        """Put ``keys`` (every key when None) back to their defaults."""
        chosen = [s.key for s in SETTINGS] if keys is None else [_setting(k).key for k in keys]
        defaults = Settings.defaults()
        return self.set_many({key: getattr(defaults, key) for key in chosen})

    def import_file(self, path: Path, other_tables: Iterable[str] = ()) -> frozenset[str]:
        """Take every setting from another settings file; refuses it whole if anything is wrong.

        ``other_tables``: top-level keys that other parts of the profile take
        from the same file (the user's exercises), not settings.
        """
        try:
            raw = read_toml_table(path)
        except OSError as error:
            raise SettingsError(translate("settings_problems", "{path}: could not read it ({problem})").format(
                path=path, problem=error.strerror or error)) from None
        except ValueError as error:
            raise SettingsError(f"{path}: {error}") from None
        for key in other_tables:
            raw.pop(key, None)
        imported, problems = settings_from_table(path, raw, Settings.defaults())
        if problems:
            raise SettingsError(problems[0])
        return self.set_many(imported.typed())

    def export_file(self, path: Path, extra_text: str = "") -> None:
        """Write the file's settings (not the one-run overrides) to ``path``, then ``extra_text``.

        ``extra_text``: TOML tables other parts of the profile export with the
        settings (the user's exercises), written after them in the same file.
        """
        save_settings(path, self._file, extra_text)

    def reload(self) -> tuple[frozenset[str], list[str]]:
        """Re-read the file after someone edited it by hand.

        A value that is now wrong keeps its last good value; a file that no
        longer parses keeps them all and is left untouched for the user to fix.
        Returns the changed keys and the problems to tell the user about.
        """
        try:
            data = _read_bytes(self.path)
        except OSError as error:
            return frozenset(), [translate("settings_problems", "{path}: could not read it ({problem}); keeping "
                                           "the last good settings").format(path=self.path, problem=os_problem(error))]
        if data == self._seen:
            unreported, self._unreported = self._unreported, []
            return frozenset(), unreported  # our own save, or nothing new
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
            return frozenset(), [self._clash_with_overrides(error)]
        self._seen, self._unreported = data, []
        before = self._settings
        self._file = file_settings
        changed = self._apply_effective(before)
        return changed, problems

    # -- internals -----------------------------------------------------------------

    def _commit(self, values: dict[str, Any]) -> frozenset[str]:
        try:
            private_directory(self.path.parent)  # the config folder is the user's alone (0700)
        except OSError:
            pass  # saving says what is wrong with the folder, in the user's words
        try:
            with file_lock(self.path):
                return self._merge_and_save(values)
        except OSError as error:  # the lock file could not be made, or stayed locked
            raise SettingsError(translate("settings_problems", "could not save settings to {path}: {problem}").format(
                path=self.path, problem=os_problem(error))) from error

    def _merge_and_save(self, values: dict[str, Any]) -> frozenset[str]:
        """The read-modify-write, under the lock: the file as it is now, with ``values`` set."""
        disk = self._on_disk()
        hand_edited = disk.data != self._seen
        if hand_edited:
            # Keys changed by hand since our last read win over our copy; the keys set here
            # are the user's latest word and win over both.
            base, problems = settings_from_table(self.path, disk.table, self._file)
        else:
            base, problems = self._file, []
        new_file = base.with_values(**values)
        remaining_overrides = {k: v for k, v in self._overrides.items() if k not in values}
        running = new_file
        try:
            new_file.with_values(**remaining_overrides)
        except SettingsError:
            if not hand_edited:
                raise
            # The hand edit clashes with this run's override: it waits, as when re-read
            # (the file is not marked seen below, so the watcher's reload says why).
            running = self._file.with_values(**values)
            running.with_values(**remaining_overrides)
        text = self._file_text(disk, new_file, values)
        written = text.encode("utf-8")
        if disk.data is None or written != disk.data:
            try:
                write_file_atomically(self.path, text)
            except OSError as error:
                raise SettingsError(translate("settings_problems", "could not save settings to {path}: {problem}").format(
                    path=self.path, problem=os_problem(error))) from error
        if running is new_file:
            self._seen = written
            if hand_edited:
                self._unreported = problems
        before = self._settings
        self._file = running
        self._overrides = remaining_overrides
        return self._apply_effective(before)

    def _on_disk(self) -> _OnDisk:
        """The file now; SettingsError naming the file and the line if it may not be saved over."""
        try:
            data = _read_bytes(self.path)
        except OSError as error:
            raise UnsavableSettingsFile(translate("settings_problems", "{path}: could not read it ({problem}), so deskbreak "
                                          "will not save over it").format(path=self.path, problem=os_problem(error)))
        try:
            table = {} if data is None else parse_toml_bytes(data)
        except ValueError as error:
            raise UnsavableSettingsFile(translate("settings_problems", "{path}: {problem}; deskbreak will not save over it: "
                                          "fix that line, or remove the file, and try again").format(
                path=self.path, problem=error)) from None
        return _OnDisk(data, table)

    def _file_text(self, disk: _OnDisk, new_file: Settings, values: Mapping[str, Any]) -> str:
        """The file with what this save changes: the keys set, and the partners they settle."""
        if disk.data is None:
            return settings_file_text(new_file)  # a new file holds every setting, for the user to see
        keys = set(values) | self._partners_to_settle(disk.table, new_file, values)
        legacy = legacy_runs_to_migrate(disk.table)
        if legacy:
            keys.add("runs")
        changes = {key: SETTING_BY_KEY[key].write(getattr(new_file, key)) for key in keys}
        ordered = {setting.key: changes[setting.key] for setting in SETTINGS if setting.key in changes}
        return edited_settings_text(self.path, disk.data.decode("utf-8-sig"), ordered, remove=legacy)

    @staticmethod
    def _partners_to_settle(table: Mapping[str, Any], new_file: Settings, values: Mapping[str, Any]) -> set[str]:
        """Keys of a rule the change touches whose file value would no longer be what runs.

        Setting one key of a clashing pair (work_start after work_end) settles
        the pair, so the file then says what the app runs with. A partner's
        invalid text stays: it is no part of the clash, and still the user's to fix.
        """
        partners = set()
        for rule in CROSS_CHECKS:
            if not set(values) & set(rule.keys):
                continue
            for key in rule.keys:
                setting = SETTING_BY_KEY[key]
                if key not in table:
                    written = setting.default_value
                elif setting.accepts(table[key]):
                    written = setting.parse(table[key])
                else:
                    continue
                if written != getattr(new_file, key):
                    partners.add(key)
        return partners

    def _clash_with_overrides(self, error: SettingsError) -> str:
        return translate("settings_problems", "{path}: {problem} with this run's command-line {overrides}; "
                         "keeping the last good settings").format(path=self.path, problem=error,
                                                                  overrides=", ".join(self._overrides))

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
        raise unknown_setting_error(key)
    return setting


def _read_bytes(path: Path) -> bytes | None:
    """The file's bytes; None when there is no file (OSError for one that cannot be read)."""
    try:
        return read_toml_bytes(path)
    except FileNotFoundError:
        return None
