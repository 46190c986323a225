"""The settings store: one owner, live changes, overrides never saved, hand edits re-read."""

from __future__ import annotations

import tomllib
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from deskbreak.core.profile import SETTINGS_FILE_NAME
from deskbreak.core.settings import Settings, SettingsError, load_settings
from deskbreak.core.settings.store import SettingsStore

NOW = datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "config" / SETTINGS_FILE_NAME


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def file_table(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_set_saves_at_once_and_tells_only_the_subscribers_of_that_key(path):
    store, _ = SettingsStore.load(path, NOW)
    told_all, told_sound, told_interval = [], [], []
    store.subscribe(told_all.append)
    store.subscribe(told_sound.append, keys=["sound", "volume"])
    store.subscribe(told_interval.append, keys=["sit_interval"])
    assert store.set("sit_interval", "45m") == {"sit_interval"}
    assert store.settings.sit_interval == timedelta(minutes=45)
    assert file_table(path)["sit_interval"] == "45m"
    assert told_all == [{"sit_interval"}] and told_interval == [{"sit_interval"}] and told_sound == []


def test_setting_the_same_value_again_tells_nobody(path):
    store, _ = SettingsStore.load(path, NOW)
    told = []
    store.subscribe(told.append)
    assert store.set("sit_interval", "30m") == frozenset()
    assert told == []


def test_an_invalid_value_is_refused_and_nothing_is_saved_or_applied(path):
    store, _ = SettingsStore.load(path, NOW)
    told = []
    store.subscribe(told.append)
    with pytest.raises(SettingsError, match="must be at most 8h"):
        store.set("sit_interval", "9h")
    assert store.settings == Settings.defaults() and told == [] and not path.exists()


def test_a_value_that_clashes_with_another_setting_names_both_keys(path):
    store, _ = SettingsStore.load(path, NOW)
    with pytest.raises(SettingsError) as caught:
        store.set("work_end", "08:00")
    assert "'work_start' and 'work_end'" in str(caught.value)
    assert "work_start (09:00) must come before work_end (08:00)" in caught.value.problem
    assert not path.exists()


def test_several_keys_changed_together_are_checked_together(path):
    store, _ = SettingsStore.load(path, NOW)
    store.set_many({"work_start": "18:00", "work_end": "22:00"})
    assert (store.settings.work_start, store.settings.work_end) == (time(18), time(22))


def test_one_run_overrides_apply_but_never_reach_the_file(path):
    store, _ = SettingsStore.load(path, NOW, overrides={"sit_interval": "20s", "prelude": "5s"})
    assert store.settings.sit_interval == timedelta(seconds=20)
    store.set("volume", 20)
    table = file_table(path)
    assert table["sit_interval"] == "30m" and table["prelude"] == "1m" and table["volume"] == 20
    assert store.settings.sit_interval == timedelta(seconds=20), "the override still holds for this run"


def test_setting_an_overridden_key_by_hand_replaces_the_override(path):
    store, _ = SettingsStore.load(path, NOW, overrides={"sit_interval": "20s", "prelude": "5s"})
    store.set("sit_interval", "45m")
    assert store.settings.sit_interval == timedelta(minutes=45)
    assert not store.is_overridden("sit_interval") and store.is_overridden("prelude")


def test_unknown_keys_and_tables_survive_a_save(path):
    write(path, 'future_option = "keep me"\nvolume = 30\n[plugin]\nname = "x"\n')
    store, problems = SettingsStore.load(path, NOW)
    assert any("unknown key 'future_option'" in p for p in problems)
    store.set("volume", 40)
    table = file_table(path)
    assert table["future_option"] == "keep me" and table["plugin"] == {"name": "x"} and table["volume"] == 40


def test_reset_puts_keys_back_to_their_defaults(path):
    store, _ = SettingsStore.load(path, NOW)
    store.set_many({"volume": 10, "sound": False})
    store.reset(["volume"])
    assert store.settings.volume == 60 and store.settings.sound is False
    store.reset()
    assert store.settings == Settings.defaults()


def test_export_then_import_round_trips_every_setting(path, tmp_path):
    store, _ = SettingsStore.load(path, NOW)
    changed = {"sit_interval": "50m", "runs": "mon 07:00, sat 08:30", "hold_length": "long", "volume": 15}
    store.set_many(changed)
    exported = tmp_path / "exported.toml"
    store.export_file(exported)
    other, _ = SettingsStore.load(tmp_path / "other" / SETTINGS_FILE_NAME, NOW)
    other.import_file(exported)
    assert other.settings == store.settings


def test_an_import_with_any_problem_is_refused_whole(path, tmp_path):
    store, _ = SettingsStore.load(path, NOW)
    bad = write(tmp_path / "bad.toml", 'sit_interval = "45m"\nvolume = 900\n')
    with pytest.raises(SettingsError, match=r"bad.toml: key 'volume': must be at most 100"):
        store.import_file(bad)
    assert store.settings == Settings.defaults()
    with pytest.raises(SettingsError, match="not valid TOML"):
        store.import_file(write(tmp_path / "broken.toml", "volume = = 3"))


def test_a_hand_edit_is_read_and_applied_live(path):
    store, _ = SettingsStore.load(path, NOW)
    store.set("volume", 30)
    told = []
    store.subscribe(told.append)
    write(path, path.read_text().replace("volume = 30", "volume = 70"))
    changed, problems = store.reload()
    assert changed == {"volume"} and problems == [] and told == [{"volume"}]
    assert store.settings.volume == 70


def test_our_own_save_is_not_mistaken_for_a_hand_edit(path):
    store, _ = SettingsStore.load(path, NOW)
    store.set("volume", 30)
    assert store.reload() == (frozenset(), [])


def test_a_broken_hand_edit_keeps_the_last_good_values_and_says_where(path):
    store, _ = SettingsStore.load(path, NOW)
    store.set_many({"volume": 30, "sit_interval": "40m"})
    write(path, 'sit_interval = "40 parsecs"\nvolume = 35\n')
    changed, problems = store.reload()
    assert changed == {"volume"}
    assert store.settings.sit_interval == timedelta(minutes=40), "the last good value, not the default"
    assert problems == [f"{path}: key 'sit_interval': '40 parsecs' is not a duration; "
                        "write it like 30m, 45s or 1h30m (using the last good value 40m)"]


def test_a_hand_edit_that_is_not_toml_changes_nothing_and_is_left_for_the_user(path):
    store, _ = SettingsStore.load(path, NOW)
    store.set("volume", 30)
    write(path, "volume = = 3\n")
    changed, problems = store.reload()
    assert changed == frozenset() and store.settings.volume == 30
    assert problems[0].startswith(f"{path}: it is not valid TOML") and "keeping the last good settings" in problems[0]
    assert path.read_text() == "volume = = 3\n", "the user's half-done edit is theirs to finish"


def test_a_file_that_could_not_be_read_at_start_is_never_saved_over(tmp_path):
    folder_in_the_way = tmp_path / SETTINGS_FILE_NAME
    folder_in_the_way.mkdir()
    store, problems = SettingsStore.load(folder_in_the_way, NOW)
    assert problems
    with pytest.raises(SettingsError, match="will not save over it"):
        store.set("volume", 10)


# -- cross-field checks and the old run keys, as read from a file ---------------------------


def test_a_file_with_work_ending_before_it_starts_uses_the_defaults_for_both(path):
    write(path, 'working_hours = true\nwork_start = "18:00"\nwork_end = "09:00"\n')
    loaded = load_settings(path, NOW)
    assert (loaded.settings.work_start, loaded.settings.work_end) == (time(9), time(17))
    assert loaded.settings.working_hours is True
    assert loaded.problems == [
        f"{path}: keys 'work_start' and 'work_end': work_start (18:00) must come before work_end (09:00), "
        "or no sit-break would ever be prompted (using work_start 09:00, work_end 17:00)"]


@pytest.mark.parametrize("values, message", [
    ({"working_hours": True, "work_days": []}, "working_hours is on but work_days is empty"),
    ({"prelude": "5m", "sit_interval": "5m"}, "prelude (5m) must be shorter than sit_interval (5m)"),
])
def test_cross_field_rules_name_both_keys(values, message):
    with pytest.raises(SettingsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Settings.defaults().with_values(**values)


def test_old_run_days_and_run_time_are_read_and_migrated_on_the_next_save(path):
    write(path, 'run_days = ["mon", "fri"]\nrun_time = "7:15"\nvolume = 20\n')
    store, problems = SettingsStore.load(path, NOW)
    assert problems == []
    assert store.settings.runs == {0: time(7, 15), 4: time(7, 15)}
    store.set("volume", 25)
    table = file_table(path)
    assert table["runs"] == {"mon": "07:15", "fri": "07:15"}
    assert "run_days" not in table and "run_time" not in table


def test_unreadable_old_run_keys_are_reported_and_kept_in_the_file(path):
    write(path, 'run_days = ["caturday"]\n')
    store, problems = SettingsStore.load(path, NOW)
    assert problems == [f"{path}: key 'runs': could not read run_days/run_time: 'caturday' is not a day "
                        "of the week; use mon, tue, wed, thu, fri, sat, sun (using the default "
                        "tue 18:00, thu 18:00, sat 18:00)"]
    store.set("volume", 25)
    assert file_table(path)["run_days"] == ["caturday"], "nothing the user wrote is lost"


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_the_config_folder_and_settings_file_are_private_whatever_the_umask(tmp_path, umask):
    import os
    import stat

    path = tmp_path / "fresh" / SETTINGS_FILE_NAME
    previous = os.umask(umask)
    try:
        store, _ = SettingsStore.load(path, NOW)
        store.set("volume", 10)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_key_deleted_by_hand_goes_back_to_its_default_live(path):
    store, _ = SettingsStore.load(path, NOW)
    store.set_many({"sit_interval": "45m", "volume": 20})
    write(path, "volume = 20\n")
    changed, problems = store.reload()
    assert changed == {"sit_interval"} and problems == []
    assert store.settings.sit_interval == timedelta(minutes=30), "as a fresh start would read it"


def test_a_hand_edit_that_clashes_with_a_one_run_override_waits_and_nothing_breaks(path):
    store, _ = SettingsStore.load(path, NOW, overrides={"sit_interval": "10m"})
    write(path, 'prelude = "12m"\n')
    changed, problems = store.reload()
    assert changed == frozenset() and "prelude (12m) must be shorter than sit_interval (10m)" in problems[0]
    store.set("volume", 50)  # the store still saves
    assert "volume = 50" in path.read_text()


def test_setting_a_key_replaces_the_bad_text_the_user_had_for_it_for_good(path):
    write(path, 'volume = "loud"\n')
    store, _ = SettingsStore.load(path, NOW)
    store.set("volume", 30)
    store.reset(["volume"])
    assert file_table(path)["volume"] == 60, "the fixed typo does not come back"


def test_a_look_at_a_broken_file_leaves_it_where_it_is(path):
    write(path, "volume = = 3\n")
    store, problems = SettingsStore.load(path, NOW, move_broken=False)
    assert path.read_text() == "volume = = 3\n" and "not valid TOML" in problems[0]
    with pytest.raises(SettingsError, match="will not save over it"):
        store.set("volume", 10)


def test_setting_one_key_of_a_clashing_pair_saves_the_pair_the_app_runs_with(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('working_hours = true\nwork_start = "18:00"\nwork_end = "09:00"\n', encoding="utf-8")
    store, problems = SettingsStore.load(path, NOW)
    assert problems and store.settings.work_start == time(9, 0)
    store.set("volume", 20)  # unrelated: the user's pair stays in the file as written
    assert 'work_start = "18:00"' in path.read_text(encoding="utf-8")
    store.set("work_end", "20:00")  # the user settles the pair: the file says what runs
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert (saved["work_start"], saved["work_end"]) == ("09:00", "20:00")
    assert (store.settings.work_start, store.settings.work_end) == (time(9, 0), time(20, 0))


# -- the user's words are never lost ------------------------------------------------------------

BROKEN_HAND_EDIT = ('# my settings, by hand\nsit_interval = "45m"\nskip_budget = 5\nvolume = 30\n'
                    'work_days = ["mon"\n')


@pytest.mark.parametrize("reloaded_first", [True, False], ids=["after the watcher read it", "before"])
def test_a_save_never_writes_over_a_file_that_does_not_parse(path, reloaded_first):
    store, _ = SettingsStore.load(path, NOW)
    store.set("volume", 30)
    write(path, BROKEN_HAND_EDIT)
    if reloaded_first:
        assert "keeping the last good settings" in store.reload()[1][0]
    told = []
    store.subscribe(told.append)
    for change in (lambda: store.set("volume", 55), lambda: store.reset(["volume"]), lambda: store.reset()):
        with pytest.raises(SettingsError) as refused:
            change()
        message = str(refused.value)
        assert message.startswith(f"{path}: it is not valid TOML: ") and "line 5" in message
        assert "will not save over it" in message
    assert path.read_text(encoding="utf-8") == BROKEN_HAND_EDIT, "the user's bytes, every one"
    assert store.settings.volume == 30 and told == []
    # Once the user has finished the edit, saves work again and keep every word of it.
    write(path, BROKEN_HAND_EDIT.replace('["mon"', '["mon"]'))
    store.set("volume", 55)
    assert path.read_text(encoding="utf-8") == BROKEN_HAND_EDIT.replace('["mon"', '["mon"]').replace(
        "volume = 30", "volume = 55")


HAND_WRITTEN = '''\
# deskbreak, the way I like it
volume = 30          # the office is quiet

sit_interval = "45m"
my_note = "for the laptop"
daily_goal = 70

[runs]
# club nights
tue = "18:30"
'''


def test_a_save_changes_only_the_keys_it_sets(path):
    write(path, HAND_WRITTEN)
    store, _ = SettingsStore.load(path, NOW)
    expected = HAND_WRITTEN.replace("volume = 30 ", "volume = 55 ")
    store.set("volume", 55)
    assert path.read_text(encoding="utf-8") == expected
    store.set("runs", "tue 18:30, sat 08:00")
    expected += 'sat = "08:00"\n'
    assert path.read_text(encoding="utf-8") == expected
    store.reset(["daily_goal"])
    expected = expected.replace("daily_goal = 70", "daily_goal = 80")
    assert path.read_text(encoding="utf-8") == expected
    store.set("sit_interval", "45m")  # what the file says already: not a byte changes
    assert path.read_text(encoding="utf-8") == expected


def test_a_key_the_file_lacks_is_added_among_the_top_level_keys(path):
    write(path, HAND_WRITTEN)
    store, _ = SettingsStore.load(path, NOW)
    store.set_many({"prelude": "2m", "strict": True})
    text = path.read_text(encoding="utf-8")
    assert text.startswith(HAND_WRITTEN.split("\n[runs]")[0])
    assert file_table(path) == {**tomllib.loads(HAND_WRITTEN), "prelude": "2m", "strict": True}


def test_an_inline_table_stays_inline(path):
    write(path, 'runs = {tue = "18:00"}  # club\nvolume = 30\n')
    store, _ = SettingsStore.load(path, NOW)
    store.set("runs", "wed 07:00")
    assert path.read_text(encoding="utf-8") == 'runs = {wed = "07:00"}  # club\nvolume = 30\n'


def test_a_hand_edit_the_app_has_not_read_yet_survives_a_save(path):
    store, _ = SettingsStore.load(path, NOW)
    store.set("volume", 30)
    told = []
    store.subscribe(told.append)
    # The user saves in an editor; within the watcher's 300 ms a save of ours comes.
    write(path, path.read_text(encoding="utf-8").replace('sit_interval = "30m"', 'sit_interval = "45m"'))
    store.set("volume", 55)
    table = file_table(path)
    assert (table["sit_interval"], table["volume"]) == ("45m", 55)
    assert store.settings.sit_interval == timedelta(minutes=45), "the hand edit is applied too"
    assert told == [{"sit_interval", "volume"}]
    assert store.reload() == (frozenset(), []), "and not read twice"


def test_a_hand_edit_with_a_problem_merged_by_a_save_is_reported_by_the_next_reload(path):
    store, _ = SettingsStore.load(path, NOW)
    write(path, 'sit_interval = "45 parsecs"\n')
    store.set("volume", 55)
    store.set("sound", False)  # a second save before the watcher reads does not swallow the news
    changed, problems = store.reload()
    assert changed == frozenset() and "45 parsecs" in problems[0]
    assert store.reload() == (frozenset(), []), "told once"
    assert file_table(path) == {"sit_interval": "45 parsecs", "volume": 55, "sound": False}


def test_a_hand_edit_that_clashes_with_a_one_run_override_and_is_merged_by_a_save_waits(path):
    store, _ = SettingsStore.load(path, NOW, overrides={"sit_interval": "10m"})
    write(path, 'prelude = "12m"\n')
    store.set("volume", 50)
    assert file_table(path) == {"prelude": "12m", "volume": 50}
    assert store.settings.prelude == timedelta(minutes=1) and store.settings.volume == 50
    changed, problems = store.reload()
    assert changed == frozenset() and "prelude (12m) must be shorter than sit_interval (10m)" in problems[0]


def test_the_key_being_set_wins_over_a_hand_edit_of_the_same_key(path):
    store, _ = SettingsStore.load(path, NOW)
    write(path, 'volume = 10\nprelude = "2m"\n')
    store.set("volume", 55)
    assert file_table(path) == {"volume": 55, "prelude": "2m"}


def test_a_save_that_clashes_with_a_hand_edit_is_refused_and_saves_nothing(path):
    store, _ = SettingsStore.load(path, NOW)
    write(path, 'prelude = "10m"\n')
    with pytest.raises(SettingsError, match=r"prelude \(10m\) must be shorter than sit_interval \(5m\)"):
        store.set("sit_interval", "5m")
    assert path.read_text(encoding="utf-8") == 'prelude = "10m"\n'
