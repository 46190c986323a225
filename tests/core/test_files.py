"""Private folders and files: 0700 and 0600 whatever the umask, and never another user's."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from deskbreak.core.files import (
    create_private_file,
    make_file_private,
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
