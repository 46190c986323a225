"""The real deskbreak as the desktop tiers run it: a subprocess with a private profile, asked through its CLI.

``deskbreak_cmd(profile, ...)`` keeps settings under ``profile/config`` and
history under ``profile/data``; ``status`` and ``history`` ask the running
app (or its files) with ``--json``, in the environment of the desktop the
app runs on.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

#: A script that shows one plain window (fullscreen with ``--fullscreen``) until terminated.
FAKE_WINDOW = Path(__file__).with_name("fake_window.py")


def deskbreak_cmd(profile: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "deskbreak", "--config-dir", str(profile / "config"),
            "--data-dir", str(profile / "data"), *args]


def _json_of(env: Mapping[str, str], profile: Path, *args: str):
    out = subprocess.run(deskbreak_cmd(profile, *args, "--json"), env=dict(env), capture_output=True,
                         text=True, timeout=30, check=True)
    return json.loads(out.stdout)


def status(env: Mapping[str, str], profile: Path) -> dict:
    """``deskbreak status --json`` of the app running with ``profile``."""
    return _json_of(env, profile, "status")


def history(env: Mapping[str, str], profile: Path) -> list[dict]:
    """``deskbreak history --json`` of ``profile``."""
    return _json_of(env, profile, "history")


def first_run_note_read(profile: Path) -> None:
    """Mark the first-run note as read, so it takes no focus from what a test puts on screen."""
    (profile / "data").mkdir(parents=True, exist_ok=True)
    (profile / "data" / "first-run-note-dismissed").write_text("dismissed\n")
