"""Calls and screen shares hold breaks: the probes of each platform, the grace after a call, the setting.

PipeWire is read from ``pw-dump`` graphs recorded on a headless PipeWire
(``tests/support/pw_dumps/``) and from graphs written here, served by a
fake ``pw-dump`` on the source's ``PATH``; PulseAudio by a fake ``pactl``;
open cameras from a fake ``/proc``. Windows' registry and macOS's CoreAudio
are fakes (the real ones exist only there). The real PipeWire daemon, with
the real app, is in ``tests/desktop/test_call_desktop.py``.
"""

from __future__ import annotations

import ctypes
import logging
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskbreak.adapters.holds import HOLD_SOURCES, Desktop, calls, detect_holds
from deskbreak.adapters.holds import capture_linux, capture_macos
from deskbreak.adapters.holds.calls import CALL, GRACE_SECONDS, REREAD_SECONDS, CallHold
from deskbreak.adapters.holds.capture_linux import (LINK, NODE, CommandFailed, Graph, PipeWireCaptures,
                                                    PulseRecordings, VideoDeviceHandles, read_graph, run_bounded)
from deskbreak.adapters.holds.capture_macos import (DEFAULT_INPUT_DEVICE, IS_RUNNING_SOMEWHERE, SYSTEM_OBJECT,
                                                    CoreAudioInput)
from deskbreak.adapters.holds.capture_windows import CONSENT_STORE, ConsentStore
from deskbreak.core.clock import FakeClock, SystemClock
from deskbreak.core.scheduling.holds import Holds
from deskbreak.core.settings import Settings
from support.holds import NOW
from support.pipewire import CAT, FakePwDump, executable, link, node, recorded

# The fakes run with nothing but themselves on PATH.
SLEEP, YES = shutil.which("sleep"), shutil.which("yes")


def probe_of(pw_dump: FakePwDump, **options) -> PipeWireCaptures:
    return PipeWireCaptures(str(pw_dump.path), pw_dump.environ, FakeClock(), **options)


@pytest.fixture
def pw_dump(tmp_path: Path) -> FakePwDump:
    return FakePwDump(tmp_path)


# --- PipeWire's graph ---------------------------------------------------------------------


def test_a_recording_of_a_microphone_is_a_call(pw_dump):
    pw_dump.show(recorded("call"))
    assert probe_of(pw_dump).capturing() is True


def test_a_recording_of_the_speakers_monitor_is_a_volume_meter_not_a_call(pw_dump):
    pw_dump.show(recorded("volume_meter"))
    assert probe_of(pw_dump).capturing() is False


def test_after_the_call_the_microphone_is_free(pw_dump):
    pw_dump.show(recorded("after_the_call"))
    assert probe_of(pw_dump).capturing() is False


def test_a_capture_stream_that_is_not_running_is_no_call():
    graph = recorded("call")
    [stream] = [item for item in graph if item["info"].get("props", {}).get("media.class") == "Stream/Input/Audio"]
    for state in ("idle", "suspended", "paused", "error"):
        stream["info"]["state"] = state
        assert read_graph(graph) == Graph(capturing=False, carries_audio=True), state


def test_a_meter_on_the_microphone_marks_itself_and_is_no_call():
    graph = recorded("call")
    [stream] = [item for item in graph if item["info"].get("props", {}).get("media.class") == "Stream/Input/Audio"]
    for monitor in (True, "true"):
        stream["info"]["props"]["stream.monitor"] = monitor
        assert read_graph(graph).capturing is False


@pytest.mark.parametrize("source_class", ["Stream/Output/Video", "Video/Source"])
def test_a_screen_share_or_a_camera_read_through_pipewire_is_a_call(source_class):
    # GNOME's screen cast is a plain stream of mutter's (media.name meta-screen-cast-src);
    # the KDE and wlroots portals and cameras are Video/Source nodes.
    graph = [node(40, source_class, **{"media.name": "meta-screen-cast-src"}),
             node(41, "Stream/Input/Video", **{"application.name": "Chromium"}), link(42, 40, 41)]
    assert read_graph(graph) == Graph(capturing=True, carries_audio=False)


