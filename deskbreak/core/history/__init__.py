"""The record of breaks taken, skipped and missed, kept in SQLite.

One file, ``history.sqlite3`` in the data folder, in WAL mode so a crash or
a kill -9 loses at most the transaction in flight and never corrupts what was
committed. Every write is its own committed transaction, and none holds the
write lock for long: the app's writes are a row or two, and an import
(:meth:`HistoryStore.import_breaks`) commits a lot of breaks at a time with a
pause between lots. A write that finds the lock held waits (the busy timeout)
and then raises :class:`HistoryBusyError`; the app writes through
:class:`~deskbreak.core.history.writer.HistoryWriter`, which tries again.

The schema carries its version in ``PRAGMA user_version``; opening an older
file applies the missing :data:`MIGRATIONS` one transaction each, and a file
from a newer deskbreak is refused rather than damaged: its version is read
before anything is written, WAL switch included, so it stays byte for byte
as that deskbreak left it.

The folder is 0700 and the files 0600 whatever the umask (when a person sat
and stretched is nobody else's business). The main file is created 0600
before SQLite opens it; SQLite gives the -wal, -shm and -journal files it
creates the main file's mode (os_unix.c, ``findCreateFileMode``), and files
left 0644 by older deskbreaks are tightened on open. Setting the umask around
``connect`` instead would have been simpler, but the umask is process-wide,
and the app's other threads (the scheduler pool, Qt's) would create their
files with it too.

Breaks kept elsewhere (another machine's export, read by
:mod:`deskbreak.core.history.csv_io`) come in through
:meth:`HistoryStore.import_breaks`: all of a file checked first, then written
in short transactions, and a break already here, by :func:`break_identity`
rather than by id, is skipped.

Readers that must not write (``deskbreak history``, a read-only data folder)
use :meth:`HistoryStore.open_readonly`.

Times are stored as ISO 8601 text with the UTC offset they were recorded in
(the local wall time matters for "breaks by hour of day"); comparisons and
ordering go through SQLite's ``julianday()``, which honours the offset, so
records from both sides of a DST change sort correctly.

The work is done in :mod:`~deskbreak.core.history.records` (what a row
means), :mod:`~deskbreak.core.history.store` (the file, its schema and
migrations), :mod:`~deskbreak.core.history.writes` and
:mod:`~deskbreak.core.history.queries`; this package's face joins them in
:class:`HistoryStore` and exports every public name.
"""

from deskbreak.core.history.queries import HistoryQueries
from deskbreak.core.history.records import (
    OUTCOMES,
    BreakIdentity,
    BreakRecord,
    ExerciseRecord,
    break_identity,
    honest_outcome,
)
from deskbreak.core.history.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    HistoryBusyError,
    HistoryCorruptError,
    HistoryError,
    HistoryTooNewError,
    default_history_path,
    move_aside,
)
from deskbreak.core.history.writes import INTERRUPTED_NOTE, HistoryWrites, ImportPacing


class HistoryStore(HistoryWrites, HistoryQueries):
    """The history database, open for reading and writing (or, from :meth:`open_readonly`, reading only).

    Raises :class:`HistoryCorruptError` or :class:`HistoryTooNewError` when
    the file cannot be used, and :class:`HistoryError` when a write fails.
    """


__all__ = [
    "INTERRUPTED_NOTE", "MIGRATIONS", "OUTCOMES", "SCHEMA_VERSION", "BreakIdentity", "BreakRecord", "ExerciseRecord",
    "HistoryBusyError", "HistoryCorruptError", "HistoryError", "HistoryStore", "HistoryTooNewError", "ImportPacing",
    "break_identity", "default_history_path", "honest_outcome", "move_aside",
]
