"""A native fullscreen window in KDE Plasma holds a break: KWin runs our script, which reports to the app.

The fake KWin of fake_kwin.py runs the source's script in a JavaScript engine
against a stand-in workspace that the test changes (``openWindow``,
``change``, ``closeWindow``), and sends the script's ``callDBus`` from its own
connection, as KWin does. A fullscreen window takes no inhibitor, so only this
source sees it.
"""

from __future__ import annotations

import os
import time

from adapters.kwin_control import FAKE_KWIN, ask_kwin
from support.holds import FREE, detect_dnd, reason_of

HELD = "fullscreen window (KDE)"
OTHER_APP = 4242
OURS = os.getpid()


def kwin_holds(spawn_on_bus, bus):
    spawn_on_bus(FAKE_KWIN)
    holds = detect_dnd(environ={}, connection=bus)
    assert "kwin-fullscreen" in holds.name.split("+")
    return holds


def open_window(bus, **properties) -> int:
    fields = ", ".join(f"{name}: {'true' if value is True else 'false' if value is False else repr(value)}"
                       for name, value in properties.items())
    return int(ask_kwin(bus, "Eval", f"openWindow({{{fields}}})"))


def change(bus, window: int, prop: str, value) -> None:
    ask_kwin(bus, "Eval", f"change({window}, {prop!r}, {str(value).lower()})")


def settles_to(qtbot, holds, reason) -> None:
    qtbot.waitUntil(lambda: reason_of(holds) == reason, timeout=3000)


def test_another_apps_fullscreen_window_holds_until_it_closes(qtbot, spawn_on_bus, bus):
    holds = kwin_holds(spawn_on_bus, bus)
    assert reason_of(holds) == FREE
    window = open_window(bus, pid=OTHER_APP, fullScreen=True, resourceClass="mpv")
    settles_to(qtbot, holds, HELD)
    ask_kwin(bus, "Eval", f"closeWindow({window})")
    settles_to(qtbot, holds, FREE)


def test_a_window_turning_fullscreen_and_back(qtbot, spawn_on_bus, bus):
    holds = kwin_holds(spawn_on_bus, bus)
    window = open_window(bus, pid=OTHER_APP)
    change(bus, window, "fullScreen", True)
    settles_to(qtbot, holds, HELD)
    change(bus, window, "fullScreen", False)
    settles_to(qtbot, holds, FREE)


def test_a_fullscreen_window_already_open_at_start_holds(qtbot, spawn_on_bus, bus):
    spawn_on_bus(FAKE_KWIN)
    open_window(bus, pid=OTHER_APP, fullScreen=True)
    holds = detect_dnd(environ={}, connection=bus)
    settles_to(qtbot, holds, HELD)


def test_our_own_fullscreen_window_does_not_hold(qtbot, spawn_on_bus, bus):
    # The break window itself goes fullscreen: it must never hold the next break.
    holds = kwin_holds(spawn_on_bus, bus)
    open_window(bus, pid=OURS, fullScreen=True)
    other = open_window(bus, pid=OTHER_APP, fullScreen=True)
    settles_to(qtbot, holds, HELD)
    ask_kwin(bus, "Eval", f"closeWindow({other})")
    settles_to(qtbot, holds, FREE)


def test_a_minimized_fullscreen_window_or_one_on_another_desktop_does_not_hold(qtbot, spawn_on_bus, bus):
    holds = kwin_holds(spawn_on_bus, bus)
    window = open_window(bus, pid=OTHER_APP, fullScreen=True)
    settles_to(qtbot, holds, HELD)
    change(bus, window, "minimized", True)
    settles_to(qtbot, holds, FREE)
    change(bus, window, "minimized", False)
    settles_to(qtbot, holds, HELD)
    ask_kwin(bus, "Eval", "switchDesktop(2)")
    settles_to(qtbot, holds, FREE)
    change(bus, window, "desktop", 2)
    settles_to(qtbot, holds, HELD)


def test_only_kwin_is_believed(qtbot, spawn_on_bus, bus, private_bus):
    from PySide6.QtDBus import QDBusMessage

    from support.bus import connected_bus

    holds = kwin_holds(spawn_on_bus, bus)
    with connected_bus(private_bus, "impostor") as impostor:
        message = QDBusMessage.createMethodCall(bus.baseService(), "/io/github/deskbreak/KWinFullscreen",
                                                "io.github.deskbreak.KWinFullscreen", "Changed")
        message.setArguments([True, "impostor"])
        answer = impostor.asyncCall(message)
        qtbot.waitUntil(answer.isFinished, timeout=3000)
        assert answer.isError()
    assert reason_of(holds) == FREE


def test_closing_unloads_the_script_and_frees_the_object_for_the_next_source(qtbot, spawn_on_bus, bus):
    holds = kwin_holds(spawn_on_bus, bus)
    assert ask_kwin(bus, "Loaded") == "deskbreak-fullscreen"
    holds.close()
    assert ask_kwin(bus, "Loaded") == ""
    # Rebuilt (its keys changed, or the app restarted its sources): the object path is free again.
    rebuilt = detect_dnd(environ={}, connection=bus)
    assert "kwin-fullscreen" in rebuilt.name.split("+")
    open_window(bus, pid=OTHER_APP, fullScreen=True)
    settles_to(qtbot, rebuilt, HELD)


def test_without_kwin_or_with_a_stuck_one_no_source_is_built(spawn_on_bus, bus):
    assert "kwin-fullscreen" not in detect_dnd(environ={}, connection=bus).name
    spawn_on_bus(FAKE_KWIN, "--hang")
    started = time.monotonic()
    assert "kwin-fullscreen" not in detect_dnd(environ={}, connection=bus).name
    assert time.monotonic() - started < 2  # a stuck KWin costs a timeout or two at start, never a freeze


def test_macos_and_windows_build_no_kwin_source(spawn_on_bus, bus):
    spawn_on_bus(FAKE_KWIN)
    for platform in ("darwin", "win32"):
        assert "kwin-fullscreen" not in detect_dnd(platform=platform, environ={}, connection=bus).name
