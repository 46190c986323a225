"""The exercise catalog: exercises, routines and safety notes, loaded from data.

The data lives in ``assets/catalog/*.toml``. Every exercise carries the
figures its source document gives (hold, reps, sets, sides, rest) together
with the verbatim sentence they came from, so the figures can be checked
against the text. Where a document gives no number, the figure is absent and
``suggested`` holds our own pacing, which the app labels as ours.

Loading validates everything; a bad entry raises :class:`CatalogError` naming
the file, the entry and the field.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Sequence

from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate
from deskbreak.core.kinds import BREAK_KIND_NAMES

TARGETS = (
    "lower_back",
    "upper_back",
    "hip_flexors",
    "hamstrings",
    "glutes",
    "core",
    "shoulders",
    "legs",
    "feet",
)
PLACES = ("desk", "standing", "floor", "equipment")
USER_DOCUMENT = "yours"  # the source of an exercise the user wrote (exercises.toml): no document, no quote
SORE_BACK_KINDS = ("forward fold", "intense backbend")
PLACE_LABELS = {
    "desk": QT_TRANSLATE_NOOP("catalog", "at the desk"),
    "standing": QT_TRANSLATE_NOOP("catalog", "standing"),
    "floor": QT_TRANSLATE_NOOP("catalog", "on the floor"),
    "equipment": QT_TRANSLATE_NOOP("catalog", "needs equipment"),
}
EQUIPMENT = (
    "chair",
    "table",
    "step",
    "bench",
    "wall",
    "mat",
    "stability_ball",
    "ankle_weights",
    "pencil",
    "block",
    "pull_up_bar",
)

# TARGETS and EQUIPMENT as a sentence names them ("Works: hip flexors, glutes"),
# translated where shown; stats.TARGET_LABELS holds the capitalised headings.
WORDS = {
    "lower_back": QT_TRANSLATE_NOOP("catalog", "lower back"),
    "upper_back": QT_TRANSLATE_NOOP("catalog", "upper back"),
    "hip_flexors": QT_TRANSLATE_NOOP("catalog", "hip flexors"),
    "hamstrings": QT_TRANSLATE_NOOP("catalog", "hamstrings"),
    "glutes": QT_TRANSLATE_NOOP("catalog", "glutes"),
    "core": QT_TRANSLATE_NOOP("catalog", "core"),
    "shoulders": QT_TRANSLATE_NOOP("catalog", "shoulders"),
    "legs": QT_TRANSLATE_NOOP("catalog", "legs"),
    "feet": QT_TRANSLATE_NOOP("catalog", "feet"),
    "chair": QT_TRANSLATE_NOOP("catalog", "chair"),
    "table": QT_TRANSLATE_NOOP("catalog", "table"),
    "step": QT_TRANSLATE_NOOP("catalog", "step"),
    "bench": QT_TRANSLATE_NOOP("catalog", "bench"),
    "wall": QT_TRANSLATE_NOOP("catalog", "wall"),
    "mat": QT_TRANSLATE_NOOP("catalog", "mat"),
    "stability_ball": QT_TRANSLATE_NOOP("catalog", "stability ball"),
    "ankle_weights": QT_TRANSLATE_NOOP("catalog", "ankle weights"),
    "pencil": QT_TRANSLATE_NOOP("catalog", "pencil"),
    "block": QT_TRANSLATE_NOOP("catalog", "block"),
    "pull_up_bar": QT_TRANSLATE_NOOP("catalog", "pull-up bar"),
}


def words(identifier: str) -> str:
    """ "hip_flexors" -> "hip flexors" (or "Hüftbeuger"): a target or a piece of equipment in words."""
    return translate("catalog", WORDS.get(identifier, identifier.replace("_", " ")))


def place_words(place: str) -> str:
    """ "at the desk": where an exercise is done, in the user's language."""
    return translate("catalog", PLACE_LABELS.get(place, place))


class CatalogError(ValueError):
    """A catalog file is missing, unreadable or has an invalid entry."""


