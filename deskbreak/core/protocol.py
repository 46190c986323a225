"""The control protocol: every verb a running deskbreak answers, declared once.

:data:`VERBS` says, for each verb, its arguments (each with the check that
validates it and its default), the command it produces, the keys of its reply
and its help text. Everything else is built from it or checked against it:

* the command line's control subcommands (``deskbreak pause 1h``) are
  generated from the verbs with ``subcommand=True`` (cli.py), and validate
  their arguments with the same checks;
* the control socket's answers come from shell/control.py, which looks each
  request's verb up here, checks its arguments here, and runs its command;
* ``status --json`` prints :data:`STATUS_KEYS`, and the README's command list
  names exactly these verbs (tests/shell/test_protocol.py).

On the wire a request is one line of JSON, ``{"command": VERB, ARGUMENT: value}``,
and so is its reply: ``{"ok": true, ...}`` with the verb's reply keys, or
``{"ok": false, "error": TEXT}``; ``config-set`` and ``config-reset`` may add
a ``cause`` (:data:`CAUSE_FILE`, :data:`CAUSE_OTHER_FILE`) when what was asked
was fine but cannot be done. The verb names and the reply keys are an interface
scripts rely on: add to them, never rename.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Callable, Mapping

from deskbreak.core import commands as cmd
from deskbreak.core.commands import CommandError
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate
from deskbreak.core.kinds import BREAK_KIND_NAMES, BreakKind

#: What ``status`` answers (and most verbs after doing their part): ``status --json`` prints
#: these without ``ok``. Times are ISO 8601 with the UTC offset, or null.
STATUS_KEYS = ("ok", "state", "text", "next_at", "next_sit_break", "paused_until", "next_run",
               "holding_for", "skips_left", "settings_file", "idle_backend", "version")
#: A changed setting's reply: the status after the change, the keys that changed, and the
#: setting's value as a person reads it ("45m").
CONFIG_KEYS = (*STATUS_KEYS, "changed", "value")
#: A failed reply; ``cause`` only where the command line must tell a refusal from a bad request.
ERROR_KEYS = ("ok", "error", "cause")
#: config-set/-reset: the settings file cannot be saved over (it does not parse, or cannot be read).
CAUSE_FILE = "file"
#: config-set/-reset: the running deskbreak reads another settings file (its path in ``settings_file``).
CAUSE_OTHER_FILE = "other_file"

DEFAULT_PAUSE = "30m"
PAUSE_UNTIL_TOMORROW = "tomorrow"
MAX_DAYS_AHEAD = 366
_REQUIRED = object()


@dataclass(frozen=True)
class Argument:
    """One argument of a verb: its request key (and command-line name), its check and its default."""

    name: str
    check: Callable[[Any], Any]
    """The request's value to the value the command is built with; CommandError saying what is wrong."""
    default: Any = _REQUIRED
    help: str = ""
    """For the command line, marked with QT_TRANSLATE_NOOP("cli", ...)."""
    option: bool = False
    """``--name VALUE`` on the command line; else a positional argument (optional when it has a default)."""
    choices: tuple[str, ...] = ()

    @property
    def required(self) -> bool:
        return self.default is _REQUIRED


@dataclass(frozen=True)
class Verb:
    """One thing a running deskbreak can be asked."""

    name: str
    help: str
    """What it does; marked QT_TRANSLATE_NOOP("cli", ...) where the command line shows it."""
    arguments: tuple[Argument, ...] = ()
    command: Callable[..., cmd.Command] | None = None
    """The command it asks the app to run, from the checked arguments; None when the shell answers it."""
    reply: tuple[str, ...] = STATUS_KEYS
    subcommand: bool = False
    """A ``deskbreak VERB`` subcommand, generated from this entry; else sent by the command named in ``sent_by``."""
    sent_by: str = ""
    """Which ``deskbreak`` command sends it, when it is no subcommand of its own."""
    json_output: bool = False
    """The subcommand takes ``--json`` and prints the reply's keys (without ``ok``)."""

    def checked(self, request: Mapping[str, Any]) -> dict[str, Any]:
        """The request's arguments checked, defaults filled in; CommandError for a missing or bad one."""
        values = {}
        for argument in self.arguments:
            if argument.name in request:
                values[argument.name] = argument.check(request[argument.name])
            elif argument.required:
                raise CommandError(translate("control", "'{argument}' is missing").format(argument=argument.name))
            else:
                values[argument.name] = argument.check(argument.default)
        return values


# -- the checks ----------------------------------------------------------------


def _break_kind(value: Any) -> BreakKind:
    if value not in BREAK_KIND_NAMES:
        raise CommandError(f"'kind' must be one of {', '.join(BREAK_KIND_NAMES)}, not {value!r}")
    return BreakKind(value)


