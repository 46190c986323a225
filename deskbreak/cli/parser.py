"""The ``deskbreak`` command line's arguments: global options, commands, and their checks.

Global options choose an isolated profile (``--config-dir``, ``--data-dir``)
and override settings for one run without saving them (``--sit-interval
20s``, ``--set prelude=5s``). The control verbs' subcommands are generated
from the protocol table (:mod:`deskbreak.core.protocol`), with the checks
the running app applies. Bad arguments exit with status 2 and a one-line reason.

:func:`parse_arguments` reads ``deskbreak [OPTIONS]``, the tray app's own
launch at every login, with the global options alone: the protocol, the
settings table and the parsers of twenty commands load only for a command
line that names one (or asks for help), not while the user waits for the
tray icon.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from deskbreak import __version__
from deskbreak.core.clock import SystemClock
from deskbreak.core.i18n import translate
from deskbreak.core.profile import Profile, default_config_dir, default_data_dir

if TYPE_CHECKING:
    from deskbreak.core.protocol import Argument, Verb

EXIT_USAGE = 2


class UsageParser(argparse.ArgumentParser):
    """argparse that reports a bad argument on one line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _override(text: str) -> tuple[str, str]:
    from deskbreak.core.settings import SETTING_BY_KEY, unknown_setting_text  # noqa: PLC0415  (see module doc)

    key, sep, value = text.partition("=")
    key = key.strip().replace("-", "_")
    if not sep:
        raise argparse.ArgumentTypeError(translate("cli", "'{text}' should be KEY=VALUE, e.g. prelude=5s").format(text=text))
    if key not in SETTING_BY_KEY:
        raise argparse.ArgumentTypeError(unknown_setting_text(key))
    return key, value.strip()


def _setting_key(text: str) -> str:
    from deskbreak.core.settings import SETTING_BY_KEY, likely_key, unknown_setting_text  # noqa: PLC0415

    key = text.strip().replace("-", "_")
    if key not in SETTING_BY_KEY:
        raise argparse.ArgumentTypeError(unknown_setting_text(text) if likely_key(text) else translate(
            "cli", "unknown setting '{key}'; `deskbreak config list` shows them all").format(key=text))
    return key


