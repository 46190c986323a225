"""Start deskbreak at login: an XDG autostart file, the HKCU Run key, or a LaunchAgent.

Each backend writes the one entry its platform reads at login, pointing at
the deskbreak that is running now (see :func:`launch_command`), so the entry
works whether deskbreak came from ``make run``, ``pipx install`` or a
bundle. Turning the setting on again rewrites an entry whose command went
stale (the checkout moved, the venv was rebuilt); turning it off removes the
entry. A platform with no known login mechanism gets :class:`NullAutostart`,
which says so through ``available()`` instead of failing: a missing login
entry costs the user one manual start, never the app.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable, Sequence

from deskbreak.core.content.assets import asset_path
from deskbreak.core.files import os_problem, write_file_atomically
from deskbreak.core.i18n import translate
from deskbreak.core.ports import Autostart

log = logging.getLogger(__name__)

ENTRY_NAME = "deskbreak"
XDG_FILE_NAME = f"{ENTRY_NAME}.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
LAUNCH_AGENT_LABEL = "io.github.deskbreak.deskbreak"

# The Desktop Entry spec ("The Exec key") requires quoting an argument that
# holds any of these. It omits \r; quoting it too costs nothing.
_EXEC_RESERVED = frozenset(" \t\n\r\"'\\><~|&;$*?#()`")


class AutostartError(Exception):
    """The login entry could not be written or removed; the message names it and says why."""


def follow_autostart_setting(autostart: Autostart, enabled: bool, tell: Callable[[str, str], None]) -> bool:
    """Write or remove the login entry as the ``autostart`` setting says; False when it could not.

    The one place the setting reaches the entry: the running app calls it when
    the setting changes (and at start), ``deskbreak config set autostart`` when
    no deskbreak runs. A failure is told as (title, problem), never raised: a
    login entry is worth a message, not the app or the saved setting.
    """
    try:
        autostart.set_enabled(enabled)
    except AutostartError as exc:
        tell(translate("app", "Start at login could not be changed"), str(exc))
        return False
    return True


def launch_command() -> list[str]:
    """The absolute argv that starts the deskbreak running now.

    The caller appends any profile arguments (``--config-dir DIR``). Paths
    are made absolute but never resolved: a venv's ``python`` is a symlink
    to the system interpreter, and resolving it would start deskbreak
    without the venv's packages.
    """
    if getattr(sys, "frozen", False):
        # A PyInstaller bundle: the executable is deskbreak itself.
        return [os.path.abspath(sys.executable)]
    console_script = _console_script(sys.argv[0] if sys.argv else "")
    if console_script is not None:
        return [console_script]
    return [os.path.abspath(sys.executable), "-m", "deskbreak"]


def _console_script(program: str) -> str | None:
    """``program`` as an absolute path when it is the ``deskbreak`` console script.

    pip's Windows launcher strips ``.exe`` from ``sys.argv[0]``, so the file
    on disk may carry the suffix the name lacks.
    """
    if not program or Path(program).stem != ENTRY_NAME:
        return None
    for candidate in (program, program + ".exe"):
        if os.path.isfile(candidate):
            return os.path.abspath(candidate)
    return None


def desktop_exec(command: Sequence[str]) -> str:
    """``command`` as the value of a desktop entry's ``Exec`` key, quoted per the spec."""
    line = " ".join(_quote_exec_argument(argument) for argument in command)
    # Exec is a string value, and a string value's own escapes are undone
    # before the Exec quoting is: so escape once more, in that order.
    return escape_desktop_string(line)


def _quote_exec_argument(argument: str) -> str:
    if argument and not _EXEC_RESERVED.intersection(argument):
        quoted = argument
    else:
        quoted = '"' + re.sub(r'(["`$\\])', r"\\\1", argument) + '"'
    # %-sequences are field codes (%f, %u) even inside quotes.
    return quoted.replace("%", "%%")


