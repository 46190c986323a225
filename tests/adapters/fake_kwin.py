"""A fake KWin that runs the scripts it is handed, in a QJSEngine, against a stand-in workspace.

``python fake_kwin.py`` owns ``org.kde.KWin`` and answers as KWin 5.27 does:

* ``/Scripting`` ``org.kde.kwin.Scripting``: ``loadScript(path, name)`` answers
  a new id, or -1 when a script of that name is loaded already;
  ``unloadScript(name)`` and ``isScriptLoaded(name)`` answer a bool;
* ``/<id>`` ``org.kde.kwin.Script.run()`` reads the file only then (KWin's
  ``FileError`` when it is gone) and evaluates it.

Scripts see a ``workspace`` with ``clientList()``, the signals ``clientAdded``,
``clientRemoved`` and ``currentDesktopChanged`` and ``currentDesktop``;
windows with ``pid``, ``fullScreen``, ``minimized``, ``desktop``,
``onAllDesktops``, ``resourceClass`` and a ``<property>Changed`` signal each;
``print``; and ``callDBus(service, path, interface, method, ...arguments)``,
sent from this connection (the one owning ``org.kde.KWin``), as KWin does.

The test drives it on ``/Scripting`` through ``io.github.deskbreak.Test``:
``Eval(code)`` evaluates JavaScript in the scripts' engine and answers its
result as a string (``openWindow({pid, fullScreen, ...})`` answers a window's
number, ``change(number, property, value)`` and ``closeWindow(number)``
change the workspace and emit the signals KWin would); ``Loaded()`` answers
the names loaded now, ``Paths()`` every path handed to ``loadScript`` with
the file's mode then ("/tmp/x.js 600"), one a line.
``--hang`` answers nothing at all (a KWin that is stuck). Prints READY once
the name is owned.
"""

from __future__ import annotations

import argparse
import sys
from functools import cached_property
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtQml import QJSEngine

from fake_bus_object import FakeObject, serve

SERVICE = "org.kde.KWin"
SCRIPTING = "org.kde.kwin.Scripting"
SCRIPT = "org.kde.kwin.Script"
TEST = "io.github.deskbreak.Test"
INTROSPECTION = f"""<interface name="{SCRIPTING}">
  <method name="loadScript"><arg type="s" direction="in"/><arg type="s" direction="in"/>
    <arg type="i" direction="out"/></method>
  <method name="unloadScript"><arg type="s" direction="in"/><arg type="b" direction="out"/></method>
  <method name="isScriptLoaded"><arg type="s" direction="in"/><arg type="b" direction="out"/></method>
</interface>"""

WORKSPACE = """
function Signal() {
    const slots = [];
    return {connect: slot => slots.push(slot), emit: (...values) => slots.slice().forEach(slot => slot(...values))};
}
var windowsByNumber = new Map();
var lastWindowNumber = 0;
var workspace = {  // var: a const would not outlive this evaluate() call
    currentDesktop: 1,
    clientList: () => [...windowsByNumber.values()],
    clientAdded: Signal(), clientRemoved: Signal(), currentDesktopChanged: Signal(),
};
function openWindow(properties) {
    const window = Object.assign({pid: 0, fullScreen: false, minimized: false, desktop: 1, onAllDesktops: false,
                                  resourceClass: "app"}, properties);
    for (const name of ["fullScreen", "minimized", "desktop"])
        window[name + "Changed"] = Signal();
    windowsByNumber.set(++lastWindowNumber, window);
    workspace.clientAdded.emit(window);
    return lastWindowNumber;
}
function change(number, property, value) {
    const window = windowsByNumber.get(number);
    window[property] = value;
    window[property + "Changed"].emit();
}
function closeWindow(number) {
    const window = windowsByNumber.get(number);
    windowsByNumber.delete(number);
    workspace.clientRemoved.emit(window);
}
function switchDesktop(desktop) {
    workspace.currentDesktop = desktop;
    workspace.currentDesktopChanged.emit();
}
function callDBus(service, path, iface, method, ...values) {
    kwin.call(service, path, iface, method, values);
}
"""


