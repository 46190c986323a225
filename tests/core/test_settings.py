"""Settings: the table, parsing and validation, and a file that never loses what the user wrote."""

from __future__ import annotations

import dataclasses
import os
import stat
import tempfile
import tomllib
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
import tomlkit
from hypothesis import given, settings as hypothesis_settings, strategies as st

from deskbreak.core.profile import SETTINGS_FILE_NAME, default_config_dir, default_data_dir
from deskbreak.core.settings import (
    SECTIONS,
    SETTING_BY_KEY,
    SETTINGS,
    ValueType,
    Settings,
    SettingsError,
    format_duration,
    load_settings,
    parse_duration,
    save_settings,
    settings_by_section,
)
from deskbreak.core.settings.store import SettingsStore

NOW = datetime(2026, 11, 23, 9, 5, 7)
DEFAULTS = Settings.defaults()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "config" / SETTINGS_FILE_NAME


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def temporary_files(directory: Path) -> list[Path]:
    return [p for p in directory.iterdir() if p.name.endswith(".tmp")]


# -- the table ---------------------------------------------------------------


def test_dataclass_fields_and_table_keys_are_the_same():
    assert [f.name for f in dataclasses.fields(Settings)] == [s.key for s in SETTINGS]
    assert len(SETTING_BY_KEY) == len(SETTINGS), "a key is declared twice"


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.key)
def test_every_row_is_complete_and_its_default_is_valid(setting):
    assert setting.section in {section.key for section in SECTIONS}
    assert setting.label and setting.help
    default = setting.default_value
    if setting.minimum is not None:
        assert setting.minimum_value <= default
    if setting.maximum is not None:
        assert default <= setting.maximum_value
    if setting.kind in (ValueType.DURATION, ValueType.INT):
        assert setting.minimum is not None and setting.maximum is not None, "numbers need bounds for the dialog"
    assert (setting.kind in (ValueType.CHOICE, ValueType.SCREEN)) == bool(setting.choices)
    assert not setting.choice_labels or len(setting.choice_labels) == len(setting.choices)
    # The declared default is already in the canonical file form.
    assert setting.write(default) == setting.default


def test_defaults_are_the_documented_ones():
    assert DEFAULTS.sit_interval == timedelta(minutes=30)
    assert DEFAULTS.prelude == timedelta(minutes=1)
    assert DEFAULTS.natural_break == timedelta(minutes=5)
    assert DEFAULTS.working_hours is False
    assert DEFAULTS.work_days == frozenset({0, 1, 2, 3, 4})
    assert (DEFAULTS.work_start, DEFAULTS.work_end) == (time(9, 0), time(17, 0))
    assert DEFAULTS.runs == {1: time(18, 0), 3: time(18, 0), 5: time(18, 0)}
    assert DEFAULTS.prerun_lead == timedelta(minutes=15)
    assert DEFAULTS.hold_length == "short"
    assert DEFAULTS.break_screen == "mouse"
    assert DEFAULTS.lead_in == timedelta(seconds=3)
    assert (DEFAULTS.sound, DEFAULTS.volume) == (True, 60)
    assert DEFAULTS.motion == "system"
    assert DEFAULTS.progression is True
    assert SETTING_BY_KEY["progression"].section == SETTING_BY_KEY["hold_length"].section == "routines"


def test_settings_by_section_covers_every_setting_once_in_table_order():
    grouped = [s for _, rows in settings_by_section() for s in rows]
    assert sorted(grouped, key=SETTINGS.index) == list(SETTINGS)
    assert len(grouped) == len(SETTINGS)


# -- durations -----------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**8))
def test_duration_format_then_parse_is_identity(seconds):
    duration = timedelta(seconds=seconds)
    text = format_duration(duration)
    assert parse_duration(text) == duration
    assert format_duration(parse_duration(text)) == text


