"""A fake KWin scripting service that records each call: ``org.kde.KWin`` answering ``/Scripting`` as KWin 5.27 or 6 does.

``python fake_kwin_recorder.py LOG [--version 5|6] [--hang]`` owns ``org.kde.KWin``.
``loadScript(path, name)`` answers the next script id (-1 for a name already
loaded, as KWin does); the script's ``run()`` lives at ``/<id>`` (KWin 5.27)
or ``/Scripting/Script<id>`` (KWin 6) and, like KWin, reads the file only
then; ``unloadScript(name)`` answers whether it was loaded. Each call is
appended to LOG as one JSON line (``run`` with the script's text). With
``--hang`` nothing is ever answered, as a KWin stuck on something else.
Prints READY once the name is owned.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from PySide6.QtDBus import QDBusConnection, QDBusMessage

from fake_bus_object import FakeObject, serve

SCRIPTING = "org.kde.kwin.Scripting"
SCRIPT = "org.kde.kwin.Script"
INTROSPECTION = (f'<interface name="{SCRIPTING}">'
                 '<method name="loadScript"><arg type="s" direction="in"/><arg type="s" direction="in"/>'
                 '<arg type="i" direction="out"/></method>'
                 '<method name="unloadScript"><arg type="s" direction="in"/><arg type="b" direction="out"/></method>'
                 f'</interface><interface name="{SCRIPT}"><method name="run"/><method name="stop"/></interface>')


class FakeScripting:
    def __init__(self, log: Path, version: int) -> None:
        self.log = log
        self.version = version
        self.loaded: dict[str, int] = {}
        self.paths: dict[int, str] = {}
        self.next_id = 0

    def record(self, **call) -> None:
        with self.log.open("a", encoding="utf-8") as log:
            log.write(json.dumps(call) + "\n")

    def script_path(self, script_id: int) -> str:
        return f"/{script_id}" if self.version == 5 else f"/Scripting/Script{script_id}"

    def answer(self, message: QDBusMessage) -> QDBusMessage | None:
        call = (message.path(), message.interface(), message.member())
        arguments = message.arguments()
        if call == ("/Scripting", SCRIPTING, "loadScript") and message.signature() == "ss":
            path, name = arguments
            self.record(call="loadScript", path=path, name=name)
            if name in self.loaded:
                return message.createReply(-1)
            self.loaded[name] = script_id = self.next_id
            self.paths[script_id] = path
            self.next_id += 1
            return message.createReply(script_id)
        if call == ("/Scripting", SCRIPTING, "unloadScript"):
            (name,) = arguments
            self.record(call="unloadScript", name=name)
            return message.createReply(self.loaded.pop(name, None) is not None)
        if call[1:] == (SCRIPT, "run"):
            script_id = next((i for i in self.loaded.values() if self.script_path(i) == call[0]), None)
            if script_id is None:
                return message.createErrorReply("org.freedesktop.DBus.Error.UnknownObject",
                                                f"No such object path '{call[0]}'")
            self.record(call="run", path=call[0], text=Path(self.paths[script_id]).read_text(encoding="utf-8"))
            return message.createReply()
        return None


class Silent(FakeObject):
    """Takes every call and never answers."""

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        return True


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("log", type=Path)
    parser.add_argument("--version", type=int, choices=(5, 6), default=6)
    parser.add_argument("--hang", action="store_true")
    options = parser.parse_args()
    scripting = FakeScripting(options.log, options.version)
    service_object = (Silent if options.hang else FakeObject)(INTROSPECTION, scripting.answer)
    return serve("org.kde.KWin", "/", service_object, QDBusConnection.VirtualObjectRegisterOption.SubPath)


if __name__ == "__main__":
    sys.exit(main())
