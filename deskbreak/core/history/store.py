"""The history database itself: opening, the schema and its migrations, transactions, errors.

:class:`HistoryDatabase` opens the file (creating it 0600, switching it to
WAL, applying the missing :data:`MIGRATIONS`, refusing a newer file
untouched) or opens it read-only, and runs each write as one short
transaction, turning SQLite's errors into :class:`HistoryError` and its
kinds. Writing and reading are :mod:`~deskbreak.core.history.writes` and
:mod:`~deskbreak.core.history.queries`.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator, Self

from deskbreak.core.files import create_private_file, make_file_private, move_file_aside, private_directory
from deskbreak.core.profile import HISTORY_FILE_NAME, default_data_dir

_SQLITE_COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
_BUSY_TIMEOUT_S = 5.0


class HistoryError(Exception):
    """The history file cannot be opened or written; the message names the file."""


class HistoryCorruptError(HistoryError):
    """The file is not a usable SQLite database; :func:`move_aside` it and start afresh."""


class HistoryTooNewError(HistoryError):
    """The file was written by a newer deskbreak; leave it alone (do not move it aside)."""


class HistoryBusyError(HistoryError):
    """Another connection held the write lock for longer than the busy timeout; nothing was written, try again."""


def _create_schema_v1(connection: sqlite3.Connection) -> None:
    connection.execute(
        """
        CREATE TABLE breaks (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            routine_id TEXT,
            due_at TEXT,
            shown_at TEXT,
            ended_at TEXT,
            outcome TEXT CHECK (outcome IN ('completed', 'skipped', 'postponed', 'missed', 'hurt')),
            note TEXT
        )
        """
    )
    connection.execute(
        """
        CREATE TABLE exercises_done (
            id INTEGER PRIMARY KEY,
            break_id INTEGER NOT NULL REFERENCES breaks(id) ON DELETE CASCADE,
            exercise_id TEXT NOT NULL,
            seconds REAL NOT NULL,
            completed INTEGER NOT NULL,
            done_at TEXT
        )
        """
    )
    connection.execute("CREATE INDEX breaks_due_at ON breaks(due_at)")
    connection.execute("CREATE INDEX breaks_shown_at ON breaks(shown_at)")
    connection.execute("CREATE INDEX exercises_done_break_id ON exercises_done(break_id)")


def _honest_outcomes_v2(connection: sqlite3.Connection) -> None:
    """Outcomes ``partial`` and ``natural``, and the number of exercises a break planned.

    SQLite cannot widen a CHECK constraint in place, so the table is rebuilt
    (foreign keys are off during migrations, see :meth:`HistoryStore._migrate`,
    or dropping the old table would cascade to the exercises). Old rows keep
    their meaning; time away from the desk, stored as kind ``natural`` with
    outcome ``completed``, gets its own outcome so it can never count as a
    completed routine.
    """
    connection.execute(
        """
        CREATE TABLE breaks_v2 (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            routine_id TEXT,
            due_at TEXT,
            shown_at TEXT,
            ended_at TEXT,
            outcome TEXT CHECK (outcome IN
                ('completed', 'partial', 'skipped', 'postponed', 'missed', 'hurt', 'natural')),
            note TEXT,
            planned_exercises INTEGER CHECK (planned_exercises >= 0)
        )
        """
    )
    connection.execute(
        "INSERT INTO breaks_v2 (id, kind, routine_id, due_at, shown_at, ended_at, outcome, note)"
        " SELECT id, kind, routine_id, due_at, shown_at, ended_at,"
        " CASE WHEN kind = 'natural' AND outcome = 'completed' THEN 'natural' ELSE outcome END, note"
        " FROM breaks"
    )
    connection.execute("DROP TABLE breaks")
    connection.execute("ALTER TABLE breaks_v2 RENAME TO breaks")
    connection.execute("CREATE INDEX breaks_due_at ON breaks(due_at)")
    connection.execute("CREATE INDEX breaks_shown_at ON breaks(shown_at)")
    # Every id is copied, so the check could only find exercises whose break was
    # already gone (version 1 did not enforce the link): rows nobody can see, and
    # which would otherwise stop the upgrade on every start (found in review).
    connection.execute("DELETE FROM exercises_done WHERE break_id NOT IN (SELECT id FROM breaks)")
    problems = connection.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise sqlite3.IntegrityError(f"exercises without their break after the upgrade: {problems[:3]}")


def _sore_back_and_progression_v3(connection: sqlite3.Connection) -> None:
    """Whether a sore back and ``progression`` were set when the break began: only a break played with the
    grown holds and no sore back grows them.

    A hold frozen by a sore back, or by progression turned off
    (core/history/progression.py), must stay where it was once it is on
    again, which only the break's own record can say. Breaks recorded before
    cannot: they read as neither set, so they never grow a hold (they were
    played with the articles' holds, not with grown ones).
    """
    for column in ("sore_back", "progression"):
        connection.execute(
            f"ALTER TABLE breaks ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0 CHECK ({column} IN (0, 1))"
        )


# Migration N takes a file from user_version N to N + 1. Append only: a
# released migration never changes, since files in the wild already ran it.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _create_schema_v1, _honest_outcomes_v2, _sore_back_and_progression_v3,
)
SCHEMA_VERSION = len(MIGRATIONS)


def default_history_path() -> Path:
    return default_data_dir() / HISTORY_FILE_NAME


def move_aside(path: Path, now: datetime) -> Path:
    """Rename an unusable history file, with its -wal/-shm files, to ``<name>.bad-<timestamp>``.

    Nothing is ever replaced; returns the new path of the main file. Close
    any :class:`HistoryStore` on it first.
    """
    return move_file_aside(path, now, _SQLITE_COMPANION_SUFFIXES)


class HistoryDatabase:
    """The connection to the history file, upgraded to :data:`SCHEMA_VERSION`, and its transactions.

    Raises :class:`HistoryCorruptError` or :class:`HistoryTooNewError` when
    the file cannot be used.
    """

    read_only = False

    def __init__(self, path: Path, busy_timeout: float = _BUSY_TIMEOUT_S) -> None:
        """Open (creating, upgrading) the history at ``path``.

        A write waits up to ``busy_timeout`` seconds for another connection's
        write lock, then raises :class:`HistoryBusyError`.
        """
        self.path = Path(path)
        try:
            private_directory(self.path.parent)
            create_private_file(self.path)
            # isolation_level=None: this class issues BEGIN/COMMIT itself, so
            # each write is exactly one transaction and migrations are not
            # split by the sqlite3 module's implicit commits.
            self._connection = sqlite3.connect(self.path, isolation_level=None, timeout=busy_timeout)
        except (OSError, sqlite3.Error) as error:
            raise HistoryError(f"cannot open the history file {self.path}: {error}") from error
        try:
            # Reading the version writes nothing: a newer file is refused untouched.
            self._refuse_newer_version(self._read_user_version())
            self._configure()
            self._migrate()
            self._make_files_private()
        except BaseException:
            self._connection.close()
            raise

    @classmethod
    def open_readonly(cls, path: Path) -> Self:
        """Open ``path`` for reading only: nothing on disk is created, switched or migrated.

        Works in a read-only folder. A file from an older deskbreak is read
        through an upgraded copy in memory. A WAL-mode file whose -shm file
        is gone and cannot be created (read-only folder, no deskbreak
        running) is read as it stands in the main file: what was still
        only in a leftover -wal file is not seen. Writes raise
        :class:`HistoryError`.
        """
        store = cls.__new__(cls)
        store.path = Path(path)
        store.read_only = True
        store._connection = store._connect_readonly()
        try:
            version = store._read_user_version()
            store._refuse_newer_version(version)
            if version < SCHEMA_VERSION:
                store._switch_to_upgraded_copy_in_memory()
            # A write now fails as it would on the read-only file, memory copy or not.
            store._connection.execute("PRAGMA query_only = ON")
        except BaseException:
            store._connection.close()
            raise
        return store

    def _connect_readonly(self) -> sqlite3.Connection:
        # as_uri percent-encodes the path, so "?", "#" and "%" in folder names stay names.
        base = self.path.absolute().as_uri()
        try:
            return self._connect_and_read_version(f"{base}?mode=ro")
        except sqlite3.DatabaseError as error:
            if error.sqlite_errorname in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
                raise self._error("open the history file", error) from error
            if error.sqlite_errorname != "SQLITE_READONLY_DIRECTORY":
                raise HistoryError(f"cannot open the history file {self.path} for reading: {error}") from error
        # A WAL file in a read-only folder, its -shm gone with the last
        # writer: SQLite cannot set up its shared index here, and no writer
        # can run here either, so reading the file as immutable is safe.
        try:
            return self._connect_and_read_version(f"{base}?mode=ro&immutable=1")
        except sqlite3.DatabaseError as error:
            raise self._error("open the history file", error) from error

    @staticmethod
    def _connect_and_read_version(uri: str) -> sqlite3.Connection:
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=_BUSY_TIMEOUT_S)
        try:
            # Opening is lazy: the first read is what finds a missing file or -shm.
            connection.execute("PRAGMA user_version").fetchone()
        except BaseException:
            connection.close()
            raise
        return connection

    def _switch_to_upgraded_copy_in_memory(self) -> None:
        """Read an older file as this version would see it, without writing the file."""
        copy = sqlite3.connect(":memory:", isolation_level=None)
        try:
            self._connection.backup(copy)
        except sqlite3.DatabaseError as error:
            copy.close()
            raise self._error("read the history", error) from error
        self._connection.close()
        # From here on the copy is the connection: close() and the error path close it.
        self._connection = copy
        self._migrate()

    def _read_user_version(self) -> int:
        try:
            return self._user_version()
        except sqlite3.DatabaseError as error:
            raise self._error("open the history file", error) from error

    def _refuse_newer_version(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise HistoryTooNewError(
                f"{self.path} was written by a newer deskbreak (history version {version}; "
                f"this one knows up to {SCHEMA_VERSION}); refusing to change it. "
                "Update deskbreak, or move the file away to start a new history."
            )

    def _make_files_private(self) -> None:
        try:
            for suffix in ("", *_SQLITE_COMPANION_SUFFIXES):
                make_file_private(Path(f"{self.path}{suffix}"))
        except OSError as error:
            raise HistoryError(f"cannot make the history file {self.path} private: {error}") from error

    def _configure(self) -> None:
        try:
            self._connection.execute("PRAGMA foreign_keys = ON")
            # Returns the mode actually in force; a file system without shared
            # memory keeps the rollback journal, which is still crash-safe.
            self._connection.execute("PRAGMA journal_mode = WAL").fetchone()
            # NORMAL in WAL mode: a power cut may lose the last commits, never consistency.
            self._connection.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as error:
            raise self._error("open the history file", error) from error

    def _user_version(self) -> int:
        return self._connection.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        # Off while tables are rebuilt (see _honest_outcomes_v2); the pragma
        # is a no-op inside a transaction, so it is switched out here.
        foreign_keys = self._connection.execute("PRAGMA foreign_keys").fetchone()[0]
        self._connection.execute("PRAGMA foreign_keys = OFF")
        try:
            self._migrate_in_steps()
        finally:
            self._connection.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")

    def _migrate_in_steps(self) -> None:
        while True:
            with self._transaction("upgrade the history file"):
                # Read inside the write lock: another deskbreak may be migrating too.
                version = self._user_version()
                self._refuse_newer_version(version)
                if version == SCHEMA_VERSION:
                    return
                MIGRATIONS[version](self._connection)
                # PRAGMA takes no parameters; the value is our own integer.
                self._connection.execute(f"PRAGMA user_version = {version + 1}")

    @contextmanager
    def _transaction(self, purpose: str) -> Iterator[sqlite3.Connection]:
        """One committed write transaction; rolled back whole on any error."""
        try:
            # IMMEDIATE takes the write lock up front, so a busy database
            # waits here (busy timeout) instead of failing mid-transaction.
            self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as error:
            raise self._error(purpose, error) from error
        try:
            yield self._connection
            self._connection.execute("COMMIT")
        except BaseException as error:
            if self._connection.in_transaction:
                self._connection.execute("ROLLBACK")
            if isinstance(error, sqlite3.IntegrityError):
                raise ValueError(f"cannot {purpose}: {error}") from error
            if isinstance(error, sqlite3.DatabaseError):
                raise self._error(purpose, error) from error
            raise

    def _error(self, purpose: str, error: sqlite3.DatabaseError) -> HistoryError:
        # Errors raised by the sqlite3 module itself (a closed connection) carry no SQLite error name.
        name = getattr(error, "sqlite_errorname", None) or ""
        if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
            return HistoryCorruptError(f"{self.path} is not a usable history database: {error}")
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return HistoryBusyError(f"cannot {purpose} in {self.path}: {error}")
        if name == "SQLITE_READONLY_DIRECTORY":
            # SQLite says "attempt to write a readonly database" when the file itself is writable:
            # name the folder, which is what the user has to change.
            return HistoryError(f"cannot {purpose} in {self.path}: its folder {self.path.parent} is read-only "
                                "(SQLite needs to create its -wal and -shm files there)")
        return HistoryError(f"cannot {purpose} in {self.path}: {error}")

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

