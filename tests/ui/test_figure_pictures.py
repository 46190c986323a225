"""The figure and the hold ring look as they did before their painting got cheaper.

``figure_references/`` holds pictures painted by the code before issue 19
made the figure paint only what moves: a few exercises at a few points of
their movement, light and dark, and the ring's track and arc (no text, so
the pictures do not depend on the machine's fonts). The pictures painted
now must match them within antialiasing noise. One was painted again:
``childs-pose-100``, whose torso Qt's path union (``QPainterPath.united``,
which the old torso was made with) had cut to half its depth; the torso is
now two fills that cover what the union should have; and
``split-hip-stretch-50``, whose foot now stays flat on the box and hands on
the knee half way (issue 21: what both poses reach for is kept on the way),
and ``bridge-100``, ``childs-pose-100`` and ``pull-up-bar-hang-100``, framed
differently as their moves changed (the frame holds the mid pose too); and
``supine-knee-drop-twist-100-right``, now seen from its left side, as its
steps drop the knees to the right first; and
``table-glute-hamstring-lift-60-left``, whose table moved out of the thigh; and, for the faults issue
21 found in the drawing, ``pencil-toe-pick-up-100`` (the pencil gripped under the toes),
``childs-pose-100`` (the back rounded over the thighs) and ``stability-ball-pike-40`` (the legs kept
on the ball half way). What the widgets show on
screen after painting piece by piece (dirty rectangles, cached layers) must
match a picture painted in one go.

Rewrite the references only when the picture is meant to change:

    QT_QPA_PLATFORM=offscreen python tests/ui/test_figure_pictures.py --write
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, QRect  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from deskbreak.core.content.catalog import load_catalog  # noqa: E402
from deskbreak.core.content.poses import load_poses  # noqa: E402
from deskbreak.ui.figure import FigureColors, FigureWidget  # noqa: E402
from deskbreak.ui.hold_ring import HoldRing  # noqa: E402
from deskbreak.ui.render import render_exercise  # noqa: E402

REFERENCES = Path(__file__).resolve().parent / "figure_references"
SIZE = (320, 240)
RING_SIDE = 200
RING_ARC = QColor("#1a73e8")

#: (exercise, how far to the hold pose, side, dark): every prop, cue, highlight kind and both sides.
FIGURES = [
    ("split-hip-stretch", 0.0, "right", False),
    ("split-hip-stretch", 0.5, "left", True),
    ("shoulder-circles", 0.3, None, False),
    ("pull-up-bar-hang", 1.0, None, True),
    ("pencil-toe-pick-up", 1.0, None, False),
    ("table-glute-hamstring-lift", 0.6, "left", False),
    ("supine-knee-drop-twist", 1.0, "right", False),
    ("stability-ball-pike", 0.4, None, True),
    ("bridge", 1.0, None, False),
    ("childs-pose", 1.0, None, False),
]
#: (fraction of the arc left, paused)
RINGS = [(1.0, False), (0.62, False), (0.05, False), (0.4, True)]


def figure_name(exercise: str, t: float, side: str | None, dark: bool) -> str:
    return f"{exercise}-{round(t * 100)}-{side or 'plain'}-{'dark' if dark else 'light'}.png"


def ring_name(fraction: float, paused: bool) -> str:
    return f"ring-{round(fraction * 100)}{'-paused' if paused else ''}.png"


def colors_for(dark: bool) -> FigureColors:
    return FigureColors.dark() if dark else FigureColors.light()


def paint_figure_picture(poses, exercise: str, t: float, side: str | None, dark: bool) -> QImage:
    return render_exercise(poses[exercise], SIZE, t=t, side=side, colors=colors_for(dark))


def light_palette() -> QPalette:
    palette = QPalette(QColor("#efefef"))
    palette.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#202124"))
    return palette


def make_ring(fraction: float, paused: bool, text: str = "") -> HoldRing:
    ring = HoldRing()
    ring.setPalette(light_palette())
    ring.resize(RING_SIDE, RING_SIDE)
    ring.set_state(fraction=fraction, remaining=fraction * 60, value_text=text, caption="HOLD" if text else "",
                   accessible="", color=RING_ARC, paused=paused, unit="s" if text else "")
    return ring


def paint_ring_picture(fraction: float, paused: bool) -> QImage:
    ring = make_ring(fraction, paused)
    try:
        image = QImage(RING_SIDE, RING_SIDE, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#ffffff"))
        ring.render(image, QPoint(), ring.rect(), QWidget.RenderFlag(0))
        return image
    finally:
        ring.deleteLater()


def difference(a: QImage, b: QImage) -> tuple[float, float]:
    """(share of pixels whose channels differ by more than 64 of 255, mean difference per channel)."""
    assert a.size() == b.size()
    a = a.convertToFormat(QImage.Format.Format_RGBA8888)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888)
    da, db = bytes(a.constBits()), bytes(b.constBits())
    stride, width = a.bytesPerLine(), a.width() * 4
    far = total = 0
    for y in range(a.height()):
        row_a, row_b = da[y * stride: y * stride + width], db[y * stride: y * stride + width]
        if row_a == row_b:
            continue
        for x in range(0, width, 4):
            deltas = [abs(row_a[x + i] - row_b[x + i]) for i in range(3)]
            total += sum(deltas)
            far += max(deltas) > 64
    pixels = a.width() * a.height()
    return far / pixels, total / (pixels * 3)


def assert_same_picture(now: QImage, before: QImage, what: str, *, far: float = 0.002,
                        mean: float = 0.5) -> None:
    share, average = difference(now, before)
    assert share <= far and average <= mean, (
        f"{what}: {share:.2%} of the pixels differ visibly, {average:.2f} levels on average")


@pytest.fixture(scope="module")
def poses(catalog):
    return load_poses(catalog=catalog)


# -- as before ---------------------------------------------------------------------


@pytest.mark.parametrize(("exercise", "t", "side", "dark"), FIGURES)
def test_the_figure_looks_as_it_did(qapp, poses, exercise, t, side, dark):
    name = figure_name(exercise, t, side, dark)
    before = QImage(str(REFERENCES / name))
    assert not before.isNull(), f"{name} is missing: see this module's docstring"
    assert_same_picture(paint_figure_picture(poses, exercise, t, side, dark), before, name)


@pytest.mark.parametrize(("fraction", "paused"), RINGS)
def test_the_ring_looks_as_it_did(qapp, fraction, paused):
    name = ring_name(fraction, paused)
    before = QImage(str(REFERENCES / name))
    assert not before.isNull(), f"{name} is missing: see this module's docstring"
    assert_same_picture(paint_ring_picture(fraction, paused), before, name)


# -- on screen, piece by piece, as in one go ------------------------------------------


def on_screen(widget: QWidget) -> QImage:
    """What the window shows where ``widget`` is: what every paint so far left behind."""
    QApplication.processEvents()
    window = widget.window()
    grabbed = widget.screen().grabWindow(window.winId()).toImage()
    origin = widget.mapTo(window, QPoint())
    dpr = grabbed.devicePixelRatio()
    box = QRect(round(origin.x() * dpr), round(origin.y() * dpr),
                round(widget.width() * dpr), round(widget.height() * dpr))
    return grabbed.copy(box)


class Seconds:
    """A clock moved by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_moving_figure_on_screen_is_the_picture_painted_in_one_go(qtbot, poses):
    clock = Seconds()
    widget = FigureWidget(poses, clock=clock)
    qtbot.addWidget(widget)
    widget.resize(*SIZE)
    widget.show()
    qtbot.waitExposed(widget)
    colors = widget.figure_colors()
    for exercise, side in (("shoulder-circles", None), ("split-hip-stretch", "left"), ("bridge", "right")):
        widget.show_exercise(exercise, side)
        for step in range(1, 9):  # easing, frame by frame, to the hold pose
            clock.now += 0.13
            qtbot.waitUntil(lambda: widget.progress == pytest.approx(min(1.0, step * 0.13)), timeout=2000)
            QApplication.processEvents()
        shown = on_screen(widget)
        assert_same_picture(shown, render_exercise(poses[exercise], SIZE, t=1.0, side=side, colors=colors),
                            f"{exercise} eased", far=0, mean=0.05)
        for t in (0.9, 0.6, 0.65, 0.2, 0.0, 0.35):  # moving with the routine's ticks
            widget.set_pose_progress(t)
            QApplication.processEvents()
        expected = render_exercise(poses[exercise], SIZE, t=widget.eased_progress(), side=side, colors=colors)
        assert_same_picture(on_screen(widget), expected, f"{exercise} moved", far=0, mean=0.05)


