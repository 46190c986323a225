"""``deskbreak desktop install|uninstall``: the menu entry, icons and metainfo, and only deskbreak's own files.

Each test gets its own ``$XDG_DATA_HOME`` and ``HOME``; the entry is checked
by ``desktop-file-validate`` and read back as a launcher reads it. The same
verbs run from a wheel in a fresh virtual environment in
``tests/test_packaging.py``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from deskbreak.adapters import menu_entry
from deskbreak.adapters.autostart import launch_command
from deskbreak.core.content.assets import asset_path
from support.ci import require_program
from support.desktop_entry import desktop_entry, exec_arguments
from support.fakes import run_cli
from support.file_tree import snapshot

EXTENSION_UUID = "deskbreak@deskbreak.github.io"


@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    """An empty ``$XDG_DATA_HOME`` holding another app's entry and icon, as a user's has."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    data = tmp_path / "data"
    (data / "applications").mkdir(parents=True)
    (data / "applications" / "other.desktop").write_text("[Desktop Entry]\nType=Application\nName=Other\n")
    (data / "icons" / "hicolor" / "48x48" / "apps").mkdir(parents=True)
    (data / "icons" / "hicolor" / "48x48" / "apps" / "other.png").write_bytes(b"another app's icon")
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    return data


@pytest.fixture
def console_script(tmp_path, monkeypatch) -> Path:
    """deskbreak run as a console script from a folder with a space, as ``pipx`` might place it."""
    script = tmp_path / "pipx venvs" / "bin" / "deskbreak"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setattr(sys, "argv", [str(script), "desktop"])
    return script


def entry_of(data: Path) -> dict[str, str]:
    return desktop_entry(data / "applications" / "deskbreak.desktop")


def shipped_icons() -> dict[str, bytes]:
    """Each hicolor icon install writes (path under the data home) with its bytes."""
    hicolor = asset_path("icons", "hicolor")
    icons = {f"icons/hicolor/{path.relative_to(hicolor)}": path.read_bytes()
             for path in hicolor.glob("*/apps/deskbreak.png")}
    icons["icons/hicolor/scalable/apps/deskbreak.svg"] = asset_path("icons", "deskbreak.svg").read_bytes()
    return icons


def validate(path: Path) -> None:
    done = subprocess.run([require_program("desktop-file-validate", "desktop-file-utils"), str(path)],
                          capture_output=True, text=True, timeout=30)
    assert (done.returncode, done.stdout + done.stderr) == (0, ""), done.stdout + done.stderr


def test_install_adds_the_entry_icons_metainfo_and_extension_and_uninstall_takes_exactly_them_out(data_home, capsys):
    before = snapshot(data_home)
    code, out, err = run_cli(capsys, "desktop", "install")
    assert (code, err) == (0, "")

    entry_file = data_home / "applications" / "deskbreak.desktop"
    validate(entry_file)
    entry = entry_of(data_home)
    # Run by pytest, this deskbreak is `python -m deskbreak`: the interpreter, absolute, never resolved.
    assert exec_arguments(entry["Exec"]) == launch_command() == [os.path.abspath(sys.executable), "-m", "deskbreak"]
    assert entry["TryExec"] == os.path.abspath(sys.executable)
    assert entry["Icon"] == "deskbreak" and entry["Name"] == "deskbreak"
    assert f"installed {entry_file}" in out
    assert f"{entry_file} starts {sys.executable} -m deskbreak" in out
    icons = shipped_icons()
    assert {"icons/hicolor/16x16/apps/deskbreak.png", "icons/hicolor/256x256/apps/deskbreak.png"} <= set(icons)
    for relative, content in icons.items():
        assert (data_home / relative).read_bytes() == content, relative
    metainfo = asset_path("desktop", "io.github.deskbreak.deskbreak.metainfo.xml")
    assert (data_home / "metainfo" / metainfo.name).read_bytes() == metainfo.read_bytes()
    assert (data_home / "gnome-shell" / "extensions" / EXTENSION_UUID / "metadata.json").is_file()

    code, out, err = run_cli(capsys, "desktop", "uninstall")
    assert (code, err) == (0, "")
    assert f"removed {entry_file}" in out
    assert snapshot(data_home) == before


