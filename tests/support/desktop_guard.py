"""Only the desktop tier may start a desktop program: the guard that keeps ``make test-fast`` display-free.

``make test-fast`` must pass on a machine without Xvfb, openbox, trayer or
dunst. A test outside ``tests/desktop`` that starts one would pass where they
are installed (a developer's machine, CI) and fail or skip where they are
not, so the guard fails it everywhere: an audit hook sees every
``subprocess.Popen`` of the test process and refuses one that runs a desktop
program while a test not marked ``desktop`` runs. Programs a child process
starts are not seen; running the fast tiers with those programs off the
``PATH`` (README, "Tests") covers them.
"""

from __future__ import annotations

import os
import sys

#: What only the desktop tier may start: the X server and the desktop's daemons.
DESKTOP_PROGRAMS = frozenset({"Xvfb", "Xorg", "xvfb-run", "openbox", "trayer", "dunst",
                              "gnome-shell", "kwin_wayland", "plasmashell", "kded5"})
SHELLS = frozenset({"sh", "bash", "dash"})


class DesktopProgramOutsideDesktopTier(RuntimeError):
    """A test outside the desktop tier started a desktop program."""


class DesktopGuard:
    """Refuses desktop programs while :attr:`desktop_allowed` is false (the conftest sets it per test)."""

    def __init__(self) -> None:
        self.desktop_allowed = True
        self.test = ""

    def install(self) -> None:
        sys.addaudithook(self._audit)

    def _audit(self, event: str, args: tuple) -> None:
        if event != "subprocess.Popen" or self.desktop_allowed:
            return
        executable, argv = args[0], args[1]
        words = [os.fsdecode(word) for word in argv if isinstance(word, (str, bytes, os.PathLike))]
        if len(words) > 2 and os.path.basename(words[0]) in SHELLS and words[1] == "-c":
            words[2:3] = words[2].split()  # shell=True: the command line is one word
        # Every word, not only the first: the harness runs programs through ``setpriv ... --``.
        names = {os.path.basename(word) for word in words}
        if isinstance(executable, (str, bytes, os.PathLike)):
            names.add(os.path.basename(os.fsdecode(executable)))
        started = sorted(names & DESKTOP_PROGRAMS)
        if started:
            raise DesktopProgramOutsideDesktopTier(
                f"{self.test} started {', '.join(started)}, but only the desktop tier may: "
                f"move the test to tests/desktop or tests/wayland (every test there is marked desktop)")
