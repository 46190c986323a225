"""Reading a file the user named, whatever it turns out to be.

A path in a setting or on the command line may lead anywhere: to a FIFO
(an ordinary ``open`` waits for a writer forever), to ``/dev/zero`` or
``/dev/urandom`` (a plain ``read()`` grows memory until the process dies),
or to a regular file of gigabytes. :func:`read_regular_file` opens without
blocking, accepts only a regular file (a symlink to one is fine: dotfile
managers link), and never reads past ``limit`` bytes, so a hostile path
costs a clear :class:`FileRefused`, never a hang or the app's memory.
"""

from __future__ import annotations

import os
import stat
from os import PathLike

from deskbreak.core.i18n import translate

# Calendars and history exports of years stay far below this; anything larger
# is a mistake (or an attack) to refuse, not a file to read.
DEFAULT_LIMIT = 20 * 1024 * 1024


class FileRefused(OSError):
    """The path is not a regular file, or is larger than the limit; the message names it."""


def read_regular_file(path: str | PathLike[str], limit: int = DEFAULT_LIMIT) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises :class:`FileRefused` for a FIFO, device, socket or folder and for
    a file over ``limit`` bytes (checked before reading and again while
    reading, since a file may grow); other ``OSError`` as ``open`` raises them.
    """
    # O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise FileRefused(translate("files", "{path} is not a regular file ({kind})").format(
                path=os.fspath(path), kind=_kind(status.st_mode)))
        if status.st_size > limit:
            raise _too_large(path, limit)
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(descriptor, min(1024 * 1024, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise _too_large(path, limit)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _too_large(path: str | PathLike[str], limit: int) -> FileRefused:
    return FileRefused(translate("files", "{path} is larger than {megabytes} MB; deskbreak does not read it").format(
        path=os.fspath(path), megabytes=limit // (1024 * 1024)))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return translate("files", "a named pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return translate("files", "a device")
    if stat.S_ISDIR(mode):
        return translate("files", "a folder")
    if stat.S_ISSOCK(mode):
        return translate("files", "a socket")
    return translate("files", "not a file")
