"""Start at login: each platform's entry, written to temporary places, never the real ones.

Linux entries go to a temporary $XDG_CONFIG_HOME, the Windows Run key to an
in-memory registry, LaunchAgents to a temporary folder. The xdg entry is
also checked by ``desktop-file-validate`` and, when ``gio`` is installed,
launched for real to prove its quoting survives a launcher.
"""

from __future__ import annotations

import json
import os
import plistlib
import shlex
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest

from deskbreak.adapters.autostart import (
    AutostartError,
    MacAutostart,
    NullAutostart,
    WindowsAutostart,
    XdgAutostart,
    detect_autostart,
    launch_command,
)
from deskbreak.core.content.assets import asset_path
from support.ci import require_program
from support.desktop_entry import desktop_entry, exec_arguments

SPACED_PROFILE = ["--config-dir", "/x y"]
COMMAND = ["/opt/desk break/bin/deskbreak", *SPACED_PROFILE]
OLD_COMMAND = ["/old/checkout/.venv/bin/deskbreak"]
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
NOBODY = 65534


# --- helpers -----------------------------------------------------------------------------


class FakeRegistry:
    """The part of :mod:`winreg` the Run-key backend uses, over dicts.

    Key paths and value names are case-insensitive, as on Windows; a handle
    refuses what its access mask does not allow, and ``read_only`` plays a
    Run key locked by policy.
    """

    HKEY_CURRENT_USER = 0x80000001
    KEY_QUERY_VALUE = 0x0001
    KEY_SET_VALUE = 0x0002
    KEY_READ = 0x20019
    KEY_WRITE = 0x20006
    REG_SZ = 1

    def __init__(self, read_only: bool = False) -> None:
        self.keys: dict[tuple[int, str], dict[str, tuple[Any, int]]] = {}
        self.read_only = read_only
        self.open_handles = 0

    def OpenKey(self, key: int, sub_key: str, reserved: int = 0, access: int = KEY_READ) -> FakeKey:
        values = self.keys.get((key, sub_key.lower()))
        if values is None:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return self._handle(values, access)

    def CreateKeyEx(self, key: int, sub_key: str, reserved: int = 0, access: int = KEY_WRITE) -> FakeKey:
        return self._handle(self.keys.setdefault((key, sub_key.lower()), {}), access)

    def QueryValueEx(self, key: FakeKey, name: str) -> tuple[Any, int]:
        key.require(self.KEY_QUERY_VALUE)
        if name.lower() not in key.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return key.values[name.lower()]

    def SetValueEx(self, key: FakeKey, name: str, reserved: int, kind: int, value: Any) -> None:
        key.require(self.KEY_SET_VALUE)
        key.values[name.lower()] = (value, kind)

    def DeleteValue(self, key: FakeKey, name: str) -> None:
        key.require(self.KEY_SET_VALUE)
        if key.values.pop(name.lower(), None) is None:
            raise FileNotFoundError(2, "The system cannot find the file specified")

    def CloseKey(self, key: FakeKey) -> None:
        key.close()

    def run_value(self) -> tuple[Any, int] | None:
        return self.keys.get((self.HKEY_CURRENT_USER, RUN_KEY.lower()), {}).get("deskbreak")

    def _handle(self, values: dict[str, tuple[Any, int]], access: int) -> FakeKey:
        if self.read_only and access & self.KEY_SET_VALUE:
            raise PermissionError(13, "Access is denied")
        self.open_handles += 1
        return FakeKey(self, values, access)


class FakeKey:
    def __init__(self, registry: FakeRegistry, values: dict[str, tuple[Any, int]], access: int) -> None:
        self._registry = registry
        self.values = values
        self._access = access
        self._open = True

    def require(self, right: int) -> None:
        if not self._access & right:
            raise PermissionError(13, "Access is denied")

    def close(self) -> None:
        if self._open:
            self._open = False
            self._registry.open_handles -= 1

    def __enter__(self) -> FakeKey:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


@dataclass
class Platform:
    """One platform's backend over temporary places, and a look at what it stored."""

    name: str
    make: Callable[[list[str]], Any]
    stored: Callable[[], object]  # everything about the entry, to see whether it changed
    recorded_command: Callable[[], list[str] | None]


PLATFORMS = {"xdg": "linux", "windows-run-key": "win32", "launch-agent": "darwin"}


