"""The ``deskbreak`` command line.

``deskbreak`` (or ``deskbreak run``) starts the tray app; ``catalog``,
``history`` and ``stats`` print what the app knows. Global options choose an isolated
profile (``--config-dir``, ``--data-dir``) and override settings for one run
without saving them (``--sit-interval 20s``, ``--set prelude=5s``).
Bad arguments exit with status 2 and a one-line reason.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import textwrap
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from deskbreak import __version__
from deskbreak.core.clock import SystemClock
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, Context, translate
from deskbreak.core.commands import CommandError
from deskbreak.core.kinds import NATURAL_BREAK_KIND
from deskbreak.core.profile import Profile, default_config_dir, default_data_dir
from deskbreak.core.protocol import CAUSE_FILE, CAUSE_OTHER_FILE, SUBCOMMANDS, VERB_BY_NAME, Argument, Verb
from deskbreak.core.settings import (
    SETTING_BY_KEY,
    SETTINGS,
    SettingsError,
    likely_key,
    unknown_setting_text,
)

# The catalog, the history and the statistics are imported by the commands
# that use them: `deskbreak` itself (the tray app) starts without them.
if TYPE_CHECKING:
    from deskbreak.core.catalog import Catalog
    from deskbreak.core.history import BreakRecord
    from deskbreak.core.stats import StatsReport

EXIT_USAGE = 2

cli = Context("cli")  # for plurals: lupdate reads the context from this name


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument on one line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _override(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    key = key.strip().replace("-", "_")
    if not sep:
        raise argparse.ArgumentTypeError(translate("cli", "'{text}' should be KEY=VALUE, e.g. prelude=5s").format(text=text))
    if key not in SETTING_BY_KEY:
        raise argparse.ArgumentTypeError(unknown_setting_text(key))
    return key, value.strip()


def _setting_key(text: str) -> str:
    key = text.strip().replace("-", "_")
    if key not in SETTING_BY_KEY:
        raise argparse.ArgumentTypeError(unknown_setting_text(text) if likely_key(text) else translate(
            "cli", "unknown setting '{key}'; `deskbreak config list` shows them all").format(key=text))
    return key


def _whole_days(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 366:
        raise argparse.ArgumentTypeError(translate("cli", "'{text}' is not a number of days from 1 to 366").format(text=text))
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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="deskbreak",
        description=translate("cli", "Guided sit-breaks and pre-run glute activation, from the system tray."),
    )
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("run", help=translate("cli", "start the tray app (the default)"))

    catalog = commands.add_parser("catalog", help=translate("cli", "show every exercise and routine with its source"))
    catalog.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    catalog.add_argument("--render", type=Path, metavar="DIR",
                         help=translate("cli", "write one PNG per exercise into DIR"))

    routine = commands.add_parser("routine", help=translate(
        "cli", "the routines, and what a routine plays, second by second"))
    routine_verbs = routine.add_subparsers(dest="routine_verb", metavar="VERB", parser_class=_Parser,
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
    config_verbs = config.add_subparsers(dest="config_verb", metavar="VERB", parser_class=_Parser,
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


def main(argv: Sequence[str] | None = None) -> int:
    from deskbreak.shell.translation import install_translations

    # Before the parser: its help texts are translated as it is built.
    install_translations()
    parser = build_parser()
    args = parser.parse_args(argv)
    profile = make_profile(args)
    try:
        # Each value alone; how they fit the file's other values is checked when the file is read.
        for key, value in profile.overrides.items():
            SETTING_BY_KEY[key].parse(value)
    except SettingsError as exc:
        parser.error(str(exc))
    command = args.command or "run"
    if command == "run":
        from deskbreak.ui.startup import run_app  # Qt loads only for the app itself

        return run_app(profile)
    from deskbreak.core.catalog import CatalogError
    from deskbreak.core.history import HistoryError

    try:
        if command == "settings":
            return _settings(profile)
        if command == "config":
            return _config(args, profile)
        if command == "catalog":
            return _catalog(args)
        if command == "routine":
            return _routine(args, profile)
        if command == "runs":
            return _runs(args, profile)
        if command == "history":
            return _history(args, profile)
        if command == "stats":
            return _stats(args, profile)
        if command in VERB_BY_NAME:
            return _control(VERB_BY_NAME[command], args, profile)
    except (CatalogError, HistoryError) as exc:
        print(f"deskbreak: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `deskbreak catalog | head` closed the pipe: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    raise AssertionError(command)


# -- control verbs -------------------------------------------------------------


def _control(verb: Verb, args: argparse.Namespace, profile: Profile) -> int:
    reply = _ask_running_app(profile, verb.name, **{a.name: getattr(args, a.name) for a in verb.arguments})
    if reply is None:
        print(translate("cli", "deskbreak is not running (for this profile)."), file=sys.stderr)
        return 1
    if not reply.get("ok"):
        failed = translate("cli", "the command failed")
        print(f"deskbreak: {reply.get('error', failed)}", file=sys.stderr)
        return 1
    if verb.json_output and args.json:
        json.dump({k: v for k, v in reply.items() if k != "ok"}, sys.stdout, indent=2)
        print()
        return 0
    print(reply.get("text", "ok") if verb.name != "quit" else translate("cli", "deskbreak is quitting."))
    return 0


def _ask_running_app(profile: Profile, command: str, **arguments) -> dict | None:
    """Send one command to this profile's running deskbreak; None when none runs."""
    from PySide6.QtCore import QCoreApplication

    from deskbreak.shell.instance import send_command, server_name

    _app = QCoreApplication.instance() or QCoreApplication([])
    try:
        name = server_name(profile.data_dir)
    except OSError as exc:  # InstanceError: no private folder, so nothing can be listening
        print(f"deskbreak: {exc}", file=sys.stderr)
        return None
    return send_command(name, command, **arguments)


