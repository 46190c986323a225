"""``deskbreak runs``: your runs of the next days, weekly and from the calendar.

From the running deskbreak when there is one (it knows "No run today"),
else read here from the settings and the calendar file.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timedelta
from pathlib import Path

from deskbreak.cli import control
from deskbreak.core.clock import SystemClock
from deskbreak.core.i18n import Context, translate
from deskbreak.core.profile import Profile

cli = Context("cli")  # for plurals: lupdate reads the context from this name


def runs_command(args: argparse.Namespace, profile: Profile) -> int:
    """`runs`: from the running deskbreak when there is one (it knows "No run today"), else read here."""
    from deskbreak.core.scheduling.calendar import CalendarError  # icalendar loads only for this verb

    reply = control.ask_running_app(profile, "runs", days=args.days) if control.instance_may_run(profile) else None
    if reply is not None and reply.get("ok"):
        runs = reply["runs"]
    else:
        try:
            runs = _runs_offline(profile, args.days)
        except CalendarError as exc:
            print(f"deskbreak: {exc}", file=sys.stderr)
            return 1
    if args.json:
        json.dump(runs, sys.stdout, indent=2)
        print()
        return 0
    if not runs:
        print(cli.tr("No runs in the next %n days.", None, args.days))
    for run in runs:
        start = datetime.fromisoformat(run["start"])
        flags = translate("cli", " (skipped: no run today)") if run["skipped"] else ""
        print(f"{_run_start_text(start)}  {run['source']:<8}  {run['summary']}{flags}")
    return 0


def _run_start_text(start: datetime) -> str:
    """ "Tue 03 Dec 18:00": the weekday in words, the rest as the translation orders it (strftime codes)."""
    from deskbreak.core.describe import weekday_name

    pattern = translate("cli", "{weekday} %d %b %H:%M", "a run's start: strftime codes after the weekday")
    # The weekday's words go in after strftime: a "%" in them must not read as a code.
    return start.strftime(pattern.replace("{weekday}", "\ue000")).replace("\ue000", weekday_name(start.date()))


def _runs_offline(profile: Profile, days: int) -> list[dict]:
    from deskbreak.core.scheduling.calendar import DEFAULT_RUN_KEYWORDS, read_calendar
    from deskbreak.core.scheduling.runs import Run, RunPlan, calendar_runs, runs_report
    from deskbreak.core.settings import load_settings

    now = SystemClock().now()
    settings = load_settings(profile.settings_path, now, move_broken=False).settings
    from_calendar: tuple[Run, ...] = ()
    if settings.calendar_file:
        # Bounded whatever the file is (core/scheduling/calendar/): a FIFO, a device or a
        # hostile file is one clear line, never a hang or the memory.
        end = now + timedelta(days=days)
        read = read_calendar(Path(settings.calendar_file).expanduser(), start=now, end=end, local_tz=now.tzinfo,
                             run_keywords=DEFAULT_RUN_KEYWORDS + settings.run_keywords,
                             all_day_run_time=settings.all_day_run_time)
        for line in read.problems:
            print(f"deskbreak: {line}", file=sys.stderr)
        from_calendar = calendar_runs(read, now, end)
    return runs_report(RunPlan(settings.runs, from_calendar), now, days, settings.prerun_lead)
