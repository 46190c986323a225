"""What the benchmarks share: reading a process tree's memory, CPU and wake-ups from ``/proc``.

Everything here reads ``/proc`` from the outside, so measuring never wakes
the process measured. Figures are summed over the process tree (the pid and
every descendant, found through ``/proc/PID/task/*/children``), because an
app that hands work to a helper process must not look cheaper for it.

* memory: ``Rss``, ``Pss``, USS (``Private_Clean + Private_Dirty``) and
  ``Anonymous`` from ``/proc/PID/smaps_rollup``, in MB (2**20 bytes). Summed
  RSS counts shared libraries once per process; PSS splits them fairly; USS
  is what quitting the app would give back. PSS and USS depend on what else
  runs: a library page that another process (a test run from the same venv)
  maps too is shared, not private. Anonymous memory (heap, stacks) does not.
* CPU: nanoseconds on a CPU from ``/proc/PID/task/*/schedstat``. The clock
  ticks of ``/proc/PID/stat`` are 10 ms, too coarse for a target of 0.02 %
  of a core (12 ms a minute); schedstat counts nanoseconds. A thread that
  ends inside the window takes its time with it: only then does
  :func:`observe` fall back on the clock ticks (which keep dead threads'
  time, but are truncated to 10 ms at both ends), when they say more.
* wake-ups: context switches (voluntary plus involuntary) of every thread,
  as ``benchmarks/wakeups.py`` has always counted them. An idle thread that
  blocks and wakes switches once per wake-up.

The virtual desktop is the desktop test tier's (``tests/desktop/desktop.py``):
Xvfb, a private session bus, openbox, trayer and dunst.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))

from desktop.desktop import VirtualDesktop, tray_icons  # noqa: E402

__all__ = ["VirtualDesktop", "tray_icons", "process_tree", "memory", "own_rss_mb", "cpu_ns", "switches",
           "observe", "per_minute", "launch", "stop_group", "median", "ratio"]

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
MB = 1024 * 1024


# -- the process tree ----------------------------------------------------------


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its live descendants (empty when ``pid`` is gone)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        tasks = Path(f"/proc/{current}/task")
        try:
            threads = list(tasks.iterdir())
        except OSError:
            continue
        found.append(current)
        for thread in threads:
            try:
                todo += [int(child) for child in (thread / "children").read_text().split()]
            except OSError:
                pass
    return found


def _threads(pids: Iterable[int]) -> list[Path]:
    threads = []
    for pid in pids:
        try:
            threads += list(Path(f"/proc/{pid}/task").iterdir())
        except OSError:
            pass
    return threads


@dataclass(frozen=True)
class Memory:
    """MB summed over a process tree."""

    rss: float
    pss: float
    uss: float
    anon: float = 0.0
    """Anonymous pages (heap, stacks): the app's own memory, whatever else maps the same files."""


def memory(pid: int) -> Memory:
    """RSS, PSS and USS of ``pid``'s process tree, from ``smaps_rollup``."""
    rss = pss = uss = anon = 0
    for member in process_tree(pid):
        try:
            lines = Path(f"/proc/{member}/smaps_rollup").read_text().splitlines()[1:]
        except OSError:
            continue
        fields = {}
        for line in lines:
            name, value = line.split(":", 1)
            fields[name] = int(value.split()[0])
        rss += fields.get("Rss", 0)
        pss += fields.get("Pss", 0)
        uss += fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
        anon += fields.get("Anonymous", 0)
    return Memory(rss / 1024, pss / 1024, uss / 1024, anon / 1024)


