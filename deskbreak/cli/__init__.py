"""The ``deskbreak`` command line (``deskbreak.cli:main``).

``deskbreak`` (or ``deskbreak run``) starts the tray app; ``catalog``,
``routine``, ``runs``, ``history`` and ``stats`` print what the app knows;
``config`` reads and changes settings; ``desktop`` puts deskbreak in the
application menu; the control verbs talk to the running app. :func:`main`
parses (:mod:`.parser`) and hands each command to its module:
:mod:`.config`, :mod:`.catalog` (catalog and routines), :mod:`.runs`,
:mod:`.history` (history and statistics), :mod:`.desktop`, :mod:`.control`
(the protocol's verbs). Each command imports what it needs when it runs:
``deskbreak`` itself (the tray app) starts without the catalog, the history
or the statistics, and no command but ``run``, ``settings`` and ``catalog
--render`` loads a window.
"""

from __future__ import annotations

import os
import sys
from typing import Sequence

from deskbreak.cli.parser import build_parser, make_profile, parse_arguments

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    from deskbreak.shell.translation import install_translations

    # Before the parser: its help texts are translated as it is built.
    install_translations()
    args = parse_arguments(argv)
    profile = make_profile(args)
    if profile.overrides:
        from deskbreak.core.settings import SETTING_BY_KEY, SettingsError

        try:
            # Each value alone; how they fit the file's other values is checked when the file is read.
            for key, value in profile.overrides.items():
                SETTING_BY_KEY[key].parse(value)
        except SettingsError as exc:
            build_parser().error(str(exc))
    command = args.command or "run"
    if command == "run":
        from deskbreak.ui.startup import run_app  # Qt loads only for the app itself

        return run_app(profile)
    from deskbreak.cli import catalog, config, control, desktop, history, runs
    from deskbreak.core.content.catalog import CatalogError
    from deskbreak.core.history import HistoryError
    from deskbreak.core.protocol import VERB_BY_NAME

    try:
        if command == "settings":
            return config.settings_command(profile)
        if command == "config":
            return config.config_command(args, profile)
        if command == "catalog":
            return catalog.catalog_command(args, profile)
        if command == "routine":
            return catalog.routine_command(args, profile)
        if command == "runs":
            return runs.runs_command(args, profile)
        if command == "history":
            return history.history_command(args, profile)
        if command == "stats":
            return history.stats_command(args, profile)
        if command == "desktop":
            return desktop.desktop_command(args, profile)
        if command in VERB_BY_NAME:
            return control.control_command(VERB_BY_NAME[command], args, profile)
    except (CatalogError, HistoryError) as exc:
        print(f"deskbreak: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `deskbreak catalog | head` closed the pipe: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    raise AssertionError(command)