def test_the_entry_starts_the_console_script_that_installed_it_on_its_profile(data_home, console_script, tmp_path,
                                                                             capsys):
    profile = tmp_path / "my profile"
    code, _, err = run_cli(capsys, "--config-dir", str(profile), "desktop", "install")
    assert (code, err) == (0, "")
    entry = entry_of(data_home)
    assert exec_arguments(entry["Exec"]) == [str(console_script), "--config-dir", str(profile.resolve())]
    assert entry["TryExec"] == str(console_script)
    validate(data_home / "applications" / "deskbreak.desktop")


def test_installing_again_follows_a_moved_deskbreak_and_rewrites_only_the_entry(data_home, console_script, capsys):
    assert run_cli(capsys, "desktop", "install")[0] == 0
    moved = console_script.parent.parent.with_name("moved") / "bin" / "deskbreak"
    moved.parent.mkdir(parents=True)
    console_script.rename(moved)
    sys.argv[0] = str(moved)

    code, out, err = run_cli(capsys, "desktop", "install")
    assert (code, err) == (0, "")
    assert exec_arguments(entry_of(data_home)["Exec"]) == [str(moved)]
    assert [line for line in out.splitlines() if line.startswith("installed ")] == [
        f"installed {data_home / 'applications' / 'deskbreak.desktop'}"]


def test_install_replaces_no_file_of_the_users_and_writes_nothing(data_home, capsys):
    mine = data_home / "applications" / "deskbreak.desktop"
    mine.write_text("[Desktop Entry]\nType=Application\nName=deskbreak (my own)\nExec=deskbreak --mine\n")
    before = snapshot(data_home)
    code, out, err = run_cli(capsys, "desktop", "install")
    assert code == 1 and out == ""
    assert f"deskbreak: {mine} is in the way: deskbreak did not write it, or it was changed since" in err
    assert "move it away, then run `deskbreak desktop install` again" in err
    assert snapshot(data_home) == before


def test_uninstall_keeps_a_file_the_user_changed_and_says_so(data_home, capsys):
    before = snapshot(data_home)
    assert run_cli(capsys, "desktop", "install")[0] == 0
    entry_file = data_home / "applications" / "deskbreak.desktop"
    edited = entry_file.read_text() + "NoDisplay=true\n"
    entry_file.write_text(edited)

    code, out, err = run_cli(capsys, "desktop", "uninstall")
    assert code == 0
    assert err == f"deskbreak: kept {entry_file}: it was changed after deskbreak installed it\n"
    assert entry_file.read_text() == edited
    assert snapshot(data_home) == {**before, "applications/deskbreak.desktop": edited.encode()}
    # No longer deskbreak's: a later install leaves it alone too.
    assert run_cli(capsys, "desktop", "install")[0] == 1
    assert entry_file.read_text() == edited


def test_uninstall_after_an_older_install_without_a_record_removes_only_deskbreaks_own_bytes(data_home, capsys):
    # What `make install-desktop` wrote before the verbs kept a record.
    before = snapshot(data_home)
    assert run_cli(capsys, "desktop", "install")[0] == 0
    (data_home / menu_entry.MANIFEST).unlink()
    changed_icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / "deskbreak.svg"
    changed_icon.write_text("<svg>my own drawing</svg>")

    code, out, err = run_cli(capsys, "desktop", "uninstall")
    assert code == 0 and f"kept {changed_icon}" in err
    assert not (data_home / "applications" / "deskbreak.desktop").exists()
    after = snapshot(data_home)
    assert {path: after.get(path) for path in before} == before
    # The folders it made stay (no list says which they were), empty but for the changed icon.
    assert set(after) - set(before) <= {
        "deskbreak", "metainfo", "gnome-shell", "gnome-shell/extensions", f"gnome-shell/extensions/{EXTENSION_UUID}",
        "icons/hicolor/scalable", "icons/hicolor/scalable/apps", "icons/hicolor/scalable/apps/deskbreak.svg",
        *(f"icons/hicolor/{size}x{size}" for size in (16, 22, 24, 32, 64, 128, 256)),
        *(f"icons/hicolor/{size}x{size}/apps" for size in (16, 22, 24, 32, 64, 128, 256)),
    }
    assert changed_icon.read_text() == "<svg>my own drawing</svg>"