@dataclass(frozen=True)
class Range:
    """An inclusive range of whole numbers, as the documents give them ("20 to 30")."""

    low: int
    high: int

    def __str__(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"

    def as_list(self) -> list[int]:
        return [self.low, self.high]


@dataclass(frozen=True)
class Source:
    document: str
    quote: str
    title: str = ""
    """The document's title (from ``documents.toml``), what the app shows."""

    @property
    def citation(self) -> str:
        """ "Can a Treadmill Cause Back Pain? (000_a42a6e5b3fd2f0a1.txt)", or the file name alone."""
        return f"{self.title} ({self.document})" if self.title else self.document


@dataclass(frozen=True)
class Suggested:
    """Our own pacing for figures the document leaves open, always labelled as ours."""

    reps: int | None = None
    hold_s: int | None = None
    duration_s: int | None = None
    pace_s: int | None = None
    note: str = ""


@dataclass(frozen=True)
class SoreBackSwap:
    """A move to leave out while the lower back hurts, and the gentle one to do instead.

    Source: "Break up with forward folding and intense backbends for the time
    being, as they'll only aggravate your symptoms. Instead, try a supine
    hamstring stretch..." (000_a42a6e5b3fd2f0a1.txt).
    """

    kind: str  # "forward fold" or "intense backbend"
    instead: str  # an exercise id


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    targets: tuple[str, ...]
    place: str
    steps: tuple[str, ...]
    source: Source
    equipment: tuple[str, ...] = ()
    hold_s: Range | None = None
    reps: Range | None = None
    sets: Range | None = None
    per_side: bool = False
    alternate: bool = False
    rest_s: int | None = None
    cautions: tuple[str, ...] = ()
    suggested: Suggested = field(default_factory=Suggested)
    sore_back: SoreBackSwap | None = None
    """Set for forward folds and intense backbends, which a sore lower back should skip."""
    pose: str = ""  # the exercise whose figure this one is drawn with ("": its own, as every catalog exercise)

    @property
    def figure_id(self) -> str:
        """The id the figure's poses are kept under: a user's exercise borrows another's figure."""
        return self.pose or self.id

    @property
    def is_users_own(self) -> bool:
        """Written by the user (exercises.toml): no article, so no quote and no citation."""
        return self.source.document == USER_DOCUMENT

    def shown_name(self) -> str:
        """The name as shown: the catalog's translated, the user's own as written (even one the catalog has)."""
        return self.name if self.is_users_own else translate("catalog", self.name)

    def figures_text(self) -> str:
        """The document's figures in a short human form: "hold 20-30 s, each side"."""
        parts = []
        if self.hold_s:
            parts.append(translate("catalog", "hold {seconds} s").format(seconds=self.hold_s))
        if self.reps:
            parts.append(translate("catalog", "{reps} reps").format(reps=self.reps))
        if self.sets:
            parts.append(translate("catalog", "{sets} sets").format(sets=self.sets))
        if self.rest_s:
            parts.append(translate("catalog", "rest {seconds} s").format(seconds=self.rest_s))
        if self.per_side:
            parts.append(translate("catalog", "alternating sides") if self.alternate
                         else translate("catalog", "each side"))
        return ", ".join(parts) if parts else translate("catalog", "no figures given")

    def pacing_text(self) -> str:
        """Our own pacing where the document gives no number ("" when we add none)."""
        from deskbreak.core.describe import exact_duration

        s = self.suggested
        if not s.note:
            return ""
        parts = []
        if s.reps:
            parts.append(translate("catalog", "{reps} reps").format(reps=s.reps))
        if s.hold_s:
            parts.append(translate("catalog", "hold {seconds} s").format(seconds=s.hold_s))
        if s.pace_s:
            parts.append(translate("catalog", "{seconds} s per rep").format(seconds=s.pace_s))
        if s.duration_s:
            parts.append(exact_duration(s.duration_s))
        if parts and self.per_side:
            parts.append(translate("catalog", "each side"))
        return ", ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "targets": list(self.targets),
            "place": self.place,
            "equipment": list(self.equipment),
            "hold_s": self.hold_s.as_list() if self.hold_s else None,
            "reps": self.reps.as_list() if self.reps else None,
            "sets": self.sets.as_list() if self.sets else None,
            "per_side": self.per_side,
            "alternate": self.alternate,
            "rest_s": self.rest_s,
            "steps": list(self.steps),
            "cautions": list(self.cautions),
            "suggested": {k: v for k, v in vars(self.suggested).items() if v not in (None, "")},
            "source": USER_DOCUMENT if self.is_users_own else {
                "document": self.source.document, "title": self.source.title, "quote": self.source.quote},
            "sore_back": vars(self.sore_back) if self.sore_back else None,
            **({"pose": self.pose} if self.pose else {}),
        }


