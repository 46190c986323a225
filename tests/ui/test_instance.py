"""One deskbreak per profile: the lock decides, the socket folder is ours, and every request gets an answer.

Launches race in real processes (a lock between threads of one process
proves nothing). Requests reach the server from a plain socket on a worker
thread, since a blocking Qt client on the GUI thread would starve the
server it waits for.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import stat
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from deskbreak.ui.instance import (
    MAX_REQUEST_BYTES,
    InstanceError,
    InstanceServer,
    SingleInstance,
    profile_key,
    runtime_directory,
    send_command,
)

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="Unix sockets, owners and flock")

REPO = Path(__file__).resolve().parents[2]
UID = os.getuid() if hasattr(os, "getuid") else 0
NOBODY = 65534
LAUNCHES = 10


@pytest.fixture
def give_to_another_user():
    """chown a path to nobody; only root can, so the test is skipped for anyone else."""
    if os.geteuid() != 0:
        pytest.skip("needs root to make a file belong to another user")
    return lambda path: os.chown(path, NOBODY, NOBODY, follow_symlinks=False)


@pytest.fixture
def places(tmp_path):
    """A data folder, a private XDG_RUNTIME_DIR and a temp folder standing in for /tmp."""
    xdg = tmp_path / "xdg"
    xdg.mkdir(mode=0o700)
    temp = tmp_path / "tmp"
    temp.mkdir()
    return {"data": tmp_path / "data", "xdg": xdg, "temp": temp}


def child_environment(temp: Path) -> dict[str, str]:
    """No XDG_RUNTIME_DIR, and a TMPDIR of the test's own: the real /tmp is never touched."""
    environment = {k: v for k, v in os.environ.items() if k != "XDG_RUNTIME_DIR"}
    environment.update(PYTHONPATH=str(REPO), TMPDIR=str(temp), QT_QPA_PLATFORM="offscreen")
    return environment


# -- where the lock and the socket live ----------------------------------------------


def test_the_socket_folder_is_a_private_one_in_xdg_runtime_dir(places):
    folder = runtime_directory(places["data"], environ={"XDG_RUNTIME_DIR": str(places["xdg"])},
                               temp_dir=places["temp"])
    assert folder == places["xdg"] / "deskbreak"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    instance = SingleInstance(places["data"], environ={"XDG_RUNTIME_DIR": str(places["xdg"])},
                              temp_dir=places["temp"])
    assert instance.server_name == str(folder / f"{profile_key(places['data'])}.sock")


def test_without_xdg_runtime_dir_a_private_folder_in_tmp_is_used(places):
    for environ in ({}, {"XDG_RUNTIME_DIR": "relative/path"}):
        folder = runtime_directory(places["data"], environ=environ, temp_dir=places["temp"])
        assert folder == places["temp"] / f"deskbreak-{UID}"
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_isolated_profiles_get_different_sockets(places):
    first = SingleInstance(places["data"], environ={}, temp_dir=places["temp"])
    second = SingleInstance(places["data"].with_name("other"), environ={}, temp_dir=places["temp"])
    assert first.server_name != second.server_name
    assert first.try_acquire() and second.try_acquire()
    first.release()
    second.release()


def test_a_folder_another_user_made_first_is_passed_over(places, give_to_another_user):
    squatted_xdg = places["xdg"] / "deskbreak"
    squatted_tmp = places["temp"] / f"deskbreak-{UID}"
    for squatted in (squatted_xdg, squatted_tmp):
        squatted.mkdir()
        squatted.chmod(0o777)
        give_to_another_user(squatted)

    folder = runtime_directory(places["data"], environ={"XDG_RUNTIME_DIR": str(places["xdg"])},
                               temp_dir=places["temp"])
    assert folder == places["data"] / "run"
    assert stat.S_IMODE(squatted_tmp.stat().st_mode) == 0o777, "another user's folder is never changed"


@pytest.mark.parametrize("squat", ["symlink to a folder of ours", "file"])
def test_a_symlink_or_a_file_in_place_of_the_tmp_folder_is_passed_over(places, squat):
    squatted = places["temp"] / f"deskbreak-{UID}"
    if squat == "file":
        squatted.write_text("")
    else:
        (places["temp"] / "ours").mkdir(mode=0o700)
        squatted.symlink_to(places["temp"] / "ours")
    assert runtime_directory(places["data"], environ={}, temp_dir=places["temp"]) == places["data"] / "run"


