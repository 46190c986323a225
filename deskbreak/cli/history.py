"""``deskbreak history`` and ``deskbreak stats``: the breaks you took, and in figures.

``history`` lists, exports (JSON, CSV) or imports another deskbreak's CSV
export; ``stats`` gives the history window's figures for this week, this
month or since a date: the table, the streak, minutes per muscle group and
the groups not stretched lately.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from deskbreak.cli.catalog import profile_catalog
from deskbreak.cli.parser import EXIT_USAGE
from deskbreak.core.clock import SystemClock
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, Context, translate
from deskbreak.core.kinds import NATURAL_BREAK_KIND
from deskbreak.core.profile import Profile
from deskbreak.core.settings import SettingsError

# The history and the statistics are imported by the commands that use them.
if TYPE_CHECKING:
    from deskbreak.core.content.catalog import Catalog
    from deskbreak.core.history import BreakRecord
    from deskbreak.core.settings import Settings
    from deskbreak.core.history.stats import StatsReport

cli = Context("cli")  # for plurals: lupdate reads the context from this name


def _read_history(profile: Profile, since: date | None = None) -> list[BreakRecord]:
    """The profile's breaks from midnight local time of ``since`` on, read only; none without a file."""
    from deskbreak.core.history import HistoryStore

    moment = None
    if since is not None:
        # Midnight in today's local offset: what "since Monday" means to the user at the desk.
        moment = datetime.combine(since, time.min, SystemClock().now().tzinfo)
    if not profile.history_path.exists():
        return []
    with HistoryStore.open_readonly(profile.history_path) as store:
        return store.breaks(moment)


def todays_holds(profile: Profile, catalog: Catalog, settings: Settings) -> dict[str, int]:
    """The holds the profile's history has grown, as its settings allow (what the next break plays)."""
    from deskbreak.core.history import HistoryError
    from deskbreak.core.history.progression import holds_for

    try:
        records = _read_history(profile)
    except HistoryError as exc:  # the routine still shows, with the documents' holds
        print(translate("cli", "deskbreak: {problem}; showing the articles' holds").format(problem=exc), file=sys.stderr)
        records = []
    return holds_for(catalog, records, settings)


def history_command(args: argparse.Namespace, profile: Profile) -> int:
    from deskbreak.core.history.csv_io import export_rows, write_csv

    if args.import_file is not None:
        return _import_history(args.import_file, args.skip_bad_rows, profile)
    records = _read_history(profile, args.since)
    if args.json:
        json.dump(export_rows(records), sys.stdout, indent=2)
        print()
    elif args.csv:
        write_csv(records, sys.stdout)
    else:
        if not records:
            print(translate("cli", "No breaks recorded yet."))
        for record in records:
            when = record.moment.strftime("%Y-%m-%d %H:%M") if record.moment else ""
            outcome = record.outcome or translate("cli", "in progress")
            if record.kind == NATURAL_BREAK_KIND:
                # No routine: what it has is its length, in the note.
                print(f"{when}  {record.kind:<8} {outcome:<10} {record.note}")
                continue
            print(translate("cli", "{when}  {kind:<8} {outcome:<10} {done} of {planned} exercises, "
                                   "{seconds:.0f} s  {routine}").format(
                when=when, kind=record.kind, outcome=outcome,
                done=record.exercises_done, planned=record.exercises_planned,
                seconds=sum(e.seconds for e in record.exercises), routine=record.routine_id or ""))
    return 0