def test_only_a_link_from_a_source_into_the_running_stream_counts():
    unlinked = [node(30, "Audio/Source"), node(31, "Stream/Input/Audio")]
    backwards = [*unlinked, link(32, 31, 30)]
    from_an_app = [node(30, "Stream/Output/Audio"), node(31, "Stream/Input/Audio"), link(32, 30, 31)]
    assert not read_graph(unlinked).capturing
    assert not read_graph(backwards).capturing
    assert not read_graph(from_an_app).capturing, "one app recording another's sound is no call"
    assert read_graph([node(30, "Audio/Source/Virtual"), node(31, "Stream/Input/Audio"), link(32, 30, 31)]).capturing


@pytest.mark.parametrize("output", [b"", b"not json", b"{\"id\": 1}", b"[1, \"two\", null, {\"info\": 3}]",
                                    b"[" * 100_000 + b"]" * 100_000, b"\xff\xfe[]"])
def test_output_that_is_no_graph_is_never_a_call(pw_dump, output):
    pw_dump.graph_file.write_bytes(output)
    answer = probe_of(pw_dump).capturing()
    assert answer is (False if output.startswith(b"[1") else None), "a list of junk is a graph of nothing"


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                                      max_size=4), max_leaves=30)
graph_items = st.fixed_dictionaries({"id": json_values | st.integers(0, 5), "type": st.sampled_from([NODE, LINK, "x"]),
                                     "info": json_values | st.fixed_dictionaries({
                                         "state": json_values | st.just("running"),
                                         "props": json_values | st.fixed_dictionaries(
                                             {"media.class": json_values | st.sampled_from(
                                                 ["Audio/Source", "Stream/Input/Audio", "Video/Source"])}),
                                         "output-node-id": json_values | st.integers(0, 5),
                                         "input-node-id": json_values | st.integers(0, 5)})})


@given(st.lists(graph_items | json_values, max_size=8) | json_values)
def test_any_json_gives_an_answer_or_a_value_error(graph):
    try:
        assert isinstance(read_graph(graph), Graph)
    except ValueError:
        assert not isinstance(graph, list)


def test_a_huge_graph_is_cut_off_at_the_limit(tmp_path):
    endless = executable(tmp_path, "pw-dump", f"exec {YES} '[[[[[[[['\n")
    with pytest.raises(CommandFailed, match="wrote more than 100000 bytes"):
        run_bounded([str(endless)], {}, FakeClock(), limit_bytes=100_000)
    probe = PipeWireCaptures(str(endless), {}, FakeClock(), limit_bytes=100_000)
    assert probe.capturing() is None


@pytest.mark.parametrize("script", [f"exec {SLEEP} 30\n", f"exec >&-; exec {SLEEP} 30\n"],
                         ids=["silent", "closed its output"])
def test_a_command_that_hangs_is_stopped_after_its_timeout(tmp_path, script):
    hanging = executable(tmp_path, "pw-dump", script)
    clock = SystemClock()
    started = clock.monotonic()
    with pytest.raises(CommandFailed, match="took longer than 0.3 s"):
        run_bounded([str(hanging)], {}, clock, timeout_seconds=0.3)
    assert clock.monotonic() - started < 2


def test_pipewire_not_running_is_cannot_tell_and_logged_once(tmp_path, caplog):
    down = executable(tmp_path, "pw-dump", "echo \"can't connect: Host is down\" >&2; exit 255\n")
    probe = PipeWireCaptures(str(down), {}, FakeClock())
    with caplog.at_level(logging.INFO, logger=capture_linux.__name__):
        assert probe.capturing() is None
        assert probe.capturing() is None
    assert [r.getMessage() for r in caplog.records] == ["call probe pipewire: pw-dump exited with status 255"]


