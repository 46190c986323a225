"""Loading a KWin script from text, running it and unloading it, against the fake KWin of fake_kwin.py."""

from __future__ import annotations

import os
import time

import pytest

from adapters.kwin_control import FAKE_KWIN, ask_kwin
from deskbreak.adapters import kwin_scripting
from deskbreak.adapters.kwin_scripting import KWinScriptError


def test_a_loaded_script_runs_in_kwin_from_a_private_file_that_is_gone_after(spawn_on_bus, bus):
    spawn_on_bus(FAKE_KWIN)
    script = kwin_scripting.load("openWindow({pid: 7});", "deskbreak-test", bus)
    assert ask_kwin(bus, "Eval", "workspace.clientList().map(window => window.pid).join()") == "7"
    assert ask_kwin(bus, "Loaded") == "deskbreak-test"
    [handed_over] = ask_kwin(bus, "Paths").splitlines()
    path, mode = handed_over.rsplit(" ", 1)
    assert mode == "600"
    assert not os.path.exists(path)
    script.unload()


def test_unload_takes_the_script_out_once(spawn_on_bus, bus):
    spawn_on_bus(FAKE_KWIN)
    script = kwin_scripting.load("", "deskbreak-test", bus)
    script.unload()
    script.unload()
    assert ask_kwin(bus, "Loaded") == ""


def test_a_script_left_loaded_by_an_earlier_run_is_replaced(spawn_on_bus, bus):
    spawn_on_bus(FAKE_KWIN)
    kwin_scripting.load("openWindow({pid: 1});", "deskbreak-test", bus)  # never unloaded: the app crashed
    kwin_scripting.load("openWindow({pid: 2});", "deskbreak-test", bus)
    assert ask_kwin(bus, "Loaded") == "deskbreak-test"
    assert ask_kwin(bus, "Eval", "workspace.clientList().map(window => window.pid).join()") == "1,2"


def test_without_kwin_loading_fails_at_once_and_leaves_no_file(bus, tmp_path, monkeypatch):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    started = time.monotonic()
    with pytest.raises(KWinScriptError, match="org.kde.KWin"):
        kwin_scripting.load("", "deskbreak-test", bus)
    assert time.monotonic() - started < 0.5  # the bus answers "no such name" at once
    assert list(temporary.iterdir()) == []


def test_a_stuck_kwin_costs_the_timeout_only(spawn_on_bus, bus):
    spawn_on_bus(FAKE_KWIN, "--hang")
    started = time.monotonic()
    with pytest.raises(KWinScriptError):
        kwin_scripting.load("", "deskbreak-test", bus, timeout_ms=200)
    assert time.monotonic() - started < 1.5  # load, then the unload that tidies up: one timeout each
