"""Is a microphone, a camera or the screen being captured on Linux? PipeWire's graph, PulseAudio, /dev/video.

Each probe answers True (something records), False (nothing does) or None
(it cannot tell), and is asked by :mod:`deskbreak.adapters.holds.calls`,
which keeps the answer a few seconds.

* PipeWire: ``pw-dump`` prints the graph once as JSON. A call's microphone, a
  camera read through PipeWire and a screen share all appear there as a
  capture stream (``Stream/Input/Audio``, ``Stream/Input/Video``) that is
  running and linked from a source. The source of a microphone or camera is
  an ``Audio/Source`` or ``Video/Source`` node; the screen GNOME casts is a
  ``Stream/Output/Video`` node (mutter creates it as a plain stream; the KDE
  and wlroots portals call theirs ``Video/Source``). A stream fed by a sink
  (the "monitor" of the speakers) records what plays, as volume meters and
  visualizers do, and a stream marked ``stream.monitor`` is such a meter
  even on a microphone: neither is a call.
* PulseAudio, where ``pw-dump`` is missing or PipeWire does not carry the
  sound (Ubuntu 22.04 runs PipeWire for screen casts only):
  ``pactl list source-outputs``, a recording that is not corked, of a source
  that is not a monitor.
* Cameras opened directly (browsers read ``/dev/video*`` themselves unless
  told to use PipeWire): a handle to ``/dev/video*`` in a process the user
  may look into, over ``/proc/*/fd``. PipeWire and WirePlumber hold
  cameras to offer them; their clients are in the graph already.

Every command runs once per question with a timeout, its output read up to a
limit, so a stuck daemon or a hostile graph costs an answer, never the app.
"""

from __future__ import annotations

import json
import logging
import os
import re
import selectors
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from deskbreak.core.clock import Clock

log = logging.getLogger(__name__)

#: A desktop's graph with its formats is a few hundred kilobytes; past this it is no graph to parse.
#: Reading one costs about 3 times its size for a moment (benchmarks/call_probes.py).
OUTPUT_LIMIT_BYTES = 8 * 1024 * 1024
#: Asked on the GUI thread while a break is due: as long as gsettings may take (do_not_disturb.py).
COMMAND_TIMEOUT_SECONDS = 1.0
#: At most this many open files are looked at per question; a desktop has some tens of thousands.
HANDLE_LIMIT = 100_000

NODE = "PipeWire:Interface:Node"
LINK = "PipeWire:Interface:Link"
CAPTURE_STREAMS = frozenset({"Stream/Input/Audio", "Stream/Input/Video"})
#: What a capture stream records when it is linked from these (prefixes: "Audio/Source/Virtual" too).
CAPTURED_AUDIO = ("Audio/Source", "Audio/Duplex")
CAPTURED_VIDEO = ("Video/Source", "Stream/Output/Video")
#: Daemons that hold cameras open to offer them to their clients.
CAMERA_BROKERS = frozenset({"pipewire", "wireplumber", "pipewire-media-session"})


class CommandFailed(OSError):
    """A probe's command did not start, failed, took too long or wrote too much."""


