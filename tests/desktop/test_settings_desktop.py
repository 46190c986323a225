"""Settings against the real running app: the command line applies live, the dialog opens."""

from __future__ import annotations

import json
import subprocess
from datetime import datetime, timedelta

import pytest

from .desktop import wait_for
from .test_app_desktop import deskbreak_cmd


def status(desktop, profile) -> dict:
    out = subprocess.run(deskbreak_cmd(profile, "status", "--json"), env=desktop.env,
                         capture_output=True, text=True, timeout=30, check=True)
    return json.loads(out.stdout)


@pytest.fixture
def app(desktop, tmp_path):
    # No runs, so no pre-run routine can move the next sit-break during the test.
    process = desktop.spawn(deskbreak_cmd(tmp_path, "--set", "runs="), name="deskbreak")
    process.wait_for_output(r"system tray: icon shown", stream="stderr", timeout=30)
    return process


def test_config_set_applies_live_to_the_running_app(desktop, app, tmp_path):
    before = status(desktop, tmp_path)
    assert before["state"] == "waiting" and before["next_run"] is None and before["paused_until"] is None
    assert before["settings_file"] == str(tmp_path / "config" / "settings.toml")
    first = datetime.fromisoformat(before["next_sit_break"])
    assert first.utcoffset() is not None

    result = subprocess.run(deskbreak_cmd(tmp_path, "config", "set", "sit_interval", "45m"),
                            env=desktop.env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert "applied to the running deskbreak" in result.stdout
    moved = datetime.fromisoformat(status(desktop, tmp_path)["next_sit_break"])
    assert moved - first == timedelta(minutes=15)
    assert 'sit_interval = "45m"' in (tmp_path / "config" / "settings.toml").read_text()

    refused = subprocess.run(deskbreak_cmd(tmp_path, "config", "set", "volume", "loud"),
                             env=desktop.env, capture_output=True, text=True, timeout=30)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and "volume" in refused.stderr


def test_a_hand_edit_of_the_file_reaches_the_running_app(desktop, app, tmp_path):
    first = datetime.fromisoformat(status(desktop, tmp_path)["next_sit_break"])
    path = tmp_path / "config" / "settings.toml"
    path.write_text('sit_interval = "50m"\n', encoding="utf-8")

    def moved():
        return datetime.fromisoformat(status(desktop, tmp_path)["next_sit_break"]) - first

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
    assert status(desktop, tmp_path)["state"] == "waiting", "the tray app runs behind the dialog"
