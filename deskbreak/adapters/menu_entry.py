"""deskbreak in the user's application menu: its desktop entry, icons, metainfo and GNOME Shell extension.

``deskbreak desktop install`` (which ``make install-desktop`` runs) copies
from the installed package (``assets/``, shipped inside the wheel) into
``$XDG_DATA_HOME`` (``~/.local/share`` when unset):

* ``applications/deskbreak.desktop``: ``assets/desktop/deskbreak.desktop``
  with ``Exec`` the deskbreak running now
  (:func:`~deskbreak.adapters.autostart.launch_command`: the console script,
  ``python -m deskbreak`` or the bundle, absolute), because a desktop
  session's ``PATH`` rarely holds a venv's or pipx's ``bin`` folder: with a
  bare ``Exec=deskbreak`` the entry would start nothing. ``TryExec`` names
  its program, which hides the entry once that program is gone. The file
  keeps the name ``deskbreak.desktop``: the app calls
  ``setDesktopFileName("deskbreak")``, which is how a Wayland compositor
  pairs its windows with this entry and its icon.
* ``icons/hicolor/<N>x<N>/apps/deskbreak.png`` (every size
  ``scripts/render_icons.py`` rendered) and ``icons/hicolor/scalable/apps/deskbreak.svg``.
* ``metainfo/io.github.deskbreak.deskbreak.metainfo.xml``, the AppStream
  description software centres show.
* ``gnome-shell/extensions/deskbreak@deskbreak.github.io/``: the GNOME Shell
  extension that tells deskbreak about other apps' fullscreen windows; GNOME
  loads it after the next login once the user enables it, elsewhere the
  folder is never read.

Only deskbreak's own files are ever replaced or removed.
``deskbreak/desktop-files.json`` under the same data folder lists each file
and folder install created, with the SHA-256 of what it wrote. Install replaces a file only when
it is absent, already holds what deskbreak would write, or still holds what
deskbreak wrote last time; anything else in the way stops it before it writes
a byte. Uninstall removes a file only while it still holds what deskbreak
wrote (one the user changed stays, and is named), then the folders install
created that are empty again. With no list (files an older deskbreak's
``make install-desktop`` wrote), a file counts as deskbreak's when it holds
exactly what install would write now.

Like xdg-utils, neither creates a cache that was not there: an existing
``icon-theme.cache`` or ``mimeinfo.cache`` is refreshed
(``gtk-update-icon-cache``, ``update-desktop-database``, when installed),
and the icon theme folder is touched so toolkits without a cache rescan it.
A cache made here would go stale the next time something else installed an
icon by hand, and hide that icon.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Sequence

from deskbreak.adapters.autostart import XDG_PLATFORMS, absolute_env_dir, desktop_exec, escape_desktop_string
from deskbreak.core.bounded_read import FileRefused, read_regular_file
from deskbreak.core.content.assets import asset_path
from deskbreak.core.files import os_problem, private_directory, write_file_atomically
from deskbreak.core.i18n import translate

ICON_NAME = "deskbreak"
ENTRY = PurePosixPath("applications", f"{ICON_NAME}.desktop")
METAINFO_NAME = "io.github.deskbreak.deskbreak.metainfo.xml"
GNOME_EXTENSIONS = "gnome-shell/extensions/"
#: What install wrote, under the data home: deskbreak's own folder there (also its default data folder).
MANIFEST = PurePosixPath("deskbreak", "desktop-files.json")
#: The largest file install writes is the 256 px icon, a few kB; anything this big in the way is not ours.
FILE_LIMIT = 4 * 1024 * 1024


class MenuEntryError(Exception):
    """A file could not be read, written or replaced; the message names it and says why."""


@dataclass
class Outcome:
    """What one install or uninstall did, for the command line to tell."""

    data_home: Path
    entry: Path
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    #: Files uninstall left because they no longer hold what deskbreak wrote.
    kept: list[Path] = field(default_factory=list)
    #: The uuids of the GNOME Shell extensions installed, which the user enables.
    gnome_extensions: list[str] = field(default_factory=list)


def supported(platform: str = sys.platform) -> bool:
    """Whether ``platform``'s desktops read freedesktop menu entries."""
    return platform.startswith(XDG_PLATFORMS)


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or relative."""
    return absolute_env_dir("XDG_DATA_HOME") or Path.home() / ".local" / "share"


@dataclass(frozen=True)
class _Record:
    """What install and uninstall remember: files (relative path: SHA-256) and folders they created."""

    files: dict[str, str]
    folders: list[str]


def install(command: Sequence[str], home: Path | None = None) -> Outcome:
    """Put deskbreak in the menu under ``home`` (default: :func:`data_home`), ``Exec`` being ``command``."""
    home = home or data_home()
    record = _read_record(home) or _Record({}, [])
    planned = _planned_files(command)
    in_the_way, to_write = [], []
    for relative, content in planned.items():
        current = _digest_of(home / relative)
        if current == _digest(content):
            record.files[relative] = current  # already there, as deskbreak would write it
        elif current is None or current == record.files.get(relative):
            to_write.append(relative)
        else:
            in_the_way.append(home / relative)
    if in_the_way:
        lines = [translate("cli", "{path} is in the way: deskbreak did not write it, or it was changed since; "
                                  "deskbreak replaces no file of yours").format(path=path) for path in in_the_way]
        lines.append(translate("cli", "move it away, then run `deskbreak desktop install` again"))
        raise MenuEntryError("\n".join(lines))
    outcome = Outcome(home, home / ENTRY, gnome_extensions=sorted(
        {PurePosixPath(relative).parts[2] for relative in planned if relative.startswith(GNOME_EXTENSIONS)}))
    failure = None
    for relative in to_write:
        target = home / relative
        try:
            home.mkdir(parents=True, exist_ok=True)
            _create_folders(home, target.parent, record.folders)
            write_file_atomically(target, planned[relative])
        except OSError as error:
            failure = MenuEntryError(translate("cli", "could not write {path}: {problem}").format(
                path=target, problem=os_problem(error)))
            break
        record.files[relative] = _digest(planned[relative])
        outcome.written.append(target)
    return _finish(home, record, outcome, failure, changed=bool(outcome.written))


def uninstall(command: Sequence[str], home: Path | None = None) -> Outcome:
    """Take out of ``home`` what install put in, and nothing else.

    ``command`` is the one install would write, for files installed by an
    older deskbreak that kept no record: those go only if they hold exactly that.
    """
    home = home or data_home()
    record = _read_record(home)
    if record is None:
        record = _Record({relative: _digest(content) for relative, content in _planned_files(command).items()}, [])
    outcome = Outcome(home, home / ENTRY)
    failure = None
    for relative, digest in sorted(record.files.items()):
        target = home / relative
        current = _digest_of(target)
        if current is not None and current != digest:
            outcome.kept.append(target)
        elif current is not None:
            try:
                target.unlink()
            except OSError as error:
                failure = MenuEntryError(translate("cli", "could not remove {path}: {problem}").format(
                    path=target, problem=os_problem(error)))
                break
            outcome.removed.append(target)
        # Gone, kept (no longer ours) or removed: not listed again.
        del record.files[relative]
    if failure is None:
        # Deepest first, so a folder's own folders go before it.
        for folder in sorted(record.folders, key=lambda name: name.count("/"), reverse=True):
            _remove_if_empty(home / folder)
        record.folders.clear()
    return _finish(home, record, outcome, failure, changed=bool(outcome.removed))


def _finish(home: Path, record: _Record, outcome: Outcome, failure: MenuEntryError | None, changed: bool) -> Outcome:
    """Save what is deskbreak's now (also after a failure), then raise the failure or refresh the caches."""
    _save_record(home, record)
    if failure is not None:
        raise failure
    if changed:
        _refresh_caches(home)
    return outcome


