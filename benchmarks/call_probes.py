"""What asking "is the user in a call?" costs on Linux: one question to each probe, timed, and its memory.

    .venv/bin/python benchmarks/call_probes.py

The calls hold source (deskbreak/adapters/holds/calls.py) asks its probes at
most every 3 s, and only while a break is due and held by nothing before it.
This prints, for graphs of growing size printed by a stand-in ``pw-dump``
(nodes with format params as a desktop's carry), the time of one question and
the peak Python memory of reading the graph; the time of one look at every open
file for ``/dev/video*`` on this machine, with the number of files; and the
real ``pw-dump`` where it is installed (without a PipeWire to ask, it fails
fast, as it does on a machine that runs PulseAudio).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from deskbreak.adapters.holds.capture_linux import (NODE, PipeWireCaptures, VideoDeviceHandles,  # noqa: E402
                                                    read_graph)
from deskbreak.core.clock import SystemClock  # noqa: E402

FORMAT = {"mediaType": "audio", "mediaSubtype": "raw", "format": "S16LE", "rate": 48000, "channels": 2,
          "position": ["FL", "FR"]}


def graph_of(nodes: int) -> list:
    """``nodes`` device and stream nodes with eight formats each, as pw-dump prints them."""
    return [{"id": ident, "type": NODE, "version": 3,
             "info": {"state": "suspended", "props": {"media.class": "Audio/Sink", "node.name": f"sink-{ident}",
                                                      "object.id": ident},
                      "params": {"EnumFormat": [FORMAT] * 8, "Format": [FORMAT], "Props": [{"volume": 1.0}]}}}
            for ident in range(nodes)]


def median_ms(ask, times: int = 15) -> float:
    took = []
    for _ in range(times):
        started = time.perf_counter()
        ask()
        took.append((time.perf_counter() - started) * 1000)
    return statistics.median(took)


def main() -> int:
    clock = SystemClock()
    with tempfile.TemporaryDirectory() as work:
        graph_file = Path(work) / "graph.json"
        fake = Path(work) / "pw-dump"
        fake.write_text(f'#!/bin/sh\nexec {shutil.which("cat")} "{graph_file}"\n')
        fake.chmod(0o755)
        probe = PipeWireCaptures(str(fake), {}, clock)
        print("pw-dump graph       one question (median)   peak memory reading it")
        for nodes in (50, 500, 2500):  # 2500: near the 8 MB a graph may take
            text = json.dumps(graph_of(nodes), indent=2)
            graph_file.write_text(text)
            tracemalloc.start()
            read_graph(json.loads(text))
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(f"{nodes:5d} nodes {len(text) / 1e6:5.2f} MB   {median_ms(probe.capturing):8.1f} ms"
                  f"               {peak / 1e6:6.1f} MB")
    files = sum(len(os.listdir(f"/proc/{pid}/fd")) for pid in os.listdir("/proc")
                if pid.isdigit() and os.access(f"/proc/{pid}/fd", os.R_OK))
    print(f"/dev/video* among {files} open files: {median_ms(VideoDeviceHandles().capturing):.1f} ms")
    real = shutil.which("pw-dump")
    if real:
        answer = PipeWireCaptures(real, os.environ, clock).capturing()
        print(f"real pw-dump ({'answers' if answer is not None else 'no PipeWire to ask'}):"
              f" {median_ms(PipeWireCaptures(real, os.environ, clock).capturing):.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
