"""A script run inside KWin (KDE Plasma's compositor), loaded from text over D-Bus and unloaded again.

On Wayland a client sees no other client's window and may not stack its own;
KWin runs JavaScript with both powers, handed to it by file: ``/Scripting``
``org.kde.kwin.Scripting.loadScript(path, name)`` answers an id, and the
script object (:func:`script_object_paths`: ``/Scripting/Script<id>`` in
KWin 6, ``/<id>`` in 5.27) reads the file and runs it when told
``org.kde.kwin.Script.run()``. A script reports back with ``callDBus``.

:func:`load` writes the text to a private temporary file
(:func:`write_private_script`, mode 0600), which is removed as soon as KWin
has read it. A name is one script a session: one of that name still loaded
(by a run of the app that ended without unloading it) is unloaded first.
Every call waits at most ``timeout_ms`` and never starts KWin. The break
window's keep-above script (:mod:`deskbreak.adapters.kwin_keep_above`) makes
the same calls asynchronously, from these names.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtDBus import QDBusConnection, QDBusMessage

from deskbreak.adapters.dbus_call import call_without_starting

log = logging.getLogger(__name__)

SERVICE = "org.kde.KWin"
SCRIPTING_PATH = "/Scripting"
SCRIPTING = "org.kde.kwin.Scripting"
SCRIPT = "org.kde.kwin.Script"
NO_SUCH_OBJECT = "org.freedesktop.DBus.Error.UnknownObject"
#: Loading happens once, at start: long enough for a busy KWin, short enough not to freeze the app.
TIMEOUT_MS = 500


class KWinScriptError(OSError):
    """KWin is not running, did not answer in time, or refused the script."""


class LoadedScript:
    """A script running in KWin; :meth:`unload` stops it (KWin drops its signal connections)."""

    def __init__(self, connection: QDBusConnection, name: str, timeout_ms: int) -> None:
        self.name = name
        self._bus = connection
        self._timeout_ms = timeout_ms
        self._loaded = True

    def unload(self) -> None:
        """Take the script out of KWin; a second call, or a KWin gone meanwhile, does nothing."""
        if self._loaded:
            self._loaded = False
            _unload(self._bus, self.name, self._timeout_ms)


def script_object_paths(script_id: int) -> tuple[str, ...]:
    """Where KWin puts a loaded script's object: KWin 6's path, then KWin 5's."""
    return f"/Scripting/Script{script_id}", f"/{script_id}"


def write_private_script(text: str, name: str, folder: Path | None = None) -> Path:
    """``text`` in a new file only this user can read (KWin takes scripts by path only)."""
    if folder is not None:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor, path = tempfile.mkstemp(prefix=f"{name}-", suffix=".js", dir=folder)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
    return Path(path)


def load(text: str, name: str, connection: QDBusConnection | None = None,
         timeout_ms: int = TIMEOUT_MS) -> LoadedScript:
    """Run ``text`` in KWin as the script ``name``; raises :class:`KWinScriptError` when it does not run."""
    bus = connection if connection is not None else QDBusConnection.sessionBus()
    path = write_private_script(text, name)
    try:
        script_id = _load_file(bus, str(path), name, timeout_ms)
        try:
            _run(bus, script_id, timeout_ms)
        except KWinScriptError:
            _unload(bus, name, timeout_ms)
            raise
    finally:
        path.unlink()  # KWin has read it (run() reads the file), or will never need it
    log.info("KWin script %s loaded (id %s)", name, script_id)
    return LoadedScript(bus, name, timeout_ms)


def _load_file(bus: QDBusConnection, path: str, name: str, timeout_ms: int) -> int:
    """The id KWin gives the script in ``path``, after unloading a leftover of the same name."""
    for attempt in ("first", "after unloading a leftover"):
        try:
            script_id = _ask(bus, SCRIPTING_PATH, SCRIPTING, "loadScript", path, name, timeout_ms=timeout_ms)
        except KWinScriptError:
            _unload(bus, name, timeout_ms)  # a late answer may still load it
            raise
        if isinstance(script_id, int) and script_id >= 0:
            return script_id
        if attempt == "first":
            _unload(bus, name, timeout_ms)
    raise KWinScriptError(f"KWin refused to load the script {name}")


def _run(bus: QDBusConnection, script_id: int, timeout_ms: int) -> None:
    """Tell the script to run, at KWin 6's path or else KWin 5's."""
    *newer, oldest = script_object_paths(script_id)
    for path in newer:
        reply = call_without_starting(bus, SERVICE, path, SCRIPT, "run", timeout_ms=timeout_ms)
        if reply.type() == QDBusMessage.MessageType.ReplyMessage:
            return
        if reply.errorName() != NO_SUCH_OBJECT:
            raise KWinScriptError(f"{SERVICE} {path} run: {reply.errorMessage() or 'no answer'}")
    _ask(bus, oldest, SCRIPT, "run", timeout_ms=timeout_ms)


def _unload(bus: QDBusConnection, name: str, timeout_ms: int) -> None:
    try:
        _ask(bus, SCRIPTING_PATH, SCRIPTING, "unloadScript", name, timeout_ms=timeout_ms)
    except KWinScriptError as exc:  # KWin gone: the script went with it
        log.info("KWin script %s not unloaded: %s", name, exc)


def _ask(bus: QDBusConnection, path: str, interface: str, method: str, *arguments: Any, timeout_ms: int) -> Any:
    """The first value KWin answers (None for an empty answer); raises KWinScriptError for an error or no answer."""
    reply = call_without_starting(bus, SERVICE, path, interface, method, *arguments, timeout_ms=timeout_ms)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage:
        raise KWinScriptError(f"{SERVICE} {path} {method}: {reply.errorMessage() or 'no answer'}")
    values = reply.arguments()
    return values[0] if values else None