@pytest.mark.parametrize("record", [
    b"{not json",
    b'{"files": ["applications/deskbreak.desktop"], "folders": []}',
    # A damaged list must not aim outside the data folder, even at a file with the right bytes.
    b'{"files": {"../outside.txt": "%s"}, "folders": []}' % hashlib.sha256(b"x").hexdigest().encode(),
    b'{"files": {}, "folders": ["."]}',
])
def test_a_damaged_record_is_named_and_nothing_is_removed(data_home, tmp_path, capsys, record):
    assert run_cli(capsys, "desktop", "install")[0] == 0
    (tmp_path / "outside.txt").write_bytes(b"x")
    manifest = data_home / menu_entry.MANIFEST
    manifest.write_bytes(record)
    before = snapshot(tmp_path)

    code, out, err = run_cli(capsys, "desktop", "uninstall")
    assert code == 1 and out == ""
    assert err.startswith(f"deskbreak: {manifest} is damaged (")
    assert "remove it and run the command again" in err
    assert snapshot(tmp_path) == before


def test_a_file_that_cannot_be_written_is_named_and_what_was_written_is_still_taken_out(data_home, monkeypatch,
                                                                                       capsys):
    before = snapshot(data_home)
    write_file_atomically = menu_entry.write_file_atomically
    written, refused = [], []

    def write_two_then_fail(path, content):
        if len(written) == 2 and not refused:  # the third file; the list of what was written is saved
            refused.append(path)
            raise PermissionError(13, "Permission denied", str(path))
        write_file_atomically(path, content)
        written.append(path)

    monkeypatch.setattr(menu_entry, "write_file_atomically", write_two_then_fail)
    code, out, err = run_cli(capsys, "desktop", "install")
    assert (code, out) == (1, "")
    assert err == f"deskbreak: could not write {refused[0]}: Permission denied\n"
    assert all(path.is_file() for path in written)  # two icons, then the list of them

    monkeypatch.setattr(menu_entry, "write_file_atomically", write_file_atomically)
    code, out, _ = run_cli(capsys, "desktop", "uninstall")
    assert code == 0 and sorted(out.splitlines()) == sorted(f"removed {path}" for path in written[:2])
    assert snapshot(data_home) == before


def test_a_relative_xdg_data_home_is_ignored_as_the_spec_says(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    monkeypatch.chdir(tmp_path)
    assert run_cli(capsys, "desktop", "install")[0] == 0
    assert (tmp_path / ".local" / "share" / "applications" / "deskbreak.desktop").is_file()
    assert not (tmp_path / "relative").exists()
    assert run_cli(capsys, "desktop", "uninstall")[0] == 0
    assert snapshot(tmp_path) == {".local": None, ".local/share": None}


def test_uninstall_with_nothing_installed_says_so_and_touches_nothing(data_home, capsys):
    before = snapshot(data_home)
    code, out, err = run_cli(capsys, "desktop", "uninstall")
    assert (code, err) == (0, "")
    assert out == f"no menu entry of deskbreak's under {data_home}: nothing to remove\n"
    assert snapshot(data_home) == before


def test_the_verb_is_required(capsys):
    code, _, err = run_cli(capsys, "desktop")
    assert code == 2 and "required: VERB" in err


def test_other_systems_are_told_the_entry_is_for_freedesktop_desktops(data_home, monkeypatch, capsys):
    assert menu_entry.supported("linux") and menu_entry.supported("freebsd14")
    assert not menu_entry.supported("win32") and not menu_entry.supported("darwin")
    monkeypatch.setattr(menu_entry, "supported", lambda: False)
    before = snapshot(data_home)
    code, out, err = run_cli(capsys, "desktop", "install")
    assert code == 1 and "the application menu entry is for Linux and BSD desktops" in err
    assert snapshot(data_home) == before
