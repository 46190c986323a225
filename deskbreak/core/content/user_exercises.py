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
add time, so they never grow. A sore back treats one as the figure it is
drawn as: drawn as a forward fold or a backbend, it takes that figure's swap.

Like ``routines.toml``, the file is the user's and loading never fails
because of it: a bad entry is left out with a message naming the file, the
exercise (its id, or its position) and the key, and the others still load;
a file that is not UTF-8 TOML costs the user's exercises for this run,
never the file, which is left exactly as it is and never saved over. The
user's exercises load before ``routines.toml`` (:func:`load_profile_catalog`),
so a routine may hold them.

Adding (the editor, an import) appends to the file as text: every byte the
user wrote, comments included (and a byte-order mark), stays where it was.
The editor never takes an id the file already has, even for a table left
out; only a settings import replaces an exercise of the same id.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from deskbreak.core.content.catalog import TARGETS, USER_DOCUMENT, Catalog, Exercise, Range, Source
from deskbreak.core.content.user_routines import RoutinesLoad, did_you_mean, load_user_routines
from deskbreak.core.files import os_problem, read_toml_bytes, parse_toml_bytes, write_file_atomically
from deskbreak.core.i18n import Context, translate
from deskbreak.core.settings.value_types import parse_duration

if TYPE_CHECKING:
    from deskbreak.core.content.poses import ExercisePoses

user_exercises = Context("user_exercises")  # for plurals: lupdate reads the context from this name

EXERCISE_TABLE = "exercise"
"""The file's one top-level key, and the key of the exercises in an exported settings file."""
EXERCISE_KEYS = ("id", "name", "pose", "targets", "steps", "hold", "reps", "rep_hold", "sides")
REQUIRED_KEYS = ("id", "name", "pose", "targets", "steps")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TABLE_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(?:exercise|\"exercise\"|'exercise')[ \t]*\]\]", re.MULTILINE)

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
# What one file may report: enough to fix it, never a flood (a generated file with thousands of keys).
MAX_PROBLEMS_REPORTED = 20
MAX_PROBLEM_LENGTH = 600

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
    left_out: dict[str, str] = field(default_factory=dict)
    """The ids of the tables left out, each with why: taken all the same (see :func:`validate_exercise_entry`)."""


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
    left_out: dict[str, str] = field(default_factory=dict)
    """As :attr:`ExercisesLoad.left_out`."""


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


def validate_exercise_entry(entry: Mapping, catalog: Catalog, left_out: Mapping[str, str] | None = None) -> list[str]:
    """Why ``entry`` is not a valid exercise, one message per problem naming the key; [] when it is.

    ``catalog`` holds the exercises its id may not take (the catalog's and
    the user's other exercises) and the figures its ``pose`` may name (the
    catalog's own: a user's exercise lends none). ``left_out`` (as
    :attr:`ExercisesLoad.left_out`): ids the file's tables left out take, too,
    so that saving never replaces what the user wrote by hand.
    """
    if not isinstance(entry, Mapping):
        return [translate("user_exercises", "must be a table: [[exercise]] with id, name, pose, targets, steps "
                                    "and hold or reps")]
    problems: list[str] = []

    def problem(key: str, text: str) -> None:
        message = translate("user_exercises", "key '{key}': {problem}").format(key=key, problem=text)
        problems.append(EntryProblem(message, key, text))

    unknown = [str(key) for key in entry if key not in EXERCISE_KEYS]
    if unknown:
        # The first is named with the key it is near; the rest only counted (a generated file may hold thousands).
        text = translate("user_exercises", "unknown key{suggestion}; an exercise has {keys}").format(
            suggestion=did_you_mean(unknown[0], EXERCISE_KEYS), keys=", ".join(EXERCISE_KEYS))
        if len(unknown) > 1:
            text += " " + user_exercises.tr("(and %n other unknown keys)", None, len(unknown) - 1,
                                            one="(and 1 other unknown key)")
        problem(_shown(unknown[0])[1:-1], text)
    checks = {
        "id": lambda value: _check_id(value, catalog, left_out or {}, problem),
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


def _check_id(value: Any, catalog: Catalog, left_out: Mapping[str, str], problem) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value) or len(value) > MAX_ID_LENGTH:
        problem("id", translate("user_exercises", "must be lower-case letters, digits and single '-' (like wall-calf-stretch), "
                                          "at most {count} characters, not {value}").format(
            count=MAX_ID_LENGTH, value=_shown(value)))
        return
    taken = catalog.exercises.get(value)
    if taken is None:
        if value in left_out:
            problem("id", left_out[value])
        return
    if taken.is_users_own:
        problem("id", translate("user_exercises", "'{id}' is already one of your exercises").format(id=value))
    else:
        problem("id", translate("user_exercises", "'{id}' is the catalog's exercise \"{name}\"; choose another id").format(
            id=value, name=taken.shown_name()))


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
        # A sore back leaves out a forward fold or a backbend whoever wrote it: the figure says which it is.
        sore_back=figure.sore_back,
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
    own = {"exercise": exercise.id, "name": exercise.name, "targets": exercise.targets, "highlight": exercise.targets}
    # The left side may be drawn apart (a side plank on the knee): it is the user's exercise too.
    left = None if figure.left is None else replace(figure.left, **own)
    return replace(figure, **own, left=left)


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
    left_out: dict[str, str] = {}
    known = catalog
    for number, entry in enumerate(entries, start=1):
        found = validate_exercise_entry(entry, known)
        if found:
            problems.append(translate("user_exercises", "{path}: exercise {exercise}: {problems}; this exercise is left "
                                                "out").format(path=path, exercise=_entry_name(entry, number),
                                                              problems="; ".join(found)))
            exercise_id = _table_id(entry)
            if exercise_id is not None and exercise_id not in exercises:
                left_out.setdefault(exercise_id, _left_out_problem(path.name, exercise_id, found))
            continue
        exercise = exercise_from_entry(entry, catalog)
        exercises[exercise.id] = exercise
        known = catalog_with_exercises(catalog, exercises)
    return ExercisesLoad(known, exercises, _reported(path, problems), left_out)