# -- settings ------------------------------------------------------------------


def _settings(profile: Profile) -> int:
    # run_app asks a running deskbreak to open its dialog, or becomes that deskbreak.
    from deskbreak.ui.startup import run_app

    return run_app(profile, open_settings=True)


def _config_value(args: argparse.Namespace) -> str:
    """The one value of `config set KEY VALUE`; exits 2 for none or several."""
    values = args.value[1:] if args.value[:1] == ["--"] else args.value
    if len(values) == 1:
        return values[0]
    setting = SETTING_BY_KEY[args.key]
    if values:
        problem = translate("cli", "{key} takes one value, not {count}: {values}; quote a value with spaces").format(
            key=args.key, count=len(values), values=" ".join(repr(value) for value in values))
    else:
        problem = translate("cli", "give the value to set {key} to, e.g. `deskbreak config set {key} {example}`").format(
            key=args.key, example=shlex.quote(setting.describe(setting.default)))
    _Parser(prog="deskbreak config set").error(problem)
    raise AssertionError("unreachable: error() exits")


def _config(args: argparse.Namespace, profile: Profile) -> int:
    """`config list|get|set|reset`: the profile's saved settings (never one-run overrides)."""
    from deskbreak.core.settings_store import SettingsStore

    if args.config_verb in ("set", "reset"):
        return _change_setting(args, profile)
    # Only looking never renames a broken file.
    store, problems = SettingsStore.load(profile.settings_path, SystemClock().now(), move_broken=False)
    for line in problems:
        print(f"deskbreak: {line}", file=sys.stderr)
    if args.config_verb == "get":
        print(store.setting_text(args.key))
        return 0
    if args.json:
        json.dump({s.key: store.file_form(s.key) for s in SETTINGS}, sys.stdout, indent=2)
        print()
    else:
        texts = {s.key: store.setting_text(s.key) for s in SETTINGS}
        key_width, value_width = max(map(len, texts)), max(map(len, texts.values()))
        for setting in SETTINGS:
            print(f"{setting.key:<{key_width}}  {texts[setting.key]:<{value_width}}  {setting.label_text}")
    return 0


def _change_setting(args: argparse.Namespace, profile: Profile) -> int:
    """`config set|reset`: one request to the running deskbreak, whose store checks, saves and applies it;
    with none running, the same store here. Either way the value is checked once, by the store."""
    verb = args.config_verb
    request = {"key": args.key, "settings_file": str(profile.settings_path)}
    if verb == "set":
        request["value"] = _config_value(args)
    reply = _ask_running_app(profile, f"config-{verb}", **request) if _instance_may_run(profile) else None
    if reply is None:
        return _change_setting_here(profile, request)
    if reply.get("ok"):
        print(translate("cli", "{key} = {value} (applied to the running deskbreak, saved)").format(
            key=args.key, value=reply.get("value")))
        return 0
    if reply.get("cause") == CAUSE_OTHER_FILE:
        print(translate("cli", "deskbreak: the deskbreak running on {data_dir} reads {running}, not {path}; "
                               "use the same --config-dir, or quit it first").format(
            data_dir=profile.data_dir, running=reply.get("settings_file"), path=profile.settings_path),
            file=sys.stderr)
        return EXIT_USAGE
    refused = translate("cli", "the change was refused")
    print(f"deskbreak: {reply.get('error', refused)}", file=sys.stderr)
    # A file that cannot be saved over is no fault of the command line's.
    return 1 if reply.get("cause") == CAUSE_FILE else EXIT_USAGE


