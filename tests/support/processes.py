"""Programs a test tier runs as daemons or clients: start, wait, read, stop; shared by the desktop tiers.

The X11 tier (``tests/desktop``) and the Wayland tier (``tests/wayland``)
start their compositors, buses and the app through these: output goes to
files a failing test reports, every child gets SIGTERM when pytest dies
(``setpriv --pdeathsig``), and waiting is polling with a deadline that names
what it waited for.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: Variables that would tie a child to the real desktop session (or to the
#: offscreen platform of the widget tier). They are removed from ``env``.
SCRUBBED_ENV = (
    "QT_QPA_PLATFORM",
    "QT_QPA_PLATFORMTHEME",
    "QT_STYLE_OVERRIDE",
    "QT_SCALE_FACTOR",
    "QT_SCREEN_SCALE_FACTORS",
    "QT_AUTO_SCREEN_SCALE_FACTOR",
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "XAUTHORITY",
    "DBUS_SESSION_BUS_ADDRESS",
    "SESSION_MANAGER",
    "XDG_CURRENT_DESKTOP",
    "XDG_SESSION_DESKTOP",
    "XDG_SESSION_TYPE",
    "DESKTOP_SESSION",
    "GNOME_DESKTOP_SESSION_ID",
    "KDE_FULL_SESSION",
    "DESKTOP_STARTUP_ID",
)


class DesktopError(RuntimeError):
    """A part of the virtual desktop failed to start or went away."""

def run(
    cmd: Sequence[str],
    env: Mapping[str, str],
    *,
    timeout: float = 10.0,
    check: bool = True,
    input: str | None = None,  # noqa: A002 (mirrors subprocess.run)
) -> subprocess.CompletedProcess[str]:
    """Run ``cmd`` to completion in ``env``, capturing text output.

    Raises :class:`AssertionError` (with the command, status and stderr) when
    ``check`` is set and the command fails, or when it outlives ``timeout``.
    """
    try:
        done = subprocess.run(
            list(cmd),
            env=dict(env),
            input=input,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise AssertionError(f"{' '.join(cmd)!r} still running after {timeout} s") from error
    if check and done.returncode != 0:
        raise AssertionError(
            f"{' '.join(cmd)!r} exited with status {done.returncode}\n"
            f"stdout: {done.stdout.strip()}\nstderr: {done.stderr.strip()}"
        )
    return done


def wait_for(
    predicate: Callable[[], T],
    timeout: float = 5.0,
    interval: float = 0.05,
    message: str = "condition",
) -> T:
    """Poll ``predicate`` until it returns a truthy value, and return that value.

    On timeout raise :class:`AssertionError` naming ``message`` and the last
    value returned (or the last exception raised) by ``predicate``. Exceptions
    from ``predicate`` are retried, except :class:`DesktopError`, which a
    predicate raises to stop waiting at once (e.g. the process it waits on died).
    """
    deadline = time.monotonic() + timeout
    last: object = None
    while True:
        try:
            last = predicate()
        except DesktopError:
            raise  # something died: no point in waiting any longer
        except Exception as error:  # noqa: BLE001 (kept and reported on timeout)
            last = error
        else:
            if last:
                return last
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {message}; last value: {last!r}")
        time.sleep(interval)



def bus_name_has_owner(name: str, env: Mapping[str, str]) -> bool:
    """True when ``name`` is owned on the session bus of ``env``."""
    done = run(
        [
            "dbus-send",
            "--session",
            "--dest=org.freedesktop.DBus",
            "--type=method_call",
            "--print-reply",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            f"string:{name}",
        ],
        env,
        check=False,
        timeout=5,
    )
    return done.returncode == 0 and "boolean true" in done.stdout


# --------------------------------------------------------------------------

# Processes
# --------------------------------------------------------------------------


_SETPRIV = shutil.which("setpriv")  # util-linux, Essential on Debian/Ubuntu


def _with_parent_death_signal(cmd: Sequence[str]) -> list[str]:
    """Prefix ``cmd`` so it gets SIGTERM if pytest dies without tearing down.

    ``setpriv --pdeathsig`` sets the signal and execs ``cmd`` (same pid), so
    a test run killed by a CI timeout leaves no X server or daemon behind.
    """
    if _SETPRIV and sys.platform.startswith("linux"):
        return [_SETPRIV, "--pdeathsig", "TERM", "--", *cmd]
    return list(cmd)


def stop_process(popen: subprocess.Popen, timeout: float = 3.0) -> int:
    """SIGTERM ``popen``, wait up to ``timeout`` s, then SIGKILL; return its status."""
    if popen.poll() is None:
        try:
            popen.send_signal(signal.SIGTERM)
            return popen.wait(timeout)
        except subprocess.TimeoutExpired:
            popen.kill()
    return popen.wait(timeout)


def tail(path: Path, lines: int = 40) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


@dataclass
class Process:
    """A program started on the virtual desktop; its output goes to files.

    ``stdout_path`` and ``stderr_path`` can be read at any time, also while it
    runs (a Python child should flush, or run with ``PYTHONUNBUFFERED``, which
    the desktop's ``env`` sets).
    """

    name: str
    popen: subprocess.Popen
    stdout_path: Path
    stderr_path: Path

    @property
    def pid(self) -> int:
        return self.popen.pid

    @property
    def returncode(self) -> int | None:
        return self.popen.poll()

    def running(self) -> bool:
        return self.popen.poll() is None

    def stdout(self) -> str:
        return self.stdout_path.read_text(encoding="utf-8", errors="replace")

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def stdout_lines(self) -> list[str]:
        return self.stdout().splitlines()

    def wait_for_output(self, pattern: str, timeout: float = 10.0, *, stream: str = "stdout") -> re.Match[str]:
        """Wait until a line of ``stream`` matches regex ``pattern``; return the match.

        Fails early, with the process's stderr, if the process exits first.
        """
        regex = re.compile(pattern)

        def probe() -> re.Match[str] | None:
            text = self.stdout() if stream == "stdout" else self.stderr()
            for line in text.splitlines():
                found = regex.search(line)
                if found:
                    return found
            if not self.running():
                raise AssertionError(
                    f"{self.name} exited with status {self.returncode} before printing "
                    f"{pattern!r}\nstderr:\n{tail(self.stderr_path)}"
                )
            return None

        deadline = time.monotonic() + timeout
        while True:
            found = probe()
            if found:
                return found
            if time.monotonic() >= deadline:
                raise AssertionError(
                    f"{self.name} printed no line matching {pattern!r} on {stream} within {timeout} s\n"
                    f"stdout:\n{tail(self.stdout_path)}\nstderr:\n{tail(self.stderr_path)}"
                )
            time.sleep(0.05)

    def wait(self, timeout: float = 10.0) -> int:
        return self.popen.wait(timeout)

    def terminate(self, timeout: float = 5.0) -> int:
        """SIGTERM, wait up to ``timeout`` s, SIGKILL if still alive; the exit status."""
        return stop_process(self.popen, timeout)


def start_process(
    cmd: Sequence[str],
    env: Mapping[str, str],
    *,
    name: str,
    log_dir: Path,
    cwd: str | os.PathLike[str] | None = None,
    pass_fds: Sequence[int] = (),
) -> Process:
    """Start ``cmd`` in its own session with stdout/stderr in ``log_dir/name.{stdout,stderr}``."""
    log_dir.mkdir(parents=True, exist_ok=True)
    stdout_path = log_dir / f"{name}.stdout"
    stderr_path = log_dir / f"{name}.stderr"
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        popen = subprocess.Popen(
            _with_parent_death_signal(cmd),
            env=dict(env),
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            pass_fds=tuple(pass_fds),
            start_new_session=True,
        )
    return Process(name, popen, stdout_path, stderr_path)


def read_reported_line(fd: int, process: Process, what: str, timeout: float) -> str:
    """Read one line written by ``process`` on pipe ``fd`` (closed afterwards)."""
    deadline = time.monotonic() + timeout
    data = b""
    try:
        while b"\n" not in data:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DesktopError(f"{process.name} did not report {what} within {timeout} s\n{tail(process.stderr_path)}")
            ready, _, _ = select.select([fd], [], [], min(remaining, 0.1))
            if ready:
                chunk = os.read(fd, 4096)
                if not chunk:
                    break
                data += chunk
            elif not process.running():
                break
    finally:
        os.close(fd)
    line = data.split(b"\n", 1)[0].decode().strip()
    if not line:
        raise DesktopError(
            f"{process.name} exited (status {process.returncode}) before reporting {what}\n"
            f"{tail(process.stderr_path)}"
        )
    return line