@pytest.mark.parametrize(
    "text, seconds",
    [("30m", 1800), ("45s", 45), ("1h30m", 5400), ("90s", 90), ("2h", 7200), ("0s", 0),
     ("1h 30m", 5400), ("1 hour 30 min", 5400), ("2H", 7200), (" 10 seconds ", 10), ("1h1s", 3601)],
)
def test_durations_as_people_write_them(text, seconds):
    assert parse_duration(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize(
    "seconds, text", [(1800, "30m"), (5400, "1h30m"), (45, "45s"), (0, "0s"), (90, "1m30s"), (90000, "25h")]
)
def test_format_duration_is_the_shortest_form(seconds, text):
    assert format_duration(timedelta(seconds=seconds)) == text


@pytest.mark.parametrize("text", ["30x", "", "m", "30", "1.5h", "-5m", "30m1h", "5m5m", "1h30", "h30m"])
def test_bad_duration_text_says_how_to_write_one(text):
    with pytest.raises(ValueError) as caught:
        parse_duration(text)
    assert str(caught.value) == f"{text!r} is not a duration; write it like 30m, 45s or 1h30m"


def test_absurdly_long_duration_is_a_clear_value_error():
    with pytest.raises(ValueError, match="far too long"):
        parse_duration("9" * 5000 + "h")


@pytest.mark.parametrize("duration", [timedelta(seconds=-1), timedelta(seconds=1.5)])
def test_format_duration_refuses_what_the_file_cannot_hold(duration):
    with pytest.raises(ValueError):
        format_duration(duration)


# -- validating values of every kind --------------------------------------------


@pytest.mark.parametrize(
    "key, raw, expected",
    [
        # duration
        ("sit_interval", "30x", "'30x' is not a duration; write it like 30m"),
        ("sit_interval", True, "must be a duration like \"30m\" or a number of seconds, not true"),
        ("sit_interval", 1.5, "must be a duration"),
        ("sit_interval", ["30m"], "must be a duration"),
        ("sit_interval", "5s", "must be at least 10s, not 5s"),
        ("sit_interval", 5, "must be at least 10s, not 5s"),
        ("sit_interval", "9h", "must be at most 8h, not 9h"),
        ("sit_interval", 10**30, "far too long"),
        ("prelude", -5, "-5 is negative"),
        ("lead_in", "11s", "must be at most 10s, not 11s"),
        ("prerun_lead", "3h1m", "must be at most 3h"),
        # bool
        ("working_hours", 1, "must be true or false, not 1"),
        ("sound", "maybe", "must be true or false, not 'maybe'"),
        # int
        ("volume", 101, "must be at most 100, not 101"),
        ("volume", -1, "must be at least 0, not -1"),
        ("volume", True, "must be a whole number, not true"),
        ("volume", 6.5, "must be a whole number, not 6.5"),
        ("volume", "loud", "must be a whole number, not 'loud'"),
        # time of day
        ("work_start", "25:00", "'25:00' is not a time of day; hours go 0-23"),
        ("work_start", "12:60", "minutes 0-59"),
        ("work_end", "9", "'9' is not a time of day; write it like 18:00"),
        ("work_start", "13pm", "is not a time of day"),
        ("work_start", 1800, "must be a time of day like \"18:00\", not 1800"),
        ("work_start", time(8, 0, 30), "whole minutes"),
        ("runs", {"tue": "25:00"}, "day 'tue': '25:00' is not a time of day"),
        ("runs", {"caturday": "18:00"}, "'caturday' is not a day of the week"),
        ("runs", ["tue"], "must be a table of days and times"),
        ("runs", "18:00 on tuesday", "is not a list of days and times"),
        ("runs", {"tue": "18:00", "tuesday": "19:00"}, "given twice"),
        # weekdays
        ("work_days", ["mon", "funday"], "'funday' is not a day of the week; use mon, tue, wed"),
        ("work_days", [2], "2 is not a day of the week"),
        ("work_days", 3, "must be a list of days like [\"tue\", \"thu\"], not 3"),
        ("work_days", {7}, "0 (Monday) to 6 (Sunday)"),
        # choice
        ("hold_length", "huge", "'huge' is not one of short, middle, long"),
        ("hold_length", 3, "3 is not one of short, middle, long"),
        # screen: a word it does not know is a screen's name, but not nothing, nor a paragraph
        ("break_screen", "", "must not be empty; write mouse, primary or a screen's name such as HDMI-1"),
        ("break_screen", "   ", "must not be empty"),
        ("break_screen", 2, "must be mouse, primary or a screen's name in quotes, not 2"),
        ("break_screen", "HDMI-1\nDP-2", "is not a screen's name: at most 100 characters, none of them line breaks"),
        ("break_screen", "x" * 101, "is not a screen's name: at most 100 characters"),
        ("motion", "slow", "'slow' is not one of system, full, reduced"),
    ],
)
def test_bad_values_name_the_key_and_the_problem(key, raw, expected):
    with pytest.raises(SettingsError) as caught:
        DEFAULTS.with_value(key, raw)
    assert isinstance(caught.value, ValueError)
    assert caught.value.key == key
    assert str(caught.value).startswith(f"key '{key}': ")
    assert expected in str(caught.value)


@pytest.mark.parametrize(
    "key, raw, value, file_form",
    [
        ("sit_interval", "1h 30 min", timedelta(minutes=90), "1h30m"),
        ("sit_interval", 90, timedelta(seconds=90), "1m30s"),
        ("prelude", timedelta(0), timedelta(0), "0s"),
        ("sound", False, False, False),
        ("sound", "off", False, False),
        ("volume", "75", 75, 75),
        ("work_start", "7:30", time(7, 30), "07:30"),
        ("work_start", "6am", time(6, 0), "06:00"),
        ("work_start", "12:15 am", time(0, 15), "00:15"),
        ("work_start", time(6, 45), time(6, 45), "06:45"),
        ("work_days", ["Sunday", "MON", "thurs"], frozenset({6, 0, 3}), ["mon", "thu", "sun"]),
        ("work_days", "sat, tue", frozenset({1, 5}), ["tue", "sat"]),
        ("work_days", {4, 2}, frozenset({2, 4}), ["wed", "fri"]),
        ("runs", {"sat": "8:30", "tue": "6pm"}, {1: time(18, 0), 5: time(8, 30)}, {"tue": "18:00", "sat": "08:30"}),
        ("runs", "thu 7:15, mon=18:00", {0: time(18, 0), 3: time(7, 15)}, {"mon": "18:00", "thu": "07:15"}),
        ("runs", {}, {}, {}),
        ("hold_length", "Long", "long", "long"),
        ("break_screen", " Primary ", "primary", "primary"),
        ("break_screen", "HDMI-1", "HDMI-1", "HDMI-1"),
        ("break_screen", " DELL U2720Q ", "DELL U2720Q", "DELL U2720Q"),
        ("break_screen", "mouse", "mouse", "mouse"),
        ("motion", "Reduced", "reduced", "reduced"),
    ],
)
def test_good_values_in_any_form_are_typed_and_written_canonically(key, raw, value, file_form):
    changed = DEFAULTS.with_value(key, raw)
    assert getattr(changed, key) == value
    assert changed.to_toml_dict()[key] == file_form
    assert changed.changed_keys(DEFAULTS) == ((key,) if value != getattr(DEFAULTS, key) else ())


def test_unknown_setting_is_refused():
    with pytest.raises(SettingsError, match="unknown setting 'colour'"):
        DEFAULTS.with_values(volume=10, colour="red")


def test_settings_are_immutable_and_constructor_validates():
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULTS.volume = 10  # type: ignore[misc]
    with pytest.raises(SettingsError, match="key 'volume'"):
        dataclasses.replace(DEFAULTS, volume=500)


# -- loading ---------------------------------------------------------------------


def test_missing_file_gives_defaults_and_no_problems(path):
    loaded = load_settings(path, NOW)
    assert loaded.settings == DEFAULTS
    assert loaded.problems == [] and loaded.raw == {}
    assert not path.exists(), "loading must not create the file"


def test_valid_file_is_read_with_every_kind(path):
    write(path, """
sit_interval = "20m"
prelude = 30
working_hours = true
work_days = ["Mon", "wednesday", "fri"]
work_start = "8:00"
hold_length = "middle"
volume = 35
[runs]
sat = 08:30:00
""")
    loaded = load_settings(path, NOW)
    assert loaded.problems == []
    assert loaded.settings == DEFAULTS.with_values(
        sit_interval=timedelta(minutes=20), prelude=timedelta(seconds=30), working_hours=True,
        work_days=frozenset({0, 2, 4}), work_start=time(8, 0), runs={5: time(8, 30)},
        hold_length="middle", volume=35,
    )


def test_each_invalid_value_falls_back_to_its_default_with_a_message(path):
    write(path, 'sit_interval = "30x"\nvolume = 250\nwork_days = ["mon", "caturday"]\nsound = 1\nprelude = "2m"\n')
    loaded = load_settings(path, NOW)
    assert loaded.settings == DEFAULTS.with_value("prelude", "2m")
    assert loaded.problems == [
        f"{path}: key 'sit_interval': '30x' is not a duration; write it like 30m, 45s or 1h30m"
        " (using the default 30m)",
        f"{path}: key 'volume': must be at most 100, not 250 (using the default 60)",
        f"{path}: key 'work_days': 'caturday' is not a day of the week; use mon, tue, wed, thu, fri, sat, sun"
        " (using the default mon, tue, wed, thu, fri)",
        f"{path}: key 'sound': must be true or false, not 1 (using the default true)",
    ]


def test_unknown_keys_are_reported_and_kept_in_raw(path):
    write(path, 'foo = 1\nvolume = 20\n[schedule]\nsit_interval = "20m"\n')
    loaded = load_settings(path, NOW)
    assert loaded.settings.volume == 20
    assert loaded.raw == {"foo": 1, "volume": 20, "schedule": {"sit_interval": "20m"}}
    assert loaded.problems == [
        f"{path}: unknown key 'foo' (kept in the file, ignored)",
        f"{path}: unknown table [schedule] (settings are top-level keys; kept in the file, ignored)",
    ]


@pytest.mark.parametrize("typo, meant", [("sit_intervall", "sit_interval"), ("valume", "volume"),
                                         ("work-days", "work_days"), ("skipbudget", "skip_budget")])
def test_a_typo_key_is_named_with_the_key_it_is_likely_meant_to_be(path, typo, meant):
    write(path, f'"{typo}" = "45m"\n')
    loaded = load_settings(path, NOW)
    assert loaded.problems == [f"{path}: unknown key '{typo}' ignored (did you mean {meant}?)"]


def test_a_translated_toml_problem_goes_through_the_catalog(path, monkeypatch):
    from deskbreak.core import i18n

    write(path, 'volume = = 3\n')
    monkeypatch.setattr(i18n, "_backend", lambda context, text, disambiguation, n: text.replace(
        "it is not valid TOML", "es ist kein gültiges TOML").replace("it is not UTF-8 text", "es ist kein UTF-8"))
    assert "es ist kein gültiges TOML: " in load_settings(path, NOW, move_broken=False).problems[0]
    write(path, b"volume = \xff\n")
    assert "es ist kein UTF-8 (byte 0xff on line 1)" in load_settings(path, NOW, move_broken=False).problems[0]


def test_corrupt_file_is_moved_aside_with_a_timestamp_and_defaults_used(path):
    original = 'volume = 20\nsit_interval = "30m\n'
    write(path, original)
    loaded = load_settings(path, NOW)
    moved = path.with_name("settings.toml.bad-20261123-090507")
    assert loaded.moved_to == moved
    assert moved.read_text(encoding="utf-8") == original
    assert not path.exists()
    assert loaded.settings == DEFAULTS and loaded.raw == {}
    [problem] = loaded.problems
    assert problem.startswith(f"{path}: it is not valid TOML: ")
    assert "line 2" in problem
    assert problem.endswith(f"; moved it to {moved} and using the defaults")


def test_undecodable_file_is_moved_aside(path):
    write(path, b"volume = \xff\xfe 20\n")
    loaded = load_settings(path, NOW)
    assert loaded.moved_to is not None and loaded.moved_to.read_bytes() == b"volume = \xff\xfe 20\n"
    assert "not UTF-8" in loaded.problems[0]


def test_byte_order_mark_is_accepted(path):
    write(path, "\ufeffvolume = 20\n".encode("utf-8"))
    loaded = load_settings(path, NOW)
    assert loaded.problems == [] and loaded.settings.volume == 20


def test_second_corrupt_file_in_the_same_second_does_not_overwrite_the_first(path):
    write(path, "first = [")
    first = load_settings(path, NOW).moved_to
    write(path, "second = [")
    second = load_settings(path, NOW).moved_to
    assert first == path.with_name("settings.toml.bad-20261123-090507")
    assert second == path.with_name("settings.toml.bad-20261123-090507-2")
    assert first.read_text() == "first = ["
    assert second.read_text() == "second = ["


def test_unreadable_settings_path_is_reported_and_not_saved_over(path):
    path.mkdir(parents=True)  # a folder where the file should be cannot be read
    loaded = load_settings(path, NOW)
    assert loaded.settings == DEFAULTS
    assert loaded.problems[0].startswith(f"{path}: could not read the settings file")
    store, _ = SettingsStore.load(path, NOW)
    with pytest.raises(SettingsError, match="will not save over it"):
        store.set("volume", 10)
    assert path.is_dir()


# -- saving ----------------------------------------------------------------------


def valid_values(setting):
    """A hypothesis strategy for every typed value the setting accepts."""
    if setting.kind is ValueType.DURATION:
        low, high = (int(bound.total_seconds()) for bound in (setting.minimum_value, setting.maximum_value))
        return st.integers(low, high).map(lambda seconds: timedelta(seconds=seconds))
    if setting.kind is ValueType.INT:
        return st.integers(setting.minimum_value, setting.maximum_value)
    if setting.kind is ValueType.BOOL:
        return st.booleans()
    if setting.kind is ValueType.TIME_OF_DAY:
        return st.builds(time, st.integers(0, 23), st.integers(0, 59))
    if setting.kind is ValueType.WEEKDAYS:
        return st.frozensets(st.integers(0, 6))
    if setting.kind is ValueType.OPTIONAL_TIME:
        return st.none() | st.builds(time, st.integers(0, 23), st.integers(0, 59))
    if setting.kind is ValueType.PATH:
        return st.sampled_from(["", "~/runs.ics", "/home/me/plan calendar.ics"])
    if setting.kind is ValueType.WORDS:
        word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz- ", min_size=1, max_size=12).map(str.strip).filter(bool)
        return st.lists(word, unique=True, max_size=5).map(tuple)
    if setting.kind is ValueType.WEEKLY_TIMES:
        return st.dictionaries(st.integers(0, 6), st.builds(time, st.integers(0, 23), st.integers(0, 59)))
    if setting.kind is ValueType.SCREEN:
        return st.sampled_from([*setting.choices, "HDMI-1", "DP-2", "DELL U2720Q"])
    return st.sampled_from(setting.choices)


def _consistent(values) -> bool:
    try:
        Settings(**values)
    except SettingsError:
        return False
    return True


any_settings = (st.fixed_dictionaries({s.key: valid_values(s) for s in SETTINGS})
                .filter(_consistent).map(lambda v: Settings(**v)))


@hypothesis_settings(max_examples=60, deadline=None)
@given(any_settings)
def test_save_then_load_gives_the_same_settings(original):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / SETTINGS_FILE_NAME
        save_settings(path, original)
        loaded = load_settings(path, NOW)
    assert loaded.problems == []
    assert loaded.settings == original


def test_saved_file_is_the_table_in_file_form(path):
    save_settings(path, DEFAULTS.with_value("work_days", ["sun", "mon"]))
    text = path.read_text(encoding="utf-8")
    assert 'sit_interval = "30m"\n' in text
    assert tomllib.loads(text) == DEFAULTS.with_value("work_days", ["mon", "sun"]).to_toml_dict()
    # Tables ([runs]) come after the plain keys, as TOML requires.
    tables = [s.key for s in SETTINGS if s.kind is ValueType.WEEKLY_TIMES]
    assert list(tomllib.loads(text)) == [s.key for s in SETTINGS if s.key not in tables] + tables


def test_save_creates_missing_directories(tmp_path):
    path = tmp_path / "a" / "b" / SETTINGS_FILE_NAME
    save_settings(path, DEFAULTS)
    assert load_settings(path, NOW).settings == DEFAULTS


def test_unknown_keys_survive_a_save(path):
    write(path, 'foo = 1\nvolume = 20\n[plugins]\nenabled = ["x"]\n')
    store, _ = SettingsStore.load(path, NOW)
    store.set("volume", 30)
    reloaded = load_settings(path, NOW)
    assert reloaded.raw["foo"] == 1
    assert reloaded.raw["plugins"] == {"enabled": ["x"]}
    assert reloaded.settings.volume == 30


def test_invalid_value_survives_a_save_until_the_user_changes_it(path):
    write(path, 'sit_interval = "30x"\nprelude = "2m"\n')
    store, _ = SettingsStore.load(path, NOW)
    store.set("volume", 10)
    assert tomllib.loads(path.read_text())["sit_interval"] == "30x"
    assert tomllib.loads(path.read_text())["prelude"] == "2m"

    store.set("sit_interval", "20m")
    assert tomllib.loads(path.read_text())["sit_interval"] == "20m"


@pytest.mark.parametrize(
    "below_the_file, problem",
    [((), "not-a-folder is a file, not a folder"), (("sub",), "Not a directory")],
)
def test_save_into_a_path_under_a_regular_file_raises_a_clear_error(tmp_path, below_the_file, problem):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    path = blocker.joinpath(*below_the_file, SETTINGS_FILE_NAME)
    with pytest.raises(SettingsError) as caught:
        save_settings(path, DEFAULTS)
    assert str(caught.value).startswith(f"could not save settings to {path}: ")
    assert problem in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]
    assert blocker.read_text() == ""


