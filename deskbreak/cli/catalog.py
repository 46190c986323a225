"""``deskbreak catalog`` and ``deskbreak routine list|show``: the exercises and what a routine plays.

``catalog`` shows every exercise (the user's own from exercises.toml too)
and routine with its source (or renders their pictures); ``routine`` shows
this profile's routines (routines.toml) with its settings' pacing, second by
second.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import TYPE_CHECKING

from deskbreak.cli.parser import EXIT_USAGE
from deskbreak.core.clock import SystemClock
from deskbreak.core.i18n import translate
from deskbreak.core.profile import Profile

# The catalog is imported by the commands that use it: `deskbreak` itself (the tray app) starts without it.
if TYPE_CHECKING:
    from deskbreak.core.content.catalog import Catalog


def profile_catalog(profile: Profile) -> Catalog:
    """The catalog with this profile's exercises and routines, as the app plays them; problems on stderr."""
    from deskbreak.core.content.catalog import load_catalog
    from deskbreak.core.content.user_exercises import load_profile_catalog

    loaded = load_profile_catalog(profile.exercises_path, profile.routines_path, load_catalog())
    for line in loaded.problems:
        print(f"deskbreak: {line}", file=sys.stderr)
    return loaded.catalog


def routine_command(args: argparse.Namespace, profile: Profile) -> int:
    """`routine list|show`: this profile's routines (routines.toml) with its settings' pacing."""
    from deskbreak.core.describe import exact_duration
    from deskbreak.core.settings import load_settings
    from deskbreak.core.content.timeline import routine_seconds, routine_timeline

    catalog = profile_catalog(profile)
    settings = load_settings(profile.settings_path, SystemClock().now(), move_broken=False).settings
    if args.routine_verb == "list":
        # A rotating sit-break differs from break to break: give the range.
        rows = []
        for r in catalog.routines.values():
            lengths = [round(routine_seconds(catalog, r, settings, n)) for n in range(max(1, len(r.rotation)))]
            rows.append({"id": r.id, "name": r.name, "kind": r.kind, "total_s": lengths[0],
                         "shortest_s": min(lengths), "longest_s": max(lengths)})
        if args.json:
            json.dump(rows, sys.stdout, indent=2)
            print()
        else:
            width = max(len(row["id"]) for row in rows)
            for row in rows:
                length = exact_duration(row["total_s"]) if row["shortest_s"] == row["longest_s"] else (
                    translate("cli", "{shortest} to {longest}").format(
                        shortest=exact_duration(row["shortest_s"]), longest=exact_duration(row["longest_s"])))
                print(f"{row['id']:<{width}}  {length:>24}  {translate('catalog', row['name'])}")
        return 0
    routine = catalog.routines.get(args.routine_id)
    if routine is None:
        print(translate("cli", "deskbreak: no routine '{routine}'; `deskbreak routine list` shows them").format(
            routine=args.routine_id), file=sys.stderr)
        return EXIT_USAGE
    if args.break_number < 1:
        print(translate("cli", "deskbreak: --break counts from 1"), file=sys.stderr)
        return EXIT_USAGE
    from deskbreak.cli.history import todays_holds

    timeline = routine_timeline(catalog, routine, settings, args.break_number - 1,
                                todays_holds(profile, catalog, settings))
    if args.json:
        json.dump(timeline, sys.stdout, indent=2)
        print()
        return 0
    modes = [translate("cli", "hold length {length}").format(length=settings.hold_length)]
    modes += [translate("cli", "sore-back mode")] if settings.sore_back else []
    which = translate("cli", ", break {number} of the rotation").format(
        number=args.break_number) if routine.rotation else ""
    print(f"{translate('catalog', routine.name)} [{routine.id}]{which}: {exact_duration(timeline['total_s'])} "
          f"({', '.join(modes)})")
    at = 0.0
    for segment in timeline["segments"]:
        detail = ", ".join(part for part in (
            segment["side"] and _side_words(segment["side"]),
            segment["rep"] and translate("cli", "rep {rep}").format(rep=segment["rep"])) if part)
        name = catalog.exercise(segment["exercise"]).shown_name()
        print(f"  {int(at) // 60:>3}:{int(at) % 60:02d}  {segment['kind']:<8} "
              f"{exact_duration(segment['seconds']):>9}  {name}{f' ({detail})' if detail else ''}")
        at += segment["seconds"]
    return 0


