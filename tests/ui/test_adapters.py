"""Adapters: the apscheduler alarm, the notifier chain and idle detection."""

from __future__ import annotations

from datetime import timedelta

from deskbreak.adapters import notify
from deskbreak.adapters.alarm import QtAlarm
from deskbreak.adapters.idle import UnknownIdle, detect_idle_monitor
from deskbreak.adapters.notify import NotifierChain, NullNotifier, PlyerNotifier
from deskbreak.core.clock import SystemClock


def test_alarm_wakes_and_can_rearm_from_its_own_callback(qtbot):
    """The app schedules its next wake-up from inside the wake-up; apscheduler
    must not delete that new job as the spent one."""
    clock = SystemClock()
    alarm = QtAlarm(clock, watchdog_s=3600)
    reasons: list[str] = []

    def on_wake(reason):
        reasons.append(reason)
        if len(reasons) < 3:
            alarm.wake_at(clock.now() + timedelta(milliseconds=100))

    alarm.start(on_wake)
    try:
        alarm.wake_at(clock.now() + timedelta(milliseconds=100))
        qtbot.waitUntil(lambda: len(reasons) == 3, timeout=5000)
        assert reasons == ["alarm"] * 3
        alarm.wake_at(clock.now() + timedelta(milliseconds=100))
        alarm.wake_at(None)  # cancelled: nothing more arrives
        qtbot.wait(400)
        assert len(reasons) == 3
    finally:
        alarm.stop()


def test_watchdog_steps_regularly(qtbot):
    alarm = QtAlarm(SystemClock(), watchdog_s=0.1)
    reasons: list[str] = []
    alarm.start(reasons.append)
    try:
        qtbot.waitUntil(lambda: reasons.count("watchdog") >= 2, timeout=5000)
    finally:
        alarm.stop()


class Refusing:
    name = "refusing"

    def __init__(self, available=True):
        self._available = available
        self.calls = 0

    def available(self):
        return self._available

    def notify(self, title, message):
        self.calls += 1
        return False


def test_chain_falls_back_and_never_fails():
    unavailable, failing = Refusing(available=False), Refusing()
    chain = NotifierChain([unavailable, failing])
    assert chain.notify("t", "m") == "none"
    assert unavailable.calls == 0 and failing.calls == 1
    assert isinstance(chain.backends[-1], NullNotifier)


def test_plyer_needs_notify_send_and_a_service(monkeypatch):
    monkeypatch.setattr(notify.sys, "platform", "linux")
    monkeypatch.setattr(notify.shutil, "which", lambda name: None)
    assert not PlyerNotifier(service_present=lambda: True).available()
    monkeypatch.setattr(notify.shutil, "which", lambda name: "/usr/bin/" + name)
    assert not PlyerNotifier(service_present=lambda: False).available()
    assert PlyerNotifier(service_present=lambda: True).available()


def test_plyer_failure_moves_the_chain_on(monkeypatch):
    import plyer

    def broken(**kwargs):
        raise NotImplementedError("No usable implementation found!")

    monkeypatch.setattr(plyer.notification, "notify", broken)
    backend = PlyerNotifier(service_present=lambda: True)
    monkeypatch.setattr(backend, "available", lambda: True)
    assert NotifierChain([backend]).notify("t", "m") == "none"


def test_idle_is_unknown_without_a_display(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monitor = detect_idle_monitor()
    assert isinstance(monitor, UnknownIdle) and monitor.idle_seconds() is None
