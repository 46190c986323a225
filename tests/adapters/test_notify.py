"""Notifications: one quiet deskbreak notification on screen at a time.

The freedesktop backend is tested against a fake notification server on a
private bus (``fake_notify_service.py``, which records every call with the
signature it arrived with); against the real dunst, which needs an X screen,
in ``tests/desktop/test_notify_desktop.py``. The chain and the plyer fallback
are tested with plain fakes.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from deskbreak.adapters import notify
from support.fakes import RecordingNotifier as TwoArgumentBackend  # a backend written for notify(title, message)
from deskbreak.adapters.notify import FreedesktopNotifier, NotifierChain, PlyerNotifier

FAKE_SERVICE = Path(__file__).with_name("fake_notify_service.py")
NOTIFY_SIGNATURE = "susssasa{sv}i"  # the spec's Notify(s app, u replaces, s icon, s summary, s body, as, a{sv}, i)
POSTPONE = ("postpone", "Postpone")
ICON = "/usr/share/icons/deskbreak.svg"


class FakeServer:
    """The fake service's recorded calls, and its remote control."""

    def __init__(self, calls_path: Path, bus_address: str):
        self.calls_path = calls_path
        self.bus_address = bus_address

    def calls(self, method: str) -> list[dict]:
        return [c for c in json.loads(self.calls_path.read_text(encoding="utf-8")) if c["method"] == method]

    def press(self, notification_id: int, action_key: str) -> None:
        self._control("TestInvoke", f"uint32:{notification_id}", f"string:{action_key}")

    def close(self, notification_id: int, reason: int = 1) -> None:
        self._control("TestClose", f"uint32:{notification_id}", f"uint32:{reason}")

    def _control(self, method: str, *arguments: str) -> None:
        # dbus-send, not the code under test, so the remote control cannot share its mistakes.
        subprocess.run(
            ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.Notifications",
             "/org/freedesktop/Notifications", f"org.freedesktop.Notifications.{method}", *arguments],
            env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": self.bus_address},
            check=True, capture_output=True, timeout=10,
        )


class Recording:
    """A backend that always delivers and remembers what it was asked."""

    def __init__(self, name: str = "recording"):
        self.name = name
        self.sent: list[tuple[str, str, float | None]] = []
        self.withdrawn = 0

    def available(self) -> bool:
        return True

    def notify(self, title, message, *, expire_s=None, actions=()):
        self.sent.append((title, message, expire_s))
        return True

    def withdraw(self) -> None:
        self.withdrawn += 1


@pytest.fixture
def start_server(spawn_on_bus, private_bus: str, tmp_path: Path):
    def start(*, capabilities: str = "body,actions", hang_seconds: float = 0.0) -> FakeServer:
        calls = tmp_path / "notify-calls.json"
        spawn_on_bus(FAKE_SERVICE, str(calls), "--capabilities", capabilities, "--hang-seconds", str(hang_seconds))
        return FakeServer(calls, private_bus)

    return start


# -- the freedesktop backend against the fake server --------------------------------


def test_each_notification_replaces_the_previous_one(bus, start_server):
    server = start_server()
    notifier = FreedesktopNotifier(bus, icon_path=ICON)
    assert notifier.available()
    for n in range(3):
        assert notifier.notify(f"Break in {3 - n} min", "Stand up and stretch")
    sent = server.calls("Notify")
    assert [c["replaces_id"] for c in sent] == [0, 1, 1]  # one notification, updated twice
    assert {c["signature"] for c in sent} == {NOTIFY_SIGNATURE}
    assert sent[0]["app_name"] == "deskbreak" and sent[0]["app_icon"] == ICON
    assert sent[-1]["summary"] == "Break in 1 min" and sent[-1]["body"] == "Stand up and stretch"
    assert len(server.calls("GetCapabilities")) == 1  # asked once, not per notification
    assert len(server.calls("GetServerInformation")) == 1


def test_expiry_is_sent_in_milliseconds_and_none_leaves_it_to_the_server(bus, start_server):
    server = start_server()
    notifier = FreedesktopNotifier(bus)
    notifier.notify("Break soon", "in 90 s", expire_s=90.25)
    notifier.notify("Break soon", "whenever")
    notifier.notify("Break now", "already due", expire_s=0)
    assert [c["expire_timeout"] for c in server.calls("Notify")] == [90250, -1, 1]  # 0 would mean "never"


def test_withdraw_closes_our_notification_and_the_next_one_starts_afresh(bus, start_server, qtbot):
    server = start_server()
    notifier = FreedesktopNotifier(bus)
    notifier.withdraw()  # nothing shown: nothing to close
    notifier.notify("Break in 2 min", "")
    notifier.withdraw()
    qtbot.waitUntil(lambda: bool(server.calls("CloseNotification")), timeout=5000)
    assert server.calls("CloseNotification") == [{"method": "CloseNotification", "signature": "u", "id": 1}]
    assert not notifier.showing
    notifier.notify("Break in 30 min", "")
    assert [c["replaces_id"] for c in server.calls("Notify")] == [0, 0]


def test_a_notification_the_server_closed_is_not_replaced_by_its_stale_id(bus, start_server, qtbot):
    server = start_server()
    notifier = FreedesktopNotifier(bus)
    notifier.notify("Break in 2 min", "")
    server.close(1, reason=1)  # expired
    qtbot.waitUntil(lambda: not notifier.showing, timeout=5000)
    notifier.notify("Break in 30 min", "")
    assert [c["replaces_id"] for c in server.calls("Notify")] == [0, 0]


