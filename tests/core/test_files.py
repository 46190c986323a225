"""Private folders and files: 0700 and 0600 whatever the umask, and never another user's."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from deskbreak.core.files import (
    FileLockTimeout,
    create_private_file,
    file_lock,
    make_file_private,
    parse_toml_bytes,
    with_line_endings_of,
    private_directory,
    write_file_atomically,
)

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="Unix owners and modes")

NOBODY = 65534


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture(params=[0o022, 0o000, 0o277], ids=lambda umask: f"umask {umask:03o}")
def umask(request):
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


@pytest.fixture
def give_to_another_user():
    """chown a path to nobody; only root can, so the test is skipped for anyone else."""
    if os.geteuid() != 0:
        pytest.skip("needs root to make a file belong to another user")
    return lambda path: os.chown(path, NOBODY, NOBODY, follow_symlinks=False)


def test_a_new_folder_is_0700_and_a_new_file_0600_whatever_the_umask(tmp_path, umask):
    folder = private_directory(tmp_path / "parent" / "data")
    assert folder == tmp_path / "parent" / "data"
    assert mode(folder) == 0o700
    assert create_private_file(folder / "history.sqlite3") is True
    assert mode(folder / "history.sqlite3") == 0o600


def test_an_existing_folder_we_own_loses_what_others_could_do(tmp_path):
    open_folder = tmp_path / "open"
    open_folder.mkdir()
    open_folder.chmod(0o755)
    private_directory(open_folder)
    assert mode(open_folder) == 0o700

    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o555)
    private_directory(read_only)
    assert mode(read_only) == 0o500, "the owner's own choice (read-only) is kept"


def test_an_existing_file_is_left_alone_by_create_and_tightened_by_make_private(tmp_path):
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"old")
    path.chmod(0o644)
    assert create_private_file(path) is False
    assert (path.read_bytes(), mode(path)) == (b"old", 0o644)
    make_file_private(path)
    assert (path.read_bytes(), mode(path)) == (b"old", 0o600)
    make_file_private(tmp_path / "missing")  # nothing to do, no error


def test_a_folder_of_another_user_is_refused(tmp_path, give_to_another_user):
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o755)
    give_to_another_user(theirs)
    with pytest.raises(PermissionError, match="not by us"):
        private_directory(theirs)
    assert mode(theirs) == 0o755, "never change what is not ours"


def test_a_file_of_another_user_is_not_changed(tmp_path, give_to_another_user):
    theirs = tmp_path / "theirs"
    theirs.write_text("x")
    theirs.chmod(0o644)
    give_to_another_user(theirs)
    make_file_private(theirs)
    assert mode(theirs) == 0o644


def test_a_symlink_is_refused_where_it_must_not_be_followed(tmp_path):
    ours = private_directory(tmp_path / "ours")
    link = tmp_path / "deskbreak-0"
    link.symlink_to(ours)
    with pytest.raises(OSError):
        private_directory(link, follow_symlinks=False)
    # The data folder may well be a symlink a dotfile manager made.
    assert private_directory(link) == link


def test_a_file_where_the_folder_should_be_is_refused(tmp_path):
    (tmp_path / "data").write_text("not a folder")
    with pytest.raises(NotADirectoryError):
        private_directory(tmp_path / "data")


def test_a_new_file_saved_atomically_is_0600_whatever_the_umask(tmp_path, umask):
    write_file_atomically(tmp_path / "settings.toml", "a = 1\n")
    assert mode(tmp_path / "settings.toml") == 0o600


def test_saving_over_a_file_keeps_the_mode_its_owner_gave_it(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("a = 0\n")
    path.chmod(0o640)
    write_file_atomically(path, "a = 1\n")
    assert (path.read_text(), mode(path)) == ("a = 1\n", 0o640)


def test_bytes_are_saved_atomically_exactly_as_given(tmp_path):
    # An icon, for `deskbreak desktop install`: no encoding, no newline translation.
    content = b"\x89PNG\r\n\x1a\n\x00\xff"
    write_file_atomically(tmp_path / "deskbreak.png", content)
    assert (tmp_path / "deskbreak.png").read_bytes() == content
    assert list(tmp_path.iterdir()) == [tmp_path / "deskbreak.png"]



# -- the lock around a read-modify-write ------------------------------------------------------

TAKE_THE_LOCK_AND_WRITE = """
import sys
from pathlib import Path
from deskbreak.core.files import file_lock
path = Path(sys.argv[1])
print("waiting", flush=True)
with file_lock(path):
    path.write_text("the other process\\n")
"""


def test_a_second_process_waits_for_the_lock_and_then_goes_ahead(tmp_path):
    path = tmp_path / "settings.toml"
    with file_lock(path):
        other = subprocess.Popen([sys.executable, "-c", TAKE_THE_LOCK_AND_WRITE, str(path)],
                                 stdout=subprocess.PIPE, text=True)
        assert other.stdout.readline() == "waiting\n"
        with pytest.raises(subprocess.TimeoutExpired):
            other.wait(timeout=0.5)
        assert not path.exists(), "it did not write while we held the lock"
    other.communicate(timeout=10)
    assert other.returncode == 0
    assert path.read_text() == "the other process\n"


def test_the_lock_file_sits_beside_the_file_and_is_private(tmp_path, umask):
    path = tmp_path / "settings.toml"
    with file_lock(path):
        pass
    assert mode(tmp_path / "settings.toml.lock") == 0o600
    with file_lock(path):  # and it can be taken again, by us or anyone
        pass


def test_a_lock_held_too_long_is_a_clear_error_not_a_hang(tmp_path):
    path = tmp_path / "settings.toml"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\nfrom pathlib import Path\nfrom deskbreak.core.files import file_lock\n"
        "with file_lock(Path(sys.argv[1])):\n    print('held', flush=True)\n    sys.stdin.read()\n"),
        str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        with pytest.raises(FileLockTimeout) as caught:
            with file_lock(path, wait_seconds=0.2):
                pass
        assert str(tmp_path / "settings.toml.lock") in str(caught.value)
    finally:
        holder.communicate("", timeout=10)


@pytest.mark.parametrize("nested", ["key = " + "[" * 5000 + "]" * 5000, "key = " + "{a = " * 5000 + "1" + "}" * 5000])
def test_a_file_nested_past_reason_is_a_clear_error_not_a_crash(nested):
    # tomllib recurses per level: ~1 KB of brackets ended the interpreter's stack, and with it the start.
    with pytest.raises(ValueError, match="nest"):
        parse_toml_bytes(nested.encode())


def test_an_edit_keeps_the_windows_line_endings_of_a_file_written_with_them_throughout():
    assert with_line_endings_of("a = 1\r\nb = 2\r\n", "a = 1\nb = 3\r\nc = 4\n") == "a = 1\r\nb = 3\r\nc = 4\r\n"
    # Mixed or Unix endings are the user's: tomlkit's LF stays.
    assert with_line_endings_of("a = 1\r\nb = 2\n", "a = 1\nc = 4\n") == "a = 1\nc = 4\n"
    assert with_line_endings_of("a = 1\n", "a = 2\n") == "a = 2\n"