def test_a_missing_pw_dump_is_cannot_tell(tmp_path):
    assert PipeWireCaptures(str(tmp_path / "gone"), {}, FakeClock()).capturing() is None


# --- PulseAudio -----------------------------------------------------------------------------

SOURCES = ("0\talsa_output.pci-0000_00_1f.3.analog-stereo.monitor\tmodule-alsa-card.c\ts16le 2ch 44100Hz\tRUNNING\n"
           "1\talsa_input.pci-0000_00_1f.3.analog-stereo\tmodule-alsa-card.c\ts16le 2ch 44100Hz\tRUNNING\n")


def source_output(index: int, source: int, corked: str = "no") -> str:
    return (f"Source Output #{index}\n\tDriver: protocol-native.c\n\tOwner Module: 10\n\tClient: 12\n"
            f"\tSource: {source}\n\tSample Specification: s16le 1ch 44100Hz\n\tChannel Map: mono\n"
            f"\tCorked: {corked}\n\tMute: no\n\tVolume: mono: 65536 / 100% / 0.00 dB\n\t        balance 0.00\n"
            f"\tProperties:\n\t\tmedia.name = \"record\"\n\t\tapplication.name = \"Firefox\"\n\n")


class FakePactl:
    """``pactl list short sources`` and ``pactl list source-outputs`` as the test sets them (in the C locale)."""

    def __init__(self, folder: Path) -> None:
        self.sources, self.outputs = folder / "sources.txt", folder / "outputs.txt"
        self.sources.write_text(SOURCES)
        self.outputs.write_text("")
        self.path = executable(folder / "bin", "pactl", f"""[ "$LC_ALL" = C ] || exit 3
[ "$2" = short ] && exec {CAT} "{self.sources}"
exec {CAT} "{self.outputs}"
""")

    def probe(self) -> PulseRecordings:
        return PulseRecordings(str(self.path), {"LANG": "de_DE.UTF-8"}, FakeClock())


@pytest.fixture
def pactl(tmp_path: Path) -> FakePactl:
    (tmp_path / "pulse").mkdir()
    return FakePactl(tmp_path / "pulse")


@pytest.mark.parametrize("outputs, expected", [
    ("", False),
    (source_output(4, source=1), True),
    (source_output(4, source=0), False),  # the monitor: a volume meter
    (source_output(4, source=1, corked="yes"), False),
    (source_output(4, source=0) + source_output(5, source=1), True),
], ids=["nothing", "microphone", "monitor", "corked", "meter and microphone"])
def test_pulseaudio_recordings_of_a_source_that_is_not_a_monitor(pactl, outputs, expected):
    pactl.outputs.write_text(outputs)
    assert pactl.probe().capturing() is expected


def test_pulseaudio_without_a_server_is_cannot_tell(tmp_path):
    failing = executable(tmp_path, "pactl", "echo 'Connection failure: Connection refused' >&2; exit 1\n")
    assert PulseRecordings(str(failing), {}, FakeClock()).capturing() is None


def test_pulseaudio_is_asked_where_pipewire_is_down_or_carries_no_sound(pw_dump, pactl, tmp_path):
    pactl.outputs.write_text(source_output(4, source=1))
    screen_cast_only = [node(40, "Stream/Output/Video"), node(41, "Video/Sink", state="suspended")]
    pw_dump.show(screen_cast_only)  # Ubuntu 22.04: PipeWire for screen casts, PulseAudio for sound
    assert probe_of(pw_dump, sound_elsewhere=pactl.probe()).capturing() is True
    pw_dump.show(recorded("after_the_call"))  # PipeWire carries the sound: its word is final
    assert probe_of(pw_dump, sound_elsewhere=pactl.probe()).capturing() is False
    down = executable(tmp_path / "down", "pw-dump", "exit 255\n")
    assert PipeWireCaptures(str(down), {}, FakeClock(), sound_elsewhere=pactl.probe()).capturing() is True


# --- open cameras ------------------------------------------------------------------------


