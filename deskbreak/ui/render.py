"""Render exercise figures to PNG files, without a window.

``deskbreak catalog --render DIR`` calls :func:`render_catalog`; the README's
overview picture is a :func:`contact_sheet` of those files.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Iterable, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QApplication

from deskbreak.core.content.catalog import Catalog
from deskbreak.core.content.poses import ExercisePoses, load_poses
from deskbreak.core.content.user_exercises import figure_of
from deskbreak.ui.figure_paint import FigureColors, paint_exercise

_app: QGuiApplication | None = None


def ensure_gui_app() -> QGuiApplication:
    """The running application, or a new offscreen one (text needs one).

    A new one is a QApplication, so widgets can still be made afterwards in
    the same process (tests do).
    """
    global _app
    app = QGuiApplication.instance()
    if app is None:
        # -platform on the command line beats QT_QPA_PLATFORM: rendering never
        # needs a display, so a headless machine can render too.
        _app = QApplication(["deskbreak-render", "-platform", "offscreen"])
        app = _app
    return app  # type: ignore[return-value]


def render_exercise(
    poses: ExercisePoses,
    size: tuple[int, int] = (480, 360),
    *,
    t: float = 1.0,
    side: str | None = None,
    caption: str | None = None,
    colors: FigureColors | None = None,
) -> QImage:
    """An image of ``poses`` ``t`` of the way to the hold pose, with an optional caption."""
    ensure_gui_app()
    colors = colors or FigureColors.light()
    width, height = size
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(colors.background)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        figure_rect = QRectF(0, 0, width, height)
        if caption:
            font = QFont()
            font.setPixelSize(max(10, round(height * 0.045)))
            painter.setFont(font)
            line = painter.fontMetrics().height()
            band = line + max(6, round(height * 0.03))
            figure_rect = QRectF(0, 0, width, height - band)
            painter.setPen(colors.cue)
            painter.drawText(QRectF(8, height - band, width - 16, band - 4),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter), caption)
        paint_exercise(painter, figure_rect, poses, t, colors, side)
    finally:
        painter.end()
    return image


def render_catalog(
    catalog: Catalog,
    directory: Path,
    size: tuple[int, int] = (480, 360),
    *,
    poses: dict[str, ExercisePoses] | None = None,
    colors: FigureColors | None = None,
) -> list[Path]:
    """Write ``<id>.png`` (hold pose, highlight, name caption) for every exercise with poses.

    Exercises without poses yet are skipped. Returns the written paths in
    catalog order.
    """
    ensure_gui_app()
    if poses is None:
        poses = load_poses(catalog=catalog)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for exercise in catalog.exercises.values():
        entry = figure_of(poses, exercise)
        if entry is None:
            continue
        image = render_exercise(entry, size, caption=exercise.name, colors=colors)
        path = directory / f"{exercise.id}.png"
        if not image.save(str(path), "PNG"):
            raise OSError(f"{path}: cannot write image")
        written.append(path)
    return written


def render_frames(
    catalog: Catalog,
    directory: Path,
    frames: int,
    size: tuple[int, int] = (360, 270),
    *,
    poses: dict[str, ExercisePoses] | None = None,
    only: Sequence[str] | None = None,
) -> list[Path]:
    """``<id>-<side>-<k>.png``: ``frames`` moments from start to hold per exercise and side, as the guide
    shows them, and ``<id>-sheet.png`` with them all in a row per side.

    ``only`` limits it to those exercise ids. Returns the sheets and frames written.
    """
    from deskbreak.core.content.pose_motion import exercise_sides, sample_times

    ensure_gui_app()
    if poses is None:
        poses = load_poses(catalog=catalog)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for exercise in catalog.exercises.values():
        entry = figure_of(poses, exercise)
        if entry is None or (only is not None and exercise.id not in only):
            continue
        frames_written = []
        for side in exercise_sides(catalog, exercise.id):
            for index, t in enumerate(sample_times(frames)):
                image = render_exercise(entry, size, t=t, side=side,
                                        caption=f"{exercise.id} {side or ''} t={t:.2f}")
                path = directory / f"{exercise.id}-{side or 'both'}-{index:02d}.png"
                if not image.save(str(path), "PNG"):
                    raise OSError(f"{path}: cannot write image")
                frames_written.append(path)
        written.append(contact_sheet(frames_written, directory / f"{exercise.id}-sheet.png",
                                     columns=len(sample_times(frames)), thumb_width=size[0]))
        written += frames_written
    return written


def contact_sheet(
    paths: Sequence[Path] | Iterable[Path],
    out_path: Path,
    columns: int = 6,
    *,
    thumb_width: int = 240,
    gap: int = 8,
    background: QColor | None = None,
) -> Path:
    """Compose the images at ``paths`` into one PNG grid of thumbnails."""
    ensure_gui_app()
    images = []
    for path in paths:
        image = QImage(str(path))
        if image.isNull():
            raise OSError(f"{path}: cannot read image")
        images.append(image.scaledToWidth(thumb_width, Qt.TransformationMode.SmoothTransformation))
    if not images:
        raise ValueError("contact_sheet needs at least one image")
    columns = max(1, min(columns, len(images)))
    rows = math.ceil(len(images) / columns)
    cell_h = max(i.height() for i in images)
    sheet = QImage(gap + columns * (thumb_width + gap), gap + rows * (cell_h + gap),
                   QImage.Format.Format_ARGB32_Premultiplied)
    sheet.fill(background or QColor("#e8eaed"))
    painter = QPainter(sheet)
    try:
        for index, image in enumerate(images):
            row, col = divmod(index, columns)
            painter.drawImage(gap + col * (thumb_width + gap), gap + row * (cell_h + gap), image)
    finally:
        painter.end()
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    if not sheet.save(str(out_path), "PNG"):
        raise OSError(f"{out_path}: cannot write image")
    return out_path
