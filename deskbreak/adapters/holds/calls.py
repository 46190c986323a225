"""Hold a due break while the user is in a call or shares the screen (the ``hold_for_calls`` setting).

What a call looks like to the machine is a microphone, a camera or the
screen being captured, whichever app does it (a browser tab included, which
no window class gives away). Each platform has its own way to ask, a
*probe* each: PipeWire's graph, PulseAudio and open camera devices on Linux
(:mod:`.capture_linux`), the privacy settings' consent store on Windows
(:mod:`.capture_windows`), CoreAudio on macOS (:mod:`.capture_macos`).

The probes are asked at most every :data:`REREAD_SECONDS`, since a held
break is looked at again and again and each question may start a process,
and the hold lasts :data:`GRACE_SECONDS` after a capture was last seen, so a
call that drops for a moment is still the same call and its break opens once,
after it ends.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from deskbreak.adapters.holds.desktop import Desktop, optional
from deskbreak.core.clock import Clock
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate
from deskbreak.core.scheduling.holds import Hold, HoldSource
from deskbreak.core.settings import Settings

KEYS = ("hold_for_calls",)

#: The reason the tray ("Break waiting: call") and ``status --json``'s ``holding_for`` show.
CALL = QT_TRANSLATE_NOOP("holds", "call")
#: A call app that reconnects, or a recording that restarts on another device, is
#: gone for a few seconds; that is still the same call, so the hold lasts this long
#: after a capture was last seen. The break then opens within this, REREAD_SECONDS
#: and the engine's re-check of a held break (10 s) of the call's end.
GRACE_SECONDS = 10.0
#: A held break is asked about every few seconds; the probes start processes, so their answer is kept this long.
REREAD_SECONDS = 3.0


class CaptureProbe(Protocol):
    """One way to see a capture: True (something records), False (nothing does), None (cannot tell)."""

    name: str

    def capturing(self) -> bool | None: ...


def sources(settings: Settings, desktop: Desktop) -> list[HoldSource]:
    if not settings.hold_for_calls:
        return []
    probes = _probes(desktop)
    return [CallHold(probes, desktop.clock)] if probes else []


def _probes(desktop: Desktop) -> list[CaptureProbe]:
    if desktop.platform == "win32":
        from deskbreak.adapters.holds.capture_windows import ConsentStore  # noqa: PLC0415  (winreg: Windows only)

        return optional("Windows consent store", ConsentStore)
    if desktop.platform == "darwin":
        from deskbreak.adapters.holds.capture_macos import CoreAudioInput  # noqa: PLC0415  (macOS only)

        return optional("CoreAudio", CoreAudioInput)
    from deskbreak.adapters.holds import capture_linux  # noqa: PLC0415  (Linux and BSD only)

    return capture_linux.probes(desktop.environ, desktop.clock)


class CallHold:
    """A capture some probe sees holds the break, and goes on holding it :data:`GRACE_SECONDS` after the last."""

    def __init__(self, probes: list[CaptureProbe], clock: Clock, reread_seconds: float = REREAD_SECONDS,
                 grace_seconds: float = GRACE_SECONDS) -> None:
        self._probes = list(probes)
        self._clock = clock
        self._reread_seconds = reread_seconds
        self._grace_seconds = grace_seconds
        self._read_at: float | None = None
        self._seen_at: float | None = None
        self.name = "+".join(probe.name for probe in self._probes)

    def hold(self, now: datetime) -> Hold | None:
        asked = self._clock.monotonic()
        if self._read_at is None or asked - self._read_at >= self._reread_seconds:
            self._read_at = asked
            # The first probe that sees a capture answers; "cannot tell" is no capture.
            if any(probe.capturing() for probe in self._probes):
                self._seen_at = asked
        if self._seen_at is not None and asked - self._seen_at < self._grace_seconds:
            return Hold(translate("holds", CALL), self.name)
        return None

    def close(self) -> None:
        pass  # a probe holds nothing open between questions
