"""Soft chimes at the end of a hold and at "switch sides".

Qt's ``QSoundEffect`` lives in QtMultimedia, which ships only in the
PySide6-Addons wheel (hundreds of megabytes) that the rest of deskbreak never
needs. So deskbreak uses ``QSoundEffect`` when QtMultimedia is installed (the
``sound`` extra) and otherwise hands the WAV to the desktop's own player
(``pw-play``, ``paplay`` or ``aplay`` on Linux, ``afplay`` on macOS,
``winsound`` on Windows). Volume is applied by scaling the samples into a
cached copy, so every backend honours it. With no player or no audio device
the chime is silent: a failed chime never disturbs the routine.
"""

from __future__ import annotations

import array
import logging
import shutil
import subprocess
import sys
import wave
from pathlib import Path

from deskbreak.core.content.assets import asset_path

log = logging.getLogger(__name__)

SOUNDS = {"hold": "chime.wav", "switch": "switch.wav"}
LINUX_PLAYERS = ("pw-play", "paplay", "aplay")


def scaled_wav(source: Path, volume: int, cache_dir: Path) -> Path:
    """``source`` at ``volume`` percent (16-bit PCM), cached by name and volume."""
    target = cache_dir / f"{source.stem}-{volume}.wav"
    if target.exists():
        return target
    with wave.open(str(source), "rb") as wav:
        params = wav.getparams()
        samples = array.array("h", wav.readframes(params.nframes))
    factor = max(0, min(100, volume)) / 100
    scaled = array.array("h", (int(s * factor) for s in samples))
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    with wave.open(str(partial), "wb") as out:
        out.setparams(params)
        out.writeframes(scaled.tobytes())
    partial.replace(target)
    return target


class CommandPlayer:
    """Plays a file with a command-line player, without waiting for it."""

    def __init__(self, command: list[str]):
        self.name = Path(command[0]).name
        self._command = command
        self._running: list[subprocess.Popen] = []

    def play(self, path: Path) -> None:
        # Reap players that have finished, so none lingers as a zombie.
        self._running = [p for p in self._running if p.poll() is None]
        self._running.append(subprocess.Popen(
            [*self._command, str(path)], stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL))

    def wait(self, timeout: float = 5.0) -> None:
        """Let the chimes under way finish (quitting, or in tests)."""
        for process in self._running:
            process.wait(timeout)
        self._running.clear()


class WinsoundPlayer:
    name = "winsound"

    def play(self, path: Path) -> None:
        import winsound

        winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)


class QtSoundPlayer:
    """QSoundEffect, when PySide6-Addons is installed."""

    name = "qsoundeffect"

    def __init__(self):
        from PySide6.QtMultimedia import QSoundEffect

        self._effects: dict[Path, QSoundEffect] = {}
        self._factory = QSoundEffect

    def play(self, path: Path) -> None:
        from PySide6.QtCore import QUrl

        effect = self._effects.get(path)
        if effect is None:
            effect = self._factory()
            effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effects[path] = effect
        effect.play()


def detect_player():
    """The first way to play a WAV on this machine, or None."""
    try:
        return QtSoundPlayer()
    except ImportError:
        pass
    if sys.platform == "win32":
        return WinsoundPlayer()
    if sys.platform == "darwin" and shutil.which("afplay"):
        return CommandPlayer(["afplay"])
    for name in LINUX_PLAYERS:
        path = shutil.which(name)
        if path:
            return CommandPlayer([path, "-q"] if name == "aplay" else [path])
    return None


class Chimes:
    """Plays the routine's cues, honouring the ``sound`` and ``volume`` settings."""

    def __init__(self, player, cache_dir: Path, enabled: bool = True, volume: int = 60):
        self.player = player
        self.cache_dir = cache_dir
        self.enabled = enabled
        self.volume = volume
        log.info("chimes: %s", player.name if player else "no audio player found (silent)")

    #: The settings :meth:`follow` reads: the app calls it when one of them changes.
    KEYS = ("sound", "volume")

    def follow(self, settings) -> None:
        """Take up the ``sound`` and ``volume`` settings (after a change)."""
        self.enabled = settings.sound
        self.volume = settings.volume

    def play(self, cue: str) -> bool:
        """Play ``cue`` ("hold" or "switch"); False when silent."""
        if not self.enabled or self.volume <= 0 or self.player is None or cue not in SOUNDS:
            return False
        try:
            path = scaled_wav(asset_path("sounds", SOUNDS[cue]), self.volume, self.cache_dir)
            self.player.play(path)
        except (OSError, wave.Error, RuntimeError) as exc:
            log.info("chime failed (silent from now on): %s", exc)
            self.player = None
            return False
        return True
