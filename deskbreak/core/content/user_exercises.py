"""The user's own exercises, kept in ``exercises.toml`` in the settings folder.

One ``[[exercise]]`` table per exercise, drawn with the figure of a catalog
exercise (``pose``)::

    [[exercise]]
    id = "wall-calf-stretch"
    name = "Wall calf stretch"
    pose = "split-hip-stretch"      # the figure of an existing exercise
    targets = ["legs"]
    steps = ["Face a wall, one foot back.", "Press the back heel down."]
    hold = "30s"                    # or reps = 10 (with rep_hold = "3s")
    sides = true

They join the catalog as :class:`~deskbreak.core.content.catalog.Exercise`
objects marked as the user's own (``source.document`` is
:data:`~deskbreak.core.content.catalog.USER_DOCUMENT`, with no quote): where
the break window would cite the article, it says "Your exercise". Where an
exercise is done and what it needs come with its figure.
``hold``/``reps``/``rep_hold``/``sides`` become the catalog's ``hold_s``,
``reps`` and ``per_side``, so the guide's timeline plays them as it plays
the catalog's exercises. They have no source that gives a range or says to
add time, so they never grow, and no sore-back swap.

Like ``routines.toml``, the file is the user's and loading never fails
because of it: a bad entry is left out with a message naming the file, the
exercise (its id, or its position) and the key, and the others still load;
a file that is not UTF-8 TOML costs the user's exercises for this run,
never the file, which is left exactly as it is and never saved over. The
user's exercises load before ``routines.toml`` (:func:`load_profile_catalog`),
so a routine may hold them.

Adding (the editor, an import) appends to the file as text: every byte the
user wrote, comments included, stays where it was.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from deskbreak.core.content.catalog import TARGETS, USER_DOCUMENT, Catalog, Exercise, Range, Source
from deskbreak.core.content.user_routines import RoutinesLoad, did_you_mean, load_user_routines
from deskbreak.core.files import os_problem, read_toml_bytes, parse_toml_bytes, write_file_atomically
from deskbreak.core.i18n import translate
from deskbreak.core.settings.value_types import parse_duration

if TYPE_CHECKING:
    from deskbreak.core.content.poses import ExercisePoses

EXERCISE_TABLE = "exercise"
"""The file's one top-level key, and the key of the exercises in an exported settings file."""
EXERCISE_KEYS = ("id", "name", "pose", "targets", "steps", "hold", "reps", "rep_hold", "sides")
REQUIRED_KEYS = ("id", "name", "pose", "targets", "steps")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Bounds a person writing an exercise stays far inside; beyond them is a typo
# (a hold of "30m"), or a file no person wrote.
MAX_ID_LENGTH = 60
MAX_NAME_LENGTH = 80
MAX_STEPS = 12
MAX_STEP_LENGTH = 300
HOLD_SECONDS = (3, 600)
REP_HOLD_SECONDS = (1, 60)
REPS = (1, 100)
MAX_EXERCISES = 200

# Written at the top of a new file: the only help a person editing it by hand will see.
FILE_HEADER = """\
# deskbreak: exercises of your own, one [[exercise]] table each.
# pose = the catalog exercise whose figure is shown (`deskbreak catalog` lists them);
# hold = "30s", or reps = 10 (with rep_hold = "3s" to pause at the top); sides = true for both sides.
"""


class UserExercisesError(ValueError):
    """The exercises file could not be written, or an exercise is not valid (the message says which)."""


@dataclass
class ExercisesLoad:
    """What :func:`load_user_exercises` made of the file: the catalog with the user's exercises added."""

    catalog: Catalog
    exercises: dict[str, Exercise] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


