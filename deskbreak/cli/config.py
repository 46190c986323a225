"""``deskbreak config list|get|set|reset`` and ``deskbreak settings``.

``config set`` is one request to the running deskbreak, whose store checks,
saves and applies the value; with none running, the same store here (and
the login entry follows ``autostart`` as the app would make it). ``list``
and ``get`` read the profile's saved settings, never one-run overrides.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys

from deskbreak.cli import control
from deskbreak.cli.parser import EXIT_USAGE, UsageParser
from deskbreak.core.clock import SystemClock
from deskbreak.core.i18n import translate
from deskbreak.core.profile import Profile
from deskbreak.core.protocol import CAUSE_FILE, CAUSE_OTHER_FILE
from deskbreak.core.settings import SETTING_BY_KEY, SETTINGS, SettingsError


def settings_command(profile: Profile) -> int:
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
    UsageParser(prog="deskbreak config set").error(problem)
    raise AssertionError("unreachable: error() exits")


def config_command(args: argparse.Namespace, profile: Profile) -> int:
    """`config list|get|set|reset`: the profile's saved settings (never one-run overrides)."""
    from deskbreak.core.settings.store import SettingsStore

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
    reply = control.ask_running_app(profile, f"config-{verb}", **request) if control.instance_may_run(profile) else None
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
    from deskbreak.core.settings.store import SettingsStore, UnsavableSettingsFile

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
