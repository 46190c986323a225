"""The record of breaks taken, skipped and missed, kept in SQLite.

One file, ``history.sqlite3`` in the data folder, in WAL mode so a crash or
a kill -9 loses at most the transaction in flight and never corrupts what was
committed. Every write is its own committed transaction, and none holds the
write lock for long: the app's writes are a row or two, and an import
(:meth:`HistoryStore.import_breaks`) commits a lot of breaks at a time with a
pause between lots. A write that finds the lock held waits (the busy timeout)
and then raises :class:`HistoryBusyError`; the app writes through
:class:`~deskbreak.core.history_writer.HistoryWriter`, which tries again.

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
:mod:`deskbreak.core.history_csv`) come in through
:meth:`HistoryStore.import_breaks`: all of a file checked first, then written
in short transactions, and a break already here, by :func:`break_identity`
rather than by id, is skipped.

Readers that must not write (``deskbreak history``, a read-only data folder)
use :meth:`HistoryStore.open_readonly`.

Times are stored as ISO 8601 text with the UTC offset they were recorded in
(the local wall time matters for "breaks by hour of day"); comparisons and
ordering go through SQLite's ``julianday()``, which honours the offset, so
records from both sides of a DST change sort correctly.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from deskbreak.core.clock import Clock, SystemClock
from deskbreak.core.kinds import OUTCOME_NAMES, Outcome
from deskbreak.core.profile import HISTORY_FILE_NAME, default_data_dir
from deskbreak.core.files import create_private_file, make_file_private, move_file_aside, private_directory

# The column does not enforce the kinds (kinds.BREAK_KIND_NAMES), so a future
# kind can be added without a migration; outcomes are enforced.
OUTCOMES = OUTCOME_NAMES
_SQLITE_COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
_BUSY_TIMEOUT_S = 5.0
# Between an import's transactions, long enough for a writer waiting in
# SQLite's busy handler (it sleeps up to 25 ms between tries in its first
# 100 ms) to notice the lock is free and take it.
_IMPORT_PAUSE_S = 0.03
INTERRUPTED_NOTE = "deskbreak stopped during the break"


class HistoryError(Exception):
    """The history file cannot be opened or written; the message names the file."""


class HistoryCorruptError(HistoryError):
    """The file is not a usable SQLite database; :func:`move_aside` it and start afresh."""


class HistoryTooNewError(HistoryError):
    """The file was written by a newer deskbreak; leave it alone (do not move it aside)."""


class HistoryBusyError(HistoryError):
    """Another connection held the write lock for longer than the busy timeout; nothing was written, try again."""


@dataclass(frozen=True)
class ImportPacing:
    """How :meth:`HistoryStore.import_breaks` shares the file with a deskbreak recording breaks meanwhile.

    A transaction ends after ``seconds`` or ``rows`` rows written (breaks and
    exercises), whichever comes first, then ``pause`` runs with no lock
    held. A whole file in one transaction held the write lock for 5.4 s:
    the app, which waits 5 s, lost the break it was recording.
    """

    seconds: float = 0.1
    rows: int = 20_000
    pause: Callable[[], None] = field(default=lambda: time.sleep(_IMPORT_PAUSE_S))
    clock: Clock = field(default_factory=SystemClock)


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


# Migration N takes a file from user_version N to N + 1. Append only: a
# released migration never changes, since files in the wild already ran it.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_create_schema_v1, _honest_outcomes_v2)
SCHEMA_VERSION = len(MIGRATIONS)

# When a break happened, for ordering and the since-filter: shown if it was,
# else when it was due, else when it ended.
_MOMENT = "julianday(COALESCE(shown_at, due_at, ended_at))"


def default_history_path() -> Path:
    return default_data_dir() / HISTORY_FILE_NAME


def move_aside(path: Path, now: datetime) -> Path:
    """Rename an unusable history file, with its -wal/-shm files, to ``<name>.bad-<timestamp>``.

    Nothing is ever replaced; returns the new path of the main file. Close
    any :class:`HistoryStore` on it first.
    """
    return move_file_aside(path, now, _SQLITE_COMPANION_SUFFIXES)


@dataclass(frozen=True, slots=True)
class ExerciseRecord:
    id: int
    break_id: int
    exercise_id: str
    seconds: float
    completed: bool
    done_at: datetime | None


@dataclass(frozen=True, slots=True)
class BreakRecord:
    id: int
    kind: str
    routine_id: str | None
    due_at: datetime | None
    shown_at: datetime | None
    ended_at: datetime | None
    outcome: str | None
    note: str
    exercises: tuple[ExerciseRecord, ...] = ()
    planned_exercises: int | None = None
    """How many exercises the routine had when it began; None for time away and older records."""

    @property
    def in_progress(self) -> bool:
        return self.outcome is None

    @property
    def moment(self) -> datetime | None:
        """When the break happened: shown, else due, else ended."""
        return self.shown_at or self.due_at or self.ended_at

    @property
    def exercises_done(self) -> int:
        return sum(1 for exercise in self.exercises if exercise.completed)

    @property
    def exercises_planned(self) -> int:
        """Out of how many exercises ``exercises_done`` counts: the plan, else those recorded."""
        return len(self.exercises) if self.planned_exercises is None else self.planned_exercises


def _stored(moment: datetime | None, name: str) -> str | None:
    if moment is None:
        return None
    _require_aware(moment, name)
    return moment.isoformat(timespec="milliseconds")


def _require_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, not {moment!r}")


def _loaded(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MILLISECOND = timedelta(milliseconds=1)


def _instant(moment: datetime | None, name: str) -> int | None:
    """Whole milliseconds since the epoch: the same instant whatever offset wrote it.

    Floored like ``_stored``'s ``timespec="milliseconds"``, so a time read
    from a file with microseconds matches the same time once stored.
    """
    if moment is None:
        return None
    _require_aware(moment, name)
    return (moment - _EPOCH) // _MILLISECOND


BreakIdentity = tuple[str, int | None, int | None, int | None, str | None]


def break_identity(
    kind: str, due_at: datetime | None, shown_at: datetime | None, ended_at: datetime | None, outcome: str | None
) -> BreakIdentity:
    """What makes two records the same break, whichever machine or history holds them.

    Ids are local to one file, and text is not compared: the same break
    exported by a machine in another UTC offset, or across a DST change,
    names the same instants in other words.
    """
    return (
        kind, _instant(due_at, "due_at"), _instant(shown_at, "shown_at"), _instant(ended_at, "ended_at"), outcome
    )


def honest_outcome(ended_as: Outcome, planned: int, done: int) -> Outcome:
    """What a shown break really was, from how its window ended and the exercises done.

    The window reports "completed" when its last exercise ends, even if every
    one was skipped with Next, and "skipped" when ended early after some were
    done, and a quit mid-break is "missed" even after exercises; the history
    records what happened instead. "hurt" and "postponed" stay as they are.
    """
    if ended_as not in (Outcome.COMPLETED, Outcome.SKIPPED, Outcome.MISSED):
        return ended_as
    if ended_as == Outcome.MISSED:
        return Outcome.PARTIAL if done else Outcome.MISSED
    if done >= planned > 0:
        return Outcome.COMPLETED
    return Outcome.PARTIAL if done else Outcome.SKIPPED


_INSERT_EXERCISE = (
    "INSERT INTO exercises_done (break_id, exercise_id, seconds, completed, done_at) VALUES (?, ?, ?, ?, ?)"
)


def _exercise_row(
    break_id: int, exercise_id: str, seconds: float, completed: bool, done_at: datetime | None
) -> tuple[int, str, float, bool, str | None]:
    _check_seconds(seconds)
    return (break_id, exercise_id, float(seconds), bool(completed), _stored(done_at, "done_at"))


def _require_a_time(due_at: datetime | None, shown_at: datetime | None) -> None:
    if due_at is None and shown_at is None:
        raise ValueError("a break needs a due time, a shown time or both")


def _check_outcome(outcome: str) -> None:
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown break outcome {outcome!r}; expected one of {', '.join(OUTCOMES)}")


def _check_importable(record: BreakRecord) -> None:
    """Raise ValueError for what :meth:`HistoryStore.import_breaks` could not write, before it writes anything."""
    if record.outcome is None:
        raise ValueError(f"cannot import a break still in progress ({record.kind} at {record.moment})")
    _check_outcome(record.outcome)
    _require_a_time(record.due_at, record.shown_at)
    moments = [("due_at", record.due_at), ("shown_at", record.shown_at), ("ended_at", record.ended_at)]
    moments += (("done_at", done.done_at) for done in record.exercises)
    for name, moment in moments:
        if moment is not None:
            _require_aware(moment, name)
    if record.planned_exercises is not None and record.planned_exercises < 0:
        raise ValueError(f"cannot import breaks: {record.planned_exercises} planned exercises")
    for done in record.exercises:
        _check_seconds(done.seconds)


def _check_seconds(seconds: float) -> None:
    if seconds < 0:
        raise ValueError(f"an exercise cannot take negative time ({seconds} s)")


class HistoryStore:
    """The history database, open for reading and writing (or, from :meth:`open_readonly`, reading only).

    Raises :class:`HistoryCorruptError` or :class:`HistoryTooNewError` when
    the file cannot be used, and :class:`HistoryError` when a write fails.
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
    def open_readonly(cls, path: Path) -> HistoryStore:
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
        if error.sqlite_errorname in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
            return HistoryCorruptError(f"{self.path} is not a usable history database: {error}")
        if (error.sqlite_errorname or "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return HistoryBusyError(f"cannot {purpose} in {self.path}: {error}")
        if error.sqlite_errorname == "SQLITE_READONLY_DIRECTORY":
            # SQLite says "attempt to write a readonly database" when the file itself is writable:
            # name the folder, which is what the user has to change.
            return HistoryError(f"cannot {purpose} in {self.path}: its folder {self.path.parent} is read-only "
                                "(SQLite needs to create its -wal and -shm files there)")
        return HistoryError(f"cannot {purpose} in {self.path}: {error}")

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing --------------------------------------------------------

    def start_break(
        self,
        kind: str,
        routine_id: str | None,
        due_at: datetime | None,
        shown_at: datetime | None,
        planned_exercises: int | None = None,
    ) -> int:
        """Record a break that has begun, with the number of exercises it plans; returns its id."""
        with self._transaction("record a break") as connection:
            return self._insert_break(connection, kind, routine_id, due_at, shown_at, planned_exercises)

    def finish_break(self, break_id: int, ended_at: datetime, outcome: str, note: str = "") -> None:
        """Record how a started break ended. A break is finished once only."""
        _check_outcome(outcome)
        with self._transaction("finish a break") as connection:
            self._finish(connection, break_id, ended_at, outcome, note)

    def record_break(
        self,
        kind: str,
        routine_id: str | None,
        due_at: datetime | None,
        shown_at: datetime | None,
        ended_at: datetime,
        outcome: str,
        note: str = "",
    ) -> int:
        """Start and finish a break in one transaction (one missed or skipped before it was shown)."""
        _check_outcome(outcome)
        with self._transaction("record a break") as connection:
            break_id = self._insert_break(connection, kind, routine_id, due_at, shown_at)
            self._finish(connection, break_id, ended_at, outcome, note)
            return break_id

    def record_exercise(
        self, break_id: int, exercise_id: str, seconds: float, completed: bool, done_at: datetime
    ) -> int:
        """Record one exercise of a break; returns the row id."""
        row = _exercise_row(break_id, exercise_id, seconds, completed, done_at)
        with self._transaction(f"record an exercise for break {break_id}") as connection:
            return connection.execute(_INSERT_EXERCISE, row).lastrowid

    def close_interrupted(self, now: datetime, note: str = INTERRUPTED_NOTE) -> int:
        """Mark every break still in progress as missed, ended ``now``; returns how many.

        Only a deskbreak that stopped mid-break (crash, kill -9, power cut)
        leaves one, and no one can finish it afterwards: the app calls this
        at start, once it alone owns the profile, so the break stops showing
        as "in progress" forever.
        """
        with self._transaction("close interrupted breaks") as connection:
            cursor = connection.execute(
                "UPDATE breaks SET ended_at = ?, outcome = 'missed', note = ? WHERE outcome IS NULL",
                (_stored(now, "now"), note),
            )
            return cursor.rowcount

    def import_breaks(self, records: Iterable[BreakRecord], pacing: ImportPacing = ImportPacing()) -> tuple[int, int]:
        """Add breaks kept elsewhere (another machine's export); returns (added, skipped as duplicates).

        A record is skipped when a break with the same :func:`break_identity`
        is already here or came earlier in ``records``, so importing the same
        file twice, or the exports of two machines that share breaks, keeps
        each break once. The records' ids and their exercises' ids are
        ignored: ids belong to the file that gave them.

        Every record is checked before anything is written: a bad one (no
        outcome, an unknown one, a naive time, negative seconds) raises
        ValueError and nothing is added. Then the records go in a few
        thousand at a time, each lot its own short transaction
        (:class:`ImportPacing`), so a running deskbreak can record its
        breaks meanwhile; breaks it adds between them count as here. An
        import cut short (Ctrl+C, a crash) keeps the lots committed, and
        importing the same file again adds the rest.

        A break still in progress is refused rather than added: nothing here
        could ever finish it, and the next start would close it as missed,
        ended at that moment.
        """
        records = list(records)
        for record in records:
            _check_importable(record)
        # Read outside the write lock: tens of thousands of breaks take a
        # second or two, then every record is a set lookup.
        known, newest_id = self._identities_after(0, "import breaks")
        added = skipped = 0
        position = 0
        while position < len(records):
            with self._transaction("import breaks") as connection:
                # What another writer added since the last read counts as here too.
                arrived, newest_id = self._identities_after(newest_id, "import breaks")
                known |= arrived
                began = pacing.clock.monotonic()
                rows_written = 0
                exercise_rows = []
                while position < len(records):
                    record = records[position]
                    position += 1
                    identity = break_identity(
                        record.kind, record.due_at, record.shown_at, record.ended_at, record.outcome
                    )
                    if identity in known:
                        skipped += 1
                    else:
                        known.add(identity)
                        break_id = newest_id = self._insert_finished_break(connection, record)
                        exercise_rows += (
                            _exercise_row(break_id, done.exercise_id, done.seconds, done.completed, done.done_at)
                            for done in record.exercises
                        )
                        rows_written += 1 + len(record.exercises)
                        added += 1
                    if rows_written >= pacing.rows or pacing.clock.monotonic() - began >= pacing.seconds:
                        break
                # One statement for the lot's exercises rather than one per break.
                connection.executemany(_INSERT_EXERCISE, exercise_rows)
            if position < len(records):
                pacing.pause()
        return added, skipped

    def _identities_after(self, newest_id: int, purpose: str) -> tuple[set[BreakIdentity], int]:
        """The identities of the breaks with an id above ``newest_id``, and the highest id among them."""
        try:
            rows = self._connection.execute(
                "SELECT id, kind, due_at, shown_at, ended_at, outcome FROM breaks WHERE id > ?", (newest_id,)
            ).fetchall()
        except sqlite3.DatabaseError as error:
            raise self._error(purpose, error) from error
        identities = {
            break_identity(kind, _loaded(due_at), _loaded(shown_at), _loaded(ended_at), outcome)
            for _, kind, due_at, shown_at, ended_at, outcome in rows
        }
        return identities, max((row[0] for row in rows), default=newest_id)

    @staticmethod
    def _insert_finished_break(connection: sqlite3.Connection, record: BreakRecord) -> int:
        _require_a_time(record.due_at, record.shown_at)
        return connection.execute(
            "INSERT INTO breaks (kind, routine_id, due_at, shown_at, ended_at, outcome, note, planned_exercises)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.kind, record.routine_id, _stored(record.due_at, "due_at"), _stored(record.shown_at, "shown_at"),
                _stored(record.ended_at, "ended_at"), record.outcome, record.note, record.planned_exercises,
            ),
        ).lastrowid

    def _insert_break(
        self,
        connection: sqlite3.Connection,
        kind: str,
        routine_id: str | None,
        due_at: datetime | None,
        shown_at: datetime | None,
        planned_exercises: int | None = None,
    ) -> int:
        _require_a_time(due_at, shown_at)
        row = (kind, routine_id, _stored(due_at, "due_at"), _stored(shown_at, "shown_at"), planned_exercises)
        cursor = connection.execute(
            "INSERT INTO breaks (kind, routine_id, due_at, shown_at, planned_exercises) VALUES (?, ?, ?, ?, ?)",
            row,
        )
        return cursor.lastrowid

    def _finish(
        self, connection: sqlite3.Connection, break_id: int, ended_at: datetime, outcome: str, note: str
    ) -> None:
        cursor = connection.execute(
            "UPDATE breaks SET ended_at = ?, outcome = ?, note = ? WHERE id = ? AND outcome IS NULL",
            (_stored(ended_at, "ended_at"), outcome, note, break_id),
        )
        if cursor.rowcount == 1:
            return
        exists = connection.execute("SELECT 1 FROM breaks WHERE id = ?", (break_id,)).fetchone()
        raise ValueError(f"break {break_id} is already finished" if exists else f"there is no break {break_id}")

    # -- reading --------------------------------------------------------

    def breaks(self, since: datetime | None = None) -> list[BreakRecord]:
        """Breaks that happened at or after ``since`` (all when None), oldest first, with their exercises."""
        condition, parameters = self._since_condition(since)
        try:
            # One read transaction: in WAL mode both queries see the same snapshot.
            self._connection.execute("BEGIN")
            try:
                break_rows = self._connection.execute(
                    "SELECT id, kind, routine_id, due_at, shown_at, ended_at, outcome, note, planned_exercises"
                    f" FROM breaks WHERE {condition} ORDER BY {_MOMENT}, id",
                    parameters,
                ).fetchall()
                exercise_rows = self._connection.execute(
                    "SELECT id, break_id, exercise_id, seconds, completed, done_at FROM exercises_done"
                    f" WHERE break_id IN (SELECT id FROM breaks WHERE {condition}) ORDER BY id",
                    parameters,
                ).fetchall()
            finally:
                self._connection.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            raise self._error("read the history", error) from error

        exercises_by_break: dict[int, list[ExerciseRecord]] = {}
        for row_id, break_id, exercise_id, seconds, completed, done_at in exercise_rows:
            exercises_by_break.setdefault(break_id, []).append(
                ExerciseRecord(row_id, break_id, exercise_id, seconds, bool(completed), _loaded(done_at))
            )
        return [
            BreakRecord(
                id=row_id,
                kind=kind,
                routine_id=routine_id,
                due_at=_loaded(due_at),
                shown_at=_loaded(shown_at),
                ended_at=_loaded(ended_at),
                outcome=outcome,
                note=note or "",
                exercises=tuple(exercises_by_break.get(row_id, ())),
                planned_exercises=planned,
            )
            for row_id, kind, routine_id, due_at, shown_at, ended_at, outcome, note, planned in break_rows
        ]

    def summary(self, since: datetime | None = None) -> dict[str, int]:
        """How many breaks ended with each outcome (every outcome present, zero if none)."""
        condition, parameters = self._since_condition(since)
        try:
            rows = self._connection.execute(
                f"SELECT outcome, COUNT(*) FROM breaks WHERE {condition} AND outcome IS NOT NULL"
                " GROUP BY outcome",
                parameters,
            ).fetchall()
        except sqlite3.DatabaseError as error:
            raise self._error("read the history", error) from error
        counts = dict.fromkeys(OUTCOMES, 0)
        counts.update(rows)
        return counts

    @staticmethod
    def _since_condition(since: datetime | None) -> tuple[str, tuple[str, ...]]:
        if since is None:
            return "1", ()
        return f"{_MOMENT} >= julianday(?)", (_stored(since, "since"),)