def test_the_ring_on_screen_is_the_picture_painted_in_one_go(qtbot):
    ring = make_ring(1.0, False, "30")
    qtbot.addWidget(ring)
    ring.show()
    qtbot.waitExposed(ring)
    for tenth in range(300, 200, -1):  # ten seconds of a 30 s hold, at the window's ten ticks a second
        seconds = tenth / 10
        ring.set_state(fraction=seconds / 30, remaining=seconds, value_text=str(int(seconds + 0.999)),
                       caption="HOLD", accessible="", color=RING_ARC, unit="s")
        QApplication.processEvents()
    shown = on_screen(ring)
    fresh = make_ring(ring.shown_fraction, False, ring.value_text)
    try:
        image = QImage(RING_SIDE, RING_SIDE, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(ring.palette().color(QPalette.ColorRole.Window))
        fresh.render(image, QPoint(), fresh.rect(), QWidget.RenderFlag.DrawWindowBackground)
    finally:
        fresh.deleteLater()
    # Qt strokes a thick arc's edges a fraction of a pixel differently for
    # each length, so the part not repainted may differ from a fresh arc by
    # a few antialiasing levels; an end left behind would differ by a whole
    # cap (about 150 pixels here).
    assert_same_picture(shown, image, "ring after ten seconds", far=0.0005, mean=0.2)


# -- writing the references ---------------------------------------------------------


def write_references() -> None:
    from deskbreak.ui.render import ensure_gui_app

    ensure_gui_app()
    REFERENCES.mkdir(exist_ok=True)
    poses = load_poses(catalog=load_catalog())
    for case in FIGURES:
        paint_figure_picture(poses, *case).save(str(REFERENCES / figure_name(*case)))
    for case in RINGS:
        paint_ring_picture(*case).save(str(REFERENCES / ring_name(*case)))
    print(f"wrote {len(FIGURES) + len(RINGS)} pictures to {REFERENCES}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit(__doc__)
    write_references()
