"""The settings file while the app runs: hand edits, `config set` and the dialog never lose a word."""

from __future__ import annotations

import os
import stat
import tomllib
from datetime import timedelta

import pytest

from deskbreak.adapters.notify import NotifierChain
from deskbreak.core.settings import Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.shell.control import answer
from support.fakes import RecordingNotifier, run_cli

from support.app_builder import make_app

BROKEN = '# by hand\nsit_interval = "45m"\nskip_budget = 5\nwork_days = ["mon"\n'


@pytest.fixture
def running(qtbot, tmp_path, monkeypatch):
    """The app watching tmp_path/settings.toml, and `deskbreak config` talking to it as over the socket."""
    notifier = RecordingNotifier()
    store = SettingsStore(tmp_path / "settings.toml", Settings.defaults().with_values(lead_in="1s", runs={}))
    app = make_app(tmp_path, store=store, notifier=NotifierChain([notifier]))
    app.start()
    app.watch_settings_file()
    monkeypatch.setattr("deskbreak.cli.control.ask_running_app",
                        lambda profile, command, **arguments: answer(app, {"command": command, **arguments}))
    yield app, notifier
    app.shutdown()


def config(capsys, tmp_path, *argv):
    return run_cli(capsys, "--config-dir", str(tmp_path), "--data-dir", str(tmp_path), "config", *argv)


def test_a_broken_hand_edit_survives_config_set_and_the_dialog(qtbot, capsys, tmp_path, running):
    app, notifier = running
    path = app.store.path
    path.write_text(BROKEN, encoding="utf-8")
    qtbot.waitUntil(lambda: bool(notifier.sent), timeout=5000)
    assert "keeping the last good settings" in notifier.sent[-1][1]

    code, out, err = config(capsys, tmp_path, "set", "volume", "55")
    assert (code, out) == (1, "") and "saved" not in err and "using the defaults" not in err
    assert err.startswith(f"deskbreak: {path}: it is not valid TOML: ") and "line 4" in err
    reply = answer(app, {"command": "config-set", "key": "volume", "value": 55})
    assert not reply["ok"] and "will not save over it" in reply["error"]
    app.show_settings()
    problem = app.settings_dialog._apply("volume", 55)
    assert problem is not None and str(path) in problem and "line 4" in problem
    assert path.read_text(encoding="utf-8") == BROKEN
    assert app.store.settings.volume == 60


def test_a_hand_edit_followed_at_once_by_config_set_keeps_both(qtbot, capsys, tmp_path, running):
    app, notifier = running
    path = app.store.path
    app.store.set("volume", 30)
    for round_number in range(3):
        minutes = 41 + round_number
        path.write_text(path.read_text(encoding="utf-8").replace(
            f'sit_interval = "{minutes - 1}m"' if round_number else 'sit_interval = "30m"',
            f'sit_interval = "{minutes}m"'), encoding="utf-8")
        # Well within the watcher's 300 ms: the app has not read the edit yet.
        code, out, err = config(capsys, tmp_path, "set", "volume", str(50 + round_number))
        assert code == 0, err
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        assert (table["sit_interval"], table["volume"]) == (f"{minutes}m", 50 + round_number)
        assert app.store.settings.sit_interval == timedelta(minutes=minutes)
        qtbot.wait(400)  # the watcher settles: nothing changes back
        assert app.store.settings.sit_interval == timedelta(minutes=minutes)
    assert notifier.sent == []


def test_a_typo_key_is_named_not_called_the_last_good_settings(qtbot, running):
    app, notifier = running
    path = app.store.path
    app.store.set("sit_interval", "45m")
    path.write_text(path.read_text(encoding="utf-8").replace("sit_interval =", "sit_intervall ="), encoding="utf-8")
    qtbot.waitUntil(lambda: bool(notifier.sent), timeout=5000)
    [(title, body)] = notifier.sent
    assert "last good" not in title and "last good" not in body
    assert f"{path}: unknown key 'sit_intervall' ignored (did you mean sit_interval?)" in body
    assert app.store.settings.sit_interval == timedelta(minutes=30)


@pytest.mark.skipif(os.name != "posix", reason="Unix file modes")
def test_the_first_run_marker_is_private(qtbot, tmp_path):
    marker = tmp_path / "data" / "first-run-note-dismissed"
    previous = os.umask(0o022)
    try:
        app = make_app(tmp_path, welcome_marker=marker)
        app.start()
        app.welcome.ok.click()
    finally:
        os.umask(previous)
    assert stat.S_IMODE(marker.stat().st_mode) == 0o600
    app.shutdown()
