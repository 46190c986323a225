"""Files the user owns: private, replaced atomically, never lost, moved aside when damaged.

Settings and the user's routines are small TOML files a person may edit by
hand. A crash or a full disk during a save must leave either the old file or
the new one, never half of each; a file that cannot be read is renamed
beside itself, never deleted, so whatever the user typed can be recovered.

What deskbreak keeps says when a person sat, stood and stretched: folders are
0700 and files 0600 whatever the umask, since a umask of 022 (the usual one)
would otherwise show every other local user the history.

Two programs may change one file at once (the running app and ``deskbreak
config set``, or several of the latter): :func:`file_lock` is the advisory
lock each holds around its read-modify-write, so neither saves over the
other's change.
"""

from __future__ import annotations

import errno
import itertools
import os
import re
import stat
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator, Sequence

from deskbreak.core.bounded_read import read_regular_file
from deskbreak.core.i18n import translate

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

PRIVATE_DIRECTORY_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
# Windows has neither owners by uid nor Unix modes; there the user's profile
# folder already keeps other users out, so the checks below are POSIX only.
_POSIX_OWNERS = hasattr(os, "getuid") and hasattr(os, "fchmod")


def private_directory(path: Path, *, follow_symlinks: bool = True) -> Path:
    """Make ``path`` a folder only this user can enter (0700) and return it.

    Missing parents are created with the usual mode; only ``path`` itself is
    made private. An existing folder we own loses every permission of group
    and others; the owner's own are kept (a folder the user made read-only
    stays read-only). Raises ``PermissionError`` when the folder belongs to
    another user, ``NotADirectoryError`` when something else sits there,
    and, with ``follow_symlinks=False``, ``OSError`` (ELOOP) for a symlink:
    a folder in a shared place like /tmp must be refused, not followed, so
    another user cannot choose where our files go.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.mkdir(path, PRIVATE_DIRECTORY_MODE)
        created = True
    except FileExistsError:
        created = False
    if not _POSIX_OWNERS:
        if not path.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(path))
        return path
    flags = os.O_RDONLY | os.O_DIRECTORY | (0 if follow_symlinks else os.O_NOFOLLOW)
    # Opened once and checked through the descriptor: nothing can swap the
    # folder between the check and the chmod.
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if status.st_uid != os.getuid():
            raise PermissionError(errno.EPERM, f"owned by user id {status.st_uid}, not by us", str(path))
        mode = stat.S_IMODE(status.st_mode)
        # mkdir's mode passes through the umask (0o277 would leave us 0500): set ours exactly.
        wanted = PRIVATE_DIRECTORY_MODE if created else mode & PRIVATE_DIRECTORY_MODE
        if mode != wanted:
            os.fchmod(descriptor, wanted)
    finally:
        os.close(descriptor)
    return path


def create_private_file(path: Path) -> bool:
    """Create ``path`` empty with mode 0600 if it does not exist; True if it was created.

    An existing file is left exactly as it is (see :func:`make_file_private`).
    """
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    try:
        if _POSIX_OWNERS:
            # A umask such as 0o277 would leave even the owner unable to write.
            os.fchmod(descriptor, PRIVATE_FILE_MODE)
    finally:
        os.close(descriptor)
    return True


def make_file_private(path: Path) -> None:
    """Take every permission of group and others from an existing file we own.

    Files written by older deskbreaks (0644 under the usual umask) become
    0600 the next time they are opened. A missing file, a symlink or a file
    of another user is left alone.
    """
    if not _POSIX_OWNERS:
        return
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    mode = stat.S_IMODE(status.st_mode)
    if stat.S_ISREG(status.st_mode) and status.st_uid == os.getuid() and mode & 0o077:
        # 0o700 keeps the owner's bits as they are and drops everyone else's.
        os.chmod(path, mode & 0o700)


# A settings or routines file is a few kilobytes; anything near this is no file a person wrote.
TOML_FILE_LIMIT = 1024 * 1024


def read_toml_table(path: Path) -> dict[str, Any]:
    """The TOML table in ``path``; ValueError if it is not UTF-8 TOML, OSError if unreadable.

    A FIFO, a device or a file over :data:`TOML_FILE_LIMIT` is an OSError
    (:class:`~deskbreak.core.bounded_read.FileRefused`) instead of a hang.
    """
    return parse_toml_bytes(read_toml_bytes(path))


def read_toml_bytes(path: Path) -> bytes:
    """The bytes of the TOML file at ``path``, read as :func:`read_toml_table` reads them."""
    return read_regular_file(path, TOML_FILE_LIMIT)


def parse_toml_bytes(data: bytes) -> dict[str, Any]:
    """The TOML table in ``data``; ValueError if it is not UTF-8 TOML."""
    try:
        # utf-8-sig: Windows editors like to start files with a byte-order mark.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # The line, as TOML's own errors give it, so the user can find the byte in an editor;
        # error.object is what was decoded (without the byte-order mark).
        line = error.object[: error.start].count(b"\n") + 1
        raise ValueError(translate("files", "it is not UTF-8 text (byte {byte} on line {line})").format(
            byte=f"0x{error.object[error.start]:02x}", line=line)) from None
    import tomllib  # noqa: PLC0415  (2.5 ms: with the first file read, after the tray icon shows)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problem = str(error)
        line = _unclosed_statement_line(text) if problem.endswith("(at end of document)") else None
        if line is not None:
            problem = translate("files", "{problem}; it begins on line {line}").format(problem=problem, line=line)
        raise ValueError(translate("files", "it is not valid TOML: {problem}").format(problem=problem)) from None
    except RecursionError:
        # tomllib recurses once per level of brackets: no file a person writes goes this deep.
        raise ValueError(translate("files", "it nests arrays or tables too deeply to read")) from None


def with_line_endings_of(original: str, edited: str) -> str:
    """``edited`` with Windows line endings where ``original`` has them throughout (tomlkit writes LF alone)."""
    if "\r\n" in original and original.count("\n") == original.count("\r\n"):
        return edited.replace("\r\n", "\n").replace("\n", "\r\n")
    return edited


# A line that starts a statement: `key = ...` or a [table] header.
_STATEMENT_START = re.compile(r"\s*(\[|[\w\-\"'.]+(\s*\.\s*[\w\-\"']+)*\s*=)")
# Enough to find an unclosed array or string in any file a person writes, without parsing a big one for long.
_STATEMENTS_TRIED = 50


def _unclosed_statement_line(text: str) -> int | None:
    """The line an unclosed array, table or string begins on (tomllib says only "at end of document").

    It is the last statement whose lines before it still parse.
    """
    import tomllib  # noqa: PLC0415

    lines = text.splitlines(keepends=True)
    tried = 0
    for index in range(len(lines) - 1, -1, -1):
        if not _STATEMENT_START.match(lines[index]):
            continue
        try:
            tomllib.loads("".join(lines[:index]))
        except tomllib.TOMLDecodeError:
            tried += 1
            if tried >= _STATEMENTS_TRIED:
                return None
            continue
        return index + 1
    return None


def write_file_atomically(path: Path, text: str | bytes) -> None:
    """Replace ``path`` with ``text`` (a str is written as UTF-8, LF) in one rename; raises OSError.

    A symlinked file is replaced where it points (dotfile managers use
    links), and the old file's permissions are kept.
    """
    target = Path(os.path.realpath(path))
    content = text.encode("utf-8") if isinstance(text, str) else text
    temporary: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        _copy_mode(target, temporary)
        os.replace(temporary, target)
        temporary = None
        _sync_directory(target.parent)
    finally:
        if temporary is not None:
            _remove_quietly(temporary)


class FileLockTimeout(OSError):
    """Another program held the lock longer than we wait; the message names the lock file."""


# Every holder keeps the lock for a read, a parse and a write of a small file
# (milliseconds); a holder stuck for longer must not hang the app with it.
LOCK_WAIT_SECONDS = 5.0
_LOCK_POLL_SECONDS = 0.01


def lock_path_for(path: Path) -> Path:
    """The lock file of ``path``: ``<name>.lock`` beside it (beside a symlink, not its target)."""
    return path.with_name(f"{path.name}.lock")


@contextmanager
def file_lock(path: Path, *, wait_seconds: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the advisory lock of ``path`` (see :func:`lock_path_for`) for the ``with`` block.

    Every program that reads, changes and writes ``path`` takes it first, so
    two of them never interleave. The lock file is created 0600 and left in
    place (removing it would let a waiting program lock a file nobody else
    sees). Raises :class:`FileLockTimeout` after ``wait_seconds``, and OSError
    when the lock file cannot be created.
    """
    lock_path = lock_path_for(path)
    create_private_file(lock_path)
    # Read-only is enough to lock, and opens a lock file whose mode the user narrowed.
    descriptor = os.open(lock_path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        for _attempt in range(max(1, round(wait_seconds / _LOCK_POLL_SECONDS))):
            if _try_lock(descriptor):
                break
            time.sleep(_LOCK_POLL_SECONDS)
        else:
            raise FileLockTimeout(errno.EWOULDBLOCK, translate(
                "files", "{path} stayed locked by another program for {seconds} s").format(
                    path=lock_path, seconds=f"{wait_seconds:g}"), str(lock_path))
        try:
            yield
        finally:
            _unlock(descriptor)
    finally:
        os.close(descriptor)


def _try_lock(descriptor: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            os.lseek(descriptor, 0, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
    except (BlockingIOError, PermissionError):
        return False
    except OSError as error:
        if error.errno in (errno.EACCES, errno.EAGAIN, errno.EDEADLK):  # msvcrt's "locked"
            return False
        raise
    return True


def _unlock(descriptor: int) -> None:
    if fcntl is not None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
    else:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)


def os_problem(error: OSError) -> str:
    if isinstance(error, FileExistsError) and error.filename:
        # Only mkdir raises this here: a file sits where a folder should be.
        return f"{error.filename} is a file, not a folder"
    return error.strerror or str(error)


def _copy_mode(existing: Path, replacement: str) -> None:
    # Keep whatever mode the user gave the old file; a new one is 0600
    # (mkstemp's 0600 passes through the umask, and 0o277 would make it 0400).
    try:
        mode = stat.S_IMODE(os.stat(existing).st_mode)
    except FileNotFoundError:
        mode = PRIVATE_FILE_MODE
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
