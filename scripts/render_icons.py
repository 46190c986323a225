"""Renders deskbreak's icon from assets/icons/deskbreak.svg (run after changing it; the output is committed).

    .venv/bin/python scripts/render_icons.py

Writes:

* ``assets/icons/hicolor/<N>x<N>/apps/deskbreak.png`` for the sizes a
  freedesktop icon theme looks for (16 to 256 px), which
  ``make install-desktop`` copies into ``$XDG_DATA_HOME/icons/hicolor``;
* ``packaging/windows/deskbreak.ico``, the executable's icon on Windows;
* ``packaging/macos/deskbreak.icns``, the app bundle's icon on macOS.

Qt's SVG renderer draws each size from the vector, offscreen, so it needs no
display and no other program. Qt can write ``.ico`` and ``.icns`` with one
image each; both formats are a short index over PNG images, so they are
written here with every size in them.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SVG = REPO / "assets" / "icons" / "deskbreak.svg"
HICOLOR = REPO / "assets" / "icons" / "hicolor"
ICO = REPO / "packaging" / "windows" / "deskbreak.ico"
ICNS = REPO / "packaging" / "macos" / "deskbreak.icns"

# The hicolor sizes desktops ask for: panels (16-24), menus and launchers
# (32-64), software centres and alt-tab (128-256).
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
# Windows picks from these for the taskbar, Explorer's views and the tray.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns entry types holding PNG data, by pixel size (Retina types reuse sizes).
ICNS_TYPES = (
    (b"icp4", 16), (b"ic11", 32), (b"icp5", 32), (b"ic12", 64), (b"ic07", 128),
    (b"ic13", 256), (b"ic08", 256), (b"ic14", 512), (b"ic09", 512), (b"ic10", 1024),
)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data)


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNGs (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        # Width and height are one byte each: 0 means 256.
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(images[size])) + images[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"render_icons: {SVG} is not a valid SVG", file=sys.stderr)
        return 1
    sizes = sorted(set(HICOLOR_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    images = {size: png_bytes(render(renderer, size)) for size in sizes}
    for size in HICOLOR_SIZES:
        out = HICOLOR / f"{size}x{size}" / "apps" / "deskbreak.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(images[size])
        print(out.relative_to(REPO))
    for out, data in ((ICO, ico({s: images[s] for s in ICO_SIZES})), (ICNS, icns(images))):
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        print(out.relative_to(REPO))
    return 0


if __name__ == "__main__":
    # Text and fonts in an SVG need a QGuiApplication; the offscreen platform serves.
    app = QGuiApplication(sys.argv[:1])
    sys.exit(main())