@dataclass
class ProfileCatalog:
    """The catalog as this profile plays it.

    ``defaults``: the shipped catalog with the user's exercises (its routines
    the shipped ones, what routines.toml is saved against); ``catalog``: that
    with the user's routines in place; ``problems``: both files' messages.
    """

    defaults: Catalog
    catalog: Catalog
    problems: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    """What an import did to exercises.toml: ids added, ids replaced, and entries left out (why)."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# -- validation ----------------------------------------------------------------------


class EntryProblem(str):
    """A problem message that also says which key it is about and what is wrong, without the key.

    It is the whole message wherever text is wanted (the file's report, a
    refused save); the editor shows ``detail`` under the field of ``key``.
    """

    key: str
    detail: str

    def __new__(cls, message: str, key: str, detail: str) -> EntryProblem:
        problem = super().__new__(cls, message)
        problem.key, problem.detail = key, detail
        return problem


def validate_exercise_entry(entry: Mapping, catalog: Catalog) -> list[str]:
    """Why ``entry`` is not a valid exercise, one message per problem naming the key; [] when it is.

    ``catalog`` holds the exercises its id may not take (the catalog's and
    the user's other exercises) and the figures its ``pose`` may name (the
    catalog's own: a user's exercise lends none).
    """
    if not isinstance(entry, Mapping):
        return [translate("user_exercises", "must be a table: [[exercise]] with id, name, pose, targets, steps "
                                    "and hold or reps")]
    problems: list[str] = []

    def problem(key: str, text: str) -> None:
        message = translate("user_exercises", "key '{key}': {problem}").format(key=key, problem=text)
        problems.append(EntryProblem(message, key, text))

    for key in entry:
        if key not in EXERCISE_KEYS:
            problem(key, translate("user_exercises", "unknown key{suggestion}; an exercise has {keys}").format(
                suggestion=did_you_mean(str(key), EXERCISE_KEYS), keys=", ".join(EXERCISE_KEYS)))
    checks = {
        "id": lambda value: _check_id(value, catalog, problem),
        "name": lambda value: _check_text(value, MAX_NAME_LENGTH, lambda text: problem("name", text)),
        "pose": lambda value: _check_pose(value, catalog, problem),
        "targets": lambda value: _check_targets(value, problem),
        "steps": lambda value: _check_steps(value, problem),
    }
    for key in REQUIRED_KEYS:
        if key in entry:
            checks[key](entry[key])
        else:
            problem(key, translate("user_exercises", "is missing"))
    _check_timing(entry, problem)
    if "sides" in entry and not isinstance(entry["sides"], bool):
        problem("sides", translate("user_exercises", "must be true or false, not {value}").format(value=_shown(entry["sides"])))
    return problems


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_id(value: Any, catalog: Catalog, problem) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value) or len(value) > MAX_ID_LENGTH:
        problem("id", translate("user_exercises", "must be lower-case letters, digits and single '-' (like wall-calf-stretch), "
                                          "at most {count} characters, not {value}").format(
            count=MAX_ID_LENGTH, value=_shown(value)))
        return
    taken = catalog.exercises.get(value)
    if taken is None:
        return
    if taken.is_users_own:
        problem("id", translate("user_exercises", "'{id}' is already one of your exercises").format(id=value))
    else:
        problem("id", translate("user_exercises", "'{id}' is the catalog's exercise \"{name}\"; choose another id").format(
            id=value, name=translate("catalog", taken.name)))


def _check_text(value: Any, longest: int, problem) -> None:
    if not isinstance(value, str) or not value.strip():
        problem(translate("user_exercises", "must be non-empty text, not {value}").format(value=_shown(value)))
    elif len(value.strip()) > longest:
        problem(translate("user_exercises", "is longer than {count} characters").format(count=longest))


def _check_pose(value: Any, catalog: Catalog, problem) -> None:
    figures = figure_ids(catalog)
    if not isinstance(value, str) or value not in figures:
        problem("pose", translate("user_exercises", "unknown figure {value}{suggestion}; pose names a catalog exercise "
                                            "whose figure is shown").format(
            value=_shown(value), suggestion=did_you_mean(value, figures) if isinstance(value, str) else ""))


def figure_ids(catalog: Catalog) -> list[str]:
    """The exercises whose figure a user's exercise may borrow: the catalog's own, in its order."""
    return [exercise.id for exercise in catalog.exercises.values() if not exercise.is_users_own]


def _check_targets(value: Any, problem) -> None:
    if not isinstance(value, list) or not value or not all(isinstance(target, str) for target in value):
        problem("targets", translate("user_exercises", "must be a list of one or more of {targets}, not {value}").format(
            targets=", ".join(TARGETS), value=_shown(value)))
        return
    unknown = [target for target in value if target not in TARGETS]
    if unknown:
        problem("targets", translate("user_exercises", "unknown muscle group '{target}'{suggestion}; "
                                               "choose from {targets}").format(
            target=unknown[0], suggestion=did_you_mean(unknown[0], TARGETS), targets=", ".join(TARGETS)))
    elif len(set(value)) != len(value):
        problem("targets", translate("user_exercises", "names a muscle group twice"))


def _check_steps(value: Any, problem) -> None:
    if not isinstance(value, list) or not value:
        problem("steps", translate("user_exercises", "must be a list of one or more steps, not {value}").format(
            value=_shown(value)))
        return
    if len(value) > MAX_STEPS:
        problem("steps", translate("user_exercises", "has more than {count} steps").format(count=MAX_STEPS))
        return
    for number, step in enumerate(value, start=1):
        texts: list[str] = []
        _check_text(step, MAX_STEP_LENGTH, texts.append)
        if texts:
            problem("steps", translate("user_exercises", "step {number} {problem}").format(number=number, problem=texts[0]))
            return


def _check_timing(entry: Mapping, problem) -> None:
    has_hold, has_reps = "hold" in entry, "reps" in entry
    if has_hold and has_reps:
        problem("reps", translate("user_exercises", "give hold or reps, not both"))
    elif not has_hold and not has_reps:
        problem("hold", translate("user_exercises", "is missing: give hold = \"30s\", or reps = 10"))
    if has_hold:
        _check_seconds(entry["hold"], HOLD_SECONDS, lambda text: problem("hold", text))
    if has_reps:
        reps = entry["reps"]
        if isinstance(reps, bool) or not isinstance(reps, int) or not REPS[0] <= reps <= REPS[1]:
            problem("reps", translate("user_exercises", "must be a whole number from {low} to {high}, not {value}").format(
                low=REPS[0], high=REPS[1], value=_shown(reps)))
    if "rep_hold" in entry:
        if not has_reps:
            problem("rep_hold", translate("user_exercises", "goes with reps: the pause at the top of each rep"))
        else:
            _check_seconds(entry["rep_hold"], REP_HOLD_SECONDS, lambda text: problem("rep_hold", text))


def _check_seconds(value: Any, bounds: tuple[int, int], problem) -> None:
    seconds = _seconds(value)
    if seconds is None:
        problem(translate("user_exercises", "must be a duration like \"30s\" or \"1m30s\", not {value}").format(
            value=_shown(value)))
    elif not bounds[0] <= seconds <= bounds[1]:
        problem(translate("user_exercises", "must be from {low} to {high} seconds, not {value}").format(
            low=bounds[0], high=bounds[1], value=_shown(value)))


def _seconds(value: Any) -> int | None:
    if not isinstance(value, str):
        return None
    try:
        return int(parse_duration(value).total_seconds())
    except ValueError:
        return None


def exercise_from_entry(entry: Mapping, catalog: Catalog) -> Exercise:
    """The :class:`Exercise` of a valid entry (see :func:`validate_exercise_entry`)."""
    figure = catalog.exercise(entry["pose"])
    hold = _seconds(entry["hold"]) if "hold" in entry else None
    rep_hold = _seconds(entry["rep_hold"]) if "rep_hold" in entry else None
    reps = entry.get("reps")
    held = hold if hold is not None else rep_hold
    return Exercise(
        id=entry["id"],
        name=entry["name"].strip(),
        targets=tuple(entry["targets"]),
        # Where it is done and what it needs, as its figure shows it.
        place=figure.place,
        equipment=figure.equipment,
        steps=tuple(step.strip() for step in entry["steps"]),
        source=Source(document=USER_DOCUMENT, quote=""),
        hold_s=None if held is None else Range(held, held),
        reps=None if reps is None else Range(reps, reps),
        per_side=entry.get("sides", False),
        pose=figure.id,
    )


def figure_of(poses: Mapping[str, ExercisePoses], exercise: Exercise) -> ExercisePoses | None:
    """The poses ``exercise`` is drawn with (None without any).

    A catalog exercise has its own; a user's exercise takes its figure's,
    highlighting the muscle groups the user named, so picture and words agree.
    """
    figure = poses.get(exercise.figure_id)
    if figure is None or not exercise.pose:
        return figure
    return replace(figure, exercise=exercise.id, name=exercise.name, targets=exercise.targets,
                   highlight=exercise.targets)


def catalog_with_exercises(catalog: Catalog, exercises: Mapping[str, Exercise]) -> Catalog:
    """``catalog`` with ``exercises`` after its own (ids never clash: validation refuses it)."""
    return replace(catalog, exercises={**catalog.exercises, **exercises})


# -- loading -------------------------------------------------------------------------


def load_user_exercises(path: Path, catalog: Catalog) -> ExercisesLoad:
    """``catalog`` with the user's exercises from ``path``; a missing file adds none, with no problem."""
    path = Path(path)
    try:
        raw = parse_toml_bytes(read_toml_bytes(path))
    except FileNotFoundError:
        return ExercisesLoad(catalog)
    except OSError as error:
        return ExercisesLoad(catalog, problems=[translate(
            "user_exercises", "{path}: could not read your exercises ({problem}); they are left out for now").format(
                path=path, problem=os_problem(error))])
    except ValueError as error:
        return ExercisesLoad(catalog, problems=[translate(
            "user_exercises", "{path}: {problem}; your exercises are left out and the file is left as it is for you "
                      "to fix").format(path=path, problem=error)])
    problems = [translate("user_exercises", "{path}: unknown key '{key}' (kept in the file, ignored); the file holds "
                                    "[[exercise]] tables").format(path=path, key=key)
                for key in raw if key != EXERCISE_TABLE]
    entries = raw.get(EXERCISE_TABLE, [])
    if not isinstance(entries, list):
        problems.append(_not_tables(path))
        entries = []
    if len(entries) > MAX_EXERCISES:
        problems.append(translate("user_exercises", "{path}: more than {count} exercises; the ones after that are left "
                                            "out").format(path=path, count=MAX_EXERCISES))
        entries = entries[:MAX_EXERCISES]
    exercises: dict[str, Exercise] = {}
    known = catalog
    for number, entry in enumerate(entries, start=1):
        found = validate_exercise_entry(entry, known)
        if found:
            problems.append(translate("user_exercises", "{path}: exercise {exercise}: {problems}; this exercise is left "
                                                "out").format(path=path, exercise=_entry_name(entry, number),
                                                              problems="; ".join(found)))
            continue
        exercise = exercise_from_entry(entry, catalog)
        exercises[exercise.id] = exercise
        known = catalog_with_exercises(catalog, exercises)
    return ExercisesLoad(known, exercises, problems)


