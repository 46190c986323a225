"""Helpers for the desktop test tier: a virtual X desktop driven from pytest.

The tier runs real programs on a private desktop started by the tests
themselves (nothing is assumed to be running):

* ``Xvfb``        a virtual X screen, 1280x800x24, on a free display number;
* ``dbus-daemon`` a private session bus with no service activation, so only
                  what the tests start owns a name (no surprise daemons, no
                  StatusNotifierItem watcher: Qt uses the XEmbed tray);
* ``openbox``     a window manager (focus, activation, window frames);
* ``trayer``      an XEmbed system tray (freedesktop System Tray spec);
* ``dunst``       a notification daemon, its history read with ``dunstctl``.

Module-level helpers take the environment (``env``) the desktop hands to
child processes; :class:`VirtualDesktop` offers the same helpers bound to its
own environment, and :class:`DesktopTestContext` adds per-test process
management and failure artifacts. ``tests/desktop/conftest.py`` wires them
into the ``virtual_desktop`` (session) and ``desktop`` (per test) fixtures.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from support.bus import write_bus_config
from support.processes import (  # noqa: F401  (re-exported: the tier's tests import them from here)
    SCRUBBED_ENV,
    DesktopError,
    Process,
    bus_name_has_owner,
    read_reported_line,
    run,
    start_process,
    stop_process,
    tail,
    wait_for,
)

T = TypeVar("T")

SCREEN_WIDTH = 1280
SCREEN_HEIGHT = 800
SCREEN_DEPTH = 24

#: Programs the tier runs, with the Debian package that provides each one
#: (scripts/system-packages.sh installs them all).
REQUIRED_PROGRAMS: dict[str, str] = {
    "Xvfb": "xvfb",
    "openbox": "openbox",
    "trayer": "trayer",
    "dunst": "dunst",
    "dunstctl": "dunst",
    "dbus-daemon": "dbus",
    "dbus-send": "dbus",
    "xdotool": "xdotool",
    "import": "imagemagick",
    "xwininfo": "x11-utils",
    "xprop": "x11-utils",
    "xdpyinfo": "x11-utils",
    "notify-send": "libnotify-bin",
}



# --------------------------------------------------------------------------
# Generic helpers
# --------------------------------------------------------------------------


def missing_programs() -> list[str]:
    """The programs of :data:`REQUIRED_PROGRAMS` not found on ``PATH``."""
    return [name for name in REQUIRED_PROGRAMS if shutil.which(name) is None]


def missing_packages(programs: Sequence[str]) -> list[str]:
    """The Debian packages providing ``programs``, without duplicates."""
    return sorted({REQUIRED_PROGRAMS[name] for name in programs})


def _hex(wid: int | str) -> str:
    return hex(wid) if isinstance(wid, int) else wid


# --------------------------------------------------------------------------
# Windows, keys, mouse, screen
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Geometry:
    """A window's position (root coordinates, frame excluded) and size."""

    x: int
    y: int
    width: int
    height: int

    @property
    def center(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y + self.height // 2


def find_windows(name_regex: str, env: Mapping[str, str], *, visible_only: bool = True) -> list[int]:
    """Ids of the windows whose title matches ``name_regex`` (``xdotool search --name``).

    With ``visible_only`` (the default) only mapped windows are returned, so a
    hidden or withdrawn window does not count.
    """
    cmd = ["xdotool", "search"]
    if visible_only:
        cmd.append("--onlyvisible")
    cmd += ["--name", name_regex]
    done = run(cmd, env, check=False)
    # xdotool exits 1 when nothing matches.
    return [int(line) for line in done.stdout.split()]


def find_windows_of_pid(pid: int, env: Mapping[str, str], *, visible_only: bool = True) -> list[int]:
    """Ids of the windows whose ``_NET_WM_PID`` is ``pid``."""
    cmd = ["xdotool", "search"]
    if visible_only:
        cmd.append("--onlyvisible")
    cmd += ["--pid", str(pid)]
    done = run(cmd, env, check=False)
    return [int(line) for line in done.stdout.split()]


def window_info(wid: int, env: Mapping[str, str]) -> dict[str, str]:
    """``xwininfo -id`` as a dict (``"Absolute upper-left X"``, ``"Map State"``, ...)."""
    done = run(["xwininfo", "-id", _hex(wid)], env)
    info: dict[str, str] = {}
    for line in done.stdout.splitlines():
        key, sep, value = line.strip().partition(": ")
        if sep:
            info[key] = value.strip()
    return info


def window_geometry(wid: int, env: Mapping[str, str]) -> Geometry:
    """Position on the root window and size of ``wid`` (client area, no frame)."""
    info = window_info(wid, env)
    return Geometry(
        int(info["Absolute upper-left X"]),
        int(info["Absolute upper-left Y"]),
        int(info["Width"]),
        int(info["Height"]),
    )


def window_is_viewable(wid: int, env: Mapping[str, str]) -> bool:
    """True when ``wid`` and all its ancestors are mapped."""
    try:
        return window_info(wid, env).get("Map State") == "IsViewable"
    except AssertionError:  # the window went away
        return False


def window_name(wid: int, env: Mapping[str, str]) -> str:
    """The title of ``wid``."""
    return run(["xdotool", "getwindowname", str(wid)], env).stdout.rstrip("\n")


def window_property(wid: int, prop: str, env: Mapping[str, str]) -> str:
    """The raw ``xprop`` line for ``prop`` on ``wid`` (e.g. ``_NET_WM_STATE``)."""
    return run(["xprop", "-id", _hex(wid), prop], env).stdout.strip()


def active_window(env: Mapping[str, str]) -> int | None:
    """The window the window manager reports as active, or None."""
    done = run(["xdotool", "getactivewindow"], env, check=False)
    return int(done.stdout) if done.returncode == 0 and done.stdout.strip() else None


def activate_window(wid: int, env: Mapping[str, str], *, timeout: float = 5.0) -> None:
    """Raise and focus ``wid`` through the window manager and wait until it is active."""
    run(["xdotool", "windowactivate", "--sync", str(wid)], env, timeout=timeout)


def send_key(wid: int, key: str, env: Mapping[str, str]) -> None:
    """Activate ``wid`` then type ``key`` (an X keysym such as ``a``, ``Escape``, ``ctrl+q``)."""
    activate_window(wid, env)
    run(["xdotool", "key", "--clearmodifiers", key], env)


def type_text(wid: int, text: str, env: Mapping[str, str]) -> None:
    """Activate ``wid`` then type ``text``."""
    activate_window(wid, env)
    run(["xdotool", "type", "--clearmodifiers", "--delay", "20", text], env)


def send_key_to_focus(key: str, env: Mapping[str, str]) -> None:
    """Type ``key`` into whatever has the focus (no activation first)."""
    run(["xdotool", "key", "--clearmodifiers", key], env)


def click(x: int, y: int, env: Mapping[str, str], *, button: int = 1) -> None:
    """Move the pointer to root coordinates (``x``, ``y``) and click ``button`` (3: right).

    The pointer first goes to the opposite corner: ``mousemove --sync`` waits
    for a motion event, and there is none when the pointer is already there.
    """
    if (x, y) != (0, 0):
        run(["xdotool", "mousemove", "--sync", "0", "0"], env)
    run(["xdotool", "mousemove", "--sync", str(x), str(y), "click", str(button)], env)


def screenshot(path: str | os.PathLike[str], env: Mapping[str, str]) -> Path:
    """Save the whole virtual screen as a PNG at ``path`` and return the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    run(["import", "-silent", "-window", "root", f"png:{target}"], env, timeout=20)
    return target


def png_size(path: str | os.PathLike[str]) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk; ValueError if it is not a PNG."""
    with open(path, "rb") as stream:
        head = stream.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise ValueError(f"{path} is not a PNG file")
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def window_tree(env: Mapping[str, str]) -> str:
    """``xwininfo -root -tree``: every window, handy in failure reports."""
    return run(["xwininfo", "-root", "-tree"], env, check=False).stdout


# --------------------------------------------------------------------------
# The system tray (trayer)
# --------------------------------------------------------------------------

_TREE_LINE = re.compile(
    r"^(?P<indent>\s*)(?P<wid>0x[0-9a-f]+) (?P<name>\(has no name\)|\".*\"): "
    r"\((?P<wm_class>.*)\)\s+(?P<w>\d+)x(?P<h>\d+)\+-?\d+\+-?\d+\s+\+(?P<x>-?\d+)\+(?P<y>-?\d+)\s*$"
)


@dataclass(frozen=True)
class TreeWindow:
    wid: int
    depth: int
    name: str
    wm_class: tuple[str, ...]
    geometry: Geometry
    children: list[TreeWindow] = field(default_factory=list, compare=False, hash=False)


def parse_window_tree(text: str) -> list[TreeWindow]:
    """Parse ``xwininfo -tree`` output into the top-level windows listed, with children."""
    roots: list[TreeWindow] = []
    stack: list[TreeWindow] = []
    for line in text.splitlines():
        match = _TREE_LINE.match(line)
        if not match:
            continue
        name = match["name"]
        name = "" if name == "(has no name)" else name[1:-1]
        window = TreeWindow(
            wid=int(match["wid"], 16),
            depth=len(match["indent"]),
            name=name,
            wm_class=tuple(re.findall(r'"([^"]*)"', match["wm_class"])),
            geometry=Geometry(int(match["x"]), int(match["y"]), int(match["w"]), int(match["h"])),
        )
        while stack and stack[-1].depth >= window.depth:
            stack.pop()
        (stack[-1].children if stack else roots).append(window)
        stack.append(window)
    return roots


def _walk(windows: list[TreeWindow]):
    for window in windows:
        yield window
        yield from _walk(window.children)


def trayer_window(env: Mapping[str, str]) -> int | None:
    """The id of trayer's panel window (WM_NAME "panel", WM_CLASS "panel", "trayer")."""
    for window in _walk(parse_window_tree(window_tree(env))):
        if window.name == "panel" and window.wm_class == ("panel", "trayer"):
            return window.wid
    return None


@dataclass(frozen=True)
class TrayIcon:
    """An icon embedded in trayer.

    ``window`` is the client's own icon window (the XEmbed plug, e.g. Qt's
    ``QSystemTrayIconSys``); ``socket`` is the window trayer created to hold
    it. ``geometry`` is on the root window, ready for :func:`click`.
    """

    window: int
    socket: int
    name: str
    wm_class: tuple[str, ...]
    geometry: Geometry


def tray_icons(env: Mapping[str, str], *, panel: int | None = None) -> list[TrayIcon]:
    """The icons currently embedded and visible in trayer, left to right.

    trayer (GTK) gives every embedded icon a socket window, a direct child of
    its panel window; the client's icon window is reparented into that
    socket. So an embedded icon is a grandchild of the panel, and it counts
    when it is viewable (an XEmbed client can stay embedded but unmapped).
    The panel's other children (a 1x1 helper window) have no children.
    """
    panel = panel if panel is not None else trayer_window(env)
    if panel is None:
        raise AssertionError("trayer's panel window is not on the display")
    done = run(["xwininfo", "-tree", "-id", hex(panel)], env, check=False)
    if done.returncode != 0:
        raise AssertionError(f"trayer's panel window {hex(panel)} went away: {done.stderr.strip()}")
    icons = []
    for socket in parse_window_tree(done.stdout):
        for plug in socket.children:
            if window_is_viewable(plug.wid, env):
                icons.append(TrayIcon(plug.wid, socket.wid, plug.name, plug.wm_class, plug.geometry))
    return sorted(icons, key=lambda icon: (icon.geometry.x, icon.geometry.y))


class _X11:
    """Just enough of libX11 through ctypes to ask who owns a selection."""

    def __init__(self) -> None:
        path = ctypes.util.find_library("X11") or "libX11.so.6"
        lib = ctypes.CDLL(path)
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.XInternAtom.restype = ctypes.c_ulong
        lib.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        lib.XGetSelectionOwner.restype = ctypes.c_ulong
        self.lib = lib

    def selection_owner(self, display: str, selection: str) -> int:
        dpy = self.lib.XOpenDisplay(display.encode())
        if not dpy:
            raise DesktopError(f"cannot open X display {display}")
        try:
            atom = self.lib.XInternAtom(dpy, selection.encode(), 0)
            return int(self.lib.XGetSelectionOwner(dpy, atom))
        finally:
            self.lib.XCloseDisplay(dpy)


_x11: _X11 | None = None


def selection_owner(selection: str, env: Mapping[str, str]) -> int:
    """The window owning X selection ``selection`` on ``env["DISPLAY"]`` (0: none)."""
    global _x11
    if _x11 is None:
        _x11 = _X11()
    return _x11.selection_owner(env["DISPLAY"], selection)


def tray_manager(env: Mapping[str, str]) -> int:
    """The window owning ``_NET_SYSTEM_TRAY_S0`` (the tray is available when non-zero)."""
    return selection_owner("_NET_SYSTEM_TRAY_S0", env)


# --------------------------------------------------------------------------
# Notifications (dunst)
# --------------------------------------------------------------------------


def _unwrap(value: object) -> object:
    # dunstctl history wraps every field as {"type": "s", "data": ...}.
    if isinstance(value, dict) and set(value) == {"type", "data"}:
        return value["data"]
    return value


def notifications(env: Mapping[str, str], *, flush: bool = True) -> list[dict[str, object]]:
    """The notifications dunst received, oldest first.

    Each is a dict with ``summary``, ``body``, ``appname``, ``id`` (increasing),
    ``urgency`` and ``timeout`` (microseconds, -1/0 for the server default).

    ``dunstctl history`` only lists notifications that were closed, so by
    default (``flush``) the ones still on screen are closed first
    (``dunstctl close-all``) to move them into the history. Pass
    ``flush=False`` to leave the screen alone and read only closed ones.
    """
    if flush:
        run(["dunstctl", "close-all"], env)
    raw = json.loads(run(["dunstctl", "history"], env).stdout)
    data = raw.get("data") or [[]]
    entries = [{key: _unwrap(value) for key, value in entry.items()} for entry in data[0]]
    result = [
        {
            "id": entry.get("id"),
            "appname": entry.get("appname", ""),
            "summary": entry.get("summary", ""),
            "body": entry.get("body", ""),
            "urgency": entry.get("urgency", ""),
            "timeout": entry.get("timeout"),
        }
        for entry in entries
    ]
    return sorted(result, key=lambda n: n["id"] if isinstance(n["id"], int) else -1)


def displayed_notification_count(env: Mapping[str, str]) -> int:
    """How many notifications dunst shows on screen right now."""
    return int(run(["dunstctl", "count", "displayed"], env).stdout.strip() or 0)


def start_x_server(
    env: Mapping[str, str], log_dir: Path, *, screen: str, name: str = "xvfb", timeout: float = 15.0
) -> tuple[Process, str]:
    """Start Xvfb with one ``screen`` (``WIDTHxHEIGHTxDEPTH``); the process and its display (``:N``).

    ``-displayfd`` makes Xvfb pick a free display number and tell us; the
    server keeps running across client disconnects (``-noreset``).
    """
    read_fd, write_fd = os.pipe()
    try:
        xvfb = start_process(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", screen, "-nolisten", "tcp", "-noreset"],
            env, name=name, log_dir=log_dir, pass_fds=[write_fd],
        )
    finally:
        os.close(write_fd)
    try:
        return xvfb, ":" + read_reported_line(read_fd, xvfb, "its display number", timeout)
    except BaseException:
        xvfb.terminate()
        raise


# --------------------------------------------------------------------------
# The desktop
# --------------------------------------------------------------------------

_OPENBOX_RC = """<?xml version="1.0" encoding="UTF-8"?>
<openbox_config xmlns="http://openbox.org/3.4/rc">
  <resistance><strength>0</strength><screen_edge_strength>0</screen_edge_strength></resistance>
  <focus><focusNew>yes</focusNew><followMouse>no</followMouse></focus>
  <placement><policy>Smart</policy><center>yes</center></placement>
  <theme><name>Clearlooks</name></theme>
  <desktops><number>1</number><firstdesk>1</firstdesk></desktops>
  <!-- No key bindings: every key typed goes to the clients. -->
  <keyboard></keyboard>
  <mouse>
    <dragThreshold>1</dragThreshold>
    <doubleClickTime>500</doubleClickTime>
    <context name="Client">
      <mousebind button="Left" action="Press"><action name="Focus"/><action name="Raise"/></mousebind>
      <mousebind button="Right" action="Press"><action name="Focus"/><action name="Raise"/></mousebind>
    </context>
    <context name="Titlebar">
      <mousebind button="Left" action="Press"><action name="Focus"/><action name="Raise"/></mousebind>
      <mousebind button="Left" action="Drag"><action name="Move"/></mousebind>
    </context>
    <context name="Close">
      <mousebind button="Left" action="Click"><action name="Close"/></mousebind>
    </context>
  </mouse>
  <menu><file>{menu}</file></menu>
  <applications></applications>
</openbox_config>
"""

_OPENBOX_MENU = """<?xml version="1.0" encoding="UTF-8"?>
<openbox_menu xmlns="http://openbox.org/3.4/menu">
  <menu id="root-menu" label="Openbox"></menu>
</openbox_menu>
"""

# Notifications never expire on their own (timeout 0): they stay on screen for
# screenshots until notifications() closes them into the history.
_DUNSTRC = """[global]
    monitor = 0
    follow = none
    width = 320
    height = 120
    origin = top-right
    offset = 10x34
    notification_limit = 0
    indicate_hidden = yes
    padding = 8
    horizontal_padding = 8
    frame_width = 2
    frame_color = "#8c8c8c"
    separator_height = 2
    font = DejaVu Sans 9
    markup = full
    format = "<b>%s</b>\\n%b"
    alignment = left
    word_wrap = yes
    icon_position = off
    sticky_history = yes
    history_length = 200
    idle_threshold = 0
    show_age_threshold = -1
    mouse_left_click = close_current
    mouse_middle_click = do_action
    mouse_right_click = close_all

[urgency_low]
    background = "#2b2b2b"
    foreground = "#ffffff"
    timeout = 0

[urgency_normal]
    background = "#2b2b2b"
    foreground = "#ffffff"
    timeout = 0

[urgency_critical]
    background = "#7a1f1f"
    foreground = "#ffffff"
    timeout = 0
"""

_TRAYER_ARGS = [
    "--edge", "top",
    "--align", "right",
    "--widthtype", "pixel",
    "--width", "200",
    "--heighttype", "pixel",
    "--height", "24",
    "--transparent", "false",
    "--tint", "0x333333",
    "--SetDockType", "true",
    "--SetPartialStrut", "true",
    "--expand", "true",
]  # fmt: skip


class VirtualDesktop:
    """Xvfb + private session bus + openbox + trayer + dunst, started by :meth:`start`.

    ``env`` is the environment for children: ``DISPLAY``,
    ``DBUS_SESSION_BUS_ADDRESS``, a private 0700 ``XDG_RUNTIME_DIR``, private
    ``XDG_CONFIG_HOME``/``XDG_DATA_HOME``/``XDG_CACHE_HOME``/``XDG_STATE_HOME``
    (so nothing touches the real profile), ``HOME`` kept, and
    ``QT_QPA_PLATFORM`` (and other ties to a real session) removed, so Qt uses
    xcb.
    """

    def __init__(self, workdir: Path, *, screen_size: tuple[int, int] | None = None) -> None:
        self.workdir = Path(workdir)
        self.log_dir = self.workdir / "logs"
        # The X screen's width and height: the session's desktop has the usual size, a module may want another.
        self.screen_size = screen_size or (SCREEN_WIDTH, SCREEN_HEIGHT)
        self.env: dict[str, str] = {}
        self.display = ""
        self.bus_address = ""
        self.runtime_dir: Path | None = None
        self.trayer_window: int | None = None
        self.daemons: dict[str, Process] = {}
        self.startup_seconds: dict[str, float] = {}

    # -- life cycle -------------------------------------------------------

    def start(self, timeout: float = 15.0) -> VirtualDesktop:
        try:
            self._start(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self, timeout: float) -> None:
        began = time.monotonic()
        self.workdir.mkdir(parents=True, exist_ok=True)
        config = self.workdir / "config"
        config.mkdir(exist_ok=True)
        # A short path: the bus socket lives here and unix socket paths are limited.
        self.runtime_dir = Path(tempfile.mkdtemp(prefix="deskbreak-xdg-"))
        self.runtime_dir.chmod(0o700)

        env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
        home = self.workdir / "xdg"
        for var, sub in (
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_DATA_HOME", "data"),
            ("XDG_CACHE_HOME", "cache"),
            ("XDG_STATE_HOME", "state"),
        ):
            (home / sub).mkdir(parents=True, exist_ok=True)
            env[var] = str(home / sub)
        env.update(
            XDG_RUNTIME_DIR=str(self.runtime_dir),
            XDG_SESSION_TYPE="x11",
            NO_AT_BRIDGE="1",
            PYTHONUNBUFFERED="1",
            PYTHONFAULTHANDLER="1",
        )

        # 1. Session bus, started first so it comes up while the X server does.
        bus_conf = write_bus_config(config / "session-bus.conf", self.runtime_dir)
        bus_read, bus_write = os.pipe()
        try:
            bus = start_process(
                ["dbus-daemon", f"--config-file={bus_conf}", "--nofork", f"--print-address={bus_write}"],
                env,
                name="dbus-daemon",
                log_dir=self.log_dir,
                pass_fds=[bus_write],
            )
        finally:
            os.close(bus_write)
        self.daemons["dbus-daemon"] = bus

        # 2. X server.
        try:
            self.daemons["xvfb"], self.display = start_x_server(
                env, self.log_dir, screen="{}x{}x{}".format(*self.screen_size, SCREEN_DEPTH), timeout=timeout)
        except BaseException:
            os.close(bus_read)
            raise
        self.bus_address = read_reported_line(bus_read, bus, "its address", timeout)
        env["DISPLAY"] = self.display
        env["DBUS_SESSION_BUS_ADDRESS"] = self.bus_address
        self.env = env
        wait_for(lambda: run(["xdpyinfo"], env, check=False).returncode == 0, timeout, message=f"X display {self.display}")
        self.startup_seconds["xvfb+dbus"] = time.monotonic() - began

        # 3. Window manager first, so trayer's dock window is managed from the start.
        rc = config / "openbox-rc.xml"
        menu = config / "openbox-menu.xml"
        menu.write_text(_OPENBOX_MENU, encoding="utf-8")
        rc.write_text(_OPENBOX_RC.format(menu=menu), encoding="utf-8")
        self.daemons["openbox"] = start_process(
            ["openbox", "--config-file", str(rc)], env, name="openbox", log_dir=self.log_dir
        )
        self._wait_daemon("openbox", self._wm_running, timeout, "openbox to manage the screen")
        self.startup_seconds["openbox"] = time.monotonic() - began

        # 4. Tray and notification daemon together.
        dunstrc = config / "dunstrc"
        dunstrc.write_text(_DUNSTRC, encoding="utf-8")
        self.daemons["trayer"] = start_process(["trayer", *_TRAYER_ARGS], env, name="trayer", log_dir=self.log_dir)
        self.daemons["dunst"] = start_process(
            ["dunst", "-config", str(dunstrc)], env, name="dunst", log_dir=self.log_dir
        )
        self.trayer_window = self._wait_daemon("trayer", self._trayer_ready, timeout, "trayer's panel and tray selection")
        self.startup_seconds["trayer"] = time.monotonic() - began
        self._wait_daemon(
            "dunst",
            lambda: bus_name_has_owner("org.freedesktop.Notifications", env),
            timeout,
            "dunst to own org.freedesktop.Notifications",
        )
        self.startup_seconds["dunst"] = time.monotonic() - began

    def _wait_daemon(self, name: str, predicate: Callable[[], T], timeout: float, message: str) -> T:
        process = self.daemons[name]

        def ready() -> T:
            if not process.running():
                raise DesktopError(
                    f"{name} exited with status {process.returncode}:\n{tail(process.stderr_path)}"
                )
            return predicate()

        try:
            return wait_for(ready, timeout, 0.05, message)
        except AssertionError as error:
            raise DesktopError(f"{error}\n{name} stderr:\n{tail(process.stderr_path)}") from None

    def _wm_running(self) -> bool:
        done = run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], self.env, check=False)
        return "window id #" in done.stdout

    def _trayer_ready(self) -> int | None:
        panel = trayer_window(self.env)
        if panel and window_is_viewable(panel, self.env) and tray_manager(self.env):
            return panel
        return None

    def stop(self) -> dict[str, int]:
        """Stop every daemon (newest first): SIGTERM, then SIGKILL after 3 s."""
        statuses = {}
        for name in reversed(list(self.daemons)):
            statuses[name] = stop_process(self.daemons[name].popen, 3.0)
        self.daemons.clear()
        if self.runtime_dir is not None:
            shutil.rmtree(self.runtime_dir, ignore_errors=True)
            self.runtime_dir = None
        return statuses

    def check_alive(self) -> None:
        """Raise :class:`DesktopError` if any daemon has died (with its stderr)."""
        dead = [p for p in self.daemons.values() if not p.running()]
        if dead:
            raise DesktopError(
                "virtual desktop daemon(s) died: "
                + "; ".join(f"{p.name} (status {p.returncode}): {tail(p.stderr_path, 10)}" for p in dead)
            )

    # -- helpers bound to this desktop ------------------------------------

    def run(self, cmd: Sequence[str], **kwargs) -> subprocess.CompletedProcess[str]:
        return run(cmd, self.env, **kwargs)

    def spawn(self, cmd: Sequence[str], *, name: str, log_dir: Path, **kwargs) -> Process:
        return start_process(cmd, self.env, name=name, log_dir=log_dir, **kwargs)

    def find_windows(self, name_regex: str, *, visible_only: bool = True) -> list[int]:
        return find_windows(name_regex, self.env, visible_only=visible_only)

    def wait_for_window(self, name_regex: str, timeout: float = 10.0) -> int:
        """Wait for exactly one visible window titled ``name_regex``; return its id."""
        windows = wait_for(
            lambda: self.find_windows(name_regex), timeout, message=f"a window named {name_regex!r}"
        )
        assert len(windows) == 1, f"{len(windows)} windows named {name_regex!r}: {windows}"
        return windows[0]

    def find_windows_of_pid(self, pid: int, *, visible_only: bool = True) -> list[int]:
        return find_windows_of_pid(pid, self.env, visible_only=visible_only)

    def window_geometry(self, wid: int) -> Geometry:
        return window_geometry(wid, self.env)

    def window_name(self, wid: int) -> str:
        return window_name(wid, self.env)

    def window_is_viewable(self, wid: int) -> bool:
        return window_is_viewable(wid, self.env)

    def window_property(self, wid: int, prop: str) -> str:
        return window_property(wid, prop, self.env)

    def active_window(self) -> int | None:
        return active_window(self.env)

    def activate_window(self, wid: int) -> None:
        activate_window(wid, self.env)

    def send_key(self, wid: int, key: str) -> None:
        send_key(wid, key, self.env)

    def type_text(self, wid: int, text: str) -> None:
        type_text(wid, text, self.env)

    def send_key_to_focus(self, key: str) -> None:
        send_key_to_focus(key, self.env)

    def click(self, x: int, y: int, *, button: int = 1) -> None:
        click(x, y, self.env, button=button)

    def screenshot(self, path: str | os.PathLike[str]) -> Path:
        return screenshot(path, self.env)

    def notifications(self, *, flush: bool = True) -> list[dict[str, object]]:
        return notifications(self.env, flush=flush)

    def displayed_notification_count(self) -> int:
        return displayed_notification_count(self.env)

    def tray_icons(self) -> list[TrayIcon]:
        return tray_icons(self.env, panel=self.trayer_window)

    def tray_available(self) -> bool:
        return bool(tray_manager(self.env))

    def window_tree(self) -> str:
        return window_tree(self.env)

    def wait_for(self, predicate: Callable[[], T], timeout: float = 5.0, interval: float = 0.05, message: str = "condition") -> T:
        return wait_for(predicate, timeout, interval, message)