def fake_proc(root: Path, processes: dict[int, tuple[str, list[str]]]) -> Path:
    """A /proc with ``pid: (comm, [targets of its open files])``."""
    for pid, (comm, targets) in processes.items():
        (root / str(pid) / "fd").mkdir(parents=True)
        (root / str(pid) / "comm").write_text(comm + "\n")
        for fd, target in enumerate(targets):
            (root / str(pid) / "fd" / str(fd)).symlink_to(target)
    (root / "self" / "fd").mkdir(parents=True)
    return root


def test_a_process_with_a_camera_open_is_capturing(tmp_path):
    proc = fake_proc(tmp_path / "proc", {100: ("bash", ["/dev/pts/1"]), 200: ("chrome", ["/dev/null", "/dev/video0"])})
    assert VideoDeviceHandles(proc).capturing() is True


def test_cameras_held_by_pipewire_to_offer_them_are_no_capture(tmp_path):
    proc = fake_proc(tmp_path / "proc", {100: ("pipewire", ["/dev/video0"]), 101: ("wireplumber", ["/dev/video1"]),
                                         102: ("firefox", ["/dev/snd/pcmC0D0c", "socket:[1234]"])})
    assert VideoDeviceHandles(proc).capturing() is False


def test_the_camera_scan_stops_at_its_limit(tmp_path):
    proc = fake_proc(tmp_path / "proc", {pid: ("app", ["/dev/null"] * 5) for pid in range(100, 110)})
    assert VideoDeviceHandles(proc, handle_limit=20).capturing() is None
    assert VideoDeviceHandles(proc, handle_limit=50).capturing() is False


def test_no_proc_is_cannot_tell(tmp_path):
    assert VideoDeviceHandles(tmp_path / "nowhere").capturing() is None


def test_linux_probes_come_from_the_path_and_proc(pw_dump, pactl, tmp_path):
    proc = fake_proc(tmp_path / "proc", {})

    def names(environ, proc=proc):
        return [probe.name for probe in capture_linux.probes(environ, FakeClock(), proc)]

    assert names({}) == ["video-devices"], "an environment without PATH runs none of the machine's tools"
    assert names({}, tmp_path / "no-proc") == []
    assert names(pw_dump.environ) == ["pipewire", "video-devices"]
    assert names({"PATH": str(pactl.path.parent)}) == ["pulseaudio", "video-devices"]


# --- Windows --------------------------------------------------------------------------------


class FakeKey:
    def __init__(self, tree: dict) -> None:
        self.tree = tree

    def __enter__(self) -> FakeKey:
        return self

    def __exit__(self, *exc) -> None:
        pass


class FakeRegistry:
    """``winreg`` over nested dicts: a dict is a key, anything else a value."""

    HKEY_CURRENT_USER = "HKCU"

    def __init__(self, tree: dict) -> None:
        self.tree = tree

    def OpenKey(self, key, sub_key: str) -> FakeKey:  # noqa: N802 - winreg's names
        node = self.tree if key == self.HKEY_CURRENT_USER else key.tree
        for part in sub_key.split("\\"):
            node = node.get(part) if isinstance(node, dict) else None
            if not isinstance(node, dict):
                raise FileNotFoundError(2, "The system cannot find the file specified")
        return FakeKey(node)

    def EnumKey(self, key: FakeKey, index: int) -> str:  # noqa: N802
        names = [name for name, value in key.tree.items() if isinstance(value, dict)]
        if index >= len(names):
            raise OSError(259, "No more data is available")
        return names[index]

    def QueryValueEx(self, key: FakeKey, name: str) -> tuple[object, int]:  # noqa: N802
        if name not in key.tree or isinstance(key.tree[name], dict):
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return key.tree[name], 11  # REG_QWORD


def consent_store(capabilities: dict) -> FakeRegistry:
    tree: dict = {}
    node = tree
    for part in CONSENT_STORE.split("\\"):
        node = node.setdefault(part, {})
    node.update(capabilities)
    return FakeRegistry(tree)