def _whole_days(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 366:
        raise argparse.ArgumentTypeError(translate("cli", "'{text}' is not a number of days from 1 to 366").format(text=text))
    return int(text)


def _frame_count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 200:
        raise argparse.ArgumentTypeError(translate("cli", "'{text}' is not a number of frames from 1 to 200").format(text=text))
    return int(text)


# No history holds a break from before this: refused, rather than searched for nothing.
EARLIEST_DATE = date(1970, 1, 1)


def _since_date(text: str) -> date:
    """``--since`` of `history` and `stats`: "today", "yesterday" or an ISO date, none in the future."""
    today = SystemClock().now().date()
    words = {"today": today, "yesterday": today - timedelta(days=1)}
    try:
        day = words.get(text.strip().lower()) or date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(translate(
            "cli", "'{text}' is not a date; write it like {example}, or today or yesterday").format(
                text=text, example=today.isoformat())) from None
    if day < EARLIEST_DATE:
        raise argparse.ArgumentTypeError(translate(
            "cli", "'{text}': dates before 1970 are not in any history").format(text=text))
    if day > today:
        raise argparse.ArgumentTypeError(translate(
            "cli", "'{text}' is in the future; the history ends today").format(text=text))
    return day


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line: ``command`` is None for the tray app (no command named)."""
    app_only = UsageParser(prog="deskbreak", add_help=False)  # -h goes on to the whole parser below
    add_global_options(app_only)
    args, rest = app_only.parse_known_args(argv)
    if not rest:
        args.command = None
        return args
    return build_parser().parse_args(argv)


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """``--version``, the profile's folders and this run's settings: what comes before a command."""
    parser.add_argument("--version", action="version", version=f"deskbreak {__version__}")
    parser.add_argument(
        "--config-dir", type=Path, metavar="DIR",
        help=translate("cli", "where settings.toml lives (default: $DESKBREAK_CONFIG_DIR or the user config dir)"),
    )
    parser.add_argument(
        "--data-dir", type=Path, metavar="DIR",
        help=translate("cli", "where the history database lives (default: $DESKBREAK_DATA_DIR or the user data dir)"),
    )
    parser.add_argument(
        "--sit-interval", metavar="DURATION",
        help=translate("cli", "time between sit-breaks for this run only, e.g. 20s, 45m (not saved)"),
    )
    parser.add_argument(
        "--prelude", metavar="DURATION",
        help=translate("cli", "notice before each break for this run only, e.g. 5s (not saved)"),
    )
    parser.add_argument(
        "--set", dest="overrides", metavar="KEY=VALUE", type=_override, action="append", default=[],
        help=translate("cli", "override any setting for this run only (repeatable)"),
    )


def build_parser() -> argparse.ArgumentParser:
    """Every command's parser, with the global options before them."""
    from deskbreak.core.protocol import SUBCOMMANDS  # noqa: PLC0415  (see module doc)

    parser = UsageParser(
        prog="deskbreak",
        description=translate("cli", "Guided sit-breaks and pre-run glute activation, from the system tray."),
    )
    add_global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=UsageParser)
    commands.add_parser("run", help=translate("cli", "start the tray app (the default)"))

    catalog = commands.add_parser("catalog", help=translate("cli", "show every exercise and routine with its source"))
    catalog.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    catalog.add_argument("--render", type=Path, metavar="DIR",
                         help=translate("cli", "write one PNG per exercise into DIR"))
    catalog.add_argument("--frames", type=_frame_count, default=None, metavar="N", help=translate(
        "cli", "with --render: N frames from start to hold per exercise and side, and a contact sheet each"))
    catalog.add_argument("--poses-json", action="store_true", help=translate(
        "cli", "every exercise's joints in metres at moments from start to hold, and its props"))

    routine = commands.add_parser("routine", help=translate(
        "cli", "the routines, and what a routine plays, second by second"))
    routine_verbs = routine.add_subparsers(dest="routine_verb", metavar="VERB", parser_class=UsageParser,
                                           required=True)
    routine_list = routine_verbs.add_parser("list", help=translate("cli", "every routine with its length"))
    routine_list.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    routine_show = routine_verbs.add_parser("show", help=translate("cli", "a routine's segments as the guide plays them"))
    routine_show.add_argument("routine_id", metavar="ID")
    routine_show.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    routine_show.add_argument("--break", dest="break_number", type=int, default=1, metavar="N",
                              help=translate("cli", "for a rotating sit-break: the N-th break of the day (default 1)"))

    runs = commands.add_parser("runs", help=translate("cli", "your runs of the next days (weekly and from the calendar)"))
    runs.add_argument("--days", type=_whole_days, default=7, metavar="N", help=translate("cli", "how many days ahead (default 7)"))
    runs.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))

    history = commands.add_parser("history", help=translate("cli", "show the breaks you took"))
    form = history.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help=translate("cli", "JSON output"))
    form.add_argument("--csv", action="store_true", help=translate("cli", "CSV output"))
    form.add_argument("--import", dest="import_file", type=Path, metavar="FILE.csv",
                      help=translate("cli", "add the breaks of a CSV file another deskbreak exported "
                                            "(none twice; nothing if a row is bad)"))
    history.add_argument("--skip-bad-rows", action="store_true",
                         help=translate("cli", "with --import: import the good rows, list the bad ones"))
    history.add_argument("--since", type=_since_date, metavar="DATE",
                         help=translate("cli", "only breaks from DATE on (2026-11-20, today, yesterday)"))

    stats = commands.add_parser("stats", help=translate("cli", "your breaks in figures: days, streak, muscle groups"))
    stats.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    period = stats.add_mutually_exclusive_group()
    period.add_argument("--week", dest="period", action="store_const", const="week",
                        help=translate("cli", "this week, Monday to today (the default)"))
    period.add_argument("--month", dest="period", action="store_const", const="month",
                        help=translate("cli", "this calendar month to today"))
    period.add_argument("--since", type=_since_date, metavar="DATE",
                        help=translate("cli", "from DATE to today (2026-11-20, today, yesterday)"))

    commands.add_parser("settings", help=translate("cli", "open the settings dialog (starts deskbreak if needed)"))
    config = commands.add_parser("config", help=translate("cli", "read or change settings from the command line"))
    config_verbs = config.add_subparsers(dest="config_verb", metavar="VERB", parser_class=UsageParser,
                                         required=True)
    config_list = config_verbs.add_parser("list", help=translate("cli", "every setting and its value"))
    config_list.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    config_get = config_verbs.add_parser("get", help=translate("cli", "one setting's value"))
    config_get.add_argument("key", type=_setting_key)
    config_set = config_verbs.add_parser("set", help=translate("cli", "change a setting (live when deskbreak runs)"),
                                         usage="%(prog)s [-h] key value")
    config_set.add_argument("key", type=_setting_key)
    # Everything after the key, so a value such as "-5m" is the value (and gets the setting's
    # own message) rather than an unknown option; _config_value takes exactly one.
    config_set.add_argument("value", nargs=argparse.REMAINDER,
                            help=translate("cli", "as in settings.toml, e.g. 45m, true, \"mon, tue\", \"tue 18:00\""))
    config_reset = config_verbs.add_parser("reset", help=translate("cli", "put a setting back to its default"))
    config_reset.add_argument("key", type=_setting_key)

    desktop = commands.add_parser("desktop", help=translate(
        "cli", "put deskbreak in the application menu, with its icons, or take it out"))
    desktop_verbs = desktop.add_subparsers(dest="desktop_verb", metavar="VERB", parser_class=UsageParser,
                                           required=True)
    desktop_verbs.add_parser("install", help=translate(
        "cli", "add the menu entry, icons and metainfo, starting the deskbreak you run this with"))
    desktop_verbs.add_parser("uninstall", help=translate("cli", "remove exactly what install added"))

    # Control verbs talk to the running app of this profile; core/protocol.py declares them.
    for verb in SUBCOMMANDS:
        _add_control_subcommand(commands, verb)
    return parser