class KWinCalls(QObject):
    """What a script's ``callDBus`` sends: a method call from the connection that owns ``org.kde.KWin``."""

    @Slot(str, str, str, str, "QVariantList")
    def call(self, service: str, path: str, interface: str, method: str, values: list) -> None:
        message = QDBusMessage.createMethodCall(service, path, interface, method)
        message.setArguments(values)
        QDBusConnection.sessionBus().send(message)


class FakeKWin:
    def __init__(self) -> None:
        self.scripts: dict[int, tuple[str, str]] = {}  # id: (path, name), of the scripts loaded now
        self.paths: list[str] = []
        self.script_objects: list[FakeObject] = []
        self.last_id = -1

    @cached_property
    def engine(self) -> QJSEngine:
        """The scripts' engine, made on the first call (once ``serve`` has made the application)."""
        engine = QJSEngine()
        engine.installExtensions(QJSEngine.Extension.ConsoleExtension)
        self.calls = KWinCalls()
        engine.globalObject().setProperty("kwin", engine.newQObject(self.calls))
        engine.evaluate(WORKSPACE)
        engine.globalObject().setProperty("print", engine.evaluate("(text => console.log('js: ' + text))"))
        return engine

    def scripting(self, message: QDBusMessage) -> QDBusMessage | None:
        arguments = message.arguments()
        loaded = {name: script_id for script_id, (_, name) in self.scripts.items()}
        match message.interface(), message.member():
            case (SCRIPTING, "loadScript"):
                path, name = arguments
                self.paths.append(f"{path} {Path(path).stat().st_mode & 0o777:o}")
                if name in loaded:
                    return message.createReply(-1)
                self.last_id += 1
                self.scripts[self.last_id] = (path, name)
                self.export_script(self.last_id)
                return message.createReply(self.last_id)
            case (SCRIPTING, "unloadScript"):
                return message.createReply(self.scripts.pop(loaded.get(arguments[0], -1), None) is not None)
            case (SCRIPTING, "isScriptLoaded"):
                return message.createReply(arguments[0] in loaded)
            case (TEST, "Eval"):
                result = self.engine.evaluate(arguments[0])
                return message.createReply(result.toString())
            case (TEST, "Loaded"):
                return message.createReply("\n".join(sorted(loaded)))
            case (TEST, "Paths"):
                return message.createReply("\n".join(self.paths))
        return None

    def export_script(self, script_id: int) -> None:
        def answer(message: QDBusMessage) -> QDBusMessage | None:
            if (message.interface(), message.member()) != (SCRIPT, "run") or script_id not in self.scripts:
                return None
            path = Path(self.scripts[script_id][0])
            try:
                text = path.read_text(encoding="utf-8")
            except OSError:
                return message.createErrorReply("org.kde.kwin.Scripting.FileError", f"Could not open {path}")
            # Each script in a scope of its own, as each has an engine of its own in KWin.
            result = self.engine.evaluate(f"(function () {{\n{text}\n}})()", str(path))
            if result.isError():
                print(f"script {path} failed: {result.toString()}", file=sys.stderr)
            return message.createReply()

        script_object = FakeObject(f'<interface name="{SCRIPT}"><method name="run"/></interface>', answer)
        self.script_objects.append(script_object)
        QDBusConnection.sessionBus().registerVirtualObject(f"/{script_id}", script_object)


class Stuck(FakeObject):
    """Takes every call and answers none."""

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        return True


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hang", action="store_true")
    options = parser.parse_args()
    if options.hang:
        return serve(SERVICE, "/Scripting", Stuck(INTROSPECTION, lambda message: None))
    kwin = FakeKWin()
    return serve(SERVICE, "/Scripting", FakeObject(INTROSPECTION, kwin.scripting))


if __name__ == "__main__":
    sys.exit(main())
