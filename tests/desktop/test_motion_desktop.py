"""The desktop's reduced-motion preference reaches a real break: a fake portal on the tier's session bus.

``tests/adapters/fake_portal_settings.py`` answers the portal's
``reduced-motion`` on the virtual desktop's private session bus; the real
app, with ``motion`` at its default (``system``), must open its break window
with reduced motion, and with full motion when the portal says 0 or when
``motion = "full"`` overrides it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from support.app_cli import deskbreak_cmd, first_run_note_read

from .desktop import start_process

FAKE_PORTAL = Path(__file__).resolve().parent.parent / "adapters" / "fake_portal_settings.py"


@pytest.mark.parametrize("portal, motion, shown", [("1", "system", "reduced"), ("0", "system", "full"),
                                                   ("1", "full", "full")])
def test_a_break_follows_the_portals_reduced_motion(desktop, tmp_path, portal, motion, shown):
    fake = start_process([sys.executable, str(FAKE_PORTAL), "--reduced-motion", portal], desktop.env,
                         name="portal", log_dir=tmp_path / "processes")
    desktop.processes.append(fake)
    desktop.register_stderr("portal", fake.stderr_path)
    fake.wait_for_output(r"^READY$", timeout=15)
    first_run_note_read(tmp_path)
    app = desktop.spawn(deskbreak_cmd(tmp_path, "--set", "runs=", "--set", f"motion={motion}"), name="deskbreak")
    app.wait_for_output(r"system tray: icon shown", stream="stderr", timeout=30)
    subprocess.run(deskbreak_cmd(tmp_path, "break-now"), env=desktop.env, check=True, capture_output=True, timeout=30)
    desktop.wait_for_window(r"^deskbreak: Sit-break$", timeout=15)
    line = app.wait_for_output(r"break window: (\w+) motion \(motion = (\w+)\)", stream="stderr", timeout=10)
    assert line.groups() == (shown, motion)