def test_a_lock_file_planted_by_another_user_is_passed_over(places, give_to_another_user):
    folder = places["temp"] / f"deskbreak-{UID}"
    folder.mkdir(mode=0o700)
    planted = folder / f"{profile_key(places['data'])}.lock"
    planted.write_text("")
    give_to_another_user(planted)
    assert runtime_directory(places["data"], environ={}, temp_dir=places["temp"]) == places["data"] / "run"


def test_when_no_folder_can_be_ours_the_error_names_each_one(places):
    (places["temp"] / f"deskbreak-{UID}").write_text("")
    places["data"].parent.mkdir(exist_ok=True)
    places["data"].write_text("a file where the data folder should be")
    with pytest.raises(InstanceError) as caught:
        runtime_directory(places["data"], environ={}, temp_dir=places["temp"])
    assert f"deskbreak-{UID}" in str(caught.value) and str(places["data"] / "run") in str(caught.value)


# -- the lock ---------------------------------------------------------------------


def test_one_holder_at_a_time_and_release_lets_the_next_in(places):
    first = SingleInstance(places["data"], environ={}, temp_dir=places["temp"])
    second = SingleInstance(places["data"], environ={}, temp_dir=places["temp"])
    assert first.try_acquire() and first.owned
    assert first.try_acquire(), "asking again while holding it is harmless"
    assert not second.try_acquire() and not second.owned
    first.release()
    assert second.try_acquire()
    second.release()
    assert first.lock_path.exists(), "the lock file stays, so a waiting launch and a new one lock the same file"
    assert stat.S_IMODE(first.lock_path.stat().st_mode) == 0o600


_LAUNCH = """
import json, os, sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from deskbreak.ui.instance import SingleInstance

data_dir, go, launches = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
app = QCoreApplication([])
print("ready", flush=True)
while not go.exists():  # every launch leaves the starting line together
    time.sleep(0.001)
instance = SingleInstance(data_dir)
reply = instance.acquire_or_forward("show", timeout_ms=30000)
if reply is not None:
    print(json.dumps({"forwarded": reply}), flush=True)
    sys.exit(0)
shown = []

def handle(request):
    shown.append(request["command"])
    if len(shown) == launches - 1:
        QTimer.singleShot(300, app.quit)
    return {"ok": True, "owner": os.getpid()}

server = instance.serve(handle, app)
QTimer.singleShot(30000, app.quit)
app.exec()
print(json.dumps({"owned": shown}), flush=True)
"""


def start_launch(script: str, *arguments: object, temp: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *map(str, arguments)], env=child_environment(temp),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_ten_simultaneous_launches_leave_one_owner_that_the_others_ask_to_show_itself(places):
    go = places["temp"] / "go"
    launches = [start_launch(_LAUNCH, places["data"], go, LAUNCHES, temp=places["temp"])
                for _ in range(LAUNCHES)]
    try:
        for launch in launches:
            assert launch.stdout.readline().strip() == "ready", launch.stderr.read()
        go.touch()
        results = []
        for launch in launches:
            out, err = launch.communicate(timeout=60)
            assert launch.returncode == 0, err
            results.append(json.loads(out.strip().splitlines()[-1]))
    finally:
        for launch in launches:
            launch.kill()
            launch.communicate()
    owners = [r for r in results if "owned" in r]
    forwarded = [r["forwarded"] for r in results if "forwarded" in r]
    assert len(owners) == 1, results
    assert owners[0]["owned"] == ["show"] * (LAUNCHES - 1)
    assert len(forwarded) == LAUNCHES - 1
    assert len({reply["owner"] for reply in forwarded}) == 1 and all(reply["ok"] for reply in forwarded)


_HOLD_WITHOUT_LISTENING = """
import sys, time
from pathlib import Path
from deskbreak.ui.instance import SingleInstance
instance = SingleInstance(Path(sys.argv[1]))
assert instance.try_acquire()
print("holding", flush=True)
time.sleep(120)
"""


@pytest.fixture
def holder(places):
    """Another process that holds the profile but never listens (still loading, or hung)."""
    process = start_launch(_HOLD_WITHOUT_LISTENING, places["data"], temp=places["temp"])
    assert process.stdout.readline().strip() == "holding", process.stderr.read()
    yield process
    process.kill()
    process.communicate()


