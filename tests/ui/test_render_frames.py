"""`deskbreak catalog --render DIR --frames N`: the move, frame by frame, as the guide draws it."""

from __future__ import annotations

from PySide6.QtGui import QImage

from support.fakes import run_cli
from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.content.poses import load_poses
from deskbreak.ui.render import render_exercise, render_frames


def test_one_exercise_in_three_frames_per_side_and_a_contact_sheet(qapp, tmp_path):
    catalog = load_catalog()
    written = render_frames(catalog, tmp_path, 3, only=["split-hip-stretch"])
    names = sorted(p.name for p in written)
    assert names == sorted([f"split-hip-stretch-{side}-{k:02d}.png" for side in ("right", "left") for k in range(3)]
                           + ["split-hip-stretch-sheet.png"])
    start, hold = QImage(str(tmp_path / "split-hip-stretch-right-00.png")), QImage(
        str(tmp_path / "split-hip-stretch-right-02.png"))
    assert start.size() == hold.size() and start != hold  # the figure moved
    sheet = QImage(str(tmp_path / "split-hip-stretch-sheet.png"))
    assert sheet.width() > 3 * start.width() and sheet.height() > 2 * start.height()  # three across, two sides
    # The left side is the picture flipped, as the break window draws it.
    left = render_exercise(load_poses(catalog=catalog)["split-hip-stretch"], (360, 270), t=1.0, side="left",
                           caption="split-hip-stretch left t=1.00")
    same = QImage.Format.Format_ARGB32
    assert QImage(str(tmp_path / "split-hip-stretch-left-02.png")).convertToFormat(same) == left.convertToFormat(same)


def test_the_command_writes_frames_for_every_exercise(qapp, capsys, tmp_path):
    code, out, err = run_cli(capsys, "catalog", "--render", str(tmp_path), "--frames", "2")
    assert code == 0 and err == ""
    printed = out.split()
    assert f"{tmp_path}/plank-sheet.png" in printed and f"{tmp_path}/plank-both-01.png" in printed
    assert all((tmp_path / name.rsplit("/", 1)[1]).is_file() for name in printed)
