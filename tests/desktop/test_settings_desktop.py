"""Settings against the real running app: the command line applies live, the dialog opens."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from datetime import datetime, timedelta

import pytest

from support.app_cli import deskbreak_cmd, status

from .desktop import wait_for


@pytest.fixture
def app(desktop, tmp_path):
    # No runs, so no pre-run routine can move the next sit-break during the test.
    process = desktop.spawn(deskbreak_cmd(tmp_path, "--set", "runs="), name="deskbreak")
    process.wait_for_output(r"system tray: icon shown", stream="stderr", timeout=30)
    return process


def test_config_set_applies_live_to_the_running_app(desktop, app, tmp_path):
    before = status(desktop.env, tmp_path)
    assert before["state"] == "waiting" and before["next_run"] is None and before["paused_until"] is None
    assert before["settings_file"] == str(tmp_path / "config" / "settings.toml")
    first = datetime.fromisoformat(before["next_sit_break"])
    assert first.utcoffset() is not None

    result = subprocess.run(deskbreak_cmd(tmp_path, "config", "set", "sit_interval", "45m"),
                            env=desktop.env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert "applied to the running deskbreak" in result.stdout
    moved = datetime.fromisoformat(status(desktop.env, tmp_path)["next_sit_break"])
    assert moved - first == timedelta(minutes=15)
    assert 'sit_interval = "45m"' in (tmp_path / "config" / "settings.toml").read_text()

    refused = subprocess.run(deskbreak_cmd(tmp_path, "config", "set", "volume", "loud"),
                             env=desktop.env, capture_output=True, text=True, timeout=30)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and "volume" in refused.stderr


def test_a_hand_edit_of_the_file_reaches_the_running_app(desktop, app, tmp_path):
    first = datetime.fromisoformat(status(desktop.env, tmp_path)["next_sit_break"])
    path = tmp_path / "config" / "settings.toml"
    path.write_text('sit_interval = "50m"\n', encoding="utf-8")

    def moved():
        return datetime.fromisoformat(status(desktop.env, tmp_path)["next_sit_break"]) - first

    wait_for(lambda: moved() == timedelta(minutes=20), timeout=10, interval=0.3,
             message="the running app re-read settings.toml")


def test_deskbreak_settings_opens_the_dialog_in_the_running_app(desktop, app, tmp_path):
    result = subprocess.run(deskbreak_cmd(tmp_path, "settings"), env=desktop.env,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0 and "Settings opened" in result.stdout
    window = desktop.wait_for_window(r"^deskbreak: Settings$", timeout=15)
    geometry = desktop.window_geometry(window)
    assert geometry.width >= 600 and geometry.height >= 450
    desktop.screenshot(tmp_path / "settings-dialog.png")
    # A second request brings the same dialog forward rather than opening another.
    subprocess.run(deskbreak_cmd(tmp_path, "settings"), env=desktop.env, capture_output=True,
                   text=True, timeout=30, check=True)
    assert len(desktop.find_windows(r"^deskbreak: Settings$")) == 1


def test_deskbreak_settings_starts_deskbreak_when_none_runs(desktop, tmp_path):
    process = desktop.spawn(deskbreak_cmd(tmp_path, "settings"), name="deskbreak-settings")
    process.wait_for_output(r"system tray: icon shown", stream="stderr", timeout=30)
    desktop.wait_for_window(r"^deskbreak: Settings$", timeout=15)
    assert status(desktop.env, tmp_path)["state"] == "waiting", "the tray app runs behind the dialog"


def config_set(desktop, profile, key, value) -> subprocess.CompletedProcess:
    return subprocess.run(deskbreak_cmd(profile, "config", "set", key, value), env=desktop.env,
                          capture_output=True, text=True, timeout=30)


def watching(app) -> None:
    """Wait until the app watches its files: it says "started" after setting the watch up."""
    app.wait_for_output(r"started .*, settings ", stream="stderr", timeout=30)


def test_a_broken_hand_edit_is_never_saved_over_by_config_set(desktop, app, tmp_path):
    watching(app)
    path = tmp_path / "config" / "settings.toml"
    broken = '# mine\nsit_interval = "45m"\nskip_budget = 5\nwork_days = ["mon"\n'
    path.write_text(broken, encoding="utf-8")
    app.wait_for_output(r"keeping the last good settings", stream="stderr", timeout=10)
    result = config_set(desktop, tmp_path, "volume", "55")
    assert result.returncode == 1 and result.stdout == ""
    assert f"{path}: it is not valid TOML" in result.stderr and "line 4" in result.stderr
    assert "using the defaults" not in result.stderr
    assert path.read_text(encoding="utf-8") == broken


# What `deskbreak config set` sends, without the hundreds of milliseconds a new process takes to
# start: connected once, it sends each request the moment the test asks, within the watcher's 300 ms.
QUICK_CONFIG_SET = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from deskbreak.shell.control_socket import send_command
from deskbreak.shell.instance import server_name
app = QCoreApplication([])
name = server_name(Path(sys.argv[1]))
print("ready", flush=True)
for line in sys.stdin:
    key, value = line.split()
    print(json.dumps(send_command(name, "config-set", key=key, value=value)), flush=True)
"""


def test_a_hand_edit_followed_at_once_by_config_set_keeps_both(desktop, app, tmp_path):
    watching(app)
    path = tmp_path / "config" / "settings.toml"
    assert config_set(desktop, tmp_path, "volume", "30").returncode == 0
    first = datetime.fromisoformat(status(desktop.env, tmp_path)["next_sit_break"])
    sender = subprocess.Popen([sys.executable, "-c", QUICK_CONFIG_SET, str(tmp_path / "data")], env=desktop.env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert sender.stdout.readline() == "ready\n"
        for minutes in (41, 42, 43):
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r'sit_interval = "\d+m"', f'sit_interval = "{minutes}m"', text), encoding="utf-8")
            sender.stdin.write(f"volume {minutes}\n")
            sender.stdin.flush()
            assert json.loads(sender.stdout.readline())["ok"]
            table = tomllib.loads(path.read_text(encoding="utf-8"))
            assert (table["sit_interval"], table["volume"]) == (f"{minutes}m", minutes)
            # The running app took the hand edit too, and keeps it once its watcher has settled.
            wait_for(lambda: datetime.fromisoformat(status(desktop.env, tmp_path)["next_sit_break"]) - first
                     == timedelta(minutes=minutes - 30), timeout=10, interval=0.3,
                     message=f"the running app runs with sit_interval {minutes}m")
    finally:
        sender.communicate("", timeout=30)