def _add_control_subcommand(commands: argparse._SubParsersAction, verb: Verb) -> None:
    """``deskbreak VERB [ARGUMENTS]``: its arguments, help and checks as the protocol declares them."""
    parser = commands.add_parser(verb.name, help=translate("cli", verb.help))
    if verb.json_output:
        parser.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    for argument in verb.arguments:
        names = [f"--{argument.name}"] if argument.option else [argument.name]
        shape = {} if argument.option or argument.required else {"nargs": "?"}
        parser.add_argument(*names, **shape, default=None if argument.required else argument.default,
                            # argparse says what the choices are; a free value gets the protocol's check.
                            choices=argument.choices or None,
                            type=None if argument.choices else _checked_by(argument),
                            help=translate("cli", argument.help) if argument.help else None)


def _checked_by(argument: Argument):
    """An argparse type that checks a value as the running app will, and keeps the text to send."""
    from deskbreak.core.commands import CommandError  # noqa: PLC0415

    def check(text: str) -> str:
        try:
            argument.check(text)
        except CommandError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
        return text
    return check


def make_profile(args: argparse.Namespace) -> Profile:
    overrides = dict(args.overrides)
    if args.sit_interval is not None:
        overrides["sit_interval"] = args.sit_interval
    if args.prelude is not None:
        overrides["prelude"] = args.prelude
    return Profile(
        config_dir=args.config_dir or default_config_dir(),
        data_dir=args.data_dir or default_data_dir(),
        overrides=overrides,
    )