# -- what install writes ---------------------------------------------------------------


def _planned_files(command: Sequence[str]) -> dict[str, bytes]:
    """Each file install writes (its path under the data home) with its content, in the order written.

    The menu entry comes last: a desktop watching ``applications/`` shows it
    at once, and its icon should be there by then.
    """
    desktop = asset_path("desktop")
    hicolor = asset_path("icons", "hicolor")
    planned = {f"icons/hicolor/{icon.relative_to(hicolor).as_posix()}": _shipped(icon)
               for icon in _shipped_files(hicolor, f"*/apps/{ICON_NAME}.png")}
    planned[f"icons/hicolor/scalable/apps/{ICON_NAME}.svg"] = _shipped(asset_path("icons", f"{ICON_NAME}.svg"))
    planned[f"metainfo/{METAINFO_NAME}"] = _shipped(desktop / METAINFO_NAME)
    extensions = desktop / "gnome-shell-extension"
    for source in _shipped_files(extensions, "*/*"):
        planned[f"{GNOME_EXTENSIONS}{source.relative_to(extensions).as_posix()}"] = _shipped(source)
    planned[str(ENTRY)] = menu_entry(command).encode("utf-8")
    return planned


def menu_entry(command: Sequence[str]) -> str:
    """The shipped entry with ``Exec`` starting ``command`` and ``TryExec`` naming its program."""
    lines = []
    for line in _shipped(asset_path("desktop", ENTRY.name)).decode("utf-8").splitlines():
        if line.startswith("Exec="):
            lines += [f"TryExec={escape_desktop_string(command[0])}", f"Exec={desktop_exec(command)}"]
        elif not line.startswith("TryExec="):
            lines.append(line)
    return "\n".join(lines) + "\n"