def own_rss_mb() -> float:
    """This process's resident set (``VmRSS``), MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def cpu_ns(pid: int) -> int:
    """Nanoseconds on a CPU of every live thread of ``pid``'s tree (``schedstat``)."""
    total = 0
    for thread in _threads(process_tree(pid)):
        try:
            total += int((thread / "schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            pass
    return total


def cpu_ticks_ns(pid: int) -> int:
    """utime + stime of the tree's processes (dead threads included), in ns; 10 ms steps."""
    total = 0
    for member in process_tree(pid):
        try:
            stat = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(stat[11]) + int(stat[12])
    return total * 1_000_000_000 // CLOCK_TICKS


def switches(pid: int) -> int:
    """Context switches (voluntary + involuntary) of every live thread of ``pid``'s tree."""
    total = 0
    for thread in _threads(process_tree(pid)):
        try:
            lines = (thread / "status").read_text().splitlines()
        except OSError:
            continue
        for line in lines:
            if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                total += int(line.split()[1])
    return total


@dataclass
class Window:
    """What a process tree did over a stretch of wall time (see :func:`observe`)."""

    seconds: float
    cpu_percent: float
    """% of one core."""
    wakeups_per_min: float
    memory: Memory
    """The median of the samples taken during the window."""
    memory_samples: list[Memory] = field(default_factory=list)
    load: float = 0.0
    """The 1-minute load average when the window ended."""
    threads_ended: int = 0
    """Threads gone by the end (their wake-ups are lost; their CPU comes from the clock ticks)."""


def observe(pid: int, seconds: float, *, during: Callable[[], None] | None = None,
            every: float = 2.0) -> Window:
    """Watch ``pid``'s tree for ``seconds``: CPU, wake-ups, and memory sampled every ``every`` s.

    ``during`` runs every ``every`` seconds too (e.g. moving the pointer).
    Reading ``/proc`` never wakes the process watched.
    """
    samples = [memory(pid)]
    started = time.monotonic()
    threads0 = {t.name for t in _threads(process_tree(pid))}
    cpu0, ticks0, switches0 = cpu_ns(pid), cpu_ticks_ns(pid), switches(pid)
    while (left := seconds - (time.monotonic() - started)) > 0:
        time.sleep(min(every, left))
        if during is not None and time.monotonic() - started < seconds:
            during()
        samples.append(memory(pid))
    elapsed = time.monotonic() - started
    used_ns = cpu_ns(pid) - cpu0
    threads_ended = len(threads0 - {t.name for t in _threads(process_tree(pid))})
    if threads_ended:
        used_ns = max(used_ns, cpu_ticks_ns(pid) - ticks0)
    woke = switches(pid) - switches0
    return Window(
        seconds=elapsed,
        cpu_percent=used_ns / 1e9 / elapsed * 100,
        wakeups_per_min=woke / elapsed * 60,
        memory=Memory(*(statistics.median(getattr(s, f) for s in samples) for f in ("rss", "pss", "uss", "anon"))),
        memory_samples=samples,
        load=os.getloadavg()[0],
        threads_ended=threads_ended,
    )


def per_minute(pid: int, seconds: float, during: Callable[[], None] | None = None) -> float:
    """Wake-ups per minute of ``pid``'s tree over ``seconds``; ``during`` runs every 2 s."""
    return observe(pid, seconds, during=during).wakeups_per_min


# -- starting apps on the virtual desktop ------------------------------------


@dataclass
class Launched:
    """An app started by :func:`launch`, in its own process group."""

    popen: subprocess.Popen
    launch_ms: float | None
    """exec to the tray icon embedded; None when no icon came."""
    stderr_path: Path | None = None

    @property
    def pid(self) -> int:
        return self.popen.pid

    def stderr(self) -> str:
        if self.stderr_path is None:
            return ""
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def stop(self, env: Mapping[str, str], icons_before: int | None = None, timeout: float = 10.0) -> None:
        """SIGTERM the app's process group, SIGKILL what is left; wait for its tray icon to go."""
        stop_group(self.popen, timeout)
        if icons_before is not None:
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and _icon_count(env) > icons_before:
                time.sleep(0.05)


def stop_group(popen: subprocess.Popen, timeout: float = 10.0) -> None:
    """SIGTERM the process group ``popen`` leads (started with a new session), then SIGKILL."""
    try:
        os.killpg(popen.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        popen.wait(timeout)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(popen.pid, signal.SIGKILL)  # helpers that outlived the app, and a hung app
    except ProcessLookupError:
        pass
    popen.wait(timeout)


def _icon_count(env: Mapping[str, str]) -> int:
    try:
        return len(tray_icons(env))
    except AssertionError:
        return 0


def launch(cmd: Sequence[str], env: Mapping[str, str], *, stderr_path: Path | None = None,
           tray_timeout: float = 30.0, extra_env: Mapping[str, str] | None = None) -> Launched:
    """Start ``cmd`` and time exec to its tray icon (polled with ``xwininfo``, ~20 ms steps).

    Raises RuntimeError when the app exits first; an app still running but
    without an icon after ``tray_timeout`` gets ``launch_ms`` None.
    """
    before = _icon_count(env)
    err = open(stderr_path, "wb") if stderr_path is not None else subprocess.DEVNULL
    try:
        started = time.monotonic()
        popen = subprocess.Popen(list(cmd), env={**env, **(extra_env or {})}, stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
    finally:
        if stderr_path is not None:
            err.close()
    launched = Launched(popen, None, stderr_path)
    while time.monotonic() - started < tray_timeout:
        if _icon_count(env) > before:
            launched.launch_ms = (time.monotonic() - started) * 1000
            return launched
        if popen.poll() is not None:
            raise RuntimeError(f"{cmd[0]} exited with status {popen.returncode} before showing a tray icon"
                               + (f":\n{launched.stderr()[-2000:]}" if stderr_path else ""))
        time.sleep(0.01)
    return launched


# -- figures -------------------------------------------------------------------


def median(values: Iterable[float | None]) -> float | None:
    """The median of the values that are not None, or None when there are none."""
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def ratio(value: float | None, base: float | None) -> float | None:
    if value is None or base is None or base <= 0:
        return None
    return value / base


def load_average() -> tuple[float, float, float]:
    return os.getloadavg()
