"""One deskbreak per profile on a real desktop: racing launches, squatted names, bad requests, floods, no network.

Each test runs the real app on an isolated profile. Launches race as real
processes; the squatting "other user" is nobody (uid 65534), which only a
root test run can make; the control socket is spoken to as the command line
would, with one line of JSON.
"""

from __future__ import annotations

import json
import os
import re
import resource
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from deskbreak.shell.control_socket import MAX_CONNECTIONS
from deskbreak.shell.instance import profile_key, runtime_directory
from support.socket_client import JSON_VALUES, connections, raise_own_file_limit, talk

from .desktop import start_process, wait_for
from support.app_cli import deskbreak_cmd

LAUNCHES = 10
FLOOD = 1100
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


def control_socket(desktop, tmp_path: Path) -> str:
    return str(runtime_directory(tmp_path / "data", environ=desktop.env) / f"{profile_key(tmp_path / 'data')}.sock")


def test_malformed_requests_get_an_error_line_and_the_app_keeps_serving(desktop, app, tmp_path):
    replies = control_request(
        control_socket(desktop, tmp_path),
        b'{"command": ["show"]}',
        b'{"command": {"status": 1}}',
        b"not json",
        b'{"command": "fly"}',
        b'{"command": "pause", "duration": "3 fortnights"}',
        b"[" * 5000 + b"]" * 5000,
        b'{"command": "runs", "days": true}',
        b'{"command": "status"}',
    )
    *errors, last = replies
    assert [reply["ok"] for reply in errors] == [False] * 7
    assert all(reply["error"] for reply in errors)
    assert last["ok"] is True and last["state"]
    assert app.running()
    assert "Traceback" not in app.stderr()


#: What a client may ask without opening windows, changing settings or quitting.
HARMLESS_COMMANDS = ["ping", "status", "runs", "pause", "resume", "postpone", "skip-next", "no-run-today", "fly"]
REQUESTS = st.one_of(
    st.binary(max_size=300),
    st.fixed_dictionaries({"command": st.sampled_from(HARMLESS_COMMANDS)},
                          optional={"days": JSON_VALUES, "duration": JSON_VALUES, "kind": JSON_VALUES})
    .map(lambda request: json.dumps(request).encode()),
    st.integers(1, 20_000).map(lambda depth: b'{"command": "status", "a": ' + b"[" * depth + b"]" * depth + b"}"),
)


@hsettings(max_examples=60, deadline=None,
           suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(request=REQUESTS)
def test_whatever_a_client_sends_the_app_answers_or_hangs_up_and_keeps_serving(desktop, app, tmp_path, request):
    name = control_socket(desktop, tmp_path)
    data, closed = talk(name, request.replace(b"\n", b" ") + b"\n", replies=1)
    assert (closed and data == b"") or isinstance(json.loads(data)["ok"], bool), data
    [status] = control_request(name, b'{"command": "status"}')
    assert status["ok"] is True
    assert "Traceback" not in app.stderr()


def open_files(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def with_file_limit(soft: int, hard: int, command: list[str]) -> list[str]:
    """A Python ``command`` started with these limits on open files."""
    return [sys.executable, "-c", "import os, resource, sys; "
            f"resource.setrlimit(resource.RLIMIT_NOFILE, ({soft}, {hard})); "
            "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])", *command[1:]]


@pytest.mark.parametrize("file_limit", [None, 1024, 48], ids=["raised to the hard limit", "the usual 1024", "48"])
def test_a_flood_of_connections_leaves_the_app_reachable_and_its_files_bounded(desktop, tmp_path, file_limit):
    """1,100 clients, where 1,031 used to stop the app listening for good; 48 files make accepting fail."""
    raise_own_file_limit(FLOOD)
    command = deskbreak_cmd(tmp_path)
    app = desktop.spawn(command if file_limit is None else with_file_limit(file_limit, file_limit, command),
                        name="deskbreak")
    app.wait_for_output(TRAY_SHOWN, stream="stderr", timeout=30)
    before = open_files(app.pid)
    with connections(control_socket(desktop, tmp_path), FLOOD):
        # A count, not a speed: on a busy machine shedding 1100 connections may take a while.
        wait_for(lambda: open_files(app.pid) <= before + MAX_CONNECTIONS, timeout=30,
                 message=f"deskbreak to keep at most {MAX_CONNECTIONS} of {FLOOD} connections")
        done = status(desktop.env, tmp_path)
        assert done.returncode == 0, done.stderr
        second = subprocess.run(deskbreak_cmd(tmp_path), env=desktop.env, capture_output=True, text=True,
                                timeout=60)
        assert second.returncode == 0, second.stderr
        assert "deskbreak is already running; showing it." in second.stderr
    assert app.running()
    log = app.stderr()
    assert "Traceback" not in log
    if file_limit == 48:
        assert "stopped listening for commands" in log and "again" in log, log
    else:
        assert "stopped listening" not in log, log


def test_the_app_raises_its_soft_open_file_limit_to_the_hard_one(desktop, tmp_path):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    low = min(256, hard)
    if low == hard:
        pytest.skip(f"the hard limit on open files is {hard}: nothing to raise")
    process = desktop.spawn(with_file_limit(low, hard, deskbreak_cmd(tmp_path)), name="deskbreak")
    process.wait_for_output(TRAY_SHOWN, stream="stderr", timeout=30)
    limits = Path(f"/proc/{process.pid}/limits").read_text()
    [files] = [line.split()[3:5] for line in limits.splitlines() if line.startswith("Max open files")]
    assert files == [str(hard), str(hard)]


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
