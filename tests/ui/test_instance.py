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
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, TypeVar

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from deskbreak.shell.control_socket import (
    MAX_CONNECTIONS,
    MAX_REQUEST_BYTES,
    MAX_REQUEST_DEPTH,
    InstanceServer,
    send_command,
)
from deskbreak.shell.instance import InstanceError, SingleInstance, profile_key, runtime_directory
from support.socket_client import JSON_VALUES, connected, connections, raise_own_file_limit, talk, talk_on

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="Unix sockets, owners and flock")

REPO = Path(__file__).resolve().parents[2]
UID = os.getuid() if hasattr(os, "getuid") else 0
NOBODY = 65534
LAUNCHES = 10
T = TypeVar("T")


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
from deskbreak.shell.instance import SingleInstance

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
from deskbreak.shell.instance import SingleInstance
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


def in_worker(qtbot, work: Callable[[], T]) -> T:
    """``work()`` on a worker thread while Qt serves, since a client on the GUI thread would starve the server."""
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(work)
        qtbot.waitUntil(future.done, timeout=20000)
        return future.result()


def converse(qtbot, path: str, payload: bytes, replies: int) -> tuple[bytes, bool]:
    return in_worker(qtbot, lambda: talk(path, payload, replies))


def exchange(qtbot, path: str, payload: bytes, replies: int = 1) -> list[dict]:
    """Send ``payload``; the ``replies`` reply lines, parsed."""
    data, _ = converse(qtbot, path, payload, replies)
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
    # What a handler does with an unhashable command: the reported TypeError.
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
    with caplog.at_level(logging.ERROR, logger="deskbreak.shell.control_socket"):
        exchange(qtbot, server, b'{"command": "boom"}\n')
    [record] = caplog.records
    assert record.exc_info and "a bug in a handler" in str(record.exc_info[1])


def test_an_endless_request_is_cut_off_with_an_error(qtbot, server):
    [reply] = exchange(qtbot, server, b"x" * (MAX_REQUEST_BYTES + 10))
    assert reply == {"ok": False, "error": f"bad request: longer than {MAX_REQUEST_BYTES} bytes"}
    assert exchange(qtbot, server, b'{"command": "ping"}\n') == [{"ok": True}]


PING = b'{"command": "ping"}\n'


def nested(depth: int, opening: bytes, closing: bytes) -> bytes:
    return opening * depth + b"1" + closing * depth


def test_json_nested_5000_deep_gets_an_error_and_the_next_request_is_answered(qtbot, server, capfd):
    deep, after = exchange(qtbot, server, nested(5000, b"[", b"]") + b"\n" + PING, replies=2)
    assert deep == {"ok": False, "error": f"bad request: nested deeper than {MAX_REQUEST_DEPTH} levels"}
    assert after == {"ok": True}
    assert "Traceback" not in capfd.readouterr().err


def test_json_nested_past_the_limit_never_reaches_the_handler(qtbot, server):
    too_deep = b'{"command": "ping", "value": ' + nested(MAX_REQUEST_DEPTH, b"[", b"]") + b"}"
    deepest = b'{"command": "ping", "value": ' + nested(MAX_REQUEST_DEPTH - 1, b'{"a": ', b"}") + b"}"
    refused, answered = exchange(qtbot, server, too_deep + b"\n" + deepest + b"\n", replies=2)
    assert refused == {"ok": False, "error": f"bad request: nested deeper than {MAX_REQUEST_DEPTH} levels"}
    assert answered == {"ok": True}


COMMANDS = st.sampled_from(["ping", "pause", "boom", "lookup", "odd", "not-a-dict", "status", "fly"])
REQUEST_BYTES = st.one_of(
    st.binary(max_size=1000),
    JSON_VALUES.map(lambda value: json.dumps(value).encode()),
    st.fixed_dictionaries({"command": COMMANDS | JSON_VALUES}, optional={"duration": JSON_VALUES})
    .map(lambda request: json.dumps(request).encode()),
    # Up to 40,000 deep: past the recursion limit, and objects past MAX_REQUEST_BYTES.
    st.tuples(st.integers(1, 40_000), st.sampled_from([(b"[", b"]"), (b'{"a":', b"}")]))
    .map(lambda shape: nested(shape[0], *shape[1])),
)