def used(start: int, stop: int) -> dict:
    return {"LastUsedTimeStart": start, "LastUsedTimeStop": stop}


@pytest.mark.parametrize("capabilities, expected", [
    ({}, False),
    ({"microphone": {"Microsoft.SkypeApp_kzf8qxf38zg5c": used(133_000_000_000_000_000, 0)}}, True),
    ({"webcam": {"NonPackaged": {"C:#Program Files#Zoom#bin#Zoom.exe": used(133_000_000_000_000_000, 0)}}}, True),
    ({"microphone": {"NonPackaged": {"C:#Tools#recorder.exe": used(133_000_000_000_000_000, 133_000_000_100_000_000)},
                     "Microsoft.WindowsSoundRecorder_8wekyb3d8bbwe": used(132_000_000_000_000_000, 132_000_000_100_000_000)},
      "webcam": {"Microsoft.WindowsCamera_8wekyb3d8bbwe": {}}}, False),
    ({"microphone": {"Microsoft.Allowed_never_used": used(0, 0)}}, False),
], ids=["no store", "store app on the microphone", "desktop app on the camera", "all stopped", "never used"])
def test_the_consent_store_names_an_app_using_the_microphone_or_camera(capabilities, expected):
    assert ConsentStore(consent_store(capabilities)).capturing() is expected


# --- macOS ----------------------------------------------------------------------------------


class FakeCoreAudio:
    """``AudioObjectGetPropertyData`` answering the default input device and whether it runs."""

    def __init__(self, default_input: int = 73, running: int = 1, status: int = 0) -> None:
        self.default_input, self.running, self.status = default_input, running, status
        self.asked: list[tuple[int, int]] = []

    def AudioObjectGetPropertyData(self, audio_object, address, qualifier_size, qualifier, size, value):  # noqa: N802
        selector = address.contents.mSelector
        self.asked.append((audio_object, selector))
        assert size.contents.value == ctypes.sizeof(ctypes.c_uint32)
        if self.status:
            return self.status
        value.contents.value = self.default_input if selector == DEFAULT_INPUT_DEVICE else self.running
        return 0


@pytest.mark.parametrize("core_audio, expected", [
    (FakeCoreAudio(running=1), True),
    (FakeCoreAudio(running=0), False),
    (FakeCoreAudio(default_input=0), False),  # no microphone at all
    (FakeCoreAudio(status=-50), None),  # kAudio_ParamError: cannot tell
], ids=["running", "idle", "no input device", "error"])
def test_coreaudio_says_whether_the_default_input_runs_somewhere(core_audio, expected):
    assert CoreAudioInput(core_audio).capturing() is expected
    if expected is not None and core_audio.default_input:
        assert core_audio.asked == [(SYSTEM_OBJECT, DEFAULT_INPUT_DEVICE), (73, IS_RUNNING_SOMEWHERE)]


# --- the hold: grace, re-reading, the setting -----------------------------------------------


class Microphone:
    name = "microphone"

    def __init__(self, recording: bool | None = False) -> None:
        self.recording, self.asked = recording, 0

    def capturing(self) -> bool | None:
        self.asked += 1
        return self.recording


def reason(source: CallHold) -> str | None:
    hold = source.hold(NOW)
    return None if hold is None else hold.reason


def test_a_capture_holds_as_a_call_and_is_read_at_most_every_few_seconds():
    clock, mic = FakeClock(), Microphone(recording=True)
    source = CallHold([mic], clock)
    assert reason(source) == CALL == "call"
    clock.advance(REREAD_SECONDS - 0.1)
    assert reason(source) == "call" and mic.asked == 1
    clock.advance(0.1)
    assert reason(source) == "call" and mic.asked == 2


def test_the_first_probe_that_sees_a_capture_answers():
    clock, camera = FakeClock(), Microphone(recording=True)
    source = CallHold([Microphone(recording=None), Microphone(recording=True), camera], clock)
    assert source.name == "microphone+microphone+microphone"
    assert reason(source) == "call" and camera.asked == 0
    assert reason(CallHold([Microphone(recording=None)], clock)) is None, "cannot tell is no call"