def test_save_into_a_read_only_folder_raises_a_clear_error(path):
    """Root ignores folder permissions, so as root the save runs in a forked
    child that has dropped to an unprivileged user first."""
    path.parent.mkdir()
    path.parent.chmod(0o500)
    try:
        if os.geteuid() != 0:
            with pytest.raises(SettingsError, match="Permission denied"):
                save_settings(path, DEFAULTS)
        else:
            pid = os.fork()
            if pid == 0:  # the child: report through the exit status only
                try:
                    os.setgid(65534)
                    os.setuid(65534)
                    save_settings(path, DEFAULTS)
                    os._exit(1)
                except SettingsError as exc:
                    os._exit(0 if "Permission denied" in str(exc) else 2)
                except BaseException:
                    os._exit(3)
            _, status = os.waitpid(pid, 0)
            assert os.waitstatus_to_exitcode(status) == 0
        assert list(path.parent.iterdir()) == []
    finally:
        path.parent.chmod(0o700)


def failing(error: BaseException):
    def fail(*args, **kwargs):
        raise error
    return fail


@pytest.mark.parametrize(
    "target, name, error",
    [
        (os, "replace", PermissionError(13, "Permission denied")),
        (os, "fsync", OSError(5, "Input/output error")),
    ],
)
def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(path, monkeypatch, target, name, error):
    write(path, "volume = 20\n")
    monkeypatch.setattr(target, name, failing(error))
    with pytest.raises(SettingsError) as caught:
        save_settings(path, DEFAULTS.with_value("volume", 90))
    monkeypatch.undo()
    assert str(caught.value) == f"could not save settings to {path}: {error.strerror}"
    assert path.read_text() == "volume = 20\n"
    assert temporary_files(path.parent) == []


