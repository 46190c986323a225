"""A stand-in GNOME Shell: deskbreak's real extension, run by gjs against a stand-in Mutter.

``python fake_gnome_shell.py WINDOWS_JSON [--enable-after-ms N]`` becomes
``gjs`` (same process, so stopping it stops gjs), owns ``org.gnome.Shell`` on
the session bus with the extension of ``assets/desktop/gnome-shell-extension``
enabled (only N ms later, with ``--enable-after-ms``) and prints READY. The
shell's ``global`` is stood in for: two monitors and the windows of
WINDOWS_JSON, a list from the bottom of the stack to the top, each ``{"pid",
"fullscreen", "monitor", "minimized", "wm_class"}``. A monitor counts as in fullscreen when a
fullscreen window that is not minimized is on it (Mutter's rule, less the
maximized windows that can cover one). What Mutter itself answers is checked
on a real GNOME Shell (the Wayland tier).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

EXTENSION = (Path(__file__).resolve().parents[2] / "assets" / "desktop" / "gnome-shell-extension"
             / "deskbreak@deskbreak.github.io")

SHELL = """
const {Gio, GLib} = imports.gi;
const [extensionDir, windowsJson, flag, enableAfterMs] = ARGV;
const windows = JSON.parse(windowsJson).map(w => ({
    minimized: Boolean(w.minimized),
    get_pid: () => w.pid,
    get_monitor: () => w.monitor ?? 0,
    get_wm_class: () => w.wm_class ?? null,
    is_fullscreen: () => Boolean(w.fullscreen),
}));
globalThis.global = {
    display: {
        get_n_monitors: () => 2,
        get_monitor_in_fullscreen: monitor => windows.some(
            w => w.get_monitor() === monitor && w.is_fullscreen() && !w.minimized),
        sort_windows_by_stacking: list => [...list],
    },
    workspace_manager: {get_active_workspace: () => ({list_windows: () => [...windows]})},
};
imports.searchPath.unshift(extensionDir);
const extension = imports.extension.init();
const loop = new GLib.MainLoop(null, false);
Gio.bus_own_name(Gio.BusType.SESSION, 'org.gnome.Shell', Gio.BusNameOwnerFlags.NONE,
    () => flag === '--enable-after-ms'
        ? GLib.timeout_add(GLib.PRIORITY_DEFAULT, Number(enableAfterMs), () => {
            extension.enable();
            return GLib.SOURCE_REMOVE;
        })
        : extension.enable(),
    () => print('READY'),
    () => loop.quit());
loop.run();
"""

if __name__ == "__main__":
    gjs = shutil.which("gjs")
    if gjs is None:
        sys.exit("gjs is not installed")
    os.execv(gjs, [gjs, "-c", SHELL, str(EXTENSION), *sys.argv[1:]])
