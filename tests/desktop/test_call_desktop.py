"""A real call holds a due break: PipeWire and WirePlumber on the tier's session bus, pw-record as the call.

The test starts ``pipewire`` with a null audio source (a config fragment in
a private ``XDG_CONFIG_HOME``) and ``wireplumber``, both with an
``XDG_RUNTIME_DIR`` of this test's own, on the virtual desktop's private
session bus; ``pw-record`` recording that source is the call. The real app,
started in the same environment with a 10-second sit interval, must hold its
due break while the recording runs (``status --json``: ``holding_for`` is
"call") and open it exactly once after the recording stops.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from deskbreak.adapters.holds.calls import GRACE_SECONDS, REREAD_SECONDS
from deskbreak.adapters.holds.capture_linux import read_graph
from support.app_cli import deskbreak_cmd, first_run_note_read, status
from support.ci import require_program

from .desktop import DesktopTestContext, Process, start_process, wait_for

MICROPHONE = "deskbreak-test-microphone"
#: A null audio source, as PipeWire's docs make a virtual one: the only microphone of this PipeWire.
NULL_SOURCE_CONF = f"""context.objects = [
    {{ factory = adapter
        args = {{
            factory.name     = support.null-audio-sink
            node.name        = "{MICROPHONE}"
            node.description = "deskbreak test microphone"
            media.class      = "Audio/Source/Virtual"
            audio.position   = [ MONO ]
        }}
    }}
]
"""
#: The held break's re-check (core/scheduling/engine.py's HELD_RECHECK).
HELD_RECHECK_SECONDS = 10


class PipeWire:
    """The test's PipeWire: ``env`` is what its clients (pw-record, pw-dump, the app) run with."""

    def __init__(self, desktop: DesktopTestContext, env: Mapping[str, str]) -> None:
        self.desktop = desktop
        self.env = dict(env)

    def spawn(self, cmd: list[str], name: str) -> Process:
        """Start ``cmd`` in this PipeWire's environment; stopped with the test's other processes."""
        process = start_process(cmd, self.env, name=name, log_dir=self.desktop.tmp_path / "processes")
        self.desktop.processes.append(process)
        self.desktop.register_stderr(name, process.stderr_path)
        return process

    def graph(self) -> list:
        done = subprocess.run(["pw-dump", "--no-colors"], env=self.env, capture_output=True, timeout=10, check=False)
        return json.loads(done.stdout) if done.returncode == 0 and done.stdout.strip() else []

    def has_node(self, name: str) -> bool:
        return any(item.get("info", {}).get("props", {}).get("node.name") == name for item in self.graph())

    def capturing(self) -> bool:
        return read_graph(self.graph()).capturing


@pytest.fixture
def pipewire(desktop: DesktopTestContext, tmp_path: Path) -> Iterator[PipeWire]:
    for program, package in (("pipewire", "pipewire"), ("wireplumber", "wireplumber"),
                             ("pw-record", "pipewire-bin"), ("pw-dump", "pipewire-bin")):
        require_program(program, package)
    # Short, for the socket's path; 0700, as a login's runtime directory is.
    runtime = Path(tempfile.mkdtemp(prefix="deskbreak-pw-"))
    config = tmp_path / "pipewire-config"
    (config / "pipewire" / "pipewire.conf.d").mkdir(parents=True)
    (config / "pipewire" / "pipewire.conf.d" / "null-source.conf").write_text(NULL_SOURCE_CONF)
    (tmp_path / "pipewire-state").mkdir()
    env = {**desktop.env, "XDG_RUNTIME_DIR": str(runtime), "XDG_CONFIG_HOME": str(config),
           "XDG_STATE_HOME": str(tmp_path / "pipewire-state")}
    for variable in ("PIPEWIRE_RUNTIME_DIR", "PIPEWIRE_REMOTE", "PULSE_SERVER"):
        env.pop(variable, None)
    try:
        wired = PipeWire(desktop, env)
        daemon = wired.spawn(["pipewire"], "pipewire")
        wait_for(lambda: (runtime / "pipewire-0").exists() or not daemon.running(), 15,
                 message="pipewire's socket")
        assert daemon.running(), f"pipewire exited: {daemon.stderr()}"
        wired.spawn(["wireplumber"], "wireplumber")
        wait_for(lambda: wired.has_node(MICROPHONE), 15, 0.2, message=f"the null source {MICROPHONE}")
        yield wired
    finally:
        for process in reversed(desktop.processes):
            process.terminate(5.0)
        shutil.rmtree(runtime, ignore_errors=True)


def test_a_call_holds_the_due_break_until_it_ends_then_it_opens_exactly_once(desktop, pipewire, tmp_path):
    call = pipewire.spawn(["pw-record", "--target", MICROPHONE, "--rate", "8000", "--channels", "1",
                           str(tmp_path / "call.wav")], "pw-record")
    wait_for(pipewire.capturing, 20, 0.2, message="WirePlumber to link the recording to the microphone")

    first_run_note_read(tmp_path)  # the note would be one more window on screen
    app = pipewire.spawn(deskbreak_cmd(tmp_path, "--sit-interval", "10s", "--prelude", "3s",
                                       "--set", "lead_in=1s", "--set", "runs="), "deskbreak")
    app.wait_for_output(r"system tray: icon shown", stream="stderr", timeout=30)
    assert app.wait_for_output(r"hold sources: .*\bpipewire\b", stream="stderr", timeout=10)
    wait_for(lambda: status(pipewire.env, tmp_path)["state"] == "held", timeout=30, interval=0.5,
             message="the due break waits for the call")
    held = status(pipewire.env, tmp_path)
    assert (held["holding_for"], held["text"]) == ("call", "Break waiting: call")
    time.sleep(3)
    assert not desktop.find_windows(r"^deskbreak: Sit-break$"), "no break window over the call"

    call.terminate(timeout=10)
    assert not pipewire.capturing()
    latest = GRACE_SECONDS + REREAD_SECONDS + HELD_RECHECK_SECONDS + 10  # and the app's wake-up
    desktop.wait_for_window(r"^deskbreak: Sit-break$", timeout=latest)
    time.sleep(2)
    assert len(desktop.find_windows(r"^deskbreak: Sit-break$")) == 1
    assert app.stderr().count("BreakStarted: sit") == 1, "started exactly once"
    assert app.stderr().count("holding breaks for call") == 1, "one call, held once"