@dataclass(frozen=True)
class Routine:
    """An ordered list of exercises; sit-break routines also rotate a tail."""

    id: str
    name: str
    kind: str
    exercises: tuple[str, ...]
    rotation: tuple[tuple[str, ...], ...] = ()
    rest_between_s: int = 0
    description: str = ""

    def exercises_for(self, sequence: int) -> tuple[str, ...]:
        """The exercises of the ``sequence``-th break of this routine (0-based)."""
        if not self.rotation:
            return self.exercises
        return self.exercises + self.rotation[sequence % len(self.rotation)]

    def all_exercise_ids(self) -> tuple[str, ...]:
        seen = dict.fromkeys(self.exercises)
        for group in self.rotation:
            seen.update(dict.fromkeys(group))
        return tuple(seen)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "description": self.description,
            "exercises": list(self.exercises),
            "rotation": [list(group) for group in self.rotation],
            "rest_between_s": self.rest_between_s,
        }


@dataclass(frozen=True)
class SafetyNote:
    id: str
    text: str
    source: Source


@dataclass(frozen=True)
class Catalog:
    exercises: dict[str, Exercise]
    routines: dict[str, Routine]
    safety: tuple[SafetyNote, ...] = ()

    def exercise(self, exercise_id: str) -> Exercise:
        return self.exercises[exercise_id]

    def routine(self, routine_id: str) -> Routine:
        return self.routines[routine_id]

    def routines_of_kind(self, kind: str) -> list[Routine]:
        return [r for r in self.routines.values() if r.kind == kind]

    def for_sore_back(self, exercise_ids: Sequence[str]) -> list[str]:
        """The routine a sore lower back should do: forward folds and intense
        backbends swapped for the gentle move the catalog names, each once."""
        gentle: list[str] = []
        for exercise_id in exercise_ids:
            swap = self.exercises[exercise_id].sore_back
            if swap is None:
                gentle.append(exercise_id)
            elif swap.instead not in gentle and swap.instead not in exercise_ids:
                gentle.append(swap.instead)  # once: two folds become one hamstring stretch
        return gentle

    def to_json(self) -> dict[str, Any]:
        return {
            "exercises": [e.to_json() for e in self.exercises.values()],
            "routines": [r.to_json() for r in self.routines.values()],
            "safety": [
                {"id": n.id, "text": n.text, "source": vars(n.source)} for n in self.safety
            ],
        }


def default_catalog_dir() -> Path:
    """``assets/catalog`` of this installation."""
    from deskbreak.core.content.assets import asset_path

    return asset_path("catalog")