def _change_setting_here(profile: Profile, request: dict) -> int:
    """No deskbreak runs: this process changes the file, with the store the app uses."""
    from deskbreak.core.settings_store import SettingsStore, UnsavableSettingsFile

    key = request["key"]
    store, problems = SettingsStore.load(profile.settings_path, SystemClock().now(), move_broken=False)
    try:
        store.set(key, request["value"]) if "value" in request else store.reset([key])
    except UnsavableSettingsFile as exc:
        # Said instead of the load's "using the defaults": nothing is used, nothing is saved.
        print(f"deskbreak: {exc}", file=sys.stderr)
        return 1
    except SettingsError as exc:
        problems.append(str(exc))
        failed = True
    else:
        failed = False
    for line in problems:
        print(f"deskbreak: {line}", file=sys.stderr)
    if failed:
        return EXIT_USAGE
    print(translate("cli", "{key} = {value} (saved to {path})").format(
        key=key, value=store.setting_text(key), path=store.path))
    if key == "autostart":
        return _apply_autostart(profile, store.settings.autostart)
    return 0


def _apply_autostart(profile: Profile, enabled: bool) -> int:
    """With no deskbreak running, the login entry follows the setting here and now."""
    from deskbreak.adapters.autostart import detect_autostart, follow_autostart_setting, launch_command

    autostart = detect_autostart(launch_command() + profile.command_line_options())
    if not follow_autostart_setting(autostart, enabled, lambda title, problem: print(
            f"deskbreak: {problem}", file=sys.stderr)):
        return 1
    if autostart.available():
        text = (translate("cli", "start at login: written {location}") if enabled
                else translate("cli", "start at login: removed {location}"))
        print(text.format(location=autostart.location))
    return 0


# -- runs ----------------------------------------------------------------------


def _runs(args: argparse.Namespace, profile: Profile) -> int:
    """`runs`: from the running deskbreak when there is one (it knows "No run today"), else read here."""
    from deskbreak.core.calendar import CalendarError  # icalendar loads only for this verb

    reply = _ask_running_app(profile, "runs", days=args.days) if _instance_may_run(profile) else None
    if reply is not None and reply.get("ok"):
        runs = reply["runs"]
    else:
        try:
            runs = _runs_offline(profile, args.days)
        except CalendarError as exc:
            print(f"deskbreak: {exc}", file=sys.stderr)
            return 1
    if args.json:
        json.dump(runs, sys.stdout, indent=2)
        print()
        return 0
    if not runs:
        print(cli.tr("No runs in the next %n days.", None, args.days))
    for run in runs:
        start = datetime.fromisoformat(run["start"])
        flags = translate("cli", " (skipped: no run today)") if run["skipped"] else ""
        print(f"{_run_start_text(start)}  {run['source']:<8}  {run['summary']}{flags}")
    return 0


def _run_start_text(start: datetime) -> str:
    """ "Tue 03 Dec 18:00": the weekday in words, the rest as the translation orders it (strftime codes)."""
    from deskbreak.core.describe import weekday_name

    pattern = translate("cli", "{weekday} %d %b %H:%M", "a run's start: strftime codes after the weekday")
    # The weekday's words go in after strftime: a "%" in them must not read as a code.
    return start.strftime(pattern.replace("{weekday}", "\ue000")).replace("\ue000", weekday_name(start.date()))


def _instance_may_run(profile: Profile) -> bool:
    # Asking needs Qt; a profile whose data folder does not exist has no deskbreak running.
    return profile.data_dir.exists()


