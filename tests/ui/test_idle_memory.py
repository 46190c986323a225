"""What a waiting deskbreak keeps in memory: no heavy modules at idle, and no growth over breaks.

The modules are checked in a fresh process that runs the real ``deskbreak``
(``ui/startup.py``'s ``run_app``, offscreen, on a private profile) until it
has started and preloaded the poses, so no other test's imports hide one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from support.app_cli import deskbreak_cmd, first_run_note_read

REPO = Path(__file__).resolve().parents[2]

#: Modules a waiting deskbreak has no use for, each costing megabytes of its own memory:
#: asyncio (4.6 MB) and the ssl/OpenSSL it loads (2.4 MB), apscheduler 3 imports it for one
#: function; importlib.metadata (3.3 MB with the email package) reads every installed
#: package's entry points for apscheduler's plug-in tables.
HEAVY_AT_IDLE = ("asyncio", "ssl", "_ssl", "importlib.metadata", "email")

#: Runs deskbreak's command line; once the poses preload has run (at once instead of after 3 s)
#: and the event loop has turned again, prints which of the modules named in argv[1] are loaded
#: and whether importlib.metadata looked for installed packages, then quits.
STARTED_PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import deskbreak.ui.app
from deskbreak.cli import main
from deskbreak.ui.break_host import BreakHost

watched = sys.argv[1].split(",")
deskbreak.ui.app.POSES_PRELOAD_MS = 0
preload = BreakHost.preload

def report_and_quit():
    metadata = sys.modules.get("importlib.metadata")
    searched = metadata is not None and metadata.FastPath.__new__.cache_info().currsize > 0
    print("STARTED " + json.dumps({"loaded": [m for m in watched if m in sys.modules],
                                   "scanned_installed_packages": searched}), flush=True)
    QApplication.instance().quit()

def preload_then_report(self):
    preload(self)
    QTimer.singleShot(0, report_and_quit)

BreakHost.preload = preload_then_report
sys.exit(main(sys.argv[2:]))
"""


def started_app_modules(profile: Path, watched: tuple[str, ...]) -> dict:
    first_run_note_read(profile)
    options = deskbreak_cmd(profile)[3:]  # the profile's options, without "python -m deskbreak"
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", STARTED_PROBE, ",".join(watched), *options],
                          env=env, capture_output=True, text=True, timeout=60)
    lines = [line for line in done.stdout.splitlines() if line.startswith("STARTED ")]
    assert done.returncode == 0 and lines, done.stderr
    return json.loads(lines[-1].removeprefix("STARTED "))


def test_a_started_deskbreak_has_not_loaded_asyncio_ssl_or_the_package_metadata(tmp_path):
    report = started_app_modules(tmp_path, HEAVY_AT_IDLE)
    assert report["loaded"] == []
    assert report["scanned_installed_packages"] is False


#: Imports apscheduler lean, then what it was kept from; asks for a plug-in by name.
AFTER_THE_LEAN_IMPORT = """
from deskbreak.adapters.lean_apscheduler import QtScheduler
import asyncio, importlib.metadata
print(hasattr(asyncio, "run"), importlib.metadata.version("apscheduler").startswith("3."))
try:
    QtScheduler().add_job(print, "date")
except LookupError as exc:
    print(exc)
"""


def test_apscheduler_loads_lean_and_everyone_else_still_gets_the_real_modules():
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", AFTER_THE_LEAN_IMPORT], env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["True True", 'No trigger by the name "date" was found']