def _import_history(path: Path, skip_bad_rows: bool, profile: Profile) -> int:
    """`history --import FILE`: merge another deskbreak's export, all or nothing unless told otherwise."""
    from deskbreak.core.history import HistoryStore
    from deskbreak.core.history.csv_io import HistoryImportError, import_csv

    try:
        with HistoryStore(profile.history_path) as store:
            result = import_csv(store, path, skip_bad_rows=skip_bad_rows)
    except KeyboardInterrupt:
        # The import commits a lot at a time (so a running deskbreak can write
        # meanwhile); the lots written stay, and duplicates are never added.
        print(translate("cli", "deskbreak: the import was interrupted; the breaks it wrote are kept, "
                               "and importing {path} again adds the rest").format(path=path), file=sys.stderr)
        return 130
    except HistoryImportError as exc:
        print(f"deskbreak: {exc}", file=sys.stderr)
        if exc.problems != [str(exc)]:  # bad rows, not a file that cannot be read at all
            print(translate("cli", "deskbreak: nothing was imported; --skip-bad-rows imports the good rows "
                                   "and lists the bad ones"), file=sys.stderr)
        return 1
    for problem in result.bad_rows:
        print(translate("cli", "deskbreak: skipped: {problem}").format(problem=problem), file=sys.stderr)
    print(translate("cli", "Imported {added} breaks from {path}; {duplicates} were already in the history, "
                           "{bad} bad rows skipped.").format(
        added=result.added, path=path, duplicates=result.skipped_duplicates, bad=len(result.bad_rows)))
    return 0


# -- stats ---------------------------------------------------------------------

# The table's counted columns: (heading, DayStats / WeekStats attribute). Every end a break can
# come to has its column (stats.ENDED_OUTCOMES), as every one has its part of the window's bars.
STATS_COLUMNS = (
    (QT_TRANSLATE_NOOP("cli", "Prompted"), "prompted"),
    (QT_TRANSLATE_NOOP("cli", "Completed"), "completed"),
    (QT_TRANSLATE_NOOP("cli", "Partial"), "partial"),
    (QT_TRANSLATE_NOOP("cli", "Skipped"), "skipped"),
    (QT_TRANSLATE_NOOP("cli", "Hurt"), "hurt"),
    (QT_TRANSLATE_NOOP("cli", "Missed"), "missed"),
    (QT_TRANSLATE_NOOP("cli", "Postponed"), "postponed"),
    (QT_TRANSLATE_NOOP("cli", "Away"), "natural"),
)
# Longer periods are shown a week to a line: a year of days is no table to read.
MAX_DAY_ROWS = 31
# The exercises done most often, on one line; --json has them all.
EXERCISES_SHOWN = 8


