"""Real Wayland desktops for the Wayland test tier: headless GNOME Shell and KWin, started by pytest.

Each session runs in its own 0700 ``XDG_RUNTIME_DIR`` with a private HOME and
session bus, so nothing touches the tester's desktop, and hands its ``env`` to
the clients it spawns (``QT_QPA_PLATFORM=wayland``, its ``WAYLAND_DISPLAY``).

* :class:`GnomeShell`: ``gnome-shell --headless --wayland --no-x11`` with one
  or two virtual monitors, the AppIndicator extension (the tray) and a
  test-only extension (``gnome_harness/``) that turns on unsafe mode, so the
  tests may use ``Eval`` (window list, input) and the Screenshot API, and
  deskbreak's own extension (``assets/desktop/gnome-shell-extension``), as a user
  who followed the README has it.
  gnome-shell needs a system bus: a second private bus stands in for it.
* :class:`KWin`: ``kwin_wayland --virtual`` (a plain copy of the binary: the
  installed one has file capabilities a container refuses), screen locking
  left to the tests, screenshots allowed by ``KWIN_SCREENSHOT_NO_PERMISSION_CHECKS``;
  the tests read it through KWin scripts whose ``print`` lands on its stderr.
  ``plasma=True`` adds ``kded5`` and ``plasmashell`` (the tray): about 20 s,
  so only the tray's module pays for it.

Both offer the same ``windows()`` list (bottom to top), ``screenshot()`` and
``bus_has()``, so a test can be written once for the two desktops.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

from support.bus import write_bus_config
from support.processes import (
    SCRUBBED_ENV,
    DesktopError,
    Process,
    read_reported_line,
    start_process,
    stop_process,
    wait_for,
)

HERE = Path(__file__).resolve().parent
WIDTH, HEIGHT = 1280, 800

#: Programs each desktop needs, with the Debian package that provides it
#: (scripts/system-packages.sh installs them all as root).
GNOME_PROGRAMS = {"gnome-shell": "gnome-shell", "gjs": "gjs", "gdbus": "libglib2.0-bin", "dbus-daemon": "dbus"}
KDE_PROGRAMS = {"kwin_wayland": "kwin-wayland", "gdbus": "libglib2.0-bin", "dbus-daemon": "dbus"}
PLASMA_PROGRAMS = {**KDE_PROGRAMS, "plasmashell": "plasma-workspace", "kded5": "kded5"}
APPINDICATOR_EXTENSION = Path("/usr/share/gnome-shell/extensions/ubuntu-appindicators@ubuntu.com")
HARNESS_EXTENSION = "deskbreak-test-harness@deskbreak.invalid"
#: What deskbreak ships for GNOME (it tells about other apps' fullscreen windows), installed as
#: ``deskbreak desktop install`` does and enabled as the README asks a GNOME user to.
DESKBREAK_EXTENSION = next((HERE.parent.parent / "assets" / "desktop" / "gnome-shell-extension").glob("*@*"))
STATUS_NOTIFIER_WATCHER = "org.kde.StatusNotifierWatcher"


def missing(programs: Mapping[str, str]) -> list[str]:
    """The Debian packages of ``programs`` that are not installed (sorted, no duplicates)."""
    gaps = {package for program, package in programs.items() if shutil.which(program) is None}
    if programs is GNOME_PROGRAMS and not APPINDICATOR_EXTENSION.is_dir():
        gaps.add("gnome-shell-extension-appindicator")
    return sorted(gaps)


class WaylandSession:
    """What both desktops share: private dirs and bus, client env, spawning, D-Bus calls."""

    name = ""
    desktop = ""  # XDG_CURRENT_DESKTOP

    def __init__(self, workdir: Path, *, monitors: int = 1, plasma: bool = False) -> None:
        self.workdir = Path(workdir)
        self.monitors = monitors
        self.plasma = plasma
        self.log_dir = self.workdir / "logs"
        self.home = self.workdir / "home"
        # A short path: sockets live here and unix socket paths are limited.
        self.runtime_dir = Path(tempfile.mkdtemp(prefix=f"deskbreak-{self.name}-"))
        self.runtime_dir.chmod(0o700)
        self.daemons: dict[str, Process] = {}
        self.env: dict[str, str] = {}
        self.startup_seconds = 0.0

    # -- life cycle -------------------------------------------------------

    def start(self, timeout: float = 60.0) -> WaylandSession:
        began = time.monotonic()
        try:
            self._start(timeout)
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - began
        return self

    def _start(self, timeout: float) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        for name in reversed(list(self.daemons)):
            stop_process(self.daemons[name].popen, 5.0)
        self.daemons.clear()
        shutil.rmtree(self.runtime_dir, ignore_errors=True)

    def check_alive(self) -> None:
        dead = [process for process in self.daemons.values() if not process.running()]
        if dead:
            raise DesktopError("; ".join(f"{p.name} died (status {p.returncode}): {p.stderr()[-2000:]}"
                                         for p in dead))

    def _base_env(self, wayland_display: str) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if key not in SCRUBBED_ENV}
        for variable, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                              ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
            env[variable] = str(self.home / sub)
        env.update(HOME=str(self.home), XDG_RUNTIME_DIR=str(self.runtime_dir), WAYLAND_DISPLAY=wayland_display,
                   XDG_SESSION_TYPE="wayland", XDG_CURRENT_DESKTOP=self.desktop, QT_QPA_PLATFORM="wayland",
                   NO_AT_BRIDGE="1", PYTHONUNBUFFERED="1", PYTHONFAULTHANDLER="1")
        return env

    def _start_bus(self, name: str, config: Path, timeout: float) -> str:
        """A dbus-daemon from ``config``; its address."""
        read_fd, write_fd = os.pipe()
        try:
            process = start_process(["dbus-daemon", f"--config-file={config}", "--nofork",
                                     f"--print-address={write_fd}"], self.env, name=name,
                                    log_dir=self.log_dir, pass_fds=[write_fd])
        finally:
            os.close(write_fd)
        self.daemons[name] = process
        return read_reported_line(read_fd, process, "its address", timeout)

    def _start_session_bus(self, timeout: float) -> None:
        """The session bus, where the desktop's own services (dconf, GNOME's notification daemon)
        start on demand, as on a real login."""
        config = write_bus_config(self.workdir / "session-bus.conf", self.runtime_dir, activation=True)
        self.env["DBUS_SESSION_BUS_ADDRESS"] = self._start_bus("session-bus", config, timeout)

    def _start_system_bus(self, timeout: float) -> None:
        """A private stand-in for the system bus: nothing on it but what the session starts there."""
        (self.runtime_dir / "system").mkdir()
        config = write_bus_config(self.workdir / "system-bus.conf", self.runtime_dir / "system")
        self.env["DBUS_SYSTEM_BUS_ADDRESS"] = self._start_bus("system-bus", config, timeout)

    def spawn(self, cmd: Sequence[str], *, name: str, log_dir: Path | None = None,
              env: Mapping[str, str] | None = None) -> Process:
        return start_process(cmd, {**self.env, **(env or {})}, name=name, log_dir=log_dir or self.log_dir)

    def gdbus(self, destination: str, path: str, method: str, *arguments: str, timeout: float = 10.0) -> str:
        """``gdbus call`` on the session bus; its printed reply (raises with stderr on failure)."""
        done = subprocess.run(["gdbus", "call", "--session", "-d", destination, "-o", path, "-m", method,
                               *arguments], env=self.env, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise AssertionError(f"{method} on {destination}{path} failed: {done.stderr.strip()}")
        return done.stdout.strip()

    def bus_has(self, name: str) -> bool:
        reply = self.gdbus("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                           name)
        return reply == "(true,)"

    def windows(self) -> list[dict]:
        """Every toplevel, bottom to top: title, pid, fullscreen, above, monitor, x, y, width, height, focus."""
        raise NotImplementedError

    def windows_of(self, pid: int) -> list[dict]:
        return [window for window in self.windows() if window["pid"] == pid]

    def topmost(self) -> dict | None:
        """The window on top of the stack, as a user sees it."""
        shown = self.windows()
        return shown[-1] if shown else None

    def screenshot(self, path: Path) -> Path:
        raise NotImplementedError


class GnomeShell(WaylandSession):
    """Headless GNOME Shell on Wayland, with the AppIndicator tray and the test harness extension."""

    name = "gnome"
    desktop = "GNOME"

    def _start(self, timeout: float) -> None:
        self.env = self._base_env("wayland-0")
        extensions = self.home / ".local/share/gnome-shell/extensions"
        extensions.mkdir(parents=True, exist_ok=True)
        shutil.copytree(HERE / "gnome_harness", extensions / HARNESS_EXTENSION, dirs_exist_ok=True)
        shutil.copytree(DESKBREAK_EXTENSION, extensions / DESKBREAK_EXTENSION.name, dirs_exist_ok=True)
        self._start_session_bus(timeout)
        self._start_system_bus(timeout)  # gnome-shell exits without one
        monitors = [argument for _ in range(self.monitors)
                    for argument in ("--virtual-monitor", f"{WIDTH}x{HEIGHT}")]
        self.daemons["gnome-shell"] = self.spawn(
            ["gnome-shell", "--headless", "--wayland", "--no-x11", *monitors], name="gnome-shell")
        # The shell owns its name a moment before its objects answer: enabling is retried until then.
        for extension in (HARNESS_EXTENSION, APPINDICATOR_EXTENSION.name, DESKBREAK_EXTENSION.name):
            self._wait(lambda: self.gdbus("org.gnome.Shell", "/org/gnome/Shell",
                                          "org.gnome.Shell.Extensions.EnableExtension", extension) == "(true,)",
                       timeout, f"GNOME Shell to enable {extension}")
        self._wait(lambda: self.eval("global.context.unsafe_mode") is True, timeout, "the harness's unsafe mode")
        # The shell starts in the overview, which a user leaves before working; its start-up banners
        # ("screen lock disabled", "unsafe mode") would cover the top of every screenshot.
        self._wait(lambda: self.eval("(() => { const Main = imports.ui.main; Main.overview.hide();"
                                     "Main.messageTray.getSources().forEach(s => s.destroy());"
                                     "return !Main.overview.visible && !Main.overview.animationInProgress; })()"),
                   timeout, "the overview to close")
        self._wait(lambda: self.bus_has(STATUS_NOTIFIER_WATCHER), timeout, "the AppIndicator tray")

    def _wait(self, predicate, timeout: float, message: str) -> None:
        def ready():
            self.check_alive()
            return predicate()
        wait_for(ready, timeout, 0.1, message)

    def eval(self, script: str):
        """Run a JavaScript expression in the shell (unsafe mode); its value as Python (the shell
        answers it as JSON)."""
        reply = self.gdbus("org.gnome.Shell", "/org/gnome/Shell", "org.gnome.Shell.Eval", script)
        ok, _, text = reply[1:-1].partition(", ")
        if ok != "true":
            raise AssertionError(f"Eval failed: {reply}")
        return json.loads(_gvariant_string(text)) if text != "''" else None

    def windows(self) -> list[dict]:
        return self.eval("global.display.sort_windows_by_stacking(global.get_window_actors()"
                         ".map(a => a.meta_window)).map(w => { const r = w.get_frame_rect(); return {"
                         "title: w.get_title(), pid: w.get_pid(), fullscreen: w.is_fullscreen(), above: w.is_above(),"
                         "monitor: w.get_monitor(), x: r.x, y: r.y, width: r.width, height: r.height,"
                         "focus: w.has_focus(), minimized: w.minimized}; })")

    def type_keys(self, keyvals: Sequence[str], interval_ms: int = 0) -> None:
        """Press and release each Clutter keyval (``"space"``) through a virtual keyboard, as typing does,
        one every ``interval_ms``; returns at once, and ``global._deskbreakTyping`` counts the keys to go."""
        names = json.dumps(list(keyvals))
        self.eval("(() => { const Clutter = imports.gi.Clutter; const GLib = imports.gi.GLib;"
                  "if (!global._deskbreakKeyboard) global._deskbreakKeyboard = Clutter.get_default_backend()"
                  ".get_default_seat().create_virtual_device(Clutter.InputDeviceType.KEYBOARD_DEVICE);"
                  f"const keyboard = global._deskbreakKeyboard; const names = {names};"
                  "global._deskbreakTyping = (global._deskbreakTyping || 0) + names.length;"
                  f"names.forEach((name, i) => GLib.timeout_add(GLib.PRIORITY_DEFAULT, 1 + i * {interval_ms}, () => {{"
                  "const t = GLib.get_monotonic_time(); const key = Clutter['KEY_' + name];"
                  "keyboard.notify_keyval(t, key, Clutter.KeyState.PRESSED);"
                  "keyboard.notify_keyval(t + 1000, key, Clutter.KeyState.RELEASED);"
                  "global._deskbreakTyping -= 1; return false; }));"
                  "return true; })()")

    def tray_icons(self) -> list[dict]:
        """The AppIndicator extension's icons in the top bar: position, size, and the menu's entries
        (label, sensitive) when it is open."""
        return self.eval(
            "Object.entries(imports.ui.main.panel.statusArea).filter(([key]) => key.startsWith('appindicator-'))"
            ".map(([key, icon]) => { const [x, y] = icon.get_transformed_position(); const [w, h] = icon.get_size();"
            "return {key, x, y, width: w, height: h, open: icon.menu.isOpen, entries: icon.menu._getMenuItems()"
            ".filter(item => item.label).map(item => [item.label.text, item.sensitive])}; })")

    def open_tray_menu(self) -> dict:
        """Click the (one) AppIndicator icon until its menu is open; the icon, as :meth:`tray_icons` has it."""
        def opened():
            # The icon takes clicks a moment after it shows: click until its menu is open.
            [icon] = self.tray_icons()
            if not icon["open"]:
                self.click(icon["x"] + icon["width"] / 2, icon["y"] + icon["height"] / 2)
            return icon if icon["open"] else None
        return wait_for(opened, 10, 0.5, "the tray menu open")

    def notifications(self) -> list[dict]:
        """The notifications in the shell's message tray: title, body and action labels."""
        return self.eval(
            "imports.ui.main.messageTray.getSources().flatMap(source => source.notifications.map(n => ({"
            "title: n.title, body: n.bannerBodyText, actions: (n.actions || []).map(a => a.label)})))")

    def press_notification_button(self, title: str, label: str) -> None:
        """Press the button ``label`` of the notification titled ``title``, as a click on it does."""
        found = self.eval(
            "(() => { for (const source of imports.ui.main.messageTray.getSources()) for (const n of source.notifications)"
            f"{{ if (n.title !== {json.dumps(title)}) continue;"
            f"const action = (n.actions || []).find(a => a.label === {json.dumps(label)});"
            "if (action) { action.callback(); return true; } } return false; })()")
        assert found, f"no notification {title!r} with a button {label!r}: {self.notifications()}"

    def click(self, x: float, y: float) -> None:
        """Move a virtual pointer to (x, y) and click the left button there."""
        self.eval("(() => { const Clutter = imports.gi.Clutter; const GLib = imports.gi.GLib;"
                  "if (!global._deskbreakPointer) global._deskbreakPointer = Clutter.get_default_backend()"
                  ".get_default_seat().create_virtual_device(Clutter.InputDeviceType.POINTER_DEVICE);"
                  "const pointer = global._deskbreakPointer; const t = GLib.get_monotonic_time();"
                  f"pointer.notify_absolute_motion(t, {x}, {y});"
                  "pointer.notify_button(t + 1000, Clutter.BUTTON_PRIMARY, Clutter.ButtonState.PRESSED);"
                  "pointer.notify_button(t + 2000, Clutter.BUTTON_PRIMARY, Clutter.ButtonState.RELEASED);"
                  "return true; })()")

    def screenshot(self, path: Path) -> Path:
        path = Path(path).resolve()
        reply = self.gdbus("org.gnome.Shell.Screenshot", "/org/gnome/Shell/Screenshot",
                           "org.gnome.Shell.Screenshot.Screenshot", "false", "false", str(path))
        assert reply.startswith("(true"), f"GNOME Shell took no screenshot: {reply}"
        return path