def _shipped(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise MenuEntryError(_broken_install(path, os_problem(error))) from None


def _shipped_files(folder: Path, pattern: str) -> list[Path]:
    """The files in the installed package's ``folder`` matching ``pattern``; there is at least one."""
    found = sorted(path for path in folder.glob(pattern) if path.is_file())
    if not found:
        raise MenuEntryError(_broken_install(folder / pattern, translate("cli", "no such file")))
    return found


def _broken_install(path: Path, problem: str) -> str:
    return translate("cli", "deskbreak's own {path} cannot be read ({problem}); reinstall deskbreak").format(
        path=path, problem=problem)


# -- whose file it is ----------------------------------------------------------------------


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _digest_of(path: Path) -> str | None:
    """The SHA-256 of the plain file at ``path``; None when nothing is there.

    Anything but a plain file of at most :data:`FILE_LIMIT` bytes (a folder,
    a symlink, a device, a huge file, a file where a folder of the path should
    be) gets a digest no file deskbreak writes has, so it is never deskbreak's.
    """
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return "not a folder on the way"
    if not stat.S_ISREG(status.st_mode) or status.st_size > FILE_LIMIT:
        return "not a plain file"
    try:
        return _digest(read_regular_file(path, FILE_LIMIT))
    except OSError as error:
        raise MenuEntryError(_read_problem(path, error)) from None


def _read_problem(path: Path, error: OSError) -> str:
    if isinstance(error, FileRefused):
        return str(error)  # it names the path
    return translate("cli", "could not read {path}: {problem}").format(path=path, problem=os_problem(error))


def _create_folders(home: Path, folder: Path, created: list[str]) -> None:
    """Create ``folder`` and its missing parents under ``home``, adding each to ``created`` (relative) once made."""
    missing = []
    while folder != home and not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        created.append(path.relative_to(home).as_posix())


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # the user put something there (or it is gone already): it stays


def _read_record(home: Path) -> _Record | None:
    """The record of the last install under ``home``; None when there is none."""
    path = home / MANIFEST
    try:
        data = read_regular_file(path, FILE_LIMIT)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise MenuEntryError(_read_problem(path, error)) from None
    try:
        parsed = json.loads(data.decode("utf-8"))
    except ValueError as error:  # UnicodeDecodeError too
        raise MenuEntryError(_damaged(path, str(error))) from None
    files = parsed.get("files") if isinstance(parsed, dict) else None
    folders = parsed.get("folders") if isinstance(parsed, dict) else None
    if not (isinstance(files, dict) and isinstance(folders, list)
            and all(isinstance(digest, str) for digest in files.values())):
        raise MenuEntryError(_damaged(path, translate("cli", "it does not hold the lists of files and folders")))
    for name in [*files, *folders]:
        if not _is_under_home(name):
            raise MenuEntryError(_damaged(path, translate("cli", "'{name}' is not a path inside {home}").format(
                name=name, home=home)))
    return _Record(files, folders)


def _is_under_home(name: object) -> bool:
    """Whether ``name`` is a path below (never at or above) the data home; a damaged list must not aim higher."""
    if not isinstance(name, str):
        return False
    parts = PurePosixPath(name).parts
    return bool(parts) and not PurePosixPath(name).is_absolute() and ".." not in parts and "\\" not in name


def _damaged(path: Path, problem: str) -> str:
    return translate("cli", "{path} is damaged ({problem}): it lists the files `deskbreak desktop install` wrote; "
                            "remove it and run the command again").format(path=path, problem=problem)


def _save_record(home: Path, record: _Record) -> None:
    """Write the record, or remove it (and deskbreak's folder, when that is then empty) once it lists nothing."""
    path = home / MANIFEST
    try:
        if record.files or record.folders:
            private_directory(path.parent)
            text = json.dumps({"written_by": "deskbreak desktop install; deskbreak desktop uninstall removes them",
                               "files": record.files, "folders": record.folders}, indent=1, sort_keys=True)
            write_file_atomically(path, text + "\n")
            return
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as error:
        raise MenuEntryError(translate("cli", "could not write {path}: {problem}").format(
            path=path, problem=os_problem(error))) from None
    # Its folder is also deskbreak's default data folder: it goes only when nothing else is in it.
    _remove_if_empty(path.parent)


def _refresh_caches(home: Path) -> None:
    hicolor = home / "icons" / "hicolor"
    applications = home / "applications"
    if hicolor.is_dir():
        os.utime(hicolor)
        if (hicolor / "icon-theme.cache").exists() and shutil.which("gtk-update-icon-cache"):
            subprocess.run(["gtk-update-icon-cache", "--quiet", "--force", "--ignore-theme-index", str(hicolor)],
                           check=False, capture_output=True)
    if (applications / "mimeinfo.cache").exists() and shutil.which("update-desktop-database"):
        subprocess.run(["update-desktop-database", "--quiet", str(applications)], check=False, capture_output=True)