def _not_tables(path: Path) -> str:
    return translate("user_exercises", "{path}: 'exercise' must be written as [[exercise]] tables").format(path=path)


def _entry_name(entry: Any, number: int) -> str:
    """ "'wall-calf-stretch'", or "#3" for an entry without a usable id."""
    exercise_id = entry.get("id") if isinstance(entry, Mapping) else None
    if isinstance(exercise_id, str) and exercise_id.strip():
        return f"'{_shown(exercise_id)[1:-1]}'"
    return f"#{number}"


def load_profile_catalog(exercises_path: Path | None, routines_path: Path | None, catalog: Catalog) -> ProfileCatalog:
    """The catalog, then the user's exercises, then the user's routines (which may hold those exercises)."""
    exercises = load_user_exercises(exercises_path, catalog) if exercises_path is not None else ExercisesLoad(catalog)
    routines = (load_user_routines(routines_path, exercises.catalog) if routines_path is not None
                else RoutinesLoad(exercises.catalog))
    return ProfileCatalog(exercises.catalog, routines.catalog, exercises.problems + routines.problems)


# -- writing -------------------------------------------------------------------------


def add_user_exercise(path: Path, entry: Mapping) -> None:
    """Append ``entry`` as an ``[[exercise]]`` table to ``path``, keeping every byte already there.

    Raises :class:`UserExercisesError` naming the file when it cannot be
    read or written, or when what is there now does not parse (it is never
    overwritten). The entry is written as given: validate it first.
    """
    path = Path(path)
    text, current = _current(path)
    _write(path, _with_tables(path, text, current, [entry]))


