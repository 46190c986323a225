"""The settings dialog: generated from the table, each control writes its setting, live."""

from __future__ import annotations

import tomllib
from datetime import time, timedelta

import pytest
from PySide6.QtCore import QTime, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSlider, QSpinBox, QTimeEdit, QToolButton, QWidget

from deskbreak.core.commands import OpenSettings
from deskbreak.core.settings import SETTINGS, Settings, SettingsError
from deskbreak.core.settings.store import SettingsStore
from deskbreak.ui.settings_dialog import SettingsDialog, Switch

from .test_app import MONDAY_9, app_parts, menu_texts  # noqa: F401  (fixture)


@pytest.fixture
def store(tmp_path):
    return SettingsStore(tmp_path / "settings.toml")


@pytest.fixture
def dialog(qtbot, store):
    window = SettingsDialog(store)
    qtbot.addWidget(window)
    window.show()
    return window


def saved(store) -> dict:
    return tomllib.loads(store.path.read_text(encoding="utf-8"))


def field(dialog, kind, name):
    widget = dialog.findChild(kind, name)
    assert widget is not None, name
    return widget


def test_every_setting_has_a_field_with_its_label_and_visible_help(dialog):
    assert set(dialog.fields) == {s.key for s in SETTINGS}
    for setting in SETTINGS:
        shown = dialog.fields[setting.key]
        assert shown.label.text() == setting.label
        assert shown.help.text().startswith(setting.help) and not shown.help.isHidden()


def test_pages_follow_the_sections(dialog):
    labels = [dialog.sections.item(i).text() for i in range(dialog.sections.count())]
    assert labels == ["Breaks", "Working hours", "Interruptions", "Runs", "Routines", "Sound", "General"]


def test_a_duration_field_writes_the_setting_in_its_unit(dialog, store):
    number = field(dialog, QSpinBox, "field:sit_interval")
    unit = field(dialog, QComboBox, "unit:sit_interval")
    assert (number.value(), unit.currentText()) == (30, "minutes")
    number.setValue(45)
    assert store.settings.sit_interval == timedelta(minutes=45)
    assert saved(store)["sit_interval"] == "45m"
    unit.setCurrentIndex(unit.findText("seconds"))
    assert number.value() == 2700, "a new unit shows the same duration"
    assert store.settings.sit_interval == timedelta(minutes=45)
    unit.setCurrentIndex(unit.findText("hours"))
    assert number.value() == 1 and store.settings.sit_interval == timedelta(hours=1), "45 min rounds to 1 h"


def test_a_duration_that_clashes_with_another_setting_is_refused_with_the_reason(dialog, store):
    number = field(dialog, QSpinBox, "field:sit_interval")
    unit = field(dialog, QComboBox, "unit:sit_interval")
    unit.setCurrentIndex(unit.findText("seconds"))
    number.setValue(30)  # 30 s, shorter than the 1 min warning
    problem = field(dialog, QLabel, "problem:sit_interval")
    assert not problem.isHidden()
    assert problem.text() == "Not saved: Warning before a break must be shorter than Sit-break every"
    assert store.settings.sit_interval == timedelta(minutes=30) and not store.path.exists()


def test_a_clash_is_named_by_the_labels_in_the_dialog_and_by_the_keys_elsewhere(dialog, store):
    with pytest.raises(SettingsError) as refused:
        store.set("sit_interval", "1m")
    assert refused.value.problem == "prelude (1m) must be shorter than sit_interval (1m)"
    assert refused.value.labelled_problem == "Warning before a break must be shorter than Sit-break every"
    field(dialog, Switch, "field:working_hours").click()
    for day in ("mon", "tue", "wed", "thu"):
        field(dialog, QToolButton, f"day:work_days:{day}").click()
    field(dialog, QToolButton, "day:work_days:fri").click()
    assert field(dialog, QLabel, "problem:work_days").text() == (
        "Not saved: Only during working hours is on but Work days is empty, so no sit-break would ever be prompted")