def test_a_launch_waiting_on_a_holder_that_dies_before_listening_takes_over(qapp, places, holder):
    instance = SingleInstance(places["data"], environ={}, temp_dir=places["temp"])
    killer = threading.Timer(0.5, holder.send_signal, (signal.SIGKILL,))
    killer.start()
    try:
        assert instance.acquire_or_forward("show", timeout_ms=20000) is None
    finally:
        killer.cancel()
    assert instance.owned
    instance.release()


def test_a_holder_that_never_answers_gets_a_clear_error_not_a_second_instance(qapp, places, holder):
    instance = SingleInstance(places["data"], environ={}, temp_dir=places["temp"])
    reply = instance.acquire_or_forward("show", timeout_ms=300)
    assert reply["ok"] is False
    assert reply["error"] == f"another deskbreak (pid {holder.pid}) holds this profile but did not answer within 0.3 s"
    assert not instance.owned


# -- whatever sits at the socket's name does not stop the holder ------------------------


def exchange(qtbot, path: str, payload: bytes, replies: int = 1) -> list[dict]:
    """Send ``payload`` from a worker thread while Qt serves; the reply lines, parsed."""

    def talk() -> bytes:
        with socket.socket(socket.AF_UNIX) as client:
            client.settimeout(10)
            client.connect(path)
            client.sendall(payload)
            data = b""
            while data.count(b"\n") < replies:
                chunk = client.recv(65536)
                if not chunk:
                    break
                data += chunk
            return data

    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(talk)
        qtbot.waitUntil(future.done, timeout=10000)
        data = future.result()
    lines = data.splitlines()
    assert len(lines) == replies and data.endswith(b"\n"), data
    return [json.loads(line) for line in lines]


def ping_handler(request: dict) -> dict:
    return {"ok": True, "command": request["command"]}


@pytest.fixture
def owned(places):
    instance = SingleInstance(places["data"], environ={}, temp_dir=places["temp"])
    assert instance.try_acquire()
    yield instance
    instance.release()


def test_a_file_of_another_user_at_the_socket_name_is_replaced(qtbot, owned, give_to_another_user):
    Path(owned.server_name).write_text("squatter")
    give_to_another_user(owned.server_name)
    server = owned.serve(ping_handler)
    try:
        assert exchange(qtbot, owned.server_name, b'{"command": "show"}\n') == [{"ok": True, "command": "show"}]
        assert stat.S_IMODE(os.stat(owned.server_name).st_mode) & 0o077 == 0
    finally:
        server.close()


def test_a_socket_nobody_answers_on_at_the_name_is_replaced(qtbot, owned):
    # Bound and listening but never accepting: a ping would connect and then
    # wait in vain, which used to make deskbreak think it was running.
    squatter = socket.socket(socket.AF_UNIX)
    squatter.bind(owned.server_name)
    squatter.listen(1)
    try:
        server = owned.serve(ping_handler)
        try:
            assert exchange(qtbot, owned.server_name, b'{"command": "ping"}\n') == [{"ok": True, "command": "ping"}]
        finally:
            server.close()
    finally:
        squatter.close()


def test_a_server_started_without_the_lock_takes_over_only_a_dead_name(qtbot, owned):
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(owned.server_name)
    stale.close()  # what a crashed deskbreak leaves: a socket file nobody listens on
    server = InstanceServer(owned.server_name, ping_handler)
    try:
        assert server.listen()
        assert exchange(qtbot, owned.server_name, b'{"command": "status"}\n') == [{"ok": True, "command": "status"}]
    finally:
        server.close()


def test_serving_needs_the_lock(places):
    instance = SingleInstance(places["data"], environ={}, temp_dir=places["temp"])
    with pytest.raises(RuntimeError, match="try_acquire"):
        instance.serve(ping_handler)


# -- every request gets one reply line -----------------------------------------------


def app_like_handler(request: dict) -> dict:
    """Fails the ways the app's handler can: bad values, bugs, replies that are not JSON."""
    command = request["command"]
    if command == "ping":
        return {"ok": True}
    if command == "pause":
        raise ValueError("cannot read the duration '3 fortnights'")
    if command == "boom":
        raise RuntimeError("a bug in a handler")
    if command == "lookup":
        return {"ok": True, "value": {}["missing"]}
    if command == "odd":
        return {"ok": True, "when": object()}
    if command == "not-a-dict":
        return ["ok"]
    # What handle_request does with an unhashable command: the reported TypeError.
    if command in {"status": 1}:
        return {"ok": True}
    return {"ok": False, "error": f"unknown command {command!r}"}


