"""The file watch with a real QFileSystemWatcher: replaced files, symlinks, edits in place."""

from __future__ import annotations

import os

import pytest

from deskbreak.shell.file_watch import SETTLE_MS, WatchedFiles

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symlinks")


def edit_in_place(path, text: str) -> None:
    """What `echo >>` or an editor that writes in place does: same file, new bytes, no rename."""
    with open(path, "r+", encoding="utf-8") as stream:
        stream.seek(0, os.SEEK_END)
        stream.write(text)


def linked_settings(tmp_path):
    """config/settings.toml, a symlink to dotfiles/settings.toml (as dotfile managers set it up)."""
    target = tmp_path / "dotfiles" / "settings.toml"
    target.parent.mkdir()
    target.write_text("volume = 1\n")
    path = tmp_path / "config" / "settings.toml"
    path.parent.mkdir()
    path.symlink_to(target)
    return path, target


@pytest.fixture
def settled_count(qtbot):
    def watch(path):
        watched = WatchedFiles(lambda: (path,))
        count = [0]
        watched.settled.connect(lambda: count.__setitem__(0, count[0] + 1))
        return watched, count
    return watch


def test_an_edit_in_place_is_seen(qtbot, tmp_path, settled_count):
    path = tmp_path / "settings.toml"
    path.write_text("volume = 1\n")
    watched, count = settled_count(path)
    edit_in_place(path, "sound = true\n")
    qtbot.waitUntil(lambda: count[0] == 1, timeout=5000)


def put_a_plain_file_where_the_link_was(path, target):
    """What a dotfile manager's "unlink" (or the user) does; the old target is then none of our business."""
    replacement = path.with_name("settings.toml.new")
    replacement.write_text("volume = 2\n")
    os.replace(replacement, path)
    return path, target


def point_the_link_at_another_file(path, target):
    other = target.with_name("other.toml")
    other.write_text("volume = 2\n")
    link = path.with_name("settings.toml.link")
    link.symlink_to(other)
    os.replace(link, path)
    return other, target


def replace_the_target(path, target):
    """A dotfiles repository's checkout: the target is replaced, the link stays."""
    checkout = target.with_name("checkout.tmp")
    checkout.write_text("volume = 3\n")
    os.replace(checkout, target)
    return target, None


@pytest.mark.parametrize("change", [put_a_plain_file_where_the_link_was, point_the_link_at_another_file,
                                    replace_the_target])
def test_a_symlinked_file_is_watched_where_it_leads_after_every_change(qtbot, tmp_path, settled_count, change):
    path, target = linked_settings(tmp_path)
    watched, count = settled_count(path)
    now_read, left_behind = change(path, target)
    qtbot.waitUntil(lambda: count[0] == 1, timeout=5000)
    edit_in_place(now_read, "sound = true\n")
    qtbot.waitUntil(lambda: count[0] == 2, timeout=5000)
    if left_behind is not None:
        edit_in_place(left_behind, "sound = false\n")
        qtbot.wait(2 * SETTLE_MS)
        assert count[0] == 2, "the file the link no longer leads to is not watched"
