"""Adapters: the apscheduler alarm, the notifier chain and idle detection."""

from __future__ import annotations

from datetime import timedelta

from deskbreak.adapters import notify
from deskbreak.adapters.alarm import QtAlarm
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


# -- chimes --------------------------------------------------------------------

import array  # noqa: E402
import wave  # noqa: E402

from deskbreak.adapters import sound  # noqa: E402
from deskbreak.core.content.assets import asset_path  # noqa: E402


def peak(path) -> int:
    with wave.open(str(path), "rb") as wav:
        return max(abs(s) for s in array.array("h", wav.readframes(wav.getnframes())))


def test_chime_assets_are_short_soft_wavs():
    for name in sound.SOUNDS.values():
        with wave.open(str(asset_path("sounds", name)), "rb") as wav:
            seconds = wav.getnframes() / wav.getframerate()
            assert wav.getsampwidth() == 2 and 0.3 < seconds < 1.5
        assert peak(asset_path("sounds", name)) < 32767 * 0.8  # soft, never clipping


def test_volume_scales_the_samples_and_is_cached(tmp_path):
    source = asset_path("sounds", "chime.wav")
    half = sound.scaled_wav(source, 50, tmp_path)
    assert abs(peak(half) - peak(source) / 2) <= 1
    assert sound.scaled_wav(source, 50, tmp_path) == half
    assert peak(sound.scaled_wav(source, 0, tmp_path)) == 0


class FakePlayer:
    name = "fake"

    def __init__(self, error=None):
        self.played = []
        self.error = error

    def play(self, path):
        if self.error:
            raise self.error
        self.played.append(path)


def test_chimes_honour_sound_settings_and_fall_silent_on_failure(tmp_path):
    player = FakePlayer()
    chimes = sound.Chimes(player, tmp_path, enabled=True, volume=60)
    assert chimes.play("hold") and chimes.play("switch")
    assert [p.name for p in player.played] == ["chime-60.wav", "switch-60.wav"]
    assert not sound.Chimes(player, tmp_path, enabled=False).play("hold")
    assert not sound.Chimes(player, tmp_path, volume=0).play("hold")
    assert not sound.Chimes(None, tmp_path).play("hold")
    broken = sound.Chimes(FakePlayer(OSError("no audio device")), tmp_path)
    assert not broken.play("hold") and broken.player is None


def test_a_command_line_player_is_found_on_path(tmp_path, monkeypatch):
    fake = tmp_path / "paplay"
    fake.write_text('#!/bin/sh\necho "$@" > "$0.played"\n')
    fake.chmod(0o755)
    monkeypatch.setattr(sound.sys, "platform", "linux")
    monkeypatch.setenv("PATH", str(tmp_path))
    player = sound.detect_player()
    assert player is not None and player.name == "paplay"
    player.play(asset_path("sounds", "chime.wav"))
    player.wait()
    assert (tmp_path / "paplay.played").read_text().strip().endswith("chime.wav")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert sound.detect_player() is None


def test_wake_requests_do_not_pile_up_scheduler_timers(qtbot):
    """Each request used to start a timer chain that could never be cancelled."""
    clock = SystemClock()
    alarm = QtAlarm(clock, watchdog_s=3600)
    passes = []
    scheduler = alarm._scheduler
    original = scheduler._process_jobs
    scheduler._process_jobs = lambda: (passes.append(1), original())[1]
    alarm.start(lambda reason: None)
    try:
        for _ in range(200):
            alarm.wake_at(clock.now() + timedelta(hours=1))
        qtbot.wait(300)
        assert len(passes) <= 3
    finally:
        alarm.stop()