def import_user_exercises(path: Path, entries: Iterable[Any], catalog: Catalog, *, source: Path) -> ImportReport:
    """Add the valid ``entries`` (read from ``source``) to ``path``; an exercise of the same id is replaced.

    Each entry is checked against ``catalog``'s own exercises and the entries
    before it; a bad one is left out and named in the report, the others
    are added. Raises :class:`UserExercisesError` when ``path`` cannot be
    read, parsed or written (nothing is changed then).
    """
    path = Path(path)
    report = ImportReport()
    shipped = replace(catalog, exercises={eid: e for eid, e in catalog.exercises.items() if not e.is_users_own})
    accepted: dict[str, Mapping] = {}
    for number, entry in enumerate(entries, start=1):
        found = validate_exercise_entry(entry, catalog_with_exercises(
            shipped, {eid: exercise_from_entry(e, shipped) for eid, e in accepted.items()}))
        if found:
            report.problems.append(translate("user_exercises", "{path}: exercise {exercise}: {problems}; not imported").format(
                path=source, exercise=_entry_name(entry, number), problems="; ".join(found)))
        else:
            accepted[entry["id"]] = entry
    if not accepted:
        return report
    text, current = _current(path)
    present = {table.get("id") for table in current}
    report.replaced = [eid for eid in accepted if eid in present]
    report.added = [eid for eid in accepted if eid not in present]
    _write(path, _with_tables(path, text, current, list(accepted.values())))
    return report