def run_bounded(command: Sequence[str], environ: Mapping[str, str], clock: Clock, *,
                limit_bytes: int = OUTPUT_LIMIT_BYTES, timeout_seconds: float = COMMAND_TIMEOUT_SECONDS) -> bytes:
    """What ``command`` writes to its standard output; :class:`CommandFailed` saying why there is nothing.

    The process is killed once it has written more than ``limit_bytes`` or
    taken ``timeout_seconds``, so its output never floods memory nor holds up the GUI.
    """
    program = os.path.basename(command[0])
    try:
        process = subprocess.Popen(list(command), env=dict(environ), stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError as exc:
        raise CommandFailed(f"{program} did not start: {exc.strerror or exc}") from exc
    deadline = clock.monotonic() + timeout_seconds
    chunks: list[bytes] = []
    size = 0
    with process, selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        try:
            while True:
                left = deadline - clock.monotonic()
                if left <= 0:
                    raise CommandFailed(f"{program} took longer than {timeout_seconds:g} s")
                if not selector.select(left):
                    continue
                chunk = os.read(process.stdout.fileno(), 64 * 1024)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit_bytes:
                    raise CommandFailed(f"{program} wrote more than {limit_bytes} bytes")
                chunks.append(chunk)
            returncode = process.wait(max(deadline - clock.monotonic(), 0.01))
        except subprocess.TimeoutExpired:  # closed its output, yet runs on
            process.kill()
            raise CommandFailed(f"{program} took longer than {timeout_seconds:g} s") from None
        except BaseException:
            process.kill()
            raise
    if returncode != 0:
        raise CommandFailed(f"{program} exited with status {returncode}")
    return b"".join(chunks)


@dataclass(frozen=True)
class Graph:
    """What one ``pw-dump`` showed: a capture running, and whether PipeWire carries any sound at all."""

    capturing: bool
    carries_audio: bool


def read_graph(graph: object) -> Graph:
    """The captures in ``pw-dump``'s JSON (a list of objects); ValueError when it is not such a list."""
    if not isinstance(graph, list):
        raise ValueError(f"a list of objects expected, not {type(graph).__name__}")
    classes: dict[int, str] = {}
    capture_streams: set[int] = set()
    links: list[tuple[int, int]] = []
    for item in graph:
        info = item.get("info") if isinstance(item, dict) else None
        if not isinstance(info, dict) or not isinstance(item.get("id"), int):
            continue
        if item.get("type") == NODE:
            props = info.get("props") if isinstance(info.get("props"), dict) else {}
            media_class = props.get("media.class")
            if not isinstance(media_class, str):
                continue
            classes[item["id"]] = media_class
            if (media_class in CAPTURE_STREAMS and info.get("state") == "running"
                    and props.get("stream.monitor") not in (True, "true")):
                capture_streams.add(item["id"])
        elif item.get("type") == LINK:
            ends = (info.get("output-node-id"), info.get("input-node-id"))
            if all(isinstance(end, int) for end in ends):
                links.append(ends)
    capturing = any(into in capture_streams and _records(classes[into], classes.get(out_, ""))
                    for out_, into in links)
    carries_audio = any(media_class.startswith(("Audio/Source", "Audio/Sink", "Audio/Duplex"))
                        for media_class in classes.values())
    return Graph(capturing, carries_audio)


def _records(stream_class: str, source_class: str) -> bool:
    """A capture stream of ``stream_class`` linked from a node of ``source_class`` records a person or a screen."""
    return source_class.startswith(CAPTURED_AUDIO if stream_class.endswith("Audio") else CAPTURED_VIDEO)


class _ReportsChanges:
    """Logs a probe's trouble when it starts or changes, not at each question of a held break."""

    name = "probe"

    def __init__(self) -> None:
        self._trouble: str | None = None

    def _report(self, trouble: str | None) -> None:
        if trouble != self._trouble:
            log.info("%s", f"call probe {self.name}: {trouble}" if trouble else f"call probe {self.name} answers")
        self._trouble = trouble


class PulseRecordings(_ReportsChanges):
    """A recording of a source that is not a monitor, as ``pactl`` lists them (PulseAudio, or PipeWire's pulse server)."""

    name = "pulseaudio"
    _OUTPUT = re.compile(r"^Source Output #\d+\s*$", re.MULTILINE)
    _SOURCE = re.compile(r"^\s+Source: (\d+)\s*$", re.MULTILINE)
    _CORKED = re.compile(r"^\s+Corked: yes\s*$", re.MULTILINE)

    def __init__(self, pactl: str, environ: Mapping[str, str], clock: Clock) -> None:
        super().__init__()
        # pactl translates its labels ("Quellausgabe #3"): the parser reads the C locale's.
        self._environ = {**environ, "LC_ALL": "C"}
        self._pactl = pactl
        self._clock = clock

    def capturing(self) -> bool | None:
        try:
            sources = self._run("list", "short", "sources")
            outputs = self._run("list", "source-outputs")
        except CommandFailed as exc:
            self._report(str(exc))
            return None
        self._report(None)
        return self.records(outputs, sources)

    @classmethod
    def records(cls, outputs: str, sources: str) -> bool:
        """``pactl list source-outputs`` shows a running recording of a source ``pactl list short sources`` names
        as no monitor (index, name, driver, format, state: one source a line)."""
        monitors = {fields[0] for fields in (line.split("\t") for line in sources.splitlines())
                    if len(fields) > 1 and fields[1].endswith(".monitor")}
        for block in cls._OUTPUT.split(outputs)[1:]:
            source = cls._SOURCE.search(block)
            if source and source.group(1) not in monitors and not cls._CORKED.search(block):
                return True
        return False

    def _run(self, *arguments: str) -> str:
        return run_bounded([self._pactl, *arguments], self._environ, self._clock).decode("utf-8", "replace")


class PipeWireCaptures(_ReportsChanges):
    """A running capture stream linked from a microphone, a camera or a screen cast, in ``pw-dump``'s graph.

    Where PipeWire does not answer, or carries no sound, ``sound_elsewhere``
    (PulseAudio) is asked about the microphone.
    """

    name = "pipewire"

    def __init__(self, pw_dump: str, environ: Mapping[str, str], clock: Clock,
                 sound_elsewhere: PulseRecordings | None = None, limit_bytes: int = OUTPUT_LIMIT_BYTES) -> None:
        super().__init__()
        self._command = [pw_dump, "--no-colors"]
        self._environ = dict(environ)
        self._clock = clock
        self._sound_elsewhere = sound_elsewhere
        self._limit_bytes = limit_bytes

    def capturing(self) -> bool | None:
        graph = self._graph()
        if graph is not None and graph.capturing:
            return True
        if self._sound_elsewhere is not None and (graph is None or not graph.carries_audio):
            return self._sound_elsewhere.capturing()
        return None if graph is None else False

    def _graph(self) -> Graph | None:
        try:
            output = run_bounded(self._command, self._environ, self._clock, limit_bytes=self._limit_bytes)
            graph = read_graph(json.loads(output))
        except CommandFailed as exc:
            self._report(str(exc))
            return None
        except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
            self._report(f"pw-dump printed no graph: {str(exc)[:200]}")
            return None
        self._report(None)
        return graph


class VideoDeviceHandles(_ReportsChanges):
    """A process of the user holds ``/dev/video*`` open: a camera read without PipeWire."""

    name = "video-devices"

    def __init__(self, proc: Path = Path("/proc"), handle_limit: int = HANDLE_LIMIT) -> None:
        super().__init__()
        self._proc = proc
        self._handle_limit = handle_limit

    def capturing(self) -> bool | None:
        looked = 0
        try:
            processes = [entry.name for entry in os.scandir(self._proc) if entry.name.isdigit()]
        except OSError as exc:
            self._report(f"cannot list {self._proc}: {exc.strerror or exc}")
            return None
        for pid in processes:
            # Strings, not Paths: a desktop has tens of thousands of open files to look at.
            handles = f"{self._proc}/{pid}/fd"
            try:
                descriptors = os.listdir(handles)  # another user's process: PermissionError
            except OSError:
                continue
            looked += len(descriptors)
            if looked > self._handle_limit:
                self._report(f"more than {self._handle_limit} open files, the rest not looked at")
                return None
            if any(_target(f"{handles}/{fd}").startswith("/dev/video") for fd in descriptors) and not self._broker(pid):
                return True
        self._report(None)
        return False

    def _broker(self, pid: str) -> bool:
        try:
            return (self._proc / pid / "comm").read_text(encoding="utf-8", errors="replace").strip() in CAMERA_BROKERS
        except OSError:
            return False


def _target(link: str) -> str:
    try:
        return os.readlink(link)
    except OSError:  # closed since it was listed
        return ""


def probes(environ: Mapping[str, str], clock: Clock, proc: Path = Path("/proc")) -> list:
    """The probes this Linux or BSD desktop offers: PipeWire's graph or PulseAudio, and open cameras.

    The tools are looked up on ``environ``'s ``PATH`` (none without one), so a
    test's empty environment runs none of the machine's.
    """
    path = environ.get("PATH", "")
    pw_dump, pactl = shutil.which("pw-dump", path=path), shutil.which("pactl", path=path)
    pulse = PulseRecordings(pactl, environ, clock) if pactl else None
    found: list = [PipeWireCaptures(pw_dump, environ, clock, sound_elsewhere=pulse)] if pw_dump else (
        [pulse] if pulse else [])
    if (proc / "self" / "fd").is_dir():
        found.append(VideoDeviceHandles(proc))
    return found
