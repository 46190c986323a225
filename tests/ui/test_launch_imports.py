"""What deskbreak loads before its tray icon shows: the launch the user waits for at every login.

Launch to tray was 1.5-1.7 times the bare PySide6 tray app's (issue 19):
the settings table, the protocol, tomlkit, QtNetwork, the wheel guard (and
with it the ``Qt`` namespace's 15 ms of enum classes) all loaded first. They
load after the icon now; this counts modules in a fresh process, so it does
not swing with the machine's load as a timing would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from support.app_cli import deskbreak_cmd

REPO = Path(__file__).resolve().parents[2]

#: Each of these cost the launch 2-15 ms, and nothing before the icon uses it.
AFTER_THE_ICON = (
    "deskbreak.core.settings", "deskbreak.core.protocol", "deskbreak.core.commands", "deskbreak.shell.control",
    "deskbreak.shell.control_socket", "deskbreak.ui.wheel_guard", "deskbreak.core.content.catalog",
    "deskbreak.core.history", "tomlkit", "tomllib", "difflib", "json", "importlib.resources", "PySide6.QtNetwork",
    # `deskbreak desktop install`: loaded only when that command is named.
    "deskbreak.cli.desktop", "deskbreak.adapters.menu_entry",
)

#: Runs deskbreak's command line (argv[2:]) until it would show the early tray icon; prints which
#: of the modules named in argv[1] are loaded then, and exits. A start refused before that prints nothing.
AT_THE_ICON_PROBE = """
import sys
import deskbreak.ui.startup as startup
from deskbreak.cli import main

watched = sys.argv[1].split(",")

def report(icon_file):
    loaded = [m for m in watched if m in sys.modules]
    import json
    print("ICON " + json.dumps(loaded), flush=True)
    raise SystemExit(0)

startup._show_icon_early = report
sys.exit(main(sys.argv[2:]))
"""


def run_to_the_icon(profile: Path, *options: str) -> subprocess.CompletedProcess:
    args = deskbreak_cmd(profile, *options)[3:]  # the options, without "python -m deskbreak"
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", AT_THE_ICON_PROBE, ",".join(AFTER_THE_ICON), *args],
                          env=env, capture_output=True, text=True, timeout=60)


def loaded_at_the_icon(done: subprocess.CompletedProcess) -> list[str] | None:
    lines = [line for line in done.stdout.splitlines() if line.startswith("ICON ")]
    return json.loads(lines[-1].removeprefix("ICON ")) if lines else None


def test_the_tray_icon_shows_before_the_settings_protocol_and_socket_load(tmp_path):
    done = run_to_the_icon(tmp_path)
    assert done.returncode == 0, done.stderr
    assert loaded_at_the_icon(done) == []


def test_settings_given_on_the_command_line_are_read_before_the_icon(tmp_path):
    # They alone can refuse the start, and a refused start shows no icon.
    done = run_to_the_icon(tmp_path, "--set", "prelude=5s")
    assert done.returncode == 0, done.stderr
    assert "deskbreak.core.settings" in loaded_at_the_icon(done)


def test_settings_on_the_command_line_that_do_not_fit_the_file_refuse_the_start_without_an_icon(tmp_path):
    settings = tmp_path / "config" / "settings.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text('sit_interval = "5m"\n')
    done = run_to_the_icon(tmp_path, "--set", "prelude=10m")  # a warning longer than the interval
    assert done.returncode == 2
    assert loaded_at_the_icon(done) is None
    assert "the command line's settings do not fit" in done.stderr