def _reported(path: Path, problems: list[str]) -> list[str]:
    """``problems`` as shown: each at most MAX_PROBLEM_LENGTH characters, the first MAX_PROBLEMS_REPORTED of them."""
    shown = [_capped(problem) for problem in problems[:MAX_PROBLEMS_REPORTED]]
    if len(problems) > MAX_PROBLEMS_REPORTED:
        more = len(problems) - MAX_PROBLEMS_REPORTED
        shown.append(user_exercises.tr("{path}: and %n more problems", None, more,
                                       one="{path}: and 1 more problem").format(path=path))
    return shown


def _capped(text: str, longest: int = MAX_PROBLEM_LENGTH) -> str:
    return text if len(text) <= longest else text[:longest - 3] + "..."


def _table_id(table: Any) -> str | None:
    """The id of a table of the file, when it is text (a hand-written id may be anything)."""
    exercise_id = table.get("id") if isinstance(table, Mapping) else None
    return exercise_id if isinstance(exercise_id, str) else None


def _left_out_problem(file_name: str, exercise_id: str, problems: Sequence[str]) -> str:
    return translate("user_exercises", "{file} already has an exercise '{id}' (left out: {problem}); fix or rename "
                                       "it there").format(file=file_name, id=exercise_id,
                                                          problem=_capped("; ".join(problems), 300))


def _not_tables(path: Path) -> str:
    return translate("user_exercises", "{path}: 'exercise' must be written as [[exercise]] tables").format(path=path)


def _entry_name(entry: Any, number: int) -> str:
    """ "'wall-calf-stretch'", or "#3" for an entry without a usable id."""
    exercise_id = _table_id(entry)
    if exercise_id is not None and exercise_id.strip():
        return f"'{_shown(exercise_id)[1:-1]}'"
    return f"#{number}"


def load_profile_catalog(exercises_path: Path | None, routines_path: Path | None, catalog: Catalog) -> ProfileCatalog:
    """The catalog, then the user's exercises, then the user's routines (which may hold those exercises)."""
    exercises = load_user_exercises(exercises_path, catalog) if exercises_path is not None else ExercisesLoad(catalog)
    routines = (load_user_routines(routines_path, exercises.catalog) if routines_path is not None
                else RoutinesLoad(exercises.catalog))
    return ProfileCatalog(exercises.catalog, routines.catalog, exercises.problems + routines.problems,
                          exercises.left_out)


# -- writing -------------------------------------------------------------------------


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
    same = next((table for table in current if _table_id(table) == entry["id"]), None)
    if same is not None:
        raise UserExercisesError(_same_id(path, same, catalog))
    if len(current) >= MAX_EXERCISES:
        raise UserExercisesError(_not_saved(path, _full()))
    _write(path, _with_tables(path, text, current, [entry]), bom)


def _same_id(path: Path, table: Mapping, catalog: Catalog | None) -> str:
    """Why an entry may not take the id of ``table``, a table of ``path``."""
    from deskbreak.core.content.catalog import load_catalog  # noqa: PLC0415  (only when refusing)

    figures = catalog if catalog is not None else load_catalog()
    shipped = replace(figures, exercises={eid: e for eid, e in figures.exercises.items() if not e.is_users_own})
    problems = validate_exercise_entry(table, shipped)
    if not problems:
        return _not_saved(path, translate("user_exercises", "'{id}' is already one of your exercises").format(
            id=table["id"]))
    return _left_out_problem(str(path), table["id"], problems)


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
    text, current, bom = _current(path)
    present = {_table_id(table) for table in current}
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


def exported_exercises_text(path: Path) -> str:
    """The ``[[exercise]]`` tables of ``path`` as TOML, for a settings export ("" without any).

    Raises :class:`UserExercisesError` when the file cannot be read or parsed.
    """
    _text, current, _bom = _current(Path(path), refused=_not_read)
    return _tables_text(current) if current else ""


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
    windows_lines = "\r\n" in text and text.count("\n") == text.count("\r\n")
    if any(_table_id(table) in by_id for table in current):
        document = tomlkit.parse(text)
        tables = document[EXERCISE_TABLE]
        for index, table in enumerate(tables):
            if _table_id(table) in by_id:
                tables[index] = _toml_table(by_id[table["id"]])
                if index + 1 < len(tables):
                    tables[index].add(tomlkit.nl())  # the blank line before the next table
        text = tomlkit.dumps(document)
    present = {_table_id(table) for table in current}
    appended = [entry for entry in entries if entry["id"] not in present]
    if appended:
        if not text:
            text = FILE_HEADER
        elif not text.endswith("\n"):
            text += "\n"
        text += "\n" + _tables_text(appended)
    if windows_lines:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")  # tomlkit ends new lines with LF alone
    expected = [dict(by_id.get(_table_id(table), table)) for table in current] + [dict(e) for e in appended]
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