@contextmanager
def desktop_of_size(workdir: Path, screen_size: tuple[int, int]) -> Iterator[VirtualDesktop]:
    """A virtual desktop of its own whose screen is ``screen_size`` (for a module's fixture), stopped afterwards."""
    desktop = VirtualDesktop(workdir, screen_size=screen_size).start()
    try:
        yield desktop
    finally:
        desktop.stop()


@contextmanager
def context_for(desktop: VirtualDesktop, tmp_path: Path) -> Iterator[DesktopTestContext]:
    """One test's view of ``desktop`` (a ``desktop`` fixture of a module's own desktop), finished afterwards."""
    context = DesktopTestContext(desktop, tmp_path)
    try:
        yield context
    finally:
        context.finish()


class DesktopTestContext:
    """What one test sees of the virtual desktop (the ``desktop`` fixture).

    Processes started with :meth:`spawn` are stopped when the test ends and
    their stdout/stderr land in the test's ``tmp_path``; on failure the
    conftest hook saves a screenshot, dunst's history, the window tree and the
    stderr of every spawned or registered process. :meth:`notifications`
    returns only what arrived during this test.
    """

    def __init__(self, desktop: VirtualDesktop, tmp_path: Path) -> None:
        self.vd = desktop
        self.env = desktop.env
        self.tmp_path = Path(tmp_path)
        self.processes: list[Process] = []
        self.stderr_files: dict[str, Path] = {}
        desktop.check_alive()
        # Close what earlier tests left on screen and remember where the history stands.
        self.baseline_notification = max((n["id"] for n in desktop.notifications()), default=0)
        self._icons_at_start = len(desktop.tray_icons())

    def __getattr__(self, name: str):
        if name == "vd":
            raise AttributeError(name)
        # Everything else (find_windows, send_key, tray_icons, screenshot, ...) is the desktop's.
        return getattr(self.vd, name)

    def spawn(self, cmd: Sequence[str], *, name: str = "app", cwd: str | os.PathLike[str] | None = None) -> Process:
        """Start ``cmd`` on the desktop; it is stopped (SIGTERM, then SIGKILL) after the test."""
        taken = {p.name for p in self.processes}
        unique, n = name, 1
        while unique in taken:
            n += 1
            unique = f"{name}-{n}"
        process = start_process(cmd, self.env, name=unique, log_dir=self.tmp_path / "processes", cwd=cwd)
        self.processes.append(process)
        self.stderr_files[unique] = process.stderr_path
        return process

    def register_stderr(self, name: str, path: str | os.PathLike[str]) -> None:
        """Have a failure report include ``path`` (e.g. a log of a process not started by spawn)."""
        self.stderr_files[name] = Path(path)

    def notifications(self, *, flush: bool = True) -> list[dict[str, object]]:
        """Notifications received since this test started (see :func:`notifications`)."""
        return [n for n in self.vd.notifications(flush=flush) if n["id"] > self.baseline_notification]

    def wait_for_notification(self, summary_regex: str, timeout: float = 10.0) -> dict[str, object]:
        """Wait for a notification whose summary matches ``summary_regex``; return it."""
        regex = re.compile(summary_regex)

        def found() -> dict[str, object] | None:
            return next((n for n in self.notifications() if regex.search(str(n["summary"]))), None)

        return wait_for(found, timeout, 0.1, f"a notification matching {summary_regex!r}")

    def finish(self) -> None:
        """Stop spawned processes and let the tray settle (called by the fixture)."""
        for process in reversed(self.processes):
            process.terminate(5.0)
        # Give trayer a moment to drop the icons of what we stopped, so the next
        # test starts with the tray as this one found it (best effort).
        deadline = time.monotonic() + 3.0
        while time.monotonic() < deadline:
            try:
                if len(self.vd.tray_icons()) <= self._icons_at_start:
                    break
            except AssertionError:
                break
            time.sleep(0.05)

    def collect_failure_artifacts(self, dest: Path | None = None) -> tuple[Path, str]:
        """Save screenshot, notifications, window tree and stderr files; return (dir, summary)."""
        return collect_artifacts(self.vd, dest or self.tmp_path / "desktop-failure", self.stderr_files)


