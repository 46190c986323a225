"""A call holds the due break in the app: the tray and ``status`` name it, the break opens once after it;
the Interruptions page turns it off.

The app runs offscreen on a fake clock with the real ``calls`` hold module,
built as ui/startup.py builds it; its PipeWire is a fake ``pw-dump`` printing
graphs a real one printed (tests/support/pipewire.py). The real PipeWire is
in tests/desktop/test_call_desktop.py.
"""

from __future__ import annotations

from datetime import timedelta

from deskbreak.adapters.holds import Desktop, calls
from deskbreak.adapters.holds.calls import GRACE_SECONDS
from deskbreak.adapters.notify import NotifierChain
from deskbreak.core.clock import FakeClock
from deskbreak.core.scheduling.holds import Holds
from deskbreak.core.settings import Settings
from deskbreak.core.settings.store import SettingsStore
from deskbreak.ui.settings_dialog import SettingsDialog, Switch
from support.app_builder import MONDAY_9, TEST_SETTINGS, advance_to, make_app, menu_texts
from support.fakes import RecordingNotifier
from support.pipewire import FakePwDump, recorded


def app_in_a_call(tmp_path, **settings):
    """A started app whose due break (09:31) meets a call; ``(app, pw_dump, store, notifier)``."""
    pw_dump = FakePwDump(tmp_path / "pipewire")
    pw_dump.show(recorded("call"))
    clock = FakeClock(MONDAY_9)
    store = SettingsStore(tmp_path / "settings.toml", Settings.defaults().with_values(**TEST_SETTINGS, **settings))
    desktop = Desktop(platform="linux", environ=pw_dump.environ, clock=clock)
    notifier = RecordingNotifier()
    app = make_app(tmp_path, clock=clock, store=store, holds=Holds([calls], store.settings, desktop),
                   notifier=NotifierChain([notifier]))
    app.start()
    return app, pw_dump, store, notifier


def test_a_call_holds_the_due_break_and_it_opens_once_shortly_after_the_call(qtbot, tmp_path):
    app, pw_dump, _, _ = app_in_a_call(tmp_path)
    opened = []
    real_open = app.breaks.open
    app.breaks.open = lambda event: opened.append(app.clock.now()) or real_open(event)
    advance_to(app, app.clock, MONDAY_9 + timedelta(minutes=31))
    assert app.window is None
    assert app.status_report()["holding_for"] == "call"
    assert menu_texts(app)[0] == "Break waiting: call"

    pw_dump.show(recorded("after_the_call"))
    call_ended = app.clock.now()
    for _ in range(12):  # two minutes in 10 s steps, as the held break's re-check wakes the app
        app.clock.advance(10)
        app.tick()
    assert len(opened) == 1, "the break opened exactly once"
    assert timedelta(seconds=GRACE_SECONDS) <= opened[0] - call_ended <= timedelta(seconds=GRACE_SECONDS + 20)
    assert app.status_report()["holding_for"] is None
    app.shutdown()


def test_turning_hold_for_calls_off_lets_the_held_break_open(qtbot, tmp_path):
    app, _, store, _ = app_in_a_call(tmp_path)
    advance_to(app, app.clock, MONDAY_9 + timedelta(minutes=31))
    assert app.status_report()["holding_for"] == "call"
    store.set("hold_for_calls", False)
    assert app.holds.name == "none", "no source is built while the setting is off"
    app.clock.advance(10)
    app.tick()
    assert app.window is not None and app.window.isVisible()
    app.shutdown()


def test_a_long_call_gets_one_overdue_notice_after_dnd_max_delay_and_no_window(qtbot, tmp_path):
    app, _, _, notifier = app_in_a_call(tmp_path, dnd_max_delay="2m")
    advance_to(app, app.clock, MONDAY_9 + timedelta(minutes=45))
    assert app.window is None
    overdue = [(title, body) for title, body in notifier.sent if "overdue" in title]
    assert overdue == [("Sit-break overdue", "It waited 2 min for: call. It starts when that ends; "
                                             "or take it now from the tray.")]
    app.shutdown()


def test_the_interruptions_page_has_the_switch_on_and_it_turns_the_hold_off(qtbot, tmp_path):
    store = SettingsStore(tmp_path / "settings.toml")
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    switch = dialog.pages["interruptions"].findChild(Switch, "field:hold_for_calls")
    assert switch is not None and switch.isChecked()
    assert dialog.fields["hold_for_calls"].label.text() == "Hold breaks during calls and screen shares"
    switch.click()
    assert store.settings.hold_for_calls is False
    assert "hold_for_calls = false" in store.path.read_text(encoding="utf-8")