def test_a_call_that_drops_for_three_seconds_is_still_the_same_call():
    clock, mic = FakeClock(), Microphone(recording=True)
    source = CallHold([mic], clock)
    answers = []
    for second in range(30):
        mic.recording = not 10 <= second < 13
        answers.append(reason(source))
        clock.advance(1)
    assert answers == ["call"] * 30


def test_the_hold_ends_a_grace_period_after_the_last_capture_and_stays_ended():
    clock, mic = FakeClock(), Microphone(recording=True)
    source = CallHold([mic], clock)
    assert reason(source) == "call"
    mic.recording = False
    answers = []
    for _ in range(40):
        clock.advance(0.5)
        answers.append(reason(source))
    held = answers.index(None) * 0.5 + 0.5
    assert held == GRACE_SECONDS, "held exactly the grace after the capture was last seen"
    assert answers[answers.index(None):] == [None] * (len(answers) - answers.index(None)), "and free after"


def settings(hold_for_calls: bool) -> Settings:
    return Settings.defaults().with_values(hold_for_calls=hold_for_calls)


def test_the_setting_is_on_by_default_and_off_builds_no_source(pw_dump):
    desktop = Desktop(platform="linux", environ=pw_dump.environ, clock=FakeClock())
    assert Settings.defaults().hold_for_calls is True
    assert calls.KEYS == ("hold_for_calls",)
    assert [source.name for source in calls.sources(settings(True), desktop)] == ["pipewire+video-devices"]
    assert calls.sources(settings(False), desktop) == []


def test_turning_the_setting_off_and_on_rebuilds_the_source(pw_dump):
    pw_dump.show(recorded("call"))
    holds = Holds([calls], settings(True), Desktop(platform="linux", environ=pw_dump.environ, clock=FakeClock()))
    assert holds.name == "pipewire+video-devices"
    assert holds.hold(NOW).reason == "call"
    holds.settings_changed({"hold_for_calls"}, settings(False))
    assert holds.name == "none" and holds.hold(NOW) is None
    holds.settings_changed({"hold_for_calls"}, settings(True))
    assert holds.hold(NOW).reason == "call"


def test_the_app_asks_calls_after_do_not_disturb_and_before_the_call_apps_windows():
    names = [module.__name__.rsplit(".", 1)[-1] for module in HOLD_SOURCES]
    assert names.index("do_not_disturb") < names.index("calls") < names.index("call_apps")


def test_windows_reads_the_consent_store(monkeypatch):
    monkeypatch.setitem(sys.modules, "winreg", consent_store(
        {"microphone": {"Microsoft.Teams": used(133_000_000_000_000_000, 0)}}))
    holds = detect_holds(settings(True), Desktop(platform="win32", environ={}, clock=FakeClock()))
    assert "consent-store" in holds.name.split("+")
    assert holds.hold(NOW).reason == "call"


def test_macos_reads_coreaudio(monkeypatch):
    loaded = []

    def load(path):
        loaded.append(path)
        fake = FakeCoreAudio(running=1)

        def get_property_data(*arguments):  # a function, as ctypes' are: it takes argtypes
            return fake.AudioObjectGetPropertyData(*arguments)

        return SimpleNamespace(AudioObjectGetPropertyData=get_property_data)

    monkeypatch.setattr(capture_macos.ctypes, "CDLL", load)
    holds = detect_holds(settings(True), Desktop(platform="darwin", environ={}, clock=FakeClock()))
    assert holds.name == "coreaudio"
    assert loaded == [capture_macos.COREAUDIO]
    assert holds.hold(NOW).reason == "call"


def test_where_the_platform_offers_nothing_no_source_is_built():
    # This is Linux: no winreg, no CoreAudio.
    for platform in ("win32", "darwin"):
        assert calls.sources(settings(True), Desktop(platform=platform, environ={}, clock=FakeClock())) == []