def _side_words(side: str) -> str:
    """ "right side" (the guide's words for it); a side this version does not know, as the timeline has it."""
    if side == "right":
        return translate("guide", "right side")
    if side == "left":
        return translate("guide", "left side")
    return f"{side} side"


# -- catalog -------------------------------------------------------------------


def catalog_command(args: argparse.Namespace, profile: Profile) -> int:
    catalog = profile_catalog(profile)
    if args.frames is not None and args.render is None:
        print(translate("cli", "deskbreak: --frames goes with --render DIR"), file=sys.stderr)
        return EXIT_USAGE
    if args.poses_json:
        from deskbreak.core.content.pose_motion import poses_json
        from deskbreak.core.content.poses import PoseError, load_poses

        try:
            poses = load_poses(catalog=catalog)
        except PoseError as exc:
            print(f"deskbreak: {exc}", file=sys.stderr)
            return 1
        json.dump(poses_json(catalog, poses), sys.stdout, indent=1)
        print()
        return 0
    if args.render is not None:
        from deskbreak.ui.render import render_catalog, render_frames  # Qt only when rendering

        try:
            written = (render_catalog(catalog, args.render) if args.frames is None
                       else render_frames(catalog, args.render, args.frames))
            for path in written:
                print(path)
        except OSError as exc:
            print(translate("cli", "deskbreak: cannot write pictures to {folder}: {problem}").format(
                folder=args.render, problem=exc.strerror or exc), file=sys.stderr)
            return 1
        return 0
    if args.json:
        json.dump(catalog.to_json(), sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print(format_catalog(catalog))
    return 0


def _in_words(identifier: str) -> str:
    """ "hip flexors": a target or piece of equipment, in the user's language when it has words for it."""
    from deskbreak.core.content.catalog import WORDS, words

    english = identifier.replace("_", " ")
    shown = words(identifier)
    return english if shown == WORDS.get(identifier, english) else shown


def format_catalog(catalog: Catalog) -> str:
    from deskbreak.core.content.catalog import place_words

    wrap = textwrap.TextWrapper(width=100, initial_indent="    ", subsequent_indent="      ")
    lines = [translate("cli", "EXERCISES ({count})").format(count=len(catalog.exercises)), ""]
    for ex in catalog.exercises.values():
        where = place_words(ex.place)
        if ex.equipment:
            where += " (" + ", ".join(_in_words(e) for e in ex.equipment) + ")"
        lines.append(f"{ex.shown_name()}  [{ex.id}]")
        lines.append("    " + translate("cli", "works: {targets}; {where}").format(
            targets=", ".join(_in_words(t) for t in ex.targets), where=where))
        lines.append("    " + translate("cli", "figures: {figures}").format(figures=ex.figures_text()))
        if ex.suggested.note:
            lines += wrap.wrap(translate("cli", "our pacing: {pacing} ({note})").format(
                pacing=ex.pacing_text(), note=translate("catalog", ex.suggested.note)))
        if ex.is_users_own:
            lines.append("    " + translate("cli", "source: Your exercise (drawn as {figure})").format(
                figure=catalog.exercise(ex.pose).shown_name()))
        else:
            # The quote stays in the document's own words.
            lines += wrap.wrap(translate("cli", "source: {citation}: \"{quote}\"").format(
                citation=ex.source.citation, quote=ex.source.quote))
        lines.append("")
    lines += [translate("cli", "ROUTINES ({count})").format(count=len(catalog.routines)), ""]
    for routine in catalog.routines.values():
        lines.append(f"{translate('catalog', routine.name)}  [{routine.id}, {routine.kind}]")
        lines.append("    " + " -> ".join(routine.exercises))
        for i, group in enumerate(routine.rotation):
            lines.append("    " + translate("cli", "then, break {number} of {count}: {group}").format(
                number=i + 1, count=len(routine.rotation), group=", ".join(group)))
        lines.append("")
    lines += [translate("cli", "SAFETY"), ""]
    for note in catalog.safety:
        lines += wrap.wrap(f"{translate('catalog', note.text)} ({note.source.citation})")
    return "\n".join(lines)
