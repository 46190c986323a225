"""Files a person edits by hand, watched while deskbreak runs.

Editors, sync tools and our own atomic saves *replace* a file, which ends a
watch on it; so each file's folder is watched too, and the watch is renewed
after every change. A watch follows a symlink to the file it points at, so
after every change each path is resolved again: a link replaced by a plain
file, or pointed elsewhere, is watched where it leads now, and the target's
own folder is watched too (a dotfiles checkout replaces the target, not the
link). Editors also write in steps (truncate, write, rename), so a change is
reported once the writing has settled. Both the settings files and the
calendar file are watched through this one piece.
"""

from __future__ import annotations

import logging
import os
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
        # Each watched file's identity when its watch was set, by path.
        self._identities: dict[str, tuple[int, int]] = {}
        self.rewatch()

    def rewatch(self) -> None:
        """Watch what ``paths`` names now (and nothing else): each file that exists, its folder and its target's.

        A file whose path now leads to another file than when its watch was
        set (see :func:`_identity`) is watched anew: the old watch still
        follows the file it was set on.
        """
        wanted_files: dict[str, tuple[int, int]] = {}
        wanted_folders: set[str] = set()
        for path in self._paths():
            if path is None:
                continue
            for folder in {path.parent, Path(os.path.realpath(path)).parent}:
                if folder.is_dir():
                    wanted_folders.add(str(folder))
            identity = _identity(path)
            if identity is not None:
                wanted_files[str(path)] = identity
        moved = {path for path, identity in self._identities.items() if wanted_files.get(path) != identity}
        watched = set(self._watcher.files() + self._watcher.directories())
        wanted = wanted_folders | set(wanted_files)
        if (watched - wanted) | (moved & watched):
            self._watcher.removePaths(sorted((watched - wanted) | (moved & watched)))
        if (wanted - watched) | (moved & set(wanted_files)):
            self._watcher.addPaths(sorted((wanted - watched) | (moved & set(wanted_files))))
        self._identities = wanted_files

    def _changed(self) -> None:
        self.rewatch()
        self.settled.emit()


def _identity(path: Path) -> tuple[int, int] | None:
    """The file ``path`` leads to (device, inode; through symlinks), or None when there is none."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


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