@pytest.fixture(params=sorted(PLATFORMS))
def platform(request: pytest.FixtureRequest, tmp_path: Path) -> Platform:
    registry = FakeRegistry()
    config_home, agents_dir = tmp_path / "config", tmp_path / "LaunchAgents"

    def make(command: list[str]) -> Any:
        backend = detect_autostart(
            command, platform=PLATFORMS[request.param],
            config_home=config_home, config_dirs=[], registry=registry, agents_dir=agents_dir,
        )
        assert backend.name == request.param
        return backend

    entry_file = {
        "xdg": config_home / "autostart" / "deskbreak.desktop",
        "launch-agent": agents_dir / "io.github.deskbreak.deskbreak.plist",
    }.get(request.param)

    def stored() -> object:
        if entry_file is None:
            return registry.run_value()
        if not entry_file.exists():
            return None
        status = entry_file.stat()
        # The inode changes with every atomic rewrite, even of the same bytes.
        return status.st_ino, status.st_mtime_ns, entry_file.read_bytes()

    def recorded_command() -> list[str] | None:
        if request.param == "xdg":
            return exec_arguments(desktop_entry(entry_file)["Exec"]) if entry_file.exists() else None
        if request.param == "launch-agent":
            return plistlib.loads(entry_file.read_bytes())["ProgramArguments"] if entry_file.exists() else None
        value = registry.run_value()
        # POSIX splitting reads list2cmdline's output right for these test commands,
        # which hold spaces but neither quotes nor backslashes.
        return shlex.split(value[0]) if value else None

    return Platform(request.param, make, stored, recorded_command)


def message_when_refused(folder: Path, action: Callable[[], None]) -> str:
    """The AutostartError message of ``action`` run by a user who may not write ``folder``.

    Root may write anywhere, so as root the action runs in a child process
    that has dropped to ``nobody``.
    """
    folder.chmod(0o555)
    try:
        if os.geteuid() != 0:
            with pytest.raises(AutostartError) as raised:
                action()
            return str(raised.value)
        reader, writer = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover - runs in the child
            try:
                os.close(reader)
                os.setgid(NOBODY)
                os.setuid(NOBODY)
                try:
                    action()
                    message = "no AutostartError"
                except AutostartError as error:
                    message = str(error)
                os.write(writer, message.encode("utf-8"))
            finally:
                os._exit(0)
        os.close(writer)
        with os.fdopen(reader, "rb") as stream:
            message = stream.read().decode("utf-8")
        os.waitpid(child, 0)
        return message
    finally:
        folder.chmod(0o755)


# --- every platform ----------------------------------------------------------------------


def test_enabling_writes_the_entry_and_disabling_removes_it(platform: Platform):
    backend = platform.make(COMMAND)
    assert backend.available()
    assert not backend.is_enabled()

    backend.set_enabled(True)
    assert backend.is_enabled()
    assert platform.recorded_command() == COMMAND

    backend.set_enabled(False)
    assert not backend.is_enabled()
    assert platform.stored() is None


def test_enabling_or_disabling_twice_changes_nothing_the_second_time(platform: Platform):
    backend = platform.make(COMMAND)
    backend.set_enabled(True)
    written = platform.stored()
    backend.set_enabled(True)
    assert platform.stored() == written

    backend.set_enabled(False)
    backend.set_enabled(False)
    assert not backend.is_enabled()


def test_an_entry_pointing_at_an_old_command_is_rewritten_when_enabled(platform: Platform):
    platform.make(OLD_COMMAND).set_enabled(True)
    backend = platform.make(COMMAND)
    assert backend.is_enabled()  # it exists, so the desktop would still try it

    backend.set_enabled(True)
    assert platform.recorded_command() == COMMAND


def test_each_backend_tells_the_dialog_where_its_entry_lives(platform: Platform):
    backend = platform.make(COMMAND)
    assert backend.name == platform.name
    assert "deskbreak" in backend.location


# --- Linux: XDG autostart ----------------------------------------------------------------


