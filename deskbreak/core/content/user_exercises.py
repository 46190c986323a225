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

Adding to the file (the editor, an import) is :mod:`~deskbreak.core.content.user_exercises_writing`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from deskbreak.core.content.catalog import TARGETS, USER_DOCUMENT, Catalog, Exercise, Range, Source
from deskbreak.core.content.user_routines import RoutinesLoad, did_you_mean, load_user_routines
from deskbreak.core.files import os_problem, read_toml_bytes, parse_toml_bytes
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
    return list(shipped_only(catalog).exercises)


def shipped_only(catalog: Catalog) -> Catalog:
    """``catalog`` without the user's exercises."""
    return replace(catalog, exercises={eid: e for eid, e in catalog.exercises.items() if not e.is_users_own})


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
        problems.append(not_tables_problem(path))
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
                                                "out").format(path=path, exercise=entry_name(entry, number),
                                                              problems="; ".join(found)))
            exercise_id = table_id(entry)
            if exercise_id is not None and exercise_id not in exercises:
                left_out.setdefault(exercise_id, left_out_problem(path.name, exercise_id, found))
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


def table_id(table: Any) -> str | None:
    """The id of a table of the file, when it is text (a hand-written id may be anything)."""
    exercise_id = table.get("id") if isinstance(table, Mapping) else None
    return exercise_id if isinstance(exercise_id, str) else None


def left_out_problem(file_name: str, exercise_id: str, problems: Sequence[str]) -> str:
    return translate("user_exercises", "{file} already has an exercise '{id}' (left out: {problem}); fix or rename "
                                       "it there").format(file=file_name, id=exercise_id,
                                                          problem=_capped("; ".join(problems), 300))


def not_tables_problem(path: Path) -> str:
    """Why the exercises of ``path`` cannot be read: 'exercise' is not an array of tables."""
    return translate("user_exercises", "{path}: 'exercise' must be written as [[exercise]] tables").format(path=path)


def entry_name(entry: Any, number: int) -> str:
    """ "'wall-calf-stretch'", or "#3" for an entry without a usable id."""
    exercise_id = table_id(entry)
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