def escape_desktop_string(value: str) -> str:
    """``value`` as a desktop entry's string value: backslash and control characters escaped."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def _desktop_entry_keys(text: str) -> dict[str, str]:
    """The raw values of the ``[Desktop Entry]`` group (spaces around ``=`` ignored, as the spec says)."""
    keys: dict[str, str] = {}
    in_entry = False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            in_entry = line == "[Desktop Entry]"
        elif in_entry and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            keys[key.strip()] = value.strip()
    return keys


def _read_entry(path: Path) -> bytes | None:
    """The file's bytes, or None when there is none to read.

    An unreadable entry counts as absent: the desktop session, running as
    the same user, cannot read it to start deskbreak either.
    """
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        log.warning("cannot read login entry %s: %s", path, os_problem(error))
        return None


def _write_entry(path: Path, text: str) -> None:
    try:
        write_file_atomically(path, text)
    except OSError as error:
        raise AutostartError(f"could not write {path}: {os_problem(error)}") from error
    log.info("start at login: wrote %s", path)


def _remove_entry(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as error:
        raise AutostartError(f"could not remove {path}: {os_problem(error)}") from error
    log.info("start at login: removed %s", path)


def absolute_env_dir(name: str) -> Path | None:
    """The folder in the XDG variable ``name``, or None when it is unset or relative (the spec: invalid, ignored)."""
    value = os.environ.get(name, "")
    return Path(value) if os.path.isabs(value) else None


class XdgAutostart:
    """``deskbreak.desktop`` in ``$XDG_CONFIG_HOME/autostart``, read at login by freedesktop sessions.

    A system-wide entry of the same name (``$XDG_CONFIG_DIRS/autostart``,
    which a distribution package may install) cannot be deleted by the user;
    the spec's way to turn it off is a user entry with ``Hidden=true``, so
    disabling writes that instead of removing the file. GNOME's startup
    applications tool turns an entry off with
    ``X-GNOME-Autostart-enabled=false``; that counts as off too.
    """

    name = "xdg"

    def __init__(
        self,
        command: Sequence[str],
        config_home: Path | None = None,
        config_dirs: Sequence[Path] | None = None,
    ) -> None:
        self._command = list(command)
        home = config_home or absolute_env_dir("XDG_CONFIG_HOME") or Path.home() / ".config"
        self.path = home / "autostart" / XDG_FILE_NAME
        if config_dirs is None:
            listed = os.environ.get("XDG_CONFIG_DIRS") or "/etc/xdg"
            config_dirs = [Path(d) for d in listed.split(os.pathsep) if os.path.isabs(d)]
        self._system_paths = [Path(d) / "autostart" / XDG_FILE_NAME for d in config_dirs]
        self.location = str(self.path)

    def available(self) -> bool:
        return True

    def is_enabled(self) -> bool:
        keys = self._effective_entry()
        return keys is not None and self._honoured(keys)

    def set_enabled(self, enabled: bool) -> None:
        if enabled:
            keys = self._effective_entry()
            if keys is None or not self._honoured(keys) or keys.get("Exec") != desktop_exec(self._command):
                _write_entry(self.path, self._entry_text())
        elif any(path.exists() for path in self._system_paths):
            if self.is_enabled():
                _write_entry(self.path, self._entry_text(hidden=True))
        else:
            _remove_entry(self.path)

    def _effective_entry(self) -> dict[str, str] | None:
        """The keys of the entry the session will read: the user's, else the first system one."""
        for path in (self.path, *self._system_paths):
            content = _read_entry(path)
            if content is not None:
                return _desktop_entry_keys(content.decode("utf-8", errors="replace"))
        return None

    @staticmethod
    def _honoured(keys: dict[str, str]) -> bool:
        return keys.get("Hidden") != "true" and keys.get("X-GNOME-Autostart-enabled") != "false"

    def _entry_text(self, hidden: bool = False) -> str:
        lines = [
            "# Written by deskbreak's \"Start at login\" setting; turn it off there.",
            "[Desktop Entry]",
            "Type=Application",
            "Name=deskbreak",
            "Comment=Start deskbreak in the system tray at login",
            f"Exec={desktop_exec(self._command)}",
            f"Icon={escape_desktop_string(str(asset_path('icons', 'deskbreak.svg')))}",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
        ]
        if hidden:
            lines.append("Hidden=true")
        return "\n".join(lines) + "\n"


