"""One control protocol: the verb table drives the command line, the socket's answers and the README."""

from __future__ import annotations

import argparse
import re

import pytest

from deskbreak.cli import build_parser
from deskbreak.core import commands as cmd
from deskbreak.core.protocol import CONFIG_KEYS, STATUS_KEYS, SUBCOMMANDS, VERB_BY_NAME, VERBS
from deskbreak.core.settings import Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.shell.control import QUESTIONS, answer
from support.fakes import run_cli

from tests.conftest import REPO

# What a subcommand needs besides its name to be sent.
SUBCOMMAND_ARGUMENTS = {"pause": ["1h"], "break-now": ["--kind", "evening"]}


class FakeApp:
    """The app as the control protocol sees it: commands recorded, a status with every declared key."""

    def __init__(self, store: SettingsStore):
        self.store = store
        self.commands: list[cmd.Command] = []
        self.brought_forward = 0

    def run_command(self, command):
        self.commands.append(command)

    def status_report(self):
        return {key: True if key == "ok" else None for key in STATUS_KEYS} | {"text": "Next sit-break in 30 min"}

    def bring_forward(self):
        self.brought_forward += 1

    def runs_ahead(self, days):
        return []


@pytest.fixture
def app(tmp_path):
    return FakeApp(SettingsStore(tmp_path / "settings.toml", Settings.defaults()))


@pytest.fixture
def sent(monkeypatch, app):
    """Every request the command line sends, answered by the shell's dispatch with the fake app."""
    requests = []

    def ask(profile, command, **arguments):
        requests.append({"command": command, **arguments})
        return answer(app, {"command": command, **arguments})

    monkeypatch.setattr("deskbreak.cli.control.ask_running_app", ask)
    return requests


def cli(capsys, tmp_path, *argv):
    return run_cli(capsys, "--config-dir", str(tmp_path), "--data-dir", str(tmp_path), *argv)


def test_each_verb_is_a_command_for_the_app_or_a_question_for_the_shell():
    for verb in VERBS:
        assert (verb.command is None) == (verb.name in QUESTIONS), verb.name
    assert set(QUESTIONS) <= set(VERB_BY_NAME)


def test_each_verb_is_reachable_from_the_command_line(tmp_path):
    parser = build_parser()
    for verb in VERBS:
        if verb.subcommand:
            args = parser.parse_args([verb.name, *SUBCOMMAND_ARGUMENTS.get(verb.name, [])])
            assert args.command == verb.name
        elif verb.name != "ping":  # the server's own "is anyone there?" before it takes a name over
            command = parser
            for word in verb.sent_by.split():
                command = subcommands(command)[word]


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    [action] = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    return action.choices


def test_the_command_line_sends_every_subcommand_and_the_socket_answers_it(capsys, tmp_path, sent, app):
    for verb in SUBCOMMANDS:
        code, out, err = cli(capsys, tmp_path, verb.name, *SUBCOMMAND_ARGUMENTS.get(verb.name, []))
        assert code == 0, err
    assert [request["command"] for request in sent] == [verb.name for verb in SUBCOMMANDS]
    assert sent[1] == {"command": "break-now", "kind": "evening"}
    assert {"command": "pause", "duration": "1h"} in sent
    made = [type(command) for command in app.commands]
    assert made == [cmd.StartBreak, cmd.Pause, cmd.Resume, cmd.Skip, cmd.SkipNext, cmd.NoRunToday, cmd.Postpone,
                    cmd.Quit]
    assert app.commands[0] == cmd.StartBreak(cmd.BreakKind.EVENING)


def test_runs_and_config_are_sent_as_their_verbs(capsys, tmp_path, sent):
    cli(capsys, tmp_path, "runs", "--days", "3")
    cli(capsys, tmp_path, "config", "set", "volume", "20")
    cli(capsys, tmp_path, "config", "reset", "volume")
    assert sent == [
        {"command": "runs", "days": 3},
        {"command": "config-set", "key": "volume", "value": "20", "settings_file": str(tmp_path / "settings.toml")},
        {"command": "config-reset", "key": "volume", "settings_file": str(tmp_path / "settings.toml")},
    ]


@pytest.mark.parametrize("verb", VERBS, ids=lambda verb: verb.name)
def test_the_socket_answers_each_verb_with_its_declared_keys(app, verb):
    request = {"command": verb.name}
    if verb.name.startswith("config-"):
        request |= {"key": "volume", "value": 20}
    reply = answer(app, request)
    assert reply["ok"] is True and set(reply) == set(verb.reply), reply


