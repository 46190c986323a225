"""The user's routines: which exercises each routine holds, kept in ``routines.toml``.

The catalog ships one version of every routine; the user may change which
exercises a routine holds and in what order (and, for the sit-break, which
groups take turns). The file holds one table per routine the user changed,
keyed by routine id, and nothing else::

    [sit-break]
    exercises = ["walk-around", "shoulder-circles"]
    rotation = [["split-hip-stretch"], ["seated-upper-back-stretch", "forward-fold"]]

    [pre-run-glutes]
    exercises = ["glute-bridge", "single-leg-balance"]

A field left out keeps the default routine's value, so ``rotation`` alone
changes only the turns of the sit-break.

Like the settings file, this file is the user's and loading never fails
because of it. A routine the file gets wrong (an unknown exercise, a wrong
type, no exercises at all) falls back to its default with a message naming
the file, the routine and the problem, and the other routines still apply.
A file that is not UTF-8 TOML costs the user's routines for this run, never
the file: it is left exactly as it is, and saving refuses to overwrite it.
Tables the loader does not understand are reported and written back on save,
so the app never silently erases what the user typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Mapping

import tomli_w

from deskbreak.core.content.catalog import Catalog, Routine
from deskbreak.core.files import os_problem, read_toml_table, write_file_atomically
from deskbreak.core.i18n import translate

ROUTINE_FIELDS = ("exercises", "rotation")

# Written at the top of every saved file: it is the only help a person
# editing it by hand will see, and a comment cannot confuse the loader.
FILE_HEADER = """\
# deskbreak: your versions of its routines, one table per routine you changed.
# Delete a table (or this file) to go back to the default routine.
"""


class UserRoutinesError(ValueError):
    """The routines file could not be written (the message names the file)."""


@dataclass
class RoutinesLoad:
    """What :func:`load_user_routines` made of the file.

    ``catalog`` is the default catalog with the user's routines in place of
    the defaults (exercises and safety notes are the same objects).
    ``problems`` are messages for the user, each naming the file. ``raw`` is
    the table the file held ({} when missing or unreadable). ``can_save`` is
    False when a file exists that could not be read: saving would replace it.
    """

    catalog: Catalog
    problems: list[str] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)
    can_save: bool = True


def with_routine_exercises(
    routine: Routine, exercises: Iterable[str], rotation: Iterable[Iterable[str]] = ()
) -> Routine:
    """``routine`` holding ``exercises`` every time and ``rotation`` in turn.

    Empty rotation groups are dropped: a break with nothing from the rotation
    is what an empty rotation already means.
    """
    groups = tuple(tuple(group) for group in rotation)
    return replace(routine, exercises=tuple(exercises), rotation=tuple(g for g in groups if g))


def catalog_with_routines(catalog: Catalog, routines: Mapping[str, Routine]) -> Catalog:
    """``catalog`` with ``routines`` in place of its own (same ids, same order)."""
    merged = {rid: routines.get(rid, routine) for rid, routine in catalog.routines.items()}
    return replace(catalog, routines=merged)


def same_exercises(a: Routine, b: Routine) -> bool:
    """Whether ``a`` and ``b`` hold the same exercises in the same order and turns."""
    return a.exercises == b.exercises and a.rotation == b.rotation


# -- loading -----------------------------------------------------------------------


def load_user_routines(path: Path, catalog: Catalog) -> RoutinesLoad:
    """The user's routines from ``path`` on top of ``catalog``'s defaults.

    A missing file means every routine is the default, with no problem.
    """
    path = Path(path)
    try:
        raw = read_toml_table(path)
    except FileNotFoundError:
        return RoutinesLoad(catalog)
    except OSError as error:
        problem = translate("routines_problems", "{path}: could not read the routines file ({problem}); "
                                                 "using the default routines").format(path=path, problem=os_problem(error))
        return RoutinesLoad(catalog, [problem], can_save=False)
    except ValueError as error:
        problem = translate("routines_problems", "{path}: {problem}; using the default routines and leaving the file "
                                                 "as it is for you to fix").format(path=path, problem=error)
        return RoutinesLoad(catalog, [problem], can_save=False)

    routines: dict[str, Routine] = {}
    problems: list[str] = []
    for routine_id, table in raw.items():
        default = catalog.routines.get(routine_id)
        if default is None:
            problems.append(_unknown_entry_problem(path, routine_id, table, catalog))
            continue
        try:
            routine = _routine_from_table(default, table, catalog)
        except ValueError as error:
            problems.append(translate("routines_problems", "{path}: routine '{routine}': {problem}; using the default routine").format(
                path=path, routine=routine_id, problem=error))
            continue
        routines[routine_id] = routine
    return RoutinesLoad(catalog_with_routines(catalog, routines), problems, raw)


def _unknown_entry_problem(path: Path, key: str, value: Any, catalog: Catalog) -> str:
    if isinstance(value, dict):
        text = translate("routines_problems", "{path}: unknown routine '{key}'{suggestion} (kept in the file, ignored); "
                                              "the file holds one table per routine: {routines}")
    else:
        text = translate("routines_problems", "{path}: unknown key '{key}'{suggestion} (kept in the file, ignored); "
                                              "the file holds one table per routine: {routines}")
    return text.format(path=path, key=key, suggestion=did_you_mean(key, catalog.routines),
                       routines=", ".join(catalog.routines))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """ " (did you mean 'cat-cow'?)" when a close match exists, else "": for a misspelt id."""
    import difflib  # noqa: PLC0415  (only for a misspelt word in the user's routines)

    close = difflib.get_close_matches(word, list(choices), n=1)
    return translate("routines_problems", " (did you mean '{word}'?)").format(word=close[0]) if close else ""


def _routine_from_table(default: Routine, table: Any, catalog: Catalog) -> Routine:
    """The user's version of ``default``; ValueError naming the field when wrong."""
    if not isinstance(table, dict):
        raise ValueError(translate("routines_problems", "must be a table like [{routine}] with exercises = [...], not {value}").format(
            routine=default.id, value=repr(table)))
    unknown = [key for key in table if key not in ROUTINE_FIELDS]
    if unknown:
        raise ValueError(translate("routines_problems", "unknown field '{field}'; a routine has only {fields}").format(
            field=unknown[0], fields=translate("routines_problems", " and ").join(ROUTINE_FIELDS)))
    exercises = default.exercises
    if "exercises" in table:
        exercises = table["exercises"]
        if not _is_list_of_ids(exercises):
            raise ValueError(translate("routines_problems", "field 'exercises': must be a list of exercise ids, not {value}").format(
                value=repr(exercises)))
    rotation = default.rotation
    if "rotation" in table:
        rotation = table["rotation"]
        if not isinstance(rotation, list) or not all(_is_list_of_ids(g) and g for g in rotation):
            raise ValueError(translate(
                "routines_problems", "field 'rotation': must be a list of non-empty lists of exercise ids, not {value}").format(
                    value=repr(rotation)))
    routine = with_routine_exercises(default, exercises, rotation)
    problem = routine_problem(routine, catalog)
    if problem:
        raise ValueError(problem)
    return routine