def test_the_arrows_of_a_duration_field_stop_at_its_bounds(dialog, store):
    number = field(dialog, QSpinBox, "field:postpone")
    unit = field(dialog, QComboBox, "unit:postpone")
    unit.setCurrentIndex(unit.findText("minutes"))
    number.setValue(119)
    number.stepUp()
    assert store.settings.postpone == timedelta(hours=2)
    assert (number.value(), unit.currentText()) == (2, "hours"), "shown in the largest whole unit"
    number.stepUp()
    assert number.value() == 2 and store.settings.postpone == timedelta(hours=2)
    unit.setCurrentIndex(unit.findText("minutes"))
    number.setValue(2)
    number.stepDown()
    number.stepDown()
    assert number.value() == 1 and store.settings.postpone == timedelta(minutes=1)


def type_into(qtbot, spin: QSpinBox, text: str) -> None:
    """Select what the field shows, type ``text`` over it and press Enter, as a user does."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_a_typed_duration_past_its_bound_stays_shown_marked_and_unsaved(qtbot, dialog, store):
    number = field(dialog, QSpinBox, "field:prelude")
    assert field(dialog, QComboBox, "unit:prelude").currentText() == "minutes"
    type_into(qtbot, number, "25")
    assert number.text() == "25", "every digit typed stays in the field"
    problem = field(dialog, QLabel, "problem:prelude")
    assert not problem.isHidden() and problem.text() == "Not saved: at most 15 minutes"
    assert store.settings.prelude == timedelta(minutes=1) and not store.path.exists()
    type_into(qtbot, number, "2")
    assert problem.isHidden() and store.settings.prelude == timedelta(minutes=2)
    assert saved(store)["prelude"] == "2m"


def test_a_typed_duration_below_its_bound_says_the_least_it_may_be(qtbot, dialog, store):
    unit = field(dialog, QComboBox, "unit:sit_interval")
    unit.setCurrentIndex(unit.findText("seconds"))
    type_into(qtbot, field(dialog, QSpinBox, "field:sit_interval"), "5")
    assert field(dialog, QLabel, "problem:sit_interval").text() == "Not saved: at least 10 seconds"
    assert store.settings.sit_interval == timedelta(minutes=30)


@pytest.mark.parametrize(("key", "typed", "problem"), [
    ("skip_budget", "25", "Not saved: at most 20"),
    ("neglect_days", "0", "Not saved: at least 1 day"),
    ("neglect_days", "45", "Not saved: at most 30 days"),
])
def test_a_typed_count_past_its_bounds_stays_shown_marked_and_unsaved(qtbot, dialog, store, key, typed, problem):
    number = field(dialog, QSpinBox, f"field:{key}")
    type_into(qtbot, number, typed)
    assert number.value() == int(typed)
    assert field(dialog, QLabel, f"problem:{key}").text() == problem
    assert getattr(store.settings, key) == getattr(Settings.defaults(), key) and not store.path.exists()


def test_a_time_field_writes_the_setting(dialog, store):
    field(dialog, QTimeEdit, "field:work_start").setTime(QTime(8, 30))
    assert store.settings.work_start == time(8, 30)


def test_work_days_and_times_are_greyed_until_working_hours_are_on(dialog, store):
    assert not dialog.fields["work_days"].isEnabled() and not dialog.fields["work_end"].isEnabled()
    field(dialog, Switch, "field:working_hours").click()
    assert store.settings.working_hours is True
    assert dialog.fields["work_days"].isEnabled() and dialog.fields["work_end"].isEnabled()


def test_weekday_toggles_write_the_days(dialog, store):
    field(dialog, Switch, "field:working_hours").click()
    field(dialog, QToolButton, "day:work_days:fri").click()
    assert store.settings.work_days == frozenset({0, 1, 2, 3})
    assert saved(store)["work_days"] == ["mon", "tue", "wed", "thu"]


def test_runs_have_a_time_for_each_day(dialog, store):
    field(dialog, QToolButton, "day:runs:thu").click()  # no run on Thursday any more
    field(dialog, QTimeEdit, "time:runs:sat").setTime(QTime(8, 30))
    assert store.settings.runs == {1: time(18), 5: time(8, 30)}
    assert saved(store)["runs"] == {"tue": "18:00", "sat": "08:30"}
    assert not field(dialog, QTimeEdit, "time:runs:mon").isEnabled(), "no time without a run that day"


def test_a_choice_a_switch_and_the_volume_slider_write_their_settings(dialog, store):
    combo = field(dialog, QComboBox, "field:hold_length")
    combo.setCurrentIndex(combo.findData("long"))
    field(dialog, Switch, "field:sound").click()
    field(dialog, QSlider, "field:volume").setValue(35)
    assert (store.settings.hold_length, store.settings.sound, store.settings.volume) == ("long", False, 35)


def test_invalid_input_is_refused_in_the_field_with_its_reason_and_not_saved(dialog, store):
    field(dialog, QTimeEdit, "field:work_end").setTime(QTime(8, 0))
    problem = field(dialog, QLabel, "problem:work_end")
    assert not problem.isHidden()
    assert problem.text() == ("Not saved: Work starts must come before Work ends, "
                              "or no sit-break would ever be prompted")
    assert store.settings.work_end == time(17) and not store.path.exists()
    # Fixing it clears the reason and saves.
    field(dialog, QTimeEdit, "field:work_end").setTime(QTime(18, 0))
    assert problem.isHidden() and store.settings.work_end == time(18)


def test_restore_defaults_per_page_and_for_all(dialog, store):
    store.set_many({"volume": 10, "sit_interval": "50m"})
    dialog.restore_defaults([s.key for s in SETTINGS if s.section == "sound"])
    assert store.settings.volume == 60 and store.settings.sit_interval == timedelta(minutes=50)
    assert field(dialog, QSlider, "field:volume").value() == 60
    field(dialog, QPushButton, "restoreAll").click()
    assert store.settings == Settings.defaults()
    assert field(dialog, QSpinBox, "field:sit_interval").value() == 30


def test_fields_follow_changes_made_elsewhere(dialog, store):
    store.set("sit_interval", "2h")
    assert field(dialog, QSpinBox, "field:sit_interval").value() == 2
    assert field(dialog, QComboBox, "unit:sit_interval").currentText() == "hours"


def test_import_and_export_round_trip(dialog, store, tmp_path):
    store.set_many({"sit_interval": "40m", "volume": 15})
    exported = tmp_path / "mine.toml"
    assert dialog.export_to(exported)
    store.reset()
    assert dialog.import_from(exported)
    assert store.settings.sit_interval == timedelta(minutes=40) and store.settings.volume == 15
    assert "Imported" in dialog.status.text()


def test_a_broken_import_is_refused_with_its_reason(dialog, store, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("volume = 900\n")
    assert not dialog.import_from(bad)
    assert "must be at most 100" in dialog.status.text() and store.settings.volume == 60


def test_a_one_run_override_is_shown_as_such(qtbot, tmp_path):
    store = SettingsStore(tmp_path / "settings.toml", overrides={"sit_interval": "20s", "prelude": "5s"})
    window = SettingsDialog(store)
    qtbot.addWidget(window)
    note = window.fields["sit_interval"].note
    assert not note.isHidden() and "20s" in note.text()


def test_every_control_has_an_accessible_name(dialog):
    for setting in SETTINGS:
        editor = dialog.fields[setting.key].editor
        controls = [w for w in editor.findChildren(QWidget)
                    if w.objectName().split(":")[0] in ("field", "unit", "day", "time")]
        assert controls and all(w.accessibleName() for w in controls), setting.key


# -- live, in the app -----------------------------------------------------------------


def test_changing_the_interval_moves_the_next_break_and_the_tray_text(app_parts):  # noqa: F811
    app, clock, notifier, history = app_parts
    assert app.engine.next_sit_break(clock.now()) == MONDAY_9 + timedelta(minutes=30)
    app.run_command(OpenSettings())
    field(app.settings_dialog, QSpinBox, "field:sit_interval").setValue(45)
    assert app.engine.next_sit_break(clock.now()) == MONDAY_9 + timedelta(minutes=45)
    assert menu_texts(app)[0] == "Next sit-break in 45 min"
    assert app.tray.window.status.text() == "Next sit-break in 45 min", "the tray's status follows at once"
    assert app.alarm.wakes[-1] == MONDAY_9 + timedelta(minutes=44), "the alarm follows (1 min prelude)"