def load_catalog(directory: Path | None = None) -> Catalog:
    """Load and validate every ``*.toml`` file in ``directory``."""
    directory = directory or default_catalog_dir()
    files = sorted(Path(directory).glob("*.toml"))
    if not files:
        raise CatalogError(f"{directory}: no catalog files (*.toml) found")
    exercises: dict[str, Exercise] = {}
    routines: dict[str, tuple[Path, Routine]] = {}
    safety: list[SafetyNote] = []
    titles: dict[str, str] = {}
    for path in files:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise CatalogError(f"{path}: cannot read catalog file: {exc}") from exc
        unknown = set(data) - {"exercise", "routine", "safety", "document"}
        if unknown:
            raise CatalogError(
                f"{path}: unknown top-level table(s) {sorted(unknown)}; "
                "expected [[exercise]], [[routine]], [[safety]] or [[document]]"
            )
        for index, raw in enumerate(data.get("document", [])):
            file_name, title = _parse(path, "document", index, raw, _document)
            titles[file_name] = title
        for index, raw in enumerate(data.get("exercise", [])):
            exercise = _parse(path, "exercise", index, raw, _exercise)
            if exercise.id in exercises:
                raise CatalogError(f"{path}: exercise '{exercise.id}': duplicate id")
            exercises[exercise.id] = exercise
        for index, raw in enumerate(data.get("routine", [])):
            routine = _parse(path, "routine", index, raw, _routine)
            if routine.id in routines:
                raise CatalogError(f"{path}: routine '{routine.id}': duplicate id")
            routines[routine.id] = (path, routine)
        for index, raw in enumerate(data.get("safety", [])):
            safety.append(_parse(path, "safety", index, raw, _safety))
    for exercise in exercises.values():
        swap = exercise.sore_back
        if swap is not None and (swap.instead not in exercises or exercises[swap.instead].sore_back):
            raise CatalogError(f"exercise '{exercise.id}': field 'sore_back': 'instead' must name a gentle "
                               f"exercise, not {swap.instead!r}")
    for path, routine in routines.values():
        for exercise_id in routine.all_exercise_ids():
            if exercise_id not in exercises:
                raise CatalogError(f"{path}: routine '{routine.id}': field 'exercises': "
                                   f"unknown exercise '{exercise_id}'")
    return Catalog(
        exercises={eid: replace(e, source=_titled(e.source, titles)) for eid, e in exercises.items()},
        routines={rid: routine for rid, (_, routine) in routines.items()},
        safety=tuple(replace(note, source=_titled(note.source, titles)) for note in safety),
    )


def _titled(source: Source, titles: dict[str, str]) -> Source:
    return replace(source, title=titles.get(source.document, ""))


def _document(f: _Fields) -> tuple[str, str]:
    return _finished(f, (f.text("file"), f.text("title")))


class _FieldError(Exception):
    def __init__(self, field_name: str, problem: str) -> None:
        super().__init__(problem)
        self.field_name = field_name
        self.problem = problem


def _parse(path: Path, table: str, index: int, raw: Any, build):
    if not isinstance(raw, dict):
        raise CatalogError(f"{path}: {table} #{index + 1}: must be a table")
    entry = raw.get("id") if isinstance(raw.get("id"), str) else f"#{index + 1}"
    try:
        return build(_Fields(raw))
    except _FieldError as exc:
        raise CatalogError(f"{path}: {table} '{entry}': field '{exc.field_name}': {exc.problem}") from None