def _is_list_of_ids(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def routine_problem(routine: Routine, catalog: Catalog) -> str | None:
    """Why ``routine`` cannot be played from ``catalog``, or None.

    One rule for loading and saving, so the app never writes a file it would
    then refuse to read.
    """
    if not routine.all_exercise_ids():
        return translate("routines_problems", "it has no exercises")
    for exercise_id in routine.all_exercise_ids():
        if exercise_id not in catalog.exercises:
            return translate("routines_problems", "unknown exercise '{exercise}'{suggestion}").format(
                exercise=exercise_id, suggestion=did_you_mean(exercise_id, catalog.exercises))
    return None


# -- saving ------------------------------------------------------------------------


def save_user_routines(
    path: Path, routines: Mapping[str, Routine] | Catalog, defaults: Catalog
) -> None:
    """Write the routines that differ from ``defaults`` to ``path``, atomically.

    Only changed routines get a table; a routine back at its default loses
    its table. What the file holds now and this module does not own is
    written back as it was: unknown tables, and the invalid table of a
    routine still at its default (so a typo the user can still fix by hand
    is not erased by an unrelated change).

    When nothing is left to write, an existing file is rewritten with only
    the header comment rather than removed: removing would break a symlink a
    dotfile manager put there, and an empty file already means "all
    defaults". A missing file stays missing.

    Raises :class:`UserRoutinesError` naming the file when it cannot be read
    or written, when the file there now is not UTF-8 TOML (it is never
    overwritten), or when a routine is unknown or cannot be played.
    """
    path = Path(path)
    if isinstance(routines, Catalog):
        routines = routines.routines
    try:
        existing = read_toml_table(path)
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise UserRoutinesError(_not_saved(path, os_problem(error))) from error
    except ValueError as error:
        raise UserRoutinesError(_not_saved(path, translate(
            "routines_problems", "{problem}; fix or remove the file first, it is not overwritten").format(
                problem=error))) from None

    text = _file_text(path, routines, defaults, existing or {})
    if existing is None and not text:
        return
    try:
        write_file_atomically(path, FILE_HEADER + ("\n" + text if text else ""))
    except OSError as error:
        raise UserRoutinesError(_not_saved(path, os_problem(error))) from error


def _not_saved(path: Path, problem: object) -> str:
    return translate("routines_problems", "could not save routines to {path}: {problem}").format(path=path, problem=problem)


def _file_text(
    path: Path, routines: Mapping[str, Routine], defaults: Catalog, existing: Mapping[str, Any]
) -> str:
    """The file's TOML after the header: "" when every routine is the default and nothing is kept."""
    for routine_id, routine in routines.items():
        if routine_id not in defaults.routines:
            raise UserRoutinesError(_not_saved(path, translate("routines_problems", "unknown routine '{routine}'").format(
                routine=routine_id)))
        problem = routine_problem(routine, defaults)
        if problem:
            raise UserRoutinesError(_not_saved(path, translate("routines_problems", "routine '{routine}': {problem}").format(
                routine=routine_id, problem=problem)))
    kept: dict[str, Any] = {}
    tables: list[str] = []
    for routine_id, default in defaults.routines.items():
        routine = routines.get(routine_id, default)
        if not same_exercises(routine, default):
            tables.append(_routine_toml(routine, default))
        elif routine_id in existing and not _loads_cleanly(default, existing[routine_id], defaults):
            kept[routine_id] = existing[routine_id]
    kept.update((key, value) for key, value in existing.items() if key not in defaults.routines)
    # Keys outside any table must come before the first [table] header, or
    # TOML would read them as part of it; tomli_w orders what it writes itself.
    loose = {key: value for key, value in kept.items() if not isinstance(value, dict)}
    tables += [tomli_w.dumps({key: value}) for key, value in kept.items() if isinstance(value, dict)]
    return "\n".join(([tomli_w.dumps(loose)] if loose else []) + tables)


def _routine_toml(routine: Routine, default: Routine) -> str:
    """One routine's table, arrays on one line each: tomli_w puts every id on its own line."""
    lines = [f"[{routine.id}]", f"exercises = {_id_list(routine.exercises)}"]
    # An empty rotation must be written when the default has one, or the
    # loader would bring the default's rotation back.
    if routine.rotation or default.rotation:
        groups = "".join(f"\n    {_id_list(group)}," for group in routine.rotation)
        lines.append(f"rotation = [{groups}\n]" if groups else "rotation = []")
    return "\n".join(lines) + "\n"


def _id_list(ids: Iterable[str]) -> str:
    # Only catalog ids get here (routine_problem checked them): lower-case
    # letters, digits and '-', which need no escaping in a TOML string.
    return "[" + ", ".join(f'"{exercise_id}"' for exercise_id in ids) + "]"


def _loads_cleanly(default: Routine, table: Any, catalog: Catalog) -> bool:
    try:
        _routine_from_table(default, table, catalog)
    except ValueError:
        return False
    return True