def test_serialising_failure_leaves_the_old_file_alone(path, monkeypatch):
    write(path, "volume = 20\n")
    monkeypatch.setattr(tomlkit, "dumps", failing(TypeError("cannot serialise")))
    with pytest.raises(TypeError):
        save_settings(path, DEFAULTS)
    monkeypatch.undo()
    assert path.read_text() == "volume = 20\n"
    assert temporary_files(path.parent) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and symlinks")
def test_save_keeps_the_file_mode_and_writes_through_a_symlink(tmp_path):
    real = write(tmp_path / "dotfiles" / SETTINGS_FILE_NAME, "volume = 20\n")
    real.chmod(0o640)
    link = tmp_path / "config" / SETTINGS_FILE_NAME
    link.parent.mkdir()
    link.symlink_to(real)
    save_settings(link, DEFAULTS.with_value("volume", 90))
    assert link.is_symlink()
    assert tomllib.loads(real.read_text())["volume"] == 90
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


# -- where files live ----------------------------------------------------------


def test_directories_honour_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DESKBREAK_CONFIG_DIR", str(tmp_path / "conf"))
    monkeypatch.setenv("DESKBREAK_DATA_DIR", str(tmp_path / "data"))
    assert default_config_dir() == tmp_path / "conf"
    assert default_data_dir() == tmp_path / "data"


def test_directories_default_to_the_platform_folders(monkeypatch):
    monkeypatch.delenv("DESKBREAK_CONFIG_DIR", raising=False)
    monkeypatch.delenv("DESKBREAK_DATA_DIR", raising=False)
    assert default_config_dir().name == "deskbreak"
    assert default_data_dir().name == "deskbreak"
