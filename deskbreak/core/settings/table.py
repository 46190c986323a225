"""The table of settings: every setting declared once, with its kind, default, label and help.

:data:`SETTINGS` alone drives parsing, validation messages, the TOML file and
the generated settings dialog (grouped by :data:`SECTIONS`). A :class:`Setting`
row parses and writes its own values through its kind
(:mod:`deskbreak.core.settings.value_types`); mistyped keys are named with
the setting they most likely mean.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate
from deskbreak.core.settings.value_types import KIND_CODECS, SettingsError, ValueType, show_raw


@dataclass(frozen=True)
class Section:
    key: str
    label: str

    @property
    def label_text(self) -> str:
        """The label in the user's language (``label`` stays the English source)."""
        return translate("settings", self.label)


SECTIONS: tuple[Section, ...] = (
    Section("breaks", QT_TRANSLATE_NOOP("settings", "Breaks")),
    Section("hours", QT_TRANSLATE_NOOP("settings", "Working hours")),
    Section("interruptions", QT_TRANSLATE_NOOP("settings", "Interruptions")),
    Section("runs", QT_TRANSLATE_NOOP("settings", "Runs")),
    Section("routines", QT_TRANSLATE_NOOP("settings", "Routines")),
    Section("sound", QT_TRANSLATE_NOOP("settings", "Sound")),
    Section("general", QT_TRANSLATE_NOOP("settings", "General")),
)


@dataclass(frozen=True)
class Setting:
    """One row of the settings table.

    ``default``, ``minimum`` and ``maximum`` are written as in the file
    ("30m", "18:00", 60); the ``*_value`` properties give them typed.
    """

    key: str
    kind: ValueType
    default: Any
    label: str
    help: str
    section: str
    minimum: Any = None
    maximum: Any = None
    choices: tuple[str, ...] = ()
    choice_labels: tuple[str, ...] = ()  # the dialog's words for ``choices``, in the same order
    unit: str = ""  # shown after a number in the dialog, e.g. "%"
    enabled_by: str = ""  # a bool setting without which this one has no effect (the dialog greys it)
    placeholder: str = ""  # what an empty text field shows, as an example

    # The table holds the English sources (marked for the catalog); these are what the user reads.
    @property
    def label_text(self) -> str:
        return translate("settings", self.label)

    @property
    def help_text(self) -> str:
        return translate("settings", self.help)

    @property
    def choice_label_texts(self) -> tuple[str, ...]:
        return tuple(translate("settings", label) for label in self.choice_labels)

    @property
    def unit_text(self) -> str:
        return translate("settings", self.unit) if self.unit else ""

    @property
    def placeholder_text(self) -> str:
        return translate("settings", self.placeholder) if self.placeholder else ""

    def parse(self, raw: Any) -> Any:
        """The typed value of ``raw`` (file form or already typed), within bounds.

        Raises :class:`SettingsError` naming this key and the problem.
        """
        try:
            value = KIND_CODECS[self.kind].read(self, raw)
            self._check_bounds(value)
        except ValueError as error:
            raise SettingsError(_key_problem(self.key, error), key=self.key, problem=str(error)) from None
        return value

    def write(self, value: Any) -> Any:
        """The file form of a typed value."""
        return KIND_CODECS[self.kind].write(value)

    def accepts(self, raw: Any) -> bool:
        try:
            self.parse(raw)
        except SettingsError:
            return False
        return True

    @property
    def default_value(self) -> Any:
        return self.parse(self.default)

    @property
    def minimum_value(self) -> Any:
        return None if self.minimum is None else KIND_CODECS[self.kind].read(self, self.minimum)

    @property
    def maximum_value(self) -> Any:
        return None if self.maximum is None else KIND_CODECS[self.kind].read(self, self.maximum)

    def describe(self, raw: Any) -> str:
        """A file-form value for a message: "30m", "mon, tue", "tue 18:00", "true"."""
        if isinstance(raw, dict):
            return ", ".join(f"{day} {moment}" for day, moment in raw.items()) or translate("settings_problems", "none")
        if isinstance(raw, (list, tuple)):
            return ", ".join(str(item) for item in raw) or translate("settings_problems", "none")
        if isinstance(raw, str):
            return raw
        return show_raw(raw)

    def _check_bounds(self, value: Any) -> None:
        bound_text = self.describe
        if self.minimum is not None and value < self.minimum_value:
            raise ValueError(translate("settings_problems", "must be at least {minimum}, not {value}").format(
                minimum=bound_text(self.minimum), value=bound_text(self.write(value))))
        if self.maximum is not None and value > self.maximum_value:
            raise ValueError(translate("settings_problems", "must be at most {maximum}, not {value}").format(
                maximum=bound_text(self.maximum), value=bound_text(self.write(value))))


