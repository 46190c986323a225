"""Keeps the break's windows above the others on KDE Plasma's Wayland session, through a KWin script.

Wayland lets no client stack its windows: Qt's stay-on-top hint does nothing
there, and the layer-shell protocol KWin offers needs LayerShellQt, which
Debian 12 has for Qt 5 only. KWin (5.27 and 6) runs JavaScript sent over
D-Bus (``org.kde.KWin /Scripting``): :func:`keep_above_script` is a few
lines that set ``keepAbove`` on the break's windows, found by this process's
id and their captions, those on screen and those shown later. The script
stays loaded while the break is on screen, so a window shown again
(:func:`deskbreak.ui.break_screens.show_again`) is kept above too, and is
unloaded after.

Every call is asynchronous: the GUI thread sends and goes on, and the
answers arrive on its event loop; a KWin that never answers costs a log line
after ``timeout_ms``, never a frozen window. Off KDE, or on X11 (where Qt's
hint works), :func:`keep_above_adapter` gives None and nothing is sent.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

from deskbreak.adapters.kwin_scripting import (NO_SUCH_OBJECT, SCRIPT, SCRIPTING, SCRIPTING_PATH, SERVICE,
                                               script_object_paths, write_private_script)

log = logging.getLogger(__name__)

CALL_TIMEOUT_MS = 3000

_SCRIPT = """// deskbreak keeps its break above other windows (loaded while the break is on screen).
var wanted = {wanted};
function isBreakWindow(window) {{
    if (window.pid !== wanted.pid) return false;
    for (var i = 0; i < wanted.captions.length; i++) {{
        var caption = wanted.captions[i];
        // KWin tells windows of one caption apart with a number: "caption <2>".
        if (window.caption === caption || window.caption.indexOf(caption + " <") === 0) return true;
    }}
    return false;
}}
function keepAbove(window) {{
    if (isBreakWindow(window)) window.keepAbove = true;
}}
// KWin 6 names them windowList and windowAdded, KWin 5 clientList and clientAdded.
(workspace.windowList ? workspace.windowList() : workspace.clientList()).forEach(keepAbove);
(workspace.windowAdded || workspace.clientAdded).connect(keepAbove);
"""


def keep_above_script(pid: int, captions: Sequence[str]) -> str:
    """The KWin script that keeps the windows of process ``pid`` with these ``captions`` above the others."""
    # JSON is JavaScript, every caption safely quoted (ensure_ascii escapes U+2028 too).
    return _SCRIPT.format(wanted=json.dumps({"pid": pid, "captions": list(captions)}))


def keep_above_adapter(*, wayland: bool, environ: Mapping[str, str] = os.environ,
                       bus: QDBusConnection | None = None) -> KWinKeepAbove | None:
    """The adapter where it is needed and can work (KDE on Wayland); None anywhere else."""
    if not wayland or "KDE" not in environ.get("XDG_CURRENT_DESKTOP", "").split(":"):
        return None
    return KWinKeepAbove(bus)


class KWinKeepAbove(QObject):
    """Asks KWin to keep a break's windows above the others: :meth:`keep_above`, then :meth:`release`.

    :attr:`keptAbove` says the script runs; :attr:`failed` says why it does not.
    """

    keptAbove = Signal()
    failed = Signal(str)

    def __init__(self, bus: QDBusConnection | None = None, *, pid: int | None = None,
                 script_dir: Path | None = None, timeout_ms: int = CALL_TIMEOUT_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        self._pid = os.getpid() if pid is None else pid
        self._name = f"deskbreak-keep-above-{self._pid}"
        self._script_dir = script_dir
        self._timeout_ms = timeout_ms
        self._script_file: Path | None = None
        self._loaded = False
        # Each keep_above and release starts a new round; answers to an older round are ignored.
        self._round = 0

    def keep_above(self, captions: Sequence[str]) -> None:
        """Keep this process's windows with these captions above the others, until :meth:`release`."""
        self.release()
        this_round = self._round
        try:
            self._script_file = self._write_script(keep_above_script(self._pid, captions))
        except OSError as exc:
            self._fail(f"cannot write the KWin script: {exc}")
            return
        self._loaded = True
        self._call(SCRIPTING_PATH, SCRIPTING, "loadScript", [str(self._script_file), self._name],
                   lambda reply: self._script_loaded(this_round, reply))

    def release(self) -> None:
        """Unload the script (the windows it kept above stay so until they close) and remove its file."""
        self._round += 1
        if self._loaded:
            self._loaded = False
            self._call(SCRIPTING_PATH, SCRIPTING, "unloadScript", [self._name], self._unloaded)
        if self._script_file is not None:
            self._script_file.unlink(missing_ok=True)
            self._script_file = None

    # -- the calls, one after the other's answer ------------------------------

    def _script_loaded(self, this_round: int, reply: QDBusMessage) -> None:
        if this_round != self._round:
            return
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            self._fail(f"KWin did not load the script: {reply.errorMessage() or reply.errorName()}")
            return
        script_id = int(reply.arguments()[0])
        if script_id < 0:
            self._fail(f"KWin refused to load the script {self._name}")
            return
        self._run(this_round, script_object_paths(script_id))

    def _run(self, this_round: int, paths: Sequence[str]) -> None:
        self._call(paths[0], SCRIPT, "run", [], lambda reply: self._ran(this_round, paths[1:], reply))

    def _ran(self, this_round: int, other_paths: Sequence[str], reply: QDBusMessage) -> None:
        if this_round != self._round:
            return
        if reply.type() == QDBusMessage.MessageType.ReplyMessage:
            log.info("KWin keeps the break window above the others")
            self.keptAbove.emit()
        elif reply.errorName() == NO_SUCH_OBJECT and other_paths:
            self._run(this_round, other_paths)  # an older KWin: the script's object lives elsewhere
        else:
            self._fail(f"KWin did not run the script: {reply.errorMessage() or reply.errorName()}")

    def _unloaded(self, reply: QDBusMessage) -> None:
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            log.info("KWin did not unload %s: %s", self._name, reply.errorMessage() or reply.errorName())

    def _fail(self, why: str) -> None:
        log.info("break window not kept above: %s", why)
        self.failed.emit(why)

    def _call(self, path: str, interface: str, method: str, arguments: list,
              on_reply: Callable[[QDBusMessage], None]) -> None:
        message = QDBusMessage.createMethodCall(SERVICE, path, interface, method)
        message.setArguments(arguments)
        message.setAutoStartService(False)  # never start a KWin; off KDE the bus answers at once
        watcher = QDBusPendingCallWatcher(self._bus.asyncCall(message, self._timeout_ms), self)

        def answered(finished: QDBusPendingCallWatcher) -> None:
            finished.deleteLater()
            on_reply(finished.reply())

        watcher.finished.connect(answered)

    def _write_script(self, text: str) -> Path:
        folder = self._script_dir or (Path(os.environ["XDG_RUNTIME_DIR"]) if os.environ.get("XDG_RUNTIME_DIR")
                                      else None)
        return write_private_script(text, "deskbreak-keep-above", folder)