def test_enabling_writes_an_xdg_entry_whose_exec_is_the_running_deskbreak(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    command = launch_command() + SPACED_PROFILE
    detect_autostart(command, platform="linux", config_dirs=[]).set_enabled(True)

    entry = desktop_entry(tmp_path / "autostart" / "deskbreak.desktop")
    assert exec_arguments(entry["Exec"]) == command
    assert entry["Type"] == "Application"
    assert entry["Name"] == "deskbreak"
    assert entry["Comment"]
    assert entry["Terminal"] == "false"
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert Path(entry["Icon"]).is_absolute()
    assert Path(entry["Icon"]) == asset_path("icons", "deskbreak.svg")
    assert Path(entry["Icon"]).is_file()


def test_an_argument_with_a_space_is_quoted_in_exec(tmp_path):
    backend = XdgAutostart(["/usr/bin/python3", "-m", "deskbreak", *SPACED_PROFILE], tmp_path, [])
    backend.set_enabled(True)
    assert 'Exec=/usr/bin/python3 -m deskbreak --config-dir "/x y"\n' in backend.path.read_text()


TRICKY_ARGUMENTS = [
    "/x y", 'say "hi"', "$HOME", "back\\slash", "100%", "%f", "`date`", "it's", "a;b", "~", "#",
    "new\nline", "tab\there", "", "é", "a=b", "(p)",
]


def test_exec_quoting_gives_every_argument_back_unchanged(tmp_path):
    command = ["/opt/desk break/bin/deskbreak", *TRICKY_ARGUMENTS]
    backend = XdgAutostart(command, config_home=tmp_path, config_dirs=[])
    backend.set_enabled(True)
    assert exec_arguments(desktop_entry(backend.path)["Exec"]) == command


def test_the_xdg_entry_passes_desktop_file_validate(tmp_path):
    validate = require_program("desktop-file-validate", "desktop-file-utils")
    backend = XdgAutostart(["/opt/desk break/bin/deskbreak", *TRICKY_ARGUMENTS], tmp_path, [])
    backend.set_enabled(True)
    result = subprocess.run([validate, str(backend.path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_a_real_launcher_starts_the_xdg_entry_with_exactly_its_arguments(tmp_path):
    gio = shutil.which("gio")
    if gio is None:
        pytest.skip("gio (libglib2.0-bin) is not installed; desktop-file-validate still checks the syntax")
    report = tmp_path / "argv.json"
    program = f"import json, sys; open({str(report)!r}, 'w').write(json.dumps(sys.argv[1:]))"
    backend = XdgAutostart([sys.executable, "-c", program, *TRICKY_ARGUMENTS], tmp_path, [])
    backend.set_enabled(True)

    subprocess.run([gio, "launch", str(backend.path)], check=True, timeout=30)
    deadline = time.perf_counter() + 30  # gio returns once the child is spawned, not done
    while not report.exists() or not report.read_text():
        assert time.perf_counter() < deadline, "the launched command never reported"
        time.sleep(0.02)
    assert json.loads(report.read_text()) == TRICKY_ARGUMENTS


@pytest.mark.parametrize("switched_off", ["Hidden=true", "X-GNOME-Autostart-enabled=false"])
def test_an_xdg_entry_switched_off_by_the_desktop_is_off_and_enabling_switches_it_on(tmp_path, switched_off):
    backend = XdgAutostart(COMMAND, tmp_path, [])
    backend.set_enabled(True)
    text = backend.path.read_text().replace("X-GNOME-Autostart-enabled=true", "")
    backend.path.write_text(text + switched_off + "\n")
    assert not backend.is_enabled()

    backend.set_enabled(True)
    assert backend.is_enabled()
    assert switched_off not in backend.path.read_text()


def test_disabling_a_system_wide_xdg_entry_hides_it_with_a_user_entry(tmp_path):
    system_dir = tmp_path / "etc-xdg"
    (system_dir / "autostart").mkdir(parents=True)
    (system_dir / "autostart" / "deskbreak.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=deskbreak\nExec=deskbreak\n"
    )
    backend = XdgAutostart(COMMAND, tmp_path / "home-config", [system_dir])
    assert backend.is_enabled()

    backend.set_enabled(False)
    assert not backend.is_enabled()
    assert desktop_entry(backend.path)["Hidden"] == "true"
    backend.set_enabled(True)
    assert backend.is_enabled()


def test_the_xdg_entry_defaults_to_dot_config_and_ignores_a_relative_xdg_config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/config")
    assert XdgAutostart(COMMAND).location == str(tmp_path / ".config" / "autostart" / "deskbreak.desktop")


# --- Windows: HKCU Run key ---------------------------------------------------------------


def test_enabling_writes_the_quoted_command_line_under_the_hkcu_run_key():
    registry = FakeRegistry()
    command = [r"C:\Program Files\deskbreak\deskbreak.exe", "--config-dir", r"C:\Users\me\my profile"]
    WindowsAutostart(command, registry=registry).set_enabled(True)
    assert registry.run_value() == (
        r'"C:\Program Files\deskbreak\deskbreak.exe" --config-dir "C:\Users\me\my profile"',
        FakeRegistry.REG_SZ,
    )
    assert registry.open_handles == 0


def test_a_run_key_the_user_may_not_write_gives_an_error_naming_it():
    backend = WindowsAutostart(COMMAND, registry=FakeRegistry(read_only=True))
    with pytest.raises(AutostartError, match=r"CurrentVersion\\Run.*deskbreak.*Access is denied"):
        backend.set_enabled(True)


def test_without_a_registry_the_run_key_backend_is_unavailable_and_never_crashes():
    backend = WindowsAutostart(COMMAND, registry=None)  # no winreg off Windows
    assert not backend.available()
    assert not backend.is_enabled()
    backend.set_enabled(False)
    with pytest.raises(AutostartError, match="registry"):
        backend.set_enabled(True)


# --- macOS: LaunchAgent ------------------------------------------------------------------


def test_enabling_writes_a_launch_agent_that_runs_the_command_at_login(tmp_path):
    backend = MacAutostart(COMMAND, agents_dir=tmp_path)
    backend.set_enabled(True)
    agent = plistlib.loads((tmp_path / "io.github.deskbreak.deskbreak.plist").read_bytes())
    assert agent == {
        "Label": "io.github.deskbreak.deskbreak",
        "ProgramArguments": COMMAND,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }


def test_a_damaged_launch_agent_is_rewritten_when_enabled(tmp_path):
    backend = MacAutostart(COMMAND, agents_dir=tmp_path)
    backend.path.write_text("<plist>half written")
    backend.set_enabled(True)
    assert plistlib.loads(backend.path.read_bytes())["ProgramArguments"] == COMMAND


# --- errors on files ---------------------------------------------------------------------


FILE_BACKENDS = {
    "xdg": lambda folder: XdgAutostart(COMMAND, config_home=folder, config_dirs=[]),
    "launch-agent": lambda folder: MacAutostart(COMMAND, agents_dir=folder),
}


@pytest.mark.parametrize("make", FILE_BACKENDS.values(), ids=FILE_BACKENDS.keys())
def test_a_folder_that_cannot_be_made_gives_an_error_naming_the_entry(tmp_path, make):
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    backend = make(a_file / "sub")
    with pytest.raises(AutostartError) as raised:
        backend.set_enabled(True)
    assert str(backend.path) in str(raised.value)
    assert "Not a directory" in str(raised.value)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to drop root privileges")
@pytest.mark.parametrize("enabled", [True, False], ids=["writing", "removing"])
@pytest.mark.parametrize("make", FILE_BACKENDS.values(), ids=FILE_BACKENDS.keys())
def test_a_folder_the_user_may_not_write_gives_permission_denied_naming_the_entry(tmp_path, make, enabled):
    backend = make(tmp_path / "entries")
    backend.path.parent.mkdir(parents=True)
    backend.set_enabled(not enabled)
    message = message_when_refused(backend.path.parent, lambda: backend.set_enabled(enabled))
    verb = "write" if enabled else "remove"
    assert message == f"could not {verb} {backend.path}: Permission denied"


# --- the command and the choice of backend -----------------------------------------------


def test_launch_command_starts_this_deskbreak():
    command = launch_command()
    assert Path(command[0]).is_absolute()
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("deskbreak ")


def test_launch_command_is_the_console_script_when_run_as_one(tmp_path, monkeypatch):
    script = tmp_path / "venv" / "bin" / "deskbreak"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["venv/bin/deskbreak", "--config-dir", "/x y"])
    assert launch_command() == [str(script)]


def test_launch_command_finds_a_windows_console_script_whose_exe_suffix_was_stripped(tmp_path, monkeypatch):
    script = tmp_path / "deskbreak.exe"
    script.write_text("MZ")
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "deskbreak")])
    assert launch_command() == [str(script)]


