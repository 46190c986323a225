"""Fakes shared by more than one test module (one home, not redefined per file)."""

from __future__ import annotations


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