class WindowsAutostart:
    """The value ``deskbreak`` under ``HKEY_CURRENT_USER\\...\\Run``, holding the quoted command line.

    ``registry`` is the :mod:`winreg` module, or a fake with the same
    functions in tests; None (any platform but Windows) makes the backend
    unavailable.
    """

    name = "windows-run-key"

    def __init__(self, command: Sequence[str], registry: Any = None) -> None:
        # Windows hands a program its command line as one string, which the
        # program splits by the Microsoft C runtime's rules: list2cmdline's.
        self._command_line = subprocess.list2cmdline(list(command))
        self._registry = registry if registry is not None else _import_winreg()
        self.location = f'HKEY_CURRENT_USER\\{RUN_KEY}, value "{ENTRY_NAME}"'

    def available(self) -> bool:
        return self._registry is not None

    def is_enabled(self) -> bool:
        return self._registered_command() is not None

    def set_enabled(self, enabled: bool) -> None:
        reg = self._registry
        if reg is None:
            if enabled:
                raise AutostartError(f"could not write {self.location}: there is no Windows registry here")
            return
        if enabled and self._registered_command() == self._command_line:
            return
        try:
            if enabled:
                with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
                    reg.SetValueEx(key, ENTRY_NAME, 0, reg.REG_SZ, self._command_line)
            else:
                with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
                    reg.DeleteValue(key, ENTRY_NAME)
        except OSError as error:
            if not enabled and isinstance(error, FileNotFoundError):
                return  # no value (or no Run key at all): already off
            verb = "write" if enabled else "remove"
            raise AutostartError(f"could not {verb} {self.location}: {os_problem(error)}") from error
        log.info("start at login: %s %s", "wrote" if enabled else "removed", self.location)

    def _registered_command(self) -> str | None:
        if self._registry is None:
            return None
        reg = self._registry
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_QUERY_VALUE) as key:
                value, _kind = reg.QueryValueEx(key, ENTRY_NAME)
        except OSError:
            # FileNotFoundError: no value (or no key); anything else: unreadable, so not honoured.
            return None
        return str(value)


def _import_winreg() -> Any:
    if sys.platform != "win32":
        return None
    import winreg

    return winreg


class MacAutostart:
    """``~/Library/LaunchAgents/io.github.deskbreak.deskbreak.plist``, which launchd loads at login."""

    name = "launch-agent"

    def __init__(self, command: Sequence[str], agents_dir: Path | None = None) -> None:
        self._agent = {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            # The default ("Standard") lets launchd limit resources, and a
            # throttled break timer fires late; Interactive is how apps run.
            "ProcessType": "Interactive",
        }
        self.path = (agents_dir or Path.home() / "Library" / "LaunchAgents") / f"{LAUNCH_AGENT_LABEL}.plist"
        self.location = str(self.path)

    def available(self) -> bool:
        return True

    def is_enabled(self) -> bool:
        return self.path.exists()

    def set_enabled(self, enabled: bool) -> None:
        if not enabled:
            _remove_entry(self.path)
        elif self._current_agent() != self._agent:
            import plistlib  # noqa: PLC0415  (macOS only: not loaded, with its XML parser, elsewhere)

            _write_entry(self.path, plistlib.dumps(self._agent, sort_keys=True).decode("utf-8"))

    def _current_agent(self) -> Any:
        content = _read_entry(self.path)
        if content is None:
            return None
        import plistlib  # noqa: PLC0415

        try:
            return plistlib.loads(content)
        except Exception:  # plistlib raises InvalidFileException, ExpatError, ValueError...
            return None  # a damaged agent is simply rewritten


class NullAutostart:
    """A platform with no login entry deskbreak knows: nothing to turn on, nothing breaks."""

    name = "none"

    def __init__(self, command: Sequence[str] = (), *, platform: str = sys.platform) -> None:
        # command is accepted so every backend is built the same way; there is nowhere to put it.
        self.location = f"not supported on this system ({platform})"

    def available(self) -> bool:
        return False

    def is_enabled(self) -> bool:
        return False

    def set_enabled(self, enabled: bool) -> None:
        # Nothing to write; is_enabled stays False, which is what the dialog shows.
        return


_LOCATION_NAMES = frozenset({"config_home", "config_dirs", "registry", "agents_dir"})
# Desktops on these kernels follow the freedesktop autostart spec.
XDG_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly")


def detect_autostart(
    command: list[str] | None = None, *, platform: str = sys.platform, **locations: Any
) -> Autostart:
    """The login-entry backend for ``platform``, starting ``command`` (default: this deskbreak).

    ``locations`` (``config_home``, ``config_dirs``, ``registry``,
    ``agents_dir``) redirect the entry, for tests; those of other platforms
    are ignored, but a misspelt one is an error rather than a silent write to
    the real login entry.
    """
    unknown = set(locations) - _LOCATION_NAMES
    if unknown:
        raise TypeError(f"detect_autostart() got unknown locations: {', '.join(sorted(unknown))}")
    argv = list(command) if command is not None else launch_command()
    if platform == "win32":
        return WindowsAutostart(argv, registry=locations.get("registry"))
    if platform == "darwin":
        return MacAutostart(argv, agents_dir=locations.get("agents_dir"))
    if platform.startswith(XDG_PLATFORMS):
        return XdgAutostart(argv, locations.get("config_home"), locations.get("config_dirs"))
    return NullAutostart(argv, platform=platform)
