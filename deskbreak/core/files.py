"""Files the user owns: replaced atomically, never lost, moved aside when damaged.

Settings and the user's routines are small TOML files a person may edit by
hand. A crash or a full disk during a save must leave either the old file or
the new one, never half of each; a file that cannot be read is renamed
beside itself, never deleted, so whatever the user typed can be recovered.
"""

from __future__ import annotations

import itertools
import os
import stat
import tempfile
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any, Sequence


def read_toml_table(path: Path) -> dict[str, Any]:
    """The TOML table in ``path``; ValueError if it is not UTF-8 TOML, OSError if unreadable."""
    data = path.read_bytes()
    try:
        # utf-8-sig: Windows editors like to start files with a byte-order mark.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"it is not UTF-8 text ({error})") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"it is not valid TOML: {error}") from None


def write_file_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8, LF) in one rename; raises OSError.

    A symlinked file is replaced where it points (dotfile managers use
    links), and the old file's permissions are kept.
    """
    target = Path(os.path.realpath(path))
    temporary: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        _copy_mode(target, temporary)
        os.replace(temporary, target)
        temporary = None
        _sync_directory(target.parent)
    finally:
        if temporary is not None:
            _remove_quietly(temporary)


def os_problem(error: OSError) -> str:
    if isinstance(error, FileExistsError) and error.filename:
        # Only mkdir raises this here: a file sits where a folder should be.
        return f"{error.filename} is a file, not a folder"
    return error.strerror or str(error)


def _copy_mode(existing: Path, replacement: str) -> None:
    # mkstemp makes the file 0600; keep whatever mode the user gave the old one.
    try:
        mode = stat.S_IMODE(os.stat(existing).st_mode)
    except FileNotFoundError:
        return
    os.chmod(replacement, mode)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable; not possible (nor needed) on Windows."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _remove_quietly(file_name: str) -> None:
    try:
        os.unlink(file_name)
    except OSError:
        pass




def _rename_without_replacing(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target``; FileExistsError if ``target`` exists.

    os.rename silently replaces on POSIX, so claim the name with a hard link,
    which fails atomically if the name is taken.
    """
    try:
        os.link(source, target, follow_symlinks=False)
    except FileExistsError:
        raise
    except (OSError, NotImplementedError):
        # No hard links here (some network or FAT file systems): check, then rename.
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        os.rename(source, target)
        return
    os.unlink(source)


def move_file_aside(path: Path, now: datetime, companion_suffixes: Sequence[str] = ()) -> Path:
    """Rename a damaged file to ``<name>.bad-<YYYYmmdd-HHMMSS>`` beside it and return the new path.

    Never replaces anything: if the name is taken, "-2", "-3"... is added.
    Files named ``path`` + a companion suffix (SQLite's "-wal", "-shm") move
    along under the new name + the same suffix.
    """
    stamp = now.strftime("%Y%m%d-%H%M%S")
    for attempt in itertools.count(1):
        counter = "" if attempt == 1 else f"-{attempt}"
        target = path.with_name(f"{path.name}.bad-{stamp}{counter}")
        if any(os.path.lexists(f"{target}{suffix}") for suffix in companion_suffixes):
            continue
        try:
            _rename_without_replacing(path, target)
        except FileExistsError:
            continue
        for suffix in companion_suffixes:
            companion = Path(f"{path}{suffix}")
            if os.path.lexists(companion):
                _rename_without_replacing(companion, Path(f"{target}{suffix}"))
        return target
    raise AssertionError("unreachable: itertools.count never ends")