class _Fields:
    """Typed, checked access to one raw TOML table; records which keys were read."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self.read: set[str] = set()

    def _get(self, key: str, required: bool) -> Any:
        self.read.add(key)
        if key not in self.raw:
            if required:
                raise _FieldError(key, "is required")
            return None
        return self.raw[key]

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        value = self._get(key, required)
        if value is None:
            return default
        if not isinstance(value, str) or not value.strip():
            raise _FieldError(key, f"must be non-empty text, got {value!r}")
        return value.strip()

    def ident(self, key: str = "id") -> str:
        value = self.text(key)
        if not all(c.isalnum() or c == "-" for c in value) or value != value.lower():
            raise _FieldError(key, f"must be lower-case letters, digits and '-', got {value!r}")
        return value

    def texts(self, key: str, required: bool = True, choices: Iterable[str] = ()) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise _FieldError(key, f"must be a list of text, got {value!r}")
        if required and not value:
            raise _FieldError(key, "must not be empty")
        allowed = tuple(choices)
        for v in value:
            if allowed and v not in allowed:
                raise _FieldError(key, f"unknown value {v!r}; expected one of {', '.join(allowed)}")
        return tuple(v.strip() for v in value)

    def choice(self, key: str, choices: Iterable[str]) -> str:
        value = self.text(key)
        allowed = tuple(choices)
        if value not in allowed:
            raise _FieldError(key, f"unknown value {value!r}; expected one of {', '.join(allowed)}")
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise _FieldError(key, f"must be true or false, got {value!r}")
        return value

    def count(self, key: str, minimum: int = 1, required: bool = False) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise _FieldError(key, f"must be a whole number >= {minimum}, got {value!r}")
        return value

    def range(self, key: str) -> Range | None:
        value = self._get(key, False)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            value = [value, value]
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
            or not 0 < value[0] <= value[1]
        ):
            raise _FieldError(key, f"must be a number or [min, max] with 0 < min <= max, got {value!r}")
        return Range(value[0], value[1])

    def table(self, key: str, required: bool = True) -> "_Fields | None":
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise _FieldError(key, f"must be a table, got {value!r}")
        return _Fields(value)

    def nested(self, key: str, sub: "_Fields", build):
        try:
            return build(sub)
        except _FieldError as exc:
            raise _FieldError(f"{key}.{exc.field_name}", exc.problem) from None

    def finish(self) -> None:
        unknown = sorted(set(self.raw) - self.read)
        if unknown:
            raise _FieldError(unknown[0], "unknown field")


def _source(f: _Fields) -> Source:
    return _finished(f, Source(document=f.text("document"), quote=f.text("quote")))


def _suggested(f: _Fields) -> Suggested:
    return _finished(f, Suggested(
        reps=f.count("reps"),
        hold_s=f.count("hold_s"),
        duration_s=f.count("duration_s"),
        pace_s=f.count("pace_s"),
        note=f.text("note", required=False),
    ))


def _exercise(f: _Fields) -> Exercise:
    exercise_id = f.ident()
    source_fields = f.table("source")
    suggested_fields = f.table("suggested", required=False)
    exercise = Exercise(
        id=exercise_id,
        name=f.text("name"),
        targets=f.texts("targets", choices=TARGETS),
        place=f.choice("place", PLACES),
        equipment=f.texts("equipment", required=False, choices=EQUIPMENT),
        hold_s=f.range("hold_s"),
        reps=f.range("reps"),
        sets=f.range("sets"),
        per_side=f.flag("per_side"),
        alternate=f.flag("alternate"),
        rest_s=f.count("rest_s"),
        steps=f.texts("steps"),
        cautions=f.texts("cautions", required=False),
        source=f.nested("source", source_fields, _source),
        suggested=(
            f.nested("suggested", suggested_fields, _suggested)
            if suggested_fields
            else Suggested()
        ),
        sore_back=_sore_back(f),
    )
    if exercise.alternate and not exercise.per_side:
        raise _FieldError("alternate", "only makes sense with per_side = true")
    if exercise.place == "equipment" and not exercise.equipment:
        raise _FieldError("equipment", "is required when place = 'equipment'")
    f.finish()
    return exercise


def _sore_back(f: _Fields) -> SoreBackSwap | None:
    fields = f.table("sore_back", required=False)
    if fields is None:
        return None
    return f.nested("sore_back", fields, lambda g: _finished(
        g, SoreBackSwap(kind=g.choice("kind", SORE_BACK_KINDS), instead=g.text("instead"))))


def _finished(f: _Fields, value):
    f.finish()
    return value


def _routine(f: _Fields) -> Routine:
    routine_id = f.ident()
    rotation_raw = f._get("rotation", False) or []
    if not isinstance(rotation_raw, list) or not all(
        isinstance(group, list) and group and all(isinstance(x, str) for x in group)
        for group in rotation_raw
    ):
        raise _FieldError("rotation", "must be a list of non-empty lists of exercise ids")
    routine = Routine(
        id=routine_id,
        name=f.text("name"),
        kind=f.choice("kind", BREAK_KIND_NAMES),
        description=f.text("description", required=False),
        exercises=f.texts("exercises"),
        rotation=tuple(tuple(group) for group in rotation_raw),
        rest_between_s=f.count("rest_between_s", minimum=0) or 0,
    )
    f.finish()
    return routine


def _safety(f: _Fields) -> SafetyNote:
    note_id = f.ident()
    source_fields = f.table("source")
    note = SafetyNote(
        id=note_id,
        text=f.text("text"),
        source=f.nested("source", source_fields, _source),
    )
    f.finish()
    return note