class KWin(WaylandSession):
    """KWin on a virtual backend; ``start_plasma`` adds the Plasma shell (tray) on demand."""

    name = "kwin"
    desktop = "KDE"

    def _start(self, timeout: float) -> None:
        socket = f"wayland-kwin-{uuid.uuid4().hex[:8]}"
        self.env = self._base_env(socket)
        self.env.update(KDE_FULL_SESSION="true", KDE_SESSION_VERSION="5", XDG_SESSION_DESKTOP="KDE")
        config = Path(self.env["XDG_CONFIG_HOME"])
        # The lock screen only when a test asks: never after a few idle minutes mid-run.
        (config / "kscreenlockerrc").write_text("[Daemon]\nAutolock=false\nLockOnResume=false\n", encoding="utf-8")
        binary = self.workdir / "kwin_wayland"
        shutil.copyfile(shutil.which("kwin_wayland"), binary)  # a copy drops the file capabilities
        binary.chmod(0o755)
        self._start_session_bus(timeout)
        self._start_system_bus(timeout)
        # Before KWin: its screen locker looks for logind once, at start.
        self.daemons["logind"] = logind = self.spawn([sys.executable, str(HERE / "fake_logind.py")], name="logind")
        logind.wait_for_output(r"^READY$", timeout)
        self.daemons["kwin"] = self.spawn(
            [str(binary), "--virtual", f"--socket={socket}", "--width", str(WIDTH), "--height", str(HEIGHT),
             "--output-count", str(self.monitors)],
            name="kwin", env={"KWIN_SCREENSHOT_NO_PERMISSION_CHECKS": "1"})
        wait_for(lambda: self._ready(socket), timeout, 0.1, "kwin_wayland's socket and org.kde.KWin")
        if self.plasma:
            self.start_plasma(timeout)

    def _ready(self, socket: str) -> bool:
        self.check_alive()
        # KWin owns its name before its scripting object is there; the tests need both.
        return ((self.runtime_dir / socket).exists() and self.bus_has("org.kde.KWin")
                and "loadScript" in self.gdbus("org.kde.KWin", "/Scripting",
                                               "org.freedesktop.DBus.Introspectable.Introspect"))

    def start_plasma(self, timeout: float = 90.0) -> None:
        """kded5 and plasmashell, ready when the tray's StatusNotifierWatcher is on the bus (once)."""
        if "plasmashell" in self.daemons:
            return
        self.daemons["kded5"] = self.spawn(["kded5"], name="kded5")
        self.daemons["plasmashell"] = self.spawn(["plasmashell", "--no-respawn"], name="plasmashell")
        wait_for(lambda: self.check_alive() or self.bus_has(STATUS_NOTIFIER_WATCHER), timeout, 0.2,
                 "plasmashell's StatusNotifierWatcher")

    def lock_screen(self) -> None:
        """Lock as a user does (the ScreenSaver ``Lock`` call behind Meta+L): KDE's real locker starts."""
        self.gdbus("org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver.Lock")
        wait_for(lambda: self.locked(), 10, 0.1, "the screen locked")

    def unlock_screen(self) -> None:
        """Unlock as ``loginctl unlock-session`` does: logind's session sends ``Unlock``."""
        done = subprocess.run(["gdbus", "call", "--address", self.env["DBUS_SYSTEM_BUS_ADDRESS"], "-d",
                               "org.freedesktop.login1", "-o", "/org/freedesktop/login1/session/c1", "-m",
                               "org.freedesktop.login1.Session.Unlock"], env=self.env, capture_output=True,
                              text=True, timeout=10, check=True)
        assert done.returncode == 0
        wait_for(lambda: not self.locked(), 10, 0.1, "the screen unlocked")

    def locked(self) -> bool:
        return self.gdbus("org.freedesktop.ScreenSaver", "/ScreenSaver",
                          "org.freedesktop.ScreenSaver.GetActive") == "(true,)"

    def run_script(self, expression: str, timeout: float = 10.0):
        """Evaluate a JavaScript ``expression`` in a KWin script; its value as JSON-decoded Python."""
        marker = f"deskbreak-{uuid.uuid4().hex}"
        script = self.workdir / f"{marker}.js"
        script.write_text(f'print("{marker} " + JSON.stringify((function () {{ return {expression}; }})()));\n',
                          encoding="utf-8")
        self.gdbus("org.kde.KWin", "/Scripting", "org.kde.kwin.Scripting.loadScript", str(script), marker)
        try:
            self.gdbus("org.kde.KWin", "/Scripting", "org.kde.kwin.Scripting.start")
            kwin = self.daemons["kwin"]
            # Its value, or the error KWin logs for it: a mistake in a test's script fails at once.
            found = kwin.wait_for_output(rf"^js: {marker} (.*)$|{marker}\.js:\d+: (error: .*)$", timeout,
                                         stream="stderr")
        finally:
            self.gdbus("org.kde.KWin", "/Scripting", "org.kde.kwin.Scripting.unloadScript", marker)
            script.unlink(missing_ok=True)
        if found.group(2):
            raise AssertionError(f"KWin script {expression!r}: {found.group(2)}")
        return json.loads(found.group(1))

    def windows(self) -> list[dict]:
        return self.run_script(
            "workspace.clientList().filter(c => c.normalWindow || c.dialog)"
            ".sort((a, b) => a.stackingOrder - b.stackingOrder).map(c => ({title: c.caption, "
            "pid: c.pid, fullscreen: c.fullScreen, above: c.keepAbove, monitor: c.screen, x: c.frameGeometry.x,"
            "y: c.frameGeometry.y, width: c.frameGeometry.width, height: c.frameGeometry.height,"
            "focus: c.active, minimized: c.minimized}))")

    def screenshot(self, path: Path) -> Path:
        reply = self.gdbus("org.kde.KWin", "/Screenshot", "org.kde.kwin.Screenshot.screenshotFullscreen", "false")
        taken = Path(_gvariant_string(reply[1:-2]))
        shutil.move(taken, path)
        return Path(path)


def _gvariant_string(text: str) -> str:
    """The Python string of a GVariant text string literal (``'...'``, as gdbus prints it): its
    escapes (``\\'``, ``\\n``, ``\\u00e9``) are Python's."""
    value = ast.literal_eval(text)
    if not isinstance(value, str):
        raise ValueError(f"not a GVariant string: {text[:80]!r}")
    return value