def collect_artifacts(desktop: VirtualDesktop, dest: Path, stderr_files: Mapping[str, Path]) -> tuple[Path, str]:
    """Save what helps explain a failed desktop test into ``dest``; return (dest, report text)."""
    dest.mkdir(parents=True, exist_ok=True)
    lines = [f"desktop artifacts in {dest}"]

    def attempt(label: str, action: Callable[[], object]) -> None:
        try:
            result = action()
            lines.append(f"  {label}: {result}")
        except Exception as error:  # noqa: BLE001 (a report must not fail)
            lines.append(f"  {label}: FAILED ({error})")

    attempt("screenshot", lambda: desktop.screenshot(dest / "screenshot.png"))
    attempt("window tree", lambda: _write(dest / "windows.txt", desktop.window_tree()))

    def save_notifications() -> Path:
        desktop.run(["dunstctl", "close-all"], check=False)
        raw = desktop.run(["dunstctl", "history"], check=False)
        return _write(dest / "dunst-history.json", raw.stdout or raw.stderr)

    attempt("dunst history", save_notifications)
    attempt("tray icons", lambda: desktop.tray_icons())
    for name, path in stderr_files.items():
        target = dest / f"{name}.stderr"
        try:
            shutil.copyfile(path, target)
        except OSError as error:
            lines.append(f"  {name} stderr: not saved ({error})")
            continue
        last = tail(target, 30)
        lines.append(f"  {name} stderr: {target}" + (f"\n--- last lines ---\n{last}\n---" if last else " (empty)"))
    for name, process in desktop.daemons.items():
        state = "running" if process.running() else f"EXITED with status {process.returncode}"
        lines.append(f"  daemon {name}: {state}, log {process.stderr_path}")
    return dest, "\n".join(lines)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
