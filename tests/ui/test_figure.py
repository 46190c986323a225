"""The illustrated figure: rendering, mirroring, the animated widget, PNG export."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import replace  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter, QPalette  # noqa: E402

from deskbreak.core.content.poses import RADII, figure_bounds, key_points, load_poses  # noqa: E402
from deskbreak.ui.figure import (  # noqa: E402
    FigureColors,
    FigureWidget,
    exercise_frame,
    paint_figure,
    world_to_widget,
)
from deskbreak.ui.figure_shapes import HEAD_RADIUS, JOINT_MARK_LIMIT, joint_marks  # noqa: E402
from deskbreak.ui.render import contact_sheet, render_catalog, render_exercise  # noqa: E402

SIZE = (480, 360)


@pytest.fixture(scope="module")
def poses(catalog):
    return load_poses(catalog=catalog)


class FakeClock:
    """Seconds, moved by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def pixels(image: QImage) -> list[list[tuple[int, int, int]]]:
    """Rows of (r, g, b)."""
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    data = bytes(image.constBits())
    stride = image.bytesPerLine()
    rows = []
    for y in range(image.height()):
        row = data[y * stride: y * stride + image.width() * 4]
        rows.append([(row[i], row[i + 1], row[i + 2]) for i in range(0, len(row), 4)])
    return rows


def near(color: tuple[int, int, int], target: QColor, tolerance: int = 24) -> bool:
    return (abs(color[0] - target.red()) + abs(color[1] - target.green())
            + abs(color[2] - target.blue())) <= tolerance


def accent_pixels(image: QImage, accent: QColor) -> list[tuple[int, int]]:
    return [(x, y) for y, row in enumerate(pixels(image)) for x, c in enumerate(row) if near(c, accent)]


def ink(image: QImage, background: QColor) -> int:
    return sum(1 for row in pixels(image) for c in row if not near(c, background, 12))


# -- rendering -------------------------------------------------------------------


def test_every_illustrated_exercise_renders_with_its_highlight(poses, qapp):
    colors = FigureColors.light()
    assert poses
    for exercise_id, entry in poses.items():
        image = render_exercise(entry, SIZE, caption=entry.name, colors=colors)
        assert image.size().width() == SIZE[0] and image.size().height() == SIZE[1]
        assert ink(image, colors.background) > 0.02 * SIZE[0] * SIZE[1], exercise_id
        assert len(accent_pixels(image, colors.accent)) > 50, exercise_id


def test_the_start_pose_and_dark_colours_render_too(poses, qapp):
    colors = FigureColors.dark()
    image = render_exercise(poses["bird-dog"], SIZE, t=0.0, colors=colors)
    assert accent_pixels(image, colors.accent)
    body = sum(1 for row in pixels(image) for c in row if near(c, colors.body))
    assert body > 500


def test_the_left_side_is_the_mirror_image_of_the_right(poses, qapp):
    colors = FigureColors.light()
    for exercise_id in ("split-hip-stretch", "bird-dog", "lower-back-table-stretch"):
        entry = poses[exercise_id]
        right = pixels(render_exercise(entry, SIZE, side="right", colors=colors))
        left = pixels(render_exercise(entry, SIZE, side="left", colors=colors))
        width = SIZE[0]
        differ = sum(
            1
            for y in range(SIZE[1])
            for x in range(width)
            if not near(right[y][x], QColor(*left[y][width - 1 - x]), 60)
        )
        assert differ < 0.002 * width * SIZE[1], exercise_id
        # The highlight moves to the other side of the picture.
        a = [(x, y) for y, row in enumerate(right) for x, c in enumerate(row) if near(c, colors.accent)]
        b = [(x, y) for y, row in enumerate(left) for x, c in enumerate(row) if near(c, colors.accent)]
        centre_a = sum(x for x, _ in a) / len(a)
        centre_b = sum(x for x, _ in b) / len(b)
        assert centre_b == pytest.approx(width - 1 - centre_a, abs=2.0), exercise_id


def test_mirrored_key_points_land_on_their_reflection(poses):
    entry = poses["split-hip-stretch"]
    rect = QRectF(10, 20, 400, 300)
    frame = exercise_frame(entry)
    for point in key_points(entry.hold).values():
        plain = world_to_widget(rect, frame, point)
        flipped = world_to_widget(rect, frame, point, mirrored=True)
        assert flipped.x() == pytest.approx(2 * rect.center().x() - plain.x())
        assert flipped.y() == pytest.approx(plain.y())


def test_paint_figure_takes_a_palette(poses, qapp):
    entry = poses["plank"]
    image = QImage(240, 180, QImage.Format.Format_ARGB32_Premultiplied)
    palette = QPalette(QColor("#fafafa"))
    image.fill(palette.color(QPalette.ColorRole.Window))
    painter = QPainter(image)
    paint_figure(painter, QRectF(0, 0, 240, 180), entry.hold, entry.props, entry.highlight, palette)
    painter.end()
    assert accent_pixels(image, FigureColors.from_palette(palette).accent)


