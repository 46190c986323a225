"""Fakes and helpers shared by more than one test module (one home, not redefined per file)."""

from __future__ import annotations


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    """``deskbreak ARGV`` in this process: (exit status, stdout, stderr)."""
    from deskbreak.cli import main

    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


class RecordingNotifier:
    """A notification backend with the plain ``notify(title, message)`` of older backends."""

    name = "recording"

    def __init__(self):
        self.sent: list[tuple[str, str]] = []

    def available(self):
        return True

    def notify(self, title, message):
        self.sent.append((title, message))
        return True


class FakeAlarm:
    """An alarm that only remembers when it was asked to ring; tests step the app themselves."""

    def __init__(self):
        self.wakes: list = []
        self.within: float | None = None
        self.on_wake = None

    def start(self, on_wake):
        self.on_wake = on_wake

    def wake_at(self, when):
        self.wakes.append(when)

    def wake_within(self, seconds):
        self.within = seconds

    def stop(self):
        pass


class NoIdle:
    """Someone typing all the time: never idle."""

    name = "test"

    def idle_seconds(self):
        return 0.0


class SettableIdle:
    """Idle time the test sets (``idle.seconds = 90``)."""

    name = "test"

    def __init__(self):
        self.seconds = 0.0

    def idle_seconds(self):
        return self.seconds