def _key_problem(key: str, problem: object) -> str:
    return translate("settings_problems", "key '{key}': {problem}").format(key=key, problem=problem)


SETTINGS: tuple[Setting, ...] = (
    # breaks
    Setting("sit_interval", ValueType.DURATION, "30m", QT_TRANSLATE_NOOP("settings", "Sit-break every"),
            QT_TRANSLATE_NOOP("settings", "Time between sit-breaks, counted from the end of the last break."), "breaks",
            minimum="10s", maximum="8h"),
    Setting("prelude", ValueType.DURATION, "1m", QT_TRANSLATE_NOOP("settings", "Warning before a break"),
            QT_TRANSLATE_NOOP("settings", "A notification this long before a break, so you can finish a sentence."), "breaks",
            minimum="0s", maximum="15m"),
    Setting("postpone", ValueType.DURATION, "5m", QT_TRANSLATE_NOOP("settings", "Postpone by"),
            QT_TRANSLATE_NOOP("settings", "How long \"Postpone\" puts a break off."), "breaks", minimum="10s", maximum="2h"),
    Setting("natural_break", ValueType.DURATION, "5m", QT_TRANSLATE_NOOP("settings", "Natural break after"),
            QT_TRANSLATE_NOOP("settings", "Away from the computer this long counts as a break, and the countdown restarts."),
            "breaks", minimum="10s", maximum="2h"),
    Setting("away_policy", ValueType.CHOICE, "break", QT_TRANSLATE_NOOP("settings", "When the screen locks or the computer sleeps"),
            QT_TRANSLATE_NOOP("settings", "In the file: break, pause or ignore."), "breaks", choices=("break", "pause", "ignore"),
            choice_labels=(QT_TRANSLATE_NOOP("settings", "Count the time away as a break"), QT_TRANSLATE_NOOP("settings", "Pause the countdown until I am back"),
                           QT_TRANSLATE_NOOP("settings", "Ignore it: the countdown runs on"))),
    Setting("break_screen", ValueType.SCREEN, "mouse", QT_TRANSLATE_NOOP("settings", "Show breaks on"),
            QT_TRANSLATE_NOOP("settings", "The other screens are dimmed while a break is on. A chosen screen that is not "
            "connected gives way to the one with the mouse pointer. In the file: mouse, primary or a screen's name."),
            "breaks", choices=("mouse", "primary"),
            choice_labels=(QT_TRANSLATE_NOOP("settings", "The screen with the mouse pointer"),
                           QT_TRANSLATE_NOOP("settings", "The primary screen"))),
    # interruptions
    Setting("dnd_max_delay", ValueType.DURATION, "1h", QT_TRANSLATE_NOOP("settings", "Hold breaks for presentations up to"),
            QT_TRANSLATE_NOOP("settings", "While a window is fullscreen, do-not-disturb is on, you are in a call or a call app "
            "is open, a due break waits and starts when that ends; past this, you get a notification instead."),
            "interruptions", minimum="0s", maximum="8h"),
    Setting("hold_for_calls", ValueType.BOOL, True, QT_TRANSLATE_NOOP("settings", "Hold breaks during calls and screen shares"),
            QT_TRANSLATE_NOOP("settings", "While your microphone or camera is recording or your screen is shared, in any app, "
            "a due break waits and starts shortly after that stops."), "interruptions"),
    Setting("dnd_apps", ValueType.WORDS, ["zoom", "teams", "webex", "jitsi"],
            QT_TRANSLATE_NOOP("settings", "Hold breaks while these apps have a window"),
            QT_TRANSLATE_NOOP("settings", "Window classes of video-call apps, separated by commas."), "interruptions",
            placeholder="zoom, teams"),
    Setting("skip_budget", ValueType.INT, 3, QT_TRANSLATE_NOOP("settings", "Skips a day"),
            QT_TRANSLATE_NOOP("settings", "After this many skips in a day, Skip becomes \"Postpone 5 min\" and the tray shows "
            "breaks are overdue. 0 means no limit."), "interruptions", minimum=0, maximum=20),
    Setting("strict", ValueType.BOOL, False, QT_TRANSLATE_NOOP("settings", "Strict mode"),
            QT_TRANSLATE_NOOP("settings", "No skipping, and one postpone per break."), "interruptions"),
    # working hours
    Setting("working_hours", ValueType.BOOL, False, QT_TRANSLATE_NOOP("settings", "Only during working hours"),
            QT_TRANSLATE_NOOP("settings", "Prompt sit-breaks only on work days between the start and end times."), "hours"),
    Setting("work_days", ValueType.WEEKDAYS, ["mon", "tue", "wed", "thu", "fri"], QT_TRANSLATE_NOOP("settings", "Work days"),
            QT_TRANSLATE_NOOP("settings", "Days you work at the desk."), "hours", enabled_by="working_hours"),
    Setting("work_start", ValueType.TIME_OF_DAY, "09:00", QT_TRANSLATE_NOOP("settings", "Work starts"),
            QT_TRANSLATE_NOOP("settings", "Start of the working day."), "hours", enabled_by="working_hours"),
    Setting("work_end", ValueType.TIME_OF_DAY, "17:00", QT_TRANSLATE_NOOP("settings", "Work ends"),
            QT_TRANSLATE_NOOP("settings", "End of the working day; must come after the start."), "hours",
            enabled_by="working_hours"),
    # runs
    Setting("runs", ValueType.WEEKLY_TIMES, {"tue": "18:00", "thu": "18:00", "sat": "18:00"},
            QT_TRANSLATE_NOOP("settings", "Run days and times"), QT_TRANSLATE_NOOP("settings", "The days you run and when you set off; a pre-run routine is offered before each."),
            "runs"),
    Setting("prerun_lead", ValueType.DURATION, "15m", QT_TRANSLATE_NOOP("settings", "Pre-run routine before the run"),
            QT_TRANSLATE_NOOP("settings", "How long before a run to offer the glute-activation routine."), "runs",
            minimum="0s", maximum="3h"),
    Setting("calendar_file", ValueType.PATH, "", QT_TRANSLATE_NOOP("settings", "Calendar file"),
            QT_TRANSLATE_NOOP("settings", "An .ics file from your training plan or calendar: its runs get a pre-run routine and "
            "its meetings hold breaks. Read offline and re-read when it changes."), "runs"),
    Setting("run_keywords", ValueType.WORDS, [], QT_TRANSLATE_NOOP("settings", "More words that mark a run"),
            QT_TRANSLATE_NOOP("settings", "Events whose title or category has one of these words are runs, besides run, jog, tempo, "
            "intervals, long run, fartlek, parkrun and their German, French, Spanish and Italian words."),
            "runs", placeholder=QT_TRANSLATE_NOOP("settings", "trail, track session")),
    Setting("all_day_run_time", ValueType.OPTIONAL_TIME, "", QT_TRANSLATE_NOOP("settings", "All-day runs start at"),
            QT_TRANSLATE_NOOP("settings", "An all-day calendar event counts as a run only with a start time: switch this on and set it."),
            "runs"),
    Setting("run_length", ValueType.DURATION, "1h", QT_TRANSLATE_NOOP("settings", "A run lasts about"),
            QT_TRANSLATE_NOOP("settings", "For runs without an end time: when to offer the cool-down."), "runs",
            minimum="10m", maximum="6h"),
    Setting("cooldown", ValueType.BOOL, True, QT_TRANSLATE_NOOP("settings", "Offer a cool-down after a run"),
            QT_TRANSLATE_NOOP("settings", "When a run is over, offer the back-care routine; a sit-break due then is dropped either way "
            "(you just moved)."), "runs"),
    # routines
    Setting("hold_length", ValueType.CHOICE, "short", QT_TRANSLATE_NOOP("settings", "Hold length"),
            QT_TRANSLATE_NOOP("settings", "Where a document gives a hold range (such as 20-30 s), which end the guide uses."),
            "routines", choices=("short", "middle", "long"),
            choice_labels=(QT_TRANSLATE_NOOP("settings", "Short"), QT_TRANSLATE_NOOP("settings", "Middle"),
                           QT_TRANSLATE_NOOP("settings", "Long"))),
    Setting("lead_in", ValueType.DURATION, "3s", QT_TRANSLATE_NOOP("settings", "Lead-in"),
            QT_TRANSLATE_NOOP("settings", "Get-into-position countdown before each hold."), "routines",
            minimum="0s", maximum="10s"),
    Setting("sore_back", ValueType.BOOL, False, QT_TRANSLATE_NOOP("settings", "My lower back hurts right now"),
            QT_TRANSLATE_NOOP("settings", "Leave out forward folds and intense backbends and do the gentle moves the articles "
            "name instead (supine hamstring stretch, knee-to-chest); the safety notes come first."),
            "routines"),
    Setting("progression", ValueType.BOOL, True, QT_TRANSLATE_NOOP("settings", "Holds grow with me"),
            QT_TRANSLATE_NOOP("settings", "Where an article asks for it, a hold grows a step (at most 15 %) after three "
            "sessions and a week. \"This hurts\" steps it back; a sore back pauses it."),
            "routines"),
    # sound
    Setting("sound", ValueType.BOOL, True, QT_TRANSLATE_NOOP("settings", "Sound"),
            QT_TRANSLATE_NOOP("settings", "Play a soft cue at the end of each hold and at each side switch."), "sound"),
    Setting("volume", ValueType.INT, 60, QT_TRANSLATE_NOOP("settings", "Volume"),
            QT_TRANSLATE_NOOP("settings", "Loudness of the cues."), "sound", minimum=0, maximum=100, unit="%", enabled_by="sound"),
    # general
    Setting("daily_goal", ValueType.INT, 80, QT_TRANSLATE_NOOP("settings", "Daily goal"),
            QT_TRANSLATE_NOOP("settings", "A day meets the goal when you take this share of its prompted sit-breaks (done to the "
            "end, or away from the desk); the history counts your streak of such days."),
            "general", minimum=10, maximum=100, unit="%"),
    Setting("neglect_days", ValueType.INT, 3, QT_TRANSLATE_NOOP("settings", "Not stretched lately after"),
            QT_TRANSLATE_NOOP("settings", "The history names the muscle groups your breaks have not worked for this many days."),
            "general", minimum=1, maximum=30, unit=QT_TRANSLATE_NOOP("settings", "days")),
    Setting("autostart", ValueType.BOOL, False, QT_TRANSLATE_NOOP("settings", "Start at login"),
            QT_TRANSLATE_NOOP("settings", "Start deskbreak in the tray when you log in."), "general"),
    Setting("motion", ValueType.CHOICE, "system", QT_TRANSLATE_NOOP("settings", "Motion in breaks"),
            QT_TRANSLATE_NOOP("settings", "Reduced motion shows the figure's poses without moving between them, and the "
            "countdown ring steps once a second instead of sweeping. In the file: system, full or reduced."), "general",
            choices=("system", "full", "reduced"),
            choice_labels=(QT_TRANSLATE_NOOP("settings", "Follow the desktop"), QT_TRANSLATE_NOOP("settings", "Full motion"),
                           QT_TRANSLATE_NOOP("settings", "Reduced motion"))),
)