def _pause_length(value: Any) -> timedelta | None:
    """A pause's length; None for "until tomorrow's work start"."""
    from deskbreak.core.settings import parse_duration

    if value == PAUSE_UNTIL_TOMORROW:
        return None
    if not isinstance(value, str):
        raise CommandError(f"'duration' must be text like \"30m\" or \"tomorrow\", not {value!r}")
    try:
        length = parse_duration(value)
    except ValueError as error:
        raise CommandError(str(error)) from None
    if length <= timedelta(0):
        raise CommandError("a pause must last longer than 0s")
    return length


def _days_ahead(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DAYS_AHEAD:  # JSON true is no number
        raise CommandError(translate("app", "'days' must be a whole number from 1 to 366"))
    return value


def _text(name: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise CommandError(translate("control", "'{argument}' must be text, not {value}").format(
                argument=name, value=type(value).__name__))
        return value
    return check


def _optional_text(name: str) -> Callable[[Any], str | None]:
    text = _text(name)
    return lambda value: None if value is None else text(value)


def _any(value: Any) -> Any:
    """A setting's value as settings.toml or JSON has it: the settings store checks it, once."""
    return value


def _pause(duration: timedelta | None) -> cmd.Pause:
    return cmd.Pause(until_tomorrow=True) if duration is None else cmd.Pause(duration=duration)


_SETTINGS_FILE = Argument("settings_file", _optional_text("settings_file"), default=None)
"""The settings file the asker means: a deskbreak that reads another one refuses the change."""
_KEY = Argument("key", _text("key"))

VERBS: tuple[Verb, ...] = (
    Verb("status", QT_TRANSLATE_NOOP("cli", "what the running deskbreak is doing"),
         subcommand=True, json_output=True),
    Verb("break-now", QT_TRANSLATE_NOOP("cli", "start a break now"),
         (Argument("kind", _break_kind, default=BreakKind.SIT.value, option=True, choices=BREAK_KIND_NAMES),),
         command=lambda kind: cmd.StartBreak(kind), subcommand=True),
    Verb("pause", QT_TRANSLATE_NOOP("cli", "no prompts for a while"),
         (Argument("duration", _pause_length, default=DEFAULT_PAUSE,
                   help=QT_TRANSLATE_NOOP("cli", "e.g. 30m, 1h, or 'tomorrow' (default 30m)")),),
         command=_pause, subcommand=True),
    Verb("resume", QT_TRANSLATE_NOOP("cli", "end a pause"), command=cmd.Resume, subcommand=True),
    Verb("skip", QT_TRANSLATE_NOOP("cli", "skip the current or announced break"), command=cmd.Skip, subcommand=True),
    Verb("skip-next", QT_TRANSLATE_NOOP("cli", "let the next break pass without a prompt"),
         command=cmd.SkipNext, subcommand=True),
    Verb("no-run-today", QT_TRANSLATE_NOOP("cli", "drop today's pre-run reminder"),
         command=cmd.NoRunToday, subcommand=True),
    Verb("postpone", QT_TRANSLATE_NOOP("cli", "postpone the current break"), command=cmd.Postpone, subcommand=True),
    Verb("quit", QT_TRANSLATE_NOOP("cli", "stop deskbreak"), command=cmd.Quit, subcommand=True),
    Verb("settings", QT_TRANSLATE_NOOP("cli", "open the settings dialog (starts deskbreak if needed)"),
         command=cmd.OpenSettings, sent_by="settings"),
    Verb("runs", QT_TRANSLATE_NOOP("cli", "your runs of the next days (weekly and from the calendar)"),
         (Argument("days", _days_ahead, default=7),), reply=("ok", "runs"), sent_by="runs"),
    Verb("config-set", QT_TRANSLATE_NOOP("cli", "change a setting (live when deskbreak runs)"),
         (_KEY, Argument("value", _any), _SETTINGS_FILE), reply=CONFIG_KEYS, sent_by="config set"),
    Verb("config-reset", QT_TRANSLATE_NOOP("cli", "put a setting back to its default"),
         (_KEY, _SETTINGS_FILE), reply=CONFIG_KEYS, sent_by="config reset"),
    # Never shown to a user, so not for translators.
    Verb("show", "bring the running deskbreak forward (a second launch asks this)", sent_by="run"),
    Verb("ping", "answer, and do nothing else (is anyone listening?)", reply=("ok",)),
)
VERB_BY_NAME: dict[str, Verb] = {verb.name: verb for verb in VERBS}
SUBCOMMANDS: tuple[Verb, ...] = tuple(verb for verb in VERBS if verb.subcommand)


def verb_of(request: Mapping[str, Any]) -> Verb:
    """The verb a request names; CommandError when it names none this deskbreak knows."""
    name = request.get("command")
    if not isinstance(name, str):
        raise CommandError(f"'command' must be a string, not {type(name).__name__}")
    verb = VERB_BY_NAME.get(name)
    if verb is None:
        raise CommandError(f"unknown command {name!r}")
    return verb
