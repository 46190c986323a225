"""The answers to control requests: the verb table (core/protocol.py) applied to the running app.

:func:`answer` is what the control socket (shell/instance.py) calls with each
request. It looks the verb up in the table, checks its arguments there, then
either hands the app the verb's command or answers the few verbs that are
questions (:data:`QUESTIONS`). The app is reached only through
:class:`ControlledApp`, so the windows stay out of the protocol, and every
reply is one the table declares.

``config-set`` and ``config-reset`` are one round trip: the settings store
checks the value (once), saves it and applies it live, and the reply carries
the value as it now reads, so the command line needs no second question and
no file read of its own.
"""

from __future__ import annotations

from typing import Any, Callable, Protocol

from deskbreak.core import commands as cmd
from deskbreak.core.commands import CommandError
from deskbreak.core.i18n import translate
from deskbreak.core.protocol import CAUSE_FILE, CAUSE_OTHER_FILE, verb_of
from deskbreak.core.settings import SettingsError
from deskbreak.core.settings.store import SettingsStore, UnsavableSettingsFile


class ControlledApp(Protocol):
    """What the control protocol needs of the running app, and nothing more."""

    store: SettingsStore

    def run_command(self, command: cmd.Command) -> None:
        """Do what the tray menu would for ``command``."""

    def status_report(self) -> dict:
        """``status``'s reply: the keys of protocol.STATUS_KEYS."""

    def bring_forward(self) -> None:
        """Show the user this deskbreak is running (a second launch asked)."""

    def runs_ahead(self, days: int) -> list[dict]:
        """The runs of the next ``days`` days, as ``deskbreak runs --json`` prints them."""


def answer(app: ControlledApp, request: dict) -> dict:
    """The reply to one control request; a bad request gets ``{"ok": false, "error": ...}``."""
    try:
        verb = verb_of(request)
        arguments = verb.checked(request)
    except CommandError as exc:
        return _refusal(str(exc))
    question = QUESTIONS.get(verb.name)
    if question is not None:
        return question(app, **arguments)
    app.run_command(verb.command(**arguments))
    return app.status_report()


def _refusal(error: str, **details: Any) -> dict:
    return {"ok": False, "error": error, **details}


def _ping(app: ControlledApp) -> dict:
    return {"ok": True}


def _show(app: ControlledApp) -> dict:
    app.bring_forward()
    return app.status_report()


def _runs(app: ControlledApp, days: int) -> dict:
    return {"ok": True, "runs": app.runs_ahead(days)}


def _config_set(app: ControlledApp, key: str, value: Any, settings_file: str | None) -> dict:
    return _change_setting(app, key, settings_file, lambda store: store.set(key, value))


def _config_reset(app: ControlledApp, key: str, settings_file: str | None) -> dict:
    return _change_setting(app, key, settings_file, lambda store: store.reset([key]))


def _change_setting(app: ControlledApp, key: str, settings_file: str | None,
                    change: Callable[[SettingsStore], frozenset[str]]) -> dict:
    store = app.store
    if settings_file is not None and settings_file != str(store.path):
        # The asker meant another profile's file: changing ours would surprise both.
        return _refusal(translate("control", "this deskbreak reads {running}, not {path}").format(
            running=store.path, path=settings_file), cause=CAUSE_OTHER_FILE, settings_file=str(store.path))
    try:
        changed = change(store)
    except UnsavableSettingsFile as exc:
        return _refusal(str(exc), cause=CAUSE_FILE)
    except SettingsError as exc:
        return _refusal(str(exc))
    reply = app.status_report()
    reply["changed"] = sorted(changed)
    reply["value"] = store.setting_text(key)
    return reply


#: The verbs that are questions for the shell rather than commands for the app.
QUESTIONS: dict[str, Callable[..., dict]] = {
    "ping": _ping,
    "show": _show,
    "status": lambda app: app.status_report(),
    "runs": _runs,
    "config-set": _config_set,
    "config-reset": _config_reset,
}