@hsettings(max_examples=150, deadline=None,
           suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(payload=REQUEST_BYTES)
def test_every_request_is_answered_or_its_connection_closed_and_the_server_keeps_serving(qtbot, server, payload):
    requests = payload.count(b"\n") + 1  # the payload's lines, the last one ended by us
    data, closed = converse(qtbot, server, payload + b"\n" + PING, replies=requests + 1)
    replies = [json.loads(line) for line in data.splitlines()]
    assert all(isinstance(reply, dict) and isinstance(reply.get("ok"), bool) for reply in replies), replies
    if not closed:
        assert len(replies) == requests + 1 and replies[-1] == {"ok": True}, replies
    assert exchange(qtbot, server, b'{"command": "status"}\n') == [{"ok": True}]


def test_a_client_that_never_reads_its_replies_is_let_go(qtbot, server):
    """Else the replies it leaves unread pile up in the server's memory."""
    most = 200_000

    def send_without_reading() -> int:
        sent = 0
        with connected(server) as client:
            while sent < most:
                try:
                    client.sendall(b"{}\n" * 1000)
                except (BrokenPipeError, ConnectionResetError):
                    break
                sent += 1000
        return sent

    # Each reply is about 80 bytes: a few thousand fill the kernel's buffer and the server's allowance.
    assert in_worker(qtbot, send_without_reading) < most / 4
    assert exchange(qtbot, server, PING) == [{"ok": True}]


# -- however many clients come, and however slowly ------------------------------------


def test_past_the_cap_the_connections_quiet_the_longest_are_dropped(qtbot, owned):
    served = owned.serve(ping_handler)
    extra = 5
    clients: list[socket.socket] = []

    def connect_all() -> tuple[bytes, bool]:
        clients.append(connected(owned.server_name))
        clients[0].sendall(b'{"command": ')
        clients.extend(connected(owned.server_name) for _ in range(MAX_CONNECTIONS + extra - 1))
        # Answered only after the server took every connection before it.
        return talk_on(clients[-1], PING, replies=1)

    def ask_each() -> list[bytes]:
        half_sent, *others, _ = clients
        finished = talk_on(half_sent, b'"status"}\n', replies=1)[0]
        return [finished] + [talk_on(client, PING, replies=1)[0] for client in others]

    try:
        assert json.loads(in_worker(qtbot, connect_all)[0]) == {"ok": True, "command": "ping"}
        assert served.connection_count == MAX_CONNECTIONS
        answers = [json.loads(answer) if answer else None for answer in in_worker(qtbot, ask_each)]
    finally:
        for client in clients:
            client.close()
        served.close()
    # A request half sent is not quiet: the five opened next, silent since, were let go.
    assert answers[0] == {"ok": True, "command": "status"}
    assert answers[1:1 + extra] == [None] * extra
    assert answers[1 + extra:] == [{"ok": True, "command": "ping"}] * (MAX_CONNECTIONS - 2)


def test_a_silent_or_slow_client_is_let_go_and_holds_up_nobody(qtbot, owned):
    timeout_ms = 1500
    served = InstanceServer(owned.server_name, ping_handler, idle_timeout_ms=timeout_ms)
    assert served.listen(replace=True)
    path = owned.server_name

    def silent() -> tuple[bytes, bool]:
        return talk(path, b"", replies=1)

    def half_sent() -> tuple[bytes, bool]:
        return talk(path, b'{"command": "pi', replies=2)

    def dripping() -> tuple[bytes, bool]:
        """A byte every 0.1 s, never a whole request: dripping does not keep a connection."""
        with connected(path) as client:
            for _ in range(50):
                try:
                    client.sendall(b" ")
                except (BrokenPipeError, ConnectionResetError):
                    break
                time.sleep(0.1)
            return talk_on(client, b"", replies=2)

    incomplete = {"ok": False, "error": f"bad request: incomplete after {timeout_ms / 1000:g} s "
                                        "(a request is one line ending in a newline)"}
    try:
        with ThreadPoolExecutor(3) as pool:
            waiting = [pool.submit(work) for work in (silent, half_sent, dripping)]
            assert exchange(qtbot, path, PING) == [{"ok": True, "command": "ping"}]
            assert not any(future.done() for future in waiting), "another client was answered while they waited"
            qtbot.waitUntil(lambda: all(future.done() for future in waiting), timeout=4000)
            quiet, half, drip = (future.result() for future in waiting)
    finally:
        served.close()
    assert quiet == (b"", True)
    assert json.loads(half[0]) == incomplete and half[1]
    assert json.loads(drip[0]) == incomplete and drip[1]


_SERVE_WITH_FEW_FILES = """
import logging, os, resource, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from deskbreak.shell.instance import SingleInstance

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
app = QCoreApplication([])
instance = SingleInstance(Path(sys.argv[1]))
assert instance.try_acquire()
server = instance.serve(lambda request: {"ok": True, "pid": os.getpid()}, app)
# Fewer files to spare than MAX_CONNECTIONS: accepting runs out of them before the cap.
limit = len(os.listdir("/dev/fd")) + int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))
print("listening", flush=True)
app.exec()
"""

FLOOD = 1100


def test_a_flood_of_connections_past_the_file_limit_leaves_the_server_answering(places):
    raise_own_file_limit(FLOOD)
    spare = MAX_CONNECTIONS // 4
    process = start_launch(_SERVE_WITH_FEW_FILES, places["data"], spare, temp=places["temp"])
    name = SingleInstance(places["data"], environ={}, temp_dir=places["temp"]).server_name
    try:
        assert process.stdout.readline().strip() == "listening", process.stderr.read()
        with connections(name, FLOOD):
            [status] = [json.loads(line) for line in talk(name, b'{"command": "status"}\n', replies=1)[0].splitlines()]
        assert status == {"ok": True, "pid": process.pid}
    finally:
        process.kill()
        _, log = process.communicate()
    stops = [line for line in log.splitlines() if "stopped listening" in line]
    assert stops, "the server should have run out of files: the test did not reach the path it is about"
    assert len(stops) <= 3, log
    assert "listening again" in log and "Traceback" not in log


_RAISE_FILE_LIMIT = """
import resource
from deskbreak.shell.instance import raise_open_file_limit
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(256, hard), hard))
raise_open_file_limit()
print(*resource.getrlimit(resource.RLIMIT_NOFILE), hard)
"""


def test_the_soft_open_file_limit_is_raised_to_the_hard_one(places):
    done = subprocess.run([sys.executable, "-c", _RAISE_FILE_LIMIT], env=child_environment(places["temp"]),
                          capture_output=True, text=True, timeout=60, check=True)
    soft, hard, hard_before = map(int, done.stdout.split())
    assert soft == hard == hard_before


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