def _runs_offline(profile: Profile, days: int) -> list[dict]:
    from deskbreak.core.calendar import DEFAULT_RUN_KEYWORDS, read_calendar
    from deskbreak.core.runs import Run, RunPlan, calendar_runs, runs_report
    from deskbreak.core.settings import load_settings

    now = SystemClock().now()
    settings = load_settings(profile.settings_path, now, move_broken=False).settings
    from_calendar: tuple[Run, ...] = ()
    if settings.calendar_file:
        # Bounded whatever the file is (core/calendar.py): a FIFO, a device or a
        # hostile file is one clear line, never a hang or the memory.
        end = now + timedelta(days=days)
        read = read_calendar(Path(settings.calendar_file).expanduser(), start=now, end=end, local_tz=now.tzinfo,
                             run_keywords=DEFAULT_RUN_KEYWORDS + settings.run_keywords,
                             all_day_run_time=settings.all_day_run_time)
        for line in read.problems:
            print(f"deskbreak: {line}", file=sys.stderr)
        from_calendar = calendar_runs(read, now, end)
    return runs_report(RunPlan(settings.runs, from_calendar), now, days, settings.prerun_lead)


# -- routines ------------------------------------------------------------------


def _profile_catalog(profile: Profile) -> Catalog:
    """The catalog with this profile's routines (routines.toml), as the app plays them; problems on stderr."""
    from deskbreak.core.catalog import load_catalog
    from deskbreak.core.user_routines import load_user_routines

    loaded = load_user_routines(profile.routines_path, load_catalog())
    for line in loaded.problems:
        print(f"deskbreak: {line}", file=sys.stderr)
    return loaded.catalog


def _routine(args: argparse.Namespace, profile: Profile) -> int:
    """`routine list|show`: this profile's routines (routines.toml) with its settings' pacing."""
    from deskbreak.core.describe import exact_duration
    from deskbreak.core.settings import load_settings
    from deskbreak.core.timeline import routine_seconds, routine_timeline

    catalog = _profile_catalog(profile)
    settings = load_settings(profile.settings_path, SystemClock().now(), move_broken=False).settings
    if args.routine_verb == "list":
        # A rotating sit-break differs from break to break: give the range.
        rows = []
        for r in catalog.routines.values():
            lengths = [round(routine_seconds(catalog, r, settings, n)) for n in range(max(1, len(r.rotation)))]
            rows.append({"id": r.id, "name": r.name, "kind": r.kind, "total_s": lengths[0],
                         "shortest_s": min(lengths), "longest_s": max(lengths)})
        if args.json:
            json.dump(rows, sys.stdout, indent=2)
            print()
        else:
            width = max(len(row["id"]) for row in rows)
            for row in rows:
                length = exact_duration(row["total_s"]) if row["shortest_s"] == row["longest_s"] else (
                    translate("cli", "{shortest} to {longest}").format(
                        shortest=exact_duration(row["shortest_s"]), longest=exact_duration(row["longest_s"])))
                print(f"{row['id']:<{width}}  {length:>24}  {translate('catalog', row['name'])}")
        return 0
    routine = catalog.routines.get(args.routine_id)
    if routine is None:
        print(translate("cli", "deskbreak: no routine '{routine}'; `deskbreak routine list` shows them").format(
            routine=args.routine_id), file=sys.stderr)
        return EXIT_USAGE
    if args.break_number < 1:
        print(translate("cli", "deskbreak: --break counts from 1"), file=sys.stderr)
        return EXIT_USAGE
    timeline = routine_timeline(catalog, routine, settings, args.break_number - 1)
    if args.json:
        json.dump(timeline, sys.stdout, indent=2)
        print()
        return 0
    modes = [translate("cli", "hold length {length}").format(length=settings.hold_length)]
    modes += [translate("cli", "sore-back mode")] if settings.sore_back else []
    which = translate("cli", ", break {number} of the rotation").format(
        number=args.break_number) if routine.rotation else ""
    print(f"{translate('catalog', routine.name)} [{routine.id}]{which}: {exact_duration(timeline['total_s'])} "
          f"({', '.join(modes)})")
    at = 0.0
    for segment in timeline["segments"]:
        detail = ", ".join(part for part in (
            segment["side"] and _side_words(segment["side"]),
            segment["rep"] and translate("cli", "rep {rep}").format(rep=segment["rep"])) if part)
        name = translate("catalog", catalog.exercise(segment["exercise"]).name)
        print(f"  {int(at) // 60:>3}:{int(at) % 60:02d}  {segment['kind']:<8} "
              f"{exact_duration(segment['seconds']):>9}  {name}{f' ({detail})' if detail else ''}")
        at += segment["seconds"]
    return 0


