"""read_regular_file: a hostile path costs a clear refusal, never a hang or the memory."""

from __future__ import annotations

import os
import sys

import pytest

from deskbreak.core.bounded_read import FileRefused, read_regular_file

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")


def test_a_regular_file_is_read_whole(tmp_path):
    path = tmp_path / "a.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\r\n")
    assert read_regular_file(path) == b"BEGIN:VCALENDAR\r\n"


def test_a_symlink_to_a_regular_file_is_followed(tmp_path):
    target = tmp_path / "real.ics"
    target.write_bytes(b"x")
    link = tmp_path / "link.ics"
    link.symlink_to(target)
    assert read_regular_file(link) == b"x"


@posix_only
def test_a_fifo_without_a_writer_is_refused_at_once(tmp_path):
    fifo = tmp_path / "calendar.ics"
    os.mkfifo(fifo)
    with pytest.raises(FileRefused, match="calendar.ics is not a regular file \\(a named pipe\\)"):
        read_regular_file(fifo)


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_an_endless_device_is_refused(tmp_path, device):
    link = tmp_path / "calendar.ics"
    link.symlink_to(device)
    with pytest.raises(FileRefused, match="a device"):
        read_regular_file(link)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(FileRefused, match="a folder"):
        read_regular_file(tmp_path)


def test_a_file_over_the_limit_is_refused_naming_it(tmp_path):
    path = tmp_path / "huge.csv"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(FileRefused, match="huge.csv is larger than"):
        read_regular_file(path, limit=1024)
    assert read_regular_file(path, limit=2048) == b"a" * 2048


def test_a_missing_file_raises_the_usual_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_regular_file(tmp_path / "nope")