def test_a_bad_argument_is_refused_in_one_line_before_the_app_hears_of_it(app):
    assert answer(app, {"command": "pause", "duration": "0s"}) == {
        "ok": False, "error": "a pause must last longer than 0s"}
    assert answer(app, {"command": "runs", "days": True})["ok"] is False
    assert answer(app, {"command": "config-set", "key": "volume"}) == {"ok": False, "error": "'value' is missing"}
    assert answer(app, {"command": "config-set", "key": 3, "value": 1}) == {
        "ok": False, "error": "'key' must be text, not int"}
    assert app.commands == []


def test_config_set_is_one_round_trip_and_one_check(capsys, tmp_path, sent, app, monkeypatch):
    checks = []
    real_set_many = SettingsStore.set_many
    monkeypatch.setattr(SettingsStore, "set_many", lambda store, values: (checks.append(values),
                                                                         real_set_many(store, values))[1])
    loads = []
    monkeypatch.setattr(SettingsStore, "load", lambda *args, **kwargs: loads.append(args))
    code, out, err = cli(capsys, tmp_path, "config", "set", "volume", "20")
    assert (code, out, err) == (0, "volume = 20 (applied to the running deskbreak, saved)\n", "")
    assert len(sent) == 1 and checks == [{"volume": "20"}] and loads == [], "the command line reads no file"
    code, out, err = cli(capsys, tmp_path, "config", "set", "volume", "loud")
    assert (code, out, err) == (2, "", "deskbreak: key 'volume': must be a whole number, not 'loud'\n")
    assert len(sent) == 2 and len(checks) == 2 and app.store.settings.volume == 20


def test_config_set_to_a_deskbreak_reading_another_file_is_refused(capsys, tmp_path, sent, app):
    app.store = SettingsStore(tmp_path / "elsewhere" / "settings.toml", Settings.defaults())
    code, out, err = cli(capsys, tmp_path, "config", "set", "volume", "20")
    assert code == 2 and "reads " + str(tmp_path / "elsewhere" / "settings.toml") in err
    assert "use the same --config-dir" in err and app.store.settings.volume != 20


# -- the README and status --json --------------------------------------------------


def readme_paragraph(starting_with: str) -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index(starting_with)
    return text[start:text.index("\n\n", start)]


def test_the_readme_usage_lists_exactly_the_control_subcommands():
    block = readme_paragraph("  status [--json]")
    block = block[:block.index("control the running app")]
    listed = re.sub(r"\[[^\]]*\]", "", block).replace("|", " ").split()
    assert listed == [verb.name for verb in SUBCOMMANDS]


def test_the_readme_lists_exactly_the_verbs_the_socket_answers():
    paragraph = readme_paragraph("The control verbs and the control socket")
    named = re.findall(r"`([a-z-]+)`", paragraph[paragraph.index("Every verb"):])
    assert sorted(named) == sorted(VERB_BY_NAME)


def test_the_readme_names_every_key_of_status_json():
    named = set(re.findall(r"`([a-z_]+)`", readme_paragraph("`deskbreak status --json` prints")))
    assert set(STATUS_KEYS) - {"ok"} <= named


def test_the_keys_scripts_rely_on_stay_declared():
    for key in ("state", "next_sit_break", "paused_until", "next_run", "skips_left", "holding_for",
                "settings_file", "idle_backend"):
        assert key in STATUS_KEYS
    assert {"changed", "value"} <= set(CONFIG_KEYS)


# -- the autostart entry follows the setting in one place ---------------------------


class FakeAutostart:
    location = "/fake/autostart/deskbreak.desktop"

    def __init__(self, fail=False):
        self.fail, self.enabled = fail, False

    def available(self):
        return True

    def set_enabled(self, enabled):
        from deskbreak.adapters.autostart import AutostartError

        if self.fail:
            raise AutostartError(f"could not write {self.location}: Permission denied")
        self.enabled = enabled


@pytest.mark.parametrize("fail", [False, True])
def test_config_set_autostart_with_none_running_writes_the_entry_as_the_app_would(capsys, tmp_path, monkeypatch,
                                                                                   fail):
    autostart = FakeAutostart(fail)
    monkeypatch.setattr("deskbreak.adapters.autostart.detect_autostart", lambda command: autostart)
    monkeypatch.setattr("deskbreak.cli.control.ask_running_app", lambda *args, **kwargs: None)
    code, out, err = cli(capsys, tmp_path, "config", "set", "autostart", "true")
    assert out.startswith("autostart = true (saved to ")
    if fail:
        assert (code, err) == (1, "deskbreak: could not write /fake/autostart/deskbreak.desktop: Permission denied\n")
    else:
        assert (code, err, autostart.enabled) == (0, "", True)
        assert out.endswith("start at login: written /fake/autostart/deskbreak.desktop\n")