def test_launch_command_runs_the_module_with_the_venv_python_left_unresolved(tmp_path, monkeypatch):
    # A venv's python is a symlink to the system one; following it would lose the venv.
    venv_python = tmp_path / "venv" / "bin" / "python"
    venv_python.parent.mkdir(parents=True)
    venv_python.symlink_to(sys.executable)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "executable", "venv/bin/python")
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "deskbreak" / "__main__.py")])
    assert launch_command() == [str(venv_python), "-m", "deskbreak"]


def test_launch_command_of_a_bundle_is_the_bundle_itself(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "deskbreak"))
    assert launch_command() == [str(tmp_path / "deskbreak")]


@pytest.mark.parametrize(
    ("platform_name", "backend_type"),
    [("linux", XdgAutostart), ("freebsd14", XdgAutostart), ("win32", WindowsAutostart),
     ("darwin", MacAutostart), ("emscripten", NullAutostart)],
)
def test_detect_autostart_picks_the_platforms_own_entry(tmp_path, platform_name, backend_type):
    backend = detect_autostart(platform=platform_name, config_home=tmp_path, agents_dir=tmp_path)
    assert type(backend) is backend_type


def test_a_platform_without_login_entries_gets_a_backend_that_does_nothing_harmlessly():
    backend = detect_autostart(COMMAND, platform="emscripten")
    assert backend.name == "none"
    assert not backend.available()
    backend.set_enabled(True)
    assert not backend.is_enabled()
    assert "not supported" in backend.location


def test_a_misspelt_location_is_an_error_not_a_write_to_the_real_entry():
    with pytest.raises(TypeError, match="config_hom"):
        detect_autostart(COMMAND, platform="linux", config_hom=Path("/tmp"))