def test_postpone_is_offered_only_where_the_server_draws_buttons(bus, start_server):
    server = start_server(capabilities="body")
    notifier = FreedesktopNotifier(bus)
    notifier.notify("Break in 2 min", "", actions=[POSTPONE])
    assert server.calls("Notify")[0]["actions"] == []
    assert server.calls("Notify")[0]["signature"] == NOTIFY_SIGNATURE  # an empty "as", not "av"


def test_pressing_postpone_reaches_on_action_only_for_our_notification(bus, start_server, qtbot):
    server = start_server(capabilities="body,actions")
    chain = NotifierChain([FreedesktopNotifier(bus)])
    pressed: list[str] = []
    chain.on_action = pressed.append
    assert chain.notify("Break in 2 min", "", actions=[POSTPONE]) == "freedesktop"
    assert server.calls("Notify")[0]["actions"] == ["postpone", "Postpone"]
    server.press(77, "postpone")  # another application's notification
    server.press(1, "postpone")
    qtbot.waitUntil(lambda: bool(pressed), timeout=5000)
    qtbot.wait(100)
    assert pressed == ["postpone"]


def test_text_is_escaped_where_the_server_reads_markup(bus, start_server):
    server = start_server(capabilities="body,body-markup")
    FreedesktopNotifier(bus).notify("Stretch", "hips & <hamstrings>")
    assert server.calls("Notify")[0]["body"] == "hips &amp; &lt;hamstrings&gt;"


def test_a_server_without_body_gets_everything_in_the_summary(bus, start_server):
    server = start_server(capabilities="")
    FreedesktopNotifier(bus).notify("Break in 2 min", "Hip flexor\nstretch")
    sent = server.calls("Notify")[0]
    assert (sent["summary"], sent["body"]) == ("Break in 2 min: Hip flexor stretch", "")


def test_without_a_server_the_chain_falls_back_at_once(bus):
    notifier = FreedesktopNotifier(bus)
    assert not notifier.available()
    fallback = Recording()
    began = time.monotonic()
    assert NotifierChain([notifier, fallback]).notify("Break in 2 min", "") == "recording"
    assert time.monotonic() - began < 0.5
    assert fallback.sent == [("Break in 2 min", "", None)]


def test_a_hung_server_costs_about_the_timeout_and_the_chain_falls_back(bus, start_server):
    start_server(hang_seconds=5)
    fallback = Recording()
    chain = NotifierChain([FreedesktopNotifier(bus, call_timeout_s=0.5), fallback])
    began = time.monotonic()
    assert chain.notify("Break in 2 min", "") == "recording"
    assert 0.4 < time.monotonic() - began < 1.5
    assert fallback.sent


# -- the chain ---------------------------------------------------------------------


def test_a_notification_through_another_backend_withdraws_the_previous_one():
    first, second = Recording("first"), Recording("second")
    chain = NotifierChain([first, second])
    chain.notify("Break in 2 min", "")
    first.available = lambda: False  # e.g. the notification server went away
    assert chain.notify("Break in 1 min", "") == "second"
    assert first.withdrawn == 1 and second.withdrawn == 0
    chain.withdraw()
    chain.withdraw()  # once is enough
    assert second.withdrawn == 1


def test_expiry_and_actions_reach_new_backends_and_old_ones_still_work():
    old, new = TwoArgumentBackend(), Recording()
    chain = NotifierChain([old])
    assert chain.notify("Break in 2 min", "stretch", expire_s=120, actions=[POSTPONE]) == old.name
    assert old.sent == [("Break in 2 min", "stretch")]
    chain.withdraw()  # a backend without withdraw is simply left alone
    assert NotifierChain([new]).notify("Break in 2 min", "stretch", expire_s=120) == "recording"
    assert new.sent == [("Break in 2 min", "stretch", 120)]


def test_a_backend_that_raises_is_skipped():
    class Broken(Recording):
        def notify(self, *args, **kwargs):
            raise RuntimeError("boom")

    fallback = Recording()
    assert NotifierChain([Broken("broken"), fallback]).notify("t", "m") == "recording"


def test_plyer_is_given_a_timeout_in_whole_seconds(monkeypatch):
    import plyer

    timeouts: list[int] = []
    monkeypatch.setattr(plyer.notification, "notify", lambda **kwargs: timeouts.append(kwargs["timeout"]))
    backend = PlyerNotifier()
    for expire_s in (None, 42.4, 0.2):
        assert backend.notify("t", "m", expire_s=expire_s)
    backend.withdraw()  # plyer cannot close: nothing happens
    assert timeouts == [notify.NOTIFICATION_SECONDS, 42, 1]


def test_the_default_chain_tries_the_notification_server_first_on_linux(monkeypatch, bus):
    monkeypatch.setattr(notify.sys, "platform", "linux")
    chain = notify.default_notifier_chain("icon.svg", bus)
    assert [b.name for b in chain.backends] == ["freedesktop", "plyer", "none"]
    monkeypatch.setattr(notify.sys, "platform", "win32")
    assert [b.name for b in notify.default_notifier_chain("icon.svg", bus).backends] == ["plyer", "none"]
