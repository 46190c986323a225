"""Files a person edits by hand, watched while deskbreak runs.

Editors, sync tools and our own atomic saves *replace* a file, which ends a
watch on it; so each file's folder is watched too, and the watch is renewed
after every change. Editors also write in steps (truncate, write, rename), so
a change is reported once the writing has settled. Both the settings files
and the calendar file are watched through this one piece.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable, Iterable, Sequence

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

log = logging.getLogger("deskbreak")

SETTLE_MS = 300


class WatchedFiles(QObject):
    settled = Signal()
    """One of the files (or its folder) changed, and the writing has settled."""

    def __init__(self, paths: Callable[[], Iterable[Path | None]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths = paths
        self._watcher = QFileSystemWatcher(self)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._changed)
        self._watcher.fileChanged.connect(lambda *_: self._settle.start())
        self._watcher.directoryChanged.connect(lambda *_: self._settle.start())
        self.rewatch()

    def rewatch(self) -> None:
        """Watch what ``paths`` names now (and nothing else): each file that exists, and its folder."""
        wanted: set[str] = set()
        for path in self._paths():
            if path is None:
                continue
            if path.parent.is_dir():
                wanted.add(str(path.parent))
            if path.exists():
                wanted.add(str(path))
        watched = set(self._watcher.files() + self._watcher.directories())
        if watched - wanted:
            self._watcher.removePaths(sorted(watched - wanted))
        if wanted - watched:
            self._watcher.addPaths(sorted(wanted - watched))

    def _changed(self) -> None:
        self.rewatch()
        self.settled.emit()


class ProblemNotice:
    """Tells the user about a file's problems once, and again only when they change."""

    def __init__(self, title: str, tell: Callable[[str, str], None] | None) -> None:
        self.title = title
        self.tell = tell
        self._last: Sequence[str] = ()

    def report(self, problems: Sequence[str]) -> None:
        problems = list(problems)
        if problems and problems != list(self._last):
            for line in problems:
                log.warning("%s", line)
            if self.tell is not None:
                self.tell(self.title, "\n".join(problems)[:400])
        self._last = problems
