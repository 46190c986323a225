"""Where one deskbreak profile keeps its files, and its one-run overrides.

A profile is a config folder (settings, the user's routines and exercises) and a data
folder (history, caches). Tests, the desktop tier and careful users run
isolated profiles with ``--config-dir``/``--data-dir`` or the
``DESKBREAK_*_DIR`` variables; everyone else gets the platform's per-user
folders. The command line, the app and the control socket all ask this module,
so they cannot disagree about which files belong to which running instance.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import platformdirs

APP_NAME = "deskbreak"
SETTINGS_FILE_NAME = "settings.toml"
ROUTINES_FILE_NAME = "routines.toml"
EXERCISES_FILE_NAME = "exercises.toml"
HISTORY_FILE_NAME = "history.sqlite3"
CONFIG_DIR_ENV = "DESKBREAK_CONFIG_DIR"
DATA_DIR_ENV = "DESKBREAK_DATA_DIR"


def _directory(env_name: str, platform_default: Callable[..., str]) -> Path:
    override = os.environ.get(env_name)
    if override:
        return Path(override).expanduser()
    return Path(platform_default(APP_NAME, appauthor=False))


def default_config_dir() -> Path:
    """$DESKBREAK_CONFIG_DIR, or the platform's per-user config folder."""
    return _directory(CONFIG_DIR_ENV, platformdirs.user_config_dir)


def default_data_dir() -> Path:
    """$DESKBREAK_DATA_DIR, or the platform's per-user data folder."""
    return _directory(DATA_DIR_ENV, platformdirs.user_data_dir)


@dataclass
class Profile:
    """Where this run keeps its settings and history, and its one-run overrides.

    ``overrides`` are file-form values (``{"sit_interval": "20s"}``) that hold
    for this run only; the settings store applies them on top of the file and
    never writes them back.
    """

    config_dir: Path = field(default_factory=default_config_dir)
    data_dir: Path = field(default_factory=default_data_dir)
    overrides: dict[str, str] = field(default_factory=dict)

    @property
    def settings_path(self) -> Path:
        return self.config_dir / SETTINGS_FILE_NAME

    @property
    def routines_path(self) -> Path:
        return self.config_dir / ROUTINES_FILE_NAME

    @property
    def exercises_path(self) -> Path:
        return self.config_dir / EXERCISES_FILE_NAME

    @property
    def history_path(self) -> Path:
        return self.data_dir / HISTORY_FILE_NAME

    def command_line_options(self) -> list[str]:
        """The options that start deskbreak again on this profile (for the login entry).

        Folders chosen by option or variable are written out; one-run
        overrides are not, since they were meant for this run only.
        """
        options: list[str] = []
        if self.config_dir != default_config_dir():
            options += ["--config-dir", str(self.config_dir.resolve())]
        if self.data_dir != default_data_dir():
            options += ["--data-dir", str(self.data_dir.resolve())]
        return options
