"""The break window kept above the others on KDE Plasma's Wayland session, through a KWin script.

Wayland lets no client stack its windows; KWin runs a script sent over
D-Bus that sets ``keepAbove`` on them. The D-Bus side runs against a fake
``org.kde.KWin`` on the private bus of ``tests/support/bus.py`` (answering as
KWin 5.27 and as KWin 6 do); the script itself runs in Qt's JavaScript engine
against a stand-in for KWin's ``workspace``. tests/desktop/test_kwin_desktop.py
checks the same against the real KWin.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtQml import QJSEngine

from deskbreak.adapters.kwin_keep_above import KWinKeepAbove, keep_above_adapter, keep_above_script

FAKE_KWIN = Path(__file__).with_name("fake_kwin_recorder.py")
CAPTIONS = ["deskbreak: Sit-break", "deskbreak: Sit-break in progress"]
OUR_PID = 4242


def calls(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []


def calls_named(log: Path, name: str) -> list[dict]:
    return [call for call in calls(log) if call["call"] == name]


@pytest.fixture
def kwin_log(tmp_path) -> Path:
    return tmp_path / "kwin-calls.jsonl"


@pytest.fixture
def make_adapter(qtbot, bus, tmp_path):
    """``make_adapter(**options)``: an adapter on the private bus, gone before the bus is.

    A call still waiting for its answer must not outlive the connection it was
    sent on (Qt 6.11 crashes deleting it after the connection), so each
    adapter is released and deleted, with its calls, while the bus is up.
    """
    made: list[KWinKeepAbove] = []

    def make(**options) -> KWinKeepAbove:
        options.setdefault("timeout_ms", 3000)
        made.append(KWinKeepAbove(bus, pid=OUR_PID, script_dir=tmp_path / "scripts", **options))
        return made[-1]

    yield make
    for keeper in made:
        keeper.release()
        shiboken6.delete(keeper)


@pytest.fixture
def adapter(make_adapter) -> KWinKeepAbove:
    return make_adapter()


@pytest.mark.parametrize("version, run_path", [(5, "/0"), (6, "/Scripting/Script0")])
def test_the_script_is_loaded_run_and_unloaded_again(qtbot, spawn_on_bus, adapter, kwin_log, version, run_path):
    spawn_on_bus(FAKE_KWIN, str(kwin_log), "--version", str(version))
    with qtbot.waitSignal(adapter.keptAbove, timeout=5000):
        adapter.keep_above(CAPTIONS)
    (load,) = calls_named(kwin_log, "loadScript")
    assert load["name"] == f"deskbreak-keep-above-{OUR_PID}"
    (run,) = calls_named(kwin_log, "run")
    assert run["path"] == run_path
    assert run["text"] == keep_above_script(OUR_PID, CAPTIONS)
    adapter.release()
    qtbot.waitUntil(lambda: len(calls_named(kwin_log, "unloadScript")) == 1, timeout=5000)
    assert calls_named(kwin_log, "unloadScript")[0]["name"] == load["name"]
    assert not Path(load["path"]).exists()  # the script file goes with the script


def test_the_next_break_loads_its_script_again(qtbot, spawn_on_bus, adapter, kwin_log):
    spawn_on_bus(FAKE_KWIN, str(kwin_log))
    for captions in (CAPTIONS, ["deskbreak: Back-care routine"]):
        with qtbot.waitSignal(adapter.keptAbove, timeout=5000):
            adapter.keep_above(captions)
    assert [call["call"] for call in calls(kwin_log)] == [
        "loadScript", "run", "unloadScript", "loadScript", "run"]
    assert "Back-care routine" in calls_named(kwin_log, "run")[-1]["text"]


def test_a_kwin_that_does_not_answer_never_blocks_the_caller(qtbot, spawn_on_bus, make_adapter, tmp_path, kwin_log):
    spawn_on_bus(FAKE_KWIN, str(kwin_log), "--hang")
    keeper = make_adapter(timeout_ms=10_000)
    started = time.monotonic()
    keeper.keep_above(CAPTIONS)
    keeper.release()
    # Both return at once: the calls wait for their answers on the event loop, not here.
    assert time.monotonic() - started < 1.0
    assert not list((tmp_path / "scripts").glob("*"))


def test_without_kwin_nothing_is_kept_and_nothing_fails(qtbot, adapter, tmp_path):
    with qtbot.waitSignal(adapter.failed, timeout=5000):
        adapter.keep_above(CAPTIONS)
    adapter.release()
    assert not list((tmp_path / "scripts").glob("*"))


@pytest.mark.parametrize("environ, wayland, wanted", [
    ({"XDG_CURRENT_DESKTOP": "KDE"}, True, True),
    ({"XDG_CURRENT_DESKTOP": "ubuntu:KDE"}, True, True),
    ({"XDG_CURRENT_DESKTOP": "KDE"}, False, False),  # X11: Qt's stay-on-top hint does it
    ({"XDG_CURRENT_DESKTOP": "GNOME"}, True, False),
    ({}, True, False),
])
def test_only_kde_on_wayland_gets_the_adapter(bus, environ, wayland, wanted):
    adapter = keep_above_adapter(environ=environ, wayland=wayland, bus=bus)
    assert (adapter is not None) == wanted


# -- the script, in Qt's JavaScript engine against a stand-in for KWin's workspace --

WORKSPACE_5 = """
var added = [];
var workspace = {
    windows: [],
    clientList: function () { return this.windows.slice(); },
    clientAdded: {connect: function (handler) { added.push(handler); }},
};
function addWindow(window) { workspace.windows.push(window); added.forEach(function (h) { h(window); }); }
"""
WORKSPACE_6 = WORKSPACE_5.replace("clientList", "windowList").replace("clientAdded", "windowAdded")


def window(caption: str, pid: int = OUR_PID) -> str:
    return json.dumps({"caption": caption, "pid": pid, "keepAbove": False})


@pytest.mark.parametrize("workspace", [WORKSPACE_5, WORKSPACE_6], ids=["kwin-5", "kwin-6"])
def test_the_script_keeps_our_break_windows_above_and_no_others(workspace):
    engine = QJSEngine()
    setup = engine.evaluate(workspace + "".join(f"workspace.windows.push({w});" for w in (
        window("deskbreak: Sit-break"), window("deskbreak settings"), window("deskbreak: Sit-break", pid=7))))
    assert not setup.isError(), setup.toString()
    ran = engine.evaluate(keep_above_script(OUR_PID, CAPTIONS))
    assert not ran.isError(), ran.toString()
    # Shown after the script ran: an overlay on a second and a third screen (KWin numbers equal captions).
    later = engine.evaluate(f"addWindow({window('deskbreak: Sit-break in progress')});"
                            f"addWindow({window('deskbreak: Sit-break in progress <2>')});"
                            f"addWindow({window('some editor')}); JSON.stringify(workspace.windows)")
    kept = {(w["caption"], w["pid"]): w["keepAbove"] for w in json.loads(later.toString())}
    assert kept == {
        ("deskbreak: Sit-break", OUR_PID): True,
        ("deskbreak settings", OUR_PID): False,
        ("deskbreak: Sit-break", 7): False,  # another deskbreak's (another user's) window
        ("deskbreak: Sit-break in progress", OUR_PID): True,
        ("deskbreak: Sit-break in progress <2>", OUR_PID): True,
        ("some editor", OUR_PID): False,
    }


def test_captions_are_quoted_for_javascript():
    odd = 'say "hi" \\ \u2028 </script>'
    engine = QJSEngine()
    result = engine.evaluate(WORKSPACE_6 + f"workspace.windows.push({window(odd)});"
                             + keep_above_script(OUR_PID, [odd]) + "; workspace.windows[0].keepAbove")
    assert result.toBool() is True, result.toString()
