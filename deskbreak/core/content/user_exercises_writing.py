"""Adding to ``exercises.toml``: the exercise editor's save, and a settings import.

Adding appends to the file as text: every byte the user wrote, comments
included (and a byte-order mark), stays where it was. The editor never takes
an id the file already has, even for a table left out; only a settings
import replaces an exercise of the same id. A file that does not parse, or
whose exercises are not ``[[exercise]]`` tables, is never written.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from deskbreak.core.content.catalog import Catalog
from deskbreak.core.content.user_exercises import (EXERCISE_KEYS, EXERCISE_TABLE, FILE_HEADER, MAX_EXERCISES,
                                                   UserExercisesError, catalog_with_exercises, entry_name,
                                                   exercise_from_entry, left_out_problem, shipped_only, table_id,
                                                   validate_exercise_entry)
from deskbreak.core.files import (os_problem, parse_toml_bytes, read_toml_bytes, with_line_endings_of,
                                  write_file_atomically)
from deskbreak.core.i18n import translate

_TABLE_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(?:exercise|\"exercise\"|'exercise')[ \t]*\]\]", re.MULTILINE)


@dataclass
class ImportReport:
    """What an import did to exercises.toml: ids added, ids replaced, and entries left out (why)."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    """The names of the exercises added or replaced, by id: what the user reads."""

    def named(self, exercise_ids: Iterable[str]) -> str:
        """ "Wall calf stretch, Desk squeeze": the exercises by the names the user gave them."""
        return ", ".join(self.names.get(exercise_id, exercise_id) for exercise_id in exercise_ids)


def add_user_exercise(path: Path, entry: Mapping, catalog: Catalog | None = None) -> None:
    """Append ``entry`` as an ``[[exercise]]`` table to ``path``, keeping every byte already there.

    Raises :class:`UserExercisesError` naming the file when it cannot be
    read or written, when what is there now does not parse (it is never
    overwritten), when the file has a table of the same id (even one left
    out: it is never replaced), or when the file holds MAX_EXERCISES already.
    The entry is written as given: validate it first. ``catalog``: the
    figures the table of the same id is checked against, to say why it was
    left out (the installed catalog when None).
    """
    path = Path(path)
    text, current, bom = _current(path)
    same = next((table for table in current if table_id(table) == entry["id"]), None)
    if same is not None:
        raise UserExercisesError(_same_id(path, same, catalog))
    if len(current) >= MAX_EXERCISES:
        raise UserExercisesError(_not_saved(path, _full()))
    _write(path, _with_tables(path, text, current, [entry]), bom)


def _same_id(path: Path, table: Mapping, catalog: Catalog | None) -> str:
    """Why an entry may not take the id of ``table``, a table of ``path``."""
    from deskbreak.core.content.catalog import load_catalog  # noqa: PLC0415  (only when refusing)

    problems = validate_exercise_entry(table, shipped_only(catalog if catalog is not None else load_catalog()))
    if not problems:
        return _not_saved(path, translate("user_exercises", "'{id}' is already one of your exercises").format(
            id=table["id"]))
    return left_out_problem(str(path), table["id"], problems)


def _full() -> str:
    return translate("user_exercises", "it already holds {count} exercises, the most deskbreak keeps; remove one "
                                       "there first").format(count=MAX_EXERCISES)


def import_user_exercises(path: Path, entries: Iterable[Any], catalog: Catalog, *, source: Path) -> ImportReport:
    """Add the valid ``entries`` (read from ``source``) to ``path``; an exercise of the same id is replaced.

    Each entry is checked against ``catalog``'s own exercises and the entries
    before it; a bad one is left out and named in the report, the others
    are added. Raises :class:`UserExercisesError` when ``path`` cannot be
    read, parsed or written (nothing is changed then).
    """
    path = Path(path)
    report = ImportReport()
    shipped = shipped_only(catalog)
    accepted: dict[str, Mapping] = {}
    known = shipped  # the shipped exercises and the entries accepted so far: an id may come once
    for number, entry in enumerate(entries, start=1):
        found = validate_exercise_entry(entry, known)
        if found:
            report.problems.append(translate("user_exercises", "{path}: exercise {exercise}: {problems}; not imported").format(
                path=source, exercise=entry_name(entry, number), problems="; ".join(found)))
        else:
            accepted[entry["id"]] = entry
            known = catalog_with_exercises(known, {entry["id"]: exercise_from_entry(entry, shipped)})
    if not accepted:
        return report
    text, current, bom = _current(path)
    present = {table_id(table) for table in current}
    report.replaced = [eid for eid in accepted if eid in present]
    room = max(0, MAX_EXERCISES - len(current))
    new = [eid for eid in accepted if eid not in present]
    report.added = new[:room]
    for eid in new[room:]:
        del accepted[eid]
        report.problems.append(translate("user_exercises", "{path}: exercise {exercise}: {problems}; not imported").format(
            path=path, exercise=f"'{eid}'", problems=_full()))
    report.names = {eid: entry["name"].strip() for eid, entry in accepted.items()}
    if accepted:
        _write(path, _with_tables(path, text, current, list(accepted.values())), bom)
    return report


def exported_exercises(path: Path | None) -> tuple[str, str | None]:
    """The ``[[exercise]]`` tables of ``path`` as TOML, for a settings export ("" without any), and why they
    are left out (None: they are not), when the file cannot be read or parsed: the settings go out all the same."""
    if path is None:
        return "", None
    try:
        _text, current, _bom = _current(Path(path), refused=_not_read)
    except UserExercisesError as error:
        return "", str(error)
    return (_tables_text(current) if current else ""), None


def _current(path: Path, refused=None) -> tuple[str, list[dict[str, Any]], bool]:
    """The file's text ("" when missing), its exercise tables and whether it starts with a byte-order mark.

    Raises UserExercisesError, its message made by ``refused(path, problem)``
    (by default: could not save), when the file may not be touched.
    """
    refused = refused or _not_saved
    try:
        data = read_toml_bytes(path)
    except FileNotFoundError:
        return "", [], False
    except OSError as error:
        raise UserExercisesError(refused(path, os_problem(error))) from error
    try:
        raw = parse_toml_bytes(data)
    except ValueError as error:
        raise UserExercisesError(refused(path, translate(
            "user_exercises", "{problem}; fix or remove the file first, it is not overwritten").format(problem=error))) from None
    tables = raw.get(EXERCISE_TABLE, [])
    if not isinstance(tables, list) or not all(isinstance(table, dict) for table in tables):
        raise UserExercisesError(refused(path, translate(
            "user_exercises", "'exercise' is not written as [[exercise]] tables; fix it first, it is not overwritten")))
    text = data.decode("utf-8-sig")
    if tables and not _written_as_tables(text):
        raise UserExercisesError(refused(path, translate(
            "user_exercises", "'exercise' is written as one array (exercise = [...]); write each exercise as its own "
                              "[[exercise]] table, then save again")))
    return text, tables, data.startswith(b"\xef\xbb\xbf")


def _written_as_tables(text: str) -> bool:
    """Whether the exercises are ``[[exercise]]`` tables, which more can follow, not one inline array."""
    if _TABLE_HEADER.search(text):
        return True  # TOML forbids an inline array beside the tables: no need to parse it all again
    import tomlkit  # noqa: PLC0415  (only when writing)
    from tomlkit.items import AoT  # noqa: PLC0415

    return isinstance(tomlkit.parse(text).get(EXERCISE_TABLE), AoT)


def _with_tables(path: Path, text: str, current: list[dict[str, Any]], entries: Sequence[Mapping]) -> str:
    """``text`` with each entry in place of the table of its id, or appended after everything else."""
    import tomlkit  # noqa: PLC0415  (only when writing; see settings_file._set_entry)

    by_id = {entry["id"]: entry for entry in entries}
    original = text
    if any(table_id(table) in by_id for table in current):
        document = tomlkit.parse(text)
        tables = document[EXERCISE_TABLE]
        for index, table in enumerate(tables):
            if table_id(table) in by_id:
                tables[index] = _toml_table(by_id[table["id"]])
                if index + 1 < len(tables):
                    tables[index].add(tomlkit.nl())  # the blank line before the next table
        text = tomlkit.dumps(document)
    present = {table_id(table) for table in current}
    appended = [entry for entry in entries if entry["id"] not in present]
    if appended:
        if not text:
            text = FILE_HEADER
        elif not text.endswith("\n"):
            text += "\n"
        text += "\n" + _tables_text(appended)
    text = with_line_endings_of(original, text)
    expected = [dict(by_id.get(table_id(table), table)) for table in current] + [dict(e) for e in appended]
    try:
        written = tomllib.loads(text).get(EXERCISE_TABLE)
    except tomllib.TOMLDecodeError:
        written = None
    if _comparable(written) != _comparable([_plain(entry) for entry in expected]):
        raise UserExercisesError(_not_saved(path, translate(
            "user_exercises", "it could not be changed without changing other lines; nothing was saved")))
    return text


def _comparable(value: Any) -> str:
    """``value`` as text that is equal when the values are, nan too (nan != nan, but "NaN" == "NaN")."""
    return json.dumps(value, sort_keys=True, default=repr)


def _plain(entry: Mapping) -> dict[str, Any]:
    return {key: list(value) if isinstance(value, (list, tuple)) else value for key, value in entry.items()}


def _toml_table(entry: Mapping) -> Any:
    import tomlkit  # noqa: PLC0415

    table = tomlkit.table()
    for key in [*EXERCISE_KEYS, *(key for key in entry if key not in EXERCISE_KEYS)]:
        if key not in entry:
            continue
        value = entry[key]
        if isinstance(value, (list, tuple)):
            array = tomlkit.array()
            array.extend(value)
            # One step a line: steps are sentences, and a person edits them one at a time.
            table[key] = array.multiline(key == "steps" and len(value) > 1)
        else:
            table[key] = value
    return table


def _tables_text(entries: Iterable[Mapping]) -> str:
    import tomlkit  # noqa: PLC0415

    document = tomlkit.document()
    tables = tomlkit.aot()
    for entry in entries:
        tables.append(_toml_table(entry))
    document[EXERCISE_TABLE] = tables
    return tomlkit.dumps(document)


def _write(path: Path, text: str, bom: bool) -> None:
    try:
        write_file_atomically(path, "\ufeff" + text if bom else text)
    except OSError as error:
        raise UserExercisesError(_not_saved(path, os_problem(error))) from error


def _not_saved(path: Path, problem: object) -> str:
    return translate("user_exercises", "could not save your exercises to {path}: {problem}").format(path=path, problem=problem)


def _not_read(path: Path, problem: object) -> str:
    return translate("user_exercises", "could not read your exercises in {path}: {problem}").format(
        path=path, problem=problem)