BAD_REQUESTS = [
    (b"not json", "bad request: not JSON"),
    (b"\xff\xfe", "bad request: not JSON"),
    (b"[1, 2]", "bad request: a request is a JSON object"),
    (b'"show"', "bad request: a request is a JSON object"),
    (b'{"command": ["show"]}', "bad request: the command must be a string, not list"),
    (b'{"command": {"show": 1}}', "bad request: the command must be a string, not dict"),
    (b'{"command": 7}', "bad request: the command must be a string, not int"),
    (b'{"no": "command"}', "bad request: the command must be a string, not NoneType"),
    (b'{"command": "fly"}', "unknown command 'fly'"),
    (b'{"command": "pause", "duration": "3 fortnights"}', "bad request: cannot read the duration '3 fortnights'"),
    (b'{"command": "boom"}', "the 'boom' command failed inside deskbreak; its log has the details"),
    (b'{"command": "lookup"}', "the 'lookup' command failed inside deskbreak; its log has the details"),
    (b'{"command": "odd"}', "the 'odd' command failed inside deskbreak; its log has the details"),
    (b'{"command": "not-a-dict"}', "the 'not-a-dict' command failed inside deskbreak; its log has the details"),
]


@pytest.fixture
def server(owned):
    served = owned.serve(app_like_handler)
    yield owned.server_name
    served.close()


@pytest.mark.parametrize("request_line, error", BAD_REQUESTS, ids=[r.decode("latin-1") for r, _ in BAD_REQUESTS])
def test_a_malformed_request_gets_a_one_line_error_and_the_server_keeps_serving(qtbot, server, request_line, error):
    first, after = exchange(qtbot, server, request_line + b"\n" + b'{"command": "ping"}\n', replies=2)
    assert first == {"ok": False, "error": first["error"]}
    assert first["error"].startswith(error)
    assert after == {"ok": True}
    # And a new connection is served too.
    assert exchange(qtbot, server, b'{"command": "ping"}\n') == [{"ok": True}]


def test_a_handler_bug_is_logged_with_its_traceback(qtbot, server, caplog):
    with caplog.at_level(logging.ERROR, logger="deskbreak.ui.instance"):
        exchange(qtbot, server, b'{"command": "boom"}\n')
    [record] = caplog.records
    assert record.exc_info and "a bug in a handler" in str(record.exc_info[1])


def test_an_endless_request_is_cut_off_with_an_error(qtbot, server):
    [reply] = exchange(qtbot, server, b"x" * (MAX_REQUEST_BYTES + 10))
    assert reply == {"ok": False, "error": f"bad request: longer than {MAX_REQUEST_BYTES} bytes"}
    assert exchange(qtbot, server, b'{"command": "ping"}\n') == [{"ok": True}]


# -- the client side --------------------------------------------------------------


_ANSWER_ONCE = """
import socket, sys
listener = socket.socket(socket.AF_UNIX)
listener.bind(sys.argv[1])
listener.listen(1)
print("listening", flush=True)
connection, _ = listener.accept()
connection.recv(65536)
connection.sendall(sys.argv[2].encode())
connection.close()
"""


def fake_server(path: str, answer: bytes, temp: Path) -> subprocess.Popen:
    """A process, not a thread: PySide6 keeps the GIL while send_command waits."""
    process = start_launch(_ANSWER_ONCE, path, answer.decode(), temp=temp)
    assert process.stdout.readline().strip() == "listening"
    return process


def test_send_command_reports_nobody_listening_as_none(qapp, owned):
    assert send_command(owned.server_name, "status", timeout_ms=500) is None


@pytest.mark.parametrize("answer, error", [
    (b"", "no answer from the running deskbreak"),
    (b"garbage\n", "the running deskbreak answered something unreadable"),
    (b"[1]\n", "the running deskbreak answered something unreadable"),
])
def test_send_command_turns_a_bad_answer_into_an_error_reply(qapp, places, owned, answer, error):
    server = fake_server(owned.server_name, answer, places["temp"])
    reply = send_command(owned.server_name, "status", timeout_ms=5000)
    server.communicate(timeout=10)
    assert reply["ok"] is False and reply["error"].startswith(error)