SETTING_BY_KEY: dict[str, Setting] = {setting.key: setting for setting in SETTINGS}

#: The keys nobody subscribes to: read each time they are used (the break window reads the
#: routine's pacing, its screen and the motion when it opens, the history window the goal when it shows), so a change
#: applies from the next use. Every other key has a listener that declares it next to the
#: code that reads it (the engine's SCHEDULE_KEYS, the hold sources' KEYS, the calendar's,
#: the chimes', the watchdog's, the autostart entry's); tests/ui/test_setting_listeners.py
#: checks that each key is one or the other.
READ_WHEN_USED = frozenset({"break_screen", "lead_in", "sore_back", "progression", "daily_goal", "neglect_days",
                            "motion"})


def likely_key(typed: str) -> str | None:
    """The setting a mistyped key most likely means ("sit_intervall": "sit_interval"), or None."""
    spelled = str(typed).strip().lower().replace("-", "_")
    if spelled in SETTING_BY_KEY:
        return spelled
    import difflib  # noqa: PLC0415  (only for a key that is misspelt; not on every launch)

    matches = difflib.get_close_matches(spelled, SETTING_BY_KEY, n=1)
    return matches[0] if matches else None


def unknown_setting_text(key: str) -> str:
    """ "unknown setting 'valume'; did you mean volume?" (or without the guess when none is close)."""
    meant = likely_key(key)
    if meant is None:
        return translate("settings_problems", "unknown setting '{key}'").format(key=key)
    return translate("settings_problems", "unknown setting '{key}'; did you mean {meant}?").format(key=key, meant=meant)


def unknown_setting_error(key: str) -> SettingsError:
    return SettingsError(unknown_setting_text(key), key=key, problem=translate("settings_problems", "unknown setting"))


def settings_by_section() -> list[tuple[Section, list[Setting]]]:
    """The table grouped for the dialog, sections and settings in table order."""
    return [(section, [s for s in SETTINGS if s.section == section.key]) for section in SECTIONS]
