"""One deskbreak per profile on a real desktop: racing launches, squatted names, bad requests, no network.

Each test runs the real app on an isolated profile. Launches race as real
processes; the squatting "other user" is nobody (uid 65534), which only a
root test run can make; the control socket is spoken to as the command line
would, with one line of JSON.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import time
from pathlib import Path

import pytest

from deskbreak.ui.instance import profile_key, runtime_directory

from .desktop import start_process, wait_for
from .test_app_desktop import deskbreak_cmd

LAUNCHES = 10
NOBODY = 65534
TRAY_SHOWN = r"system tray: icon shown"
#: Every inet socket table a process can have entries in (Unix sockets live in /proc/net/unix).
INET_TABLES = ("tcp", "tcp6", "udp", "udp6", "udplite", "udplite6", "raw", "raw6")


def inet_sockets(pid: int) -> list[str]:
    """The TCP, UDP and raw sockets (IPv4 and IPv6) process ``pid`` holds open; Unix sockets are not listed.

    /proc/PID/net/* lists every socket of the process's network namespace;
    those whose inode is one of /proc/PID/fd's ``socket:[inode]`` links are
    the process's own (threads share that table).
    """
    inodes = set()
    for link in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(link)
        except OSError:  # closed while we looked
            continue
        found = re.fullmatch(r"socket:\[(\d+)\]", target)
        if found:
            inodes.add(found.group(1))
    sockets = []
    for table in INET_TABLES:
        try:
            rows = Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]
        except FileNotFoundError:  # protocol not built into this kernel
            continue
        for row in rows:
            # sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
            fields = row.split()
            if fields[9] in inodes:
                sockets.append(f"{table} {fields[1]} -> {fields[2]}")
    return sockets


def control_request(path: str, *lines: bytes) -> list[dict]:
    """Send request lines to a control socket as the command line would; one parsed reply per line."""
    with socket.socket(socket.AF_UNIX) as client:
        client.settimeout(10)
        client.connect(path)
        client.sendall(b"".join(line + b"\n" for line in lines))
        data = b""
        while data.count(b"\n") < len(lines):
            chunk = client.recv(65536)
            if not chunk:
                break
            data += chunk
    return [json.loads(line) for line in data.splitlines()]


def status(desktop_env: dict[str, str], profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run(deskbreak_cmd(profile, "status"), env=desktop_env, capture_output=True, text=True,
                          timeout=60)


@pytest.fixture
def app(desktop, tmp_path):
    process = desktop.spawn(deskbreak_cmd(tmp_path), name="deskbreak")
    process.wait_for_output(TRAY_SHOWN, stream="stderr", timeout=30)
    return process


def test_ten_simultaneous_launches_leave_one_deskbreak_with_one_tray_icon(desktop, tmp_path):
    launches = [desktop.spawn(deskbreak_cmd(tmp_path), name="deskbreak") for _ in range(LAUNCHES)]
    wait_for(lambda: sum(launch.running() for launch in launches) <= 1, timeout=90, interval=0.2,
             message="all launches but one to exit")
    running = [launch for launch in launches if launch.running()]
    assert len(running) == 1, "\n\n".join(f"{launch.name}: {launch.stderr()}" for launch in launches)
    [owner] = running
    owner.wait_for_output(TRAY_SHOWN, stream="stderr", timeout=30)
    for launch in launches:
        if launch is not owner:
            assert launch.returncode == 0, launch.stderr()
            assert "deskbreak is already running; showing it." in launch.stderr()
            assert TRAY_SHOWN not in launch.stderr()

    wait_for(lambda: len(desktop.tray_icons()) == 1, timeout=10, message="one tray icon")
    time.sleep(1.0)  # a late second icon would show up now
    assert len(desktop.tray_icons()) == 1
    done = status(desktop.env, tmp_path)
    assert done.returncode == 0, done.stderr


def squat_the_socket_folders(env: dict[str, str], tmp_path: Path) -> Path:
    """Another user got there first: $XDG_RUNTIME_DIR/deskbreak and <tmp>/deskbreak-<uid> are theirs."""
    runtime = tmp_path / "xdg"
    runtime.mkdir(mode=0o700)
    temp = tmp_path / "tmp"
    temp.mkdir()
    for squatted in (runtime / "deskbreak", temp / f"deskbreak-{os.getuid()}"):
        squatted.mkdir()
        squatted.chmod(0o777)
        os.chown(squatted, NOBODY, NOBODY)
    env.update(XDG_RUNTIME_DIR=str(runtime), TMPDIR=str(temp))
    return tmp_path / "data" / "run"


def squat_the_socket(env: dict[str, str], tmp_path: Path) -> socket.socket:
    """Another user's socket sits at our socket's name, listening but never answering."""
    name = str(runtime_directory(tmp_path / "data", environ=env) / f"{profile_key(tmp_path / 'data')}.sock")
    squatter = socket.socket(socket.AF_UNIX)
    squatter.bind(name)
    squatter.listen(1)
    os.chown(name, NOBODY, NOBODY)
    return squatter


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="needs root to make a folder or socket belong to another user")
@pytest.mark.parametrize("squat", ["socket folders", "socket"])
def test_names_another_user_took_first_never_stop_deskbreak_from_starting(desktop, tmp_path, squat):
    env = dict(desktop.env)
    squatter = None
    if squat == "socket folders":
        expected_folder = squat_the_socket_folders(env, tmp_path)
    else:
        squatter = squat_the_socket(env, tmp_path)
        expected_folder = Path(env["XDG_RUNTIME_DIR"]) / "deskbreak"
    try:
        process = start_process(deskbreak_cmd(tmp_path), env, name="deskbreak", log_dir=tmp_path / "processes")
        desktop.processes.append(process)  # stopped and reported like spawn()'s
        desktop.register_stderr(process.name, process.stderr_path)
        process.wait_for_output(TRAY_SHOWN, stream="stderr", timeout=30)
        assert "already running" not in process.stderr()
        done = status(env, tmp_path)
        assert done.returncode == 0, done.stderr
        assert (expected_folder / f"{profile_key(tmp_path / 'data')}.sock").exists()
    finally:
        if squatter is not None:
            squatter.close()


def test_malformed_requests_get_an_error_line_and_the_app_keeps_serving(desktop, app, tmp_path):
    name = str(runtime_directory(tmp_path / "data", environ=desktop.env) / f"{profile_key(tmp_path / 'data')}.sock")
    replies = control_request(
        name,
        b'{"command": ["show"]}',
        b'{"command": {"status": 1}}',
        b"not json",
        b'{"command": "fly"}',
        b'{"command": "pause", "duration": "3 fortnights"}',
        b'{"command": "status"}',
    )
    *errors, last = replies
    assert [reply["ok"] for reply in errors] == [False] * 5
    assert all(reply["error"] for reply in errors)
    assert last["ok"] is True and last["state"]
    assert app.running()
    assert "Traceback" not in app.stderr()


def test_inet_sockets_sees_an_inet_socket_and_passes_over_unix_ones(tmp_path):
    with socket.socket(socket.AF_INET) as tcp, socket.socket(socket.AF_UNIX) as unix:
        tcp.bind(("127.0.0.1", 0))
        tcp.listen(1)
        unix.bind(str(tmp_path / "unix.sock"))
        unix.listen(1)
        port = tcp.getsockname()[1]
        assert inet_sockets(os.getpid()) == [f"tcp 0100007F:{port:04X} -> 00000000:0000"]


def test_the_running_app_opens_no_network_socket(desktop, app):
    wait_for(lambda: len(desktop.tray_icons()) == 1, timeout=10, message="one tray icon")
    # Several looks over a few seconds: a socket opened now and then should be caught too.
    for _ in range(10):
        assert inet_sockets(app.pid) == []
        time.sleep(0.3)