def _side_words(side: str) -> str:
    """ "right side" (the guide's words for it); a side this version does not know, as the timeline has it."""
    if side == "right":
        return translate("guide", "right side")
    if side == "left":
        return translate("guide", "left side")
    return f"{side} side"


# -- catalog -------------------------------------------------------------------


def _catalog(args: argparse.Namespace) -> int:
    from deskbreak.core.catalog import load_catalog

    catalog = load_catalog()
    if args.render is not None:
        from deskbreak.ui.render import render_catalog  # Qt only when rendering

        try:
            for path in render_catalog(catalog, args.render):
                print(path)
        except OSError as exc:
            print(translate("cli", "deskbreak: cannot write pictures to {folder}: {problem}").format(
                folder=args.render, problem=exc.strerror or exc), file=sys.stderr)
            return 1
        return 0
    if args.json:
        json.dump(catalog.to_json(), sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print(format_catalog(catalog))
    return 0


def _in_words(identifier: str) -> str:
    """ "hip flexors": a target or piece of equipment, in the user's language when it has words for it."""
    from deskbreak.core.catalog import WORDS, words

    english = identifier.replace("_", " ")
    shown = words(identifier)
    return english if shown == WORDS.get(identifier, english) else shown


def format_catalog(catalog: Catalog) -> str:
    from deskbreak.core.catalog import place_words

    wrap = textwrap.TextWrapper(width=100, initial_indent="    ", subsequent_indent="      ")
    lines = [translate("cli", "EXERCISES ({count})").format(count=len(catalog.exercises)), ""]
    for ex in catalog.exercises.values():
        where = place_words(ex.place)
        if ex.equipment:
            where += " (" + ", ".join(_in_words(e) for e in ex.equipment) + ")"
        lines.append(f"{translate('catalog', ex.name)}  [{ex.id}]")
        lines.append("    " + translate("cli", "works: {targets}; {where}").format(
            targets=", ".join(_in_words(t) for t in ex.targets), where=where))
        lines.append("    " + translate("cli", "figures: {figures}").format(figures=ex.figures_text()))
        if ex.suggested.note:
            lines += wrap.wrap(translate("cli", "our pacing: {pacing} ({note})").format(
                pacing=ex.pacing_text(), note=translate("catalog", ex.suggested.note)))
        # The quote stays in the document's own words.
        lines += wrap.wrap(translate("cli", "source: {citation}: \"{quote}\"").format(
            citation=ex.source.citation, quote=ex.source.quote))
        lines.append("")
    lines += [translate("cli", "ROUTINES ({count})").format(count=len(catalog.routines)), ""]
    for routine in catalog.routines.values():
        lines.append(f"{translate('catalog', routine.name)}  [{routine.id}, {routine.kind}]")
        lines.append("    " + " -> ".join(routine.exercises))
        for i, group in enumerate(routine.rotation):
            lines.append("    " + translate("cli", "then, break {number} of {count}: {group}").format(
                number=i + 1, count=len(routine.rotation), group=", ".join(group)))
        lines.append("")
    lines += [translate("cli", "SAFETY"), ""]
    for note in catalog.safety:
        lines += wrap.wrap(f"{translate('catalog', note.text)} ({note.source.citation})")
    return "\n".join(lines)


# -- history -------------------------------------------------------------------

def _read_history(profile: Profile, since: date | None = None) -> list[BreakRecord]:
    """The profile's breaks from midnight local time of ``since`` on, read only; none without a file."""
    from deskbreak.core.history import HistoryStore

    moment = None
    if since is not None:
        # Midnight in today's local offset: what "since Monday" means to the user at the desk.
        moment = datetime.combine(since, time.min, SystemClock().now().tzinfo)
    if not profile.history_path.exists():
        return []
    with HistoryStore.open_readonly(profile.history_path) as store:
        return store.breaks(moment)


def _history(args: argparse.Namespace, profile: Profile) -> int:
    from deskbreak.core.history_csv import export_rows, write_csv

    if args.import_file is not None:
        return _import_history(args.import_file, args.skip_bad_rows, profile)
    records = _read_history(profile, args.since)
    if args.json:
        json.dump(export_rows(records), sys.stdout, indent=2)
        print()
    elif args.csv:
        write_csv(records, sys.stdout)
    else:
        if not records:
            print(translate("cli", "No breaks recorded yet."))
        for record in records:
            when = record.moment.strftime("%Y-%m-%d %H:%M") if record.moment else ""
            outcome = record.outcome or translate("cli", "in progress")
            if record.kind == NATURAL_BREAK_KIND:
                # No routine: what it has is its length, in the note.
                print(f"{when}  {record.kind:<8} {outcome:<10} {record.note}")
                continue
            print(translate("cli", "{when}  {kind:<8} {outcome:<10} {done} of {planned} exercises, "
                                   "{seconds:.0f} s  {routine}").format(
                when=when, kind=record.kind, outcome=outcome,
                done=record.exercises_done, planned=record.exercises_planned,
                seconds=sum(e.seconds for e in record.exercises), routine=record.routine_id or ""))
    return 0


def _import_history(path: Path, skip_bad_rows: bool, profile: Profile) -> int:
    """`history --import FILE`: merge another deskbreak's export, all or nothing unless told otherwise."""
    from deskbreak.core.history import HistoryStore
    from deskbreak.core.history_csv import HistoryImportError, import_csv

    try:
        with HistoryStore(profile.history_path) as store:
            result = import_csv(store, path, skip_bad_rows=skip_bad_rows)
    except KeyboardInterrupt:
        # The import commits a lot at a time (so a running deskbreak can write
        # meanwhile); the lots written stay, and duplicates are never added.
        print(translate("cli", "deskbreak: the import was interrupted; the breaks it wrote are kept, "
                               "and importing {path} again adds the rest").format(path=path), file=sys.stderr)
        return 130
    except HistoryImportError as exc:
        print(f"deskbreak: {exc}", file=sys.stderr)
        if exc.problems != [str(exc)]:  # bad rows, not a file that cannot be read at all
            print(translate("cli", "deskbreak: nothing was imported; --skip-bad-rows imports the good rows "
                                   "and lists the bad ones"), file=sys.stderr)
        return 1
    for problem in result.bad_rows:
        print(translate("cli", "deskbreak: skipped: {problem}").format(problem=problem), file=sys.stderr)
    print(translate("cli", "Imported {added} breaks from {path}; {duplicates} were already in the history, "
                           "{bad} bad rows skipped.").format(
        added=result.added, path=path, duplicates=result.skipped_duplicates, bad=len(result.bad_rows)))
    return 0


# -- stats ---------------------------------------------------------------------

# The table's counted columns: (heading, DayStats / WeekStats attribute). Every end a break can
# come to has its column (stats.ENDED_OUTCOMES), as every one has its part of the window's bars.
STATS_COLUMNS = (
    (QT_TRANSLATE_NOOP("cli", "Prompted"), "prompted"),
    (QT_TRANSLATE_NOOP("cli", "Completed"), "completed"),
    (QT_TRANSLATE_NOOP("cli", "Partial"), "partial"),
    (QT_TRANSLATE_NOOP("cli", "Skipped"), "skipped"),
    (QT_TRANSLATE_NOOP("cli", "Hurt"), "hurt"),
    (QT_TRANSLATE_NOOP("cli", "Missed"), "missed"),
    (QT_TRANSLATE_NOOP("cli", "Postponed"), "postponed"),
    (QT_TRANSLATE_NOOP("cli", "Away"), "natural"),
)
# Longer periods are shown a week to a line: a year of days is no table to read.
MAX_DAY_ROWS = 31


def _stats(args: argparse.Namespace, profile: Profile) -> int:
    """`stats`: the history window's figures for this week, this month or since a date."""
    from deskbreak.core.stats import stats_for
    from deskbreak.core.settings_store import SettingsStore

    now = SystemClock().now()
    today = now.date()
    if args.since is not None:
        first = args.since
    elif args.period == "month":
        first = today.replace(day=1)
    else:
        first = today - timedelta(days=today.weekday())
    try:
        # --set daily_goal=60 answers "what if" for this run, as everywhere else.
        store, problems = SettingsStore.load(profile.settings_path, now, profile.overrides, move_broken=False)
    except SettingsError as exc:
        print(f"deskbreak: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for line in problems:
        print(f"deskbreak: {line}", file=sys.stderr)
    settings = store.settings
    # The user's routines decide which muscle groups a break can work, as in the window.
    catalog = _profile_catalog(profile)
    # All of it: the streak and the neglected muscle groups reach back before the period.
    report = stats_for(_read_history(profile), catalog, settings, first=first, last=today)
    if args.json:
        json.dump(report.to_json(), sys.stdout, indent=2)
        print()
    else:
        print("\n".join(format_stats(report)))
    return 0


def format_stats(report: StatsReport) -> list[str]:
    """The human form of ``deskbreak stats``: the table, the streak, minutes per muscle group, neglect,
    and the rules behind them in the window's words."""
    from deskbreak.core.describe import weekday_name
    from deskbreak.core.stats import GOAL_RULE, MINUTES_RULE, NEGLECT_RULE, taken_text

    by_day = len(report.days) <= MAX_DAY_ROWS
    goal = report.streak.goal
    if by_day:
        labels, goal_heading = (translate("cli", "Date"), translate("cli", "Day")), translate("cli", "Goal")
        rows = [(day.date.isoformat(), weekday_name(day.date), day,
                 _goal_word(day.goal_met(goal))) for day in report.days]
    else:
        labels, goal_heading = (translate("cli", "Week of"), translate("cli", "Week")), ""
        # A week cut by the period starts on its first day in it.
        rows = [(week.days[0].date.isoformat(), str(week.start.isocalendar().week), week, "")
                for week in report.weeks]
    rows.append((translate("cli", "Total"), "", report.total, ""))
    headings = [*labels, *(translate("cli", name) for name, _ in STATS_COLUMNS), translate("cli", "Minutes"),
                translate("cli", "Sit-breaks taken"), goal_heading]
    table = [[label, sublabel, *(str(getattr(period, attribute)) for _, attribute in STATS_COLUMNS),
              f"{period.minutes:.1f}",
              # As in the window: a day without a prompted sit-break is neutral, not "0 of 0" or "2 of 2".
              taken_text(period.sit_taken, period.sit_chances) if period.sit_prompted else "", goal_text]
             for label, sublabel, period, goal_text in rows]
    widths = [max(len(cells[n]) for cells in [headings, *table]) for n in range(len(headings))]

    def line(cells: Sequence[str]) -> str:
        # Labels to the left, figures to the right, as a table of numbers reads.
        return "  ".join(cell.ljust(width) if n < 2 else cell.rjust(width)
                         for n, (cell, width) in enumerate(zip(cells, widths))).rstrip()

    title = translate("cli", "Breaks from {first} to {last}").format(first=report.first.isoformat(),
                                                                      last=report.last.isoformat())
    lines = [title, "", line(headings), *(line(cells) for cells in table), ""]
    streak = report.streak
    lines.append(translate("cli", "Streak: {current} (best {best}), goal {goal} % of sit-breaks taken").format(
        current=_days(streak.current), best=streak.best, goal=goal))
    worked = sorted(((minutes, target) for target, minutes in report.minutes_by_target.items() if minutes > 0),
                    key=lambda item: -item[0])
    lines.append(translate("cli", "Minutes per muscle group: {groups}").format(
        groups=", ".join(_group_figure(target, f"{minutes:.1f}") for minutes, target in worked)
        if worked else translate("cli", "none yet")))
    if report.neglected:
        lines.append(translate("cli", "Not stretched lately: {groups}").format(groups=", ".join(
            _group_figure(n.target, translate("cli", "never") if n.days is None else _days(n.days))
            for n in report.neglected)))
    rules = (translate("stats", GOAL_RULE).format(goal=goal), translate("stats", MINUTES_RULE),
             translate("stats", NEGLECT_RULE))
    wrap = textwrap.TextWrapper(width=79)
    lines.append("")
    lines += [line for rule in rules for line in wrap.wrap(rule)]
    return lines


def _group_figure(target: str, figure: str) -> str:
    """ "Hamstrings 3 days": a muscle group in words, then its figure (the order is the translator's)."""
    from deskbreak.core.stats import target_label

    return translate("cli", "{group} {figure}").format(group=target_label(target), figure=figure)


def _goal_word(met: bool | None) -> str:
    if met is None:
        return ""
    return translate("cli", "met") if met else translate("cli", "not met")


def _days(count: int) -> str:
    return cli.tr("%n days", None, count, one="1 day")