def test_render_catalog_writes_one_png_per_illustrated_exercise(catalog, poses, tmp_path, qapp):
    out = tmp_path / "renders"
    paths = render_catalog(catalog, out, size=(240, 180), poses=poses)
    assert [p.stem for p in paths] == [e for e in catalog.exercises if e in poses]
    for path in paths:
        image = QImage(str(path))
        assert path.parent == out and not image.isNull()
        assert (image.width(), image.height()) == (240, 180)
    sheet = contact_sheet(paths, tmp_path / "sheet.png", columns=4, thumb_width=120)
    image = QImage(str(sheet))
    columns = min(4, len(paths))
    rows = -(-len(paths) // columns)
    assert image.width() == 8 + columns * (120 + 8)
    assert image.height() == 8 + rows * (90 + 8)


# -- what the pictures must show -----------------------------------------------------


def second_heads(marks: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Round ends, other than the head, big enough to read as another head."""
    return [(name, r) for name, r in marks if name != "head" and r > JOINT_MARK_LIMIT * HEAD_RADIUS]


def test_joint_marks_are_much_smaller_than_the_head_in_every_pose(poses):
    assert JOINT_MARK_LIMIT <= 0.7
    for exercise_id, entry in poses.items():
        for t in (0.0, 0.5, 1.0):
            marks = joint_marks(key_points(entry.pose_at(t)))
            assert [r for name, r in marks if name == "head"] == [HEAD_RADIUS], exercise_id
            assert len(marks) > 20  # every part reports its round ends
            assert second_heads(marks) == [], (exercise_id, t)
    # What the lying figures used to draw: the torso a capsule whose round end at
    # the base of the neck is as big as the head.
    capsule_torso = joint_marks(key_points(poses["knee-to-chest"].hold)) + [("chest", RADII["chest"])]
    assert second_heads(capsule_torso) == [("chest", RADII["chest"])]


def test_the_figure_fills_its_picture(poses):
    """The figure in its start and hold poses, with the props it uses, fills the
    picture's width or its height; the floor mat does not count."""
    rect = QRectF(0, 0, 480, 330)  # a render's picture, above its caption
    for exercise_id, entry in poses.items():
        frame = exercise_frame(entry)
        boxes = [figure_bounds(p) for p in (entry.start, entry.hold, entry.pose_at(0.5))]
        boxes += [p.bounds() for t in (0.0, 1.0) for p in entry.props_at(t)
                  if p.kind != "mat" and p.bounds() is not None]
        left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
        right, top = max(b[2] for b in boxes), max(b[3] for b in boxes)
        a = world_to_widget(rect, frame, (left, bottom))
        b = world_to_widget(rect, frame, (right, top))
        wide, tall = (b.x() - a.x()) / rect.width(), (a.y() - b.y()) / rect.height()
        assert max(wide, tall) >= 0.8, (exercise_id, round(wide, 2), round(tall, 2))
        assert min(a.x(), b.y()) >= 0 and b.x() <= rect.width() and a.y() <= rect.height(), exercise_id


def test_a_long_mat_does_not_shrink_the_figure(poses):
    entry = poses["knee-to-chest"]
    mat = next(p for p in entry.props if p.kind == "mat")
    left, _, right, _ = exercise_frame(entry)
    assert right - left < mat.width


@pytest.mark.parametrize(("exercise_id", "kind"),
                         [("pull-up-bar-hang", "bar"), ("pencil-toe-pick-up", "pencil")])
def test_a_held_prop_is_drawn_over_the_figure_and_shows(poses, qapp, exercise_id, kind):
    colors = FigureColors.light()
    entry = poses[exercise_id]
    assert any(p.kind == kind for p in entry.props)
    for t in (0.0, 1.0):
        image = render_exercise(entry, (240, 180), t=t, colors=colors)
        shown = sum(1 for row in pixels(image) for c in row if near(c, colors.prop_front, 30))
        assert shown >= 40, (exercise_id, t, shown)


# -- the widget ------------------------------------------------------------------


def make_widget(qtbot, poses, clock=None, show=True) -> FigureWidget:
    widget = FigureWidget(poses, clock=clock or FakeClock())
    qtbot.addWidget(widget)
    widget.resize(320, 240)
    if show:
        widget.show()
        qtbot.waitUntil(widget.isVisible, timeout=1000)
    return widget


def test_the_widget_eases_to_the_hold_pose_and_stops_its_timer(qtbot, catalog, poses):
    clock = FakeClock()
    widget = make_widget(qtbot, poses, clock)
    finished = []
    widget.animationFinished.connect(lambda: finished.append(True))
    widget.show_exercise(catalog.exercise("split-hip-stretch"), "right")
    assert widget.animating and widget.timer.isActive()
    assert widget.current_pose() == poses["split-hip-stretch"].start
    clock.now += 0.25
    qtbot.waitUntil(lambda: widget.progress == pytest.approx(0.25), timeout=1000)
    assert widget.eased_progress() < 0.25  # eases in
    clock.now += 0.25
    qtbot.waitUntil(lambda: widget.progress == pytest.approx(0.5), timeout=1000)
    assert widget.eased_progress() == pytest.approx(0.5)
    clock.now += 5
    qtbot.waitUntil(lambda: not widget.animating, timeout=1000)
    assert not widget.timer.isActive()
    assert widget.progress == 1.0
    assert widget.current_pose() == poses["split-hip-stretch"].hold
    assert finished == [True]
    image = widget.grab().toImage()
    assert accent_pixels(image, widget.figure_colors().accent)


def test_the_timer_only_runs_while_the_widget_is_visible(qtbot, catalog, poses):
    clock = FakeClock()
    widget = make_widget(qtbot, poses, clock, show=False)
    widget.show_exercise(catalog.exercise("bird-dog"), None)
    assert widget.animating and not widget.timer.isActive()
    widget.show()
    qtbot.waitUntil(widget.isVisible, timeout=1000)
    assert widget.timer.isActive()
    clock.now += 0.4
    qtbot.waitUntil(lambda: widget.progress == pytest.approx(0.4), timeout=1000)
    widget.hide()
    assert not widget.timer.isActive() and widget.animating
    clock.now += 60  # a long time hidden: the movement resumes where it paused
    widget.show()
    qtbot.waitUntil(widget.isVisible, timeout=1000)
    assert widget.timer.isActive()
    qtbot.wait(50)
    assert widget.progress == pytest.approx(0.4)
    clock.now += 1
    qtbot.waitUntil(lambda: not widget.animating, timeout=1000)
    assert not widget.timer.isActive()


def test_set_pose_progress_shows_any_point_of_the_movement(qtbot, catalog, poses):
    widget = make_widget(qtbot, poses)
    entry = poses["glute-bridge"]
    widget.show_exercise(entry)
    widget.set_pose_progress(0)
    assert not widget.animating and not widget.timer.isActive()
    assert widget.current_pose() == entry.start
    widget.set_pose_progress(1)
    assert widget.current_pose() == entry.hold
    widget.set_pose_progress(0.5)
    assert widget.current_pose() == entry.pose_at(0.5)
    widget.grab()


def test_sides_and_accessible_names(qtbot, catalog, poses):
    widget = make_widget(qtbot, poses)
    widget.show_exercise(catalog.exercise("split-hip-stretch"), "right")
    assert widget.accessibleName() == "Illustration: Split hip stretch, right side"
    assert "hip flexors" in widget.accessibleDescription()
    widget.set_pose_progress(1)
    right = widget.grab().toImage()
    widget.show_exercise("split-hip-stretch", "left")
    assert widget.side == "left"
    assert widget.accessibleName() == "Illustration: Split hip stretch, left side"
    widget.set_pose_progress(1)
    left = widget.grab().toImage()
    accent = widget.figure_colors().accent
    xs_right = [x for x, _ in accent_pixels(right, accent)]
    xs_left = [x for x, _ in accent_pixels(left, accent)]
    width = right.width()
    assert sum(xs_left) / len(xs_left) == pytest.approx(
        width - 1 - sum(xs_right) / len(xs_right), abs=3)
    widget.show_exercise(catalog.exercise("plank"), None)
    assert widget.accessibleName() == "Illustration: Plank"
    with pytest.raises(ValueError):
        widget.show_exercise(catalog.exercise("plank"), "up")


def test_an_exercise_without_poses_shows_its_name(qtbot, catalog, poses):
    widget = make_widget(qtbot, poses)
    exercise = replace(catalog.exercise("plank"), id="not-illustrated-yet", name="Imaginary stretch")
    widget.show_exercise(exercise, "left")
    assert not widget.animating and not widget.timer.isActive()
    assert widget.current_poses is None
    assert "Imaginary stretch" in widget.accessibleName()
    assert "core" in widget.accessibleDescription()
    image = widget.grab().toImage()
    assert ink(image, widget.palette().color(QPalette.ColorRole.Window)) > 50
    widget.show_exercise(None)
    widget.grab()


def test_a_widget_without_any_poses_still_works(qtbot, catalog):
    widget = FigureWidget({})
    qtbot.addWidget(widget)
    widget.show()
    widget.show_exercise(catalog.exercise("plank"), "right")
    assert not widget.animating
    widget.grab()


def test_zero_duration_jumps_to_the_hold_pose(qtbot, catalog, poses):
    widget = FigureWidget(poses, duration_s=0)
    qtbot.addWidget(widget)
    widget.show()
    widget.show_exercise(catalog.exercise("plank"))
    assert not widget.animating and widget.progress == 1.0
    assert widget.current_pose() == poses["plank"].hold


def test_a_card_background_is_used_for_the_outlines(qtbot, poses):
    widget = make_widget(qtbot, poses)
    widget.set_background(QColor("#123456"))
    assert widget.figure_colors().background == QColor("#123456")
    widget.set_background(None)
    assert widget.figure_colors().background == widget.palette().color(QPalette.ColorRole.Window)