def stats_command(args: argparse.Namespace, profile: Profile) -> int:
    """`stats`: the history window's figures for this week, this month or since a date."""
    from deskbreak.core.history.stats import stats_for
    from deskbreak.core.settings.store import SettingsStore

    now = SystemClock().now()
    today = now.date()
    if args.since is not None:
        first = args.since
    elif args.period == "month":
        first = today.replace(day=1)
    else:
        first = today - timedelta(days=today.weekday())
    try:
        # --set daily_goal=60 answers "what if" for this run, as everywhere else.
        store, problems = SettingsStore.load(profile.settings_path, now, profile.overrides, move_broken=False)
    except SettingsError as exc:
        print(f"deskbreak: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for line in problems:
        print(f"deskbreak: {line}", file=sys.stderr)
    settings = store.settings
    # The user's routines decide which muscle groups a break can work, as in the window.
    catalog = profile_catalog(profile)
    # All of it: the streak and the neglected muscle groups reach back before the period.
    report = stats_for(_read_history(profile), catalog, settings, first=first, last=today)
    if args.json:
        json.dump(report.to_json(), sys.stdout, indent=2)
        print()
    else:
        print("\n".join(format_stats(report, catalog)))
    return 0


def _shown_name(catalog: Catalog, figures) -> str:
    """An exercise's name as the windows show it; one since gone from the catalog, as recorded."""
    exercise = catalog.exercises.get(figures.id)
    return exercise.shown_name() if exercise is not None else figures.name


def format_stats(report: StatsReport, catalog: Catalog) -> list[str]:
    """The human form of ``deskbreak stats``: the table, the streak, minutes per muscle group, neglect,
    and the rules behind them in the window's words."""
    from deskbreak.core.describe import weekday_name
    from deskbreak.core.history.stats import GOAL_RULE, MINUTES_RULE, NEGLECT_RULE, taken_text

    by_day = len(report.days) <= MAX_DAY_ROWS
    goal = report.streak.goal
    if by_day:
        labels, goal_heading = (translate("cli", "Date"), translate("cli", "Day")), translate("cli", "Goal")
        rows = [(day.date.isoformat(), weekday_name(day.date), day,
                 _goal_word(day.goal_met(goal))) for day in report.days]
    else:
        labels, goal_heading = (translate("cli", "Week of"), translate("cli", "Week")), ""
        # A week cut by the period starts on its first day in it.
        rows = [(week.days[0].date.isoformat(), str(week.start.isocalendar().week), week, "")
                for week in report.weeks]
    rows.append((translate("cli", "Total"), "", report.total, ""))
    headings = [*labels, *(translate("cli", name) for name, _ in STATS_COLUMNS), translate("cli", "Minutes"),
                translate("cli", "Sit-breaks taken"), goal_heading]
    table = [[label, sublabel, *(str(getattr(period, attribute)) for _, attribute in STATS_COLUMNS),
              f"{period.minutes:.1f}",
              # As in the window: a day without a prompted sit-break is neutral, not "0 of 0" or "2 of 2".
              taken_text(period.sit_taken, period.sit_chances) if period.sit_prompted else "", goal_text]
             for label, sublabel, period, goal_text in rows]
    widths = [max(len(cells[n]) for cells in [headings, *table]) for n in range(len(headings))]

    def line(cells: Sequence[str]) -> str:
        # Labels to the left, figures to the right, as a table of numbers reads.
        return "  ".join(cell.ljust(width) if n < 2 else cell.rjust(width)
                         for n, (cell, width) in enumerate(zip(cells, widths))).rstrip()

    title = translate("cli", "Breaks from {first} to {last}").format(first=report.first.isoformat(),
                                                                      last=report.last.isoformat())
    lines = [title, "", line(headings), *(line(cells) for cells in table), ""]
    streak = report.streak
    lines.append(translate("cli", "Streak: {current} (best {best}), goal {goal} % of sit-breaks taken").format(
        current=_days(streak.current), best=streak.best, goal=goal))
    worked = sorted(((minutes, target) for target, minutes in report.minutes_by_target.items() if minutes > 0),
                    key=lambda item: -item[0])
    lines.append(translate("cli", "Minutes per muscle group: {groups}").format(
        groups=", ".join(_group_figure(target, f"{minutes:.1f}") for minutes, target in worked)
        if worked else translate("cli", "none yet")))
    if report.neglected:
        lines.append(translate("cli", "Not stretched lately: {groups}").format(groups=", ".join(
            _group_figure(n.target, translate("cli", "never") if n.days is None else _days(n.days))
            for n in report.neglected)))
    done = [figures for figures in report.exercises if figures.done]
    if done:
        lines.append(translate("cli", "Exercises done: {exercises}").format(exercises=", ".join(
            translate("cli", "{exercise} {count}\u00d7").format(exercise=_shown_name(catalog, figures), count=figures.done)
            for figures in done[:EXERCISES_SHOWN])))
    rules = (translate("stats", GOAL_RULE).format(goal=goal), translate("stats", MINUTES_RULE),
             translate("stats", NEGLECT_RULE))
    wrap = textwrap.TextWrapper(width=79)
    lines.append("")
    lines += [line for rule in rules for line in wrap.wrap(rule)]
    return lines


def _group_figure(target: str, figure: str) -> str:
    """ "Hamstrings 3 days": a muscle group in words, then its figure (the order is the translator's)."""
    from deskbreak.core.history.stats import target_label

    return translate("cli", "{group} {figure}").format(group=target_label(target), figure=figure)


def _goal_word(met: bool | None) -> str:
    if met is None:
        return ""
    return translate("cli", "met") if met else translate("cli", "not met")


def _days(count: int) -> str:
    return cli.tr("%n days", None, count, one="1 day")
