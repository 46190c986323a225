/* exported init */
// Answers deskbreak's question over D-Bus: is a window of another app fullscreen?
// GNOME tells no app about another app's window on Wayland, and a fullscreen
// window (a game, a slide show) takes no inhibitor. GNOME Shell 42 to 44 load
// this file as a script; 45 and later load only ES modules.
'use strict';

const {Gio} = imports.gi;

const OBJECT_PATH = '/io/github/deskbreak/Fullscreen';
const INTERFACE = `<node>
  <interface name="io.github.deskbreak.Fullscreen">
    <method name="FullscreenWindow">
      <arg type="i" name="other_than_pid" direction="in"/>
      <arg type="b" name="found" direction="out"/>
      <arg type="s" name="app" direction="out"/>
    </method>
  </interface>
</node>`;

class FullscreenReporter {
    enable() {
        this._exported = Gio.DBusExportedObject.wrapJSObject(INTERFACE, this);
        this._exported.export(Gio.DBus.session, OBJECT_PATH);
    }

    disable() {
        this._exported.unexport();
        this._exported = null;
    }

    // On each monitor Mutter counts as in fullscreen, the topmost fullscreen window
    // of the active workspace, unless it belongs to the asking process (deskbreak's
    // own break window): [found, its app's WM class].
    FullscreenWindow(otherThanPid) {
        const display = global.display;
        const workspace = global.workspace_manager.get_active_workspace();
        const topFirst = display.sort_windows_by_stacking(workspace.list_windows()).reverse();
        for (let monitor = 0; monitor < display.get_n_monitors(); monitor++) {
            if (!display.get_monitor_in_fullscreen(monitor))
                continue;
            const window = topFirst.find(w => w.get_monitor() === monitor && w.is_fullscreen() && !w.minimized);
            if (window && window.get_pid() !== otherThanPid)
                return [true, window.get_wm_class() ?? ''];
        }
        return [false, ''];
    }
}

function init() {
    return new FullscreenReporter();
}