def exported_exercises_text(path: Path) -> str:
    """The ``[[exercise]]`` tables of ``path`` as TOML, for a settings export ("" without any).

    Raises :class:`UserExercisesError` when the file cannot be read or parsed.
    """
    _text, current = _current(Path(path))
    return _tables_text(current) if current else ""


def _current(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """The file's text ("" when missing) and its exercise tables; UserExercisesError if it may not be touched."""
    try:
        data = read_toml_bytes(path)
    except FileNotFoundError:
        return "", []
    except OSError as error:
        raise UserExercisesError(_not_saved(path, os_problem(error))) from error
    try:
        raw = parse_toml_bytes(data)
    except ValueError as error:
        raise UserExercisesError(_not_saved(path, translate(
            "user_exercises", "{problem}; fix or remove the file first, it is not overwritten").format(problem=error))) from None
    tables = raw.get(EXERCISE_TABLE, [])
    if not isinstance(tables, list) or not all(isinstance(table, dict) for table in tables):
        raise UserExercisesError(_not_saved(path, translate(
            "user_exercises", "'exercise' is not written as [[exercise]] tables; fix it first, it is not overwritten")))
    return data.decode("utf-8-sig"), tables


def _with_tables(path: Path, text: str, current: list[dict[str, Any]], entries: Sequence[Mapping]) -> str:
    """``text`` with each entry in place of the table of its id, or appended after everything else."""
    import tomlkit  # noqa: PLC0415  (only when writing; see settings_file._set_entry)

    by_id = {entry["id"]: entry for entry in entries}
    windows_lines = "\r\n" in text and text.count("\n") == text.count("\r\n")
    if any(table.get("id") in by_id for table in current):
        document = tomlkit.parse(text)
        tables = document[EXERCISE_TABLE]
        for index, table in enumerate(tables):
            if table.get("id") in by_id:
                tables[index] = _toml_table(by_id[table["id"]])
                if index + 1 < len(tables):
                    tables[index].add(tomlkit.nl())  # the blank line before the next table
        text = tomlkit.dumps(document)
    present = {table.get("id") for table in current}
    appended = [entry for entry in entries if entry["id"] not in present]
    if appended:
        if not text:
            text = FILE_HEADER
        elif not text.endswith("\n"):
            text += "\n"
        text += "\n" + _tables_text(appended)
    if windows_lines:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")  # tomlkit ends new lines with LF alone
    expected = [dict(by_id.get(table.get("id"), table)) for table in current] + [dict(e) for e in appended]
    try:
        written = tomllib.loads(text).get(EXERCISE_TABLE)
    except tomllib.TOMLDecodeError:
        written = None
    if written != [_plain(entry) for entry in expected]:
        raise UserExercisesError(_not_saved(path, translate(
            "user_exercises", "it could not be changed without changing other lines; nothing was saved")))
    return text


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


def _write(path: Path, text: str) -> None:
    try:
        write_file_atomically(path, text)
    except OSError as error:
        raise UserExercisesError(_not_saved(path, os_problem(error))) from error


def _not_saved(path: Path, problem: object) -> str:
    return translate("user_exercises", "could not save your exercises to {path}: {problem}").format(path=path, problem=problem)
