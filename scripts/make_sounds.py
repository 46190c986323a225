"""Writes deskbreak's chimes into assets/sounds/ (run once; the WAVs are committed).

Two soft bell-like tones, synthesised here so the sounds are our own: a
partial at the fundamental and a quieter one a fifth and an octave up, each
with a quick attack and an exponential decay. ``chime.wav`` marks the end of a
hold; ``switch.wav`` (two notes, rising) marks "switch sides".
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"


def bell(frequency: float, seconds: float, amplitude: float) -> list[float]:
    samples = []
    for n in range(int(RATE * seconds)):
        t = n / RATE
        envelope = min(1.0, t / 0.008) * math.exp(-t * 5.0)
        tone = (math.sin(2 * math.pi * frequency * t)
                + 0.35 * math.sin(2 * math.pi * frequency * 1.5 * t)
                + 0.2 * math.sin(2 * math.pi * frequency * 2.0 * t))
        samples.append(amplitude * envelope * tone / 1.55)
    return samples


def write(path: Path, samples: list[float]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write(OUT / "chime.wav", bell(880.0, 0.9, 0.6))
    first, second = bell(660.0, 0.35, 0.55), bell(880.0, 0.8, 0.55)
    write(OUT / "switch.wav", first[: int(RATE * 0.18)] + second)


if __name__ == "__main__":
    main()
